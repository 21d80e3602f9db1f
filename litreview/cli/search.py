"""`search`: full-text search of titles, abstracts, full texts and evidence, ranked, with snippets."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from litreview.cli.common import CorpusOpt, err, open_corpus, out, write_output
from litreview.errors import UsageError
from litreview.i18n import tr

if TYPE_CHECKING:
    from litreview.search import Hit

_INDEXING_NOTICE = 200  # papers to index before a search after which the user is told why it waits


class Format(StrEnum):
    text = "text"
    json = "json"


def search(
    query: Annotated[list[str], typer.Argument(
        help='Words (all must match), "a phrase", OR, -word to exclude (after --, or inside quotes).',
        show_default=False)],
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only papers with this theme "
                                                    "(repeat for any of several).")] = None,
    year: Annotated[str | None, typer.Option(help="A year or range: 2023, 2020-2024, 2020-.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Papers shown at most.")] = 20,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    level: Annotated[str, typer.Option("--level", help="With --theme: discussed (default) or mentioned "
                                                       "(papers that only mention the theme too).")] = "discussed",
    corpus_dir: CorpusOpt = None,
) -> None:
    """Search titles, abstracts, full texts and evidence sentences; best matches first.

    Indonesian words also find their affixed forms ("kampanye" finds "berkampanye", "pemilih" "memilih");
    English words their endings ("campaigns" finds "campaign").

    Examples: [cyan]litreview search pemilih muda[/cyan]
    [cyan]litreview search '"media sosial" kampanye' --year 2020-[/cyan]
    [cyan]litreview search 'hoaks OR disinformasi -tiktok' --theme hoax --format json[/cyan]
    """
    from litreview.catalog import parse_year_range
    from litreview.search import pending_papers, search_corpus
    from litreview.text.stem import Stemmer

    years = parse_year_range(year)
    if level not in ("discussed", "mentioned"):
        raise UsageError(tr("--level {value}: choose discussed or mentioned", value=repr(level)))
    with open_corpus(corpus_dir) as corpus:
        if theme:
            _check_themes(corpus.root, theme)
        stemmer = Stemmer()
        waiting = pending_papers(corpus)
        if waiting >= _INDEXING_NOTICE:
            err.print(tr("Indexing {count} papers for search (once; later searches index only what changed)",
                         count=f"{waiting:,}"))
        hits = search_corpus(corpus, " ".join(query), list(theme or []), years, limit, stemmer, level)
    if fmt is Format.json:
        write_output(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2), None)
        return
    if not hits:
        err.print(tr("No papers match."))
        return
    for n, hit in enumerate(hits, 1):
        _print_hit(n, hit)
    err.print(tr("{n} paper", "{n} papers", n=len(hits))
              + (tr(" (the best {limit}; --limit shows more)", limit=limit) if len(hits) == limit else ""))


def _print_hit(n: int, hit: Hit) -> None:
    """A hit as rich Text: paper text is never read as markup, matched words are highlighted."""
    head = Text()
    head.append(f"{n}. ", style="dim")
    head.append(hit.key, style="cyan bold")
    if hit.citation:
        head.append(f"  ({hit.citation})", style="dim")
    out.print(head)
    out.print(_highlighted("   ", hit.title, hit.title_spans, "bold"))
    if hit.snippet.text:
        where = Text(f"  [{_field_name(hit.snippet.field)}]", style="dim")
        out.print(_highlighted("   ", hit.snippet.text, hit.snippet.spans, "").append_text(where))
    if hit.themes:
        out.print(Text("   " + tr("themes: {names}", names=", ".join(hit.themes)), style="dim"))


def _field_name(field: str) -> str:
    """The field a snippet comes from, as shown: "text", "abstract (id)", "keywords"..."""
    names = {"text": tr("text"), "abstract": tr("abstract"), "abstract_id": tr("abstract (id)"),
             "abstract_en": tr("abstract (en)"), "keywords": tr("keywords"), "title": tr("title")}
    return names.get(field, field)


def _highlighted(indent: str, text: str, spans: list[tuple[int, int]], style: str) -> Text:
    line = Text(indent + text, style=style)
    for start, end in spans:
        line.stylize("bold yellow", len(indent) + start, len(indent) + end)
    return line


def _check_themes(corpus_root, themes: list[str]) -> None:  # type: ignore[no-untyped-def]
    from litreview.cli.themes import load_for
    from litreview.synthesis.review import check_themes

    check_themes(load_for(corpus_root, None), themes)


def register(app: typer.Typer) -> None:
    app.command()(search)
