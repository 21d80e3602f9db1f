"""`list`, `show`, `edit`, `rename`, `remove`, `export`: looking at and fixing the papers."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from litreview.cli.common import (
    CorpusOpt,
    err,
    open_corpus,
    out,
    stdin_is_terminal,
    stdout_is_terminal,
    write_output,
)
from litreview.cli.themes import Lang, LangOpt
from litreview.errors import UsageError, ValidationError
from litreview.i18n import localize, tr


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class ExportFormat(StrEnum):
    bibtex = "bibtex"
    ris = "ris"
    csljson = "csljson"
    yaml = "yaml"
    qdpx = "qdpx"


def list_papers(
    year: Annotated[str | None, typer.Option(help="A year or range: 2023, 2020-2024, 2020-.")] = None,
    author: Annotated[str | None, typer.Option(help="Only papers with an author whose name contains this.")] = None,
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="Only papers whose title, abstract or keywords hold these words.")
    ] = None,
    theme: Annotated[
        str | None, typer.Option(help="Only papers tagged with this theme (see `litreview themes`).")
    ] = None,
    level: Annotated[
        str, typer.Option("--level", help="discussed (default) or mentioned: also themes a paper only mentions.")
    ] = "discussed",
    collection: Annotated[
        str | None, typer.Option(help="Only papers in this Zotero collection (a path: \"Skripsi/Bab 2\"), "
                                      "sub-collections included.")
    ] = None,
    zotero_tag: Annotated[str | None, typer.Option("--zotero-tag", help="Only papers with this Zotero tag.")] = None,
    sort: Annotated[str, typer.Option(help="key, year, title, author or added.")] = "key",
    fmt: Annotated[
        ListFormat | None,
        typer.Option("--format", "-f", help="table (terminal default), json, csv, tsv (piped default)."),
    ] = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """List the papers in the corpus.

    Example: [cyan]litreview list --year 2023-2024 --text "media sosial" --format json[/cyan]
    """
    from litreview.catalog import ListFilter, list_rows, parse_year_range, row_to_dict, short_authors

    low, high = parse_year_range(year)
    if level not in ("discussed", "mentioned"):
        raise UsageError(tr("--level {value}: choose discussed or mentioned", value=repr(level)))
    filters = ListFilter(year_from=low, year_to=high, author=author or "", text=text or "", theme=theme or "",
                         level=level, collection=collection or "", library_tag=zotero_tag or "")
    chosen = fmt or (ListFormat.table if stdout_is_terminal() else ListFormat.tsv)
    with open_corpus(corpus_dir) as corpus:
        if theme:  # an unknown theme is an error, not an empty list; labels and aliases ("hoaks") name it too
            from litreview.cli.themes import load_for

            filters.theme = load_for(corpus.root, None).resolve_all([theme])[0]
        rows = list_rows(corpus, filters, sort)
        if chosen is ListFormat.json:
            write_output(json.dumps([row_to_dict(r) for r in rows], ensure_ascii=False, indent=2), None)
        elif chosen in (ListFormat.csv, ListFormat.tsv):
            from litreview.render.csv_render import write_rows

            def records() -> Iterator[list[object]]:
                yield ["key", "year", "authors", "title", "journal", "doi", "files", "themes"]
                for r in rows:
                    d = row_to_dict(r)
                    yield [d["key"], d["year"] or "", "; ".join(d["authors"]), d["title"], d["journal"], d["doi"],
                           "; ".join(d["files"]), "; ".join(d["themes"])]

            sys.stdout.write(write_rows(records(), "," if chosen is ListFormat.csv else "\t"))
        else:
            table = Table(show_lines=False, header_style="bold")
            for name, opts in (
                (tr("key"), {"no_wrap": True, "style": "cyan"}),
                (tr("year"), {}),
                (tr("authors"), {"max_width": 28}),
                (tr("title"), {"ratio": 1}),
                (tr("themes"), {"max_width": 30}),
                (tr("pages"), {"justify": "right"}),
            ):
                table.add_column(name, **opts)
            count = 0
            for r in rows:
                meta = r.metadata
                table.add_row(
                    escape(r.key),
                    str(meta.get("year") or ""),
                    escape(short_authors(meta)),
                    escape(meta.get("title", "")),
                    escape(", ".join(r.themes)),
                    str(r.pages_count or ""),
                )
                count += 1
            if count:
                out.print(table)
            err.print(tr("{n} paper", "{n} papers", n=count))


def show(
    key: Annotated[str, typer.Argument(help="The paper's key.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    corpus_dir: CorpusOpt = None,
) -> None:
    """Show a paper: metadata, sections with word counts, files and where it came from.

    Example: [cyan]litreview show cobis2023[/cyan]
    """
    from litreview.catalog import paper_details

    if fmt not in ("text", "json"):
        raise UsageError(tr("--format {value}: choose text or json", value=repr(fmt)))
    with open_corpus(corpus_dir) as corpus:
        details = paper_details(corpus, key)
    if fmt == "json":
        write_output(json.dumps(details, ensure_ascii=False, indent=2), None)
        return
    _print_details(details)


def _print_details(d: dict) -> None:  # type: ignore[type-arg]
    from litreview.model import Person
    from litreview.text.encoding import printable_name

    guessed = d.get("low_confidence") or {}

    def label(name: str) -> str:  # "year?" for a field read with low confidence
        return f"{name}?" if name in guessed else name

    mark = "?" if "title" in guessed else ""
    out.print(f"[bold cyan]{escape(d['key'])}[/bold cyan]  {escape(d.get('title', ''))}{mark}")
    people = [Person.from_dict(p) for p in d.get("authors", [])]
    rows = [
        (
            "authors",
            "; ".join(p.display() for p in people) + (" et al." if d.get("authors_truncated") else ""),
        ),
    ]
    for name in (
        "year",
        "entry_type",
        "journal",
        "volume",
        "issue",
        "pages",
        "publisher",
        "doi",
        "url",
        "isbn",
        "issn",
        "language",
        "title_id",
        "title_en",
    ):
        if d.get(name) not in (None, "") and not (name.startswith("title_") and d[name] == d.get("title")):
            rows.append((name, str(d[name])))
    for name in ("keywords", "keywords_id", "keywords_en"):
        if d.get(name) and (name == "keywords" or d[name] != d.get("keywords")):
            rows.append((name, "; ".join(d[name])))
    for name, value in rows:
        if value:
            out.print(f"  [bold]{escape(label(name)):<11}[/bold] {escape(value)}")
        if name == "authors":
            _print_affiliations(d, people)
    if guessed:
        why = "; ".join(tr("{name} from {source}", name=name, source=localize(source))
                        for name, source in guessed.items())
        out.print("  [yellow]?[/yellow] " + tr("read with low confidence ({why}): check it, `litreview edit {key}` "
                                               "corrects it", why=escape(why), key=escape(d["key"])))
    for name in ("abstract_id", "abstract_en", "abstract"):
        if d.get(name) and (name == "abstract_id" or d[name] != d.get("abstract_id")):
            if name == "abstract" and d[name] == d.get("abstract_en"):
                continue
            out.print(f"  [bold]{name}[/bold]\n    {escape(d[name])}")
    for name, value in sorted(d.get("extra", {}).items()):
        out.print(f"  [dim]{escape(name):<11}[/dim] {escape(value)}")
    if d["sections"]:
        pages = tr("{n} pages, ", n=d["page_count"]) if d["page_count"] else ""
        out.print(f"  [bold]{tr('sections')}[/bold] ("
                  + tr("{words} words, {pages}{citations} in-text citations", words=d["words"], pages=pages,
                       citations=d["citations"]) + ")")
        for s in d["sections"]:
            page = f"p.{s['page']}" if s["page"] else ""
            out.print(f"    {escape(s['heading'][:60]):<42} {s['kind']:<18} {s['words']:>6} {tr('words')} {page}")
    elif d["words"]:
        out.print(f"  [bold]{tr('text')}[/bold] " + tr("{words} words, no sections recognised", words=d["words"]))
    if d.get("collections"):
        out.print(f"  [bold]{'collections':<11}[/bold] {escape('; '.join(d['collections']))}")
    if d.get("library_tags"):
        out.print(f"  [bold]{'zotero tags':<11}[/bold] {escape('; '.join(d['library_tags']))}")
    for note in d.get("library_notes", []):
        text = note["text"] if len(note["text"]) <= 600 else note["text"][:600].rstrip() + " ..."
        out.print(f"  [bold]note[/bold] [dim](Zotero {escape(note['note_key'])})[/dim]\n    "
                  + escape(text).replace("\n", "\n    "))
    out.print(f"  [bold]{tr('files')}[/bold]")
    for f in d["files"]:
        name = printable_name(f["name"])  # a line break in a file name must not break the listing
        out.print(f"    {escape(name)} ({f['role']}, " + tr("{size} bytes", size=f["size"])
                  + f", sha256 {f['sha256'][:12]})")
    for p in d["provenance"]:
        record = tr(" record {record}", record=p["record"]) if p["record"] else ""
        source = printable_name(p["file_name"])
        out.print("  [dim]" + tr("from {source}{record} ({format}, {added})", source=escape(source),
                                 record=escape(record), format=p["format"], added=p["added_at"]) + "[/dim]")
        details = p.get("details") or {}
        known = [f"{name.replace('_', ' ')} {details[name]}" for name in _ORIGIN_SHOWN if details.get(name)]
        if known:
            out.print(f"    [dim]{escape('; '.join(known))}[/dim]")
        if details.get("conflicts"):
            from litreview.cli.dupes import show_value

            for name, value in sorted(details["conflicts"].items()):
                out.print(f"    [yellow]conflicting {escape(name)}[/yellow] {escape(show_value(value))}")
    for link in d.get("library_items", []):
        if link["gone"]:
            out.print(f"  [yellow]{tr('gone from Zotero')}[/yellow] "
                      + tr("item {item} is no longer in the library (deleted or in the trash); kept here",
                           item=escape(link["item_key"])))
    for w in d["warnings"]:
        out.print(f"  [yellow]{tr('warning')}[/yellow] {escape(localize(w))}")
    for m in d["possible_duplicates"]:
        out.print(f"  [yellow]{tr('possible duplicate of')}[/yellow] {escape(m['key'])}: "
                  f"{escape(localize(m['reason']))}")
    if d.get("title_group"):
        group = d["title_group"]
        out.print(f"  [yellow]{tr('possible duplicates')}[/yellow]: "
                  + tr("one of {papers} papers titled {title} (`litreview dupes {key}` lists them)",
                       papers=f"{group['papers']:,}", title=escape(repr(group["title"])), key=escape(d["key"])))


def _print_affiliations(d: dict, people: list) -> None:  # type: ignore[type-arg]
    """Each author's affiliation and e-mail where known, else the paper's lists."""
    if any(p.affiliation or p.email for p in people):
        for p in people:
            known = [x for x in (p.affiliation, p.email) if x]
            if known:
                out.print(f"    [dim]{escape(p.display())}:[/dim] {escape('; '.join(known))}")
    tied = {a for p in people for a in p.affiliation.split("; ") if a}
    untied = [a for a in d.get("affiliations", []) if a not in tied]
    if untied:
        out.print(f"  [bold]{'affiliations':<11}[/bold] {escape(' | '.join(untied))}")
    emails = [e for e in d.get("emails", []) if e not in {p.email for p in people}]
    if emails:
        out.print(f"  [bold]{'e-mails':<11}[/bold] {escape(', '.join(emails))}")


# What a provenance row's source knew of the record, in the order `show` prints it.
_ORIGIN_SHOWN = ("database", "library", "cited_by", "query_date", "query", "rank", "record_id")


def edit(
    key: Annotated[str, typer.Argument(help="The paper's key.")],
    corpus_dir: CorpusOpt = None,
    lang: LangOpt = Lang.en,  # the language of the messages (its callback sets it)
) -> None:
    """Edit a paper's metadata as YAML in $VISUAL / $EDITOR; it is checked before it is saved.

    If another litreview changes the paper while the editor is open (an `add` merging a duplicate
    into it), nothing is overwritten: on a terminal you are offered the editor again with the new
    values and your edits merged; otherwise the command fails and keeps your edited file.

    Example: [cyan]EDITOR=nano litreview edit munadi2023[/cyan]
    """
    from litreview.dedup import index_fields
    from litreview.editing import merge_edits, paper_from_yaml, paper_to_yaml
    from litreview.errors import EditConflict

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UsageError(tr("no editor: set $EDITOR (for example `export EDITOR=nano`)"))
    with open_corpus(corpus_dir) as corpus:
        corpus.check_writable()  # before the user spends time in the editor
        paper = corpus.get(key)
        expected = corpus.paper_version(key)  # (row id, version): saved only if still so
        shown = original = paper_to_yaml(paper)
        fd, tmp = tempfile.mkstemp(prefix=f"litreview-{key}-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(shown)
        while True:
            edited_text = _run_editor(editor, tmp, key)
            if edited_text == original:
                Path(tmp).unlink(missing_ok=True)
                err.print(tr("No changes."))
                return
            try:
                edited = paper_from_yaml(edited_text, paper)
            except ValidationError as exc:
                raise ValidationError(tr("{key}: not saved: {problem} (your edits are in {file})", key=key, problem=exc,
                                         file=tmp)) from None
            try:
                with corpus.transaction():
                    corpus.update_metadata(key, edited, index_fields(edited), expected=expected)
                break
            except EditConflict as exc:
                if not stdin_is_terminal():
                    raise EditConflict(tr("{problem}; not saved, nothing lost: your edited file is kept at {file} "
                                          "(run `litreview edit` again and copy your changes from it)", problem=exc,
                                          file=tmp)) from None
                err.print(f"[yellow]{escape(str(exc))}[/yellow]; " + tr("not saved yet"))
                if not typer.confirm(tr("Open the editor again with the new values and your edits merged?"),
                                     err=True, default=True):
                    raise EditConflict(tr("{key}: not saved; your edited file is kept at {file}", key=key,
                                          file=tmp)) from None
                theirs = corpus.get_by_id(expected[0])
                expected = corpus.paper_version(theirs.key)
                merged = merge_edits(paper, edited, theirs)
                paper, key = theirs, theirs.key
                original = paper_to_yaml(theirs)
                Path(tmp).write_text(paper_to_yaml(merged), encoding="utf-8")
        Path(tmp).unlink(missing_ok=True)
    if edited.key != key:
        err.print(tr("Saved {key} (renamed to {new})", key=escape(key), new=escape(edited.key)))
    else:
        err.print(tr("Saved {key}", key=escape(key)))


def _read_edited(tmp: str, key: str) -> str:
    """The edited YAML, or one line saying why it cannot be read (deleted, not UTF-8)."""
    try:
        return Path(tmp).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError(tr("{key}: not saved: the file being edited ({file}) is gone; the editor deleted or "
                                 "moved it", key=key, file=tmp)) from None
    except UnicodeDecodeError as exc:
        raise ValidationError(tr("{key}: not saved: the edited file is not UTF-8 (byte {byte}); save it as UTF-8 "
                                 "(your edits are in {file})", key=key, byte=exc.start, file=tmp)) from None
    except OSError as exc:
        raise ValidationError(tr("{key}: not saved: cannot read {file} ({problem})", key=key, file=tmp,
                                 problem=exc.strerror or exc)) from None
def _run_editor(editor: str, path: str, key: str) -> str:
    """Run the user's editor on ``path``; the text it left there."""
    try:
        status = subprocess.call([*shlex.split(editor), path])
    except OSError as exc:
        raise UsageError(tr("cannot start the editor {editor}: {problem} (your edits: {file})", editor=repr(editor),
                            problem=exc.strerror or exc, file=path)) from None
    if status != 0:
        raise UsageError(tr("the editor exited with status {status}; nothing saved (your edits: {file})",
                            status=status, file=path))
    return _read_edited(path, key)


