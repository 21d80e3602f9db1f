"""The journal banner, running lines and dates of a PDF's first page: how to
recognise them, and the year, journal or proceedings, volume, issue, pages,
DOI and ISSN they give.

The year comes from the journal's volume line first, then the received and
published dates, the copyright line and an arXiv stamp; never from a year
cited in the running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from litreview.ingest.pdf_layout import Line, despace, edge_lines, letters
from litreview.text.clean import clean_field

JOURNAL_WORD = re.compile(
    r"\b(?:jurnal|journal|proceedings?|prosiding|seminar|konferensi|conference|conferences|symposium|"
    r"simposium|workshop|transactions|bulletin|buletin|magazine|majalah)\b",
    re.IGNORECASE,
)
_VOLUME_TOKEN = re.compile(
    r"\bvol(?:ume)?\b\.?\s*[\dIVXLC]+|\bno\.?\s*\d+|\bnomor\s*\d+|\bissue\s*\d+|\bedisi\b"
    r"|\(\d{4}\)\s*\d+\s*:|\b\d{4}\s*;\s*\d+|\b\d{4}\s*,\s*\d+\s*,\s*\d+",
    re.IGNORECASE,
)
_BANNER = re.compile(
    r"\bissn\b|\bisbn\b|\bdoi\b|https?://|www\.|\S+@\S+|arxiv:|\breceived\b|\baccepted\b|\bpublished\b"
    r"|\brevised\b|\bditerima\b|\bdirevisi\b|\bdisetujui\b|\bditerbitkan\b|\bcopyright\b|\u00a9"
    r"|\bpage\s+\d|\bhalaman\s+\d|\bhal\.\s*\d|\bhlm\.\s*\d|\bpp\.\s*\d"
    r"|\bavailable online\b|\btersedia online\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?:artikel(?: ilmiah| penelitian| riset| review)?|research(?: article| paper)?"
    r"|original(?: article| research)?|review(?: article)?|accepted manuscript|preprint"
    r"|short (?:communication|paper)|full paper|article"
    r"|open access|makalah|skripsi|tesis|thesis|disertasi|tugas akhir|proposal\b.*|laporan\b.*"
    r"|jurnal|journal)"
    r"\W*",
    re.IGNORECASE,
)


def is_banner(text: str) -> bool:
    """Journal banner, running header, date or label: never part of a title."""
    return bool(
        _BANNER.search(text)
        or _VOLUME_TOKEN.search(text)
        or JOURNAL_WORD.match(text)
        or _LABEL.fullmatch(text)
        or re.fullmatch(r"[\d\W]+", text)
    )


def is_label(text: str) -> bool:
    """An article label ("Research Article", "Open Access", "Skripsi") alone on its line."""
    return bool(_LABEL.fullmatch(text))


# --------------------------------------------------------------------------- year, journal, DOI

_YEAR = re.compile(r"(?<![\d.,/])(19[5-9]\d|20[0-4]\d)(?![\d/])")
_NOT_YEAR = re.compile(
    r"\b\d{4}-\d{3}[\dXx]\b|\b10\.\d{4,9}/\S+|https?://\S+|\S+@\S+|\(0\d{2,3}\)\s*[\d-]+|\b\d{5,}\b"
    r"|\b\d+[-\u2013]\d+\b(?!\s*[A-Za-z])"
)
_MONTH = (
    r"(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|ma[yi]|jun[ei]?|jul[yi]?"
    r"|aug(?:ust)?|agu(?:stus)?|agt|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cs](?:ember)?)\.?"
)
# "(Wahyudi, 2018;" is a citation; "Desember 2022;" in a dates line is not.
_CITATION = re.compile(
    rf"et al|\b(?!(?i:{_MONTH})\s)[A-Z][A-Za-z'\u2019-]+,?\s+(?:19|20)\d\d[a-z]?\s*[;)]"
)
_DATE_LABEL = re.compile(
    r"\b(?:received|revised|accepted|published|available online|diterima|direvisi|disetujui|diterbitkan"
    r"|dipublikasikan|terbit|submitted)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|\bcopyright\b|^c\s|\sc\s|@)\s*(?:[^\d]{0,30}?)((?:19|20)\d\d)", re.IGNORECASE
)
_ARXIV = re.compile(r"arXiv:\S+\s+\[[^\]]+\]\s+\d{1,2}\s+\w{3,9}\s+((?:19|20)\d\d)")
_DATE_LINE = re.compile(
    r"(?:[A-Z][\w .\"\u201c\u201d]*,\s*)?(?:\d{1,2}\s+)?[A-Za-z]{3,10}\.?\s+((?:19|20)\d\d)|((?:19|20)\d\d)"
)


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(_NOT_YEAR.sub(" ", text))]


def find_year(lines: list[Line], height: float, skip: set[int]) -> int | None:
    """The publication year from the first page (see :func:`find_year_source`)."""
    return find_year_source(lines, height, skip)[0]


# Where a year read by find_year_source came from, when that is a guess rather than a statement.
WEAK_YEAR_SOURCES = frozenset({"running line", "date on the page"})


def find_year_source(lines: list[Line], height: float, skip: set[int]) -> tuple[int | None, str]:
    """The publication year from the first page, and where it was read: the journal's
    volume line first, then dates (received, published), copyright, arXiv stamp, other
    running lines and a date standing alone (the last two are guesses: WEAK_YEAR_SOURCES).
    Never a year cited in the running text."""
    edge = [line for line in edge_lines(lines, height, skip) if not _CITATION.search(line.text)]
    upper = [line for i, line in enumerate(lines) if i not in skip and line.top < 0.35 * height]
    everywhere = [line for i, line in enumerate(lines) if i not in skip and not _CITATION.search(line.text)]
    for line in edge + upper:
        if _VOLUME_TOKEN.search(line.text) or (JOURNAL_WORD.search(line.text) and line in edge):
            years = _years(line.text)
            if years:
                return years[0], "volume line"
    dated = [y for line in everywhere if _DATE_LABEL.search(line.text) for y in _years(line.text)]
    if dated:
        return max(dated), "dates printed on the page"
    for line in everywhere:
        found = _COPYRIGHT.search(line.text) if line in edge or "\u00a9" in line.text else None
        if found:
            return int(found.group(1)), "copyright line"
    for line in lines:
        found = _ARXIV.search(line.text)
        if found:
            return int(found.group(1)), "arXiv stamp"
    for line in edge:
        years = _years(line.text)
        if years:
            return years[0], "running line"
    for line in everywhere:
        found = _DATE_LINE.fullmatch(line.text.strip())
        if found:
            return int(found.group(1) or found.group(2)), "date on the page"
    return None, ""


def metadata_year(metadata: dict[str, str]) -> tuple[int | None, str]:
    """(year, where from) out of the metadata dictionary: an issue named in the
    title or subject ("Jurnal Informatika - Edisi Juni 2009"), else the creation date."""
    for key in ("Title", "Subject"):
        value = metadata.get(key, "")
        if _VOLUME_TOKEN.search(value) or JOURNAL_WORD.search(value):
            years = _years(value)
            if years:
                return years[0], key
    found = re.match(r"D:((?:19|20)\d\d)", metadata.get("CreationDate", ""))
    return (int(found.group(1)), "CreationDate") if found else (None, "")


_JOURNAL_CUT = re.compile(
    r"\s*(?:,\s*)?(?:\bvol(?:ume)?\b\.?|\bno\.|\bnomor\b|\bissue\b|\b[ep]-?issn\b|\bissn\b|\bpp\.|\bpages\b|\bhal\."
    r"|\bhlm\.|(?:\b\d{1,4}\s*)?\(\d{4}\)|\b\d{4}\s*[;,]\s*\d|\s\d+\s*,\s*\d|\bdoi\b|:\s*\d"
    # a separator a banner sets between the name and its page or volume: "Jurnal X (JX) \u25fc 121", "Jurnal X | 12"
    r"|[\u25a0-\u25ff\u2022|]\s*\d)",
    re.IGNORECASE,
)


@dataclass
class Container:
    """Where the paper appeared, as its banner or footer says."""

    name: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    proceedings: bool = False
    year: int | None = None  # only from running_container


_PAGES = re.compile(
    r"(?:\bpp\.|\bhlm\.|\bhal\.|\bpages?\b|\bhalaman\b|\(\d{4}\)\s*\d+\s*:)\s*(\d+)\s*[-\u2013~]\s*(\d+)",
    re.IGNORECASE,
)
_PROCEEDINGS = re.compile(
    r"\b(?:proceedings?|prosiding|seminar|konferensi|conference|conferences|symposium|simposium|workshop)\b",
    re.IGNORECASE,
)


def _names_above(above: Line, line: Line) -> bool:
    """Is ``above`` a journal's name printed right above its volume line, in the same column?"""
    return (
        abs(above.x0 - line.x0) < 3
        and 0 <= line.top - above.bottom < line.size
        and letters(above.text) >= 6
        and len(above.text.split()) >= 2
        and not is_banner(above.text)
        and not any(ch.isdigit() for ch in above.text)
    )


