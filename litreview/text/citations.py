"""Find author-year in-text citations in Indonesian and English academic prose.

Parenthetical groups "(Rahadi & Abdillah, 2013; Abdillah, 2014)", "(Rahman, dkk.
2021)", "(Lim, Tan, & Wong, 2018)", "(KPU, 2024)", "(Kompas.com, 2023)", "(Hidayat,
2015:45)", "(Hidayat, 2015, hlm. 45)", "(Wibowo, 2019a, 2019b)", "(Baruch 2000)";
narrative "Kruikemeyer dkk. (2013)", "Fahruji dan Fahrudin (2023)", "Komisi Pemilihan
Umum (2019)", and "Cobis dan Rusadi tahun 2023" after a word such as "penelitian";
secondary "Castells (dalam Nasrullah, 2015)" / "(Castells, 2009 dalam Nasrullah,
2015)", whose work cited is Nasrullah 2015, Castells going to ``Citation.original``;
"n.d." / "t.t." / "tanpa tahun". A citation needs a name and a year: "(2024)",
"Pemilu 2024", "14 Februari 2024", "Tabel 2 (2024)" or "UU No. 7 Tahun 2017" are not
ones. The reference list itself is never mined.

Authors are given as the paper writes them in a group ("Abdul Rahman", "van Dijk",
"Badan Pusat Statistik"); a narrative name written in full gives its surname
("Mikhael Yulius Cobis" -> "Cobis"), unless the paper itself uses a longer form
("Oude Elberink" in a group or at the head of a reference entry).

PDF text is read as it comes: line breaks inside a citation, words hyphenated at a
line end, no-break spaces, curly apostrophes, and accents set apart from their letter
("Farber \u00a8 (2019)"). Every pattern is anchored on a year or a parenthesis, so the
text is scanned a few times by cheap regexes and names are only looked for in short
stretches before them.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from litreview.model import Citation, Section
from litreview.text.references import INSTITUTION_WORDS, PARTICLES, find_reference_list

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_PARTICLE = rf"(?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})\s+)"
_ARTICLE = r"(?:al|el|as|ad|an|ar|at|az)-"
# One capitalised word of a name: "Wibowo", "McNair", "O'Neil", "Smith-Jones", "KPU", "al-Farabi".
_WORD = rf"(?:(?:{_ARTICLE})?[{_UP}][\w'\-]*)"
_INITIALS = rf"(?:[{_UP}]\.\s?(?:-?[{_UP}]\.\s?){{0,3}})"
_CONNECT = r"(?:\s+(?:of|for|on|the|und|f\u00fcr)(?=\s+[A-Z]))"
# A name as written in a parenthetical item: "van Dijk", "Abdul Rahman", "Badan Pusat
# Statistik", "Bawaslu RI", "Laudon, K.", "Sugrue J.", "Ronald J.N.".
# News sites cited by name: "(Kompas.com, 2023)", "(detik.com, 2024)", "(tirto.id, 2019)".
_DOMAIN = r"(?:[A-Za-z][\w\-]*(?:\.[A-Za-z][\w\-]*)*\.(?:com|id|net|org|co\.id|go\.id|or\.id|ac\.id|co\.uk|io|news|tv))"
_AUTHOR = (
    rf"(?:{_DOMAIN}|{_PARTICLE}*{_WORD}(?:(?:{_CONNECT})?\s+{_PARTICLE}*{_WORD}){{0,4}}"
    rf"(?:,?\s+{_INITIALS}(?=[\s,&;]|$))?)"
)
_ETAL = r"(?:et\.?\s*al(?:ii|\.)?\.?|dkk\.?|dkk|cs\.?|dan\s+kawan-kawan|and\s+colleagues)"
_SEP = r"(?:\s*,\s*(?:&|and|dan)\s+|\s*,\s*|\s*&\s*|\s+and\s+|\s+dan\s+)"
_AUTHORS = rf"{_AUTHOR}(?:{_SEP}{_AUTHOR}){{0,9}}(?:,?\s*{_ETAL})?"
_YEAR = (
    r"(?:(?:1[6-9]\d\d|20\d\d)(?:[a-z](?![a-zA-Z]))?(?![\d\-\u2013/]\d)"
    r"|n\.\s?d\.?|t\.\s?t\.?|t\.\s?th\.?|tanpa\s+tahun|in\s+press|forthcoming|dalam\s+proses)"
)
_YEARS = rf"{_YEAR}(?:(?:\s*[,;]\s*|\s+(?:dan|and|&)\s+)(?:{_YEAR}|[a-z]\b(?!\.)))*"
_PAGE = (
    r"(?:\s*:\s*\d+(?:\s*[-\u2013]\s*\d+)?"
    r"|\s*,?\s*(?:pp?|hlm|hal|h|page|pages|halaman|ch|chap|chapter|bab|para|par)\.?\s*\d+(?:\s*[-\u2013]\s*\d+)?"
    r"|\s*,\s*\d{1,3}(?:\s*[-\u2013]\s*\d{1,4})?(?!\d))"  # "(Lim 2017, 45)"
)
_MONTH = (
    r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|Agt|September|Oktober|Nopember|November"
    r"|Desember|January|February|March|May|June|July|August|October|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Des|Dec)\.?"
)
# A news item's date before the year: "(Tempo, 10 Maret 2023)", "(Reuters, March 3, 2024)".
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+(?:\d{{1,2}},?\s+)?)"
_TAIL = (
    rf"(?:\s*,\s*{_MONTH}(?:\s+\d{{1,2}})?"  # APA: "(Sari, 2023, Maret 5)"
    r"|\s*,?\s*(?:inter alia|among others|dan lain-lain|dll|etc)\.?"
    r"|\s*,\s*(?:for|see|who|which|cited|reviewed|emphasis|italics|original|penekanan|cetak)\b[^;()]{0,60})?"
)

# A candidate group: parentheses holding a year-like token.
_PAREN = re.compile(r"\(([^()]{2,400}?)\)")
_HAS_YEAR = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)|n\.\s?d|t\.\s?t|tanpa tahun|in press|forthcoming", re.I)
# One item of a group, at its end: whatever comes before it is a prefix ("lihat", "e.g.,").
_ITEM = re.compile(
    rf"(?<![\w'\-.])(?P<authors>{_AUTHORS})(?P<sep>\s*[,.]?\s*|\s*,\s*{_DATE})(?P<years>{_YEARS})(?P<page>{_PAGE})?{_TAIL}\s*$"
)
_YEARS_ONLY = re.compile(rf"^\s*(?P<years>{_YEARS})(?P<page>{_PAGE})?{_TAIL}\s*$")
# Narrative: names written before "(2019)"; the names part is matched backwards from the paren.
_NARRATIVE_PAREN = re.compile(rf"\(\s?(?P<years>{_YEARS})(?P<page>{_PAGE})?{_TAIL}\s*\)")
_NAMEWORD = rf"(?:{_PARTICLE}*{_WORD}|{_INITIALS})"
_FULLNAME = rf"{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,3}}"
_LASTNAME = rf"(?:{_FULLNAME}|[a-z][a-z\-]{{2,}})"  # "Simarmata dan paryudi (2007)"
_NARRATIVE_NAMES = re.compile(
    rf"(?<![\w\-.'])(?P<authors>{_FULLNAME}(?:(?:{_SEP}){_FULLNAME})*(?:{_SEP}{_LASTNAME})?"
    rf"(?:,?\s*{_ETAL})?)(?:['\u2019]s)?\s*,?\s*$"
)
_LOWER_NARRATIVE = re.compile(r"(?i:menurut|according\s+to)\s+(?P<authors>[a-z][a-z\-]{2,})\s*,?\s*$")
# "Cobis dan Rusadi tahun 2023": only after a word that announces a study.
_TAHUN = re.compile(r"\s(?:pada\s+)?tahun\s+(?P<years>(?:1[6-9]\d\d|20\d\d)(?![\d\-\u2013]))")
_TAHUN_CUE = re.compile(
    rf"(?i:penelitian|studi|riset|kajian|karya|tulisan|artikel|buku|temuan|skripsi|tesis|disertasi"
    rf"|menurut|pendapat|pandangan|teori|laporan|survei"
    rf"|(?:dilakukan|ditulis|diteliti|dikemukakan|dijelaskan|diungkapkan|dinyatakan)(?:\s+oleh)?)\s+"
    rf"(?P<authors>{_FULLNAME}(?:{_SEP}{_FULLNAME})*(?:,?\s*{_ETAL})?)\s*$"
)
# Plain "oleh" only before two authors or "dkk.": "oleh Cobis dan Rusadi tahun 2023".
_TAHUN_OLEH = re.compile(
    rf"(?i:oleh|by)\s+(?P<authors>{_FULLNAME}(?:(?:{_SEP}{_FULLNAME})+(?:,?\s*{_ETAL})?|,?\s*{_ETAL}))\s*$"
)
_TAHUN_ETAL = re.compile(rf"(?<![\w\-.'])(?P<authors>{_FULLNAME},?\s*{_ETAL})\s*$")
# A group whose "(" went missing: "Armanu & Solimun, 2011)" / "Leliana, 2008; Pipes".
_BARE = re.compile(
    rf"(?<![\w'\-.(])(?P<authors>{_AUTHORS})\s*,\s*(?P<years>{_YEARS})(?P<page>{_PAGE})?(?=\s*[);])"
)

_SECONDARY = re.compile(
    r"(?:(?<=[,\d])\s*in|\b(?:dalam|as\s+cited\s+in|cited\s+in|quoted\s+in|dikutip\s+(?:dalam|dari|oleh)"
    r"|sebagaimana\s+dikutip(?:\s+(?:dalam|dari|oleh))?|via))\s*:?\s*$",
    re.I,
)
_ORIGINAL_CUE = re.compile(
    rf"(?i:menurut|according\s+to|teori|konsep|pendapat|definisi|pandangan)\s+(?P<name>{_FULLNAME})\s*$"
)
_NAME_BEFORE = re.compile(rf"(?<![\w\-.'])(?P<name>{_WORD}(?:\s+{_PARTICLE}*{_WORD}){{0,2}}) $")
# Capitalised words before a group that are not an author quoted through it.
_NOT_ORIGINAL = frozenset(
    """facebook twitter instagram tiktok youtube whatsapp telegram google internet x web online
    partai presiden gubernur bupati walikota menteri dpr mpr pemerintah negara provinsi kabupaten kota
    teori model konsep tabel gambar indonesia jawa sumatera bali jakarta""".split()
)
_ORIGINAL_BEFORE = re.compile(rf"(?<![\w\-.'])(?P<name>{_FULLNAME}(?:,?\s*{_ETAL})?)\s*$")
_ETAL_END = re.compile(rf",?\s*{_ETAL}\s*$")
_AUTHOR_SPLIT = re.compile(r"\s*,\s*(?:and|dan|&)\s+|\s*&\s*|\s+and\s+|\s+dan\s+|\s*,\s*(?![A-Z]\.)")
_CAMEL = re.compile(r"^[A-Z][a-z]{3,}(?<!Fitz)(?=[A-Z][a-z]{2,}$)")

# Capitalised words that stand before a year without being authors.
_NOT_NAMES = frozenset(
    """januari februari maret april mei juni juli agustus september oktober november desember
    january february march may june july august october december jan feb mar apr jun jul aug sep sept
    oct nov dec pemilu pemilihan pilkada pileg pilpres kampanye tahun thn gambar tabel grafik diagram bagan
    figure fig figs table tables chart bab pasal ayat uu undang undang-undang perpres perppu pp permen
    perda peraturan keputusan inpres keppres kepmen instruksi nomor no nos number vol volume issue edisi
    edition ed versi version rev halaman hal hlm page pages chapter section sect appendix lampiran
    sejak hingga sampai selama periode semester triwulan kuartal quarter masa era orde reformasi
    sensus survei survey the in on at per since until during before after by from to see lihat dalam
    pada dan and of indonesia jakarta abstrak abstract pendahuluan introduction metode metodologi
    method methods hasil results pembahasan discussion kesimpulan simpulan conclusion penutup sumber
    source catatan note notes data tanggal tgl date covid covid-19 pandemi pandemic summer winter
    spring autumn fall q1 q2 q3 q4 h1 h2 januari-desember olahan diolah peneliti penulis author authors
    dokumentasi wawancara observasi kuesioner angket responden informan primer sekunder screenshot
    tangkapan layar own calculation calculations compiled uud kuhp tap ketetapan amandemen putusan""".split()
)


_LEAD_WORDS = frozenset(
    """menurut penelitian studi riset kajian hasil dalam oleh pada di ke dari untuk bagi karena jadi maka
    kemudian lalu selain sedangkan namun tetapi sementara seperti berdasarkan sebagaimana sesuai
    dilakukan ditulis teori konsep pendapat definisi pandangan buku artikel jurnal temuan sumber data
    survei laporan catatan
    according following see lihat meanwhile however moreover similarly additionally furthermore
    in the this these both recently later also and but while as for thus hence unlike like
    whereas although though since when where yet so then by with from interestingly notably importantly
    specifically finally first second third next here there other others recent previous prior earlier
    similar related still even only indeed instead therefore consequently accordingly likewise""".split()
)


# Words that end names of journals, datasets and institutions, never a surname in "X (2020)".
_NOT_NARRATIVE = frozenset(
    """journal review research science sciences engineering system systems studies management technology
    technologies conference proceedings society association report survey act law index model models
    theory framework approach analysis method methods data dataset datasets corpus benchmark edition update
    guidelines guideline standard protocol policy program programme project platform network news
    online internet web software hardware library libraries university universitas institute lab
    laboratory center centre foundation department ministry kementerian dinas badan komisi lembaga
    undang-undang peraturan""".split()
)


def _strip_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    return re.sub(r"['\u2019]s$", "", name)


def _split_authors(raw: str) -> tuple[list[str], bool]:
    """Authors of one item as written, and whether it ended in "et al." / "dkk."."""
    et_al = bool(_ETAL_END.search(raw))
    raw = _ETAL_END.sub("", raw)
    parts = _AUTHOR_SPLIT.split(raw)
    names: list[str] = []
    for part in parts:
        part = _strip_name(part)
        if not part:
            continue
        if re.fullmatch(r"(?:[A-Z]\.\s?)+", part + "."):
            continue  # the initials of "Laudon, K." split off on their comma
        part = re.sub(r"(?:,?\s+(?:[A-Z]\.(?:-?[A-Z]\.)*|[A-Z]))+\.?$", "", part).strip(" ,") or part
        names.append(part)
    # Words that begin a sentence or a clause before the first author: "Menurut Penelitian
    # Suriani", "HIK, Menurut Penelitian Suriani" (the names start after the last of them).
    for i in range(len(names) - 1, -1, -1):
        words = names[i].split()
        lead = [k for k, w in enumerate(words[:-1]) if w.lower().strip(",.") in _LEAD_WORDS]
        if lead:
            names = [" ".join(words[lead[-1] + 1 :])] + names[i + 1 :]
            break
    return names, et_al


def _surname(name: str) -> str:
    """Surname of a name written in full: "Atef Fahrudin" -> "Fahrudin", "Teun van Dijk" ->
    "van Dijk", "Schmuller J." -> "Schmuller", "DedenFahruji" -> "Fahruji"."""
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.-?)+", w)] or name.split()
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in PARTICLES:
        i -= 1
    last = " ".join(words[i:])
    camel = _CAMEL.match(last)
    return last[camel.end() :] if camel else last


def _years(raw: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*[,;]\s*|\s+(?:dan|and|&)\s+", raw.strip()):
        part = re.sub(r"\s+", " ", part)
        if not part:
            continue
        if len(part) == 1 and out and out[-1][:4].isdigit():  # "2019a, b"
            out.append(out[-1][:4] + part)
            continue
        low = part.lower().replace(" ", "")
        if low.startswith(("n.d", "t.t", "t.th")):
            part = "n.d." if low.startswith("n.d") else "t.t."
        out.append(part)
    return out


def _plausible(authors: list[str]) -> bool:
    """Can the first of ``authors`` be an author: no month, election, table or law word first."""
    if not authors:
        return False
    first = authors[0]
    words = first.lower().replace(".", " ").split()
    if not words or words[0] in _NOT_NAMES:  # "Februari", "Pemilu Serentak", "Tabel"
        return False
    return len(first.strip(".")) >= 2


_SPACING_ACCENTS = "\u00a8\u02d8\u02dc\u00b4\u0060\u02c6\u02c7\u02da\u00b8\u02db\u00af\u02d9\u02dd"


class _Cleaned:
    """The text as the patterns see it: soft hyphens and zero-width characters dropped,
    words split across lines by a hyphen rejoined, curly apostrophes made straight;
    ``original(i)`` maps an offset back into the text as given."""

    _DROP = re.compile(
        r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
        r"|(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])"  # "Abdil-\nlah"
        r"|(?<=[A-Za-z]-)[ \t]*\r?\n[ \t]*(?=[A-Z])"  # "Smith-\nJones"
        # accents PDF text sets apart from their letter: "Farber ¨ (2019)", "Ronkk ¨ o", "( ´ 2004)"
        rf"|(?<=[^\W\d_])[ \t]?[{_SPACING_ACCENTS}][ \t]?(?=[^\W\d_])|[ \t]?[{_SPACING_ACCENTS}]"
    )

    # Every match of _DROP starts at most one character away from one of these: a dropped
    # character, an accent, or a hyphen before a line end (the rejoining alternatives start at the
    # hyphen or just after it). The text is scanned for these cheaply; _DROP is tried only there.
    _NEAR = re.compile(rf"[\u00ad\u200b\u200c\u200d\u2060\ufeff{_SPACING_ACCENTS}]|-[ \t]*\r?\n")

    @classmethod
    def drops(cls, text: str) -> Iterator[re.Match[str]]:
        """What ``_DROP.finditer(text)`` gives, found by trying it only next to ``_NEAR``'s hits."""
        pos = 0
        match_at = cls._DROP.match
        for near in cls._NEAR.finditer(text):
            c = near.start()
            for at in (c - 1, c, c + 1):
                if at < pos:
                    continue
                found = match_at(text, at)
                if found:
                    yield found
                    pos = found.end()
                    break

    def __init__(self, text: str) -> None:
        pieces, self._at, self._shift = [], [0], [0]
        last = removed = 0
        for match in self.drops(text):
            pieces.append(text[last : match.start()])
            removed += match.end() - match.start()
            last = match.end()
            self._at.append(last - removed)  # where the text after the cut lands
            self._shift.append(removed)
        pieces.append(text[last:])
        self.text = _straighten("".join(pieces) if len(pieces) > 1 else text)

    def original(self, i: int) -> int:
        return i + self._shift[bisect_right(self._at, i) - 1]


