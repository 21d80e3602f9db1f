"""Read a paper's reference list (Daftar Pustaka / References) and link in-text citations to it.

:func:`find_reference_list` finds where the list stands, :func:`parse_reference_list`
splits it into entries (APA, Harvard, Indonesian "Nama, A. 2019." styles and
numbered "[1]" / "1." IEEE lists) and reads authors, year, title, venue and DOI;
:func:`link_citations` pairs each in-text citation with its entry.
:func:`surname_key` is the one normalisation of surnames both sides use.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from litreview.model import Citation, Reference, Section

# --------------------------------------------------------------------------- surnames

PARTICLES = frozenset(
    "van von de der den di da du dos das del della la le ter ten zu bin binti ibn al el".split()
)
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash|ath|ud|ul)[-\u2010\u2011'\u2019](?=\w)")
_NON_LETTERS = re.compile(r"[^\w]+|[\d_]+")


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """Surname normalised for grouping and matching: "van Dijk", "Van Dijk" and "Dijk"
    give "dijk"; "al-Farabi" gives "farabi"; "Pecotić" gives "pecotic"; "Abdul Rahman"
    gives "abdulrahman"; "Smith-Jones" gives "smithjones"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()
    plain = re.sub(r"['\u2019]s$", "", plain)
    words = plain.replace("\u2010", "-").split()
    while len(words) > 1 and words[0].strip(".") in PARTICLES:
        words.pop(0)
    if words:
        words[0] = _ARTICLE.sub("", words[0])
    return _NON_LETTERS.sub("", "".join(words))


# --------------------------------------------------------------------------- where the list stands

