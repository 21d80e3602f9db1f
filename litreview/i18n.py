"""The interface language: English, or Indonesian with ``--lang id`` / ``LITREVIEW_LANG=id``.

Messages are written in English in the code and passed through :func:`tr`, which looks the
English template up in the Indonesian catalogue (:mod:`litreview.i18n_id`) when the language is
Indonesian. A message with a count gives its English plural as well::

    tr("{n} paper tagged", "{n} papers tagged", n=3)

Indonesian does not inflect for number, so the catalogue has one form per message. A template
missing from the catalogue falls back to English (``tests/test_i18n.py`` checks that every
template in the code has its entry).

Messages that outlive the command which made them, or are made where the language is not known,
are kept in English and translated when shown. An importer's warnings are stored with the paper
(``Paper.warnings``), a file's failure reason is made in a worker process, a duplicate's reason is
stored with the pair; they are written with :func:`msg` (which only formats the English template)
and shown through :func:`localize`, which, in Indonesian, matches the text against the English
templates of :data:`litreview.i18n_id.MESSAGES` and gives their Indonesian form, the captured
values themselves translated when they are messages too ("line 12: year 'x' is not a year"),
and the prefix before ": " (a file, a record) likewise. Text that matches no template is shown as
it is. This keeps the stored data one language whatever the interface speaks, so a corpus made
before the Indonesian interface (or in English) shows its warnings in Indonesian too, a corpus
shared between an English and an Indonesian user says the same thing to both, and a template
added later translates old warnings as well; storing template and values instead would need a
migration of every paper's warnings and a second form of each message kept in step.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

LANGS = ("en", "id")
ENV = "LITREVIEW_LANG"

_current: str | None = None


def normalize(value: str | None) -> str | None:
    """``"ID"``, ``"id-ID"``, ``"Indonesian"``, ``"bahasa"`` -> ``"id"``; unknown -> None."""
    if not value:
        return None
    low = value.strip().lower().replace("_", "-")
    if low in ("id", "in", "ind", "indonesia", "indonesian", "bahasa", "bahasa-indonesia") or low.startswith("id-"):
        return "id"
    if low in ("en", "eng", "english", "inggris") or low.startswith("en-"):
        return "en"
    return None


def _from_argv(argv: list[str]) -> str | None:
    """The value of a ``--lang`` option on the command line, read before Typer parses it
    (help texts are made when the commands are defined)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return normalize(argv[i + 1])
        if arg.startswith("--lang="):
            return normalize(arg.split("=", 1)[1])
    return None


def lang() -> str:
    """The language now in use: set by a command's ``--lang``, else ``$LITREVIEW_LANG``, else English."""
    if _current is not None:
        return _current
    return normalize(os.environ.get(ENV)) or "en"


def set_lang(value: str | None) -> None:
    """Use ``value`` ("en"/"id", any case) from now on; None goes back to the environment's."""
    global _current
    _current = normalize(value) if value else None


def language_of_args(args: list[str]) -> str:
    """The language a command line asks for: its ``--lang``, else the environment's, else English."""
    return _from_argv(list(args)) or normalize(os.environ.get(ENV)) or "en"


def tr(text: str, plural: str | None = None, /, *, n: int | None = None, **values: object) -> str:
    """``text`` (or ``plural`` when ``n`` is not 1) in the current language, formatted with
    ``n`` and ``values``."""
    return translate(lang(), text, plural, n=n, **values)


def translate(language: str, text: str, plural: str | None = None, /, *, n: int | None = None,
              **values: object) -> str:
    template = text
    if language == "id":
        from litreview.i18n_id import CATALOG

        template = CATALOG.get(text, text if plural is None or n == 1 else plural)
    elif plural is not None and n != 1:
        template = plural
    if n is None and not values:
        return template
    return template.format(n=n, **values)


def msg(template: str, /, **values: object) -> str:
    """An English message kept as data (a warning stored with a paper, a failure reason): the
    template formatted with ``values``. The template is in :data:`litreview.i18n_id.MESSAGES`;
    :func:`localize` translates the text when it is shown."""
    return template.format(**values) if values else template


def localize(text: str) -> str:
    """``text`` (made by :func:`msg`, possibly after a "file: record: " prefix) in the current
    language; unchanged in English and when no template matches it."""
    if lang() != "id" or not text:
        return text
    return _localize(text)


