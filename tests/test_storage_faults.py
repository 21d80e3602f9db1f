"""Storage faults: a full disk, a read-only files/ or corpus, a write lock held by someone else.

Every one must end in one line naming the cause (never SQLite's complaint about the rollback, never
a traceback), leave the corpus as it was and leave no copy behind in files/.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

from litreview import store
from litreview.add import add_paths
from litreview.errors import LockTimeout, StorageError
from litreview.store import Corpus

MD = FIXTURES / "text" / "relawan-digital.md"
TXT = FIXTURES / "text" / "catatan-tanpa-metadata.txt"
ROOT = Path(__file__).resolve().parents[1]


def copies(corpus_dir: Path) -> list[str]:
    return sorted(p.name for p in (corpus_dir / ".litreview" / "files").iterdir())


def one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error:")]
    assert "Traceback" not in output
    assert len(errors) == 1, output
    return errors[0]


def big_text(tmp_path: Path) -> Path:
    path = tmp_path / "panjang.md"
    words = " ".join(f"kata{i} kampanye media sosial pemilih" for i in range(20_000))
    path.write_text(f"---\ntitle: Sebuah catatan yang panjang sekali\nyear: 2023\n---\n\n{words}\n", encoding="utf-8")
    return path


# -- a full disk ---------------------------------------------------------------------------------
class CommitFails:
    """A connection whose COMMIT fails the way SQLite's does on a full disk: the transaction is
    already rolled back when the error arrives."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def execute(self, sql: str, *args):
        if sql == "COMMIT":
            self._db.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self._db.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._db, name)


def test_a_failed_commit_reports_the_disk_and_removes_the_copies(corpus_dir):
    with Corpus(corpus_dir / ".litreview") as corpus:
        corpus.db = CommitFails(corpus.db)  # type: ignore[assignment]
        with pytest.raises(StorageError, match="database or disk is full") as caught:
            add_paths(corpus, [str(MD), str(TXT)])
        assert "cannot rollback" not in str(caught.value)
        assert corpus.count() == 0
    assert copies(corpus_dir) == []


def test_disk_full_in_the_middle_of_add_is_one_line_and_leaves_nothing(corpus_dir, run, monkeypatch, tmp_path):
    """SQLite's own SQLITE_FULL (max_page_count reached), which rolls the transaction back by itself."""
    connect = Corpus._connect

    def tiny(self):
        db = connect(self)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 4}")
        return db

    monkeypatch.setattr(Corpus, "_connect", tiny)
    result = run("add", big_text(tmp_path), MD, "--no-tag")
    assert result.exit_code == 1
    line = one_error_line(result.stderr)
    assert "database or disk is full" in line and "rollback" not in line
    assert copies(corpus_dir) == []
    monkeypatch.setattr(Corpus, "_connect", connect)
    with Corpus(corpus_dir / ".litreview") as corpus:
        assert corpus.count() == 0


def test_a_files_directory_that_cannot_be_written_is_one_line(corpus_dir, run, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "_open_new", refuse)
    result = run("add", MD, TXT, "--no-tag")
    assert result.exit_code == 1
    line = one_error_line(result.stderr)
    assert "files: cannot copy the file into the corpus (Permission denied)" in line
    assert copies(corpus_dir) == []
    with Corpus(corpus_dir / ".litreview") as corpus:
        assert corpus.count() == 0


def test_no_space_for_a_copy_removes_the_copies_already_made(corpus_dir, monkeypatch):
    real = store._open_new
    made = []

    def second_fails(*args, **kwargs):
        if made:
            raise OSError(28, "No space left on device")
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "_open_new", second_fails)
    with Corpus(corpus_dir / ".litreview") as corpus:
        with pytest.raises(StorageError, match="no space left on the device"):
            add_paths(corpus, [str(MD), str(TXT)])
        assert corpus.count() == 0
    assert copies(corpus_dir) == []


# -- a read-only corpus --------------------------------------------------------------------------
READ_COMMANDS = [
    ("list",),
    ("show", "wulandari2024"),
    ("export", "--format", "ris"),
    ("tags", "wulandari2024"),
    ("themes",),
    ("table", "matrix", "--format", "csv"),
    ("search", "relawan"),
    ("refs", "--format", "csv"),
    ("prisma",),
    ("dupes",),
    ("codebook", "show"),
]
WRITE_COMMANDS = [
    ("add", str(TXT)),
    ("tag", "--force"),
    ("rename", "wulandari2024", "w2024"),
    ("remove", "wulandari2024", "--yes"),
    ("tag", "add", "wulandari2024", "hoax"),
    ("edit", "wulandari2024"),
    ("doctor", "--fix"),
]


@pytest.fixture
def filled(corpus_dir, run):
    assert run("add", MD).exit_code == 0
    assert run("search", "relawan").exit_code == 0  # the index is built: a search needs to write nothing
    return corpus_dir


