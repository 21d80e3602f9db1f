"""Split personal names into family, given, particle and suffix, and author lists and bylines into names.

Indonesian authors are often known by one name ("Munadi"): a one-word name
becomes ``Person(literal=...)``, never a family name with an empty given name.
Names in braces ("{Komisi Pemilihan Umum}") are kept whole as literals too.
pybtex does the BibTeX-style splitting ("von Last, Jr, First"); this module
adds what our sources need on top: mononyms, Arabic articles ("al-"),
RIS-style suffixes ("Last, First, Jr."), lists that use commas or semicolons
instead of "and", and the "et al." / "dkk." markers that end truncated lists.
Bylines printed under a title (in PDFs) are split apart from those lists:
they carry footnote marks, affiliation numbers, titles and degrees, and are
often set in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from litreview.model import Person

# Lower-case Arabic articles written joined to the name: "al-Farabi", "as-Sayyid".
_ARTICLE = re.compile(r"^(al|el|ad|an|ar|as|at|az|ash|ath|ud|ul)-(?=\w)")
_SUFFIX = re.compile(r"^(jr|sr|jnr|snr|ii|iii|iv|2nd|3rd|4th)\.?$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?[\s-]*){1,4}$")
# What ends a truncated list: "et al.", "dkk." (Indonesian), "and others", "others", "dll.".
_TRUNCATION = re.compile(
    r"(?:^|[\s,;&]+)(?:and\s+|&\s*|dan\s+)?(?:et\.?\s*al(?:ii|ia)?\.?|dkk\.?|dll\.?|others|lainnya)\s*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:and|AND|And|&|dan)\s+")  # "dan": Indonesian "and"
_DAN = re.compile(r"\s+dan\s+")
_SPACE = re.compile(r"\s+")


def _strip_braces(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def _top_level_split(text: str, separator: str) -> list[str]:
    """Split on ``separator`` (one character) outside braces."""
    if "{" not in text:
        return text.split(separator)
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _top_level_tokens(text: str) -> list[str]:
    """Whitespace-separated words, a braced group counting as part of its word."""
    return [t for t in _top_level_split(_SPACE.sub(" ", text), " ") if t]


def _wholly_braced(text: str) -> bool:
    """True for "{Komisi Pemilihan Umum}": one brace group spanning the whole text."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0


def _split_article(family: str, particle: str) -> tuple[str, str]:
    """Move a joined Arabic article into the particle: "al-Farabi" -> ("Farabi", "al-")."""
    match = _ARTICLE.match(family)
    if not match:
        return family, particle
    article = match.group(0)
    return family[len(article) :], f"{particle} {article}".strip()


def person_from_pybtex(p: Any, decode: Callable[[str], str] = _strip_braces) -> Person:
    """Turn a ``pybtex.database.Person`` into our Person.

    ``decode`` turns each raw name part into plain text (the BibTeX importer
    passes its LaTeX decoder; the default only drops braces).
    """

    def join(parts: list[str]) -> str:
        return " ".join(x for x in (decode(part).strip() for part in parts) if x)

    given = join(p.first_names + p.middle_names)
    particle = join(p.prelast_names)
    family = join(p.last_names)
    suffix = join(p.lineage_names)
    if not given and not particle and not suffix and len(p.last_names) <= 1:
        return Person(literal=family) if family else Person()
    if not family and given:  # "{Komisi} ," or similar oddities: keep the name whole
        return Person(literal=" ".join(x for x in (given, particle) if x))
    if not family and particle:
        return Person(literal=particle)
    family, particle = _split_article(family, particle)
    return Person(family=family, given=given, particle=particle, suffix=suffix)


def _looks_like_two_names(family: str, given: str) -> bool:
    """ "Kristoko Dwi Hartomo, Theopilus Wellem" is two display-order names, not Last, First."""
    fam, giv = _top_level_tokens(family), _top_level_tokens(given)
    if len(fam) < 3 or len(giv) < 2:
        return False
    words = fam + giv
    return all(w[:1].isupper() and not _INITIALS.match(w) for w in words)


