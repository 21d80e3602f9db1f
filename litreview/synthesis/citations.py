"""APA 7 in-text citations for table cells and prose, in English or Indonesian, and the one
place where works cited alike get their letters.

``in_text`` gives one paper's citation: "Munadi, 2023", "Cobis & Rusadi, 2023",
"Fahruji et al., 2023" (Indonesian "Fahruji dkk., 2023"), or in narrative form
"Cobis and Rusadi (2023)". Parenthetical citations come without their
parentheses, because a table cell holds them alone.

``year_letters`` tells apart works that would be cited alike by a letter after the year
(APA 7, 8.19: "Anonim, 2024a", "Anonim, 2024b", "n.d.-a"), given in the order of the
reference list (author, date, title, as APA's CSL style and citeproc-js sort it), whatever
the keys are. ``corpus_letters`` computes them for some papers among all the corpus's, so a
paper has the same letter in every output (tables, reading lists, `cite`, `bibliography`,
`refs`, `search`, graph labels); ``citations_for`` gives many papers' citations with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from litreview.model import Paper
from litreview.text.titlecase import title_case

if TYPE_CHECKING:
    from litreview.store import Corpus

_TERMS = {
    "en": {"et_al": "et al.", "and": "and", "no_date": "n.d.", "untitled": "[Untitled]"},
    "id": {"et_al": "dkk.", "and": "dan", "no_date": "t.t.", "untitled": "[Tanpa judul]"},
}
_TITLE_WORDS = 4  # a title standing in for the author is cut to this many words
_YEAR = re.compile(r"\d{4}")


def _terms(lang: str) -> dict[str, str]:
    return _TERMS["id"] if lang.lower().startswith("id") else _TERMS["en"]


@lru_cache(maxsize=50_000)
def _clean(name: str) -> str:
    """A name on one line, NFC (cached: a corpus repeats its authors' names)."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


def _year(paper: Paper, lang: str) -> str:
    """The year as cited: the year field, else the year the date starts with, else "n.d."/"t.t."."""
    if paper.year:
        return str(paper.year)
    found = _YEAR.match(paper.date.strip())
    return found.group() if found else _terms(lang)["no_date"]


def _short_title(paper: Paper, lang: str) -> str:
    """The title in title case and double quotes, cut to its first words (and before a subtitle of a
    title of two words or more): "Media Sosial dan Kampanye"."""
    title = _clean(paper.title or paper.title_id or paper.title_en)
    if not title:
        return _terms(lang)["untitled"]
    title = title_case(title)  # a title cited in the text is in title case (APA 7, 8.14)
    main = title.split(": ", 1)[0]
    if main != title and len(main.split()) >= 2:
        title = main  # the main title without its subtitle
    words = title.split()
    if len(words) > _TITLE_WORDS:
        title = " ".join(words[:_TITLE_WORDS]).rstrip(",;:.\u2013\u2014-")
    # Quotation marks inside the quoted title become single ones (APA 6.7); one left open by the cut goes.
    title = _INNER_QUOTES.sub("'", title)
    if title.count("'") % 2 and (title.startswith("'") or " '" in title):
        at = title.rfind("'")
        title = (title[:at] + title[at + 1:]).strip()
    return f'"{title}"'


_INNER_QUOTES = re.compile('["\u201c\u201d\u201e]')


def _author_part(paper: Paper, lang: str, narrative: bool) -> str:
    """Who is cited: one or two surnames, the first with "et al.", or the short title."""
    terms = _terms(lang)
    surnames = [s for s in (_clean(p.surname) for p in paper.authors) if s]
    if not surnames:
        return _short_title(paper, lang)
    if len(surnames) >= 3 or paper.authors_truncated:
        return f"{surnames[0]} {terms['et_al']}"
    if len(surnames) == 2:
        joiner = terms["and"] if narrative else "&"
        return f"{surnames[0]} {joiner} {surnames[1]}"
    return surnames[0]


def _join(author: str, year: str, narrative: bool) -> str:
    return f"{author} ({year})" if narrative else f"{author}, {year}"


def in_text(paper: Paper, lang: str = "en", narrative: bool = False, letter: str = "") -> str:
    """The APA 7 in-text citation of ``paper``: "Cobis & Rusadi, 2023" (parenthetical, without the
    parentheses) or "Cobis and Rusadi (2023)" (narrative); ``lang`` "id" gives "dkk.", "dan", "t.t.".
    ``letter`` (from ``year_letters``) follows the year: "2024a", "n.d.-a"."""
    return _join(_author_part(paper, lang, narrative), _dated(_year(paper, lang), letter, lang), narrative)


def _dated(year: str, letter: str, lang: str) -> str:
    if not letter:
        return year
    return f"{year}-{letter}" if year == _terms(lang)["no_date"] else f"{year}{letter}"


def _letter(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa": the suffix that tells apart works cited alike."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _folded(text: str) -> str:
    one_line = " ".join(text.split())
    if one_line.isascii():  # NFKD leaves ASCII as it is, and none of it combines
        return one_line.casefold()
    decomposed = unicodedata.normalize("NFKD", one_line)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# CSL types whose reference list sorts by year alone (APA's date-sort macro); others by the full date.
_YEAR_ONLY_TYPES = frozenset(
    "article article-journal book chapter entry entry-dictionary entry-encyclopedia dataset figure graphic "
    "manuscript map musical_score patent report review review-book thesis".split())


def _csl_type(paper: Paper) -> str:
    from litreview.ingest.csljson import TYPE_TO_CSL

    return paper.extra.get("csl_type") or TYPE_TO_CSL.get(paper.entry_type, "document")


def reference_order(paper: Paper) -> tuple[object, ...]:
    """Where ``paper`` stands in an APA reference list: authors (family names first, all of
    them; the title when there is none), then undated before dated before "in press", the
    date (the year alone for articles, books, reports, theses...), the title, the volume (none
    last), the key."""
    title = _folded(paper.title or paper.title_id or paper.title_en)
    authors = "; ".join(_folded(p.inverted()) for p in paper.authors if p.surname)
    year = paper.year or (int(m.group()) if (m := _YEAR.match(paper.date.strip())) else None)
    status = paper.extra.get("status", "").strip()
    group = 1 if year is not None else (2 if status else 0)
    parts = [int(p) for p in paper.date.split("-")[1:3] if p.isdigit()] if paper.date[:4].isdigit() else []
    kind = _csl_type(paper)
    year_only = kind in _YEAR_ONLY_TYPES or (kind == "paper-conference" and (
        paper.editors or paper.volume or paper.issue or paper.pages))
    date = (year or 0,) if year_only else (year or 0, *parts)
    return (authors or title, group, date, title, not paper.volume, paper.volume, paper.key)


def year_letters(papers: Iterable[Paper], lang: str = "en") -> dict[str, str]:
    """The letter each paper's year takes ("a", "b", ...) where different papers would otherwise
    be cited alike, by key; papers cited alone are left out. Letters go in reference-list order
    (``reference_order``)."""
    groups: dict[tuple[str, str], dict[str, Paper]] = {}
    for paper in papers:
        groups.setdefault(_cited_alike(paper), {})[paper.key] = paper  # a key seen twice counts once
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            for i, paper in enumerate(sorted(members.values(), key=reference_order)):
                out[paper.key] = _letter(i)
    return out


def _cited_alike(paper: Paper) -> tuple[str, str]:
    """What papers cited alike share: the author part and the year (``year_letters``' groups)."""
    return _author_part(paper, "en", False).casefold(), _year(paper, "en")


def alike_of(paper: Paper) -> tuple[str, str]:
    """What ``paper`` shares with the papers cited like it (the groups of ``year_letters``)."""
    return _cited_alike(paper)


@dataclass(slots=True)
class Cited:
    """What one paper's in-text citation is made of, without the paper: a table of many papers
    keeps these (a few short strings) instead of the papers. ``author`` and ``year`` are as cited
    in the language asked for; ``alike`` is what papers cited alike share (``year_letters``)."""

    key: str
    author: str
    year: str
    alike: tuple[str, str]

    def text(self, lang: str = "en", letter: str = "") -> str:
        """The parenthetical citation, with ``letter`` after the year ("Anonim, 2024b")."""
        return _join(self.author, _dated(self.year, letter, lang), False)


def cited(paper: Paper, lang: str = "en") -> Cited:
    """``paper``'s ``Cited`` record in ``lang``."""
    return Cited(paper.key, _author_part(paper, lang, False), _year(paper, lang), _cited_alike(paper))


def corpus_letters(corpus: Corpus, papers: Iterable[Paper]) -> dict[str, str]:
    """``year_letters`` of ``papers`` among all the corpus's papers: a paper's letter does not
    depend on which others are shown with it. Only papers of the same first author (or of no
    author) and year are read, and only those cited like one of ``papers`` are kept."""
    chosen = {p.key: p for p in papers}
    others = [k for k in corpus.keys_alike(list(chosen)) if k not in chosen]
    groups = {_cited_alike(p) for p in chosen.values()}
    alike = [p for p in corpus.iter_papers(others) if _cited_alike(p) in groups] if others else []
    letters = year_letters([*chosen.values(), *alike])
    return {key: letters[key] for key in chosen if key in letters}


def letters_among(corpus: Corpus, chosen: Sequence[Cited]) -> dict[str, str]:
    """``corpus_letters`` of stored papers, from their ``Cited`` records: the papers that may share
    a letter are read again from the corpus one group of papers cited alike after another, so only
    one group's papers are held at a time, however many papers are chosen."""
    alike = {c.key: c.alike for c in chosen}
    others = [k for k in corpus.keys_alike(list(alike)) if k not in alike]
    groups = set(alike.values())
    for paper in corpus.iter_papers(others) if others else ():
        found = _cited_alike(paper)
        if found in groups:
            alike[paper.key] = found
    sizes = Counter(alike.values())
    shared = sorted((k for k, group in alike.items() if sizes[group] > 1), key=lambda k: (alike[k], k))
    letters: dict[str, str] = {}
    members: list[Paper] = []
    for paper in corpus.iter_papers(shared) if shared else ():
        if members and alike[members[0].key] != alike[paper.key]:
            letters.update(year_letters(members))
            members = []
        members.append(paper)
    letters.update(year_letters(members))
    return {key: letters[key] for key in dict.fromkeys(c.key for c in chosen) if key in letters}


def citations_for(papers: Iterable[Paper], lang: str = "en", narrative: bool = False,
                  letters: dict[str, str] | None = None) -> dict[str, str]:
    """Each paper's citation by its key, in the order given, with the letters of ``letters``
    (default: ``year_letters`` of these papers): "Anonim, 2024a", "Munadi, n.d.-b"."""
    chosen = {p.key: p for p in papers}
    if letters is None:
        letters = year_letters(chosen.values(), lang)
    return {key: in_text(paper, lang, narrative, letters.get(key, "")) for key, paper in chosen.items()}
