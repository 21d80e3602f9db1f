"""GitHub-flavoured Markdown: a ``### title``, a pipe table, notes as paragraphs.

Cell text is escaped so that it can neither break the table (``|``, line breaks) nor turn
into markup (emphasis, code, links, raw HTML): the characters that mean something inline
get a backslash, which every CommonMark renderer removes again. Marked words are bold.
"""

from __future__ import annotations

import re
from typing import Any

from litreview.render import alignment, clean_text, segments
from litreview.synthesis.table import Cell, Table

_INLINE_RE = re.compile(r"([\\|*_`<>\[\]~])")
_BLOCK_START_RE = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape_inline(text: str) -> str:
    """Plain text made literal inside a table cell or heading (line breaks become ``<br>``)."""
    text = _INLINE_RE.sub(r"\\\1", clean_text(text))
    return text.replace("\n", "<br>")


def render_markdown(tables: list[Table], **options: Any) -> bytes:
    blocks = [_table_markdown(table) for table in tables]
    return ("\n\n".join(block for block in blocks if block) + "\n").encode("utf-8")


def _table_markdown(table: Table) -> str:
    lines: list[str] = []
    if table.title:
        heading = escape_inline(table.title).replace("#", "\\#")  # a trailing # would close the heading
        lines += [f"### {heading}", ""]
    if table.columns:
        keys = [c.key for c in table.columns]
        lines.append(_row([escape_inline(c.header) for c in table.columns]))
        rules = {"left": "---", "right": "---:", "center": ":---:"}
        lines.append(_row([rules[alignment(table, c)] for c in table.columns]))
        for row in table.rows:
            lines.append(_row([_cell(table.cell(row, k)) for k in keys]))
        for row in table.totals:
            lines.append(_row([_bold(escape_inline(table.cell(row, k).text)) for k in keys]))
    for note in table.notes:
        lines += ["", _note(note)]
    return "\n".join(lines).strip("\n")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(cell: Cell) -> str:
    out = []
    for piece, marked in segments(cell):
        text = escape_inline(piece)
        out.append(_bold(text) if marked else text)
    return "".join(out)


def _bold(text: str) -> str:
    """``**text**`` with surrounding spaces kept outside the markers (else it is not bold)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}**{core}**{trail}"


def _note(note: str) -> str:
    """A note line as a paragraph that cannot start a heading, list or quote."""
    lines = []
    for line in escape_inline(note).split("<br>"):
        lines.append(_BLOCK_START_RE.sub(_escape_block_start, line))
    return "<br>".join(lines)


def _escape_block_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker
