"""Derive what every paper with text needs: sections, in-text citations, language."""

from __future__ import annotations

from litreview.model import Paper
from litreview.text.citations import extract_citations
from litreview.text.language import detect_language


def enrich(paper: Paper) -> Paper:
    """Fill sections, citations and language where the importer left them empty."""
    if paper.text:
        if not paper.sections:
            from litreview.text.sections import detect_sections

            paper.sections = detect_sections(paper.text, paper.page_starts or None)
        if not paper.citations:
            paper.citations = extract_citations(paper.text, paper.sections)
            from litreview.text.numbered import cites_by_number, numbered_citations

            if cites_by_number(paper.citations, paper.text):  # an IEEE-style paper cites by number
                paper.citations = sorted(paper.citations + numbered_citations(paper.text, paper.sections),
                                         key=lambda c: (c.start, c.end))
    if not paper.language:
        sample = " ".join([paper.title, paper.abstract]) if paper.abstract else paper.title + " " + paper.text[:4000]
        paper.language = detect_language(sample)
    return paper
