"""The literature matrix: one row per paper, with what a reviewer writes about each source."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from litreview.synthesis.review import WORDS, Entries, Entry, StagedFindings, bullets, theme_label
from litreview.synthesis.table import Cell, Column, Table, citation_cell, number_cell, text_cell
from litreview.themes.codebook import Codebook

MATRIX_COLUMNS = ("citation", "title", "year", "method", "platforms", "themes", "findings", "gaps")
# Columns shown only when asked for (`table matrix --columns citation,affiliations,...`).
OPTIONAL_MATRIX_COLUMNS = ("affiliations",)
_KINDS = {"year": ("number", 6), "title": ("long", 40), "findings": ("long", 70), "gaps": ("long", 50),
          "affiliations": ("long", 40),
          "citation": ("text", 24), "method": ("text", 18), "platforms": ("text", 18), "themes": ("text", 24)}


def build_matrix(
    entries: Entries,
    codebook: Codebook,
    lang: str = "en",
    findings: dict[str, tuple[list[str], list[str]]] | StagedFindings | None = None,
    columns: list[str] | None = None,
    stream: bool = False,
) -> Table:
    """Citation, title, year, method, platforms, themes, key findings and gaps of each paper.

    ``findings`` maps a paper key to its key findings and gaps (see ``findings.paper_findings``),
    or reads them in the order of staged entries (``review.staged_findings_for``).
    With ``stream`` the rows are built as they are read (``Table.pending``)."""
    words = WORDS[lang]
    chosen = columns or list(MATRIX_COLUMNS)
    table = Table(
        kind="matrix", title=words["matrix"], lang=lang,
        columns=[Column(k, words[k], _KINDS[k][0], _KINDS[k][1]) for k in chosen],
    )
    if isinstance(findings, StagedFindings):
        pairs: Iterable[tuple[Entry, tuple[list[str], list[str]]]] = _aligned(entries, findings)
    else:
        found = findings or {}
        pairs = ((e, found.get(e.key, ([], []))) for e in entries)
    table.pending = _matrix_rows(pairs, codebook, lang, chosen)
    return table if stream else table.materialise()


def _aligned(entries: Entries, findings: StagedFindings) -> Iterator[tuple[Entry, tuple[list[str], list[str]]]]:
    """Each staged entry with its findings, both read in the entries' order."""
    for entry, (key, found) in zip(entries, findings.each(), strict=True):
        if key != entry.key:
            raise AssertionError(f"findings of {key} read beside the entry {entry.key}")
        yield entry, found


def _matrix_rows(pairs: Iterable[tuple[Entry, tuple[list[str], list[str]]]], codebook: Codebook, lang: str,
                 chosen: list[str]) -> Iterator[dict[str, Cell]]:
    words = WORDS[lang]
    for entry, (key_findings, gaps) in pairs:
        row = {
            "citation": citation_cell(entry.citation, [entry.key]),
            "title": text_cell(entry.title),
            "year": number_cell(entry.year) if entry.year else text_cell(""),
            "method": text_cell(", ".join(_label(m, lang) for m in entry.facets.methods[:2])),
            "platforms": text_cell(", ".join(_label(m, lang) for m in entry.facets.platforms)),
            "themes": text_cell(", ".join(
                theme_label(codebook, t.theme, lang) + (words["only_mentioned"] if t.level == "mentioned" else "")
                for t in entry.tags)),
            "findings": text_cell(bullets(key_findings)),
            "gaps": text_cell(bullets(gaps)),
            "affiliations": text_cell(entry.affiliations),
        }
        yield {k: v for k, v in row.items() if k in chosen}


def _label(mention, lang: str) -> str:  # type: ignore[no-untyped-def]
    return (mention.label_id if lang == "id" and mention.label_id else mention.label) or mention.name