def test_a_read_only_corpus_reads_and_refuses_writes_in_one_line(filled, run, monkeypatch):
    root = filled / ".litreview"
    before = (root / "corpus.db").read_bytes()
    real = os.access
    monkeypatch.setattr(store.os, "access", lambda p, mode, **kw: False if str(p).startswith(str(root)) and
                        mode & os.W_OK else real(p, mode, **kw))
    for command in READ_COMMANDS:
        result = run(*command)
        assert result.exit_code == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
    monkeypatch.setenv("EDITOR", "false")  # never reached: edit refuses before the editor opens
    for command in WRITE_COMMANDS:
        result = run(*command)
        assert result.exit_code == 1, (command, result.output)
        assert "read-only" in one_error_line(result.stderr)
    assert (root / "corpus.db").read_bytes() == before
    with Corpus(root) as corpus:
        assert corpus.read_only and corpus.all_keys() == ["wulandari2024"]


def nobody_can_run() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.reliability
@pytest.mark.skipif(not nobody_can_run(), reason="needs root and setpriv to run as an unprivileged user")
def test_a_read_only_corpus_as_an_unprivileged_user(filled):
    """chmod -R a-w, as a user the permissions apply to (root ignores them)."""
    shared = Path(tempfile.mkdtemp(prefix="litreview-ro-", dir="/tmp"))
    try:
        shutil.copytree(filled / ".litreview", shared / ".litreview")
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        base = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "litreview"]
        env = {**os.environ, "HOME": str(shared), "TERM": "dumb", "LITREVIEW_CORPUS": str(shared / ".litreview")}
        probe = subprocess.run([*base, "--version"], capture_output=True, text=True, env=env, cwd=shared)
        if probe.returncode != 0:
            pytest.skip(f"the unprivileged user cannot run this Python: {probe.stderr.strip()[:200]}")
        for command in READ_COMMANDS[:2] + READ_COMMANDS[6:9]:  # every one runs in-process above
            done = subprocess.run([*base, *command], capture_output=True, text=True, env=env, cwd=shared)
            assert done.returncode == 0, (command, done.stderr)
        for command in WRITE_COMMANDS[:2]:
            done = subprocess.run([*base, *command], capture_output=True, text=True, env=env, cwd=shared)
            assert done.returncode == 1, (command, done.stderr)
            assert "read-only" in one_error_line(done.stderr)
        assert not [p for p in (shared / ".litreview").iterdir() if p.name.startswith("corpus.db-")]
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(shared)


# -- the write lock ------------------------------------------------------------------------------
def hold_lock(db_path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_writer_waits_with_a_message_then_gives_up_in_one_line(filled, run):
    other = hold_lock(filled / ".litreview" / "corpus.db")
    try:
        started = time.monotonic()
        result = run("--lock-timeout", "0.6", "rename", "wulandari2024", "w2024")
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert "waiting for another litreview to finish" in result.stderr
    line = one_error_line(result.stderr)
    assert "gave up waiting" in line and "--lock-timeout" in line
    assert 0.5 <= waited < 10


def test_the_lock_timeout_comes_from_the_environment(filled, run, monkeypatch):
    monkeypatch.setenv("LITREVIEW_LOCK_TIMEOUT", "0.3")
    other = hold_lock(filled / ".litreview" / "corpus.db")
    try:
        with Corpus(filled / ".litreview") as corpus:
            assert corpus.lock_timeout == 0.3
            with pytest.raises(LockTimeout, match="over 0.3 s"):
                with corpus.transaction():
                    pass
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_writer_goes_on_when_the_lock_is_released(filled, run):
    other = hold_lock(filled / ".litreview" / "corpus.db")
    release = threading.Timer(0.8, lambda: (other.execute("ROLLBACK"), other.close()))
    release.start()
    try:
        result = run("--lock-timeout", "10", "rename", "wulandari2024", "w2024")
    finally:
        release.join()
    assert result.exit_code == 0, result.stderr
    assert "waiting for another litreview to finish" in result.stderr


@pytest.mark.reliability
def test_a_writer_in_another_process_holding_the_lock(filled):
    db_path = filled / ".litreview" / "corpus.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sqlite3, sys, time
            db = sqlite3.connect({str(db_path)!r}, isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(30)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        done = subprocess.run(
            [sys.executable, "-m", "litreview", "--lock-timeout", "1", "tag", "add", "wulandari2024", "hoax",
             "--corpus", str(filled / ".litreview")],
            capture_output=True, text=True, timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1
    assert "waiting for another litreview to finish" in done.stderr
    assert "gave up waiting" in one_error_line(done.stderr)


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None and sys.platform == "linux"


@pytest.mark.reliability
@pytest.mark.skipif(not can_mount(), reason="needs root to mount a tiny tmpfs")
def test_a_really_full_disk(tmp_path):
    """A 600 KB tmpfs: the copy fits, the database does not."""
    from bigbib import write_big_bib

    tiny = tmp_path / "tiny"
    tiny.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(tiny)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()[:200]}")
    try:
        source = write_big_bib(tmp_path / "library.bib", 400)
        litreview = [sys.executable, "-m", "litreview"]
        subprocess.run([*litreview, "init", str(tiny)], check=True, capture_output=True)
        done = subprocess.run([*litreview, "add", str(source), "--no-tag"], cwd=tiny, capture_output=True, text=True)
        assert done.returncode == 1
        assert "database or disk is full" in one_error_line(done.stderr)
        assert copies(tiny) == []
        doctor = subprocess.run([*litreview, "doctor"], cwd=tiny, capture_output=True, text=True)
        assert doctor.returncode == 0, doctor.stderr
    finally:
        subprocess.run(["umount", str(tiny)], capture_output=True)
