"""Turning raw field values from any bibliographic format (BibTeX, RIS, CSL) into Paper values.

Clean one-line and multi-paragraph text, messy dates and years, months in
English and Indonesian, DOIs, language names and codes, keyword lists, and the
two-language fields of bilingual records. Pure functions; no parser imports.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from litreview.model import Paper
from litreview.text.clean import CONTROL_CHARS, clean_field
from litreview.text.language import detect_language

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


_clean_short = lru_cache(maxsize=65536)(clean_field)  # ftfy loads on first use, so dedup stays light


def clean_line(text: str) -> str:
    """clean_field, with a fast path for plain ASCII (no mojibake possible there)."""
    if text.isascii() and not CONTROL_CHARS.search(text):
        return " ".join(text.split())
    return _clean_short(text) if len(text) < 300 else clean_field(text)


def clean_paragraphs(text: str) -> str:
    """A multi-paragraph value (abstract): paragraphs kept, lines inside them joined."""
    paragraphs = (clean_line(p) for p in _PARAGRAPH.split(text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_BARE_YEAR = re.compile(r"^\s*(-?\d{1,4})\s*$")
_ISO_DATE = re.compile(r"^\s*(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?![\d])")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nop": 11,
    "des": 12,
    "desember": 12,
    "sept": 9,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,9})\.?(?![A-Za-z])")
_DAY_NEAR = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def month_number(text: str) -> int | None:
    """1-12 from "May", "may", "DEC", "Desember", "6", "06"; None otherwise."""
    text = text.strip().strip(".").lower()
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(text)


def parse_year(text: str) -> int | None:
    """The first four-digit year in ``text`` ("2019///", "2015a", "circa 2011"), else None.

    A bare number is taken as it is, so "-3000" and "850" stay those years.
    """
    bare = _BARE_YEAR.match(text)
    if bare:
        return int(bare.group(1))
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def parse_date(text: str) -> tuple[int | None, str]:
    """(year, date) from messy dates: "2020/05/01/", "2019///", "2024-06-20", "Mar 16 2012".

    ``date`` is ISO as far as the text gives it ("2020", "2020-05", "2020-05-01"),
    "" when no year can be read. EDTF ranges ("2011-05-25/2012") give their start.
    """
    text = text.strip().lstrip("[(")
    if re.match(r"^\d{4}-", text):
        text = text.split("/", 1)[0]  # EDTF interval: its start
    elif re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"  # 20160512
    iso = _ISO_DATE.match(text)
    if iso and len(iso.group(1).lstrip("-")) == 4:
        year = int(iso.group(1))
        date = f"{year:04d}" if year >= 0 else str(year)
        month = int(iso.group(2)) if iso.group(2) else None
        if month and 1 <= month <= 12:
            date += f"-{month:02d}"
            day = int(iso.group(3)) if iso.group(3) else None
            if day and 1 <= day <= 31:
                date += f"-{day:02d}"
            return year, date
        if not _MONTH_WORD.search(text[iso.end() :]):
            return year, date
    found = parse_year(text)
    if found is None:
        return None, ""
    year = found
    date = str(year)
    for word in _MONTH_WORD.finditer(text):
        month = month_number(word.group(1))
        if month:
            date += f"-{month:02d}"
            rest = text.replace(str(year), " ")
            days = [int(d) for d in _DAY_NEAR.findall(rest) if 1 <= int(d) <= 31]
            if len(days) == 1:
                date += f"-{days[0]:02d}"
            break
    return year, date


# "10." and a registrant code of four or more digits (there are no shorter ones), "/", a suffix.
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:?\s+)", re.IGNORECASE)


def find_doi(text: str) -> str:
    """The first DOI in ``text``, trailing ".,;" dropped and case kept; "" when there is none."""
    found = _DOI.search(text)
    return found.group(0).rstrip(".,;") if found else ""


def normalize_doi(text: str) -> str:
    """ "https://doi.org/10.1000/X" or "doi: 10.1000/X" -> "10.1000/X" (case kept).

    Text without a recognisable DOI is kept, only a "doi:" or doi.org prefix removed.
    """
    text = text.strip()
    return find_doi(text) or _DOI_PREFIX.sub("", text).strip()


_LANGUAGES = {
    "id": "id",
    "ind": "id",
    "in": "id",
    "indonesian": "id",
    "indonesia": "id",
    "bahasa indonesia": "id",
    "bahasa": "id",
    "en": "en",
    "eng": "en",
    "english": "en",
    "american": "en",
    "british": "en",
    "usenglish": "en",
    "ukenglish": "en",
    "canadian": "en",
    "australian": "en",
    "newzealand": "en",
    "inggris": "en",
    "bahasa inggris": "en",
    "de": "de",
    "ger": "de",
    "deu": "de",
    "german": "de",
    "ngerman": "de",
    "austrian": "de",
    "naustrian": "de",
    "fr": "fr",
    "fre": "fr",
    "fra": "fr",
    "french": "fr",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "pt": "pt",
    "por": "pt",
    "portuguese": "pt",
    "brazilian": "pt",
    "nl": "nl",
    "dut": "nl",
    "nld": "nl",
    "dutch": "nl",
    "it": "it",
    "ita": "it",
    "italian": "it",
    "ru": "ru",
    "rus": "ru",
    "russian": "ru",
    "zh": "zh",
    "chi": "zh",
    "zho": "zh",
    "chinese": "zh",
    "ja": "ja",
    "jpn": "ja",
    "japanese": "ja",
    "ko": "ko",
    "kor": "ko",
    "korean": "ko",
    "ms": "ms",
    "may": "ms",
    "msa": "ms",
    "malay": "ms",
    "bahasa melayu": "ms",
    "ar": "ar",
    "ara": "ar",
    "arabic": "ar",
    "jv": "jv",
    "jav": "jv",
    "javanese": "jv",
    "su": "su",
    "sun": "su",
    "sundanese": "su",
    "tr": "tr",
    "tur": "tr",
    "turkish": "tr",
    "pl": "pl",
    "pol": "pl",
    "polish": "pl",
}


_LANGUAGE_SEPARATOR = re.compile(r"[-_ ,;/]")


def language_code(text: str) -> str:
    """ISO 639-1 code from a language field: "English", "en-US", "indonesian", "ind" -> "en", "id"."""
    text = text.strip().lower()
    if not text:
        return ""
    if text in _LANGUAGES:
        return _LANGUAGES[text]
    first = _LANGUAGE_SEPARATOR.split(text, maxsplit=1)[0]
    return _LANGUAGES.get(first, "")


def split_keywords(text: str) -> list[str]:
    """Keywords split on ";" when present, else ","; empty and repeated ones dropped."""
    parts = text.split(";") if ";" in text else text.split(",")
    out: list[str] = []
    seen: set[str] = set()
    for part in parts:
        word = " ".join(part.split())
        if word and word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out


_ABSTRACT_LABEL = re.compile(
    r"^\s*(?:abstrak|abstract|intisari|ringkasan|summary)\s*[:.\-–—]?\s*", re.IGNORECASE
)
_OTHER = {"id": "en", "en": "id"}


def _split_bilingual_abstract(abstract: str) -> dict[str, str] | None:
    """An abstract with Indonesian and English paragraphs -> {"id": ..., "en": ...}."""
    paragraphs = [p for p in abstract.split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return None
    groups: list[tuple[str, list[str]]] = []
    for paragraph in paragraphs:
        lang = detect_language(paragraph)
        if groups and (lang == groups[-1][0] or not lang):
            groups[-1][1].append(paragraph)
        elif not lang:
            return None
        else:
            groups.append((lang, [paragraph]))
    if len(groups) != 2 or {groups[0][0], groups[1][0]} != {"id", "en"}:
        return None
    return {
        lang: "\n\n".join(_ABSTRACT_LABEL.sub("", p, count=1) if i == 0 else p for i, p in enumerate(ps))
        for lang, ps in groups
    }


def settle_languages(
    paper: Paper,
    declared: str,
    explicit: dict[str, Any],
    alternates: dict[str, str],
    trusted: tuple[str, ...] = (),
) -> list[str]:
    """Fill ``language`` and the ``*_id``/``*_en`` fields of a bilingual record.

    ``declared``: the language the source states (ISO code) or "".
    ``explicit``: fields the source gives per language ({"title_en": ...}).
    ``alternates``: candidate translated titles by source field name; one is
    used when it matches an explicit one or is detectably in the other
    language (names in ``trusted``, like RIS ``TT``, need no detection).
    Returns the names of the alternates used (consumed).
    """
    has_explicit_abstract = any(k.startswith("abstract_") for k in explicit)
    if paper.abstract and not has_explicit_abstract and "\n\n" in paper.abstract:
        split = _split_bilingual_abstract(paper.abstract)
        if split:
            main = declared or detect_language(paper.title) or "id"
            main = main if main in split else "id"
            paper.abstract = split[main]
            explicit = {**explicit, f"abstract_{_OTHER[main]}": split[_OTHER[main]]}
    language = declared or detect_language(f"{paper.title} {paper.abstract[:400]}")
    paper.language = language
    if language in _OTHER:
        if paper.title:
            setattr(paper, f"title_{language}", paper.title)
        if paper.abstract:
            setattr(paper, f"abstract_{language}", paper.abstract)
        if paper.keywords:
            setattr(paper, f"keywords_{language}", list(paper.keywords))
    for name, value in explicit.items():
        if value:
            setattr(paper, name, value)
    used = []
    other = _OTHER.get(language)
    for name, value in alternates.items():
        if value in (paper.title_id, paper.title_en) and value != paper.title:
            used.append(name)
        elif (
            other
            and not getattr(paper, f"title_{other}")
            and value != paper.title
            and (name in trusted or detect_language(value) == other)
        ):
            setattr(paper, f"title_{other}", value)
            used.append(name)
    return used


# "Jurnal Informatika, Vol.5, No. 1, Juni 2009", "Jurnal Politik Vol 3 No 2 (2020)",
# "Jurnal Komunikasi, Volume 12, Nomor 1": the journal's name with its volume, issue and date.
_CONTAINER_NUMBERS = re.compile(
    r"^(?P<name>.*?\S)[\s,;.]+(?:vol(?:ume)?\.?|v\.)\s*:?\s*(?P<volume>[0-9IVXLC]+[A-Za-z]?)"
    r"(?:[\s,;.]*(?:no\.?|nomor|number|num\.?|issue|edisi|iss\.?)\s*:?\s*(?P<issue>[0-9]+(?:\s*[-/\u2013]\s*[0-9]+)?)"
    r"|\s*\((?P<paren>[0-9]+(?:\s*[-/\u2013]\s*[0-9]+)?)\))?"
    r"(?P<rest>[\s,;.()]*(?:[A-Za-z]+\.?\s*)?(?:\d{4})?[\s.)]*)$",
    re.IGNORECASE,
)


def split_container(journal: str) -> tuple[str, str, str]:
    """(journal, volume, issue) of a journal field that carries its numbers: "Jurnal Informatika,
    Vol.5, No. 1, Juni 2009" -> ("Jurnal Informatika", "5", "1"); ``journal`` alone, and two empty
    strings, when it does not."""
    found = _CONTAINER_NUMBERS.match(" ".join(journal.split()))
    if not found:
        return journal, "", ""
    issue = found.group("issue") or found.group("paren") or ""
    return found.group("name").rstrip(" ,;."), found.group("volume"), re.sub(r"\s+", "", issue)
