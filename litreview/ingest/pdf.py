"""Import a PDF: body text with pypdfium2, metadata from the layout of the first page.

The body text of every page is cleaned (mojibake, hyphenation, running
headers and footers, page numbers) and joined, with ``page_starts`` recording
where each page begins. The title is the largest print near the top of the
first page; the authors are the name lines under it; the year, journal and
DOI come from the banner, the dates and the copyright line. Abstracts and
keywords are read from their sections in both languages of bilingual
Indonesian journals. The PDF's own metadata dictionary is used only when the
page gives nothing plausible.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from litreview.errors import ImportFailed
from litreview.model import ImportResult, Paper, Person, Section
from litreview.text.clean import clean_field, clean_text, join_hyphenated
from litreview.text.language import detect_language, language_scores
from litreview.text.sections import detect_sections, section_body, split_keywords

NAME = "pdf"
DESCRIPTION = "PDF"
EXTENSIONS = (".pdf",)

NO_TEXT_WARNING = "no text layer (scanned or image-only PDF): run OCR, e.g. ocrmypdf, and add it again"
_NO_PAGES = "has no pages; check that the file is complete and add it again"
_DAMAGED = "cannot be opened: damaged or not a PDF; download or export it again"
_TEXT_LAYER_LETTERS = 40  # fewer letters than this in a page (or the whole file): no real text


def match(head: bytes, name: str) -> bool:
    """A PDF starts with "%PDF-", possibly after some junk bytes."""
    return b"%PDF-" in head[:1024]


def read(data: bytes, name: str) -> ImportResult:
    """Read one PDF into one Paper. Raises ImportFailed when it cannot be read at all."""
    return ImportResult(papers=[read_pdf(data, name)])


# --------------------------------------------------------------------------- document


def read_pdf(data: bytes, name: str) -> Paper:
    """The Paper in ``data``: text, pages, sections and first-page metadata."""
    doc = _open(data, name)
    try:
        pages_count = len(doc)
        if pages_count == 0:
            raise ImportFailed(name, _NO_PAGES)
        paper = Paper(source_format=NAME, source_name=PurePath(name).name, pages_count=pages_count)
        raw_pages, lines, height = _read_pages(doc, paper)
        if len(paper.warnings) == pages_count:  # not one page could be loaded
            raise ImportFailed(name, _DAMAGED)
        metadata = _metadata_dict(doc)
        if not _has_letters("\n".join(raw_pages), _TEXT_LAYER_LETTERS):
            if not _has_content(doc):
                raise ImportFailed(
                    name, "has no content, every page is blank; check that it is the right file"
                )
            paper.warnings.append(NO_TEXT_WARNING)
    finally:
        doc.close()
    paper.text, paper.page_starts = _join_pages(clean_pages(raw_pages))
    paper.sections = detect_sections(paper.text, paper.page_starts)
    _fill_metadata(paper, lines, height, metadata, name)
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
                name, "is encrypted with a password; remove the password (e.g. print to PDF) and add it again"
            ) from None
        if b"/Encrypt" in data and code == pdfium_c.FPDF_ERR_SECURITY:
            raise ImportFailed(
                name,
                "uses an unsupported encryption; remove the protection (e.g. print to PDF) and add it again",
            ) from None
    except (ValueError, OSError):
        pass
    raise ImportFailed(name, _DAMAGED)


def _read_pages(doc: Any, paper: Paper) -> tuple[list[str], list[Line], float]:
    """Raw text of each page, and the layout lines (and height) of the first page
    with real text among the first three. A page that fails to load gives ""
    and a warning."""
    import pypdfium2 as pdfium

    texts: list[str] = []
    lines: list[Line] = []
    height = 0.0
    for index in range(len(doc)):
        try:
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if not lines and index < 3 and _has_letters(text, _TEXT_LAYER_LETTERS):
                height = page.get_height()
                lines = _rows_to_lines(_fragments(textpage, height))
            textpage.close()
            page.close()
        except pdfium.PdfiumError:
            paper.warnings.append(f"page {index + 1} could not be read; its text is missing")
            text = ""
        texts.append(text)
    return texts, lines, height


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


# --------------------------------------------------------------------------- layout

_Char = tuple[str, float, float, float, float, float]  # (char, size, x0, top, x1, bottom); size 0: space
_SPACE: _Char = (" ", 0.0, 0.0, 0.0, 0.0, 0.0)


@dataclass
class Line:
    """One visual line of the first page: its text, dominant font size and box
    (top-down coordinates). Small (superscript) characters are replaced by "|"
    in ``marked`` and left out of ``plain`` unless they are letters."""

    text: str
    marked: str
    plain: str
    size: float
    top: float
    bottom: float
    x0: float
    x1: float
    weight: int = 0  # visible characters
    vertical: bool = False


@dataclass
class _Fragment:
    chars: list[_Char]
    rotated: bool
    size: float
    top: float
    bottom: float
    x0: float
    x1: float


def _fragments(textpage: Any, height: float) -> list[_Fragment]:
    """Runs of characters on one line, with font size and boxes. PDFium's line
    breaks end a run, and so does a jump to another line it did not mark."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    matrix = pdfium_c.FS_MATRIX()
    box = pdfium_c.FS_RECTF()
    fragments: list[_Fragment] = []
    run = _Run()
    # The font size costs two calls; a character whose font box has the same
    # height as the one before has the same size, so it is looked up on change only.
    box_height, size, rotated = -1.0, 0.0, False
    count = pdfium_c.FPDFText_CountChars(raw)
    i = 0
    while i < count:
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        step = 1
        if code in (10, 13):
            run.close(fragments)
            i += 1
            continue
        if 0xD800 <= code < 0xDC00 and i + 1 < count:  # a surrogate pair is one character
            low = pdfium_c.FPDFText_GetUnicode(raw, i + 1)
            char = chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) if 0xDC00 <= low < 0xE000 else ""
            step = 2
        else:
            char = (
                "-" if code == 0xFFFE else chr(code) if 0 < code < 0xD800 or 0xE000 <= code < 0x110000 else ""
            )
        if not char or char.isspace():
            run.add_space()
        else:
            pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)
            if abs((box.top - box.bottom) - box_height) > 0.01:
                box_height = box.top - box.bottom
                pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
                size = round(pdfium_c.FPDFText_GetFontSize(raw, i) * scale, 1)
                rotated = abs(matrix.b) > abs(matrix.a)
            run.add(
                (char, size, box.left, height - box.top, box.right, height - box.bottom), rotated, fragments
            )
        i += step
    run.close(fragments)
    return fragments


