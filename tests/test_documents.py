"""Documents that go into a thesis as they are: Word pages and tables, Excel printing, LaTeX with
citations and a .bib, course plans for reading lists. LibreOffice and pdflatex checks run where
those tools are installed and skip otherwise."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from litreview.render import render
from litreview.render.docx import PageSetup, parse_margins, parse_paper
from litreview.synthesis.table import Cell, Column, Table, citation_cell, number_cell, text_cell

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus"
CM = 360000  # EMU


def near(emu: int, cm: float) -> bool:
    """Word keeps lengths in twentieths of a point: a centimetre comes back a few EMU off."""
    return abs(int(emu) - cm * CM) < 1000


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory) -> Path:
    """The bundled sample corpus, imported and tagged once (the tests only read it)."""
    from typer.testing import CliRunner

    from litreview.cli import app

    root = tmp_path_factory.mktemp("sample")
    for command in (["init", str(root)], ["add", "--corpus", str(root), str(SAMPLE)]):
        result = CliRunner().invoke(app, command, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def cli(run, sample_dir):
    return lambda *args: run(*args, "--corpus", sample_dir)


def wide_table(lang: str = "en") -> Table:
    """A matrix-like table: eight columns, a year, long text, a word that must not break."""
    columns = [Column("citation", "Citation", "text", 24), Column("title", "Title", "long", 40),
               Column("year", "Year", "number", 6), Column("method", "Method", "text", 18),
               Column("platforms", "Platforms", "text", 18), Column("themes", "Themes", "text", 24),
               Column("findings", "Key findings", "long", 70), Column("gaps", "Gaps and recommendations", "long", 50)]
    rows = []
    for i in range(6):
        rows.append({
            "citation": citation_cell(f"Wibowo & Lestari, 201{i}", [f"wibowo201{i}"]),
            "title": text_cell("Kampanye daring dan pertanggungjawaban penyelenggara pemilu " * 2),
            "year": number_cell(2010 + i),
            "method": text_cell("kuantitatif, survei"),
            "platforms": text_cell("Instagram, TikTok"),
            "themes": text_cell("Disinformation, Participation, Polarization"),
            "findings": text_cell("Relawan memperluas jangkauan pesan kandidat di kalangan pemilih pemula. " * 4),
            "gaps": text_cell("Perlu kajian longitudinal tentang \"literasi\" digital. " * 3),
        })
    return Table(kind="matrix", title="Matriks literatur" if lang == "id" else "Literature matrix",
                 columns=columns, rows=rows, lang=lang)


def narrow_table() -> Table:
    return Table(kind="x", title="Short", columns=[Column("a", "Name"), Column("n", "Count", "number", 6)],
                 rows=[{"a": text_cell("reach"), "n": number_cell(3)}])


# -- Word --------------------------------------------------------------------------------------
def test_docx_a4_thesis_margins_times_and_landscape_for_wide_tables():
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(render([narrow_table(), wide_table()], "docx")))
    first, second = document.sections
    assert near(first.page_width, 21.0) and near(first.page_height, 29.7)  # A4 portrait
    margins = [first.left_margin, first.top_margin, first.right_margin, first.bottom_margin]
    assert all(near(m, cm) for m, cm in zip(margins, (4, 3, 3, 3), strict=True))
    assert second.page_width > second.page_height  # the wide table on landscape pages of its own
    assert near(second.top_margin, 4)  # the binding edge is at the top of a turned page
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 12


def test_docx_widths_keep_every_word_and_year_whole():
    docx = pytest.importorskip("docx")
    from litreview.render.metrics import text_width

    table = wide_table()
    document = docx.Document(io.BytesIO(render([table], "docx")))
    grid = document.tables[0]
    section = document.sections[-1]
    available = (section.page_width - section.left_margin - section.right_margin) / 12700
    widths = [cell.width / 12700 for cell in grid.rows[1].cells]
    assert sum(widths) == pytest.approx(available, rel=0.01)
    size = grid.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt
    for column, width in zip(table.columns, widths, strict=True):
        texts = [table.cell(row, column.key).text for row in table.rows]
        longest = max(text_width(w, size) for text in texts for w in text.split())
        longest = max(longest, max(text_width(w, size, bold=True) for w in column.header.split()))
        assert width >= longest + 10.8, column.key  # the word and Word's cell margins
    # the long-text columns get the room, not the short ones
    assert widths[6] > widths[3] and widths[6] > widths[2] * 3


def test_docx_numbered_captions_in_the_tables_language():
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(render([wide_table("id"), narrow_table()], "docx")))
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    texts = ["".join(p._p.xpath(".//w:t/text()")) for p in captions]
    assert texts == ["Tabel 1. Matriks literatur", "Table 2. Short"]  # each in its table's language
    fields = captions[0]._p.findall(qn("w:fldSimple"))
    assert fields and "SEQ Tabel" in fields[0].get(qn("w:instr"))
    header = document.tables[0].rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None  # repeated on every page


def test_docx_turns_the_headers_of_a_crowded_grid():
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    labels = ["Participation", "Disinformation", "Polarization", "Mobilization", "Regulation", "Interaction",
              "Targeting", "Literacy", "Democracy", "Representation", "Accountability", "Deliberation",
              "Surveillance", "Misinformation"]
    columns = [Column("citation", "Citation", "text", 24)] + [Column(f"t{i}", label, "number", 8)
                                                               for i, label in enumerate(labels)]
    rows = [{"citation": text_cell("Anonim, 2024"), **{f"t{i}": number_cell(1, "\u2713") for i in range(14)}}]
    document = docx.Document(io.BytesIO(render([Table("themes", "Grid", columns, rows)], "docx")))
    header = document.tables[0].rows[0]
    turned = [c for c in header.cells if c._tc.tcPr.find(qn("w:textDirection")) is not None]
    assert len(turned) == 14  # the theme names read upwards rather than break inside


def test_docx_template_styles_and_pages_are_kept(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.shared import Cm, Pt

    template = docx.Document()
    template.styles["Normal"].font.name = "Arial"
    template.styles["Normal"].font.size = Pt(11)
    section = template.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.left_margin = Cm(2.5)
    template.add_paragraph("Template text that must not stay.")
    path = tmp_path / "kampus.docx"
    template.save(str(path))
    document = docx.Document(io.BytesIO(render([narrow_table()], "docx", page=PageSetup(template=path))))
    assert document.styles["Normal"].font.name == "Arial"
    assert near(document.sections[0].left_margin, 2.5)
    assert near(document.sections[0].page_width, 21.59)
    assert "Template text that must not stay." not in [p.text for p in document.paragraphs]
    # --paper and --margins still win over the template
    forced = PageSetup(template=path, paper="a4", margins=(4, 3, 3, 3))
    document = docx.Document(io.BytesIO(render([narrow_table()], "docx", page=forced)))
    assert near(document.sections[0].page_width, 21.0) and near(document.sections[0].left_margin, 4)


def test_page_options_parse_and_refuse():
    from litreview.errors import UsageError

    assert parse_margins("4,3,3,3") == (4.0, 3.0, 3.0, 3.0)
    assert parse_margins("2.5cm") == (2.5, 2.5, 2.5, 2.5)
    assert parse_paper("Letter") == "letter" and parse_paper(None) is None
    for bad in ("4,3", "a,b,c,d", "4,3,3,30"):
        with pytest.raises(UsageError, match="--margins"):
            parse_margins(bad)
    with pytest.raises(UsageError, match="--paper 'a5': choose a4 or letter"):
        parse_paper("a5")


def test_table_command_page_options(cli, tmp_path):
    docx = pytest.importorskip("docx")
    out = tmp_path / "matrix.docx"
    result = cli("table", "matrix", "--paper", "letter", "--margins", "3,2.5,2.5,2.5", "--lang", "id", "-o", out)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    section = document.sections[0]
    short, long = sorted((section.page_width, section.page_height))
    assert near(short, 21.59) and near(long, 27.94)
    assert "".join(next(p for p in document.paragraphs if p.style.name == "Caption")._p.xpath(
        ".//w:t/text()")) == "Tabel 1. Matriks literatur"
    bad = cli("table", "matrix", "--margins", "4,3", "-o", tmp_path / "x.docx")
    assert bad.exit_code == 2 and len(bad.output.strip().splitlines()) == 1 and "--margins" in bad.output
    (tmp_path / "not.docx").write_text("plain text")
    bad = cli("table", "matrix", "--template", tmp_path / "not.docx", "-o", tmp_path / "y.docx")
    assert bad.exit_code == 1 and "not.docx" in bad.output and len(bad.output.strip().splitlines()) == 1
    assert not (tmp_path / "y.docx").exists()


# -- Excel -------------------------------------------------------------------------------------
def test_xlsx_prints_landscape_fitted_with_filter_and_titles():
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(render([wide_table()], "xlsx"))).worksheets[0]
    assert sheet.auto_filter.ref == "A1:H7"
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["C"].width  # findings wider than year
    assert all(c.alignment.wrap_text for c in sheet[2])
    assert sheet.row_dimensions[2].height and sheet.row_dimensions[2].height > 15  # tall enough to wrap
    letter = openpyxl.load_workbook(io.BytesIO(render([wide_table()], "xlsx", page=PageSetup(paper="letter"))))
    assert int(letter.worksheets[0].page_setup.paperSize) == 1  # Letter


# -- LaTeX -------------------------------------------------------------------------------------
def test_latex_cites_by_key_with_tex_quotes_and_names_its_packages():
    table = wide_table()
    table.rows[0]["citation"] = Cell(text="A & B, 2020; C, 2021", keys=["a2020", "c2021"])
    table.rows[1]["citation"] = Cell(text="Odd, 2020", keys=["odd key,1"])  # \cite cannot take it: plain text
    out = render([table], "latex", bib="matriks.bib").decode()
    assert out.startswith("% Made by litreview.")
    assert "\\usepackage{booktabs,longtable,array}" in out and "\\usepackage[round]{natbib}" in out
    assert "\\bibliography{matriks}" in out
    assert "\\citep{a2020,c2021}" in out and "\\citet{wibowo2012}" in out
    assert "Odd, 2020" in out and "odd key" not in out
    assert "``literasi''" in out and '"' not in out.split("\n", 8)[-1]


def test_table_command_writes_the_bib_beside_the_tex(cli, tmp_path):
    tex = tmp_path / "matriks.tex"
    result = cli("table", "matrix", "-o", tex)
    assert result.exit_code == 0, result.output
    bib = (tmp_path / "matriks.bib").read_text()
    cited = set(__import__("re").findall(r"\\cite[tp]\{([^}]*)\}", tex.read_text()))
    keys = {k for group in cited for k in group.split(",")}
    assert keys and all(f"{{{k}," in bib for k in keys)
    other = tmp_path / "refs" / "pustaka.bib"
    other.parent.mkdir()
    assert cli("table", "evidence", "--bib", other, "-o", tmp_path / "bukti.tex").exit_code == 0
    assert other.is_file() and "\\bibliography{pustaka}" in (tmp_path / "bukti.tex").read_text()
    bad = cli("table", "matrix", "--bib", other, "-o", tmp_path / "m.docx")
    assert bad.exit_code == 2 and "--bib" in bad.output


@pytest.mark.office
@pytest.mark.skipif(shutil.which("pdflatex") is None or shutil.which("bibtex") is None,
                    reason="pdflatex/bibtex not installed")
def test_latex_table_compiles_with_pdflatex_and_bibtex(cli, tmp_path):
    for kind in ("matrix", "synthesis"):
        assert cli("table", kind, "-o", tmp_path / f"{kind}.tex").exit_code == 0
        (tmp_path / f"doc-{kind}.tex").write_text(
            "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs,longtable,array}\n"
            f"\\usepackage[round]{{natbib}}\n\\begin{{document}}\n\\input{{{kind}}}\n"
            f"\\bibliographystyle{{apalike}}\n\\bibliography{{{kind}}}\n\\end{{document}}\n")
        steps = [["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"doc-{kind}.tex"],
                 ["bibtex", f"doc-{kind}"]] + [["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                                                 f"doc-{kind}.tex"]] * 2
        for step in steps:
            done = subprocess.run(step, cwd=tmp_path, capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stdout[-2000:]
        log = (tmp_path / f"doc-{kind}.log").read_text(errors="replace")
        assert "undefined" not in log  # every \\citet and \\citep found its key in the .bib
        assert (tmp_path / f"doc-{kind}.pdf").stat().st_size > 1000


# -- reading lists for a course ----------------------------------------------------------------
PLAN = """\
title: Media sosial dan pemilu
groups:
  - title: "Minggu 1: Citra dan jangkauan"
    themes: [image, reach]
    notes: |
      Baca sebelum kuliah.

      Diskusi di akhir sesi.
  - title: "Minggu 2: Hoaks"
    themes: [hoax]
    keys: [munadi2023]
