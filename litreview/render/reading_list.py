"""A ``ReadingList`` (reading list or citations) in each output format, as bytes.

terminal (rich; italic runs in italics, or plain text for pipes and .txt files),
markdown, html (one self-contained page), docx (python-docx: italic runs are real
italic runs, references with a hanging indent), bibtex and csljson (the papers of
the list, once each, through ``export/``). Paper text never goes through rich
markup or raw into HTML/Markdown: it is escaped, and references are rebuilt from
their runs rather than passed through. The same list gives the same bytes.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from litreview.errors import UsageError
from litreview.i18n import tr
from litreview.render import clean_text
from litreview.synthesis.reading_list import ReadingEntry, ReadingList
from litreview.synthesis.references import Formatted, Run

if TYPE_CHECKING:
    from litreview.render.docx import PageSetup

FORMATS: tuple[str, ...] = ("terminal", "markdown", "html", "docx", "bibtex", "csljson")
_SUFFIXES = {
    ".txt": "terminal", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".docx": "docx", ".bib": "bibtex", ".json": "csljson",
}
BINARY = frozenset({"docx"})
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)


def format_for_path(path: Path) -> str | None:
    """The format an output file's extension asks for, or None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def render_reading_list(reading: ReadingList, fmt: str, *, width: int = 100, color: bool = False,
                        page: PageSetup | None = None) -> bytes:
    """``reading`` in format ``fmt`` (one of ``FORMATS``); width and color matter for terminal only,
    ``page`` (paper, margins, template) for docx only."""
    if fmt == "terminal":
        return render_terminal(reading, width=width, color=color)
    if fmt == "markdown":
        return render_markdown(reading)
    if fmt == "html":
        return render_html(reading)
    if fmt == "docx":
        return render_docx(reading, page)
    if fmt == "bibtex":
        from litreview.export.bibtex import export_bibtex

        return export_bibtex(reading.papers).encode("utf-8")
    if fmt == "csljson":
        from litreview.export.csljson import export_csljson

        return export_csljson(reading.papers).encode("utf-8")
    raise UsageError(tr("unknown output format {fmt}; use one of: {formats}", fmt=repr(fmt),
                        formats=", ".join(FORMATS)))


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def _runs(formatted: Formatted) -> list[Run]:
    out = [Run(clean_text(r.text).replace("\n", " "), r.styles) for r in formatted.runs]
    return [r for r in out if r.text]


def _details(entry: ReadingEntry, reading: ReadingList) -> list[tuple[str, str]]:
    """(label, text) lines under a reference: the annotation, themes, citations."""
    labels = reading.labels
    lines: list[tuple[str, str]] = []
    if entry.annotation:
        lines.append(("", _one_line(entry.annotation.text)))
    if entry.themes:
        lines.append((labels["themes"], ", ".join(entry.themes)))
    if reading.show_scores and entry.score is not None:
        lines.append((labels["score"], f"{entry.score:g}"))
    if entry.parenthetical is not None:
        lines.append((labels["parenthetical"], _one_line(entry.parenthetical.text)))
    if entry.narrative is not None:
        lines.append((labels["narrative"], _one_line(entry.narrative.text)))
    return lines


def _number(entry: ReadingEntry) -> str:
    return f"{entry.number}. " if entry.number else ""


def _heading(group_label: str, count: int, labels: dict[str, str]) -> str:
    return f"{group_label} ({count} {labels['paper'] if count == 1 else labels['papers']})"


# -- terminal ----------------------------------------------------------------------------------
_RICH_STYLES = {"italic": "italic", "bold": "bold", "underline": "underline", "smallcaps": "",
                "superscript": "", "subscript": ""}


def render_terminal(reading: ReadingList, *, width: int = 100, color: bool = False) -> bytes:
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    console = Console(file=io.StringIO(), width=width, height=100, force_terminal=color,
                      color_system="standard" if color else None, force_jupyter=False, force_interactive=False,
                      legacy_windows=False, markup=False, emoji=False, highlight=False, soft_wrap=False)
    with console.capture() as capture:
        console.print(Text(_one_line(reading.title), style="bold"))
        for note in reading.notes:
            console.print(Text(_one_line(note), style="dim"))
        for group in reading.groups:
            console.print()
            if group.label:
                console.print(Text(_heading(_one_line(group.label), len(group.entries), reading.labels),
                                   style="bold"))
            for paragraph in _note_lines(group.notes):
                console.print(Padding(Text(paragraph, style="italic"), (0, 0, 0, 2)))
            for entry in group.entries:
                reference = Text(_number(entry))
                for run in _runs(entry.reference):
                    reference.append(run.text, style=" ".join(filter(None, (_RICH_STYLES.get(s, "")
                                                                             for s in sorted(run.styles)))))
                for number, line in enumerate(reference.wrap(console, max(width - 4, 20))):
                    console.print(Text("  " if number == 0 else "    ") + line)  # a hanging indent
                for label, text in _details(entry, reading):
                    line = Text()
                    if label:
                        line.append(f"{label}: ", style="dim")
                    line.append(text)
                    console.print(Padding(line, (0, 0, 0, 6)))
        if reading.references:
            console.print()
            console.print(Text(_one_line(reading.labels["references"]), style="bold"))
            for formatted in reading.references:
                reference = Text()
                for run in _runs(formatted):
                    reference.append(run.text, style=" ".join(filter(None, (_RICH_STYLES.get(s, "")
                                                                             for s in sorted(run.styles)))))
                for number, line in enumerate(reference.wrap(console, max(width - 4, 20))):
                    console.print(Text("  " if number == 0 else "    ") + line)
    return _rstrip_lines(capture.get()).encode("utf-8")


