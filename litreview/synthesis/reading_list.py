"""Reading lists: the tagged papers grouped by theme, each with its reference and annotation.

``build_reading_list`` takes papers and their assigned tags (``Corpus.tags_by_key``),
chooses the groups (one per theme, in codebook order, or the weeks or topics of a course
plan, see ``load_plan``), puts each paper once under its strongest theme (or, with
``primary_only`` off, under every theme it has), orders, cuts and numbers each group,
then formats the references of the papers kept (one citeproc-py run for all, so
year suffixes are told apart across the list), annotates them and adds the whole
reference list at the end, in the style's order. ``build_citations``
gives the same model for `litreview cite`: one group of chosen papers with their
in-text citations. Renderers in ``render/reading_list.py`` turn a ``ReadingList``
into each output format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from litreview.errors import UsageError, ValidationError
from litreview.i18n import tr
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
        "all_themes": "each paper under every theme it has", "plan": "grouped as in {name}",
        "unplaced": "{n} in no group of the plan", "untagged": "Not tagged with a theme",
    },
    "id": {
        "reading_list": "Daftar bacaan", "references": "Daftar pustaka", "themes": "Tema", "score": "Skor",
        "paper": "artikel", "papers": "artikel", "style": "Gaya", "ordered": "diurutkan menurut",
        "year": "tahun, terlama dahulu", "score_order": "skor bukti, tertinggi dahulu", "author": "penulis pertama",
        "parenthetical": "Parentetis", "narrative": "Naratif", "primary": "tiap artikel di bawah tema terkuatnya",
        "top": "paling banyak {n} per tema", "years": "terbit", "mentioned": " (disebut)",
        "all_themes": "tiap artikel di bawah semua temanya", "plan": "dikelompokkan menurut {name}",
        "unplaced": "{n} tidak masuk kelompok mana pun dalam rencana", "untagged": "Belum diberi tema",
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
    number: int = 0  # its number in the list (1, 2, ...), 0 for `cite`
    parenthetical: Formatted | None = None  # `cite` only
    narrative: Formatted | None = None


@dataclass
class ReadingGroup:
    theme: str  # theme id; "" for the one group of `cite`; "group-N" for a plan's groups
    label: str
    entries: list[ReadingEntry] = field(default_factory=list)
    notes: str = ""  # the lecturer's notes for a plan's group


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
    references: list[Formatted] = field(default_factory=list)  # every paper's reference, as the style orders

    @property
    def entry_count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


@dataclass
class ReadingFilter:
    themes: list[str] = field(default_factory=list)
    primary_only: bool = True  # each paper once, under its strongest theme; False: under every theme
    order: str = "year"
    top: int | None = None
    year_from: int | None = None
    year_to: int | None = None

    def describe(self) -> str:
        parts = []
        if self.themes:
            parts.append(tr("theme {themes}", themes=", ".join(self.themes)))
        if self.year_from is not None or self.year_to is not None:
            parts.append(tr("year {start}-{end}", start=self.year_from or "", end=self.year_to or ""))
        if not self.primary_only:
            parts.append(tr("all themes"))
        if self.top is not None:
            parts.append(tr("top {n}", n=self.top))
        return "; ".join(parts) or tr("no filter")


def check_filter(flt: ReadingFilter, codebook: Codebook) -> None:
    """Usage errors of the filter, before any work is done."""
    if flt.order not in ORDERS:
        raise UsageError(tr("--order {value}: choose one of {choices}", value=repr(flt.order),
                              choices=", ".join(ORDERS)))
    if flt.top is not None and flt.top < 1:
        raise UsageError(tr("--top {n}: give a number of papers per theme, 1 or more", n=flt.top))
    flt.themes[:] = codebook.resolve_all(flt.themes)  # labels and aliases ("hoaks") become ids


@dataclass
class PlanGroup:
    """One week or topic of a course plan: its papers are those of its themes and its keys."""

    title: str
    themes: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass
class CoursePlan:
    name: str  # the file's name, as the list's notes mention it
    groups: list[PlanGroup]
    title: str = ""  # the list's title, when the plan gives one


def build_reading_list(
    papers: Iterable[Paper],
    tags: dict[str, list[Tag]],
    codebook: Codebook,
    style: CslStyle,
    flt: ReadingFilter | None = None,
    lang: str = "en",
    annotator: Callable[[Paper], Annotation] | None = None,
    plan: CoursePlan | None = None,
    letters: dict[str, str] | None = None,
    untagged: bool = False,
) -> ReadingList:
    """The reading list of ``papers`` (metadata is enough) by their assigned ``tags``, grouped by
    theme or as the ``plan`` says. ``annotator`` gives a paper's annotation (default: ``annotate``
    on the paper as given, which needs its text or abstract); it is called only for the papers
    the list keeps. ``untagged`` (`--all`): papers without a theme follow in a group of their own
    (grouped by theme, with no theme filter)."""
    flt = flt or ReadingFilter()
    check_filter(flt, codebook)
    order = _theme_order(codebook)
    wanted = set(flt.themes)
    labels = words(lang)
    if plan is None:
        extra = sorted({t.theme for paper_tags in tags.values() for t in paper_tags} - set(order))
        groups = [PlanGroup(title=t, themes=[t]) for t in [*sorted(order, key=order.__getitem__), *extra]]
        untagged = untagged and not wanted
        if untagged:
            groups.append(PlanGroup(title=labels["untagged"]))
    else:
        untagged = False
        groups = plan.groups
    placed: list[list[tuple[Paper, float | None]]] = [[] for _ in groups]
    unplaced = 0
    for paper in papers:
        if not _in_years(paper, flt):
            continue
        paper_tags = [t for t in tags.get(paper.key, []) if not wanted or t.theme in wanted]
        homes = _homes(paper, paper_tags, groups, order, every=not flt.primary_only)
        if untagged and not homes and not tags.get(paper.key):
            homes = [(len(groups) - 1, None)]
        unplaced += not homes and bool(paper_tags)
        for index, score in homes:
            placed[index].append((paper, score))
    if not any(placed):
        if plan is None and not any(tags.values()):
            raise ValidationError(tr("the reading list is empty: no paper has a theme yet; run `litreview tag` "
                                     "(or give themes by hand with `litreview tag add KEY THEME`)"))
        if plan:
            raise ValidationError(tr("the reading list is empty for the groups of {plan}; `litreview themes` shows "
                                     "the papers per theme", plan=plan.name))
        raise ValidationError(tr("the reading list is empty for these filters ({filters}); `litreview themes` shows "
                                 "the papers per theme", filters=flt.describe()))
    sort_key = _SORTS[flt.order]
    chosen = [(group, sorted(members, key=sort_key)[: flt.top]) for group, members in zip(groups, placed, strict=True)
              if members]
    unique = list({p.key: p for _, members in chosen for p, _ in members}.values())
    references = format_references(unique, style, lang, letters=letters)
    annotator = annotator or (lambda paper: annotate(paper, lang))
    notes = {p.key: annotator(p) for p in unique}
    all_themes = {p.key: _labels(tags.get(p.key, []), codebook, lang, order) for p in unique}
    numbers = iter(range(1, 1 + sum(len(members) for _, members in chosen)))
    reading_groups = [
        ReadingGroup(theme=(group.themes[0] if group.themes else "untagged") if plan is None else f"group-{index + 1}",
                     label=_label(codebook, group.title, lang) if plan is None else group.title,
                     notes=group.notes, entries=[
            ReadingEntry(key=p.key, reference=references[p.key].entry, annotation=notes[p.key],
                         themes=all_themes[p.key], score=score, year=p.year, number=next(numbers))
            for p, score in members
        ])
        for index, (group, members) in enumerate(chosen)
    ]
    listed = _notes(flt, style, len(unique), labels, lang)
    if plan is not None:
        listed = [listed[0] + "; " + labels["plan"].format(name=plan.name)
                  + ("; " + labels["unplaced"].format(n=unplaced) if unplaced else "")]
    return ReadingList(title=(plan.title if plan and plan.title else labels["reading_list"]), groups=reading_groups,
                       papers=unique, style=style_title(style.title, lang), lang=lang, notes=listed, labels=labels,
                       show_scores=flt.order == "score",
                       references=[references[p.key].entry for p in bibliography_order(unique, style)])


def _homes(paper: Paper, paper_tags: list[Tag], groups: list[PlanGroup], order: dict[str, int],
           every: bool) -> list[tuple[int, float | None]]:
    """The groups (index, the placing theme's score) a paper goes into: every group naming its key
    or one of its themes, or (not ``every``) the first group naming its key, else the group of
    its strongest theme."""
    named: list[tuple[int, float | None]] = [(i, None) for i, g in enumerate(groups) if paper.key in g.keys]
    by_theme = {t.theme: t for t in paper_tags}
    themed = sorted(
        ((i, by_theme[theme]) for i, g in enumerate(groups) for theme in g.themes if theme in by_theme),
        key=lambda it: (-it[1].score, order.get(it[1].theme, len(order)), it[0]),
    )
    if every:
        seen = {i for i, _ in named}
        out: list[tuple[int, float | None]] = list(named)
        for i, tag in sorted(themed, key=lambda it: it[0]):
            if i not in seen:
                seen.add(i)
                out.append((i, tag.score))
        return sorted(out, key=lambda it: it[0])
    if named:
        return named[:1]
    return [(themed[0][0], themed[0][1].score)] if themed else []


def bibliography_order(papers: list[Paper], style: CslStyle) -> list[Paper]:
    """The papers as the style's reference list orders them: numeric styles by number (the order
    given), the others by first author (or title), year and title."""
    if style.citation_format == "numeric":
        return list(papers)
    return sorted(papers, key=lambda p: (author_key(p), p.year or _NO_YEAR, _title(p), p.key))


_PLAN_KEYS = {"title", "groups", "weeks"}
_GROUP_KEYS = {"title", "week", "topic", "themes", "keys", "notes"}


def load_plan(path: Path, codebook: Codebook, key_exists: Callable[[str], bool]) -> CoursePlan:
    """A course plan from YAML: an optional ``title`` and ``groups`` (or ``weeks``), each with a
    ``title`` (or ``week``/``topic``), ``themes`` and/or ``keys``, and the lecturer's ``notes``.
    Any problem is a ValidationError naming the file, the group and what to fix."""
    import yaml

    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(tr("{name}: no such plan file", name=name)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(tr("{name}: cannot read the plan ({problem})", name=name,
                                 problem=f"{type(exc).__name__}: {exc}")) from None
    from litreview.safeload import InputTooComplex, load_yaml

    try:
        data = load_yaml(raw, name)  # a user's file: within the limits every other YAML input has
    except InputTooComplex as exc:
        raise ValidationError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or type(exc).__name__
        if mark is not None:
            raise ValidationError(tr("{name}: not valid YAML at line {line} ({problem})", name=name,
                                     line=mark.line + 1, problem=problem)) from None
        raise ValidationError(tr("{name}: not valid YAML ({problem})", name=name, problem=problem)) from None
    if not isinstance(data, dict):
        raise ValidationError(tr("{name}: a plan is a mapping with 'groups:' (a list of weeks or topics)", name=name))
    unknown = sorted(set(map(str, data)) - _PLAN_KEYS)
    if unknown:
        raise ValidationError(tr("{name}: unknown field '{field}'; a plan has title and groups (or weeks)", name=name,
                                 field=unknown[0]))
    items = data.get("groups", data.get("weeks"))
    if not isinstance(items, list) or not items:
        raise ValidationError(tr("{name}: 'groups' must be a list of weeks or topics, each with a title and "
                                 "themes and/or keys", name=name))
    title = data.get("title") or ""
    if not isinstance(title, str | int | float):
        raise ValidationError(tr("{name}: 'title' must be text", name=name))
    groups = [_plan_group(name, number, item, codebook, key_exists) for number, item in enumerate(items, start=1)]
    return CoursePlan(name=path.name, groups=groups, title=str(title).strip())


def _plan_group(name: str, number: int, item: object, codebook: Codebook,
                key_exists: Callable[[str], bool]) -> PlanGroup:
    where = tr("{name}: group {number}", name=name, number=number)
    if not isinstance(item, dict):
        raise ValidationError(tr("{where}: each group is a mapping with title, themes and/or keys, and notes",
                                 where=where))
    unknown = sorted(set(map(str, item)) - _GROUP_KEYS)
    if unknown:
        raise ValidationError(tr("{where}: unknown field '{field}'; a group has title, themes, keys and notes",
                                 where=where, field=unknown[0]))
    title = next((item[k] for k in ("title", "week", "topic") if item.get(k) not in (None, "")), None)
    if not isinstance(title, str | int | float) or not str(title).strip():
        raise ValidationError(tr("{where}: give it a title (e.g. title: Week {number})", where=where, number=number))
    where = f"{where} ({str(title).strip()!r})"
    lists: dict[str, list[str]] = {}
    for field_name in ("themes", "keys"):
        value = item.get(field_name) or []
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise ValidationError(tr("{where}: 'themes' must be a list of theme names", where=where)
                                  if field_name == "themes" else
                                  tr("{where}: 'keys' must be a list of key names", where=where))
        lists[field_name] = [str(v).strip() for v in value]
    if not lists["themes"] and not lists["keys"]:
        raise ValidationError(tr("{where}: list its themes and/or keys", where=where))
    for i, theme in enumerate(lists["themes"]):
        found = codebook.resolve(theme)
        if found is None:
            raise ValidationError(tr("{where}: unknown theme '{theme}'; the codebook's themes are: {themes}",
                                     where=where, theme=theme, themes=", ".join(codebook.theme_ids)))
        lists["themes"][i] = found
    for key in lists["keys"]:
        if not key_exists(key):
            raise ValidationError(tr("{where}: no paper with key '{key}' in the corpus", where=where, key=key))
    notes = item.get("notes") or ""
    if not isinstance(notes, str):
        raise ValidationError(tr("{where}: 'notes' must be text", where=where))
    return PlanGroup(title=str(title).strip(), themes=list(dict.fromkeys(lists["themes"])),
                     keys=list(dict.fromkeys(lists["keys"])), notes=notes.strip())


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
                       papers=unique, style=style_title(style.title, lang), lang=lang,
                       notes=[f"{labels['style']}: {style_title(style.title, lang)}"],
                       labels=labels)


def _notes(flt: ReadingFilter, style: CslStyle, papers: int, labels: dict[str, str], lang: str = "en") -> list[str]:
    count = f"{papers} {labels['paper'] if papers == 1 else labels['papers']}"
    order = labels["score_order"] if flt.order == "score" else labels[flt.order]
    parts = [f"{labels['style']}: {style_title(style.title, lang)}", count, f"{labels['ordered']} {order}"]
    if flt.year_from is not None or flt.year_to is not None:
        parts.append(f"{labels['years']} {flt.year_from or ''}\u2013{flt.year_to or ''}")
    parts.append(labels["primary"] if flt.primary_only else labels["all_themes"])
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

_SORTS: dict[str, Callable[[tuple[Paper, float | None]], tuple[object, ...]]] = {
    "year": lambda ps: (ps[0].year or _NO_YEAR, author_key(ps[0]), _title(ps[0]), ps[0].key),
    "score": lambda ps: (-(ps[1] or 0.0), author_key(ps[0]), ps[0].year or _NO_YEAR, ps[0].key),
    "author": lambda ps: (author_key(ps[0]), ps[0].year or _NO_YEAR, _title(ps[0]), ps[0].key),
}


def style_title(title: str, lang: str) -> str:
    """A CSL style's title as the list names it: "APA Style 7th edition" is "APA edisi ke-7" in Indonesian."""
    if lang == "id":
        found = re.fullmatch(r"(.*?)\s*(?:Style\s+)?(\d+)(?:st|nd|rd|th) edition", title)
        if found:
            return f"{found.group(1).strip()} edisi ke-{found.group(2)}"
    return title
