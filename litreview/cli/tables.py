"""`table`: the review tables (matrix, themes, synthesis, claims, evidence) in every output format."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli.common import (
    CorpusOpt,
    CoverAllOpt,
    MarginsOpt,
    PaperOpt,
    TemplateOpt,
    check_writable,
    choose_format,
    open_corpus,
    out,
    page_setup,
    review_scope,
    say_coverage,
    stdout_is_terminal,
    write_bytes,
    write_with,
)
from litreview.cli.themes import CodebookOpt, Lang, LangOpt, Level, LevelOpt, load_for
from litreview.errors import CorpusError, UsageError
from litreview.i18n import tr


class Kind(StrEnum):
    matrix = "matrix"
    themes = "themes"
    synthesis = "synthesis"
    claims = "claims"
    evidence = "evidence"


def table(
    kind: Annotated[Kind, typer.Argument(help="matrix, themes, synthesis, claims or evidence.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="terminal (default), markdown, csv, json, latex, html, docx, xlsx."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE; the format follows its extension.")
    ] = None,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only this theme (repeat for more).")] = None,
    year: Annotated[str | None, typer.Option(help="A year or range: 2023, 2020-2024, 2020-.")] = None,
    keys: Annotated[str | None, typer.Option(help="Only these papers: comma-separated keys.")] = None,
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Only papers whose text holds these words.")
    ] = None,
    sort: Annotated[str, typer.Option(help="citation, year, title or key.")] = "citation",
    columns: Annotated[
        str | None, typer.Option(help="Comma-separated column keys to show, in that order (see --format json); "
                                   "the matrix also has an affiliations column.")
    ] = None,
    cell: Annotated[str, typer.Option(help="themes only: mark, score or count per cell.")] = "mark",
    level: LevelOpt = Level.discussed,
    lang: LangOpt = Lang.en,
    paper: PaperOpt = None,
    margins: MarginsOpt = None,
    template: TemplateOpt = None,
    bib: Annotated[
        Path | None, typer.Option("--bib", help="latex: write the cited papers' BibTeX here (default: beside the "
                                                ".tex, same name, .bib).", show_default=False)
    ] = None,
    all_records: CoverAllOpt = False,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Build a review table from the tagged corpus: the papers tagged with a theme (and included by
    screening, once it has begun; --all for every record), said in a note under the table.

    Word tables come on A4 pages with 4-3-3-3 cm margins in Times New Roman (or your --template),
    with a numbered caption; LaTeX tables cite with \\citet/\\citep and write a .bib beside them.

    Examples: [cyan]litreview table matrix -o matriks.docx[/cyan]
    [cyan]litreview table matrix --paper letter --margins 3,2.5,2.5,2.5 -o matrix.docx[/cyan]
    [cyan]litreview table evidence --theme hoax -o bukti.tex[/cyan]
    [cyan]litreview table synthesis --theme hoax --lang id[/cyan]
    [cyan]litreview table claims -o klaim.xlsx[/cyan]
    [cyan]litreview table evidence --theme youth --format markdown[/cyan]
    """
    from dataclasses import replace

    from litreview.catalog import parse_year_range
    from litreview.render import FORMATS, format_for_path, render, render_to
    from litreview.synthesis.coverage import add_note
    from litreview.synthesis.review import (
        Entries,
        ReviewFilter,
        StagedEntries,
        ThemeEvidence,
        ThemeFrames,
        check_themes,
        claim_reads_for,
        evidence_by_paper,
        findings_for,
        frames_for,
        load_entries,
        stage_entries,
        staged_findings_for,
    )

    chosen = choose_format(fmt, output, FORMATS, format_for_path)
    if cell not in ("mark", "score", "count"):
        raise UsageError(tr("--cell {value}: choose mark, score or count", value=repr(cell)))
    low, high = parse_year_range(year)
    flt = ReviewFilter(themes=list(theme or []), year_from=low, year_to=high,
                       keys=[k.strip() for k in (keys or "").split(",") if k.strip()], query=query or "",
                       level=level.value)
    matrix_columns = _matrix_columns(columns) if kind is Kind.matrix else None
    page = page_setup(paper, margins, template)
    if bib is None and chosen == "latex" and output is not None:
        bib = output.with_suffix(".bib")
    if bib is not None and chosen != "latex":
        raise UsageError(tr("--bib goes with latex output (-o FILE.tex or --format latex)"))
    for target in (output, bib):
        if target is not None:
            check_writable(target)
    with open_corpus(corpus_dir) as corpus, without_cycle_collection():
        book = load_for(corpus.root, codebook)
        check_themes(book, flt.themes)
        flt.within, coverage = review_scope(corpus, level.value, all_records)
        needs_findings = kind is Kind.matrix and bool({"findings", "gaps"} & set(matrix_columns or ["findings"]))
        # a synthesis or claims row counts its theme's sources among all the papers covered, so
        # --theme chooses the rows, not the papers counted
        by_theme = kind not in (Kind.synthesis, Kind.claims)
        chosen_flt = flt if by_theme else replace(flt, themes=[])
        # a table of many papers reads its entries from the corpus one at a time (staged there);
        # the papers themselves are kept only for a .bib
        entries: Entries
        staged = bib is None
        if staged:
            entries = stage_entries(corpus, book, chosen_flt, lang.value, sort)
            flt.within = chosen_flt.within = None  # the covered papers are staged: their keys are let go
        else:
            entries = load_entries(corpus, book, chosen_flt, lang.value, sort)
        # synthesis and claims read every theme's evidence, one theme at a time: what a shared word
        # counts for in a claim is learnt from all of it, so a theme's claims are the same whichever
        # themes are asked for
        evidence = (ThemeEvidence(corpus, entries, flt.level) if kind in (Kind.synthesis, Kind.claims)
                    else evidence_by_paper(corpus, entries, flt.themes or None, flt.level)
                    if kind is Kind.evidence and not staged else {})
        found = ((staged_findings_for(corpus, entries) if isinstance(entries, StagedEntries)
                  else findings_for(corpus, entries)) if needs_findings else {})
        # the synthesis reads one theme's frames at a time (of staged entries)
        frames = (None if kind is not Kind.synthesis else ThemeFrames(corpus) if staged
                  else frames_for(corpus, entries))
        reads = claim_reads_for(corpus) if kind in (Kind.synthesis, Kind.claims) else None
        shown = flt.themes or None
        if kind is Kind.themes and columns:  # the grid's themes (and so its totals) are the columns asked for
            shown = [c.strip() for c in columns.split(",") if c.strip() in book.theme_ids] or shown
        built = _build(kind, entries, evidence, found, book, lang.value, shown, matrix_columns, cell, frames, reads)
        if columns and kind is not Kind.matrix:
            _keep_columns(built, columns)
        coverage.shown = len(entries)
        coverage.filters = (flt if by_theme else replace(flt, themes=[])).named(book, lang.value)
        add_note(built, coverage)
        if not built.has_rows():
            if kind is Kind.claims and any(e.tags for e in entries):
                raise CorpusError(tr("no claims for these filters ({filters}): no two sources say the same thing "
                                     "about a theme in like words; `litreview table evidence` lists what each says",
                                     filters=flt.describe()))
            raise CorpusError(tr("no {kind} rows for these filters ({filters}); are the papers tagged? run "
                                 "`litreview tag`", kind=kind.value, filters=flt.describe()))
        if chosen == "csv":  # written as its rows are built (the corpus still open to read them)
            write_with(lambda handle: render_to(handle, [built], chosen), output, chosen)
        else:
            width = out.width if stdout_is_terminal() else 120
            data = render([built], chosen, width=width, page=page, bib=bib.name if bib is not None else None,
                          color=chosen == "terminal" and output is None and stdout_is_terminal())
            if bib is not None:
                from litreview.export.bibtex import export_bibtex
                from litreview.render.latex import cites

                if cites([built]):
                    papers = [e.paper for e in entries if e.paper is not None]  # kept: not slim with --bib
                    write_bytes(export_bibtex(papers).encode("utf-8"), bib, "bibtex")
            write_bytes(data, output, chosen)
    say_coverage(coverage)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block: a table holds many small objects
    (papers, tags, evidence, cells) and none of them in reference cycles, yet the collector scans
    them again and again as they are made, half the time of a table of 70,000 papers. Reference
    counting still frees everything; the collector runs again after the block."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _matrix_columns(columns: str | None) -> list[str] | None:
    from litreview.synthesis.matrix import MATRIX_COLUMNS, OPTIONAL_MATRIX_COLUMNS

    if not columns:
        return None
    chosen = [c.strip() for c in columns.split(",") if c.strip()]
    known = MATRIX_COLUMNS + OPTIONAL_MATRIX_COLUMNS
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise UsageError(tr("--columns: unknown column {name}; choose from {known}", name=repr(unknown[0]),
                            known=", ".join(known)))
    return chosen


