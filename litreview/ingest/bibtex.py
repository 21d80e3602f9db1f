"""BibTeX and BibLaTeX files (Zotero, Mendeley, JabRef, Web of Science exports) into Papers.

Parsing. A fast scanner reads the entries that follow the common grammar;
any entry it cannot read is handed to pybtex's parser, which either reads it
(rare syntax) or reports the problem. A broken entry becomes one line in
``ImportResult.errors`` ("refs.bib line 40: entry 'x': '}' expected ...") and
scanning resumes at the next line that starts an entry, so one stray brace
never costs the rest of the file. ``@string`` macros carry through, ``%``
comments hide entries, ``crossref`` children inherit their parent's fields.

Fields. LaTeX is decoded to Unicode ({\\"o} -> ö, -- -> –, protective braces
dropped); url, doi and file stay verbatim. Mapped fields fill the Paper; every
other field lands in ``Paper.extra`` under its lower-case name, so nothing is
lost. The ``file`` field (Zotero, JabRef, Mendeley forms) becomes
``Paper.attachments``: paths as written, for the caller to resolve.

Bilingual records. ``title`` is the title in the paper's language
(``langid``/``language``, else detected). The other language's version comes
from the explicit fields ``title_en``/``title_id`` (``abstract_*``,
``keywords_*`` likewise, as litreview's exporter writes them), or from
``titleaddon``/``origtitle``/``translatedtitle`` when that text is detectably
in the other language. An abstract holding both languages in separate
paragraphs is split.

The LaTeX decoding is ``litreview.text.latex``; dates, DOIs, languages,
keywords and bilingual fields are read by ``litreview.ingest.fields``, as for
RIS and CSL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from litreview.errors import ImportFailed
from litreview.i18n import msg
from litreview.ingest.fields import (
    clean_line,
    clean_paragraphs,
    language_code,
    month_number,
    normalize_doi,
    parse_date,
    parse_year,
    settle_languages,
    split_container,
    split_keywords,
)
from litreview.model import ImportResult, Paper
from litreview.text.encoding import decode_text, looks_binary
from litreview.text.latex import latex_to_unicode, verbatim
from litreview.text.names import parse_bibtex_name_list

NAME = "bibtex"
DESCRIPTION = "BibTeX"
EXTENSIONS = (".bib", ".bibtex", ".biblatex")

# ---------------------------------------------------------------------------
# Sniffing

_SNIFF = re.compile(
    rb"(?m)^[ \t]*@[ \t]*(?:string|preamble|comment|[A-Za-z][\w-]*[ \t]*[{(][ \t]*[^\s,{}()=\"]+[ \t]*,"
    rb"|[A-Za-z][\w-]*[ \t]*[{(]\s*[A-Za-z][\w-]*\s*=)",
    re.IGNORECASE,
)


def match(head: bytes, name: str) -> bool:
    """An entry start ("@article{key,", "@string{") at the start of a line."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip() or looks_binary(head):
        return False
    return _SNIFF.search(head) is not None


# ---------------------------------------------------------------------------
# Scanning

_MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_NAME_CHARS = r"A-Za-z@!$&*+\-./:;<>?\[\]^_`|~\\\x7f"
_HEAD = re.compile(rf"@[ \t]*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*([{{(])")
_LINE_HEAD = re.compile(rf"(?m)^[ \t]*@[ \t]*[A-Za-z][{_NAME_CHARS}0-9]*\s*[{{(]")
_FIELD_NAME = re.compile(rf"\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*=\s*")
# One whole simple field: name = {flat} / "flat" / 123 / macro, then the comma or the end.
_SIMPLE_FIELD = re.compile(
    rf"""\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*=\s*(?:\{{([^{{}}]*)\}}|"([^"{{}}]*)"|([0-9]+)|([{_NAME_CHARS}][{_NAME_CHARS}0-9]*))\s*(?=[,}})])"""
)
_KEYLESS = re.compile(rf"\s*[{_NAME_CHARS}][{_NAME_CHARS}0-9]*\s*=")
_KEY_BRACE = re.compile(r"\s*([^\s,}]*)")
_KEY_PAREN = re.compile(r"\s*([^\s,]*)")
_BRACED = re.compile(r"\{([^{}]*)\}")
_QUOTED = re.compile(r'"([^"{}]*)"')
_NUMBER = re.compile(r"[0-9]+")
_MACRO = re.compile(rf"[{_NAME_CHARS}][{_NAME_CHARS}0-9]*")
_SPACES = re.compile(r"\s*")
_BRACE = re.compile(r"[{}]")
_QUOTE_OR_BRACE = re.compile(r'["{}]')
_FIELD_LIKE = re.compile(r"(?m)^[ \t]*,?[ \t]*[A-Za-z][\w-]*[ \t]*=[ \t]*[{\"0-9]")


class _Unreadable(Exception):
    """The fast scanner gives up on an entry; pybtex gets it."""


@dataclass
class _Entry:
    line: int
    entry_type: str
    key: str | None
    fields: list[tuple[str, str]]
    warnings: list[str] = field(default_factory=list)


def _balanced(text: str, start: int) -> tuple[str, int]:
    """Content of a brace group whose "{" is just before ``start``; position after its "}"."""
    depth = 1
    for m in _BRACE.finditer(text, start):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return text[start : m.start()], m.end()
    raise _Unreadable


def _quoted(text: str, start: int) -> tuple[str, int]:
    depth = 0
    for m in _QUOTE_OR_BRACE.finditer(text, start):
        char = m.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise _Unreadable
        elif depth == 0:
            return text[start : m.start()], m.end()
    raise _Unreadable


