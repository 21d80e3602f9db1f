"""LaTeX fragments with booktabs rules, to ``\\input`` into a thesis.

A table of up to 25 rows is a ``tabular`` in a ``table`` float with a ``\\caption``; a longer
one, or one whose long cells would make it taller than a page, is a ``longtable`` whose
header repeats on every page. Long-text columns are ragged-right
``p{}`` columns whose widths add up to about ``\\linewidth``. Citation cells cite the papers by
their corpus keys, ``\\citet{cobis2023}`` for one paper and ``\\citep{a,b}`` for several (natbib,
or biblatex with ``natbib=true``), with the keys of the .bib written beside the table; double
quotes become TeX's opening and closing quotes. A comment at the top names the packages the
fragment needs: booktabs, longtable, array, natbib, and a UTF-8 input encoding (inputenc or
fontspec). Unicode text is written as it is (pdflatex knows Latin letters, quotes, dashes and
bullets; scripts and symbols beyond those need xelatex or lualatex), except the check mark.
``latex_document`` wraps the fragment in a minimal article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litreview.render import alignment, clean_text, is_numeric_column, segments
from litreview.synthesis.table import Cell, Column, Table

LONGTABLE_ROWS = 25  # more rows than this (body and totals) make a longtable
_PAGE_LINES = 45  # so do more lines of text than a page holds, once long cells wrap

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    # A row that starts with [ or * after the previous row's \\ would be read as \\[...] or \\*.
    "[": "{[}",
    "]": "{]}",
    # The theme grid's check mark, which pdflatex's inputenc does not know: a radical sign
    # needs no package and looks the part under every engine.
    "\u2713": "\\ensuremath{\\surd}",
    "\u2714": "\\ensuremath{\\surd}",
    # Invisible characters that pdflatex cannot typeset: dropped.
    "\u200b": "",
    "\u2060": "",
    "\ufeff": "",
}
_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _SPECIAL))
_CONTINUED = {"id": "lanjutan"}  # caption suffix on later pages of a longtable, by table language

COMPACT_COLUMNS = 6  # tables with this many columns or more are set in small type, closer together


@dataclass(frozen=True)
class _Type:
    """Type size and the share of ``\\linewidth`` (of a 345pt article text width) that one
    bold letter and a column's padding take up; wrapping cells fit ``line_letters`` per line."""

    size: str  # a font size command, or "" for the document's
    tabcolsep: str  # a \\tabcolsep, or "" for the document's
    letter: float
    padding: float

    def line_letters(self, share: float) -> int:
        return max(int((share - self.padding) / self.letter * 1.3), 1)  # average letters are narrower


_NORMAL = _Type("", "", 0.02, 0.04)
_COMPACT = _Type("\\footnotesize", "4pt", 0.016, 0.025)


_OPENS_AFTER = " \n\t([{\u2014\u2013/-"  # a quote after these (or at the start) opens


def tex_quotes(text: str) -> str:
    """Straight and curly double quotes as TeX's ``...'', a single quote that opens as `."""
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        if ch in "\"\u201c\u201d":
            opens = ch == "\u201c" or (ch == '"' and before in _OPENS_AFTER)
            out.append("``" if opens else "''")
        elif ch in "\u2018'" and (ch == "\u2018" or before in _OPENS_AFTER) and i + 1 < len(text) and \
                not text[i + 1].isspace():
            out.append("`")
        elif ch == "\u2019":
            out.append("'")
        else:
            out.append(ch)
    return "".join(out)


def escape_latex(text: str, newline: str = " ") -> str:
    """Plain text as LaTeX that prints the same characters (quotes as TeX's); line breaks
    become ``newline``."""
    text = clean_text(text).replace("\t", " ")
    text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], text)
    text = tex_quotes(text).replace("--", "-{}-")
    if text.startswith("*"):
        text = "{}" + text
    return text.replace("\n", newline)


_KEY_SAFE = re.compile(r"^[A-Za-z0-9_:.+/-]+$")  # keys \\cite takes as they are (BibTeX writes the same)


