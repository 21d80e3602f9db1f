"""`codebook`, `tag`, `tags`, `themes`: coding papers by theme and looking at the result."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from litreview.cli.common import CorpusOpt, err, open_corpus, out, write_output
from litreview.errors import UsageError, ValidationError
from litreview.i18n import tr

NO_TEXT_SHOWN = 10  # papers without text named one by one; the rest are counted

CodebookOpt = Annotated[
    Path | None,
    typer.Option(
        "--codebook",
        help="Codebook YAML to use (default: the corpus's codebook.yaml, else the built-in one).",
        show_default=False,
    ),
]


class Lang(StrEnum):
    en = "en"
    id = "id"


class Format(StrEnum):
    text = "text"
    json = "json"


def lang_option(value: Lang, ctx: typer.Context, param: typer.CallbackParam) -> Lang:
    """``--lang`` given: the language of this run's messages too; not given: ``$LITREVIEW_LANG``
    (or the root ``litreview --lang``), else English."""
    from litreview import i18n

    source = ctx.get_parameter_source(param.name) if param.name else None
    if source is None or source.name == "DEFAULT":
        return Lang(i18n.lang())
    i18n.set_lang(value.value)
    return value


LangOpt = Annotated[
    Lang,
    typer.Option("--lang", case_sensitive=False, callback=lang_option,
                 help="Language of labels, headings and messages: en or id (default: $LITREVIEW_LANG, else en)."),
]


class Level(StrEnum):
    discussed = "discussed"
    mentioned = "mentioned"


LevelOpt = Annotated[
    Level,
    typer.Option("--level", help="discussed: themes a paper discusses (the tags); mentioned: also themes it only "
                                 "mentions (evidence under the bar)."),
]

_WORDS = {
    "en": {"theme": "theme", "label": "label", "terms": "terms", "papers": "papers", "auto": "auto",
           "manual": "manual", "removed": "removed", "evidence": "evidence", "description": "description",
           "threshold": "threshold", "score": "score", "sentences": "sentences", "origin": "origin",
           "no_tags": "no themes", "platforms": "platforms", "methods": "methods", "actors": "actors",
           "examples": "example terms", "page": "p.", "untagged": "not tagged yet; run `litreview tag`",
           "mentioned": "mentioned", "discussed": "discussed", "absent": "absent", "not tagged": "not tagged",
           "bar": "bar", "one_sentence": "one sentence"},
    "id": {"theme": "tema", "label": "label", "terms": "istilah", "papers": "artikel", "auto": "otomatis",
           "manual": "manual", "removed": "dihapus", "evidence": "bukti", "description": "deskripsi",
           "threshold": "ambang", "score": "skor", "sentences": "kalimat", "origin": "asal",
           "no_tags": "tidak ada tema", "platforms": "platform", "methods": "metode", "actors": "aktor",
           "examples": "contoh istilah", "page": "hlm.", "untagged": "belum ditandai; jalankan `litreview tag`",
           "mentioned": "disebut", "discussed": "dibahas", "absent": "tidak ada", "not tagged": "belum ditandai",
           "bar": "ambang", "one_sentence": "satu kalimat"},
}


def _corpus_root(corpus_dir: Path | None) -> Path | None:
    from litreview.store import find_corpus_dir

    return find_corpus_dir(explicit=corpus_dir)


def load_for(corpus_root: Path | None, codebook: Path | None) -> Any:
    """The codebook in force: --codebook, else the corpus's own, else the default."""
    from litreview.themes.codebook import load_codebook

    return load_codebook(codebook, corpus_root)


def make_tagger(corpus_root: Path | None, codebook: Path | None) -> Any:
    from litreview.themes.tagger import Tagger

    return Tagger(load_for(corpus_root, codebook))


# -- codebook ------------------------------------------------------------------------------
codebook_app = typer.Typer(
    help="The theme codebook: write your own copy, show it, check it.", no_args_is_help=True,
    rich_markup_mode="rich",
)


