"""Word documents (python-docx) that go into a thesis as they are.

Pages are A4 (or US Letter) with the margins Indonesian thesis guides ask for, 4 cm on the
binding side and 3 cm elsewhere, set in Times New Roman 12; or the pages, fonts and styles of
the user's own template (``template=thesis.docx``). Each table has a numbered caption above it
("Table 1. Literature matrix", "Tabel 1. Matriks literatur", numbered by a SEQ field that Word
renumbers), a header row that repeats on every page, bold marked words and totals, and notes
in italics below. A table too wide for a portrait page gets a landscape section of its own, its
binding margin at the top.

Column widths are measured from the content with the font's metrics (``render/metrics.py``):
every column is at least as wide as its longest word, so Word never breaks a word or a year
across lines; what is left goes to the columns with the most text. When the words do not fit
the type gets smaller (down to 8 pt), and number columns whose headers are much wider than
their numbers (the theme grid) get headers turned on their side. Dates, author and zip
timestamps are fixed so the same tables give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from litreview.errors import UsageError, ValidationError
from litreview.i18n import tr
from litreview.render import alignment, clean_text, is_numeric_column, segments, stable_zip
from litreview.render.metrics import family_for, text_width
from litreview.synthesis.table import Table

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
PAPERS = {"a4": (21.0, 29.7), "letter": (21.59, 27.94)}  # width, height in cm
DEFAULT_MARGINS = (4.0, 3.0, 3.0, 3.0)  # cm: left (binding), top, right, bottom
BODY_FONT = "Times New Roman"
BODY_SIZE = 12.0
TABLE_SIZES = (10.0, 9.0, 8.0)  # pt: table type, largest first, as far as the words need
CELL_PADDING = 2 * 5.4 + 2.0  # pt: Word's default left and right cell margins (0.19 cm), and some slack
LONG_WANTS = 16.0  # ems (160 pt in 10 pt type, some 35 letters): a readable width for a long-text column
CAPTION_WORDS = {"en": "Table", "id": "Tabel"}
_CM = 360000  # EMU per cm
_PT = 12700  # EMU per point


@dataclass(frozen=True)
class PageSetup:
    """The page and type of a Word document. ``paper`` and ``margins`` left as None mean A4 and
    4-3-3-3 cm, or, with a ``template``, whatever the template's first section says."""

    paper: str | None = None  # "a4" or "letter"
    margins: tuple[float, float, float, float] | None = None  # cm: left, top, right, bottom
    template: Path | None = None

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> PageSetup:
        setup = options.get("page")
        return setup if isinstance(setup, PageSetup) else cls()


def parse_paper(text: str | None) -> str | None:
    if text is None:
        return None
    paper = text.strip().lower()
    if paper not in PAPERS:
        raise UsageError(tr("--paper {value}: choose a4 or letter", value=repr(text)))
    return paper


def parse_margins(text: str | None) -> tuple[float, float, float, float] | None:
    """"4,3,3,3" (cm: left, top, right, bottom; one number for all four) as numbers."""
    if text is None:
        return None
    parts = [p.strip().lower().removesuffix("cm").strip() for p in text.split(",")]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise UsageError(tr("--margins {value}: give centimetres as left,top,right,bottom, e.g. 4,3,3,3",
                              value=repr(text))) from None
    if len(values) == 1:
        values *= 4
    if len(values) != 4 or not all(0 <= v <= 8 for v in values):
        raise UsageError(tr("--margins {value}: give four numbers of centimetres from 0 to 8 "
                            "(left,top,right,bottom), e.g. 4,3,3,3", value=repr(text)))
    return values[0], values[1], values[2], values[3]


# -- the document ------------------------------------------------------------------------------
def new_document(setup: PageSetup, lang: str = "en") -> tuple[Any, str]:
    """A blank document on the setup's pages, and the font family ("serif"/"sans") its text is in."""
    if setup.template is not None:
        document = _open_template(setup.template)
        family = family_for(_normal_font(document))
    else:
        from docx import Document

        document = Document()
        _times(document)
        family = "serif"
    section = document.sections[0]
    if setup.paper is not None or setup.template is None:
        width, height = PAPERS[setup.paper or "a4"]
        section.page_width, section.page_height = int(width * _CM), int(height * _CM)
    if setup.margins is not None or setup.template is None:
        left, top, right, bottom = setup.margins or DEFAULT_MARGINS
        section.left_margin, section.top_margin = int(left * _CM), int(top * _CM)
        section.right_margin, section.bottom_margin = int(right * _CM), int(bottom * _CM)
    props = document.core_properties
    props.author = props.last_modified_by = props.comments = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.language = "id-ID" if lang == "id" else "en-US"
    return document, family