def render_latex(tables: list[Table], **options: Any) -> bytes:
    """``bib``: the .bib file the citations' keys are in (named in the leading comment)."""
    bib = options.get("bib")
    return (preamble_comment(tables, str(bib) if bib else None) + latex_fragment(tables)).encode("utf-8")


def latex_fragment(tables: list[Table]) -> str:
    return "\n".join(_table_latex(table) for table in tables)


def cites(tables: list[Table]) -> bool:
    """Whether the tables cite papers by key (and so need natbib and a .bib)."""
    return any(_cite_command(t.cell(row, c.key)) for t in tables for c in t.columns for row in [*t.rows, *t.totals])


def preamble_comment(tables: list[Table], bib: str | None) -> str:
    """The comment that opens a fragment: what to put in the thesis's preamble."""
    lines = ["% Made by litreview. In the preamble:", "%   \\usepackage[utf8]{inputenc} % (not with xelatex/lualatex)",
             "%   \\usepackage[T1]{fontenc}", "%   \\usepackage{booktabs,longtable,array}"]
    if cites(tables):
        stem = Path(bib).stem if bib else "references"
        lines += ["%   \\usepackage[round]{natbib}  % \\citet, \\citep (or biblatex with natbib=true)",
                  f"% and where the references go: \\bibliographystyle{{apalike}} \\bibliography{{{stem}}}"]
        if not bib:
            lines.append("% (the keys are the corpus keys: litreview export --format bibtex -o references.bib)")
    return "\n".join(lines) + "\n"


def latex_document(tables: list[Table], bib: str | None = None) -> str:
    """The fragment in a minimal article that pdflatex (or lualatex, xelatex) compiles; with
    ``bib`` (a .bib file's name), natbib and the reference list from it."""
    citing = cites(tables)
    return (
        "\\documentclass{article}\n"
        "\\usepackage[utf8]{inputenc}\n"
        "\\usepackage[T1]{fontenc}\n"
        "\\usepackage{booktabs,longtable,array}\n"
        + ("\\usepackage[round]{natbib}\n" if citing else "")
        + "\\begin{document}\n"
        f"{latex_fragment(tables)}"
        + (f"\\bibliographystyle{{apalike}}\n\\bibliography{{{Path(bib).stem}}}\n" if citing and bib else "")
        + "\\end{document}\n"
    )


def _cite_command(cell: Cell) -> str:
    """``\\citet{key}`` for a cell citing one paper, ``\\citep{a,b}`` for several; "" when the cell
    cites none or a key \\cite cannot take."""
    if not cell.keys or not all(_KEY_SAFE.match(k) for k in cell.keys):
        return ""
    return f"\\citet{{{cell.keys[0]}}}" if len(cell.keys) == 1 else f"\\citep{{{','.join(cell.keys)}}}"


def _table_latex(table: Table) -> str:
    if not table.columns:
        return _caption_only(table) + _notes(table)
    look = _COMPACT if len(table.columns) >= COMPACT_COLUMNS else _NORMAL
    specs, widths = _column_specs(table, look)
    wraps = [w is not None for w in widths]
    colspec = "".join(specs)
    header = _row(
        [
            _wrap_start(f"\\textbf{{{escape_latex(c.header, _nl(w))}}}", w)
            for c, w in zip(table.columns, wraps, strict=True)
        ]
    )
    body = [_row(_cells(table, row, wraps, bold=False)) for row in table.rows]
    totals = [_row(_cells(table, row, wraps, bold=True)) for row in table.totals]
    if totals:
        body += ["\\midrule", *totals]
    title = escape_latex(table.title)
    setup = look.size + (f"\\setlength{{\\tabcolsep}}{{{look.tabcolsep}}}" if look.tabcolsep else "")
    lines: list[str] = []
    if _too_tall(table, widths, look):
        if setup:
            lines.append(f"\\begingroup{setup}")
        lines.append(f"\\begin{{longtable}}{{{colspec}}}")
        continued = _CONTINUED.get(table.lang, "continued")
        if title:
            lines.append(f"\\caption{{{title}}}\\\\")
        lines += ["\\toprule", header, "\\midrule", "\\endfirsthead"]
        if title:
            lines.append(f"\\caption[]{{{title} ({continued})}}\\\\")
        lines += ["\\toprule", header, "\\midrule", "\\endhead"]
        lines += ["\\midrule", "\\endfoot", "\\bottomrule", "\\endlastfoot"]
        lines += body
        lines.append("\\end{longtable}")
        if setup:
            lines.append("\\endgroup")
        lines.append(_notes(table))
    else:
        lines += ["\\begin{table}[htbp]", "\\centering"]
        if title:
            lines.append(f"\\caption{{{title}}}")
        if setup:
            lines.append(setup)
        lines += [f"\\begin{{tabular}}{{{colspec}}}", "\\toprule", header, "\\midrule", *body]
        lines += ["\\bottomrule", "\\end{tabular}"]
        lines.append(_notes(table, in_float=True))
        lines.append("\\end{table}")
    return "\n".join(line for line in lines if line) + "\n"


