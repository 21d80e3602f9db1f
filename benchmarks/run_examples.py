"""Re-run the commands of the example pages and put their real output under them.

    python benchmarks/run_examples.py            # rewrite examples/*.md in place
    python benchmarks/run_examples.py --check    # exit 1 if a page no longer shows what its commands print

Each ```console block of ``examples/*.md`` holds ``$ command`` lines, each followed by what it
printed (stdout and stderr).
The commands run in order, page by page, in a scratch folder holding a copy of ``corpus/`` and
``examples/`` (so a page reads like a user's session in ``/home/you/skripsi``), with the
installed ``litreview`` first on the PATH. The scratch folder's path is written as
``/home/you/skripsi``; a block whose command writes a file shows what the command printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("walkthrough.md", "claims.md")
BLOCK = re.compile(r"```console\n(?P<body>\$ .*?)```", re.DOTALL)
COMMAND = re.compile(r"^\$ (.+)$", re.MULTILINE)
SHOWN_HOME = "/home/you/skripsi"


def run_page(text: str, workdir: Path, env: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        parts = []
        for command in COMMAND.findall(match.group("body")):
            done = subprocess.run(["bash", "-c", command + " 2>&1"], cwd=workdir, env=env, capture_output=True,
                                  text=True, timeout=300)
            output = done.stdout.replace(str(workdir), SHOWN_HOME)
            if output and not output.endswith("\n"):
                output += "\n"
            parts.append(f"$ {command}\n{output}")
        return "```console\n" + "".join(parts) + "```"

    return BLOCK.sub(replace, text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report pages that differ")
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("litreview")
    if not exe.exists():
        print(f"the litreview command is not installed beside {sys.executable}", file=sys.stderr)
        return 2
    env = {**os.environ, "PATH": f"{exe.parent}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "100",
           "LITREVIEW_LANG": "", "NO_COLOR": "1"}
    env.pop("LITREVIEW_CORPUS", None)
    differ = []
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch) / "skripsi"
        workdir.mkdir()
        shutil.copytree(ROOT / "corpus", workdir / "corpus")
        shutil.copytree(ROOT / "examples", workdir / "examples")
        for name in PAGES:
            page = ROOT / "examples" / name
            before = page.read_text(encoding="utf-8")
            after = run_page(before, workdir, env)
            if after != before:
                differ.append(name)
                if not args.check:
                    page.write_text(after, encoding="utf-8")
    verb = "differ" if args.check else "rewritten"
    print(f"{len(differ)} of {len(PAGES)} pages {verb}" + (f": {', '.join(differ)}" if differ else ""))
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