def save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def _open_template(path: Path) -> Any:
    """The template with its body emptied (its styles, page setup, headers and footers kept)."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise ValidationError(tr("{template}: no such template file; give a Word document (.docx)", template=path))
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValidationError(tr("{path}: not a Word document (.docx) that can be used as a template ({problem}); "
                                 "save it as .docx from Word or LibreOffice", path=path,
                                 problem=type(exc).__name__)) from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _normal_font(document: Any) -> str:
    normal = document.styles["Normal"]
    return str(normal.font.name or "")


def _times(document: Any) -> None:
    """Times New Roman 12 for the text and the headings; black captions in the same type."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Caption"):
        style = document.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), BODY_FONT)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)  # a theme font would win over the name
        if name == "Normal":
            continue
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.size = Pt(BODY_SIZE + (2 if name in ("Heading 1", "Title") else 0))
        if name == "Caption":
            style.font.italic = False
            style.font.bold = False
            style.paragraph_format.space_after = Pt(6)


# -- tables ------------------------------------------------------------------------------------
def render_docx(tables: list[Table], **options: Any) -> bytes:
    setup = PageSetup.from_options(options)
    lang = next((t.lang for t in tables), "en")
    document, family = new_document(setup, lang)
    props = document.core_properties
    props.title = clean_text(" · ".join(t.title for t in tables if t.title)).replace("\n", " ")[:255]
    first = int(options.get("first_number") or 1)
    portrait = _portrait_margins(document.sections[0])
    started = False
    for number, table in enumerate(tables, start=first):
        wide = _wants_landscape(table, _text_width(document.sections[0], landscape=False, margins=portrait), family)
        _orient(document, wide, portrait, new_section=started)
        started = True
        _add_table(document, table, number, family)
    return save(document)


def _portrait_margins(section: Any) -> tuple[int, int, int, int]:
    """The section's margins as on a portrait page (left, top, right, bottom), in EMU."""
    margins = (section.left_margin, section.top_margin, section.right_margin, section.bottom_margin)
    left, top, right, bottom = (int(m or 0) for m in margins)
    if section.page_width > section.page_height:  # a landscape template: turn its margins back
        left, top, right, bottom = top, right, bottom, left
    return left, top, right, bottom


def _text_width(section: Any, *, landscape: bool, margins: tuple[int, int, int, int]) -> float:
    """Points between the margins of a page of the section's paper, turned as asked."""
    short, long = sorted((int(section.page_width), int(section.page_height)))
    left, top, right, bottom = margins
    if landscape:
        return (long - bottom - top) / _PT  # turned: the left margin (binding) is at the top
    return (short - left - right) / _PT


def _orient(document: Any, landscape: bool, margins: tuple[int, int, int, int], *, new_section: bool) -> None:
    """Put the next table on a page turned as asked: the last section if it already is (or if
    nothing is on it yet), else a new section from a new page."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.sections[-1]
    turned = section.page_width > section.page_height
    if turned == landscape:
        if new_section:
            document.add_paragraph()
        return
    if new_section:
        section = document.add_section(WD_SECTION.NEW_PAGE)
    short, long = sorted((int(section.page_width), int(section.page_height)))
    left, top, right, bottom = margins
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long, short
        section.left_margin, section.top_margin, section.right_margin, section.bottom_margin = bottom, left, top, right
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short, long
        section.left_margin, section.top_margin, section.right_margin, section.bottom_margin = left, top, right, bottom


def caption(document: Any, label: str, number: int, title: str) -> None:
    """"Table 1. Title" in the Caption style, its number a SEQ field Word renumbers, kept with
    the table below it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph(style=_caption_style(document))
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(f"{label} ").bold = True
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" SEQ {label} \\* ARABIC ")
    run = OxmlElement("w:r")
    run_props = OxmlElement("w:rPr")
    run_props.append(OxmlElement("w:b"))
    run.append(run_props)
    text = OxmlElement("w:t")
    text.text = str(number)
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(".").bold = True
    if title:
        paragraph.add_run(f" {title}")


