"""The authors of a PDF: the names on the byline lines under the title of its
first page, else the names in the /Author entry of its metadata.

Splitting a line into names and parsing each name are left to
:mod:`litreview.text.names`; this module decides which lines are the byline.
"""

from __future__ import annotations

import re
from collections import Counter

from litreview.ingest.pdf_banner import is_label
from litreview.ingest.pdf_layout import Line, is_heading
from litreview.model import Person
from litreview.text.clean import clean_field
from litreview.text.names import (
    is_byline_label,
    looks_like_personal_name,
    parse_printed_name,
    split_byline,
)


def find_authors(
    lines: list[Line], after: int, limit: float, used: list[tuple[int, list[str]]] | None = None
) -> list[str]:
    """Author names from the lines below the title (index ``after`` on), down to
    the abstract or the body text. After a break (an affiliation, another type
    size) only lines made of full names count, so a grid of authors with their
    affiliations under each row is read whole. ``used``, when given, receives
    each byline line's index with the names read from it."""
    counts = Counter(line.text for line in lines)
    names: list[str] = []
    author_size = 0.0
    interrupted = False
    open_end = False
    skipped = 0
    for index, line in enumerate(lines[after:], start=after):
        if line.top > limit or is_heading(line.text) or line.weight > 150:
            break
        if line.vertical or line.weight <= 2:
            continue
        if is_byline_label(line.text):
            limit = max(limit, line.bottom + 120)
            continue
        if names and abs(line.size - author_size) > 0.5:
            interrupted = True
        repeated = counts[line.text] > 1  # "UC San Diego" under each author is no name
        found = [] if repeated or is_label(line.text) else _author_line_names(line)
        if found and interrupted:
            found = _author_line_names(line, strict=True) if line.size >= author_size - 0.5 else []
        if not found:
            interrupted = interrupted or bool(names)
            skipped += not names
            if skipped > 4:
                break
            continue
        byline = split_byline(line.marked)
        if names and open_end and not interrupted and len(found[0].split()) == 1 and byline.open_start:
            names[-1] = f"{names[-1]} {found[0]}"  # a name broken over two lines
            found = found[1:]
        if used is not None and found:
            used.append((index, [n for n in found if n not in names]))
        names.extend(n for n in found if n not in names)
        author_size = author_size or line.size
        open_end = byline.open_end and len(found) == len(byline.names)
    return names


def _author_line_names(line: Line, strict: bool = False) -> list[str]:
    """The names an author line starts with ([] when it does not start with one).
    ``strict``: every part must be a name of two words or more."""
    parts = split_byline(line.marked).names
    if not parts:
        return []
    all_names = all(looks_like_personal_name(p, mononym=True) for p in parts)
    if strict:
        return parts if all_names and all(len(p.split()) > 1 for p in parts) else []
    names = []
    for part in parts:
        if not looks_like_personal_name(part, mononym=all_names):
            break
        names.append(part)
    return names


def make_person(name: str) -> Person:
    """A Person from a name printed on the page or in the /Author entry: one word
    is a literal (Indonesian mononym), otherwise the last word is the family name
    (see :func:`~litreview.text.names.parse_printed_name`)."""
    return parse_printed_name(clean_field(name))


def metadata_people(value: str) -> list[Person]:
    """People from the PDF's /Author entry, when it holds real names (not a login)."""
    if not value or "_" in value or any(ch.isdigit() for ch in value):
        return []
    parts = [p.strip() for p in re.split(r";|,|\band\b|&|\bdan\b", value) if p.strip()]
    if not parts or not all(looks_like_personal_name(p, mononym=False) for p in parts):
        return []
    return [make_person(p) for p in parts]
