"""Repair and normalise text from any source: mojibake, Unicode form, whitespace, hyphens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Control characters (tab, LF and CR excepted), lone surrogates and non-characters: never printable.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """``text`` without control characters; line breaks and tabs stay as given."""
    return CONTROL_RE.sub("", text)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# A word broken at a line end: "pemi-\nlihan" -> "pemilihan". Only lower-case
# continuations, so "Jawa-\nBarat" style compounds and list dashes survive.
_HYPHEN_BREAK = re.compile(r"(\w)[-\u2010\u2011]\n[ \t]*([a-z\u00e0-\u024f])")


# "Â" left over from a UTF-8 no-break space read as Latin-1 whose second byte was
# lost or turned into a plain space: "PustakaÂ", "dunia.Â ". Not a letter of
# Indonesian or English, so one standing before a space or line end goes.
_STRAY_A_CIRCUMFLEX = re.compile(r"\u00c2(?=[\s\u00a0]|$)")


@lru_cache(maxsize=1)
def _fixers() -> tuple[Any, Any]:
    """ftfy, loaded on first use (it is not needed to start the CLI or to compare records).
    Configured to repair encoding damage only: curly quotes and other typography stay.
    Two fixers: as configured, and with HTML unescaping off (what ftfy turns to for the
    rest of a text once a line has held a "<")."""
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC")
    plain = config._replace(unescape_html=False)
    return (lambda text: ftfy.fix_text(text, config=config)), (lambda text: ftfy.fix_text(text, config=plain))


# A line ftfy leaves as it is: printable ASCII, tabs, no "&" (which may start an HTML entity), and
# the typographic marks of running text: dashes, curly quotes, a bullet, the minus sign. None of
# these is the first character of a UTF-8 sequence misread in any encoding ftfy repairs (those
# start at a letter or symbol of U+00C2-U+00F4 in Latin-1, Windows-125x and ISO-8859-2, or at a box
# or Greek glyph in cp437; the ellipsis is one in MacRoman and is left out), nor a ligature, a wide
# form, a control or a combining mark, so ftfy returns such a line unchanged.
# ftfy fixes a text line by line, so only the other lines need it; a run of them is one call.
_NOT_PLAIN = "[^\t\n\x20-\x25\x27-\x7e\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2212]"
_NOT_PLAIN_RE = re.compile(_NOT_PLAIN)
_NOT_PLAIN_LINES = re.compile(f"(?m)(?:^[^\n]*{_NOT_PLAIN}[^\n]*(?:\n|$))+")


def _fix_text(text: str) -> str:
    """ftfy's fix_text, the same result, with plain ASCII lines passed over: ftfy changes
    nothing in them (no mojibake, entity, escape, control or width/ligature form to fix)."""
    if not _NOT_PLAIN_RE.search(text):
        return text
    fix, fix_plain = _fixers()
    first_lt = text.find("<")  # from the line holding it on, ftfy stops unescaping HTML
    out: list[str] = []
    done = 0
    for run in _NOT_PLAIN_LINES.finditer(text):
        start = run.start()
        out.append(text[done:start])
        out.append(str((fix_plain if 0 <= first_lt < start else fix)(run.group())))
        done = run.end()
    out.append(text[done:])
    return "".join(out)


def repair(text: str) -> str:
    """Fix mojibake ("Â" before a no-break space, "â€™") and return NFC text."""
    if not text:
        return ""
    fixed = _fix_text(text)
    fixed = _STRAY_A_CIRCUMFLEX.sub("", fixed)
    return unicodedata.normalize("NFC", fixed)


def clean_text(text: str) -> str:
    """Clean a multi-line body: repair, drop control and zero-width characters,
    fold runs of spaces, strip line ends, keep at most one blank line."""
    text = repair(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = CONTROL_CHARS.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def clean_field(value: str) -> str:
    """Clean a one-line metadata value (title, journal, name): all whitespace folded."""
    text = _ZERO_WIDTH.sub("", repair(value))
    text = CONTROL_CHARS.sub(" ", text)
    return " ".join(text.split())


def join_hyphenated(text: str) -> str:
    """Join words hyphenated across line ends ("kam-\\npanye" -> "kampanye")."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)
