"""The one table model every review table is built as and every renderer reads.

A ``Table`` is a title, columns and rows of cells, with optional totals rows and
notes under it. A cell holds plain text (never markup) and, where it matters,
a number and the spans of its text to mark (the matched words of an evidence
sentence). Renderers (``litreview.render``) turn a list of tables into bytes;
nothing here knows about any output format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from litreview.synthesis.coverage import Coverage


@dataclass(slots=True)
class Cell:
    """One cell: ``text`` as shown; ``value`` for numbers (sorting, spreadsheets); ``marks`` are
    (start, end) spans of ``text`` to emphasise, in order and not overlapping; ``keys`` are the
    corpus keys of the papers a citation cell cites (LaTeX writes them as ``\\citet``/``\\citep``)."""

    text: str = ""
    value: float | int | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.value is not None:
            out["value"] = self.value
        if self.marks:
            out["marks"] = [list(m) for m in self.marks]
        return out


@dataclass(slots=True)
class Column:
    """``key`` names the column in code and JSON; ``header`` is shown (in the table's language).
    ``kind`` is "text", "number" or "long" (long text: wraps, gets the width); ``width`` is a
    suggested width in characters for fixed-width outputs (spreadsheets, terminals)."""

    key: str
    header: str
    kind: str = "text"
    width: int = 20


@dataclass(slots=True)
class Table:
    """A titled grid. ``rows`` map column keys to cells (a missing key is an empty cell);
    ``totals`` are summary rows shown after the body (the theme grid's totals).

    A table of many rows can be streamed: ``pending`` then yields the rows still to come, each
    built as it is read, so a renderer that writes rows one by one (CSV) never holds them all;
    its totals are complete once ``pending`` is spent. ``materialise`` reads them into ``rows``
    for the renderers that look at the whole table first."""

    kind: str  # "matrix", "themes", "synthesis", "claims", "evidence"
    title: str
    columns: list[Column]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    totals: list[dict[str, Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # lines shown under the table
    lang: str = "en"
    coverage: Coverage | None = None  # which papers it covers (its note is the first of ``notes``)
    pending: Iterator[dict[str, Cell]] | None = None  # rows not built yet (a streamed table)

    def materialise(self) -> Table:
        """The table with every pending row built into ``rows`` (and its totals complete)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.rows.extend(pending)
        return self

    def has_rows(self) -> bool:
        """Whether the table has a body row (building at most one pending row to know)."""
        if not self.rows and self.pending is not None:
            first = next(self.pending, None)
            if first is None:
                self.pending = None
            else:
                self.rows.append(first)
        return bool(self.rows)

    def each_row(self) -> Iterator[dict[str, Cell]]:
        """The body rows in order: those built, then the pending ones, each built as it is asked
        for and not kept (a streamed table is read once; ``materialise`` first to read it again)."""
        yield from self.rows
        if self.pending is not None:
            pending, self.pending = self.pending, None
            yield from pending

    def cell(self, row: dict[str, Cell], key: str) -> Cell:
        return row.get(key) or Cell()

    def to_dict(self) -> dict[str, Any]:
        keys = [c.key for c in self.columns]
        self.materialise()
        return {
            "kind": self.kind,
            "title": self.title,
            "lang": self.lang,
            "columns": [{"key": c.key, "header": c.header, "kind": c.kind} for c in self.columns],
            "rows": [{k: self.cell(r, k).to_dict() for k in keys} for r in self.rows],
            "totals": [{k: self.cell(r, k).to_dict() for k in keys} for r in self.totals],
            "notes": list(self.notes),
        } | ({"coverage": self.coverage.to_dict()} if self.coverage is not None else {})


def text_cell(text: str, marks: list[tuple[int, int]] | None = None) -> Cell:
    return Cell(text=text, marks=list(marks or []))


def citation_cell(text: str, keys: list[str]) -> Cell:
    """A cell citing the papers of ``keys`` as ``text`` reads ("Cobis & Rusadi, 2023")."""
    return Cell(text=text, keys=list(dict.fromkeys(keys)))


def number_cell(value: float | int, text: str | None = None) -> Cell:
    if text is None:
        text = f"{value:g}" if isinstance(value, float) else str(value)
    return Cell(text=text, value=value)