_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " "}


def _straighten(text: str) -> str:
    """``text`` with _QUOTES replaced: one character for one, so a pass per character is what
    ``str.translate`` does, and a tenth of its time on a long text."""
    for curly, straight in _QUOTES.items():
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _multiword_surnames(
    found: list[Citation], written: list[tuple[list[Citation], list[str]]], ref_text: str
) -> None:
    """Give narrative citations the surnames of more than one word that the paper itself uses:
    "Oude Elberink (2010)" is "Oude Elberink" when a group cites "(Oude Elberink et al., 2013)" or
    the reference list has "Oude Elberink, S."; "Atef Fahrudin (2023)" stays "Fahrudin"."""
    if not written:
        return
    known = {name for c in found if not c.narrative for name in c.authors if " " in name}
    for citations, names in written:
        if not any(" " in n for n in names):
            continue
        resolved = [_known_form(name, known, ref_text) for name in names]
        for citation in citations:
            if len(citation.authors) == len(resolved):
                citation.authors = [r or a for r, a in zip(resolved, citation.authors, strict=True)]


def _known_form(name: str, known: set[str], ref_text: str) -> str:
    words = name.split()
    for k in range(min(4, len(words)), 1, -1):
        candidate = " ".join(words[-k:])
        if words[-k].lower() in _LEAD_WORDS:
            continue
        if candidate in known or (
            ref_text and re.search(rf"(?m)^\s*(?:\[\d+\]\s*|\d+\.\s*)?{re.escape(candidate)}\s*[,.(]", ref_text)
        ):
            return candidate
    return ""


