"""CSV exports of bibliographic databases into Papers: Publish or Perish (every source it
queries), Scopus, IEEE Xplore, SpringerLink, Embase, and any CSV whose columns the user maps
(``litreview add export.csv --map title=Judul,year=Tahun,authors=Penulis``).

The layout is recognised from the header, never from the file name; the
delimiter (``,`` ``;`` or tab), the encoding and a byte-order mark are
detected. Header damage is survived: empty column names (Publish or Perish's
truncated headers get their standard names back), repeated names ("Title (2)"),
Scopus rows with more "Funding Text" columns than the header names. A row
that cannot be read (wrong number of fields, a NUL byte, a year that is not
one) costs only itself: it is skipped and named by its line in
``ImportResult.errors``.

Where values go: Paper fields (title, authors, year, ...); author identifiers
to ``Paper.author_ids`` ("scopus:5719..."); cited references to
``Paper.cited_references``; what the source knows of the record when exported
(database, export kind, citation count, rank, query, query date, record id)
to ``Paper.origin``; every other non-empty column to ``Paper.extra`` under its
header name. The column tables are in ``csv_sources``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import parse_qs, unquote, unquote_plus, urlsplit

from litreview.errors import ImportFailed, UsageError
from litreview.i18n import msg
from litreview.ingest import csv_sources
from litreview.ingest.csv_sources import GENERIC, GENERIC_NAMES, LAYOUTS, MAP_ALIASES, MAP_TARGETS, POP, Layout, fold
from litreview.ingest.fields import (
    clean_line,
    clean_paragraphs,
    find_doi,
    language_code,
    normalize_doi,
    parse_date,
    settle_languages,
    split_keywords,
)
from litreview.model import ImportResult, Paper, Person
from litreview.text.clean import CONTROL_CHARS
from litreview.text.names import parse_name, parse_name_list

NAME = "csv"
DESCRIPTION = "CSV"
EXTENSIONS = (".csv", ".tsv")
TAKES_COLUMN_MAP = True

DELIMITERS = (",", ";", "\t")
MAP_EXAMPLE = "--map title=Judul,year=Tahun,authors=Penulis"
_FIELD_LIMIT = 16 * 2**20  # a Scopus reference list can be long; csv's default limit is 128 KiB

# Header tags of a Web of Science tab-delimited file: read by the "wos" importer, not here.
_WOS_TAGS = {"pt", "au", "ti", "so", "ut"}


# What ftfy could change besides NFC: mojibake (its own "is this bad" test and UTF-8 detector),
# HTML entities, ligatures, full-width forms, C1 and other control characters, replacement and
# zero-width characters, a stray "Â". Text without any of them only needs NFC and its spaces
# folded, which spares ftfy's full pass on the many non-ASCII values (a "…", an "é") of a large export.
_OTHER_FIXES = re.compile(
    "&#?\\w+;|\u00c2|[\u0080-\u009f\u00ad\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\u200b-\u200d"
    "\u2028\u2029\u2060\u206a-\u206f\u3000\ufb00-\ufb06\ufeff\uff01-\uffee\ufff9-\ufffd\x1b"
    "\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)


@lru_cache(maxsize=1)
def _mojibake_tests() -> tuple[re.Pattern[str], Callable[[str], object], Callable[[str], object]]:
    """(trigger, ftfy's mojibake test, ftfy's UTF-8-inside test). Every pattern of the two tests
    needs at least one character of ``trigger`` (the classes ftfy's patterns are built from,
    Latin-1 and extended Latin, Greek and Cyrillic letters), so text without one cannot match."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
    from ftfy.chardata import UTF8_DETECTOR_RE

    kinds = ("c1", "bad", "law", "currency", "start_punctuation", "end_punctuation", "numeric", "box",
             "upper_accented", "lower_accented", "kaomoji")
    classes = "".join(MOJIBAKE_CATEGORIES[k] for k in kinds)
    trigger = re.compile(f"[{classes}\u00c0-\u024f\u0370-\u04ff\u00b0\u00b5]")
    return trigger, BADNESS_RE.search, UTF8_DETECTOR_RE.search


def _needs_ftfy(text: str) -> bool:
    if _OTHER_FIXES.search(text) or CONTROL_CHARS.search(text):
        return True
    trigger, is_bad, utf8_inside = _mojibake_tests()
    return bool(trigger.search(text) and (is_bad(text) or utf8_inside(text)))


