"""Reliability: `add` killed with SIGKILL at random moments of a big import, then run again, ends
exactly as a clean import; writers running at once all finish with the right totals.

Runs the installed entry point (``python -m litreview``) in subprocesses, each in its own process
group so that every process it started can be found in /proc. The default run kills a 3,000-entry add at 3 moments;
LITREVIEW_RELIABILITY_FULL=1 a 7,000-entry add at 10. The moments are drawn from a seeded random generator
(LITREVIEW_RELIABILITY_SEED, printed with `pytest -s`), so a failure can be replayed.
"""

import csv
import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bigbib import write_big_bib
from proctools import HAVE_PROC, group_members, wait_until

from litreview.store import Corpus

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(not HAVE_PROC or sys.platform != "linux", reason="needs Linux and /proc"),
]
FULL = os.environ.get("LITREVIEW_RELIABILITY_FULL") == "1"
KILL_POINTS = 10 if FULL else 3
ENTRIES = 7000 if FULL else 3000  # one transaction either way; the full run takes the larger library
SEED = int(os.environ.get("LITREVIEW_RELIABILITY_SEED", "19"))


def litreview(*args: object) -> list[str]:
    return [sys.executable, "-m", "litreview", *map(str, args)]


def run_ok(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, (args, done.stderr[-2000:])
    return done


def new_corpus(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    run_ok(litreview("init", directory), directory)
    return directory


def papers(directory: Path) -> set[tuple[str, str, str]]:
    """(key, title, DOI) of every paper."""
    with Corpus(directory / ".litreview") as corpus:
        return {(r["key"], r["title"], r["doi"]) for r in corpus.db.execute("SELECT key, title, doi FROM papers")}


def check_sound(directory: Path) -> None:
    """Integrity ok, and files/ holds exactly the copies papers use: no orphan, none missing."""
    with Corpus(directory / ".litreview") as corpus:
        assert corpus.integrity_problems() == []
        assert corpus.orphan_copies() == []
        assert corpus.missing_copies() == []


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """The 7,000-entry library and the papers a clean import of it gives, with its duration."""
    base = tmp_path_factory.mktemp("reliability")
    bib = write_big_bib(base / "library.bib", ENTRIES)
    clean = new_corpus(base / "clean")
    started = time.monotonic()
    run_ok(litreview("add", bib, "--no-tag"), clean)
    took = time.monotonic() - started
    expected = papers(clean)
    assert len(expected) == ENTRIES
    check_sound(clean)
    return bib, expected, took


def test_add_killed_at_random_moments_then_run_again_equals_a_clean_import(library, tmp_path):
    bib, expected, took = library
    rng = random.Random(SEED)
    moments = sorted(rng.uniform(0.05, took * 0.95) for _ in range(KILL_POINTS))
    print(f"\nclean import of {ENTRIES} entries: {took:.2f} s; killing at {', '.join(f'{m:.2f}' for m in moments)} s "
          f"(seed {SEED})")
    for n, moment in enumerate(moments, 1):
        directory = new_corpus(tmp_path / f"kill{n}")
        add = subprocess.Popen(litreview("add", bib, "--no-tag"), cwd=directory, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment)
        finished_first = add.poll() is not None
        if not finished_first:
            os.kill(add.pid, signal.SIGKILL)
        add.wait()
        assert wait_until(lambda pgid=add.pid: not group_members(pgid), timeout=5), \
            f"kill {n} at {moment:.2f} s: processes of the killed add survive: {group_members(add.pid)}"
        with Corpus(directory / ".litreview") as corpus:
            at_kill = corpus.count()
            assert corpus.integrity_problems() == []
            left = len(corpus.orphan_copies())  # the killed add's copy, if it had made one: the rerun removes it
        assert at_kill in (0, ENTRIES)  # one transaction: all or nothing
        again = run_ok(litreview("add", bib, "--no-tag"), directory)
        assert papers(directory) == expected, f"kill {n} at {moment:.2f} s"
        check_sound(directory)
        print(f"kill {n} at {moment:.2f} s: {'finished before the kill; ' if finished_first else ''}"
              f"{at_kill} papers and {left} orphan cop{'y' if left == 1 else 'ies'} after the kill, {ENTRIES} papers "
              "after the rerun; no orphan copy, no surviving worker, "
              f"integrity ok; rerun said: {again.stderr.strip().splitlines()[-1]}")


def test_three_adds_at_once_all_finish_with_the_right_total(tmp_path):
    directory = new_corpus(tmp_path / "three")
    sources = [write_big_bib(tmp_path / f"part{i}.bib", 1000, start=100_000 * (i + 1)) for i in range(3)]
    adds = [subprocess.Popen(litreview("add", source, "--no-tag"), cwd=directory, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for source in sources]
    results = [add.communicate(timeout=300) for add in adds]
    assert [add.returncode for add in adds] == [0, 0, 0], [err[-500:] for _, err in results]
    assert all("1000 added" in err for _, err in results)
    assert len(papers(directory)) == 3000
    check_sound(directory)


def test_add_tag_and_table_at_once(tmp_path):
    directory = new_corpus(tmp_path / "mixed")
    run_ok(litreview("add", write_big_bib(tmp_path / "first.bib", 200)), directory)
    commands = {
        "add": litreview("add", write_big_bib(tmp_path / "second.bib", 300, start=50_000)),
        "tag": litreview("tag", "--force"),
        "table": litreview("table", "matrix", "--format", "csv"),
    }
    running = {name: subprocess.Popen(args, cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name, args in commands.items()}
    results = {name: (proc, *proc.communicate(timeout=300)) for name, proc in running.items()}
    for name, (proc, _, err) in results.items():
        assert proc.returncode == 0, (name, err[-1000:])
        assert "Traceback" not in err
    rows = list(csv.reader(io.StringIO(results["table"][1])))
    assert len(rows) - 1 in (200, 500)  # the table read one state: before or after the add
    assert len(papers(directory)) == 500
    with Corpus(directory / ".litreview") as corpus:
        tagged, _ = corpus.tagged_count()
        assert tagged == 500  # the add tagged its papers; tag --force re-tagged what it saw
    check_sound(directory)
