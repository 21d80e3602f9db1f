"""`init` and `add`: creating a corpus and bringing papers into it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from litreview.cli.common import CorpusOpt, err, open_corpus, open_or_create_corpus, out
from litreview.cli.themes import Lang, LangOpt
from litreview.i18n import localize, tr

SHOW_ADDED_MAX = 25
WARNINGS_LISTED = 20  # more warnings than this print one line per kind (all with --verbose)
STORING_SHOWN_FROM = 1000  # a count of the records stored shows on a terminal from this many on


def init(
    directory: Annotated[Path, typer.Argument(help="Where to create the corpus.")] = Path("."),
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Create a corpus (a [bold].litreview/[/bold] directory) in DIRECTORY, creating DIRECTORY too
    when it does not exist yet (as `git init` does).

    Example: [cyan]litreview init ~/skripsi[/cyan]
    """
    from litreview.errors import CorpusError

    target = directory.expanduser()
    if target.exists() and not target.is_dir():
        raise CorpusError(tr("{name}: is a file, not a directory", name=directory))
    if not target.exists():
        try:
            target.mkdir(parents=True)
        except OSError as exc:
            raise CorpusError(tr("{name}: cannot create the directory ({problem})", name=directory,
                                 problem=exc.strerror or exc)) from None
    from litreview.store import CORPUS_DIRNAME, Corpus

    existed = (target / CORPUS_DIRNAME / "corpus.db").is_file()
    with Corpus.init(target) as corpus:
        where = corpus.root
    err.print(tr("Corpus already exists in {where}" if existed else "Created an empty corpus in {where}",
                 where=escape(str(where))))