_LEADING_ISSN = re.compile(r"^(?:(?:[ep]-?)?issn\s*:?\s*\d{4}\s?-\s?\d{3}[\dXx]\s*[,;|]?\s*)+", re.IGNORECASE)


def find_container(lines: list[Line], height: float, skip: set[int]) -> Container:
    """Journal or proceedings name, volume, issue and page range from the banner
    or footer of the first page."""
    edge = [line for line in edge_lines(lines, height, skip) if not line.vertical]
    for k, line in enumerate(edge):
        text = re.sub(r"https?://\S+|\S+\.(?:com|org|net|id)/\S*|\bwww\.\S+", " ", line.text).strip()
        text = re.sub(r"^\d+\s+", "", text).strip()
        # "ISSN : 2442-5826 e-Proceeding of ..." names the journal after its ISSN.
        text = _LEADING_ISSN.sub("", text)
        if re.match(r"journal homepage\b", text, re.IGNORECASE):
            continue  # Elsevier's "journal homepage: www..." names no journal
        word = JOURNAL_WORD.search(text)
        volume = _VOLUME_TOKEN.search(text)
        if not word and not volume:
            continue
        start = word.start() if word and volume and volume.start() < word.start() else 0
        cut = _JOURNAL_CUT.search(text, start + 1)
        name = text[start : cut.start() if cut else len(text)].strip(" ,.:;/-\u2013")
        if letters(name) < 3 and volume and k > 0 and _names_above(edge[k - 1], line):
            name = edge[k - 1].text  # a margin box: the journal's name, then "2021, Vol. 62(1) 89-104"
        acronym = bool(re.fullmatch(r"[A-Z][A-Z-]{2,11}", name)) and volume is not None and text.startswith(name)
        # MDPI's footer names a one-word journal before "year, volume, article": "Mathematics 2025, 13, 3382".
        acronym = acronym or bool(
            re.fullmatch(r"[A-Z][a-z]{3,}", name) and re.fullmatch(r"\s*(?:19|20)\d\d\s*,\s*\d+\s*,\s*\d+\.?\s*",
                                                                    text[len(name):]) and text.startswith(name)
        )
        if letters(name) < 3 or (not word and len(name.split()) < 2 and not acronym) or _VOLUME_TOKEN.match(name):
            continue  # one word names a journal only as its acronym before its volume ("JSIKA Vol. 5")
        if not volume and k + 1 < len(edge) and edge[k + 1].top - line.bottom < line.size:
            text += " " + edge[k + 1].text  # "Vol. 1, No. 2, ..." on the banner's second line
        vol = re.search(r"\bvol(?:ume)?\.?\s*([0-9]+|[IVXLC]+)\b", text, re.IGNORECASE) or re.search(
            r"\(\d{4}\)\s*(\d+)\s*:|\b\d{4}\s*;\s*(\d+)\s*[:(]|\b\d{4}\s*,\s*(\d+)\s*,", text
        )
        issue = re.search(r"\b(?:no|nomor|issue|number)\.?\s*(\d+)", text, re.IGNORECASE)
        pages = _PAGES.search(text)
        return Container(
            name=clean_field(name),
            volume=next((g for g in vol.groups() if g), "") if vol else "",
            issue=issue.group(1) if issue else "",
            pages=f"{pages.group(1)}-{pages.group(2)}" if pages else "",
            proceedings=bool(_PROCEEDINGS.search(name)),
        )
    return Container()


