"""Precision and recall of the in-text citation extractor against the hand-made gold file.

tests/gold/citations.yaml lists, for each development text, every distinct work cited
in its body (first author's surname and year, as written). Each text is imported with
litreview's own importer, in-process, so the extractor sees exactly the stored text;
its citations are reduced to distinct (surname, year) pairs and compared with the gold.

Scores are on distinct works: per document and micro-averaged over all documents. The
test fails when overall precision or recall is below MINIMUM. Run with -s for the table
(per document tp/fp/fn, the works missed and the false positives). Texts from ../shared
are left out when that folder is absent; corpus/*.md are always scored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SHARED, needs_shared

from litreview.add import parse_path
from litreview.model import Paper
from litreview.text.citations import extract_citations

GOLD = ROOT / "tests" / "gold" / "citations.yaml"
MINIMUM = 0.9

# Leading particles ignored when comparing surnames ("van der Maaten" ~ "Maaten").
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "ten", "dos", "das"}
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]{1,2}\.$")
_YEAR = re.compile(r"\d{4}[a-z]?|n\.\s?d\.|t\.\s?t\.")


def _gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"]


def _path(source: str) -> Path:
    return ROOT / source if source.startswith("corpus/") else SHARED / source


def _plain(text: str) -> str:
    """Casefolded, diacritics (also detached ones, as PDFs give them) removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def surname_key(name: str) -> str:
    """Comparison key: casefold, no diacritics, no leading particle, letters only."""
    tokens = _plain(name).split()
    while len(tokens) > 1 and tokens[0] in PARTICLES:
        tokens.pop(0)
    return "".join(c for c in "".join(tokens) if c.isalpha())


def name_keys(name: str) -> set[str]:
    """Keys a name written by the extractor may stand for: the whole string, and its surname
    when it carries given names ("Emi Sita Eriana"), trailing initials ("Schmuller J.", "Ko AJ")
    or a "Surname, Given" form ("Rahayu, Sri")."""
    keys = {surname_key(name)}
    head = name.split(",")[0]
    keys.add(surname_key(head))
    tokens = head.split()
    while len(tokens) > 1 and (_INITIALS.match(tokens[-1]) or (tokens[-1].isupper() and len(tokens[-1]) <= 3)):
        tokens.pop()
    if tokens:
        keys.add(surname_key(" ".join(tokens)))
        keys.add(surname_key(tokens[-1]))
    keys.discard("")
    return keys or {""}


def year_key(year: object) -> str:
    text = _plain(str(year)).strip()
    found = _YEAR.search(text)
    return re.sub(r"\s", "", found.group(0)) if found else text


@cache
def imported(source: str) -> Paper:
    """The paper as `litreview add` would store it (cached for the session)."""
    parsed = parse_path(str(_path(source)))
    assert not parsed.failure, parsed.failure
    papers = list(parsed.papers)
    assert len(papers) == 1, f"{source}: expected one paper, got {len(papers)}"
    return papers[0]


@dataclass
class Score:
    source: str
    gold: int
    found: int = 0
    tp: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def fp(self) -> int:
        return len(self.extra)

    @property
    def fn(self) -> int:
        return len(self.missed)


def score_document(entry: dict, paper: Paper) -> Score:
    gold = [
        ({surname_key(w["first"]), *(surname_key(a) for a in w.get("alt", []))}, year_key(w["year"]), w)
        for w in entry["works"]
    ]
    found: dict[tuple[str, str], tuple[set[str], str]] = {}  # distinct (name, year) -> (keys, label)
    for citation in extract_citations(paper.text, paper.sections):
        first = citation.authors[0] if citation.authors else ""
        year = year_key(citation.year)
        found.setdefault((surname_key(first), year), (name_keys(first), f"{first or '?'} {citation.year}"))
    score = Score(entry["source"], gold=len(gold), found=len(found))
    hit: set[int] = set()
    for (_, year), (keys, label) in found.items():
        matches = [i for i, (gkeys, gyear, _) in enumerate(gold) if gyear == year and gkeys & keys]
        if matches:
            hit.update(matches)
        else:
            score.extra.append(label)
    score.tp = len(hit)
    score.missed = [f"{w['first']} {w['year']}" for i, (_, _, w) in enumerate(gold) if i not in hit]
    return score


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    out = []
    for entry in _gold():
        if not _path(entry["source"]).is_file():
            continue  # ../shared absent (or the file moved): the test below reports what was scored
        out.append(score_document(entry, imported(entry["source"])))
    return out


