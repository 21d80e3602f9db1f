"""Web of Science exports into Papers: the tab-delimited file ("Tab delimited file", a header of
two-letter field tags: PT AU BA ... UT) and the plain-text one ("FN Clarivate Analytics Web of
Science" / "VR 1.0", then "PT J", "AU ..." lines, records ending in "ER").

Both are usually saved as ``savedrecs.txt``, so they are recognised by their
content; the tab-delimited file often comes as UTF-16 or UTF-8 with a BOM.

Where values go: AF (full names, else AU) to authors, BE to editors, TI SO VL
IS BP/EP (or AR) DI SN/EI BN PU PY/PD LA AB DE to the Paper's fields, DT/PT to
the entry type; OI (ORCID) and RI (ResearcherID) to ``author_ids``; CR to
``cited_references``; TC (Web of Science Core Collection citations), Z9 (all
databases), UT (accession number), DA (export date) to ``origin``; every other
non-empty tag to ``extra`` under the tag ("ID" is Keywords Plus, "WC" the Web
of Science categories, "C1" the addresses, ...). A row with the wrong number
of fields, a NUL byte or a year that is not one is skipped with its line.
"""

from __future__ import annotations

import codecs
import csv
import io
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
from litreview.ingest.tabular import RowError, by_line, decode, entry_type, read_year
from litreview.model import ImportResult, Paper, Person
from litreview.text.names import parse_name

NAME = "wos"
DESCRIPTION = msg("Web of Science (tab-delimited or plain text)")
EXTENSIONS = (".ciw",)  # usually savedrecs.txt: recognised by content

# Tags whose values are lists ("; " between items in the tab-delimited file, one a line in plain text).
LIST_TAGS = {"AU", "AF", "BA", "BF", "BE", "CA", "GP", "CR", "RI", "OI", "EM", "C1", "C3", "DE", "ID", "WC", "SC"}
_PT_TYPES = {"J": "article", "B": "book", "S": "incollection", "P": "patent", "C": "inproceedings"}
_TAB_HEAD = re.compile(r"^(?:\ufeff)?\s*(?:FN [^\n]*\n(?:VR [^\n]*\n)?)?PT\tAU\t", re.MULTILINE)
_PLAIN_HEAD = re.compile(r"^(?:\ufeff)?\s*FN (?:Clarivate|Thomson Reuters)[^\n]*\r?\nVR \d", re.MULTILINE)
_PLAIN_LINE = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
_RESEARCHER_ID = re.compile(r"[A-Z]{1,3}-\d{4}-\d{4}")


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="ignore")
    if len(head) > 4 and head[1:2] == b"\x00" and head[3:4] == b"\x00":
        return head[: len(head) // 2 * 2].decode("utf-16-le", errors="ignore")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def match(head: bytes, name: str) -> bool:
    text = _head_text(head).replace("\r\n", "\n")
    return bool(_TAB_HEAD.match(text) or _PLAIN_HEAD.match(text))


# -- records --------------------------------------------------------------------------------
def _tab_records(text: str, name: str, errors: list[str]) -> list[tuple[int, dict[str, str]]]:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].startswith("PT\t"):
        start += 1  # an "FN"/"VR" preamble, when there is one
    reader = csv.reader(io.StringIO("\n".join(lines[start:])), delimiter="\t", quoting=csv.QUOTE_NONE)
    header: list[str] = []
    records = []
    while True:
        line = start + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(msg("{name} line {line}: {problem}; row skipped", name=name, line=line, problem=exc))
            continue
        if not header:
            header = [h.strip().lstrip("\ufeff") for h in row]
            while header and not header[-1]:
                header.pop()
            continue
        if not any(f.strip() for f in row):
            continue
        if len(row) > len(header) and any(f.strip() for f in row[len(header):]):
            errors.append(msg("{name} line {line}: {fields} fields where the header has {width}; row skipped",
                              name=name, line=line, fields=len(row), width=len(header)))
            continue
        if len(row) < len(header):
            errors.append(msg("{name} line {line}: {fields} fields where the header has {width} (a truncated or "
                              "broken row); row skipped", name=name, line=line, fields=len(row), width=len(header)))
            continue
        if any("\x00" in f for f in row):
            errors.append(msg("{name} line {line}: a NUL byte in the row (a damaged file?); row skipped", name=name,
                              line=line))
            continue
        record = {}
        for tag, value in zip(header, row, strict=False):
            value = value.strip()
            if value:
                record[tag] = value
        records.append((line, record))
    return records


def _plain_records(text: str, name: str, errors: list[str]) -> list[tuple[int, dict[str, str]]]:
    records = []
    current: dict[str, list[str]] | None = None
    tag = ""
    start = 0
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("   ") and current is not None and tag:
            current[tag].append(line.strip())
            continue
        found = _PLAIN_LINE.match(line.rstrip())
        if not found:
            if current is not None:
                errors.append(msg("{name} line {line}: not a field line; ignored", name=name, line=number))
            continue
        tag, value = found.group(1), (found.group(2) or "").strip()
        if tag in ("FN", "VR") and current is None:
            continue
        if tag == "EF":
            break
        if tag == "ER":
            if current is not None:
                records.append((start, _joined(current)))
            current = None
            continue
        if tag == "PT" or current is None:
            if current is not None:
                errors.append(msg("{name} line {line}: record not closed by ER", name=name, line=start))
                records.append((start, _joined(current)))
            current, start = {}, number
        if "\x00" in value:
            errors.append(msg("{name} line {line}: a NUL byte in the record (a damaged file?); record skipped",
                              name=name, line=number))
            current = None
            continue
        current.setdefault(tag, []).append(value)
    if current:
        errors.append(msg("{name} line {line}: record not closed by ER (the file ends early)", name=name, line=start))
        records.append((start, _joined(current)))
    return records


