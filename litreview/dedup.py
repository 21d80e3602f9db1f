"""Is a new record the same work as one already in the corpus? Pure rules, no I/O.

Zero false merges is the rule. A record is a duplicate only on strong evidence:

- the same DOI (landing-page suffixes such as ".short" and percent-escapes ignored) with titles
  that agree in some language, or with the same first author, year and page range (one article
  with its title in two languages);
- a near-identical title (``title_similarity`` >= TITLE_SAME) with the same year and the same
  first author ("De Petrillo" and "Petrillo" agree: a particle read as a given name), no
  conflicting DOIs, volume, issue or pages, and the same numbers in the title, so "Part 1" and
  "Part 2" stay apart. Two undated records agree on the year only with the very same title;
  or, whatever the titles, the same first author, year, journal, volume and page range (one
  article with its Indonesian and English title, no DOI);
  a short title (under MIN_TITLE_WORDS words) also needs the same venue and must not be a
  generic one ("Editorial").

Weaker likeness (the same title in another year or by another author, alike titles, a title that
is the other without its subtitle, two DOIs, a series) is reported as a *possible* duplicate and
both records are kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from litreview.i18n import msg
from litreview.ingest.fields import find_doi
from litreview.model import Paper

TITLE_SAME = 93.0  # title_similarity at or above which two normalised titles are "the same"
TITLE_ALIKE = 85.0  # at or above this, with year and first author agreeing: flagged, never merged
# Two strings can only reach TITLE_ALIKE if the shorter is at least this fraction of the longer.
TITLE_LENGTH_RATIO = TITLE_ALIKE / (200.0 - TITLE_ALIKE)

_NON_WORD = re.compile(r"[^\w\s]")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
_NUMBER_WORDS = {"one", "two", "three", "satu", "dua", "tiga", "first", "second", "third", "pertama", "kedua", "ketiga"}
# Month names tell issues of a recurring report apart ("Traffic statistics (May 1973)").
_MONTHS = set(
    "january february march april may june july august september october november december "
    "januari februari maret mei juni juli agustus oktober desember".split()
)


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: accents stripped, punctuation to spaces, spaces folded."""
    lowered = text.casefold()
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", lowered).replace("_", " ").split())


def normalize_title(title: str) -> str:
    return fold(title)


# What landing-page links add after a DOI (Google Scholar / Publish or Perish exports keep them).
_DOI_LINK_SUFFIX = re.compile(r"(\.short|\.full|\.abstract|\.pdf|/(abstract|full|pdf|epdf|meta|summary))+$")


def normalize_doi(doi: str) -> str:
    """"https://doi.org/10.1000/ABC." -> "10.1000/abc", for comparing ("" when there is no DOI in it);
    percent-escapes decoded ("%3c" -> "<") and a landing page's ".short" or "/abstract" dropped."""
    if "%" in (doi or ""):
        from urllib.parse import unquote

        doi = unquote(doi)
    return _DOI_LINK_SUFFIX.sub("", find_doi(doi or "").rstrip(".,;)").lower())


def normalize_author(surname: str) -> str:
    return fold(surname).replace(" ", "")


def index_fields(paper: Paper) -> dict[str, object]:
    """What duplicate detection compares; doi, norm_title and first_author are indexed in the store."""
    return index_from_columns(
        normalize_doi(paper.doi), normalize_title(paper.title), normalize_author(paper.first_author), paper.year,
        title_id=paper.title_id, title_en=paper.title_en, volume=paper.volume, issue=paper.issue,
        pages=paper.pages, journal=paper.journal,
    )


def index_from_columns(doi: str, norm_title: str, first_author: str, year: int | None, *, title_id: str = "",
                       title_en: str = "", volume: str = "", issue: str = "", pages: str = "",
                       journal: str = "") -> dict[str, object]:
    """:func:`index_fields` from the stored columns (doi, norm_title and first_author already
    normalised) and the raw metadata fields: what batch detection reads for each paper."""
    return {
        "doi": doi,
        "norm_title": norm_title,
        "titles": sorted({t for t in (norm_title, fold(title_id), fold(title_en)) if t}),
        "first_author": first_author,
        "year": year,
        "volume": fold(volume),
        "issue": fold(issue),
        "pages": fold(pages.replace("--", "-")),
        "venue": fold(journal),
    }


# First "authors" that say nothing about who wrote it.
_PLACEHOLDER_AUTHORS = frozenset(
    "anonymous anon anonim unknown na nn noauthor editor editors redaksi tanpanama tim team staff".split()
)
# Titles this short ("Editorial", "Errata", "Preface") are shared by many different items.
MIN_TITLE_WORDS = 4


def _numbers(norm_title: str) -> set[str]:
    """Tokens that distinguish items of a series: digits, roman numerals, "part two", months."""
    return {t for t in norm_title.split() if t.isdigit() or t in _ROMAN or t in _NUMBER_WORDS or t in _MONTHS}


