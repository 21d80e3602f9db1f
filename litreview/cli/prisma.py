"""`prisma`: the identification counts of a PRISMA 2020 flow diagram."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from litreview.cli.common import CorpusOpt, open_corpus, write_output
from litreview.cli.themes import Lang, LangOpt
from litreview.errors import UsageError


def prisma(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (default) or json.")] = "text",
    lang: LangOpt = Lang.en,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Records identified per database and file, duplicates removed, and records left to screen:
    the identification box of a PRISMA 2020 flow diagram.

    Example: [cyan]litreview add scopus.csv PoPCites.csv savedrecs.txt && litreview prisma[/cyan]
    """
    from litreview.synthesis.prisma import corpus_identification, render_text

    if fmt not in ("text", "json"):
        raise UsageError(f"--format {fmt!r}: choose text or json")
    with open_corpus(corpus_dir) as corpus:
        ident = corpus_identification(corpus, lang.value)
    if fmt == "json":
        write_output(json.dumps(ident.to_dict(), ensure_ascii=False, indent=2), None)
    else:
        write_output(render_text(ident, lang.value), None)


def register(app: typer.Typer) -> None:
    app.command()(prisma)
