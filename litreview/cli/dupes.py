"""`dupes` and `merge`: reviewing suspected duplicates, telling works apart, merging by hand."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from litreview.cli.common import CorpusOpt, err, open_corpus, out, write_output
from litreview.cli.themes import Lang, LangOpt
from litreview.errors import UsageError
from litreview.i18n import localize, tr


class DupesFormat(StrEnum):
    text = "text"
    json = "json"


def dupes(
    keys: Annotated[
        list[str] | None,
        typer.Argument(help="Only groups holding these papers; with --distinct, the two papers.", show_default=False),
    ] = None,
    distinct: Annotated[
        bool, typer.Option("--distinct", help="Record that the two KEYS are different works (never merged or listed).")
    ] = False,
    min_score: Annotated[
        float, typer.Option("--min-score", help="Only pairs whose titles are at least this similar (0-100).")
    ] = 0.0,
    fmt: Annotated[DupesFormat, typer.Option("--format", "-f", help="text or json.")] = DupesFormat.text,
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """List suspected duplicates, in groups, with the reason and scores of each pair.

    Each pair shows: DOI equal, title similarity, year equal, first author equal, venue similarity.
    "duplicate" pairs have strong evidence (DOI, or title + year + first author);
    "possible" ones need your judgement.

    Examples: [cyan]litreview dupes[/cyan]
    [cyan]litreview dupes --distinct munadi2019 munadi2023[/cyan]
    """
    from litreview.duplicates import corpus_duplicate_groups

    if distinct:
        _mark_distinct(keys or [], corpus_dir)
        return
    if not 0 <= min_score <= 100:
        raise UsageError(tr("--min-score {value}: give a similarity from 0 to 100", value=f"{min_score:g}"))
    with open_corpus(corpus_dir) as corpus:
        for key in keys or []:
            corpus.get(key)  # an unknown key fails with suggestions
        groups = corpus_duplicate_groups(corpus, min_score, keys)
        papers = {p.key: p for p in corpus.iter_papers(sorted({k for g in groups for k in g.keys}))}
    if fmt is DupesFormat.json:
        data = [{**g.to_dict(), "papers": [_paper_summary(papers[k]) for k in g.keys]} for g in groups]
        write_output(json.dumps(data, ensure_ascii=False, indent=2), None)
        return
    for number, group in enumerate(groups, 1):
        _print_group(number, group, papers)
    strong = sum(g.strong for g in groups)
    err.print(tr("{n} group of suspected duplicates ({strong} with strong evidence); merge with `litreview merge "
                 "KEY KEY...`, or keep apart with `litreview dupes --distinct KEY KEY`",
                 "{n} groups of suspected duplicates ({strong} with strong evidence); merge with `litreview merge "
                 "KEY KEY...`, or keep apart with `litreview dupes --distinct KEY KEY`", n=len(groups), strong=strong))


def _mark_distinct(keys: list[str], corpus_dir: Any) -> None:
    if len(keys) != 2:
        raise UsageError(tr("--distinct takes exactly two keys (got {n}): litreview dupes --distinct KEY KEY",
                            n=len(keys)))
    if keys[0] == keys[1]:
        raise UsageError(tr("{key} is given twice; give two different papers", key=keys[0]))
    with open_corpus(corpus_dir) as corpus:
        with corpus.transaction():
            new = corpus.mark_distinct(keys[0], keys[1])
    a, b = (escape(k) for k in keys)
    if new:
        err.print(tr("Recorded: {a} and {b} are different works; they will not be listed or merged as duplicates.",
                     a=a, b=b))
    else:
        err.print(tr("{a} and {b} were already recorded as different works.", a=a, b=b))


def _paper_summary(paper: Any) -> dict[str, Any]:
    return {"key": paper.key, "year": paper.year, "first_author": paper.first_author, "title": paper.title,
            "journal": paper.journal, "doi": paper.doi}


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else (tr("yes") if value else tr("no"))


TITLE_GROUP_SHOWN = 10  # papers listed of a group sharing one title; --format json lists them all


def _print_group(number: int, group: Any, papers: dict[str, Any]) -> None:
    kind = f"[red]{tr('duplicates')}[/red]" if group.strong else f"[yellow]{tr('possible duplicates')}[/yellow]"
    if group.shared_title:
        title = papers[group.keys[0]].title
        out.print(f"[bold]{number}.[/bold] {kind}: "
                  + tr("{count} papers share the title {title} (other years or authors; pairs with the same year and "
                       "first author are listed on their own)", count=f"{len(group.keys):,}",
                       title=escape(repr(title))))
        more = len(group.keys) - TITLE_GROUP_SHOWN
        group = type(group)(keys=group.keys[:TITLE_GROUP_SHOWN])
    else:
        more = 0
        out.print(f"[bold]{number}.[/bold] {kind}")
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column(style="cyan", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(max_width=18, no_wrap=True)
    table.add_column(ratio=1)
    for key in group.keys:
        p = papers[key]
        venue = f" ({p.journal})" if p.journal else ""
        table.add_row(escape(key), str(p.year or ""), escape(p.first_author), escape(p.title + venue))
    out.print(table)
    if more > 0:
        out.print("   " + tr("… and {count} more (`litreview dupes --format json` lists them all)", count=f"{more:,}"))
    for pair in group.pairs:
        s = pair.scores
        venue = "?" if s.venue is None else f"{s.venue:.0f}"
        verdict = tr("duplicate") if pair.strong else tr("possible")
        scores = tr("doi {doi}, title {title}, year {year}, first author {author}, venue {venue}",
                    doi=_yes_no(s.doi_equal), title=f"{s.title:.0f}", year=_yes_no(s.year_equal),
                    author=_yes_no(s.first_author_equal), venue=venue)
        out.print(f"   {escape(pair.a)} ~ {escape(pair.b)}: {verdict}; {scores} "
                  f"[dim]({escape(localize(pair.reason))})[/dim]")


def merge(
    keys: Annotated[list[str], typer.Argument(help="The paper to keep, then the papers to merge into it.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Merge papers by hand: the first key is kept and takes every field, source and file of the others.

    Each field comes from the richest record; values that lose are kept with the source they came
    from (`litreview show KEY` lists them).

    Example: [cyan]litreview merge munadi2023 munadi2023a --yes[/cyan]
    """
    from litreview.duplicates import apply_merge, plan_merge

    with open_corpus(corpus_dir) as corpus:
        plan = plan_merge(corpus, keys)
        _print_plan(plan)
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(tr("merging needs confirmation: pass --yes"))
            if not typer.confirm(tr("Merge {n} paper into {key}?", "Merge {n} papers into {key}?", n=len(plan.others),
                                    key=plan.kept), err=True):
                err.print(tr("Nothing merged."))
                raise typer.Exit(1)
        with corpus.transaction():  # planned again under the lock: nothing added meanwhile is lost
            apply_merge(corpus, plan_merge(corpus, keys))
    err.print(tr("Merged {keys} into {key}; run `litreview tag` to tag it again", keys=escape(", ".join(plan.others)),
                 key=escape(plan.kept)))