def _column_specs(table: Table, look: _Type) -> tuple[list[str], list[float | None]]:
    """Column types and, for wrapping columns, their share of ``\\linewidth``.

    A table without a long column that fits the line keeps natural widths (``l``/``r``/``c``).
    Otherwise every column wraps: number columns (ragged left) get the width of their
    numbers and, room allowing, of their header's longest word; the text columns share
    the rest (see ``_shares``).
    """
    numeric = [is_numeric_column(table, c.key, c.kind) for c in table.columns]
    natural = sum(look.padding + look.letter * _widest(table, c, words=False) for c in table.columns)
    aligns = [alignment(table, c) for c in table.columns]
    if not any(c.kind == "long" for c in table.columns) and natural <= 1.0:
        return [align[0] for align in aligns], [None] * len(numeric)
    text = [c for c, n in zip(table.columns, numeric, strict=True) if not n]
    numbers = [c for c, n in zip(table.columns, numeric, strict=True) if n]
    least = [look.padding + look.letter * max(_widest(table, c, words=False, header=False), 2) for c in numbers]
    want = [
        max(low, look.padding + look.letter * _widest(table, c, words=True))
        for c, low in zip(numbers, least, strict=True)
    ]
    room = 1.0 - 0.12 * len(text)  # what the numbers may take, leaving each text column a little
    if sum(want) > room:  # too many columns: headers break (hyphenated) before numbers do
        extra = sum(w - low for w, low in zip(want, least, strict=True))
        keep = max(room - sum(least), 0.0) / extra if extra else 0.0
        want = [low + (w - low) * keep for w, low in zip(want, least, strict=True)]
    free = max(1.0 - sum(want), 0.12 * len(text))
    shares = iter(_shares(table, text, free, look) if text else [])
    number_shares = iter(want)
    specs: list[str] = []
    widths: list[float | None] = []
    for is_number, align in zip(numeric, aligns, strict=True):
        share = next(number_shares) if is_number else next(shares)
        command = {"left": "\\raggedright", "right": "\\raggedleft", "center": "\\centering"}[align]
        specs.append(f">{{{command}\\arraybackslash}}p{{\\dimexpr {share:.3f}\\linewidth-2\\tabcolsep\\relax}}")
        widths.append(share)
    return specs, widths


