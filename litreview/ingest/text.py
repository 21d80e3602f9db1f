"""Plain text and Markdown papers, with optional YAML front matter for metadata.

Front matter keys follow Paper's field names (title, authors, year, journal,
doi, abstract, keywords, title_en, abstract_en, ...); ``author`` as one string
("A and B") is accepted too, and unknown keys are kept in ``extra``. Without
front matter, the title is the first Markdown heading, else the first line when
it reads like one, else the text's first sentence (said to be a guess); authors
come from a byline near the top ("Oleh: ...", "By ..."), the year and date from a
date line there ("Jakarta, 5 Mei 2019", "Published: 2021-03-04"); the abstract
and keywords come from the Abstrak/Abstract and Kata kunci/Keywords sections.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from litreview.errors import ImportFailed
from litreview.i18n import msg
from litreview.model import ImportResult, Paper, Person
from litreview.text.clean import clean_field, clean_text
from litreview.text.encoding import decode_text, looks_binary
from litreview.text.language import detect_language

NAME = "text"
DESCRIPTION = msg("plain text or Markdown")
EXTENSIONS = (".txt", ".md", ".markdown", ".text")

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_YEAR = re.compile(r"\b(1[5-9]\d{2}|20\d{2})\b")

_LIST_FIELDS = {"keywords", "keywords_id", "keywords_en"}
_TEXT_FIELDS = {
    "title", "title_id", "title_en", "journal", "volume", "issue", "pages", "publisher", "doi", "url",
    "isbn", "issn", "language", "abstract", "abstract_id", "abstract_en", "note", "date", "entry_type",
}
_ALIASES = {"type": "entry_type", "container-title": "journal", "container_title": "journal",
            "booktitle": "journal", "number": "issue", "keyword": "keywords", "tags": "keywords",
            "lang": "language", "abstrak": "abstract_id", "judul": "title", "penulis": "authors",
            "tahun": "year", "kata_kunci": "keywords"}


def match(head: bytes, name: str) -> bool:
    return bool(head.strip()) and not looks_binary(head)


def read(data: bytes, name: str) -> ImportResult:
    raw, encoding = decode_text(data, name)
    warnings = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        warnings.append(msg("not UTF-8: read as {encoding}", encoding=encoding))
    front: dict[str, Any] = {}
    body = raw
    found = _FRONT.match(raw)
    if found:
        front = _load_front_matter(found.group(1), name)
        body = raw[found.end():]
    heading = _MD_HEADING.search(body)
    text = clean_text(_strip_markdown(body))
    if not text and not front:
        raise ImportFailed(name, msg("the file holds no text"))
    paper = Paper(text=text, source_format=NAME)
    _apply_front_matter(paper, front, name)
    _fill_from_text(paper, name, clean_field(heading.group(1)) if heading else "")
    return ImportResult(papers=[paper], warnings=warnings)


def _load_front_matter(block: str, name: str) -> dict[str, Any]:
    import yaml

    from litreview.safeload import load_yaml, yaml_error_place

    try:
        data = load_yaml(block, name)
    except yaml.YAMLError as exc:
        raise ImportFailed(name, msg("front matter: not valid YAML{place}", place=yaml_error_place(exc, 1))) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportFailed(name, msg("front matter must be a YAML mapping of field: value"))
    return data


def _strip_markdown(body: str) -> str:
    """Headings lose their # marks (so "## Pendahuluan" reads as a heading line), bold loses its stars."""
    body = _MD_HEADING.sub(lambda m: m.group(1), body)
    return _MD_EMPHASIS.sub(lambda m: m.group(2), body)


