"""Derive what every paper with text needs: sections, in-text citations, language."""

from __future__ import annotations

from litreview.model import Paper
from litreview.text.citations import extract_citations
from litreview.text.language import detect_language

_FEW = 3  # author-year citations below which a paper's numbered ones are looked for


def enrich(paper: Paper) -> Paper:
    """Fill sections, citations and language where the importer left them empty."""
    if paper.text:
        if not paper.sections:
            from litreview.text.sections import detect_sections

            paper.sections = detect_sections(paper.text, paper.page_starts or None)
        if not paper.citations:
            paper.citations = extract_citations(paper.text, paper.sections)
            if len(paper.citations) < _FEW and "[" in paper.text:  # an IEEE-style paper cites by number
                from litreview.text.numbered import numbered_citations

                paper.citations = sorted(paper.citations + numbered_citations(paper.text, paper.sections),
                                         key=lambda c: (c.start, c.end))
    if not paper.language:
        sample = " ".join([paper.title, paper.abstract]) if paper.abstract else paper.title + " " + paper.text[:4000]
        paper.language = detect_language(sample)
    return paper