def _print_plan(plan: Any) -> None:
    keep, merge = tr("Keep"), tr("Merge")
    width = max(len(keep), len(merge), 5) + 2
    err.print(f"{keep:<{width}}[cyan]{escape(plan.kept)}[/cyan]  {escape(plan.titles[plan.kept])}")
    for key in plan.others:
        err.print(f"{merge:<{width}}[cyan]{escape(key)}[/cyan]  {escape(plan.titles[key])}")
    if plan.gained:
        err.print(tr("Fields {key} gains or improves: {fields}", key=escape(plan.kept),
                     fields=escape(", ".join(plan.gained))))
    for key, lost in plan.conflicts.items():
        for name, value in lost.items():
            err.print("  " + tr("conflict: {field} of {key} kept with its source: {value}", field=escape(name),
                                key=escape(key), value=escape(show_value(value))))
    for a, b in plan.marked_distinct:
        err.print(f"[yellow]{tr('note:')}[/yellow] " + tr("{a} and {b} were recorded as different works", a=escape(a),
                                                           b=escape(b)))


def show_value(value: Any, limit: int = 160) -> str:
    """A conflicting value on one line: authors by name, lists joined, long text cut."""
    from litreview.model import Person

    if isinstance(value, list):
        text = "; ".join(Person.from_dict(v).display() if isinstance(v, dict) else str(v) for v in value)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def register(app: typer.Typer) -> None:
    """Register this module's commands on the app."""
    app.command()(dupes)
    app.command()(merge)