_HEADINGS = (
    "daftar pustaka|daftar rujukan|daftar referensi|daftar bacaan|daftar kepustakaan|kepustakaan|pustaka"
    "|referensi|rujukan|references?|bibliography|works cited|literature cited|literature|sources cited"
)
_HEADING_LINE = re.compile(
    rf"^[ \t]*(?:(?:\d{{1,2}}|[IVX]{{1,5}}|[A-H])[.)]?[ \t]+)?(?:{_HEADINGS})[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_END_LINE = re.compile(
    r"^[ \t]*(?:(?:\d{1,2}|[IVX]{1,5}|[A-H])[.)]?[ \t]+)?"
    r"(?:lampiran|appendix|appendices|supplementary (?:material|information)|biograf[iy]|biodata(?: penulis)?"
    r"|riwayat (?:hidup|penulis)|tentang penulis|about the authors?|author biograph(?:y|ies)"
    r"|authors? information)\b[^\n]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)


def find_reference_list(text: str, sections: Sequence[Section] | None) -> tuple[int, int] | None:
    """Offsets (start, end) of the reference list in ``text``, heading included, or None.

    The last run of "references" sections wins (a list split by repeated page
    headers is one list); without one, the last heading line "Daftar Pustaka",
    "References", "Bibliography", ... after the first third of the text starts it.
    It ends at an appendix, lampiran or author biography heading, if one follows.
    """
    sections = list(sections or [])
    refs = [i for i, s in enumerate(sections) if s.kind == "references"]
    start = end = -1
    if refs:
        last = refs[-1]
        first = last
        while first - 1 in refs:
            first -= 1
        start, end = sections[first].start, sections[last].end
    else:
        floor = len(text) // 3 if len(text) > 3000 else 0  # not a table of contents
        for match in _HEADING_LINE.finditer(text):
            if match.start() >= floor and match.group(0).strip()[:1].isupper():
                start, end = match.start(), len(text)
        if start < 0:
            return None
    stop = _END_LINE.search(text, start + 1, end)
    if stop:
        end = stop.start()
    return (start, end) if end > start else None


# --------------------------------------------------------------------------- splitting into entries

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR_TOKEN = rf"(?:{_YEAR}[a-z]?|n\.\s?d\.?|t\.\s?t\.?|t\.\s?th\.?|tanpa tahun|in press|forthcoming)"
_NUMBERED = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(?=\S)")
# Author-year labels: "[Sco94] Scott, George M. (1994). ..."
_LABEL = re.compile(r"^\s*\[[A-Z][A-Za-z]{0,7}\+?\d{2,4}[a-z]?\]\s*(?=\S)")
_SURNAME = rf"(?:(?:{'|'.join(sorted(PARTICLES))})\s+)*[{_UP}][\w'\u2019\-]+"
# "Surname, A." / "Surname, A. B., &" / "Surname, Name." / "van Dijk, J." / "Surname A," (Vancouver)
_PERSON_START = re.compile(
    rf"^\s*{_SURNAME}(?:\s+{_SURNAME}){{0,2}}\s*,\s*"
    rf"(?:[{_UP}]\.|[{_UP}][\w\-]+[ ,.]|[{_UP}]{{1,3}}[,.]|[{_UP}]\s[{_UP}]\b|dkk\b|et al\b)"
    rf"|^\s*{_SURNAME}\s+[{_UP}]{{1,3}}(?:[,.]|\s+\()"
)
# "Badan Pusat Statistik. (2023)." / "Munadi. (2023)." / "KPU. 2024." / "Sugiyono, 2013."
_NAME_YEAR_START = re.compile(
    rf"^\s*[{_UP}][\w&'\u2019.\-]*(?:\s+(?:[{_UP}][\w&'\u2019.\-]*|of|dan|and|for|the|&)){{0,6}}\s*[.,]?\s*"
    rf"\(?{_YEAR_TOKEN}\)?[.,:]"
)
_CONTINUES = re.compile(r"(?:[,&;:\-\u2013]|\b(?:and|dan|&|of|the|in|dalam|et|al)|\s)$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+|hal(?:aman)?\.?\s+)?\d{1,4}(?:\s*(?:of|/|dari)\s*\d{1,4})?\s*$", re.I)


_HEADER_LIKE = re.compile(r"\bvol(?:ume)?\.?\s*#.*\b(?:no|nomor|issue)\.?\s*#|\b(?:e-|p-)?issn\b", re.I)


def _running_lines(text: str) -> set[str]:
    """Lines printed on several pages (journal headers and footers), with digits masked: three
    times, or twice when they look like a journal header ("Jurnal X Vol. 3 No. 1", "ISSN ...")."""
    counts = Counter(re.sub(r"\d+", "#", line.strip()) for line in text.split("\n") if line.strip())
    return {
        line for line, n in counts.items() if len(line) > 12 and (n >= 3 or n == 2 and _HEADER_LIKE.search(line))
    }


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, line) pairs of the list's body: heading, blanks, headers, footers and page numbers dropped."""
    running = _running_lines(text)
    out: list[tuple[int, str]] = []
    offset = start
    for i, line in enumerate(text[start:end].split("\n")):
        here = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or (i == 0 and _HEADING_LINE.match(line)):
            continue
        if _HEADING_LINE.fullmatch(line) and len(stripped) < 30:
            continue
        if _PAGE_NUMBER.match(stripped) or re.sub(r"\d+", "#", stripped) in running:
            continue
        out.append((here + len(line) - len(line.lstrip()), stripped))
    return out


# Where a second entry starts inside a line PDF text joined: "... Jakarta: BPS. Cascio, W F., dan Awad. 1981."
_MERGED = re.compile(
    rf"(?<=[a-z\d)]\.)\s+(?={_SURNAME}(?:\s+{_SURNAME}){{0,2}},\s*(?:[{_UP}]\.?\s|[{_UP}][a-z]+|dkk)"
    rf"[^()]{{0,120}}?[\s(]{_YEAR_TOKEN}\)?[.,:])"
)


def _split_merged_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines cut where a second author-year entry starts after the first one's year."""
    out: list[tuple[int, str]] = []
    for offset, line in lines:
        first_year = _HAS_YEAR.search(line)
        cut = 0
        for match in _MERGED.finditer(line, first_year.end() if first_year else len(line)):
            piece = line[cut : match.start()].strip()
            if piece:
                out.append((offset + cut, piece))
            cut = match.end()
        out.append((offset + cut, line[cut:]))
    return out