def clean_one_line(text: str) -> str:
    """fields.clean_line, with ftfy run only where it could change something."""
    if text.isascii() or _needs_ftfy(text):
        return clean_line(text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def clean_text_paragraphs(text: str) -> str:
    """fields.clean_paragraphs, with the same shortcut."""
    if text.isascii() or _needs_ftfy(text):
        return clean_paragraphs(text)
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(unicodedata.normalize("NFC", text).strip()))
    return "\n\n".join(p for p in paragraphs if p)


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


class RowError(ValueError):
    """A value in a row that cannot be read; the row is skipped."""


# -- reading the bytes ----------------------------------------------------------------------
def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) and UTF-16 with a BOM as they are,
    anything else detected. NUL bytes are kept (a row holding one is refused, not the file)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without a byte-order mark
        encoding = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailed(name, msg("cannot detect the text encoding; save the file as UTF-8 and add it again"))
    text = str(best)
    if best.encoding != "cp1252":
        try:  # Excel's "CSV" on Windows: name it so when it reads the same
            if data.decode("cp1252") == text:
                return text, "cp1252"
        except UnicodeDecodeError:
            pass
    return text, best.encoding


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="ignore")
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return head.decode("utf-8", errors="replace")


def first_line(text: str) -> str:
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")


def delimiter_of(line: str) -> tuple[str, list[str]]:
    """The delimiter giving the header the most columns, and the header's names."""
    best, names = ",", [line]
    for delimiter in DELIMITERS:
        try:
            fields = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:  # a stray carriage return inside the header line: not this delimiter's fault
            continue
        if len(fields) > len(names):
            best, names = delimiter, fields
    return best, names


def is_wos_header(names: list[str]) -> bool:
    tags = {fold(n) for n in names if n.strip()}
    return _WOS_TAGS <= tags and all(len(t) == 2 for t in tags)


def detect_layout(names: list[str]) -> Layout | None:
    folded = {fold(n) for n in names}
    for layout in LAYOUTS:
        if all(r in folded for r in layout.required):
            return layout
    return None


# Columns that make a generic table a list of works, besides its titles.
_BIBLIOGRAPHIC = frozenset({"authors", "editors", "year", "date", "doi", "journal", "isbn", "issn", "abstract",
                            "publisher"})


def bibliographic(head: bytes) -> bool:
    """Whether a table's header (the file's first bytes) may be a bibliography's: False only for a
    generic table with a title column and none naming authors, a year, a DOI, a journal or an
    abstract (a folder's list of its own files), which a folder search passes over. A table
    without a title column is left to the importer, which asks for --map."""
    line = first_line(_head_text(head))
    _, names = delimiter_of(line)
    if detect_layout(names) is not None or is_wos_header(names):
        return True
    fields = {GENERIC_NAMES.get(fold(n)) or GENERIC_NAMES.get(fold(n).replace(" ", "_")) for n in names}
    return "title" not in fields or bool(fields & _BIBLIOGRAPHIC)


def match(head: bytes, name: str) -> bool:
    """A known export's header, or (for a .csv/.tsv file) any delimited header."""
    text = _head_text(head)
    line = first_line(text)
    if not line.strip() or any(ord(c) < 32 and c != "\t" for c in line):
        return False
    _, names = delimiter_of(line)
    if len(names) < 2 or is_wos_header(names):
        return False
    if detect_layout(names) is not None:
        return True
    return PurePath(name).suffix.lower() in EXTENSIONS


# -- the column map (--map) -----------------------------------------------------------------
def parse_column_map(text: str) -> dict[str, str]:
    """ "title=Judul,year=Tahun" -> {"title": "Judul", "year": "Tahun"}; unknown fields are a UsageError."""
    mapping: dict[str, str] = {}
    for part in _split_map(text):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise UsageError(msg("--map: '{part}' is not FIELD=COLUMN (example: {example})", part=part,
                                    example=MAP_EXAMPLE))
        target = map_target(field)
        if target in mapping:
            raise UsageError(msg("--map: field '{field}' is mapped twice", field=field))
        mapping[target] = column
    if not mapping:
        raise UsageError(msg("--map: no FIELD=COLUMN pairs given (example: {example})", example=MAP_EXAMPLE))
    return mapping


def _split_map(text: str) -> list[str]:
    """Split on commas, but a comma inside a column name is kept when the next part has no '='."""
    parts: list[str] = []
    for piece in text.split(","):
        if parts and "=" not in piece:
            parts[-1] += "," + piece
        elif piece.strip():
            parts.append(piece)
    return parts


