"""Finding duplicates among many records at once (`litreview dupes`): blocking, then the rules of
:func:`litreview.dedup.judge` on the few pairs that could match. Pure: records in, pairs out.

Comparing every pair is quadratic; instead records share a *block* when they could be one work:
the same DOI; the same normalised title (in any language); the same year, first author and page
range (one article under two titles); the same year and first author (every
pair `judge` would merge on title evidence is there); or one of the two rarest words of their
titles (a title off by a typo, another year or a dropped first author still shares its rare
words). Inside a block, titles are scored one against many with rapidfuzz (``process.extract``
with ``ratio`` on token-sorted titles, which equals ``token_sort_ratio``, and on the titles as
written: ``dedup.title_similarity`` is the better of the two), skipping titles whose lengths alone
rule out ``TITLE_ALIKE``. Only pairs reaching it, or sharing a DOI or a title, go to ``judge``.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from litreview import dedup
from litreview.i18n import tr

RARE_WORDS = 2  # blocking words per title: its rarest ones
MIN_WORD_LENGTH = 3
MAX_WORD_BLOCK = 2000  # a word shared by more titles than this says too little to block on
MAX_EXACT_BLOCK = 300  # beyond this, an exact title ("Editorial") is compared within year and author only


@dataclass
class Record:
    """One paper as batch detection sees it: row id, key and :func:`dedup.index_fields`."""

    id: int
    key: str
    fields: dict[str, Any]


@dataclass
class PairScores:
    doi_equal: bool
    title: float  # dedup.title_similarity of the normalised titles, 0-100
    year_equal: bool | None  # None when a year is missing
    first_author_equal: bool | None
    venue: float | None  # token-set similarity of the journal names, None when one is missing

    def to_dict(self) -> dict[str, Any]:
        return {"doi_equal": self.doi_equal, "title": round(self.title, 1), "year_equal": self.year_equal,
                "first_author_equal": self.first_author_equal,
                "venue": None if self.venue is None else round(self.venue, 1)}


@dataclass
class DuplicatePair:
    a: str  # keys, a < b
    b: str
    strong: bool  # the evidence `add` merges on
    reason: str
    scores: PairScores
    a_id: int = 0
    b_id: int = 0
    rank: int = 0  # 0 duplicate, 1 same DOI, 2 alike titles, 3 what usually tells works apart (see pair_rank)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "verdict": "duplicate" if self.strong else "possible",
                "reason": self.reason, "scores": self.scores.to_dict()}


@dataclass
class DuplicateGroup:
    keys: list[str]
    pairs: list[DuplicatePair] = field(default_factory=list)
    # A title shared by dedup.CROWDED_TITLE papers or more: the group is those papers (its pairs not listed).
    shared_title: str = ""

    @property
    def strong(self) -> bool:
        return any(p.strong for p in self.pairs)

    @property
    def rank(self) -> int:
        return min((p.rank for p in self.pairs), default=3)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"keys": self.keys, "pairs": [p.to_dict() for p in self.pairs]}
        if self.shared_title:
            out["shared_title"] = {"title": self.shared_title, "papers": len(self.keys)}
        return out


def record_from_row(row: dict[str, Any]) -> Record:
    """A Record from a store row (:meth:`Corpus.dedup_rows`)."""
    return Record(row["id"], row["key"], dedup.index_from_columns(
        row["doi"], row["norm_title"], row["first_author"], row["year"], title_id=row.get("title_id") or "",
        title_en=row.get("title_en") or "", volume=row.get("volume") or "", issue=row.get("issue") or "",
        pages=row.get("pages") or "", journal=row.get("journal") or "",
    ))


def find_duplicate_pairs(records: Iterable[Record], distinct: Iterable[tuple[int, int]] = ()) -> list[DuplicatePair]:
    """Every pair of records `judge` relates (duplicates and possible duplicates), with its scores,
    except pairs recorded as distinct (row ids, either order). Sorted by keys."""
    recs = list(records)
    skip = {(min(a, b), max(a, b)) for a, b in distinct}
    sorted_titles = [" ".join(sorted(str(r.fields["norm_title"]).split())) for r in recs]
    crowded = crowded_titles(recs)
    grouped = {i: title for title, members in crowded.items() for i in members}
    candidates: set[tuple[int, int]] = set()
    for members in _exact_blocks(recs, set(crowded)):
        candidates.update((members[i], j) for i in range(len(members)) for j in members[i + 1:])
    plain_titles = [str(r.fields["norm_title"]) for r in recs]
    # A crowded title takes part in the fuzzy word blocks once, through its first paper.
    spoken_for = {i for members in crowded.values() for i in members[1:]}
    for kind, members in _fuzzy_blocks(recs, sorted_titles, spoken_for):
        candidates.update(_alike_in_block(members, sorted_titles))
        candidates.update(_alike_in_block(members, plain_titles))
        if kind == "ya":
            candidates.update(_prefixes_in_block(members, plain_titles))
    out = []
    for i, j in candidates:
        a, b = (recs[i], recs[j]) if recs[i].key < recs[j].key else (recs[j], recs[i])
        if (min(a.id, b.id), max(a.id, b.id)) in skip or a.key == b.key:
            continue
        verdict = dedup.judge(b.fields, a.fields, a.key)
        if verdict is None or (not verdict.duplicate and i in grouped and grouped[i] == grouped.get(j)):
            continue  # pairs of a crowded title are listed as its group
        scores = pair_scores(a.fields, b.fields)
        out.append(DuplicatePair(a.key, b.key, verdict.duplicate, verdict.reason, scores, a.id, b.id,
                                 pair_rank(verdict.duplicate, scores, a.fields, b.fields)))
    out.sort(key=lambda p: (p.a, p.b))
    return out


def pair_scores(a: dict[str, Any], b: dict[str, Any]) -> PairScores:
    ta, tb = str(a["norm_title"]), str(b["norm_title"])
    va, vb = str(a.get("venue") or ""), str(b.get("venue") or "")
    fa, fb = str(a["first_author"]), str(b["first_author"])
    return PairScores(
        doi_equal=bool(a["doi"]) and a["doi"] == b["doi"],
        title=dedup.title_similarity(ta, tb) if ta and tb else 0.0,
        year_equal=None if a["year"] is None or b["year"] is None else a["year"] == b["year"],
        first_author_equal=None if not fa or not fb else fa == fb,
        venue=fuzz.token_set_ratio(va, vb) if va and vb else None,
    )


def pair_rank(strong: bool, scores: PairScores, a: dict[str, Any], b: dict[str, Any]) -> int:
    """How likely a listed pair is one work, for ordering the review: 0 strong evidence, 1 the same
    DOI, 2 alike titles, 3 alike titles with what usually tells works apart (other numbers in the
    title, different DOIs, a title too short to say)."""
    if strong:
        return 0
    if scores.doi_equal:
        return 1
    ta, tb = str(a["norm_title"]), str(b["norm_title"])
    apart = (dedup._numbers(ta) != dedup._numbers(tb) or (a["doi"] and b["doi"] and a["doi"] != b["doi"])
             or len(ta.split()) < dedup.MIN_TITLE_WORDS)
    return 3 if apart else 2


def group_pairs(pairs: list[DuplicatePair]) -> list[DuplicateGroup]:
    """Pairs joined into groups of records (union-find); the likeliest groups first (see pair_rank),
    then by their first key."""
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for p in pairs:
        ra, rb = root(p.a), root(p.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, DuplicateGroup] = {}
    for p in pairs:
        group = groups.setdefault(root(p.a), DuplicateGroup(keys=[]))
        group.pairs.append(p)
    for group in groups.values():
        group.keys = sorted({k for p in group.pairs for k in (p.a, p.b)})
    return sorted(groups.values(), key=lambda g: (g.rank, g.keys[0]))


def crowded_titles(recs: list[Record]) -> dict[str, list[int]]:
    """Normalised titles shared by dedup.CROWDED_TITLE records or more -> their indexes (in order)."""
    members: dict[str, list[int]] = {}
    for i, r in enumerate(recs):
        if r.fields["norm_title"]:
            members.setdefault(str(r.fields["norm_title"]), []).append(i)
    return {t: m for t, m in members.items() if len(m) >= dedup.CROWDED_TITLE}


def title_groups(recs: list[Record]) -> list[DuplicateGroup]:
    """One group per crowded title, holding its records' keys."""
    return [DuplicateGroup(keys=sorted(recs[i].key for i in members), shared_title=title)
            for title, members in crowded_titles(recs).items()]


