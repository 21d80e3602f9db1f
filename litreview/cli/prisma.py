"""`prisma`: the counts of a PRISMA 2020 flow diagram, and the diagram itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli.common import CorpusOpt, check_writable, open_corpus, write_bytes, write_output
from litreview.cli.themes import Lang, LangOpt
from litreview.errors import UsageError
from litreview.i18n import tr


def prisma(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (default) or json.")] = "text",
    diagram: Annotated[
        Path | None, typer.Option("--diagram", "-d", help="Draw the PRISMA 2020 flow diagram to FILE (.svg, .png "
                                                          "at 300 dpi, or .pdf), sized for A4.", show_default=False)
    ] = None,
    lang: LangOpt = Lang.en,
    corpus_dir: CorpusOpt = None,
) -> None:
    """The PRISMA 2020 flow: records identified per database and file, duplicates and records the
    screening rules removed, records screened and excluded, reports sought, not retrieved, assessed
    and excluded (with the reasons and their counts), and the studies included.

    Examples: [cyan]litreview add scopus.csv PoPCites.csv savedrecs.txt && litreview prisma[/cyan]
    [cyan]litreview prisma --diagram alur-prisma.pdf --lang id[/cyan]   [cyan]litreview prisma --format json[/cyan]
    """
    from litreview.synthesis.prisma import corpus_flow, render_flow_text

    if fmt not in ("text", "json"):
        raise UsageError(tr("--format {value}: choose text or json", value=repr(fmt)))
    figure_format = None
    if diagram is not None:
        from litreview.render.chart import format_for_path

        figure_format = format_for_path(diagram)
        if figure_format is None:
            raise UsageError(tr("{output}: unknown figure extension {suffix}; use .svg, .png or .pdf", output=diagram,
                                suffix=repr(diagram.suffix or "(none)")))
        check_writable(diagram)
    with open_corpus(corpus_dir) as corpus:
        if diagram is not None and figure_format is not None:
            from litreview.render.chart import render_chart
            from litreview.synthesis.charts import prisma_chart

            write_bytes(render_chart(prisma_chart(corpus, lang.value), figure_format), diagram, figure_format)
            return
        result = corpus_flow(corpus, lang.value)
    if fmt == "json":
        write_output(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), None)
    else:
        write_output(render_flow_text(result, lang.value), None)


def register(app: typer.Typer) -> None:
    app.command()(prisma)
