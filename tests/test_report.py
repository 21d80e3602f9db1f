"""`litreview report`: one self-contained HTML page, checked as text and in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from litreview.cli import app
from litreview.synthesis.charts import KINDS

HOSTILE = """\
---
title: "<script>alert('judul')</script> Hoaks & Pemilih Pemula"
authors: [{family: Lestari, given: Dewi}]
year: 2024
language: id
---
# Hoaks dan Pemilih Pemula

## Abstrak
Hoaks beredar luas di TikTok menjelang pemilu <b>2024</b>. Berita bohong dan ujaran kebencian menyasar
pemilih pemula. Generasi Z dan kaum milenial paling rentan terhadap hoaks dan disinformasi politik.

## Pendahuluan
Pemilih pemula dan generasi Z aktif di media sosial; hoaks politik menyebar cepat di antara mereka.
"""


def _invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def report_page(tmp_path_factory) -> Path:
    """The report of the sample corpus plus a paper whose title is a script, written once."""
    root = tmp_path_factory.mktemp("report")
    assert _invoke("init", root).exit_code == 0
    (root / "hoaks.md").write_text(HOSTILE, encoding="utf-8")
    result = _invoke("add", ROOT / "corpus", root / "hoaks.md", "-C", root)
    assert result.exit_code == 0, result.output
    page = root / "review.html"
    result = _invoke("report", "-o", page, "-C", root)
    assert result.exit_code == 0, result.output
    return page


def test_report_is_self_contained_and_escaped(report_page):
    html = report_page.read_text(encoding="utf-8")
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert "<b>2024</b>" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    for section in ("overview", "charts", "synthesis", "grid", "evidence", "reading", "prisma"):
        assert f'<section id="{section}"' in html, section
    figures = re.findall(r'<figure class="chart" id="chart-([\w-]+)">\s*<svg[^>]*>\s*<title>([^<]+)</title>', html)
    assert {kind for kind, _ in figures} == set(KINDS)  # every kind drawn on the sample corpus
    assert all("Source: litreview corpus, 9 papers" in title for _, title in figures)
    assert "break-before: page" in html and "size: A4" in html


def test_report_in_indonesian_and_bad_input(run, tmp_path):
    assert run("init").exit_code == 0
    result = run("report", "-o", "laporan.html")
    assert result.exit_code == 1 and "the corpus has no papers" in result.stderr
    assert not (tmp_path / "laporan.html").exists()
    result = run("report", "-o", "laporan.pdf")
    assert result.exit_code == 2 and "name it .html" in result.stderr
    result = run("report", "-o", tmp_path / "none" / "laporan.html")
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert run("add", "--no-tag", ROOT / "corpus" / "pemilu2024.bib").exit_code == 0
    result = run("report", "-o", "laporan.html", "--lang", "id")  # untagged: the charts it can draw
    assert result.exit_code == 0, result.output
    assert "catatan: grafik themes tidak dimuat: belum ada artikel yang diberi tema" in result.stderr
    html = (tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in html and "Laporan tinjauan pustaka" in html and 'id="chart-years"' in html
    assert '<section id="evidence"' not in html


def test_report_in_a_real_browser(report_page, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(report_page.as_uri())
    assert browser.get_log("browser") == [] or not [
        e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    svgs = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    assert len(svgs) == len(KINDS)
    for svg in svgs:
        assert svg.is_displayed() and svg.size["width"] > 200 and svg.size["height"] > 100
        assert svg.find_element(By.TAG_NAME, "title").get_attribute("textContent").strip()
    for image in browser.find_elements(By.TAG_NAME, "img"):
        assert image.get_attribute("alt")
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#evidence-table tbody td:nth-child(2)")]
    assert any("Lestari" in t for t in titles)
    hostile = browser.find_element(By.CSS_SELECTOR, "#reading").text
    assert "<script>alert(\u2018judul\u2019)</script> Hoaks & Pemilih Pemula" in hostile  # shown as text, not run

    rows = browser.find_elements(By.CSS_SELECTOR, "#evidence-table tbody tr")
    assert all(r.is_displayed() for r in rows)
    select = Select(browser.find_element(By.CSS_SELECTOR, "#evidence-filters select[name=theme]"))
    select.select_by_value("youth")
    visible = [r for r in rows if r.is_displayed()]
    assert 0 < len(visible) < len(rows)
    assert {r.get_attribute("data-theme") for r in visible} == {"youth"}
    assert browser.find_element(By.ID, "evidence-count").text == f"{len(visible)} / {len(rows)}"
    Select(browser.find_element(By.CSS_SELECTOR, "#evidence-filters select[name=year]")).select_by_value("2023")
    assert all(r.get_attribute("data-year") == "2023" for r in rows if r.is_displayed())
    select.select_by_value("")
    problems = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert problems == []
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_without_javascript_shows_every_row(report_page, browser_without_js):
    from selenium.webdriver.common.by import By

    browser_without_js.get(report_page.as_uri())
    rows = browser_without_js.find_elements(By.CSS_SELECTOR, "#evidence-table tbody tr")
    html = report_page.read_text(encoding="utf-8")
    assert rows and len(rows) == html.count("<tr data-order=", html.index('id="evidence-table"'),
                                            html.index('<section id="reading"'))
    assert all(r.is_displayed() for r in rows)
    assert not browser_without_js.find_element(By.ID, "evidence-filters").is_displayed()  # no dead controls
    assert all(svg.is_displayed() for svg in browser_without_js.find_elements(By.CSS_SELECTOR, "figure.chart svg"))


_CONTRAST_SCRIPT = """
function rgba(text) {
  const m = text.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return null;
  const p = m[1].split(',').map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function background(el) {
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c && c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
const out = [];
for (const el of document.querySelectorAll('main *')) {
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || el.closest('svg')) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  out.push([rgba(style.color), background(el), el.tagName, el.textContent.trim().slice(0, 40)]);
}
return out;
"""


def _luminance(rgb) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_report_text_has_enough_contrast(report_page, browser):
    """WCAG AA: every piece of text in the page stands out from its background at 4.5:1 or more."""
    browser.get(report_page.as_uri())
    pairs = browser.execute_script(_CONTRAST_SCRIPT)
    assert len(pairs) > 50
    low = []
    for color, back, tag, text in pairs:
        lighter, darker = sorted((_luminance(color), _luminance(back)), reverse=True)
        ratio = (lighter + 0.05) / (darker + 0.05)
        if ratio < 4.5:
            low.append((round(ratio, 2), tag, text))
    assert low == []
