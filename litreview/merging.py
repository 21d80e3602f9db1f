"""Merging two records of one work without losing a field. Pure: papers in, a paper out.

``merge_records(kept, other)`` returns the merged paper (``kept``'s key) and the
conflicts: field -> the value that lost, in the JSON form of ``Paper.metadata()``.
The rules, field by field:

- **title** (and ``title_id``/``title_en``): a title that is cut ("...", "…"),
  ALL CAPS or all lower case loses to one that is not; a title that only adds to
  the other (a subtitle the other dropped) wins; otherwise ``kept``'s stays.
- **authors**: a list that continues the other (same surnames, more names; the
  other cut by "et al."/"…") wins; name by name, a given name beats initials;
  lists with other surnames: the untruncated, then the longer, then ``kept``'s.
- **journal**: a full name beats its abbreviation ("J. Polit." < "Journal of Politics").
- **date/year**: the more precise date that agrees wins ("2023-10" beats "2023");
  disagreeing years keep ``kept``'s (the other's is a conflict).
- **abstracts**: the longer wins.
- **doi, issn, isbn, volume, issue, pages, publisher, url, ...**: filled when
  missing; a page range beats a first page.
- **lists** (keywords, author_ids, cited_references, editors when one is empty):
  unioned, order kept, no duplicates (case and accents ignored for words).
- **extra**: key by key; a conflicting value is kept under ``key_2`` (``_3``...).
- **full text** (with sections, citations, pages): whichever has it, ``kept`` first.

A value that only differs in case, accents or punctuation, or that the winner
contains (a dropped subtitle, a shorter abstract the longer one starts with, an
abbreviated journal, initials) is not a conflict: nothing is lost. Metadata
guessed from a PDF's layout (``source_format`` "pdf") never replaces a value a
bibliographic record gave; it only fills gaps (and loses where both have one).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from rapidfuzz import fuzz

from litreview.dedup import fold, normalize_doi
from litreview.model import Paper, Person

GUESSED_FORMATS = frozenset({"pdf"})  # metadata read from a page layout, not from a bibliographic record
ABSTRACT_SAME = 95.0  # abstracts this alike (after folding) are one text in two spellings

_TITLE_FIELDS = ("title", "title_id", "title_en")
_ABSTRACT_FIELDS = ("abstract", "abstract_id", "abstract_en")
_WORD_LISTS = ("keywords", "keywords_id", "keywords_en", "cited_references")
_SCALARS = ("doi", "url", "volume", "issue", "publisher", "isbn", "issn", "language", "note")
_CUT = re.compile(r"(\.\.\.|…)\s*$")
_STOP = frozenset("of the and for in on dan untuk di dalam &".split())


def merge_records(kept: Paper, other: Paper) -> tuple[Paper, dict[str, Any]]:
    """``kept`` enriched by ``other``: each field from the richer record; see the module doc."""
    merged = copy.deepcopy(kept)
    conflicts: dict[str, Any] = {}
    kept_rank, other_rank = _rank(kept), _rank(other)

    def lost(name: str, value: Any) -> None:
        conflicts[name] = [p.to_dict() for p in value] if name in ("authors", "editors") else value

    for name in _TITLE_FIELDS:
        value, loser = _pick_title(getattr(kept, name), getattr(other, name), kept_rank, other_rank)
        setattr(merged, name, value)
        if loser:
            lost(name, loser)
    authors, truncated, loser_authors = _pick_authors(kept, other, kept_rank, other_rank)
    merged.authors, merged.authors_truncated = authors, truncated
    if loser_authors:
        lost("authors", loser_authors)
    if not kept.editors:
        merged.editors = copy.deepcopy(other.editors)
    elif other.editors and _surnames(kept.editors) != _surnames(other.editors):
        lost("editors", other.editors)
    journal, loser_journal = _pick_journal(kept.journal, other.journal, kept_rank, other_rank)
    merged.journal = journal
    if loser_journal:
        lost("journal", loser_journal)
    _merge_date(merged, kept, other, kept_rank, other_rank, lost)
    for name in _ABSTRACT_FIELDS:
        value, loser = _pick_abstract(getattr(kept, name), getattr(other, name))
        setattr(merged, name, value)
        if loser:
            lost(name, loser)
    pages, loser_pages = _pick_pages(kept.pages, other.pages)
    if loser_pages and kept_rank < other_rank:
        pages, loser_pages = other.pages, kept.pages
    merged.pages = pages
    if loser_pages:
        lost("pages", loser_pages)
    for name in _SCALARS:
        mine, theirs = getattr(kept, name), getattr(other, name)
        if not mine:
            setattr(merged, name, theirs)
        elif theirs and not _same_scalar(name, mine, theirs):
            if kept_rank < other_rank:  # the kept value was guessed from a PDF: the record's wins
                setattr(merged, name, theirs)
                lost(name, mine)
            else:
                lost(name, theirs)
    if other.entry_type and other.entry_type != kept.entry_type:
        if kept.entry_type in ("", "misc"):
            merged.entry_type = other.entry_type
        elif other.entry_type != "misc":
            lost("entry_type", other.entry_type)
    for name in _WORD_LISTS:
        setattr(merged, name, _union(getattr(kept, name), getattr(other, name), fold))
    merged.author_ids = _union(kept.author_ids, other.author_ids, str.casefold)
    merged.extra = merge_extra(kept.extra, other.extra)
    if not kept.text and other.text:
        merged.text, merged.sections, merged.citations = other.text, list(other.sections), list(other.citations)
        merged.page_starts, merged.pages_count = list(other.page_starts), other.pages_count
    merged.warnings = list(dict.fromkeys([*kept.warnings, *other.warnings]))
    return merged, conflicts


def stored_source_format(formats: list[str]) -> str:
    """The ``source_format`` a stored paper merges as, from its provenance rows' formats: a
    bibliographic one if any record was bibliographic, else the first ("" without rows)."""
    return next((f for f in formats if f not in GUESSED_FORMATS), formats[0] if formats else "")


def split_conflicts(kept: Paper, merged: Paper, conflicts: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(values of ``kept`` that lost, values of the other record that lost): a lost value is kept's
    when the merged paper no longer has kept's value in that field."""
    kept_lost, other_lost = {}, {}
    for name, value in conflicts.items():
        if name != "year" and getattr(merged, name) != getattr(kept, name):
            kept_lost[name] = value
        elif name == "year" and merged.year != kept.year:
            kept_lost[name] = value
        else:
            other_lost[name] = value
    return kept_lost, other_lost


