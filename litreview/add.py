"""`litreview add` as a library call: files in, papers in the corpus, a report out.

Reading and parsing happen first (in parallel for PDF batches), outside the
database lock; then every paper goes in inside one transaction, checked for
duplicates against the corpus and against the papers added before it.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from litreview import dedup
from litreview.errors import ImportFailed, LitreviewError, UsageError
from litreview.i18n import msg, tr
from litreview.ingest import sniff, supported_extensions
from litreview.merging import changed_fields, merge_records, split_conflicts, stored_source_format
from litreview.model import Paper
from litreview.store import Corpus, StoredFile, sha256_bytes
from litreview.text.encoding import printable_name
from litreview.text.enrich import enrich
from litreview.workers import parent_alive, worker_init, worker_pool

SINGLE_PAPER_FORMATS = {"pdf", "text"}
PARALLEL_MIN_FILES = 4
STREAM_MIN_BYTES = 2 * 2**20  # bibliographies this large are converted by a worker while the papers are stored
STREAM_CHUNK = 500
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 200 * 2**20  # a file a record names (BibTeX `file`, RIS `L1`) is attached up to this size
ADD_CACHE_MIB = 64  # SQLite's page cache while storing: the duplicate lookups' indexes of 100k papers fit
SYSTEM_TREES = (Path("/proc"), Path("/sys"), Path("/dev"))  # never attached, whatever folder is allowed


@dataclass
class ParsedFile:
    """One input file after parsing: its bytes' hash and the papers in it, or why it failed."""

    path: str
    name: str = ""  # the path as shown and stored (text.encoding.printable_name); ``path`` opens the file
    sha256: str = ""
    size: int = 0
    format: str = ""
    papers: list[Paper] | Iterator[Paper] = field(default_factory=list)  # an iterator when streamed
    errors: list[str] = field(default_factory=list)  # bad records; the file's good records still count
    warnings: list[str] = field(default_factory=list)
    failure: str = ""  # the whole file could not be read
    pretagged: list[Any] = field(default_factory=list)  # tagging.Pretagged of its papers, when read by the pool

    def __post_init__(self) -> None:
        self.name = self.name or printable_name(self.path)


@dataclass
class Duplicate:
    source: str  # "file.bib: entry smith2020"
    key: str  # the paper it duplicates
    reason: str
    merged: list[str] = field(default_factory=list)  # what the existing paper gained


@dataclass
class AddReport:
    added: list[tuple[str, str]] = field(default_factory=list)  # (key, title)
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line each: whole files and single records
    warnings: list[str] = field(default_factory=list)
    # What each warning says, without the file, record and names it concerns: warning -> kind, for
    # warnings that add itself words (others' kinds: ``warning_kind``). Many warnings print one line per kind.
    warning_kinds: dict[str, str] = field(default_factory=dict)
    maybe_duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (new key, old key, reason)
    # Titles shared by at least dedup.CROWDED_TITLE papers that this add added to: normalised title ->
    # (title as written, papers sharing it, added now). One notice each instead of a notice per pair.
    title_groups: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    files_read: int = 0
    skipped: list[Path] = field(default_factory=list)  # files of unsupported types met in directories
    tables_skipped: list[Path] = field(default_factory=list)  # CSV/TSV tables in directories that list no works
    tagging: Any = None  # the TagReport of tagging the new papers, when a tagger was given
    libraries: list[Any] = field(default_factory=list)  # a zotero_sync.SyncReport per Zotero library read
    codings: list[Any] = field(default_factory=list)  # a qda.CodingReport per QDA project (.qdpx) read
    orphans_removed: int = 0  # copies in files/ no paper used (an add killed before it committed)

    def warn(self, label: str, message: str, kind: str = "") -> None:
        """A warning about ``label`` (a file, or a record of one); ``kind`` what it says without
        the names in it (the message with its numbers and quotes masked when not given)."""
        warning = f"{label}: {message}"
        self.warnings.append(warning)
        self.warning_kinds[warning] = kind or warning_kind(message)

    def warnings_by_kind(self) -> list[tuple[str, list[str]]]:
        """(kind, its warnings) in the order each kind first came."""
        groups: dict[str, list[str]] = {}
        for warning in self.warnings:
            groups.setdefault(self.warning_kinds.get(warning) or warning_kind(warning), []).append(warning)
        return list(groups.items())

    @property
    def exit_code(self) -> int:
        if not self.failed:
            return 0
        return 3 if (self.added or self.duplicates or self.libraries or self.codings) else 1


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”")
_NUMBER = re.compile(r"\d+")


def warning_kind(message: str) -> str:
    """A warning's kind: its words with quoted names and numbers masked ("year '19xx' is not a year"
    and "year 'n.d.' is not a year" are one kind)."""
    return _NUMBER.sub("N", _QUOTED.sub("'…'", message))