def _caption_style(document: Any) -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return document.styles["Caption"]
    except KeyError:  # a template without one
        style = document.styles.add_style("Caption", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        return style


def _add_table(document: Any, table: Table, number: int, family: str) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    caption(document, CAPTION_WORDS.get(table.lang, "Table"), number,
            " ".join(clean_text(table.title).split()))
    if table.columns:
        section = document.sections[-1]
        available = (section.page_width - section.left_margin - section.right_margin) / _PT
        layout = _layout(table, available, family)
        keys = [c.key for c in table.columns]
        aligns = [alignment(table, c) for c in table.columns]
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        _borders(grid)
        widths = [int(w * _PT) for w in layout.widths]
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        header = grid.rows[0]
        _repeat_as_header(header, layout)
        cells = list(zip(aligns, widths, layout.turned, strict=True))
        for cell, column, (align, width, turned) in zip(header.cells, table.columns, cells, strict=True):
            _fill(cell, [(clean_text(column.header), True)], "left" if turned else align, width, layout.size)
            if turned:
                _turn(cell)
        for row in table.rows:
            row_cells = grid.add_row().cells
            for cell, key, (align, width, _) in zip(row_cells, keys, cells, strict=True):
                _fill(cell, segments(table.cell(row, key)), align, width, layout.size)
        for row in table.totals:
            row_cells = grid.add_row().cells
            for cell, key, (align, width, _) in zip(row_cells, keys, cells, strict=True):
                pieces = [(piece, True) for piece, _ in segments(table.cell(row, key))]
                _fill(cell, pieces, align, width, layout.size)
    for note in table.notes:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(clean_text(note))
        run.italic = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _borders(grid: Any) -> None:
    """Single lines around and between all cells, set on the table itself (a template may have
    no "Table Grid" style)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    grid._tbl.tblPr.append(borders)


def _repeat_as_header(row: Any, layout: _Layout) -> None:
    """Mark a table row as a header row, repeated at the top of each page (``w:tblHeader``); with
    turned headers, tall enough for the longest of them."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    if layout.header_height:
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(int(layout.header_height * 20)))  # twentieths of a point
        height.set(qn("w:hRule"), "atLeast")
        tr_pr.append(height)
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _turn(cell: Any) -> None:
    """Text in the cell read from the bottom up, sitting on the cell's bottom edge."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    tc_pr.append(direction)
    v_align = OxmlElement("w:vAlign")
    v_align.set(qn("w:val"), "bottom")
    tc_pr.append(v_align)


def _fill(cell: Any, pieces: list[tuple[str, bool]], align: str, width: int, points: float) -> None:
    """Write (text, bold) pieces into a table cell's first paragraph, in ``points`` type."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, bold in pieces:
        run = paragraph.add_run(text)  # python-docx turns "\n" into a line break and "\t" into a tab
        run.font.size = Pt(points)
        if bold:
            run.bold = True


# -- column widths -----------------------------------------------------------------------------
@dataclass
class _Layout:
    size: float  # pt
    widths: list[float]  # pt
    turned: list[bool]  # headers set on their side
    header_height: float = 0.0  # pt, when some headers are turned


@dataclass
class _Measures:
    least: list[float]  # the longest word (or number) of each column
    natural: list[float]  # the longest line of each column, unwrapped
    turned_least: list[float]  # the least width with the header on its side
    header_lines: list[float]  # each header on one line


def _measure(table: Table, size: float, family: str) -> _Measures:
    rows = [*table.rows, *table.totals]
    line_height = size * 1.25
    least, natural, turned_least, header_lines = [], [], [], []
    for column in table.columns:
        texts = [clean_text(table.cell(row, column.key).text) for row in rows]
        header = clean_text(column.header)
        body_word = max((text_width(w, size, family) for t in texts for w in t.split()), default=0.0)
        header_word = max((text_width(w, size, family, bold=True) for w in header.split()), default=0.0)
        body_line = max((text_width(line, size, family) for t in texts for line in t.split("\n")), default=0.0)
        header_line = max((text_width(line, size, family, bold=True) for line in header.split("\n")), default=0.0)
        least.append(max(body_word, header_word) + CELL_PADDING)
        natural.append(max(body_line, header_line) + CELL_PADDING)
        turned_least.append(max(body_word, line_height) + CELL_PADDING)
        header_lines.append(header_line)
    return _Measures(least, natural, turned_least, header_lines)


