"""The terminal screen through textual's own test harness (``App.run_test`` and its pilot), and
screening sessions that are killed or run side by side by two reviewers."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import FIXTURES

from litreview.store import Corpus

pytest.importorskip("textual")

from litreview.cli.screen_app import ScreenApp  # noqa: E402
from litreview.screening.session import ScreenSession  # noqa: E402

EXPORTS = FIXTURES / "exports"
MERGED = [EXPORTS / n for n in ("pop_scholar_pemilu2024.csv", "scopus_demokrasi.csv", "wos_savedrecs_utf8.txt",
                                "pemilu_garuda.ris")]


@pytest.fixture
def corpus_path(run, tmp_path):
    assert run("add", *MERGED, "--no-tag").exit_code == 0
    return tmp_path / ".litreview"


def drive(corpus_path, reviewer, keys, stage="title-abstract", order="ranked", size=(110, 36)):
    """Open the screen for ``reviewer``, press ``keys``, quit; the app and its session."""
    corpus = Corpus(corpus_path)
    session = ScreenSession(corpus, reviewer, stage, order)
    app = ScreenApp(session)

    async def main():
        async with app.run_test(size=size) as pilot:
            for key in keys:
                await pilot.press(key)
            app.seen = (app.status_text().plain, app.record_text().plain, app.message)
            await pilot.press("q")

    asyncio.run(main())
    corpus.close()
    return app, session


def history(corpus_path, reviewer=None):
    with Corpus(corpus_path) as corpus:
        return [(r["key"], r["stage"], r["decision"], r["reason"], r["source"]) for r in corpus.decision_history()
                if reviewer is None or r["reviewer"] == reviewer]


def test_keys_decide_undo_move_search_and_quit(corpus_path):
    app, session = drive(corpus_path, "ana", ["i", "2", "e", "m", "u"], order="title")
    first, second, third = session.sequence[:3]
    assert history(corpus_path) == [
        (first, "title-abstract", "include", "", "screen"),
        (second, "title-abstract", "exclude", "wrong population or setting", "screen"),
        (third, "title-abstract", "maybe", "", "screen"),
        (third, "title-abstract", "none", "", "undo"),  # the undo: the record had no decision before
    ]
    status, shown, _ = app.seen
    assert shown.splitlines()[0] == third  # the undo went back to the record
    assert "screened 2, included 1, excluded 1, maybe 0, left 13" in status
    # Resume: the next screen opens on the record left on screen; n/p move, / finds.
    app, session = drive(corpus_path, "ana", ["n", "p", "p"], order="title")
    assert app.seen[1].splitlines()[0].endswith(second)  # decided records show their decision first
    assert app.seen[1].startswith("[exclude: wrong population or setting]")
    app, session = drive(corpus_path, "ana", ["slash", *"Mietzner", "enter"], order="title")
    assert "Mietzner" in app.seen[1]
    app, _ = drive(corpus_path, "ana", ["slash", *"zzqx", "enter"], order="title")
    assert app.seen[2] == "no record holds 'zzqx'"
    assert history(corpus_path)[-1][4] == "undo"  # moving and searching decided nothing


def test_a_full_text_exclusion_asks_for_its_reason(corpus_path):
    with Corpus(corpus_path) as corpus:
        from litreview.screening.actions import decide

        decide(corpus, ["aspinall2020", "fitriani2021"], "include", "title-abstract", "ana")
    app, session = drive(corpus_path, "ana", ["e"], stage="full-text", order="title")
    assert "needs a reason" in app.seen[1] and history(corpus_path)[-1][1] == "title-abstract"
    drive(corpus_path, "ana", ["e", "7", "i"], stage="full-text", order="title")
    assert history(corpus_path)[-2:] == [
        ("aspinall2020", "full-text", "exclude", "full text not retrieved", "screen"),
        ("fitriani2021", "full-text", "include", "", "screen"),
    ]


def test_ranked_order_and_progress(corpus_path):
    app, session = drive(corpus_path, "ana", ["i", "e", "e"])
    status = app.seen[0]
    assert "ranked" in status and "excluded in a row since the last include: 2" in status
    assert session.ranker is not None and session.ranker.trained


def test_highlights_the_evidence_words():
    from litreview.screening.session import highlight_spans

    text = "Hoaks menyebar; hoaks politik. Pemilih pemula"
    assert highlight_spans(text, ["hoaks", "pemilih pemula", "pemilih"]) == [(0, 5), (16, 21), (31, 45)]


CHILD = textwrap.dedent("""
    import asyncio, sys
    from pathlib import Path
    from litreview.store import Corpus
    from litreview.screening.session import ScreenSession
    from litreview.cli.screen_app import ScreenApp

    corpus = Corpus(Path(sys.argv[1]))
    session = ScreenSession(corpus, sys.argv[2], "title-abstract", "title")
    app = ScreenApp(session)

    async def main():
        async with app.run_test() as pilot:
            for n in range(int(sys.argv[3])):
                await pilot.press("i" if n % 3 else "e")
                print(session.undo_stack[-1].key, flush=True)
            if sys.argv[4] == "hang":
                print("done", flush=True)
                await asyncio.sleep(60)
            await pilot.press("q")

    asyncio.run(main())
""")


@pytest.mark.reliability
def test_decisions_survive_a_killed_screen(corpus_path, tmp_path):
    """A screen killed with SIGKILL keeps every decision it showed as made, and the corpus is sound."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(corpus_path), "ana", "12", "hang"],
                             stdout=subprocess.PIPE, text=True)
    decided = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = child.stdout.readline().strip()
        if line == "done" or not line:
            break
        decided.append(line)
        if len(decided) == 7:  # mid-screen
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    with Corpus(corpus_path) as corpus:
        assert corpus.integrity_problems() == []
        kept = [r["key"] for r in corpus.decision_history()]
    assert kept[:len(decided)] == decided and len(decided) == 7
    # The next screen starts where the killed one was, with those decisions.
    app, session = drive(corpus_path, "ana", [], order="title")
    assert session.progress().screened >= 7


@pytest.mark.reliability
def test_two_reviewers_screen_one_corpus_at_once(corpus_path, tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    children = [subprocess.Popen([sys.executable, str(script), str(corpus_path), who, "15", "quit"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for who in ("ana", "budi")]
    outputs = [c.communicate(timeout=120) for c in children]
    assert [c.returncode for c in children] == [0, 0], [o[1][-2000:] for o in outputs]
    with Corpus(corpus_path) as corpus:
        lanes = corpus.screening_lanes()
    for who, (out, _) in zip(("ana", "budi"), outputs, strict=True):
        mine = {lane.key: lane.decision for lane in lanes if lane.reviewer == who}
        assert len(mine) == 15 and sorted(mine) == sorted(out.split())
    # Both screened every record alike (same order, same keys): no conflicts, kappa 1.
    from litreview.screening.decisions import agreement

    found = agreement(lanes)
    assert [(a.papers, a.agreed) for a in found] == [(15, 15)]


def test_the_cli_screen_needs_a_terminal_and_says_so(run, corpus_path):
    result = run("screen", "--reviewer", "ana")
    assert result.exit_code == 2 and "needs a terminal" in result.stderr
    assert json.loads(run("prisma", "--format", "json").stdout)["screening_started"] is False
