"""Theme synthesis: one row per theme, saying how the sources treat it, in English or Indonesian.

For each theme: the sources that discuss it (citations), a statement written from
templates that integrates them (how many of the sources, what two or more of them claim
alike and who says otherwise, quoted (``claims.py``), the methods and platforms they
share, how they frame the theme), the most representative evidence (the
sentences most like all the theme's other evidence, near-duplicates removed), and the
sources that see the theme as an opportunity beside those that see it as a risk.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from litreview.model import Evidence
from litreview.synthesis.review import (
    WORDS,
    Entries,
    Entry,
    StagedEntries,
    entries_with,
    join_citations,
    tag_strength,
    theme_label,
)
from litreview.synthesis.table import Cell, Column, Table, citation_cell, number_cell, text_cell
from litreview.text import phrasing
from litreview.text.attribution import reports_other_work
from litreview.themes.codebook import Codebook

if TYPE_CHECKING:
    from litreview.synthesis.claims import EvidenceSource, Quote, SentenceReads

_WORD = re.compile(r"[^\W\d_]{3,}")
MAX_CANDIDATES = 200  # evidence sentences compared for centrality per theme
NEAR_DUPLICATE = 0.6
INLINE_SOURCES = 5  # a theme's opening sentence cites this many sources at most, all of them ...
EXAMPLES = 3  # ... else this many, those whose evidence shows the theme most strongly ("e.g.")
BOTH_NOTE = {
    "en": "As both: the source frames the theme as both an opportunity and a risk; it is counted once, as both.",
    "id": "Sebagai keduanya: sumber membingkai tema sebagai peluang sekaligus risiko; sumber itu dihitung sekali, "
          "sebagai keduanya.",
}


FrameSource = dict[tuple[str, str], str] | Callable[[str, list[str]], dict[str, str]]


def build_synthesis(
    entries: Entries, evidence: EvidenceSource, codebook: Codebook, lang: str = "en",
    themes: list[str] | None = None, representatives: int = 2, frames: FrameSource | None = None,
    reads: SentenceReads | None = None,
) -> Table:
    """One row per theme (``themes``, else the codebook's). ``evidence`` is every paper's evidence
    (a dict) or a reader of one theme's at a time (``review.ThemeEvidence``), read once per theme;
    ``frames`` the frames kept by (key, theme) (``review.frames_for``) or a reader of one theme's
    (``review.ThemeFrames``), else worked out here; ``reads`` the claims' readings of sentences read
    before (``claims.SentenceReads``). A theme's sources are read one at a time (staged entries from
    the corpus, their evidence source by source) and only what its row prints is kept: its figures
    (``ThemeFigures``) and cells."""
    from litreview.synthesis.claims import by_theme, claim_sentences, group_themes, source_quotes, sources_evidence

    words = WORDS[lang]
    table = Table(
        kind="synthesis", title=words["synthesis"], lang=lang,
        columns=[
            Column("theme", words["theme"], "text", 18),
            Column("sources", words["sources"], "number", 8),
            Column("cited", words["cited"], "long", 30),
            Column("statement", words["statement"], "long", 60),
            Column("representative", words["representative"], "long", 60),
            Column("opportunity", words["opportunity"], "long", 24),
            Column("risk", words["risk"], "long", 24),
            Column("both", words["both"], "long", 24),
        ],
    )
    total = len(entries)
    wanted = themes or codebook.theme_ids
    read = by_theme(evidence)
    per_theme: dict[str, list[Quote]] = {}  # every theme's claim candidates: the claims' word weights
    found: dict[str, tuple[ThemeFigures, dict[str, Cell]]] = {}
    in_codebook = set(codebook.theme_ids)
    # one theme's sources and evidence at a time: its claim candidates, and for a theme shown, its row
    for theme in dict.fromkeys([*codebook.theme_ids, *wanted]):
        figures = ThemeFigures(theme, lang)
        if isinstance(entries, StagedEntries):
            for source in entries.theme_sources(theme):
                figures.add_staged(*source)
        else:
            for entry in entries_with(entries, theme):
                figures.add(entry)
        if not figures.sources:
            continue
        pool = _Candidates()
        worked_out: dict[str, str] = {}  # frames from the evidence, when none are given
        sources = _tapped(sources_evidence(entries, read, theme), theme, pool, worked_out if frames is None else None)
        if theme in in_codebook:
            quotes = source_quotes(sources, theme, reads)
            if quotes:
                per_theme[theme] = quotes
        if theme not in wanted:
            continue
        for _ in sources:  # the evidence not read for the claims (a theme outside the codebook)
            pass
        found[theme] = figures, figures.cells(_frames(frames, theme, figures.keys, worked_out),
                                              representative(pool.kept(), representatives))
    if reads is not None:
        reads.flush()
    claims = group_themes(per_theme, wanted)
    for theme in wanted:
        if theme not in found:
            continue
        figures, cells = found[theme]
        label = theme_label(codebook, theme, lang)
        table.rows.append({
            "theme": text_cell(label),
            "sources": number_cell(figures.sources, f"{figures.sources}/{total}"),
            "cited": cells["cited"],
            "statement": text_cell(figures.statement(label, total, _companion_of(figures.companions, codebook, lang),
                                                     claim_sentences(claims.get(theme, []), lang))),
            "representative": cells["representative"],
            "opportunity": cells["opportunity"],
            "risk": cells["risk"],
            "both": cells["both"],
        })
    if any(row["both"].text for row in table.rows):
        table.notes.append(BOTH_NOTE["id" if lang == "id" else "en"])
    else:  # no source frames a theme both ways: no empty column
        table.columns = [c for c in table.columns if c.key != "both"]
    return table


def _tapped(sources: Iterable[tuple[Entry, list[Evidence]]], theme: str, pool: _Candidates,
            worked_out: dict[str, str] | None) -> Iterator[tuple[Entry, list[Evidence]]]:
    """The sources with their evidence as they come, each one's sentences to quote added to ``pool``
    on the way and, with ``worked_out``, its frame of ``theme`` worked out from its evidence."""
    for entry, evidence in sources:
        own = [ev for ev in evidence if ev.theme == theme]
        pool.add([(entry.citation, ev) for ev in own if is_sentence(ev) and is_own(ev)])
        if worked_out is not None:
            worked_out[entry.key] = _frame_of(own)
        yield entry, evidence


def _frame_of(evidence: list[Evidence]) -> str:
    """A source's frame of a theme worked out from its evidence on it (``framing.framing``)."""
    from litreview.synthesis.framing import frames_from, framing

    return framing(ev.sentence for ev in evidence if frames_from(ev.field))[0]