class _Scanner:
    """Reads one file's entries; one instance per file."""

    def __init__(self, text: str):
        self.text = text
        self.macros: dict[str, str] = dict(_MONTH_MACROS)
        self.undefined: list[str] = []
        self._pybtex: Any = None

    # -- values -----------------------------------------------------------
    def value(self, pos: int) -> tuple[str, int]:
        text = self.text
        parts = []
        while True:
            char = text[pos : pos + 1]
            if char == "{" or char == '"':
                flat, nested = (_BRACED, _balanced) if char == "{" else (_QUOTED, _quoted)
                m = flat.match(text, pos)
                if m:
                    parts.append(m.group(1))
                    pos = m.end()
                else:
                    part, pos = nested(text, pos + 1)
                    parts.append(part)
            elif "0" <= char <= "9":
                m = _NUMBER.match(text, pos)
                parts.append(m.group())  # type: ignore[union-attr]
                pos = m.end()  # type: ignore[union-attr]
            else:
                m = _MACRO.match(text, pos)
                if not m:
                    raise _Unreadable
                name = m.group()
                value = self.macros.get(name.lower())
                if value is None:
                    self.undefined.append(name)
                    value = name
                parts.append(value)
                pos = m.end()
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos : pos + 1] != "#":
                return "".join(parts), pos
            pos = _SPACES.match(text, pos + 1).end()  # type: ignore[union-attr]

    # -- one command ----------------------------------------------------------
    def command(self, at: int, line: int) -> tuple[_Entry | None, int]:
        """Parse the command at ``at`` ("@..."); returns (entry or None, end position)."""
        text = self.text
        head = _HEAD.match(text, at)
        if head is None:
            raise _Unreadable
        command = head.group(1)
        closing = "}" if head.group(2) == "{" else ")"
        pos = head.end()
        lower = command.lower()
        if lower == "comment":
            if closing == "}":
                try:
                    return None, _balanced(text, pos)[1]
                except _Unreadable:
                    return None, pos
            return None, pos
        if lower == "preamble":
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            _, pos = self.value(pos)
            return None, self._close(pos, closing)
        if lower == "string":
            m = _FIELD_NAME.match(text, pos)
            if not m:
                raise _Unreadable
            value, pos = self.value(m.end())
            self.macros[m.group(1).lower()] = value
            return None, self._close(pos, closing)
        key: str | None
        if _KEYLESS.match(text, pos):
            key = None
        else:
            m = (_KEY_BRACE if closing == "}" else _KEY_PAREN).match(text, pos)
            key, pos = m.group(1) or None, m.end()  # type: ignore[union-attr]
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos : pos + 1] == ",":
                pos += 1
            elif text[pos : pos + 1] != closing:
                raise _Unreadable
        fields: list[tuple[str, str]] = []
        simple = _SIMPLE_FIELD.match
        macros = self.macros
        while True:
            m = simple(text, pos)
            if m is not None:
                value = m.group(2)
                if value is None:
                    value = m.group(3)
                    if value is None:
                        value = m.group(4)
                        if value is None:
                            name = m.group(5)
                            found = macros.get(name.lower())
                            if found is None:
                                self.undefined.append(name)
                            value = name if found is None else found
                fields.append((m.group(1).lower(), value))
                pos = m.end()
            else:
                m = _FIELD_NAME.match(text, pos)
                if not m:
                    break
                value, pos = self.value(m.end())
                fields.append((m.group(1).lower(), value))
            if text[pos : pos + 1] != ",":
                break
            pos += 1
        return _Entry(line, command.lower(), key, fields), self._close(pos, closing)

    def _close(self, pos: int, closing: str) -> int:
        pos = _SPACES.match(self.text, pos).end()  # type: ignore[union-attr]
        if self.text[pos : pos + 1] != closing:
            raise _Unreadable
        return pos + 1

    # -- pybtex for the entries the fast path cannot read ---------------------
    def pybtex_command(self, at: int, line: int) -> tuple[_Entry | None, int]:
        """Let pybtex parse the command at ``at``; its syntax errors propagate."""
        if self._pybtex is None:
            self._pybtex = _make_pybtex_parser(self.text, self)
        parser = self._pybtex
        parser.pos = at + 1
        parser.lineno = line
        parser.command_start = at
        from pybtex.database.input.bibtex import SkipEntry

        try:
            command, body = parser.parse_command()
        except SkipEntry:
            return None, parser.pos
        lower = command.lower()
        if lower in ("string", "preamble"):
            return None, parser.pos
        key, fields = body
        flat = [(name.lower(), "".join(parts)) for name, parts in fields]
        return _Entry(line, lower, key, flat), parser.pos

    # -- the whole file -----------------------------------------------------------
    def entries(self) -> tuple[list[_Entry], list[tuple[int, str | None, str]]]:
        """All entries, and (line, key, problem) for each entry that could not be read."""
        from pybtex.scanner import PybtexSyntaxError

        text = self.text
        entries: list[_Entry] = []
        errors: list[tuple[int, str | None, str]] = []
        pos, line, line_pos = 0, 1, 0
        previous: _Entry | None = None
        while True:
            at = text.find("@", pos)
            if at < 0:
                self._check_gap(previous, pos, len(text))
                break
            line += text.count("\n", line_pos, at)
            line_pos = at
            start_of_line = text.rfind("\n", 0, at) + 1
            if "%" in text[start_of_line:at] or not _HEAD.match(text, at):
                pos = at + 1  # commented out, or an "@" in text between entries
                continue
            self._check_gap(previous, pos, at)
            self.undefined = []
            try:
                entry, end = self.command(at, line)
            except (_Unreadable, IndexError):
                try:
                    entry, end = self.pybtex_command(at, line)
                except PybtexSyntaxError as exc:
                    errors.append((line, self._pybtex.current_entry_key, _describe(exc)))
                    resume = _LINE_HEAD.search(text, at + 1)
                    if resume is None:
                        break
                    pos = resume.start()
                    previous = None
                    continue
            if entry is not None:
                if self.undefined:
                    undefined = sorted(set(self.undefined))
                    entry.warnings.append(msg("undefined @string macro {names}, kept as written", names=undefined[0])
                                          if len(undefined) == 1 else
                                          msg("undefined @string macros {names}, kept as written",
                                              names=", ".join(undefined)))
                entries.append(entry)
                previous = entry
            pos = end
        return entries, errors

    def _check_gap(self, previous: _Entry | None, start: int, end: int) -> None:
        """Field-like text after an entry's end means a brace closed the entry too early."""
        if previous is not None and end > start and _FIELD_LIKE.search(self.text, start, end):
            previous.warnings.append(msg(
                "text that looks like fields follows the entry's closing brace and was ignored "
                "(an extra '}' in a value?)"
            ))