@dataclass
class AddOptions:
    allow_duplicates: bool = False
    title: str | None = None
    authors: list[str] | None = None
    year: int | None = None
    # For CSV exports of an unknown layout: model field -> column header (`add --map title=Judul`).
    column_map: dict[str, str] | None = None
    # Folders besides each bibliography's own where the files its records name may be (`add --attachments`).
    attachment_dirs: list[str] = field(default_factory=list)
    # Zotero libraries: items in the trash too, one collection only, the base directory of linked files.
    include_trash: bool = False
    collection: str | None = None
    base_dir: str | None = None

    @property
    def has_overrides(self) -> bool:
        return self.title is not None or self.authors is not None or self.year is not None


# -- finding the files --------------------------------------------------------------
def expand_paths(paths: list[str], skipped: list[Path] | None = None,
                 tables: list[Path] | None = None) -> tuple[list[Path], list[str]]:
    """Files named by ``paths`` (files, directories searched recursively, globs).

    Returns (files, problems); a directory holding no supported file and a path
    that matches nothing are problems, each one line naming the path. Files of
    other types met while searching a directory are appended to ``skipped``, and
    CSV/TSV tables that are no bibliography (``tabular.bibliographic``) to ``tables``:
    both are still read when named.
    """
    exts = supported_extensions()
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            everything = _walk(path)
            found = sorted(p for p in everything if p.suffix.lower() in exts)
            if skipped is not None:
                skipped.extend(sorted(p for p in everything if p.suffix.lower() not in exts))
            if not found:
                supported = ", ".join(sorted(exts))
                problems.append(msg("{name}: no supported files in this directory ({supported})",
                                    name=printable_name(raw), supported=supported))
            if tables is not None:
                lists = {p for p in found if not _bibliographic_table(p)}
                tables.extend(sorted(lists))
                found = [p for p in found if p not in lists]
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(msg("{name}: not a regular file", name=printable_name(raw)))
        elif glob.has_magic(raw):
            matched = sorted(Path(p) for p in glob.glob(os.path.expanduser(raw), recursive=True))
            matched_files = [p for p in matched if p.is_file()]
            if not matched_files:
                problems.append(msg("{name}: no files match this pattern", name=printable_name(raw)))
            files.extend(matched_files)
        else:
            problems.append(msg("{name}: no such file or directory", name=printable_name(raw)))
    unique: dict[Path, None] = {}
    for f in files:
        unique.setdefault(f.resolve(), None)
    return list(unique), problems


def _bibliographic_table(path: Path) -> bool:
    """False for a CSV/TSV table whose header names no bibliographic field besides titles; True
    for every other file (an unreadable one fails later, with its reason)."""
    from litreview.ingest import tabular

    if path.suffix.lower() not in tabular.EXTENSIONS:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return True
    return tabular.bibliographic(head)


# A folder's own notes, skipped when a directory is searched (still imported when named).
_PROJECT_FILE = re.compile(r"^(readme|license|licence|changelog|contributing)(\.\w+)?$", re.IGNORECASE)


def _walk(directory: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / n for n in names if not n.startswith(".") and not _PROJECT_FILE.match(n))
    return out