def changed_fields(before: Paper, after: Paper) -> list[str]:
    """Metadata fields whose value differs (and "full text" when the text arrived)."""
    names = [n for n in Paper.METADATA_FIELDS if n != "key" and getattr(before, n) != getattr(after, n)]
    if after.text and not before.text:
        names.append("full text")
    return names


def merge_extra(mine: dict[str, str], theirs: dict[str, str]) -> dict[str, str]:
    """Key by key; a different value for a key already there goes under ``key_2``, ``key_3``..."""
    out = dict(mine)
    for key, value in theirs.items():
        if key not in out:
            out[key] = value
            continue
        if out[key] == value or value in _numbered_values(out, key):
            continue
        n = 2
        while f"{key}_{n}" in out:
            n += 1
        out[f"{key}_{n}"] = value
    return out


def _numbered_values(extra: dict[str, str], key: str) -> list[str]:
    return [v for k, v in extra.items() if k.startswith(f"{key}_") and k[len(key) + 1:].isdigit()]


def _rank(paper: Paper) -> int:
    """1 for a bibliographic record, 0 for metadata guessed from a PDF's layout."""
    return 0 if paper.source_format in GUESSED_FORMATS else 1


# -- titles ---------------------------------------------------------------------------
def title_quality(title: str) -> int:
    """2 for a title as printed; minus one each for being cut, or ALL CAPS / all lower case."""
    score = 2
    if _CUT.search(title):
        score -= 1
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 4 and (title.upper() == title or title.lower() == title):
        score -= 1
    return score