class _Spans:
    """Character spans kept sorted by start, for overlap tests in logarithmic time: a long text
    holds thousands of citations, and testing each new one against all the others was quadratic."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, span: tuple[int, int]) -> None:
        start, end = span
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, a: int, b: int) -> bool:
        """Does [a, b) overlap a kept span? Only spans starting less than the longest span's
        length before ``a`` can reach it."""
        j = bisect.bisect_left(self.starts, b) - 1
        while j >= 0 and self.starts[j] + self.longest > a:
            if self.ends[j] > a:
                return True
            j -= 1
        return False


def extract_citations(text: str, sections: list[Section] | None = None) -> list[Citation]:
    """Every author-year citation in ``text``, in order of place, outside the reference list.

    A group citing several works gives one Citation per work (and per year of
    "(Wibowo, 2019, 2020)"), all with the group's offsets.
    """
    ref_span = find_reference_list(text, sections)
    skip = [(s.start, s.end) for s in sections or [] if s.kind == "references"] + ([ref_span] if ref_span else [])
    written: list[tuple[list[Citation], list[str]]] = []  # narrative citations, with the names as written
    no_comma: list[tuple[str, list[Citation]]] = []  # group items without a comma before the year
    clean = _Cleaned(text)
    s = clean.text
    found: list[Citation] = []
    taken = _Spans()  # spans in ``s`` already read as citations

    def skipped(pos: int) -> bool:
        at = clean.original(pos)
        return any(a <= at < b for a, b in skip)

    def overlaps(a: int, b: int) -> bool:
        return taken.overlaps(a, b)

    def add(a: int, b: int, authors: list[str], years: str, *, et_al: bool, narrative: bool, page: str = "",
            original: str = "") -> None:
        start, end = clean.original(a), clean.original(b)
        number = re.search(r"\d+(?:\s*[-\u2013]\s*\d+)?", page or "")  # ", hlm. 45-47" -> "45-47"
        page = re.sub(r"\s+", "", number.group(0)) if number else ""
        for year in _years(years):
            found.append(Citation(text=text[start:end], authors=list(authors), year=year, start=start, end=end,
                                  et_al=et_al, narrative=narrative, page=page, original=original))

    # 1. Parenthetical groups: "(A, 2018; B dan C, 2016: 4)".
    for match in _PAREN.finditer(s):
        body = match.group(1)
        if not _HAS_YEAR.search(body) or skipped(match.start()):
            continue
        hits = _read_group(body)
        if not hits:
            continue
        original = _original_before(s, match.start(), hits[0].prefix, len(hits) == 1)
        for hit in hits:
            before = len(found)
            add(match.start(), match.end(), hit.authors, hit.years, et_al=hit.et_al, narrative=False,
                page=hit.page, original=original)
            if hit.no_comma:
                no_comma.append((hit.no_comma, found[before:]))
        taken.add((match.start(), match.end()))

    # 2. Narrative: "Kruikemeyer dkk. (2013)", "Munadi (2023)", "Simarmata dan paryudi (2007:115)".
    for match in _NARRATIVE_PAREN.finditer(s):
        if overlaps(match.start(), match.end()) or skipped(match.start()):
            continue
        window = s[max(0, match.start() - 160) : match.start()]
        names = _NARRATIVE_NAMES.search(window) or _LOWER_NARRATIVE.search(window)
        read = _narrative_authors(window, names)
        if read is None:
            continue
        begin = match.start() - len(window) + read[2]
        before = len(found)
        add(begin, match.end(), read[0], match.group("years"), et_al=read[1], narrative=True,
            page=match.group("page") or "")
        written.append((found[before:], read[3]))
        taken.add((begin, match.end()))

    # 3. "Cobis dan Rusadi tahun 2023" after "penelitian", "menurut", ...; "Smith dkk. tahun 2020".
    for match in _TAHUN.finditer(s):
        if overlaps(match.start(), match.end()) or skipped(match.start()):
            continue
        window = s[max(0, match.start() - 160) : match.start()]
        names = _TAHUN_CUE.search(window) or _TAHUN_OLEH.search(window) or _TAHUN_ETAL.search(window)
        if names is None or not names.group("authors")[:1].isupper():
            continue
        read = _narrative_authors(window, names)
        if read is None:
            continue
        begin = match.start() - len(window) + read[2]
        before = len(found)
        add(begin, match.end(), read[0], match.group("years"), et_al=read[1], narrative=True)
        written.append((found[before:], read[3]))
        taken.add((begin, match.end()))

    # 4. Groups that lost their "(": "Armanu & Solimun, 2011)", "Leliana, 2008; Pipes, (1993)".
    for match in _bare_matches(s):
        if overlaps(match.start(), match.end()) or skipped(match.start()):
            continue
        authors, et_al = _split_authors(match.group("authors"))
        if not _plausible(authors) or len(match.group("authors")) > 120:
            continue
        add(match.start(), match.end(), authors, match.group("years"), et_al=et_al, narrative=False,
            page=match.group("page") or "")
        taken.add((match.start(), match.end()))

    _multiword_surnames(found, written, text[ref_span[0] : ref_span[1]] if ref_span else "")
    if sum(kind == "name" for kind, _ in no_comma) < 2:
        # "(DPT 2024)", "(PKPU 2023)": an acronym and a year without a comma is a citation only in
        # papers that write "(Baruch 2000)" (Springer, Chicago) and not "(Baruch, 2000)".
        drop = {id(c) for kind, cits in no_comma if kind == "caps" for c in cits}
        found = [c for c in found if id(c) not in drop]
    found.sort(key=lambda c: (c.start, c.end))
    return found


# _BARE matches hold no parenthesis, and end before a ";" or ")" with a year: so each lies in one
# stretch of text between parentheses that holds a year-like word and a ";" or ends at a ")".
_STRETCH = re.compile(r"[^()]+")
_YEAR_HINT = re.compile(r"1[6-9]\d\d|20\d\d|n\.\s?d|t\.\s?t|tanpa\s+tahun|in\s+press|forthcoming|dalam\s+proses",
                        re.IGNORECASE)


def _bare_matches(s: str) -> Iterator[re.Match[str]]:
    """What ``_BARE.finditer(s)`` gives, with _BARE run only over the stretches that may hold a match."""
    for stretch in _STRETCH.finditer(s):
        start, end = stretch.span()
        closed = end < len(s) and s[end] == ")"
        if (closed or s.find(";", start, end) >= 0) and _YEAR_HINT.search(s, start, end):
            yield from _BARE.finditer(s, start, end + 1 if closed else end)


def _narrative_authors(
    window: str, names: re.Match[str] | None
) -> tuple[list[str], bool, int, list[str]] | None:
    """Surnames, et-al flag and start offset in ``window`` of the names a narrative citation
    found there, or None when they are no authors ("Tabel", "Pemilu", "Empirical Software Engineering")."""
    if names is None:
        return None
    written, et_al = _split_authors(names.group("authors"))
    if not written:  # only initials: "Uddin, Md. M. (2014)" in an unmarked reference list
        return None
    if et_al and len(written) > 1:
        written = written[-1:]  # "Biomed & CS SciCite Cohan et al." names one author
    authors = [_surname(a) for a in written]
    words = written[0].split()
    if words[0].lower() in _NOT_NAMES:  # "Putusan MK (2023)", "Pemilu Indonesia (2019)"
        return None
    if len(words) > 1 and (
        authors[0].lower() in _NOT_NAMES or any(w.lower() in INSTITUTION_WORDS for w in words)
    ):
        authors[0] = written[0]  # "Bank Indonesia (2020)", "Komisi Pemilihan Umum (2019)": institutions
    if not _plausible(authors) or authors[0].lower() in _NOT_NARRATIVE:
        return None
    first_word = written[0].split()[0]
    at = window.find(first_word, names.start("authors"))
    return authors, et_al, at if at >= 0 else names.start("authors"), written


# Items end at ";", and also at a comma or "dan" between a year and the next name:
# "(Sari, 2020, Putra, 2021)", "(Sari, 2020 dan Putra, 2021)".
_ITEM_SPLIT = re.compile(rf";|(?:(?<=\d{{4}})|(?<=\d{{4}}[a-z]))\s*(?:,|\bdan\b|\band\b|&)\s*(?=[{_UP}][a-z])")
_ABBREVIATION = re.compile(r"\s*\[[A-Z][\w&.\- ]{0,14}\]")


class _Hit(NamedTuple):
    authors: list[str]
    et_al: bool
    years: str
    page: str
    prefix: str
    no_comma: str  # "caps" for "(DPT 2024)", "name" for "(Baruch 2000)", "" with a comma


def _read_group(body: str) -> list[_Hit]:
    """What each work cited in a parenthetical group is, in order."""
    hits: list[_Hit] = []
    last: tuple[list[str], bool] | None = None
    for part in _ITEM_SPLIT.split(body):
        part = _ABBREVIATION.sub("", part)  # "World Health Organization [WHO], 2020"
        if not part.strip():
            continue
        item = _ITEM.search(part)
        if item is None:
            alone = _YEARS_ONLY.match(part)
            if alone and last:  # "(Wibowo, 2019; 2020)"
                hits.append(_Hit(last[0], last[1], alone.group("years"), alone.group("page") or "", "", ""))
            else:
                last = None
            continue
        prefix = part[: item.start()]
        if not _prefix_ok(prefix):
            last = None
            continue
        authors, et_al = _split_authors(item.group("authors"))
        if not _plausible(authors):
            last = None
            continue
        last = (authors, et_al)
        no_comma = ""
        if not re.search(r"[,.]", item.group("sep")) and not et_al:
            no_comma = "caps" if len(authors) == 1 and authors[0].isupper() else "name"
        hits.append(_Hit(authors, et_al, item.group("years"), item.group("page") or "", prefix, no_comma))
    return hits


_PREFIX_WORDS = re.compile(
    r"(?:^|\b)(?:lihat(?:\s+juga)?|see(?:\s+also)?|e\.\s?g\.|i\.\s?e\.|cf\.|mis\.|misalnya|seperti|contoh(?:nya)?"
    r"|dalam|in|as\s+cited\s+in|cited\s+in|quoted\s+in|dikutip\s+(?:dalam|dari|oleh)|sebagaimana\s+dikutip"
    r"(?:\s+(?:dalam|dari|oleh))?|sumber|source|sources|data|diadaptasi\s+dari|adapted\s+from|from|dari|oleh|by"
    r"|following|mengacu\s+pada|menurut|according\s+to|for\s+example|for\s+instance|for\s+a\s+review"
    r"|reviewed\s+in|also|juga|and|dan|or|atau|via|including|termasuk)\s*[:,]?\s*$",
    re.I,
)


def _prefix_ok(prefix: str) -> bool:
    """Is the text before a name in a group fine: nothing, a cue ("lihat", "e.g.,", "dalam"),
    a secondary source ("Castells, 2009 dalam"), or a label ("Sumber:")?"""
    p = prefix.strip()
    if not p or p.endswith((":", ",")) or _PREFIX_WORDS.search(p):
        return True
    return len(p) <= 40 and not re.search(r"\d", p)


def _original_before(s: str, paren: int, prefix: str, single: bool) -> str:
    """The author a secondary citation quotes: in the group ("Castells, 2009 dalam ...")
    or just before it ("Castells (dalam Nasrullah, 2015)", "menurut Castells (Nasrullah, 2015)")."""
    if prefix and _SECONDARY.search(prefix.strip()):
        inner = re.sub(r"[\s,]*(?:\d{4}[a-z]?)?[\s,]*$", "", _SECONDARY.sub("", prefix.strip()))
        names = re.findall(_FULLNAME, inner)
        if names:
            return _surname(_strip_name(names[0]))
        before = _ORIGINAL_BEFORE.search(s[max(0, paren - 120) : paren].rstrip())
        if before and _plausible([_surname(before.group("name"))]):
            authors, _ = _split_authors(before.group("name"))
            return _surname(authors[0]) if authors else ""
        return ""
    if prefix.strip():
        return ""
    window = s[max(0, paren - 120) : paren]
    cue = _ORIGINAL_CUE.search(window.rstrip())
    if cue:
        name = _surname(_strip_name(cue.group("name")))
        return name if _plausible([name]) else ""
    # "Castells (Nasrullah, 2015) menyebut": a person's name opening the sentence, right before
    # a group citing one work (elsewhere a capitalised word there names a system, party or platform).
    before = _NAME_BEFORE.search(window)
    if before and single and re.search(r"(?:^|[.!?]\s+|\n\s*)$", window[: before.start()]):
        words = before.group("name").split()
        if not any(
            w.lower() in _NOT_NAMES | _NOT_ORIGINAL | _LEAD_WORDS or not re.fullmatch(r"[A-Z][a-z\u00c0-\u017f'\-]+", w)
            for w in words
        ):
            return _surname(before.group("name"))
    return ""
