"""`screen`: title-abstract and full-text screening, on a terminal screen or in batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from litreview.cli.common import CorpusOpt, err, open_corpus, stdin_is_terminal, stdout_is_terminal, write_output
from litreview.cli.themes import Lang, LangOpt
from litreview.errors import UsageError
from litreview.i18n import tr


def screen(
    stage: Annotated[str | None, typer.Option("--stage", "-s", help="title-abstract (ta, the default) or full-text "
                                                                 "(ft).", show_default=False)] = None,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", "-r", help="Who decides (default: $LITREVIEW_REVIEWER, else your "
                                                          "login name).", show_default=False)] = None,
    order: Annotated[str, typer.Option(help="The screen's order: ranked (most like the included first), random, "
                                            "year or title.")] = "ranked",
    include: Annotated[list[str] | None, typer.Option("--include", metavar="KEYS",
                                                      help="Include these papers (comma-separated; repeat).")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="KEYS",
                                                      help="Exclude these papers (with --reason).")] = None,
    maybe: Annotated[list[str] | None, typer.Option("--maybe", metavar="KEYS",
                                                    help="Mark these papers maybe.")] = None,
    reason: Annotated[str, typer.Option("--reason", help="The exclusion reason: its number in `--reasons` or its "
                                                         "words.")] = "",
    resolve: Annotated[bool, typer.Option("--resolve", help="With --include/--exclude/--maybe: the final decision "
                                                            "on a conflict (overrules reviewers and rules).")] = False,
    rules: Annotated[Path | None, typer.Option("--rules", help="Exclude by rules in a YAML file (year range, "
                                                               "language, type, no abstract).")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --rules: apply them (without: only list their "
                                                          "effect).")] = False,
    import_file: Annotated[Path | None, typer.Option("--import", help="Record decisions from a CSV (key, decision, "
                                                                      "reason; stage and reviewer optional).")] = None,
    export_file: Annotated[Path | None, typer.Option("--export", help="Write a screening sheet (CSV) of the stage's "
                                                                      "records with the reviewer's decisions.")] = None,
    conflicts: Annotated[bool, typer.Option("--conflicts", help="List the papers reviewers disagree on.")] = False,
    agreement: Annotated[bool, typer.Option("--agreement", help="Cohen's kappa between reviewers, per stage.")]
    = False,
    history: Annotated[str | None, typer.Option("--history", metavar="KEY", help="Every decision ever made on "
                                                                                 "a paper.")] = None,
    reasons: Annotated[bool, typer.Option("--reasons", help="List the review's exclusion reasons.")] = False,
    add_reason: Annotated[list[str] | None, typer.Option("--add-reason", metavar="TEXT",
                                                         help="Add an exclusion reason (repeat).")] = None,
    set_reasons: Annotated[Path | None, typer.Option("--set-reasons", metavar="FILE",
                                                     help="Replace the reasons by a file's lines.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json (conflicts, agreement, history, "
                                                            "reasons).")] = "text",
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Screen records at title-abstract and full text: a keyboard-driven screen ([cyan]i[/cyan] include,
    [cyan]e[/cyan] exclude, [cyan]m[/cyan] maybe, a number for the reason, [cyan]u[/cyan] undo,
    [cyan]n[/cyan]/[cyan]p[/cyan] next/previous, [cyan]/[/cyan] search, [cyan]q[/cyan] quit and resume later), or
    batch decisions, rules, CSV sheets, conflicts and agreement between two reviewers.

    Examples: [cyan]litreview screen[/cyan]   [cyan]litreview screen --rules rules.yaml --yes[/cyan]
    [cyan]litreview screen --stage ft --exclude munadi2023 --reason 3[/cyan]
    [cyan]litreview screen --conflicts[/cyan]   [cyan]litreview screen --resolve --include cobis2023[/cyan]
    """
    from litreview.screening.decisions import parse_stage, reviewer_name

    chosen_stage = parse_stage(stage or "title-abstract")
    if fmt not in ("text", "json"):
        raise UsageError(tr("--format {value}: choose text or json", value=repr(fmt)))
    batch = {"include": _keys(include), "exclude": _keys(exclude), "maybe": _keys(maybe)}
    actions = [name for name, given in (
        ("--include/--exclude/--maybe", any(batch.values())), ("--rules", rules is not None),
        ("--import", import_file is not None), ("--export", export_file is not None), ("--conflicts", conflicts),
        ("--agreement", agreement), ("--history", history is not None),
        ("--reasons/--add-reason/--set-reasons", reasons or bool(add_reason) or set_reasons is not None)) if given]
    if len(actions) > 1:
        raise UsageError(tr("{first} and {second} do not go together; run one at a time", first=actions[0],
                            second=actions[1]))
    if sum(bool(v) for v in batch.values()) > 1:
        raise UsageError(tr("give one of --include, --exclude and --maybe at a time"))
    if reason and not batch["exclude"]:
        raise UsageError(tr("--reason goes with --exclude"))
    if resolve and not any(batch.values()):
        raise UsageError(tr("--resolve goes with --include, --exclude or --maybe"))
    if yes and rules is None:
        raise UsageError(tr("--yes goes with --rules"))
    who = reviewer_name(reviewer)
    with open_corpus(corpus_dir) as corpus:
        if any(batch.values()):
            _batch(corpus, batch, chosen_stage, who, reason, resolve)
        elif rules is not None:
            _rules(corpus, rules, yes, who)
        elif import_file is not None:
            _import(corpus, import_file, chosen_stage, who)
        elif export_file is not None:
            from litreview.screening.sheet import export_sheet

            data, rows = export_sheet(corpus, chosen_stage, who)
            write_output(data, None if str(export_file) == "-" else export_file)
            if str(export_file) != "-":
                err.print(tr("Wrote {file}: {n} records at {stage} for {who}", file=escape(str(export_file)), n=rows,
                             stage=chosen_stage, who=escape(who)))
        elif conflicts:
            _conflicts(corpus, fmt, chosen_stage if stage else None)
        elif agreement:
            _agreement(corpus, fmt)
        elif history is not None:
            _history(corpus, history, fmt)
        elif reasons or add_reason or set_reasons is not None:
            _reasons(corpus, add_reason or [], set_reasons, fmt)
        else:
            _interactive(corpus, who, chosen_stage, order)


