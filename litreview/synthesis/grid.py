"""The theme grid: papers down, themes across, a mark, score or evidence count per cell."""

from __future__ import annotations

from collections.abc import Iterator

from litreview.synthesis.review import WORDS, Entries, StagedEntries, theme_label
from litreview.synthesis.table import Cell, Column, Table, citation_cell, number_cell, text_cell
from litreview.themes.codebook import Codebook

CELLS = ("mark", "score", "count")
MARK = "\u2713"  # ✓ the paper discusses the theme
MENTIONED_MARK = "\u25cb"  # ○ it only mentions it (shown with --level mentioned)


def build_theme_grid(
    entries: Entries, codebook: Codebook, lang: str = "en", cell: str = "mark", themes: list[str] | None = None,
    stream: bool = False,
) -> Table:
    """One row per paper, one column per theme, totals per theme (last row) and per paper (last column).
    With ``stream`` the rows are built as they are read (``Table.pending``), the totals row after them."""
    words = WORDS[lang]
    ids = themes or codebook.theme_ids
    table = Table(
        kind="themes", title=words["grid"], lang=lang,
        columns=[Column("citation", words["citation"], "text", 24)]
        + [Column(t, theme_label(codebook, t, lang), "number", max(8, len(theme_label(codebook, t, lang))))
           for t in ids]
        + [Column("total", words["total"], "number", 7)],
    )
    table.pending = _grid_rows(table, entries, ids, cell, words)
    what = {"mark": "", "score": " (score)", "count": " (evidence sentences)"}[cell]
    if what and lang == "id":
        what = {"score": " (skor)", "count": " (kalimat bukti)"}[cell]
    table.title += what
    if (entries.mention_any() if isinstance(entries, StagedEntries)
            else any(t.level == "mentioned" for e in entries for t in e.tags)):
        table.title += words["mentioned_legend"]
    return table if stream else table.materialise()


def _grid_rows(table: Table, entries: Entries, ids: list[str], cell: str, words: dict[str, str]
               ) -> Iterator[dict[str, Cell]]:
    """The grid's rows, one per entry, then its totals row added to ``table.totals``."""
    column_totals = dict.fromkeys(ids, 0.0)
    for entry in entries:
        by_theme = {t.theme: t for t in entry.tags}
        row = {"citation": citation_cell(entry.citation, [entry.key])}
        row_total = 0.0
        for theme in ids:
            tag = by_theme.get(theme)
            if tag is None:
                continue
            value = 1 if cell == "mark" else (round(tag.score, 1) if cell == "score" else tag.sentences)
            mark = MARK if tag.level != "mentioned" else MENTIONED_MARK
            row[theme] = number_cell(value, mark if cell == "mark" else None)
            row_total += value
            column_totals[theme] += value
        row["total"] = number_cell(_whole(row_total))
        yield row
    totals = {"citation": text_cell(words["total"])}
    totals.update({t: number_cell(_whole(v)) for t, v in column_totals.items()})
    totals["total"] = number_cell(_whole(sum(column_totals.values())))
    table.totals.append(totals)


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 1)