class _Run:
    """The characters of the fragment being built."""

    def __init__(self) -> None:
        self.chars: list[_Char] = []
        self.last: _Char | None = None
        self.rotated = False

    def add_space(self) -> None:
        if self.chars and self.chars[-1][0] != " ":
            self.chars.append(_SPACE)

    def add(self, char: _Char, rotated: bool, fragments: list[_Fragment]) -> None:
        last = self.last
        # Same top and moving right: the same line (the common case, decided cheaply).
        moved = last is not None and (char[3] != last[3] or char[2] < last[2])
        if last is not None and (
            rotated != self.rotated or (moved and not rotated and _new_line(last, char))
        ):
            self.close(fragments)
        if self.last is None:
            self.rotated = rotated
        self.chars.append(char)
        self.last = char

    def close(self, fragments: list[_Fragment]) -> None:
        _close_fragment(self.chars, fragments, self.rotated)
        self.chars, self.last = [], None


def _new_line(prev: _Char, char: _Char) -> bool:
    """Is ``char`` on another line than ``prev`` (no vertical overlap, or far back left)?"""
    overlap = min(prev[5], char[5]) - max(prev[3], char[3])
    if overlap < 0.3 * min(prev[5] - prev[3], char[5] - char[3]):
        return True
    return char[2] < prev[2] - 3 * max(prev[1], char[1], 1.0)


def _dominant_size(chars: list[_Char]) -> float:
    sizes = Counter(c[1] for c in chars if c[1] > 0)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0] if sizes else 0.0


def _close_fragment(chars: list[_Char], fragments: list[_Fragment], rotated: bool) -> None:
    visible = [c for c in chars if c[1] > 0]
    if not visible:
        return
    while chars and chars[-1][0] == " ":
        chars = chars[:-1]
    fragments.append(
        _Fragment(
            chars=chars,
            rotated=rotated,
            size=_dominant_size(visible),
            top=min(c[3] for c in visible),
            bottom=max(c[5] for c in visible),
            x0=min(c[2] for c in visible),
            x1=max(c[4] for c in visible),
        )
    )


def _rows_to_lines(fragments: list[_Fragment]) -> list[Line]:
    """Group fragments that share a baseline band into rows, then split rows at
    wide gaps (columns) into lines. Rotated text stays on lines of its own."""
    rows: list[list[_Fragment]] = [[f] for f in fragments if f.rotated]
    for frag in sorted((f for f in fragments if not f.rotated), key=lambda f: (f.top, f.x0)):
        target = None
        for row in rows[-4:]:
            if row[0].rotated:
                continue
            main = max(row, key=lambda f: f.size)
            overlap = min(main.bottom, frag.bottom) - max(main.top, frag.top)
            if overlap >= 0.5 * min(main.bottom - main.top, frag.bottom - frag.top):
                target = row
        if target is None:
            rows.append([frag])
        else:
            target.append(frag)
    lines = []
    for row in rows:
        row.sort(key=lambda f: f.x0)
        group = [row[0]]
        for frag in row[1:]:
            size = max(f.size for f in group)
            if frag.x0 - group[-1].x1 > 1.0 * max(size, frag.size):
                lines.append(_make_line(group))
                group = []
            group.append(frag)
        lines.append(_make_line(group))
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return lines


def _make_line(group: list[_Fragment]) -> Line:
    chars: list[_Char] = []
    for frag in group:
        if chars and chars[-1][0] != " " and frag.chars[0][0] != " ":
            last_right = max(c[4] for c in chars if c[1] > 0)
            if frag.x0 - last_right > 0.15 * frag.size:
                chars.append(_SPACE)
        chars.extend(frag.chars)
    size = _dominant_size(chars)
    small = [0 < c[1] < 0.8 * size for c in chars]
    text = "".join(c[0] for c in chars)
    marked = "".join("|" if is_small else c[0] for c, is_small in zip(chars, small, strict=True))
    plain = "".join(c[0] for c, is_small in zip(chars, small, strict=True) if not is_small or c[0].isalpha())
    return Line(
        text=" ".join(text.split()),
        marked=" ".join(marked.split()),
        plain=" ".join(plain.split()),
        size=size,
        top=min(f.top for f in group),
        bottom=max(f.bottom for f in group),
        x0=min(f.x0 for f in group),
        x1=max(f.x1 for f in group),
        weight=sum(1 for c in chars if c[1] > 0),
        vertical=any(f.rotated for f in group),
    )


# --------------------------------------------------------------------------- title