def title_similarity(a: str, b: str, score_cutoff: float = 0.0) -> float:
    """0-100: the better of the token-sort ratio (words reordered) and the plain ratio (a typo at the
    start of a word moves it in sorted order, which the plain ratio forgives)."""
    return max(fuzz.token_sort_ratio(a, b, score_cutoff=score_cutoff), fuzz.ratio(a, b, score_cutoff=score_cutoff))


DOI_TITLE_AGREE = 80.0  # with the same DOI, titles this alike (any language variant) are one work


def _titles_compatible(new: dict[str, object], old: dict[str, object]) -> bool:
    """Same DOI: do any of the two records' titles (in any language) agree?"""
    a, b = list(new.get("titles") or []), list(old.get("titles") or [])  # type: ignore[call-overload]
    if not a or not b:
        return True
    return any(fuzz.token_set_ratio(x, y) >= DOI_TITLE_AGREE for x in a for y in b)


def worth_comparing(new: dict[str, object], old_doi: str, old_norm_title: str) -> bool:
    """Cheap pre-check on stored columns: could :func:`judge` find anything at all?"""
    if new["doi"] and new["doi"] == old_doi:
        return True
    title = str(new["norm_title"])
    if not title or not old_norm_title:
        return False
    if title.startswith(old_norm_title + " ") or old_norm_title.startswith(title + " "):
        return True  # one may be the other without its subtitle
    return title_similarity(title, old_norm_title, score_cutoff=TITLE_ALIKE) > 0


MANY_CANDIDATES = 12  # from this many stored titles on, worth_comparing_many scores them in one call


def worth_comparing_many(new: dict[str, object], stored: list[tuple[str, str]]) -> list[bool]:
    """:func:`worth_comparing` for each (doi, normalised title) of ``stored``: the same answers,
    the title similarities of a large (year, first author) block scored by rapidfuzz in one call
    each for the plain and the token-sort ratio instead of one Python call per title."""
    if len(stored) < MANY_CANDIDATES:
        return [worth_comparing(new, doi, title) for doi, title in stored]
    from rapidfuzz import process

    title = str(new["norm_title"])
    out: list[bool] = []
    open_: list[int] = []
    for i, (doi, old) in enumerate(stored):
        if new["doi"] and new["doi"] == doi:
            out.append(True)
        elif not title or not old:
            out.append(False)
        else:
            out.append(title.startswith(old + " ") or old.startswith(title + " "))
            if not out[-1]:
                open_.append(i)
    if open_:
        choices = [stored[i][1] for i in open_]
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
            for _, _, k in process.extract(title, choices, scorer=scorer, score_cutoff=TITLE_ALIKE, limit=None):
                out[open_[k]] = True
    return out


def alike_titles(title: str, titles: list[str], sorted_titles: list[str]) -> list[int]:
    """Indices of ``titles`` whose :func:`title_similarity` with ``title`` reaches TITLE_ALIKE, in
    order. ``sorted_titles`` are the same titles with their words sorted (the plain ratio of two
    token-sorted titles is their token-sort ratio): a long list is scored in one rapidfuzz call per
    form instead of one Python call per title."""
    if not title:
        return []
    if len(titles) < MANY_CANDIDATES:
        return [i for i, old in enumerate(titles) if old and title_similarity(title, old, score_cutoff=TITLE_ALIKE) > 0]
    from rapidfuzz import process

    hits = {k for _, _, k in process.extract(title, titles, scorer=fuzz.ratio, score_cutoff=TITLE_ALIKE, limit=None)}
    hits.update(k for _, _, k in process.extract(" ".join(sorted(title.split())), sorted_titles, scorer=fuzz.ratio,
                                                 score_cutoff=TITLE_ALIKE, limit=None))
    return sorted(k for k in hits if titles[k])


def _same_author(a: str, b: str) -> bool:
    """Normalised first-author surnames agree: equal, or one is the other with a particle written into
    the surname ("depetrillo" and "petrillo": "F De Petrillo" read as given name "F De")."""
    if not a or not b or a in _PLACEHOLDER_AUTHORS or b in _PLACEHOLDER_AUTHORS:
        return False
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long.endswith(short) and long[: -len(short)] in _PARTICLES)


_PARTICLES = frozenset("de da del della der di du van vanden vander von le la al el bin binti ten ter dos das".split())
# Short titles shared by many different items, however much else agrees.
_GENERIC_TITLES = frozenset(
    "editorial editorials preface foreword introduction index errata erratum corrigendum correction contents "
    "book reviews review reviews announcement announcements news obituary letter letters comment reply "
    "pengantar redaksi pendahuluan daftar isi tajuk rencana kata pengantar".split()
)


