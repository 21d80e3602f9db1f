"""CSL-JSON (Zotero, Better CSL JSON) and CSL-YAML (pandoc bibliographies) into Papers.

Names come as family/given (with particles) or literal; a name with only a
family or only a given part is a literal ("Munadi"). Dates come as
date-parts, pandoc-style year/month/day lists, raw/literal strings or EDTF
strings. Variables the Paper has no slot for go to ``Paper.extra`` under
their CSL names (dates as ISO text, names as "Family, Given; ..."), so the
CSL exporter can write them back.

Bilingual records: the keys ``title_en``/``title_id``, ``abstract_en``/
``abstract_id`` and ``keywords_en``/``keywords_id`` (written by litreview's
exporter) hold the per-language versions; ``original-title`` counts as the
other language's title when it detectably is one.
"""

from __future__ import annotations

import json
import re
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
from litreview.safeload import load_json, load_yaml_all, yaml_error_place
from litreview.text.encoding import decode_text, looks_binary
from litreview.text.names import parse_name, parse_name_list

NAME = "csljson"
DESCRIPTION = "CSL-JSON"
EXTENSIONS = (".json", ".csljson", ".csl", ".yaml", ".yml")

TYPE_FROM_CSL = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "article": "article",
    "review": "article",
    "review-book": "article",
    "paper-conference": "inproceedings",
    "book": "book",
    "classic": "book",
    "chapter": "incollection",
    "entry": "incollection",
    "entry-dictionary": "incollection",
    "entry-encyclopedia": "incollection",
    "thesis": "thesis",
    "report": "techreport",
    "webpage": "online",
    "post-weblog": "online",
    "post": "online",
    "dataset": "dataset",
    "software": "software",
    "manuscript": "unpublished",
    "patent": "patent",
    "legislation": "legislation",
    "bill": "legislation",
    "regulation": "legislation",
    "treaty": "legislation",
    "legal_case": "jurisdiction",
    "hearing": "misc",
    "motion_picture": "video",
    "broadcast": "video",
    "song": "audio",
    "graphic": "artwork",
    "map": "misc",
    "interview": "misc",
    "personal_communication": "misc",
    "speech": "misc",
    "performance": "misc",
    "event": "misc",
    "standard": "standard",
    "collection": "collection",
    "periodical": "periodical",
    "pamphlet": "booklet",
    "document": "misc",
}
TYPE_TO_CSL = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "proceedings": "book",
    "manual": "book",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "misc": "document",
    "unpublished": "manuscript",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "booklet": "pamphlet",
    "video": "motion_picture",
    "audio": "song",
    "standard": "standard",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "artwork": "graphic",
    "collection": "collection",
    "periodical": "periodical",
}
NAME_VARIABLES = frozenset(
    """author editor translator container-author collection-editor composer director editorial-director
    illustrator interviewer original-author recipient reviewed-author chair compiler contributor curator
    executive-producer guest host narrator organizer performer producer script-writer
    series-creator""".split()
)
DATE_VARIABLES = frozenset("issued accessed original-date submitted event-date available-date".split())
_BILINGUAL_KEYS = ("title_id", "title_en", "abstract_id", "abstract_en", "keywords_id", "keywords_en")
_MARKUP = re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^<>]*)?>")
_MARKDOWN = (
    (re.compile(r"\*\*(\S(?:.*?\S)?)\*\*"), r"\1"),
    (re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])"), r"\1"),
    (re.compile(r"~([^~\s]+)~"), r"\1"),
    (re.compile(r"\^([^^\s]+)\^"), r"\1"),
)
_JSON_KEYS = re.compile(rb'"(?:type|title|issued|author|id)"\s*:')
_YAML_REFERENCES = re.compile(rb"(?m)^references:\s*$")
_YAML_ITEM = re.compile(rb"(?m)^-\s+id:\s*\S")
_YAML_TYPE = re.compile(rb"(?m)^\s+type:\s*[A-Za-z_-]+\s*$")


