"""Sentence case for titles, keeping proper nouns and acronyms, and the words BibTeX must protect.

APA 7 sets the titles of articles, books, chapters, reports and web pages in sentence case:
"Strategi komunikasi KPU Kabupaten Sleman dalam sosialisasi Pilkada". Titles are stored as
their source gives them; ``sentence_case`` is applied when a reference is rendered, and only
to a title written in Title Case or in capitals (one already in sentence case is left as it
is). Kept as written: acronyms and words with inner capitals (KPU, DPR, TikTok, YouTube), the
proper nouns of ``PROPER_NOUNS`` (places, institutions, parties, platforms, people, months,
"Pemilu", "Pilkada", "Gen Z"), a capitalised word after "Kota", "Kabupaten", "Universitas"
and the like ("Kabupaten Sleman"), the first word and the first word after a colon.
``protected_words`` lists the words of a title that BibTeX must keep in braces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Proper nouns kept capitalised (compared case-folded, whole words).
PROPER_NOUNS = frozenset(
    """
    indonesia indonesian indonesians nusantara asia asian asean southeast east west north south
    europe european america american australia australian malaysia malaysian singapore philippines
    thailand vietnam myanmar china chinese india japan korea timor netherlands dutch english arab arabic
    jakarta jawa java javanese sunda sundanese sumatra sumatera bali balinese kalimantan borneo sulawesi
    papua maluku aceh riau jambi bengkulu lampung banten yogyakarta jogja surabaya bandung semarang medan
    makassar palembang malang solo surakarta denpasar manado padang pontianak banjarmasin balikpapan
    samarinda kupang mataram ambon jayapura depok bogor bekasi tangerang cirebon sleman bantul
    madura lombok flores ntt ntb diy dki jabodetabek betawi minang minangkabau batak bugis
    pemilu pilkada pilpres pileg pemilukada reformasi pancasila bhinneka orde
    kpu kpud bawaslu dkpp dpr dprd mpr dpd mk ma kpk polri tni kominfo bssn bps bnpt mafindo
    apjii lipi brin komnas ham ite uu perppu perpu pkpu
    pdi pdip golkar gerindra pkb nasdem pks pan demokrat ppp perindo psi hanura pbb gelora ummat
    facebook tiktok instagram twitter youtube whatsapp telegram line google meta threads snapchat
    linkedin reddit wikipedia internet covid
    jokowi widodo joko prabowo subianto gibran rakabuming anies baswedan ganjar pranowo ahok purnama
    basuki soeharto suharto sukarno soekarno megawati soekarnoputri yudhoyono sby mahfud muhaimin
    iskandar habibie wahid gus dur amien rais middle
    routledge oxford cambridge sage palgrave springer wiley elgar harvard yale princeton
    islam islamic muslim muslims christian christianity catholic hindu buddhist quran qur'an
    januari februari maret april mei juni juli agustus september oktober november desember
    january february march may june july august october december
    senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday saturday sunday
    gen
    """.split()
)
# Two-letter chemical element symbols, kept as symbols ("kadar Pb dan Cu"); symbols that are also
# common words ("In", "As", "At", "Be", "He", "No", "Si", "Ga") are left out. "CO2", "NaCl"
# and the like keep their case as acronyms.
_ELEMENTS = frozenset(
    "pb cu fe zn hg cd mg ca na cr mn ni co ag au sn pt cl al li ti ar ne kr xe rn sr ba cs rb sb bi ge "
    "pd rh ir ru mo nb zr hf ta tl cm pu th".split()
)
# Words naming a kind of place: the capitalised word after them is a name ("Kota Bandung").
_NAME_HEADS = frozenset(
    """kota kabupaten provinsi propinsi kecamatan desa kelurahan pulau teluk gunung sungai danau universitas
    institut province city regency district island university""".split()
)
# Words naming a body or office: kept before a known name ("Partai Gerindra", "Presiden Jokowi").
_BODY_HEADS = frozenset(
    "partai kementerian komisi badan dewan presiden gubernur bupati walikota party ministry president "
    "governor".split()
)
# "Jawa Barat", "Kalimantan Timur", "Nusa Tenggara": kept after a proper noun.
_DIRECTIONS = frozenset("barat timur utara selatan tengah tenggara raya".split())
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019.][^\W\d_]+)*", re.UNICODE)


def _is_acronym_like(word: str) -> bool:
    """KPU, DPR-RI, TikTok, YouTube, iPhone, COVID-19: a capital after the first letter."""
    core = word.strip("'\u2019.-")
    return any(c.isupper() for c in core[1:])


# Words Title Case leaves in lower case (English and Indonesian function words).
_FUNCTION_WORDS = frozenset(
    """a an and as at but by for from in into nor of on onto or over per so the to up via vs with within without
    about among after before between through under upon against toward towards during
    dan di ke dari dalam pada untuk bagi oleh atau serta yang dengan terhadap tentang antara melalui sebagai
    akan sejak hingga sampai kepada daripada menuju tanpa atas bawah para si sang menjelang jelang selama
    setelah sebelum menurut seputar mengenai lewat versus sebuah seorang""".split()
)


def looks_title_cased(title: str) -> bool:
    """Whether ``title`` is in Title Case or capitals: after its first word, no word but a
    function word ("dan", "di", "of", "the") starts in lower case, and two or more start in capitals."""
    words = [m.group() for m in _WORD.finditer(title) if m.start() == 0 or title[m.start() - 1] != "-"][1:]
    if any(w[:1].islower() and w.casefold() not in _FUNCTION_WORDS for w in words):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 2


def _all_caps(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def proper_nouns_in(text: str) -> frozenset[str]:
    """Words that ``text`` (an abstract) writes capitalised inside its sentences and never in
    lower case ("Coldplay", "Bayes"), case-folded: names a title in capitals or Title Case hides."""
    capitalised: set[str] = set()
    lowered: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        before = text[max(0, match.start() - 3):match.start()]
        if word[:1].islower():
            lowered.add(word.casefold())
        elif match.start() > 0 and not re.search(r"[.!?:]\s*$|^\s*$", before) and not word.isupper():
            capitalised.add(word.casefold())
    return frozenset(capitalised - lowered)


def sentence_case(title: str, known: frozenset[str] = frozenset()) -> str:
    """``title`` in sentence case when it is in Title Case or capitals; otherwise as it is.
    ``known``: more proper nouns, case-folded (``proper_nouns_in`` the paper's abstract)."""
    if not title:
        return title
    if not looks_title_cased(title):
        head, colon, rest = title.partition(": ")
        if colon and _all_caps(head) and len(_WORD.findall(head)) >= 2:
            # the main title in capitals, the subtitle already in sentence case ("POLITICIZATION OF
            # IDENTITY ...: A case of ..."): the main title alone is recased
            return sentence_case(head, known) + colon + rest[:1].upper() + rest[1:]
        return title
    caps = _all_caps(title)
    matches = list(_WORD.finditer(title))
    words = [m.group() for m in matches]
    out: list[str] = []
    position = 0
    for i, (match, word) in enumerate(zip(matches, words, strict=True)):
        before = title[position:match.start()]
        out.append(before)
        position = match.end()
        folded = word.casefold().strip("'\u2019.")
        lower = word.lower()
        starts = i == 0 or bool(re.search(r"[:?!]\s*$", before)) or _after_label(title, match.start())
        after_head = i > 0 and words[i - 1].casefold() in _NAME_HEADS and not caps
        following = words[i + 1] if i + 1 < len(words) else ""
        joined = bool(following) and not re.search(r"[:;,.]\s*$", title[match.end():matches[i + 1].start()])
        before_name = joined and not caps and following[:1].isupper() and (
            folded in _NAME_HEADS
            or (folded in _BODY_HEADS and (following.casefold() in PROPER_NOUNS or _is_acronym_like(following))))
        if caps and folded in _KNOWN_ACRONYMS:
            new = word.upper()
        elif folded in _ELEMENTS and len(word) == 2 and word[:1].isupper():
            new = word[0] + word[1].lower()
        elif not caps and _is_acronym_like(word):
            new = word
        elif starts:
            new = lower[:1].upper() + lower[1:] if caps else word
        elif caps and folded in _SPELLED:
            new = _SPELLED[folded]  # "TIKTOK" -> "TikTok"
        elif (folded in PROPER_NOUNS or folded in known or (after_head and word[:1].isupper()) or before_name
              or (folded in _DIRECTIONS and i > 0 and words[i - 1].casefold() in PROPER_NOUNS)):
            new = lower[:1].upper() + lower[1:] if caps else word
        elif len(word) == 1 and word.isupper() and word not in ("A", "I"):
            new = word  # "Generasi Z", "Twitter/X"
        else:
            new = lower
        out.append(new)
    out.append(title[position:])
    return "".join(out)


# Words a title in title case leaves in lower case (unless first, or first after a colon): English
# articles, conjunctions and prepositions of three letters or fewer (APA 7, 6.17), and Indonesian function
# words of any length (PUEBI: "di", "ke", "dari", "dan", "yang", "untuk", "terhadap", ...).
_MINOR_WORDS = frozenset(w for w in _FUNCTION_WORDS if len(w) <= 3) | frozenset(
    """dan di ke dari dalam pada untuk bagi oleh atau serta yang dengan terhadap tentang antara melalui
    sebagai akan sejak hingga sampai kepada daripada menuju tanpa atas bawah para si sang menjelang jelang
    selama setelah sebelum menurut seputar mengenai lewat versus""".split()
)


def title_case(title: str, known: frozenset[str] = frozenset()) -> str:
    """``title`` in title case, as APA 7 cites a work by its title in the text ("Saring Sebelum
    Sharing", "E-Democracy in Indonesia"): a title in capitals is first brought to sentence case (its
    acronyms and proper nouns kept), then every word but the minor ones starts with a capital; words
    with inner capitals (TikTok) and acronyms are kept as they are."""
    base = sentence_case(title, known) if _all_caps(title) else title

    def recased(i: int, word: str, before: str, at: int) -> str:
        first = i == 0 or bool(re.search(r"[:?!]\s*$", before)) or _after_label(base, at)
        if not first and word.casefold() in _MINOR_WORDS and not before.endswith("-"):
            return word.lower() if word[1:].islower() or len(word) == 1 else word
        return word[:1].upper() + word[1:]

    return _each_word(base, recased)


def periodical_case(name: str) -> str:
    """A journal's or proceedings' name as a reference gives it: a name in capitals of three words
    or more in title case ("JURNAL KHATULISTIWA INFORMATIKA" -> "Jurnal Khatulistiwa Informatika";
    a short one, "PLOS ONE", is left, as it may be the journal's own styling), and otherwise only
    its capitalised minor words lowered ("Jurnal Sistem Informasi Dan Komputer" -> "... dan ...")."""
    if _all_caps(name):
        return title_case(name) if len(_WORD.findall(name)) >= 3 else name

    def recased(i: int, word: str, before: str, at: int) -> str:
        minor = (i > 0 and word.casefold() in _MINOR_WORDS and word[:1].isupper() and word[1:].islower()
                 and not re.search(r"[:.?!(\-]\s*$", before))
        return word.lower() if minor else word

    return _each_word(name, recased)


def _each_word(text: str, recased: Callable[[int, str, str, int], str]) -> str:
    """``text`` with each word replaced by ``recased(index, word, text since the word before, offset)``."""
    out: list[str] = []
    position = 0
    for i, match in enumerate(_WORD.finditer(text)):
        before = text[position:match.start()]
        out.append(before)
        out.append(recased(i, match.group(), before, match.start()))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


_LABEL = re.compile(r"\W*\[[^\]]*\]\s*")


def _after_label(title: str, at: int) -> bool:
    """Is the word at ``at`` the first after a bracketed label that opens the title ("[SAP 11] Perjuangan")?"""
    return _LABEL.fullmatch(title, 0, at) is not None


def _capitalised(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


# Names with inner capitals, as they are spelled when a title in capitals is cased.
_SPELLED = {name.casefold(): name for name in "TikTok YouTube WhatsApp LinkedIn".split()}
# Acronyms among PROPER_NOUNS, written in capitals when a title in capitals is cased.
_KNOWN_ACRONYMS = frozenset(
    "kpu kpud dkpp dpr dprd mpr dpd mk ma kpk tni bssn bps bnpt apjii lipi brin ham ite uu pkpu pdi pdip "
    "pkb pks pan ppp psi pbb sby ntt ntb diy dki covid".split()
)


def protected_words(title: str) -> list[str]:
    """The words of ``title`` whose case a BibTeX style must not change (once each, in order):
    those its sentence case keeps capitalised, other than the first word and the first after a
    colon (acronyms, TikTok, proper nouns; in a title already in sentence case, every capital)."""
    cased = sentence_case(title)
    found: dict[str, None] = {}
    for i, match in enumerate(_WORD.finditer(cased)):
        word = match.group()
        starts = i == 0 or bool(re.search(r"[:?!]\s*$", cased[:match.start()]))
        if word[:1].isupper() and not (starts and not _is_acronym_like(word) and word.casefold() not in PROPER_NOUNS):
            if word in title:
                found[word] = None
    return list(found)
