"""Tagging throughput and memory on a large generated corpus.

    python benchmarks/bench_tag.py                 # 100,000 abstracts, default codebook
    python benchmarks/bench_tag.py --papers 20000 --store 5000
    python benchmarks/bench_tag.py --real 5           # the coded real texts, re-tagged 5 times

Abstracts are generated on the fly (memory stays flat): Indonesian-like words
drawn from a Zipf-distributed vocabulary, affixed forms, English sentences,
codebook terms at a realistic rate, and typos. Prints words per second after
warm-up (one core: the tagger is single-threaded), the normaliser's cache size,
and peak memory at intervals; with --store, also the time to tag and to re-tag
(unchanged papers skipped) a corpus in SQLite.

The process collects cycles as the ``litreview`` command does (``litreview.collector``: a
first-generation threshold of 10,000 allocations); ``--default-gc`` keeps Python's default (700),
for the comparison.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.model import Paper  # noqa: E402
from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

SYLLABLES = "ba be bi bu da de di du ga gi gu ka ke ki ku la le li lu ma me mi mu na ne ni nu pa pe pi pu " \
            "ra re ri ru sa se si su ta te ti tu ya yu wa ja jo ngan nya kan lah tan ran dang sing".split()
PREFIXES = ["", "", "", "me", "mem", "ber", "di", "ter", "pe", "ke"]
SUFFIXES = ["", "", "", "kan", "an", "nya", "i"]
ENGLISH = ("the of and to in that is for on with as by this are be from at or an which their social media "
           "study political voters campaign results show online platforms information research data use").split()


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i] + word[i:]  # doubled letter
    if kind == 1:
        return word[:i] + word[i + 1 :]  # dropped letter
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped letters


def abstracts(count: int, seed: int = 7) -> Iterator[Paper]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, 40_000)
    # each word has a few affixed forms, as real words do (not every prefix with every suffix)
    forms = {w: [w] + [rng.choice(PREFIXES) + w + rng.choice(SUFFIXES) for _ in range(2)] for w in vocab}
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(vocab))))  # Zipf, summed once
    terms = [t.text.lower() for theme in load_codebook().themes for t in theme.terms]
    for n in range(count):
        sentences = []
        for _ in range(rng.randint(7, 11)):
            if rng.random() < 0.25:
                words = rng.choices(ENGLISH, k=rng.randint(12, 22))
            else:
                drawn = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(12, 22))
                words = [rng.choice(forms[w]) for w in drawn]
            if rng.random() < 0.35:
                term = rng.choice(terms)
                words.insert(rng.randrange(len(words)), typo(rng, term) if rng.random() < 0.1 else term)
            sentences.append(" ".join(words).capitalize() + ".")
        yield Paper(key=f"p{n}", abstract=" ".join(sentences), language="id")


CHUNK = 1000


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_tagger(papers: int, warmup: int) -> None:
    started = time.perf_counter()
    tagger = Tagger(load_codebook())
    print(f"codebook and stemmer loaded in {time.perf_counter() - started:.2f} s")
    words = 0
    assigned = 0
    tag_time = 0.0
    cpu_time = 0.0  # the process's own CPU time: steadier than the wall clock on a shared machine
    warm_words = 0
    checkpoints = {int(papers * f) for f in (0.1, 0.25, 0.5, 0.75, 1.0)}
    stream = abstracts(papers)
    done = 0
    while done < papers:
        # generate a chunk, then time tagging it: generation stays out of the figure, memory stays flat
        chunk = [next(stream) for _ in range(min(CHUNK, papers - done))]
        t0, c0 = time.perf_counter(), time.process_time()
        results = [tagger.tag(paper) for paper in chunk]
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        chunk_words = sum(r.words for r in results)
        if done >= warmup:
            tag_time += elapsed
            cpu_time += cpu
            warm_words += chunk_words
        words += chunk_words
        assigned += sum(len(r.assigned) for r in results)
        done += len(chunk)
        if any(done - len(chunk) < c <= done for c in checkpoints):
            print(f"  {done:>7,} papers  {words:>11,} words  cache {tagger.normalizer.cache_size():>7,} words  "
                  f"peak RSS {peak_mib():6.1f} MiB")
    rate = warm_words / tag_time if tag_time else 0.0
    print(f"tagged {papers:,} abstracts ({words:,} words, {assigned:,} themes assigned)")
    print(f"after {warmup:,} warm-up papers: {warm_words:,} words in {tag_time:.2f} s "
          f"= {rate:,.0f} words/s on one core")
    print(f"  CPU time {cpu_time:.2f} s = {warm_words / cpu_time if cpu_time else 0.0:,.0f} words/s of CPU")


def bench_store(papers: int) -> None:
    from litreview.store import Corpus
    from litreview.tagging import tag_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus.init(Path(tmp))
        with corpus.transaction():
            for paper in abstracts(papers, seed=11):
                corpus.add_paper(paper, {}, [], {"format": "text", "file_name": "generated", "sha256": "0" * 64})
        tagger = Tagger(load_codebook())
        t0 = time.perf_counter()
        report = tag_corpus(corpus, tagger)
        t1 = time.perf_counter()
        again = tag_corpus(corpus, tagger)
        t2 = time.perf_counter()
        print(f"store: tagged {len(report.tagged):,} papers ({report.words:,} words) in {t1 - t0:.2f} s "
              f"= {report.words / (t1 - t0):,.0f} words/s including SQLite reads and writes")
        print(f"store: re-tag with nothing changed: {again.unchanged:,} skipped in {t2 - t1:.2f} s")
        corpus.close()


def bench_real(rounds: int) -> None:
    """Re-tag the coded development texts (tests/gold/themes.yaml; ../shared when present), warm."""
    from litreview.themes.goldset import load_gold, read_texts

    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared"
    pairs = read_texts(load_gold(root / "tests" / "gold" / "themes.yaml"),
                       {"corpus": root / "corpus", "samples": shared, "data": shared, "texts": shared})
    papers = [paper for _, paper in pairs]
    tagger = Tagger(load_codebook())
    for paper in papers:  # warm the word cache
        tagger.tag(paper)
    started, cpu = time.perf_counter(), time.process_time()
    words = sum(tagger.tag(paper).words for _ in range(rounds) for paper in papers)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"real texts: {len(papers)} coded texts x {rounds} rounds, {words:,} words in {elapsed:.2f} s = "
          f"{words / elapsed:,.0f} words/s on one core (warm cache); CPU time {cpu:.2f} s = "
          f"{words / cpu:,.0f} words/s of CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=5_000)
    parser.add_argument("--store", type=int, default=0, help="also tag a stored corpus of this many papers")
    parser.add_argument("--real", type=int, default=0, metavar="ROUNDS",
                        help="instead, re-tag the coded development texts this many times (needs ../shared)")
    parser.add_argument("--default-gc", action="store_true",
                        help="keep Python's default cycle collection instead of the litreview command's")
    args = parser.parse_args()
    if not args.default_gc:
        from litreview import collector

        collector.tune()
    import gc

    print(f"cycle collector thresholds {gc.get_threshold()}")
    if args.real:
        bench_real(args.real)
        return
    bench_tagger(args.papers, min(args.warmup, args.papers // 2))
    if args.store:
        bench_store(args.store)


if __name__ == "__main__":
    main()
