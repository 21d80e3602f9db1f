"""The evidence table: one row per evidence sentence, as reviewers paste under a theme heading.

A sentence reporting another work's claim is labelled with the work it cites, after the citing
paper: "Anonim, 2024b, citing Kruikemeier et al., 2013".
"""

from __future__ import annotations

from collections.abc import Iterator

from litreview.model import Evidence
from litreview.store import level_condition
from litreview.synthesis.review import WORDS, Entries, StagedEntries, theme_label
from litreview.synthesis.synthesize import is_sentence
from litreview.synthesis.table import Cell, Column, Table, citation_cell, number_cell, text_cell
from litreview.text.attribution import citing_label
from litreview.themes.codebook import Codebook


def build_evidence_table(
    entries: Entries, evidence: dict[str, list[Evidence]] | None, codebook: Codebook, lang: str = "en",
    themes: list[str] | None = None, per_paper: int = 0, stream: bool = False,
) -> Table:
    """Citation, theme, section, page and the sentence with its matched words marked; grouped by
    theme (codebook order), then by citation. ``per_paper`` > 0 keeps that many sentences per paper
    and theme (the strongest). Staged entries (``review.stage_entries``) with ``per_paper`` 0 read
    their evidence from the corpus theme by theme, in the table's order (``evidence`` unused), the
    rows built as they are read with ``stream`` (``Table.pending``)."""
    words = WORDS[lang]
    table = Table(
        kind="evidence", title=words["evidence"], lang=lang,
        columns=[
            Column("theme", words["theme"], "text", 18),
            Column("citation", words["citation"], "text", 24),
            Column("section", words["section"], "text", 12),
            Column("page", words["page"], "number", 5),
            Column("sentence", words["sentence"], "long", 80),
        ],
    )
    if isinstance(entries, StagedEntries) and not per_paper:
        table.pending = _staged_rows(entries, codebook, lang, themes)
        return table if stream else table.materialise()
    if isinstance(entries, StagedEntries):
        entries = list(entries)
    order = {t: i for i, t in enumerate(codebook.theme_ids)}
    rows = []
    found = evidence or {}
    for entry in entries:
        taken: dict[str, int] = {}
        for ev in found.get(entry.key, []):
            if (themes and ev.theme not in themes) or not is_sentence(ev):
                continue
            taken[ev.theme] = taken.get(ev.theme, 0) + 1
            if per_paper and taken[ev.theme] > per_paper:
                continue
            rows.append((order.get(ev.theme, len(order)), entry.citation.casefold(), entry.key, ev.start, entry, ev))
    for _, _, _, _, entry, ev in sorted(rows, key=lambda r: r[:4]):
        table.rows.append(_row(codebook, lang, entry.key, entry.citation, ev))
    return table


def _staged_rows(entries: StagedEntries, codebook: Codebook, lang: str, themes: list[str] | None
                 ) -> Iterator[dict[str, Cell]]:
    """The rows of staged entries, theme by theme (codebook order, then the themes it lacks), each
    theme's evidence sorted by SQLite as ``build_evidence_table`` sorts it."""
    corpus, level = entries.corpus, level_condition(entries.level, "t")
    chosen = [t for t in codebook.theme_ids if not themes or t in themes]
    for key, citation, ev in corpus.staged_evidence(level, chosen):
        yield _row(codebook, lang, key, citation, ev)
    if not themes:
        corpus.show_themes(codebook.theme_ids)
        for key, citation, ev in corpus.staged_evidence(level, None):
            yield _row(codebook, lang, key, citation, ev)


def _row(codebook: Codebook, lang: str, key: str, citation: str, ev: Evidence) -> dict[str, Cell]:
    words = WORDS[lang]
    sentence, marks = _marked(ev)
    citing = citing_label(ev.sentence, lang) if ev.cites else ""
    return {
        "theme": text_cell(theme_label(codebook, ev.theme, lang)),
        "citation": citation_cell(f"{citation}, {citing}" if citing else citation, [key]),
        "section": text_cell(_place(ev, words)),
        "page": number_cell(ev.page) if ev.page else text_cell(""),
        "sentence": text_cell(sentence, marks),
    }


def _marked(ev: Evidence) -> tuple[str, list[tuple[int, int]]]:
    """The sentence and its matched words as spans of it, ordered, not overlapping."""
    marks: list[tuple[int, int]] = []
    for m in sorted(ev.matches, key=lambda m: (m.start, m.end)):
        start, end = m.start - ev.start, m.end - ev.start
        if 0 <= start < end <= len(ev.sentence) and (not marks or start >= marks[-1][1]):
            marks.append((start, end))
    return _one_line(ev.sentence), marks


def _one_line(sentence: str) -> str:
    """Line breaks of the PDF's layout become spaces (one character for one: the marks stay put)."""
    return sentence.replace("\r\n", " \n").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def _place(ev: Evidence, words: dict[str, str]) -> str:
    if ev.field.startswith("abstract"):
        return words["abstract"]
    if ev.field.startswith("title"):
        return words["title_field"]
    if ev.field.startswith("keywords"):
        return words["keywords"]
    return ev.section.replace("_", " ")
