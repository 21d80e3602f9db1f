"""Reading lists: the tagged papers grouped by theme, each with its reference and annotation.

``build_reading_list`` takes papers and their assigned tags (``Corpus.tags_by_key``),
chooses the groups (one per theme, in codebook order; a paper under every theme it
has, or only under its strongest of the themes shown), orders and cuts each group,
then formats the references of the papers kept (one citeproc-py run for all, so
year suffixes are told apart across the list) and annotates them. ``build_citations``
gives the same model for `litreview cite`: one group of chosen papers with their
in-text citations. Renderers in ``render/reading_list.py`` turn a ``ReadingList``
into each output format.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from litreview.errors import UsageError, ValidationError
from litreview.model import Paper, Tag
from litreview.synthesis.annotate import Annotation, annotate
from litreview.synthesis.references import CslStyle, Formatted, format_references
from litreview.themes.codebook import Codebook

ORDERS = ("year", "score", "author")

# Headings and labels of reading lists and citations, in the two interface languages.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "reading_list": "Reading list", "references": "References", "themes": "Themes", "score": "Score",
        "paper": "paper", "papers": "papers", "style": "Style", "ordered": "ordered by",
        "year": "year, oldest first", "score_order": "evidence score, highest first", "author": "first author",
        "parenthetical": "Parenthetical", "narrative": "Narrative", "primary": "each paper under its strongest theme",
        "top": "at most {n} per theme", "years": "published", "mentioned": " (mentioned)",
    },
    "id": {
        "reading_list": "Daftar bacaan", "references": "Daftar pustaka", "themes": "Tema", "score": "Skor",
        "paper": "artikel", "papers": "artikel", "style": "Gaya", "ordered": "diurutkan menurut",
        "year": "tahun, terlama dahulu", "score_order": "skor bukti, tertinggi dahulu", "author": "penulis pertama",
        "parenthetical": "Parentetis", "narrative": "Naratif", "primary": "tiap artikel di bawah tema terkuatnya",
        "top": "paling banyak {n} per tema", "years": "terbit", "mentioned": " (disebut)",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["id"] if lang == "id" else WORDS["en"]


@dataclass
class ReadingEntry:
    """One paper under one heading."""

    key: str
    reference: Formatted
    annotation: Annotation = field(default_factory=Annotation)
    themes: list[str] = field(default_factory=list)  # labels of all the paper's themes, codebook order
    score: float | None = None  # the group theme's score (None outside a theme group)
    year: int | None = None
    parenthetical: Formatted | None = None  # `cite` only
    narrative: Formatted | None = None


@dataclass
class ReadingGroup:
    theme: str  # theme id; "" for the one group of `cite`
    label: str
    entries: list[ReadingEntry] = field(default_factory=list)


@dataclass
class ReadingList:
    title: str
    groups: list[ReadingGroup]
    papers: list[Paper]  # each paper once, in order of first appearance (for BibTeX and CSL-JSON)
    style: str  # the style's title
    lang: str = "en"
    notes: list[str] = field(default_factory=list)  # what the list is: style, count, order, filters
    labels: dict[str, str] = field(default_factory=dict)  # WORDS of its language
    show_scores: bool = False  # ordered by score: each entry shows its theme's score

    @property
    def entry_count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


@dataclass
class ReadingFilter:
    themes: list[str] = field(default_factory=list)
    primary_only: bool = False
    order: str = "year"
    top: int | None = None
    year_from: int | None = None
    year_to: int | None = None

    def describe(self) -> str:
        parts = []
        if self.themes:
            parts.append(f"theme {', '.join(self.themes)}")
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"year {self.year_from or ''}-{self.year_to or ''}")
        if self.primary_only:
            parts.append("primary only")
        if self.top is not None:
            parts.append(f"top {self.top}")
        return "; ".join(parts) or "no filter"


def check_filter(flt: ReadingFilter, codebook: Codebook) -> None:
    """Usage errors of the filter, before any work is done."""
    if flt.order not in ORDERS:
        raise UsageError(f"--order {flt.order!r}: choose one of {', '.join(ORDERS)}")
    if flt.top is not None and flt.top < 1:
        raise UsageError(f"--top {flt.top}: give a number of papers per theme, 1 or more")
    for theme in flt.themes:
        if codebook.theme(theme) is None:
            raise UsageError(f"unknown theme '{theme}'; the codebook's themes are: {', '.join(codebook.theme_ids)}")


def build_reading_list(
    papers: Iterable[Paper],
    tags: dict[str, list[Tag]],
    codebook: Codebook,
    style: CslStyle,
    flt: ReadingFilter | None = None,
    lang: str = "en",
    annotator: Callable[[Paper], Annotation] | None = None,
    letters: dict[str, str] | None = None,
) -> ReadingList:
    """The reading list of ``papers`` (metadata is enough) by their assigned ``tags``.
    ``annotator`` gives a paper's annotation (default: ``annotate`` on the paper as given, which
    needs its text or abstract); it is called only for the papers the list keeps."""
    flt = flt or ReadingFilter()
    check_filter(flt, codebook)
    order = _theme_order(codebook)
    wanted = set(flt.themes)
    grouped: dict[str, list[tuple[Paper, float]]] = {}
    for paper in papers:
        if not _in_years(paper, flt):
            continue
        paper_tags = [t for t in tags.get(paper.key, []) if not wanted or t.theme in wanted]
        if not paper_tags:
            continue
        if flt.primary_only:
            paper_tags = [max(paper_tags, key=lambda t: (t.score, -order.get(t.theme, len(order)), t.theme))]
        for tag in paper_tags:
            grouped.setdefault(tag.theme, []).append((paper, tag.score))
    if not grouped:
        if not any(tags.values()):
            raise ValidationError("the reading list is empty: no paper has a theme yet; run `litreview tag` "
                                  "(or give themes by hand with `litreview tag add KEY THEME`)")
        raise ValidationError(f"the reading list is empty for these filters ({flt.describe()}); "
                              "`litreview themes` shows the papers per theme")
    sort_key = _SORTS[flt.order]
    themes = sorted(grouped, key=lambda t: (order.get(t, len(order)), t))
    chosen: dict[str, list[tuple[Paper, float]]] = {}
    for theme in themes:
        members = sorted(grouped[theme], key=sort_key)
        chosen[theme] = members[: flt.top] if flt.top is not None else members
    unique = list({p.key: p for members in chosen.values() for p, _ in members}.values())
    references = format_references(unique, style, lang, letters=letters)
    annotator = annotator or (lambda paper: annotate(paper, lang))
    notes = {p.key: annotator(p) for p in unique}
    all_themes = {p.key: _labels(tags.get(p.key, []), codebook, lang, order) for p in unique}
    groups = [
        ReadingGroup(theme=theme, label=_label(codebook, theme, lang), entries=[
            ReadingEntry(key=p.key, reference=references[p.key].entry, annotation=notes[p.key],
                         themes=all_themes[p.key], score=score, year=p.year)
            for p, score in chosen[theme]
        ])
        for theme in themes
    ]
    labels = words(lang)
    return ReadingList(title=labels["reading_list"], groups=groups, papers=unique, style=style.title, lang=lang,
                       notes=_notes(flt, style, len(unique), labels), labels=labels, show_scores=flt.order == "score")


def build_citations(papers: list[Paper], style: CslStyle, lang: str = "en",
                    letters: dict[str, str] | None = None) -> ReadingList:
    """`litreview cite`: each paper's reference with its parenthetical and narrative citations
    (``letters``: the corpus's year letters, ``citations.corpus_letters``)."""
    references = format_references(papers, style, lang, citations=True, letters=letters)
    unique = list({p.key: p for p in papers}.values())
    labels = words(lang)
    entries = [ReadingEntry(key=p.key, reference=references[p.key].entry, year=p.year,
                            parenthetical=references[p.key].parenthetical, narrative=references[p.key].narrative)
               for p in unique]
    return ReadingList(title=labels["references"], groups=[ReadingGroup(theme="", label="", entries=entries)],
                       papers=unique, style=style.title, lang=lang, notes=[f"{labels['style']}: {style.title}"],
                       labels=labels)


def _notes(flt: ReadingFilter, style: CslStyle, papers: int, labels: dict[str, str]) -> list[str]:
    count = f"{papers} {labels['paper'] if papers == 1 else labels['papers']}"
    order = labels["score_order"] if flt.order == "score" else labels[flt.order]
    parts = [f"{labels['style']}: {style.title}", count, f"{labels['ordered']} {order}"]
    if flt.year_from is not None or flt.year_to is not None:
        parts.append(f"{labels['years']} {flt.year_from or ''}\u2013{flt.year_to or ''}")
    if flt.primary_only:
        parts.append(labels["primary"])
    if flt.top is not None:
        parts.append(labels["top"].format(n=flt.top))
    return ["; ".join(parts)]


def _in_years(paper: Paper, flt: ReadingFilter) -> bool:
    if flt.year_from is not None and (paper.year is None or paper.year < flt.year_from):
        return False
    return not (flt.year_to is not None and (paper.year is None or paper.year > flt.year_to))


def _theme_order(codebook: Codebook) -> dict[str, int]:
    return {theme: i for i, theme in enumerate(codebook.theme_ids)}


def _label(codebook: Codebook, theme: str, lang: str) -> str:
    from litreview.synthesis.review import theme_label

    return theme_label(codebook, theme, lang)


def _labels(tags: list[Tag], codebook: Codebook, lang: str, order: dict[str, int]) -> list[str]:
    """The paper's theme labels in codebook order; a theme it only mentions says so."""
    only_mentioned = {t.theme for t in tags if t.level == "mentioned"}
    themes = sorted({t.theme for t in tags}, key=lambda t: (order.get(t, len(order)), t))
    return [_label(codebook, t, lang) + (words(lang)["mentioned"] if t in only_mentioned else "") for t in themes]


def author_key(paper: Paper) -> str:
    """How a paper sorts by author: the first author's surname (else the title), accents and
    case folded."""
    name = paper.authors[0].surname if paper.authors else (paper.title or paper.title_id or paper.title_en)
    folded = unicodedata.normalize("NFKD", " ".join(name.split()))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def _title(paper: Paper) -> str:
    return (paper.title or paper.title_id or paper.title_en).casefold()


_NO_YEAR = 10_000  # papers without a year sort last by year

_SORTS: dict[str, Callable[[tuple[Paper, float]], tuple[object, ...]]] = {
    "year": lambda ps: (ps[0].year or _NO_YEAR, author_key(ps[0]), _title(ps[0]), ps[0].key),
    "score": lambda ps: (-ps[1], author_key(ps[0]), ps[0].year or _NO_YEAR, ps[0].key),
    "author": lambda ps: (author_key(ps[0]), ps[0].year or _NO_YEAR, _title(ps[0]), ps[0].key),
}