# Records sharing one normalised title beyond this many ("Editorial", "Book reviews") are one group
# of possible duplicates with a count, not every pair of them: n same-titled records would
# otherwise make n(n-1)/2 notices. Within such a group only the evidence that merges (same year and
# a first author that agrees, or the same DOI) is looked for, pair by pair, in small indexed blocks.
CROWDED_TITLE = 20


def author_variants(surname: str) -> list[str]:
    """Normalised first-author surnames :func:`_same_author` could accept for ``surname``: itself,
    with a particle in front, and without the particle it starts with."""
    if not surname or surname in _PLACEHOLDER_AUTHORS:
        return []
    out = {surname}
    if len(surname) >= 4:
        out.update(particle + surname for particle in _PARTICLES)
    out.update(surname[len(p):] for p in _PARTICLES if surname.startswith(p) and len(surname) - len(p) >= 4)
    return sorted(out)


def _generic(norm_title: str) -> bool:
    return any(word in _GENERIC_TITLES for word in norm_title.split())


VENUE_SAME = 95.0


def _same_venue(new: dict[str, object], old: dict[str, object]) -> bool:
    a, b = str(new.get("venue") or ""), str(old.get("venue") or "")
    return bool(a and b) and fuzz.token_sort_ratio(a, b) >= VENUE_SAME


def _translated(new: dict[str, object], old: dict[str, object]) -> bool:
    """Same DOI, titles unlike: one article with its title in two languages when the first author, the
    year and the page range (and volume, when both give one) all agree. A chapter under its book's DOI
    has other pages; a book's pages are not a range."""
    pages_a, pages_b = str(new.get("pages") or ""), str(old.get("pages") or "")
    if not (pages_a and pages_a == pages_b and len(pages_a.split()) == 2):
        return False
    if new.get("volume") and old.get("volume") and new["volume"] != old["volume"]:
        return False
    return (new["year"] is not None and new["year"] == old["year"]
            and _same_author(str(new["first_author"]), str(old["first_author"])))


PLACE_VENUE_SAME = 90.0


def _digits(norm_title: str) -> set[str]:
    return {t for t in norm_title.split() if t.isdigit()}


def is_page_range(pages: str) -> bool:
    """"101 120" (index form): a first and a last page in numbers, which two articles of one issue
    never share (front matter in roman numerals, "iv v", is shared by every issue)."""
    parts = pages.split()
    return len(parts) == 2 and parts[0] != parts[1] and all(p.isdigit() for p in parts)


def _same_place(new: dict[str, object], old: dict[str, object]) -> bool:
    """The same journal (alike names), volume and page range: one article, whatever its titles say
    (an Indonesian title in SINTA or Garuda, the English one in Scopus). Year and first author are
    checked by the caller."""
    pages, venue_a, venue_b = str(new.get("pages") or ""), str(new.get("venue") or ""), str(old.get("venue") or "")
    if new.get("issue") and old.get("issue") and new["issue"] != old["issue"]:
        return False
    return (is_page_range(pages) and pages == old.get("pages") and bool(new.get("volume"))
            and new.get("volume") == old.get("volume") and bool(venue_a and venue_b)
            and fuzz.token_sort_ratio(venue_a, venue_b) >= PLACE_VENUE_SAME)


def _subtitle_dropped(new: dict[str, object], old: dict[str, object]) -> bool:
    """One normalised title is the other's first words ("Title" and "Title: Subtitle"), long enough
    to say something, with the same numbers, volume, issue and pages."""
    a, b = sorted((str(new["norm_title"]), str(old["norm_title"])), key=len)
    if not b.startswith(a + " ") or len(a.split()) < MIN_TITLE_WORDS + 1 or _numbers(a) != _numbers(b):
        return False
    return not any(new.get(n) and old.get(n) and new[n] != old[n] for n in ("volume", "issue", "pages"))


@dataclass
class Verdict:
    """How a new record relates to one existing paper."""

    key: str
    duplicate: bool  # strong evidence: do not add again
    reason: str
    alike: bool = False  # only alike titles (below TITLE_SAME): worth a flag across files, not within one


