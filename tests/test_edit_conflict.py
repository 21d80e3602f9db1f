"""`edit` saves only if nobody wrote to the paper while the editor was open (compare-and-swap on
the paper's version): an `add` that merged a duplicate into it meanwhile is never wiped."""

import json
import sys
import textwrap
from pathlib import Path

import pytest

from litreview.editing import merge_edits, paper_from_yaml, paper_to_yaml
from litreview.errors import EditConflict
from litreview.model import Paper
from litreview.store import Corpus

BARE = """@article{sari2022,
  title = {Kampanye Digital dan Pemilih Muda di Kota Bandung},
  author = {Sari, Dewi and Pratama, Budi},
  year = {2022},
}
"""
RICHER = """@article{sari2022b,
  title = {Kampanye Digital dan Pemilih Muda di Kota Bandung},
  author = {Sari, Dewi and Pratama, Budi},
  year = {2022},
  journal = {Jurnal Komunikasi Politik},
  volume = {7},
  doi = {10.1234/jkp.2022.7},
}
"""


def editor_script(tmp_path: Path, corpus_dir: Path) -> str:
    """An editor that changes the year's keywords and, while it is open, runs an `add` of the same
    paper from another export (its journal, volume and DOI are merged into the paper). On its second
    opening (after a conflict) it saves the file as offered and records what it saw."""
    script = tmp_path / "editor.py"
    script.write_text(textwrap.dedent(f"""\
        import pathlib, subprocess, sys
        path = pathlib.Path(sys.argv[1])
        count = pathlib.Path({str(tmp_path / "openings")!r})
        n = int(count.read_text()) + 1 if count.exists() else 1
        count.write_text(str(n))
        text = path.read_text()
        if n == 1:
            text += "keywords:\\n- kampanye digital\\n- pemilih muda\\n"
            done = subprocess.run([{sys.executable!r}, "-m", "litreview", "add", {str(tmp_path / "richer.bib")!r},
                                   "--no-tag", "--corpus", {str(corpus_dir / ".litreview")!r}],
                                  capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        else:
            pathlib.Path({str(tmp_path / "second.yaml")!r}).write_text(text)
        path.write_text(text)
        """))
    (tmp_path / "richer.bib").write_text(RICHER, encoding="utf-8")
    return f"{sys.executable} {script}"


@pytest.fixture
def bare(corpus_dir, run):
    (corpus_dir / "bare.bib").write_text(BARE, encoding="utf-8")
    assert run("add", corpus_dir / "bare.bib", "--no-tag").exit_code == 0
    return corpus_dir


def stored(corpus_dir: Path) -> dict:
    with Corpus(corpus_dir / ".litreview") as corpus:
        [key] = corpus.all_keys()
        paper = corpus.get(key)
        return {"key": key, **paper.metadata(), "sources": len(corpus.provenance_of(key))}


def test_an_add_during_the_edit_is_not_wiped_and_the_edit_is_kept(bare, run, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, bare))
    result = run("edit", "sari2022")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "changed by another litreview while you were editing" in errors[0], errors
    kept = Path(errors[0].split("kept at ")[1].split(" ")[0])
    assert kept.is_file() and "pemilih muda" in kept.read_text()
    paper = stored(bare)
    assert paper["journal"] == "Jurnal Komunikasi Politik" and paper["volume"] == "7"
    assert paper["doi"] == "10.1234/jkp.2022.7" and paper["sources"] == 2
    assert "keywords" not in paper  # not saved over the merge


def test_on_a_terminal_the_edit_reopens_with_both_changes_merged(bare, run, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, bare))
    monkeypatch.setattr("litreview.cli.papers.stdin_is_terminal", lambda: True)
    result = run("edit", "sari2022", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "changed by another litreview while you were editing" in result.stderr
    second = (tmp_path / "second.yaml").read_text()
    assert "Jurnal Komunikasi Politik" in second and "pemilih muda" in second
    paper = stored(bare)
    assert paper["journal"] == "Jurnal Komunikasi Politik" and paper["doi"] == "10.1234/jkp.2022.7"
    assert paper["keywords"] == ["kampanye digital", "pemilih muda"]


def test_every_write_to_a_paper_bumps_its_version(memory_corpus):
    from litreview.dedup import index_fields

    paper = Paper(key="a2020", title="Satu judul yang cukup panjang", year=2020)
    with memory_corpus.transaction():
        memory_corpus.add_paper(paper, index_fields(paper), [], {"format": "text", "file_name": "a", "sha256": "x"})
    first = memory_corpus.paper_version("a2020")
    paper.journal = "Jurnal"
    with memory_corpus.transaction():
        memory_corpus.update_metadata("a2020", paper, index_fields(paper))
    second = memory_corpus.paper_version("a2020")
    assert second[0] == first[0] and second[1] == first[1] + 1
    with pytest.raises(EditConflict):
        with memory_corpus.transaction():
            memory_corpus.update_metadata("a2020", paper, index_fields(paper), expected=first)
    with memory_corpus.transaction():
        memory_corpus.update_metadata("a2020", paper, index_fields(paper), expected=second)


def test_merge_edits_keeps_the_users_fields_and_the_new_ones():
    base = Paper(key="k", title="Judul lama sekali", year=2020, abstract="Abstrak")
    mine = paper_from_yaml(paper_to_yaml(base).replace("year: 2020", "year: 2021")
                           .replace("abstract: Abstrak\n", ""), base)
    theirs = Paper(key="k", title="Judul lama sekali", year=2020, abstract="Abstrak", journal="Jurnal", doi="10.1/x")
    merged = merge_edits(base, mine, theirs)
    assert (merged.year, merged.journal, merged.doi, merged.abstract) == (2021, "Jurnal", "10.1/x", "")
    assert json.loads(json.dumps(merged.metadata()))["title"] == "Judul lama sekali"