def _wants_landscape(table: Table, portrait_width: float, family: str) -> bool:
    """Whether the table needs the long side of the page: its short columns unwrapped and
    its long-text columns at a readable width do not fit a portrait page."""
    if not table.columns:
        return False
    found = _measure(table, TABLE_SIZES[0], family)
    wants = [
        max(low, min(nat, LONG_WANTS * TABLE_SIZES[0])) if column.kind == "long" else nat
        for column, low, nat in zip(table.columns, found.least, found.natural, strict=True)
    ]
    return sum(wants) > portrait_width


def _layout(table: Table, available: float, family: str) -> _Layout:
    """Type size and column widths (pt) for ``available`` points. The largest size at which every
    column gets what it wants (short columns their line, up to a fifth of the width; long-text
    columns a readable width); else the smallest size at which every column holds its longest
    word. Number columns whose headers are wider than their numbers have those headers turned
    only when the words do not fit otherwise. Failing all, the smallest size, scaled to fit."""
    numeric = [is_numeric_column(table, c.key, c.kind) for c in table.columns]
    long = [c.kind == "long" for c in table.columns]
    fallback: _Layout | None = None
    for turn in (False, True) if any(numeric) else (False,):
        for size in TABLE_SIZES:
            found = _measure(table, size, family)
            turned = [turn and n and t < low
                      for n, t, low in zip(numeric, found.turned_least, found.least, strict=True)]
            least = [t if flag else low for flag, t, low in zip(turned, found.turned_least, found.least, strict=True)]
            if sum(least) > available:
                continue
            natural = [max(t, low) if flag else nat
                       for flag, t, low, nat in zip(turned, found.turned_least, least, found.natural, strict=True)]
            wants = [max(low, min(nat, LONG_WANTS * size if is_long else SHORT_SHARE * available))
                     for low, nat, is_long in zip(least, natural, long, strict=True)]
            height = max((h for h, flag in zip(found.header_lines, turned, strict=True) if flag), default=0.0)
            layout = _Layout(size, _share(least, wants, natural, available, long), turned,
                             header_height=height + CELL_PADDING if height else 0.0)
            if sum(wants) <= available:
                return layout
            fallback = layout  # the smallest size at which the words fit, so far
        if fallback is not None:
            return fallback
    found = _measure(table, TABLE_SIZES[-1], family)
    scale = available / sum(found.least)
    return _Layout(TABLE_SIZES[-1], [w * scale for w in found.least], [False] * len(found.least))


SHORT_SHARE = 0.12  # a short column wants at most this share of the line


def _share(least: list[float], wants: list[float], natural: list[float], available: float,
           long: list[bool]) -> list[float]:
    """Widths that add up to ``available``. When every column fits on one line, in proportion to
    its line. When what the columns want fits, each gets it and the rest goes to the long-text
    columns (or, without them, to all) in proportion to what more their longest line asks for.
    Otherwise each gets its least and an equal part of what more it wants."""
    natural = [max(n, w) for n, w in zip(natural, wants, strict=True)]
    if sum(natural) <= available:
        return [n * available / sum(natural) for n in natural]
    if sum(wants) > available:
        more = [w - low for w, low in zip(wants, least, strict=True)]
        part = (available - sum(least)) / sum(more) if sum(more) else 0.0
        return [low + m * part for low, m in zip(least, more, strict=True)]
    more = [n - w for n, w in zip(natural, wants, strict=True)]
    if any(m > 0 for m, is_long in zip(more, long, strict=True) if is_long):
        more = [m if is_long else 0.0 for m, is_long in zip(more, long, strict=True)]
    spare = available - sum(wants)
    return [w + spare * m / sum(more) for w, m in zip(wants, more, strict=True)]