def _keep_columns(table, columns: str) -> None:  # type: ignore[no-untyped-def]
    """Show only the chosen columns of a built table, in the order given. The synthesis's and the
    claims table's "both" column, left out when empty, can be asked for all the same."""
    from litreview.synthesis.claims import CLAIM_WORDS
    from litreview.synthesis.review import WORDS
    from litreview.synthesis.table import Column

    by_key = {c.key: c for c in table.columns}
    if table.kind in ("synthesis", "claims") and "both" not in by_key:
        words = WORDS[table.lang] if table.kind == "synthesis" else CLAIM_WORDS[table.lang]
        by_key["both"] = Column("both", words["both"], "long", 20)
    chosen = [c.strip() for c in columns.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in by_key]
    if unknown:
        raise UsageError(tr("--columns: unknown column {name}; choose from {known}", name=repr(unknown[0]),
                            known=", ".join(by_key)))
    table.columns = [by_key[c] for c in chosen]
    if "both" not in chosen:  # the note that explains the column goes with it
        from litreview.synthesis.synthesize import BOTH_NOTE

        explaining = {*BOTH_NOTE.values(), *(w["both_note"] for w in CLAIM_WORDS.values())}
        table.notes = [note for note in table.notes if note not in explaining]


def _build(kind, entries, evidence, found, book, lang, themes, columns, cell, frames, reads):  # type: ignore[no-untyped-def]
    if kind is Kind.matrix:
        from litreview.synthesis.matrix import build_matrix

        return build_matrix(entries, book, lang, found, columns, stream=True)
    if kind is Kind.themes:
        from litreview.synthesis.grid import build_theme_grid

        return build_theme_grid(entries, book, lang, cell, themes, stream=True)
    if kind is Kind.synthesis:
        from litreview.synthesis.synthesize import build_synthesis

        return build_synthesis(entries, evidence, book, lang, themes, frames=frames, reads=reads)
    if kind is Kind.claims:
        from litreview.synthesis.claims import build_claims_table

        return build_claims_table(entries, evidence, book, lang, themes, reads)
    from litreview.synthesis.quotes import build_evidence_table

    return build_evidence_table(entries, evidence, book, lang, themes, stream=True)


def register(app: typer.Typer) -> None:
    app.command()(table)
