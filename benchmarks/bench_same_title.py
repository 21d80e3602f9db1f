"""`litreview add` of many records sharing one title ("Editorial", different authors and years).

Usage: python benchmarks/bench_same_title.py [--sizes 1000 2000] [--no-cli]

For each size N: a BibTeX file of N records titled "Editorial" (each by another author, years
2000-2024) added to a fresh corpus with `add_paths` (no tagging), then with the installed CLI
(`python -m litreview add FILE --no-tag`, which also prints the notices). Prints the time, the
possible-duplicate notices the report gives and the rows kept in maybe_duplicates. Comparing every
same-titled pair made this quadratic (1,000 records: 499,500 notices).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.add import add_paths  # noqa: E402
from litreview.store import Corpus  # noqa: E402

SURNAMES = ["Wibowo", "Lestari", "Nugroho", "Rahman", "Putri", "Santoso", "Hidayat", "Siregar", "Harahap", "Utami"]


def generate(n: int) -> str:
    entries = []
    for i in range(n):
        surname = f"{SURNAMES[i % len(SURNAMES)]}{i:05d}"
        entries.append(f"@article{{ed{i},\n  title = {{Editorial}},\n  author = {{{surname}, A.}},\n"
                       f"  year = {{{2000 + i % 25}}},\n  journal = {{Jurnal {i % 40}}},\n}}\n")
    return "\n".join(entries)


def run(n: int, cli: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"editorial-{n}.bib"
        source.write_text(generate(n), encoding="utf-8")
        corpus = Corpus.init(Path(tmp))
        started = time.perf_counter()
        report = add_paths(corpus, [str(source)])
        elapsed = time.perf_counter() - started
        rows = corpus.db.execute("SELECT COUNT(*) FROM maybe_duplicates").fetchone()[0]
        groups = len(getattr(report, "title_groups", {}) or {})
        print(f"{n:>6} same-titled records: {elapsed:7.2f} s  added {len(report.added)}, "
              f"pair notices {len(report.maybe_duplicates)}, title-group notices {groups}, "
              f"maybe_duplicates rows {rows}", flush=True)
        corpus.close()
    if cli:
        with tempfile.TemporaryDirectory() as fresh:  # not below the first corpus: `add` would find it
            source = Path(fresh) / f"editorial-{n}.bib"
            source.write_text(generate(n), encoding="utf-8")
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "litreview", "add", str(source), "--no-tag"], cwd=fresh,
                                  capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            elapsed = time.perf_counter() - started
            print(f"{n:>6} same-titled records, `litreview add` (installed CLI): {elapsed:7.2f} s, exit "
                  f"{done.returncode}, {len(done.stderr.splitlines())} lines on stderr", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--no-cli", action="store_true", help="only the library call, not the installed CLI")
    args = parser.parse_args()
    for n in args.sizes:
        run(n, not args.no_cli)


if __name__ == "__main__":
    main()
