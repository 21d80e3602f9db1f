"""The corpus store: the only module that speaks SQL.

A corpus is a directory (normally ``.litreview/``) holding ``corpus.db``, a
SQLite database that is the source of truth, and ``files/``, a copy of every
imported original named by its SHA-256. Every writing command runs in one
transaction (``with corpus.transaction():``); concurrent writers wait for each
other through SQLite's lock, up to ``lock_timeout`` seconds (``on_wait`` is called once when a
writer starts waiting, so the CLI can say so). A corpus whose directory cannot be written is
opened read-only: every reading command works, a write fails with one line.
"""

from __future__ import annotations

import bisect
import errno
import hashlib
import json
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from litreview.errors import (
    CorpusError,
    EditConflict,
    LitreviewError,
    LockTimeout,
    NotFound,
    StorageError,
    ValidationError,
)
from litreview.i18n import tr
from litreview.model import Citation, Evidence, FacetMention, Facets, Match, Paper, Section, Tag, Tagging
from litreview.store_entries import EntryStore
from litreview.store_screening import SCREENING_MIGRATION, ScreeningStore

CORPUS_DIRNAME = ".litreview"
DB_NAME = "corpus.db"
FILES_DIRNAME = "files"
ENV_VAR = "LITREVIEW_CORPUS"
LOCK_TIMEOUT_ENV = "LITREVIEW_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 600.0  # seconds a writer waits for another litreview to finish
READ_BUSY_MS = 30_000  # a reader meets a lock only briefly (WAL recovery, a checkpoint)

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-]*$")

# Numbered migrations; the database records which ones it has.
MIGRATIONS: list[str] = [
    # 1: papers, their parts, their files and where they came from.
    """
    CREATE TABLE papers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        year INTEGER,
        doi TEXT NOT NULL DEFAULT '',
        norm_title TEXT NOT NULL DEFAULT '',
        first_author TEXT NOT NULL DEFAULT '',
        metadata TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        page_starts TEXT NOT NULL DEFAULT '[]',
        pages_count INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '[]',
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX papers_doi ON papers(doi);
    CREATE INDEX papers_block ON papers(year, first_author);
    CREATE INDEX papers_norm_title ON papers(norm_title);
    CREATE TABLE sections (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        heading TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        page INTEGER,
        PRIMARY KEY (paper_id, ord)
    );
    CREATE TABLE citations (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        authors TEXT NOT NULL,
        year TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        et_al INTEGER NOT NULL DEFAULT 0,
        narrative INTEGER NOT NULL DEFAULT 0,
        page TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (paper_id, ord)
    );
    CREATE TABLE files (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        ext TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE paper_files (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES files(sha256),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (paper_id, sha256)
    );
    CREATE INDEX paper_files_sha ON paper_files(sha256);
    CREATE TABLE provenance (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        format TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        record TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    );
    CREATE INDEX provenance_record ON provenance(sha256, record);
    CREATE INDEX provenance_paper ON provenance(paper_id);
    CREATE TABLE maybe_duplicates (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        PRIMARY KEY (paper_id, other_id)
    );
    """,
    # 2: themes. One tag_runs row per tagged paper (what was read, with which codebook, the
    # facets found); tags hold assigned themes, automatic or decided by hand ("manual", with
    # assigned = 0 for a theme the user removed); evidence quotes the sentences behind each tag.
    """
    CREATE TABLE tag_runs (
        paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        content TEXT NOT NULL,
        codebook TEXT NOT NULL,
        words INTEGER NOT NULL,
        facets TEXT NOT NULL DEFAULT '{}',
        tagged_at TEXT NOT NULL
    );
    CREATE TABLE tags (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        theme TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
        assigned INTEGER NOT NULL DEFAULT 1,
        score REAL NOT NULL DEFAULT 0,
        threshold REAL NOT NULL DEFAULT 0,
        sentences INTEGER NOT NULL DEFAULT 0,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (paper_id, theme)
    );
    CREATE INDEX tags_theme ON tags(theme);
    CREATE TABLE evidence (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        theme TEXT NOT NULL,
        ord INTEGER NOT NULL,
        field TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        section TEXT NOT NULL DEFAULT '',
        page INTEGER,
        score REAL NOT NULL,
        sentence TEXT NOT NULL,
        matches TEXT NOT NULL,
        PRIMARY KEY (paper_id, theme, ord)
    );
    """,
    # 3: key findings and stated gaps of each paper, kept for the literature matrix: finding them
    # reads every sentence of the results and conclusions, so a paper is read once per text and codebook.
    """
    CREATE TABLE findings (
        paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        content TEXT NOT NULL,
        codebook TEXT NOT NULL,
        findings TEXT NOT NULL,
        gaps TEXT NOT NULL
    );
    """,
    # 4: the author a secondary citation quotes: "Mulyana (dalam Rahman, 2020)".
    """
    ALTER TABLE citations ADD COLUMN original TEXT NOT NULL DEFAULT '';
    """,
    # 5: full-text search. search_index holds each paper's words as stems (litreview.text.stem),
    # one row per paper (rowid = papers.id), so "berkampanye" is found as "kampanye"; the stems are
    # computed in Python, so triggers only queue the papers whose words changed in search_pending,
    # and the next search indexes them. search_meta records the stemmer version the index was built with.
    """
    CREATE VIRTUAL TABLE search_index USING fts5(title, abstract, body, evidence, tokenize = 'ascii');
    CREATE TABLE search_pending (paper_id INTEGER PRIMARY KEY);
    CREATE TABLE search_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TRIGGER search_paper_added AFTER INSERT ON papers BEGIN
        INSERT OR IGNORE INTO search_pending VALUES (new.id);
    END;
    CREATE TRIGGER search_paper_changed AFTER UPDATE OF title, metadata, text ON papers BEGIN
        INSERT OR IGNORE INTO search_pending VALUES (new.id);
    END;
    CREATE TRIGGER search_paper_removed AFTER DELETE ON papers BEGIN
        DELETE FROM search_index WHERE rowid = old.id;
        DELETE FROM search_pending WHERE paper_id = old.id;
    END;
    CREATE TRIGGER search_evidence_added AFTER INSERT ON evidence BEGIN
        INSERT OR IGNORE INTO search_pending VALUES (new.paper_id);
    END;
    CREATE TRIGGER search_evidence_removed AFTER DELETE ON evidence BEGIN
        INSERT OR IGNORE INTO search_pending SELECT id FROM papers WHERE id = old.paper_id;
    END;
    INSERT INTO search_pending SELECT id FROM papers;
    """,
    # 6: merged libraries. Each provenance row keeps what its source knew of the record (database,
    # citation count and query date, query, rank, record id) as JSON; distinct_papers records pairs
    # the user said are not duplicates (`litreview dupes --distinct`), so nothing lists or merges them.
    """
    ALTER TABLE provenance ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
    CREATE TABLE distinct_papers (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (paper_id, other_id),
        CHECK (paper_id < other_id)
    );
    """,
    # 7: a version per paper, bumped by every write to its row, so an edit made from a copy read
    # earlier (`litreview edit` while the editor was open) saves only if nobody wrote meanwhile.
    """
    ALTER TABLE papers ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE TRIGGER papers_version AFTER UPDATE ON papers WHEN new.version = old.version BEGIN
        UPDATE papers SET version = old.version + 1 WHERE id = new.id;
    END;
    """,
    # 8: two levels of a theme. The tagger keeps themes a paper only mentions (evidence under the
    # bar) as automatic tags with assigned = 0 and level 'mentioned'; discussed ones have level
    # 'discussed'. Each evidence sentence keeps where it stands (its place), whether it reports
    # another work's claim, and the weight these give it.
    """
    ALTER TABLE tags ADD COLUMN level TEXT NOT NULL DEFAULT 'discussed';
    ALTER TABLE evidence ADD COLUMN place TEXT NOT NULL DEFAULT '';
    ALTER TABLE evidence ADD COLUMN cites INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE evidence ADD COLUMN weight REAL NOT NULL DEFAULT 1;
    """,
    # 9: reference libraries read in place (Zotero). library_items links each item of a library to
    # its paper, with what was imported last (Zotero's dateModified, a digest of everything read and
    # the metadata as imported, for the next sync's three-way merge); gone = 1 once the item left the
    # library. paper_labels holds a library's collections (as paths) and tags, apart from themes;
    # library_notes its notes as text. offered_themes keeps codes from a QDA project (.qdpx) that are
    # not themes of the codebook, with their codings, to be offered rather than dropped.
    """
    CREATE TABLE library_items (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        library TEXT NOT NULL,
        item_key TEXT NOT NULL,
        modified TEXT NOT NULL DEFAULT '',
        digest TEXT NOT NULL DEFAULT '',
        imported TEXT NOT NULL DEFAULT '{}',
        gone INTEGER NOT NULL DEFAULT 0,
        synced_at TEXT NOT NULL,
        PRIMARY KEY (library, item_key)
    );
    CREATE INDEX library_items_paper ON library_items(paper_id);
    CREATE TABLE paper_labels (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('collection', 'tag')),
        name TEXT NOT NULL,
        library TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (paper_id, kind, name, library)
    );
    CREATE INDEX paper_labels_name ON paper_labels(kind, name);
    CREATE TABLE library_notes (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        library TEXT NOT NULL,
        note_key TEXT NOT NULL,
        item_key TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (library, note_key)
    );
    CREATE INDEX library_notes_paper ON library_notes(paper_id);
    CREATE TABLE offered_themes (
        name TEXT PRIMARY KEY,
        description TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        codings TEXT NOT NULL DEFAULT '[]',
        offered_at TEXT NOT NULL
    );
    """,
    # 10: screening (litreview.store_screening): every decision ever made, per paper, stage and lane,
    # the review's list of exclusion reasons, and where each reviewer left off.
    SCREENING_MIGRATION,
    # 11: duplicate checks that stay small as the corpus grows. papers_block_titles covers what a
    # (year, first author) block is compared on, so `add` reads it from the index alone; papers_place
    # indexes a paper's page range as ``lookup_same_place`` writes it ("--" and "–" read as "-"), so
    # finding one article under two titles is one indexed lookup, not a JSON parse per paper of the block.
    """
    CREATE INDEX papers_block_titles ON papers(year, first_author, norm_title, doi, key);
    DROP INDEX papers_block;
    CREATE INDEX papers_place ON papers(year, first_author,
        replace(replace(json_extract(metadata, '$.pages'), '--', '-'), '–', '-'));
    """,
    # 12: tables that stream. evidence_theme lets a table read one theme's evidence at a time, in
    # paper order; frames keeps how each paper frames each theme (``synthesis.framing``: opportunity,
    # risk, mixed or neutral), worked out once from that theme's evidence sentences under the framing
    # version it records. Any write to a paper's evidence on a theme forgets its frame (the triggers),
    # so a kept frame is always the frame of the evidence as it stands.
    """
    CREATE INDEX evidence_theme ON evidence(theme, paper_id, ord);
    CREATE TABLE frames (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        theme TEXT NOT NULL,
        version TEXT NOT NULL,
        frame TEXT NOT NULL,
        PRIMARY KEY (paper_id, theme)
    );
    CREATE TRIGGER frames_evidence_added AFTER INSERT ON evidence BEGIN
        DELETE FROM frames WHERE paper_id = new.paper_id AND theme = new.theme;
    END;
    CREATE TRIGGER frames_evidence_removed AFTER DELETE ON evidence BEGIN
        DELETE FROM frames WHERE paper_id = old.paper_id AND theme = old.theme;
    END;
    CREATE TRIGGER frames_evidence_changed AFTER UPDATE ON evidence BEGIN
        DELETE FROM frames WHERE paper_id = old.paper_id AND theme = old.theme;
        DELETE FROM frames WHERE paper_id = new.paper_id AND theme = new.theme;
    END;
    """,
    # 13: how the claims read evidence sentences (``synthesis.claims.SentenceReads``), kept by the
    # sentence as the evidence holds it, so the next table does not read it again whichever paper or
    # theme it comes from: whether it can state a claim at all (claimable), and once read its concepts
    # (a JSON list), polarity and frame; under the version of the reading it records (older ones are
    # dropped as newer ones are kept).
    """
    CREATE TABLE claim_reads (
        sentence TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        claimable INTEGER NOT NULL,
        concepts TEXT,
        negated INTEGER NOT NULL DEFAULT 0,
        frame TEXT
    ) WITHOUT ROWID;
    """,
]
LEVELS = ("discussed", "mentioned")
ALIKE_BY_SCAN = 2000  # ``keys_alike`` of more keys reads every paper's (year, first author) once
SCHEMA_VERSION = len(MIGRATIONS)
# bm25() weights of the search index's columns: title, abstract, body, evidence.
SEARCH_WEIGHTS = "10.0, 4.0, 1.0, 2.0"