def _note_lines(notes: str) -> list[str]:
    """A group's notes as paragraphs of one line each (blank lines between paragraphs dropped)."""
    return [" ".join(clean_text(part).split()) for part in re.split(r"\n\s*\n", notes or "") if part.strip()]


def _rstrip_lines(text: str) -> str:
    """rich pads padded lines to the full width; trailing spaces are noise in a file or pipe."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


# -- Markdown ----------------------------------------------------------------------------------
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~|#])")
_MD_BLOCK_START = re.compile(r"^(\d+)([.)])|^([+-])(?=\s)")


def _md_piece(text: str) -> str:
    return _MD_INLINE.sub(r"\\\1", clean_text(text).replace("\n", " "))


def md_escape(text: str) -> str:
    """Plain text made literal in Markdown running text (and at the start of a line)."""
    return _md_start(_md_piece(_one_line(text)))


def _md_start(text: str) -> str:
    """A line starting "1." or "- " would begin a list: escape that."""
    return _MD_BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}",
                               text)


def md_runs(runs: list[Run]) -> str:
    """Runs as Markdown: italic runs in ``*...*``, bold in ``**...**`` (white space kept outside)."""
    out = []
    for run in runs:
        text = _md_piece(run.text)
        marks = ("**" if "bold" in run.styles else "") + ("*" if "italic" in run.styles else "")
        core = text.strip()
        if marks and core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            text = f"{lead}{marks}{core}{marks[::-1]}{trail}"
        out.append(text)
    return _md_start(re.sub(r"\s+", " ", "".join(out)).strip())


def render_markdown(reading: ReadingList) -> bytes:
    lines = [f"# {md_escape(reading.title)}", ""]
    for note in reading.notes:
        lines += [md_escape(note), ""]
    for group in reading.groups:
        if group.label:
            lines += [f"## {md_escape(_heading(group.label, len(group.entries), reading.labels))}", ""]
        for line in _note_lines(group.notes):
            lines += [md_escape(line), ""]
        for entry in group.entries:
            lines.append(f"{entry.number}. " + md_runs(_runs(entry.reference)) if entry.number
                         else f"- {md_runs(_runs(entry.reference))}")
            for label, text in _details(entry, reading):
                prefix = f"*{md_escape(label)}:* " if label else ""
                lines.append(f"  {prefix}{md_escape(text)}" if label else f"  {md_escape(text)}")
            lines.append("")
    if reading.references:
        lines += [f"## {md_escape(reading.labels['references'])}", ""]
        for formatted in reading.references:
            lines += [md_runs(_runs(formatted)), ""]
    return ("\n".join(_md_breaks(lines)).rstrip() + "\n").encode("utf-8")


def _md_breaks(lines: list[str]) -> list[str]:
    """A hard line break (two spaces) at the end of each line that another line of the same item
    follows, so reference, annotation and themes stay on lines of their own."""
    out = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line + "  " if line and after.startswith("  ") else line)
    return out


# -- HTML --------------------------------------------------------------------------------------
STYLE = """
body { font-family: Georgia, "Times New Roman", serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
  color: #1f2328; background: #fff; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #d0d7de; }
.meta { color: #57606a; font-size: .9rem; margin-top: 0; }
.entry { margin: 0 0 1rem; }
.reference { margin: 0; padding-left: 2em; text-indent: -2em; }
.detail { margin: .2rem 0 0 2em; font-size: .92rem; }
.detail .label { color: #57606a; }
.annotation { color: #24292f; }
.notes { font-style: italic; }
"""

_HTML_TAGS = {"italic": "i", "bold": "b", "underline": "u", "superscript": "sup", "subscript": "sub"}


def html_runs(runs: list[Run]) -> str:
    """Runs as escaped HTML with their styling (only these few tags; nothing of the source passes)."""
    out = []
    for run in runs:
        text = escape(run.text, quote=False)
        for style in sorted(run.styles):
            if style == "smallcaps":
                text = f'<span style="font-variant:small-caps">{text}</span>'
            elif style in _HTML_TAGS:
                text = f"<{_HTML_TAGS[style]}>{text}</{_HTML_TAGS[style]}>"
        out.append(text)
    return "".join(out)


def render_html(reading: ReadingList) -> bytes:
    lang = "id" if reading.lang == "id" else "en"
    title = escape(_one_line(reading.title))
    parts = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>",
        f"<style>{STYLE}</style>", "</head>", "<body>", f"<h1>{title}</h1>", html_body(reading),
        "</body>", "</html>", "",
    ]
    return "\n".join(parts).encode("utf-8")


def html_body(reading: ReadingList, level: str = "h2") -> str:
    """The list's notes and groups as an HTML fragment (for a page of its own or the review report)."""
    parts = [f'<p class="meta">{escape(_one_line(note))}</p>' for note in reading.notes]
    for group in reading.groups:
        parts.append("<section>")
        if group.label:
            heading = _heading(_one_line(group.label), len(group.entries), reading.labels)
            parts.append(f"<{level}>{escape(heading)}</{level}>")
        parts += [f'<p class="notes">{escape(line)}</p>' for line in _note_lines(group.notes)]
        for entry in group.entries:
            parts.append(f'<div class="entry" id="{_anchor(group.theme, entry.key)}">')
            parts.append(f'<p class="reference">{escape(_number(entry))}{html_runs(_runs(entry.reference))}</p>')
            for label, text in _details(entry, reading):
                if label:
                    parts.append(f'<p class="detail"><span class="label">{escape(label)}:</span> '
                                 f"{escape(text)}</p>")
                else:
                    parts.append(f'<p class="detail annotation">{escape(text)}</p>')
            parts.append("</div>")
        parts.append("</section>")
    if reading.references:
        parts += ['<section class="references">', f"<{level}>{escape(reading.labels['references'])}</{level}>"]
        parts += [f'<p class="reference">{html_runs(_runs(formatted))}</p>' for formatted in reading.references]
        parts.append("</section>")
    return "\n".join(parts)


def _anchor(theme: str, key: str) -> str:
    raw = f"{theme}-{key}" if theme else key
    return escape(re.sub(r"[^A-Za-z0-9_.-]", "_", raw), quote=True)


# -- Word --------------------------------------------------------------------------------------
def render_docx(reading: ReadingList, page: PageSetup | None = None) -> bytes:
    """A4 pages with thesis margins in Times New Roman 12 (or the template's pages and styles):
    numbered references with a hanging indent, their notes, and the reference list at the end."""
    from docx.shared import Pt

    from litreview.render.docx import PageSetup, new_document, save

    document, _ = new_document(page or PageSetup(), reading.lang)
    document.core_properties.title = _one_line(reading.title)[:255]
    reference_style, detail_style = _docx_styles(document)
    document.add_heading(_one_line(reading.title), level=1)
    for note in reading.notes:
        document.add_paragraph(_one_line(note)).runs[0].italic = True
    for group in reading.groups:
        if group.label:
            document.add_heading(_heading(_one_line(group.label), len(group.entries), reading.labels), level=2)
        for line in _note_lines(group.notes):
            document.add_paragraph(line).runs[0].italic = True
        for entry in group.entries:
            last = _styled_paragraph(document, reference_style)
            if entry.number:
                last.add_run(_number(entry))
            for run in _runs(entry.reference):
                _add_run(last, run)
            for label, text in _details(entry, reading):
                last = _styled_paragraph(document, detail_style)
                if label:
                    last.add_run(f"{label}: ").italic = True
                last.add_run(text)
            last.paragraph_format.space_after = Pt(10)  # space between entries
    if reading.references:
        document.add_heading(_one_line(reading.labels["references"]), level=2)
        for formatted in reading.references:
            paragraph = _styled_paragraph(document, reference_style)
            for run in _runs(formatted):
                _add_run(paragraph, run)
            paragraph.paragraph_format.space_after = Pt(6)
    return save(document)


def _styled_paragraph(document: Any, style_id: str) -> Any:
    """A new paragraph in style ``style_id``, set on its XML: python-docx would look the style
    up among all the document's styles for every paragraph."""
    paragraph = document.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def _docx_styles(document: Any) -> tuple[str, str]:
    """Paragraph styles for references (APA's half-inch hanging indent) and the lines under them;
    one style each rather than formatting every paragraph (a long list is written far faster)."""
    from docx.shared import Inches, Pt

    reference = _style(document, "Reference")
    reference.base_style = document.styles["Normal"]
    reference.paragraph_format.left_indent = Inches(0.5)
    reference.paragraph_format.first_line_indent = Inches(-0.5)
    reference.paragraph_format.space_after = Pt(2)
    detail = _style(document, "Reference note")
    detail.base_style = document.styles["Normal"]
    detail.paragraph_format.left_indent = Inches(0.5)
    detail.paragraph_format.space_after = Pt(2)
    return reference.style_id, detail.style_id


def _style(document: Any, name: str) -> Any:
    """The paragraph style ``name``, added unless a template has one already."""
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def _add_run(paragraph: Any, run: Run) -> None:
    added = paragraph.add_run(run.text)
    added.italic = "italic" in run.styles or None
    added.bold = "bold" in run.styles or None
    added.underline = "underline" in run.styles or None
    if "superscript" in run.styles:
        added.font.superscript = True
    if "subscript" in run.styles:
        added.font.subscript = True
    if "smallcaps" in run.styles:
        added.font.small_caps = True

