"""End-to-end throughput of `litreview add`: parsing, duplicate checks, store, file copies.

Usage: python benchmarks/bench_add.py [--entries N] [--runs R] [--pdf-dir DIR]

1. A generated BibTeX library of N entries (default 20,000; generator shared with
   bench_bibtex.py) added to a fresh corpus: entries per second, alternating runs with
   the streaming worker (the default for large files) and without it.
2. Every PDF under DIR (default ../shared/data/pdf/{indonesian,english}) added to a
   fresh corpus: pages per second, with the process pool `add` uses for batches.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_bibtex import generate  # noqa: E402

from litreview.add import add_paths  # noqa: E402
from litreview.store import Corpus  # noqa: E402


def bench_bibtex(entries: int, runs: int) -> None:
    """Alternates runs with and without the streaming worker; prints each and the medians."""
    import statistics

    import litreview.add as add_module

    threshold = add_module.STREAM_MIN_BYTES
    rates: dict[str, list[float]] = {"streamed": [], "in one process": []}
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "library.bib"
        generate(bib, entries, seed=7)
        for run in range(runs):
            for mode in rates:
                add_module.STREAM_MIN_BYTES = threshold if mode == "streamed" else 10**15
                root = Path(tmp) / f"corpus-{run}-{mode.replace(' ', '-')}"
                root.mkdir()
                with Corpus.init(root) as corpus:
                    start = time.perf_counter()
                    report = add_paths(corpus, [str(bib)])
                    elapsed = time.perf_counter() - start
                rates[mode].append(entries / elapsed)
                print(f"bibtex ({mode}): {entries} entries, {len(report.added)} added, {len(report.failed)} failed "
                      f"in {elapsed:.2f} s = {entries / elapsed:,.0f} entries/s end to end")
    add_module.STREAM_MIN_BYTES = threshold
    for mode, values in rates.items():
        print(f"bibtex ({mode}): median {statistics.median(values):,.0f} entries/s over {len(values)} runs")


def bench_pdfs(directories: list[Path]) -> None:
    pdfs = sorted(p for d in directories if d.is_dir() for p in d.glob("*.pdf"))
    if not pdfs:
        print("pdf: no PDFs found (pass --pdf-dir)")
        return
    with tempfile.TemporaryDirectory() as tmp, Corpus.init(Path(tmp)) as corpus:
        start = time.perf_counter()
        report = add_paths(corpus, [str(p) for p in pdfs])
        elapsed = time.perf_counter() - start
        pages = corpus.db.execute("SELECT SUM(pages_count) FROM papers").fetchone()[0] or 0
    print(f"pdf: {len(pdfs)} files, {len(report.added)} added, {pages} pages in {elapsed:.2f} s = "
          f"{pages / elapsed:,.0f} pages/s end to end ({len(report.failed)} failed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3, help="BibTeX runs per mode")
    parser.add_argument("--pdf-dir", type=Path, action="append")
    args = parser.parse_args()
    shared = ROOT.parent / "shared" / "data" / "pdf"
    bench_bibtex(args.entries, args.runs)
    bench_pdfs(args.pdf_dir or [shared / "indonesian", shared / "english"])


if __name__ == "__main__":
    main()
