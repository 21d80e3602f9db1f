"""Repair and normalise text from any source: mojibake, Unicode form, whitespace, hyphens."""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Repair encoding damage only: keep curly quotes and the rest of the author's typography.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC")

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# A word broken at a line end: "pemi-\nlihan" -> "pemilihan". Only lower-case
# continuations, so "Jawa-\nBarat" style compounds and list dashes survive.
_HYPHEN_BREAK = re.compile(r"(\w)[-\u2010\u2011]\n[ \t]*([a-z\u00e0-\u024f])")


# "Â" left over from a UTF-8 no-break space read as Latin-1 whose second byte was
# lost or turned into a plain space: "PustakaÂ", "dunia.Â ". Not a letter of
# Indonesian or English, so one standing before a space or line end goes.
_STRAY_A_CIRCUMFLEX = re.compile(r"\u00c2(?=[\s\u00a0]|$)")


def repair(text: str) -> str:
    """Fix mojibake ("Â" before a no-break space, "â€™") and return NFC text."""
    if not text:
        return ""
    fixed = ftfy.fix_text(text, config=_FTFY)
    fixed = _STRAY_A_CIRCUMFLEX.sub("", fixed)
    return unicodedata.normalize("NFC", fixed)


def clean_text(text: str) -> str:
    """Clean a multi-line body: repair, drop control and zero-width characters,
    fold runs of spaces, strip line ends, keep at most one blank line."""
    text = repair(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def clean_field(value: str) -> str:
    """Clean a one-line metadata value (title, journal, name): all whitespace folded."""
    text = _ZERO_WIDTH.sub("", repair(value))
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def join_hyphenated(text: str) -> str:
    """Join words hyphenated across line ends ("kam-\\npanye" -> "kampanye")."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)