def map_target(field: str) -> str:
    key = field.strip().lower().replace("-", "_")
    key = MAP_ALIASES.get(key, key)
    if key not in MAP_TARGETS:
        raise UsageError(msg("--map: unknown field '{field}'; fields you can map: {fields}", field=field,
                                fields=", ".join(MAP_TARGETS)))
    return key


# -- the header -------------------------------------------------------------------------------
def clean_header(raw: list[str], layout: Layout | None, warnings: list[str]) -> list[str]:
    """Names for every column: blanks named (PoP's standard names when its header was cut short,
    else "column N"), repeats numbered ("Title (2)")."""
    names = [" ".join(n.replace("\ufeff", "").split()) for n in raw]
    while names and not names[-1]:
        names.pop()  # trailing blank names are filled below only when PoP tells which they are
    blanks = len(raw) - len(names)
    if layout is POP and blanks:
        standard = list(csv_sources.POP_COLUMNS)
        if [fold(n) for n in names] == [fold(n) for n in standard[: len(names)]]:
            filled = standard[len(names) : len(raw)]
            names.extend(filled)
            warnings.append(msg("the header names only {named} of {total} columns; the others read as Publish or "
                                "Perish's {columns}", named=len(raw) - blanks, total=len(raw),
                                columns=", ".join(filled)))
    names.extend([""] * (len(raw) - len(names)))
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(names):
        name = name or f"column {i + 1}"
        count = seen.get(fold(name), 0) + 1
        seen[fold(name)] = count
        out.append(name if count == 1 else f"{name} ({count})")
    return out


def roles_for(names: list[str], layout: Layout, column_map: dict[str, str] | None, file: str) -> list[str | None]:
    """The role of each column: the layout's, the generic name matches, then the user's map on top."""
    roles: list[str | None] = []
    for name in names:
        folded = fold(name)
        if layout is GENERIC:
            target = GENERIC_NAMES.get(folded) or GENERIC_NAMES.get(folded.replace(" ", "_"))
            roles.append(MAP_TARGETS[target] if target else None)
        else:
            roles.append(layout.columns.get(folded))
    if column_map:
        by_fold = {fold(n): i for i, n in enumerate(names)}
        for field, column in column_map.items():
            try:
                target = map_target(field)
            except UsageError as exc:
                raise ImportFailed(file, exc.message) from None
            index = by_fold.get(fold(column))
            if index is None:
                raise ImportFailed(file, msg("--map {field}={column}: no column '{column}' in this file; its columns "
                                             "are: {columns}", field=field, column=column, columns=", ".join(names)))
            role = MAP_TARGETS[target]
            roles = [None if r == role else r for r in roles]  # the map replaces the layout's column
            roles[index] = role
    return roles


# -- names ------------------------------------------------------------------------------------
_ELLIPSIS = re.compile(r"(?:,\s*)?(?:\.\.\.|…)\s*$")
_INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][a-z]?\.?-?)+$")
_SPRINGER_BOUNDARY = re.compile(r"(?<=[a-zß-öø-ÿ.])(?=[A-ZÀ-ÖØ-Þ])")
_HONORIFIC = re.compile(r"^(?:(?:Prof|Dr|Drs|Ir|Assoc|Asst|Mr|Mrs|Ms|PhD)\.?\s+|(?:Dr\.-Ing\.)\s*)+", re.IGNORECASE)
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "D'")
_SCOPUS_ID = re.compile(r"\s*\((\d{5,})\)\s*$")


def family_initials(text: str) -> Person:
    """ "Phillips J.C." / "Kun-Rodrigues C." (Scopus, Embase) -> family Phillips, given J.C."""
    text = text.strip()
    family, _, last = text.rpartition(" ")
    if family and _INITIALS.match(last) and not _INITIALS.match(family.split()[0] if family.split() else ""):
        return Person(family=family, given=last)
    return parse_name(text)


def pop_authors(value: str) -> tuple[list[Person], bool]:
    """ "C Kun‐Rodrigues, J Salmona, A Besolo, ..." : display-order names, "..." when Scholar cut them."""
    text, truncated = _ELLIPSIS.sub("", value), bool(_ELLIPSIS.search(value))
    if ";" in text:
        people, cut = parse_name_list(text)
        return people, truncated or cut
    people = [parse_name(part) for part in text.split(",") if part.strip()]
    return [p for p in people if p != Person()], truncated


def scopus_authors(value: str) -> list[Person]:
    parts = value.split(";") if ";" in value else re.split(r"(?<=\.),\s+|,\s+(?=[^,]*\.)", value)
    return [family_initials(p) for p in parts if p.strip() and p.strip() != "[No author name available]"]