_JOURNAL_WORD = re.compile(
    r"\b(?:jurnal|journal|proceedings?|prosiding|seminar|konferensi|conference|conferences|symposium|"
    r"simposium|workshop|transactions|bulletin|buletin|magazine|majalah)\b",
    re.IGNORECASE,
)
_VOLUME_TOKEN = re.compile(
    r"\bvol(?:ume)?\b\.?\s*[\dIVXLC]+|\bno\.?\s*\d+|\bnomor\s*\d+|\bissue\s*\d+|\bedisi\b"
    r"|\(\d{4}\)\s*\d+\s*:|\b\d{4}\s*;\s*\d+|\b\d{4}\s*,\s*\d+\s*,\s*\d+",
    re.IGNORECASE,
)
_BANNER = re.compile(
    r"\bissn\b|\bisbn\b|\bdoi\b|https?://|www\.|\S+@\S+|arxiv:|\breceived\b|\baccepted\b|\bpublished\b"
    r"|\brevised\b|\bditerima\b|\bdirevisi\b|\bdisetujui\b|\bditerbitkan\b|\bcopyright\b|\u00a9"
    r"|\bpage\s+\d|\bhalaman\s+\d|\bhal\.\s*\d|\bhlm\.\s*\d|\bpp\.\s*\d"
    r"|\bavailable online\b|\btersedia online\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?:artikel(?: ilmiah| penelitian| riset| review)?|research(?: article| paper)?"
    r"|original(?: article| research)?|review(?: article)?|accepted manuscript|preprint"
    r"|short (?:communication|paper)|full paper|article"
    r"|open access|makalah|skripsi|tesis|thesis|disertasi|tugas akhir|proposal\b.*|laporan\b.*"
    r"|jurnal|journal)"
    r"\W*",
    re.IGNORECASE,
)
_TITLE_ZONE = 0.45  # the title stands in the upper part of the page
_LETTER = re.compile(r"[^\W\d_]")
_WORD_RUN = re.compile(r"[^\W\d_]+")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _has_letters(text: str, count: int) -> bool:
    """Does ``text`` hold at least ``count`` letters? (Stops counting there.)"""
    seen = 0
    for word in _WORD_RUN.finditer(text):
        seen += len(word.group())
        if seen >= count:
            return True
    return False


def _mostly_upper(text: str) -> bool:
    letters = _LETTER.findall(text)
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _is_banner(text: str) -> bool:
    """Journal banner, running header, date or label: never part of a title."""
    return bool(
        _BANNER.search(text)
        or _VOLUME_TOKEN.search(text)
        or _JOURNAL_WORD.match(text)
        or _LABEL.fullmatch(text)
        or re.fullmatch(r"[\d\W]+", text)
    )


@lru_cache(maxsize=4096)
def _is_heading(text: str) -> bool:
    return bool(detect_sections(text))