_HEAD_LINES = 12  # a byline or a date line stands among the first lines
_BYLINE = re.compile(r"^(?:disusun\s+oleh|ditulis\s+oleh|oleh|by|penulis|author\(?s?\)?)\s*:?\s+(.+)$", re.IGNORECASE)
_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2, "maret": 3,
    "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7,
    "july": 7, "jul": 7, "agustus": 8, "august": 8, "aug": 8, "agu": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "oct": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "december": 12, "dec": 12, "des": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_FORMS = (
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_DATE_LABEL = re.compile(
    r"^(?:diterbitkan|dipublikasikan|terbit|published|posted|publication date|tanggal|date|updated|diperbarui)"
    r"\b\s*:?", re.IGNORECASE,
)


def _first_sentence(text: str) -> str:
    """The first sentence of the first paragraph that is no section heading, cut to 20 words."""
    from litreview.text.sections import detect_sections

    for block in re.split(r"\n\s*\n|\n", text):
        block = " ".join(block.split())
        if not block or detect_sections(block) and len(block.split()) <= 3:
            continue
        sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", block, maxsplit=1)[0].rstrip(".")
        words = sentence.split()
        return " ".join(words[:20]) + ("\u2026" if len(words) > 20 else "")
    return ""


def _byline(head: list[str]) -> list[Person]:
    """The authors a byline near the top names ("Oleh: Rina Wulandari dan Munadi"), or []."""
    from litreview.text.names import looks_like_personal_name, parse_printed_name, split_byline

    for line in head[1:]:
        found = _BYLINE.match(line)
        if not found or len(line) > 150:
            continue
        names = split_byline(found.group(1)).names
        if names and all(looks_like_personal_name(n, mononym=True) for n in names):
            return [parse_printed_name(n) for n in names]
    return []


def _author_line(head: list[str]) -> tuple[list[Person], int | None]:
    """The authors (and year) of an unlabelled author line just under the title, as a page
    copied from a journal site or a repository prints it: "Rina Wulandari, Munadi, Budi Santoso",
    "2024 | Fabio Votta, Simon Kruschinski", "Ardynata, Ivan Panca dan Wawan Sobari (2022).
    Sarjana thesis, ...". A line naming one person only counts with a year beside it: a lone
    capitalised phrase ("Sebuah Tinjauan Kritis") reads like a name too often."""
    from litreview.text.names import looks_like_institution, looks_like_personal_name, parse_printed_name

    if not head or head[0].endswith((".", "?", "!")):
        return [], None  # the text opens with a sentence, not a title line
    for line in head[1:3]:
        if len(line) > 250 or ":" in line or line.endswith(("?", "!")):
            continue
        if line.endswith(".") and not _YEAR_AFTER_NAMES.search(line) and not _SENTENCE_END.search(line):
            continue  # one sentence; a citation line ("A, B. Jurnal X, Vol. 3.", "Family, Given (2022).") may end so
        year: int | None = None
        inverted = False
        names_part = line
        lead = _YEAR_LEAD.match(names_part)
        if lead:
            year, names_part = int(lead.group(1)), lead.group(2)
        cited = _YEAR_AFTER_NAMES.search(names_part)
        if cited:
            year, names_part, inverted = int(cited.group(1)), names_part[: cited.start()], True
        else:
            names_part = _SENTENCE_END.split(names_part, maxsplit=1)[0]
        names = _names_of(_BRACKETED.sub(" ", names_part), inverted)  # "(UIN Walisongo Semarang)"
        if len(names) > 1 and looks_like_institution(names[-1]) and names[-1].istitle():
            names.pop()  # "Siti Rohmah, Universitas Suryakancana"
        if not names or not all(looks_like_personal_name(n, mononym=True) for n in names):
            continue
        if len(names) == 1 and year is None:
            continue
        if sum(len(n.split()) >= 2 for n in names) * 2 < len(names):
            continue  # mostly single words: a list of terms, not of people
        return [parse_printed_name(n) for n in names], year
    return [], None


def _names_of(text: str, inverted: bool) -> list[str]:
    """The names of an author line; with ``inverted`` (a citation line, "Ardynata, Ivan Panca dan
    Wawan Sobari"), the first is family name first."""
    from litreview.text.names import split_byline

    if inverted:
        first = _INVERTED_FIRST.match(text.strip())
        if first:
            rest = split_byline(first.group(3)).names if first.group(3) else []
            return [f"{first.group(2).strip()} {first.group(1)}", *rest]
    return split_byline(text).names


_YEAR_LEAD = re.compile(r"^\s*((?:19|20)\d{2})\s*[|\u00b7\u2022\u2013-]\s*(.+)$")
_YEAR_AFTER_NAMES = re.compile(r"\s*\(((?:19|20)\d{2})[a-z]?\)")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})\.\s+")
_INVERTED_FIRST = re.compile(r"^([A-Z][\w'\u2019-]+),\s+([^,&]+?)(?:\s*(?:,|\bdan\b|\band\b|&)\s*(.+))?$")


def _date_line(paper: Paper, head: list[str]) -> None:
    """Year and date from a line near the top that is a date ("Jakarta, 5 Mei 2019") or says
    one ("Diterbitkan: 2021-03-04")."""
    for line in head[1:]:
        labelled = bool(_DATE_LABEL.match(line))
        if len(line) > (120 if labelled else 60):
            continue
        for form in _DATE_FORMS:
            found = form.search(line)
            if not found:
                continue
            rest = line[: found.start()] + line[found.end():]
            if not labelled and len(re.findall(r"[^\W\d_]{4,}", rest)) > 3:
                continue  # a sentence that holds a date, not a date line
            month = found.group("month")
            number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            day = int(found.group("day"))
            if not (1 <= number <= 12 and 1 <= day <= 31):
                continue
            paper.year = int(found.group("year"))
            paper.date = f"{paper.year}-{number:02d}-{day:02d}"
            return
        year = _YEAR.search(line) if labelled else None
        if year:
            paper.year = int(year.group(1))
            paper.date = str(paper.year)
            return