def springer_authors(value: str) -> list[Person]:
    """SpringerLink runs the names together: "Vivek K. PallipuramMohammad BhuiyanMelissa C. Smith"."""
    names: list[str] = []
    start = 0
    for boundary in _SPRINGER_BOUNDARY.finditer(value):
        cut = boundary.start()
        current = value[start:cut]
        word = current.rsplit(" ", 1)[-1]
        if " " not in current.strip() or word in _NAME_PREFIXES or word.endswith("."):
            continue  # "McDonald", "J.C." initials, a first word alone
        names.append(current)
        start = cut
    names.append(value[start:])
    people = [parse_name(_HONORIFIC.sub("", n).strip()) for n in names if n.strip()]
    return [p for p in people if p != Person()]


# -- entry types -----------------------------------------------------------------------------
_TYPE_WORDS = (
    ("proceedings-article", "inproceedings"),
    ("conference", "inproceedings"),
    ("proceeding", "inproceedings"),
    ("chapter", "incollection"),
    ("reference work", "incollection"),
    ("referenceworkentry", "incollection"),
    ("reference-entry", "incollection"),
    ("book-section", "incollection"),
    ("book-part", "incollection"),
    ("protocol", "incollection"),
    ("book", "book"),
    ("monograph", "book"),
    ("dissertation", "thesis"),
    ("thesis", "thesis"),
    ("report", "techreport"),
    ("dataset", "dataset"),
    ("patent", "patent"),
    ("standard", "standard"),
    ("posted-content", "unpublished"),
    ("preprint", "unpublished"),
    ("citation", "misc"),
)


def entry_type(value: str) -> str:
    """BibTeX-style type from a database's document type: "Conference Paper", "book-chapter", "IEEE Journals"."""
    text = value.strip().lower()
    for word, kind in _TYPE_WORDS:
        if word in text:
            return kind
    return "article"


# -- values -----------------------------------------------------------------------------------
_NO_YEAR = {"", "0", "n.d.", "nd", "n.d", "in press", "forthcoming", "t.t.", "tt", "tanpa tahun", "-"}
_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*$")
_EMBASE_SOURCE = re.compile(
    r"^(?P<journal>.*?)\s*\((?P<year>\d{4})\)\s*(?P<volume>[^\s:(]+)?(?::(?P<issue>[^\s(]+))?\s*"
    r"(?:\((?P<pages>[^)]*)\))?\.?\s*(?:Date of Publication:\s*(?P<date>.*))?$"
)


def read_year(value: str) -> tuple[int | None, str]:
    """(year, date) from a Year column; a value that is no year at all is a RowError."""
    found = _YEAR_ONLY.match(value)
    if found:
        return int(found.group(1)), found.group(1)
    if value.strip().lower() in _NO_YEAR:
        return None, ""
    year, date = parse_date(value)
    if year is None or not 1000 <= year <= 2200:
        raise RowError(msg("the year '{value}' cannot be read", value=value))
    return year, date


def _add_url(paper: Paper, value: str) -> None:
    if not paper.url:
        paper.url = value
    elif value != paper.url:
        paper.extra["url"] = f"{paper.extra['url']} {value}" if "url" in paper.extra else value


def _set_pages(paper: Paper, start: str, end: str) -> None:
    start, end = start.strip(), end.strip()
    paper.pages = f"{start}-{end}" if start and end and start != end else (start or end)


class _Row:
    """The state one row is read into: its Paper, and values waiting for a partner (page start/end)."""

    __slots__ = ("paper", "page_start", "page_end", "truncated")

    def __init__(self, paper: Paper) -> None:
        self.paper = paper
        self.page_start = ""
        self.page_end = ""
        self.truncated = False


def _title(row: _Row, value: str, header: str) -> None:
    if row.paper.title:
        row.paper.extra[header] = value
    else:
        row.paper.title = clean_one_line(value)


def _authors_pop(row: _Row, value: str, header: str) -> None:
    people, cut = pop_authors(value)
    row.paper.authors, row.truncated = people, cut


def _authors_any(row: _Row, value: str, header: str) -> None:
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):  # a Python list written into a CSV cell
        items = _python_list(text)
        if items is not None:
            people = [parse_name(i) for i in items]
            row.paper.authors = [p for p in people if p != Person()]
            return
    people, cut = parse_name_list(text)
    row.paper.authors, row.truncated = people, cut


def _python_list(text: str) -> list[str] | None:
    import ast

    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return [str(v).strip() for v in value if str(v).strip()] if isinstance(value, list) else None