def _frames(frames: FrameSource | None, theme: str, keys: list[str], worked_out: dict[str, str]) -> list[str]:
    """Each source's frame of ``theme``, in the sources' order (``keys``): given (by pair, or read
    for the theme), else worked out from the evidence (``worked_out``; a source without any on the
    theme has no cue)."""
    if frames is None:
        return [worked_out[key] if key in worked_out else _frame_of([]) for key in keys]
    if callable(frames):
        by_key = frames(theme, keys)
        return [by_key[key] for key in keys]
    return [frames[(key, theme)] for key in keys]


class _Candidates:
    """The evidence a theme's representative sentences are chosen from (``representative``), added
    as it is read: only the first ``MAX_CANDIDATES`` in the order ``representative`` ranks them are
    kept (``sorted`` is stable: what ties keeps the order it came in)."""

    def __init__(self) -> None:
        self.pool: list[tuple[str, Evidence]] = []

    def add(self, candidates: list[tuple[str, Evidence]]) -> None:
        self.pool += candidates
        if len(self.pool) > 4 * MAX_CANDIDATES:
            self.pool = self.kept()

    def kept(self) -> list[tuple[str, Evidence]]:
        return sorted(self.pool, key=_pool_order)[:MAX_CANDIDATES]


def _pool_order(candidate: tuple[str, Evidence]) -> tuple[float, str, int]:
    return -candidate[1].score, candidate[0], candidate[1].start


