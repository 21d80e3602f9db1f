"""Find the sections of a paper's text by their headings, in Indonesian and English.

A heading is a short line of its own ("2. METODE PENELITIAN", "BAB I
PENDAHULUAN", "Results and Discussion:"), matched against a vocabulary of
heading names after its numbering and stray characters are stripped. Abstract
and keyword headings may also carry their text on the same line
("Kata kunci: media sosial, pemilu", "Abstract—We study ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from litreview.model import Section

# Heading names (lower case, single spaces) for each canonical kind.
_VOCABULARY: dict[str, tuple[str, ...]] = {
    "abstract": ("abstrak", "abstraks", "abstract", "intisari", "ringkasan"),
    "keywords": (
        "kata kunci",
        "kata-kata kunci",
        "keywords",
        "keyword",
        "key words",
        "key word",
        "index terms",
        "additional key words and phrases",
    ),
    "introduction": (
        "pendahuluan",
        "latar belakang",
        "latar belakang masalah",
        "introduction",
        "background",
    ),
    "literature_review": (
        "tinjauan pustaka",
        "kajian pustaka",
        "landasan teori",
        "kajian teori",
        "kerangka teori",
        "kerangka teoritis",
        "kerangka konseptual",
        "kerangka pemikiran",
        "tinjauan literatur",
        "kajian literatur",
        "literature review",
        "review of literature",
        "review of the literature",
        "related work",
        "related works",
        "related literature",
        "theoretical framework",
        "theoretical background",
        "conceptual framework",
    ),
    "method": (
        "metode",
        "metode penelitian",
        "metodologi",
        "metodologi penelitian",
        "metode dan data",
        "method",
        "methods",
        "methodology",
        "research method",
        "research methods",
        "research methodology",
        "materials and methods",
        "data and methods",
        "research design",
    ),
    "results": (
        "hasil",
        "hasil penelitian",
        "hasil dan pembahasan",
        "hasil dan diskusi",
        "hasil penelitian dan pembahasan",
        "analisis dan pembahasan",
        "results",
        "result",
        "results and discussion",
        "results and discussions",
        "findings",
        "findings and discussion",
        "research findings",
    ),
    "discussion": ("pembahasan", "diskusi", "discussion", "discussions"),
    "conclusion": (
        "kesimpulan",
        "kesimpulan dan saran",
        "simpulan",
        "simpulan dan saran",
        "penutup",
        "conclusion",
        "conclusions",
        "concluding remarks",
        "conclusion and future work",
        "conclusions and future work",
        "conclusion and recommendations",
        "conclusions and recommendations",
    ),
    "acknowledgements": (
        "ucapan terima kasih",
        "ucapan terimakasih",
        "acknowledgements",
        "acknowledgement",
        "acknowledgments",
        "acknowledgment",
    ),
    "references": (
        "daftar pustaka",
        "daftar rujukan",
        "daftar referensi",
        "referensi",
        "rujukan",
        "references",
        "reference",
        "bibliography",
    ),
    "appendix": ("lampiran", "appendix", "appendices"),
}
_KIND_OF = {name: kind for kind, names in _VOCABULARY.items() for name in names}

# Kinds whose text may follow the heading on the same line.
_INLINE_KINDS = ("abstract", "keywords")
_INLINE_NAMES = sorted((name for kind in _INLINE_KINDS for name in _VOCABULARY[kind]), key=len, reverse=True)
# "Kata kunci: ...", "Abstract—...", "Keywords - ...", "Abstract. ..."
_INLINE = re.compile(
    r"(?P<head>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _INLINE_NAMES) + r")"
    r"\s*[:.\-\u2013\u2014]\s*(?P<rest>\S)",
    re.IGNORECASE,
)
# "ABSTRACT This paper ..." / "Abstrak Penelitian ini ...": no punctuation, so
# only an abstract heading in capitals or before any other heading counts.
_INLINE_BARE = re.compile(r"(?P<head>abstrak|abstract)\s+(?P<rest>[A-Z\u00c0-\u00de])", re.IGNORECASE)

# Numbering before a heading: "1.", "1", "2.1", "I.", "IV", "A.", "(a)", "BAB I", "Bab 2:".
_NUMBERING = re.compile(
    r"^(?:"
    r"bab\s+(?:[ivxlc]+|\d+)\b[.:\-\u2013]?"
    r"|\d{1,2}(?:\.\d{1,2})*\.?(?=\s)"
    r"|\d{1,2}(?:\.\d{1,2})*[.)]"
    r"|[IVXLC]{1,6}\.?(?=\s)"
    r"|[ivxlc]{1,6}[.)]"
    r"|[A-Ha-h][.)]"
    r"|\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)"
    r")\s*",
    re.IGNORECASE,
)
# Stray characters around headings: mojibake "Â", no-break and zero-width
# spaces, bullets, section signs, trailing colons.
_STRAY = " \t\u00a0\u00c2\u200b\u200c\u200d\ufeff\u2022\u00b7\u25aa\u25cf*#\u00a7:\uff1a"
_SPACES = re.compile(r"[\s\u00a0]+")
_LONGEST_HEADING = 60


def _heading_name(line: str) -> tuple[str, str] | None:
    """(kind, heading as written) when the whole ``line`` is a heading, else None."""
    stripped = line.strip(_STRAY)
    if not stripped or len(stripped) > _LONGEST_HEADING + 12:
        return None
    body = stripped
    numbered = False
    match = _NUMBERING.match(body)
    if match and match.end() < len(body):
        body = body[match.end() :]
        numbered = True
    body = body.strip(_STRAY)
    if numbered:
        body = body.rstrip(".").strip(_STRAY)
    if not body or len(body) > _LONGEST_HEADING or not body[0].isupper():
        return None
    name = _SPACES.sub(" ", body).lower()
    appendix = re.fullmatch(r"(appendix|lampiran)(?: [a-z0-9]{1,3})?", name)
    if appendix:
        name = appendix.group(1)
    kind = _KIND_OF.get(name)
    if kind is None:
        return None
    return kind, stripped.rstrip(_STRAY)


def _inline_heading(line: str, bare_allowed: bool) -> tuple[str, str] | None:
    """(kind, heading) when ``line`` starts with an abstract/keywords heading and goes on."""
    text = line.lstrip(_STRAY)
    match = _NUMBERING.match(text)
    if match and match.end() < len(text):
        text = text[match.end() :]
    found = _INLINE.match(text)
    if found is None:
        bare = _INLINE_BARE.match(text)
        if bare and (bare_allowed or bare.group("head").isupper()):
            found = bare
    if found is None or not found.group("head")[0].isupper():
        return None
    head = found.group("head")
    name = _SPACES.sub(" ", head).lower()
    return _KIND_OF[name], head


def detect_sections(text: str, page_starts: list[int] | None = None) -> list[Section]:
    """Sections of ``text``, each running from its heading to the next one or the end.

    ``page_starts`` (offsets where each page begins) gives each section the
    1-based page of its heading.
    """
    found: list[tuple[int, str, str]] = []  # (start offset, kind, heading)
    offset = 0
    for line in text.split("\n"):
        start = offset + (len(line) - len(line.lstrip()))
        offset += len(line) + 1
        if not line.strip():
            continue
        named = _heading_name(line)
        if named is None:
            bare_allowed = all(kind in _INLINE_KINDS for _, kind, _ in found)
            named = _inline_heading(line, bare_allowed)
        if named is not None:
            found.append((start, named[0], named[1]))
    sections = []
    for i, (start, kind, heading) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        page = bisect_right(page_starts, start) if page_starts else None
        sections.append(Section(kind=kind, heading=heading, start=start, end=end, page=page or None))
    return sections


def section_body(text: str, section: Section) -> str:
    """The text of ``section`` without its heading (and the colon or dash after it)."""
    span = text[section.start : section.end]
    at = span.find(section.heading)
    if at < 0:
        return span.strip()
    rest = span[at + len(section.heading) :]
    return rest.lstrip(_STRAY + ".-\u2013\u2014").strip()


_KEYWORD_LABEL = re.compile(
    r"^\s*(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _VOCABULARY["keywords"]) + r")"
    r"\s*[:.\-\u2013\u2014]\s*",
    re.IGNORECASE,
)
_KEYWORD_SPLIT = re.compile(r"\s*(?:[;,\u00b7\u2022|]|\s[-\u2013\u2014]\s)\s*")


def split_keywords(s: str) -> list[str]:
    """Split a keyword line into keywords: on ; , · • | and " - ", without the
    "Kata kunci:" label, trailing periods, or empty and repeated entries."""
    s = _SPACES.sub(" ", s.replace("\u00c2", " ")).strip()
    s = _KEYWORD_LABEL.sub("", s)
    out: list[str] = []
    seen: set[str] = set()
    for part in _KEYWORD_SPLIT.split(s):
        word = part.strip().rstrip(".").strip(_STRAY + "-\u2013\u2014").strip()
        if word and word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out
