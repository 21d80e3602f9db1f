"""De-duplication measured against hand-labelled pairs (tests/gold/duplicates.yaml).

Every file the gold names is added to one temporary corpus with litreview's own
pipeline (``add_paths``); each labelled record is then traced to the corpus paper
it ended up in, through the provenance rows ``add`` writes (file name and record
id: the BibTeX key, "line N" for RIS, "row N" or the database's record id for
CSV). A positive pair is *merged* when both records ended up in one paper,
*flagged* when the two papers are listed as possible duplicates of each other.

Figures: ``pytest tests/test_gold_duplicates.py -s``. The test fails on any false
merge, or when fewer than 99% of the strict positives (same DOI or exact title)
are merged.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, SHARED

GOLD = ROOT / "tests" / "gold" / "duplicates.yaml"
STRICT_TYPES = {"doi", "exact-title"}
POSITIVE_TYPES = STRICT_TYPES | {"near-title", "exact-title-other-meta", "preprint", "translation"}
NEGATIVE_TYPES = {
    "same-title-other-year", "same-title-same-year", "same-author-year", "similar-title", "chapter-book",
    "same-doi-other-chapter", "edition", "conference-journal", "meeting-abstract", "supplement",
    "generic-title", "other-paper",
}
MIN_STRICT_SENSITIVITY = 0.99
has_shared = (SHARED / "data").is_dir()


def load_pairs() -> list[dict[str, Any]]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pairs"]


def source_path(name: str) -> Path:
    """Gold file names: "data/..." in the shared folder, "tests/..." in this project."""
    return ROOT / name if name.startswith("tests/") else SHARED / name


def is_strict(pair: dict[str, Any]) -> bool:
    return bool(pair["same"] and (pair["type"] in STRICT_TYPES or pair.get("shared_doi")))


def fold(title: str) -> str:
    """Case, accents, markup and punctuation folded away: for matching a record by its title."""
    title = re.sub(r"<[^>]+>|\\[a-z]+\b|[{}]", "", title)
    title = "".join(c for c in unicodedata.normalize("NFKD", title) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", title.casefold()).split())


# -- the gold file itself (no shared data needed) ----------------------------------------------
def test_gold_file_is_well_formed() -> None:
    pairs = load_pairs()
    seen = set()
    for number, pair in enumerate(pairs, 1):
        assert set(pair) <= {"a", "b", "same", "type", "why", "shared_doi"}, number
        assert isinstance(pair["same"], bool) and pair["why"].strip(), number
        assert pair["type"] in (POSITIVE_TYPES if pair["same"] else NEGATIVE_TYPES), (number, pair["type"])
        for side in (pair["a"], pair["b"]):
            assert side["file"].startswith(("data/", "tests/")) and side["title"].strip(), number
            assert len({"key", "row", "record"} & set(side)) == 1, number
        ends = tuple(sorted((s["file"], str(s.get("key", s.get("row", s.get("record")))))
                            for s in (pair["a"], pair["b"])))
        assert ends[0] != ends[1] and ends not in seen, f"pair {number} repeats a record or a pair"
        seen.add(ends)
    positives = [p for p in pairs if p["same"]]
    assert len(positives) >= 150 and sum(map(is_strict, positives)) >= 100
    assert len(pairs) - len(positives) >= 100
    for pair in pairs:
        for side in (pair["a"], pair["b"]):
            if side["file"].startswith("tests/"):
                assert source_path(side["file"]).is_file(), side["file"]


# -- importing and tracing the records ---------------------------------------------------------
@dataclass
class Outcome:
    pair: dict[str, Any]
    key_a: str
    key_b: str
    flagged: bool

    @property
    def merged(self) -> bool:
        return self.key_a == self.key_b


class Resolver:
    """Finds the corpus paper a gold record ended up in."""

    def __init__(self, corpus: Any) -> None:
        self.by_record: dict[tuple[str, str], str] = {}
        for paper in corpus.iter_papers():
            for row in corpus.provenance_of(paper.key):
                self.by_record[(row["file_name"], row["record"])] = paper.key
        self._parsed: dict[str, list[Any]] = {}
        self._ris_lines: dict[str, list[int]] = {}

    def parsed(self, name: str) -> list[Any]:
        """The file read by litreview's importer, with the record ids ``add`` gives them."""
        if name not in self._parsed:
            from litreview.ingest import read_file_bytes

            path = source_path(name)
            _, result = read_file_bytes(path.read_bytes(), str(path))
            for i, paper in enumerate(result.papers):
                paper.source_record = paper.source_record or f"#{i + 1}"
            self._parsed[name] = result.papers
        return self._parsed[name]

    def ris_line(self, name: str, number: int) -> int:
        if name not in self._ris_lines:
            text = source_path(name).read_text(encoding="utf-8-sig", errors="replace")
            self._ris_lines[name] = [
                i for i, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*TY  -", line.lstrip("\ufeff"))
            ]
        return self._ris_lines[name][number - 1]

    def record_id(self, side: dict[str, Any]) -> str:
        name = side["file"]
        if "key" in side:
            return str(side["key"])
        if "record" in side:
            return f"line {self.ris_line(name, side['record'])}"
        number = side["row"]
        papers = self.parsed(name)
        wanted = fold(side["title"])
        for paper in papers:
            if paper.source_record == f"row {number}" and self._same_title(fold(paper.title), wanted):
                return str(paper.source_record)
        return self._by_title(name, wanted, number)

    @staticmethod
    def _same_title(found: str, wanted: str) -> bool:
        from rapidfuzz import fuzz

        return bool(found) and (found == wanted or fuzz.ratio(found, wanted) >= 90
                                or found.startswith(wanted) or wanted.startswith(found))

    def _by_title(self, name: str, wanted: str, near: int) -> str:
        """The record of ``name`` with this title (the one nearest to position ``near`` if several)."""
        candidates = [(abs(i + 1 - near), p.source_record) for i, p in enumerate(self.parsed(name))
                      if self._same_title(fold(p.title), wanted)]
        if not candidates:
            raise LookupError(f"{name}: no record titled {wanted!r}")
        return min(candidates)[1]

    def key_of(self, side: dict[str, Any]) -> str:
        file_name = Path(side["file"]).name
        record = self.record_id(side)
        key = self.by_record.get((file_name, record))
        if key is None and "row" not in side:
            number = side.get("record", 0)
            record = self._by_title(side["file"], fold(side["title"]), number)
            key = self.by_record.get((file_name, record))
        if key is None:
            raise LookupError(f"{side['file']}: record {record} ({side['title'][:60]}) is not in the corpus")
        return key


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[str, Any]:
    if not has_shared:
        pytest.skip("../shared is not present")
    from litreview.add import AddOptions, add_paths
    from litreview.store import Corpus

    pairs = load_pairs()
    files = sorted({side["file"] for p in pairs for side in (p["a"], p["b"])})
    corpus = Corpus.init(tmp_path_factory.mktemp("gold_dupes"))
    started = time.perf_counter()
    report = add_paths(corpus, [str(source_path(f)) for f in files], AddOptions(), tagger=None)
    seconds = time.perf_counter() - started
    resolver = Resolver(corpus)
    outcomes, unresolved = [], []
    for pair in pairs:
        try:
            key_a, key_b = resolver.key_of(pair["a"]), resolver.key_of(pair["b"])
        except (LookupError, IndexError, OSError) as exc:
            unresolved.append(f"{exc}")
            continue
        flagged = key_a != key_b and key_b in {k for k, _ in corpus.maybe_duplicates_of(key_a)}
        outcomes.append(Outcome(pair, key_a, key_b, flagged))
    corpus.close()
    return {"outcomes": outcomes, "unresolved": unresolved, "seconds": seconds, "files": files,
            "failed": report.failed}