class ThemeFigures:
    """What a theme's row says of its sources, added up as they are read one at a time (``add``):
    how many, their citations and keys, which only mention the theme, the methods and platforms
    they study (labelled in ``lang``), the other themes they discuss; then (``cells``) how they
    frame it."""

    def __init__(self, theme: str, lang: str) -> None:
        self.theme, self.lang = theme, lang
        self.sources = 0
        self.keys: list[str] = []
        self.citations: list[str] = []
        self.strengths: list[float] = []  # how strongly each source's evidence shows the theme
        self.mentioning: list[bool] = []
        self.methods: Counter[str] = Counter()
        self.platforms: Counter[str] = Counter()
        self.companions: Counter[str] = Counter()
        self.frames = (0, 0, 0)  # opportunity only, risk only, both (``phrasing.count_frames``)
        self.cites = ""  # the sources cited inline (``inline_citations``) once all are added
        self.split: tuple[str, int, str, int] | None = None  # those discussing, only mentioning: cited inline, how many

    def add(self, entry: Entry, themes: list[str] | None = None) -> None:
        """One source (``themes``: its themes, when not its tags')."""
        lang, theme = self.lang, self.theme
        self.sources += 1
        self.keys.append(entry.key)
        self.citations.append(entry.citation)
        tag = next((t for t in entry.tags if t.theme == theme), None)
        self.strengths.append(tag_strength(tag.origin, tag.score, tag.threshold) if tag is not None else 1.0)
        self.mentioning.append(tag is not None and tag.level == "mentioned")
        self.methods.update(m.label_id if lang == "id" and m.label_id else m.label or m.name
                            for m in entry.facets.methods[:1])
        self.platforms.update(p.label_id if lang == "id" and p.label_id else p.label or p.name
                              for p in entry.facets.platforms)
        self.companions.update(t for t in (entry.themes if themes is None else themes) if t != theme)

    def add_staged(self, key: str, citation: str, mentioning: bool, facets: dict[str, Any], themes: list[str],
                   strength: float = 1.0) -> None:
        """One source as ``StagedEntries.theme_sources`` gives it (its facets as ``Facets.to_dict``)."""
        lang, theme = self.lang, self.theme
        self.sources += 1
        self.keys.append(key)
        self.citations.append(citation)
        self.strengths.append(strength)
        self.mentioning.append(mentioning)
        self.methods.update(m["label_id"] if lang == "id" and m.get("label_id") else m.get("label") or m["name"]
                            for m in facets.get("methods", [])[:1])
        self.platforms.update(p["label_id"] if lang == "id" and p.get("label_id") else p.get("label") or p["name"]
                              for p in facets.get("platforms", []))
        self.companions.update(t for t in themes if t != theme)

    def cells(self, frames: list[str], chosen: list[tuple[str, Evidence]]) -> dict[str, Cell]:
        """The row's cells but the statement, from each source's frame (in the sources' order) and
        the representative evidence; what the statement says of the sources is kept (``settle``)."""
        sources = list(zip(self.citations, self.keys, strict=True))
        framed = list(zip(sources, frames, strict=True))
        self.settle(frames)
        return {
            "cited": _cited_pairs(sources),
            "representative": text_cell(
                "\n".join(f"\u201c{' '.join(ev.sentence.split())}\u201d ({cite})" for cite, ev in chosen)
            ),
            # each source once, as the statement counts it: a source framing the theme both ways is
            # "as both", never in the opportunity and the risk columns at once
            "opportunity": _cited_pairs([s for s, f in framed if f == "opportunity"]),
            "risk": _cited_pairs([s for s, f in framed if f == "risk"]),
            "both": _cited_pairs([s for s, f in framed if f == "mixed"]),
        }

    def settle(self, frames: list[str]) -> None:
        """Keep what the statement says of the sources, given each one's frame (in their order):
        the frames counted, the citations joined; the sources' keys and citations are let go."""
        self.frames = phrasing.count_frames(frames)
        sources = list(zip(self.citations, self.strengths, strict=True))
        if self.theme and any(self.mentioning):
            said = [s for s, m in zip(sources, self.mentioning, strict=True) if not m]
            only = [s for s, m in zip(sources, self.mentioning, strict=True) if m]
            self.split = (inline_citations(said, self.lang), len(said), inline_citations(only, self.lang), len(only))
        else:
            self.cites = inline_citations(sources, self.lang)
        self.keys, self.citations, self.strengths, self.mentioning = [], [], [], []

    def statement(self, label: str, total: int, companion: tuple[str, int] | None = None,
                  claims: list[str] | None = None) -> str:
        """The theme's synthesised sentence(s) (see ``statement``), once ``settle`` has kept what it needs."""
        n, lang, cites = self.sources, self.lang, self.cites
        topic = _in_sentence(label)
        if self.split is not None:
            return _mentioned_statement(topic, *self.split, total, lang)
        methods, platforms = self.methods, self.platforms
        shared_method = [m for m, c in methods.most_common(1) if c >= 2]
        shared_platforms = [p for p, c in platforms.most_common(3) if c >= 2]
        parts: list[str] = []
        if lang == "id":
            parts.append(phrasing.sentence(f"{phrasing.sources_of(n, total, 'id')} ({cites}) membahas {topic}.", "id"))
            parts += claims or []
            if shared_method:
                parts.append(phrasing.clause(methods[shared_method[0]], n, "memakai", f"metode {shared_method[0]}",
                                             "id"))
            if shared_platforms:
                parts.append(f"Platform yang paling sering dikaji: {phrasing.join(shared_platforms, 'id')}.")
        else:
            parts.append(phrasing.sentence(
                f"{phrasing.sources_of(n, total)} ({cites}) {phrasing.verb_en(n, 'discuss')} {topic}."))
            parts += claims or []
            if shared_method:
                parts.append(phrasing.clause(methods[shared_method[0]], n, "use",
                                             phrasing.method_phrase(shared_method[0])))
            if shared_platforms:
                if len(shared_platforms) == 1:
                    parts.append(f"The platform most studied is {shared_platforms[0]}.")
                else:
                    parts.append(f"The platforms most studied are {phrasing.join(shared_platforms)}.")
        parts.append(phrasing.frame_sentence(*self.frames, n, lang))
        if companion:
            other = _in_sentence(companion[0])
            if lang == "id":
                parts.append(phrasing.clause(companion[1], n, "juga membahas", other, "id"))
            else:
                parts.append(phrasing.clause(companion[1], n, "also discuss", other))
        return " ".join(p for p in parts if p)


