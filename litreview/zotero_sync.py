"""`litreview add ~/Zotero`: a Zotero library brought into the corpus, and kept in step with it.

The first import adds every item (with its attached PDFs read like any PDF, its snapshots' text,
collections, tags and notes); each later one is a sync: new items are added, items Zotero changed
are updated, items deleted in Zotero (or moved to its trash) are reported and kept here. What
litreview holds of its own (themes decided by hand, the paper's note, metadata edited here) is
kept: a field is taken from Zotero only when Zotero changed it since the last import (a three-way
merge against the metadata as imported then). Nothing is ever written to the Zotero library.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litreview import dedup
from litreview.i18n import msg
from litreview.ingest.zotero import ZoteroAttachment, ZoteroData, ZoteroItem, read_library
from litreview.model import Paper
from litreview.store import KEY_PATTERN, Corpus, StoredFile, sha256_bytes
from litreview.text.encoding import printable_name
from litreview.text.enrich import enrich


@dataclass
class SyncReport:
    """What one import of a Zotero library did."""

    library: str  # as shown: the data directory
    added: list[tuple[str, str]] = field(default_factory=list)  # (key, title)
    updated: list[tuple[str, str]] = field(default_factory=list)
    merged: list[tuple[str, str, str]] = field(default_factory=list)  # (item, existing key, why)
    unchanged: int = 0
    gone: list[tuple[str, str]] = field(default_factory=list)  # (key, item key): deleted in Zotero, kept here
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    tagging: Any = None

    @property
    def changed_keys(self) -> list[str]:
        return list(dict.fromkeys([k for k, _ in self.added] + [k for k, _ in self.updated]
                                  + [k for _, k, _ in self.merged]))


@dataclass
class _Prepared:
    """An item made ready outside the transaction: its paper with text, and the files to keep."""

    item: ZoteroItem
    paper: Paper
    files: list[tuple[str, str, str]]  # (name, path, sha256): read again when stored, so memory stays small


def sync_zotero(corpus: Corpus, path: Path, include_trash: bool = False, collection: str | None = None,
                base_dir: Path | None = None, tagger: Any = None, allow_duplicates: bool = False,
                progress: Callable[[str], None] | None = None) -> SyncReport:
    """Import (or sync again) the Zotero library at ``path`` (data directory or zotero.sqlite)."""
    corpus.check_writable()
    data = read_library(path, include_trash=include_trash, collection=collection, base_dir=base_dir)
    shown = printable_name(str(data.directory))
    report = SyncReport(library=shown, skipped=list(data.skipped))
    known = {lib.identity: corpus.library_items(lib.identity) for lib in data.libraries.values()}
    todo: list[ZoteroItem] = []
    for item in data.items:
        before = known[item.library].get(item.key)
        if before is not None and before["digest"] == item.digest and not before["gone"]:
            report.unchanged += 1
        else:
            todo.append(item)
    prepared = _prepare(todo, data, report, progress)
    source_sha = {lib.identity: sha256_bytes(f"zotero library {lib.identity}".encode())
                  for lib in data.libraries.values()}
    with corpus.transaction():
        for entry in prepared:
            before = known[entry.item.library].get(entry.item.key)
            provenance = _provenance(entry.item, data, source_sha[entry.item.library])
            if before is None:
                _add_item(corpus, entry, provenance, report, allow_duplicates)
            else:
                _update_item(corpus, entry, before, report)
        for lib in data.libraries.values():
            alive = lib.present | (lib.trashed if include_trash else set())
            gone = [k for k, row in known[lib.identity].items() if not row["gone"] and k not in alive]
            corpus.mark_library_items_gone(lib.identity, gone)
            for item_key in gone:
                what = (msg("{item} (moved to the trash)", item=item_key) if item_key in lib.trashed
                        else msg("{item} (deleted)", item=item_key))
                report.gone.append((known[lib.identity][item_key]["key"], what))
        if tagger is not None and report.changed_keys:
            from litreview.tagging import tag_corpus

            report.tagging = tag_corpus(corpus, tagger, report.changed_keys)
    return report


# -- reading the attached files (outside the transaction) -----------------------------------
def _prepare(items: list[ZoteroItem], data: ZoteroData, report: SyncReport,
             progress: Callable[[str], None] | None) -> list[_Prepared]:
    from litreview.add import _attachment, _Refused, parse_paths

    roots = [data.directory.resolve(), *([data.base_dir.expanduser().resolve()] if data.base_dir else [])]
    snapshots: dict[tuple[str, str], str] = {}
    found_files: dict[tuple[str, str], tuple[Path, str]] = {}  # (item, attachment) -> (path, sha256)
    kinds = {(item.key, a.key): a.kind for item in items for a in item.attachments}
    for item in items:
        for a in item.attachments:
            if a.kind == "link" or not a.path:
                continue
            where = {"library": report.library, "item": item.key, "name": _shown(a.path, data.directory)}
            if a.problem:
                report.warnings.append(msg("{library}: item {item}: attached file {name} {problem}; skipped",
                                           problem=a.problem, **where))
                continue
            try:
                resolved, blob = _attachment(a.path, data.directory, roots)
                found_files[(item.key, a.key)] = (resolved, sha256_bytes(blob))
                if a.kind == "snapshot":
                    snapshots[(item.key, a.key)] = _snapshot_text(blob, a)
            except _Refused as refused:
                reason = str(refused)
                report.warnings.append(
                    msg("{library}: item {item}: attached file {name} not found; skipped", **where)
                    if reason == "not found" else
                    msg("{library}: item {item}: attached file {name} refused: it {reason}; skipped", reason=reason,
                        **where))
    pdfs = sorted({path for where, (path, _) in found_files.items() if kinds[where] == "pdf"})
    parsed = {p.path: p for p in parse_paths(pdfs, progress, stream=False)} if pdfs else {}
    out = []
    for item in items:
        paper = item.paper
        files: list[tuple[str, str, str]] = []
        donor: Paper | None = None
        snapshot = ""
        for a in item.attachments:
            if a.kind == "link":
                paper.url = paper.url or a.url
                continue
            found = found_files.get((item.key, a.key))
            if found is None:
                continue
            resolved, digest = found
            files.append((printable_name(str(resolved)), str(resolved), digest))
            if a.kind == "pdf" and donor is None:
                result = parsed.get(str(resolved))
                if result is None or result.failure:
                    reason = result.failure if result is not None else msg("not read")
                    reason = reason.replace(str(resolved), _shown(str(resolved), data.directory.resolve()))
                    report.warnings.append(msg("{library}: item {item}: attached PDF could not be read: {reason}",
                                               library=report.library, item=item.key, reason=reason))
                elif result.papers and isinstance(result.papers, list) and result.papers[0].text:
                    donor = result.papers[0]
            elif a.kind == "snapshot" and not snapshot:
                snapshot = snapshots.get((item.key, a.key), "")
        if item.standalone:
            paper = _standalone_paper(item, donor)
        elif donor is not None:
            paper.text, paper.sections, paper.citations = donor.text, donor.sections, donor.citations
            paper.page_starts, paper.pages_count = donor.page_starts, donor.pages_count
        elif snapshot:
            paper.text = snapshot
        paper.source_format, paper.source_name, paper.source_record = "zotero", report.library, item.key
        out.append(_Prepared(item, enrich(paper), files))
    return out


def _shown(path: str, directory: Path) -> str:
    """A file's path as shown: relative to the data directory when inside it (storage/KEY/name.pdf)."""
    try:
        return printable_name(str(Path(path).relative_to(directory)))
    except ValueError:
        return printable_name(path)


