"""`litreview chart`: the numbers match the other commands' JSON, every kind draws in every format,
Indonesian labels, and bad input is one line with no file left behind."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, needs_shared
from typer.testing import CliRunner

from litreview.cli import app
from litreview.synthesis.charts import KINDS

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


def _invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The bundled sample corpus, added (and tagged) once for the module; returns its directory."""
    root = tmp_path_factory.mktemp("sample")
    assert _invoke("init", root).exit_code == 0
    result = _invoke("add", ROOT / "corpus", "-C", root)
    assert result.exit_code == 0, result.output
    return root


def chart_json(run, sample, kind, *extra):
    result = run("chart", kind, "--format", "json", "-C", sample, *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_themes_chart_equals_themes_json(run, sample):
    data = chart_json(run, sample, "themes")
    themes = {t["theme"]: t for t in json.loads(run("themes", "--format", "json", "-C", sample).stdout)["themes"]}
    discussed, mentioned = data["series"]
    ids = [c["id"] for c in data["categories"]]
    assert set(ids) == set(themes)
    for theme, d, m in zip(ids, discussed["values"], mentioned["values"], strict=True):
        assert d == themes[theme]["auto"] + themes[theme]["manual"]
        assert m == themes[theme]["mentioned"]
    assert data["papers"] == 8 and data["source"] == "Source: litreview corpus, 8 papers"
    assert discussed["values"] == sorted(discussed["values"], reverse=True)  # most discussed first


def test_years_chart_equals_prisma_and_list(run, sample):
    data = chart_json(run, sample, "years")
    prisma = json.loads(run("prisma", "--format", "json", "-C", sample).stdout)
    per_source = {s["name"]: sum(s["values"]) for s in data["series"]}
    # one record per paper in the sample corpus, so records per database = papers per source
    assert per_source == {d["database"]: d["records"] for d in prisma["by_database"]}
    listed = json.loads(run("list", "--format", "json", "-C", sample).stdout)
    years = [c["id"] for c in data["categories"]]
    for year, total in zip(years, map(sum, zip(*(s["values"] for s in data["series"]), strict=True)), strict=True):
        assert total == sum(str(p["year"]) == year for p in listed)
    by_type = chart_json(run, sample, "years", "--by", "type")
    assert sum(map(sum, (s["values"] for s in by_type["series"]))) == 8


def test_theme_matrices_equal_the_paper_themes(run, sample):
    listed = json.loads(run("list", "--format", "json", "-C", sample).stdout)
    co = chart_json(run, sample, "cooccurrence")
    ids = [r["id"] for r in co["rows"]]
    for i, a in enumerate(ids):
        for j, b in enumerate(ids):
            assert co["matrix"][i][j] == sum(a in p["themes"] and b in p["themes"] for p in listed)
    by_year = chart_json(run, sample, "themes-by-year")
    for r, theme in enumerate(r["id"] for r in by_year["rows"]):
        for c, year in enumerate(by_year["columns"]):
            assert by_year["matrix"][r][c] == sum(theme in p["themes"] and str(p["year"]) == year for p in listed)


def test_facet_prisma_and_network_numbers(run, sample):
    platforms = chart_json(run, sample, "platforms")
    assert dict(zip([c["id"] for c in platforms["categories"]], platforms["series"][0]["values"], strict=True))[
        "TikTok"] == 2
    prisma = json.loads(run("prisma", "--format", "json", "-C", sample).stdout)
    drawn = chart_json(run, sample, "prisma")
    assert drawn["flow"] == prisma
    assert drawn["boxes"] == {k: v for k, v in prisma.items() if isinstance(v, int) and not isinstance(v, bool)}
    net = chart_json(run, sample, "network")
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert 0 < sum(n["labelled"] for n in net["nodes"]) <= 12


@pytest.fixture(scope="module")
def built(sample):
    """Every kind's chart of the sample corpus, built once."""
    from litreview.store import Corpus
    from litreview.synthesis.charts import build_chart
    from litreview.themes.codebook import load_codebook

    with Corpus(sample / ".litreview") as corpus:
        book = load_codebook(None, corpus.root)
        return {kind: build_chart(corpus, book, kind, "en") for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_in_every_format(built, kind):
    from litreview.render.chart import render_chart

    for fmt in ("svg", "png", "pdf"):
        data = render_chart(built[kind], fmt)
        assert data.startswith(MAGIC[fmt]), (kind, fmt)
        if fmt == "svg":
            root = ET.fromstring(data)
            title = root.find("{http://www.w3.org/2000/svg}title")
            assert title is not None and "Source: litreview corpus, 8 papers" in title.text
            if kind in ("network", "years"):  # a layout and a stack order: same chart, same bytes
                assert render_chart(built[kind], "svg") == data


def test_the_cli_writes_the_file_its_extension_names(run, sample, tmp_path):
    for fmt in ("svg", "png", "pdf"):
        target = tmp_path / f"platforms.{fmt.upper()}"
        assert run("chart", "platforms", "-o", target, "-C", sample).exit_code == 0
        assert target.read_bytes().startswith(MAGIC[fmt])


def test_png_is_300_dpi_and_a4_wide(run, sample, tmp_path):
    import struct

    run("chart", "years", "-o", tmp_path / "y.png", "-C", sample)
    data = (tmp_path / "y.png").read_bytes()
    width = struct.unpack(">I", data[16:20])[0]
    assert width == round(6.3 * 300)
    assert b"pHYs" in data and struct.unpack(">I", data[data.index(b"pHYs") + 4:][:4])[0] == round(300 / 0.0254)


def test_format_option_and_stdout(run, sample, tmp_path):
    result = run("chart", "themes", "--format", "svg", "-C", sample)
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")
    target = tmp_path / "figure.out"
    assert run("chart", "themes", "--format", "pdf", "-o", target, "-C", sample).exit_code == 0
    assert target.read_bytes().startswith(b"%PDF-")


def test_indonesian_labels(run, sample):
    data = chart_json(run, sample, "themes", "--lang", "id")
    assert data["title"] == "Artikel per tema" and data["source"] == "Sumber: korpus litreview, 8 artikel"
    assert [s["name"] for s in data["series"]] == ["Dibahas", "Hanya disebut"]
    assert "Hoaks dan disinformasi" in [c["label"] for c in data["categories"]]
    assert chart_json(run, sample, "years", "--lang", "id")["series"][0]["name"].startswith("Berkas")
    svg = run("chart", "prisma", "--format", "svg", "--lang", "id", "-C", sample).stdout
    assert "<title>Diagram alir PRISMA 2020." in svg


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["chart", "pie", "-o", "x.png"], 2, "unknown chart kind 'pie'"),
        (["chart", "themes", "-o", "x.gif"], 2, "unknown figure extension '.gif'"),
        (["chart", "themes", "--format", "jpg"], 2, "--format 'jpg'"),
        (["chart", "themes"], 2, "give --output FILE"),
        (["chart", "themes", "-o", "nowhere/x.png"], 1, "does not exist"),
        (["chart", "years", "--by", "colour", "-o", "x.png"], 2, "--by 'colour'"),
    ],
)
def test_bad_input_is_one_line(run, sample, tmp_path, args, code, message):
    result = run(*args, "-C", sample)
    assert result.exit_code == code
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("x.*")) and not list(tmp_path.glob(".x.*"))


