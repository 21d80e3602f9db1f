"""Prove that a change to importing, the store or the table builders changes no output.

    python benchmarks/check_table_output.py --save /tmp/tables-before.jsonl   # before the change
    python benchmarks/check_table_output.py --check /tmp/tables-before.jsonl  # after: identical?

Builds two corpora in a temporary folder through the command line, as a user would: the bundled
``corpus/`` and a generated library (``bench_scale.generate_library``, 3,000 records by default,
with repeated records and missing attachments). For each it records what ``add`` printed (the
added keys, duplicates with their reasons, possible duplicates, warnings, the summary), what
``tag`` printed, ``list --format json``, ``dupes --format json``, and every table (matrix, themes,
synthesis, claims, evidence) as JSON in English and Indonesian, the matrix built twice (the first
build may find the findings, the second reads them kept); then the matrix once more after a
theme decision by hand and ``tag --force``. One JSON line per output; ``--check`` exits 1 at the
first line that differs. Outputs quote the generated and sample texts: keep the dump outside the
project (the default is /tmp).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

TABLES = ("matrix", "matrix", "themes", "synthesis", "claims", "evidence")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")


def _run(corpus: Path, *args: str) -> tuple[int, str, str]:
    env = dict(os.environ, COLUMNS="200", LITREVIEW_LANG="")
    where = ["--corpus", str(corpus)] if args[0] != "init" else [str(corpus)]
    proc = subprocess.run([sys.executable, "-m", "litreview", *args, *where], cwd=corpus,
                          env=env, capture_output=True, text=True)

    def tidy(text: str) -> str:
        return _STAMP.sub("<time>", text.replace(str(corpus.parent), "<tmp>"))

    return proc.returncode, tidy(proc.stdout), tidy(proc.stderr)


def outputs(corpus: Path, sources: list[str], verbose: bool) -> Iterator[tuple[str, object]]:
    corpus.mkdir(parents=True)
    code, _, err = _run(corpus, "init")
    if code:
        raise SystemExit(f"litreview init {corpus}: {err}")
    code, out, err = _run(corpus, "add", *sources, *(["--verbose"] if verbose else []))
    # the order of stderr lines is not part of the output compared: their set is
    yield "add", {"code": code, "out": out, "err": sorted(err.splitlines())}
    yield "tag", _run(corpus, "tag")
    for name in ("list", "dupes"):
        yield name, _run(corpus, name, "--format", "json")
    for lang in ("en", "id"):
        for kind in TABLES:
            yield f"table {kind} {lang}", _run(corpus, "table", kind, "--format", "json", "--lang", lang)
    code, out, _ = _run(corpus, "list", "--format", "json")
    keys = [row["key"] for row in json.loads(out)] if code == 0 and out.strip() else []
    if keys:
        yield "tag add", _run(corpus, "tag", "add", keys[0], "hoax")
        yield "table matrix after tag add", _run(corpus, "table", "matrix", "--format", "json")
        yield "tag --force", _run(corpus, "tag", "--force")
        yield "table matrix after tag --force", _run(corpus, "table", "matrix", "--format", "json")


def dump_lines(records: int, verbose: bool) -> Iterator[str]:
    from bench_scale import generate_library

    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library.bib"
        generate_library(library, records, seed=23)
        for label, sources in (("sample", [str(ROOT / "corpus")]), ("generated", [str(library)])):
            for name, value in outputs(Path(tmp) / label, sources, verbose):
                yield json.dumps({"corpus": label, "output": name, "value": value}, ensure_ascii=False,
                                 sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the dump here")
    group.add_argument("--check", type=Path, help="compare with this dump")
    parser.add_argument("--records", type=int, default=3000, help="records of the generated library (3000)")
    parser.add_argument("--verbose", action="store_true", help="add with --verbose (every warning listed)")
    args = parser.parse_args()
    started = time.perf_counter()
    digest = hashlib.sha256()
    lines = list(dump_lines(args.records, args.verbose))
    for line in lines:
        digest.update(line.encode("utf-8", "surrogatepass"))
    if args.save:
        args.save.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"saved {len(lines)} outputs to {args.save} (sha256 {digest.hexdigest()[:16]}) "
              f"in {time.perf_counter() - started:.1f} s")
        return
    saved = args.check.read_text(encoding="utf-8").splitlines()
    for number, (line, expected) in enumerate(zip(lines, saved, strict=False), 1):
        if line != expected:
            record = json.loads(line)
            print(f"line {number} differs: {record['corpus']} corpus, {record['output']}")
            print(f"  expected: {expected[:800]}")
            print(f"  got:      {line[:800]}")
            sys.exit(1)
    if len(lines) != len(saved):
        print(f"{len(lines)} outputs now, {len(saved)} saved")
        sys.exit(1)
    print(f"identical: {len(lines)} outputs (sha256 {digest.hexdigest()[:16]}) "
          f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
