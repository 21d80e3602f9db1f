"""PubMed .nbib files (the MEDLINE tagged format) into Papers.

A record is a run of tag lines ("PMID- 27169098", "TI  - Title.", "FAU - Aspinall,
Edward"): the tag padded to four characters, "- ", the value; a value that goes
on is continued on lines indented by six spaces. Records are separated by blank
lines (a new "PMID-" line also starts one). PubMed pairs each author's full name
(FAU) with the short one (AU), followed by that author's ORCID (AUID) and
affiliations (AD).

The PMID goes to ``origin["record_id"]`` ("pmid:27169098"); author keywords (OT)
and MeSH headings (MH) become keywords, and the MeSH lines as written (with their
qualifiers) stay in ``extra["MH"]``; every tag without a slot goes to ``extra``
under its own name, so nothing is dropped.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from litreview.errors import ImportFailed
from litreview.i18n import msg
from litreview.ingest.fields import (
    clean_line,
    clean_paragraphs,
    language_code,
    normalize_doi,
    parse_date,
    settle_languages,
    split_keywords,
)
from litreview.ingest.tagged import split_records
from litreview.model import ImportResult, Paper, Person
from litreview.text.encoding import decode_text, looks_binary
from litreview.text.names import parse_name

NAME = "nbib"
DESCRIPTION = "PubMed MEDLINE (.nbib)"
EXTENSIONS = (".nbib", ".medline")

_TAG = re.compile(r"^(?=[A-Z][A-Z0-9 ]{3}-)([A-Z][A-Z0-9]{1,3}) *- ?(.*?)\s*$")
_SNIFF_PMID = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?PMID- *\d")
_SNIFF_TAG = re.compile(rb"(?m)^[A-Z][A-Z0-9 ]{3}- ")
SNIFF_LINES = 20  # the PMID line must come this early
_SHORT_NAME = re.compile(r"^(.+?)\s+([A-Z]{1,4})$")  # "Shruthi BS", "Mietzner M"
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", re.IGNORECASE)
_ID_KIND = re.compile(r"^(.*?)\s*\[([a-z-]+)\]$")  # "10.4103/x [doi]", "ABR-5-67 [pii]"
_PARAGRAPH_TAGS = {"AB", "OAB"}  # continuation lines of these are paragraphs, not one line


def match(head: bytes, name: str) -> bool:
    """A "PMID- 123" line among the first lines, and another MEDLINE tag line."""
    if not head.strip() or looks_binary(head):
        return False
    top = b"\n".join(head.lstrip().splitlines()[:SNIFF_LINES])
    return _SNIFF_PMID.search(top) is not None and len(_SNIFF_TAG.findall(top)) >= 2


def _records(text: str) -> tuple[list[tuple[int, list[tuple[str, str]]]], list[str]]:
    """(first line number, [(tag, value)]) per record, and layout warnings."""
    return split_records(text, _TAG, _PARAGRAPH_TAGS, lambda tag, fields: tag == "PMID", indented_continues=True,
                         warn_unterminated=True)


def _short_name(value: str) -> Person:
    """PubMed's short form "Family GI" ("Shruthi BS") or a single name."""
    m = _SHORT_NAME.match(value.strip())
    if m and "," not in value:
        return Person(family=m.group(1), given=" ".join(f"{c}." for c in m.group(2)))
    return parse_name(value)


def _people(pairs: list[tuple[str, str]], ids: list[str], affiliations: list[str]) -> dict[str, list[Person]]:
    """Authors (FAU/AU, CN) and editors (FED/ED) in order; ORCIDs (AUID) into ``ids``,
    affiliations (AD) into ``affiliations`` with the name they follow."""
    found: dict[str, list[Person]] = {"authors": [], "editors": []}
    role = ""  # the list the last name went to
    has_short = True  # the last person already has its short form, so the next AU/ED is a new person
    for tag, value in pairs:
        if not value:
            continue
        if tag in ("FAU", "FED"):
            role, has_short = ("authors" if tag == "FAU" else "editors"), False
            found[role].append(parse_name(value))
        elif tag in ("AU", "ED"):
            kind = "authors" if tag == "AU" else "editors"
            if kind == role and not has_short:
                has_short = True  # the short form of the full name just read
            else:
                role, has_short = kind, True
                found[role].append(_short_name(value))
        elif tag == "CN":
            role, has_short = "authors", True
            found[role].append(Person(literal=value))
        elif tag == "AUID":
            orcid = _ORCID.search(value) if "orcid" in value.lower() else None
            ids.append(f"orcid:{orcid.group(1).upper()}" if orcid else value)
        elif tag == "AD":
            name = found[role][-1].display() if role and found[role] else ""
            affiliations.append(f"{name}: {value}" if name else value)
    return {k: [p for p in v if p != Person()] for k, v in found.items()}


def _entry_type(types: list[str], has_book_title: bool) -> str:
    lowered = {t.lower() for t in types}
    if has_book_title:
        return "incollection"
    if "book" in lowered:
        return "book"
    if "preprint" in lowered:
        return "unpublished"
    if "congress" in lowered:
        return "inproceedings"
    if "dataset" in lowered:
        return "dataset"
    return "article"


def _title(value: str) -> str:
    """A MEDLINE title without the period MEDLINE ends every title with."""
    value = clean_line(value)
    return value[:-1] if value.endswith(".") and not value.endswith("..") else value