def _authors_scopus_full(row: _Row, value: str, header: str) -> None:
    people = []
    ids = []
    for part in value.split(";"):
        if not part.strip():
            continue
        found = _SCOPUS_ID.search(part)
        if found:
            ids.append(f"scopus:{found.group(1)}")
            part = part[: found.start()]
        people.append(parse_name(part))
    row.paper.authors = people  # full names win over "Phillips J.C."
    row.paper.author_ids = list(dict.fromkeys(row.paper.author_ids + ids))


def _authors_scopus(row: _Row, value: str, header: str) -> None:
    if not row.paper.authors:
        row.paper.authors = scopus_authors(value)
    else:
        row.paper.extra[header] = value


def _author_ids_scopus(row: _Row, value: str, header: str) -> None:
    ids = [f"scopus:{v.strip()}" for v in value.split(";") if v.strip()]
    row.paper.author_ids = list(dict.fromkeys(row.paper.author_ids + ids))


def _author_ids_any(row: _Row, value: str, header: str) -> None:
    ids = [v.strip() for v in value.split(";") if v.strip()]
    row.paper.author_ids = list(dict.fromkeys(row.paper.author_ids + ids))


def _editors(row: _Row, value: str, header: str) -> None:
    if ";" not in value and re.search(r"[A-Z]\.,", value):  # Scopus/Embase "Smith J., Doe A."
        row.paper.editors = scopus_authors(value)
    else:
        row.paper.editors, _ = parse_name_list(value)


def _year(row: _Row, value: str, header: str) -> None:
    year, date = read_year(value)
    if year is not None:
        row.paper.year, row.paper.date = year, row.paper.date or date


def _date(row: _Row, value: str, header: str) -> None:
    year, date = parse_date(value)
    if year is None:
        raise RowError(msg("the date '{value}' cannot be read", value=value))
    row.paper.date = date
    row.paper.year = row.paper.year or year


def _doi(row: _Row, value: str, header: str) -> None:
    doi = normalize_doi(value)
    if row.paper.doi and doi != row.paper.doi:
        row.paper.extra[header] = value
    else:
        row.paper.doi = doi


def _url(row: _Row, value: str, header: str) -> None:
    _add_url(row.paper, value)


def _url_ieee(row: _Row, value: str, header: str) -> None:
    number = parse_qs(urlsplit(value).query).get("arnumber")
    if number:
        row.paper.origin["record_id"] = number[0]
        row.paper.url = row.paper.url or f"https://ieeexplore.ieee.org/document/{number[0]}"
    row.paper.origin["pdf_link"] = value


def _url_openurl(row: _Row, value: str, header: str) -> None:
    row.paper.extra[header] = value
    if not row.paper.doi:
        ids = parse_qs(urlsplit(value).query).get("id", [])
        row.paper.doi = next((find_doi(unquote(i)) for i in ids if find_doi(unquote(i))), "")


def _source_embase(row: _Row, value: str, header: str) -> None:
    """ "Cancer (2004) 102:4 (253-258). Date of Publication: 25 Aug 2004" """
    found = _EMBASE_SOURCE.match(value.strip())
    if not found:
        row.paper.journal = clean_line(value)
        return
    parts = found.groupdict()
    row.paper.journal = clean_line(parts["journal"])
    row.paper.year = int(parts["year"])
    row.paper.volume, row.paper.issue = parts["volume"] or "", parts["issue"] or ""
    row.paper.pages = parts["pages"] or ""
    year, date = parse_date(parts["date"] or "")
    row.paper.date = date if year == row.paper.year else parts["year"]
    row.paper.extra[header] = value


def _keywords(row: _Row, value: str, header: str) -> None:
    text = value.strip()
    items = _python_list(text) if text.startswith("[") and text.endswith("]") else None
    found = items if items is not None else split_keywords(text)
    row.paper.keywords = list(dict.fromkeys(row.paper.keywords + found))


def _language(row: _Row, value: str, header: str) -> None:
    code = language_code(value.split(";")[0])
    if code:
        row.paper.language = code
    else:
        row.paper.extra[header] = value


def _type(row: _Row, value: str, header: str) -> None:
    row.paper.entry_type = entry_type(value)
    row.paper.origin["document_type"] = value.strip()


def _references(row: _Row, value: str, header: str) -> None:
    refs = [" ".join(r.split()) for r in re.split(r";\s+|;$|\n", value)]
    row.paper.cited_references = [r for r in refs if r]


