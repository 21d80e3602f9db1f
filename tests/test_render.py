"""The renderers: every format renders; paper text is escaped for each format and cannot act
(as markup, script, formula or LaTeX command); files re-read with their own libraries hold
what was written; output is deterministic. Tables are built by hand here, not from a corpus."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litreview.errors import UsageError
from litreview.render import FORMATS, format_for_path, render
from litreview.synthesis.table import Cell, Column, Table, number_cell, text_cell

SCRIPT = "<script>alert(1)</script>"
FORMULAS = ["=1+1", '=HYPERLINK("http://example.invalid","x")', "+62 812", "-5 votes", "@SUM(A1)", "\tcmd"]
TRICKY = ["A & B", "100% turnout", "snake_case", SCRIPT, "a | b", "Mù", "[1] bracket", "back\\slash {x} ~ ^ $ #"]
TITLE = f"Hoax & 100% _x_ {SCRIPT} [b] | Mù"


def make_table(rows: int = 4, title: str = TITLE) -> Table:
    columns = [
        Column("key", "Key & #"),
        Column("n", "N_%", kind="number", width=6),
        Column("evidence", "Evidence", kind="long", width=60),
    ]
    texts = TRICKY + FORMULAS
    body = []
    for i in range(rows):
        text = texts[i % len(texts)]
        body.append(
            {
                "key": text_cell(text),
                "n": number_cell(i * 1.5 if i % 2 else i),
                "evidence": text_cell(f"{text} about hoaxes", [(len(text) + 1, len(text) + 6)]),
            }
        )
    totals = [{"key": text_cell("Total"), "n": number_cell(99)}]
    return Table("matrix", title, columns, body, totals=totals, notes=["Counts include manual tags & edits."])


def wide_grid() -> Table:
    """A theme grid: many number columns with long headers, check marks, no long column."""
    themes = ["Hoaxes and disinformation", "Young voters", "Political participation", "Digital democracy"] * 3
    columns = [Column("citation", "Citation", width=24)]
    columns += [Column(f"t{i}", name, kind="number", width=len(name)) for i, name in enumerate(themes)]
    rows = [
        {"citation": text_cell(f"Author{i} et al., 20{10 + i}"), **{f"t{j}": Cell("✓", 1) for j in range(i % 5)}}
        for i in range(8)
    ]
    return Table("themes", "Themes by paper", columns, rows, totals=[{"citation": text_cell("Total")}])


def small_sort_table() -> Table:
    """Body rows deliberately out of order; one marked word; totals that must not move."""
    columns = [Column("key", "Key"), Column("n", "Papers", kind="number", width=6)]
    rows = [
        {"key": text_cell("cobis2023"), "n": number_cell(5)},
        {"key": text_cell("munadi2023"), "n": number_cell(1)},
        {"key": text_cell("arif2024"), "n": number_cell(12)},
        {"key": text_cell("Budi2022"), "n": number_cell(3)},
    ]
    return Table("themes", SCRIPT, columns, rows, totals=[{"key": text_cell("Total"), "n": number_cell(21)}])


# --- the package ------------------------------------------------------------------------------


def test_formats_and_paths():
    assert FORMATS == ("terminal", "markdown", "csv", "json", "latex", "html", "docx", "xlsx")
    expected = {
        "a.md": "markdown",
        "a.markdown": "markdown",
        "a.csv": "csv",
        "a.json": "json",
        "a.tex": "latex",
        "a.html": "html",
        "a.htm": "html",
        "A.HTML": "html",
        "a.docx": "docx",
        "a.xlsx": "xlsx",
        "a.txt": "terminal",
        "a.pdf": None,
        "noext": None,
    }
    for name, fmt in expected.items():
        assert format_for_path(Path(name)) == fmt, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_one_and_several_tables(fmt):
    for tables in ([make_table()], [make_table(), make_table(3, "Second")], []):
        out = render(tables, fmt)
        assert isinstance(out, bytes)
        if tables:
            assert out


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic(fmt, monkeypatch):
    tables = [make_table(30), make_table(3, "Second")]
    first = render(tables, fmt)
    later = time.time() + 3 * 86400  # zip entries and document dates would carry the clock
    monkeypatch.setattr(time, "time", lambda: later)
    assert render(tables, fmt) == first


@pytest.mark.parametrize("fmt", FORMATS)
def test_odd_cells_do_not_break_rendering(fmt):
    """Control characters, bad marks, NaN and missing keys are tolerated by every format."""
    columns = [Column("a", "A\x00"), Column("b", "B", kind="number"), Column("c", "C", kind="long")]
    rows = [
        {
            "a": Cell("ctl\x00\x01\x0b\x1b[31m red\ud800", marks=[(3, 99), (-5, 2), (1, 2)]),
            "b": Cell("x", float("nan")),
        },
        {"c": Cell("line\r\nbreak\rhere")},
    ]
    out = render([Table("matrix", "T\x07", columns, rows)], fmt)
    assert out
    if fmt not in ("docx", "xlsx"):
        text = out.decode("utf-8")
        assert "\x00" not in text and "\x1b" not in text


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="markdown"):
        render([make_table()], "pdf")


def test_import_is_light():
    code = "import sys, litreview.render; print(sorted(m for m in ('docx', 'openpyxl', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- terminal ---------------------------------------------------------------------------------


def test_terminal_prints_brackets_as_written_and_fits_width():
    table = make_table(len(TRICKY), title="[bold]Not markup[/bold] :smile:")
    out = render([table], "terminal", width=70).decode()
    assert "[bold]Not markup[/bold] :smile:" in out
    assert "\x1b" not in out  # no colour unless asked
    assert all(len(line) <= 70 for line in out.splitlines())
    assert "Mù" in out and "Counts include manual tags & edits." in out


def test_terminal_color_marks_words_bold(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")  # rich would fall back to 80 columns for a dumb terminal
    long_text = "say hoax now " + "and more words " * 20
    table = Table("evidence", "T", [Column("e", "Evidence", kind="long")], [{"e": text_cell(long_text, [(4, 8)])}])
    out = render([table], "terminal", width=120, color=True).decode()
    assert re.search(r"\x1b\[1m[^\x1b]*hoax", out)
    assert max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in out.splitlines()) == 120


def test_terminal_column_widths_fit_and_keep_header_words():
    from litreview.render.terminal import column_widths

    table = make_table(len(TRICKY) + len(FORMULAS))
    table.rows[0]["evidence"] = text_cell("word " * 200)
    for width in (60, 100, 200):
        widths = column_widths(table, width)
        assert sum(widths) + 3 * len(widths) + 1 <= width
        assert widths[0] >= len("Key") and widths[2] >= len("Evidence")
    out = render([table], "terminal", width=60).decode()
    assert all(len(line) <= 60 for line in out.splitlines())


# --- markdown ---------------------------------------------------------------------------------


def test_markdown_escapes_pipes_and_markup():
    out = render([make_table(len(TRICKY))], "markdown").decode()
    lines = out.splitlines()
    assert lines[0].startswith("### Hoax & 100% \\_x\\_ \\<script\\>")
    table_lines = [line for line in lines if line.startswith("| ")]
    assert len(table_lines) == 2 + len(TRICKY) + 1  # header, rule, body, totals
    # Every row has exactly the three column separators plus the ends: escaped pipes do not count.
    for line in table_lines:
        assert len(re.findall(r"(?<!\\)\|", line)) == 4, line
    assert "a \\| b" in out and "back\\\\slash" in out
    assert "<script>" not in out
    assert "| ---: |" in table_lines[1]
    assert "**about**" in out and "| **Total** | **99** |" in out


def test_markdown_newlines_become_br():
    table = Table("x", "T", [Column("a", "A")], [{"a": text_cell("one\ntwo")}])
    assert "| one<br>two |" in render([table], "markdown").decode()


# --- csv --------------------------------------------------------------------------------------


def test_csv_neutralises_formulas_and_keeps_numbers():
    table = make_table(len(TRICKY) + len(FORMULAS))
    out = render([table], "csv")
    assert not out.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"))))
    assert rows[0] == ["Key & #", "N_%", "Evidence"]
    keys = [row[0] for row in rows[1:-1]]
    for formula in FORMULAS:
        assert "'" + formula in keys
    for text in TRICKY:
        assert text in keys
    assert rows[2][1] == "1.5" and rows[3][1] == "2"  # numbers as numbers
    assert rows[-1] == ["Total", "99", ""]
    assert "\r" not in out.decode()


def test_csv_negative_numbers_are_not_prefixed():
    table = Table("x", "T", [Column("n", "N", kind="number")], [{"n": number_cell(-3)}])
    assert render([table], "csv").decode() == "N\n-3\n"


def test_csv_several_tables_have_titles_and_blank_line():
    out = render([make_table(1, "First"), make_table(1, "=Second")], "csv").decode()
    assert out.startswith("First\n")
    assert "\n\n'=Second\n" in out


# --- json -------------------------------------------------------------------------------------


def test_json_round_trips():
    tables = [make_table(), make_table(2, "Second")]
    out = render(tables, "json")
    assert out.endswith(b"\n") and "Mù".encode() in out
    assert json.loads(out) == [t.to_dict() for t in tables]
    assert json.loads(out)[0]["rows"][0]["evidence"]["marks"] == [[len(TRICKY[0]) + 1, len(TRICKY[0]) + 6]]


# --- latex ------------------------------------------------------------------------------------


def test_latex_escapes_specials():
    out = render([make_table(len(TRICKY))], "latex").decode()
    assert "\\caption{Hoax \\& 100\\% \\_x\\_ \\textless{}script\\textgreater{}alert(1)" in out
    assert "A \\& B" in out and "100\\% turnout" in out and "snake\\_case" in out and "Mù" in out
    assert "back\\textbackslash{}slash \\{x\\} \\textasciitilde{} \\textasciicircum{} \\$ \\#" in out
    assert "{[}1{]} bracket" in out
    assert "\\textbf{about}" in out
    assert "\\begin{tabular}" in out and "\\toprule" in out and "\\bottomrule" in out
    content = [line for line in out.splitlines() if not line.startswith("\\begin{tabular}")]  # >{..} is ours
    assert not [line for line in content if "<" in line or ">" in line]


def test_latex_long_table_repeats_header_and_widths_fit():
    out = render([make_table(40)], "latex").decode()
    assert "\\begin{longtable}" in out and "\\begin{tabular}" not in out
    assert out.index("\\endfirsthead") < out.index("\\endhead") < out.index("\\end{longtable}")
    assert out.count("\\textbf{Key \\& \\#}") == 2  # the header, again for each later page
    shares = [float(x) for x in re.findall(r"p\{\\dimexpr ([0-9.]+)\\linewidth", out)]
    assert len(shares) == 3 and 0.9 <= sum(shares) <= 1.001


def test_latex_wide_grid_wraps_its_headers():
    out = render([wide_grid()], "latex").decode()
    spec = out.split("\\begin{tabular}{", 1)[1].split("\n", 1)[0]
    shares = [float(x) for x in re.findall(r"([0-9.]+)\\linewidth", spec)]
    assert len(shares) == 13 and sum(shares) <= 1.001  # every column wraps, all within the line
    assert "\\footnotesize" in out and "\\ensuremath{\\surd}" in out  # small type; a check mark pdflatex knows


def test_alignment_follows_the_cells():
    columns = [Column("a", "A"), Column("n", "N", kind="number"), Column("m", "Mark", kind="number")]
    rows = [{"a": text_cell("x"), "n": number_cell(2), "m": text_cell("✓")}]
    table = Table("themes", "T", columns, rows)
    assert "| --- | ---: | :---: |" in render([table], "markdown").decode()
    html_out = render([table], "html").decode()
    assert '<td class="num" data-value="2">2</td>' in html_out and '<td class="center">✓</td>' in html_out


def test_table_without_columns_or_rows():
    empty = Table("matrix", "Nothing yet", [], notes=["No papers match."])
    for fmt in FORMATS:
        assert render([empty], fmt)
    assert "No papers match." in render([empty], "markdown").decode()


def _latex_engine() -> str | None:
    for engine in ("pdflatex", "lualatex", "xelatex"):
        if shutil.which(engine):
            return engine
    return None


@pytest.mark.skipif(_latex_engine() is None, reason="no pdflatex, lualatex or xelatex on PATH")
def test_latex_document_compiles(tmp_path):
    from litreview.render.latex import latex_document

    tricky = make_table(40, title=TITLE)
    tricky.rows[0]["key"] = text_cell("*starts a row")
    document = latex_document([tricky, make_table(5, "Short"), wide_grid()])
    (tmp_path / "tables.tex").write_text(document, encoding="utf-8")
    engine = _latex_engine()
    assert engine
    done = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", "tables.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert (tmp_path / "tables.pdf").stat().st_size > 0


# --- html -------------------------------------------------------------------------------------


def test_html_escapes_and_is_self_contained():
    out = render([make_table(len(TRICKY))], "html").decode()
    assert out.startswith("<!doctype html>") and '<meta charset="utf-8">' in out
    assert out.count("<script") == 1  # only the page's own script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "A &amp; B" in out and "Mù" in out and "a | b" in out
    assert "<mark>about</mark>" in out
    for reference in ("src=", "href=", "@import", "url(", "http://", "https://"):
        assert reference not in out.replace("http://example.invalid", ""), reference
    assert "<tfoot>" in out and out.index("<tfoot>") > out.index("</tbody>")
    assert 'data-value="1.5"' in out


def test_html_policy_hashes_match_the_inline_code():
    import base64
    import hashlib

    out = render([make_table()], "html").decode()
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", out, re.S)
        assert body
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in out


def test_html_sorts_in_a_real_browser(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    page = tmp_path / "table.html"
    page.write_bytes(render([small_sort_table(), make_table(6)], "html"))
    browser.get(page.as_uri())

    def first_keys() -> list[str]:
        rows = browser.find_elements(By.CSS_SELECTOR, "#table-1 tbody tr")
        return [row.find_elements(By.TAG_NAME, "td")[0].text for row in rows]

    assert browser.find_element(By.CSS_SELECTOR, "#table-1 h2").text == SCRIPT  # shown, not run
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert first_keys() == ["cobis2023", "munadi2023", "arif2024", "Budi2022"]

    papers, key = browser.find_elements(By.CSS_SELECTOR, "#table-1 thead th")[::-1]
    papers.click()
    assert first_keys() == ["munadi2023", "Budi2022", "cobis2023", "arif2024"]
    assert papers.get_attribute("aria-sort") == "ascending" and key.get_attribute("aria-sort") == "none"
    papers.click()
    assert first_keys() == ["arif2024", "cobis2023", "Budi2022", "munadi2023"]
    assert papers.get_attribute("aria-sort") == "descending"
    key.click()  # text: locale order, case-insensitive
    assert first_keys() == ["arif2024", "Budi2022", "cobis2023", "munadi2023"]
    assert key.get_attribute("aria-sort") == "ascending" and papers.get_attribute("aria-sort") == "none"
    assert browser.find_element(By.CSS_SELECTOR, "#table-1 tfoot td").text == "Total"  # totals stay put

    problems = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert problems == []  # no script error, no blocked resource or style

    shot = tmp_path / "table.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- docx -------------------------------------------------------------------------------------


def test_docx_reads_back():
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    table = make_table(len(TRICKY) + len(FORMULAS))
    table.rows[0]["key"] = text_cell("nul\x00 and vt\x0b stripped")
    document = docx.Document(io.BytesIO(render([table, make_table(2, "Second")], "docx")))
    captions = ["".join(p._p.xpath(".//w:t/text()")) for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == [f"Table 1. {' '.join(TITLE.split())}", "Table 2. Second"]
    grid = document.tables[0]
    assert [c.text for c in grid.rows[0].cells] == ["Key & #", "N_%", "Evidence"]
    texts = [row.cells[0].text for row in grid.rows[1:-1]]
    assert texts[0] == "nul and vt stripped"
    assert texts[1 : len(TRICKY) + len(FORMULAS)] == (TRICKY + FORMULAS)[1:]
    assert grid.rows[2].cells[1].text == "1.5"
    header_flags = grid.rows[0]._tr.trPr.findall(qn("w:tblHeader"))
    assert len(header_flags) == 1 and header_flags[0].get(qn("w:val")) == "true"
    assert all(run.bold for cell in grid.rows[0].cells for run in cell.paragraphs[0].runs)
    marked = [run.text for run in grid.rows[1].cells[2].paragraphs[0].runs if run.bold]
    assert marked == ["about"]
    assert all(run.bold for cell in grid.rows[-1].cells for run in cell.paragraphs[0].runs)
    assert "Counts include manual tags & edits." in [p.text for p in document.paragraphs]
    assert document.core_properties.author == ""


# --- xlsx -------------------------------------------------------------------------------------


def test_xlsx_reads_back_with_text_kept_as_text():
    openpyxl = pytest.importorskip("openpyxl")
    formula_title = '=HYPERLINK("http://example.invalid","click")'
    table = make_table(len(TRICKY) + len(FORMULAS), title=formula_title)
    table.rows[0]["key"] = text_cell("bell\x07 stripped")
    workbook = openpyxl.load_workbook(io.BytesIO(render([table, make_table(2, formula_title)], "xlsx")))
    assert len(workbook.sheetnames) == 2 and len(set(workbook.sheetnames)) == 2
    for name in workbook.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["Key & #", "N_%", "Evidence"]
    assert all(c.font.b for c in sheet[1])
    assert sheet["A2"].value == "bell stripped"
    for row, text in enumerate((TRICKY + FORMULAS)[1:], start=3):
        cell = sheet.cell(row=row, column=1)
        assert cell.data_type == "s" and cell.value == text
    assert sheet["B3"].value == 1.5 and isinstance(sheet["B4"].value, int)
    total_row = 2 + len(TRICKY) + len(FORMULAS)
    assert sheet.cell(row=total_row, column=1).value == "Total" and sheet.cell(row=total_row, column=1).font.b
    assert sheet.cell(row=total_row, column=2).value == 99
    title_cell = sheet.cell(row=total_row + 2, column=1)
    assert title_cell.value == formula_title and title_cell.data_type == "s"
    assert sheet.cell(row=total_row + 3, column=1).value == "Counts include manual tags & edits."
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width


def test_xlsx_sheet_names():
    from litreview.render.xlsx import sheet_names

    names = sheet_names(["A/B: c*d?", "a/b: C*D?", "", "x" * 40, "x" * 40, "History", "'quoted'"])
    assert names[0] == "AB cd" and names[1] == "ab CD (2)"
    assert names[2] == "Table 3"
    assert len(names[3]) == 31 and len(names[4]) == 31 and names[3] != names[4]
    assert names[5] != "History" and names[6] == "quoted"


def test_a_long_table_is_laid_out_as_a_plain_grid_within_the_width():
    from litreview.render.terminal import PLAIN_ROWS
    from litreview.synthesis.table import Column, Table, number_cell, text_cell

    table = Table(kind="matrix", title="Matriks [uji]", columns=[
        Column("a", "Citation", "text", 12), Column("b", "Findings", "long", 40), Column("n", "Year", "number", 6)])
    for i in range(PLAIN_ROWS + 5):
        table.rows.append({"a": text_cell(f"Cobis & Rusadi, {2000 + i}"),
                           "b": text_cell("Hasil penelitian menunjukkan bahwa kampanye daring efektif " * 3),
                           "n": number_cell(2000 + i)})
    out = render([table], "terminal", width=80).decode("utf-8")
    lines = out.splitlines()
    assert lines[0] == "Matriks [uji]"
    assert all(len(line) <= 80 for line in lines)
    assert sum("Cobis &" in line for line in lines) == PLAIN_ROWS + 5
    assert f"{2000 + PLAIN_ROWS + 4}" in out


def test_csv_long_row_is_written_a_field_at_a_time_as_the_csv_module_writes_it(monkeypatch):
    import litreview.render.csv_render as csv_render

    rows = [["plain", "", 'with "quotes", commas', "line\nbreak", "=formula", 3, None, "end"], [""], ["", ""],
            ["a\rb", "\u201cquoted\u201d; \U0001f600", ""], ["tab\there"]]
    whole = [csv_render.write_rows(rows, delimiter) for delimiter in (",", "\t")]
    monkeypatch.setattr(csv_render, "LONG_ROW", 0)  # every row with text written a field at a time
    assert [csv_render.write_rows(rows, delimiter) for delimiter in (",", "\t")] == whole