def _body_size(lines: list[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += line.weight
    return max(weights.items(), key=lambda kv: (kv[1], -kv[0]))[0] if weights else 0.0


def find_title(lines: list[Line], height: float) -> list[int]:
    """Indexes of the title's lines: the largest print near the top (or, when
    nothing is larger than the body text, the first block in capitals)."""
    body = _body_size(lines)
    candidates = [
        i
        for i, line in enumerate(lines)
        if line.top < _TITLE_ZONE * height
        and not line.vertical
        and _letters(line.text) >= 4
        and line.weight <= 160
        and len(line.text.split()) >= 2
        and not _is_banner(line.text)
        and not _is_heading(line.text)
    ]
    if not candidates:
        return []
    best = max(lines[i].size for i in candidates)
    by_size = best >= body * 1.1
    if by_size:
        seed = next(i for i in candidates if lines[i].size >= best - 0.3)
    else:
        seed = next((i for i in candidates if _mostly_upper(lines[i].text) and lines[i].weight >= 10), -1)
        if seed < 0:
            return []
    block = [seed]
    for j in range(seed + 1, len(lines)):
        line, prev = lines[j], lines[block[-1]]
        if line.vertical or (line.weight <= 2 and line.size < prev.size):
            continue
        if abs(line.size - lines[seed].size) > 0.6 or line.top - prev.bottom > 1.2 * line.size:
            break
        if (_is_banner(line.text) and not _JOURNAL_WORD.match(line.text)) or _LABEL.fullmatch(line.text):
            break
        if _is_heading(line.text) or (not by_size and not _mostly_upper(line.text)):
            break
        block.append(j)
        if len(block) == 6:
            break
    return block


def _join_lines(texts: list[str]) -> str:
    """Lines joined into one field; a line ending in a hyphen runs on."""
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith("-") and not out.endswith(" -"):
            out += text
        else:
            out += " " + text
    out = re.sub(r"\(\s+", "(", out)
    return clean_field(re.sub(r"\s+\)", ")", out))


def _title_text(lines: list[Line], block: list[int]) -> str:
    title = _join_lines([lines[i].plain for i in block])
    return re.sub(r"[\s*\u2020\u2021\u2217\u00a7\u00b6]+$", "", title).rstrip(" .,;")


def find_second_title(lines: list[Line], block: list[int]) -> tuple[str, list[int]]:
    """A title in the other language (or a subtitle) printed under the title: a
    block in one size, smaller than the title and larger than the body text,
    that reads as a sentence (function words, which a list of names lacks)."""
    if not block:
        return "", []
    body = _body_size(lines)
    size = lines[block[0]].size
    found: list[int] = []
    for j in range(block[-1] + 1, min(len(lines), block[-1] + 6)):
        line = lines[j]
        if line.vertical or line.weight <= 2:
            continue
        prev = lines[found[-1] if found else block[-1]]
        if not (body + 0.3 <= line.size < size - 0.2) or line.top - prev.bottom > 1.6 * line.size:
            break
        if found and abs(line.size - lines[found[0]].size) > 0.5:
            break
        if _is_banner(line.text) or _is_heading(line.text):
            break
        found.append(j)
    marked = " | ".join(lines[i].marked for i in found)
    if not found or not _reads_as_sentence(marked):
        return "", []
    return _join_lines([lines[i].plain for i in found]), found


_AFFILIATION = re.compile(
    r"\b(?:universit|institut|school|college|departe?ment|faculty|fakultas|jurusan|program studi|prodi"
    r"|laborator|centre|center|pusat|sekolah|politeknik|polytechnic|akademi|academy|e-?mail|jl\.|jalan)",
    re.IGNORECASE,
)


def _reads_as_sentence(text: str) -> bool:
    """Two or more function words, not counting "and"/"dan" (which also join
    names) nor affiliations ("University of ...")."""
    parts = [p for p in re.split(r"[,;|]", text) if not _AFFILIATION.search(p)]
    rest = re.sub(r"\b(?:dan|and)\b", " ", " ".join(parts), flags=re.IGNORECASE)
    return sum(language_scores(rest)) >= 2


def find_title_above_abstract(lines: list[Line], other_language: str, used: set[int]) -> str:
    """A title in ``other_language`` standing just above that language's abstract
    heading (Indonesian journals often print the English title there)."""
    for i, line in enumerate(lines):
        sections = detect_sections(line.text)
        if not sections or sections[0].kind != "abstract":
            continue
        picked: list[int] = []
        for j in range(i - 1, max(-1, i - 5), -1):
            above = lines[j]
            nearest = lines[picked[-1]] if picked else line
            if j in used or above.vertical or nearest.top - above.bottom > 1.8 * above.size:
                break
            if _is_banner(above.text) or _is_heading(above.text) or above.text.endswith("."):
                break
            picked.append(j)
        if not picked:
            continue
        text = _join_lines([lines[j].plain for j in reversed(picked)])
        if detect_language(text) == other_language and _letters(text) >= 12:
            return text
    return ""


# --------------------------------------------------------------------------- authors

_AUTHOR_LABEL = re.compile(
    r"^(?:disusun\s+oleh|ditulis\s+oleh|oleh|by|penulis|authors?)\s*:?\s*", re.IGNORECASE
)
_NOT_NAME_WORDS = frozenset(
    """universitas university universiteit universität universita università universidad université
    institut institute school sekolah college politeknik polytechnic akademi academy fakultas
    faculty jurusan department departemen dept program prodi studi study laboratory laboratorium lab
    centre center pusat balai kementerian ministry jl jalan street road email e-mail telp tel fax
    phone hp correspondence corresponding author authors abstract abstrak keywords kunci received
    accepted published diterima orcid stmik amik stie stikes uin iain technology teknologi teknik
    sistem informasi informatika ilmu komputer manajemen ekonomi hukum pendidikan kristen islam
    negeri muhammadiyah magister sarjana mahasiswa dosen lecturer student inc ltd gmbh ag corp pt cv
    tbk llc group research riset kampus campus gedung building lantai floor rt rw kecamatan
    kabupaten provinsi province copyright review article artikel jurnal journal volume vol no issn
    doi http https www the of for in on at to with from this that these we our is are was were
    information systems system informatics engineering science sciences computer computing software
    mathematics physics chemistry biology economics management business social political politics
    communication komunikasi sosial politik pemerintahan government laporan ujian semester skripsi
    tugas akhir makalah diajukan syarat mata kuliah how what why when where which who toward towards
    using via through between beyond case analysis analisis evaluation approach framework design""".split()
)
_PLACES = frozenset(
    """indonesia usa uk germany france italy netherlands spain portugal greece china japan korea india
    australia canada malaysia singapore thailand vietnam philippines brunei austria switzerland
    sweden norway denmark finland belgium poland brazil mexico jakarta bandung surabaya yogyakarta
    semarang malang medan makassar padang denpasar bogor depok tangerang bekasi salatiga surakarta
    solo samarinda palembang pontianak banjarmasin manado aceh pekanbaru jambi lampung serang
    cirebon purwokerto jember kediri mataram kupang ambon jayapura tasikmalaya sukabumi karawang""".split()
)
_PARTICLES = frozenset("van von de der den da das dos du la le di bin binti ibn al el ter ten".split())
_DEGREE = re.compile(
    r"(?:(?:[A-Z][a-z]{0,3}\.){1,3}(?:[A-Z][a-zA-Z]{0,4}\.?)?|S\d|Ph\.?D|MBA|MSc|BSc|MA|MM|MT|ST|SE|SH|MH|MPd|SPd"
    r"|SKom|MKom|MSi|SSi|Lc|Dr|Prof|Ir|Drs|Dra)\.?"
)
_TITLE_PREFIX = re.compile(r"^(?:(?:Prof|Dr|Ir|Drs|Dra|dr)\.\s*)+")
_SEPARATORS = re.compile(
    r"[*\u2020\u2021\u2217\u00a7\u00b6\u2666\u2663\u2660\u2665\u25a1\u22c4\u2709\u2022\u00b7#^\u2032]+"
)


def _name_parts(text: str) -> tuple[list[str], bool]:
    """Candidate names in an author line, and whether the line ends open (a
    name may go on on the next line)."""
    s = _AUTHOR_LABEL.sub("", text)
    s = re.sub(r"\S+@\S+|https?://\S+", "|", s)
    s = re.sub(r"(?:\s*[-\u2013]\s*)?\b\d{5,}\b", "|", s)  # student numbers after names
    s = re.sub(
        r"\(\s*\d{1,2}\s*\)|\b\d{1,2}\)|(?<=[^\W\d_])\d{1,2}(?:,\d{1,2})*|(?<![-\w])\d{1,2}(?:,\d{1,2})*\b",
        "|",
        s,
    )
    s = _SEPARATORS.sub("|", s)
    s = re.sub(r"(?:,\s*)?\b(?:dan|and)\b|&", "|", s, flags=re.IGNORECASE)
    open_end = not re.search(r"[|,;]\s*$", s)
    names = []
    for part in re.split(r"[|,;]", s):
        part = _TITLE_PREFIX.sub("", part.strip(" .,;:-\u2013")).strip()
        if part and not all(_DEGREE.fullmatch(w) for w in part.split()):
            names.append(part)
    return names, open_end


def _looks_like_name(part: str, mononym: bool) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in part) or _letters(part) < 2:
        return False
    for k, word in enumerate(words):
        bare = word.strip(".,").lower()
        if bare in _NOT_NAME_WORDS or bare in _PLACES:
            return False
        if k > 0 and bare in _PARTICLES:
            continue
        if not (word[0].isupper() and all(ch.isalpha() or ch in ".'\u2019-" for ch in word)):
            return False
    return len(words) > 1 or (mononym and len(part) >= 3)


def _author_line_names(line: Line, strict: bool = False) -> list[str]:
    """The names an author line starts with ([] when it does not start with one).
    ``strict``: every part must be a name of two words or more."""
    parts, _ = _name_parts(line.marked)
    if not parts:
        return []
    all_names = all(_looks_like_name(p, mononym=True) for p in parts)
    if strict:
        return parts if all_names and all(len(p.split()) > 1 for p in parts) else []
    names = []
    for part in parts:
        if not _looks_like_name(part, mononym=all_names):
            break
        names.append(part)
    return names


def find_authors(lines: list[Line], after: int, limit: float) -> list[str]:
    """Author names from the lines below the title (index ``after`` on), down to
    the abstract or the body text. After a break (an affiliation, another type
    size) only lines made of full names count, so a grid of authors with their
    affiliations under each row is read whole."""
    counts = Counter(line.text for line in lines)
    names: list[str] = []
    author_size = 0.0
    interrupted = False
    open_end = False
    skipped = 0
    for line in lines[after:]:
        if line.top > limit or _is_heading(line.text) or line.weight > 150:
            break
        if line.vertical or line.weight <= 2:
            continue
        if _AUTHOR_LABEL.fullmatch(line.text):
            limit = max(limit, line.bottom + 120)
            continue
        if names and abs(line.size - author_size) > 0.5:
            interrupted = True
        repeated = counts[line.text] > 1  # "UC San Diego" under each author is no name
        found = [] if repeated or _LABEL.fullmatch(line.text) else _author_line_names(line)
        if found and interrupted:
            found = _author_line_names(line, strict=True) if line.size >= author_size - 0.5 else []
        if not found:
            interrupted = interrupted or bool(names)
            skipped += not names
            if skipped > 4:
                break
            continue
        parts, ends_open = _name_parts(line.marked)
        if names and open_end and not interrupted and len(found[0].split()) == 1 and not _starts_closed(line):
            names[-1] = f"{names[-1]} {found[0]}"  # a name broken over two lines
            found = found[1:]
        names.extend(n for n in found if n not in names)
        author_size = author_size or line.size
        open_end = ends_open and len(found) == len(parts)
    return names


def _starts_closed(line: Line) -> bool:
    """Does the line start with a separator (so it cannot continue a name)?"""
    return bool(re.match(r"\s*[|,;&]", _SEPARATORS.sub("|", line.marked)))


def make_person(name: str) -> Person:
    """A Person from a printed name: one word is a literal (Indonesian mononym),
    otherwise the last word is the family name. Names in capitals are title-cased."""
    words = clean_field(name).split()
    if all(w.upper() == w for w in words) and any(len(w) > 2 for w in words):
        words = [w if "." in w else w.title() for w in words]  # "A." stays an initial
    suffix = ""
    if len(words) > 2 and words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv"):
        suffix = words.pop()
    if len(words) == 1:
        return Person(literal=words[0], suffix=suffix)
    family = words[-1]
    rest = words[:-1]
    particle: list[str] = []
    while len(rest) > 1 and rest[-1].lower() in _PARTICLES:
        particle.insert(0, rest.pop())
    return Person(family=family, given=" ".join(rest), particle=" ".join(particle), suffix=suffix)


def _metadata_people(value: str) -> list[Person]:
    """People from the PDF's /Author entry, when it holds real names (not a login)."""
    if not value or "_" in value or any(ch.isdigit() for ch in value):
        return []
    parts = [p.strip() for p in re.split(r";|,|\band\b|&|\bdan\b", value) if p.strip()]
    if not parts or not all(_looks_like_name(p, mononym=False) for p in parts):
        return []
    return [make_person(p) for p in parts]


# --------------------------------------------------------------------------- year, journal, DOI

_YEAR = re.compile(r"(?<![\d.,/])(19[5-9]\d|20[0-4]\d)(?![\d/])")
_NOT_YEAR = re.compile(
    r"\b\d{4}-\d{3}[\dXx]\b|\b10\.\d{4,9}/\S+|https?://\S+|\S+@\S+|\(0\d{2,3}\)\s*[\d-]+|\b\d{5,}\b"
    r"|\b\d+[-\u2013]\d+\b(?!\s*[A-Za-z])"
)
_CITATION = re.compile(r"et al|\b[A-Z][A-Za-z'\u2019-]+,?\s+(?:19|20)\d\d[a-z]?\s*[;)]")
_DATE_LABEL = re.compile(
    r"\b(?:received|revised|accepted|published|available online|diterima|direvisi|disetujui|diterbitkan"
    r"|dipublikasikan|terbit|submitted)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|\bcopyright\b|^c\s|\sc\s|@)\s*(?:[^\d]{0,30}?)((?:19|20)\d\d)", re.IGNORECASE
)
_ARXIV = re.compile(r"arXiv:\S+\s+\[[^\]]+\]\s+\d{1,2}\s+\w{3,9}\s+((?:19|20)\d\d)")
_DATE_LINE = re.compile(
    r"(?:[A-Z][\w .\"\u201c\u201d]*,\s*)?(?:\d{1,2}\s+)?[A-Za-z]{3,10}\.?\s+((?:19|20)\d\d)|((?:19|20)\d\d)"
)


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(_NOT_YEAR.sub(" ", text))]