_EVIDENCE_COLUMNS = ('p.key, e.theme, e.field, e.start, e."end", e.section, e.page, e.score, e.sentence, e.place,'
                     " e.cites, e.weight, e.matches")
_EVIDENCE_COLUMNS_NO_MATCHES = _EVIDENCE_COLUMNS.removesuffix(", e.matches")


def _evidence_from(cursor: sqlite3.Cursor) -> Iterator[tuple[str, Evidence]]:
    """(paper key, Evidence) of rows selected as ``_EVIDENCE_COLUMNS`` (matches decoded when selected)."""
    while batch := cursor.fetchmany(500):
        for r in batch:
            yield r[0], evidence_of_row(r)


def evidence_of_row(r: Sequence[Any]) -> Evidence:
    """The Evidence of one row selected as ``_EVIDENCE_COLUMNS`` (matches decoded when selected)."""
    return Evidence(theme=r[1], field=r[2], start=r[3], end=r[4], section=r[5], page=r[6],
                    score=r[7], sentence=r[8], place=r[9], cites=bool(r[10]), weight=r[11],
                    matches=[Match(**m) for m in json.loads(r[12])] if len(r) > 12 else [])


def level_condition(level: str = "discussed", alias: str = "") -> str:
    """SQL for the tags a level takes in: discussed themes (automatic or added by hand), or those
    and the themes the tagger found only mentioned."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    a = f"{alias}." if alias else ""
    if level == "discussed":
        return f"{a}assigned = 1"
    return f"({a}assigned = 1 OR ({a}origin = 'auto' AND {a}level = 'mentioned'))"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class StoredFile:
    """A file attached to a paper in the corpus."""

    sha256: str
    name: str
    role: str  # "source" (the paper was read from it) or "attachment"
    size: int = 0
    ext: str = ""


@dataclass
class PaperRow:
    """A paper as listed: metadata without the text."""

    id: int
    key: str
    metadata: dict[str, Any]
    pages_count: int
    has_text: bool
    added_at: str
    files: list[str]
    themes: list[str] = field(default_factory=list)  # assigned themes, sorted


@dataclass
class SearchSource:
    """What search reads of a paper: to index it (with its evidence sentences) or to show it
    as a hit (with its assigned themes)."""

    id: int
    key: str
    year: int | None
    metadata: dict[str, Any]
    text: str
    evidence: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


def init_command(path: Path) -> str:
    """The `litreview init` command that creates a corpus at ``path`` (a folder, or its .litreview),
    written so it works as printed."""
    import shlex

    folder = path.parent if path.name == CORPUS_DIRNAME else path
    return "litreview init" if str(folder) in ("", ".") else f"litreview init {shlex.quote(str(folder))}"


def find_corpus_dir(start: Path | None = None, explicit: str | Path | None = None) -> Path | None:
    """Locate a corpus: ``explicit`` (``--corpus``), then $LITREVIEW_CORPUS, then
    ``.litreview/`` in ``start`` or any parent. Returns the corpus directory
    (the one holding corpus.db) or None when no corpus is found by walking up.

    An explicit directory that holds no corpus raises CorpusError.
    """
    given = explicit if explicit is not None else os.environ.get(ENV_VAR) or None
    if given is not None:
        path = Path(given).expanduser()
        for candidate in (path, path / CORPUS_DIRNAME):
            if (candidate / DB_NAME).is_file():
                return candidate.resolve()
        hint = init_command(path)
        if not path.exists():
            raise CorpusError(tr("{path}: no such corpus directory; create one with `{hint}`", path=path, hint=hint))
        raise CorpusError(tr("{path}: not a litreview corpus (no {db}); create one with `{hint}`", path=path,
                             db=DB_NAME, hint=hint))
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / CORPUS_DIRNAME
        if (candidate / DB_NAME).is_file():
            return candidate
    return None


@dataclass
class Block:
    """Papers of one (year, first author) block as duplicate checks compare them: parallel lists
    ordered by title length (``rows`` are (id, key, doi, normalised title); ``sorted_titles`` the
    titles with their words in sorted order, what token-sort similarity compares)."""

    lengths: list[int] = field(default_factory=list)
    rows: list[tuple[int, str, str, str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    sorted_titles: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, rows: list[tuple[int, str, str, str]]) -> Block:
        rows = sorted(rows, key=lambda row: len(row[3]))
        return cls([len(row[3]) for row in rows], rows, [row[3] for row in rows],
                   [" ".join(sorted(row[3].split())) for row in rows])

    def add(self, row: tuple[int, str, str, str]) -> None:
        at = bisect.bisect_right(self.lengths, len(row[3]))
        self.lengths.insert(at, len(row[3]))
        self.rows.insert(at, row)
        self.titles.insert(at, row[3])
        self.sorted_titles.insert(at, " ".join(sorted(row[3].split())))

    def window(self, low: int, high: int) -> Block:
        """The papers whose titles are ``low`` to ``high`` characters long."""
        i, j = bisect.bisect_left(self.lengths, low), bisect.bisect_right(self.lengths, high)
        return Block(self.lengths[i:j], self.rows[i:j], self.titles[i:j], self.sorted_titles[i:j])


class Corpus(ScreeningStore, EntryStore):
    """Facade over one corpus directory (or an in-memory database for tests)."""

    def __init__(self, root: Path | None, *, create: bool = False, lock_timeout: float | None = None,
                 on_wait: Callable[[], None] | None = None):
        self.root = root
        self.memory = root is None
        self.read_only = False
        self.lock_timeout = lock_timeout_setting() if lock_timeout is None else lock_timeout
        self.on_wait = on_wait  # called once when a write starts waiting for another process's lock
        if root is not None:
            db_path = root / DB_NAME
            if not create and not db_path.is_file():
                raise CorpusError(tr("{path}: not a litreview corpus (no {db}); create one with `{hint}`", path=root,
                                     db=DB_NAME, hint=init_command(root)))
            if create:
                try:
                    root.mkdir(parents=True, exist_ok=True)
                    (root / FILES_DIRNAME).mkdir(exist_ok=True)
                except OSError as exc:
                    raise StorageError(tr("{path}: cannot create the corpus ({reason})", path=root,
                                              reason=exc.strerror or exc)) from None
            self.read_only = not create and not _writable(root)
        self._blobs: dict[str, bytes] = {}  # in-memory corpora keep file copies here
        try:
            self.db = self._connect()
            self._migrate()
        except LitreviewError:
            raise
        except sqlite3.DatabaseError as exc:
            where = root / DB_NAME if root else "in-memory corpus"
            raise CorpusError(tr("{path}: cannot open the corpus database ({reason})", path=where, reason=exc)) from exc
        self._in_transaction = False
        self._keys: set[str] | None = None
        self._key_hints: dict[str, int] = {}  # key base -> suffixes before it all taken (see free_key)
        # (year, first author) -> its papers, while a write transaction lasts (see block_titles)
        self._blocks: dict[tuple[int | None, str], Block] | None = None
        self._new_files: list[Path] = []

    def _connect(self) -> sqlite3.Connection:
        if self.root is None:
            db = sqlite3.connect(":memory:", isolation_level=None)
        elif self.read_only:
            db = _connect_read_only(self.root / DB_NAME)
        else:
            db = sqlite3.connect(str(self.root / DB_NAME), timeout=READ_BUSY_MS / 1000, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {READ_BUSY_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if not self.memory and not self.read_only:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        return db

    # -- opening -----------------------------------------------------------
    @classmethod
    def init(cls, directory: Path) -> Corpus:
        """Create (or open) the corpus in ``directory/.litreview``."""
        return cls(directory / CORPUS_DIRNAME, create=True)

    @classmethod
    def in_memory(cls) -> Corpus:
        return cls(None)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        if not self.read_only:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        current = self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
        where = self.root / DB_NAME if self.root else "corpus"
        if current > SCHEMA_VERSION:
            raise CorpusError(tr("{path}: written by a newer litreview (schema version {found}, this one knows "
                                 "{known}); upgrade litreview to open it", path=where, found=current,
                                 known=SCHEMA_VERSION))
        if current == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StorageError(tr("{path}: the corpus is read-only and was written by an older litreview; "
                                  "give write permission once so it can be upgraded", path=self.root))
        self._begin()
        try:
            # Re-read under the lock: another process may have migrated meanwhile.
            current = self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in _split_sql(MIGRATIONS[version - 1]):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))
            self.db.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise self._storage_error(exc) from exc
            raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0])

    # -- transactions ------------------------------------------------------
    @contextmanager
    def transaction(self, wait: float | None = None) -> Iterator[None]:
        """One write transaction; everything inside commits together or not at all. ``wait``:
        seconds to wait for the lock, quietly, instead of ``lock_timeout`` (for writes that only
        keep what a reading command found, which can be skipped).

        Files copied into ``files/`` during a transaction that rolls back are
        removed again (they are new: no other paper used them). A write that fails
        for want of space, permission or the lock raises one StorageError or
        LockTimeout with the real reason, never SQLite's complaint about the rollback.
        """
        if self._in_transaction:
            yield
            return
        if self.read_only:
            raise StorageError(self._read_only_message())
        self._begin(wait)
        self._in_transaction = True
        self._keys = None
        self._key_hints = {}
        self._blocks = {}
        self._new_files = []
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            self._remove_new_files()
            if isinstance(exc, sqlite3.Error):
                raise self._storage_error(exc) from exc
            raise
        finally:
            self._in_transaction = False
            self._keys = None
            self._key_hints = {}
            self._blocks = None
            self._new_files = []

    @contextmanager
    def page_cache(self, mib: int) -> Iterator[None]:
        """Keep up to ``mib`` MiB of database pages in memory inside (SQLite's default is 2 MiB). A
        large import looks every record up in the indexes of the papers stored before it; once those
        indexes outgrow the cache, every lookup reads its pages again, from a write-ahead log that the
        one transaction keeps growing, and the import slows down as the library grows."""
        previous = int(self.db.execute("PRAGMA cache_size").fetchone()[0])
        self.db.execute(f"PRAGMA cache_size = {-int(mib) * 1024}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA cache_size = {previous}")

    def _begin(self, wait: float | None = None) -> None:
        """BEGIN IMMEDIATE, waiting for another writer up to ``lock_timeout`` seconds (``on_wait`` once),
        or ``wait`` seconds without a word."""
        timeout = self.lock_timeout if wait is None else wait
        deadline = time.monotonic() + timeout
        waiting = wait is not None
        try:
            self.db.execute(f"PRAGMA busy_timeout = {min(250, int(timeout * 1000))}")
            while True:
                try:
                    self.db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc):
                        raise self._storage_error(exc) from exc
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise LockTimeout(tr(
                        "{path}: another litreview has been writing to this corpus for over {seconds} s; "
                        "gave up waiting, nothing was written (wait longer with --lock-timeout SECONDS "
                        "or ${env})", path=self.root, seconds=f"{timeout:g}", env=LOCK_TIMEOUT_ENV))
                if not waiting:
                    waiting = True
                    if self.on_wait is not None:
                        self.on_wait()
                self.db.execute(f"PRAGMA busy_timeout = {max(1, int(min(remaining, 1.0) * 1000))}")
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {READ_BUSY_MS}")

    def _rollback(self) -> None:
        """Roll back if a transaction is still open: a failed COMMIT (disk full) may have ended it
        already, and a second error from ROLLBACK would hide the real one."""
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _remove_new_files(self) -> None:
        for path in self._new_files:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # `litreview doctor --fix` removes what is left

    def check_writable(self) -> None:
        """Fail at once, before any work, when the corpus cannot be written."""
        if self.read_only:
            raise StorageError(self._read_only_message())

    def _read_only_message(self) -> str:
        return tr("{path}: the corpus is read-only (no permission to write there); reading commands work, "
                  "this one needs write permission", path=self.root)

    def _storage_error(self, exc: sqlite3.Error) -> LitreviewError:
        """One line for what went wrong underneath, naming the corpus."""
        message = str(exc)
        lowered = message.lower()
        if "disk is full" in lowered:
            return StorageError(tr("{path}: database or disk is full; nothing was saved (free some space and run "
                                   "the command again)", path=self.root or "corpus"))
        if "readonly" in lowered or "read-only" in lowered:
            return StorageError(self._read_only_message())
        if _is_busy(exc):
            return LockTimeout(tr("{path}: the corpus is locked by another litreview ({reason}); run the command "
                                  "again when it has finished", path=self.root, reason=message))
        if "disk i/o error" in lowered or "unable to open" in lowered:
            return StorageError(tr("{path}: cannot write the corpus database ({reason}); nothing was saved",
                                   path=self.root or "corpus", reason=message))
        return CorpusError(tr("{path}: the corpus database failed ({reason}); nothing was saved; "
                              "`litreview doctor` checks it", path=self.root or "corpus", reason=message))

    # -- files ---------------------------------------------------------------
    def file_path(self, sha256: str, ext: str = "") -> Path:
        if self.root is None:
            raise CorpusError("an in-memory corpus keeps no files on disk")
        return self.root / FILES_DIRNAME / f"{sha256}{ext}"

    def store_file(self, data: bytes, name: str, sha256: str | None = None) -> StoredFile:
        """Copy an original into the corpus by content hash (once), record it, return it."""
        digest = sha256 or sha256_bytes(data)
        ext = Path(name).suffix.lower()[:12]
        if self.root is None:
            self._blobs.setdefault(digest, data)
        else:
            target = self.file_path(digest, ext)
            if not target.exists():
                self._write_copy(target, data)
        self.db.execute("INSERT OR IGNORE INTO files (sha256, size, ext) VALUES (?, ?, ?)", (digest, len(data), ext))
        return StoredFile(sha256=digest, name=Path(name).name, role="source", size=len(data), ext=ext)

    def _write_copy(self, target: Path, data: bytes) -> None:
        """Write a file copy atomically (temporary name, then rename); a failure is one line and
        leaves nothing behind. Copies made in a transaction go again if it rolls back."""
        tmp = ""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # The name is chosen before the file exists, so a Ctrl-C at any moment finds it in
            # ``tmp`` and removes it (with mkstemp, one arriving inside the call left it behind).
            tmp = str(target.parent / f".tmp-{secrets.token_hex(8)}")
            fd = _open_new(tmp)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            if self._in_transaction:  # recorded before it exists: a rollback at any moment removes it
                self._new_files.append(target)
            os.replace(tmp, target)
        except OSError as exc:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            reason = tr("no space left on the device") if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise StorageError(tr("{path}: cannot copy the file into the corpus ({reason}); nothing was saved",
                                  path=target.parent, reason=reason)) from None
        except BaseException:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            raise

    def orphan_copies(self) -> list[Path]:
        """Files in files/ that no paper uses: copies (and temporary files) left by a write that was
        killed before it committed or rolled back. Only certain while holding the write lock (inside a
        transaction): another add may be writing its copies otherwise."""
        if self.root is None:
            return []
        directory = self.root / FILES_DIRNAME
        used = {r[0] for r in self.db.execute("SELECT DISTINCT sha256 FROM paper_files")}
        out = []
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            return []
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and (
                entry.name.startswith(".tmp-") or entry.name.split(".", 1)[0] not in used
            ):
                out.append(Path(entry.path))
        return sorted(out)

    def remove_orphan_copies(self) -> list[Path]:
        """Remove the orphan copies (call inside a transaction) and the records of files no paper
        uses; the paths removed."""
        if self.root is None or self.read_only:
            return []
        orphans = self.orphan_copies()
        self.db.execute("DELETE FROM files WHERE sha256 NOT IN (SELECT sha256 FROM paper_files)")
        removed = []
        for path in orphans:
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
            except OSError:
                continue  # a files/ that cannot be written: `litreview doctor` reports it
        return removed

    def missing_copies(self) -> list[tuple[str, str]]:
        """(paper key, file name) of every file a paper uses whose copy is not in files/."""
        if self.root is None:
            return []
        present = {name.split(".", 1)[0] for name in os.listdir(self.root / FILES_DIRNAME)} \
            if (self.root / FILES_DIRNAME).is_dir() else set()
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT p.key, f.name, f.sha256 FROM paper_files f JOIN papers p ON p.id = f.paper_id ORDER BY p.key"
            )
            if r[2] not in present
        ]

    def integrity_problems(self, limit: int = 20) -> list[str]:
        """What SQLite's integrity check finds (nothing when the database is sound)."""
        messages = [r[0] for r in self.db.execute(f"PRAGMA integrity_check({int(limit)})")]
        return [] if messages == ["ok"] else messages

    def paper_with_file(self, sha256: str) -> str | None:
        row = self.db.execute(
            "SELECT p.key FROM paper_files f JOIN papers p ON p.id = f.paper_id WHERE f.sha256 = ? "
            "ORDER BY p.id LIMIT 1",
            (sha256,),
        ).fetchone()
        return row["key"] if row else None

    def file_seen(self, sha256: str) -> bool:
        """Has any paper come from, or been attached to, this file?"""
        return (
            self.db.execute(
                "SELECT 1 FROM provenance WHERE sha256 = ?"
                " UNION ALL SELECT 1 FROM paper_files WHERE sha256 = ? LIMIT 1",
                (sha256, sha256),
            ).fetchone()
            is not None
        )

    def paper_with_record(self, sha256: str, record: str) -> str | None:
        row = self.db.execute(
            "SELECT p.key FROM provenance v JOIN papers p ON p.id = v.paper_id "
            "WHERE v.sha256 = ? AND v.record = ? ORDER BY p.id LIMIT 1",
            (sha256, record),
        ).fetchone()
        return row["key"] if row else None

    # -- keys ----------------------------------------------------------------
    def key_exists(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM papers WHERE key = ?", (key,)).fetchone() is not None

    def free_key(self, base: str) -> str:
        """``base`` if unused, else ``base`` + a, b, ..., z, aa, ab, ..."""
        taken = self._taken_keys()
        # Keys are only added while the cache lives (removing one clears the hints): the suffixes
        # found taken for this base stay taken, so the search goes on from the last one.
        n = self._key_hints.get(base, -1) if self._keys is not None else -1
        while (candidate := base + (_letters(n) if n >= 0 else "")) in taken:
            n += 1
        if self._keys is not None:
            self._key_hints[base] = n
        return candidate

    def _taken_keys(self) -> set[str]:
        """All keys; cached while a write transaction holds the lock (nobody else can change them)."""
        if self._in_transaction:
            if self._keys is None:
                self._keys = {row[0] for row in self.db.execute("SELECT key FROM papers")}
            return self._keys
        return {row[0] for row in self.db.execute("SELECT key FROM papers")}

    def all_keys(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT key FROM papers ORDER BY key")]

    def keys_with_text(self) -> list[str]:
        """Keys of the papers that have full text, in key order."""
        return [row[0] for row in self.db.execute("SELECT key FROM papers WHERE text != '' ORDER BY key")]

    def _paper_id(self, key: str) -> int:
        row = self.db.execute("SELECT id FROM papers WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise NotFound(_unknown_key_message(key, self.all_keys()))
        return int(row[0])

    # -- writing papers --------------------------------------------------------
    def add_paper(
        self, paper: Paper, index: dict[str, Any], files: list[StoredFile], provenance: dict[str, Any]
    ) -> str:
        """Insert ``paper`` under ``paper.key`` (must be free) with its parts and files.

        ``index`` holds the duplicate-detection columns (doi, norm_title,
        first_author) computed by the caller.
        """
        stamp = now()
        cur = self.db.execute(
            "INSERT INTO papers (key, title, year, doi, norm_title, first_author, metadata, text,"
            " page_starts, pages_count, warnings, added_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *_metadata_columns(paper, index),
                paper.text,
                _dumps(paper.page_starts),
                paper.pages_count,
                _dumps(paper.warnings),
                stamp,
                stamp,
            ),
        )
        paper_id = int(cur.lastrowid or 0)
        if self._keys is not None:
            self._keys.add(paper.key)
        self._block_added((paper_id, paper.key, str(index.get("doi", "")), str(index.get("norm_title", ""))),
                          paper.year, str(index.get("first_author", "")))
        self._write_parts(paper_id, paper, replace=False)
        for stored in files:
            self._link_file(paper_id, stored)
        self.db.execute(
            "INSERT INTO provenance (paper_id, format, file_name, sha256, record, added_at, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                paper_id,
                provenance["format"],
                provenance["file_name"],
                provenance["sha256"],
                provenance.get("record", ""),
                stamp,
                _dumps(provenance.get("details") or {}),
            ),
        )
        return paper.key

    def _write_parts(self, paper_id: int, paper: Paper, replace: bool = True) -> None:
        if replace:
            self.db.execute("DELETE FROM sections WHERE paper_id = ?", (paper_id,))
            self.db.execute("DELETE FROM citations WHERE paper_id = ?", (paper_id,))
        if not paper.sections and not paper.citations:
            return
        self.db.executemany(
            'INSERT INTO sections (paper_id, ord, kind, heading, start, "end", page) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(paper_id, i, s.kind, s.heading, s.start, s.end, s.page) for i, s in enumerate(paper.sections)],
        )
        self.db.executemany(
            'INSERT INTO citations (paper_id, ord, text, authors, year, start, "end", et_al, narrative, page, original)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (paper_id, i, c.text, _dumps(c.authors), c.year, c.start, c.end, int(c.et_al), int(c.narrative),
                 c.page, c.original)
                for i, c in enumerate(paper.citations)
            ],
        )

    def _link_file(self, paper_id: int, stored: StoredFile) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO paper_files (paper_id, sha256, name, role) VALUES (?, ?, ?, ?)",
            (paper_id, stored.sha256, stored.name, stored.role),
        )

    def attach_file(self, key: str, stored: StoredFile) -> None:
        self._link_file(self._paper_id(key), stored)

    def add_provenance(self, key: str, provenance: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO provenance (paper_id, format, file_name, sha256, record, added_at, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self._paper_id(key),
                provenance["format"],
                provenance["file_name"],
                provenance["sha256"],
                provenance.get("record", ""),
                now(),
                _dumps(provenance.get("details") or {}),
            ),
        )

    def set_text(self, key: str, paper: Paper) -> None:
        """Give a paper that had none the full text, sections and citations of ``paper``."""
        paper_id = self._paper_id(key)
        self.db.execute(
            "UPDATE papers SET text = ?, page_starts = ?, pages_count = ?, updated_at = ? WHERE id = ?",
            (paper.text, _dumps(paper.page_starts), paper.pages_count, now(), paper_id),
        )
        self._write_parts(paper_id, paper)

    def update_metadata(self, key: str, paper: Paper, index: dict[str, Any],
                        expected: tuple[int, int] | None = None) -> None:
        """Replace a paper's metadata (``paper.key`` may differ from ``key``: a rename). With
        ``expected`` (row id, version from :meth:`paper_version`), only if nobody wrote to the paper
        since then (call inside a transaction); otherwise EditConflict, and nothing is written."""
        if expected is not None:
            paper_id, version = expected
            row = self.db.execute("SELECT key, version FROM papers WHERE id = ?", (paper_id,)).fetchone()
            if row is None:
                raise EditConflict(tr("{key}: removed (or merged into another paper) while you were editing", key=key))
            if row["version"] != version:
                raise EditConflict(tr("{key}: changed by another litreview while you were editing", key=key))
            key = row["key"]
        else:
            paper_id = self._paper_id(key)
        if paper.key != key:
            self.check_new_key(paper.key)
            if self._keys is not None:
                self._keys.discard(key)
                self._keys.add(paper.key)
                self._key_hints.clear()
        if self._blocks:  # the paper may leave its block and join another: both are read again
            old = self.db.execute("SELECT year, first_author FROM papers WHERE id = ?", (paper_id,)).fetchone()
            self._blocks.pop((old[0], old[1]), None)
            self._blocks.pop((paper.year, str(index.get("first_author", ""))), None)
        self.db.execute(
            "UPDATE papers SET key = ?, title = ?, year = ?, doi = ?, norm_title = ?,"
            " first_author = ?, metadata = ?, updated_at = ? WHERE id = ?",
            (*_metadata_columns(paper, index), now(), paper_id),
        )

    def paper_version(self, key: str) -> tuple[int, int]:
        """(row id, version) of a paper: the version changes with every write to the paper."""
        row = self.db.execute("SELECT id, version FROM papers WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise NotFound(_unknown_key_message(key, self.all_keys()))
        return int(row[0]), int(row[1])

    def get_by_id(self, paper_id: int) -> Paper:
        row = self.db.execute("SELECT * FROM papers WHERE id = ?", (paper_id,)).fetchone()
        if row is None:
            raise NotFound(f"no paper with row id {paper_id}")
        return self._paper_from_row(row, full=True)

    def check_new_key(self, key: str) -> None:
        if not KEY_PATTERN.match(key):
            raise ValidationError(tr("key {key}: use letters, digits and _ : . - only, starting with a letter or digit",
                                     key=repr(key)))
        if self.key_exists(key):
            raise ValidationError(tr("key {key} is already used by another paper; choose another", key=repr(key)))

    def remove(self, keys: list[str]) -> None:
        """Delete papers (their sections, citations, links cascade) and the copies of
        files no remaining paper uses. Call inside a transaction: writers are
        serialised, so no other add can be using those copies at this moment."""
        ids = [self._paper_id(k) for k in keys]
        self.db.executemany("DELETE FROM papers WHERE id = ?", [(i,) for i in ids])
        if self._blocks is not None:
            self._blocks.clear()
        if self._keys is not None:
            self._keys.difference_update(keys)
            self._key_hints.clear()
        unused = self.db.execute(
            "SELECT sha256, ext FROM files WHERE sha256 NOT IN (SELECT sha256 FROM paper_files)"
        ).fetchall()
        self.db.execute("DELETE FROM files WHERE sha256 NOT IN (SELECT sha256 FROM paper_files)")
        for row in unused:
            if self.root is None:
                self._blobs.pop(row["sha256"], None)
            else:
                self.file_path(row["sha256"], row["ext"]).unlink(missing_ok=True)

    def mark_maybe_duplicate(self, key: str, other: str, reason: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO maybe_duplicates (paper_id, other_id, reason) VALUES (?, ?, ?)",
            (self._paper_id(key), self._paper_id(other), reason),
        )

    # -- reading -----------------------------------------------------------------
    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0])

    _CANDIDATE_COLUMNS = "id, key, doi, norm_title"

    def lookup_doi(self, doi: str) -> list[sqlite3.Row]:
        return self.db.execute(f"SELECT {self._CANDIDATE_COLUMNS} FROM papers WHERE doi = ?", (doi,)).fetchall()

    def lookup_title(self, norm_title: str) -> list[sqlite3.Row]:
        """Papers with exactly this normalised title (one indexed lookup)."""
        if not norm_title:
            return []
        return self.db.execute(f"SELECT {self._CANDIDATE_COLUMNS} FROM papers WHERE norm_title = ?",
                               (norm_title,)).fetchall()

    def block_titles(
        self, year: int | None, first_author: str, norm_title: str, min_ratio: float = 0.73,
    ) -> Block:
        """The papers of the same year (or both undated) and first author whose titles' lengths are
        within ``min_ratio`` of this one's (titles further apart in length cannot reach the similarity
        a match needs), in no set order. Inside a write transaction each block is read once and then
        kept, ordered by title length, as papers join it: a common surname's block holds hundreds of
        papers, and an import of a large library asks for it again with every record by that author."""
        if not first_author or not norm_title:
            return Block()
        low, high = int(len(norm_title) * min_ratio), int(len(norm_title) / min_ratio) + 1
        if self._blocks is None:
            return Block.of(self._block_rows(year, first_author, (low, high)))
        block = self._blocks.get((year, first_author))
        if block is None:
            block = self._blocks[(year, first_author)] = Block.of(self._block_rows(year, first_author))
        return block.window(low, high)

    def _block_rows(self, year: int | None, first_author: str,
                    lengths: tuple[int, int] | None = None) -> list[tuple[int, str, str, str]]:
        """(id, key, doi, normalised title) of a (year, first author) block, from the covering index
        papers_block_titles, as plain tuples; only titles of these ``lengths`` when given."""
        cursor = self.db.cursor()
        cursor.row_factory = None
        return cursor.execute(
            "SELECT id, key, doi, norm_title FROM papers WHERE "
            + ("year = ?" if year is not None else "year IS NULL") + " AND first_author = ?"
            + (" AND length(norm_title) BETWEEN ? AND ?" if lengths else ""),
            [*([year] if year is not None else []), first_author, *(lengths or ())],
        ).fetchall()

    def _block_added(self, row: tuple[int, str, str, str], year: int | None, first_author: str) -> None:
        """A new paper joins its kept block, if that block has been read."""
        block = self._blocks.get((year, first_author)) if self._blocks is not None else None
        if block is not None:
            block.add(row)

    def keys_alike(self, keys: list[str]) -> list[str]:
        """The keys of the papers that share year (or its absence) and first author (or its
        absence) with any of ``keys``, those included: the papers that may be cited alike (one
        indexed lookup per chunk of keys; for many keys, whose blocks overlap, one pass over every
        paper's block instead)."""
        if len(keys) > ALIKE_BY_SCAN:
            every = self.db.execute("SELECT key, year, first_author FROM papers").fetchall()
            wanted = set(keys)
            blocks = {(year, author) for key, year, author in every if key in wanted}
            return sorted(key for key, year, author in every if (year, author) in blocks)
        found: dict[str, None] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.db.execute(
                "SELECT b.key FROM papers AS a JOIN papers AS b ON b.first_author = a.first_author "
                f"AND b.year IS a.year WHERE a.key IN ({', '.join('?' * len(chunk))}) ORDER BY b.key", chunk)
            found.update((row[0], None) for row in rows)
        return list(found)

    def title_count(self, norm_title: str) -> int:
        """Papers with this normalised title (one indexed count)."""
        if not norm_title:
            return 0
        return int(self.db.execute("SELECT COUNT(*) FROM papers WHERE norm_title = ?", (norm_title,)).fetchone()[0])

    def lookup_same_title(self, norm_title: str, year: int | None, first_authors: list[str]) -> list[sqlite3.Row]:
        """Papers with this normalised title, this year and one of these first authors: where a
        record of a crowded title ("Editorial") can have a duplicate. One indexed block."""
        if not norm_title or not first_authors:
            return []
        marks = ",".join("?" * len(first_authors))
        return self.db.execute(
            f"SELECT {self._CANDIDATE_COLUMNS} FROM papers WHERE "
            + ("year = ?" if year is not None else "year IS NULL")
            + f" AND first_author IN ({marks}) AND norm_title = ?",
            [*([year] if year is not None else []), *first_authors, norm_title],
        ).fetchall()

    def keys_with_title(self, norm_title: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT key FROM papers WHERE norm_title = ? ORDER BY key",
                                              (norm_title,))]

    def forget_pairs_within_title(self, norm_title: str) -> None:
        """Drop the possible-duplicate pairs between papers of this normalised title: the title has
        become a group (see ``title_groups``), listed once with its count."""
        self.db.execute(
            "DELETE FROM maybe_duplicates WHERE paper_id IN (SELECT id FROM papers WHERE norm_title = ?)"
            " AND other_id IN (SELECT id FROM papers WHERE norm_title = ?)",
            (norm_title, norm_title),
        )

    def title_groups(self, min_size: int) -> list[tuple[str, int]]:
        """(normalised title, papers) of every title shared by at least ``min_size`` papers."""
        return [(r[0], int(r[1])) for r in self.db.execute(
            "SELECT norm_title, COUNT(*) FROM papers WHERE norm_title != '' GROUP BY norm_title"
            " HAVING COUNT(*) >= ? ORDER BY norm_title", (min_size,))]

    def title_group_of(self, key: str, min_size: int) -> tuple[str, int] | None:
        """(title as written, papers sharing its normalised title) when at least ``min_size`` do."""
        row = self.db.execute("SELECT title, norm_title FROM papers WHERE key = ?", (key,)).fetchone()
        if row is None or not row[1]:
            return None
        count = self.title_count(row[1])
        return (row[0], count) if count >= min_size else None

    def metadata_of(self, paper_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT metadata FROM papers WHERE id = ?", (paper_id,)).fetchone()
        return json.loads(row[0]) if row else {}

    def get(self, key: str) -> Paper:
        row = self.db.execute("SELECT * FROM papers WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise NotFound(_unknown_key_message(key, self.all_keys()))
        return self._paper_from_row(row, full=True)

    def _paper_from_row(self, row: sqlite3.Row, full: bool) -> Paper:
        paper = Paper.from_metadata(json.loads(row["metadata"]))
        paper.key = row["key"]
        paper.pages_count = row["pages_count"]
        paper.warnings = json.loads(row["warnings"])
        if full:
            paper.text = row["text"]
            paper.page_starts = json.loads(row["page_starts"])
            paper.sections = [
                Section(kind=r["kind"], heading=r["heading"], start=r["start"], end=r["end"], page=r["page"])
                for r in self.db.execute(
                    'SELECT kind, heading, start, "end", page FROM sections WHERE paper_id = ? ORDER BY ord',
                    (row["id"],),
                )
            ]
            paper.citations = [
                Citation(
                    text=r["text"],
                    authors=json.loads(r["authors"]),
                    year=r["year"],
                    start=r["start"],
                    end=r["end"],
                    et_al=bool(r["et_al"]),
                    narrative=bool(r["narrative"]),
                    page=r["page"],
                    original=r["original"],
                )
                for r in self.db.execute(
                    'SELECT text, authors, year, start, "end", et_al, narrative, page, original FROM citations'
                    " WHERE paper_id = ? ORDER BY ord",
                    (row["id"],),
                )
            ]
        return paper

    def iter_papers(self, keys: list[str] | None = None, full: bool = False,
                    only: set[str] | None = None) -> Iterator[Paper]:
        """Papers in key order, one at a time (memory does not grow with the corpus); with ``only``,
        just the papers whose keys it holds (the others are not read)."""
        columns = "*" if full else "id, key, metadata, pages_count, warnings"
        if keys:
            if full:
                for key in keys:
                    if only is None or key in only:
                        yield self.get(key)
                return
            for start in range(0, len(keys), 500):  # without the text: a chunk of keys per query
                chunk = [key for key in keys[start:start + 500] if only is None or key in only]
                if not chunk:
                    continue
                found = {row["key"]: row for row in self.db.execute(
                    f"SELECT {columns} FROM papers WHERE key IN ({','.join('?' * len(chunk))})", chunk)}
                for key in chunk:
                    if key not in found:
                        raise NotFound(_unknown_key_message(key, self.all_keys()))
                    yield self._paper_from_row(found[key], full=False)
            return
        cursor = self.db.execute(f"SELECT {columns} FROM papers ORDER BY key")
        while batch := cursor.fetchmany(200):
            for row in batch:
                if only is None or row["key"] in only:
                    yield self._paper_from_row(row, full=full)

    def rows(self, level: str = "discussed") -> Iterator[PaperRow]:
        """Listing rows in key order, with file names and themes at ``level``, without full text."""
        cursor = self.db.execute(
            "SELECT id, key, metadata, pages_count, text != '' AS has_text, added_at FROM papers ORDER BY key"
        )
        file_names: dict[int, list[str]] = {}
        for r in self.db.execute("SELECT paper_id, name FROM paper_files ORDER BY paper_id, role DESC, name"):
            file_names.setdefault(r[0], []).append(r[1])
        themes = self.themes_by_id(level)
        while batch := cursor.fetchmany(500):
            for r in batch:
                yield PaperRow(
                    id=r["id"],
                    key=r["key"],
                    metadata=json.loads(r["metadata"]),
                    pages_count=r["pages_count"],
                    has_text=bool(r["has_text"]),
                    added_at=r["added_at"],
                    files=file_names.get(r["id"], []),
                    themes=themes.get(r["id"], []),
                )

    def files_of(self, key: str) -> list[StoredFile]:
        return [
            StoredFile(sha256=r["sha256"], name=r["name"], role=r["role"], size=r["size"], ext=r["ext"])
            for r in self.db.execute(
                "SELECT f.sha256, f.name, f.role, x.size, x.ext FROM paper_files f JOIN files x USING (sha256)"
                " WHERE f.paper_id = ? ORDER BY f.role DESC, f.name",
                (self._paper_id(key),),
            )
        ]

    def provenance_of(self, key: str) -> list[dict[str, Any]]:
        """Where the paper came from, oldest first: format, file_name, sha256, record, added_at, and
        ``details``, what that source knew of it (database, cited_by, query, query_date, rank...)."""
        return [
            {**dict(r), "details": json.loads(r["details"])}
            for r in self.db.execute(
                "SELECT format, file_name, sha256, record, added_at, details FROM provenance WHERE paper_id = ?"
                " ORDER BY rowid",
                (self._paper_id(key),),
            )
        ]

    def records_by_source(self) -> list[tuple[str, str, str, int]]:
        """Records read per source: (database or "", format, file name, records), busiest first. A
        record merged into another paper still counts: it was identified."""
        return [
            (r[0] or "", r[1], r[2], int(r[3]))
            for r in self.db.execute(
                "SELECT json_extract(details, '$.database'), format, file_name, COUNT(*) FROM provenance"
                " GROUP BY 1, 2, 3 ORDER BY 4 DESC, 3, 1"
            )
        ]

    def first_source_by_key(self) -> dict[str, tuple[str, str]]:
        """Each paper's first source, from its oldest provenance row: key -> (database or "", format)."""
        found: dict[str, tuple[str, str]] = {}
        for r in self.db.execute(
            "SELECT p.key, json_extract(v.details, '$.database'), v.format FROM provenance v"
            " JOIN papers p ON p.id = v.paper_id ORDER BY v.rowid"
        ):
            found.setdefault(r[0], (r[1] or "", r[2]))
        return found

    def paper_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0])

    def possible_duplicate_count(self, title_group_size: int | None = None) -> int:
        """Pairs flagged as possible duplicates that nobody has declared distinct; with
        ``title_group_size``, plus one per title shared by at least that many papers (a group)."""
        pairs = int(self.db.execute(
            "SELECT COUNT(*) FROM maybe_duplicates m WHERE NOT EXISTS (SELECT 1 FROM distinct_papers d"
            " WHERE d.paper_id = MIN(m.paper_id, m.other_id) AND d.other_id = MAX(m.paper_id, m.other_id))"
        ).fetchone()[0])
        return pairs + (len(self.title_groups(title_group_size)) if title_group_size else 0)

    def maybe_duplicates_of(self, key: str) -> list[tuple[str, str]]:
        paper_id = self._paper_id(key)
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT p.key, d.reason FROM maybe_duplicates d JOIN papers p ON p.id ="
                " CASE WHEN d.paper_id = ? THEN d.other_id ELSE d.paper_id END"
                " WHERE d.paper_id = ? OR d.other_id = ? ORDER BY p.key",
                (paper_id, paper_id, paper_id),
            )
        ]


    # -- duplicates ------------------------------------------------------------------
    _DEDUP_JSON = ("title_id", "title_en", "volume", "issue", "pages", "journal")

    def dedup_rows(self) -> Iterator[dict[str, Any]]:
        """What batch duplicate detection reads of every paper, in id order, streamed: id, key, doi,
        norm_title, first_author, year and the metadata fields title_id, title_en, volume, issue,
        pages, journal (read with json_extract: no metadata is decoded in Python)."""
        extracted = ", ".join(f"json_extract(metadata, '$.{name}')" for name in self._DEDUP_JSON)
        names = ("id", "key", "doi", "norm_title", "first_author", "year", *self._DEDUP_JSON)
        cursor = self.db.execute(
            f"SELECT id, key, doi, norm_title, first_author, year, {extracted} FROM papers ORDER BY id"
        )
        while batch := cursor.fetchmany(1000):
            for r in batch:
                yield dict(zip(names, r, strict=True))

    def lookup_title_prefix(self, year: int | None, first_author: str, norm_title: str) -> list[sqlite3.Row]:
        """Papers of the same year and first author whose normalised title starts with this one, or
        is the start of it (a dropped subtitle, a title cut short). Two indexed ranges of titles:
        those that start with the title and a space (between "title " and "title!" in byte order),
        and the title's own first words (the only titles it can start with), so the cost does not
        grow with the (year, first author) block."""
        if not first_author or not norm_title or year is None:
            return []
        starts = [norm_title[:i] for i, ch in enumerate(norm_title) if ch == " " and i]
        marks = ",".join("?" * len(starts))
        shorter = f" UNION ALL SELECT {self._CANDIDATE_COLUMNS} FROM papers WHERE year = ? AND first_author = ?" \
                  f" AND norm_title IN ({marks})" if starts else ""
        rows = self.db.execute(
            f"SELECT {self._CANDIDATE_COLUMNS} FROM papers WHERE year = ? AND first_author = ?"
            " AND norm_title >= ? AND norm_title < ?" + shorter,
            (year, first_author, norm_title + " ", norm_title + "!",
             *((year, first_author, *starts) if starts else ())),
        ).fetchall()
        return list({row[0]: row for row in rows}.values())

    def lookup_same_place(self, year: int | None, first_author: str, pages: str) -> list[sqlite3.Row]:
        """Papers of the same year and first author with the same pages (as written, "--" and "–"
        read as "-"): candidates for one article under two titles. One indexed block."""
        if not first_author or not pages or year is None:
            return []
        return self.db.execute(
            f"SELECT {self._CANDIDATE_COLUMNS} FROM papers WHERE year = ? AND first_author = ? AND"
            " replace(replace(json_extract(metadata, '$.pages'), '--', '-'), '–', '-') = ?",
            (year, first_author, pages.replace("--", "-").replace("–", "-")),
        ).fetchall()

    def mark_distinct(self, key: str, other: str) -> bool:
        """Record that two papers are different works (False if already recorded); they are no
        longer listed as possible duplicates of each other."""
        a, b = sorted((self._paper_id(key), self._paper_id(other)))
        if a == b:
            raise ValidationError(tr("{key}: a paper cannot be distinct from itself; give two different keys", key=key))
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO distinct_papers (paper_id, other_id, decided_at) VALUES (?, ?, ?)", (a, b, now())
        )
        self.db.execute(
            "DELETE FROM maybe_duplicates WHERE (paper_id = ? AND other_id = ?) OR (paper_id = ? AND other_id = ?)",
            (a, b, b, a),
        )
        return bool(cursor.rowcount)

    def are_distinct(self, key: str, other: str) -> bool:
        a, b = sorted((self._paper_id(key), self._paper_id(other)))
        return self.db.execute(
            "SELECT 1 FROM distinct_papers WHERE paper_id = ? AND other_id = ?", (a, b)
        ).fetchone() is not None

    def distinct_id_pairs(self) -> list[tuple[int, int]]:
        """Every pair recorded as distinct, as row ids (smaller first)."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT paper_id, other_id FROM distinct_papers ORDER BY 1, 2")]

    def distinct_pairs(self) -> list[tuple[str, str]]:
        """Every pair recorded as distinct, as keys (each pair and the list sorted)."""
        rows = self.db.execute(
            "SELECT p.key, o.key FROM distinct_papers d JOIN papers p ON p.id = d.paper_id"
            " JOIN papers o ON o.id = d.other_id"
        )
        return sorted(tuple(sorted((r[0], r[1]))) for r in rows)  # type: ignore[misc]

    def distinct_keys_among(self, keys: list[str]) -> list[tuple[str, str]]:
        """The pairs of ``keys`` recorded as distinct."""
        wanted = set(keys)
        return [pair for pair in self.distinct_pairs() if pair[0] in wanted and pair[1] in wanted]

    def record_conflicts(self, key: str, conflicts: dict[str, Any], sha256: str | None = None,
                         record: str | None = None) -> None:
        """Keep values that lost a merge in the details of the provenance row they came from (the
        row of ``sha256`` and ``record``, else the paper's oldest), under ``conflicts``; a field
        already there with another value is kept too, as ``field_2``, ``field_3``..."""
        if not conflicts:
            return
        paper_id = self._paper_id(key)
        query = "SELECT rowid, details FROM provenance WHERE paper_id = ?"
        params: list[Any] = [paper_id]
        if sha256 is not None:
            query += " AND sha256 = ? AND record = ?"
            params += [sha256, record or ""]
        row = self.db.execute(query + " ORDER BY rowid LIMIT 1", params).fetchone()
        if row is None:
            row = self.db.execute(
                "SELECT rowid, details FROM provenance WHERE paper_id = ? ORDER BY rowid LIMIT 1", (paper_id,)
            ).fetchone()
        if row is None:
            return
        details = json.loads(row[1])
        details["conflicts"] = add_conflicts(details.get("conflicts") or {}, conflicts)
        self.db.execute("UPDATE provenance SET details = ? WHERE rowid = ?", (_dumps(details), row[0]))

    def merge_papers(self, kept_key: str, other_keys: list[str], merged: Paper, index: dict[str, Any],
                     conflicts: dict[str, dict[str, Any]] | None = None) -> None:
        """Merge papers into ``kept_key`` in one transaction: their provenance rows, file links,
        manual tags, possible-duplicate and distinct rows move to the kept paper, which gets
        ``merged`` as its metadata (and its text, if it had none); ``conflicts`` (paper key ->
        field -> the value that paper lost) go into each paper's provenance details first. The
        others are then deleted (their automatic tags, evidence and findings with them); the
        kept paper's tagging is cleared so the next `tag` reads it again."""
        with self.transaction():
            kept_id = self._paper_id(kept_key)
            other_ids = [self._paper_id(k) for k in other_keys]
            if kept_id in other_ids or len(set(other_ids)) != len(other_ids):
                raise ValidationError(tr("a paper cannot be merged with itself; give each key once"))
            for key, lost in (conflicts or {}).items():
                self.record_conflicts(key, lost)
            marks = ",".join("?" * len(other_ids))
            had_text = bool(self.db.execute("SELECT text != '' FROM papers WHERE id = ?", (kept_id,)).fetchone()[0])
            self.db.execute(f"UPDATE provenance SET paper_id = ? WHERE paper_id IN ({marks})", [kept_id, *other_ids])
            self.db.execute(
                "INSERT OR IGNORE INTO paper_files (paper_id, sha256, name, role)"
                f" SELECT ?, sha256, name, role FROM paper_files WHERE paper_id IN ({marks}) ORDER BY paper_id",
                [kept_id, *other_ids],
            )
            self._move_manual_tags(kept_id, other_ids)
            self._move_library_rows(kept_id, other_ids)
            self._move_screening(kept_id, other_ids)
            for table in ("maybe_duplicates", "distinct_papers"):
                self._move_pairs(table, kept_id, other_ids)
            self.db.execute("DELETE FROM tag_runs WHERE paper_id = ?", (kept_id,))
            self.update_metadata(kept_key, merged, index)
            if merged.text and not had_text:
                self.set_text(kept_key, merged)
            self.db.execute(f"DELETE FROM papers WHERE id IN ({marks})", other_ids)
            if self._blocks is not None:
                self._blocks.clear()
            if self._keys is not None:
                self._keys.difference_update(other_keys)
                self._key_hints.clear()

    def _move_manual_tags(self, kept_id: int, other_ids: list[int]) -> None:
        """The others' decisions by hand, where the kept paper has none of its own (with their evidence)."""
        mine = {r[0] for r in self.db.execute(
            "SELECT theme FROM tags WHERE paper_id = ? AND origin = 'manual'", (kept_id,))}
        for other in other_ids:
            for r in self.db.execute(
                "SELECT theme FROM tags WHERE paper_id = ? AND origin = 'manual' ORDER BY theme", (other,)
            ).fetchall():
                if r[0] in mine:
                    continue
                mine.add(r[0])
                self.db.execute("DELETE FROM evidence WHERE paper_id = ? AND theme = ?", (kept_id, r[0]))
                self.db.execute("DELETE FROM tags WHERE paper_id = ? AND theme = ?", (kept_id, r[0]))
                self.db.execute(
                    "INSERT INTO tags (paper_id, theme, origin, assigned, score, threshold, sentences, decided_at)"
                    " SELECT ?, theme, origin, assigned, score, threshold, sentences, decided_at FROM tags"
                    " WHERE paper_id = ? AND theme = ?", (kept_id, other, r[0]))
                self.db.execute(
                    'INSERT INTO evidence (paper_id, theme, ord, field, start, "end", section, page, score, sentence,'
                    ' matches) SELECT ?, theme, ord, field, start, "end", section, page, score, sentence, matches'
                    " FROM evidence WHERE paper_id = ? AND theme = ?", (kept_id, other, r[0]))

    def _move_pairs(self, table: str, kept_id: int, other_ids: list[int]) -> None:
        """Re-point rows of a pair table (maybe_duplicates, distinct_papers) from the others to the kept
        paper; pairs that would join the kept paper to itself go, and so do the others' rows (cascade)."""
        merged_ids = {kept_id, *other_ids}
        columns = "paper_id, other_id, reason" if table == "maybe_duplicates" else "paper_id, other_id, decided_at"
        marks = ",".join("?" * len(other_ids))
        rows = self.db.execute(
            f"SELECT {columns} FROM {table} WHERE paper_id IN ({marks}) OR other_id IN ({marks})",
            [*other_ids, *other_ids],
        ).fetchall()
        for a, b, extra in rows:
            a, b = (kept_id if a in merged_ids else a), (kept_id if b in merged_ids else b)
            if a == b:
                continue
            if table == "distinct_papers":
                a, b = min(a, b), max(a, b)
            self.db.execute(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES (?, ?, ?)", (a, b, extra))

    # -- themes ------------------------------------------------------------------
    def tag_states(self) -> dict[str, tuple[str, str]]:
        """For every tagged paper: (content digest, codebook digest) of its last tagging."""
        return {
            r[0]: (r[1], r[2])
            for r in self.db.execute(
                "SELECT p.key, t.content, t.codebook FROM tag_runs t JOIN papers p ON p.id = t.paper_id"
            )
        }

    def save_tagging(self, tagging: Tagging) -> None:
        """Store a tagger run: facets, automatic tags and their evidence. Decisions made by
        hand stand: a theme the user removed stays removed, one the user added stays, with
        fresh evidence when the tagger found any."""
        paper_id = self._paper_id(tagging.key)
        manual = {
            r[0]: bool(r[1])
            for r in self.db.execute(
                "SELECT theme, assigned FROM tags WHERE paper_id = ? AND origin = 'manual'", (paper_id,)
            )
        }
        # Passages coded by hand in a QDA program (place 'coded') are the evidence of their manual tag: kept.
        coded = {r[0] for r in self.db.execute(
            "SELECT DISTINCT e.theme FROM evidence e JOIN tags t ON t.paper_id = e.paper_id AND t.theme = e.theme"
            " WHERE e.paper_id = ? AND e.place = 'coded' AND t.origin = 'manual' AND t.assigned = 1", (paper_id,))}
        self.db.execute("DELETE FROM tags WHERE paper_id = ? AND origin = 'auto'", (paper_id,))
        self.db.execute("DELETE FROM evidence WHERE paper_id = ? AND NOT (place = 'coded' AND theme IN"
                        f" ({','.join('?' * len(coded))}))", (paper_id, *sorted(coded)))
        stamp = now()
        for tag in tagging.tags:
            if tag.theme in manual:
                if manual[tag.theme]:
                    if tag.theme not in coded:
                        self._write_evidence(paper_id, tag)
                    self.db.execute(
                        "UPDATE tags SET score = ?, threshold = ?, sentences = ? WHERE paper_id = ? AND theme = ?",
                        (tag.score, tag.threshold, tag.sentences, paper_id, tag.theme),
                    )
                continue
            if not tag.assigned and not tag.evidence:
                continue
            self.db.execute(
                "INSERT INTO tags (paper_id, theme, origin, assigned, score, threshold, sentences, decided_at, level)"
                " VALUES (?, ?, 'auto', ?, ?, ?, ?, ?, ?)",
                (paper_id, tag.theme, int(tag.assigned), tag.score, tag.threshold, tag.sentences, stamp,
                 "discussed" if tag.assigned else "mentioned"),
            )
            self._write_evidence(paper_id, tag)
        self.db.execute(
            "INSERT OR REPLACE INTO tag_runs (paper_id, content, codebook, words, facets, tagged_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (paper_id, tagging.content, tagging.codebook, tagging.words, _dumps(tagging.facets.to_dict()), stamp),
        )

    def _write_evidence(self, paper_id: int, tag: Tag) -> None:
        self.db.executemany(
            'INSERT INTO evidence (paper_id, theme, ord, field, start, "end", section, page, score, sentence, matches,'
            " place, cites, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (paper_id, tag.theme, i, e.field, e.start, e.end, e.section, e.page, e.score, e.sentence,
                 _dumps([m.to_dict() for m in e.matches]), e.place, int(e.cites), e.weight)
                for i, e in enumerate(tag.evidence)
            ],
        )

    def set_manual_tag(self, key: str, theme: str, assigned: bool, found: Tag | None = None) -> None:
        """Record the user's decision on a theme; ``found`` is the tagger's evidence for it."""
        paper_id = self._paper_id(key)
        self.db.execute("DELETE FROM tags WHERE paper_id = ? AND theme = ?", (paper_id, theme))
        self.db.execute("DELETE FROM evidence WHERE paper_id = ? AND theme = ?", (paper_id, theme))
        score = found.score if found else 0.0
        self.db.execute(
            "INSERT INTO tags (paper_id, theme, origin, assigned, score, threshold, sentences, decided_at)"
            " VALUES (?, ?, 'manual', ?, ?, ?, ?, ?)",
            (paper_id, theme, int(assigned), score, found.threshold if found else 0.0,
             found.sentences if found else 0, now()),
        )
        if assigned and found is not None:
            self._write_evidence(paper_id, found)

    def clear_manual_tag(self, key: str, theme: str) -> bool:
        """Forget the user's decision on a theme (True if there was one); the next tagging decides."""
        paper_id = self._paper_id(key)
        cursor = self.db.execute(
            "DELETE FROM tags WHERE paper_id = ? AND theme = ? AND origin = 'manual'", (paper_id, theme)
        )
        if cursor.rowcount:
            self.db.execute("DELETE FROM evidence WHERE paper_id = ? AND theme = ?", (paper_id, theme))
            self.db.execute("DELETE FROM tag_runs WHERE paper_id = ?", (paper_id,))
        return bool(cursor.rowcount)

    def tags_of(self, key: str, removed: bool = False, level: str = "discussed") -> list[Tag]:
        """A paper's tags with their evidence: discussed themes strongest first, then (with
        ``level="mentioned"``) the themes only mentioned; ``removed`` adds themes removed by hand."""
        paper_id = self._paper_id(key)
        evidence: dict[str, list[Evidence]] = {}
        for r in self.db.execute(
            'SELECT theme, field, start, "end", section, page, score, sentence, matches, place, cites, weight'
            " FROM evidence WHERE paper_id = ? ORDER BY theme, ord",
            (paper_id,),
        ):
            evidence.setdefault(r["theme"], []).append(
                Evidence(theme=r["theme"], field=r["field"], start=r["start"], end=r["end"], section=r["section"],
                         page=r["page"], score=r["score"], sentence=r["sentence"],
                         matches=[Match(**m) for m in json.loads(r["matches"])], place=r["place"],
                         cites=bool(r["cites"]), weight=r["weight"])
            )
        condition = level_condition(level)
        if removed:
            condition = f"({condition} OR (origin = 'manual' AND assigned = 0))"
        return [
            Tag(theme=r["theme"], score=r["score"], threshold=r["threshold"], sentences=r["sentences"],
                assigned=bool(r["assigned"]), origin=r["origin"], evidence=evidence.get(r["theme"], []),
                level=_level_of(r["assigned"], r["origin"], r["level"]))
            for r in self.db.execute(
                f"SELECT * FROM tags WHERE paper_id = ? AND {condition}"
                " ORDER BY assigned DESC, level = 'mentioned', score DESC, theme",
                (paper_id,),
            )
        ]

    def tag_run_of(self, key: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT content, codebook, words, facets, tagged_at FROM tag_runs WHERE paper_id = ?",
            (self._paper_id(key),),
        ).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["facets"] = Facets.from_dict(json.loads(out["facets"]))
        return out

    def keys_with_theme(self, theme: str, origin: str | None = None) -> list[str]:
        """Keys of the papers that discuss ``theme`` (only those decided ``origin``: "manual" or "auto")."""
        condition = " AND t.origin = ?" if origin else ""
        return [r[0] for r in self.db.execute(
            "SELECT p.key FROM tags t JOIN papers p ON p.id = t.paper_id WHERE t.theme = ? AND t.assigned = 1"
            + condition + " ORDER BY p.key", (theme, origin) if origin else (theme,))]

    def themes_by_id(self, level: str = "discussed") -> dict[int, list[str]]:
        """Themes of every paper (by row id) at ``level``, each list sorted."""
        out: dict[int, list[str]] = {}
        for r in self.db.execute(
            f"SELECT paper_id, theme FROM tags WHERE {level_condition(level)} ORDER BY paper_id, theme"
        ):
            out.setdefault(r[0], []).append(r[1])
        return out

    def theme_counts(self) -> dict[str, dict[str, int]]:
        """Per theme: papers tagged automatically, by hand, removed by hand, and evidence sentences."""
        out: dict[str, dict[str, int]] = {}
        for r in self.db.execute(
            "SELECT theme, SUM(origin = 'auto' AND assigned = 1), SUM(origin = 'manual' AND assigned = 1),"
            " SUM(origin = 'manual' AND assigned = 0), SUM(origin = 'auto' AND assigned = 0 AND level = 'mentioned')"
            " FROM tags GROUP BY theme"
        ):
            out[r[0]] = {"auto": r[1] or 0, "manual": r[2] or 0, "removed": r[3] or 0, "mentioned": r[4] or 0,
                         "evidence": 0}
        for r in self.db.execute(
            "SELECT e.theme, COUNT(*) FROM evidence e JOIN tags t ON t.paper_id = e.paper_id AND t.theme = e.theme"
            " WHERE t.assigned = 1 GROUP BY e.theme"
        ):
            empty = {"auto": 0, "manual": 0, "removed": 0, "mentioned": 0, "evidence": 0}
            out.setdefault(r[0], empty)["evidence"] = r[1]
        return out

    def tags_by_key(self, level: str = "discussed", only: set[str] | None = None) -> dict[str, list[Tag]]:
        """Every paper's tags at ``level`` (no evidence), discussed first, strongest first: one query
        (with ``only``, just those of these keys). The few theme, origin and level names are held
        once however many tags name them."""
        out: dict[str, list[Tag]] = {}
        names: dict[str, str] = {}
        for r in self.db.execute(
            "SELECT p.key, t.theme, t.score, t.threshold, t.sentences, t.origin, t.assigned, t.level FROM tags t"
            f" JOIN papers p ON p.id = t.paper_id WHERE {level_condition(level, 't')}"
            " ORDER BY p.key, t.assigned DESC, t.score DESC, t.theme"
        ):
            if only is not None and r[0] not in only:
                continue
            theme, origin = names.setdefault(r[1], r[1]), names.setdefault(r[5], r[5])
            found = _level_of(r[6], r[5], r[7])
            out.setdefault(r[0], []).append(
                Tag(theme=theme, score=r[2], threshold=r[3], sentences=r[4], origin=origin, assigned=bool(r[6]),
                    level=names.setdefault(found, found))
            )
        return out

    def keys_tagged(self, level: str = "discussed") -> set[str]:
        """Keys of the papers with a tag at ``level`` (those ``tags_by_key`` lists), without their tags."""
        return {r[0] for r in self.db.execute(
            "SELECT DISTINCT p.key FROM tags t JOIN papers p ON p.id = t.paper_id"
            f" WHERE {level_condition(level, 't')}")}

    def facets_by_key(self, only: set[str] | None = None, shared: bool = False) -> dict[str, Facets]:
        """Every tagged paper's facets (with ``only``, just those of these keys): one query for the
        corpus. With ``shared``, equal mentions are one object (read them, do not change them), so
        the facets of many papers hold little more than their lists."""
        mentions: dict[tuple[Any, ...], FacetMention] | None = {} if shared else None
        return {
            r[0]: Facets.from_dict(json.loads(r[1]), mentions)
            for r in self.db.execute("SELECT p.key, t.facets FROM tag_runs t JOIN papers p ON p.id = t.paper_id")
            if only is None or r[0] in only
        }

    def evidence_rows(
        self, keys: list[str] | None = None, themes: list[str] | None = None, level: str = "discussed",
        matches: bool = True,
    ) -> Iterator[tuple[str, Evidence]]:
        """(paper key, evidence) for tags at ``level``, in key, theme and rank order; without the
        terms each sentence matched (``Evidence.matches`` left empty) unless ``matches``."""
        clauses, params = [level_condition(level, "t")], []
        if keys is not None:
            clauses.append(f"p.key IN ({','.join('?' * len(keys))})")
            params += keys
        if themes is not None:
            clauses.append(f"e.theme IN ({','.join('?' * len(themes))})")
            params += themes
        cursor = self.db.execute(
            f"SELECT {_EVIDENCE_COLUMNS if matches else _EVIDENCE_COLUMNS_NO_MATCHES} FROM evidence e"
            " JOIN tags t ON t.paper_id = e.paper_id AND t.theme = e.theme"
            " JOIN papers p ON p.id = e.paper_id WHERE " + " AND ".join(clauses) + " ORDER BY p.key, e.theme, e.ord",
            params,
        )
        yield from _evidence_from(cursor)

    def theme_evidence(self, theme: str, level: str = "discussed", staged: bool = False
                       ) -> Iterator[tuple[str, Evidence]]:
        """(paper key, evidence) of one theme's tags at ``level``, paper by paper in rank order, without
        the matched terms: what a table reads theme by theme, so only one theme's evidence is in memory.
        With ``staged``, only the papers of the staged entries (``store_entries``)."""
        cursor = self.db.execute(
            f"SELECT {_EVIDENCE_COLUMNS_NO_MATCHES} FROM evidence e"
            " JOIN tags t ON t.paper_id = e.paper_id AND t.theme = e.theme"
            f" JOIN papers p ON p.id = e.paper_id{' JOIN temp.table_entries s ON s.paper_id = e.paper_id' * staged}"
            f" WHERE e.theme = ? AND {level_condition(level, 't')}"
            " ORDER BY e.paper_id, e.ord",
            (theme,),
        )
        yield from _evidence_from(cursor)

    def evidence_sentences(self, keys: list[str] | None = None
                           ) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
        """(paper key, theme, its evidence as (field, sentence) in rank order) for every theme with
        evidence (whatever its tag's level), for ``keys`` (None: every paper)."""
        where = f" WHERE p.key IN ({','.join('?' * len(keys))})" if keys is not None else ""
        cursor = self.db.execute(
            "SELECT p.key, e.theme, e.field, e.sentence FROM evidence e JOIN papers p ON p.id = e.paper_id"
            + where + " ORDER BY e.paper_id, e.theme, e.ord", keys or [])
        current: tuple[str, str] | None = None
        sentences: list[tuple[str, str]] = []
        while batch := cursor.fetchmany(500):
            for key, theme, field_name, sentence in batch:
                if (key, theme) != current:
                    if current is not None:
                        yield current[0], current[1], sentences
                    current, sentences = (key, theme), []
                sentences.append((field_name, sentence))
        if current is not None:
            yield current[0], current[1], sentences

    def stored_frames(self, version: str, only: set[tuple[str, str]] | None = None) -> dict[tuple[str, str], str]:
        """Kept frames found under framing ``version``: (paper key, theme) -> frame (with ``only``,
        just those of these pairs)."""
        return {
            (r[0], r[1]): r[2]
            for r in self.db.execute(
                "SELECT p.key, f.theme, f.frame FROM frames f JOIN papers p ON p.id = f.paper_id WHERE f.version = ?",
                (version,),
            )
            if only is None or (r[0], r[1]) in only
        }

    def keep_frames(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Keep (paper key, theme, framing version, frame) rows."""
        self.db.executemany(
            "INSERT OR REPLACE INTO frames (paper_id, theme, version, frame) SELECT id, ?, ?, ? FROM papers"
            " WHERE key = ?",
            [(theme, version, frame, key) for key, theme, version, frame in rows],
        )

    def claim_reads(self, theme: str, version: str
                    ) -> Iterator[tuple[str, bool, list[str] | None, bool, str | None]]:
        """Kept readings (``keep_claim_reads``) of the sentences of ``theme``'s evidence, under
        ``version``: (sentence, claimable, concepts or None when not read, negated, frame)."""
        cursor = self.db.execute(
            "SELECT sentence, claimable, concepts, negated, frame FROM claim_reads WHERE version = ? AND sentence IN"
            " (SELECT sentence FROM evidence WHERE theme = ?)", (version, theme))
        while batch := cursor.fetchmany(500):
            for sentence, claimable, concepts, negated, frame in batch:
                yield sentence, bool(claimable), json.loads(concepts) if concepts is not None else None, \
                    bool(negated), frame

    def keep_claim_reads(self, version: str, rows: list[tuple[str, bool, list[str] | None, bool, str | None]],
                         drop_others: bool = True) -> None:
        """Keep (sentence, claimable, concepts or None, negated, frame) readings under ``version``;
        those kept under another version are dropped (unless ``drop_others`` is false: a caller
        keeping many batches drops them with its first)."""
        if drop_others:
            self.db.execute("DELETE FROM claim_reads WHERE version != ?", (version,))
        self.db.executemany(
            "INSERT OR REPLACE INTO claim_reads (sentence, version, claimable, concepts, negated, frame)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(sentence, version, int(claimable), _dumps(concepts) if concepts is not None else None, int(negated),
              frame) for sentence, claimable, concepts, negated, frame in rows])

    def findings_state(self, key: str) -> tuple[str, str] | None:
        """(content digest, codebook digest) the paper's kept findings were found for, or None."""
        row = self.db.execute("SELECT f.content, f.codebook FROM findings f JOIN papers p ON p.id = f.paper_id"
                              " WHERE p.key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def tag_state(self, key: str) -> tuple[str, str] | None:
        """(content digest, codebook digest) of the paper's last tagging, or None (never tagged)."""
        row = self.db.execute("SELECT t.content, t.codebook FROM tag_runs t JOIN papers p ON p.id = t.paper_id"
                              " WHERE p.key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def evidence_of(self, key: str, level: str = "discussed") -> list[Evidence]:
        """One paper's evidence at ``level``, in theme and rank order (as ``evidence_rows`` gives it)."""
        return [evidence for _, evidence in self.evidence_rows([key], None, level)]

    def stored_findings(self) -> dict[str, tuple[str, str, list[str], list[str]]]:
        """Every paper's kept findings: key -> (content digest, codebook digest, findings, gaps)."""
        return {
            r[0]: (r[1], r[2], json.loads(r[3]), json.loads(r[4]))
            for r in self.db.execute(
                "SELECT p.key, f.content, f.codebook, f.findings, f.gaps FROM findings f"
                " JOIN papers p ON p.id = f.paper_id"
            )
        }

    def keep_findings(self, rows: list[tuple[str, str, str, list[str], list[str]]]) -> None:
        """Keep (key, content digest, codebook digest, findings, gaps) rows."""
        self.db.executemany(
            "INSERT OR REPLACE INTO findings (paper_id, content, codebook, findings, gaps)"
            " SELECT id, ?, ?, ?, ? FROM papers WHERE key = ?",
            [(content, book, _dumps(found), _dumps(gaps), key) for key, content, book, found, gaps in rows],
        )



    def tagged_count(self) -> tuple[int, int]:
        """(papers tagged, papers with no text to tag)."""
        row = self.db.execute("SELECT COUNT(*), SUM(words = 0) FROM tag_runs").fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    # -- search index --------------------------------------------------------------
    def search_index_state(self) -> tuple[str | None, int]:
        """(stemmer version the index was built with, papers waiting to be indexed): one small query."""
        row = self.db.execute(
            "SELECT (SELECT value FROM search_meta WHERE name = 'stemmer'), (SELECT COUNT(*) FROM search_pending)"
        ).fetchone()
        return row[0], int(row[1])

    def reset_search_index(self, version: str) -> None:
        """Empty the index and queue every paper: the stems are about to change."""
        self.db.execute("DELETE FROM search_index")
        self.db.execute("INSERT OR IGNORE INTO search_pending SELECT id FROM papers")
        self.db.execute("INSERT OR REPLACE INTO search_meta (name, value) VALUES ('stemmer', ?)", (version,))

    def search_pending_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT paper_id FROM search_pending ORDER BY paper_id")]

    def search_sources(self, ids: list[int], evidence: bool = True) -> list[SearchSource]:
        """The papers of ``ids`` that exist, with what search reads of them, in ``ids`` order."""
        marks = ",".join("?" * len(ids))
        found = {
            r["id"]: SearchSource(id=r["id"], key=r["key"], year=r["year"], metadata=json.loads(r["metadata"]),
                                  text=r["text"])
            for r in self.db.execute(f"SELECT id, key, year, metadata, text FROM papers WHERE id IN ({marks})", ids)
        }
        if evidence:
            for r in self.db.execute(
                f"SELECT paper_id, sentence FROM evidence WHERE paper_id IN ({marks}) ORDER BY paper_id, theme, ord",
                ids,
            ):
                found[r[0]].evidence.append(r[1])
        else:
            for r in self.db.execute(
                f"SELECT paper_id, theme FROM tags WHERE assigned = 1 AND paper_id IN ({marks})"
                " ORDER BY paper_id, theme",
                ids,
            ):
                found[r[0]].themes.append(r[1])
        return [found[i] for i in ids if i in found]

    def write_search_documents(self, ids: list[int], documents: list[tuple[int, str, str, str, str]]) -> None:
        """Replace the index rows of ``ids`` by ``documents`` (paper id, title, abstract, body,
        evidence: stems separated by spaces); ids without a document leave the index. The papers
        are no longer pending."""
        self.db.executemany("DELETE FROM search_index WHERE rowid = ?", [(i,) for i in ids])
        self.db.executemany(
            "INSERT INTO search_index (rowid, title, abstract, body, evidence) VALUES (?, ?, ?, ?, ?)", documents
        )
        self.db.executemany("DELETE FROM search_pending WHERE paper_id = ?", [(i,) for i in ids])

    def optimize_search_index(self) -> None:
        """Merge the index into one segment (after indexing many papers: searches read fewer pages)."""
        self.db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")

    def search_matches(
        self, expression: str, themes: list[str] | None = None, year_from: int | None = None,
        year_to: int | None = None, limit: int = 20, level: str = "discussed",
    ) -> list[tuple[int, float]]:
        """(paper id, bm25 score: lower is better) of the papers matching an FTS5 ``expression``,
        best first (ties in the order added), with any of ``themes`` assigned and a year in the range."""
        clauses: list[str] = ["search_index MATCH ?"]
        params: list[Any] = [expression]
        years = [(">=", year_from), ("<=", year_to)]
        if year_from is not None or year_to is not None:
            clauses.append("+rowid IN (SELECT id FROM papers WHERE "
                           + " AND ".join(f"year {op} ?" for op, y in years if y is not None) + ")")
            params += [y for _, y in years if y is not None]
        if themes:
            clauses.append(
                f"+rowid IN (SELECT paper_id FROM tags WHERE {level_condition(level)}"
                f" AND theme IN ({','.join('?' * len(themes))}))"
            )
            params += themes
        # FTS5 alone ranks the matches: no join, which costs a lookup per matching paper when a common word
        # matches most of them; filters are sets built once ("+rowid": FTS5 would look every id up instead).
        rows = self.db.execute(
            f"SELECT rowid, bm25(search_index, {SEARCH_WEIGHTS}) AS score FROM search_index WHERE "
            + " AND ".join(clauses) + " ORDER BY score, rowid LIMIT ?",
            [*params, limit],
        )
        return [(r[0], r[1]) for r in rows]

    # -- libraries read in place (Zotero) and codes offered by QDA projects --------------------
    def library_items(self, library: str) -> dict[str, dict[str, Any]]:
        """The items of ``library`` imported before: item key -> paper key, modified, digest, imported, gone."""
        return {
            r["item_key"]: {"key": r["key"], "modified": r["modified"], "digest": r["digest"],
                            "imported": json.loads(r["imported"]), "gone": bool(r["gone"])}
            for r in self.db.execute(
                "SELECT l.item_key, p.key, l.modified, l.digest, l.imported, l.gone FROM library_items l"
                " JOIN papers p ON p.id = l.paper_id WHERE l.library = ? ORDER BY l.item_key", (library,))
        }

    def link_library_item(self, key: str, library: str, item_key: str, modified: str, digest: str,
                          imported: dict[str, Any]) -> None:
        """Record that ``item_key`` of ``library`` is the paper ``key``, as imported now."""
        self.db.execute(
            "INSERT OR REPLACE INTO library_items (paper_id, library, item_key, modified, digest, imported, gone,"
            " synced_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            (self._paper_id(key), library, item_key, modified, digest, _dumps(imported), now()),
        )

    def mark_library_items_gone(self, library: str, item_keys: list[str]) -> None:
        self.db.executemany("UPDATE library_items SET gone = 1, synced_at = ? WHERE library = ? AND item_key = ?",
                            [(now(), library, k) for k in item_keys])

    def set_library_labels(self, key: str, library: str, collections: list[str], tags: list[str]) -> None:
        """Replace the collections and tags ``library`` gives the paper (other libraries' stay)."""
        paper_id = self._paper_id(key)
        self.db.execute("DELETE FROM paper_labels WHERE paper_id = ? AND library = ?", (paper_id, library))
        self.db.executemany(
            "INSERT OR IGNORE INTO paper_labels (paper_id, kind, name, library) VALUES (?, ?, ?, ?)",
            [(paper_id, "collection", c, library) for c in collections] + [(paper_id, "tag", t, library) for t in tags],
        )

    def set_library_notes(self, key: str, library: str, item_key: str, notes: list[tuple[str, str]]) -> None:
        """Replace the notes (note key, text) of one library item, kept with the paper ``key``."""
        paper_id = self._paper_id(key)
        self.db.execute("DELETE FROM library_notes WHERE library = ? AND item_key = ?", (library, item_key))
        self.db.executemany(
            "INSERT OR REPLACE INTO library_notes (paper_id, library, note_key, item_key, text) VALUES (?, ?, ?, ?, ?)",
            [(paper_id, library, note_key, item_key, text) for note_key, text in notes],
        )

    def labels_of(self, key: str) -> dict[str, list[str]]:
        """A paper's library collections and tags, each sorted."""
        out: dict[str, list[str]] = {"collections": [], "tags": []}
        for r in self.db.execute("SELECT DISTINCT kind, name FROM paper_labels WHERE paper_id = ? ORDER BY kind, name",
                                 (self._paper_id(key),)):
            out["collections" if r[0] == "collection" else "tags"].append(r[1])
        return out

    def library_notes_of(self, key: str) -> list[dict[str, str]]:
        return [dict(r) for r in self.db.execute(
            "SELECT library, item_key, note_key, text FROM library_notes WHERE paper_id = ?"
            " ORDER BY item_key, note_key",
            (self._paper_id(key),))]

    def library_links_of(self, key: str) -> list[dict[str, Any]]:
        return [{**dict(r), "gone": bool(r["gone"])} for r in self.db.execute(
            "SELECT library, item_key, modified, gone, synced_at FROM library_items WHERE paper_id = ?"
            " ORDER BY library, item_key", (self._paper_id(key),))]

    def keys_with_label(self, kind: str, name: str) -> set[str]:
        """Keys of the papers with a library tag ``name`` (kind "tag"), or in the collection ``name`` or
        one of its sub-collections (kind "collection": "Skripsi" holds "Skripsi/Bab 2")."""
        if kind == "collection":
            name = name.strip("/")
            rows = self.db.execute(
                "SELECT DISTINCT p.key FROM paper_labels l JOIN papers p ON p.id = l.paper_id WHERE l.kind = ?"
                " AND (l.name = ? OR substr(l.name, 1, ?) = ?)", (kind, name, len(name) + 1, name + "/"))
        else:
            rows = self.db.execute("SELECT DISTINCT p.key FROM paper_labels l JOIN papers p ON p.id = l.paper_id"
                                   " WHERE l.kind = ? AND l.name = ?", (kind, name))
        return {r[0] for r in rows}

    def label_names(self, kind: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT name FROM paper_labels WHERE kind = ? ORDER BY name",
                                              (kind,))]

    def _move_library_rows(self, kept_id: int, other_ids: list[int]) -> None:
        marks = ",".join("?" * len(other_ids))
        for table in ("library_items", "library_notes"):
            self.db.execute(f"UPDATE {table} SET paper_id = ? WHERE paper_id IN ({marks})", [kept_id, *other_ids])
        self.db.execute(
            "INSERT OR IGNORE INTO paper_labels (paper_id, kind, name, library)"
            f" SELECT ?, kind, name, library FROM paper_labels WHERE paper_id IN ({marks})", [kept_id, *other_ids])

    def offer_theme(self, name: str, description: str, color: str, source: str,
                    codings: list[dict[str, Any]]) -> None:
        """Keep a code that is not a theme of the codebook (from a QDA project), with its codings."""
        self.db.execute(
            "INSERT OR REPLACE INTO offered_themes (name, description, color, source, codings, offered_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", (name, description, color, source, _dumps(codings), now()))

    def offered_themes(self) -> list[dict[str, Any]]:
        return [{**dict(r), "codings": json.loads(r["codings"])} for r in self.db.execute(
            "SELECT name, description, color, source, codings, offered_at FROM offered_themes ORDER BY name")]


def _level_of(assigned: int, origin: str, level: str) -> str:
    if assigned:
        return "discussed"
    return "mentioned" if origin == "auto" and level == "mentioned" else ""


def lock_timeout_setting() -> float:
    """Seconds a writer waits for the lock: $LITREVIEW_LOCK_TIMEOUT, else DEFAULT_LOCK_TIMEOUT."""
    raw = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        raise CorpusError(tr("${env}={value}: give a number of seconds", env=LOCK_TIMEOUT_ENV,
                                value=repr(raw))) from None
    if value < 0:
        raise CorpusError(tr("${env}={value}: give a number of seconds, 0 or more", env=LOCK_TIMEOUT_ENV,
                                value=repr(raw)))
    return value


def _is_busy(exc: sqlite3.Error) -> bool:
    lowered = str(exc).lower()
    return "database is locked" in lowered or "database is busy" in lowered or "database table is locked" in lowered


def _writable(root: Path) -> bool:
    """Can this process write the corpus database (its directory, for the journal, and the file)?"""
    return os.access(root, os.W_OK) and os.access(root / DB_NAME, os.W_OK)


def _connect_read_only(db_path: Path) -> sqlite3.Connection:
    """Open a corpus that cannot be written: ``mode=ro``, which still reads a write-ahead log left
    behind; when SQLite cannot set up its shared memory there, ``immutable=1``."""
    uri = db_path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.DatabaseError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


def _letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, ..."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


def _metadata_columns(paper: Paper, index: dict[str, Any]) -> tuple[Any, ...]:
    """Values of papers(key, title, year, doi, norm_title, first_author, metadata), in that order."""
    return (
        paper.key,
        paper.title,
        paper.year,
        index.get("doi", ""),
        index.get("norm_title", ""),
        index.get("first_author", ""),
        _dumps(paper.metadata()),
    )


def _dumps(value: Any) -> str:
    if not value and isinstance(value, list | dict):
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _split_sql(script: str) -> list[str]:
    """The statements of a migration; a trigger's body (BEGIN ...; END) stays in one piece."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip().removesuffix(";").strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip().removesuffix(";").strip())
    return statements


def add_conflicts(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``existing`` conflicts with ``new`` added; a field already holding another value gets ``field_2``..."""
    out = dict(existing)
    for name, value in new.items():
        if name not in out:
            out[name] = value
            continue
        taken = [v for k, v in out.items() if k == name or (k.startswith(f"{name}_") and k[len(name) + 1:].isdigit())]
        if value in taken:
            continue
        n = 2
        while f"{name}_{n}" in out:
            n += 1
        out[f"{name}_{n}"] = value
    return out


def _unknown_key_message(key: str, keys: list[str]) -> str:
    from rapidfuzz import process

    close = [m[0] for m in process.extract(key, keys, limit=3, score_cutoff=60)] if keys else []
    from litreview.i18n import tr

    hint = tr("; did you mean {keys}?", keys=", ".join(close)) if close else tr("; `litreview list` shows the keys")
    return tr("no paper with key {key}{hint}", key=repr(key), hint=hint)


def _open_new(path: str) -> int:
    """A new file (never an existing one) for writing, readable by its owner only until renamed."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
