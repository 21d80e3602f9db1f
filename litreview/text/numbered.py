"""In-text citations of a numbered reference list ("[3]", "[2, 5]", "[4]-[6]", "[7-9]"), as IEEE and
many Indonesian engineering and informatics journals write them.

Read only in a paper whose reference list is labelled "[1] ...", "[2] ...": each number cited in
the body becomes a ``Citation`` of that entry (its authors' surnames and year, as the reference list
gives them), so such a paper's mentions count and link like author-year ones. A number with no entry
of that label is left out.
"""

from __future__ import annotations

import re

from litreview.model import Citation, Reference, Section
from litreview.text.references import find_reference_list, parse_reference_list

# "[3]", "[2, 5]", "[7-9]", "[1], [4]" (one group per bracket); years and long numbers are no labels
_GROUP = re.compile(r"\[(\d{1,3}(?:\s*[,;\u2013\u2014-]\s*\d{1,3})*)\]")
_ENTRY_LABEL = re.compile(r"^\s*\[(\d{1,3})\]")
MAX_RANGE = 30  # "[3-200]" is not a range of citations


def numbered_citations(text: str, sections: list[Section] | None = None) -> list[Citation]:
    """The numbered citations of ``text`` before its reference list, one per work cited, in order."""
    return [citation for citation, _ in numbered_links(text, sections)]


def numbered_links(text: str, sections: list[Section] | None = None,
                   references: list[Reference] | None = None) -> list[tuple[Citation, int]]:
    """Each numbered citation with the index (in ``references``, the paper's reference list as
    ``parse_reference_list`` gives it) of the entry it cites."""
    span = find_reference_list(text, sections)
    if span is None:
        return []
    if references is None:
        references = parse_reference_list(text, sections)
    entries: dict[int, int] = {}
    for index, ref in enumerate(references):
        label = _ENTRY_LABEL.match(ref.raw)
        if label and ref.authors:
            entries.setdefault(int(label.group(1)), index)
    if len(entries) < 2:
        return []
    out: list[tuple[Citation, int]] = []
    for group in _GROUP.finditer(text, 0, span[0]):
        for number in _numbers(group.group(1)):
            index = entries.get(number, -1)
            if index < 0:
                continue
            entry = references[index]
            out.append((Citation(text=group.group(0), authors=list(entry.authors[:3]), year=entry.year,
                                 start=group.start(), end=group.end(), et_al=len(entry.authors) > 2), index))
    return out


FEW = 3  # author-year citations below which a paper's numbered ones are looked for


def cites_by_number(citations: list[Citation], text: str) -> bool:
    """Should a paper with these author-year ``citations`` be read for numbered ones too?"""
    return len(citations) < FEW and "[" in text


def _numbers(body: str) -> list[int]:
    """"2, 5" -> [2, 5]; "7-9" -> [7, 8, 9]; a range backwards or too long counts its ends only."""
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", body):
        bounds = [int(n) for n in re.split(r"\s*[\u2013\u2014-]\s*", part) if n]
        if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + MAX_RANGE:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return list(dict.fromkeys(out))