def _keys(values: list[str] | None) -> list[str]:
    return [k.strip() for v in values or [] for k in v.replace(";", ",").split(",") if k.strip()]


def _batch(corpus, batch, stage, who, reason, resolve) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.actions import decide

    decision = next(name for name, keys in batch.items() if keys)
    corpus.check_writable()
    done = decide(corpus, batch[decision], decision, stage, who, reason, "resolve" if resolve else "batch",
                  final=resolve)
    same = tr("; {n} already so", n=done.unchanged) if done.unchanged else ""
    err.print(tr("{stage}: {n} resolved as {decision} by {who}{same}" if resolve
                 else "{stage}: {n} recorded: {decision} by {who}{same}",
                 stage=stage, n=done.written, decision=decision, who=escape(who), same=same))


def _rules(corpus, path: Path, yes: bool, who: str) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.rules import apply_rules, load_rules, plan_rules

    loaded = load_rules(path)
    plan = plan_rules(corpus, loaded)
    lines = [tr("Rules of {path} on {n} records (title-abstract):", path=path, n=plan.records)]
    for number, effect in enumerate(plan.effects, start=1):
        sample = ", ".join(effect.keys[:5]) + (", ..." if len(effect.keys) > 5 else "")
        lines.append(f"  {number}. " + tr("{rule} -> exclude ({reason}): {records} ({new} new)",
                                           rule=effect.rule.describe(), reason=effect.rule.reason,
                                           records=_records(len(effect.keys)), new=len(effect.new))
                     + (f": {sample}" if sample else ""))
    if plan.lifted:
        lines.append("  " + tr("no rule excludes any more: {records} ({keys})", records=_records(len(plan.lifted)),
                               keys=", ".join(plan.lifted[:5]) + (", ..." if len(plan.lifted) > 5 else "")))
    write_output("\n".join(lines) + "\n", None)
    if not yes:
        err.print(tr("nothing written; {n} changes: run again with --yes to apply them", n=plan.changes))
        return
    corpus.check_writable()
    applied = apply_rules(corpus, loaded, who)
    err.print(tr("applied: {n} records excluded by the rules, {changes} changes",
                 n=sum(len(e.keys) for e in applied.effects), changes=applied.changes))


def _records(n: int) -> str:
    return tr("{n} record", "{n} records", n=n)


def _import(corpus, path: Path, stage: str, who: str) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.sheet import import_sheet

    corpus.check_writable()
    result = import_sheet(corpus, path, stage, who)
    err.print(tr("{path}: {written} decisions recorded, {unchanged} unchanged, {blank} rows without a decision "
                 "skipped", path=path, written=result.written, unchanged=result.unchanged, blank=result.blank))


