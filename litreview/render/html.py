"""One self-contained HTML page: inline CSS and script, nothing fetched from anywhere.

Every text is escaped; marked words are ``<mark>``. A click on a column header sorts the
body rows by that column (numbers by their ``data-value`` when every cell has one, else a
locale-aware text comparison), a second click reverses the order, and ``aria-sort`` says
which. Totals rows sit in ``<tfoot>`` and never move. A Content-Security-Policy lets only
the page's own style and script (by their hashes) run, so even text that slipped through
unescaped could neither run a script nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from litreview.render import alignment, clean_text, number_text, numeric_value, segments
from litreview.synthesis.table import Cell, Table

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  margin: 1.5rem; color: #1f2328; background: #fff; line-height: 1.45; }
section { margin-bottom: 2.5rem; }
h2 { font-size: 1.2rem; margin: 0 0 .6rem; }
table { border-collapse: separate; border-spacing: 0; width: 100%; font-size: .9rem; }
th, td { padding: .35rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid #d0d7de;
  overflow-wrap: break-word; }
thead th { position: sticky; top: 0; z-index: 1; background: #f0f3f6; border-bottom: 2px solid #8c959f;
  vertical-align: bottom; }
thead th button { all: unset; cursor: pointer; font-weight: 600; }
thead th button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
thead th button::after { content: "\\00a0\\2195"; color: #8c959f; font-weight: 400; }
thead th[aria-sort="ascending"] button::after { content: "\\00a0\\25B2"; color: #1f2328; }
thead th[aria-sort="descending"] button::after { content: "\\00a0\\25BC"; color: #1f2328; }
tbody tr:nth-child(even) { background: #f6f8fa; }
tbody tr:hover { background: #eaeef2; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.center { text-align: center; }
td.long { min-width: 10rem; max-width: 60rem; }
tfoot td { font-weight: 700; border-top: 2px solid #8c959f; }
mark { background: #fff1a8; color: inherit; padding: 0 .1em; border-radius: 2px; }
.note { color: #57606a; font-size: .85rem; margin: .4rem 0 0; }
"""

SCRIPT = """
(function () {
  "use strict";
  var collator = new Intl.Collator(document.documentElement.lang || undefined, {numeric: true, sensitivity: "base"});
  function sortBy(table, th) {
    var heads = Array.prototype.slice.call(th.parentNode.children);
    var index = heads.indexOf(th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var cells = rows.map(function (row) { return row.cells[index]; });
    var numeric = cells.every(function (c) { return c && c.hasAttribute("data-value"); });
    var keyed = rows.map(function (row, i) {
      var cell = cells[i];
      var key = numeric ? parseFloat(cell.getAttribute("data-value")) : (cell ? cell.textContent.trim() : "");
      return {row: row, key: key, order: Number(row.getAttribute("data-order"))};
    });
    keyed.sort(function (a, b) {
      var d = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      if (d === 0) { return a.order - b.order; }
      return ascending ? d : -d;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.addEventListener("click", function () { sortBy(table, th); });
    });
  });
})();
"""


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (
    "default-src 'none'; "
    f"style-src {csp_hash(STYLE)}; "
    f"script-src {csp_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def text_html(text: str) -> str:
    """Plain text as HTML that shows the same characters; line breaks become ``<br>``."""
    return escape(clean_text(text), quote=True).replace("\n", "<br>")


def render_html(tables: list[Table], **options: Any) -> bytes:
    lang = tables[0].lang if tables else "en"
    page_title = " · ".join(clean_text(t.title).replace("\n", " ") for t in tables if t.title) or "litreview"
    parts = [
        "<!doctype html>",
        f'<html lang="{escape(lang, quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="litreview">',
        f"<title>{escape(page_title, quote=True)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    for number, table in enumerate(tables, start=1):
        parts.append(table_section(table, f"table-{number}"))
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def table_section(table: Table, anchor: str) -> str:
    """One table as a ``<section>`` (its title an ``<h2>``), sortable by the page's script."""
    lines = [f'<section id="{anchor}">']
    labelled = ""
    if table.title:
        lines.append(f'<h2 id="{anchor}-title">{text_html(table.title)}</h2>')
        labelled = f' aria-labelledby="{anchor}-title"'
    if table.columns:
        classes = {c.key: _classes(c.kind, alignment(table, c)) for c in table.columns}
        lines.append(f'<table class="sortable"{labelled}>')
        lines.append("<thead><tr>")
        for column in table.columns:
            lines.append(
                f'<th scope="col"{classes[column.key]} aria-sort="none">'
                f'<button type="button">{text_html(column.header)}</button></th>'
            )
        lines.append("</tr></thead>")
        lines.append("<tbody>")
        for order, row in enumerate(table.rows):
            cells = "".join(_td(table.cell(row, c.key), classes[c.key]) for c in table.columns)
            lines.append(f'<tr data-order="{order}">{cells}</tr>')
        lines.append("</tbody>")
        if table.totals:
            lines.append("<tfoot>")
            for row in table.totals:
                cells = "".join(_td(table.cell(row, c.key), classes[c.key]) for c in table.columns)
                lines.append(f"<tr>{cells}</tr>")
            lines.append("</tfoot>")
        lines.append("</table>")
    for note in table.notes:
        lines.append(f'<p class="note">{text_html(note)}</p>')
    lines.append("</section>")
    return "\n".join(lines)


def _classes(kind: str, align: str) -> str:
    if align == "right":
        return ' class="num"'
    if align == "center":
        return ' class="center"'
    if kind == "long":
        return ' class="long"'
    return ""


def _td(cell: Cell, classes: str) -> str:
    value = numeric_value(cell)
    data = f' data-value="{number_text(value)}"' if value is not None else ""
    body = "".join(
        f"<mark>{text_html(piece)}</mark>" if marked else text_html(piece) for piece, marked in segments(cell)
    )
    return f"<td{classes}{data}>{body}</td>"
