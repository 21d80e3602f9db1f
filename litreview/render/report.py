"""The review report as one self-contained HTML page: inline CSS, inline SVG charts, a little
inline script; nothing is fetched, so it opens offline and can be mailed as one file.

Tables come from ``render/html.py`` (sortable by a click on a header) and the reading list from
``render/reading_list.py``. The evidence browser filters its rows by theme, source and year; its
controls are hidden until the script shows them, so without JavaScript every row is simply there.
All paper text is escaped; the Content-Security-Policy lets only the page's own script run (by its
hash). Printed, it is A4 with each section on a new page.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from litreview.render.html import SCRIPT as SORT_SCRIPT
from litreview.render.html import STYLE as TABLE_STYLE
from litreview.render.html import csp_hash, table_section, text_html

if TYPE_CHECKING:
    from litreview.synthesis.charts import Chart
    from litreview.synthesis.report import EvidenceRow, Report

STYLE = TABLE_STYLE + """
body { max-width: 70rem; margin: 0 auto; padding: 1.5rem; }
header h1 { font-size: 1.7rem; margin: 0 0 .4rem; }
nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: 0 0 2rem; list-style: none; }
nav a { color: #0969da; }
/* sections off screen are laid out when scrolled to: a 10,000-paper report opens in well under a second */
main > section { margin-bottom: 3rem; content-visibility: auto; contain-intrinsic-size: auto 60rem; }
main > section > h2 { font-size: 1.35rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.stats { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 1.2rem; }
.stats div { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem; min-width: 8rem; }
.stats dt { color: #57606a; font-size: .85rem; }
.stats dd { margin: 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
figure.chart { margin: 0 0 2rem; }
figure.chart svg { display: block; width: 100%; max-width: 52rem; height: auto; }
#synthesis, #grid, #evidence { overflow-x: auto; }  /* a wide table scrolls in its section, not the page */
.filters { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; align-items: end; margin: .6rem 0 .8rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: #57606a; }
.filters select { font: inherit; color: #1f2328; padding: .2rem; max-width: 22rem; }
.filters output { font-size: .9rem; }
tr[hidden], .filters[hidden] { display: none; }
.reading .entry { margin: 0 0 1rem; }
.reading .reference { margin: 0; padding-left: 2em; text-indent: -2em; }
.reading .detail { margin: .2rem 0 0 2em; font-size: .92rem; }
.reading .detail .label, .reading .meta { color: #57606a; }
.reading h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .filters { display: none; }
  main > section { break-before: page; margin: 0; content-visibility: visible; }
  main > section:first-child { break-before: auto; }
  figure.chart { break-inside: avoid; }
  thead th { position: static; }
  #synthesis, #grid, #evidence { overflow: visible; }  /* on paper a table cannot scroll: it fits the page */
  table { font-size: 7.5pt; }
  th, td { padding: .15rem .3rem; }
  td.long { min-width: 0; max-width: none; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

FILTER_SCRIPT = """
(function () {
  "use strict";
  var box = document.getElementById("evidence-filters");
  var table = document.getElementById("evidence-table");
  if (!box || !table) { return; }
  box.hidden = false;
  var selects = Array.prototype.slice.call(box.querySelectorAll("select"));
  var count = document.getElementById("evidence-count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (s) { return !s.value || row.getAttribute("data-" + s.name) === s.value; });
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + " / " + rows.length;
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  apply();
})();
"""

SCRIPT = SORT_SCRIPT + FILTER_SCRIPT
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "  # matplotlib's SVG styles its shapes inline
    f"script-src {csp_hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'"
)
_SECTIONS = ("overview", "charts", "synthesis", "grid", "evidence", "reading", "prisma")


def render_report(report: Report) -> bytes:
    w = report.words
    parts = [
        "<!doctype html>", f'<html lang="{report.lang}">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="litreview">', f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<header><h1>{escape(report.title)}</h1>", _nav(report), "</header>", "<main>",
        _overview(report), _charts(report),
    ]
    if report.synthesis is not None:
        report.synthesis.title = w["synthesis"]
        parts.append(table_section(report.synthesis, "synthesis"))
    if report.grid is not None:
        report.grid.title = w["grid"]
        parts.append(table_section(report.grid, "grid"))
    if report.evidence:
        parts.append(_evidence(report.evidence, w))
    if report.reading is not None:
        from litreview.render.reading_list import html_body

        parts += ['<section id="reading" class="reading">', f"<h2>{escape(w['reading'])}</h2>",
                  html_body(report.reading, "h3"), "</section>"]
    parts += [_prisma(report), "</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def _present(report: Report) -> list[str]:
    have = {"synthesis": report.synthesis is not None, "grid": report.grid is not None,
            "evidence": bool(report.evidence), "reading": report.reading is not None}
    return [s for s in _SECTIONS if have.get(s, True)]


def _nav(report: Report) -> str:
    w = report.words
    items = "".join(f'<li><a href="#{s}">{escape(w[s])}</a></li>' for s in _present(report))
    return f'<nav aria-label="{escape(w["contents"], quote=True)}"><ol>{items}</ol></nav>'


def _number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "id" else ",")


def _overview(report: Report) -> str:
    w = report.words
    stats = [(w["papers"], report.papers), (w["tagged"], report.tagged), (w["without_text"], report.without_text),
             (w["themes"], sum(1 for t in report.themes if t.discussed))]
    lines = ['<section id="overview">', f"<h2>{escape(w['overview'])}</h2>", '<dl class="stats">']
    lines += [f"<div><dt>{escape(label)}</dt><dd>{_number(n, report.lang)}</dd></div>" for label, n in stats]
    lines.append("</dl>")
    if report.themes:
        lines.append(f'<table class="sortable"><thead><tr><th scope="col" aria-sort="none"><button type="button">'
                     f"{escape(w['theme'])}</button></th>"
                     + "".join(f'<th scope="col" class="num" aria-sort="none"><button type="button">{escape(h)}'
                               "</button></th>" for h in (w["discussed"], w["mentioned"]))
                     + "</tr></thead><tbody>")
        for order, t in enumerate(report.themes):
            lines.append(f'<tr data-order="{order}"><td>{text_html(t.label)}</td>'
                         f'<td class="num" data-value="{t.discussed}">{t.discussed}</td>'
                         f'<td class="num" data-value="{t.mentioned}">{t.mentioned}</td></tr>')
        lines.append("</tbody></table>")
    lines.append("</section>")
    return "\n".join(lines)


def inline_svg(chart: Chart) -> str:
    """The chart as SVG to put inside HTML: no XML prolog, doctype, metadata or style element; its
    ``<title>`` (the alt text) first."""
    from litreview.render.chart import render_chart

    svg = render_chart(chart, "svg").decode("utf-8")
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, count=1, flags=re.S)
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", svg, count=1, flags=re.S)
    return svg


def _figure(chart: Chart) -> str:
    return f'<figure class="chart" id="chart-{escape(chart.kind, quote=True)}">\n{inline_svg(chart)}</figure>'


def _charts(report: Report) -> str:
    w = report.words
    lines = ['<section id="charts">', f"<h2>{escape(w['charts'])}</h2>"]
    lines += [_figure(chart) for chart in report.charts]
    missing = [(k, why) for k, why in report.skipped if k != "prisma"]
    if missing:
        lines.append(f'<p class="note">{escape(w["left_out"])}:</p><ul class="note">')
        lines += [f"<li>{escape(kind)}: {text_html(why)}</li>" for kind, why in missing]
        lines.append("</ul>")
    lines.append("</section>")
    return "\n".join(lines)


def _options(name: str, label: str, values: list[tuple[str, str]], all_label: str) -> str:
    options = "".join(f'<option value="{escape(v, quote=True)}">{text_html(text)}</option>' for v, text in values)
    return (f'<label>{escape(label)}<select name="{name}"><option value="">{escape(all_label)}</option>'
            f"{options}</select></label>")


def _evidence(rows: list[EvidenceRow], w: dict[str, str]) -> str:
    from litreview.synthesis.report import EVIDENCE_PER_THEME

    themes = list(dict.fromkeys((r.theme, r.theme_label) for r in rows))
    sources = sorted({r.source for r in rows if r.source}, key=str.casefold)
    years = sorted({r.year for r in rows}, key=lambda y: (not y.isdigit(), y))
    lines = [
        '<section id="evidence">', f"<h2>{escape(w['evidence'])}</h2>",
        f'<p class="note">{text_html(w["evidence_note"].format(n=EVIDENCE_PER_THEME))}</p>',
        '<div class="filters" id="evidence-filters" hidden>',
        _options("theme", w["theme"], themes, w["all"]),
        _options("source", w["source"], [(s, s) for s in sources], w["all"]),
        _options("year", w["year"], [(y, y) for y in years], w["all"]),
        f'<output id="evidence-count" aria-live="polite"></output> <span class="note">{escape(w["shown"])}</span>',
        "</div>",
        '<table class="sortable" id="evidence-table"><thead><tr>',
    ]
    for header, cls in ((w["theme"], ""), (w["citation"], ""), (w["year"], ' class="num"'), (w["source"], ""),
                        (w["place"], ""), (w["sentence"], ' class="long"')):
        lines.append(f'<th scope="col"{cls} aria-sort="none"><button type="button">{escape(header)}</button></th>')
    lines.append("</tr></thead><tbody>")
    for order, r in enumerate(rows):
        data = (f'data-order="{order}" data-theme="{escape(r.theme, quote=True)}" '
                f'data-source="{escape(r.source, quote=True)}" data-year="{escape(r.year, quote=True)}"')
        lines.append(f"<tr {data}><td>{text_html(r.theme_label)}</td><td>{text_html(r.citation)}</td>"
                     f'<td class="num">{text_html(r.year)}</td><td>{text_html(r.source)}</td>'
                     f'<td>{text_html(r.place)}</td><td class="long">{text_html(r.sentence)}</td></tr>')
    lines += ["</tbody></table>", "</section>"]
    return "\n".join(lines)


def _prisma(report: Report) -> str:
    w = report.words
    ident = report.identification
    lines = ['<section id="prisma">', f"<h2>{escape(w['prisma'])}</h2>"]
    if report.prisma_chart is not None:
        lines.append(_figure(report.prisma_chart))
    lines.append(f'<table class="sortable"><thead><tr><th scope="col" aria-sort="none"><button type="button">'
                 f'{escape(w["database"])}</button></th><th scope="col" class="num" aria-sort="none">'
                 f'<button type="button">{escape(w["records"])}</button></th></tr></thead><tbody>')
    for order, (name, n) in enumerate(ident.by_database):
        lines.append(f'<tr data-order="{order}"><td>{text_html(name)}</td>'
                     f'<td class="num" data-value="{n}">{n}</td></tr>')
    lines += ["</tbody></table>", "</section>"]
    return "\n".join(lines)