def test_empty_and_untagged_corpus(run, tmp_path):
    assert run("init").exit_code == 0
    result = run("chart", "years", "-o", "y.png")
    assert result.exit_code == 1 and "the corpus has no papers" in result.stderr
    assert run("add", "--no-tag", ROOT / "corpus" / "pemilu2024.bib").exit_code == 0
    for kind in ("themes", "cooccurrence", "themes-by-year", "platforms"):
        result = run("chart", kind, "-o", "t.svg")
        assert result.exit_code == 1 and "run `litreview tag`" in result.stderr, kind
    assert not (tmp_path / "t.svg").exists()
    assert run("chart", "years", "-o", "y.png").exit_code == 0


def test_unwritable_output_leaves_no_file(run, sample, tmp_path):
    result = run("chart", "years", "--format", "png", "-o", tmp_path, "-C", sample)  # a directory
    assert result.exit_code == 1 and "is a directory; give a file name" in result.stderr
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("chart", "years", "-o", locked / "y.png", "-C", sample)
        if result.exit_code == 0:  # running as root: permissions do not bind
            pytest.skip("permissions are not enforced for this user")
        assert result.exit_code == 1 and "cannot write" in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_dollar_signs_in_labels_are_text(monkeypatch):
    from litreview.render.chart import render_chart
    from litreview.synthesis.charts import Chart, Series

    chart = Chart(kind="platforms", title="Cost in $ and $$", lang="en", papers=2, source="Source: x",
                  categories=["$x^2$ tool", "50$ site"], series=[Series("Papers", [2, 1])], horizontal=True)
    assert render_chart(chart, "png").startswith(MAGIC["png"])


@needs_shared
@pytest.mark.shared
def test_every_chart_builds_on_shared_data(tmp_path_factory):
    from litreview.errors import LitreviewError
    from litreview.store import Corpus
    from litreview.synthesis.charts import build_chart
    from litreview.themes.codebook import load_codebook

    root = tmp_path_factory.mktemp("shared")
    assert _invoke("init", root).exit_code == 0
    parts = [SHARED / "data" / "pdf" / "indonesian", SHARED / "data" / "csljson"]  # full texts and exports, fast
    result = _invoke("add", *[p for p in parts if p.exists()], "-C", root)
    assert result.exit_code in (0, 3), result.output
    with Corpus(root / ".litreview") as corpus:
        book = load_codebook(None, corpus.root)
        built = []
        for kind in KINDS:
            try:
                built.append(build_chart(corpus, book, kind, "en"))
            except LitreviewError as error:  # a kind with nothing to draw says so in one line
                assert "\n" not in str(error)
    assert {c.kind for c in built} >= {"years", "prisma", "themes", "network"}
    assert all(c.papers == built[0].papers for c in built)
