"""Find in-text citations in Indonesian and English academic prose.

Handles parenthetical groups "(Rahadi & Abdillah, 2013; Abdillah, 2014)",
"(Rahman, dkk. 2021)", "(Hidayat, 2015:45)", "(Hidayat, 2015, p. 45)", narrative
"Kruikemeyer dkk. (2013)", "Fahruji dan Fahrudin (2023)", "Cobis dan Rusadi
tahun 2023", and "n.d." / "t.t." / "tanpa tahun". A citation needs a name and
a year: a bare "(2024)", "Pemilu 2024" or "14 Februari 2024" is not one.
"""

from __future__ import annotations

import re

from litreview.model import Citation, Section

_PARTICLES = frozenset("van von de der den di da du la le al bin binti el dos del".split())
_PARTICLE = rf"(?:(?:{'|'.join(sorted(_PARTICLES))})\s+)"
_WORD = r"[A-Z\u00c0-\u00de][\w'\u2019\-]*"
_NAME = rf"{_PARTICLE}*{_WORD}"
_YEAR = r"(?:1[5-9]\d{2}|20\d{2})[a-z]?|n\.\s?d\.|t\.\s?t\.|tanpa tahun|in press|forthcoming"
_PAGE = r"(?:\s*:\s*\d+(?:\s*[-\u2013]\s*\d+)?|,\s*(?:p|pp|hlm|hal|h)\.?\s*\d+(?:\s*[-\u2013]\s*\d+)?)"
_ETAL = r"(?:dkk\.?|et\.?\s*al\.?|et\s+al\.?|cs\.?)"
_JOIN = r"(?:\s*,\s*|\s*&\s*|\s+and\s+|\s+dan\s+|\s*,\s*(?:and|dan|&)\s+)"
_AUTHORS = rf"{_NAME}(?:\s+{_WORD})?(?:{_JOIN}{_NAME}(?:\s+{_WORD})?)*(?:,?\s*{_ETAL})?"

_PAREN = re.compile(r"\(([^()]{3,400})\)")
_ITEM = re.compile(
    rf"^(?:(?:dalam|lihat|see|e\.g\.,?|cf\.|in|mis\.,?)\s+)?(?P<authors>{_AUTHORS})\s*,?\s*"
    rf"(?P<years>(?:{_YEAR})(?:\s*,\s*(?:{_YEAR}))*)(?P<page>{_PAGE})?\s*$"
)
_FULLNAME = rf"{_WORD}(?:\s+{_PARTICLE}?{_WORD}){{0,3}}"
_NARRATIVE = re.compile(
    rf"(?<![\w(])(?P<authors>{_FULLNAME}(?:\s+(?:dan|and|&)\s+{_FULLNAME}|\s+{_ETAL})?)\s*"
    rf"\((?P<years>(?:{_YEAR})(?:\s*,\s*(?:{_YEAR}))*)(?P<page>{_PAGE})?\)"
)
_NARRATIVE_TAHUN = re.compile(
    rf"(?<![\w(])(?P<authors>{_WORD}(?:\s+{_WORD}){{0,3}}(?:\s+(?:dan|and|&)\s+{_WORD}(?:\s+{_WORD}){{0,3}})?)"
    rf"\s+(?:tahun|pada tahun|in)\s+(?P<years>(?:19|20)\d{{2}})\b"
)

# Capitalised words that head a "(Word, 2020)" or "Word (2020)" without being an author.
_NOT_NAMES = frozenset(
    """januari februari maret april mei juni juli agustus september oktober november desember
    january february march may june july august october december jan feb mar apr jun jul aug sep sept oct
    nov dec pemilu pilkada pileg pilpres tahun gambar tabel grafik figure fig table bab pasal uu undang
    undang-undang perpres perppu pp permen perda sejak hingga sampai
    periode semester triwulan kuartal versi edisi vol volume no nomor halaman hal page pages chapter
    the in on at per since until during before after by from see lihat dalam pada dan and
    indonesia jakarta media abstrak abstract pendahuluan introduction metode metodologi method methods
    hasil results pembahasan discussion kesimpulan simpulan conclusion penutup lampiran appendix
    gambar sumber source catatan note""".split()
)


def _split_authors(raw: str) -> tuple[list[str], bool]:
    et_al = bool(re.search(rf"{_ETAL}\s*$", raw))
    raw = re.sub(rf",?\s*{_ETAL}\s*$", "", raw)
    parts = re.split(r"\s*,\s*(?:and|dan|&)\s+|\s*&\s*|\s+and\s+|\s+dan\s+|\s*,\s*", raw)
    return [p.strip() for p in parts if p.strip()], et_al


def _surname(name: str) -> str:
    """Last word of a full name with any particles before it: "Atef Fahrudin" -> "Fahrudin",
    "Teun van Dijk" -> "van Dijk"."""
    words = name.split()
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(words[i:])


def _years(raw: str) -> list[str]:
    return [y.strip() for y in re.split(r"\s*,\s*", raw) if y.strip()]


def _plausible(authors: list[str]) -> bool:
    if not authors:
        return False
    first = authors[0].split()[-1].lower().strip(".")
    return first not in _NOT_NAMES and not authors[0].lower().startswith(("pemilu", "pilkada"))


def _excluded(sections: list[Section]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sections if s.kind in ("references", "appendix")]


def extract_citations(text: str, sections: list[Section] | None = None) -> list[Citation]:
    """Every in-text citation in ``text``, in order, outside the reference list."""
    skip = _excluded(sections or [])

    def skipped(pos: int) -> bool:
        return any(a <= pos < b for a, b in skip)

    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for match in _PAREN.finditer(text):
        if skipped(match.start()):
            continue
        group_hits = []
        for part in match.group(1).split(";"):
            item = _ITEM.match(part.strip())
            if not item:
                continue
            authors, et_al = _split_authors(item.group("authors"))
            if not _plausible(authors):
                continue
            page = (item.group("page") or "").strip(" ,:")
            for year in _years(item.group("years")):
                group_hits.append(
                    Citation(text=match.group(0), authors=authors, year=year, start=match.start(),
                             end=match.end(), et_al=et_al, page=page)
                )
        if group_hits:
            found.extend(group_hits)
            taken.append((match.start(), match.end()))
    for pattern in (_NARRATIVE, _NARRATIVE_TAHUN):
        for match in pattern.finditer(text):
            if skipped(match.start()) or any(a < match.end() and match.start() < b for a, b in taken):
                continue
            authors, et_al = _split_authors(match.group("authors"))
            authors = [_surname(a) for a in authors]
            if not _plausible(authors):
                continue
            page = (match.groupdict().get("page") or "").strip(" ,:")
            for year in _years(match.group("years")):
                found.append(
                    Citation(text=match.group(0), authors=authors, year=year, start=match.start(),
                             end=match.end(), et_al=et_al, narrative=True, page=page)
                )
            taken.append((match.start(), match.end()))
    found.sort(key=lambda c: (c.start, c.end))
    return found