# -- parsing ----------------------------------------------------------------------------
def parse_path(path: str, lazy: bool = False, column_map: dict[str, str] | None = None) -> ParsedFile:
    """Read and parse one file; never raises for a user problem (it lands in ``failure``).

    With ``lazy``, ``papers`` is an iterator that converts records as it is
    consumed (BibTeX); everything that can fail for the file as a whole has
    failed by the time this returns. ``column_map`` goes to importers that take one
    (``TAKES_COLUMN_MAP``: CSV exports).
    """
    name = printable_name(path)  # importers see this name: it is what messages and records show
    parsed = ParsedFile(path=path, name=name)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ImportFailed(name, msg("file is too large ({size} MiB; the limit is {limit} MiB)",
                                         size=size // 2**20, limit=MAX_FILE_BYTES // 2**20))
        with open(path, "rb") as handle:
            data = handle.read()
        parsed.sha256, parsed.size = sha256_bytes(data), len(data)
        module = sniff(data, name)
        parsed.format = module.NAME
        options = {"column_map": column_map} if column_map and getattr(module, "TAKES_COLUMN_MAP", False) else {}
        if lazy and hasattr(module, "read_lazily"):
            parsed.errors, papers = module.read_lazily(data, name, **options)
        else:
            result = module.read(data, name, **options)
            parsed.errors, parsed.warnings, papers = list(result.errors), list(result.warnings), iter(result.papers)
    except ImportFailed as exc:
        parsed.failure = str(exc) if exc.path == name else f"{name}: {exc}"
        return parsed
    except OSError as exc:
        parsed.failure = msg("{name}: cannot read the file ({problem})", name=name, problem=exc.strerror or exc)
        return parsed
    parsed.papers = _prepared(papers, parsed.format, PurePath(name).name)  # type: ignore[assignment]
    if not lazy:
        parsed.papers = list(parsed.papers)
        if not parsed.papers and not parsed.errors:
            parsed.failure = msg("{name}: no records found in this file", name=name)
    return parsed


def _prepared(papers: Iterator[Paper], fmt: str, file_name: str) -> Iterator[Paper]:
    """Papers with their source filled in and their text enriched."""
    for i, paper in enumerate(papers):
        paper.source_format = paper.source_format or fmt
        paper.source_name = paper.source_name or file_name
        paper.source_record = paper.source_record or (f"#{i + 1}" if fmt not in SINGLE_PAPER_FORMATS else "")
        yield enrich(paper)


def parse_paths(paths: list[Path], progress: Callable[[str], None] | None = None,
                stream: bool = True, column_map: dict[str, str] | None = None,
                tagger: Any = None) -> list[ParsedFile]:
    """Parse every file, using both cores: a pool for batches of PDFs, and a worker that
    converts a large bibliography while the caller stores its papers. Input order kept.
    With a ``tagger``, the PDFs' papers are tagged here as the pool hands them over
    (``ParsedFile.pretagged``), while the workers read the next ones."""
    names = [str(p) for p in paths]
    heavy = [n for n in names if n.lower().endswith(".pdf")]
    results: dict[str, ParsedFile] = {}
    workers = min(2, os.cpu_count() or 1)
    if len(heavy) >= PARALLEL_MIN_FILES and workers > 1:
        from concurrent.futures import as_completed

        # The largest first, so that no long file is left running alone at the end.
        heavy.sort(key=_size, reverse=True)
        with worker_pool(workers) as pool:
            # The workers start reading at once; this process loads the tagger's word lists and the
            # findings finder meanwhile, then tags each file as it comes back: the three keep two cores busy.
            futures = [pool.submit(_parse_pdf, name) for name in heavy]
            if tagger is not None:
                _load_for_tagging(tagger)
            for future in as_completed(futures):
                parsed = future.result()
                if tagger is not None and not parsed.failure:
                    from litreview.tagging import pretag

                    parsed.pretagged = [pretag(tagger, paper) for paper in parsed.papers]
                results[parsed.path] = parsed
                if progress:
                    progress(parsed.path)
    for name in names:
        if name in results:
            continue
        big = stream and workers > 1 and not name.lower().endswith(".pdf") and os.path.isfile(name) \
            and os.path.getsize(name) >= STREAM_MIN_BYTES
        results[name] = parse_in_worker(name, column_map) if big else parse_path(name, column_map=column_map)
        if progress:
            progress(name)
    return [results[n] for n in names]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _load_for_tagging(tagger: Any) -> None:
    """Load what tagging a PDF's paper loads on first use (the findings finder, the word lists of
    typo tolerance), while the pool's workers read the first files."""
    import litreview.synthesis.findings  # noqa: F401

    tagger.normalizer.prepare()


def _parse_pdf(path: str) -> ParsedFile:
    """parse_path in a pool's worker."""
    return parse_path(path)


def parse_in_worker(path: str, column_map: dict[str, str] | None = None) -> ParsedFile:
    """parse_path(path, lazy=True) in another process; its papers arrive in chunks as the
    worker converts them, so converting and storing run on both cores at once."""
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context: Any = multiprocessing.get_context(method)
    channel = context.Queue(maxsize=16)
    worker = context.Process(target=_stream_worker, args=(path, channel, column_map, os.getpid()), daemon=True)
    worker.start()
    try:
        kind, parsed = _receive(channel, worker)
    except BaseException:
        _stop(worker)
        raise
    if kind != "head":
        worker.join()
        return parsed
    parsed.papers = _receive_papers(channel, worker)  # type: ignore[assignment]
    return parsed


def _stop(worker: Any) -> None:
    if worker.is_alive():
        worker.kill()
    worker.join(timeout=5)


def _stream_worker(path: str, channel: Any, column_map: dict[str, str] | None = None, parent: int = 0) -> None:
    parent = parent or os.getppid()
    worker_init(parent)

    def put(item: Any) -> None:
        """Hand over to the parent; give up when the parent is gone (the queue would stay full)."""
        import queue

        while True:
            try:
                channel.put(item, timeout=1.0)
                return
            except queue.Full:
                if not parent_alive(parent):
                    os._exit(1)

    try:
        parsed = parse_path(path, lazy=True, column_map=column_map)
        # The file is scanned: its entries live until the last is converted. Python's full collections
        # would walk them again every few thousand records; frozen, they are left alone.
        import gc

        gc.freeze()
        papers = parsed.papers
        parsed.papers = []
        put(("head", parsed))
        if parsed.failure:
            return
        chunk: list[Paper] = []
        for paper in papers:
            chunk.append(paper)
            if len(chunk) == STREAM_CHUNK:
                put(("papers", chunk))
                chunk = []
        put(("papers", chunk))
        put(("end", None))
    except BaseException:  # a bug: hand the traceback to the parent, which raises it
        import traceback

        put(("crash", traceback.format_exc()))


def _receive(channel: Any, worker: Any) -> tuple[str, Any]:
    import queue

    while True:
        try:
            kind, payload = channel.get(timeout=1.0)
        except queue.Empty:
            if not worker.is_alive():
                raise RuntimeError(f"the parsing worker stopped unexpectedly (exit code {worker.exitcode})") from None
            continue
        if kind == "crash":
            raise RuntimeError(f"the parsing worker failed:\n{payload}")
        return kind, payload


def _receive_papers(channel: Any, worker: Any) -> Iterator[Paper]:
    try:
        while True:
            kind, payload = _receive(channel, worker)
            if kind == "end":
                worker.join()
                return
            yield from payload
    finally:  # also when the caller stops early (Ctrl-C, SIGTERM, an error while storing)
        _stop(worker)


# -- adding -------------------------------------------------------------------------
def add_paths(
    corpus: Corpus,
    paths: list[str],
    options: AddOptions | None = None,
    progress: Callable[[str], None] | None = None,
    on_files: Callable[[int], None] | None = None,
    tagger: Any = None,
    on_record: Callable[[], None] | None = None,
) -> AddReport:
    """Import ``paths`` into ``corpus``; see AddReport for what comes back.

    With a ``tagger``, the papers added (and those a duplicate gave new text or an
    abstract) are tagged by theme in the same transaction. ``progress`` is called with each
    file read, ``on_record`` after each record stored (added, or merged into a paper).
    """
    options = options or AddOptions()
    corpus.check_writable()  # before reading anything
    libraries, projects, paths = split_library_paths(paths)
    if (options.include_trash or options.collection is not None or options.base_dir is not None) and not libraries:
        raise UsageError(tr("--include-trash, --collection and --base-dir apply to a Zotero library; "
                            "give its data directory (~/Zotero) or its zotero.sqlite"))
    skipped: list[Path] = []
    tables: list[Path] | None = None if options.column_map else []  # with --map, every table is meant
    files, problems = expand_paths(paths, skipped, tables) if paths else ([], [])
    if options.has_overrides and len(files) > 1:
        raise UsageError(tr("--title, --author and --year apply to a single file; give one file"))
    if on_files:
        on_files(len(files))
    parsed = parse_paths(files, progress, stream=not options.has_overrides, column_map=options.column_map,
                         tagger=tagger)
    pretagged = {pre.tagging.content: pre for item in parsed for pre in item.pretagged}
    report = AddReport(failed=list(problems), files_read=len(files), skipped=skipped, tables_skipped=tables or [])
    if options.has_overrides and parsed:
        records = list(parsed[0].papers)  # not streamed when overriding
        parsed[0].papers = records
        if len(records) > 1:
            raise UsageError(tr("{name}: holds {n} records; --title, --author and --year apply to one paper",
                                name=parsed[0].name, n=len(records)))
    with corpus.transaction(), corpus.page_cache(ADD_CACHE_MIB), _rare_full_collections():
        report.orphans_removed = len(corpus.remove_orphan_copies())  # left by an add that was killed
        crowded: dict[str, str] = {}  # normalised titles met that are (or may become) a group -> as written
        for item in parsed:
            _add_parsed_file(corpus, item, options, report, crowded, on_record)
        _settle_title_groups(corpus, report, crowded)
        if tagger is not None:
            from litreview.tagging import tag_corpus

            keys = [key for key, _ in report.added] + [d.key for d in report.duplicates if d.merged]
            if keys:
                report.tagging = tag_corpus(corpus, tagger, list(dict.fromkeys(keys)), pretagged=pretagged)
    _add_libraries(corpus, libraries, projects, options, report, progress, tagger)
    return report


@contextmanager
def _rare_full_collections() -> Iterator[None]:
    """Fewer full garbage collections while a library is stored. Python starts one whenever the
    objects moved to its oldest generation since the last reach a quarter of those living there, and
    walks every live object each time. Storing moves each chunk of records there for a moment (they
    die as soon as they are stored) while what the import keeps (the keys, the blocks, the report)
    grows with the library: a full collection every few thousand records, each walking a heap the
    size of the library so far, which made the main process of a 100,000-record add spend a fifth of
    its time collecting. Inside, a full collection waits for 1,000 young collections instead of 10;
    young cycles are still collected as before."""
    import gc

    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, max(old, 1000))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def split_library_paths(paths: list[str]) -> tuple[list[Path], list[Path], list[str]]:
    """(Zotero databases, QDA projects, other paths): a Zotero data directory is read as a library,
    not searched for files; a .qdpx file brings codings, not papers."""
    from litreview.ingest.zotero import find_database

    libraries: list[Path] = []
    projects: list[Path] = []
    rest: list[str] = []
    for raw in paths:
        path = Path(raw).expanduser()
        database = find_database(path) if path.exists() else None
        if database is not None:
            libraries.append(database)
        elif path.suffix.lower() == ".qdpx" and path.is_file():
            projects.append(path)
        else:
            rest.append(raw)
    return libraries, projects, rest


def _add_libraries(corpus: Corpus, libraries: list[Path], projects: list[Path], options: AddOptions,
                   report: AddReport, progress: Callable[[str], None] | None, tagger: Any) -> None:
    """Sync each Zotero library, then read each QDA project's codings; each in its own transaction."""
    if not libraries and not projects:
        return
    from litreview.zotero_sync import sync_zotero

    for database in libraries:
        try:
            synced = sync_zotero(corpus, database, include_trash=options.include_trash, collection=options.collection,
                                 base_dir=Path(options.base_dir).expanduser() if options.base_dir else None,
                                 tagger=tagger, allow_duplicates=options.allow_duplicates, progress=progress)
        except ImportFailed as exc:
            report.failed.append(str(exc))
            continue
        report.libraries.append(synced)
        report.files_read += 1
        report.added.extend(synced.added)
        report.warnings.extend(synced.warnings)
        report.failed.extend(synced.failed)
    if projects:
        from litreview.qda import import_codings

        for project in projects:
            try:
                report.codings.append(import_codings(corpus, project, tagger))
                report.files_read += 1
            except ImportFailed as exc:
                report.failed.append(str(exc))


def _settle_title_groups(corpus: Corpus, report: AddReport, crowded: dict[str, str]) -> None:
    """Each title shared by dedup.CROWDED_TITLE papers or more becomes one group: the pairs between
    its papers (kept or reported before it grew so large) go, one notice with the count stays."""
    added = {key for key, _ in report.added}
    for title, written in crowded.items():
        papers = corpus.title_count(title)
        if papers < dedup.CROWDED_TITLE:
            continue
        corpus.forget_pairs_within_title(title)
        members = set(corpus.keys_with_title(title))
        report.maybe_duplicates = [m for m in report.maybe_duplicates if not (m[0] in members and m[1] in members)]
        report.title_groups[title] = (written, papers, len(members & added))


def _in_title_group(corpus: Corpus, paper: Paper, index: dict[str, Any], crowded: dict[str, str]) -> bool:
    """Is the record's title shared by so many papers (with it, dedup.CROWDED_TITLE) that they are a
    group? One indexed count per title and add."""
    title = str(index["norm_title"])
    if not title:
        return False
    if title not in crowded:
        if corpus.title_count(title) + 1 < dedup.CROWDED_TITLE:
            return False
        crowded[title] = paper.title
    return True


def _add_parsed_file(corpus: Corpus, item: ParsedFile, options: AddOptions, report: AddReport,
                     crowded: dict[str, str] | None = None, on_record: Callable[[], None] | None = None) -> None:
    crowded = {} if crowded is None else crowded
    if item.failure:
        report.failed.append(item.failure)
        return
    try:
        data = Path(item.path).read_bytes()
    except OSError as exc:
        report.failed.append(msg("{name}: cannot read the file ({problem})", name=item.name,
                                 problem=exc.strerror or exc))
        return
    if sha256_bytes(data) != item.sha256:  # never file a copy under a hash that is not its content
        report.failed.append(msg("{name}: the file changed while it was being added; add it again", name=item.name))
        return
    report.failed.extend(item.errors)
    for warning in item.warnings:
        report.warn(item.name, warning)
    stored: StoredFile | None = None

    def source_file() -> StoredFile:
        """The input file copied into the corpus (once, on first use), as it was parsed."""
        nonlocal stored
        if stored is None:
            stored = _shared_mode(corpus, corpus.store_file(data, item.name, item.sha256))
        return stored


    single = item.format in SINGLE_PAPER_FORMATS
    seen_file = corpus.file_seen(item.sha256)  # records of a file never added before need no record check
    if single and not options.allow_duplicates:
        existing = corpus.paper_with_file(item.sha256)
        if existing:
            report.duplicates.append(Duplicate(item.name, existing, msg("the same file was added before")))
            return
    file_name = PurePath(item.name).name
    for paper in item.papers:
        _apply_overrides(paper, options)
        label = item.name if single else msg("{name}: record {record}", name=item.name, record=paper.source_record)
        for warning in paper.warnings:
            report.warn(label, warning)
        attachments = (_read_attachments(paper, item.path, report, label, options.attachment_dirs)
                       if paper.attachments else [])
        if attachments and not paper.text:
            _take_text_from(paper, attachments[0][0], attachments[0][1])
        provenance: dict[str, Any] = {"format": item.format, "file_name": file_name, "sha256": item.sha256,
                                      "record": paper.source_record, "details": paper.provenance_details()}
        index = dedup.index_fields(paper)
        duplicate, maybe = (
            (None, []) if options.allow_duplicates
            else _find_duplicate(corpus, item, paper, index, seen_file, _in_title_group(corpus, paper, index, crowded))
        )
        if duplicate is not None:
            merged = _merge_into(corpus, duplicate.key, paper, provenance, source_file if single else None,
                                 attachments)
            report.duplicates.append(Duplicate(label, duplicate.key, duplicate.reason, merged))
            if on_record:
                on_record()
            continue
        paper.key = corpus.free_key(dedup.make_key_base(paper))
        files = [source_file()] + [_store_attachment(corpus, name, blob) for name, blob, _ in attachments]
        corpus.add_paper(paper, index, files, provenance)
        report.added.append((paper.key, paper.title))
        if on_record:
            on_record()
        for verdict in maybe:
            corpus.mark_maybe_duplicate(paper.key, verdict.key, verdict.reason)
            report.maybe_duplicates.append((paper.key, verdict.key, verdict.reason))


def _apply_overrides(paper: Paper, options: AddOptions) -> None:
    from litreview.model import LOW_CONFIDENCE_WARNING
    from litreview.text.names import parse_name_list

    if options.title is not None:
        paper.title = options.title
    if options.year is not None:
        paper.year = options.year
        paper.date = str(options.year)
    if options.authors is not None:
        people = []
        truncated = False
        for raw in options.authors:
            names, more = parse_name_list(raw)
            people.extend(names)
            truncated = truncated or more
        paper.authors, paper.authors_truncated = people, truncated
    # A warning that a field was missing from the file is answered by setting it.
    answered = tuple(
        prefix
        for prefix, given in (
            ("no title found", options.title),
            ("no publication year", options.year),
            ("no authors found", options.authors),
        )
        if given is not None
    )
    for name, given in (("title", options.title), ("year", options.year), ("authors", options.authors)):
        if given is not None:
            paper.low_confidence.pop(name, None)
    if not paper.low_confidence:
        answered += (LOW_CONFIDENCE_WARNING,)
    if answered:
        paper.warnings = [w for w in paper.warnings if not w.startswith(answered)]


def _find_duplicate(
    corpus: Corpus, item: ParsedFile, paper: Paper, index: dict[str, Any], seen_file: bool, crowded: bool = False
) -> tuple[dedup.Verdict | None, list[dedup.Verdict]]:
    """(strong duplicate verdict or None, list of possible-duplicate verdicts). A ``crowded`` title
    (a group, see dedup.CROWDED_TITLE) is compared only with the papers of that title that could be
    the same work (same year, a first author that agrees), and its other likeness is the group's."""
    if paper.source_record and seen_file:
        key = corpus.paper_with_record(item.sha256, paper.source_record)
        if key:
            return dedup.Verdict(key, True, msg("record {record} of the same file was added before",
                                                record=paper.source_record)), []
    candidates: dict[str, Any] = {}  # key -> its row: id, key, doi, norm_title
    if index["doi"]:
        for row in corpus.lookup_doi(str(index["doi"])):
            candidates[row["key"]] = row
    title = str(index["norm_title"])
    if not crowded:
        for row in corpus.lookup_title(title):
            candidates.setdefault(row["key"], row)
    # The (year, first author) block: only titles alike enough could be anything. Its papers sharing the
    # DOI, a page range or (when dated) a title prefix come from their own indexed lookups below.
    block = corpus.block_titles(paper.year, str(index["first_author"]), title, dedup.TITLE_LENGTH_RATIO)
    near = set(dedup.alike_titles(title, block.titles, block.sorted_titles))
    if paper.year is None:  # lookup_title_prefix reads dated blocks only
        near.update(i for i, other in enumerate(block.titles)
                    if other and (other.startswith(title + " ") or title.startswith(other + " ")))
    for i in sorted(near):
        row_id, key, doi, other = block.rows[i]
        candidates.setdefault(key, {"id": row_id, "key": key, "doi": doi, "norm_title": other})
    if crowded:
        for row in corpus.lookup_same_title(title, paper.year, dedup.author_variants(str(index["first_author"]))):
            candidates.setdefault(row["key"], row)
    for row in corpus.lookup_title_prefix(paper.year, str(index["first_author"]), str(index["norm_title"])):
        candidates.setdefault(row["key"], row)
    same_place = set()
    if dedup.is_page_range(str(index["pages"])):
        for row in corpus.lookup_same_place(paper.year, str(index["first_author"]), paper.pages):
            candidates.setdefault(row["key"], row)
            same_place.add(row["key"])
    maybe, strong = [], []
    ordered = sorted(candidates)
    worth = dedup.worth_comparing_many(index, [(candidates[k]["doi"], candidates[k]["norm_title"]) for k in ordered])
    for key, promising in zip(ordered, worth, strict=True):
        row = candidates[key]
        if key not in same_place and not promising:
            continue  # decode the stored record only when the DOI or the title could match
        old = dedup.index_fields(Paper.from_metadata(corpus.metadata_of(row["id"])))
        verdict = dedup.judge(index, old, key)
        if verdict is None:
            continue
        if verdict.duplicate:
            strong.append((verdict, old))
            continue
        if crowded and row["norm_title"] == title:
            continue  # one of the group: listed once with its count
        if verdict.alike and any(p["sha256"] == item.sha256 for p in corpus.provenance_of(key)):
            continue  # two entries of one export that are merely alike are two items
        maybe.append(verdict)
    if not strong:
        return None, maybe
    return _choose_strong(corpus, index, strong)


def _choose_strong(
    corpus: Corpus, index: dict[str, Any], strong: list[tuple[dedup.Verdict, dict[str, object]]]
) -> tuple[dedup.Verdict | None, list[dedup.Verdict]]:
    """The paper a record that strongly matches several goes into: the first (by key), unless the
    user said some of them are different works (`dupes --distinct`). Then only a match clearly
    better than every paper distinct from it (same DOI, then a more similar title) takes the record;
    otherwise it is added as a new paper and listed as a possible duplicate of each, for review."""
    if len(strong) == 1:
        return strong[0][0], []
    keys = [v.key for v, _ in strong]
    apart = corpus.distinct_keys_among(keys)
    if not apart:
        return strong[0][0], []

    def evidence(old: dict[str, object]) -> tuple[bool, float]:
        return (bool(index["doi"]) and index["doi"] == old["doi"],
                dedup.title_similarity(str(index["norm_title"]), str(old["norm_title"])))

    scored = {v.key: evidence(old) for v, old in strong}
    for verdict, _ in strong:
        rivals = [b if a == verdict.key else a for a, b in apart if verdict.key in (a, b)]
        if all(scored[verdict.key] > scored[r] for r in rivals):
            return verdict, []
    names = " and ".join(keys)
    return None, [dedup.Verdict(v.key, False, msg("{reason}; also matches {keys}, marked as different works",
                                                  reason=v.reason, keys=names))
                  for v, _ in strong]


_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _read_attachments(paper: Paper, source: str, report: AddReport, label: str,
                      folders: list[str]) -> list[tuple[str, bytes, str]]:
    """The files a record names (BibTeX `file`, RIS `L1`), read from disk: (name, bytes, sha256).

    A file is followed only when it is a regular file (no device, FIFO, socket or /proc entry)
    of at most MAX_ATTACHMENT_BYTES inside the folder of the bibliography itself or one of
    ``folders`` (`add --attachments`), symbolic links and ".." resolved first. Every other file
    named is a warning naming it and the reason; the record is imported all the same.
    """
    out = []
    base = Path(source).parent
    roots = [base.resolve(), *(Path(f).expanduser().resolve() for f in folders)]
    for raw in paper.attachments:
        if _URL.match(raw):  # a link, not a file: keep it as the record's URL if it has none
            paper.url = paper.url or raw
            continue
        shown = printable_name(raw)
        try:
            path, blob = _attachment(raw, base, roots)
        except _Refused as refused:
            reason = str(refused)
            if reason == "not found":
                report.warn(label, msg("attached file not found: {name}", name=shown), msg("attached file not found"))
            else:
                report.warn(label, msg("attached file {name} refused: it {reason}; skipped", name=shown, reason=reason),
                            warning_kind(msg("attached file refused: it {reason}; skipped", reason=reason)))
            continue
        out.append((printable_name(str(path)), blob, sha256_bytes(blob)))
    return out


class _Refused(Exception):
    """Why a file a record names is not attached."""


def _attachment(raw: str, base: Path, roots: list[Path]) -> tuple[Path, bytes]:
    """The resolved path and content of the file ``raw`` names, or _Refused with the reason."""
    import stat

    given = Path(raw).expanduser()
    candidates = [given] if given.is_absolute() else [base / given, *(root / given for root in roots[1:])]
    found = next((c for c in candidates if os.path.lexists(c)), None)
    if found is None:
        raise _Refused("not found")  # a word between two functions, never shown
    try:
        path = found.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a dangling or looping link
        raise _Refused(msg("cannot be followed ({problem})", problem=getattr(exc, "strerror", None) or exc)) from None
    if any(path.is_relative_to(tree) for tree in SYSTEM_TREES):
        raise _Refused(msg("is a system file under {tree}",
                           tree=next(t for t in SYSTEM_TREES if path.is_relative_to(t))))
    if not any(path.is_relative_to(root) for root in roots):
        raise _Refused(msg("is outside the folder of the bibliography (name its folder with --attachments DIR)"))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise _Refused(msg("cannot be opened ({problem})", problem=exc.strerror or exc)) from None
    limit = f"{MAX_ATTACHMENT_BYTES // 2**20} MiB"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(msg("is not a regular file (a directory, device, FIFO or socket)"))
        if info.st_size > MAX_ATTACHMENT_BYTES:
            raise _Refused(msg("is larger than the {limit} limit for attachments ({size} MiB)", limit=limit,
                               size=info.st_size // 2**20))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            blob = handle.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as exc:
        raise _Refused(msg("cannot be read ({problem})", problem=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(blob) > MAX_ATTACHMENT_BYTES:
        raise _Refused(msg("is larger than the {limit} limit for attachments", limit=limit))
    return path, blob


def _take_text_from(paper: Paper, name: str, blob: bytes) -> None:
    """Fill a metadata-only record's full text from its attached PDF (metadata stays the record's)."""
    try:
        module = sniff(blob, name)
        if module.NAME != "pdf":
            return
        result = module.read(blob, name)
    except LitreviewError as exc:
        paper.warnings.append(msg("attached file could not be read: {problem}", problem=exc))
        return
    if result.papers and result.papers[0].text:
        donor = result.papers[0]
        enrich(donor)
        paper.text, paper.sections, paper.citations = donor.text, donor.sections, donor.citations
        paper.page_starts, paper.pages_count = donor.page_starts, donor.pages_count


def _store_attachment(corpus: Corpus, name: str, blob: bytes) -> StoredFile:
    stored = _shared_mode(corpus, corpus.store_file(blob, name))
    stored.role = "attachment"
    return stored


def _shared_mode(corpus: Corpus, stored: StoredFile) -> StoredFile:
    """Give a copy in the corpus's files/ the mode the user's umask gives new files (0644 under
    022), not mkstemp's 0600. (Its natural home is Corpus.store_file, an fchmod after mkstemp;
    it lives here while store.py is being reworked.)"""
    if corpus.root is None:
        return stored
    umask = os.umask(0)
    os.umask(umask)
    mode = 0o666 & ~umask
    path = corpus.file_path(stored.sha256, stored.ext)
    try:
        if os.stat(path).st_mode & 0o777 == 0o600 != mode:  # as mkstemp left it: not a mode someone chose
            os.chmod(path, mode)
    except OSError:
        pass  # a copy another user owns, or a read-only corpus: its mode stays as it is
    return stored


def _merge_into(corpus: Corpus, key: str, new: Paper, provenance: dict[str, Any],
                source_file: Callable[[], StoredFile] | None,
                attachments: list[tuple[str, bytes, str]]) -> list[str]:
    """Merge the duplicate record into the existing paper, each field from the richer record
    (litreview.merging); values that lost are kept in the provenance details of the record they
    came from. Returns what the paper gained."""
    old = corpus.get(key)
    sources = corpus.provenance_of(key)
    old.source_format = stored_source_format([s["format"] for s in sources])
    merged, conflicts = merge_records(old, new)
    kept_lost, new_lost = split_conflicts(old, merged, conflicts)
    gained = changed_fields(old, merged)
    if any(name != "full text" for name in gained):
        corpus.update_metadata(key, merged, dedup.index_fields(merged))
    if merged.text and not old.text:
        corpus.set_text(key, merged)
    corpus.record_conflicts(key, kept_lost)
    known = {f.sha256 for f in corpus.files_of(key)}
    if source_file is not None:
        stored = source_file()
        if stored.sha256 not in known:
            corpus.attach_file(key, StoredFile(stored.sha256, stored.name, "attachment"))
            gained.append(f"file {stored.name}")
    for name, blob, digest in attachments:
        if digest not in known:
            corpus.attach_file(key, _store_attachment(corpus, name, blob))
            gained.append(f"file {Path(name).name}")
    already = {(p["sha256"], p["record"]) for p in sources}
    if (provenance["sha256"], provenance.get("record", "")) not in already:
        if new_lost:
            provenance = {**provenance, "details": {**(provenance.get("details") or {}), "conflicts": new_lost}}
        corpus.add_provenance(key, provenance)  # it came from here too, even when it brought nothing new
    else:
        corpus.record_conflicts(key, new_lost, provenance["sha256"], provenance.get("record", ""))
    return gained
