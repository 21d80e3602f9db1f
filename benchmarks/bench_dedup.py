"""Batch duplicate detection (`litreview dupes`) over generated records with known truth.

Usage: python benchmarks/bench_dedup.py [--records N] [--seed S] [--words W]

Generates N records (default 100,000) of invented election and political-communication studies:
most are single works; about a fifth come twice or three times, as different exports write them
(case and punctuation changed, authors cut to "et al." or to initials, the DOI missing on one
side, accents dropped, the subtitle dropped, a typo, the journal abbreviated, the preprint's year
one earlier); and hard negatives that must never merge (the same title in another year, often by
the same author; the parts of a numbered series). Times `find_duplicate_pairs` and `group_pairs`
and prints seconds, pairs found, peak memory, and precision and recall against the truth:
merges (strong pairs) must all be true; listed pairs are what `dupes` shows for review.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.dedup import index_fields  # noqa: E402
from litreview.duplicates import Record, find_duplicate_pairs, group_pairs  # noqa: E402
from litreview.model import Paper, Person  # noqa: E402

COMMON = (
    "pemilu pemilihan umum politik media sosial indonesia kampanye partai demokrasi pemilih pilkada "
    "calon legislatif presiden daerah analisis studi kasus peran pengaruh strategi komunikasi digital "
    "partisipasi pemuda perempuan hoaks disinformasi polarisasi identitas agama populisme oligarki "
    "election elections political campaign social media voters democracy parties party local "
    "candidates turnout participation youth women misinformation polarization identity religion "
    "populism clientelism vote buying money politics governance decentralization legitimacy "
    "the of and in on a for from to an di dan dalam pada terhadap sebagai dengan yang untuk"
).split()
ACCENTED = ("élection", "politique", "démocratie", "société", "médias", "réforme", "électorale")
SYLLABLES = ("ba be bi bo bu ka ke ki ko ku ma me mi mo mu na ni no nu ra ri ro ru sa si so su ta ti to tu "
             "ja jo ga go").split()
SURNAMES = (
    "Munadi Cobis Fahruji Wulandari Pratama Santoso Siregar Nasution Hidayat Saputra Lestari Kurniawan "
    "Aspinall Mietzner Tapsell Warburton Fossati Muhtadi Hicken Berenschot Sukmajati Tomsa Buehler "
    "Nugroho Rahmawati Setiawan Harahap Simanjuntak Wijaya Halim Tan Lim Gunawan Putri Ramadhan"
).split()
JOURNALS = [
    ("Jurnal Ilmu Sosial dan Ilmu Politik", "J. Ilmu Sos. Ilmu Polit."),
    ("Jurnal Komunikasi Politik Nusantara", "J. Komun. Polit. Nusant."),
    ("Journal of Current Southeast Asian Affairs", "J. Curr. Southeast Asian Aff."),
    ("Asian Journal of Political Science", "Asian J. Polit. Sci."),
    ("Indonesia", "Indonesia"),
    ("Contemporary Southeast Asia", "Contemp. Southeast Asia"),
    ("Jurnal Penelitian Politik", "J. Penelit. Polit."),
    ("Electoral Studies", "Elect. Stud."),
]


def vocabulary(rng: random.Random, size: int = 40_000) -> tuple[list[str], list[float]]:
    """Common words first, then invented place and group names; Zipf-like cumulative weights."""
    rare = set()
    while len(rare) < size:
        rare.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words = COMMON + list(ACCENTED) + sorted(rare)
    cum, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 10) ** 0.9
        cum.append(total)
    return words, cum


def new_work(rng: random.Random, words: list[str], cum: list[float], work: int) -> Paper:
    n = rng.randint(5, 12)
    title_words = rng.choices(words, cum_weights=cum, k=n)
    title = " ".join(title_words).capitalize()
    if rng.random() < 0.4:
        subtitle = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(3, 6)))
        title = f"{title}: {subtitle.capitalize()}"
    authors = [Person(family=rng.choice(SURNAMES), given=f"{rng.choice(SURNAMES)} {rng.choice('ABDEFHIJKMNRSTW')}.")
               for _ in range(rng.randint(1, 4))]
    journal, _ = rng.choice(JOURNALS)
    year = rng.randint(1999, 2025)
    first_page = rng.randint(1, 300)
    return Paper(
        title=title, authors=authors, year=year, date=str(year), journal=journal, volume=str(rng.randint(1, 30)),
        issue=str(rng.randint(1, 4)), pages=f"{first_page}-{first_page + rng.randint(5, 25)}",
        doi=f"10.{rng.randint(1000, 9999)}/jsp.{work}" if rng.random() < 0.7 else "",
    )


def export_copy(rng: random.Random, paper: Paper) -> Paper:
    """The same work as another database exports it."""
    import copy

    p = copy.deepcopy(paper)
    roll = rng.random
    if roll() < 0.3:
        p.title = p.title.upper() if roll() < 0.5 else p.title.lower()
    if roll() < 0.3:
        p.title = p.title.replace(": ", " - ").rstrip(".") + ("." if roll() < 0.5 else "")
    if roll() < 0.15 and ":" in p.title:
        p.title = p.title.split(":")[0]  # subtitle dropped
    if roll() < 0.1:
        p.title = _typo(rng, p.title)
    if roll() < 0.2:
        p.title = p.title.replace("é", "e")
    if roll() < 0.4 and len(p.authors) > 1:
        p.authors, p.authors_truncated = p.authors[:1], True
    if roll() < 0.3:
        p.authors = [Person(family=a.family, given=a.given[:1] + ".") for a in p.authors]
    if roll() < 0.5:
        p.doi = ""
    if roll() < 0.3:
        p.journal = dict(JOURNALS).get(p.journal, p.journal)
    if roll() < 0.3:
        p.pages = p.volume = p.issue = ""
    if roll() < 0.1 and p.year:
        p.year -= 1  # the preprint
        p.date = str(p.year)
    return p


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    i = rng.choice(letters)
    return text[:i] + rng.choice("aeiou") + text[i + 1:]


def hard_negative(rng: random.Random, paper: Paper, work: int, series: bool) -> Paper:
    """Another work that looks like ``paper``: the next part of a series, or the same title another year."""
    import copy

    p = copy.deepcopy(paper)
    p.doi = f"10.{rng.randint(1000, 9999)}/jsp.{work}" if rng.random() < 0.5 else ""
    if series:
        return p  # numbered by the caller
    p.year = (p.year or 2000) + rng.randint(1, 6)
    p.date = str(p.year)
    if rng.random() < 0.5:
        p.authors = [Person(family=rng.choice(SURNAMES), given="X.")]
    first_page = rng.randint(1, 300)
    p.pages = f"{first_page}-{first_page + 9}"
    return p


def generate(total: int, seed: int, invented_words: int = 40_000,
             keep: list[Paper] | None = None) -> tuple[list[Record], dict[int, int]]:
    """Records and the truth: record id -> work id (the papers go to ``keep`` when given)."""
    rng = random.Random(seed)
    words, cum = vocabulary(rng, invented_words)
    papers: list[tuple[Paper, int]] = []
    work = 0
    while len(papers) < total:
        work += 1
        base = new_work(rng, words, cum, work)
        roll = rng.random()
        if roll < 0.04:  # a series: parts 1 and 2 (and 3), different works
            parts = rng.randint(2, 3)
            for n in range(1, parts + 1):
                part = hard_negative(rng, base, work, series=True)
                part.title = f"{base.title}, Part {n}"
                papers.append((part, work))
                work += 1
            continue
        papers.append((base, work))
        if roll < 0.07:  # the same title in another year: another work
            work += 1
            papers.append((hard_negative(rng, base, work, series=False), work))
        elif roll < 0.27:  # the same work from one or two more exports
            for _ in range(1 if rng.random() < 0.85 else 2):
                papers.append((export_copy(rng, base), work))
    papers = papers[:total]
    rng.shuffle(papers)
    records, truth = [], {}
    for i, (paper, w) in enumerate(papers, 1):
        records.append(Record(i, f"r{i:06d}", index_fields(paper)))
        truth[i] = w
        if keep is not None:
            paper.key = f"r{i:06d}"
            keep.append(paper)
    return records, truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--words", type=int, default=40_000,
                        help="invented rare words in the vocabulary (fewer: titles share more words, blocks grow)")
    parser.add_argument("--store", action="store_true",
                        help="also time `litreview dupes`' core end to end on a corpus holding the records")
    args = parser.parse_args()
    start = time.perf_counter()
    papers: list[Paper] | None = [] if args.store else None
    records, truth = generate(args.records, args.seed, args.words, papers)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"generated {len(records):,} records in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    pairs = find_duplicate_pairs(records)
    found = time.perf_counter() - start
    start = time.perf_counter()
    groups = group_pairs(pairs)
    grouped = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"find_duplicate_pairs: {found:.2f} s; group_pairs: {grouped:.2f} s; total {found + grouped:.2f} s")
    print(f"pairs listed: {len(pairs):,} ({sum(p.strong for p in pairs):,} strong = would merge); "
          f"groups: {len(groups):,}")
    print(f"peak memory (max RSS): {rss_after:.0f} MiB ({rss_before:.0f} MiB before detection)")

    by_work: dict[int, list[int]] = {}
    for rid, w in truth.items():
        by_work.setdefault(w, []).append(rid)
    true_pairs = {(a, b) for ids in by_work.values() for a, b in combinations(sorted(ids), 2)}
    fields = {r.id: r.fields for r in records}
    listed = {(min(p.a_id, p.b_id), max(p.a_id, p.b_id)) for p in pairs}
    strong = {(min(p.a_id, p.b_id), max(p.a_id, p.b_id)) for p in pairs if p.strong}
    false_merges = strong - true_pairs
    print(f"true duplicate pairs: {len(true_pairs):,}")
    print(f"merges: precision {_ratio(len(strong - false_merges), len(strong))}, false merges {len(false_merges)}, "
          f"recall {_ratio(len(strong & true_pairs), len(true_pairs))}")
    print(f"listed (merge or review): recall {_ratio(len(listed & true_pairs), len(true_pairs))}, "
          f"true among listed {_ratio(len(listed & true_pairs), len(listed))}")
    easy = {(a, b) for a, b in true_pairs if (fields[a]["doi"] and fields[a]["doi"] == fields[b]["doi"])
            or fields[a]["norm_title"] == fields[b]["norm_title"]}
    print(f"sensitivity on true pairs sharing a DOI or exact normalised title ({len(easy):,}): "
          f"{_ratio(len(listed & easy), len(easy))} listed, {_ratio(len(strong & easy), len(easy))} merged")
    if papers:
        bench_store(papers)
    missed = sorted(true_pairs - listed)[:3]
    for a, b in missed:
        print(f"  missed: {fields[a]['norm_title'][:60]!r} ({fields[a]['year']}) / "
              f"{fields[b]['norm_title'][:60]!r} ({fields[b]['year']})")


def bench_store(papers: list[Paper]) -> None:
    """The records in a corpus on disk; `dupes`' core (read the index fields, detect, group) timed."""
    import tempfile

    from litreview.duplicates import corpus_duplicate_groups
    from litreview.store import Corpus

    with tempfile.TemporaryDirectory() as tmp, Corpus.init(Path(tmp)) as corpus:
        with corpus.transaction():
            for p in papers:
                corpus.add_paper(p, index_fields(p), [], {"format": "bibtex", "file_name": "x.bib", "sha256": "0"})
        start = time.perf_counter()
        rows = sum(1 for _ in corpus.dedup_rows())
        read = time.perf_counter() - start
        start = time.perf_counter()
        groups = corpus_duplicate_groups(corpus)
        print(f"corpus of {rows:,} papers: reading the index fields {read:.2f} s; corpus_duplicate_groups "
              f"(read + detect + group) {time.perf_counter() - start:.2f} s, {len(groups):,} groups")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.4f} ({part:,}/{whole:,})" if whole else "n/a"


if __name__ == "__main__":
    main()