def judge(new: dict[str, object], old: dict[str, object], old_key: str) -> Verdict | None:
    """Compare two records' index fields; None when they are clearly different works."""
    new_doi, old_doi = str(new["doi"]), str(old["doi"])
    if new_doi and new_doi == old_doi:
        if _titles_compatible(new, old):
            return Verdict(old_key, True, msg("same DOI {doi}", doi=new_doi))
        if _translated(new, old):
            return Verdict(old_key, True, msg("same DOI {doi}, first author, year and pages (a translated title)",
                                                  doi=new_doi))
        # A chapter filed under its book's DOI, or a DOI pasted on the wrong record.
        return Verdict(old_key, False, msg("same DOI {doi} but the titles differ (a chapter and its book?)",
                                           doi=new_doi))
    new_title, old_title = str(new["norm_title"]), str(old["norm_title"])
    if not new_title or not old_title:
        return None
    score = title_similarity(new_title, old_title)
    # Two undated records agree on the year only with the very same title (a database listing one work twice).
    same_year = new["year"] == old["year"] and (new["year"] is not None or (
        new_title == old_title and len(new_title.split()) >= MIN_TITLE_WORDS))
    author = str(new["first_author"])
    same_author = _same_author(author, str(old["first_author"]))
    if (score < TITLE_SAME and same_year and same_author and not (new_doi and old_doi) and _same_place(new, old)
            and _digits(new_title) == _digits(old_title)):  # number words are another language's
        return Verdict(old_key, True, msg("same first author, year, journal, volume and pages {pages} (the title in "
                                          "another language?)", pages=new["pages"]))
    if score < TITLE_ALIKE:
        if same_year and same_author and not (new_doi and old_doi) and _subtitle_dropped(new, old):
            # Flagged even within one export: search engines list a repository copy with its title cut.
            return Verdict(old_key, False, msg("one title is the other without its subtitle, same year and "
                                                       "first author"))
        return None
    similar = msg("title {score}% similar", score=f"{score:.0f}")
    if _numbers(new_title) != _numbers(old_title):
        # Listed as a series only when the words are the same: a month or number is a one-word change
        # the plain ratio forgives.
        if fuzz.token_sort_ratio(new_title, old_title) < TITLE_SAME:
            return None
        return Verdict(old_key, False, msg("{similar} but the numbers in the titles differ (a series?)",
                                           similar=similar))
    if new_doi and old_doi:
        if score < TITLE_SAME:
            return None
        return Verdict(old_key, False, msg("{similar} but the DOIs differ ({new} vs {old})", similar=similar,
                                           new=new_doi, old=old_doi))
    if any(new.get(name) and old.get(name) and new[name] != old[name] for name in ("volume", "issue", "pages")):
        return None  # another volume, issue or page range: a different item under a recurring title
    if len(new_title.split()) < MIN_TITLE_WORDS:
        if score < TITLE_SAME:
            return None
        if new_title == old_title and same_year and same_author and _same_venue(new, old) and not _generic(new_title):
            return Verdict(old_key, True, msg("the same short title, year {year}, first author {author} and venue "
                                              "{venue}", year=new["year"], author=new["first_author"],
                                              venue=new.get("venue")))
        return Verdict(old_key, False, msg("{similar}, but a title this short is shared by different works",
                                           similar=similar))
    if score < TITLE_SAME:
        if same_year and same_author:
            return Verdict(old_key, False, msg("{similar}, same year and first author, but not alike enough to "
                                               "merge", similar=similar),
                           alike=True)
        return None
    if same_year and same_author:
        return Verdict(old_key, True, msg("{similar}, same year {year} and first author {author}", similar=similar,
                                          year=new["year"], author=new["first_author"]))
    # What tells the two apart: fields both records give and that differ; a field one of them lacks
    # is no difference, only nothing to compare.
    differences = []
    missing = []
    if not same_year:
        if new["year"] is None or old["year"] is None:
            missing.append("year")
        else:
            differences.append(msg("year {new} vs {old}", new=new["year"], old=old["year"]))
    if not same_author:
        old_author = str(old["first_author"])
        if _known_author(author) and _known_author(old_author):
            differences.append(msg("first author {new} vs {old}", new=author, old=old_author))
        else:
            missing.append("first author")
    lacking = {("year",): msg("no year to compare"), ("first author",): msg("no first author to compare"),
               ("year", "first author"): msg("no year or first author to compare")}.get(tuple(missing), "")
    if not differences:
        return Verdict(old_key, False, msg("{similar}, but {lacking}", similar=similar, lacking=lacking))
    if len(differences) == 2:
        reason = msg("{similar} but {year} and {author} differ", similar=similar, year=differences[0],
                     author=differences[1])
    else:
        reason = msg("{similar} but {difference} differ", similar=similar, difference=differences[0])
    if lacking:
        reason = msg("{reason}, and {lacking}", reason=reason, lacking=lacking)
    return Verdict(old_key, False, reason)


def _known_author(name: str) -> bool:
    return bool(name) and name not in _PLACEHOLDER_AUTHORS


def make_key_base(paper: Paper) -> str:
    """"cobis2023": first author's surname (ASCII, letters only) + year ("nd" without one)."""
    surname = fold(paper.first_author).split()
    name = surname[-1] if surname else ""
    if not name:
        words = [w for w in fold(paper.title).split() if len(w) > 3] or fold(paper.title).split()
        name = words[0] if words else "anon"
    name = re.sub(r"[^a-z0-9]", "", name) or "anon"
    return f"{name[:24]}{paper.year if paper.year else 'nd'}"