@lru_cache(maxsize=65536)
def _parse_cached(name: str, decode: Callable[[str], str]) -> tuple[str, str, str, str, str]:
    from pybtex.database import Person as PybtexPerson
    from pybtex.exceptions import PybtexError

    if _wholly_braced(name):
        return ("", "", "", "", " ".join(decode(name).split()))
    parts = [part.strip() for part in _top_level_split(name, ",")]
    while parts and not parts[-1]:
        parts.pop()  # "Munadi," -> "Munadi"
    if len(parts) == 3 and _SUFFIX.match(parts[2]) and not _SUFFIX.match(parts[1]):
        parts = [parts[0], parts[2], parts[1]]  # RIS "Last, First, Jr." -> BibTeX "Last, Jr., First"
    elif len(parts) == 2 and _SUFFIX.match(parts[1]):
        tokens = _top_level_tokens(parts[0])  # "John Smith, Jr."
        if len(tokens) > 1:
            parts = [tokens[-1], parts[1], " ".join(tokens[:-1])]
    elif len(parts) > 3:
        parts = [parts[0], " ".join(parts[1:])]
    if len(parts) == 1:
        tokens = _top_level_tokens(parts[0])
        if len(tokens) > 2 and _SUFFIX.match(tokens[-1]):  # "Martin Luther King Jr."
            parts = [tokens[-2], tokens[-1], " ".join(tokens[:-2])]
    simple = _simple_split(parts)
    if simple is not None:
        family, given = simple
        if not given:
            return ("", "", "", "", family)
        family, particle = _split_article(family, "")
        return (family, given, particle, "", "")
    text = ", ".join(parts).replace(",,", ",")
    try:
        p = PybtexPerson(text)
    except PybtexError:
        return ("", "", "", "", " ".join(decode(name).split()))
    person = person_from_pybtex(p, decode)
    return (person.family, person.given, person.particle, person.suffix, person.literal)


def _simple_split(parts: list[str]) -> tuple[str, str] | None:
    """(family, given) for the common plain case; None when pybtex's rules are needed.

    Plain: no braces, backslashes or ties, at most one comma, every word
    capitalised (so no "van"/"bin" particles and no BibTeX "von" rules apply).
    """
    if len(parts) > 2:
        return None
    words = [part.split() for part in parts]
    for group in words:
        for word in group:
            if not word[0].isupper() or "{" in word or "\\" in word or "~" in word or "}" in word:
                return None
    if len(parts) == 2:
        if not words[0]:
            return None
        return " ".join(words[0]), " ".join(words[1])
    if not words[0]:
        return None
    return words[0][-1], " ".join(words[0][:-1])


def _parse(name: str, decode: Callable[[str], str]) -> Person:
    name = _SPACE.sub(" ", name).strip().strip(";").strip()
    if name.endswith(","):
        # "Komisi Pemilihan Umum," : a family part with nothing after it, EndNote's mark
        # for a corporate name; one name, whatever its number of words.
        name = name.rstrip(", ")
        if name and len(_top_level_split(name, ",")) == 1:
            return Person(literal=" ".join(decode(name).split()))
    if not name:
        return Person()
    if "," not in name and looks_like_institution(name):
        return Person(literal=" ".join(decode(name).split()))
    family, given, particle, suffix, literal = _parse_cached(name, decode)
    return Person(family=family, given=given, particle=particle, suffix=suffix, literal=literal)