def add(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (searched recursively) or glob patterns.")],
    title: Annotated[str | None, typer.Option(help="Set the title (one file only).")] = None,
    author: Annotated[
        list[str] | None, typer.Option("--author", "-a", help="Set the authors (one file only; repeat or use 'and').")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Set the year (one file only).", min=1400, max=2200)] = None,
    allow_duplicates: Annotated[
        bool, typer.Option(help="Add papers even when they duplicate one in the corpus.")
    ] = False,
    tag: Annotated[bool, typer.Option("--tag/--no-tag", help="Tag the new papers by theme.")] = True,
    column_map: Annotated[
        str | None,
        typer.Option(
            "--map",
            help="For a CSV of another layout: which column holds which field, FIELD=COLUMN,... "
            "(e.g. title=Judul,year=Tahun,authors=Penulis).",
        ),
    ] = None,
    attachments: Annotated[
        list[Path] | None,
        typer.Option(
            "--attachments",
            help="A folder where files named by records (BibTeX file, RIS L1) may be, besides the "
            "bibliography's own folder: Zotero's storage or base directory. Repeatable.",
        ),
    ] = None,
    include_trash: Annotated[
        bool, typer.Option("--include-trash", help="Zotero: import the items in Zotero's trash too.")
    ] = False,
    collection: Annotated[
        str | None, typer.Option(help="Zotero: import only this collection (a path, \"Skripsi/Bab 2\", or a name) "
                                      "and its sub-collections.")
    ] = None,
    base_dir: Annotated[
        Path | None, typer.Option("--base-dir", help="Zotero: the base directory of linked files (Settings > Files "
                                                     "and Folders), when it cannot be found in Zotero's settings.")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every warning (by default, past "
                                                   f"{WARNINGS_LISTED} warnings, one line per kind with a count).")
    ] = False,
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Add papers from PDF, BibTeX, RIS, CSL-JSON/YAML, plain-text or Markdown files, and from
    bibliographic exports: Publish or Perish, Scopus, IEEE Xplore, SpringerLink and Embase CSV,
    Web of Science tab-delimited or plain text (savedrecs.txt).

    Exports are recognised by their content; a CSV of any other layout is read with [bold]--map[/bold].

    A Zotero data directory (or its zotero.sqlite) is read in place, read-only, even while Zotero runs:
    every item with its PDFs, snapshots, notes, tags and collections. Adding it again syncs: new items
    are added, items changed in Zotero updated (your own edits and theme decisions kept), items deleted
    in Zotero reported and kept. A QDA project (.qdpx from QualCoder, ATLAS.ti, MAXQDA, NVivo) brings back
    its codings as theme decisions by hand (see `litreview tag import`).

    Duplicates (same DOI, same file, or same title, year and first author) are reported and not added
    again; what they bring that the corpus lacks (a PDF, an abstract) is added to the existing paper.

    Examples: [cyan]litreview add artikel/*.pdf zotero.bib[/cyan]
    [cyan]litreview add scan.pdf --title "Judul" --author Munadi --year 2023[/cyan]
    [cyan]litreview add PoPCites.csv savedrecs.txt scopus.csv[/cyan]
    [cyan]litreview add ekspor.csv --map title=Judul,year=Tahun,authors=Penulis[/cyan]
    [cyan]litreview add zotero.bib --attachments ~/Zotero/storage[/cyan]
    [cyan]litreview add ~/Zotero --collection "Skripsi/Bab 2"[/cyan]
    [cyan]litreview add review.qdpx[/cyan]

    Files that records name are attached only from the bibliography's folder and [bold]--attachments[/bold]
    folders (regular files up to 200 MiB); any other is reported and skipped.
    """
    from litreview.add import AddOptions, add_paths

    mapping = None
    if column_map is not None:
        from litreview.ingest.tabular import parse_column_map

        mapping = parse_column_map(column_map)  # a wrong field name stops the add before anything is read

    tagger = None
    if tag:  # a broken codebook stops the add before anything is read or written
        from litreview.cli.themes import make_tagger
        from litreview.store import find_corpus_dir

        tagger = make_tagger(find_corpus_dir(explicit=corpus_dir), None)
    corpus, created = open_or_create_corpus(corpus_dir)
    if created:
        err.print(tr("No corpus found; created one in {where}", where=escape(str(corpus.root))))
    folders = []
    for folder in attachments or []:
        if not folder.expanduser().is_dir():
            from litreview.errors import UsageError

            raise UsageError(tr("--attachments {folder}: no such directory", folder=folder))
        folders.append(str(folder))
    if base_dir is not None and not base_dir.expanduser().is_dir():
        from litreview.errors import UsageError

        raise UsageError(tr("--base-dir {folder}: no such directory", folder=base_dir))
    options = AddOptions(allow_duplicates=allow_duplicates, title=title, authors=author, year=year,
                         column_map=mapping, attachment_dirs=folders, include_trash=include_trash,
                         collection=collection, base_dir=str(base_dir) if base_dir is not None else None)
    with corpus, _progress() as progress:
        report = add_paths(corpus, paths, options, progress=progress.advance, on_files=progress.start, tagger=tagger,
                           on_record=progress.stored)
    _print_report(report, verbose)
    raise typer.Exit(report.exit_code)


class _progress:
    """A progress bar on stderr for batches of more than a few files, on a terminal only."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.storing: Any = None  # the count of records stored, once there are many
        self.storing_task: Any = None
        self.records = 0

    def __enter__(self) -> _progress:
        return self

    def start(self, total: int) -> None:
        if total > 3 and err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn(tr("reading")),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("files", total=total)

    def advance(self, _name: str) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)

    def stored(self) -> None:
        """One more record stored (added or merged): a count on a terminal, from the 1,000th record on."""
        self.records += 1
        if self.records < STORING_SHOWN_FROM or not err.is_terminal:
            return
        if self.storing is None:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            if self.bar is not None:
                self.bar.stop()
            label = tr("storing: {count} records", count="{task.completed:,}")  # rich fills in the count
            self.storing = Progress(SpinnerColumn(), TextColumn(label), TimeElapsedColumn(), console=err,
                                    transient=True)
            self.storing.start()
            self.storing_task = self.storing.add_task("records", total=None, completed=self.records)
        elif self.records % 100 == 0:
            self.storing.update(self.storing_task, completed=self.records)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
        if self.storing is not None:
            self.storing.stop()


def _print_report(report, verbose: bool = False) -> None:  # type: ignore[no-untyped-def]
    if len(report.added) <= SHOW_ADDED_MAX:
        for key, title in report.added:
            out.print(f"[green]{tr('added')}[/green] {escape(key)}  {escape(title)}")
    for dup in report.duplicates:
        gained = tr("; added to it: {fields}", fields=", ".join(localize(f) for f in dup.merged)) if dup.merged else ""
        what = tr("{source}: same as {key} ({reason})", source=escape(localize(dup.source)), key=escape(dup.key),
                  reason=escape(localize(dup.reason))) + escape(gained)
        err.print(f"[yellow]{tr('duplicate')}[/yellow] {what}")
    for new, old, reason in report.maybe_duplicates:
        err.print(f"[yellow]{tr('possible duplicate')}[/yellow] "
                  + tr("{new} and {old}: {reason}; both kept", new=escape(new), old=escape(old),
                       reason=escape(localize(reason))))
    for written, papers, added in report.title_groups.values():
        err.print(f"[yellow]{tr('possible duplicates')}[/yellow] "
                  + tr("{papers} papers share the title {title} ({added} added now): all kept, listed as one group "
                       "by `litreview dupes`", papers=f"{papers:,}", title=escape(repr(written)), added=f"{added:,}"))
    for synced in report.libraries:
        _print_sync(synced)
    for coded in report.codings:
        print_codings(coded)
    _print_warnings(report, verbose)
    if report.skipped:
        from collections import Counter

        from litreview.text.encoding import printable_name

        kinds = Counter(printable_name(p.suffix.lower()) or tr("(no extension)") for p in report.skipped)
        listed = ", ".join(f"{ext} ({n})" if n > 1 else ext for ext, n in sorted(kinds.items()))
        err.print(tr("skipped {n} file of types litreview does not read: {types}",
                     "skipped {n} files of types litreview does not read: {types}", n=len(report.skipped),
                     types=escape(listed)))
    for table in report.tables_skipped:
        from litreview.text.encoding import printable_name

        err.print(tr("skipped {name}: a table naming no authors, years, DOIs or journals beside its titles, so no "
                     "bibliography export; add the file by name to import its rows (--map to say which column holds "
                     "what)", name=escape(printable_name(str(table)))))
    for failure in report.failed:
        err.print(f"[red]{tr('failed')}[/red] {escape(localize(failure))}")
    if report.orphans_removed:
        err.print(tr("removed {n} file copy left in files/ by an add that was stopped",
                     "removed {n} file copies left in files/ by an add that was stopped", n=report.orphans_removed))
    if report.tagging is not None and report.tagging.assigned:
        counts = ", ".join(f"{t} {n}" for t, n in sorted(report.tagging.assigned.items(), key=lambda x: (-x[1], x[0])))
        err.print(tr("themes: {counts} (see `litreview themes`)", counts=escape(counts)))
    parts = [tr("{n} added", n=len(report.added)),
             tr("{n} duplicate skipped", "{n} duplicates skipped", n=len(report.duplicates)),
             tr("{n} failed", n=len(report.failed))]
    err.print(f"{', '.join(parts)} ({tr('{n} file read', '{n} files read', n=report.files_read)})")


def _print_warnings(report: Any, verbose: bool) -> None:
    """Every warning when there are few (or with --verbose); otherwise one line per kind, with its
    count and the first (printing thousands of "attached file not found" lines takes seconds)."""
    label = f"[yellow]{tr('warning')}[/yellow]"
    if verbose or len(report.warnings) <= WARNINGS_LISTED:
        for warning in report.warnings:
            err.print(f"{label} {escape(localize(warning))}")
        return
    for kind, warnings in report.warnings_by_kind():
        if len(warnings) == 1:
            err.print(f"{label} {escape(localize(warnings[0]))}")
        else:
            err.print(f"{label} " + tr("{count} warnings: {kind} (the first: {first}); --verbose lists them all",
                                       count=f"{len(warnings):,}", kind=escape(localize(kind)),
                                       first=escape(localize(warnings[0]))))


def _print_sync(synced: Any) -> None:
    """What a Zotero sync did besides adding: updates, merges, items gone from Zotero, what it skipped."""
    for key, title in synced.updated:
        out.print(f"[cyan]{tr('updated')}[/cyan] {escape(key)}  {escape(title)}")
    for item, key, reason in synced.merged:
        err.print(f"[yellow]{tr('duplicate')}[/yellow] "
                  + tr("{library}: {item}: same as {key} ({reason}); linked to it", library=escape(synced.library),
                       item=escape(localize(item)), key=escape(key), reason=escape(localize(reason))))
    for key, item in synced.gone:
        err.print(f"[yellow]{tr('gone from Zotero')}[/yellow] "
                  + tr("{key} (item {item}): kept here; `litreview remove {key}` removes it", key=escape(key),
                       item=escape(localize(item))))
    for line in synced.skipped:
        err.print(tr("skipped {what}", what=escape(localize(line))))
    err.print(tr("{library}: {added} added, {updated} updated, {unchanged} unchanged, {gone} gone from Zotero",
                 library=escape(synced.library), added=len(synced.added), updated=len(synced.updated),
                 unchanged=synced.unchanged, gone=len(synced.gone)))


def print_codings(coded: Any) -> None:
    """What reading a QDA project's codings decided (shared with `tag import`)."""
    said = {"added": tr("added"), "removed": tr("removed"), "recoded": tr("recoded")}
    for key, theme, what in coded.decisions:
        out.print(f"[cyan]{escape(said.get(what, what))}[/cyan] {escape(key)} {escape(theme)}")
    for name, count in coded.offered:
        err.print(f"[yellow]{tr('new code')}[/yellow] "
                  + tr("{name} ({codings}): not a theme of the codebook; offered by `litreview codebook show`",
                       name=escape(name), codings=tr("{n} coding", "{n} codings", n=count)))
    for line in coded.unmatched:
        err.print(f"[yellow]{tr('not matched')}[/yellow] {escape(localize(line))}")
    err.print(escape(coded.summary()))


def doctor(
    fix: Annotated[bool, typer.Option("--fix", help="Remove the orphan copies found in files/.")] = False,
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Check the corpus: SQLite's integrity check, copies in files/ no paper uses (left by an add
    that was killed) and copies papers use that are missing. One line; exit 1 when something is wrong.

    Examples: [cyan]litreview doctor[/cyan]
    [cyan]litreview doctor --fix[/cyan]
    """
    from litreview.doctor import check_corpus

    with open_corpus(corpus_dir) as corpus:
        health = check_corpus(corpus, fix=fix)
    line = escape(health.summary())
    if health.healthy:
        err.print(line)
        return
    err.print(f"[yellow]{line}[/yellow]")
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(add)


def register_maintenance(app: typer.Typer) -> None:
    app.command()(doctor)


__all__ = ["register"]