def _edge_lines(lines: list[Line], height: float, skip: set[int]) -> list[Line]:
    """Lines in the banner or footer zone (and rotated margin stamps), headers first."""
    edge = [
        line
        for i, line in enumerate(lines)
        if i not in skip and (line.top < 0.15 * height or line.bottom > 0.85 * height or line.vertical)
    ]
    return sorted(edge, key=lambda line: line.top > 0.5 * height)


def find_year(lines: list[Line], height: float, skip: set[int]) -> int | None:
    """The publication year from the first page: the journal's volume line first,
    then dates (received, published), copyright, arXiv stamp, other running
    lines and a cover page's date. Never a year cited in the running text."""
    edge = [line for line in _edge_lines(lines, height, skip) if not _CITATION.search(line.text)]
    upper = [line for i, line in enumerate(lines) if i not in skip and line.top < 0.35 * height]
    everywhere = [line for i, line in enumerate(lines) if i not in skip and not _CITATION.search(line.text)]
    for line in edge + upper:
        if _VOLUME_TOKEN.search(line.text) or (_JOURNAL_WORD.search(line.text) and line in edge):
            years = _years(line.text)
            if years:
                return years[0]
    dated = [y for line in everywhere if _DATE_LABEL.search(line.text) for y in _years(line.text)]
    if dated:
        return max(dated)
    for line in everywhere:
        found = _COPYRIGHT.search(line.text) if line in edge or "\u00a9" in line.text else None
        if found:
            return int(found.group(1))
    for line in lines:
        found = _ARXIV.search(line.text)
        if found:
            return int(found.group(1))
    for line in edge:
        years = _years(line.text)
        if years:
            return years[0]
    for line in everywhere:
        found = _DATE_LINE.fullmatch(line.text.strip())
        if found:
            return int(found.group(1) or found.group(2))
    return None