def running_container(page_text: str) -> Container:
    """The journal (and year) of a running header or footer on a later page,
    such as "Jurnal X Vol. 11 No. 2 Tahun 2024 ISSN: ...": only a line naming a
    journal and its volume counts."""
    texts = [t.strip() for t in page_text.replace("\r\n", "\n").split("\n") if t.strip()]
    for text in texts[:2] + texts[-2:]:
        text = despace(text)
        if not (JOURNAL_WORD.search(text) and _VOLUME_TOKEN.search(text)) or _CITATION.search(text):
            continue
        if text[0].islower() or len(text) > 160 or re.search(r"[\[\"\u201c\u201d]", text):
            continue  # running text or a reference, not a running header
        probe = Line(text=text, marked=text, plain=text, size=10.0, top=0.0, bottom=10.0, x0=0.0, x1=0.0)
        container = find_container([probe], 1000.0, set())
        if container.name:
            years = _years(text)
            container.year = years[0] if years else None
            return container
    return Container()


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_LABELLED = re.compile(r"(?:doi\s*:?\s*|doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def _tidy_doi(doi: str) -> str:
    doi = doi.rstrip(".,;:")
    while (doi.endswith(")") and doi.count(")") > doi.count("(")) or (
        doi.endswith("]") and doi.count("]") > doi.count("[")
    ):
        doi = doi[:-1].rstrip(".,;:")
    return doi


# "https://doi.org/10/25047/jtit.v11i2.5731": a DOI link misprinted with "/" for "." (a
# shortDOI, "10/abcde", has no further "/").
_DOI_MISPRINTED = re.compile(r"doi\.org/10/(\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def find_doi(first_page: str, second_page: str, edge_text: str) -> str:
    """The paper's DOI: labelled on the first page, else bare in its banner or
    footer, else labelled at the top of the second page."""
    first_page = _DOI_MISPRINTED.sub(r"doi.org/10.\1", first_page)
    for text, pattern in ((first_page, _DOI_LABELLED), (edge_text, _DOI), (second_page[:800], _DOI_LABELLED)):
        found = pattern.search(text)
        if found:
            return _tidy_doi(found.group(1))
    return ""


def find_issn(text: str) -> str:
    found = re.search(r"\bissn\b[^\d]{0,12}(\d{4}\s?-\s?\d{3}[\dXx])", text, re.IGNORECASE)
    return found.group(1).replace(" ", "").upper() if found else ""
