"""Import a PDF: the importer contract, opening the document, and its body text.

The text of every page is read with pypdfium2, cleaned (mojibake,
hyphenation, running headers and footers, page numbers) and joined, with
``page_starts`` recording where each page begins. A file that cannot be read
at all (encrypted, damaged, without pages, blank) raises ImportFailed saying
what to do; a scanned one without a text layer imports with a warning. The
metadata comes from the layout of the first page with text
(:mod:`~litreview.ingest.pdf_layout`, :mod:`~litreview.ingest.pdf_metadata`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import PurePath
from typing import Any

from litreview.errors import ImportFailed
from litreview.i18n import msg
from litreview.ingest.pdf_layout import Line, has_letters, page_lines
from litreview.ingest.pdf_metadata import fill_metadata
from litreview.ingest.pdf_streams import check_streams
from litreview.model import ImportResult, Paper
from litreview.text.clean import clean_field, clean_text, join_hyphenated
from litreview.text.sections import detect_sections

NAME = "pdf"
DESCRIPTION = "PDF"
EXTENSIONS = (".pdf",)

NO_TEXT_WARNING = msg("no text layer (scanned or image-only PDF): run OCR, e.g. ocrmypdf, and add it again")
_NO_PAGES = msg("has no pages; check that the file is complete and add it again")
_DAMAGED = msg("cannot be opened: damaged or not a PDF; download or export it again")
_TEXT_LAYER_LETTERS = 40  # fewer letters than this in a page (or the whole file): no real text
MAX_PARSE_SECONDS = 120.0  # reading one PDF's pages stops past this (checked between pages)


def match(head: bytes, name: str) -> bool:
    """A PDF starts with "%PDF-", possibly after some junk bytes."""
    return b"%PDF-" in head[:1024]


def read(data: bytes, name: str) -> ImportResult:
    """Read one PDF into one Paper. Raises ImportFailed when it cannot be read at all."""
    return ImportResult(papers=[read_pdf(data, name)])


# --------------------------------------------------------------------------- document


def read_pdf(data: bytes, name: str) -> Paper:
    """The Paper in ``data``: text, pages, sections and first-page metadata."""
    check_streams(data, name)  # a decompression bomb is refused before PDFium inflates it
    doc = _open(data, name)
    try:
        pages_count = len(doc)
        if pages_count == 0:
            raise ImportFailed(name, _NO_PAGES)
        paper = Paper(source_format=NAME, source_name=PurePath(name).name, pages_count=pages_count)
        raw_pages, lines, height, first = _read_pages(doc, paper, name)
        if len(paper.warnings) == pages_count:  # not one page could be loaded
            raise ImportFailed(name, _DAMAGED)
        metadata = _metadata_dict(doc)
        if not has_letters("\n".join(raw_pages), _TEXT_LAYER_LETTERS):
            if not _has_content(doc):
                raise ImportFailed(
                    name, msg("has no content, every page is blank; check that it is the right file")
                )
            paper.warnings.append(NO_TEXT_WARNING)
    finally:
        doc.close()
    # A cover sheet is no part of the article: its text is left out (its DOI, which
    # names the article, is still read from it).
    covers = [i for i in range(first) if is_cover_page(raw_pages[i])]
    cover_text = "\n".join(raw_pages[i] for i in covers)
    for i in covers:
        raw_pages[i] = ""
    paper.text, paper.page_starts = _join_pages(clean_pages(raw_pages))
    paper.sections = detect_sections(paper.text, paper.page_starts)
    next_page = raw_pages[first + 1] if first + 1 < len(raw_pages) else ""
    fill_metadata(paper, lines, height, metadata, name, next_page, cover_text)
    return paper


def _open(data: bytes, name: str) -> Any:
    """The PDFium document, or ImportFailed saying why it cannot be opened."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's error code can be left over from an earlier file, so an
        # encryption error counts only when the file has an /Encrypt entry.
        code = getattr(exc, "err_code", None)
        if b"/Encrypt" in data and code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ImportFailed(
                name, msg("is encrypted with a password; remove the password (e.g. print to PDF) and add it again")
            ) from None
        if b"/Encrypt" in data and code == pdfium_c.FPDF_ERR_SECURITY:
            raise ImportFailed(
                name,
                msg("uses an unsupported encryption; remove the protection (e.g. print to PDF) and add it again"),
            ) from None
    except (ValueError, OSError):
        pass
    raise ImportFailed(name, _DAMAGED)