def _snapshot_text(blob: bytes, attachment: ZoteroAttachment) -> str:
    from litreview.text.html_text import html_to_text

    return html_to_text(blob)


def _standalone_paper(item: ZoteroItem, donor: Paper | None) -> Paper:
    """A file at the top of the library: the PDF's own metadata when it has a title, with what Zotero
    knows of the file (its URL, when it was saved) kept; otherwise Zotero's title for it."""
    zotero = item.paper
    if donor is None or not donor.title:
        zotero.extra.pop("itemType", None)
        _from_file_name(zotero)
        if donor is not None:
            zotero.text, zotero.sections, zotero.citations = donor.text, donor.sections, donor.citations
            zotero.page_starts, zotero.pages_count = donor.page_starts, donor.pages_count
        return zotero
    paper = donor
    paper.url = paper.url or zotero.url
    paper.extra.update({k: v for k, v in zotero.extra.items() if k not in ("itemType", "title")})
    return paper


_ZOTERO_FILE_NAME = re.compile(r"^(?P<authors>[^-]+?) - (?P<year>1[5-9]\d\d|20\d\d) - (?P<title>.+?)(?:\.pdf)?$",
                               re.IGNORECASE)


def _from_file_name(paper: Paper) -> None:
    """Zotero names a file it renames "Author - 2002 - Title.pdf" (or "A and B", "A et al."): read the
    title, year and first author back from such a name."""
    from litreview.text.names import parse_name_list

    found = _ZOTERO_FILE_NAME.match(paper.title)
    if not found:
        return
    paper.title = found["title"].strip()
    paper.year, paper.date = int(found["year"]), found["year"]
    paper.authors, paper.authors_truncated = parse_name_list(found["authors"])


# -- writing (inside the transaction) -------------------------------------------------------
def _provenance(item: ZoteroItem, data: ZoteroData, source_sha: str) -> dict[str, Any]:
    library = next(lib for lib in data.libraries.values() if lib.identity == item.library)
    return {
        "format": "zotero",
        "file_name": printable_name(str(data.directory)),
        "sha256": source_sha,
        "record": item.key,
        "details": {"database": "Zotero", "library": library.name, "library_id": item.library,
                    "record_id": item.key, "item_type": item.item_type, "date_modified": item.modified},
    }


def _imported(paper: Paper, item: ZoteroItem) -> dict[str, Any]:
    """What the next sync compares with: the metadata as imported, the citation key, the text's digest."""
    meta = paper.metadata()
    meta.pop("key", None)
    return {"metadata": meta, "citation_key": item.citation_key,
            "text": hashlib.sha256(paper.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]}