def rename(
    old: Annotated[str, typer.Argument(help="The current key.")],
    new: Annotated[str, typer.Argument(help="The new key.")],
    corpus_dir: CorpusOpt = None,
) -> None:
    """Give a paper another key.

    Example: [cyan]litreview rename fahruji2023 fahruji2023medsos[/cyan]
    """
    from litreview.dedup import index_fields

    with open_corpus(corpus_dir) as corpus:
        paper = corpus.get(old)
        paper.key = new
        with corpus.transaction():
            corpus.update_metadata(old, paper, index_fields(paper))
    err.print(tr("Renamed {old} to {new}", old=escape(old), new=escape(new)))


def remove(
    keys: Annotated[list[str], typer.Argument(help="Keys of the papers to remove.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Remove papers, with their copies of files no other paper uses.

    Example: [cyan]litreview remove cobis2023 munadi2023 --yes[/cyan]
    """
    with open_corpus(corpus_dir) as corpus:
        papers = [corpus.get(k) for k in dict.fromkeys(keys)]
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(tr("removing needs confirmation: pass --yes"))
            for p in papers:
                err.print(f"  {escape(p.key)}  {escape(p.title)}")
            if not typer.confirm(tr("Remove {n} paper?", "Remove {n} papers?", n=len(papers)), err=True):
                err.print(tr("Nothing removed."))
                raise typer.Exit(1)
        with corpus.transaction():
            corpus.remove([p.key for p in papers])
    err.print(tr("Removed {n} paper: {keys}", "Removed {n} papers: {keys}", n=len(papers),
                 keys=escape(", ".join(p.key for p in papers))))


def export(
    keys: Annotated[list[str] | None, typer.Argument(help="Keys to export (default: all).")] = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="bibtex, ris, csljson, yaml, or qdpx (a REFI-QDA "
                                                         "project for QDA programs).")
    ] = ExportFormat.bibtex,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    codebook: Annotated[
        Path | None, typer.Option("--codebook", help="qdpx: the codebook whose themes become codes (default: the "
                                                     "corpus's own, else the built-in one).")
    ] = None,
    corpus_dir: CorpusOpt = None,
) -> None:
    """Export papers' metadata as BibTeX, RIS, CSL-JSON or YAML; or the coded review as a REFI-QDA
    project (.qdpx) for QualCoder, ATLAS.ti, MAXQDA or NVivo: each paper's text a source, the themes
    codes, every evidence sentence a coded selection (automatic or by hand, in its description).
    Recode it there, then bring the codings back with `litreview tag import review.qdpx`.

    Example: [cyan]litreview export --format bibtex -o pustaka.bib[/cyan]
    [cyan]litreview export --format qdpx -o review.qdpx[/cyan]
    """
    from litreview.export import export_papers

    if fmt is ExportFormat.qdpx:
        _export_qdpx(keys, output, codebook, corpus_dir)
        return
    with open_corpus(corpus_dir) as corpus:
        papers = list(corpus.iter_papers(keys or None))
    write_output(export_papers(papers, fmt.value), output)
    if output is not None:
        err.print(tr("Wrote {n} record to {file}", "Wrote {n} records to {file}", n=len(papers),
                     file=escape(str(output))))


def _export_qdpx(keys: list[str] | None, output: Path | None, codebook: Path | None,
                 corpus_dir: Path | None) -> None:
    from litreview.cli.common import check_writable, write_bytes
    from litreview.cli.themes import load_for
    from litreview.qda import export_qdpx

    if output is None:
        raise UsageError(tr("qdpx is a zip file; give --output FILE (e.g. -o review.qdpx)"))
    check_writable(output)
    with open_corpus(corpus_dir) as corpus:
        book = load_for(corpus.root, codebook)
        for key in keys or []:
            corpus.get(key)  # an unknown key: one line with the keys it may have meant
        data, report = export_qdpx(corpus, book, keys or None)
    write_bytes(data, output, "qdpx")
    parts = [tr("{n} source", "{n} sources", n=report.sources), tr("{n} code", "{n} codes", n=report.codes),
             tr("{n} coded selection", "{n} coded selections", n=report.selections)]
    if report.whole_source:
        parts.append(tr("{n} theme coded on a whole source", "{n} themes coded on a whole source",
                        n=report.whole_source))
    err.print(", ".join(parts))


def register(app: typer.Typer) -> None:
    app.command("list")(list_papers)
    app.command()(show)
    app.command()(edit)
    app.command()(rename)
    app.command()(remove)
    app.command()(export)
