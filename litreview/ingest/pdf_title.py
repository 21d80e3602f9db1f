"""The title on a PDF's first page, and a second title under it (the other
language's, or a subtitle) or above the other language's abstract.

The title is the largest print near the top of the page; when nothing is
larger than the body text, the first block in capitals.
"""

from __future__ import annotations

import re
from collections import Counter

from litreview.ingest.pdf_banner import JOURNAL_WORD, is_banner, is_label
from litreview.ingest.pdf_layout import LETTER, Line, is_heading, join_lines, letters
from litreview.text.language import detect_language, language_scores
from litreview.text.sections import detect_sections

_TITLE_ZONE = 0.45  # the title stands in the upper part of the page


def _mostly_upper(text: str) -> bool:
    letters = LETTER.findall(text)
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


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
        and letters(line.text) >= 4
        and line.weight <= 160
        and len(line.text.split()) >= 2
        and not is_banner(line.text)
        and not is_heading(line.text)
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
        if line.x0 > lines[seed].x1 or line.x1 < lines[seed].x0:
            continue  # a margin box or another column beside the title
        if abs(line.size - lines[seed].size) > 0.6 or line.top - prev.bottom > 1.2 * line.size:
            break
        if (is_banner(line.text) and not JOURNAL_WORD.match(line.text)) or is_label(line.text):
            break
        if (is_heading(line.text) and not _ends_title(line.text, prev.text, by_size)) or (
            not by_size and not _mostly_upper(line.text)
        ):
            break
        block.append(j)
        if len(block) == 6:
            break
    return block


def _ends_title(text: str, above: str, by_size: bool) -> bool:
    """Is a line that reads as a heading ("Method", "Results") in the title's own
    large print the title's last word(s), run on from the line above?"""
    sections = detect_sections(text)
    return (
        by_size
        and bool(sections)
        and sections[0].kind not in ("abstract", "keywords")
        and not above.rstrip().endswith((".", ":", "?", "!"))
    )


def title_text(lines: list[Line], block: list[int]) -> str:
    title = join_lines([lines[i].plain for i in block])
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
        if is_banner(line.text) or is_heading(line.text):
            break
        found.append(j)
    marked = " | ".join(lines[i].marked for i in found)
    if not found or not _reads_as_sentence(marked):
        return "", []
    return join_lines([lines[i].plain for i in found]), found


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
            if is_banner(above.text) or is_heading(above.text) or above.text.endswith("."):
                break
            picked.append(j)
        if not picked:
            continue
        text = join_lines([lines[j].plain for j in reversed(picked)])
        if detect_language(text) == other_language and letters(text) >= 12:
            return text
    return ""