def _simple(attribute: str, paragraphs: bool = False) -> Callable[[_Row, str, str], None]:
    clean = clean_text_paragraphs if paragraphs else clean_one_line

    def setter(row: _Row, value: str, header: str) -> None:
        if getattr(row.paper, attribute):
            row.paper.extra[header] = value
        else:
            setattr(row.paper, attribute, clean(value))

    return setter


def _page_start(row: _Row, value: str, header: str) -> None:
    row.page_start = value


def _page_end(row: _Row, value: str, header: str) -> None:
    row.page_end = value


HANDLERS: dict[str, Callable[[_Row, str, str], None]] = {
    "title": _title,
    "authors_pop": _authors_pop,
    "authors_any": _authors_any,
    "authors_semicolon": lambda row, value, header: setattr(
        row.paper, "authors", [p for p in (parse_name(v) for v in value.split(";")) if p != Person()]
    ),
    "authors_scopus": _authors_scopus,
    "authors_scopus_full": _authors_scopus_full,
    "authors_springer": lambda row, value, header: setattr(row.paper, "authors", springer_authors(value)),
    "author_ids_scopus": _author_ids_scopus,
    "author_ids_any": _author_ids_any,
    "editors": _editors,
    "year": _year,
    "date": _date,
    "journal": _simple("journal"),
    "volume": _simple("volume"),
    "issue": _simple("issue"),
    "pages": _simple("pages"),
    "page_start": _page_start,
    "page_end": _page_end,
    "publisher": _simple("publisher"),
    "doi": _doi,
    "url": _url,
    "url_ieee": _url_ieee,
    "url_openurl": _url_openurl,
    "source_embase": _source_embase,
    "isbn": _simple("isbn"),
    "issn": _simple("issn"),
    "abstract": _simple("abstract", paragraphs=True),
    "keywords": _keywords,
    "language": _language,
    "type": _type,
    "note": _simple("note", paragraphs=True),
    "references_semicolon": _references,
    "field:title_id": _simple("title_id"),
    "field:title_en": _simple("title_en"),
    "field:abstract_id": _simple("abstract_id", paragraphs=True),
    "field:abstract_en": _simple("abstract_en", paragraphs=True),
}


def _handler(role: str) -> Callable[[_Row, str, str], None]:
    if role.startswith("origin:"):
        key = role[7:]

        def keep(row: _Row, value: str, header: str) -> None:
            row.paper.origin[key] = " ".join(value.split())

        return keep
    return HANDLERS[role]