def _read_pages(doc: Any, paper: Paper, name: str) -> tuple[list[str], list[Line], float, int]:
    """Raw text of each page, and the layout lines (and height) of the first page
    with real text among the first three, past a cover sheet. A page that fails to load gives ""
    and a warning. A file whose pages take longer than MAX_PARSE_SECONDS in all
    is refused (ImportFailed), so one pathological PDF cannot hold up a batch.
    The last value is the index of the page the lines come from."""
    import time

    import pypdfium2 as pdfium

    texts: list[str] = []
    lines: list[Line] = []
    height = 0.0
    first = 0
    deadline = time.monotonic() + MAX_PARSE_SECONDS
    for index in range(len(doc)):
        if time.monotonic() > deadline:
            raise ImportFailed(name, msg("reading its pages took longer than the {limit} s limit per file (stopped "
                                         "at page {page} of {pages}); refused", limit=f"{MAX_PARSE_SECONDS:g}",
                                         page=index + 1, pages=len(doc)))
        try:
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if (
                not lines
                and index < 3
                and has_letters(text, _TEXT_LAYER_LETTERS)
                and not (index + 1 < len(doc) and is_cover_page(text))
            ):
                height = page.get_height()
                lines = page_lines(textpage, height)
                first = index
            textpage.close()
            page.close()
        except pdfium.PdfiumError:
            paper.warnings.append(msg("page {page} could not be read; its text is missing", page=index + 1))
            text = ""
        texts.append(text)
    return texts, lines, height, first


_COVER = re.compile(
    r"See discussions, stats,? and author profiles for this publication"
    r"|researchgate\.net/publication/"
    r"|To cite this article:.*(?:tandfonline|Full Terms|Published online)"
    r"|Full Terms (?:&|and) Conditions of access and use"
    r"|This copy is for your personal, non-commercial use only"
    r"|Your use of the JSTOR archive indicates your acceptance"
    r"|Accelerating the world's research"
    r"|Downloaded from https?://www\.academia\.edu",
    re.IGNORECASE | re.DOTALL,
)


def is_cover_page(text: str) -> bool:
    """Is this a cover sheet a repository or publisher put before the article
    (ResearchGate, Academia, JSTOR, Taylor & Francis, Science reprints)? Its
    title, names and dates are not the article's first page."""
    return bool(_COVER.search(text[:4000]))


def _has_content(doc: Any) -> bool:
    """Does any page draw anything (images, paths, text)?"""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    for index in range(len(doc)):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            continue
        count = pdfium_c.FPDFPage_CountObjects(page.raw)
        page.close()
        if count > 0:
            return True
    return False


def _metadata_dict(doc: Any) -> dict[str, str]:
    try:
        return {k: clean_field(v) for k, v in doc.get_metadata_dict(skip_empty=True).items()}
    except Exception:  # a broken info dictionary must not stop the import
        return {}


# --------------------------------------------------------------------------- page text

_PAGE_NUMBER = re.compile(
    r"(?:[-\u2013\u2014]\s*)?\d{1,4}(?:\s*[-\u2013\u2014])?"
    r"|(?:page|halaman|hal\.?)\s*\d{1,4}(?:\s*(?:of|dari)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:of|dari|/)\s*\d{1,4}|[ivxlc]{1,6}",
    re.IGNORECASE,
)
_EDGE_LINES = 3  # lines at each end of a page where running headers and footers stand


def _mask(line: str) -> str:
    """A running line's identity across pages: digits masked, case and spacing folded."""
    return " ".join(re.sub(r"\d+", "#", line.lower()).split())


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers (edge lines that recur, digits masked, on many
    pages) and bare page numbers from each page's lines."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_mask(lines[i]) for i in _edge_indexes(lines)})
    needed = max(2, math.ceil(0.3 * len(pages)))
    out = []
    for lines in pages:
        drop = set()
        for i in _edge_indexes(lines):
            line = lines[i].strip()
            if _PAGE_NUMBER.fullmatch(line) or (len(pages) > 1 and counts[_mask(line)] >= needed):
                drop.add(i)
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def clean_pages(raw_pages: list[str]) -> list[str]:
    """Clean the raw text of each page: repaired, running lines out, hyphenation joined."""
    split = []
    for raw in raw_pages:
        # PDFium marks a hyphen at a line end with U+FFFE and drops the line break;
        # put both back, for join_hyphenated to decide.
        raw = raw.replace("\ufffe", "-\n")
        # PDFium ends lines with CRLF; plain LF makes the repair a third faster.
        split.append(clean_text(raw.replace("\r\n", "\n")).split("\n"))
    pages = [join_hyphenated("\n".join(lines).strip()) for lines in strip_running_lines(split)]
    # A word hyphenated across a page break moves whole onto the next page.
    for i in range(len(pages) - 1):
        tail = _PAGE_END_HYPHEN.search(pages[i][-200:])
        if tail and re.match(r"[a-z\u00e0-\u024f]", pages[i + 1]):
            pages[i] = pages[i][: len(pages[i]) - len(tail.group())].rstrip()
            pages[i + 1] = tail.group(1) + pages[i + 1]
    return pages


_PAGE_END_HYPHEN = re.compile(r"(?<!\S)(\S*\w)[-\u2010]$")


def _join_pages(pages: list[str]) -> tuple[str, list[int]]:
    starts, offset = [], 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 2
    return "\n\n".join(pages), starts
