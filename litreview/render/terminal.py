"""Tables for a terminal (or a .txt file): rich tables, marked words in bold.

Paper text never goes through rich markup: every title, header and cell is a
``rich.text.Text`` built from plain strings, so ``[brackets]`` print as written.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

from litreview.render import alignment, clean_text, is_numeric_column, segments
from litreview.synthesis.table import Cell, Table

if TYPE_CHECKING:
    from rich.console import JustifyMethod


def render_terminal(tables: list[Table], **options: Any) -> bytes:
    from rich.console import Console

    width = int(options.get("width") or 100)
    color = bool(options.get("color", False))
    console = Console(
        file=io.StringIO(),
        width=width,
        height=100,  # a fixed size: rich would otherwise ask the real terminal (or use 80 on TERM=dumb)
        force_terminal=color,
        color_system="standard" if color else None,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        record=False,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )
    parts = []
    for index, table in enumerate(tables):
        if len(table.rows) + len(table.totals) > PLAIN_ROWS:
            parts.append(("\n" if index else "") + plain_table(table, width))
            continue
        with console.capture() as capture:
            if index:
                console.print()
            _print_table(console, table)
        parts.append(capture.get())
    return "".join(parts).encode("utf-8")


# Past this many rows a table is laid out here rather than by rich, whose layout of every cell
# takes seconds for thousands of rows; the look is the same grid, without bold marks.
PLAIN_ROWS = 300


def plain_table(table: Table, width: int) -> str:
    """The table as a plain-text grid wrapped to ``width`` columns of screen."""
    widths = column_widths(table, width, measure=len)
    keys = [c.key for c in table.columns]
    right = [alignment(table, c) == "right" for c in table.columns]
    lines: list[str] = []
    if table.title:
        lines.append(clean_text(table.title))

    def emit(texts: list[str]) -> None:
        wrapped = [_wrap(clean_text(t), w) for t, w in zip(texts, widths, strict=True)]
        for i in range(max(len(w) for w in wrapped) if wrapped else 0):
            cells = []
            for column, (lines_of_cell, w) in enumerate(zip(wrapped, widths, strict=True)):
                piece = lines_of_cell[i] if i < len(lines_of_cell) else ""
                cells.append(piece.rjust(w) if right[column] else piece.ljust(w))
            lines.append("\u2502 " + " \u2502 ".join(cells) + " \u2502")

    rule = "\u2500\u253c\u2500".join("\u2500" * w for w in widths)
    top = "\u2500\u252c\u2500".join("\u2500" * w for w in widths)
    bottom = "\u2500\u2534\u2500".join("\u2500" * w for w in widths)
    if table.columns:
        lines.append("\u250c\u2500" + top + "\u2500\u2510")
        emit([c.header for c in table.columns])
        lines.append("\u251c\u2500" + rule + "\u2500\u2524")
        for row in table.rows:
            emit([table.cell(row, k).text for k in keys])
        if table.totals:
            lines.append("\u251c\u2500" + rule + "\u2500\u2524")
            for row in table.totals:
                emit([table.cell(row, k).text for k in keys])
        lines.append("\u2514\u2500" + bottom + "\u2500\u2518")
    lines.extend(clean_text(note) for note in table.notes)
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the column is cut."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        if len(paragraph) <= width:
            out.append(paragraph)
            continue
        line = ""
        for word in paragraph.split():
            while len(word) > width:
                if line:
                    out.append(line)
                    line = ""
                out.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                out.append(line)
                line = word
        out.append(line)
    return out or [""]


def _print_table(console: Any, table: Table) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    if table.title:
        console.print(Text(clean_text(table.title), style="bold"))
    if table.columns:
        grid = RichTable(show_header=True, header_style="bold", show_lines=False)
        widths = column_widths(table, console.width)
        for column, width in zip(table.columns, widths, strict=True):
            grid.add_column(
                Text(clean_text(column.header)),
                width=width,
                justify=cast("JustifyMethod", alignment(table, column)),
                overflow="fold",  # only a word longer than the column is cut
            )
        keys = [c.key for c in table.columns]
        for number, row in enumerate(table.rows):
            last_body_row = number == len(table.rows) - 1 and bool(table.totals)
            grid.add_row(*(_text(table.cell(row, k)) for k in keys), end_section=last_body_row)
        for row in table.totals:
            grid.add_row(*(_text(table.cell(row, k)) for k in keys), style="bold")
        console.print(grid)
    for note in table.notes:
        console.print(Text(clean_text(note), style="dim"))


def column_widths(table: Table, total: int, measure: Any = None) -> list[int]:
    """Content widths that fit ``total`` columns of screen: numbers as wide as they are, text
    columns up to their suggested width, long-text columns sharing the rest in proportion to
    theirs. When even that is too wide, the widest columns give way first, down to their
    header's longest word, and then further if they must."""
    if measure is None:
        from rich.cells import cell_len as measure

    cell_len = measure
    count = len(table.columns)
    room = max(total - (3 * count + 1), count)  # a border and two spaces of padding per column
    rows = [*table.rows, *table.totals]
    natural: list[int] = []
    content: list[int] = []  # widest cell line, without the header
    minimum: list[int] = []
    want: list[int] = []
    for column in table.columns:
        header_lines = clean_text(column.header).split("\n")
        cell_lines = [line for row in rows for line in clean_text(table.cell(row, column.key).text).split("\n")]
        widest = max(cell_len(line) for line in [*header_lines, *cell_lines]) or 1
        word = max([cell_len(w) for line in header_lines for w in line.split()] or [1])
        natural.append(widest)
        content.append(max([cell_len(line) for line in cell_lines] or [1]))
        if is_numeric_column(table, column.key, column.kind):
            minimum.append(widest)
            want.append(widest)
        elif column.kind == "long":
            minimum.append(min(widest, max(word, 12)))
            want.append(0)  # shared out below
        else:
            minimum.append(min(widest, max(word, 4)))
            want.append(min(widest, max(column.width, word)))
    pending = [
        i for i, c in enumerate(table.columns) if c.kind == "long" and not is_numeric_column(table, c.key, c.kind)
    ]
    free = room - sum(want)
    while pending:  # water-filling: a long column that needs less than its share takes what it needs
        weight = sum(max(table.columns[i].width, 1) for i in pending)
        share = {i: free * max(table.columns[i].width, 1) // weight for i in pending}
        settled = [i for i in pending if natural[i] <= share[i]]
        if not settled:
            for i in pending:
                want[i] = max(share[i], minimum[i])
            break
        for i in settled:
            want[i] = natural[i]
            free -= natural[i]
            pending.remove(i)
    excess = sum(want) - room
    # Give way first down to the headers' longest words, then let headers wider than their
    # cells break (a column of check marks need not be as wide as its theme's name), then all.
    by_cells = [min(w, max(c, 3)) for w, c in zip(want, content, strict=True)]
    for floor in (minimum, by_cells, [min(w, 3) for w in want]):
        while excess > 0:
            shrinkable = [i for i in range(count) if want[i] > floor[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: (want[i] - floor[i], -i))
            want[widest] -= 1
            excess -= 1
    return [max(w, 1) for w in want]


def _text(cell: Cell) -> Any:
    from rich.text import Text

    text = Text()
    for piece, marked in segments(cell):
        text.append(piece, style="bold" if marked else None)
    return text