def _describe(exc: Any) -> str:
    """pybtex's syntax error as a message that says what to look for."""
    from pybtex.scanner import PrematureEOF

    if isinstance(exc, PrematureEOF):
        return msg("the entry is not closed before the end of the file; look for a '{' or '\"' without its partner")
    message = exc.args[0] if exc.args else str(exc)
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return msg("{problem} in line {line}; check for a missing comma, quote or unbalanced braces",
                   problem=message, line=lineno)
    return msg("{problem}; check for a missing comma, quote or unbalanced braces", problem=message)


def _make_pybtex_parser(text: str, scanner: _Scanner) -> Any:
    from pybtex.database.input.bibtex import LowLevelParser

    class _Parser(LowLevelParser):  # type: ignore[misc]
        def substitute_macro(self, name: str) -> str:
            value = scanner.macros.get(name.lower())
            if value is None:
                scanner.undefined.append(name)
                return name
            return value

        def parse_string_body(self, body_end: Any) -> None:
            self.current_field_name = self.required([self.NAME]).value
            self.required([self.EQUALS])
            self.parse_value()
            scanner.macros[self.current_field_name.lower()] = "".join(self.current_value)

    return _Parser(text, macros={})


# ---------------------------------------------------------------------------
# Crossref

# A child keeps its own titles, key and language (its title tells its language).
_NOT_INHERITED = frozenset(
    {
        "title",
        "subtitle",
        "titleaddon",
        "shorttitle",
        "sorttitle",
        "ids",
        "crossref",
        "key",
        "indextitle",
        "label",
        "langid",
        "language",
        "hyphenation",
        "title_id",
        "title_en",
        "abstract",
        "abstract_id",
        "abstract_en",
        "origtitle",
        "translatedtitle",
    }
)
_CONTAINERS = frozenset({"booktitle", "journal", "journaltitle"})


def _inherit(entries: list[_Entry]) -> None:
    by_key: dict[str, _Entry] = {}
    for entry in entries:
        if entry.key:
            by_key.setdefault(entry.key.lower(), entry)
    for entry in entries:
        names = {name for name, _ in entry.fields}
        parent_key = next((value for name, value in entry.fields if name == "crossref"), "")
        if not parent_key:
            continue
        parent = by_key.get(parent_key.strip().lower())
        if parent is None or parent is entry:
            entry.warnings.append(msg("crossref '{key}' is not in the file", key=parent_key.strip()))
            continue
        if not names & _CONTAINERS:
            parent_fields = dict(parent.fields)
            container = parent_fields.get("title") or next(
                (parent_fields[n] for n in ("booktitle", "journal", "journaltitle") if parent_fields.get(n)),
                "",
            )
            if container:
                entry.fields.append(("booktitle", container))
                names.add("booktitle")
        for name, value in parent.fields:
            if name not in names and name not in _NOT_INHERITED and name not in _CONTAINERS:
                entry.fields.append((name, value))
                names.add(name)


# ---------------------------------------------------------------------------
# Entry -> Paper