_FIELD = re.compile(r"{(\w*)}")
# Placeholders that hold a message (or a "; "-separated list of them): their value may hold ": " and
# "; ". Any other value (a file name, a key, a number) holds neither, so that "{name}: record {record}"
# does not swallow the message after the label.
MESSAGE_FIELDS = frozenset({"message", "problem", "reason", "place", "fields", "similar", "difference", "text"})
_ANY = "(.*?)"
_PART = "((?:(?!: |; ).)*?)"
_DEPTH = 4  # messages inside messages inside messages: as deep as any the code makes


class _Template:
    """One English template of MESSAGES, ready to be recognised: its fixed pieces (each must be in a
    text it matches; checking them first skips a regular expression for all but a few templates),
    and the expression with one group per placeholder."""

    __slots__ = ("indonesian", "names", "pieces", "prefix", "suffix", "pattern", "rank")

    def __init__(self, english: str, indonesian: str, rank: int):
        self.indonesian, self.rank = indonesian, rank
        self.names = _FIELD.findall(english)
        split = _FIELD.split(english)  # literal, name, literal, name, ..., literal
        literals = split[0::2]
        self.prefix, self.suffix = literals[0], literals[-1] if self.names else ""
        self.pieces = sorted((piece for piece in literals[1:-1] if piece), key=len, reverse=True)
        body = "".join(re.escape(piece) if i % 2 == 0 else _ANY if piece in MESSAGE_FIELDS else _PART
                       for i, piece in enumerate(split))
        self.pattern = re.compile(body, re.DOTALL)

    def match(self, text: str) -> re.Match[str] | None:
        if not text.startswith(self.prefix) or not text.endswith(self.suffix):
            return None
        if any(piece not in text for piece in self.pieces):
            return None
        return self.pattern.fullmatch(text)


@lru_cache(maxsize=1)
def _matcher() -> tuple[dict[str, list[_Template]], dict[str, list[_Template]], list[_Template]]:
    """The templates of MESSAGES, filed by the first two characters of their fixed beginning, else
    by the last two of their fixed end, else kept for every text; each list in order of precision,
    the templates with the most fixed text first, so that "line {line}: {message}" is tried after
    every more precise template."""
    from litreview.i18n_id import MESSAGES

    def fixed(template: str) -> int:
        return len(_FIELD.sub("", template))

    by_start: dict[str, list[_Template]] = {}
    by_end: dict[str, list[_Template]] = {}
    always: list[_Template] = []
    ranked = sorted(MESSAGES.items(), key=lambda item: (-fixed(item[0]), item[0]))
    for rank, (english, indonesian) in enumerate(ranked):
        template = _Template(english, indonesian, rank)
        if len(template.prefix) >= 2:
            by_start.setdefault(template.prefix[:2], []).append(template)
        elif len(template.suffix) >= 2:
            by_end.setdefault(template.suffix[-2:], []).append(template)
        else:
            always.append(template)
    return by_start, by_end, always


def _candidates(text: str) -> list[_Template]:
    by_start, by_end, always = _matcher()
    found = [*by_start.get(text[:2], ()), *by_end.get(text[-2:], ()), *always]
    return sorted(found, key=lambda template: template.rank)


@lru_cache(maxsize=4096)
def _localize(text: str, depth: int = 0) -> str:
    whole = _whole(text, depth)
    if whole is not None:
        return whole
    at = text.find(": ")
    while at != -1:  # "file.bib: record #3: <message>": the prefix is a label, itself maybe translatable
        tail = _whole(text[at + 2:], depth)
        if tail is not None:
            return _localize(text[:at], depth + 1) + ": " + tail
        at = text.find(": ", at + 2)
    return text


def _whole(text: str, depth: int) -> str | None:
    """The translation of ``text`` when one template matches it from end to end, else None."""
    if depth > _DEPTH:
        return None
    for template in _candidates(text):
        found = template.match(text)
        if found is None:
            continue
        if not template.names:
            return template.indonesian
        values = {name: _value(found.group(i + 1), depth + 1) for i, name in enumerate(template.names)}
        translated = template.indonesian.format(**values)
        return None if translated == text else translated
    return None


def _value(value: str, depth: int) -> str:
    """A placeholder's value: translated when it is a message (or a "; "-separated list of them)."""
    whole = _whole(value, depth)
    if whole is not None:
        return whole
    if "; " in value:
        parts = value.split("; ")
        translated = [_whole(part, depth) for part in parts]
        if any(t is not None for t in translated):
            return "; ".join(t if t is not None else part for t, part in zip(translated, parts, strict=True))
    return value