def test_gold_file_is_well_formed():
    entries = _gold()
    assert len(entries) >= 12
    sources = [e["source"] for e in entries]
    assert len(sources) == len(set(sources)), "a source is listed twice"
    for entry in entries:
        assert set(entry) <= {"source", "works", "notes"}, entry["source"]
        assert re.match(r"^(data/|samples/|corpus/)", entry["source"]), entry["source"]
        assert isinstance(entry.get("notes", ""), str)
        seen = set()
        for work in entry["works"]:
            assert set(work) <= {"first", "year", "alt", "and"}, (entry["source"], work)
            assert isinstance(work["first"], str) and work["first"].strip(), (entry["source"], work)
            assert isinstance(work["year"], str) and _YEAR.fullmatch(work["year"]), (entry["source"], work)
            key = (surname_key(work["first"]), year_key(work["year"]))
            assert key not in seen, f"{entry['source']}: {work['first']} {work['year']} listed twice"
            seen.add(key)


def test_corpus_documents_are_present():
    for entry in _gold():
        if entry["source"].startswith("corpus/"):
            assert _path(entry["source"]).is_file(), entry["source"]


def test_name_keys():
    assert surname_key("van der Maaten") == "maaten"
    assert surname_key("Rönkkö") == surname_key("Ronkk ¨ o") == "ronkko"
    assert surname_key("Dall’Ora") == surname_key("Dall'Ora") == "dallora"
    assert surname_key("Proctor-Thomson") == "proctorthomson"
    assert "eriana" in name_keys("Emi Sita Eriana")
    assert "schmuller" in name_keys("Schmuller J.")
    assert "ko" in name_keys("Ko AJ")
    assert "rahayu" in name_keys("Rahayu, Sri")
    assert year_key("2022b") == "2022b" and year_key(" 2011:5") == "2011" and year_key("n. d.") == "n.d."


def test_extractor_against_gold(scores: list[Score]):
    skipped = len(_gold()) - len(scores)
    width = max(len(s.source) for s in scores)
    lines = [f"{'document':<{width}}  gold found   tp   fp   fn  prec  rec"]
    for s in scores:
        lines.append(
            f"{s.source:<{width}} {s.gold:5d} {s.found:5d} {s.tp:4d} {s.fp:4d} {s.fn:4d}"
            f"  {_ratio(s.tp, s.tp + s.fp):.2f} {_ratio(s.tp, s.tp + s.fn):.2f}"
        )
    tp, fp, fn = (sum(getattr(s, a) for s in scores) for a in ("tp", "fp", "fn"))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    lines.append(
        f"{'OVERALL (micro)':<{width}} {tp + fn:5d} {'':5} {tp:4d} {fp:4d} {fn:4d}  {precision:.2f} {recall:.2f}"
    )
    if skipped:
        lines.append(f"({skipped} documents from ../shared not scored: the folder is absent)")
    for s in scores:
        if s.missed or s.extra:
            lines.append(f"-- {s.source}")
            if s.missed:
                lines.append(f"   missed ({s.fn}): {'; '.join(s.missed)}")
            if s.extra:
                lines.append(f"   false positives ({s.fp}): {'; '.join(s.extra)}")
    print("\n" + "\n".join(lines))
    assert precision >= MINIMUM and recall >= MINIMUM, (
        f"citations vs gold: precision {precision:.3f}, recall {recall:.3f} (minimum {MINIMUM});"
        " run with -s for details"
    )


@needs_shared
def test_shared_documents_were_scored(scores: list[Score]):
    missing = [e["source"] for e in _gold() if not _path(e["source"]).is_file()]
    assert not missing, f"gold sources not found under {SHARED}: {missing}"
