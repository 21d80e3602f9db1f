"""Papers as RIS, the tagged format Zotero, Mendeley and EndNote import.

One value per line: authors (AU, "Family, Given"; a literal name of several
words ends in a comma, "Komisi Pemilihan Umum,", as EndNote marks corporate
authors), editors (ED), keywords (KW), notes (N1)
and abstract paragraphs (AB) repeat their tag. Bilingual papers: ``TT`` holds
the other language's title; the other language's abstract and keywords go in
notes labelled "Abstract (en): ..." and "Keywords (en): ...", which the RIS
importer reads back. Fields from ``Paper.extra`` that came from RIS go back
under their tags; a few common BibTeX/CSL ones are mapped (address -> CY,
series -> T3, edition -> ET, urldate/accessed -> Y2); the rest have no RIS
tag and are left out.
"""

from __future__ import annotations

import re

from litreview.model import Paper, Person

_FROM_OTHER_FORMATS = {
    "address": "CY",
    "publisher-place": "CY",
    "location": "CY",
    "series": "T3",
    "collection-title": "T3",
    "edition": "ET",
    "urldate": "Y2",
    "accessed": "Y2",
    "shorttitle": "ST",
    "title-short": "ST",
    "short_title": "ST",
    "shortjournal": "J2",
    "container-title-short": "J2",
    "journalabbreviation": "J2",
}
_SKIP = frozenset({"ris_type", "editors_truncated"})
_TAG = re.compile(r"^[A-Z][A-Z0-9]$")


def _tags_by_name() -> dict[str, str]:
    from rispy.config import TAG_KEY_MAPPING

    return {name: tag for tag, name in TAG_KEY_MAPPING.items()}


def _line(tag: str, value: str) -> str:
    value = " ".join(value.split())  # RIS values are single lines
    return f"{tag}  - {value}".rstrip()


def _name(person: Person) -> str:
    if person.literal:
        # A corporate name ends in a comma (EndNote's convention), so it is not split.
        return person.literal + "," if " " in person.literal else person.literal
    family = person.family
    if person.particle:
        family = (
            f"{person.particle}{family}"
            if person.particle.endswith(("-", "'", "’"))
            else f"{person.particle} {family}"
        )
    parts = [family, person.given] if person.given else [family]
    if person.suffix:
        parts.append(person.suffix)
    return ", ".join(parts)


def _ris_date(date: str) -> str:
    """ "2024-06-20" -> "2024/06/20", as RIS writes dates."""
    negative = date.startswith("-")
    body = date[1:] if negative else date
    return ("-" if negative else "") + body.replace("-", "/")


def _record(paper: Paper, tags: dict[str, str]) -> list[str]:
    from litreview.ingest.ris import TYPE_TO_RIS

    extra = dict(paper.extra)
    ris_type = extra.get("ris_type") or TYPE_TO_RIS.get(paper.entry_type, "GEN")
    lines = [_line("TY", ris_type)]
    if paper.key:
        lines.append(_line("ID", paper.key))

    def add(tag: str, value: str) -> None:
        if value and value.strip():
            lines.append(_line(tag, value))

    for person in paper.authors:
        add("AU", _name(person))
    if paper.authors_truncated:
        add("AU", "et al.")
    for person in paper.editors:
        add("ED", _name(person))
    add("TI", paper.title)
    for lang in ("id", "en"):
        other = getattr(paper, f"title_{lang}")
        if other and other != paper.title:
            add("TT", other)
    add("T2", paper.journal)
    if paper.year is not None:
        add("PY", str(paper.year))
    if paper.date and paper.date != str(paper.year):
        add("DA", _ris_date(paper.date))
    add("VL", paper.volume)
    add("IS", paper.issue)
    if paper.pages:
        start, _, end = paper.pages.partition("-")
        if end and start != end:
            add("SP", start)
            add("EP", end)
        else:
            add("SP", paper.pages)
    add("PB", paper.publisher)
    add("DO", paper.doi)
    add("UR", paper.url)
    add("SN", paper.isbn)
    add("SN", paper.issn)
    add("LA", paper.language)
    for paragraph in paper.abstract.split("\n\n"):
        add("AB", paragraph)
    for word in paper.keywords:
        add("KW", word)
    for paragraph in paper.note.split("\n\n"):
        add("N1", paragraph)
    for lang in ("id", "en"):
        abstract = getattr(paper, f"abstract_{lang}")
        if abstract and abstract != paper.abstract:
            for paragraph in abstract.split("\n\n"):
                add("N1", f"Abstract ({lang}): {paragraph}")
        words = getattr(paper, f"keywords_{lang}")
        if words and words != paper.keywords:
            add("N1", f"Keywords ({lang}): {'; '.join(words)}")
    for path in paper.attachments:
        add("L1", path)
    for name, value in extra.items():
        if name in _SKIP:
            continue
        tag = tags.get(name) or (name if _TAG.match(name) else _FROM_OTHER_FORMATS.get(name.lower()))
        if tag is None or tag in ("TY", "ER"):
            continue
        for part in value.split("\n"):
            add(tag, part)
    lines.append("ER  - ")
    return lines


def export_ris(papers: list[Paper]) -> str:
    """All ``papers`` as one RIS file."""
    tags = _tags_by_name()
    return "".join("\n".join(_record(paper, tags)) + "\n\n" for paper in papers)
