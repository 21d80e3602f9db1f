"""Worker processes die with their parent, Ctrl-C and SIGTERM stop `add` cleanly, and
`litreview doctor` finds (and `--fix` removes) copies a killed add left behind."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bigbib import write_big_bib
from conftest import FIXTURES
from proctools import HAVE_PROC, children, group_members, wait_until

from litreview.store import Corpus

pytestmark = pytest.mark.skipif(not HAVE_PROC or sys.platform != "linux", reason="needs Linux and /proc")
MD = FIXTURES / "text" / "relawan-digital.md"


def start_add(corpus_dir: Path, *paths: Path) -> subprocess.Popen:
    """`litreview add` in its own process group (as a shell starts a command), so the test can find
    every process it started."""
    return subprocess.Popen([sys.executable, "-m", "litreview", "add", *map(str, paths), "--no-tag"],
                            cwd=corpus_dir, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def copies(corpus_dir: Path) -> list[str]:
    return sorted(p.name for p in (corpus_dir / ".litreview" / "files").iterdir())


@pytest.mark.reliability
def test_a_pool_worker_dies_when_its_parent_is_killed(tmp_path):
    script = textwrap.dedent("""
        import os, sys, time
        from litreview.workers import worker_pool
        with worker_pool(2) as pool:
            futures = [pool.submit(time.sleep, 60) for _ in range(2)]
            time.sleep(0.5)
            print("ready", flush=True)
            time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        workers = children(parent.pid)
        assert len(workers) >= 2
    finally:
        parent.kill()
        parent.wait()
    assert wait_until(lambda: not group_members(parent.pid), timeout=5), group_members(parent.pid)


@pytest.mark.reliability
def test_the_streaming_worker_dies_when_add_is_killed(corpus_dir, tmp_path):
    big = write_big_bib(tmp_path / "big.bib", 5000)
    add = start_add(corpus_dir, big)
    try:
        assert wait_until(lambda: bool(children(add.pid)), timeout=20), "the streaming worker never started"
    finally:
        add.kill()
        add.wait()
    assert wait_until(lambda: not group_members(add.pid), timeout=5), group_members(add.pid)


@pytest.mark.reliability
@pytest.mark.parametrize(("sent", "code", "word"), [(signal.SIGTERM, 143, "terminated"),
                                                    (signal.SIGINT, 130, "interrupted")])
def test_sigterm_and_ctrl_c_stop_add_cleanly(corpus_dir, tmp_path, sent, code, word):
    # large enough that a loaded machine cannot finish the add between the first copy and the signal
    big = write_big_bib(tmp_path / "big.bib", 40000)
    add = start_add(corpus_dir, big)
    files = corpus_dir / ".litreview" / "files"
    try:
        assert wait_until(lambda: any(files.iterdir()), timeout=30), "add never stored its first paper"
        os.killpg(add.pid, sent)  # Ctrl-C reaches the whole foreground group, workers included
        _, stderr = add.communicate(timeout=30)
    finally:
        if add.poll() is None:
            add.kill()
            add.wait()
    assert add.returncode == code, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [f"{word}: stopped; nothing of the unfinished command was saved"], stderr
    assert wait_until(lambda: not group_members(add.pid), timeout=5)
    assert copies(corpus_dir) == []
    with Corpus(corpus_dir / ".litreview") as corpus:
        assert corpus.count() == 0 and corpus.integrity_problems() == []


def test_doctor_reports_and_fix_removes_orphan_copies(corpus_dir, run):
    assert run("add", MD, "--no-tag").exit_code == 0
    files = corpus_dir / ".litreview" / "files"
    healthy = run("doctor")
    assert healthy.exit_code == 0 and healthy.stderr.strip() == "corpus.db ok; files/ ok (1 copy, no orphans)"
    (files / ("ab" * 32 + ".pdf")).write_bytes(b"%PDF-1.4 left behind")
    (files / ".tmp-x1y2z3").write_bytes(b"half written")
    found = run("doctor")
    assert found.exit_code == 1
    assert found.stderr.strip() == ("corpus.db ok; 2 orphan copies in files/ (32 bytes) left by an interrupted add; "
                                    "`litreview doctor --fix` removes them")
    fixed = run("doctor", "--fix")
    assert fixed.exit_code == 0 and fixed.stderr.strip() == "corpus.db ok; removed 2 orphan copies in files/ (32 bytes)"
    assert len(list(files.iterdir())) == 1
    assert run("doctor").exit_code == 0


def test_doctor_reports_a_missing_copy_and_a_damaged_database(corpus_dir, run):
    assert run("add", MD, "--no-tag").exit_code == 0
    [copy] = (corpus_dir / ".litreview" / "files").iterdir()
    copy.unlink()
    missing = run("doctor")
    assert missing.exit_code == 1
    assert "1 file copy missing (first: relawan-digital.md of wulandari2024" in missing.stderr
    db = corpus_dir / ".litreview" / "corpus.db"
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):  # scribble over the b-tree page headers after the schema's
        data[page * 4096: page * 4096 + 12] = b"\x0d\xff\xff\xff\xff\x00\x00\xff\xff\xff\xff\xff"
    db.write_bytes(bytes(data))
    damaged = run("doctor")
    assert damaged.exit_code == 1 and ("integrity check failed" in damaged.stderr or "error:" in damaged.stderr)
    assert "Traceback" not in damaged.stderr


def test_a_later_add_removes_orphan_copies(corpus_dir, run):
    files = corpus_dir / ".litreview" / "files"
    files.mkdir(exist_ok=True)
    (files / ("cd" * 32 + ".bib")).write_bytes(b"@article{x, title={t}}")
    result = run("add", MD, "--no-tag")
    assert result.exit_code == 0
    assert "removed 1 file copy left in files/ by an add that was stopped" in result.stderr
    assert [p.suffix for p in files.iterdir()] == [".md"]


def test_a_damaged_database_met_while_reading_is_one_line(corpus_dir, run, monkeypatch):
    import sqlite3

    assert run("add", MD, "--no-tag").exit_code == 0

    def damaged(self, *args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Corpus, "rows", damaged)
    result = run("list")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == ("error: the corpus database failed: database disk image is malformed; "
                                     "`litreview doctor` checks it")