# Words that make a name an organisation's, not a person's ("Komisi Pemilihan Umum", "Pew Research
# Center"); compared case-folded, on whole words.
_INSTITUTION_WORDS = frozenset("""
    universitas institut fakultas sekolah akademi politeknik kementerian kementrian komisi badan dewan
    lembaga dinas direktorat pusat asosiasi yayasan perkumpulan pemerintah majelis mahkamah bank
    kepolisian sekretariat kantor biro perhimpunan ikatan persatuan jaringan forum koalisi aliansi
    university institute faculty school college academy ministry department commission agency council
    association foundation centre center organization organisation office bureau committee government
    corporation company society network alliance coalition consortium federation union group team
    laboratory bps kpu bawaslu dkpp kominfo apjii lipi brin unesco unicef undp oecd who
    fmipa fisip fkip feb fib lppm unj ugm unair unpad undip unhas uny upi uin iain itb ipb
""".split())


def looks_like_institution(name: str) -> bool:
    """Whether ``name`` (two words or more, without a comma) names an organisation: it has a
    word such as "Universitas", "Komisi", "Center", "KPU" or "FMIPA"."""
    words = [w.strip("{}().,") for w in name.split()]
    # A short acronym counts only in capitals: "FIB UI" is a faculty, "Upi Santoso" a person.
    return len(words) >= 2 and any(w.casefold() in _INSTITUTION_WORDS and (len(w) > 4 or w.isupper())
                                   for w in words)


def parse_name(s: str) -> Person:
    """Parse one plain-text name: "Cobis, Mikhael Yulius", "Mikhael Yulius Cobis", "Munadi".

    Braces protect a name from splitting ("{Komisi Pemilihan Umum}" is one
    literal name), and so does a trailing comma ("Komisi Pemilihan Umum,",
    EndNote's way of writing a corporate author). LaTeX is not decoded here;
    BibTeX names go through :func:`parse_bibtex_name_list`.
    """
    return _parse(s, _strip_braces)


def _split_commas(item: str, is_list: bool = False) -> list[str]:
    """One " and "-free item with commas: a single "Last, First" name, or a comma list.

    ``is_list``: the item ended in a comma before "and"/"&" ("A B, C D, & E F"),
    so its commas separate names.
    """
    if "," not in item:
        return [item]
    chunks = [c.strip() for c in _top_level_split(item, ",")]
    chunks = [c for c in chunks if c]
    if len(chunks) <= 1:
        return chunks
    if len(chunks) == 2 and not is_list and chunks[0].count(" ") < 2:
        return [item]  # the usual "Last, First"
    # "Cobis, M. Y., Santoso, B." : surname / initials pairs.
    if (
        len(chunks) % 2 == 0
        and all(_INITIALS.match(c) for c in chunks[1::2])
        and not any(_INITIALS.match(c) for c in chunks[0::2])
    ):
        pairs = [f"{chunks[i]}, {chunks[i + 1]}" for i in range(0, len(chunks), 2)]
        return pairs if len(pairs) > 1 else [item]
    if len(chunks) == 2:
        return chunks if is_list or _looks_like_two_names(chunks[0], chunks[1]) else [item]
    if len(chunks) == 3 and (_SUFFIX.match(chunks[1]) or _SUFFIX.match(chunks[2])):
        return [item]
    # "Nuryake Fajaryati, Priyanto, Totok Sukardiyono": display-order names.
    return chunks


_TRUNCATION_ENDS = ("al", "dkk", "dll", "others", "lainnya", "alii", "alia")


def _strip_truncation(text: str) -> tuple[str, bool]:
    if not text.lower().rstrip(" .,;").endswith(_TRUNCATION_ENDS):
        return text, False
    match = _TRUNCATION.search(text)
    if not match:
        return text, False
    return text[: match.start()].rstrip(" ,;&"), True


def _split_items(items: list[str], decode: Callable[[str], str]) -> tuple[list[Person], bool]:
    people: list[Person] = []
    truncated = False
    items = [part for item in items for part in _DAN.split(item)] if " dan " in " ".join(items) else items
    for raw in items:
        is_list = raw.rstrip().endswith(",")
        item, cut = _strip_truncation(raw.strip())
        truncated = truncated or cut
        item = item.rstrip(" ,")
        if not item:
            continue
        for chunk in _split_commas(item, is_list):
            person = _parse(chunk, decode)
            if person != Person():
                people.append(person)
    return people, truncated