def is_sentence(ev: Evidence) -> bool:
    """Evidence that is a sentence to quote, not a title or a keyword list."""
    return not ev.field.startswith(("title", "keywords"))


def is_own(ev: Evidence) -> bool:
    """Evidence the paper states itself, not a report of another work's claim (which the tagger
    marks ``cites`` and ``text.attribution`` confirms)."""
    return not (ev.cites and reports_other_work(ev.sentence))


def _companion(theme: str, sources: list[Entry], codebook: Codebook, lang: str,
               held_by: dict[str, list[str]] | None = None) -> tuple[str, int] | None:
    """The other theme most of these sources also discuss (at least two of them), with how many
    (``held_by``: each source's themes, when known)."""
    return _companion_of(Counter(t for e in sources for t in (held_by[e.key] if held_by else e.themes) if t != theme),
                         codebook, lang)


def _companion_of(counts: Counter[str], codebook: Codebook, lang: str) -> tuple[str, int] | None:
    """``_companion`` from the sources' other themes, counted."""
    order = {t: i for i, t in enumerate(codebook.theme_ids)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order))))
    if not ranked or ranked[0][1] < 2:
        return None
    return theme_label(codebook, ranked[0][0], lang), ranked[0][1]


def statement(label: str, sources: list[Entry], total: int, frames: list[str], lang: str,
              companion: tuple[str, int] | None = None, theme: str = "", claims: list[str] | None = None) -> str:
    """The synthesised sentence(s) for one theme, from templates (``litreview.text.phrasing``).
    ``frames`` holds each source's frame ("opportunity", "risk", "mixed" for both, "neutral");
    ``claims`` the sentences on what they claim (``claims.claim_sentences``), placed after the count.
    Sources that only mention the theme (``--level mentioned``) are named apart from those that
    discuss it."""
    figures = ThemeFigures(theme, lang)
    for entry in sources:
        figures.add(entry, [])
    figures.settle(frames)
    return figures.statement(label, total, companion, claims)


