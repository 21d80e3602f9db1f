"""Papers as CSL-JSON, for pandoc, citeproc and Zotero.

Names become family/given objects with the particle as
``non-dropping-particle``; literal names (mononyms, institutions) become
``{"literal": ...}``. Dates become ``date-parts``. Bilingual papers carry the
other language's versions under ``title_en``/``title_id``,
``abstract_en``/``abstract_id`` and ``keywords_en``/``keywords_id`` (CSL has
no variables for them; processors ignore unknown keys, and the CSL importer
reads them back). ``Paper.extra`` entries are written under their own names:
CSL date and name variables are rebuilt as objects, JSON text as JSON.
"""

from __future__ import annotations

import json
from typing import Any

from litreview.export.bibtex import citation_key, join_keywords
from litreview.model import Paper, Person


def person_to_csl(person: Person) -> dict[str, str]:
    """One Person as a CSL name object."""
    if person.literal:
        return {"literal": person.literal}
    out = {
        "family": person.family,
        "given": person.given,
        "non-dropping-particle": person.particle,
        "suffix": person.suffix,
    }
    return {key: value for key, value in out.items() if value}


def date_parts(date: str) -> dict[str, Any] | None:
    """ "2024-06-20" -> {"date-parts": [[2024, 6, 20]]}; None for text that is not an ISO date."""
    negative = date.startswith("-")
    pieces = (date[1:] if negative else date).split("-")
    if not pieces or not all(p.isdigit() for p in pieces) or len(pieces) > 3:
        return None
    numbers = [int(p) for p in pieces]
    if negative:
        numbers[0] = -numbers[0]
    return {"date-parts": [numbers]}


def _extra_value(name: str, value: str) -> Any:
    from litreview.ingest.csljson import DATE_VARIABLES, NAME_VARIABLES
    from litreview.text.names import parse_name_list

    if name in NAME_VARIABLES:
        return [person_to_csl(p) for p in parse_name_list(value)[0]]
    if name in DATE_VARIABLES:
        parts = date_parts(value)
        if parts is not None:
            return parts
    if value[:1] in "[{":
        from litreview.safeload import InputTooComplex, load_json

        try:
            return load_json(value, name)
        except (ValueError, InputTooComplex):
            pass
    return value


def paper_to_csl(paper: Paper, key: str) -> dict[str, Any]:
    """One Paper as a CSL item with id ``key`` (``citation-key`` is the paper's key)."""
    from litreview.ingest.csljson import TYPE_TO_CSL

    extra = dict(paper.extra)
    extra.pop("id", None)  # the caller chose ``key`` from it
    item: dict[str, Any] = {
        "id": key,
        "citation-key": paper.key,
        "type": extra.pop("csl_type", None) or TYPE_TO_CSL.get(paper.entry_type, "document"),
        "title": paper.title,
        "author": [person_to_csl(p) for p in paper.authors],
        "editor": [person_to_csl(p) for p in paper.editors],
        "container-title": paper.journal,
        "volume": paper.volume,
        "issue": paper.issue,
        "page": paper.pages,
        "publisher": paper.publisher,
        "DOI": paper.doi,
        "URL": paper.url,
        "ISBN": paper.isbn,
        "ISSN": paper.issn,
        "language": paper.language,
        "abstract": paper.abstract,
        "keyword": join_keywords(paper.keywords) if paper.keywords else "",
        "note": paper.note,
    }
    if paper.date:
        item["issued"] = date_parts(paper.date) or {"raw": paper.date}
    elif paper.year is not None:
        item["issued"] = {"date-parts": [[paper.year]]}
    for lang in ("id", "en"):
        for field in ("title", "abstract", "keywords"):
            value = getattr(paper, f"{field}_{lang}")
            main = getattr(paper, field)
            if value and value != main:
                item[f"{field}_{lang}"] = value
    if paper.journal and not paper.volume and not paper.issue:
        from litreview.ingest.fields import split_container

        item["container-title"], item["volume"], item["issue"] = split_container(paper.journal)
    for name, value in _bibtex_fields(paper, extra).items():
        if not item.get(name):
            item[name] = value
    for name, value in extra.items():
        item[name] = _extra_value(name, value)  # the raw form wins over a parsed one ("issued", "language")
    return {key: value for key, value in item.items() if value not in ("", [], None)}


# BibTeX's fields for what CSL names otherwise (kept in Paper.extra by the BibTeX importer).
_BIBTEX_TO_CSL = {"type": "genre", "address": "publisher-place", "location": "publisher-place",
                  "eventtitle": "event-title", "venue": "event-place", "series": "collection-title",
                  "edition": "edition", "howpublished": "medium", "chapter": "chapter-number"}
_PUBLISHING_BODIES = ("school", "institution", "organization")
# The genre APA gives a thesis whose record does not name one.
_THESIS_GENRES = {"mastersthesis": "Master\u2019s thesis", "phdthesis": "Doctoral dissertation"}


def _bibtex_fields(paper: Paper, extra: dict[str, str]) -> dict[str, str]:
    """CSL variables from the BibTeX fields of ``extra`` (which loses them): ``type`` is the
    genre ("Skripsi", "Tesis"), never the CSL type; the school, institution or organisation is
    the publisher; the address is the place, without the period a BibTeX address often ends in."""
    out: dict[str, str] = {}
    for field, variable in _BIBTEX_TO_CSL.items():
        value = extra.pop(field, "").strip()
        if value:
            out[variable] = value.rstrip(".") if variable == "publisher-place" else value
    for field in _PUBLISHING_BODIES:
        value = extra.pop(field, "").strip()
        if value and not paper.publisher and "publisher" not in out:
            out["publisher"] = value
    if out.get("genre", "").casefold().replace(" ", "") in _THESIS_GENRES:  # type = {phdthesis}
        out["genre"] = _THESIS_GENRES[out["genre"].casefold().replace(" ", "")]
    if paper.entry_type in _THESIS_GENRES and "genre" not in out and "genre" not in extra:
        out["genre"] = _THESIS_GENRES[paper.entry_type]
    return out


def export_csljson(papers: list[Paper]) -> str:
    """All ``papers`` as a CSL-JSON array (ids made unique)."""
    used: set[str] = set()
    items = []
    for paper in papers:
        # The source's own id when it had one besides the key, else the key.
        base = key = paper.extra.get("id", "").strip() or paper.key.strip() or citation_key(paper)
        n = 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        items.append(paper_to_csl(paper, key))
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