def _record_to_paper(pairs: list[tuple[str, str]], line: int, source: str) -> Paper:
    values: dict[str, list[str]] = {}
    for tag, value in pairs:
        if value:
            values.setdefault(tag, []).append(value)

    def take(tag: str) -> list[str]:
        return values.pop(tag, [])

    pmid = (take("PMID") or [""])[0].strip()
    titles = take("TI")
    book_titles = take("BTI")
    title = titles[0] if titles else (book_titles.pop(0) if book_titles else "")
    translated = [_title(t) for t in take("TT")]
    english = ""
    if title.startswith("[") and title.rstrip(".").endswith("]"):
        english = title.rstrip(".")[1:-1]  # PubMed brackets a title it translated into English
        title = translated.pop(0) if translated else english
    title = _title(title)
    paper = Paper(title=title, source_format=NAME, source_name=source, source_record=f"line {line}")
    paper.entry_type = _entry_type(values.get("PT", []), bool(titles and book_titles))
    if titles[1:]:
        paper.extra["TI"] = "\n".join(titles[1:])
    if pmid:
        paper.origin["record_id"] = f"pmid:{pmid}"
    paper.origin.update({"database": "PubMed", "source": "nbib"})

    affiliations: list[str] = []
    people = _people(pairs, paper.author_ids, affiliations)
    paper.authors, paper.editors = people["authors"], people["editors"]
    for tag in ("FAU", "AU", "CN", "AUID", "AD", "FED", "ED"):
        take(tag)
    if affiliations:
        paper.extra["AD"] = "\n".join(affiliations)

    if book_titles:
        paper.journal = clean_line(book_titles[0])
    journals = take("JT")
    abbrev = take("TA")
    paper.journal = paper.journal or clean_line((journals or abbrev or [""])[0])
    if abbrev and abbrev[0] != paper.journal:
        paper.extra["TA"] = abbrev[0]

    _dates(paper, take("DP"), values)
    paper.volume = clean_line((take("VI") or [""])[0])
    paper.issue = clean_line((take("IP") or [""])[0])
    paper.pages = clean_line((take("PG") or [""])[0])
    paper.publisher = clean_line((take("PB") or [""])[0])

    other_ids = []
    for value in take("LID") + take("AID"):
        kind = _ID_KIND.match(value)
        if kind and kind.group(2) == "doi" and not paper.doi:
            paper.doi = normalize_doi(kind.group(1))
        elif not (kind and kind.group(2) == "doi" and normalize_doi(kind.group(1)).lower() == paper.doi.lower()):
            other_ids.append(value)
    if other_ids:
        paper.extra["AID"] = "\n".join(dict.fromkeys(other_ids))
    issns = take("IS")
    if issns:
        paper.issn = issns[0].split(" (")[0].strip()
        rest = [v for v in issns[1:] if v.split(" (")[0].strip() != paper.issn]
        if rest:
            paper.extra["IS"] = "\n".join(rest)
    isbns = take("ISBN")
    if isbns:
        paper.isbn = re.sub(r"^ISBN[:\s]*", "", isbns[0], flags=re.IGNORECASE).strip()
        if isbns[1:]:
            paper.extra["ISBN"] = "\n".join(isbns[1:])

    paper.abstract = "\n\n".join(clean_paragraphs(a) for a in take("AB"))
    other_terms = take("OT")
    mesh = take("MH")
    headings = [m.split("/")[0].lstrip("*").strip() for m in mesh]
    paper.keywords = split_keywords(";".join(other_terms + headings))
    if mesh:
        paper.extra["MH"] = "\n".join(mesh)

    languages = take("LA")
    declared = language_code(languages[0]) if languages else ""
    if languages and (not declared or languages[1:]):
        paper.extra["LA"] = "\n".join(languages if not declared else languages[1:])
    alternates = {"TT": translated[0]} if translated else {}
    explicit = {"title_en": clean_line(english)} if english else {}
    used = settle_languages(paper, declared, explicit, alternates)
    if english and paper.title == explicit["title_en"] and paper.language == "id":
        paper.title_id = ""  # only the English translation is known
    if translated and ("TT" not in used or translated[1:]):
        paper.extra["TT"] = "\n".join(translated if "TT" not in used else translated[1:])

    for tag, found in values.items():
        paper.extra[tag] = "\n".join(found)
    return paper


def _dates(paper: Paper, published: list[str], values: dict[str, list[str]]) -> None:
    """Year and date from DP ("2016 Apr 19", "2015 Winter"); the electronic date (DEP) when DP has none."""
    for value in published:
        year, date = parse_date(value)
        if year is not None and paper.year is None:
            paper.year, paper.date = year, date
        else:
            values.setdefault("DP", []).append(value)
    if paper.year is None:
        for value in values.get("DEP", []):
            year, date = parse_date(value)
            if year is not None:
                paper.year, paper.date = year, date
                paper.warnings.append(msg("no publication date (DP); the electronic date {date} is used", date=value))
                break


def read(data: bytes, name: str) -> ImportResult:
    """Parse a MEDLINE file's bytes into Papers, one per record.

    ``source_record`` is "line N", the line the record starts on. A record
    without a title is an error naming its line; the others still import.
    """
    text, encoding = decode_text(data, name)
    records, layout = _records(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not any(tag == "PMID" or tag == "TI" for _, pairs in records for tag, _ in pairs):
        raise ImportFailed(name, msg("no MEDLINE records found (expected lines like 'PMID- 12345678', 'TI  - ...')"))
    result = ImportResult(warnings=layout)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        result.warnings.insert(0, msg("not UTF-8: read as {encoding}", encoding=encoding))
    source = PurePath(name).name
    for line, pairs in records:
        paper = _record_to_paper(pairs, line, source)
        if not paper.title:
            pmid = paper.origin.get("record_id", "")
            result.errors.append(
                msg("{name} line {line}: record {pmid} has no title (TI); skipped", name=name, line=line, pmid=pmid)
                if pmid else msg("{name} line {line}: record has no title (TI); skipped", name=name, line=line)
            )
            continue
        result.papers.append(paper)
    return result