def _read_back(files: list[tuple[str, str, str]], report: SyncReport) -> list[tuple[str, bytes, str]]:
    """The files to keep, read again: (name, content, sha256); one that changed since it was read is skipped."""
    out = []
    for name, path, digest in files:
        try:
            blob = Path(path).read_bytes()
        except OSError as exc:
            report.warnings.append(msg("{library}: attached file {name}: cannot be read ({problem})",
                                       library=report.library, name=name, problem=exc.strerror or exc))
            continue
        if sha256_bytes(blob) != digest:
            report.warnings.append(msg("{library}: attached file {name} changed while it was being read; add the "
                                       "library again", library=report.library, name=name))
            continue
        out.append((name, blob, digest))
    return out


def _store(corpus: Corpus, files: list[tuple[str, bytes, str]]) -> list[StoredFile]:
    from litreview.add import _store_attachment

    return [_store_attachment(corpus, name, blob) for name, blob, _ in files]


def _add_item(corpus: Corpus, entry: _Prepared, provenance: dict[str, Any], report: SyncReport,
              allow_duplicates: bool) -> None:
    from litreview.add import ParsedFile, _find_duplicate, _merge_into

    item, paper = entry.item, entry.paper
    index = dedup.index_fields(paper)
    if not allow_duplicates:
        stub = ParsedFile(path=report.library, sha256=provenance["sha256"], format="zotero")
        duplicate, _ = _find_duplicate(corpus, stub, paper, index, corpus.file_seen(provenance["sha256"]))
        if duplicate is not None:
            _merge_into(corpus, duplicate.key, paper, provenance, None, _read_back(entry.files, report))
            report.merged.append((msg("item {item}", item=item.key), duplicate.key, duplicate.reason))
            _link(corpus, duplicate.key, entry)
            return
    paper.key = _key_for(corpus, item, paper, report)
    corpus.add_paper(paper, index, _store(corpus, _read_back(entry.files, report)), provenance)
    report.added.append((paper.key, paper.title))
    _link(corpus, paper.key, entry)


def _key_for(corpus: Corpus, item: ZoteroItem, paper: Paper, report: SyncReport) -> str:
    """The Better BibTeX citation key when it has one that is free, so manuscripts keep citing it."""
    wanted = item.citation_key
    if wanted and KEY_PATTERN.match(wanted) and not corpus.key_exists(wanted):
        return wanted
    key = corpus.free_key(dedup.make_key_base(paper))
    if wanted:
        why = msg("is taken by another paper") if KEY_PATTERN.match(wanted) else msg("has characters keys cannot hold")
        report.warnings.append(msg("{library}: item {item}: citation key {wanted} {why}; the paper's key is {key}",
                                   library=report.library, item=item.key, wanted=repr(wanted), why=why, key=key))
    return key


def _link(corpus: Corpus, key: str, entry: _Prepared) -> None:
    item = entry.item
    corpus.link_library_item(key, item.library, item.key, item.modified, item.digest,
                             _imported(entry.paper, item))
    corpus.set_library_labels(key, item.library, item.collections, item.tags)
    corpus.set_library_notes(key, item.library, item.key, [(k, t) for k, t in item.notes if t])


def _update_item(corpus: Corpus, entry: _Prepared, before: dict[str, Any], report: SyncReport) -> None:
    """Take what Zotero changed since the last import; keep what was changed here."""
    item, new = entry.item, entry.paper
    key = before["key"]
    current = corpus.get(key)
    old = before["imported"].get("metadata", {})
    fresh = new.metadata()
    fresh.pop("key", None)
    merged = corpus.get(key)
    changed = []
    for name in Paper.METADATA_FIELDS:
        if name == "key":
            continue
        if fresh.get(name) != old.get(name) and fresh.get(name) != current.metadata().get(name):
            changed.append(name)
            setattr(merged, name, getattr(new, name))
    wanted = item.citation_key
    if wanted and wanted != before["imported"].get("citation_key") and wanted != key:
        if KEY_PATTERN.match(wanted) and not corpus.key_exists(wanted):
            merged.key = wanted
            changed.append("key")
        else:
            report.warnings.append(msg("{library}: item {item}: its citation key is now {wanted}, which is taken "
                                       "here; {key} keeps its key", library=report.library, item=item.key,
                                       wanted=repr(wanted), key=key))
    if changed:
        corpus.update_metadata(key, merged, dedup.index_fields(merged))
        key = merged.key
    text_digest = _imported(new, item)["text"]
    if new.text and text_digest != before["imported"].get("text") and new.text != current.text:
        corpus.set_text(key, new)
        changed.append("text")
    linked = {f.sha256 for f in corpus.files_of(key)}
    for stored in _store(corpus, _read_back([f for f in entry.files if f[2] not in linked], report)):
        corpus.attach_file(key, stored)
        changed.append(f"file {Path(stored.name).name}")
    _link(corpus, key, entry)
    report.updated.append((key, merged.title))