# -- blocking -------------------------------------------------------------------------------
def _exact_blocks(recs: list[Record], crowded: set[str] | frozenset[str] = frozenset()) -> Iterable[list[int]]:
    """Records sharing a DOI, a normalised title, or year, first author and page range: every pair
    is a candidate. A ``crowded`` title blocks only within one year (where its duplicates can be)."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(recs):
        if r.fields["doi"]:
            blocks.setdefault(("doi", str(r.fields["doi"])), []).append(i)
        if r.fields["first_author"] and r.fields["year"] is not None and dedup.is_page_range(str(r.fields["pages"])):
            place = f"{r.fields['year']} {r.fields['first_author']} {r.fields['pages']}"
            blocks.setdefault(("place", place), []).append(i)
        for title in r.fields.get("titles") or [r.fields["norm_title"]]:
            if title in crowded:
                blocks.setdefault(("title", f"{r.fields['year']} {title}"), []).append(i)
            elif title:
                blocks.setdefault(("title", str(title)), []).append(i)
    for (kind, _), members in blocks.items():
        if len(members) > 1 and (kind == "doi" or len(members) <= MAX_EXACT_BLOCK):
            yield members


def _fuzzy_blocks(recs: list[Record], sorted_titles: list[str],
                  spoken_for: set[int] | frozenset[int] = frozenset()) -> Iterable[tuple[str, list[int]]]:
    """Same year and first author; and each title's rarest words (not for ``spoken_for`` records)."""
    blocks: dict[tuple[Any, ...], list[int]] = {}
    words = [[w for w in set(t.split()) if len(w) >= MIN_WORD_LENGTH and not w.isdigit()] for t in sorted_titles]
    frequency = Counter(w for ws in words for w in ws)
    for i, r in enumerate(recs):
        if not sorted_titles[i]:
            continue
        if r.fields["first_author"] and r.fields["year"] is not None:
            blocks.setdefault(("ya", r.fields["year"], r.fields["first_author"]), []).append(i)
        if i in spoken_for:
            continue
        rare = sorted(words[i], key=lambda w: (frequency[w], w))[:RARE_WORDS]
        for w in rare:
            if frequency[w] <= MAX_WORD_BLOCK:
                blocks.setdefault(("w", w), []).append(i)
    return ((k[0], m) for k, m in blocks.items() if len(m) > 1)