def _metadata_year(metadata: dict[str, str]) -> tuple[int | None, str]:
    """(year, where from) out of the metadata dictionary: an issue named in the
    title or subject ("Jurnal Informatika - Edisi Juni 2009"), else the creation date."""
    for key in ("Title", "Subject"):
        value = metadata.get(key, "")
        if _VOLUME_TOKEN.search(value) or _JOURNAL_WORD.search(value):
            years = _years(value)
            if years:
                return years[0], key
    found = re.match(r"D:((?:19|20)\d\d)", metadata.get("CreationDate", ""))
    return (int(found.group(1)), "CreationDate") if found else (None, "")


_JOURNAL_CUT = re.compile(
    r"\s*(?:,\s*)?(?:\bvol(?:ume)?\b\.?|\bno\.|\bnomor\b|\bissue\b|\b[ep]-?issn\b|\bissn\b|\bpp\.|\bpages\b|\bhal\."
    r"|\bhlm\.|\(\d{4}\)|\b\d{4}\s*[;,]\s*\d|\s\d+\s*,\s*\d|\bdoi\b|:\s*\d)",
    re.IGNORECASE,
)


@dataclass
class Container:
    """Where the paper appeared, as its banner or footer says."""

    name: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    proceedings: bool = False


_PAGES = re.compile(
    r"(?:\bpp\.|\bhlm\.|\bhal\.|\bpages?\b|\bhalaman\b|\(\d{4}\)\s*\d+\s*:)\s*(\d+)\s*[-\u2013~]\s*(\d+)",
    re.IGNORECASE,
)
_PROCEEDINGS = re.compile(
    r"\b(?:proceedings?|prosiding|seminar|konferensi|conference|conferences|symposium|simposium|workshop)\b",
    re.IGNORECASE,
)