def _conflicts(corpus, fmt: str, stage: str | None) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.actions import corpus_standings
    from litreview.screening.decisions import conflicts

    found = conflicts(corpus_standings(corpus), stage)
    if fmt == "json":
        write_output(json.dumps([{"key": c.key, "stage": c.stage, "reviewers": [
            {"reviewer": r, "decision": d, "reason": why} for r, (d, why) in c.reviewers.items()]} for c in found],
            ensure_ascii=False, indent=2), None)
        return
    lines = [f"{c.key}\t{c.stage}\t" + "; ".join(f"{r}: {d}{' (' + why + ')' if why else ''}"
                                                   for r, (d, why) in c.reviewers.items()) for c in found]
    write_output("\n".join(lines) + ("\n" if lines else ""), None)
    hint = tr("; resolve each with `litreview screen --resolve --include KEY` (or --exclude KEY --reason R)")
    err.print(tr("{n} conflict", "{n} conflicts", n=len(found)) + (hint if found else ""))


def _agreement(corpus, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.decisions import agreement

    found = agreement(corpus.screening_lanes())
    if fmt == "json":
        write_output(json.dumps([{"stage": a.stage, "reviewers": [a.first, a.second], "papers": a.papers,
                                  "agreed": a.agreed, "observed": round(a.observed, 4),
                                  "kappa": None if a.kappa is None else round(a.kappa, 4)} for a in found],
                                ensure_ascii=False, indent=2), None)
        return
    if not found:
        err.print(tr("no paper was decided by two reviewers at the same stage yet"))
        return
    lines = []
    for a in found:
        kappa = tr("n/a (no variation)") if a.kappa is None else f"{a.kappa:.2f}"
        lines.append(tr("{stage}: {first} and {second}: {papers} papers decided by both, {agreed} alike "
                        "({observed}), Cohen's kappa = {kappa}", stage=a.stage, first=a.first, second=a.second,
                        papers=a.papers, agreed=a.agreed, observed=f"{a.observed:.0%}", kappa=kappa))
    write_output("\n".join(lines) + "\n", None)


def _history(corpus, key: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    rows = list(corpus.decision_history(key))
    if fmt == "json":
        write_output(json.dumps(rows, ensure_ascii=False, indent=2), None)
        return
    lines = [f"{r['decided_at']}\t{r['stage']}\t{r['role']}\t{r['reviewer']}\t{r['decision']}"
             f"{chr(9) + r['reason'] if r['reason'] else ''}{chr(9) + '(' + r['source'] + ')' if r['source'] else ''}"
             for r in rows]
    write_output("\n".join(lines) + ("\n" if lines else ""), None)
    if not rows:
        err.print(tr("{key}: no screening decision yet", key=escape(key)))


def _reasons(corpus, added: list[str], replace: Path | None, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.actions import add_reasons, replace_reasons, review_reasons

    if replace is not None:
        try:
            lines = replace.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise UsageError(tr("{path}: cannot read ({problem})", path=replace, problem=exc.strerror or exc)) from None
        corpus.check_writable()
        found = replace_reasons(corpus, [line.lstrip("-*0123456789.) \t") for line in lines], str(replace))
    elif added:
        corpus.check_writable()
        found = add_reasons(corpus, added)
    else:
        found = review_reasons(corpus)
    if fmt == "json":
        write_output(json.dumps(found, ensure_ascii=False, indent=2), None)
    else:
        write_output("".join(f"{n}. {r}\n" for n, r in enumerate(found, start=1)), None)


def _interactive(corpus, who: str, stage: str, order: str) -> None:  # type: ignore[no-untyped-def]
    from litreview.screening.session import ScreenSession

    if not (stdin_is_terminal() and stdout_is_terminal()):
        raise UsageError(tr("the screen needs a terminal; in a script use --include/--exclude KEYS, --rules or "
                            "--import"))
    corpus.check_writable()
    session = ScreenSession(corpus, who, stage, order)
    from litreview.cli.screen_app import ScreenApp

    ScreenApp(session).run()
    p = session.progress()
    err.print(tr("{stage} ({who}): screened {screened} of {records}: included {included}, excluded {excluded}, "
                 "maybe {maybe}, left {left}; `litreview screen` resumes here", stage=stage, who=escape(who),
                 screened=p.screened, records=p.records, included=p.included, excluded=p.excluded, maybe=p.maybe,
                 left=p.left))


def register(app: typer.Typer) -> None:
    app.command()(screen)
