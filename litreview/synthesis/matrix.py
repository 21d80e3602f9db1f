"""The literature matrix: one row per paper, with what a reviewer writes about each source."""

from __future__ import annotations

from litreview.model import Paper
from litreview.synthesis.review import WORDS, Entry, theme_label
from litreview.synthesis.table import Column, Table, citation_cell, number_cell, text_cell
from litreview.themes.codebook import Codebook

MATRIX_COLUMNS = ("citation", "title", "year", "method", "platforms", "themes", "findings", "gaps")
# Columns shown only when asked for (`table matrix --columns citation,affiliations,...`).
OPTIONAL_MATRIX_COLUMNS = ("affiliations",)
_KINDS = {"year": ("number", 6), "title": ("long", 40), "findings": ("long", 70), "gaps": ("long", 50),
          "affiliations": ("long", 40),
          "citation": ("text", 24), "method": ("text", 18), "platforms": ("text", 18), "themes": ("text", 24)}


def build_matrix(
    entries: list[Entry],
    codebook: Codebook,
    lang: str = "en",
    findings: dict[str, tuple[list[str], list[str]]] | None = None,
    columns: list[str] | None = None,
) -> Table:
    """Citation, title, year, method, platforms, themes, key findings and gaps of each paper.

    ``findings`` maps a paper key to its key findings and gaps (see ``findings.paper_findings``)."""
    words = WORDS[lang]
    chosen = columns or list(MATRIX_COLUMNS)
    table = Table(
        kind="matrix", title=words["matrix"], lang=lang,
        columns=[Column(k, words[k], _KINDS[k][0], _KINDS[k][1]) for k in chosen],
    )
    found = findings or {}
    for entry in entries:
        paper = entry.paper
        key_findings, gaps = found.get(entry.key, ([], []))
        row = {
            "citation": citation_cell(entry.citation, [entry.key]),
            "title": text_cell(paper.title),
            "year": number_cell(paper.year) if paper.year else text_cell(""),
            "method": text_cell(", ".join(_label(m, lang) for m in entry.facets.methods[:2])),
            "platforms": text_cell(", ".join(_label(m, lang) for m in entry.facets.platforms)),
            "themes": text_cell(", ".join(
                theme_label(codebook, t.theme, lang) + (words["only_mentioned"] if t.level == "mentioned" else "")
                for t in entry.tags)),
            "findings": text_cell(_bullets(key_findings)),
            "gaps": text_cell(_bullets(gaps)),
            "affiliations": text_cell(affiliations_text(paper)),
        }
        table.rows.append({k: v for k, v in row.items() if k in chosen})
    return table


def affiliations_text(paper: Paper) -> str:
    """The paper's affiliations, each with its authors' surnames where the source tied them
    ("Lestari, Munadi: Universitas X"); the one affiliation of all authors alone."""
    groups: dict[str, list[str]] = {}
    for person in paper.authors:
        for affiliation in filter(None, person.affiliation.split("; ")):
            groups.setdefault(affiliation, []).append(person.surname)
    if not groups:
        return _bullets(paper.affiliations)
    if len(groups) == 1 and len(next(iter(groups.values()))) == len(paper.authors):
        return next(iter(groups))
    return _bullets([f"{', '.join(names)}: {affiliation}" for affiliation, names in groups.items()])


def _label(mention, lang: str) -> str:  # type: ignore[no-untyped-def]
    return (mention.label_id if lang == "id" and mention.label_id else mention.label) or mention.name


def _bullets(lines: list[str]) -> str:
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return "\n".join(f"• {line}" for line in lines)