def _pick_title(mine: str, theirs: str, my_rank: int, their_rank: int) -> tuple[str, str]:
    """(winner, conflicting loser or "")."""
    if not mine or not theirs:
        return mine or theirs, ""
    a, b = fold(_CUT.sub("", mine)), fold(_CUT.sub("", theirs))
    if their_rank < my_rank:
        return mine, "" if _contains_title(a, b) else theirs
    if my_rank < their_rank:
        return theirs, "" if _contains_title(b, a) else mine
    qa, qb = title_quality(mine), title_quality(theirs)
    if a == b:
        return (theirs if qb > qa else mine), ""
    if _CUT.search(mine) and b.startswith(a):
        return theirs, ""
    if _CUT.search(theirs) and a.startswith(b):
        return mine, ""
    if b.startswith(a) and qb >= qa:  # the other adds a subtitle
        return theirs, ""
    if a.startswith(b) and qa >= qb:
        return mine, ""
    return (theirs, mine) if qb > qa else (mine, theirs)


def _contains_title(winner: str, loser: str) -> bool:
    return winner == loser or winner.startswith(loser)


# -- authors --------------------------------------------------------------------------
def _surnames(people: list[Person]) -> list[str]:
    return [fold(p.surname).replace(" ", "") for p in people]


def _richer_person(a: Person, b: Person) -> Person:
    """The same person twice: the form with the fuller given name (a given name beats initials),
    then the one not in capitals."""
    def fullness(p: Person) -> tuple[int, int, bool]:
        given = p.given.replace(".", " ").split()
        shouting = p.surname.isupper() and len(p.surname) > 1  # "GRIESER" as Web of Science writes it
        return (sum(len(g) > 1 for g in given), len(p.given), not shouting)

    return copy.deepcopy(b if fullness(b) > fullness(a) else a)


def _pick_authors(kept: Paper, other: Paper, my_rank: int, their_rank: int) -> tuple[list[Person], bool, list[Person]]:
    """(authors, truncated, conflicting loser list or [])."""
    mine, theirs = kept.authors, other.authors
    if not mine or not theirs:
        if mine:
            return copy.deepcopy(mine), kept.authors_truncated, []
        return copy.deepcopy(theirs), other.authors_truncated, []
    a, b = _surnames(mine), _surnames(theirs)
    shorter = min(len(a), len(b))
    compatible = a[:shorter] == b[:shorter]  # one list continues the other
    if my_rank != their_rank:  # names guessed from a PDF's layout never replace a record's
        winner, loser = (kept, other) if my_rank > their_rank else (other, kept)
        return copy.deepcopy(winner.authors), winner.authors_truncated, [] if compatible else loser.authors
    if compatible:
        longer, long_paper = (theirs, other) if len(b) > len(a) else (mine, kept)
        people = [
            _richer_person(mine[i], theirs[i]) if i < shorter else copy.deepcopy(longer[i])
            for i in range(len(longer))
        ]
        if len(a) == len(b):
            truncated = kept.authors_truncated and other.authors_truncated
        else:
            truncated = long_paper.authors_truncated
        return people, truncated, []
    if (not other.authors_truncated, len(theirs)) > (not kept.authors_truncated, len(mine)):
        return copy.deepcopy(theirs), other.authors_truncated, [] if _within(a, b) else mine
    return copy.deepcopy(mine), kept.authors_truncated, [] if _within(b, a) else theirs


def _within(part: list[str], whole: list[str]) -> bool:
    """Every name of ``part`` is in ``whole``, in order (a list that left out some editors)."""
    rest = iter(whole)
    return all(name in rest for name in part)


