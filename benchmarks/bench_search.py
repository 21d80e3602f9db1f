"""Search latency on a large generated corpus.

    python benchmarks/bench_search.py                  # 100,000 papers (built once, then reused)
    python benchmarks/bench_search.py --papers 20000 --rebuild

Papers come from bench_tag.py's generator (Indonesian-like words from a Zipf vocabulary,
affixed forms, English sentences, codebook terms, typos), with a title (the opening words
of the abstract), a year (2014-2024) and the theme "hoax" on every seventh paper. The corpus
is built once under the temporary directory and reused while its size and this file's
generator settings do not change (--rebuild builds it again). Prints the time to store the
papers, to build the search index and its size, then the latency of a fixed set of queries
(1-3 words, Indonesian and English, affixed forms, phrases, OR, exclusions, filters) as
search_corpus runs them: bringing the index up to date (nothing to do), matching and ranking,
and cutting snippets for the 20 best papers. One core.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tag import abstracts, peak_mib  # noqa: E402

from litreview.search import search_corpus, update_search_index  # noqa: E402
from litreview.store import CORPUS_DIRNAME, DB_NAME, Corpus  # noqa: E402
from litreview.text.stem import Stemmer  # noqa: E402

SEED = 11
THEMED_EVERY = 7
ROUNDS = 5
# (query, themes, years)
QUERIES: list[tuple[str, list[str], tuple[int | None, int | None]]] = [
    ("kampanye", [], (None, None)),
    ("berkampanye", [], (None, None)),
    ("pemilih", [], (None, None)),
    ("memilih", [], (None, None)),
    ("pemilihan umum", [], (None, None)),
    ("hoaks", [], (None, None)),
    ("polarisasi", [], (None, None)),
    ("media sosial", [], (None, None)),
    ('"media sosial"', [], (None, None)),
    ("campaigns", [], (None, None)),
    ("voters", [], (None, None)),
    ("social media", [], (None, None)),
    ('"political information"', [], (None, None)),
    ("online platforms research", [], (None, None)),
    ("hoaks OR disinformasi", [], (None, None)),
    ("kampanye -hoaks", [], (None, None)),
    ("literasi digital pemilih", [], (None, None)),
    ("partisipasi politik", [], (None, None)),
    ("relawan", [], (None, None)),
    ("pemilih muda", [], (2020, 2024)),
    ("kampanye", ["hoax"], (None, None)),
    ("campaign results", ["hoax"], (2022, None)),
]


def build(path: Path, papers: int) -> None:
    if path.exists():
        shutil.rmtree(path)
    corpus = Corpus.init(path)
    t0 = time.perf_counter()
    with corpus.transaction():
        for n, paper in enumerate(abstracts(papers, seed=SEED)):
            paper.title = " ".join(paper.abstract.split()[:8]).rstrip(".")
            paper.year = 2014 + n % 11
            corpus.add_paper(paper, {}, [], {"format": "text", "file_name": "generated", "sha256": "0" * 64})
            if n % THEMED_EVERY == 0:
                corpus.set_manual_tag(paper.key, "hoax", True)
    print(f"stored {papers:,} papers in {time.perf_counter() - t0:.1f} s (generation included)")
    stemmer = Stemmer()
    t0 = time.perf_counter()
    indexed = update_search_index(corpus, stemmer)
    elapsed = time.perf_counter() - t0
    print(f"index built: {indexed:,} papers in {elapsed:.1f} s ({indexed / elapsed:,.0f} papers/s; "
          f"{stemmer.cache_size():,} distinct words stemmed); peak RSS {peak_mib():.0f} MiB")
    corpus.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    corpus.close()
    (path / "complete").write_text(str(papers))


def size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in (path / CORPUS_DIRNAME).glob(DB_NAME + "*")) / 2**20


def index_mib(corpus: Corpus) -> float | None:
    try:
        row = corpus.db.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"
        ).fetchone()
    except Exception:  # dbstat is not compiled into every SQLite
        return None
    return row[0] / 2**20 if row and row[0] else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="build the corpus again even if one is cached")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "litreview-bench-search")
    args = parser.parse_args()
    path = args.dir / f"papers-{args.papers}-seed-{SEED}"
    if args.rebuild or not (path / "complete").is_file():
        build(path, args.papers)
    else:
        print(f"reusing the corpus in {path} (--rebuild builds it again)")
    print(f"database: {size_mib(path):,.1f} MiB", end="")
    corpus = Corpus(path / CORPUS_DIRNAME)
    found = index_mib(corpus)
    print(f", of which the search index {found:,.1f} MiB" if found else "")
    stemmer = Stemmer()
    t0 = time.perf_counter()
    search_corpus(corpus, "kampanye", stemmer=stemmer)
    print(f"first search in this process (Sastrawi loaded, pages read from disk): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    times: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for _ in range(ROUNDS):
        for query, themes, years in QUERIES:
            label = query + (f"  --theme {','.join(themes)}" if themes else "") + (
                f"  --year {years[0] or ''}-{years[1] or ''}" if years != (None, None) else "")
            t0 = time.perf_counter()
            hits = search_corpus(corpus, query, themes=themes, years=years, limit=20, stemmer=stemmer)
            times.setdefault(label, []).append((time.perf_counter() - t0) * 1000)
            counts[label] = len(hits)
    total = corpus.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
    print(f"\n{'query':<45} {'hits':>5} {'median ms':>10} {'max ms':>8}   ({ROUNDS} runs each, {total:,} papers)")
    for label, values in times.items():
        print(f"{label:<45} {counts[label]:>5} {statistics.median(values):>10.1f} {max(values):>8.1f}")
    per_query = sorted(statistics.median(v) for v in times.values())
    every = sorted(t for v in times.values() for t in v)
    p90 = every[min(len(every) - 1, int(len(every) * 0.9))]
    print(f"\nover {len(times)} queries x {ROUNDS} runs: median {statistics.median(every):.1f} ms, "
          f"p90 {p90:.1f} ms, max {every[-1]:.1f} ms (slowest query's median {per_query[-1]:.1f} ms)")
    corpus.close()
    exe = Path(sys.executable).with_name("litreview")
    if exe.exists():
        t0 = time.perf_counter()
        subprocess.run([str(exe), "search", "--corpus", str(path), "media", "sosial", "--format", "json"],
                       check=True, capture_output=True)
        print(f"`litreview search media sosial --format json` as a new process: "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms end to end")


if __name__ == "__main__":
    main()
