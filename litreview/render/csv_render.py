"""CSV (RFC 4180 quoting, UTF-8 without BOM, LF line ends): a header row, the body rows,
then the totals rows.

Several tables follow one another, each preceded by its title on a row of its own and
separated by a blank line; a single table is just its grid, ready for a spreadsheet or
pandas. Notes are left out (they are not data). Numeric cells are written as numbers.
A text field that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) gets a leading ``'`` (the OWASP advice against CSV injection).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from litreview.render import clean_text, number_text, numeric_value, strip_controls
from litreview.synthesis.table import Cell, Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text as a CSV field that no spreadsheet evaluates: a leading ``'`` when it could start a formula."""
    text = strip_controls(text)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return clean_text(text)


def render_csv(tables: list[Table], **options: Any) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    several = len(tables) > 1
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        if several:
            writer.writerow([neutralise(table.title)])
        keys = [c.key for c in table.columns]
        writer.writerow([neutralise(c.header) for c in table.columns])
        for row in [*table.rows, *table.totals]:
            writer.writerow([_field(table.cell(row, k)) for k in keys])
    return buffer.getvalue().encode("utf-8")


def _field(cell: Cell) -> str:
    value = numeric_value(cell)
    if value is not None:
        return number_text(value)
    return neutralise(cell.text)
