"""APA 7 in-text citations for table cells and prose, in English or Indonesian.

``in_text`` gives one paper's citation: "Munadi, 2023", "Cobis & Rusadi, 2023",
"Fahruji et al., 2023" (Indonesian "Fahruji dkk., 2023"), or in narrative form
"Cobis and Rusadi (2023)". Parenthetical citations come without their
parentheses, because a table cell holds them alone. ``citations_for`` does the
same for many papers and tells apart works that would read the same by a
letter after the year, in the order of their titles (APA 7, 8.19):
"Anonim, 2024a", "Anonim, 2024b", "n.d.-a".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from litreview.model import Paper

_TERMS = {
    "en": {"et_al": "et al.", "and": "and", "no_date": "n.d.", "untitled": "[Untitled]"},
    "id": {"et_al": "dkk.", "and": "dan", "no_date": "t.t.", "untitled": "[Tanpa judul]"},
}
_TITLE_WORDS = 4  # a title standing in for the author is cut to this many words
_YEAR = re.compile(r"\d{4}")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _terms(lang: str) -> dict[str, str]:
    return _TERMS["id"] if lang.lower().startswith("id") else _TERMS["en"]


def _clean(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split()))


def _year(paper: Paper, lang: str) -> str:
    """The year as cited: the year field, else the year the date starts with, else "n.d."/"t.t."."""
    if paper.year:
        return str(paper.year)
    found = _YEAR.match(paper.date.strip())
    return found.group() if found else _terms(lang)["no_date"]


def _short_title(paper: Paper, lang: str) -> str:
    """The title in double quotes, cut to its first words (and before a subtitle of a title of two
    words or more): "Media Sosial dan Kampanye"."""
    title = _clean(paper.title or paper.title_id or paper.title_en)
    if not title:
        return _terms(lang)["untitled"]
    main = title.split(": ", 1)[0]
    if main != title and len(main.split()) >= 2:
        title = main  # the main title without its subtitle
    words = title.split()
    if len(words) > _TITLE_WORDS:
        title = " ".join(words[:_TITLE_WORDS]).rstrip(",;:.\u2013\u2014-")
    return f'"{title}"'


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


def in_text(paper: Paper, lang: str = "en", narrative: bool = False) -> str:
    """The APA 7 in-text citation of ``paper``: "Cobis & Rusadi, 2023" (parenthetical, without the
    parentheses) or "Cobis and Rusadi (2023)" (narrative); ``lang`` "id" gives "dkk.", "dan", "t.t."."""
    return _join(_author_part(paper, lang, narrative), _year(paper, lang), narrative)


def _letter(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa": the suffix that tells apart works cited alike."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _title_order(paper: Paper) -> tuple[str, str]:
    """Sort works by title as APA does (a leading "The"/"A"/"An" ignored), then by key."""
    title = _clean(paper.title or paper.title_id or paper.title_en)
    return (_LEADING_ARTICLE.sub("", title).casefold(), paper.key)


def citations_for(papers: Iterable[Paper], lang: str = "en", narrative: bool = False) -> dict[str, str]:
    """Each paper's citation by its key, with "a", "b", ... after the year (in title order) where
    different papers would otherwise be cited alike: "Anonim, 2024a", "Munadi, n.d.-b"."""
    no_date = _terms(lang)["no_date"]
    groups: dict[tuple[str, str], dict[str, Paper]] = {}
    order: dict[str, None] = {}
    for paper in papers:
        order[paper.key] = None
        author = _author_part(paper, lang, narrative)
        groups.setdefault((author, _year(paper, lang)), {})[paper.key] = paper  # a key seen twice counts once
    out: dict[str, str] = {}
    for (author, year), members in groups.items():
        if len(members) == 1:
            (key,) = members
            out[key] = _join(author, year, narrative)
            continue
        for i, paper in enumerate(sorted(members.values(), key=_title_order)):
            suffix = _letter(i)
            dated = f"{year}-{suffix}" if year == no_date else f"{year}{suffix}"
            out[paper.key] = _join(author, dated, narrative)
    return {key: out[key] for key in order}  # in the order given
