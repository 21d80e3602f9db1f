"""CSV (RFC 4180 quoting, UTF-8 without BOM, LF line ends): a header row, the body rows,
then the totals rows.

Several tables follow one another, each preceded by its title on a row of its own and
separated by a blank line; a single table is just its grid, ready for a spreadsheet or
pandas. Notes are left out (they are not data). Numeric cells are written as numbers.
A text field that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) gets a leading ``'`` (the OWASP advice against CSV injection).

``write_rows`` is the one CSV/TSV writer of the project: every CSV or TSV litreview prints or
saves (review tables, ``refs``, ``list --format csv|tsv``) goes through it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any, BinaryIO, TextIO

from litreview.render import clean_text, number_text, numeric_value
from litreview.synthesis.table import Cell, Table
from litreview.text.clean import strip_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain negative number ("-5", "-2.5", "-1e3") stays as written: a spreadsheet reads it as a
# number and runs nothing, and prefixing it would turn a number into text. Anything else that
# starts with "-" ("-2+3", "-5 votes", "-cmd|...") is a possible formula and is neutralised.
_PLAIN_NUMBER = re.compile(r"-(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3})?")


def neutralise(text: str) -> str:
    """Text as a CSV field that no spreadsheet evaluates: a leading ``'`` when it could start a formula."""
    text = strip_controls(text)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    return clean_text(text)


def write_rows(rows: Iterable[Sequence[object]], delimiter: str = ",", to: TextIO | None = None) -> str:
    """CSV (or TSV with ``delimiter="\\t"``) of ``rows``: numbers as numbers, None as empty,
    every other value as neutralised text. The project's only CSV/TSV writer. With ``to``, the
    rows are written there as they come and "" is returned."""
    buffer = io.StringIO() if to is None else to
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        values = [_value(v) for v in row]
        if sum(map(len, values)) > LONG_ROW:
            _write_long_row(values, delimiter, buffer)
        else:
            writer.writerow(values)
    return buffer.getvalue() if isinstance(buffer, io.StringIO) and to is None else ""


LONG_ROW = 100_000  # characters: a row longer than this is written a field at a time


def _write_long_row(values: list[str], delimiter: str, to: TextIO) -> None:
    """A long row (the cited sources of a theme in a table of many papers) written as the csv module
    writes it, one field at a time: the module builds a row in a buffer of four bytes a character
    (and keeps it at its largest), so a row of many long cells would cost several times its text."""
    piece = io.StringIO()
    one = csv.writer(piece, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for index, value in enumerate(values):
        if index:
            to.write(delimiter)
        if value:  # an empty field among others is written empty
            one.writerow([value])
            to.write(piece.getvalue()[:-1])
            piece.seek(0)
            piece.truncate()
    to.write("\n")


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_text(value) if value == value and abs(value) != float("inf") else ""
    return neutralise(str(value))


def render_csv(tables: list[Table], **options: Any) -> bytes:
    return write_rows(_table_rows(tables)).encode("utf-8")


def write_csv(tables: list[Table], handle: BinaryIO) -> None:
    """``render_csv``'s bytes written to ``handle`` row by row, a streamed table's rows built as
    they are written (``Table.pending``)."""
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
    try:
        write_rows(_table_rows(tables), to=text)
        text.flush()
    finally:
        text.detach()  # the caller closes ``handle``


def _table_rows(tables: list[Table]) -> Iterable[Sequence[object]]:
    several = len(tables) > 1
    for index, table in enumerate(tables):
        if index:
            yield []
        if several:
            yield [table.title]
        keys = [c.key for c in table.columns]
        yield [c.header for c in table.columns]
        for row in chain(table.each_row(), table.totals):  # the totals are complete after the rows
            yield [_field(table.cell(row, k)) for k in keys]


def _field(cell: Cell) -> object:
    value = numeric_value(cell)
    return value if value is not None else cell.text
