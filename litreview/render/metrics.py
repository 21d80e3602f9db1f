"""How wide a text is when set in a given font: for laying out table columns in Word.

The widths come from the Adobe font metrics (AFM) of the PDF core fonts that matplotlib
ships: Times-Roman and Times-Bold stand for Times New Roman (and Liberation Serif, which is
made to the same widths), Helvetica for Arial and other sans-serif faces. A character the
metrics do not hold is measured by its unaccented letter ("é" as "e"), else as a wide letter,
so that an estimate errs towards too wide (a word that fits) rather than too narrow.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

_UNKNOWN = 0.72  # em: characters the metrics do not know (scripts, symbols) count as wide
_SANS_HINTS = ("arial", "helvetica", "calibri", "sans", "verdana", "tahoma", "segoe", "liberation sans", "aptos")
_GLYPHS = {  # characters beyond ASCII that tables often hold: the AFM glyph names of their widths
    "\u2013": "endash", "\u2014": "emdash", "\u2018": "quoteleft", "\u2019": "quoteright",
    "\u201c": "quotedblleft", "\u201d": "quotedblright", "\u2022": "bullet", "\u2026": "ellipsis",
    "\u00a0": "space",
}


def family_for(font_name: str) -> str:
    """"sans" for Arial-like faces, else "serif" (Times New Roman and the like)."""
    name = font_name.casefold()
    return "sans" if any(hint in name for hint in _SANS_HINTS) else "serif"


@lru_cache(maxsize=4)
def _widths(family: str, bold: bool) -> tuple[dict[str, float], dict[str, float]]:
    """(width by character, width by glyph name) in ems, read from the AFM file."""
    import matplotlib

    name = {("serif", False): "Times-Roman", ("serif", True): "Times-Bold",
            ("sans", False): "Helvetica", ("sans", True): "Helvetica-Bold"}[(family, bold)]
    path = Path(matplotlib.get_data_path()) / "fonts" / "pdfcorefonts" / f"{name}.afm"
    by_char: dict[str, float] = {}
    by_name: dict[str, float] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(part.strip().split(" ", 1) for part in line.split(";") if part.strip().count(" ") >= 1)
        width = float(fields["WX"]) / 1000
        by_name[fields.get("N", "")] = width
        code = int(fields["C"])
        if 32 <= code < 127:  # StandardEncoding agrees with ASCII here
            by_char[chr(code)] = width
    return by_char, by_name


def char_width(char: str, family: str = "serif", bold: bool = False) -> float:
    """The width of one character in ems."""
    by_char, by_name = _widths(family, bold)
    if char in by_char:
        return by_char[char]
    if char in _GLYPHS:
        return by_name.get(_GLYPHS[char], _UNKNOWN)
    base = unicodedata.normalize("NFKD", char)[:1]
    return by_char.get(base, _UNKNOWN)


def text_width(text: str, size: float, family: str = "serif", bold: bool = False) -> float:
    """The width of ``text`` (one line) in points when set at ``size`` points."""
    return sum(char_width(c, family, bold) for c in text) * size
