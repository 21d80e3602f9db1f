"""Tables of cited works: the corpus-wide list (most cited first) and one paper's citations."""

from __future__ import annotations

from litreview.synthesis.cited import CitationIndex
from litreview.synthesis.table import Column, Table, number_cell, text_cell

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "work": "Cited work", "title": "Title", "papers": "Papers", "mentions": "Mentions",
        "cited_by": "Cited by", "in_corpus": "In corpus", "variants": "Also spelled",
        "reference": "Reference entry", "pages": "Pages", "refs": "Cited works",
        "paper_refs": "Works cited by {key}",
        "summary": "Works cited: {works}; papers citing them: {citing} of {read} with full text.",
        "paper_summary": "{citations} in-text citations of {works} works; {references} reference entries, "
                         "{linked} of them cited in the text.",
    },
    "id": {
        "work": "Karya yang dirujuk", "title": "Judul", "papers": "Artikel", "mentions": "Sitasi",
        "cited_by": "Dirujuk oleh", "in_corpus": "Di korpus", "variants": "Ejaan lain",
        "reference": "Entri daftar pustaka", "pages": "Halaman", "refs": "Karya yang dirujuk",
        "paper_refs": "Karya yang dirujuk oleh {key}",
        "summary": "Karya yang dirujuk: {works}; artikel yang merujuk: {citing} dari {read} berteks lengkap.",
        "paper_summary": "{citations} sitasi dalam teks atas {works} karya; {references} entri daftar pustaka, "
                         "{linked} di antaranya disitasi dalam teks.",
    },
}


def _words(lang: str) -> dict[str, str]:
    return WORDS["id" if lang == "id" else "en"]


def refs_table(index: CitationIndex, lang: str = "en", top: int | None = None, min_papers: int = 1,
               labels: dict[str, str] | None = None) -> Table:
    """Cited works across the corpus, most cited first. ``labels``: the in-text citations of the
    corpus papers among them, by key (with their year letters), shown instead of the citing texts'."""
    w = _words(lang)
    labels = labels or {}
    works = [work for work in index.works if work.papers >= min_papers]
    shown = works[:top] if top else works
    table = Table(
        kind="refs",
        title=w["refs"],
        lang=lang,
        columns=[
            Column("work", w["work"], width=28),
            Column("title", w["title"], kind="long", width=50),
            Column("papers", w["papers"], kind="number", width=7),
            Column("mentions", w["mentions"], kind="number", width=8),
            Column("cited_by", w["cited_by"], kind="long", width=30),
            Column("in_corpus", w["in_corpus"], width=20),
            Column("variants", w["variants"], width=16),
        ],
    )
    for work in shown:
        table.rows.append({
            "work": text_cell(labels.get(work.corpus_key) or work.label(lang)),
            "title": text_cell(work.title),
            "papers": number_cell(work.papers),
            "mentions": number_cell(work.mentions),
            "cited_by": text_cell(", ".join(c.paper for c in work.citing)),
            "in_corpus": text_cell(work.corpus_key),
            "variants": text_cell(", ".join(work.variants)),
        })
    table.notes.append(w["summary"].format(works=len(works), citing=index.citing_papers, read=index.papers_read))
    return table


def paper_refs_table(key: str, index: CitationIndex, lang: str = "en", top: int | None = None,
                     labels: dict[str, str] | None = None) -> Table:
    """One paper's cited works (``index`` built from that paper alone), most cited first, with
    the reference entry each was linked to (``labels`` as for ``refs_table``)."""
    w = _words(lang)
    labels = labels or {}
    table = Table(
        kind="refs",
        title=w["paper_refs"].format(key=key),
        lang=lang,
        columns=[
            Column("work", w["work"], width=28),
            Column("mentions", w["mentions"], kind="number", width=8),
            Column("pages", w["pages"], width=10),
            Column("reference", w["reference"], kind="long", width=60),
            Column("in_corpus", w["in_corpus"], width=20),
        ],
    )
    citings = [(work, citing) for work in index.works for citing in work.citing if citing.paper == key]
    for work, citing in citings[:top] if top else citings:
        table.rows.append({
            "work": text_cell(labels.get(work.corpus_key) or work.label(lang)),
            "mentions": number_cell(citing.mentions),
            "pages": text_cell(", ".join(citing.pages)),
            "reference": text_cell(citing.reference),
            "in_corpus": text_cell(work.corpus_key),
        })
    table.notes.append(w["paper_summary"].format(
        citations=sum(c.mentions for _, c in citings), works=sum(1 for _, c in citings if c.mentions),
        references=sum(1 for _, c in citings if c.reference),
        linked=sum(1 for _, c in citings if c.reference and c.mentions)))
    return table