def _numbered_starts(lines: list[tuple[int, str]]) -> list[int] | None:
    """Indexes of lines that open entries of a numbered list (1, 2, 3, ... in order), or None."""
    starts: list[int] = []
    expected = None
    style = ""
    for i, (_, line) in enumerate(lines):
        match = _NUMBERED.match(line)
        if not match or (style and style != ("number" if line.lstrip()[0].isdigit() else "bracket")):
            continue
        style = "number" if line.lstrip()[0].isdigit() else "bracket"  # "[1]" and "1." lists are not mixed
        number = int(match.group(1) or match.group(2))
        if (
            expected is None
            and number <= 3
            or number == expected
            or (expected and expected < number <= expected + 2)
            or (number == 1 and starts)  # a second list starts over (sidebars, chapters)
        ):
            starts.append(i)
            expected = number + 1
    if starts and len(starts) >= max(2, (starts[-1] + 1) // 8):
        return starts
    labelled = [i for i, (_, line) in enumerate(lines) if _LABEL.match(line)]
    if len(labelled) >= 2:
        return labelled
    return None


_STRONG_START = re.compile(
    rf"^\s*{_SURNAME}(?:\s+{_SURNAME}){{0,2}},\s*(?:[{_UP}]\.|[{_UP}]{{1,3}}[,.]|[{_UP}]\s[{_UP}]\b)"
    rf"|^\s*{_SURNAME}(?:\s+{_SURNAME})?\s+[{_UP}]{{1,3}}(?:[,.]|\s+\(\s*{_YEAR_TOKEN}\s*\))"
)
# Display-order names: "Arman Cohan and Nazli Goharian. 2015.", "Laurens van der Maaten and",
# "Masaki Eto. 2019.", "C. L. Giles, K. D. Bollacker, and".
_GIVEN = rf"(?:[{_UP}][\w'\u2019\-]+|[{_UP}]\.(?:\s?[{_UP}]\.)*)"
_DISPLAY_START = re.compile(
    rf"^\s*{_GIVEN}(?:\s+(?:{_GIVEN}|{'|'.join(sorted(PARTICLES))})){{1,4}}\s*"
    rf"(?:,|\s(?:and|&|dan)\s|\.\s+\(?{_YEAR_TOKEN}\b)"
)
_YEAR_FIRST = re.compile(rf"^\s*\(?{_YEAR_TOKEN}\)?[.,]")
_HAS_YEAR = re.compile(rf"(?<!\d){_YEAR_TOKEN}(?!\d)")
_ENDS_ENTRY = re.compile(r"(?:(?<!\b[A-Z])[.)\]>]|\d|https?://\S+|doi\S+)$", re.IGNORECASE)


def _author_year_starts(lines: list[tuple[int, str]]) -> list[int]:
    """Indexes of lines that open entries: a line starting like an entry's author part, after a
    line that could end one; without a year near its start, only "Surname, I." counts."""
    starts = []
    for i, (_, line) in enumerate(lines):
        if i == 0:
            starts.append(i)
            continue
        prev = lines[i - 1][1]
        if _CONTINUES.search(prev) or re.search(rf"(?:^|[\s.,])[{_UP}]\.$", prev):
            continue  # "..., and", "Smith, A. B.,", "Daniel S." go on on the next line
        if re.search(rf"(?:^|\s)[{_UP}][\w'\u2019\-]+$", prev) and not (
            _STRONG_START.match(line) and _HAS_YEAR.search(line, 0, 160)
        ):
            continue  # a wrapped display-order author list: "..., Dan Klein, Gabriel" / "Stanovsky, Doug"
        terminal = bool(_ENDS_ENTRY.search(prev))
        year_near = bool(_HAS_YEAR.search(line, 0, 160))
        if not year_near and terminal and not _ENDS_ENTRY.search(line):
            # a long author list wrapped: "Tom Brown, Benjamin Mann, ..." with the year lines below
            year_near = any(_HAS_YEAR.search(later, 0, 200) for _, later in lines[i + 1 : i + 4])
        elif not year_near and terminal and i + 1 < len(lines):
            year_near = bool(_YEAR_FIRST.match(lines[i + 1][1]))  # "Simone Teufel, ..., and Dan Tidhar." / "2006. ..."
        if _STRONG_START.match(line) and (terminal or year_near):
            starts.append(i)
        elif (_PERSON_START.match(line) or terminal and _DISPLAY_START.match(line)) and year_near:
            starts.append(i)
        elif terminal and year_near and _NAME_YEAR_START.match(line):
            starts.append(i)
    return starts


def _last_entry(chunk: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The last entry's lines, without what follows the list (an appendix without a heading
    we know, author notes): it ends at the first line that closes a sentence once a year was seen."""
    seen_year = False
    for n, (_, line) in enumerate(chunk[:10]):
        seen_year = seen_year or bool(_HAS_YEAR.search(line))
        if seen_year and _ENDS_ENTRY.search(line):
            return chunk[: n + 1]
    return chunk[:10]


_OPEN_URL = re.compile(r"(?:https?://|doi\.org/|www\.)\S*$")


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
        elif re.search(r"[a-z]-$", out) and line[:1].islower():
            out = out[:-1] + line
        elif out.endswith(("/", "-")) or (_OPEN_URL.search(out) and not line[:1].isupper()):
            out += line
        else:
            out += " " + line
    return out


# --------------------------------------------------------------------------- reading one entry

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b10\.\d{4,9}/\S+", re.IGNORECASE)
_PAREN_YEAR = re.compile(
    rf"\(\s*(?P<year>{_YEAR_TOKEN})(?:\s*,[^()]{{0,30}})?\s*\)", re.IGNORECASE
)
_BARE_YEAR = re.compile(
    rf"(?<![\w/:-])(?<!\d\.)(?P<year>{_YEAR}[a-z]?|n\.\s?d\.|t\.\s?t\.)(?!\.\d)(?=[.,;:)\s]|$)"
)
# "A. Name, B. C. Name, and D. Name, ..." : the initial-first author lists of IEEE.
_IEEE_NAME = rf"(?:[{_UP}]\.\s?-?)+\s*(?:{_SURNAME})(?:\s+{_SURNAME})?"
_IEEE_AUTHORS = re.compile(
    rf"^\s*(?P<authors>{_IEEE_NAME}(?:\s*,\s*(?:and\s+)?{_IEEE_NAME}|\s+and\s+{_IEEE_NAME})*(?:,?\s+et\s+al\.)?)\s*[,.:]\s+"
)
# The end of the author part of "A. Name, B. C. Name, and D. Name. Title. Venue, 2020.": a period
# not after an initial.
_AUTHORS_END = re.compile(rf"(?<![\s.\-][{_UP}])(?<!^[{_UP}])\.\s+(?=\S)")
_QUOTED = re.compile(r"[\"\u201c\u201d\u201e](?P<title>[^\"\u201c\u201d]{4,400}?)[,.]?[\"\u201c\u201d]")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bvs)(?<!\bVol)(?<!\bno)(?<!\bed)(?<!\bEds)[.?!](?=\s|$)")


def _norm_year(year: str) -> str:
    y = re.sub(r"\s+", "", year).lower()
    if y.startswith(("n.d", "t.t", "t.th")) or y == "tanpatahun":
        return "n.d."
    return y


_VANCOUVER = re.compile(
    rf"^(?P<family>[{_UP}][\w'\u2019\-]+(?:\s+[{_UP}][\w'\u2019\-]+)?)"
    rf"\s+(?P<initials>[{_UP}](?:\.?-?[{_UP}]){{0,2}}\.?)$"
)


def _vancouver(text: str) -> str:
    """ "Hang CM, Lin W, Pan WH" / "Braun D., Sivils J." -> "Hang, CM; Lin, W; Pan, WH": surname first,
    initials after it without a comma, which the name parser would read the other way round."""
    chunks = [c.strip() for c in re.split(r"\s*(?:,|;|\band\b|\bdan\b|&)\s*", text) if c.strip()]
    if not chunks or not all(_VANCOUVER.match(c) for c in chunks):
        return text
    return "; ".join(re.sub(_VANCOUVER, lambda m: f"{m.group('family')}, {m.group('initials')}", c) for c in chunks)


INSTITUTION_WORDS = frozenset(
    """badan kementerian kementrian komisi lembaga dewan direktorat pusat dinas sekretariat pemerintah
    departemen depdiknas kemendikbud kemenkominfo kominfo bappenas bawaslu mahkamah perserikatan tim redaksi
    provinsi kabupaten kota republik bank biro asosiasi ikatan yayasan perkumpulan universitas institut
    ministry department office organization organisation association council commission committee agency
    bureau institute university foundation centre center society union bank group corporation company
    world international national nations united board authority service government statistics statistik
    forum network project consortium""".split()
)


def _is_literal(text: str) -> bool:
    """Is an author part one name that must stay whole: "Badan Pusat Statistik", "KPU",
    "World Health Organization", "Munadi"?"""
    if re.search(r"[,;&]|\b[A-Z]\.", text):
        return False
    words = re.sub(r"\([^()]*\)", " ", text).split()  # "Badan ... Indonesia (BPOM)"
    if len(words) == 1 or text.isupper() or any(w.lower() in INSTITUTION_WORDS for w in words):
        return True  # institutions keep their "dan": "Kementerian Komunikasi dan Informatika"
    return False


# An initial printed against the surname after it, as some IEEE lists do: "J.Goll, C.Weiß".
_JOINED_INITIAL = re.compile(r"\b([A-Z]\.)(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])")


def _surnames(author_text: str) -> list[str]:
    """Surnames in an author list as reference lists print it."""
    from litreview.text.names import parse_name_list

    text = re.sub(r"\s+", " ", author_text).strip(" .,;:")
    text = re.sub(r"\s*;\s*&?\s*", "; ", text)
    text = re.sub(r"\((?:eds?|ed\.|eds\.|penyunting|editor|editors|Ed|Eds)\.?\)", "", text, flags=re.I)
    if not text or len(text) > 600:
        return []
    text = re.sub(r"\s+(?:tahun|year)$", "", text, flags=re.I)  # "Badan ... Tinggi Tahun 2008."
    text = _JOINED_INITIAL.sub(r"\1 ", text)  # "J.Goll" -> "J. Goll"
    if _is_literal(text):
        return [text]
    text = _vancouver(text)
    try:
        people, _ = parse_name_list(text)
    except Exception:  # pybtex refuses some oddities; fall back to the first words
        people = []
    names = [p.surname.strip(" .,") for p in people if p.surname.strip(" .,")]
    if not names:
        first = re.split(r"[,.;]", text)[0].strip()
        return [first] if first else []
    return names


def _title_after(rest: str) -> tuple[str, str]:
    """Title and venue from the text after the year: first sentence, then the next piece."""
    rest = rest.lstrip(" .,:;)")
    quoted = _QUOTED.match(rest)
    if quoted:
        title = quoted.group("title")
        after = rest[quoted.end() :]
    else:
        end = _SENTENCE_END.search(rest)
        title = rest[: end.start()] if end else rest
        after = rest[end.end() :] if end else ""
    venue = re.split(r",\s*(?:\d|vol|no|pp|hal|hlm)|\.\s|\(\d", after.strip(" ,.;:"), maxsplit=1, flags=re.I)[0]
    return title.strip(" .,;:"), venue.strip(" .,;:")[:200]


def _parse_entry(raw: str, numbered: bool) -> Reference:
    ref = Reference(raw=raw)
    body = _LABEL.sub("", _NUMBERED.sub("", raw, count=1), count=1) if numbered else raw
    doi = _DOI.search(body)
    if doi:
        ref.doi = doi.group(1).rstrip(".,;)]")
    searchable = _URL.sub(lambda m: " " * len(m.group(0)), body)
    quoted = _QUOTED.search(searchable)
    paren = _PAREN_YEAR.search(searchable, 0, 700)
    bare = _BARE_YEAR.search(searchable, 0, 700)
    found = paren if paren and (not bare or paren.start() <= bare.start() + 1) else bare
    # IEEE: A. Name, B. Name, and C. Name, "Title," Venue, ..., 2020.
    if quoted and (numbered or found is None or quoted.start() < found.start()):
        ref.authors = _surnames(body[: quoted.start()])
        ref.title = quoted.group("title").strip(" ,.")
        after = body[quoted.end() :]
        years = list(_BARE_YEAR.finditer(_URL.sub(" ", after)))
        ref.year = _norm_year(years[-1].group("year")) if years else ""
        ref.venue = re.split(r",", after.strip(" ,."), maxsplit=1)[0].strip()[:200]
        return ref
    before = searchable[: found.start()] if found else ""
    # the year right after the authors: "Name, A. 2012.", "A. Name. 2016.", "(2020)", "Sugiyono, 2013."
    early = found is not None and found.start() < 700 and bool(
        re.search(r"(?:^|\.)\s*\(?$", before) or (re.search(r",\s*$", before) and len(before.strip()) < 40)
    )
    if numbered and not early:  # "[3] A. Name and B. Name. Title. Venue, 2020."
        initial_first = _IEEE_AUTHORS.match(body)
        end = _AUTHORS_END.search(body)
        if initial_first:  # "F. Hakim, Data Mining for Beginners. Jakarta: ..., 2018."
            ref.authors = _surnames(initial_first.group("authors"))
            ref.title, ref.venue = _title_after(body[initial_first.end() :])
        elif end and end.start() < 700:
            ref.authors = _surnames(body[: end.start()])
            ref.title, ref.venue = _title_after(body[end.end() :])
        years = list(_BARE_YEAR.finditer(searchable))
        ref.year = _norm_year(years[-1].group("year")) if years else ""
        return ref
    if found is None:
        years = list(_BARE_YEAR.finditer(searchable))
        if years:
            ref.year = _norm_year(years[-1].group("year"))
        ref.authors = _surnames(re.split(r"[.\u201c\"]\s", body, maxsplit=1)[0])[:1]
        return ref
    ref.year = _norm_year(found.group("year"))
    head = body[: found.start()]
    if numbered and len(head) > 250:
        head = re.split(r"\.\s", head, maxsplit=1)[0]
    ref.authors = _surnames(head)
    ref.title, ref.venue = _title_after(body[found.end() :])
    return ref


def parse_reference_list(text: str, sections: Sequence[Section] | None = None) -> list[Reference]:
    """The entries of the reference list in ``text``, in order; [] when there is none."""
    span = find_reference_list(text, sections)
    if span is None:
        return []
    lines = _lines(text, *span)
    if not lines:
        return []
    numbered = _numbered_starts(lines)
    if numbered is None:
        lines = _split_merged_lines(lines)
    starts = numbered if numbered is not None else _author_year_starts(lines)
    if not starts:
        return []
    out = []
    for k, first in enumerate(starts):
        last = starts[k + 1] if k + 1 < len(starts) else len(lines)
        chunk = lines[first:last]
        if k + 1 == len(starts):
            chunk = _last_entry(chunk)
        raw = _join([line for _, line in chunk])
        if len(raw) < 12:
            continue
        ref = _parse_entry(raw, numbered is not None)
        last_offset, last_line = chunk[-1]
        ref.start, ref.end = chunk[0][0], last_offset + len(last_line)
        out.append(ref)
    return out


# --------------------------------------------------------------------------- linking

_ACRONYM_WORDS = frozenset("of the and dan for untuk dari di republik".split())


def _acronym(words: str) -> str:
    words = re.sub(r"\([^()]*\)", " ", words)  # without "(BPOM)"
    parts = [w for w in re.split(r"[\s\-]+", words) if w and w.lower() not in _ACRONYM_WORDS]
    return "".join(w[0] for w in parts).casefold() if len(parts) > 1 else ""


def _abbreviation(name: str) -> str:
    found = re.search(r"\(([^()\s]{2,12})\)", name)
    return surname_key(found.group(1)) if found else ""


def _name_score(cited: str, listed: str) -> float:
    """0-100: how well a surname in a citation matches one in a reference entry."""
    from rapidfuzz import fuzz

    a, b = surname_key(cited), surname_key(listed)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    score = fuzz.ratio(a, b) if min(len(a), len(b)) >= 4 else 0.0
    # Two-word names written in full on one side: "Abdul Rahman" / "Rahman", "Emi Sita Eriana" / "Eriana".
    ta = [surname_key(w) for w in cited.split()]
    tb = [surname_key(w) for w in listed.split()]
    if (len(ta) > 1 or len(tb) > 1) and (set(ta) & set(tb) - {""}):
        score = max(score, 92.0)
    # Institutions: "BPS" for "Badan Pusat Statistik", "BPOM" for "Badan ... Indonesia (BPOM)".
    if cited.isupper() and len(a) >= 2 and a in (_acronym(listed), _abbreviation(listed)) or (
        listed.isupper() and b in (_acronym(cited), _abbreviation(cited))
    ):
        score = max(score, 95.0)
    return score


_MIN_NAME_SCORE = 84.0


def link_citations(citations: Sequence[Citation], references: Sequence[Reference]) -> list[int | None]:
    """For each citation, the index in ``references`` of the entry it cites, or None.

    The year must agree (2019a only with 2019a; a bare 2019 with a single 2019
    entry of that author, or with 2019a when the list has only one of them),
    and the first author's surname must match after :func:`surname_key`, with
    small spelling differences allowed; agreeing co-authors break ties.
    """
    by_year: dict[str, list[int]] = {}
    for i, ref in enumerate(references):
        if ref.year and ref.authors:
            by_year.setdefault(ref.year, []).append(i)
            base = ref.year[:4]
            if base != ref.year and base.isdigit():
                by_year.setdefault(base + "*", []).append(i)
    out: list[int | None] = []
    for cit in citations:
        out.append(_link_one(cit, references, by_year))
    return out


def _link_one(cit: Citation, references: Sequence[Reference], by_year: dict[str, list[int]]) -> int | None:
    if not cit.authors:
        return None
    year = _norm_year(cit.year)
    candidates = list(by_year.get(year, []))
    lettered = year[:4].isdigit() and len(year) == 5
    if lettered:
        candidates += by_year.get(year[:4], [])  # the list may not letter its entries
    else:
        candidates += by_year.get(year + "*", [])
    scored = []
    for i in candidates:
        ref = references[i]
        score = _name_score(cit.authors[0], ref.authors[0])
        if score < _MIN_NAME_SCORE:
            continue
        co = sum(
            1
            for name in cit.authors[1:]
            if any(_name_score(name, other) >= _MIN_NAME_SCORE for other in ref.authors[1:])
        )
        shape = 0.5 if (cit.et_al and len(ref.authors) >= 3) or (len(cit.authors) == len(ref.authors)) else 0.0
        exact = 1.0 if ref.year == year else 0.0
        scored.append((score + 10 * co + shape + exact, i))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], s[1]))
    if len(scored) > 1 and not lettered and scored[0][0] == scored[1][0]:
        first, second = references[scored[0][1]], references[scored[1][1]]
        if first.year != second.year:  # "2019" between 2019a and 2019b: cannot tell
            return None
    return scored[0][1]