def _joined(fields: dict[str, list[str]]) -> dict[str, str]:
    return {tag: ("; " if tag in LIST_TAGS else " ").join(v for v in values if v) for tag, values in fields.items()}


# -- one record -----------------------------------------------------------------------------
def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _people(value: str) -> list[Person]:
    return [p for p in (parse_name(v) for v in _list(value)) if p != Person()]


def _author_ids(record: dict[str, str]) -> list[str]:
    ids = []
    for item in _list(record.get("OI", "")):
        found = _ORCID.search(item)
        if found:
            ids.append(f"orcid:{found.group(0)}")
    for item in _list(record.get("RI", "")):
        found = _RESEARCHER_ID.search(item.rpartition("/")[2] or item)
        if found:
            ids.append(f"wos:{found.group(0)}")
    return list(dict.fromkeys(ids))


def record_to_paper(record: dict[str, str], number: int, source: str, kind: str) -> Paper:
    take = record.pop
    paper = Paper(source_format=NAME, source_name=source)
    paper.title = clean_line(take("TI", ""))
    full, short = take("AF", ""), take("AU", "")
    paper.authors = _people(full or short)
    if full and short:
        record["AU"] = short if len(_list(short)) != len(paper.authors) else ""
    book_full, book_short = take("BF", ""), take("BA", "")
    if not paper.authors and (book_full or book_short):
        paper.authors = _people(book_full or book_short)
    elif book_full or book_short:
        record["BF"] = book_full or book_short
    group = take("GP", "") or take("CA", "")
    if group:
        paper.authors.extend(Person(literal=clean_line(g)) for g in _list(group))
    paper.editors = _people(take("BE", ""))
    paper.journal = clean_line(take("SO", ""))
    paper.volume = clean_line(take("VL", ""))
    paper.issue = clean_line(take("IS", ""))
    start, end = take("BP", ""), take("EP", "")
    paper.pages = f"{start}-{end}" if start and end and start != end else (start or end)
    if not paper.pages and record.get("AR"):
        paper.pages = take("AR")
    year_text = take("PY", "")
    if year_text:
        paper.year, paper.date = read_year(year_text)
    published = take("PD", "")
    if published and paper.year:
        year, date = parse_date(f"{published} {paper.year}")
        if year == paper.year and len(date) > len(paper.date):
            paper.date = date
        else:
            paper.extra["PD"] = published
    elif published:
        paper.extra["PD"] = published
    paper.doi = normalize_doi(take("DI", ""))
    paper.publisher = clean_line(take("PU", ""))
    paper.issn = take("SN", "") or take("EI", "")
    paper.isbn = take("BN", "")
    language = take("LA", "")
    paper.language = language_code(language.split(";")[0]) if language else ""
    if language and not paper.language:
        paper.extra["LA"] = language
    paper.abstract = clean_paragraphs(take("AB", ""))
    paper.keywords = split_keywords(take("DE", ""))
    document_type, publication_type = take("DT", ""), take("PT", "")
    if document_type:
        paper.entry_type = entry_type(document_type)
        paper.origin["document_type"] = document_type
    elif publication_type:
        paper.entry_type = _PT_TYPES.get(publication_type.upper(), "article")
    if publication_type:
        paper.origin["publication_type"] = publication_type
    paper.author_ids = _author_ids(record)
    for tag in ("OI", "RI"):
        if record.get(tag):
            paper.origin[{"OI": "orcid", "RI": "researcher_id"}[tag]] = take(tag)
    # "; " between references; a SICI DOI holds a bare ";" ("...3.0.CO;2-O")
    paper.cited_references = [" ".join(r.split()) for r in re.split(r";\s+", take("CR", "")) if r.strip()]
    paper.origin["database"] = "Web of Science"
    paper.origin["source"] = kind
    for tag, key in (("TC", "cited_by"), ("Z9", "cited_by_all_databases"), ("UT", "record_id"),
                     ("DA", "query_date"), ("U1", "usage_180_days"), ("U2", "usage_since_2013"),
                     ("NR", "references_count")):
        if record.get(tag):
            paper.origin[key] = take(tag)
    for tag, value in record.items():
        if value:
            paper.extra[tag] = value
    if not paper.title:
        paper.warnings.append(msg("no title"))
    settle_languages(paper, paper.language, {}, {})
    paper.source_record = paper.origin.get("record_id") or f"line {number}"
    return paper


def read(data: bytes, name: str) -> ImportResult:
    """Parse a Web of Science tab-delimited or plain-text export into Papers, one per record."""
    text, encoding = decode(data, name)
    warnings = [] if encoding in ("utf-8", "utf-8-sig", "utf-16", "ascii") else [
        msg("not UTF-8; read as {encoding}", encoding=encoding)]
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    errors: list[str] = []
    if _TAB_HEAD.match(text):
        records, kind = _tab_records(text, name, errors), "wos-tab"
    elif _PLAIN_HEAD.match(text):
        records, kind = _plain_records(text, name, errors), "wos-plain"
    else:
        raise ImportFailed(name, msg("not a Web of Science export (expected a header 'PT<tab>AU<tab>...' "
                                     "or 'FN Clarivate Analytics Web of Science')"))
    source = PurePath(name).name
    result = ImportResult(errors=errors, warnings=warnings)
    for line, record in records:
        try:
            paper = record_to_paper(record, line, source, kind)
        except RowError as exc:
            result.errors.append(msg("{name} line {line}: {problem}; record skipped", name=name, line=line,
                                     problem=exc))
            continue
        result.papers.append(paper)
    if not result.papers and not result.errors:
        raise ImportFailed(name, msg("no Web of Science records found"))
    result.errors.sort(key=by_line)
    return result
