"""The evidence table: one row per evidence sentence, as reviewers paste under a theme heading.

A sentence reporting another work's claim is labelled with the work it cites, after the citing
paper: "Anonim, 2024b, citing Kruikemeier et al., 2013".
"""

from __future__ import annotations

from litreview.model import Evidence
from litreview.synthesis.review import WORDS, Entry, theme_label
from litreview.synthesis.synthesize import is_sentence
from litreview.synthesis.table import Column, Table, citation_cell, number_cell, text_cell
from litreview.text.attribution import citing_label
from litreview.themes.codebook import Codebook


def build_evidence_table(
    entries: list[Entry], evidence: dict[str, list[Evidence]], codebook: Codebook, lang: str = "en",
    themes: list[str] | None = None, per_paper: int = 0,
) -> Table:
    """Citation, theme, section, page and the sentence with its matched words marked; grouped by
    theme (codebook order), then by citation. ``per_paper`` > 0 keeps that many sentences per paper
    and theme (the strongest)."""
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
    order = {t: i for i, t in enumerate(codebook.theme_ids)}
    rows = []
    for entry in entries:
        taken: dict[str, int] = {}
        for ev in evidence.get(entry.key, []):
            if (themes and ev.theme not in themes) or not is_sentence(ev):
                continue
            taken[ev.theme] = taken.get(ev.theme, 0) + 1
            if per_paper and taken[ev.theme] > per_paper:
                continue
            rows.append((order.get(ev.theme, len(order)), entry.citation.casefold(), entry.key, ev.start, entry, ev))
    for _, _, _, _, entry, ev in sorted(rows, key=lambda r: r[:4]):
        sentence, marks = _marked(ev)
        citing = citing_label(ev.sentence, lang) if ev.cites else ""
        table.rows.append({
            "theme": text_cell(theme_label(codebook, ev.theme, lang)),
            "citation": citation_cell(f"{entry.citation}, {citing}" if citing else entry.citation, [entry.key]),
            "section": text_cell(_place(ev, words)),
            "page": number_cell(ev.page) if ev.page else text_cell(""),
            "sentence": text_cell(sentence, marks),
        })
    return table


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