def parse_name_list(s: str) -> tuple[list[Person], bool]:
    """Parse a list of names; the bool says it ended in "et al.", "dkk." or "and others".

    Names may be separated by " and ", "&" or ";"; without those, commas
    separate names when the text cannot be one "Last, First" name.
    """
    text = _SPACE.sub(" ", s).strip()
    if not text:
        return [], False
    text, truncated = _strip_truncation(text)
    if ";" in text:
        items = [part for chunk in _top_level_split(text, ";") for part in _split_and(chunk)]
    else:
        items = _split_and(text)
    people, cut = _split_items(items, _strip_braces)
    return people, truncated or cut


def _split_and(text: str) -> list[str]:
    if "{" in text:
        protected = _BRACE_GROUP.sub(lambda m: m.group(0).replace(" ", "\x00"), text)
        return [part.replace("\x00", " ") for part in _AND.split(protected)]
    return _AND.split(text)


def parse_bibtex_name_list(value: str, decode: Callable[[str], str]) -> tuple[list[Person], bool]:
    """Parse a raw BibTeX ``author``/``editor`` value ("A and B and others").

    ``decode`` turns LaTeX into Unicode. Items with too many commas for one
    BibTeX name ("Fajaryati, Priyanto, Totok Sukardiyono") are read as comma
    lists instead of failing like BibTeX does.
    """
    value = _SPACE.sub(" ", value).strip()
    if not value:
        return [], False
    return _split_items(_split_bibtex_and(value), decode)


_BIBTEX_AND = re.compile(r"\s+[Aa][Nn][Dd]\s+")
_BRACE_GROUP = re.compile(r"\{[^{}]*\}")


def _split_bibtex_and(value: str) -> list[str]:
    """Split on " and " (any case) outside braces, as BibTeX does."""
    if "{" not in value:
        return _BIBTEX_AND.split(value)
    protected = value
    for _ in range(5):  # innermost groups first, nested ones on later rounds
        replaced = _BRACE_GROUP.sub(
            lambda m: m.group(0).replace(" ", "\x00").replace("{", "\x01").replace("}", "\x02"), protected
        )
        if replaced == protected:
            break
        protected = replaced
    parts = _BIBTEX_AND.split(protected)
    return [p.replace("\x00", " ").replace("\x01", "{").replace("\x02", "}") for p in parts]


# --------------------------------------------------------------------------- printed bylines