"""


def test_reading_list_plan_groups_each_paper_once_with_notes(cli, tmp_path):
    plan = tmp_path / "kuliah.yaml"
    plan.write_text(PLAN)
    result = cli("reading-list", "--plan", plan, "--lang", "id", "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Media sosial dan pemilu\n")
    assert "## Minggu 1: Citra dan jangkauan" in text and "## Minggu 2: Hoaks" in text
    assert "Baca sebelum kuliah.\n\nDiskusi di akhir sesi." in text
    week2 = text.split("## Minggu 2: Hoaks")[1].split("## Daftar pustaka")[0]
    assert "Munadi" in week2  # named by key
    numbered = [line for line in text.splitlines() if line[:1].isdigit()]
    assert [int(line.split(".")[0]) for line in numbered] == list(range(1, len(numbered) + 1))
    references = text.split("## Daftar pustaka")[1].strip().split("\n\n")
    assert len(references) == len(numbered)  # each paper once, and once more in the reference list


def test_reading_list_all_themes_repeats_papers(cli):
    once = cli("reading-list", "--format", "markdown").stdout
    every = cli("reading-list", "--all-themes", "--format", "markdown").stdout
    count = lambda text: sum(1 for line in text.splitlines() if line[:1].isdigit())  # noqa: E731
    assert count(every) > count(once) == len(once.split("## References")[1].strip().split("\n\n"))
    both = cli("reading-list", "--all-themes", "--primary-only")
    assert both.exit_code == 2


@pytest.mark.parametrize(("content", "problem"), [
    ("groups: [\n", "not valid YAML at line 2"),
    ("- a\n", "a plan is a mapping with 'groups:'"),
    ("groups: []\n", "'groups' must be a list"),
    ("groups:\n  - themes: [hoax]\n", "group 1: give it a title"),
    ("groups:\n  - title: W1\n", "group 1 ('W1'): list its themes and/or keys"),
    ("groups:\n  - title: W1\n    themes: [hox]\n", "group 1 ('W1'): unknown theme 'hox'"),
    ("groups:\n  - title: W1\n    keys: [nobody1999]\n", "no paper with key 'nobody1999'"),
    ("groups:\n  - title: W1\n    themes: [hoax]\n    reading: 3\n", "unknown field 'reading'"),
    ("groups:\n  - title: W1\n    themes: [hoax]\n    notes: [a]\n", "'notes' must be text"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6))
     + "groups: *g\n", "refused as a possible alias bomb"),
])
def test_bad_plan_is_one_line_naming_the_file(cli, tmp_path, content, problem):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(content)
    result = cli("reading-list", "--plan", plan)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "rencana.yaml" in result.output and problem in result.output


def test_plan_and_theme_together_and_missing_plan(cli, tmp_path):
    assert cli("reading-list", "--plan", tmp_path / "p.yaml", "--theme", "hoax").exit_code == 2
    missing = cli("reading-list", "--plan", tmp_path / "none.yaml")
    assert missing.exit_code == 1 and "none.yaml: no such plan file" in missing.output


def test_reading_list_docx_on_thesis_pages(cli, tmp_path):
    docx = pytest.importorskip("docx")
    out = tmp_path / "bacaan.docx"
    assert cli("reading-list", "--lang", "id", "-o", out).exit_code == 0
    document = docx.Document(str(out))
    assert near(document.sections[0].page_width, 21.0) and near(document.sections[0].left_margin, 4)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1] == "Daftar pustaka"
    assert any(p.text.startswith("1. ") for p in document.paragraphs)


# -- as LibreOffice prints them ----------------------------------------------------------------
def _render_check():
    spec = importlib.util.spec_from_file_location("render_docs", ROOT / "benchmarks" / "render_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler-utils not installed")
def test_libreoffice_prints_no_broken_word(cli, tmp_path):
    check = _render_check()
    files = []
    for args, name in ((("table", "matrix"), "matrix.docx"), (("table", "evidence"), "evidence.docx"),
                       (("table", "themes"), "themes.docx"), (("reading-list",), "reading.docx"),
                       (("table", "matrix"), "matrix-sheet.xlsx")):
        assert cli(*args, "-o", tmp_path / name).exit_code == 0
        files.append(tmp_path / name)
    pdfs = check.to_pdf(files, tmp_path)
    for source, pdf in zip(files, pdfs, strict=True):
        pages, shape, checked, missing = check.broken_words(source, pdf)
        assert checked > 20 and missing == [], (source.name, missing)
        assert shape.startswith("A4")
        if source.name in ("matrix.docx", "evidence.docx", "matrix-sheet.xlsx"):
            assert shape.endswith("landscape"), source.name
    # the matrix sheet is fitted to its width: each page holds every column, with the header repeated
    pages = check.pdf_facts(pdfs[-1])[0]
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdfs[-1]), "-"],
                              capture_output=True, text=True, check=True).stdout
        header = text.splitlines()[0] if text.strip() else ""
        assert "Citation" in header and "Key findings" in header, (page, header)
