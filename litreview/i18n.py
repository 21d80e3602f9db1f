"""The interface language: English, or Indonesian with ``--lang id`` / ``LITREVIEW_LANG=id``.

Messages are written in English in the code and passed through :func:`tr`, which looks the
English template up in the Indonesian catalogue (:mod:`litreview.i18n_id`) when the language is
Indonesian. A message with a count gives its English plural as well::

    tr("{n} paper tagged", "{n} papers tagged", n=3)

Indonesian does not inflect for number, so the catalogue has one form per message. A template
missing from the catalogue falls back to English (``tests/test_i18n.py`` checks that every
template in the code has its entry).
"""

from __future__ import annotations

import os

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
