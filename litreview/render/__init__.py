"""Renderers: one module per output format, each turning a list of ``Table`` into bytes.

``render(tables, fmt)`` picks the module by name and imports it only then, so importing
this package stays cheap (python-docx, openpyxl and rich are imported by the modules that
need them, inside their functions). Every renderer has the signature
``render_<fmt>(tables, **options) -> bytes`` and ignores options it has no use for.

The small helpers below are shared by the format modules: cleaning text of characters no
output format wants, splitting a cell into marked and unmarked pieces, and making zip
archives (docx, xlsx) byte-for-byte reproducible.
"""

from __future__ import annotations

import importlib
import io
import math
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from litreview.errors import UsageError
from litreview.i18n import tr
from litreview.text.clean import CONTROL_RE

if TYPE_CHECKING:
    from litreview.synthesis.table import Cell, Column, Table

FORMATS: tuple[str, ...] = ("terminal", "markdown", "csv", "json", "latex", "html", "docx", "xlsx")

# format -> (module in this package, function); csv and json carry a suffix so that the
# module names never read like the standard library's.
_RENDERERS: dict[str, tuple[str, str]] = {
    "terminal": ("terminal", "render_terminal"),
    "markdown": ("markdown", "render_markdown"),
    "csv": ("csv_render", "render_csv"),
    "json": ("json_render", "render_json"),
    "latex": ("latex", "render_latex"),
    "html": ("html", "render_html"),
    "docx": ("docx", "render_docx"),
    "xlsx": ("xlsx", "render_xlsx"),
}

_SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".tex": "latex",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".txt": "terminal",
}


def format_for_path(path: Path) -> str | None:
    """The format an output file's suffix asks for (case-insensitive), or None when unknown."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def render(tables: list[Table], fmt: str, *, width: int = 100, color: bool = False, **options: object) -> bytes:
    """Render ``tables`` in format ``fmt`` (one of ``FORMATS``). ``width`` and ``color`` matter
    for the terminal format only; other ``options`` go to the format's renderer (docx and xlsx:
    ``page``, a ``PageSetup``; docx: ``first_number`` of the captions; latex: ``bib``, the
    name of the .bib file the citations come from)."""
    try:
        module_name, function_name = _RENDERERS[fmt]
    except KeyError:
        raise UsageError(tr("unknown output format {fmt}; use one of: {formats}", fmt=repr(fmt),
                               formats=", ".join(FORMATS))) from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    renderer: Callable[..., bytes] = getattr(module, function_name)
    return renderer([table.materialise() for table in tables], width=width, color=color, **options)


def render_to(handle: BinaryIO, tables: list[Table], fmt: str, **options: Any) -> None:
    """Render ``tables`` as ``render`` does, writing the bytes to ``handle``. CSV is written row by
    row as a streamed table's rows are built (``Table.pending``), so a table of many papers is
    never held whole; every other format is rendered whole first (docx and xlsx build the
    document in memory, the others size their columns from every row)."""
    if fmt == "csv":
        from litreview.render.csv_render import write_csv

        write_csv(tables, handle)
        return
    handle.write(render(tables, fmt, **options))


# --- helpers shared by the format modules ---------------------------------------------------

# C0 controls except tab, newline and carriage return; DEL and the C1 controls; lone
# surrogates; the two non-characters U+FFFE and U+FFFF. None of them is legal in XML 1.0
# (docx, xlsx) or wanted in any other output, and ESC would let paper text drive a terminal.
_CONTROL_RE = CONTROL_RE
_NEWLINE_RE = re.compile(r"\r\n?")


def clean_text(text: str) -> str:
    """``text`` without control characters (tab and line breaks kept, CR LF and CR made LF)."""
    return _NEWLINE_RE.sub("\n", _CONTROL_RE.sub("", text))


def segments(cell: Cell) -> list[tuple[str, bool]]:
    """The cell's text cut at its marks: (piece, marked) pairs, cleaned with ``clean_text``.

    Marks out of range are clipped; overlapping or unordered marks are tolerated (a span
    already covered is not marked twice), so a bad mark can never lose text.
    """
    text = cell.text
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted(cell.marks):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    out: list[tuple[str, bool]] = []
    for piece, marked in pieces:
        piece = clean_text(piece)
        if piece:
            out.append((piece, marked))
    return out


def numeric_value(cell: Cell) -> float | int | None:
    """The cell's number when it has a finite one (not a bool), else None."""
    value = cell.value
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def number_text(value: float | int) -> str:
    """A number as written to machine-readable outputs (CSV fields, HTML data-value)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def is_numeric_column(table: Table, key: str, kind: str) -> bool:
    """Right-align a column when it is declared a number or all its filled cells have numbers."""
    if kind == "number":
        return True
    cells = [table.cell(row, key) for row in table.rows]
    filled = [c for c in cells if c.text.strip()]
    return bool(filled) and all(numeric_value(c) is not None for c in filled)


def alignment(table: Table, column: Column) -> str:
    """ "right" for numbers; "center" for a number column that holds symbols instead (the theme
    grid's check marks); else "left"."""
    if not is_numeric_column(table, column.key, column.kind):
        return "left"
    cells = [table.cell(row, column.key) for row in table.rows]
    if any(c.text.strip() for c in cells) and all(numeric_value(c) is None for c in cells):
        return "center"
    return "right"


FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def stable_zip(data: bytes) -> bytes:
    """The same zip archive rewritten with fixed timestamps and attributes, so that the same
    content always gives the same bytes (python-docx and openpyxl stamp the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            target.writestr(fixed, source.read(info.filename))
    return buffer.getvalue()