# A byline names its authors in display order, with footnote marks, affiliation
# numbers, academic titles and degrees around the names.
_BYLINE_LABEL = re.compile(
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
_MARKS = re.compile(
    r"[*\u2020\u2021\u2217\u00a7\u00b6\u2666\u2663\u2660\u2665\u25a1\u22c4\u2709\u2022\u00b7#^\u2032]+"
)
_AFFILIATION_NUMBERS = re.compile(
    r"\(\s*\d{1,2}\s*\)|\b\d{1,2}\)|(?<=[^\W\d_])\d{1,2}(?:,\d{1,2})*|(?<![-\w])\d{1,2}(?:,\d{1,2})*\b"
)
_LETTER = re.compile(r"[^\W\d_]")


class Byline(NamedTuple):
    """The names in (one line of) a byline, as printed."""

    names: list[str]
    open_start: bool  # no separator first: the text may finish a name from the line before
    open_end: bool  # no separator last: the last name may go on on the next line


def is_byline_label(text: str) -> bool:
    """Is ``text`` only a byline's label ("Oleh:", "Authors")?"""
    return bool(_BYLINE_LABEL.fullmatch(text))


# A society grade after a name: ", Senior Member, IEEE", ", Fellow, IEEE", ", Life Member, ACM".
_SOCIETY_GRADE = re.compile(
    r",?\s*\b(?:(?:Senior|Student|Graduate Student|Life|Associate)\s+)?(?:Member|Fellow)\s*,?\s*"
    r"(?:IEEE|ACM|OSA|SPIE|IET|AAAI|SIAM)\b"
)


def split_byline(text: str) -> Byline:
    """The names printed in ``text``, a byline: "Dr. Rina Wulandari¹*, Munadi² dan
    Budi Santoso, M.Kom." gives "Rina Wulandari", "Munadi", "Budi Santoso". A label
    ("Oleh:"), e-mail addresses, student numbers, affiliation numbers, footnote
    marks ("|" stands for one), academic titles and degrees are left out."""
    open_start = not re.match(r"\s*[|,;&]", _MARKS.sub("|", text))
    s = _BYLINE_LABEL.sub("", text)
    s = re.sub(r"\S+@\S+|https?://\S+", "|", s)
    s = _SOCIETY_GRADE.sub("|", s)
    s = re.sub(r"(?:\s*[-\u2013]\s*)?\b\d{5,}\b", "|", s)  # student numbers after names
    s = _AFFILIATION_NUMBERS.sub("|", s)
    s = _MARKS.sub("|", s)
    s = re.sub(r"(?:,\s*)?\b(?:dan|and)\b|&", "|", s, flags=re.IGNORECASE)
    open_end = not re.search(r"[|,;]\s*$", s)
    names = []
    for part in re.split(r"[|,;]", s):
        part = _TITLE_PREFIX.sub("", part.strip(" .,;:-\u2013")).strip()
        if part and not all(_DEGREE.fullmatch(w) for w in part.split()):
            names.append(part)
    return Byline(names, open_start, open_end)


def looks_like_personal_name(text: str, *, mononym: bool) -> bool:
    """Can ``text`` be one person's printed name: one to six capitalised words
    (particles such as "van" or "bin" aside), no digits, no word of an
    institution, address, place or heading? One word counts only when
    ``mononym`` and at least three letters long."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in text) or len(_LETTER.findall(text)) < 2:
        return False
    for k, word in enumerate(words):
        bare = word.strip(".,").lower()
        if bare in _NOT_NAME_WORDS or bare in _PLACES:
            return False
        if k > 0 and bare in _PARTICLES:
            continue
        if not (word[0].isupper() and all(ch.isalpha() or ch in ".'\u2019-" for ch in word)):
            return False
    return len(words) > 1 or (mononym and len(text) >= 3)


def parse_printed_name(s: str) -> Person:
    """Parse a name as printed in a byline: display order, perhaps in capitals
    ("MARTI A. HEARST" is Hearst, Marti A.; initials stay as printed).

    One word is a literal (the mononym rule, as in :func:`parse_name`). Otherwise
    the last word is the family name, once a suffix ("Jr.") is set aside, and the
    particles just before it ("van der", "bin") are the particle whatever their
    case. Bylines in capitals, and Belgian or Malay names ("De Bruin", "Bin"),
    capitalise particles, which BibTeX's rule that :func:`parse_name` follows (a
    particle is a lower-case word) would read as given names.
    """
    words = s.split()
    if not words:
        return Person()
    if all(w.upper() == w for w in words) and any(len(w) > 2 for w in words):
        words = [w if "." in w else w.title() for w in words]
    suffix = words.pop() if len(words) > 2 and _SUFFIX.match(words[-1].rstrip(".")) else ""
    if len(words) == 1:
        return Person(literal=words[0])
    family, rest = words[-1], words[:-1]
    particle: list[str] = []
    while len(rest) > 1 and rest[-1].lower() in _PARTICLES:
        particle.insert(0, rest.pop())
    return Person(family=family, given=" ".join(rest), particle=" ".join(particle), suffix=suffix)
