"""RIS files (Zotero, Mendeley, Scopus, EndNote, Ovid, ProQuest, PubMed via EndNote) into Papers.

The file is cut into records here, so that every record knows its line
number and a damaged one (no TY, no ER, stray lines) costs only itself; each
record's lines are then read by rispy. Tags the Paper has no slot for go to
``Paper.extra`` under rispy's names ("custom1", "type_of_work") or, for
tags rispy does not know, under the tag itself ("AI", "C7"), so nothing is
lost and the RIS exporter can write them back.

Bilingual records: ``TT`` (translated title) holds the other language's
title; notes written as "Abstract (en): ..." or "Keywords (id): a; b" hold the
other language's abstract and keywords (this is how litreview writes them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

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
from litreview.model import ImportResult, Paper, Person
from litreview.text.encoding import decode_text, looks_binary
from litreview.text.names import parse_name, parse_name_list

NAME = "ris"
DESCRIPTION = "RIS"
EXTENSIONS = (".ris",)

# RIS type -> litreview entry type (BibTeX-style). TYPE_TO_RIS is the way back.
TYPE_FROM_RIS = {
    "JOUR": "article",
    "JFULL": "article",
    "EJOUR": "article",
    "MGZN": "article",
    "NEWS": "article",
    "ABST": "article",
    "INPR": "article",
    "SER": "article",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CLSWK": "book",
    "ANCIENT": "book",
    "CHAP": "incollection",
    "ECHAP": "incollection",
    "DICT": "incollection",
    "ENCYC": "incollection",
    "CONF": "inproceedings",
    "CPAPER": "inproceedings",
    "THES": "thesis",
    "RPRT": "techreport",
    "GOVDOC": "techreport",
    "STAND": "standard",
    "ELEC": "online",
    "WEB": "online",
    "BLOG": "online",
    "ICOMM": "online",
    "GEN": "misc",
    "UNPB": "unpublished",
    "UNPD": "unpublished",
    "MANSCPT": "unpublished",
    "PCOMM": "misc",
    "DATA": "dataset",
    "DBASE": "dataset",
    "AGGR": "dataset",
    "COMP": "software",
    "PAT": "patent",
    "PAMP": "booklet",
    "VIDEO": "video",
    "MPCT": "video",
    "ADVS": "video",
    "SOUND": "audio",
    "MUSIC": "audio",
    "MULTI": "online",
    "ART": "artwork",
    "MAP": "misc",
    "CHART": "misc",
    "FIGURE": "misc",
    "SLIDE": "misc",
    "EQUA": "misc",
    "CTLG": "misc",
    "HEAR": "misc",
    "BILL": "legislation",
    "UNBILL": "legislation",
    "STAT": "legislation",
    "LEGAL": "legislation",
    "CASE": "jurisdiction",
    "GRANT": "misc",
}
TYPE_TO_RIS = {
    "article": "JOUR",
    "book": "BOOK",
    "incollection": "CHAP",
    "inbook": "CHAP",
    "inproceedings": "CPAPER",
    "conference": "CPAPER",
    "proceedings": "CONF",
    "thesis": "THES",
    "phdthesis": "THES",
    "mastersthesis": "THES",
    "techreport": "RPRT",
    "report": "RPRT",
    "standard": "STAND",
    "online": "ELEC",
    "misc": "GEN",
    "unpublished": "UNPB",
    "dataset": "DATA",
    "software": "COMP",
    "patent": "PAT",
    "booklet": "PAMP",
    "video": "VIDEO",
    "audio": "SOUND",
    "artwork": "ART",
    "legislation": "LEGAL",
    "jurisdiction": "CASE",
    "manual": "BOOK",
    "collection": "EDBOOK",
    "periodical": "JFULL",
}

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*?))?\s*$")
_TAG_LOOSE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: ?(.*?))?\s*$")
_SNIFF_TAG = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?[ \t]*([A-Z][A-Z0-9])  ?-(?: |\r?$)")
_LABELLED_NOTE = re.compile(r"^(Abstract|Keywords|Title) \((id|en)\):\s*(.*)$", re.DOTALL)
_ENUMERATION = re.compile(r"^\s*\d+\.\s*$")
_CITATION_KEY = re.compile(r"^(?=.*[A-Za-z])[^\s,{}]+$")  # "Munadi2023", not a record number like "369"
_CONTAINER_TAGS = (
    "secondary_title",
    "alternate_title3",
    "journal_name",
    "alternate_title2",
    "alternate_title1",
)


def match(head: bytes, name: str) -> bool:
    """RIS tag lines ("TY  - JOUR", "ER  -"), several of them, with TY or ER among them."""
    if not head.strip() or looks_binary(head):
        return False
    tags = [m.group(1) for m in _SNIFF_TAG.finditer(head)]
    return len(tags) >= 2 and (b"TY" in tags or b"ER" in tags)


def _records(text: str) -> tuple[list[tuple[int, list[str]]], list[str], bool]:
    """Cut the text into (first line number, canonical lines) per record, plus warnings,
    and whether any TY or ER line was seen (without one, it is not RIS).

    Continuation lines are joined here (a list tag's continuation becomes
    another value, as rispy would read it), so rispy sees one line per value.
    """
    from rispy.config import LIST_TYPE_TAGS

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tag_re = _TAG
    if not any(line.startswith("TY  -") or line.startswith("ER  -") for line in lines):
        tag_re = _TAG_LOOSE
    records: list[tuple[int, list[str]]] = []
    warnings: list[str] = []
    current: list[str] | None = None
    start, has_type, marked = 0, False, False

    def close(reason: str) -> None:
        if current is None:
            return
        if has_type or reason == "ER":
            if not has_type:
                warnings.append(msg("line {line}: record without a TY line; read as a generic record (GEN)",
                                    line=start))
            records.append((start, current))
            if reason and reason != "ER":
                warnings.append(msg("line {line}: record not closed by ER {reason}", line=start, reason=reason))
        else:
            warnings.append(msg("line {line}: tag lines outside any record (between ER and TY) ignored", line=start))

    for number, raw in enumerate(lines, 1):
        line = raw.replace("\ufeff", "")
        m = tag_re.match(line)
        if m is None:
            line = line.strip()
            if current is not None and line and not _ENUMERATION.match(line):
                tag = current[-1][:2]
                if tag in LIST_TYPE_TAGS:
                    current.append(f"{tag}  - {line}")
                else:
                    current[-1] = f"{current[-1]} {line}" if current[-1][6:] else f"{current[-1]}{line}"
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        marked = marked or tag in ("TY", "ER")
        if tag == "ER":
            close("ER")
            current = None
            continue
        if tag == "TY":
            close(msg("before the next TY"))
            current, start, has_type = [f"TY  - {value}"], number, True
            continue
        if current is None:
            current, start, has_type = ["TY  - "], number, False
        current.append(f"{tag}  - {value}")
    close(msg("at the end of the file"))
    return records, warnings, marked


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    return [text] if text else []


def _first(record: dict[str, Any], name: str) -> str:
    values = _as_list(record.get(name))
    return values[0] if values else ""


def _people(values: list[str]) -> tuple[list[Person], bool]:
    people: list[Person] = []
    truncated = False
    for value in values:
        if ";" in value:
            found, cut = parse_name_list(value)
            people.extend(found)
            truncated = truncated or cut
            continue
        found, cut = (
            parse_name_list(value)
            if value.lower().rstrip(". ") in ("et al", "dkk", "others", "and others")
            else ([parse_name(value)], False)
        )
        truncated = truncated or cut
        people.extend(p for p in found if p != Person())
    return people, truncated


def _first_and_others(values: list[str], normalize: Callable[[str], str]) -> tuple[str, str]:
    """The first value normalised, and the others that normalise to something else, one a line."""
    if not values:
        return "", ""
    first = normalize(values[0])
    return first, "\n".join(v for v in values[1:] if normalize(v) != first)


def _is_isbn(value: str) -> bool:
    digits = re.sub(r"[^0-9Xx]", "", value.split()[0] if value.split() else "")
    return len(digits) in (10, 13)


def _record_to_paper(record: dict[str, Any], line: int, source: str, warnings: list[str]) -> Paper:
    record = dict(record)
    unknown = record.pop("unknown_tag", None) or {}
    take = record.pop
    ris_type = str(take("type_of_reference", "") or "").strip().upper()
    entry_type = TYPE_FROM_RIS.get(ris_type, "misc")
    paper = Paper(entry_type=entry_type, source_format=NAME, source_name=source,
                  source_record=msg("line {line}", line=line))
    if ris_type and TYPE_TO_RIS.get(entry_type) != ris_type:
        paper.extra["ris_type"] = ris_type
    if not ris_type:
        paper.warnings.append(msg("no TY (record type); read as generic"))

    ids = _as_list(take("id", None))
    key = next((i for i in ids if _CITATION_KEY.match(i)), "")
    if key:
        paper.key = key  # Mendeley and litreview write the citation key in ID
        ids.remove(key)
    if ids:
        paper.extra["id"] = "\n".join(ids)

    titles = _as_list(take("title", None)) + _as_list(take("primary_title", None))
    paper.title, other_titles = _first_and_others(titles, clean_line)
    if other_titles:
        paper.extra["primary_title"] = other_titles

    authors, truncated = _people(_as_list(take("authors", None)) + _as_list(take("first_authors", None)))
    paper.authors, paper.authors_truncated = authors, truncated
    editor_values = _as_list(take("secondary_authors", None)) + _as_list(unknown.pop("ED", None))
    paper.editors, _ = _people(editor_values)

    containers = {name: clean_line(_first(record, name)) for name in _CONTAINER_TAGS if _first(record, name)}
    if "BT" in unknown and not containers:
        containers["BT"] = clean_line(_as_list(unknown.pop("BT"))[0])
    if containers:
        paper.journal = next(iter(containers.values()))
        for name, value in containers.items():
            if value == paper.journal:
                record.pop(name, None)

    _dates(paper, record, warnings)
    paper.volume = clean_line(_first(record, "volume"))
    record.pop("volume", None)
    paper.issue = clean_line(_first(record, "number"))
    record.pop("number", None)
    start, end = clean_line(_first(record, "start_page")), clean_line(_first(record, "end_page"))
    record.pop("start_page", None)
    record.pop("end_page", None)
    paper.pages = f"{start}-{end}" if start and end and start != end else (start or end)
    paper.publisher = clean_line(_first(record, "publisher"))
    record.pop("publisher", None)
    paper.doi, other_dois = _first_and_others(_as_list(take("doi", None)), normalize_doi)
    if other_dois:
        paper.extra["doi"] = other_dois
    urls = _as_list(take("urls", None))
    if urls:
        paper.url = urls[0]
        if len(urls) > 1:
            paper.extra["urls"] = " ".join(urls[1:])
    for link in _as_list(take("file_attachments1", None)):
        paper.attachments.append(re.sub(r"^file://", "", link))
    numbers = _as_list(take("issn", None))
    leftover = []
    for number in numbers:
        if _is_isbn(number) and not paper.isbn:
            paper.isbn = number
        elif not _is_isbn(number) and not paper.issn:
            paper.issn = number
        else:
            leftover.append(number)
    if leftover:
        paper.extra["issn"] = "\n".join(leftover)

    explicit: dict[str, Any] = {}
    notes = []
    labelled_parts: dict[tuple[str, str], list[str]] = {}
    for note in _as_list(take("notes", None)):
        labelled = _LABELLED_NOTE.match(note)
        if labelled:
            kind, lang, value = labelled.groups()
            labelled_parts.setdefault((kind, lang), []).append(value)
        else:
            notes.append(clean_paragraphs(note))
    for (kind, lang), values in labelled_parts.items():
        if kind == "Abstract":
            explicit[f"abstract_{lang}"] = "\n\n".join(clean_paragraphs(v) for v in values)
        elif kind == "Keywords":
            explicit[f"keywords_{lang}"] = split_keywords(";".join(values))
        else:
            explicit[f"title_{lang}"] = clean_line(" ".join(values))
    paper.note = "\n\n".join(n for n in notes if n)

    # Several AB lines are paragraphs of one abstract; N2 is its stand-in when AB is missing.
    paper.abstract = "\n\n".join(
        p for p in (clean_paragraphs(a) for a in _as_list(take("abstract", None))) if p
    )
    second = [clean_paragraphs(a) for a in _as_list(take("notes_abstract", None))]
    second = [a for a in second if a and a != paper.abstract]
    if second and not paper.abstract:
        paper.abstract, second = second[0], second[1:]
    if second:
        paper.extra["notes_abstract"] = "\n\n".join(second)
    keywords: list[str] = []
    for value in _as_list(take("keywords", None)):
        keywords.extend(split_keywords(value) if ";" in value else [" ".join(value.split())])
    paper.keywords = split_keywords(";".join(keywords))

    declared = ""
    languages = _as_list(record.get("language"))
    for i, value in enumerate(languages):
        declared = language_code(value)
        if declared:
            rest = languages[:i] + languages[i + 1 :]
            if rest:
                record["language"] = rest
            else:
                take("language")
            break
    translated = clean_line(_first(record, "translated_title"))
    alternates = {"translated_title": translated} if translated else {}
    used = settle_languages(paper, declared, explicit, alternates, trusted=("translated_title",))
    if "translated_title" in used:
        take("translated_title")

    for name, value in record.items():
        values = _as_list(value)
        if values and name != "end_of_reference":
            paper.extra[name] = "\n".join(values)
    for tag, values in unknown.items():
        values = _as_list(values)
        if values:
            paper.extra[tag] = "\n".join(values)
    if not paper.title:
        paper.warnings.append(msg("no title"))
    return paper


def _dates(paper: Paper, record: dict[str, Any], warnings: list[str]) -> None:
    """Year from PY, Y1 or DA; the most precise agreeing date; disagreeing dates stay in extra.

    A date without a year ("DA  - Mar 1", PubMed via EndNote) adds its month
    and day to the year from PY.
    """
    values = [
        (name, value) for name in ("year", "publication_year", "date") for value in _as_list(record.get(name))
    ]
    parsed = [(name, value, *parse_date(value)) for name, value in values]
    year = next((y for _, _, y, _ in parsed if y is not None), None)
    if year is not None:
        parsed = [
            (name, value, *(parse_date(f"{value} {year}") if y is None else (y, d)))
            for name, value, y, d in parsed
        ]
    if year is None:
        for name, value, _, _ in parsed:
            warnings.append(msg("cannot read a year from {tag} '{value}'; kept in extra", tag=name_to_tag(name),
                                value=value))
        return
    paper.year = year
    same_year = [(name, date) for name, _, y, date in parsed if y == year]
    best = max(len(date) for _, date in same_year)
    date_name = next(
        name
        for name in ("date", "year", "publication_year")
        for n, date in same_year
        if n == name and len(date) == best
    )
    paper.date = next(date for n, date in same_year if n == date_name and len(date) == best)
    kept: dict[str, list[str]] = {}
    for name, value, y, parsed_date in parsed:
        if y != year or not paper.date.startswith(parsed_date):
            kept.setdefault(name, []).append(value)
            if y is None:
                warnings.append(msg("cannot read a date from {tag} '{value}'; kept in extra", tag=name_to_tag(name),
                                    value=value))
    for name in ("year", "publication_year", "date"):
        record.pop(name, None)
        if name in kept:
            record[name] = kept[name]


def name_to_tag(name: str) -> str:
    """The RIS tag rispy reads into ``name`` ("year" -> "PY"); the name itself when unknown."""
    from rispy.config import TAG_KEY_MAPPING

    for tag, mapped in TAG_KEY_MAPPING.items():
        if mapped == name:
            return tag
    return name


def read(data: bytes, name: str) -> ImportResult:
    """Parse a RIS file's bytes into Papers, one per record.

    Each paper's ``source_record`` is "line N", the line its record starts on;
    problems with a readable record (a year that is not one, no TY) are that
    paper's ``warnings``; problems of the file's layout (no ER, stray lines)
    are ``result.warnings``, each starting with its line.
    """
    import rispy

    text, _encoding = decode_text(data, name)
    records, problems, marked = _records(text)
    if not records or not marked:
        raise ImportFailed(name, msg("no RIS records found (expected lines like 'TY  - JOUR' ... 'ER  -')"))
    source = PurePath(name).name
    result = ImportResult(warnings=problems)
    parser = rispy.RisParser(enforce_list_tags=False)
    for line, lines in records:
        if len(lines) == 1 and not lines[0][6:].strip():
            continue  # an empty record ("TY  -" / "ER  -"): nothing to import
        try:
            parsed = parser.parse_lines(iter([*lines, "ER  - "]))
        except Exception as exc:  # rispy has no error type of its own
            result.errors.append(msg("{name} line {line}: record could not be read: {problem}", name=name, line=line,
                                     problem=exc))
            continue
        if not parsed:
            result.errors.append(msg("{name} line {line}: record could not be read", name=name, line=line))
            continue
        record_warnings: list[str] = []
        paper = _record_to_paper(parsed[0], line, source, record_warnings)
        if len(paper.metadata()) <= 1 and not paper.extra:
            continue  # only a type
        paper.warnings.extend(record_warnings)
        result.papers.append(paper)
    if not result.papers and not result.errors:
        raise ImportFailed(name, msg("no RIS records with content found"))
    return result