def _table(data: dict[str, Any]) -> str:
    outcomes: list[Outcome] = data["outcomes"]
    rows = defaultdict(Counter)
    for o in outcomes:
        kind = ("same" if o.pair["same"] else "not same", o.pair["type"])
        rows[kind]["n"] += 1
        rows[kind]["merged"] += o.merged
        rows[kind]["flagged"] += o.flagged
    lines = [f"gold duplicates: {len(data['files'])} files added in {data['seconds']:.1f} s",
             f"{'label':<9} {'type':<24} {'pairs':>5} {'merged':>6} {'flagged':>7} {'apart':>5}"]
    for (label, kind), c in sorted(rows.items(), key=lambda item: (item[0][0] != "same", item[0][1])):
        lines.append(f"{label:<9} {kind:<24} {c['n']:>5} {c['merged']:>6} {c['flagged']:>7} "
                     f"{c['n'] - c['merged'] - c['flagged']:>5}")
    positives = [o for o in outcomes if o.pair["same"]]
    strict = [o for o in positives if is_strict(o.pair)]
    negatives = [o for o in outcomes if not o.pair["same"]]

    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} = {part / whole:.3f}" if whole else "n/a"

    lines += [
        f"sensitivity (positives merged): {share(sum(o.merged for o in positives), len(positives))}",
        f"  strict (DOI / exact title): {share(sum(o.merged for o in strict), len(strict))}",
        f"positives not merged but flagged as possible duplicates: {sum(o.flagged for o in positives)}",
        f"false merges (negatives merged): {sum(o.merged for o in negatives)} of {len(negatives)}",
    ]
    if data["unresolved"]:
        lines.append(f"records not found in the corpus: {len(data['unresolved'])}")
        lines += [f"  {u}" for u in data["unresolved"][:10]]
    return "\n".join(lines)


def _describe(o: Outcome) -> str:
    a, b = o.pair["a"], o.pair["b"]
    return (f"{o.pair['type']}: {Path(a['file']).name} {a.get('key', a.get('row', a.get('record')))} "
            f"'{a['title'][:50]}' / {Path(b['file']).name} {b.get('key', b.get('row', b.get('record')))} "
            f"'{b['title'][:50]}' ({o.pair['why']})")


@pytest.mark.skipif(not has_shared, reason="../shared is not present")
def test_gold_duplicates_report(measured) -> None:
    print("\n" + _table(measured))
    assert not measured["unresolved"], (
        "gold records not found in the corpus (is an importer missing?):\n" + "\n".join(measured["unresolved"][:20])
    )


@pytest.mark.skipif(not has_shared, reason="../shared is not present")
def test_no_false_merges(measured) -> None:
    wrong = [o for o in measured["outcomes"] if not o.pair["same"] and o.merged]
    assert not wrong, f"{len(wrong)} false merges:\n" + "\n".join(_describe(o) for o in wrong)


@pytest.mark.skipif(not has_shared, reason="../shared is not present")
def test_strict_positives_are_merged(measured) -> None:
    assert not measured["unresolved"], f"{len(measured['unresolved'])} gold records not found in the corpus"
    strict = [o for o in measured["outcomes"] if is_strict(o.pair)]
    missed = [o for o in strict if not o.merged]
    assert strict and 1 - len(missed) / len(strict) >= MIN_STRICT_SENSITIVITY, (
        f"{len(missed)} of {len(strict)} strict pairs not merged:\n" + "\n".join(_describe(o) for o in missed)
    )
