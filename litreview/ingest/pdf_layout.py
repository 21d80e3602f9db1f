"""The visual lines of a PDF page, read from PDFium's characters, and the small
helpers the first-page finders share to read them.

A line is a run of characters sharing a baseline band, split at wide gaps
(columns), with its dominant font size and box; small (superscript) characters
are marked, so footnote marks next to names and titles can be told apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from litreview.text.clean import clean_field
from litreview.text.sections import detect_sections

_Char = tuple[str, float, float, float, float, float]  # (char, size, x0, top, x1, bottom); size 0: space
_SPACE: _Char = (" ", 0.0, 0.0, 0.0, 0.0, 0.0)


@dataclass
class Line:
    """One visual line of a page: its text, dominant font size and box
    (top-down coordinates). Small (superscript) characters are replaced by "|"
    in ``marked`` and left out of ``plain`` unless they are letters."""

    text: str
    marked: str
    plain: str
    size: float
    top: float
    bottom: float
    x0: float
    x1: float
    weight: int = 0  # visible characters
    vertical: bool = False


def page_lines(textpage: Any, height: float) -> list[Line]:
    """The visual lines of a PDFium text page of ``height`` points, top to bottom."""
    return _rows_to_lines(_fragments(textpage, height))


@dataclass
class _Fragment:
    chars: list[_Char]
    rotated: bool
    size: float
    top: float
    bottom: float
    x0: float
    x1: float


def _fragments(textpage: Any, height: float) -> list[_Fragment]:
    """Runs of characters on one line, with font size and boxes. PDFium's line
    breaks end a run, and so does a jump to another line it did not mark.

    A page's first lines are read character by character (a few thousand calls into PDFium), so
    the run being built lives in local variables rather than in an object."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    matrix = pdfium_c.FS_MATRIX()
    box = pdfium_c.FS_RECTF()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    fragments: list[_Fragment] = []
    chars: list[_Char] = []  # the run being built
    last: _Char | None = None  # its last character (not a space)
    run_rotated = False
    # The font size costs two calls; a character whose font box has the same
    # height as the one before has the same size, so it is looked up on change only.
    box_height, size, rotated = -1.0, 0.0, False
    count = pdfium_c.FPDFText_CountChars(raw)
    i = 0
    while i < count:
        code = get_unicode(raw, i)
        step = 1
        if code == 10 or code == 13:
            _close_fragment(chars, fragments, run_rotated)
            chars, last = [], None
            i += 1
            continue
        if 0xD800 <= code < 0xDC00 and i + 1 < count:  # a surrogate pair is one character
            low = get_unicode(raw, i + 1)
            char = chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) if 0xDC00 <= low < 0xE000 else ""
            step = 2
        else:
            char = (
                "-" if code == 0xFFFE else chr(code) if 0 < code < 0xD800 or 0xE000 <= code < 0x110000 else ""
            )
        if not char or char.isspace():
            if chars and chars[-1][0] != " ":
                chars.append(_SPACE)
        else:
            get_box(raw, i, box)
            top, bottom = box.top, box.bottom
            if abs((top - bottom) - box_height) > 0.01:
                box_height = top - bottom
                pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
                size = round(pdfium_c.FPDFText_GetFontSize(raw, i) * scale, 1)
                rotated = abs(matrix.b) > abs(matrix.a)
            item = (char, size, box.left, height - top, box.right, height - bottom)
            if last is not None:
                # Same top and moving right: the same line (the common case, decided cheaply).
                moved = item[3] != last[3] or item[2] < last[2]
                if rotated != run_rotated or (moved and not rotated and _new_line(last, item)):
                    _close_fragment(chars, fragments, run_rotated)
                    chars, last = [], None
            if last is None:
                run_rotated = rotated
            chars.append(item)
            last = item
        i += step
    _close_fragment(chars, fragments, run_rotated)
    return fragments


def _new_line(prev: _Char, char: _Char) -> bool:
    """Is ``char`` on another line than ``prev`` (no vertical overlap, or far back left)?"""
    overlap = min(prev[5], char[5]) - max(prev[3], char[3])
    if overlap < 0.3 * min(prev[5] - prev[3], char[5] - char[3]):
        return True
    return char[2] < prev[2] - 3 * max(prev[1], char[1], 1.0)


def _dominant_size(chars: list[_Char]) -> float:
    sizes = Counter(c[1] for c in chars if c[1] > 0)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0] if sizes else 0.0


def _close_fragment(chars: list[_Char], fragments: list[_Fragment], rotated: bool) -> None:
    visible = [c for c in chars if c[1] > 0]
    if not visible:
        return
    while chars and chars[-1][0] == " ":
        chars = chars[:-1]
    fragments.append(
        _Fragment(
            chars=chars,
            rotated=rotated,
            size=_dominant_size(visible),
            top=min(c[3] for c in visible),
            bottom=max(c[5] for c in visible),
            x0=min(c[2] for c in visible),
            x1=max(c[4] for c in visible),
        )
    )


