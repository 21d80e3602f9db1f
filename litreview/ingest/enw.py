"""EndNote tagged exports (.enw, the "refer" family) into Papers.

Each line is a tag, "%" and one character, then the value: "%0 Journal Article",
"%T Title", "%A Aspinall, Edward" (one author a line), "%D 2019". Records are
separated by blank lines; a "%0" line after a record's fields also starts a new
one (several "%0" lines in a row: the last names the type). Lines without a tag
continue the value above.

Tags the Paper has no slot for go to ``extra`` under the tag ("%C", "%+"), so
nothing is lost.
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
from litreview.text.names import parse_name, parse_name_list

NAME = "enw"
DESCRIPTION = msg("EndNote tagged (.enw)")
EXTENSIONS = (".enw",)

_TAG = re.compile(r"^%(\S)(?: (.*?))?\s*$")
_SNIFF_TYPE = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?%0(?: |\r?$)")
_SNIFF_TAG = re.compile(rb"(?m)^%[A-Z0-9@!#$&()*+<>?\[\]^~=-](?: |\r?$)")
_CITATION_KEY = re.compile(r"^(?=.*[A-Za-z])[^\s,{}]+$")

TYPES = {
    "journal article": "article",
    "electronic article": "article",
    "magazine article": "article",
    "newspaper article": "article",
    "journal": "article",
    "book": "book",
    "electronic book": "book",
    "edited book": "book",
    "book section": "incollection",
    "electronic book section": "incollection",
    "encyclopedia": "incollection",
    "dictionary": "incollection",
    "conference paper": "inproceedings",
    "conference proceedings": "inproceedings",
    "conference": "inproceedings",
    "thesis": "thesis",
    "report": "techreport",
    "government document": "techreport",
    "web page": "online",
    "blog": "online",
    "unpublished work": "unpublished",
    "manuscript": "unpublished",
    "generic": "misc",
    "dataset": "dataset",
    "computer program": "software",
    "patent": "patent",
    "film or broadcast": "video",
    "statute": "legislation",
    "bill": "legislation",
    "case": "jurisdiction",
}
_PARAGRAPH_TAGS = {"X", "Z"}


def match(head: bytes, name: str) -> bool:
    """A "%0 Type" line starting a record, and other EndNote tag lines."""
    if not head.strip() or looks_binary(head):
        return False
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if _SNIFF_TYPE.search(stripped) is None or not stripped.startswith(b"%"):
        return False
    return len(_SNIFF_TAG.findall(stripped)) >= 2


def _records(text: str) -> tuple[list[tuple[int, list[tuple[str, str]]]], list[str]]:
    """(first line number, [(tag, value)]) per record, and layout warnings."""
    return split_records(text, _TAG, _PARAGRAPH_TAGS, _opens_record)


def _opens_record(tag: str, fields: list[tuple[str, str]]) -> bool:
    """A "%0" type line after other fields starts the next record, blank line or not."""
    return tag == "0" and any(t != "0" for t, _ in fields)


def _people(values: list[str]) -> list[Person]:
    people: list[Person] = []
    for value in values:
        if ";" in value:
            people.extend(parse_name_list(value)[0])
        else:
            people.append(parse_name(value))
    return [p for p in people if p != Person()]


def _record_to_paper(pairs: list[tuple[str, str]], line: int, source: str) -> Paper:
    values: dict[str, list[str]] = {}
    for tag, value in pairs:
        if value.strip():
            values.setdefault(tag, []).append(value.strip())

    def take(tag: str) -> list[str]:
        return values.pop(tag, [])

    def first(tag: str) -> str:
        found = take(tag)
        if found[1:]:
            values[tag] = found[1:]  # the others stay in extra
        return clean_line(found[0]) if found else ""

    types = take("0")
    kind = types[-1] if types else ""
    entry_type = TYPES.get(kind.lower(), "misc")
    paper = Paper(entry_type=entry_type, source_format=NAME, source_name=source, source_record=f"line {line}")
    if kind and kind.lower() not in TYPES:
        paper.extra["type"] = kind
    paper.title = first("T")
    paper.authors = _people(take("A"))
    paper.editors = _people(take("E"))

    journal, secondary = first("J"), first("B")
    if entry_type in ("incollection", "inproceedings") or not journal:
        paper.journal = secondary or journal
        if secondary and journal:
            values.setdefault("J", []).insert(0, journal)
    else:
        paper.journal = journal
        if secondary:
            values.setdefault("B", []).insert(0, secondary)

    for tag in ("D", "8"):
        for value in take(tag):
            year, date = parse_date(value)
            if year is not None and (paper.year is None or year == paper.year and len(date) > len(paper.date)):
                paper.year, paper.date = year, date
            elif year != paper.year or not paper.date.startswith(date):
                values.setdefault(tag, []).append(value)
    paper.volume = first("V")
    paper.issue = first("N")
    paper.pages = first("P")
    publisher = first("I")
    if entry_type == "thesis" and publisher:
        paper.extra["school"] = publisher
    else:
        paper.publisher = publisher

    dois = [normalize_doi(v) for v in take("R")]
    if dois:
        paper.doi = dois[0]
        if dois[1:]:
            paper.extra["R"] = "\n".join(dois[1:])
    urls = take("U")
    if urls:
        paper.url = urls[0]
        if urls[1:]:
            paper.extra["U"] = "\n".join(urls[1:])
    numbers = take("@")
    for number in numbers:
        digits = re.sub(r"[^0-9Xx]", "", number.split()[0] if number.split() else "")
        if len(digits) in (10, 13) and not paper.isbn:
            paper.isbn = number
        elif len(digits) == 8 and not paper.issn:
            paper.issn = number
        else:
            values.setdefault("@", []).append(number)

    keywords: list[str] = []
    for value in take("K"):
        keywords.extend(split_keywords(value) if ";" in value else value.split("\n"))
    paper.keywords = split_keywords(";".join(keywords))
    paper.abstract = "\n\n".join(clean_paragraphs(v) for v in take("X"))
    paper.note = "\n\n".join(clean_paragraphs(v) for v in take("Z"))
    labels = take("F")
    if labels and _CITATION_KEY.match(labels[0]):
        paper.key = labels.pop(0)
    if labels:
        values["F"] = labels
    accession = take("M")
    if accession:
        paper.origin["record_id"] = accession[0]
        if accession[1:]:
            values["M"] = accession[1:]
    databases = take("~")
    if databases:
        paper.origin["database"] = databases[0]
        if databases[1:]:
            values["~"] = databases[1:]
    paper.origin["source"] = "enw"

    languages = take("G")
    declared = language_code(languages[0]) if languages else ""
    if languages and (not declared or languages[1:]):
        values["G"] = languages if not declared else languages[1:]
    translated = take("Q")
    alternates = {"Q": clean_line(translated[0])} if translated else {}
    used = settle_languages(paper, declared, {}, alternates, trusted=("Q",))
    if translated and ("Q" not in used or translated[1:]):
        values["Q"] = translated if "Q" not in used else translated[1:]
    for tag, found in values.items():
        paper.extra[f"%{tag}"] = "\n".join(found)
    return paper


def read(data: bytes, name: str) -> ImportResult:
    """Parse an EndNote tagged file's bytes into Papers, one per record.

    ``source_record`` is "line N", the line the record starts on. A record
    without a title (%T) is an error naming its line; the others still import.
    """
    text, encoding = decode_text(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    records, layout = _records(text)
    if not any(tag == "0" for _, pairs in records for tag, _ in pairs):
        raise ImportFailed(name, msg("no EndNote records found (expected lines like '%0 Journal Article', '%T ...')"))
    result = ImportResult(warnings=layout)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        result.warnings.insert(0, msg("not UTF-8: read as {encoding}", encoding=encoding))
    if records and not text.endswith("\n"):
        result.warnings.append(msg("line {line}: the file ends inside this record; it may be cut short",
                                   line=records[-1][0]))
    source = PurePath(name).name
    for line, pairs in records:
        paper = _record_to_paper(pairs, line, source)
        if not paper.title:
            result.errors.append(msg("{name} line {line}: record has no title (%T); skipped", name=name, line=line))
            continue
        result.papers.append(paper)
    return result
