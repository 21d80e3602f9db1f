"""`chart` and `report`: figures of the corpus, and one self-contained HTML review report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli.common import AllOpt, CorpusOpt, check_writable, err, open_corpus, screening_scope, write_bytes
from litreview.cli.themes import CodebookOpt, Lang, LangOpt, load_for
from litreview.errors import UsageError
from litreview.i18n import tr

_KINDS_HELP = "years, themes, themes-by-year, cooccurrence, platforms, methods, network or prisma."


def chart(
    kind: Annotated[str, typer.Argument(help=_KINDS_HELP, show_default=False)],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE (.svg, .png at 300 dpi, or .pdf).")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="svg, png, pdf, or json (the chart's numbers).")
    ] = None,
    by: Annotated[str, typer.Option("--by", help="years only: stack by source (database) or type.")] = "source",
    lang: LangOpt = Lang.en,
    all_records: AllOpt = False,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Draw a figure of the corpus for a paper or a slide: sized for A4, colour-blind-safe colours,
    a title and a source note. [cyan]--format json[/cyan] prints the numbers drawn.

    Examples: [cyan]litreview chart years -o tahun.png --lang id[/cyan]
    [cyan]litreview chart cooccurrence -o themes.pdf[/cyan]   [cyan]litreview chart themes --format json[/cyan]
    """
    from litreview.synthesis.charts import build_chart, check_kind

    check_kind(kind)
    if by not in ("source", "type"):
        raise UsageError(tr("--by {value}: choose source or type", value=repr(by)))
    chosen = _chart_format(fmt, output)
    if output is not None:
        check_writable(output)
    with open_corpus(corpus_dir) as corpus:
        within = screening_scope(corpus, all_records) if kind != "prisma" else None
        built = build_chart(corpus, load_for(corpus.root, codebook), kind, lang.value, by, within)
    if chosen == "json":
        write_bytes((json.dumps(built.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8"), output, chosen)
        return
    from litreview.render.chart import render_chart

    write_bytes(render_chart(built, chosen), output, chosen)


def _chart_format(fmt: str | None, output: Path | None) -> str:
    import sys

    from litreview.render.chart import FORMATS, format_for_path

    if fmt is not None:
        if fmt not in (*FORMATS, "json"):
            raise UsageError(tr("--format {value}: choose svg, png, pdf or json", value=repr(fmt)))
        chosen = fmt
    elif output is not None:
        found = format_for_path(output) or ("json" if output.suffix.lower() == ".json" else None)
        if found is None:
            raise UsageError(tr("{output}: unknown figure extension {suffix}; use .svg, .png, .pdf or .json, or give "
                                "--format", output=output, suffix=repr(output.suffix or "(none)")))
        chosen = found
    else:
        raise UsageError(tr("give --output FILE (.svg, .png, .pdf) or --format json"))
    if output is None and chosen in ("png", "pdf") and sys.stdout.isatty():
        raise UsageError(tr("{fmt} is a binary format; give --output FILE", fmt=chosen))
    return chosen


def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.", show_default=False)],
    top: Annotated[
        int, typer.Option("--top", min=0, help="Reading list: each theme's N strongest papers (0: every paper).")
    ] = 20,
    lang: LangOpt = Lang.en,
    all_records: AllOpt = False,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """One self-contained HTML review report (no network needed): overview, every chart, the theme
    synthesis and grid, an evidence browser filtered by theme, source and year, the reading list
    and the PRISMA flow; prints on A4 with a page per section.

    Example: [cyan]litreview report -o review.html --lang id[/cyan]
    """
    from rich.markup import escape

    from litreview.render.report import render_report
    from litreview.synthesis.report import build_report

    if output.suffix.lower() not in (".html", ".htm"):
        raise UsageError(tr("{output}: the report is HTML; name it .html", output=output))
    check_writable(output)
    with open_corpus(corpus_dir) as corpus:
        built = build_report(corpus, load_for(corpus.root, codebook), lang.value, reading_top=top or None,
                             within=screening_scope(corpus, all_records))
    for kind, reason in built.skipped:
        err.print(f"[yellow]{tr('note:')}[/yellow] " + escape(tr("chart {kind} left out: {reason}", kind=kind,
                                                                 reason=reason)))
    write_bytes(render_report(built), output, "html")


def register(app: typer.Typer) -> None:
    app.command()(chart)
    app.command()(report)
