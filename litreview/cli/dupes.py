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
from litreview.errors import UsageError


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
        raise UsageError(f"--min-score {min_score:g}: give a similarity from 0 to 100")
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
    err.print(f"{len(groups)} group{'s' if len(groups) != 1 else ''} of suspected duplicates ({strong} with strong "
              "evidence); merge with `litreview merge KEY KEY...`,"
              " or keep apart with `litreview dupes --distinct KEY KEY`")


def _mark_distinct(keys: list[str], corpus_dir: Any) -> None:
    if len(keys) != 2:
        raise UsageError(f"--distinct takes exactly two keys (got {len(keys)}): litreview dupes --distinct KEY KEY")
    if keys[0] == keys[1]:
        raise UsageError(f"{keys[0]} is given twice; give two different papers")
    with open_corpus(corpus_dir) as corpus:
        with corpus.transaction():
            new = corpus.mark_distinct(keys[0], keys[1])
    a, b = (escape(k) for k in keys)
    if new:
        err.print(f"Recorded: {a} and {b} are different works; they will not be listed or merged as duplicates.")
    else:
        err.print(f"{a} and {b} were already recorded as different works.")


def _paper_summary(paper: Any) -> dict[str, Any]:
    return {"key": paper.key, "year": paper.year, "first_author": paper.first_author, "title": paper.title,
            "journal": paper.journal, "doi": paper.doi}


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else ("yes" if value else "no")


TITLE_GROUP_SHOWN = 10  # papers listed of a group sharing one title; --format json lists them all


def _print_group(number: int, group: Any, papers: dict[str, Any]) -> None:
    kind = "[red]duplicates[/red]" if group.strong else "[yellow]possible duplicates[/yellow]"
    if group.shared_title:
        title = papers[group.keys[0]].title
        out.print(f"[bold]{number}.[/bold] {kind}: {len(group.keys):,} papers share the title {escape(repr(title))}"
                  " (other years or authors; pairs with the same year and first author are listed on their own)")
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
        out.print(f"   … and {more:,} more (`litreview dupes --format json` lists them all)")
    for pair in group.pairs:
        s = pair.scores
        venue = "?" if s.venue is None else f"{s.venue:.0f}"
        verdict = "duplicate" if pair.strong else "possible"
        out.print(
            f"   {escape(pair.a)} ~ {escape(pair.b)}: {verdict}; doi {_yes_no(s.doi_equal)}, title {s.title:.0f},"
            f" year {_yes_no(s.year_equal)}, first author {_yes_no(s.first_author_equal)}, venue {venue}"
            f" [dim]({escape(pair.reason)})[/dim]"
        )


def merge(
    keys: Annotated[list[str], typer.Argument(help="The paper to keep, then the papers to merge into it.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    corpus_dir: CorpusOpt = None,
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
                raise UsageError("merging needs confirmation: pass --yes")
            if not typer.confirm(f"Merge {len(plan.others)} paper{'s' if len(plan.others) != 1 else ''} "
                                 f"into {plan.kept}?", err=True):
                err.print("Nothing merged.")
                raise typer.Exit(1)
        with corpus.transaction():  # planned again under the lock: nothing added meanwhile is lost
            apply_merge(corpus, plan_merge(corpus, keys))
    err.print(f"Merged {escape(', '.join(plan.others))} into {escape(plan.kept)}; run `litreview tag` to tag it again")


def _print_plan(plan: Any) -> None:
    err.print(f"Keep   [cyan]{escape(plan.kept)}[/cyan]  {escape(plan.titles[plan.kept])}")
    for key in plan.others:
        err.print(f"Merge  [cyan]{escape(key)}[/cyan]  {escape(plan.titles[key])}")
    if plan.gained:
        err.print(f"Fields {escape(plan.kept)} gains or improves: {escape(', '.join(plan.gained))}")
    for key, lost in plan.conflicts.items():
        for name, value in lost.items():
            err.print(f"  conflict: {escape(name)} of {escape(key)} kept with its source: {escape(show_value(value))}")
    for a, b in plan.marked_distinct:
        err.print(f"[yellow]note:[/yellow] {escape(a)} and {escape(b)} were recorded as different works")


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
