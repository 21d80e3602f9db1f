"""Split text into sentences with their character offsets, Indonesian and English.

Offsets are what matter: evidence and key findings are quoted by their span in
the stored text, so every span returned here satisfies ``text[start:end]`` ==
the sentence as it stands (trimmed of surrounding white space). Lines that look
like headings ("2.1 Media Sosial", "HASIL DAN PEMBAHASAN") come out as spans of
their own, marked, so callers can leave them out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_FOOTNOTE = r"(?:[0-9]{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})"  # a footnote mark after a stop
# A sentence ends at . ! ? or … (with closing quotes or brackets after it), when
# white space and a plausible sentence start follow. Every way of ending begins with the stop
# itself, matched once before the alternatives: a pattern that opens with one set of characters
# is looked for by a quick scan for them, not tried at every position of the text.
_END = re.compile(
    r"[.!?\u2026](?:"
    r"[.!?\u2026]*[\"'\u201d\u2019)\]]*[\u00c2\u00a0]?(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"
    # (a stray "Â" or no-break space after the stop, left by a bad conversion, does not hide it)
    rf"|(?<=[a-z\u00df-\u00ff]{{3}}[.!?])[\"'\u201d\u2019)]?{_FOOTNOTE}?(?=[A-Z][a-z])"
    # PDF text: sentences glued at the stop ("masyarakat luas.Melihat"), a footnote number or
    # superscript between them ("luas.2Melihat", "luas.\u00b2 Melihat"); the look-behind (three
    # letters, then a stop other than …) is tried only where a stop was found
    rf"|(?<=[a-z\u00df-\u00ff]{{3}}[.!?])[\"'\u201d\u2019)]?{_FOOTNOTE}(?=\s+[A-Z][a-z])"
    r")"
)
_STOPS = ".!?\u2026"  # the characters every match of _END begins with
_LONE_STOP = frozenset({".", ".\u00c2", ".\u00a0"})  # one full stop (and a stray "Â" or no-break space)
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    dkk dll dsb dst tsb yth sbb al cet ed eds hlm hal jl jln kab kec kel prov no nos vol vols pp
    dr drs dra ir prof h hj st sos si kom pd ag mm ma mt sh se sp kh
    mr mrs ms jr sr vs cf fig figs tab eq eqs ch sec approx ca etc ibid op cit
    e.g i.e u.s a.m p.m
    """.split()
)
_LONGEST = 700  # a longer "sentence" (a table, a list without stops) is cut at its lines
_HEADING_WORDS = 10
_NUMBERED = re.compile(r"^(?:#{1,6}\s|(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[IVX]{1,5}|[A-H])[.)]?\s+\S)")
_WORDS = re.compile(r"[^\W_]+")


class Span(NamedTuple):
    """One sentence (or heading line) of a text: ``text[start:end]``."""

    start: int
    end: int
    heading: bool = False


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]`` in order, headings marked, blanks skipped."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    block_start = start
    for para in _PARAGRAPH.finditer(text, start, end):
        _split_block(text, block_start, para.start(), spans)
        block_start = para.end()
    _split_block(text, block_start, end, spans)
    return spans