def match(head: bytes, name: str) -> bool:
    """A JSON array/object with CSL keys, or YAML with ``references:`` or "- id:" items with a type."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head.lstrip()
    if not stripped or looks_binary(head):
        return False
    if stripped[:1] in (b"[", b"{"):
        return len(set(_JSON_KEYS.findall(stripped))) >= 2
    if _YAML_REFERENCES.search(head):
        return True
    return bool(_YAML_ITEM.search(head) and _YAML_TYPE.search(head))


def _load(text: str, name: str) -> tuple[list[Any], bool]:
    """The list of items, and whether the source was YAML (markdown in strings)."""
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        try:
            data = load_json(stripped, name)
        except json.JSONDecodeError as exc:
            raise ImportFailed(
                name,
                msg("invalid JSON at line {line}, column {column}: {problem}; fix it or export again",
                    line=exc.lineno, column=exc.colno, problem=exc.msg),
            ) from exc
        is_yaml = False
    else:
        import yaml

        try:
            documents = [d for d in load_yaml_all(text, name) if d is not None]
        except yaml.YAMLError as exc:
            raise ImportFailed(name, msg("invalid YAML{place}", place=yaml_error_place(exc))) from exc
        data = next(
            (d for d in documents if isinstance(d, dict) and "references" in d),
            documents[0] if documents else None,
        )
        is_yaml = True
    if isinstance(data, dict):
        for key in ("references", "items"):
            if isinstance(data.get(key), list):
                return data[key], is_yaml
        if "type" in data or "title" in data:
            return [data], is_yaml
    if isinstance(data, list):
        return data, is_yaml
    raise ImportFailed(name, msg("no CSL items found (expected a list of items with id, type and title)"))


def _string(value: Any, markdown: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    text = str(value)
    if "<" in text:
        text = _MARKUP.sub("", text)
    if markdown and ("*" in text or "~" in text or "^" in text):
        for pattern, replacement in _MARKDOWN:
            text = pattern.sub(replacement, text)
    return text


def person_from_csl(value: Any) -> Person:
    """One CSL name object (or a plain string) as a Person; one-part names are literal."""
    if isinstance(value, str):
        return parse_name(value)
    if not isinstance(value, dict):
        return Person()
    literal = clean_line(_string(value.get("literal")))
    if literal:
        return Person(literal=literal)
    family = clean_line(_string(value.get("family")))
    given = clean_line(_string(value.get("given")))
    particle = " ".join(
        clean_line(_string(value.get(k)))
        for k in ("dropping-particle", "non-dropping-particle")
        if value.get(k)
    ).strip()
    suffix = clean_line(_string(value.get("suffix")))
    if family and not given and not particle and not suffix:
        return Person(literal=family)
    if given and not family:
        return Person(literal=given)
    return Person(family=family, given=given, particle=particle, suffix=suffix)


def _people(value: Any) -> list[Person]:
    if isinstance(value, str):
        return parse_name_list(value)[0]
    if not isinstance(value, list):
        value = [value]
    return [p for p in (person_from_csl(v) for v in value) if p != Person()]


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def csl_date(value: Any) -> tuple[int | None, str]:
    """(year, ISO date) from any CSL date form; (None, "") when none can be read."""
    while isinstance(value, list):  # pandoc YAML: [{year, month, day}, ...] (a range: its start)
        value = value[0] if value else None
    if value is None or value == "":
        return None, ""
    if isinstance(value, (int, float)):
        return int(value), str(int(value))
    if isinstance(value, str):
        return parse_date(value)
    if not isinstance(value, dict):
        return None, ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = [_int(p) for p in parts[0][:3]]
    elif "year" in value:
        numbers = [_int(value.get(k)) for k in ("year", "month", "day") if value.get(k) is not None]
    else:
        raw = value.get("raw") or value.get("literal")
        return parse_date(str(raw)) if raw else (None, "")
    if not numbers or numbers[0] is None:
        return None, ""
    year = numbers[0]
    date = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    if len(numbers) > 1 and numbers[1] is not None and 1 <= numbers[1] <= 12:
        date += f"-{numbers[1]:02d}"
        if len(numbers) > 2 and numbers[2] is not None and 1 <= numbers[2] <= 31:
            date += f"-{numbers[2]:02d}"
    return year, date


def _extra_value(key: str, value: Any, markdown: bool) -> str:
    if key in NAME_VARIABLES:
        return "; ".join(p.inverted() for p in _people(value))
    if key in DATE_VARIABLES:
        _, date = csl_date(value)
        if date:
            return date
    if isinstance(value, (dict, list)) and not (
        isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
    ):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return clean_line(_string(value, markdown))


def _item_to_paper(
    item: dict[str, Any], index: int, source: str, markdown: bool, warnings: list[str]
) -> Paper:
    item = dict(item)
    take = item.pop
    csl_type = str(take("type", "") or "").strip()
    entry_type = TYPE_FROM_CSL.get(csl_type, "misc")
    key = str(take("citation-key", "") or item.get("id") or "").strip()
    ident = str(take("id", "") or "").strip()
    paper = Paper(
        entry_type=entry_type,
        key=key,
        source_format=NAME,
        source_name=source,
        source_record=ident or key or f"item {index}",
    )
    if ident and ident != key:
        paper.extra["id"] = ident
    if csl_type and TYPE_TO_CSL.get(entry_type) != csl_type:
        paper.extra["csl_type"] = csl_type

    def text(name: str) -> str:
        return clean_line(_string(take(name, None), markdown))

    paper.title = text("title")
    paper.authors = _people(take("author", []))
    paper.editors = _people(take("editor", []))
    if "issued" in item:
        raw = item["issued"]
        paper.year, paper.date = csl_date(raw)
        if paper.year is None:
            warnings.append(msg("cannot read a date from issued {value}; kept in extra",
                                value=json.dumps(raw, ensure_ascii=False)))
        else:
            take("issued")
    paper.journal = text("container-title")
    paper.volume = text("volume")
    paper.issue = text("issue")
    paper.pages = re.sub(r"\s*[–—-]+\s*", "-", text("page"))
    paper.publisher = text("publisher")
    paper.doi = normalize_doi(text("DOI"))
    paper.url = text("URL")
    paper.isbn = text("ISBN")
    paper.issn = text("ISSN")
    paper.abstract = clean_paragraphs(_string(take("abstract", None), markdown))
    keywords = take("keyword", None)
    if isinstance(keywords, list):
        paper.keywords = split_keywords("; ".join(str(k) for k in keywords))
    elif keywords:
        paper.keywords = split_keywords(str(keywords))
    paper.note = clean_paragraphs(_string(take("note", None), markdown))

    declared = ""
    if item.get("language"):
        declared = language_code(str(item["language"]))
        if declared:
            take("language")
    explicit: dict[str, Any] = {}
    for name in _BILINGUAL_KEYS:
        value = take(name, None)
        if value:
            if name.startswith("keywords"):
                explicit[name] = value if isinstance(value, list) else split_keywords(str(value))
            elif name.startswith("abstract"):
                explicit[name] = clean_paragraphs(_string(value))
            else:
                explicit[name] = clean_line(_string(value))
    original = clean_line(_string(item.get("original-title"), markdown))
    used = settle_languages(paper, declared, explicit, {"original-title": original} if original else {})
    for name in used:
        item.pop(name, None)

    for name in sorted(item):
        value = _extra_value(name, item[name], markdown)
        if value:
            paper.extra[name] = value
    if not paper.title:
        paper.warnings.append(msg("no title"))
    return paper


def read(data: bytes, name: str) -> ImportResult:
    """Parse CSL-JSON or CSL-YAML bytes into Papers, one per item."""
    text, _encoding = decode_text(data, name)
    items, markdown = _load(text, name)
    if not items:
        raise ImportFailed(name, msg("no CSL items found (the list is empty)"))
    source = PurePath(name).name
    result = ImportResult()
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict):
            result.errors.append(msg("{name} item {index}: not a CSL item (expected an object, found {found})",
                                     name=name, index=index, found=type(item).__name__))
            continue
        label = f"'{item.get('id')}'" if item.get("id") is not None else msg("(no id)")
        warnings: list[str] = []
        try:
            paper = _item_to_paper(item, index, source, markdown, warnings)
        except (TypeError, ValueError, AttributeError) as exc:
            result.errors.append(msg("{name} item {index} {label}: cannot be read: {problem}", name=name, index=index,
                                     label=label, problem=exc))
            continue
        paper.warnings.extend(warnings)
        result.papers.append(paper)
    return result
