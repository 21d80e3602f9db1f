"""Throughput of the PDF importer: pages per second over every PDF in a directory.

    python benchmarks/bench_pdf.py [DIRECTORY] [--pool N]

DIRECTORY defaults to ../shared/data/pdf (next to the repository). Prints each
file's pages and seconds, then the totals for one process and, with --pool N,
for a pool of N worker processes (the way a batch import runs).
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.errors import ImportFailed  # noqa: E402
from litreview.ingest.pdf import read  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "pdf"


def timed_read(path: Path) -> tuple[str, int, float, str]:
    """(file name, pages, seconds, problem) for one file; safe to run in a worker process."""
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        paper = read(data, path.name).papers[0]
        pages, problem = paper.pages_count, "; ".join(paper.warnings)
    except ImportFailed as exc:  # reported as text: the exception does not cross processes intact
        pages, problem = 0, f"failed: {exc.problem}"
    return path.name, pages, time.perf_counter() - start, problem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--pool", type=int, default=0, help="also time a pool of this many processes")
    args = parser.parse_args()
    files = sorted(args.directory.rglob("*.pdf"))
    if not files:
        sys.exit(f"no PDF files under {args.directory}")

    start = time.perf_counter()
    results = [timed_read(path) for path in files]
    wall = time.perf_counter() - start
    for name, pages, seconds, problem in results:
        note = f"  ({problem})" if problem else ""
        print(f"{name[:60]:60} {pages:4d} pages {seconds:7.3f} s{note}")
    total_pages = sum(r[1] for r in results)
    rate = total_pages / wall
    print(f"\n1 process: {len(files)} files, {total_pages} pages in {wall:.2f} s = {rate:.0f} pages/s")

    if args.pool > 1:
        start = time.perf_counter()
        with ProcessPoolExecutor(args.pool) as pool:
            pooled = list(pool.map(timed_read, files, chunksize=1))
        wall = time.perf_counter() - start
        pages = sum(r[1] for r in pooled)
        rate = pages / wall
        print(
            f"{args.pool} processes: {pages} pages in {wall:.2f} s = {rate:.0f} pages/s (start-up included)"
        )


if __name__ == "__main__":
    main()
