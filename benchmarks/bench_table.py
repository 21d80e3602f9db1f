"""Time to build and render each review table for a large tagged corpus.

    python benchmarks/bench_table.py                  # 10,000 tagged papers
    python benchmarks/bench_table.py --papers 2000

Generates abstracts (as bench_tag.py does), adds and tags them in a corpus in a
temporary directory, then for each table kind times loading the papers from
the corpus and building the table, and rendering it in every format. Target:
matrix and themes under 2 seconds (build + render) in every text format.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tag import abstracts  # noqa: E402

from litreview.model import Person  # noqa: E402
from litreview.render import FORMATS, render  # noqa: E402
from litreview.store import Corpus  # noqa: E402
from litreview.synthesis.review import ReviewFilter, evidence_by_paper, findings_for, load_entries  # noqa: E402
from litreview.tagging import tag_corpus  # noqa: E402
from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

SURNAMES = "Cobis Rusadi Fahruji Fahrudin Munadi Lestari Nugroho Siregar Hasibuan Wibowo Putri Santoso".split()


def make_corpus(root: Path, papers: int, databases: list[str] | None = None) -> Corpus:
    """A tagged corpus of generated papers; with ``databases``, each record comes from one of them
    (a CSV export naming its database; "" a RIS file naming none)."""
    corpus = Corpus.init(root)
    rng = random.Random(5)
    with corpus.transaction():
        for paper in abstracts(papers, seed=13):
            paper.authors = [Person(family=rng.choice(SURNAMES), given="A.") for _ in range(rng.randint(1, 4))]
            paper.year = rng.randint(2015, 2024)
            paper.title = paper.abstract.split(".")[0][:90]
            source: dict = {"format": "text", "file_name": "generated", "sha256": "0" * 64}
            if databases:
                database = rng.choice(databases)
                source.update(format="csv" if database else "ris", details={"database": database})
            corpus.add_paper(paper, {}, [], source)
    tag_corpus(corpus, Tagger(load_codebook()))
    return corpus


def build(kind: str, corpus: Corpus, codebook):  # type: ignore[no-untyped-def]
    from litreview.synthesis.grid import build_theme_grid
    from litreview.synthesis.matrix import build_matrix
    from litreview.synthesis.quotes import build_evidence_table
    from litreview.synthesis.synthesize import build_synthesis

    entries = load_entries(corpus, codebook, ReviewFilter())
    if kind == "themes":
        return build_theme_grid(entries, codebook)
    if kind == "matrix":
        return build_matrix(entries, codebook, findings=findings_for(corpus, entries))
    evidence = evidence_by_paper(corpus, entries)
    if kind == "synthesis":
        return build_synthesis(entries, evidence, codebook)
    return build_evidence_table(entries, evidence, codebook)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        corpus = make_corpus(Path(tmp), args.papers)
        print(f"{args.papers:,} papers added and tagged in {time.perf_counter() - t0:.1f} s")
        codebook = load_codebook()
        t0 = time.perf_counter()
        build("matrix", corpus, codebook)
        print(f"matrix, first build (finds and keeps every paper's findings): {time.perf_counter() - t0:.2f} s")
        for kind in ("matrix", "themes", "synthesis", "evidence"):
            t0 = time.perf_counter()
            table = build(kind, corpus, codebook)
            built = time.perf_counter() - t0
            print(f"{kind}: {len(table.rows):,} rows built in {built:.2f} s")
            for fmt in FORMATS:
                t1 = time.perf_counter()
                data = render([table], fmt, width=160)
                rendered = time.perf_counter() - t1
                print(f"  {fmt:9s} {rendered:6.2f} s render, {built + rendered:6.2f} s with build, "
                      f"{len(data) / 1e6:6.1f} MB")
        corpus.close()


if __name__ == "__main__":
    main()