def find_container(lines: list[Line], height: float, skip: set[int]) -> Container:
    """Journal or proceedings name, volume, issue and page range from the banner
    or footer of the first page."""
    edge = [line for line in _edge_lines(lines, height, skip) if not line.vertical]
    for k, line in enumerate(edge):
        text = re.sub(r"https?://\S+|\S+\.(?:com|org|net|id)/\S*", " ", line.text)
        text = re.sub(r"^\d+\s+", "", text).strip()
        word = _JOURNAL_WORD.search(text)
        volume = _VOLUME_TOKEN.search(text)
        if not word and not volume:
            continue
        start = word.start() if word and volume and volume.start() < word.start() else 0
        cut = _JOURNAL_CUT.search(text, start + 1)
        name = text[start : cut.start() if cut else len(text)].strip(" ,.:;-\u2013")
        if _letters(name) < 3 or (not word and len(name.split()) < 2):
            continue
        if not volume and k + 1 < len(edge) and edge[k + 1].top - line.bottom < line.size:
            text += " " + edge[k + 1].text  # "Vol. 1, No. 2, ..." on the banner's second line
        vol = re.search(r"\bvol(?:ume)?\.?\s*([0-9]+|[IVXLC]+)\b", text, re.IGNORECASE) or re.search(
            r"\(\d{4}\)\s*(\d+)\s*:|\b\d{4}\s*;\s*(\d+)\s*[:(]|\b\d{4}\s*,\s*(\d+)\s*,", text
        )
        issue = re.search(r"\b(?:no|nomor|issue|number)\.?\s*(\d+)", text, re.IGNORECASE)
        pages = _PAGES.search(text)
        return Container(
            name=clean_field(name),
            volume=next((g for g in vol.groups() if g), "") if vol else "",
            issue=issue.group(1) if issue else "",
            pages=f"{pages.group(1)}-{pages.group(2)}" if pages else "",
            proceedings=bool(_PROCEEDINGS.search(name)),
        )
    return Container()


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_LABELLED = re.compile(r"(?:doi\s*:?\s*|doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def _tidy_doi(doi: str) -> str:
    doi = doi.rstrip(".,;:")
    while (doi.endswith(")") and doi.count(")") > doi.count("(")) or (
        doi.endswith("]") and doi.count("]") > doi.count("[")
    ):
        doi = doi[:-1].rstrip(".,;:")
    return doi


def find_doi(first_page: str, second_page: str, edge_text: str) -> str:
    """The paper's DOI: labelled on the first page, else bare in its banner or
    footer, else labelled at the top of the second page."""
    for text, pattern in ((first_page, _DOI_LABELLED), (edge_text, _DOI), (second_page[:800], _DOI_LABELLED)):
        found = pattern.search(text)
        if found:
            return _tidy_doi(found.group(1))
    return ""


def find_issn(text: str) -> str:
    found = re.search(r"\bissn\b[^\d]{0,12}(\d{4}\s?-\s?\d{3}[\dXx])", text, re.IGNORECASE)
    return found.group(1).replace(" ", "").upper() if found else ""


# --------------------------------------------------------------------------- abstract, keywords

_HEADING_LANGUAGE = {
    "abstrak": "id",
    "abstraks": "id",
    "intisari": "id",
    "ringkasan": "id",
    "abstract": "en",
    "kata kunci": "id",
    "kata-kata kunci": "id",
}
_ABSTRACT_LIMIT = 4000


def _heading_language(heading: str) -> str:
    name = " ".join(re.sub(r"^[\W\d]+", "", heading).lower().split())
    return _HEADING_LANGUAGE.get(name, "en" if name else "")


def _abstract_text(text: str, section: Section) -> str:
    body = section_body(text, section)
    if len(body) > _ABSTRACT_LIMIT:
        cut = body.rfind(". ", 0, _ABSTRACT_LIMIT)
        body = body[: cut + 1] if cut > 0 else body[:_ABSTRACT_LIMIT]
    return _join_lines(body.split("\n"))


def _keyword_text(text: str, section: Section) -> str:
    """The keyword list: its first line, and the lines that carry it on."""
    lines = [ln.strip() for ln in section_body(text, section).strip().split("\n")]
    if not lines or not lines[0]:
        return ""
    kept = [lines[0]]
    for line in lines[1:]:
        if not line or sum(len(k) for k in kept) > 400:
            break
        carried = re.search(r"[,;&]$|\b(?:dan|and|atau|or)$", kept[-1]) or re.match(
            r"[a-z(\u00e0-\u024f]", line
        )
        if not carried:
            break
        kept.append(line)
    return _join_lines(kept)


def _front_sections(paper: Paper, kind: str) -> list[Section]:
    """Sections of ``kind`` in the front matter (first pages, before the body's headings)."""
    out = []
    for section in paper.sections:
        if section.page is not None and section.page > 5:
            break
        if section.kind == kind:
            out.append(section)
        elif section.kind not in ("abstract", "keywords") and out:
            break
    return out


def abstracts_from_layout(lines: list[Line]) -> list[str]:
    """Abstracts read from the page's layout, for text layers whose reading order
    puts the abstract away from its heading: the lines under each abstract
    heading, in its column, down to the next heading."""
    found = []
    for i, line in enumerate(lines):
        sections = detect_sections(line.text)
        if not sections or sections[0].kind != "abstract":
            continue
        body = [section_body(line.text, sections[0])]
        column: Line | None = None
        prev = line
        for below in lines[i + 1 :]:
            if _is_heading(below.text) or below.top - prev.bottom > 2.5 * max(below.size, 1.0):
                break
            if column is None:
                column = below
            elif min(below.x1, column.x1) - max(below.x0, column.x0) < 0.5 * (column.x1 - column.x0):
                continue
            body.append(below.text)
            prev = below
        text = _join_lines(body)
        if _letters(text) >= 40:
            found.append(text)
    return found


def _fill_abstracts(paper: Paper, lines: list[Line]) -> None:
    """abstract_id/abstract_en and keywords_id/keywords_en, by language; both kept."""
    sections = _front_sections(paper, "abstract")
    bodies = [(_abstract_text(paper.text, s), _heading_language(s.heading)) for s in sections]
    bodies = [(body, language) for body, language in bodies if _letters(body) >= 40]
    if not bodies:
        bodies = [(body, "") for body in abstracts_from_layout(lines)]
    for body, heading_language in bodies:
        language = detect_language(body) or heading_language
        _put_in_slot(paper, "abstract", language, body)
    for section in _front_sections(paper, "keywords"):
        words = split_keywords(_keyword_text(paper.text, section))
        if words:
            _put_in_slot(paper, "keywords", _heading_language(section.heading), words)


def _put_in_slot(paper: Paper, field: str, language: str, value: Any) -> None:
    """Set ``field_<language>``; when that is taken, the other language's slot (if free)."""
    slot = f"{field}_{'en' if language == 'en' else 'id'}"
    if getattr(paper, slot):
        slot = f"{field}_{'id' if slot.endswith('_en') else 'en'}"
        if getattr(paper, slot):
            return
    setattr(paper, slot, value)


# --------------------------------------------------------------------------- putting it together


def _plausible_metadata_title(value: str) -> str:
    value = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", value).strip()
    if (
        len(value) < 8
        or len(value.split()) < 2
        or "_" in value
        or re.search(r"\.(?:docx?|pdf|tex|dvi|rtf|odt|indd|pages)$", value, re.IGNORECASE)
        or value.lower() in ("untitled", "template", "title", "judul")
    ):
        return ""
    return value


def _title_from_name(name: str) -> str:
    stem = PurePath(name).stem
    return clean_field(stem.replace("_", " ")) or stem


def _fill_titles(paper: Paper, lines: list[Line], block: list[int]) -> list[int]:
    """title_id/title_en from the title block, the block under it and the line
    above the other language's abstract; returns the second block's lines."""
    title = _title_text(lines, block)
    title_language = detect_language(title) or paper.language
    second, second_block = find_second_title(lines, block)
    if second:
        second_language = detect_language(second)
        if second_language in ("id", "en") and title_language and second_language != title_language:
            setattr(paper, f"title_{second_language}", second)
        else:
            title = f"{title.rstrip(':')}: {second}"  # a subtitle
    if title_language not in ("id", "en"):
        paper.title = title
        return second_block
    setattr(paper, f"title_{title_language}", title)
    other = "en" if title_language == "id" else "id"
    if not getattr(paper, f"title_{other}"):
        setattr(
            paper, f"title_{other}", find_title_above_abstract(lines, other, set(block) | set(second_block))
        )
    return second_block


def _fill_metadata(
    paper: Paper, lines: list[Line], height: float, metadata: dict[str, str], name: str
) -> None:
    """Title, authors, year, journal, DOI, abstracts and keywords, with languages."""
    paper.language = detect_language(paper.text[:20000])
    block = find_title(lines, height) if lines else []
    second_block = _fill_titles(paper, lines, block) if block else []
    after = (second_block or block)[-1] + 1 if block else 0
    limit = (lines[block[-1]].bottom if block else 0.0) + 0.45 * height
    names = find_authors(lines, after, limit) if block else []
    paper.authors = [make_person(n) for n in names] or _metadata_people(metadata.get("Author", ""))
    _fill_publication(paper, lines, height, set(block) | set(second_block), metadata)
    _fill_abstracts(paper, lines)
    _choose_main_language(paper)
    if not paper.title:
        from_metadata = _plausible_metadata_title(metadata.get("Title", ""))
        paper.title = from_metadata or _title_from_name(name)
        if lines and not from_metadata:
            paper.warnings.append("no title found on the first page; the file name stands in for it")


def _fill_publication(
    paper: Paper, lines: list[Line], height: float, skip: set[int], metadata: dict[str, str]
) -> None:
    """Year, container (journal, volume, issue, pages), DOI and ISSN."""
    year = find_year(lines, height, skip) if lines else None
    if year is None:
        year, source = _metadata_year(metadata)
        if year is not None and source == "CreationDate":
            # When the file was made is not when the paper was published: say it, don't store it.
            paper.warnings.append(
                f"no publication year on the first page (the PDF was created in {year}); "
                "set it with `litreview edit` or add with --year"
            )
            year = None
    paper.year = year
    paper.date = str(year) if year else ""
    container = find_container(lines, height, skip) if lines else Container()
    paper.journal, paper.volume = container.name, container.volume
    paper.issue, paper.pages = container.issue, container.pages
    if container.proceedings:
        paper.entry_type = "inproceedings"
    starts = paper.page_starts
    first_page = paper.text[: starts[1]] if len(starts) > 1 else paper.text
    second_page = paper.text[starts[1] :][:2000] if len(starts) > 1 else ""
    edge_text = "\n".join(line.text for line in _edge_lines(lines, height, set()))
    paper.doi = find_doi(first_page, second_page, edge_text)
    paper.issn = find_issn("\n".join(line.text for line in lines[:12]) + "\n" + edge_text)


def _choose_main_language(paper: Paper) -> None:
    """title/abstract/keywords: the version in the paper's language, else the other one."""
    if not paper.language:
        paper.language = detect_language(
            paper.title_id or paper.title_en or paper.abstract_id or paper.abstract_en
        )
    main = paper.language if paper.language in ("id", "en") else ("id" if paper.title_id else "en")
    other = "en" if main == "id" else "id"
    paper.title = getattr(paper, f"title_{main}") or getattr(paper, f"title_{other}") or paper.title
    paper.abstract = getattr(paper, f"abstract_{main}") or getattr(paper, f"abstract_{other}")
    paper.keywords = list(getattr(paper, f"keywords_{main}") or getattr(paper, f"keywords_{other}"))