# -- venue, dates, pages, abstracts, scalars ------------------------------------------
def is_abbreviation(short: str, full: str) -> bool:
    """"J. Polit. Indones." abbreviates "Jurnal Politik Indonesia": each word a prefix of the next
    word of the full name (little words like "of" may be skipped)."""
    s = [w for w in fold(short).split() if w not in _STOP]
    f = [w for w in fold(full).split()]
    if not s or len(s) > len(f):
        return False
    i = 0
    for word in s:
        while i < len(f) and not f[i].startswith(word):
            if f[i] not in _STOP:
                return False
            i += 1
        if i == len(f):
            return False
        i += 1
    return all(w in _STOP for w in f[i:])


def _pick_journal(mine: str, theirs: str, my_rank: int, their_rank: int) -> tuple[str, str]:
    if not mine or not theirs or fold(mine) == fold(theirs):
        if mine and theirs:
            return (theirs if title_quality(theirs) > title_quality(mine) else mine), ""
        return mine or theirs, ""
    if is_abbreviation(mine, theirs):
        return (mine if their_rank < my_rank else theirs), ""
    if is_abbreviation(theirs, mine):
        return mine, ""
    if _CUT.search(mine) and fold(theirs).startswith(fold(_CUT.sub("", mine))):
        return theirs, ""
    if _CUT.search(theirs) and fold(mine).startswith(fold(_CUT.sub("", theirs))):
        return mine, ""
    return mine, theirs


def _date_of(paper: Paper) -> str:
    return paper.date or (str(paper.year) if paper.year else "")


def _merge_date(merged: Paper, kept: Paper, other: Paper, my_rank: int, their_rank: int,
                lost: Any) -> None:
    mine, theirs = _date_of(kept), _date_of(other)
    if not mine:
        merged.date, merged.year = other.date, other.year
        return
    if not theirs or mine == theirs:
        return
    if theirs.startswith(mine) and their_rank >= my_rank:  # "2023" -> "2023-10-05"
        merged.date, merged.year = other.date, other.year or kept.year
        return
    if mine.startswith(theirs):
        return
    if mine[:4] == theirs[:4]:  # same year, days disagree: the more precise one stays, the other is kept
        if len(theirs) > len(mine) and their_rank >= my_rank:
            merged.date = other.date
            lost("date", kept.date or mine)
        else:
            lost("date", other.date or theirs)
        return
    lost("date", other.date or theirs)
    if other.year is not None and other.year != kept.year:
        lost("year", other.year)


def _pick_pages(mine: str, theirs: str) -> tuple[str, str]:
    a, b = mine.replace("--", "-").replace("–", "-"), theirs.replace("--", "-").replace("–", "-")
    if not mine or not theirs or fold(a) == fold(b):
        return mine or theirs, ""
    if "-" in b and "-" not in a and b.split("-")[0].strip() == a.strip():
        return theirs, ""
    if "-" in a and "-" not in b and a.split("-")[0].strip() == b.strip():
        return mine, ""
    return mine, theirs


def _pick_abstract(mine: str, theirs: str) -> tuple[str, str]:
    if not mine or not theirs:
        return mine or theirs, ""
    longer, shorter = (theirs, mine) if len(theirs) > len(mine) else (mine, theirs)
    a, b = fold(longer), fold(shorter)
    if b in a or fuzz.ratio(a, b) >= ABSTRACT_SAME:
        return longer, ""
    return longer, shorter


def _same_scalar(name: str, a: str, b: str) -> bool:
    if name == "doi":
        return normalize_doi(a) == normalize_doi(b) != "" or a.casefold() == b.casefold()
    if name == "url":
        return a.rstrip("/").split("://")[-1].casefold() == b.rstrip("/").split("://")[-1].casefold()
    if name in ("isbn", "issn"):
        return re.sub(r"[^0-9Xx]", "", a).upper() == re.sub(r"[^0-9Xx]", "", b).upper()
    return fold(a) == fold(b)


def _union(first: list[str], second: list[str], norm: Any) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in [*first, *second]:
        k = norm(item)
        if k and k not in seen:
            seen.add(k)
            out.append(item)
    return out