LENGTH_RATIO = dedup.TITLE_LENGTH_RATIO


def _prefixes_in_block(members: list[int], titles: list[str]) -> Iterable[tuple[int, int]]:
    """Pairs where one title is the start of the other (a dropped subtitle): neighbours in sorted order."""
    ordered = sorted(members, key=lambda i: (titles[i], i))
    for pos, i in enumerate(ordered):
        head = titles[i] + " "
        for j in ordered[pos + 1:]:
            if not titles[j].startswith(head):
                break
            yield (i, j) if i < j else (j, i)


def _alike_in_block(members: list[int], titles: list[str]) -> Iterable[tuple[int, int]]:
    """Pairs of the block whose token-sorted titles reach TITLE_ALIKE; one rapidfuzz call per
    title against the titles after it that are long enough to match and not too long."""
    ordered = sorted(members, key=lambda i: (len(titles[i]), i))
    lengths = [len(titles[i]) for i in ordered]
    strings = [titles[i] for i in ordered]
    for pos, i in enumerate(ordered):
        end = bisect.bisect_right(lengths, lengths[pos] / LENGTH_RATIO, lo=pos + 1)
        if end <= pos + 1:
            continue
        for _, _score, offset in process.extract(strings[pos], strings[pos + 1:end], scorer=fuzz.ratio,
                                                 processor=None, score_cutoff=dedup.TITLE_ALIKE, limit=None):
            j = ordered[pos + 1 + offset]
            yield (i, j) if i < j else (j, i)