def _split_block(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Split one paragraph: heading lines first, then sentences of the running text."""
    if text.find("\n", start, end) < 0:
        if _is_heading(text[start:end], text, end, len(text)):  # a paragraph of one heading line
            _add(text, start, end, spans, heading=True)
        else:
            _split_run(text, start, end, spans)
        return
    run_start = start
    line_start = start
    previous_ends_sentence = True
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end < 0:
            line_end = end
        line = text[line_start:line_end]
        next_start = line_end + 1
        if previous_ends_sentence and _is_heading(line, text, next_start, end):
            _split_run(text, run_start, line_start, spans)
            _add(text, line_start, line_end, spans, heading=True)
            run_start = next_start
            previous_ends_sentence = True
        else:
            stripped = line.rstrip()
            previous_ends_sentence = not stripped or stripped[-1] in ".!?:\u2026\"\u201d)"
        line_start = next_start
    _split_run(text, run_start, end, spans)


def _is_heading(line: str, text: str, next_start: int, end: int) -> bool:
    """A short line of its own, numbered or in title/upper case, before a capitalised line."""
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?,;\u2026" or len(stripped) > 120:
        return False
    following = text[next_start : min(end, next_start + 3)].lstrip()  # (the cheaper test first)
    if following and not (following[0].isupper() or following[0].isdigit() or following[0] in "#\"'\u201c("):
        return False
    words = _WORDS.findall(stripped)
    if not words or len(words) > _HEADING_WORDS:
        return False
    if stripped.startswith("#") or _NUMBERED.match(stripped):
        return True
    long_words = [w for w in words if len(w) > 3 and not w.isdigit()]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.6 or stripped.isupper()


def _split_run(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Sentences of running text (no headings inside)."""
    sentence_start = start
    for match in _ends(text, start, end):
        stop = match.end()
        if match.group() in _LONE_STOP:
            dot = match.start()
            # (the usual case first, as _abbreviation_before would decide it: a word of seven
            # letters or more, ending in a small one, ends before the stop)
            if not (dot > 6 and text[dot - 1].islower() and text[dot - 7 : dot].isalpha()) and _abbreviation_before(
                    text, dot):
                continue
        if stop - sentence_start < _LONGEST and not text[sentence_start].isspace():
            spans.append(Span(sentence_start, stop, False))  # the usual case, already trimmed
        else:
            _add(text, sentence_start, stop, spans)
        sentence_start = stop + 1 if stop < end and text[stop] == " " and text[stop + 1 : stop + 2].strip() else stop
    _add(text, sentence_start, end, spans)


def _ends(text: str, start: int, end: int) -> list[re.Match[str]]:
    """What ``_END.finditer(text, start, end)`` finds: every match begins with a stop, so the
    pattern is tried at each stop, found with ``str.find`` (quicker than the regex engine's scan
    for the stops), and the next match is looked for after the end of the last one."""
    stops = []
    for stop in _STOPS:
        at = text.find(stop, start, end)
        while at >= 0:
            stops.append(at)
            at = text.find(stop, at + 1, end)
    stops.sort()
    out = []
    last = start
    match = _END.match
    for at in stops:
        if at >= last:
            found = match(text, at, end)
            if found:
                out.append(found)
                last = found.end()
    return out


_GENERATION_WORDS = frozenset({"gen", "generasi", "generation", "generations"})


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial ("dkk.", "M.", "e.g.")."""
    before = text[dot - 1] if dot else ""
    if before.isdigit() or before.islower() and dot > 6 and text[dot - 7 : dot].isalpha():
        return False  # a number, or a word longer than any abbreviation
    low_bound = max(0, dot - 12)
    space = max(text.rfind(" ", low_bound, dot), text.rfind("\n", low_bound, dot))
    word = text[space + 1 : dot].lstrip("([\"'\u201c")
    if not word:
        return False
    if len(word) == 1:
        if not word.isupper():
            return False
        # an initial ("Cobis, M. Y."), but not the letter of a generation ("Generasi Z.", "Gen Z.")
        previous = text[max(0, space - 11) : space].rsplit(None, 1)[-1:] if space > 0 else []
        return not (previous and previous[0].lower() in _GENERATION_WORDS)
    low = word.lower()
    return low in _ABBREVIATIONS or low.rstrip(".") in _ABBREVIATIONS or (
        "." in low and low.replace(".", "").isalpha() and len(low) <= 5  # "e.g", "u.s"
    )


def _add(text: str, start: int, end: int, spans: list[Span], heading: bool = False) -> None:
    """Append ``text[start:end]`` trimmed of white space; cut over-long runs at line breaks
    (else at spaces), piece by piece, so a run of any length costs no recursion."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        if end - start > _LONGEST and not heading:
            cut = text.rfind("\n", start, start + _LONGEST)
            if cut <= start:
                cut = text.rfind(" ", start, start + _LONGEST)
            if cut > start:
                _add_piece(text, start, cut, spans)
                start = cut + 1
                continue
        spans.append(Span(start, end, heading))
        return


def _add_piece(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append a piece no longer than ``_LONGEST``, trimmed (the head of a cut run)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end, False))
