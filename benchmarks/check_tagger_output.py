"""Prove that a change to the tagger changes no decision and no evidence.

    python benchmarks/check_tagger_output.py --save /tmp/tagger-before.jsonl   # before the change
    python benchmarks/check_tagger_output.py --check /tmp/tagger-before.jsonl  # after: identical?

Tags every text it can find, each with several codebooks (the default one, the example
codebook and the test fixtures' codebook), and writes the tagger's whole output, one JSON
line per paper and codebook: themes, levels, scores, thresholds, every evidence sentence
with its place, citation flag, weight and matches, facets and word counts. The texts:
``../shared`` (texts, samples, real PDFs and bibliographies) when present, the bundled
``corpus/``, everything under ``tests/fixtures`` that ``litreview add`` reads, and the first
papers of ``bench_tag.py``'s synthetic stream. ``--check`` exits 1 at the first line that
differs. The dump quotes the texts, so keep it outside the project (the default is /tmp).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from litreview.model import Paper  # noqa: E402
from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CODEBOOKS = [None, ROOT / "examples" / "codebook-kampanye-digital.yaml",
             ROOT / "tests" / "fixtures" / "codebooks" / "small.yaml"]


def _imported(label: str, paths: list[Path]) -> Iterator[tuple[str, Paper]]:
    """The papers ``litreview add`` makes of each path (one in-memory corpus per path)."""
    from litreview.add import AddOptions, add_paths
    from litreview.store import Corpus

    for path in paths:
        corpus = Corpus.in_memory()
        try:
            add_paths(corpus, [str(path)], AddOptions(allow_duplicates=True))
            for paper in corpus.iter_papers(full=True):
                yield f"{label}:{path.name}:{paper.key}", paper
        finally:
            corpus.close()


def papers(synthetic: int) -> Iterator[tuple[str, Paper]]:
    groups: list[tuple[str, list[Path]]] = []
    if SHARED.is_dir():
        for name in ("texts", "samples"):
            folder = SHARED / name
            if folder.is_dir():
                groups.append((name, sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))))
        data = SHARED / "data"
        if data.is_dir():
            groups.append(("data", sorted(p for p in data.rglob("*") if p.is_file() and p.suffix.lower() in (
                ".pdf", ".bib", ".ris", ".json", ".csv", ".nbib", ".enw", ".yml", ".txt"))))
    groups.append(("corpus", [ROOT / "corpus"]))
    fixtures = ROOT / "tests" / "fixtures"
    groups.append(("fixtures", sorted(p for p in fixtures.rglob("*") if p.is_file() and p.suffix != ".py"
                                      and "codebooks" not in p.parts)))
    for label, paths in groups:
        yield from _imported(label, paths)
    if synthetic:
        from bench_tag import abstracts

        for paper in abstracts(synthetic):
            yield f"synthetic:{paper.key}", paper


def dump_lines(synthetic: int) -> Iterator[str]:
    import contextlib
    import io
    import logging

    logging.disable(logging.CRITICAL)
    taggers = [(str(path.name) if path else "default", Tagger(load_codebook(path))) for path in CODEBOOKS]
    with contextlib.redirect_stderr(io.StringIO()):
        items = list(papers(synthetic))
    for name, tagger in taggers:
        for label, paper in items:
            tagging = tagger.tag(paper)
            record = {"codebook": name, "paper": label, "words": tagging.words, "content": tagging.content,
                      "digest": tagging.codebook, "tags": [t.to_dict() for t in tagging.tags],
                      "facets": tagging.facets.to_dict()}
            yield json.dumps(record, ensure_ascii=False, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the dump here")
    group.add_argument("--check", type=Path, help="compare with this dump")
    parser.add_argument("--synthetic", type=int, default=3000, help="papers of the synthetic stream (default 3000)")
    args = parser.parse_args()
    started = time.perf_counter()
    digest = hashlib.sha256()
    count = 0
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            for line in dump_lines(args.synthetic):
                out.write(line + "\n")
                digest.update(line.encode("utf-8", "surrogatepass"))
                count += 1
        print(f"saved {count:,} taggings to {args.save} (sha256 {digest.hexdigest()[:16]}) "
              f"in {time.perf_counter() - started:.1f} s")
        return
    with args.check.open(encoding="utf-8") as saved:
        for number, line in enumerate(dump_lines(args.synthetic), 1):
            expected = saved.readline().rstrip("\n")
            if line != expected:
                record = json.loads(line)
                print(f"line {number} differs: codebook {record['codebook']}, paper {record['paper']}")
                print(f"  expected: {expected[:600]}")
                print(f"  got:      {line[:600]}")
                sys.exit(1)
            digest.update(line.encode("utf-8", "surrogatepass"))
            count = number
        if saved.readline():
            print(f"the saved dump has more than {count:,} lines")
            sys.exit(1)
    print(f"identical: {count:,} taggings (sha256 {digest.hexdigest()[:16]}) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
