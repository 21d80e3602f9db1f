"""Review tables on the bundled sample corpus, through the CLI and the builders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from litreview.store import Corpus
from litreview.themes.tagger import field_text

CITATIONS = {
    "anonim2024": "Anonim, 2024a",  # "Media Sosial dan Kampanye ..." sorts before "Peluang ..."
    "anonim2024a": "Anonim, 2024b",
    "chadwick2015": "Chadwick et al., 2015",
    "cobis2023": "Cobis & Rusadi, 2023",
    "fahruji2023": "Fahruji & Fahrudin, 2023",
    "kruikemeier2018": "Kruikemeier et al., 2018",
    "mcnair2017": "McNair, 2017",
    "munadi2023": "Munadi, 2023",
}


@pytest.fixture
def sample(run, sample_corpus):
    return sample_corpus  # a copy of the sample corpus, added and tagged once per test process


def _json(run, *args):
    result = run("table", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.stdout)
    return table


def _column(table, key):
    return [row[key]["text"] for row in table["rows"]]


def test_matrix_names_every_paper_with_its_citation(run, sample):
    table = _json(run, "matrix", "--all")
    assert sorted(_column(table, "citation")) == sorted(CITATIONS.values())
    assert [c["key"] for c in table["columns"]] == [
        "citation", "title", "year", "method", "platforms", "themes", "findings", "gaps"]
    rows = {r["citation"]["text"]: r for r in table["rows"]}
    assert rows["Fahruji & Fahrudin, 2023"]["platforms"]["text"] == "Instagram, Facebook, TikTok, Twitter/X" or {
        "Facebook", "Instagram", "TikTok", "Twitter/X"} <= set(rows["Fahruji & Fahrudin, 2023"]["platforms"]["text"]
                                                            .split(", "))
    assert rows["Munadi, 2023"]["year"]["value"] == 2023
    assert rows["Cobis & Rusadi, 2023"]["findings"]["text"]  # an abstract-only record still has findings
    indonesian = _json(run, "matrix", "--lang", "id", "--all")
    assert "Chadwick dkk., 2015" in _column(indonesian, "citation")
    assert indonesian["columns"][0]["header"] == "Sitasi"


def test_findings_come_from_the_paper_and_never_its_references(run, sample):
    table = _json(run, "matrix", "--columns", "citation,findings,gaps")
    corpus = Corpus(sample / ".litreview")
    by_citation = {v: corpus.get(k) for k, v in CITATIONS.items()}
    for row in table["rows"]:
        paper = by_citation[row["citation"]["text"]]
        for line in row["findings"]["text"].splitlines():
            words = line.lstrip("• ").rstrip("…").split()[:6]
            assert " ".join(words[1:5]) in " ".join(
                (paper.text + " " + paper.abstract + " " + paper.abstract_id + " " + paper.abstract_en).split()
            ), (row["citation"]["text"], line)


def test_theme_grid_totals(run, sample):
    table = _json(run, "themes", "--all")
    themes_of = {r["key"]: r["themes"] for r in json.loads(run("list", "--format", "json").stdout)}
    assert len(table["rows"]) == 8
    totals = table["totals"][0]
    for theme in ("reach", "hoax", "youth", "participation"):
        assert totals[theme]["value"] == sum(theme in t for t in themes_of.values())
    for row in table["rows"]:
        key = next(k for k, v in CITATIONS.items() if v == row["citation"]["text"])
        assert row["total"]["value"] == len(themes_of[key])
    scores = _json(run, "themes", "--cell", "score")
    assert any(isinstance(r.get("hoax", {}).get("value"), float) for r in scores["rows"])


def test_synthesis_of_reach_hoax_and_youth(run, sample):
    table = _json(run, "synthesis", "--theme", "hoax", "--theme", "youth", "--theme", "reach")
    rows = {r["theme"]["text"]: r for r in table["rows"]}
    hoax = next(r for label, r in rows.items() if label.lower().startswith("hoax"))
    youth = next(r for label, r in rows.items() if "young" in label.lower() or "youth" in label.lower())
    reach = rows["Reach"]
    assert hoax["cited"]["text"] == "Anonim, 2024a; Anonim, 2024b; Cobis & Rusadi, 2023; Munadi, 2023"
    assert hoax["sources"]["text"] == "4/6"  # of the six papers tagged with a theme; --theme chooses the rows
    assert youth["cited"]["text"] == "Anonim, 2024a; Anonim, 2024b; Munadi, 2023"
    assert reach["cited"]["text"] == "Anonim, 2024b; Fahruji & Fahrudin, 2023; Kruikemeier et al., 2018"
    assert hoax["statement"]["text"].startswith("Four of six sources (Anonim, 2024a; Anonim, 2024b; Cobis & Rusadi, "
                                                "2023; Munadi, 2023) discuss")
    assert hoax["statement"]["text"].endswith("All of them present it as a risk. All of them also discuss political "
                                              "participation.")
    whole = _json(run, "synthesis")
    hoax_all = next(r for r in whole["rows"] if r["theme"]["text"] == hoax["theme"]["text"])
    assert hoax_all["statement"]["text"] == hoax["statement"]["text"]  # --theme changes no count
    assert whole["coverage"] == {"library": 8, "covered": 6, "scope": "tagged", "screened": False, "shown": 6,
                                 "filters": {}}
    assert whole["notes"][0] == ("Covers six of the eight records in the library: the papers tagged with at "
                                 "least one theme.")
    every = _json(run, "synthesis", "--all")
    assert next(r for r in every["rows"] if r["theme"]["text"] == hoax["theme"]["text"])["statement"]["text"] \
        .startswith("Four of eight sources (")
    assert every["notes"][0] == "Covers all eight records in the library, tagged with a theme or not."
    # each representative sentence stands in the paper it is cited to
    corpus = Corpus(sample / ".litreview")
    papers = {v: corpus.get(k) for k, v in CITATIONS.items()}
    for row in whole["rows"]:
        for quote in filter(None, row["representative"]["text"].split("\n")):
            sentence, cite = quote.rsplit("\u201d (", 1)
            paper = papers[cite.rstrip(")")]
            texts = [field_text(paper, f) for f in ("text", "abstract", "abstract_id", "abstract_en", "title",
                                                     "keywords")]
            assert any(sentence.lstrip("\u201c") in " ".join(t.split()) for t in texts), (cite, sentence)
    indonesian = _json(run, "synthesis", "--theme", "hoax", "--lang", "id")
    assert indonesian["rows"][0]["statement"]["text"].startswith("Empat dari enam sumber (")
    assert indonesian["notes"][0] == ("Mencakup enam dari delapan rekaman di pustaka: artikel yang diberi sedikitnya "
                                      "satu tema.")


def test_evidence_table_quotes_the_cited_papers(run, sample):
    table = _json(run, "evidence", "--theme", "youth")
    corpus = Corpus(sample / ".litreview")
    papers = {v: corpus.get(k) for k, v in CITATIONS.items()}
    assert table["rows"]
    for row in table["rows"]:
        sentence = row["sentence"]
        paper = papers[row["citation"]["text"].split(", citing ")[0]]  # "Anonim, 2024b, citing Munadi, 2023"
        texts = [field_text(paper, f) for f in ("text", "abstract", "abstract_id", "abstract_en", "title",
                                                 "keywords_id", "keywords")]
        assert any(" ".join(sentence["text"].split()) in " ".join(t.split()) for t in texts)
        for start, end in sentence.get("marks", []):
            assert 0 <= start < end <= len(sentence["text"])
    assert {r["theme"]["text"] for r in table["rows"]} == {table["rows"][0]["theme"]["text"]}


def test_columns_of_any_table(run, sample):
    table = _json(run, "synthesis", "--columns", "theme,cited,statement")
    assert [c["key"] for c in table["columns"]] == ["theme", "cited", "statement"]
    assert set(table["rows"][0]) == {"theme", "cited", "statement"}
    grid = _json(run, "themes", "--columns", "citation,hoax,youth,total")
    assert [c["key"] for c in grid["columns"]] == ["citation", "hoax", "youth", "total"]
    assert grid["totals"][0]["total"]["value"] == 4 + 3  # the totals count the themes shown


def test_filters(run, sample):
    assert set(_column(_json(run, "matrix", "--theme", "youth"), "citation")) == {
        "Anonim, 2024a", "Anonim, 2024b", "Munadi, 2023"}
    assert _column(_json(run, "matrix", "--year", "2015-2017", "--sort", "year", "--all"), "citation") == [
        "Chadwick et al., 2015", "McNair, 2017"]
    assert _column(_json(run, "matrix", "--keys", "munadi2023,cobis2023"), "citation") == [
        "Cobis & Rusadi, 2023", "Munadi, 2023"]
    assert "Fahruji & Fahrudin, 2023" in _column(_json(run, "matrix", "--query", "tiktok"), "citation")


def test_every_format_through_the_cli(run, sample):
    for name in ("m.md", "m.csv", "m.json", "m.tex", "m.html", "m.docx", "m.xlsx"):
        result = run("table", "matrix", "-o", name)
        assert result.exit_code == 0, result.output
        assert (sample / name).stat().st_size > 200
    import docx
    import openpyxl

    document = docx.Document(str(sample / "m.docx"))
    cells = [c.text for c in document.tables[0].columns[0].cells]
    assert "Munadi, 2023" in cells
    sheet = openpyxl.load_workbook(sample / "m.xlsx").active
    assert "Munadi, 2023" in [c.value for c in sheet["A"]]
    assert "Munadi, 2023" in run("table", "matrix").stdout  # the terminal table


def test_bad_input_is_one_line_and_leaves_no_file(run, tmp_path, sample):
    empty = tmp_path / "kosong"
    empty.mkdir()
    run("init", empty)
    result = run("table", "matrix", "--corpus", empty / ".litreview")
    assert result.exit_code == 1 and "the corpus has no papers" in result.stderr
    result = run("table", "synthesis", "--theme", "kampanye-hitam")
    assert result.exit_code == 2 and "unknown theme 'kampanye-hitam'" in result.stderr
    result = run("table", "matrix", "--year", "1990")
    assert result.exit_code == 1 and "no paper matches the filters (year 1990-1990)" in result.stderr
    result = run("table", "matrix", "-o", tmp_path / "tidak" / "ada.docx")
    assert result.exit_code == 1 and "does not exist" in result.stderr
    result = run("table", "matrix", "-o", "tabel.pdf")
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr
    result = run("table", "matrix", "--columns", "judul")
    assert result.exit_code == 2 and "unknown column 'judul'" in result.stderr
    result = run("table", "synthesis", "--columns", "theme,judul")
    assert result.exit_code == 2 and "unknown column 'judul'" in result.stderr
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        result = run("table", "matrix", "-o", locked / "x.csv")
        assert result.exit_code == 1 and "permission denied" in result.stderr
    leftovers = [p.name for p in sample.iterdir() if p.name.startswith(".") and p.name != ".litreview"]
    assert leftovers == [] and not (sample / "tabel.pdf").exists()
    for line in (result.stderr or "").splitlines():
        assert "Traceback" not in line


def test_installed_entry_point_writes_a_table(tmp_path):
    exe = shutil.which("litreview", path=str(Path(sys.executable).parent))
    assert exe
    env = {**os.environ, "LITREVIEW_CORPUS": ""}
    subprocess.run([exe, "add", str(ROOT / "corpus")], cwd=tmp_path, capture_output=True, text=True, env=env,
                   check=True)
    made = subprocess.run([exe, "table", "synthesis", "-o", "sintesis.md", "--lang", "id"], cwd=tmp_path,
                          capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "sintesis.md").read_text(encoding="utf-8")
    assert "Sintesis" in text and "Munadi, 2023" in text


def test_findings_are_kept_and_follow_the_text(run, sample):
    first = _json(run, "matrix", "--columns", "citation,findings", "--all")
    corpus = Corpus(sample / ".litreview")
    assert len(corpus.stored_findings()) == 8
    assert _json(run, "matrix", "--columns", "citation,findings", "--all") == first  # read back, same table
    paper = corpus.get("munadi2023")
    paper.abstract = paper.abstract_id = "Hasil penelitian menunjukkan bahwa pemilih pemula paling aktif di TikTok."
    with corpus.transaction():
        corpus.update_metadata("munadi2023", paper, {})
    corpus.close()
    assert run("tag").exit_code == 0
    rows = {r["citation"]["text"]: r for r in _json(run, "matrix", "--columns", "citation,findings")["rows"]}
    assert rows["Munadi, 2023"]["findings"]["text"].startswith("Hasil penelitian menunjukkan bahwa pemilih pemula")


def test_findings_on_two_cores_equal_those_on_one(run, sample, monkeypatch):
    from litreview.synthesis import review

    serial = _json(run, "matrix", "--columns", "citation,findings,gaps")
    corpus = Corpus(sample / ".litreview")
    with corpus.transaction():
        corpus.db.execute("DELETE FROM findings")
    corpus.close()
    monkeypatch.setattr(review, "PARALLEL_MIN_PAPERS", 1)
    monkeypatch.setattr(review, "_CHUNK", 3)
    assert _json(run, "matrix", "--columns", "citation,findings,gaps") == serial