def _apply_front_matter(paper: Paper, front: dict[str, Any], name: str) -> None:
    from litreview.text.names import parse_name, parse_name_list

    for raw_key, value in front.items():
        key = _ALIASES.get(str(raw_key).lower(), str(raw_key).lower())
        if value is None or value == "":
            continue
        if key in ("authors", "author", "editors", "editor"):
            target = "editors" if key.startswith("editor") else "authors"
            people, truncated = [], False
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, dict):
                    from litreview.model import Person

                    people.append(Person.from_dict({k: clean_field(str(v)) for k, v in item.items()}))
                elif isinstance(item, str) and (" and " in item or ";" in item or " dan " in item):
                    more, cut = parse_name_list(item.replace(";", " and "))
                    people.extend(more)
                    truncated = truncated or cut
                elif str(item).strip().lower().rstrip(".") in ("dkk", "et al", "others"):
                    truncated = True
                else:
                    people.append(parse_name(clean_field(str(item))))
            setattr(paper, target, people)
            if target == "authors":
                paper.authors_truncated = truncated
        elif key == "year":
            found = _YEAR.search(str(value))
            if not found:
                raise ImportFailed(name, msg("front matter: year {value} is not a year", value=repr(value)))
            paper.year = int(found.group(1))
            paper.date = paper.date or str(value)
        elif key in _LIST_FIELDS:
            items = value if isinstance(value, list) else re.split(r"[;,]", str(value))
            setattr(paper, key, [clean_field(str(v)) for v in items if str(v).strip()])
        elif key in _TEXT_FIELDS:
            setattr(paper, key, clean_text(str(value)) if key.startswith("abstract") else clean_field(str(value)))
        else:
            paper.extra[str(raw_key)] = clean_field(str(value))
    if paper.date and paper.year is None and _YEAR.search(paper.date):
        paper.year = int(_YEAR.search(paper.date).group(1))  # type: ignore[union-attr]


def _fill_from_text(paper: Paper, name: str, heading: str = "") -> None:
    """Title, authors, year, abstract, keywords and languages from the body where the front
    matter gave none."""
    from litreview.text.sections import detect_sections, section_body, split_keywords

    paper.sections = detect_sections(paper.text) if paper.text else []
    if not paper.title:
        first = paper.text.split("\n", 1)[0].strip() if paper.text else ""
        starts_section = bool(paper.sections) and paper.sections[0].start == 0
        sentence = _first_sentence(paper.text)
        if heading:
            paper.title = heading
        elif first and len(first) <= 250 and not first.endswith(".") and not starts_section:
            paper.title = first
        elif sentence:
            paper.title = sentence
            paper.low_confidence["title"] = msg("the first sentence of the text")
            paper.warnings.append(msg("no title line in the text; its first sentence stands in for the title "
                                      "(set it with `litreview edit`)"))
        else:
            paper.title = PurePath(name).stem
            paper.low_confidence["title"] = msg("the file name")
            paper.warnings.append(msg("no title found in the text; the file name stands in (set it with "
                                      "`litreview edit`)"))
    head = [line.strip() for line in paper.text.split("\n")[:_HEAD_LINES] if line.strip()]
    if not paper.authors:
        paper.authors = _byline(head)
    if not paper.authors:
        paper.authors, year = _author_line(head)
        if paper.authors:
            paper.low_confidence["authors"] = msg("an unlabelled line under the title")
        if year is not None and paper.year is None:
            paper.year, paper.date = year, str(year)
    if paper.year is None:
        _date_line(paper, head)
    for section in paper.sections:
        content = section_body(paper.text, section)
        if section.kind == "abstract" and content:
            lang = detect_language(content)
            slot = "abstract_en" if lang == "en" else "abstract_id" if lang == "id" else ""
            if slot and not getattr(paper, slot):
                setattr(paper, slot, content)
            if not paper.abstract:
                paper.abstract = content
        elif section.kind == "keywords" and content:
            words = split_keywords(content.split("\n", 1)[0])
            slot = "keywords_en" if section.heading.lower().startswith("key") else "keywords_id"
            if not getattr(paper, slot):
                setattr(paper, slot, words)
            if not paper.keywords:
                paper.keywords = words
    if not paper.language:
        paper.language = detect_language(paper.title + " " + (paper.abstract or paper.text[:4000]))
    for lang in ("id", "en"):
        if paper.language == lang and not getattr(paper, f"title_{lang}"):
            setattr(paper, f"title_{lang}", paper.title)
        if paper.language == lang and paper.abstract and not getattr(paper, f"abstract_{lang}"):
            setattr(paper, f"abstract_{lang}", paper.abstract)
        if paper.language == lang and paper.keywords and not getattr(paper, f"keywords_{lang}"):
            setattr(paper, f"keywords_{lang}", list(paper.keywords))
