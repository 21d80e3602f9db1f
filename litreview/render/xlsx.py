"""Excel workbooks (openpyxl): one sheet per table.

Row 1 is the bold header, frozen, with a filter on every column, and repeated at the top of
every printed page; pages print landscape on A4 (or Letter), the columns fitted to the page's
width. Columns are as wide as their text asks (long text wraps in wide columns), and rows
are tall enough for their wrapped lines. Numbers are real numbers; text is always stored as text,
even when it starts with ``=`` (a title like ``=HYPERLINK(...)`` stays inert; such cells
also get Excel's quote prefix so that editing them does not turn them into formulas).
Totals rows follow the body in bold; the full title and the notes sit below the table.
Sheet names come from the titles (at most 31 characters, without ``[]:*?/\\``, unique).
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from litreview.render import alignment, clean_text, numeric_value, segments, stable_zip
from litreview.synthesis.table import Cell, Column, Table

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
MAX_CELL_CHARS = 32767  # Excel's limit for one cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_BAD_RE = re.compile(r"[\[\]:*?/\\]")
_LONG_WIDTH = (30, 45)  # column width range for long-text columns (printed fitted to the page)
_TEXT_WIDTH = (8, 25)


def sheet_names(titles: list[str]) -> list[str]:
    """Valid, unique (case-insensitively, as Excel compares them) sheet names for the titles."""
    names: list[str] = []
    taken: set[str] = set()
    for number, title in enumerate(titles, start=1):
        base = _SHEET_BAD_RE.sub("", clean_text(title).replace("\n", " ").replace("\t", " "))
        base = " ".join(base.split()).strip("'")[:31].strip() or f"Table {number}"
        if base.lower() == "history":  # reserved by Excel
            base = f"{base} {number}"
        name, count = base, 1
        while name.lower() in taken:
            count += 1
            suffix = f" ({count})"
            name = base[: 31 - len(suffix)].rstrip() + suffix
        taken.add(name.lower())
        names.append(name)
    return names


def render_xlsx(tables: list[Table], **options: Any) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    workbook.remove(workbook.active)
    from litreview.render.docx import PageSetup

    setup = PageSetup.from_options(options)
    for table, name in zip(tables, sheet_names([t.title for t in tables]), strict=True):
        sheet = workbook.create_sheet(title=name)
        _fill_sheet(sheet, table)
        _print_setup(sheet, table, setup.paper or "a4")
    if not tables:
        workbook.create_sheet(title="Table 1")
    props = workbook.properties
    props.creator = None
    props.lastModifiedBy = None
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.title = _plain(" · ".join(t.title for t in tables if t.title)).replace("\n", " ")[:255] or None
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which would stamp the current time as "modified".
    import zipfile

    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return stable_zip(buffer.getvalue())


def _fill_sheet(ws: Any, table: Table) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    body = [(row, False) for row in table.rows] + [(row, True) for row in table.totals]
    widths = [_width(table, column) for column in table.columns]
    looks = [
        Alignment(
            wrap_text=True,
            vertical="top",
            horizontal="center" if alignment(table, column) == "center" else None,
        )
        for column in table.columns
    ]
    for index, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=index)
        _set_text(cell, column.header)
        cell.font = bold
        cell.alignment = looks[index - 1]
        ws.column_dimensions[get_column_letter(index)].width = widths[index - 1]
    _set_height(ws, 1, [c.header for c in table.columns], widths)
    ws.freeze_panes = "A2"
    line = 2
    for row, is_total in body:
        for index, column in enumerate(table.columns, start=1):
            cell = ws.cell(row=line, column=index)
            _set_value(cell, table.cell(row, column.key))
            cell.alignment = looks[index - 1]
            if is_total:
                cell.font = bold
        _set_height(ws, line, [table.cell(row, c.key).text for c in table.columns], widths)
        line += 1
    extra = [table.title] if table.title else []
    extra += table.notes
    if extra:
        line += 1
        for number, text in enumerate(extra):
            cell = ws.cell(row=line, column=1)
            _set_text(cell, text)
            if number == 0 and table.title:
                cell.font = Font(bold=True, italic=True)
            else:
                cell.font = Font(italic=True)
            line += 1


def _print_setup(ws: Any, table: Table, paper: str) -> None:
    """Filter, print titles, landscape pages fitted to the width, page numbers in the footer."""
    from openpyxl.utils import get_column_letter

    if not table.columns:
        return
    last = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A1:{last}{1 + len(table.rows)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if paper == "a4" else ws.PAPERSIZE_LETTER
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&P / &N"


LINE_HEIGHT = 15.0  # points per line of Excel's default 11 pt type


def _width(table: Table, column: Column) -> float:
    """Characters wide: the longest line of the column (header included), at least its longest
    word and some room, at most ``_TEXT_WIDTH``'s or, for long text, ``_LONG_WIDTH``'s upper end."""
    texts = [column.header] + [table.cell(row, column.key).text for row in [*table.rows, *table.totals]]
    # A word is wider than its letters in Excel's width unit (the digit 0) when set in a wider face
    # (bold headers, a font the printer substitutes): a fifth more keeps it on one line.
    word = int(max((len(w) for text in texts for w in text.split()), default=1) * 1.2) + 2
    line = max((len(part) for text in texts for part in text.split("\n")), default=1) + 2
    low, high = _LONG_WIDTH if column.kind == "long" else _TEXT_WIDTH
    return float(max(min(line, high), min(word, high), min(low, line)))


def _set_height(ws: Any, row: int, texts: list[str], widths: list[float]) -> None:
    """Make a row tall enough for its wrapped lines (neither Excel nor openpyxl measures them)."""
    lines = max((sum(max(1, -(-len(part) // max(int((width - 1) * 0.8), 1))) for part in text.split("\n"))
                 for text, width in zip(texts, widths, strict=True)), default=1)  # 0.8: words wrap early
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT, 409.0)  # Excel's highest row


def _set_value(cell: Any, source: Cell) -> None:
    value = numeric_value(source)
    if value is not None:
        cell.value = value
        mark = source.text.strip()
        if mark and len(mark) <= 3 and not any(ch.isdigit() for ch in mark) and '"' not in mark:
            cell.number_format = f'"{mark}"'  # shown as the mark (✓ discussed, ○ mentioned); sums still add 1s
        return
    _set_text(cell, "".join(piece for piece, _ in segments(source)))


def _plain(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub("", clean_text(text)))[:MAX_CELL_CHARS]


def _set_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string, never as a formula (openpyxl would take "=..." for one)."""
    text = _plain(text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
