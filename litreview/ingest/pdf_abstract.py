"""Abstracts and keywords of a PDF, in both languages of a bilingual journal,
from the front-matter sections of its text (or, when the text layer's reading
order loses them, from the first page's layout).
"""

from __future__ import annotations

import re
from typing import Any

from litreview.ingest.pdf_layout import Line, is_heading, join_lines, letters
from litreview.model import Paper, Section
from litreview.text.language import detect_language
from litreview.text.sections import detect_sections, section_body, split_keywords

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
    return join_lines(body.split("\n"))


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
        # the last words of a keyword cut by the line end, closing the list: "... Support" / "Vector Machine."
        closing = not re.search(r"[.:;!?]$", kept[-1]) and re.fullmatch(r"[^:;]{1,60}\.", line) is not None \
            and len(line.split()) <= 5
        if not (carried or closing):
            break
        kept.append(line)
    return join_lines(kept)


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
            if is_heading(below.text) or below.top - prev.bottom > 2.5 * max(below.size, 1.0):
                break
            if column is None:
                column = below
            elif min(below.x1, column.x1) - max(below.x0, column.x0) < 0.5 * (column.x1 - column.x0):
                continue
            body.append(below.text)
            prev = below
        text = join_lines(body)
        if letters(text) >= 40:
            found.append(text)
    return found


# A keyword list run on at the end of an abstract's last line: "... the village mayor. Keywords: A, B".
_INLINE_KEYWORDS = re.compile(
    r"(?<=[.!?])\s+(kata[\s-]*kunci|key[\s-]*words?|index\s+terms)\s*[:\-\u2013\u2014]\s*(\S.{0,400})$",
    re.IGNORECASE,
)


def split_inline_keywords(body: str) -> tuple[str, str, str]:
    """(abstract, keyword text, keyword language) when ``body`` ends in an inline keyword
    list after its last sentence; else (body, "", "")."""
    found = _INLINE_KEYWORDS.search(body)
    if not found:
        return body, "", ""
    return body[: found.start()].rstrip(), found.group(2).strip(), _heading_language(found.group(1))


def fill_abstracts(paper: Paper, lines: list[Line]) -> None:
    """abstract_id/abstract_en and keywords_id/keywords_en, by language; both kept."""
    sections = _front_sections(paper, "abstract")
    bodies = [(_abstract_text(paper.text, s), _heading_language(s.heading)) for s in sections]
    bodies = [(body, language) for body, language in bodies if letters(body) >= 40]
    if not bodies:
        bodies = [(body, "") for body in abstracts_from_layout(lines)]
    for body, heading_language in bodies:
        body, inline_keywords, keywords_language = split_inline_keywords(body)
        language = detect_language(body) or heading_language
        _put_in_slot(paper, "abstract", language, body)
        words = split_keywords(inline_keywords) if inline_keywords else []
        if words:
            _put_in_slot(paper, "keywords", keywords_language, words)
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