_TYPE_ALIASES = {"conference": "inproceedings", "electronic": "online", "www": "online", "webpage": "online"}
# Entry types that are part of a larger work: their booktitle is the container (also for the exporter).
IN_TYPES = frozenset(
    {"inproceedings", "incollection", "inbook", "inreference", "bookinbook", "suppbook", "suppcollection"}
)
_WHOLE_TYPES = frozenset(
    {
        "book",
        "collection",
        "proceedings",
        "mvbook",
        "mvcollection",
        "mvproceedings",
        "reference",
        "mvreference",
        "periodical",
    }
)
# Fields whose values are URLs, identifiers or paths, not LaTeX (also for the exporter).
VERBATIM_FIELDS = frozenset(
    {
        "url",
        "doi",
        "file",
        "eprint",
        "pdf",
        "pmid",
        "pmcid",
        "arxivid",
        "urldate",
        "bdsk-file-1",
        "bdsk-file-2",
        "adsurl",
        "biburl",
        "localfile",
    }
)
_TITLE_ALTERNATES = ("titleaddon", "origtitle", "translatedtitle", "titletranslation", "title-translation")
_LANGUAGE_FIELDS = ("langid", "language", "hyphenation")


@lru_cache(maxsize=65536)
def _text_cached(raw: str) -> str:
    return clean_line(latex_to_unicode(raw))


def _text(raw: str) -> str:
    """A one-line field's raw LaTeX as clean text (short values, which repeat, are cached)."""
    if len(raw) < 160:
        return _text_cached(raw)
    return clean_line(latex_to_unicode(raw))


def _field_text(name: str, raw: str) -> str:
    if name in VERBATIM_FIELDS or "url" in name:
        return verbatim(" ".join(raw.split()))
    if name in ("abstract", "annotation", "annote", "note") and "\n" in raw:
        return clean_paragraphs(latex_to_unicode(raw))
    return _text(raw)


def parse_file_field(raw: str) -> list[str]:
    """Paths in a ``file`` field: Zotero "desc:path:mime", JabRef ":path:PDF", Mendeley, plain paths.

    Several files are separated by ";"; "\\:" and "\\;" are escaped separators
    and Mendeley writes backslashes as "$\\backslash$".
    """
    raw = raw.replace("$\\backslash$:", "\ue003").replace("$\\backslash$", "\ue000").replace("\\\\", "\ue000")
    raw = raw.replace("\\:", "\ue003").replace("\\;", "\ue004")
    paths = []
    for item in raw.split(";"):
        item = item.strip()
        if not item:
            continue
        parts = item.split(":")
        if len(parts) >= 3:
            path = ":".join(parts[1:-1])
        elif len(parts) == 2:
            if len(parts[0]) == 1 and parts[0].isalpha():  # "C:\x.pdf"
                path = item
            else:
                path = parts[1] or parts[0]
        else:
            path = item
        path = verbatim(path.replace("\ue003", ":").replace("\ue004", ";")).replace("\ue000", "\\")
        if path:
            paths.append(path)
    return paths


def _join_subtitle(title: str, subtitle: str) -> str:
    if not subtitle:
        return title
    if not title:
        return subtitle
    return f"{title} {subtitle}" if title[-1] in ":.?!" else f"{title}: {subtitle}"


_DASHES = re.compile(r"\s*(?:-{1,3}|–|—)\s*")


def _pages(raw: str) -> str:
    return _DASHES.sub("-", _text(_DASHES.sub("-", raw)))


def _pick(fields: dict[str, str], names: tuple[str, ...]) -> tuple[str, str]:
    for name in names:
        value = fields.get(name)
        if value is not None and value.strip():
            return name, value
    return "", ""


