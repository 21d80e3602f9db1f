"""Word documents (python-docx): per table a heading, a real Word table and the notes.

The header row is bold and repeats at the top of every page; marked words are bold runs;
totals rows are bold. Column widths follow the columns' suggested widths across the text
width of the page, widened towards their longest words; a document with a wide table (six
columns or more) is landscape and its tables are set in smaller type. Text is cleaned of
characters XML cannot hold, and the document's dates, author and zip timestamps are fixed
so the same tables give the same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from litreview.render import alignment, clean_text, segments, stable_zip
from litreview.synthesis.table import Table

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
COMPACT_COLUMNS = 6  # with this many columns or more: 8 pt rather than 10 pt, on landscape pages


def render_docx(tables: list[Table], **options: Any) -> bytes:
    from docx import Document

    document = Document()
    _fix_properties(document, tables)
    if any(len(t.columns) >= COMPACT_COLUMNS for t in tables):
        _landscape(document)
    for number, table in enumerate(tables):
        if number:
            document.add_paragraph()
        _add_table(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def _fix_properties(document: Any, tables: list[Table]) -> None:
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.title = clean_text(" · ".join(t.title for t in tables if t.title)).replace("\n", " ")[:255]
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME


def _landscape(document: Any) -> None:
    """Turn the page: wide tables get the long side."""
    from docx.enum.section import WD_ORIENT

    section = document.sections[-1]
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width


def _add_table(document: Any, table: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if table.title:
        document.add_heading(clean_text(table.title).replace("\n", " "), level=2)
    if table.columns:
        keys = [c.key for c in table.columns]
        aligns = [alignment(table, c) for c in table.columns]
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        points = 8.0 if len(table.columns) >= COMPACT_COLUMNS else 10.0
        widths = _widths(document, table, points)
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        header = grid.rows[0]
        _repeat_as_header(header)
        layout = list(zip(aligns, widths, strict=True))
        for cell, column, (align, width) in zip(header.cells, table.columns, layout, strict=True):
            _fill(cell, [(clean_text(column.header), True)], align, width, points)
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, key, (align, width) in zip(cells, keys, layout, strict=True):
                _fill(cell, segments(table.cell(row, key)), align, width, points)
        for row in table.totals:
            cells = grid.add_row().cells
            for cell, key, (align, width) in zip(cells, keys, layout, strict=True):
                pieces = [(piece, True) for piece, _ in segments(table.cell(row, key))]
                _fill(cell, pieces, align, width, points)
    for note in table.notes:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(clean_text(note))
        run.italic = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _repeat_as_header(row: Any) -> None:
    """Mark a table row as a header row, repeated at the top of each page (``w:tblHeader``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _fill(cell: Any, pieces: list[tuple[str, bool]], align: str, width: int, points: float) -> None:
    """Write (text, bold) pieces into a table cell's first paragraph, in ``points`` type."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.width = width
    paragraph = cell.paragraphs[0]
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, bold in pieces:
        run = paragraph.add_run(text)  # python-docx turns "\n" into a line break and "\t" into a tab
        run.font.size = Pt(points)
        if bold:
            run.bold = True


def _widths(document: Any, table: Table, points: float) -> list[int]:
    """The page's text width (EMU) shared among the columns in proportion to their suggested
    widths, each widened towards its longest word (so that Word need not break words) as far
    as the wider columns can give."""
    from docx.shared import Pt

    section = document.sections[-1]
    available = int(section.page_width - section.left_margin - section.right_margin)
    letter = Pt(points * 0.62)  # an average letter, generous enough for bold headers
    padding = Pt(14)  # the cell margins
    rows = [*table.rows, *table.totals]
    weights = [max(c.width, 4) for c in table.columns]
    shares = [available * w / sum(weights) for w in weights]
    least = []
    for column in table.columns:
        texts = [column.header] + [table.cell(row, column.key).text for row in rows]
        word = max((len(w) for text in texts for w in text.split()), default=1)
        least.append(min(padding + letter * word, available / 4))
    lacking = [max(low - share, 0.0) for low, share in zip(least, shares, strict=True)]
    giving = [max(share - low, 0.0) for low, share in zip(least, shares, strict=True)]
    moved = min(sum(lacking), sum(giving))
    if moved:
        shares = [
            share + moved * lack / sum(lacking) - moved * give / sum(giving)
            for share, lack, give in zip(shares, lacking, giving, strict=True)
        ]
    return [int(share) for share in shares]