# -- the corpus ------------------------------------------------------------------------------
def corpus_duplicate_groups(corpus: Any, min_score: float = 0.0, keys: list[str] | None = None) -> list[DuplicateGroup]:
    """Groups of suspected duplicates in a corpus (pairs recorded as distinct left out); pairs whose
    titles are less similar than ``min_score`` are left out unless they share a DOI; with ``keys``,
    only the groups holding one of them."""
    records = [record_from_row(row) for row in corpus.dedup_rows()]
    pairs = [p for p in find_duplicate_pairs(records, corpus.distinct_id_pairs())
             if p.scores.doi_equal or p.scores.title >= min_score]
    groups = sorted(group_pairs(pairs) + title_groups(records), key=lambda g: (g.rank, g.keys[0]))
    if keys:
        wanted = set(keys)
        groups = [g for g in groups if wanted & set(g.keys)]
    return groups


@dataclass
class MergePlan:
    """What `litreview merge` will do: the kept paper's new metadata and the values that lose."""

    kept: str
    others: list[str]
    titles: dict[str, str]
    merged: Any  # Paper
    gained: list[str]  # fields of the kept paper that change
    conflicts: dict[str, dict[str, Any]]  # paper key -> field -> the value that paper loses
    marked_distinct: list[tuple[str, str]]  # pairs among the keys the user had said are different works


def plan_merge(corpus: Any, keys: list[str]) -> MergePlan:
    """Read the papers and merge them in memory (nothing is written); the first key is kept."""
    from litreview.errors import UsageError
    from litreview.merging import changed_fields, merge_records, split_conflicts, stored_source_format

    if len(keys) < 2:
        raise UsageError(tr("merge needs at least two keys: the paper to keep, then the papers to merge into it"))
    repeated = [k for k in dict.fromkeys(keys) if keys.count(k) > 1]
    if repeated:
        raise UsageError(tr("{key} is given twice; a paper cannot be merged with itself", key=repeated[0]))
    papers = []
    for key in keys:
        paper = corpus.get(key)  # NotFound names close keys
        paper.source_format = stored_source_format([s["format"] for s in corpus.provenance_of(key)])
        papers.append(paper)
    kept, merged = papers[0], papers[0]
    conflicts: dict[str, dict[str, Any]] = {}
    for other in papers[1:]:
        before = merged
        merged, found = merge_records(before, other)
        kept_lost, other_lost = split_conflicts(before, merged, found)
        for key, lost in ((kept.key, kept_lost), (other.key, other_lost)):
            if lost:
                conflicts.setdefault(key, {}).update(lost)
    merged.source_format = ""
    return MergePlan(kept=kept.key, others=[p.key for p in papers[1:]], titles={p.key: p.title for p in papers},
                     merged=merged, gained=changed_fields(kept, merged), conflicts=conflicts,
                     marked_distinct=corpus.distinct_keys_among(keys))


def apply_merge(corpus: Any, plan: MergePlan) -> None:
    """Write a planned merge in one transaction (see :meth:`Corpus.merge_papers`)."""
    corpus.merge_papers(plan.kept, plan.others, plan.merged, dedup.index_fields(plan.merged), plan.conflicts)
