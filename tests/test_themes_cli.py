"""`codebook`, `tag`, `tags`, `themes` and auto-tagging in `add`, through the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, snapshot

from litreview.store import Corpus

SMALL = FIXTURES / "codebooks" / "small.yaml"

PAPER = """\
---
title: "Hoaks dan Pemilih Pemula di TikTok"
authors: [{family: Lestari, given: Dewi}]
year: 2024
language: id
---
# Hoaks dan Pemilih Pemula di TikTok

## Abstrak
Penelitian ini memakai metode kualitatif deskriptif. Hoaks beredar luas di TikTok menjelang pemilu.
Berita bohong dan ujaran kebencian menyasar pemilih pemula. Generasi Z paling rentan.

## Pendahuluan
Kaum milenial dan generasi Z aktif di media sosial. Pemilih pemula perlu literasi.

## Daftar Pustaka
Anwar, R. (2020). Partisipasi politik dan keterlibatan warga. Jurnal Partisipasi, 1(2).
"""



@pytest.fixture
def tagged(run, tmp_path):
    """A corpus with the small codebook and one paper (auto-tagged by add)."""
    run("init")
    shutil.copy(SMALL, tmp_path / ".litreview" / "codebook.yaml")
    (tmp_path / "hoaks.md").write_text(PAPER, encoding="utf-8")
    result = run("add", "hoaks.md")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_add_tags_new_papers(run, tagged):
    result = run("list", "--format", "json")
    (row,) = json.loads(result.stdout)
    assert row["themes"] == ["hoax", "youth"]
    assert run("list", "--theme", "youth", "--format", "json").stdout.count('"key"') == 1
    assert run("list", "--theme", "targeting", "--format", "json").stdout.strip() == "[]"


def test_tags_json_gives_themes_evidence_and_facets(run, tagged):
    data = json.loads(run("tags", "lestari2024", "--format", "json", "--limit", "0").stdout)
    assert [t["theme"] for t in data["themes"]] == ["youth", "hoax"] or {t["theme"] for t in data["themes"]} == {
        "hoax", "youth"}
    paper = Corpus(tagged / ".litreview").get("lestari2024")
    for theme in data["themes"]:
        assert theme["origin"] == "auto" and theme["assigned"] and theme["score"] >= theme["threshold"]
        for e in theme["evidence"]:
            assert getattr(paper, e["field"])[e["start"]:e["end"]] == e["sentence"]
            assert "Anwar" not in e["sentence"]  # never from the reference list
            assert e["matches"] and all(m["rule"] in ("word", "phrase", "fuzzy", "pattern") for m in e["matches"])
    # TikTok in the title and in one sentence of the abstract
    assert data["facets"]["platforms"] == [{"name": "TikTok", "mentions": 2, "label": "TikTok", "label_id": "TikTok"}]
    assert [m["name"] for m in data["facets"]["methods"]] == ["qualitative descriptive"]


def test_tags_text_highlights_and_escapes(run, tagged):
    result = run("tags", "lestari2024")
    assert result.exit_code == 0
    assert "hoax" in result.stdout and "Berita bohong dan ujaran kebencian" in result.stdout
    assert "platforms: TikTok (2)" in result.stdout
    indonesian = run("tags", "lestari2024", "--lang", "id")
    assert "platform: TikTok (2)" in indonesian.stdout and "otomatis" in indonesian.stdout


def test_manual_decisions_survive_retagging(run, tagged):
    assert run("tag", "remove", "lestari2024", "youth").exit_code == 0
    assert run("tag", "add", "lestari2024", "participation").exit_code == 0
    for extra in ([], ["lestari2024"], ["--force"]):
        assert run("tag", *extra).exit_code == 0
        data = json.loads(run("tags", "lestari2024", "--format", "json", "--removed").stdout)
        state = {t["theme"]: (t["origin"], t["assigned"]) for t in data["themes"]}
        assert state == {"hoax": ("auto", True), "youth": ("manual", False), "participation": ("manual", True)}
    counts = json.loads(run("themes", "--format", "json").stdout)
    by_theme = {r["theme"]: r for r in counts["themes"]}
    assert by_theme["hoax"]["papers"] == 1 and by_theme["youth"]["removed"] == 1
    assert by_theme["participation"]["manual"] == 1
    assert run("tag", "reset", "lestari2024", "youth").exit_code == 0
    data = json.loads(run("tags", "lestari2024", "--format", "json").stdout)
    assert {t["theme"] for t in data["themes"]} == {"hoax", "youth", "participation"}


def test_unknown_theme_lists_the_valid_ids(run, tagged):
    before = snapshot(tagged / ".litreview")
    result = run("tag", "add", "lestari2024", "kampanye-hitam")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: unknown theme 'kampanye-hitam'; the codebook's themes are: "
        "hoax, youth, participation, targeting, mobilization"
    )
    assert snapshot(tagged / ".litreview") == before


def test_retagging_skips_unchanged_papers(run, tagged):
    result = run("tag")
    assert "0 papers tagged, 1 unchanged since the last tagging" in result.stderr
    assert "1 paper tagged" in run("tag", "--force").stderr
    assert "1 paper tagged" in run("tag", "lestari2024", "--force").stderr


def test_a_paper_without_text_is_reported_and_the_rest_tagged(run, tagged):
    bib = tagged / "tanpa.bib"
    bib.write_text("@article{kosong2020, title={Judul Saja}, author={Ali, Budi}, year={2020}}\n", encoding="utf-8")
    assert run("add", "tanpa.bib").exit_code == 0
    result = run("tag", "--force")
    assert result.exit_code == 0
    assert "no text ali2020: no full text or abstract to tag; skipped" in result.stderr
    assert "2 papers tagged, 1 without text or abstract" in result.stderr


def test_broken_codebook_is_rejected_and_nothing_retagged(run, tagged):
    book = tagged / ".litreview" / "codebook.yaml"
    book.write_text(SMALL.read_text(encoding="utf-8").replace("label: {en: Youth, id: Pemuda}", "labl: x"),
                    encoding="utf-8")
    before = snapshot(tagged / ".litreview")
    result = run("tag", "--force")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].endswith("codebook.yaml: 2 problems in the codebook; nothing was tagged")
    assert any("unknown key 'labl'" in line for line in lines)
    assert any("'label' is missing" in line for line in lines)
    assert snapshot(tagged / ".litreview") == before
    check = run("codebook", "check")
    assert check.exit_code == 1 and "line 14: theme: unknown key 'labl'" in check.stderr
    # add refuses before reading or writing anything
    (tagged / "lagi.md").write_text(PAPER.replace("Lestari", "Putri"), encoding="utf-8")
    assert run("add", "lagi.md").exit_code == 1
    assert snapshot(tagged / ".litreview") == before


def test_codebook_init_show_check(run, tmp_path):
    run("init")
    result = run("codebook", "init")
    assert result.exit_code == 0
    own = tmp_path / ".litreview" / "codebook.yaml"
    assert own.read_text(encoding="utf-8") == (ROOT / "litreview" / "themes" / "default_codebook.yaml").read_text(
        encoding="utf-8")
    again = run("codebook", "init")
    assert again.exit_code == 2 and "already has a codebook" in again.stderr
    assert run("codebook", "init", "--force").exit_code == 0
    check = run("codebook", "check")
    assert check.exit_code == 0 and "ok" in check.stderr and "12 themes" in check.stderr
    shown = run("codebook", "show", "--format", "json")
    ids = [t["id"] for t in json.loads(shown.stdout)["themes"]]
    for required in ("reach", "interaction", "targeting", "hoax", "youth", "participation", "image", "polarization",
                     "literacy", "regulation", "mobilization", "democracy"):
        assert required in ids
    table = run("codebook", "show", "--lang", "id")
    assert table.exit_code == 0 and "Jangkauan" in table.stdout


def test_codebook_option_and_check_of_a_file(run, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(textwrap.dedent("""\
        version: 1
        themes:
          - id: hoax
            label: {en: Hoaxes, id: Hoaks}
            terms: {id: [hoaks]}
            patterns: ['[unclosed']
        """), encoding="utf-8")
    result = run("codebook", "check", mine)
    assert result.exit_code == 1
    assert "line 6: theme 'hoax': bad regular expression '[unclosed'" in result.stderr
    missing = run("codebook", "check", tmp_path / "none.yaml")
    assert missing.exit_code == 1 and "none.yaml: no such codebook file" in missing.stderr
    shown = run("codebook", "show", "--codebook", SMALL, "--format", "json")
    assert [t["id"] for t in json.loads(shown.stdout)["themes"]][0] == "hoax"


def test_sample_corpus_is_tagged_by_add(run, tmp_path):
    result = run("add", ROOT / "corpus")
    assert result.exit_code == 0 and "themes:" in result.stderr
    rows = {r["key"]: r["themes"] for r in json.loads(run("list", "--format", "json").stdout)}
    assert {"hoax", "youth"} <= set(rows["anonim2024a"])
    assert "youth" in rows["munadi2023"]
    themes = json.loads(run("themes", "--format", "json").stdout)
    assert themes["papers"] == 8 and themes["tagged"] == 8


def test_installed_entry_point_tags(tmp_path):
    exe = shutil.which("litreview", path=str(Path(os.sys.executable).parent))
    assert exe, "the litreview entry point is not installed in this environment"
    env = {**os.environ, "LITREVIEW_CORPUS": ""}
    added = subprocess.run([exe, "add", str(ROOT / "corpus")], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert added.returncode == 0, added.stderr
    shown = subprocess.run([exe, "tags", "munadi2023", "--format", "json"], cwd=tmp_path, capture_output=True,
                           text=True, env=env)
    assert shown.returncode == 0 and "youth" in {t["theme"] for t in json.loads(shown.stdout)["themes"]}
    bad = subprocess.run([exe, "tag", "add", "munadi2023", "nope"], cwd=tmp_path, capture_output=True, text=True,
                         env=env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "unknown theme 'nope'" in bad.stderr
