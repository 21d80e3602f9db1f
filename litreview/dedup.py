"""Is a new record the same work as one already in the corpus? Pure rules, no I/O.

Zero false merges is the rule. A record is a duplicate only on strong evidence:
the same DOI, or a near-identical title with the same year and the same first
author (and no conflicting DOIs, and the same numbers in the title, so "Part 1"
and "Part 2" stay apart). Weaker likeness (same title but another year or
author) is reported as a *possible* duplicate and both records are kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from litreview.ingest.fields import find_doi
from litreview.model import Paper

TITLE_SAME = 93.0  # token-sort ratio at or above which two normalised titles are "the same"
TITLE_ALIKE = 85.0  # at or above this, with year and first author agreeing: flagged, never merged
# Two strings can only reach TITLE_ALIKE if the shorter is at least this fraction of the longer.
TITLE_LENGTH_RATIO = TITLE_ALIKE / (200.0 - TITLE_ALIKE)

_NON_WORD = re.compile(r"[^\w\s]")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
_NUMBER_WORDS = {"one", "two", "three", "satu", "dua", "tiga", "first", "second", "third", "pertama", "kedua", "ketiga"}
# Month names tell issues of a recurring report apart ("Traffic statistics (May 1973)").
_MONTHS = set(
    "january february march april may june july august september october november december "
    "januari februari maret mei juni juli agustus oktober desember".split()
)


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: accents stripped, punctuation to spaces, spaces folded."""
    lowered = text.casefold()
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", lowered).replace("_", " ").split())


def normalize_title(title: str) -> str:
    return fold(title)


def normalize_doi(doi: str) -> str:
    """"https://doi.org/10.1000/ABC." -> "10.1000/abc", for comparing ("" when there is no DOI in it)."""
    return find_doi(doi or "").rstrip(".,;)").lower()


def normalize_author(surname: str) -> str:
    return fold(surname).replace(" ", "")


def index_fields(paper: Paper) -> dict[str, object]:
    """What duplicate detection compares; doi, norm_title and first_author are indexed in the store."""
    norm = normalize_title(paper.title)
    return {
        "doi": normalize_doi(paper.doi),
        "norm_title": norm,
        "titles": sorted({t for t in (norm, fold(paper.title_id), fold(paper.title_en)) if t}),
        "first_author": normalize_author(paper.first_author),
        "year": paper.year,
        "volume": fold(paper.volume),
        "issue": fold(paper.issue),
        "pages": fold(paper.pages.replace("--", "-")),
    }


# First "authors" that say nothing about who wrote it.
_PLACEHOLDER_AUTHORS = frozenset(
    "anonymous anon anonim unknown na nn noauthor editor editors redaksi tanpanama tim team staff".split()
)
# Titles this short ("Editorial", "Errata", "Preface") are shared by many different items.
MIN_TITLE_WORDS = 4


def _numbers(norm_title: str) -> set[str]:
    """Tokens that distinguish items of a series: digits, roman numerals, "part two", months."""
    return {t for t in norm_title.split() if t.isdigit() or t in _ROMAN or t in _NUMBER_WORDS or t in _MONTHS}


DOI_TITLE_AGREE = 80.0  # with the same DOI, titles this alike (any language variant) are one work


def _titles_compatible(new: dict[str, object], old: dict[str, object]) -> bool:
    """Same DOI: do any of the two records' titles (in any language) agree?"""
    a, b = list(new.get("titles") or []), list(old.get("titles") or [])  # type: ignore[call-overload]
    if not a or not b:
        return True
    return any(fuzz.token_set_ratio(x, y) >= DOI_TITLE_AGREE for x in a for y in b)


def worth_comparing(new: dict[str, object], old_doi: str, old_norm_title: str) -> bool:
    """Cheap pre-check on stored columns: could :func:`judge` find anything at all?"""
    if new["doi"] and new["doi"] == old_doi:
        return True
    return bool(new["norm_title"] and old_norm_title) and (
        fuzz.token_sort_ratio(str(new["norm_title"]), old_norm_title, score_cutoff=TITLE_ALIKE) > 0
    )


@dataclass
class Verdict:
    """How a new record relates to one existing paper."""

    key: str
    duplicate: bool  # strong evidence: do not add again
    reason: str
    alike: bool = False  # only alike titles (below TITLE_SAME): worth a flag across files, not within one


def judge(new: dict[str, object], old: dict[str, object], old_key: str) -> Verdict | None:
    """Compare two records' index fields; None when they are clearly different works."""
    new_doi, old_doi = str(new["doi"]), str(old["doi"])
    if new_doi and new_doi == old_doi:
        if _titles_compatible(new, old):
            return Verdict(old_key, True, f"same DOI {new_doi}")
        # A chapter filed under its book's DOI, or a DOI pasted on the wrong record.
        return Verdict(old_key, False, f"same DOI {new_doi} but the titles differ (a chapter and its book?)")
    new_title, old_title = str(new["norm_title"]), str(old["norm_title"])
    if not new_title or not old_title:
        return None
    score = fuzz.token_sort_ratio(new_title, old_title)
    if score < TITLE_ALIKE:
        return None
    same_year = new["year"] is not None and new["year"] == old["year"]
    author = str(new["first_author"])
    same_author = bool(author) and author == old["first_author"] and author not in _PLACEHOLDER_AUTHORS
    similar = f"title {score:.0f}% similar"
    if _numbers(new_title) != _numbers(old_title):
        if score < TITLE_SAME:
            return None
        return Verdict(old_key, False, f"{similar} but the numbers in the titles differ (a series?)")
    if new_doi and old_doi:
        if score < TITLE_SAME:
            return None
        return Verdict(old_key, False, f"{similar} but the DOIs differ ({new_doi} vs {old_doi})")
    if any(new.get(name) and old.get(name) and new[name] != old[name] for name in ("volume", "issue", "pages")):
        return None  # another volume, issue or page range: a different item under a recurring title
    if len(new_title.split()) < MIN_TITLE_WORDS:
        if score < TITLE_SAME:
            return None
        return Verdict(old_key, False, f"{similar}, but a title this short is shared by different works")
    if score < TITLE_SAME:
        if same_year and same_author:
            return Verdict(old_key, False, f"{similar}, same year and first author, but not alike enough to merge",
                           alike=True)
        return None
    if same_year and same_author:
        return Verdict(old_key, True, f"{similar}, same year {new['year']} and first author {new['first_author']}")
    differences = []
    if not same_year:
        differences.append(f"year {new['year'] or '?'} vs {old['year'] or '?'}")
    if not same_author:
        who = "unknown" if author in _PLACEHOLDER_AUTHORS else (author or "?")
        differences.append(f"first author {who} vs {old['first_author'] or '?'}")
    return Verdict(old_key, False, f"{similar} but {' and '.join(differences)} differ")


def make_key_base(paper: Paper) -> str:
    """"cobis2023": first author's surname (ASCII, letters only) + year ("nd" without one)."""
    surname = fold(paper.first_author).split()
    name = surname[-1] if surname else ""
    if not name:
        words = [w for w in fold(paper.title).split() if len(w) > 3] or fold(paper.title).split()
        name = words[0] if words else "anon"
    name = re.sub(r"[^a-z0-9]", "", name) or "anon"
    return f"{name[:24]}{paper.year if paper.year else 'nd'}"