# -- rows --------------------------------------------------------------------------------------
def _rows(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], list[str]]:
    """(line the row starts on, fields) for every row, the header first; plus rows csv refused."""
    csv.field_size_limit(min(sys.maxsize, _FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=False)
    rows: list[tuple[int, list[str]]] = []
    problems: list[str] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(msg("line {line}: {problem}; row skipped", line=start, problem=exc))
            continue
        if row and any(f.strip() for f in row):
            rows.append((start, row))
    return rows, problems


def _scopus_funding_fix(names: list[str], extra: int) -> list[str] | None:
    """Scopus names one "Funding Text 1" column but writes more in rows funded twice."""
    folded = [fold(n) for n in names]
    if "funding text 1" not in folded or "funding text 2" in folded:
        return None
    at = folded.index("funding text 1") + 1
    return names[:at] + [f"Funding Text {i + 2}" for i in range(extra)] + names[at:]


_POP_DATABASES = (
    ("scholar.google", "Google Scholar"),
    ("scopus.com", "Scopus"),
    ("semanticscholar.org", "Semantic Scholar"),
    ("openalex.org", "OpenAlex"),
    ("webofscience", "Web of Science"),
    ("webofknowledge", "Web of Science"),
    ("pubmed", "PubMed"),
    ("ncbi.nlm.nih.gov", "PubMed"),
    ("academic.microsoft", "Microsoft Academic"),
)
_CROSSREF_TYPES = {"journal-article", "book-chapter", "proceedings-article", "posted-content", "journal",
                   "book", "monograph", "dataset", "report", "dissertation", "reference-entry", "component",
                   "edited-book", "other", "peer-review", "book-section", "book-part", "reference-book"}


def pop_database(names: list[str], rows: list[tuple[int, list[str]]]) -> str:
    """Which database a Publish or Perish export queried, from its rows' links (PoP does not say)."""
    folded = [fold(n) for n in names]
    link_columns = [i for i, n in enumerate(folded) if n in ("citesurl", "relatedurl", "articleurl")]
    counts: dict[str, int] = {}
    doi_links = crossref_types = 0
    type_column = folded.index("type") if "type" in folded else -1
    for _, row in rows[:500]:
        for i in link_columns:
            value = row[i] if i < len(row) else ""
            for marker, database in _POP_DATABASES:
                if marker in value:
                    counts[database] = counts.get(database, 0) + 1
                    break
            else:
                doi_links += "doi.org/" in value
        if 0 <= type_column < len(row) and row[type_column].strip().lower() in _CROSSREF_TYPES:
            crossref_types += 1
    if counts:
        return max(sorted(counts), key=lambda d: counts[d])
    if doi_links or crossref_types:
        return "Crossref"
    return ""


@lru_cache(maxsize=64)
def _scioq(encoded: str) -> str:
    return unquote_plus(encoded).strip()


def _pop_query(related_url: str) -> str:
    """Scholar's "related" links carry the query: ...&scioq=propithecus+coquereli&..."""
    at = related_url.find("scioq=")
    if at < 0:
        return ""
    return _scioq(related_url[at + 6 :].split("&", 1)[0])


@dataclass
class _Plan:
    """A file checked row by row, before any row is converted."""

    source: str
    kind: str
    database: str
    pop: bool
    rows: list[tuple[int, list[tuple[int, str, Any]], list[str]]] = field(default_factory=list)  # (number, ...)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _plan(data: bytes, name: str, column_map: dict[str, str] | None) -> _Plan:
    """Decode, find the layout and check every row: whatever fails for the file raises here,
    every row that cannot be read is an error here; what is left converts without failing."""
    text, encoding = decode(data, name)
    warnings: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig", "utf-16", "ascii"):
        warnings.append(msg("not UTF-8; read as {encoding}", encoding=encoding))
    delimiter, _ = delimiter_of(first_line(text))
    rows, problems = _rows(text, delimiter)
    if not rows:
        raise ImportFailed(name, msg("the file is empty"))
    _, raw_header = rows[0]
    if is_wos_header(raw_header):
        raise ImportFailed(name, msg("a Web of Science tab-delimited file, not a CSV export"))
    layout = detect_layout(raw_header)
    names = clean_header(raw_header, layout, warnings)
    if layout is None:
        generic = {GENERIC_NAMES.get(fold(n)) or GENERIC_NAMES.get(fold(n).replace(" ", "_")) for n in names}
        if "title" not in generic and not (column_map and "title" in column_map):
            shown = ", ".join(n for n in names if not n.startswith("column "))
            raise ImportFailed(
                name,
                msg("unknown CSV layout (not Publish or Perish, Scopus, IEEE Xplore, SpringerLink or Embase); "
                    "columns: {columns}. Tell litreview which column holds what, e.g. {example}", columns=shown,
                    example=MAP_EXAMPLE),
            )
        layout = GENERIC
    roles = roles_for(names, layout, column_map, name)
    if layout is GENERIC and not column_map:
        matched = [f"{n}->{r.split(':')[-1]}" for n, r in zip(names, roles, strict=True) if r]
        warnings.append(msg("read as a generic CSV; columns matched by name: {columns}", columns=", ".join(matched)))
    plan = _Plan(
        source=PurePath(name).name,
        kind="csv-mapped" if column_map else layout.source,
        database=pop_database(names, rows[1:]) if layout is POP else layout.database,
        pop=layout is POP,
        errors=[f"{name} {p}" for p in problems],
        warnings=warnings,
    )

    def columns_for(header: list[str]) -> tuple[list[tuple[int, str, Any]], list[int], list[int]]:
        header_roles = roles if header is names else roles_for(header, layout, column_map, name)
        columns = [(i, n, _handler(r) if r else None) for i, (n, r) in enumerate(zip(header, header_roles,
                                                                                     strict=True))]
        content = [i for i, r in enumerate(header_roles) if not (r or "").startswith("origin:")]
        dated = [i for i, r in enumerate(header_roles) if r in ("year", "date")]
        return columns, content, dated

    widened: dict[int, tuple[list[tuple[int, str, Any]], list[int], list[int]] | None] = {}
    standard = columns_for(names)
    width = len(names)
    has_nul = "\x00" in text
    fixed_rows = empty_rows = 0
    for number, (line, row) in enumerate(rows[1:], 1):
        layout_columns = standard
        if len(row) > width and any(f.strip() for f in row[width:]):
            extra = len(row) - width
            if extra not in widened:
                fixed = _scopus_funding_fix(names, extra) if layout.source == "scopus-csv" else None
                widened[extra] = columns_for(fixed) if fixed else None
            found = widened[extra]
            if found is None:
                plan.errors.append(msg("{name} line {line}: {fields} fields where the header has {width}; row "
                                       "skipped", name=name, line=line, fields=len(row), width=width))
                continue
            layout_columns = found
            fixed_rows += 1
        elif len(row) < width:
            plan.errors.append(msg("{name} line {line}: {fields} fields where the header has {width} (a truncated "
                                   "or broken row); row skipped", name=name, line=line, fields=len(row), width=width))
            continue
        if has_nul and any("\x00" in f for f in row):
            plan.errors.append(msg("{name} line {line}: a NUL byte in the row (a damaged file?); row skipped",
                                   name=name, line=line))
            continue
        columns, content, dated = layout_columns
        if not any(row[i] and not row[i].isspace() for i in content):
            empty_rows += 1
            continue
        try:
            for i in dated:
                if row[i].strip():
                    read_year(row[i]) if columns[i][2] is _year else _check_date(row[i])
        except RowError as exc:
            plan.errors.append(msg("{name} line {line}: {problem}; row skipped", name=name, line=line, problem=exc))
            continue
        plan.rows.append((number, columns, row))
    if fixed_rows:
        plan.warnings.append(msg("{n} rows have more Funding Text columns than the header names; read as Funding "
                                 "Text 2, 3, ...", n=fixed_rows))
    if empty_rows:
        plan.warnings.append(msg("{n} rows with only citation figures (no title, authors or other details) "
                                 "skipped", n=empty_rows))
    if not plan.rows and not plan.errors:
        raise ImportFailed(name, msg("no rows with content below the header"))
    plan.errors.sort(key=by_line)
    return plan


def _check_date(value: str) -> None:
    if parse_date(value)[0] is None:
        raise RowError(msg("the date '{value}' cannot be read", value=value))


def _convert(plan: _Plan) -> Iterator[Paper]:
    for number, columns, row in plan.rows:
        paper = _row_to_paper(row, columns, plan.source, number)
        origin = paper.origin
        if plan.database and "database" not in origin:
            origin["database"] = plan.database
        elif origin.get("database", "").lower() == "scopus":
            origin["database"] = "Scopus"
        origin["source"] = plan.kind
        if plan.pop and "query" not in origin:
            query = _pop_query(origin.get("related_url", ""))
            if query:
                origin["query"] = query
        yield paper


def read(data: bytes, name: str, column_map: dict[str, str] | None = None) -> ImportResult:
    """Parse a CSV export's bytes into Papers, one per row.

    A layout litreview does not know, without ``column_map``, raises
    ImportFailed listing the columns and how to pass ``--map``.
    """
    plan = _plan(data, name, column_map)
    return ImportResult(papers=list(_convert(plan)), errors=plan.errors, warnings=plan.warnings)


def read_lazily(data: bytes, name: str, column_map: dict[str, str] | None = None) -> tuple[list[str], Iterator[Paper]]:
    """Like :func:`read`, but the papers come one at a time as they are converted (large exports).

    Every row is checked first, so all errors are known before the first paper.
    The file's warnings (encoding, repaired header) ride on the first paper,
    since this interface has no place for them.
    """
    plan = _plan(data, name, column_map)
    papers = _convert(plan)
    if not plan.warnings:
        return plan.errors, papers

    def with_warnings() -> Iterator[Paper]:
        for i, paper in enumerate(papers):
            if i == 0:
                paper.warnings[:0] = [msg("(whole file) {message}", message=w) for w in plan.warnings]
            yield paper

    return plan.errors, with_warnings()


def by_line(message: str) -> int:
    """Sort key: the line number an error names ("x.csv line 12: ...")."""
    found = re.search(r" line (\d+)", message)
    return int(found.group(1)) if found else 0


def _row_to_paper(row: list[str], columns: list[tuple[int, str, Any]], source: str, number: int) -> Paper:
    paper = Paper(source_format=NAME, source_name=source)
    state = _Row(paper)
    for i, header, handler in columns:
        value = row[i]
        if not value or value.isspace():
            continue
        if handler is None:
            paper.extra[header] = value.strip()
        else:
            handler(state, value, header)
    if state.page_start or state.page_end:
        _set_pages(paper, state.page_start, state.page_end)
    paper.authors_truncated = state.truncated
    if not paper.title:
        paper.warnings.append(msg("no title"))
    if paper.title or paper.abstract:
        settle_languages(paper, paper.language, {}, {})
    paper.source_record = paper.origin.get("record_id") or msg("row {row}", row=number)
    return paper