@codebook_app.command("init")
def codebook_init(
    force: Annotated[bool, typer.Option("--force", help="Overwrite the corpus's codebook if it exists.")] = False,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Copy the built-in codebook into the corpus, to edit.

    Example: [cyan]litreview codebook init[/cyan], then edit .litreview/codebook.yaml and run
    [cyan]litreview codebook check[/cyan] and [cyan]litreview tag[/cyan].
    """
    from litreview.themes.codebook import corpus_codebook_path, default_codebook_text

    with open_corpus(corpus_dir) as corpus:
        target = corpus_codebook_path(corpus.root)
    assert target is not None
    if target.exists() and not force:
        raise UsageError(tr("{target}: the corpus already has a codebook; edit it, or pass --force to replace it",
                             target=target))
    write_output(default_codebook_text(), target)
    err.print(escape(tr("Wrote {target}; edit it, then run `litreview codebook check` and `litreview tag`",
                        target=target)))


@codebook_app.command("show")
def codebook_show(
    codebook: CodebookOpt = None,
    lang: LangOpt = Lang.en,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Show the codebook in force as a table: themes, labels, terms, thresholds.

    Example: [cyan]litreview codebook show --lang id[/cyan]
    """
    book = load_for(_corpus_root_quiet(corpus_dir), codebook)
    words = _WORDS[lang.value]
    if fmt is Format.json:
        data = {
            "source": book.source,
            "themes": [
                {"id": t.id, "label": t.label, "description": t.description,
                 "terms": [{"term": x.text, "lang": x.lang, "weight": x.weight} for x in t.terms],
                 "patterns": [p.pattern for p in t.patterns], "exclude": [x.text for x in t.exclude],
                 "threshold": asdict(t.threshold)}
                for t in book.themes
            ],
            "facets": {k: [v.name for v in vs] for k, vs in book.facets.items()},
            "offered": _offered(corpus_dir),
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2), None)
        return
    table = Table(title=escape(tr("default codebook") if book.source == "default codebook" else book.source),
                  header_style="bold", show_lines=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column(words["label"])
    table.add_column(words["description"], ratio=2)
    table.add_column(words["terms"], justify="right")
    table.add_column(words["examples"], ratio=2)
    table.add_column(words["threshold"])
    for t in book.themes:
        own = [x.text for x in t.terms if x.lang == lang.value] or [x.text for x in t.terms]
        th = t.threshold
        table.add_row(
            escape(t.id), escape(t.label_in(lang.value)), escape(t.description_in(lang.value)),
            str(len(t.terms) + len(t.patterns)), escape(", ".join(own[:8]) + (" ..." if len(own) > 8 else "")),
            _bar_text(th),
        )
    out.print(table)
    _print_offered(corpus_dir)
    facets = ", ".join(f"{words.get(k, k)}: {len(v)}" for k, v in book.facets.items())
    err.print(tr("{n} themes; facets {facets}; a theme is discussed when one sentence counts 'single', "
                 "or its sentences (at least 'min') reach the bar, which grows with the text's words",
                 n=len(book.themes), facets=facets))


def _offered(corpus_dir: Path | None) -> list[dict[str, Any]]:
    """Codes a QDA project brought that are not themes (`tag import`), offered for the codebook."""
    root = _corpus_root_quiet(corpus_dir)
    if root is None:
        return []
    from litreview.store import Corpus

    with Corpus(root) as corpus:
        return corpus.offered_themes()


def _print_offered(corpus_dir: Path | None) -> None:
    offered = _offered(corpus_dir)
    if not offered:
        return
    out.print(f"[bold]{tr('Offered themes')}[/bold] " + tr("(codes from QDA projects that are not themes yet; add "
                                                          "them to the codebook's themes: with terms to tag by, to "
                                                          "use them)"))
    for theme in offered:
        papers = sorted({c["key"] for c in theme["codings"]})
        description = f": {theme['description']}" if theme["description"] else ""
        codings = len(theme["codings"])
        listed = ", ".join(papers[:6]) + (" ..." if len(papers) > 6 else "")
        out.print(f"  [cyan]{escape(theme['name'])}[/cyan]{escape(description)} "
                  + escape(tr("({codings} in {papers}: {listed}; from {source})",
                              codings=tr("{n} coding", "{n} codings", n=codings),
                              papers=tr("{n} paper", "{n} papers", n=len(papers)), listed=listed,
                              source=theme["source"])))


def _bar_text(th: Any) -> str:
    """A theme's decision rule in one cell: "single 2; 6 x (words/300)^0.25, min 2"."""
    bar = f"{th.min_score:g} x (words/{th.reference_words})^{th.length_exponent:g}" if th.length_exponent else (
        f"{th.min_score:g}")
    if th.per_1000_words:
        bar += f", {th.per_1000_words:g}/1,000 words"
    return (f"single {th.single:g}; " if th.single else "") + f"{bar}, min {th.min_sentences}"


@codebook_app.command("suggest")
def codebook_suggest(
    theme: Annotated[str, typer.Argument(help="The theme to find new terms for.", show_default=False)],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Suggestions shown at most.")] = 30,
    min_papers: Annotated[int, typer.Option("--min-papers", min=1, help="Theme papers a term must appear in.")] = 2,
    include_auto: Annotated[
        bool, typer.Option("--include-auto", help="Also learn from papers the tagger gave the theme, not only yours.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Words and phrases over-represented in the papers you tagged THEME by hand (`tag add`)
    against the other papers, with counts: candidates to add to the codebook.

    Example: [cyan]litreview tag add munadi2023 youth[/cyan] (on several papers), then
    [cyan]litreview codebook suggest youth[/cyan]
    """
    from litreview.text.stem import Stemmer
    from litreview.themes.suggest import suggest_terms

    with open_corpus(corpus_dir) as corpus:
        book = load_for(corpus.root, codebook)
        theme = book.resolve_all([theme])[0]
        chosen = corpus.keys_with_theme(theme, None if include_auto else "manual")
        if not chosen:
            raise ValidationError(
                tr("no paper is tagged '{theme}' by hand; tag some with `litreview tag add KEY {theme}`", theme=theme)
                + ("" if include_auto else tr(" (or use --include-auto)")))
        wanted = set(chosen)
        stemmer = Stemmer()
        known = {" ".join(stemmer.stems(term.text)): t.id for t in book.themes for term in t.terms}
        found, n_in, n_out = suggest_terms(
            corpus.iter_papers(chosen, full=True),
            (p for p in corpus.iter_papers(full=True) if p.key not in wanted),
            stemmer.stem, known, top, min_papers)
    if fmt is Format.json:
        write_output(json.dumps({"theme": theme, "theme_papers": n_in, "other_papers": n_out,
                                 "suggestions": [s.to_dict() for s in found]}, ensure_ascii=False, indent=2), None)
        return
    table = Table(header_style="bold", title=escape(tr("{theme}: {n_in} papers with the theme, {n_out} others",
                                                       theme=theme, n_in=n_in, n_out=n_out)))
    for name, justify in ((tr("term"), "left"), (tr("with {theme}", theme=theme), "right"), (tr("others"), "right"),
                          (tr("score"), "right"), (tr("in codebook"), "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in found:
        table.add_row(escape(s.term), f"{s.theme_papers}/{n_in}", f"{s.other_papers}/{n_out}", f"{s.score:.2f}",
                      escape(s.in_codebook))
    out.print(table)
    if not found:
        err.print(tr("no word is used by {min}+ of the {n_in} papers and rarer elsewhere; tag more papers or "
                     "lower --min-papers", min=min_papers, n_in=n_in))


@codebook_app.command("check")
def codebook_check(
    file: Annotated[Path | None, typer.Argument(help="Codebook to check (default: the one in force).")] = None,
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Check a codebook and list every problem with its line number.

    Example: [cyan]litreview codebook check .litreview/codebook.yaml[/cyan]
    """
    book = load_for(_corpus_root_quiet(corpus_dir), file)
    terms = sum(len(t.terms) + len(t.patterns) for t in book.themes)
    source = tr("default codebook") if book.source == "default codebook" else book.source
    err.print(f"[green]{tr('ok')}[/green] " + tr("{source}: {themes} themes, {terms} terms and patterns",
                                                 source=escape(source), themes=len(book.themes), terms=terms))


def _corpus_root_quiet(corpus_dir: Path | None) -> Path | None:
    """The corpus directory if there is one (codebook commands also work outside a corpus)."""
    return _corpus_root(corpus_dir)


# -- tag -------------------------------------------------------------------------------
class _TagGroup(TyperGroup):
    """`tag [KEYS]` re-tags; `tag add|remove|reset KEY THEME` records decisions.

    A first argument that is not a subcommand is a paper key.
    """

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "run", self.commands["run"], args
        return super().resolve_command(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        return [name for name in self.commands if name != "run"]


tag_app = typer.Typer(
    cls=_TagGroup, invoke_without_command=True, rich_markup_mode="rich",
    help=(
        "Tag papers by theme: [cyan]litreview tag[/cyan] (re)tags every paper whose text or codebook changed; "
        "[cyan]litreview tag KEY...[/cyan] tags those papers; "
        "[cyan]litreview tag add KEY THEME[/cyan] and [cyan]litreview tag remove KEY THEME[/cyan] record your own "
        "decisions, which re-tagging never overturns; [cyan]litreview tag reset KEY THEME[/cyan] forgets one."
    ),
)


def _run_tagging(keys: list[str] | None, codebook: Path | None, force: bool, corpus_dir: Path | None) -> None:
    from litreview.tagging import tag_corpus

    with open_corpus(corpus_dir) as corpus:
        tagger = make_tagger(corpus.root, codebook)
        report = tag_corpus(corpus, tagger, keys, force=force)
    for key in report.no_text[:NO_TEXT_SHOWN]:
        err.print(f"[yellow]{tr('no text')}[/yellow] " + tr("{key}: no full text or abstract to tag; skipped",
                                                            key=escape(key)))
    if len(report.no_text) > NO_TEXT_SHOWN:
        err.print(f"[yellow]{tr('no text')}[/yellow] "
                  + tr("... and {n} more papers without text or abstract (`litreview list --format json` shows "
                       "has_text)", n=len(report.no_text) - NO_TEXT_SHOWN))
    if report.assigned:
        counts = ", ".join(f"{t} {n}" for t, n in sorted(report.assigned.items(), key=lambda x: (-x[1], x[0])))
        err.print(tr("themes assigned: {counts}", counts=escape(counts)))
    err.print(escape(report.summary()))


@tag_app.callback()
def tag_main(
    ctx: typer.Context,
    codebook: CodebookOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-tag even papers whose text and codebook are unchanged.")
    ] = False,
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Tag papers by theme (all papers, or the KEYS given), or record your own decisions."""
    ctx.ensure_object(dict)
    ctx.obj["tag"] = {"codebook": codebook, "force": force, "corpus_dir": corpus_dir}
    if ctx.invoked_subcommand is None:
        _run_tagging(None, codebook, force, corpus_dir)


def _tag_options(ctx: typer.Context, codebook: Path | None, force: bool, corpus_dir: Path | None) -> tuple:
    group = (ctx.obj or {}).get("tag", {})
    return (codebook or group.get("codebook"), force or group.get("force", False),
            corpus_dir or group.get("corpus_dir"))


@tag_app.command("run", hidden=True)
def tag_run(
    ctx: typer.Context,
    keys: Annotated[list[str], typer.Argument(help="Papers to tag.")],
    codebook: CodebookOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Re-tag even if unchanged.")] = False,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Tag the papers KEYS."""
    book, again, where = _tag_options(ctx, codebook, force, corpus_dir)
    _run_tagging(keys, book, again, where)


def _decide(ctx: typer.Context, key: str, themes: list[str], assigned: bool,
            codebook: Path | None, corpus_dir: Path | None) -> None:
    from litreview.tagging import decide_tag

    book, _, where = _tag_options(ctx, codebook, False, corpus_dir)
    with open_corpus(where) as corpus:
        tagger = make_tagger(corpus.root, book)
        themes = tagger.codebook.resolve_all(themes)  # labels and aliases ("hoaks") become ids
        for theme in themes:
            found = decide_tag(corpus, tagger, key, theme, assigned)
            if assigned:
                backing = tr("; the tagger found {n} supporting sentence", "; the tagger found {n} supporting "
                             "sentences", n=found.sentences) if found else tr("; the tagger found no supporting "
                                                                              "sentence")
                err.print(f"[green]{tr('added')}[/green] "
                          + escape(tr("{theme} to {key} (manual)", theme=theme, key=key) + backing))
            else:
                err.print(f"[green]{tr('removed')}[/green] "
                          + escape(tr("{theme} from {key} (manual; re-tagging keeps it off)", theme=theme, key=key)))


@tag_app.command("add")
def tag_add(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The paper's key.")],
    themes: Annotated[list[str], typer.Argument(help="Theme ids to add.")],
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Give a paper a theme by hand; re-tagging never takes it away.

    Example: [cyan]litreview tag add munadi2023 literacy[/cyan]
    """
    _decide(ctx, key, themes, True, codebook, corpus_dir)


@tag_app.command("remove")
def tag_remove(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The paper's key.")],
    themes: Annotated[list[str], typer.Argument(help="Theme ids to remove.")],
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Take a theme from a paper by hand; re-tagging never gives it back.

    Example: [cyan]litreview tag remove cobis2023 polarization[/cyan]
    """
    _decide(ctx, key, themes, False, codebook, corpus_dir)


@tag_app.command("import")
def tag_import(
    ctx: typer.Context,
    project: Annotated[Path, typer.Argument(help="A REFI-QDA project (.qdpx) recoded in a QDA program.")],
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Bring back the codings of a QDA project (from `litreview export --format qdpx`, recoded in
    QualCoder, ATLAS.ti, MAXQDA or NVivo): a theme coded, uncoded or recoded there becomes your
    decision by hand, with the coded passages as its evidence. Codes that are not themes are offered
    for the codebook (`litreview codebook show` lists them). Sources are matched to papers by key.

    Example: [cyan]litreview tag import review.qdpx[/cyan]
    """
    from litreview.cli.corpus import print_codings
    from litreview.qda import import_codings

    book, _, where = _tag_options(ctx, codebook, False, corpus_dir)
    if not project.expanduser().is_file():
        raise UsageError(tr("{name}: no such file or directory", name=project))
    with open_corpus(where) as corpus:
        report = import_codings(corpus, project.expanduser(), codebook=load_for(corpus.root, book))
    print_codings(report)


@tag_app.command("reset")
def tag_reset(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The paper's key.")],
    themes: Annotated[list[str], typer.Argument(help="Theme ids whose manual decision to forget.")],
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Forget a manual decision: the tagger decides that theme again.

    Example: [cyan]litreview tag reset cobis2023 polarization[/cyan]
    """
    from litreview.tagging import reset_tag

    book, _, where = _tag_options(ctx, codebook, False, corpus_dir)
    with open_corpus(where) as corpus:
        tagger = make_tagger(corpus.root, book)
        themes = tagger.codebook.resolve_all(themes)
        for theme in themes:
            if reset_tag(corpus, tagger, key, theme):
                err.print(escape(tr("{key}: {theme} is decided by the tagger again", key=key, theme=theme)))
            else:
                err.print(escape(tr("{key}: {theme} had no manual decision; nothing to reset", key=key, theme=theme)))


# -- tags -----------------------------------------------------------------------------------
def tags(
    key: Annotated[str, typer.Argument(help="The paper's key.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="Evidence sentences shown per theme (0: all).")
    ] = 3,
    removed: Annotated[bool, typer.Option("--removed", help="Also show themes removed by hand.")] = False,
    why: Annotated[
        str | None, typer.Option("--why", help="Explain the decision on one theme: every sentence with its weight "
                                               "and place, the bar, and what was missing.", show_default=False)
    ] = None,
    lang: LangOpt = Lang.en,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Show a paper's themes with scores and the evidence sentences, matched words highlighted:
    first the themes it discusses (its tags), then those it only mentions (evidence under the bar).

    Example: [cyan]litreview tags cobis2023[/cyan]   [cyan]litreview tags cobis2023 --why youth[/cyan]
    """
    with open_corpus(corpus_dir) as corpus:
        paper = corpus.get(key)
        found = corpus.tags_of(key, removed=removed, level="mentioned")
        run = corpus.tag_run_of(key)
    book = load_for(corpus.root, codebook)
    words = _WORDS[lang.value]
    if why is not None:
        why = book.resolve_all([why])[0]
        tag = next((t for t in found if t.theme == why), None)
        set_aside = None
        if run is not None and (tag is None or (tag.origin == "auto" and not tag.assigned)):
            from litreview.themes.tagger import Tagger

            set_aside = Tagger(book).set_aside(paper)  # terms the subject test took away, if any
        explained = explain_decision(book, why, tag, run["words"] if run else 0, run is not None, lang.value,
                                     set_aside)
        if fmt is Format.json:
            write_output(json.dumps({"key": key, **explained}, ensure_ascii=False, indent=2), None)
        else:
            _print_why(explained, book, lang.value, words)
        return
    if fmt is Format.json:
        data = {
            "key": key,
            "tagged": run is not None,
            "words": run["words"] if run else 0,
            "themes": [
                {"theme": t.theme, "label": _label(book, t.theme, lang.value), "origin": t.origin,
                 "assigned": t.assigned, "level": t.level, "score": t.score, "threshold": t.threshold,
                 "sentences": t.sentences,
                 "evidence": [e.to_dict() for e in (t.evidence if limit == 0 else t.evidence[:limit])]}
                for t in found
            ],
            "facets": run["facets"].to_dict() if run else {"platforms": [], "methods": [], "actors": []},
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2), None)
        return
    out.print(Text(f"{key}  {paper.title}", style="bold"))
    if run is None:
        err.print(words["untagged"])
        return
    if not found:
        out.print(words["no_tags"])
    for t in found:
        head = Text()
        mentioned = t.level == "mentioned"
        head.append(t.theme, style="cyan bold" if t.assigned else ("cyan" if mentioned else "strike"))
        head.append(f"  {_label(book, t.theme, lang.value)}  ")
        origin = words["manual"] if t.origin == "manual" else words["auto"]
        state = "" if t.assigned else f" ({words['mentioned'] if mentioned else words['removed']})"
        theme = book.theme(t.theme)
        single = theme.threshold.single if theme is not None else 0
        by_one = ""  # discussed under the bar: one sentence carries it
        if t.assigned and t.origin == "auto" and t.score < t.threshold and single:
            by_one = f" ({words['one_sentence']} \u2265 {single:g})"
        head.append(f"{words['score']} {t.score:g} / {t.threshold:g}{by_one}, {t.sentences} {words['sentences']}, "
                    f"{origin}{state}", style="dim")
        out.print(head)
        shown = t.evidence if limit == 0 else t.evidence[:limit]
        for e in shown:
            out.print(_evidence_line(e, words))
        if len(t.evidence) > len(shown):
            out.print(Text(f"    ... {len(t.evidence) - len(shown)} more (--limit 0 shows all)", style="dim"))
    facets = run["facets"]
    for name in ("platforms", "methods", "actors"):
        values = getattr(facets, name)
        if values:
            listed = ", ".join(
                f"{v.label_id if lang.value == 'id' and v.label_id else v.label or v.name} ({v.mentions})"
                for v in values
            )
            out.print(Text(f"{words[name]}: ", style="bold") + Text(listed))


def explain_decision(*args: Any, **kwargs: Any) -> dict[str, Any]:
    from litreview.themes.explain import explain_decision as explain

    return explain(*args, **kwargs)


_WHY_WORDS = {
    "en": {"decision": "decision", "bar": "bar", "rule": "rule", "sentences": "sentences", "because": "because",
           "missing": "missing", "words": "words", "cites": "cites another work",
           "formula": "{min_score:g} x ({words} words / {reference_words})^{length_exponent:g}, "
                      "from at least {min_sentences} sentences; or one sentence counting {single:g}",
           "formula_one": "{min_score:g} x ({words} words / {reference_words})^{length_exponent:g}, "
                          "from one sentence or more"},
    "id": {"decision": "keputusan", "bar": "ambang", "rule": "aturan", "sentences": "kalimat", "because": "sebab",
           "missing": "kurang", "words": "kata", "cites": "mengutip karya lain",
           "formula": "{min_score:g} x ({words} kata / {reference_words})^{length_exponent:g}, "
                      "dari sedikitnya {min_sentences} kalimat; atau satu kalimat bernilai {single:g}",
           "formula_one": "{min_score:g} x ({words} kata / {reference_words})^{length_exponent:g}, "
                          "dari satu kalimat atau lebih"},
}


def _print_why(explained: dict[str, Any], book: Any, lang: str, words: dict[str, str]) -> None:
    """One theme's decision: the verdict, the bar and its rule, each sentence with what it counts."""
    w = _WHY_WORDS[lang]
    decision = explained["decision"]
    head = Text()
    head.append(explained["theme"], style="cyan bold")
    head.append(f"  {_label(book, explained['theme'], lang)}: ")
    head.append(words.get(decision, decision), style="bold")
    out.print(head)
    rule = explained["rule"]
    formula = w["formula" if rule.get("min_sentences", 2) > 1 else "formula_one"]
    out.print(Text(f"  {w['bar']} {explained['bar']:g} = " + formula.format(words=explained["bar_words"], **rule)))
    out.print(Text(f"  {w['because']}: {explained['reason']}"))
    if explained["missing"]:
        out.print(Text(f"  {w['missing']}: {explained['missing']}", style="yellow"))
    for e in explained["evidence"]:
        line = Text(f"  +{e['counts']:<5g} ", style="bold")
        where = e["place"] + (f", {words['page']} {e['page']}" if e["page"] else "")
        line.append(f"[{where}] ", style="dim")
        line.append(f"{e['score']:g} ({', '.join(e['terms'])}) x {e['weight']:g}", style="yellow")
        if e["cites"]:
            line.append(f", {w['cites']}", style="dim")
        line.append(f"  {e['sentence']}")
        out.print(line)


def _label(book: Any, theme: str, lang: str) -> str:
    found = book.theme(theme)
    return found.label_in(lang) if found else theme


def _evidence_line(e: Any, words: dict[str, str]) -> Text:
    """One evidence sentence, matched words in bold yellow; where it stands in the paper."""
    line = Text("  - ")
    sentence = e.sentence.replace("\r", " ").replace("\n", " ")  # the PDF's line breaks; offsets unchanged
    cursor = e.start
    for m in sorted(e.matches, key=lambda m: m.start):
        if m.start < cursor:
            continue
        line.append(sentence[cursor - e.start : m.start - e.start])
        line.append(sentence[m.start - e.start : m.end - e.start], style="bold yellow")
        cursor = m.end
    line.append(sentence[cursor - e.start :])
    where = [e.section or ("abstract" if e.field != "text" else "")]
    if e.page:
        where.append(f"{words['page']} {e.page}")
    place = ", ".join(w for w in where if w)
    if place:
        line.append(f"  [{place}]", style="dim")
    return line


# -- themes ------------------------------------------------------------------------------------
def themes(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    level: LevelOpt = Level.discussed,
    lang: LangOpt = Lang.en,
    codebook: CodebookOpt = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """How many papers each theme has: discussed (tagged automatically or by hand), only
    mentioned, removed by hand, and evidence sentences. "papers" counts the level asked for.

    Example: [cyan]litreview themes --lang id[/cyan]   [cyan]litreview themes --level mentioned[/cyan]
    """
    with open_corpus(corpus_dir) as corpus:
        counts = corpus.theme_counts()
        tagged, no_text = corpus.tagged_count()
        total = corpus.count()
    book = load_for(corpus.root, codebook)
    ids = book.theme_ids + sorted(set(counts) - set(book.theme_ids))
    empty = {"auto": 0, "manual": 0, "removed": 0, "mentioned": 0, "evidence": 0}
    rows = [{"theme": t, "label": _label(book, t, lang.value), **counts.get(t, empty)} for t in ids]
    for row in rows:
        row["papers"] = row["auto"] + row["manual"] + (row["mentioned"] if level is Level.mentioned else 0)
    if fmt is Format.json:
        write_output(json.dumps({"papers": total, "tagged": tagged, "without_text": no_text, "level": level.value,
                                 "themes": rows}, ensure_ascii=False, indent=2), None)
        return
    words = _WORDS[lang.value]
    table = Table(header_style="bold")
    counts_shown = ("papers", "auto", "manual", "mentioned", "removed", "evidence")
    labels = out.width >= 100  # a narrow terminal keeps the ids and whole counts; the labels go
    table.add_column(words["theme"], style="cyan", no_wrap=True)
    if labels:
        table.add_column(words["label"], ratio=1)
    for name in counts_shown:  # counts: never cut
        table.add_column(words[name], justify="right", no_wrap=True, min_width=len(words[name]))
    for row in rows:
        cells = [escape(row["theme"])] + ([escape(row["label"])] if labels else [])
        table.add_row(*cells, *(str(row[name]) for name in counts_shown))
    out.print(table)
    err.print(tr("{tagged} of {total} papers tagged", tagged=tagged, total=total)
              + ("; " + tr("{n} without text or abstract", n=no_text) if no_text else ""))


def register(app: typer.Typer) -> None:
    app.add_typer(codebook_app, name="codebook")
    app.add_typer(tag_app, name="tag")
    app.command()(tags)
    app.command()(themes)


__all__ = ["register", "ValidationError"]