def _shares(table: Table, columns: list[Column], free: float, look: _Type) -> list[float]:
    """Split ``free`` (a share of ``\\linewidth``) among wrapping columns.

    Start in proportion to the suggested widths. A column wider than its longest line gives
    the excess back. A column narrower than its longest word (which would stick out) takes
    what it lacks from that pool first, then from the others: text columns down to their
    longest word, long-text columns (which hyphenate) down to 75% of their share.
    Whatever stays in the pool goes to the long-text columns.
    """

    def share_for(letters: int) -> float:
        return look.padding + look.letter * letters

    weight = sum(max(c.width, 1) for c in columns)
    shares = [free * max(c.width, 1) / weight for c in columns]
    line = [share_for(_widest(table, c, words=False)) for c in columns]
    # A word longer than a text column sticks out; long-text columns hyphenate, so ask less.
    word = [min(share_for(_widest(table, c, words=True)), 0.12 if c.kind == "long" else 0.16) for c in columns]
    pool = 0.0
    for i in range(len(columns)):
        if shares[i] > line[i]:
            pool += shares[i] - line[i]
            shares[i] = line[i]
    lacking = [max(word[i] - shares[i], 0.0) for i in range(len(columns))]
    floor = [max(word[i], 0.75 * shares[i]) if c.kind == "long" else word[i] for i, c in enumerate(columns)]
    giving = [max(shares[i] - floor[i], 0.0) for i in range(len(columns))]
    wanted = sum(lacking)
    if wanted:
        from_pool = min(pool, wanted)
        pool -= from_pool
        from_others = min(wanted - from_pool, sum(giving))
        for i in range(len(columns)):
            shares[i] += (from_pool + from_others) * lacking[i] / wanted
            if from_others:
                shares[i] -= from_others * giving[i] / sum(giving)
    longs = [i for i, c in enumerate(columns) if c.kind == "long" and shares[i] < line[i]]
    if pool and longs:
        long_weight = sum(max(columns[i].width, 1) for i in longs)
        for i in longs:
            shares[i] += pool * max(columns[i].width, 1) / long_weight
    return shares


def _widest(table: Table, column: Column, *, words: bool, header: bool = True) -> int:
    """The longest line (or, with ``words``, the longest word) in the column's cells and header."""
    texts = [column.header] if header else []
    texts += [table.cell(row, column.key).text for row in [*table.rows, *table.totals]]
    if words:
        return max((len(word) for text in texts for word in text.split()), default=1)
    return max((len(line) for text in texts for line in text.split("\n")), default=1)


def _too_tall(table: Table, widths: list[float | None], look: _Type) -> bool:
    """Whether the table cannot fit on one page: more than ``LONGTABLE_ROWS`` rows, or more
    lines than a page holds once its long cells wrap (a float taller than a page never prints)."""
    rows = [*table.rows, *table.totals]
    if len(rows) > LONGTABLE_ROWS:
        return True
    lines = 2  # the header
    for row in rows:
        tallest = 1
        for column, share in zip(table.columns, widths, strict=True):
            if share is None:
                continue
            per_line = look.line_letters(share)
            text = clean_text(table.cell(row, column.key).text)
            tallest = max(tallest, sum(-(-max(len(part), 1) // per_line) for part in text.split("\n")))
        lines += tallest
    return lines > _PAGE_LINES


def _nl(wraps: bool) -> str:
    return "\\newline " if wraps else " "


def _cells(table: Table, row: dict[str, Cell], wraps: list[bool], *, bold: bool) -> list[str]:
    out = []
    for column, wrap in zip(table.columns, wraps, strict=True):
        cell = table.cell(row, column.key)
        if bold:
            text = escape_latex(cell.text, _nl(wrap))
            out.append(_wrap_start(f"\\textbf{{{text}}}", wrap) if text else "")
            continue
        command = _cite_command(cell)
        if command:
            out.append(_wrap_start(command, wrap))
            continue
        pieces = []
        for piece, marked in segments(cell):
            text = escape_latex(piece, _nl(wrap))
            pieces.append(f"\\textbf{{{text}}}" if marked else text)
        out.append(_wrap_start("".join(pieces), wrap))
    return out


def _wrap_start(text: str, wraps: bool) -> str:
    """TeX never hyphenates a paragraph's first word; in a narrow wrapping cell it must."""
    return f"\\nobreak\\hspace{{0pt}}{text}" if wraps and text else text


def _row(cells: list[str]) -> str:
    return " & ".join(cells) + " \\\\"


def _caption_only(table: Table) -> str:
    return f"\\paragraph{{{escape_latex(table.title)}}}\n" if table.title else ""


def _notes(table: Table, in_float: bool = False) -> str:
    """Notes in small type under the table, one paragraph per line."""
    if not table.notes:
        return ""
    lines = [f"\\noindent {escape_latex(line)}\\par" for note in table.notes for line in clean_text(note).split("\n")]
    start = "\\begingroup\\footnotesize" + ("\\raggedright" if in_float else "")
    return "\n".join(["\\par\\smallskip", start, *lines, "\\endgroup"])