def _entry_to_paper(entry: _Entry, source: str) -> Paper:
    fields: dict[str, str] = {}
    warnings = list(entry.warnings)
    for name, value in entry.fields:
        if name in fields:
            if fields[name].strip() == value.strip():
                continue
            alt, n = f"{name}-2", 2
            while alt in fields:
                n += 1
                alt = f"{name}-{n}"
            warnings.append(msg("field '{name}' appears twice; the second is kept as '{alt}'", name=name, alt=alt))
            fields[alt] = value
        else:
            fields[name] = value
    entry_type = _TYPE_ALIASES.get(entry.entry_type, entry.entry_type)
    paper = Paper(
        entry_type=entry_type,
        key=(entry.key or "").strip(),
        source_format=NAME,
        source_name=source,
        source_record=(entry.key or "").strip() or f"line {entry.line}",
    )
    take = fields.pop

    paper.title = _join_subtitle(_text(take("title", "")), _text(take("subtitle", "")))
    if not paper.title and entry_type in _WHOLE_TYPES and fields.get("booktitle"):
        paper.title = _text(take("booktitle"))
    for role in ("author", "editor"):
        raw = take(role, "")
        if raw.strip():
            people, truncated = parse_bibtex_name_list(raw, latex_to_unicode)
            setattr(paper, f"{role}s", people)
            if role == "author":
                paper.authors_truncated = truncated
            elif truncated:
                paper.extra["editors_truncated"] = "yes"
    order = (
        ("booktitle", "journal", "journaltitle")
        if entry_type in IN_TYPES
        else ("journal", "journaltitle", "booktitle")
    )
    name, raw = _pick(fields, order)
    if name:
        paper.journal = _text(take(name))
    for attr, names in (
        ("volume", ("volume",)),
        ("issue", ("number", "issue")),
        ("publisher", ("publisher",)),
        ("isbn", ("isbn",)),
        ("issn", ("issn",)),
        ("note", ("note",)),
    ):
        name, raw = _pick(fields, names)
        if name:
            setattr(paper, attr, _field_text(name, take(name)))
    if paper.journal and not paper.volume and not paper.issue:
        paper.journal, paper.volume, paper.issue = split_container(paper.journal)
    if fields.get("pages", "").strip():
        paper.pages = _pages(take("pages"))
    if fields.get("doi", "").strip():
        paper.doi = normalize_doi(verbatim(take("doi")))
    if fields.get("url", "").strip():
        urls = verbatim(take("url")).split()
        paper.url = urls[0]
        if len(urls) > 1:
            fields["url-2"] = " ".join(urls[1:])
    if fields.get("file", "").strip():
        paper.attachments = parse_file_field(take("file"))
    if fields.get("abstract", "").strip():
        paper.abstract = clean_paragraphs(latex_to_unicode(take("abstract")))
    if fields.get("keywords", "").strip():
        paper.keywords = split_keywords(_text(take("keywords")))
    _set_dates(paper, fields, warnings)

    declared = ""
    for name in _LANGUAGE_FIELDS:
        if fields.get(name, "").strip():
            code = language_code(_text(fields[name]))
            if code:
                declared = code
                del fields[name]
                break
    explicit: dict[str, Any] = {}
    for name in ("title_id", "title_en", "abstract_id", "abstract_en"):
        if fields.get(name, "").strip():
            raw = take(name)
            explicit[name] = (
                clean_paragraphs(latex_to_unicode(raw)) if name.startswith("abstract") else _text(raw)
            )
    for name in ("keywords_id", "keywords_en"):
        if fields.get(name, "").strip():
            explicit[name] = split_keywords(_text(take(name)))
    alternates = {name: _text(fields[name]) for name in _TITLE_ALTERNATES if fields.get(name, "").strip()}
    used = settle_languages(paper, declared, explicit, alternates)
    for name in used:
        fields.pop(name, None)

    for name, raw in fields.items():
        value = _field_text(name, raw)
        if value:
            paper.extra[name] = value
    _web_of_science_origin(paper)
    if not paper.title:
        warnings.append(msg("no title"))
    paper.warnings = warnings
    return paper