def inline_citations(sources: list[tuple[str, float]], lang: str) -> str:
    """The citations a sentence on these sources (citation, strength) puts in parentheses: all of
    them, in reference-list order, when there are at most ``INLINE_SOURCES``; else "e.g." and the
    ``EXAMPLES`` whose evidence shows the theme most strongly (the full list is the Cited column)."""
    unique: dict[str, float] = {}
    for citation, strength in sources:
        unique[citation] = max(strength, unique.get(citation, strength))
    if len(unique) <= INLINE_SOURCES:
        return join_citations(list(unique))
    ranked = sorted(unique, key=lambda c: -unique[c])  # stable: ties keep the sources' order
    return ("antara lain " if lang == "id" else "e.g., ") + join_citations(ranked[:EXAMPLES])


def _mentioned_statement(topic: str, said: str, k: int, only: str, m: int, total: int, lang: str) -> str:
    """Sources that discuss a theme and those that only mention it, e.g. "Two of eight sources (A; B) discuss
    reach; three more only mention it (C; D; E)", each list cited inline (``inline_citations``)."""
    if lang == "id":
        if not k:
            return phrasing.sentence(
                f"{phrasing.sources_of(m, total, 'id')} ({only}) hanya menyebut {topic}, tanpa membahasnya.", "id")
        return phrasing.sentence(f"{phrasing.sources_of(k, total, 'id')} ({said}) membahas {topic}; "
                                 f"{phrasing.number(m, 'id')} sumber lain hanya menyebutnya ({only}).", "id")
    if not k:
        return phrasing.sentence(f"{phrasing.sources_of(m, total)} ({only}) only {phrasing.verb_en(m, 'mention')} "
                                 f"{topic} without discussing it.")
    return phrasing.sentence(
        f"{phrasing.sources_of(k, total)} ({said}) {phrasing.verb_en(k, 'discuss')} {topic}; "
        f"{phrasing.number(m)} more only {phrasing.verb_en(m, 'mention')} it ({only}).")


def _in_sentence(label: str) -> str:
    """A theme label inside a sentence: "Hoaxes" -> "hoaxes", but "KPU" stays."""
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def representative(candidates: list[tuple[str, Evidence]], limit: int = 2) -> list[tuple[str, Evidence]]:
    """The evidence sentences most like all the others (centrality by shared words), no near-duplicates,
    at most one per source."""
    if not candidates:
        return []
    pool = sorted(candidates, key=lambda c: (-c[1].score, c[0], c[1].start))[:MAX_CANDIDATES]
    alike = _alike([set(w.casefold() for w in _WORD.findall(ev.sentence)) for _, ev in pool])
    n = len(pool)
    centrality = []
    for i in range(n):
        similar = sum(alike[i])  # summed in the same order as ever (the diagonal, 0.0, adds nothing)
        centrality.append(similar / max(1, n - 1) + 0.05 * pool[i][1].score)
    order = sorted(range(len(pool)), key=lambda i: (-centrality[i], pool[i][0], pool[i][1].start))
    chosen: list[int] = []
    for i in order:
        cite = pool[i][0]
        if any(pool[j][0] == cite for j in chosen):
            continue
        if any(alike[i][j] > NEAR_DUPLICATE for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == limit:
            break
    return [pool[i] for i in chosen]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _alike(bags: list[set[str]]) -> list[list[float]]:
    """Jaccard similarity of every pair of word sets, each pair once (0.0 on the diagonal and for an
    empty set): the value ``_jaccard`` gives, the union's size counted from the sizes (the same
    integers, so the same quotient)."""
    n = len(bags)
    sizes = [len(b) for b in bags]
    alike = [[0.0] * n for _ in range(n)]
    for i in range(n):
        a, size_a, row = bags[i], sizes[i], alike[i]
        if not size_a:
            continue
        for j in range(i + 1, n):
            if sizes[j]:
                shared = len(a & bags[j])
                row[j] = alike[j][i] = shared / (size_a + sizes[j] - shared)
    return alike


def _cited(entries: list[Entry]) -> Cell:
    """The entries' citations in APA order, with their keys in the same order."""
    return _cited_pairs([(e.citation, e.key) for e in entries])


def _cited_pairs(sources: list[tuple[str, str]]) -> Cell:
    """``_cited`` of sources given as (citation, key)."""
    ordered = sorted(dict(sources).items(), key=lambda pair: pair[0].casefold())
    return citation_cell(join_citations([c for c, _ in ordered]), [k for _, k in ordered])