def _rows_to_lines(fragments: list[_Fragment]) -> list[Line]:
    """Group fragments that share a baseline band into rows, then split rows at
    wide gaps (columns) into lines. Rotated text stays on lines of its own."""
    rows: list[list[_Fragment]] = [[f] for f in fragments if f.rotated]
    for frag in sorted((f for f in fragments if not f.rotated), key=lambda f: (f.top, f.x0)):
        target = None
        for row in rows[-4:]:
            if row[0].rotated:
                continue
            main = max(row, key=lambda f: f.size)
            overlap = min(main.bottom, frag.bottom) - max(main.top, frag.top)
            if overlap >= 0.5 * min(main.bottom - main.top, frag.bottom - frag.top):
                target = row
        if target is None:
            rows.append([frag])
        else:
            target.append(frag)
    lines = []
    for row in rows:
        row.sort(key=lambda f: f.x0)
        group = [row[0]]
        for frag in row[1:]:
            size = max(f.size for f in group)
            gap = frag.x0 - group[-1].x1
            # A wide gap is a column break; so is a narrower one where the type
            # size changes (a large title beside a column of body text).
            sizes = (group[-1].size, frag.size)
            if gap > 1.0 * max(size, frag.size) or (max(sizes) > 1.5 * min(sizes) and gap > min(sizes)):
                lines.append(_make_line(group))
                group = []
            group.append(frag)
        lines.append(_make_line(group))
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return lines


def _make_line(group: list[_Fragment]) -> Line:
    chars: list[_Char] = []
    for frag in group:
        if chars and chars[-1][0] != " " and frag.chars[0][0] != " ":
            last_right = max(c[4] for c in chars if c[1] > 0)
            if frag.x0 - last_right > 0.15 * frag.size:
                chars.append(_SPACE)
        chars.extend(frag.chars)
    size = _dominant_size(chars)
    small = [0 < c[1] < 0.8 * size for c in chars]
    text = "".join(c[0] for c in chars)
    marked = "".join("|" if is_small else c[0] for c, is_small in zip(chars, small, strict=True))
    plain = "".join(c[0] for c, is_small in zip(chars, small, strict=True) if not is_small or c[0].isalpha())
    return Line(
        text=" ".join(text.split()),
        marked=" ".join(marked.split()),
        plain=" ".join(plain.split()),
        size=size,
        top=min(f.top for f in group),
        bottom=max(f.bottom for f in group),
        x0=min(f.x0 for f in group),
        x1=max(f.x1 for f in group),
        weight=sum(1 for c in chars if c[1] > 0),
        vertical=any(f.rotated for f in group),
    )


# --------------------------------------------------------------------------- reading lines

LETTER = re.compile(r"[^\W\d_]")
_WORD_RUN = re.compile(r"[^\W\d_]+")


def letters(text: str) -> int:
    return len(LETTER.findall(text))


def has_letters(text: str, count: int) -> bool:
    """Does ``text`` hold at least ``count`` letters? (Stops counting there.)"""
    seen = 0
    for word in _WORD_RUN.finditer(text):
        seen += len(word.group())
        if seen >= count:
            return True
    return False


@lru_cache(maxsize=4096)
def is_heading(text: str) -> bool:
    return bool(detect_sections(text))


def join_lines(texts: list[str]) -> str:
    """Lines joined into one field; a line ending in a hyphen runs on."""
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith("-") and not out.endswith(" -"):
            out += text
        else:
            out += " " + text
    out = re.sub(r"\(\s+", "(", out)
    return clean_field(re.sub(r"\s+\)", ")", out))


def despace(text: str) -> str:
    """A letter-spaced line read back as words: "J u r n a l I D E A L I S V o l . 1
    N o . 3 , J u l i 2 0 1 8" gives "Jurnal IDEALIS Vol.1 No.3, Juli 2018". Other
    lines are returned as they are."""
    tokens = text.split()
    if len(tokens) < 8 or sum(len(t) == 1 for t in tokens) < 0.7 * len(tokens):
        return text
    out = re.sub(r"(?<!\S)(\S)(?: (?=\S(?:\s|$)))", r"\1", text + " ").strip()
    out = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", out)
    out = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])|(?<=,)(?=\S)", " ", out)
    return " ".join(out.split())


def _despaced(line: Line) -> Line:
    text = line.text if line.vertical else despace(line.text)
    return line if text == line.text else replace(line, text=text)


def edge_lines(lines: list[Line], height: float, skip: set[int]) -> list[Line]:
    """Lines in the banner or footer zone (and rotated margin stamps), headers
    first; a letter-spaced line is read back as words."""
    edge = [
        _despaced(line)
        for i, line in enumerate(lines)
        if i not in skip and (line.top < 0.15 * height or line.bottom > 0.85 * height or line.vertical)
    ]
    return sorted(edge, key=lambda line: line.top > 0.5 * height)