def _web_of_science_origin(paper: Paper) -> None:
    """A Web of Science BibTeX export (``Unique-ID = {WOS:...}``) names its database, record id and
    times cited, as the tab-delimited export does; the fields stay in ``extra`` too."""
    record = {k.lower(): v for k, v in paper.extra.items()}
    unique = record.get("unique-id", "")
    if not unique.upper().startswith("WOS:"):
        return
    paper.origin.update({"database": "Web of Science", "source": "wos-bibtex", "record_id": unique})
    if record.get("times-cited", "").strip().isdigit():
        paper.origin["cited_by"] = record["times-cited"].strip()


def _set_dates(paper: Paper, fields: dict[str, str], warnings: list[str]) -> None:
    year_text = _text(fields.get("year", ""))
    date_text = _text(fields.get("date", ""))
    year_from_field = parse_year(year_text) if year_text else None
    if date_text:
        year, date = parse_date(date_text)
        if date:
            paper.date = date
            del fields["date"]
        paper.year = year_from_field or year
    else:
        paper.year = year_from_field
        if paper.year:
            paper.date = str(paper.year)
            month = month_number(_text(fields.get("month", "")))
            if month:
                paper.date += f"-{month:02d}"
                del fields["month"]
                day_text = _text(fields.get("day", ""))
                if day_text.isdigit() and 1 <= int(day_text) <= 31:
                    paper.date += f"-{int(day_text):02d}"
                    del fields["day"]
    if year_text:
        if year_from_field is not None and year_text == str(year_from_field):
            del fields["year"]
        elif year_from_field is None:
            warnings.append(msg("year '{year}' is not a year; kept in extra", year=year_text))


_DECLARED_ENCODING = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*%\s*Encoding:\s*([A-Za-z0-9._-]+)", re.IGNORECASE)


def _file_text(data: bytes, name: str) -> str:
    """The file's text: in the encoding JabRef's "% Encoding: ..." header names, else detected."""
    import codecs

    declared = _DECLARED_ENCODING.match(data[:200])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            if encoding != "utf-8":
                return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)[0]


def read(data: bytes, name: str) -> ImportResult:
    """Parse a BibTeX/BibLaTeX file's bytes into Papers, one per entry.

    Entries that cannot be read are ``result.errors`` ("<file> line N: entry
    '<key>': <problem>"); problems with a readable entry (duplicate key,
    undefined macro, a year that is not one) are that paper's ``warnings``,
    each starting with the entry's line.
    """
    errors, papers = read_lazily(data, name)
    return ImportResult(papers=list(papers), errors=errors)


def read_lazily(data: bytes, name: str) -> tuple[list[str], Iterator[Paper]]:
    """Like :func:`read`, but the papers come one at a time as they are converted.

    The whole file is scanned first, so every error about the file as a whole
    (ImportFailed) is raised here, before the first paper.
    """
    text = _file_text(data, name)
    scanner = _Scanner(text)
    entries, problems = scanner.entries()
    if not entries and not problems:
        raise ImportFailed(name, msg("no BibTeX entries found"))
    _inherit(entries)
    errors = [msg("{name} line {line}: entry '{key}': {problem}", name=name, line=line, key=key or msg("(no key)"),
                  problem=problem) for line, key, problem in problems]
    return errors, _convert(entries, PurePath(name).name)


def _convert(entries: list[_Entry], source: str) -> Iterator[Paper]:
    seen: dict[str, int] = {}
    for entry in entries:
        paper = _entry_to_paper(entry, source)
        if paper.key:
            folded = paper.key.lower()
            if folded in seen:
                paper.warnings.append(msg("duplicate key '{key}' (also at line {line}); both kept", key=paper.key,
                                          line=seen[folded]))
            else:
                seen[folded] = entry.line
        paper.warnings = [msg("line {line}: {message}", line=entry.line, message=warning)
                          for warning in paper.warnings]
        yield paper
