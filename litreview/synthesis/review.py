"""What every review table starts from: the papers chosen by the filters, with their
citation, assigned themes and facets, read from the corpus in a few bulk queries.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from litreview.errors import LockTimeout, StorageError, UsageError, ValidationError
from litreview.i18n import tr
from litreview.model import Evidence, Facets, Paper, Tag
from litreview.store import Corpus
from litreview.themes.codebook import Codebook

if TYPE_CHECKING:
    from litreview.synthesis.claims import SentenceReads

# Headings and words of the tables, in the two interface languages.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "citation": "Citation", "title": "Title", "year": "Year", "method": "Method", "platforms": "Platforms",
        "themes": "Themes", "findings": "Key findings", "gaps": "Gaps and recommendations", "theme": "Theme",
        "total": "Total", "sources": "Sources", "cited": "Cited", "statement": "Synthesis",
        "representative": "Representative evidence", "opportunity": "As an opportunity", "risk": "As a risk",
        "both": "As both",
        "section": "Section", "page": "Page", "sentence": "Evidence", "papers": "papers",
        "matrix": "Literature matrix", "grid": "Themes by paper", "synthesis": "Theme synthesis",
        "evidence": "Evidence by theme", "abstract": "abstract", "title_field": "title", "keywords": "keywords",
        "mentioned_legend": " (\u2713 discussed, \u25cb only mentioned)", "only_mentioned": " (mentioned)",
        "affiliations": "Affiliations",
    },
    "id": {
        "citation": "Sitasi", "title": "Judul", "year": "Tahun", "method": "Metode", "platforms": "Platform",
        "themes": "Tema", "findings": "Temuan utama", "gaps": "Celah dan rekomendasi", "theme": "Tema",
        "total": "Jumlah", "sources": "Sumber", "cited": "Dirujuk", "statement": "Sintesis",
        "representative": "Bukti representatif", "opportunity": "Sebagai peluang", "risk": "Sebagai risiko",
        "both": "Sebagai keduanya",
        "section": "Bagian", "page": "Hlm.", "sentence": "Bukti", "papers": "artikel",
        "matrix": "Matriks literatur", "grid": "Tema per artikel", "synthesis": "Sintesis tema",
        "evidence": "Bukti per tema", "abstract": "abstrak", "title_field": "judul", "keywords": "kata kunci",
        "mentioned_legend": " (\u2713 dibahas, \u25cb hanya disebut)", "only_mentioned": " (disebut)",
        "affiliations": "Afiliasi",
    },
}

SORTS = ("citation", "year", "title", "key")


@dataclass
class ReviewFilter:
    themes: list[str] = field(default_factory=list)  # papers with any of these themes
    year_from: int | None = None
    year_to: int | None = None
    keys: list[str] = field(default_factory=list)
    query: str = ""  # words the title, abstract, keywords or full text must all contain
    level: str = "discussed"  # the themes a paper discusses, or those it mentions too
    within: set[str] | None = None  # only these papers (those covered: ``coverage.scope``); None: all

    def describe(self) -> str:
        parts = []
        if self.themes:
            parts.append(tr("theme {themes}", themes=", ".join(self.themes)))
        if self.year_from is not None or self.year_to is not None:
            parts.append(tr("year {start}-{end}", start=self.year_from or "", end=self.year_to or ""))
        if self.keys:
            parts.append(tr("keys {keys}", keys=", ".join(self.keys)))
        if self.query:
            parts.append(tr("query {query}", query=repr(self.query)))
        if self.level != "discussed":
            parts.append(tr("level {level}", level=self.level))
        return "; ".join(parts) or tr("no filter")

    def named(self, codebook: Codebook, lang: str = "en") -> list[tuple[str, str]]:
        """The filters as a table's note names them: ("theme", "Hoaxes"), ("year", "2020-2024"), ..."""
        out = []
        if self.themes:
            out.append(("themes" if len(self.themes) > 1 else "theme",
                        ", ".join(theme_label(codebook, t, lang) for t in self.themes)))
        if self.year_from is not None or self.year_to is not None:
            years = (f"{self.year_from}" if self.year_from == self.year_to
                     else f"{self.year_from or ''}\u2013{self.year_to or ''}")
            out.append(("year", years))
        if self.keys:
            out.append(("keys", ", ".join(self.keys)))
        if self.query:
            out.append(("query", f"\u201c{self.query}\u201d"))
        return out


@dataclass(slots=True)
class Entry:
    """One paper of a review table: what the tables show of it (key, title, year, affiliations),
    its citation, assigned themes and facets. ``paper`` is the whole paper when the caller has it;
    ``load_entries(slim=True)`` leaves it out, so a table of many papers holds a few short strings
    for each, not its papers."""

    paper: Paper | None = None
    citation: str = ""
    tags: list[Tag] = field(default_factory=list)  # assigned themes, strongest first (no evidence)
    facets: Facets = field(default_factory=Facets)
    key: str = ""
    title: str = ""
    year: int | None = None
    affiliations: str = ""  # as the matrix's affiliations column shows them (``affiliations_text``)

    def __post_init__(self) -> None:
        if self.paper is not None:
            self.key = self.key or self.paper.key
            self.title = self.title or self.paper.title
            self.year = self.year if self.year is not None else self.paper.year
            self.affiliations = self.affiliations or affiliations_text(self.paper)

    @property
    def themes(self) -> list[str]:
        return [t.theme for t in self.tags]


def affiliations_text(paper: Paper) -> str:
    """The paper's affiliations, each with its authors' surnames where the source tied them
    ("Lestari, Munadi: Universitas X"); the one affiliation of all authors alone."""
    groups: dict[str, list[str]] = {}
    for person in paper.authors:
        for affiliation in filter(None, person.affiliation.split("; ")):
            groups.setdefault(affiliation, []).append(person.surname)
    if not groups:
        return bullets(paper.affiliations)
    if len(groups) == 1 and len(next(iter(groups.values()))) == len(paper.authors):
        return next(iter(groups))
    return bullets([f"{', '.join(names)}: {affiliation}" for affiliation, names in groups.items()])


def bullets(lines: list[str]) -> str:
    """One line as it is; several as a bulleted list, one per line."""
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return "\n".join(f"\u2022 {line}" for line in lines)


def check_themes(codebook: Codebook, themes: list[str]) -> None:
    """Unknown names are usage errors; labels and aliases ("hoaks") become theme ids, in place."""
    themes[:] = codebook.resolve_all(themes)


def load_entries(
    corpus: Corpus, codebook: Codebook, flt: ReviewFilter, lang: str = "en", sort: str = "citation",
    with_text: bool = False, slim: bool = False,
) -> list[Entry]:
    """The papers the filter chooses, with citations (APA, disambiguated among them), tags and facets.
    ``slim`` keeps only what the tables show of each paper (``Entry``), not the paper, so a table
    of many papers holds a few short strings for each."""
    from litreview.synthesis.citations import cited, letters_among

    _check_request(corpus, codebook, flt, sort)
    tags = corpus.tags_by_key(flt.level, flt.within)
    facets = corpus.facets_by_key(flt.within, shared=slim)
    words = [w for w in flt.query.casefold().split() if w]
    entries, cites = [], []
    for paper in corpus.iter_papers(list(dict.fromkeys(flt.keys)) or None, full=with_text or bool(words),
                                    only=flt.within):
        if flt.year_from is not None and (paper.year is None or paper.year < flt.year_from):
            continue
        if flt.year_to is not None and (paper.year is None or paper.year > flt.year_to):
            continue
        paper_tags = tags.get(paper.key, [])
        if flt.themes and not {t.theme for t in paper_tags} & set(flt.themes):
            continue
        if words and not _matches(paper, words):
            continue
        cites.append(cited(paper, lang))
        entries.append(Entry(paper=None if slim else paper, tags=paper_tags, facets=facets.get(paper.key, Facets()),
                             key=paper.key, title=paper.title, year=paper.year,
                             affiliations=affiliations_text(paper)))
    if not entries:
        raise ValidationError(tr("no paper matches the filters ({filters})", filters=flt.describe()))
    letters = letters_among(corpus, cites)
    for entry, one in zip(entries, cites, strict=True):
        entry.citation = one.text(lang, letters.get(entry.key, ""))
    entries.sort(key=_SORT_KEYS[sort])
    return entries


def _check_request(corpus: Corpus, codebook: Codebook, flt: ReviewFilter, sort: str) -> None:
    """What ``load_entries`` and ``stage_entries`` refuse before reading a paper: an unknown theme
    or sort, an empty corpus, a key the corpus lacks (said with the keys close to it)."""
    check_themes(codebook, flt.themes)
    if sort not in SORTS:
        raise UsageError(tr("--sort {value}: choose one of {choices}", value=repr(sort), choices=", ".join(SORTS)))
    if corpus.count() == 0:
        raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
    if flt.keys:
        missing = [k for k in flt.keys if not corpus.key_exists(k)]
        if missing:
            corpus.get(missing[0])  # NotFound, with close keys


def stage_entries(corpus: Corpus, codebook: Codebook, flt: ReviewFilter, lang: str = "en",
                  sort: str = "citation") -> StagedEntries:
    """The entries ``load_entries(slim=True)`` gives, staged in the corpus (``store_entries``) and
    read back in order one at a time: a table of many papers holds one paper's entry at a time, and
    only the papers of one group cited alike while their letters are found."""
    from litreview.store import level_condition
    from litreview.synthesis.citations import cited

    _check_request(corpus, codebook, flt, sort)
    words = [w for w in flt.query.casefold().split() if w]
    corpus.start_entries()
    batch: list[tuple[Any, ...]] = []
    for paper in corpus.iter_papers(sorted(dict.fromkeys(flt.keys)) or None, full=bool(words), only=flt.within):
        if flt.year_from is not None and (paper.year is None or paper.year < flt.year_from):
            continue
        if flt.year_to is not None and (paper.year is None or paper.year > flt.year_to):
            continue
        if words and not _matches(paper, words):
            continue
        one = cited(paper, lang)
        citation = one.text(lang)
        batch.append((paper.key, citation, citation.casefold(), paper.title,
                      paper.title.casefold(), paper.year, paper.year or 0, affiliations_text(paper), one.author,
                      one.year, *one.alike))
        if len(batch) == 500:
            corpus.add_entries(batch)
            batch = []
    corpus.add_entries(batch)
    corpus.number_entries()
    if flt.themes:
        corpus.keep_entries_with(flt.themes, level_condition(flt.level, "t"))
    count = corpus.entries_count()
    if not count:
        raise ValidationError(tr("no paper matches the filters ({filters})", filters=flt.describe()))
    _stage_letters(corpus, lang)
    corpus.order_entries(sort)
    return StagedEntries(corpus, flt.level, count)


def _stage_letters(corpus: Corpus, lang: str) -> None:
    """The staged entries' citations with the letters of ``citations.year_letters`` among all the
    corpus's papers (as ``citations.letters_among`` gives them), one group cited alike at a time."""
    from litreview.synthesis.citations import Cited, alike_of, year_letters

    batch: list[tuple[str, str, str]] = []
    for paper in corpus.papers_alike_staged():
        batch.append((paper.key, *alike_of(paper)))
        if len(batch) == 500:
            corpus.add_alike(batch)
            batch = []
    corpus.add_alike(batch)
    group: tuple[str, str] | None = None
    members: list[Paper] = []
    for author, year, paper in corpus.papers_cited_alike():
        if members and (author, year) != group:
            corpus.set_letters(list(year_letters(members).items()))
            members = []
        group = (author, year)
        members.append(paper)
    corpus.set_letters(list(year_letters(members).items()))
    citations: list[tuple[str, str, str]] = []
    for key, author, cited_year, letter in corpus.lettered_entries():
        citation = Cited(key, author, cited_year, ("", "")).text(lang, letter)
        citations.append((key, citation, citation.casefold()))
        if len(citations) == 500:
            corpus.set_citations(citations)
            citations = []
    corpus.set_citations(citations)


class StagedEntries:
    """A table's entries staged in the corpus (``stage_entries``): iterating reads them in order,
    one ``Entry`` at a time (tags at ``level`` and facets with it, no paper); ``with_theme`` only
    those with a tag on a theme. Read it while the corpus is open, before another table is staged."""

    def __init__(self, corpus: Corpus, level: str, count: int) -> None:
        self.corpus, self.level, self.count = corpus, level, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Entry]:
        return self._entries(None)

    def with_theme(self, theme: str) -> Iterator[Entry]:
        """The entries with a tag on ``theme`` at the level, in order."""
        return self._entries(theme)

    def mention_any(self) -> bool:
        """Whether an entry holds a theme it only mentions."""
        from litreview.store import level_condition

        return self.corpus.staged_tags_where(
            f"{level_condition(self.level, 't')} AND NOT t.assigned AND t.origin = 'auto' AND t.level = 'mentioned'")

    def theme_sources(self, theme: str) -> Iterator[tuple[str, str, bool, dict[str, Any], list[str], float]]:
        """The entries with a tag on ``theme`` at the level, in order, as (key, citation, whether it
        only mentions the theme, its facets as ``Facets.to_dict`` gives them, its themes, how strongly
        its evidence shows the theme (``tag_strength``)): what a synthesis row says of a source,
        without making its ``Entry``."""
        from litreview.store import _level_of, level_condition

        for key, citation, facets, assigned, origin, level, themes, score, bar in self.corpus.staged_theme_sources(
                theme, level_condition(self.level, "t")):
            yield (key, citation, _level_of(assigned, origin, level) == "mentioned",
                   json.loads(facets) if facets is not None else {}, themes.split("\x1f") if themes else [],
                   tag_strength(origin, score, bar))

    def _entries(self, theme: str | None) -> Iterator[Entry]:
        from litreview.store import _level_of, level_condition

        names: dict[str, str] = {}
        entry: Entry | None = None
        for r in self.corpus.entry_rows(level_condition(self.level, "t"), theme):
            if entry is None or entry.key != r[0]:
                if entry is not None:
                    yield entry
                facets = Facets.from_dict(json.loads(r[5])) if r[5] is not None else Facets()
                entry = Entry(citation=r[1], facets=facets, key=r[0], title=r[2], year=r[3], affiliations=r[4])
            if r[6] is not None:
                level = _level_of(r[11], r[10], r[12])
                entry.tags.append(Tag(theme=names.setdefault(r[6], r[6]), score=r[7], threshold=r[8], sentences=r[9],
                                      origin=names.setdefault(r[10], r[10]), assigned=bool(r[11]),
                                      level=names.setdefault(level, level)))
        if entry is not None:
            yield entry


Entries = list[Entry] | StagedEntries


def entries_with(entries: Entries, theme: str) -> Iterator[Entry]:
    """The entries holding ``theme``, in order (read from the corpus when staged)."""
    if isinstance(entries, StagedEntries):
        return entries.with_theme(theme)
    return (e for e in entries if theme in e.themes)


def _matches(paper: Paper, words: list[str]) -> bool:
    haystack = " ".join(
        [paper.title, paper.title_id, paper.title_en, paper.abstract, paper.abstract_id, paper.abstract_en,
         " ".join(paper.keywords), paper.text]
    ).casefold()
    return all(word in haystack for word in words)


_SORT_KEYS = {
    "citation": lambda e: (e.citation.casefold(), e.key),
    "year": lambda e: (e.year or 0, e.citation.casefold(), e.key),
    "title": lambda e: (e.title.casefold(), e.key),
    "key": lambda e: e.key,
}


def evidence_by_paper(corpus: Corpus, entries: Entries, themes: list[str] | None = None,
                      level: str = "discussed") -> dict[str, list[Evidence]]:
    """The evidence of the entries' tags at ``level``, by paper key (in rank order per theme)."""
    wanted = {e.key for e in entries}
    out: dict[str, list[Evidence]] = {}
    for key, evidence in _evidence_rows(corpus, wanted, themes, level):
        out.setdefault(key, []).append(evidence)
    return out


def _evidence_rows(corpus: Corpus, wanted: set[str], themes: list[str] | None,
                   level: str = "discussed") -> Iterator[tuple[str, Evidence]]:
    keys = sorted(wanted) if len(wanted) <= 500 else None  # a long IN list is slower than filtering here
    for key, evidence in corpus.evidence_rows(keys, themes, level):
        if key in wanted:
            yield key, evidence


class ThemeEvidence:
    """The entries' evidence read one theme at a time from the corpus (``evidence(theme)``: paper key
    -> that theme's evidence at ``level``, in rank order, without matched terms), so a table over
    many papers holds one theme's evidence, not all of it."""

    def __init__(self, corpus: Corpus, entries: Entries, level: str = "discussed") -> None:
        self.corpus, self.level = corpus, level
        # staged entries are chosen in SQL, others by their keys
        self.wanted = None if isinstance(entries, StagedEntries) else {e.key for e in entries}

    def __call__(self, theme: str) -> dict[str, list[Evidence]]:
        out: dict[str, list[Evidence]] = {}
        for key, evidence in self.corpus.theme_evidence(theme, self.level, staged=self.wanted is None):
            if self.wanted is None or key in self.wanted:
                out.setdefault(key, []).append(evidence)
        return out

    @property
    def staged(self) -> bool:
        """Whether the entries are staged in the corpus (then ``by_source`` reads them)."""
        return self.wanted is None

    def by_source(self, theme: str) -> Iterator[tuple[Entry, list[Evidence]]]:
        """Each staged entry with evidence on ``theme`` (an ``Entry`` of its key and citation only)
        and that evidence in rank order, entry after entry in their order: one source's evidence
        in memory at a time, not the theme's."""
        from litreview.store import level_condition

        entry: Entry | None = None
        evidence: list[Evidence] = []
        for key, citation, one in self.corpus.staged_theme_evidence(theme, level_condition(self.level, "t")):
            if entry is None or entry.key != key:
                if entry is not None:
                    yield entry, evidence
                entry, evidence = Entry(key=key, citation=citation), []
            evidence.append(one)
        if entry is not None:
            yield entry, evidence


def claim_reads_for(corpus: Corpus) -> SentenceReads:
    """The claims' readings of evidence sentences kept in the corpus, loaded theme by theme; those
    done while building a table are kept in turn (when the corpus can be written: else the table is
    still built, the readings only not kept)."""
    from litreview.synthesis.claims import SentenceRead, SentenceReads, claim_read_version, read_rows
    from litreview.synthesis.concepts import Bag

    version = claim_read_version()

    def load(theme: str) -> dict[str, SentenceRead]:
        return {sentence: SentenceRead(claimable, Bag(frozenset(concepts), negated) if concepts is not None else None,
                                       frame)
                for sentence, claimable, concepts, negated, frame in corpus.claim_reads(theme, version)}

    def keep(reads: Mapping[str, SentenceRead]) -> None:
        if corpus.read_only:
            return
        try:
            with corpus.transaction(wait=2.0):
                corpus.keep_claim_reads(version, read_rows(reads))
        except (sqlite3.Error, StorageError, LockTimeout):
            pass

    return SentenceReads(load, keep)


def frames_for(corpus: Corpus, entries: Entries) -> dict[tuple[str, str], str]:
    """How each entry frames each of its themes ("opportunity", "risk", "mixed", "neutral"; see
    ``framing.framing``), by (key, theme), those pairs only: kept in the corpus once worked out from the evidence
    (``tag`` does it for the papers it tags), the others worked out now and kept."""
    from litreview.synthesis.framing import FRAMING_VERSION

    wanted = {(e.key, t.theme) for e in entries for t in e.tags}
    kept = corpus.stored_frames(FRAMING_VERSION, wanted)
    _work_out_frames(corpus, wanted - kept.keys(), kept)
    return kept


class ThemeFrames:
    """The frames of staged entries (``stage_entries``) read one theme at a time:
    ``frames(theme, keys)`` is key -> frame of the entries ``keys`` on ``theme``, as ``frames_for``
    gives them (those not kept worked out now and kept), so a table holds one theme's frames."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def __call__(self, theme: str, keys: list[str]) -> dict[str, str]:
        from litreview.synthesis.framing import FRAMING_VERSION

        frames = dict(self.corpus.staged_frames(theme, FRAMING_VERSION))
        missing = {(key, theme) for key in keys if key not in frames}
        if missing:
            found: dict[tuple[str, str], str] = {}
            _work_out_frames(self.corpus, missing, found)
            frames.update({key: frame for (key, _), frame in found.items()})
        return frames


def _work_out_frames(corpus: Corpus, missing: set[tuple[str, str]], kept: dict[tuple[str, str], str]) -> None:
    """The frames of the (key, theme) pairs ``missing`` worked out from the evidence, added to
    ``kept`` and kept in the corpus (when it can be written)."""
    from litreview.synthesis.framing import FRAMING_VERSION

    if not missing:
        return
    keys = sorted({key for key, _ in missing})
    rows = frame_rows(corpus, keys if len(keys) <= 500 else None, missing)
    kept.update({(key, theme): frame for key, theme, _, frame in rows})
    for pair in missing - kept.keys():  # a theme without evidence (given by hand): no cue, neutral
        kept[pair] = "neutral"
        rows.append((*pair, FRAMING_VERSION, "neutral"))
    if not corpus.read_only:
        try:
            with corpus.transaction(wait=2.0):
                corpus.keep_frames(rows)
        except (sqlite3.Error, StorageError, LockTimeout):
            pass  # the table is still built, the frames only not kept


def frame_rows(corpus: Corpus, keys: list[str] | None, only: set[tuple[str, str]] | None = None
               ) -> list[tuple[str, str, str, str]]:
    """(key, theme, framing version, frame) of the papers' themes with evidence (``keys``; None: all,
    ``only`` these pairs), worked out from the evidence sentences as they stand."""
    from litreview.synthesis.framing import FRAMING_VERSION, frames_from, framing

    return [(key, theme, FRAMING_VERSION, framing(sentence for field_name, sentence in evidence
                                                   if frames_from(field_name))[0])
            for key, theme, evidence in corpus.evidence_sentences(keys)
            if only is None or (key, theme) in only]


def theme_label(codebook: Codebook, theme: str, lang: str) -> str:
    found = codebook.theme(theme)
    return found.label_in(lang) if found else theme


def tag_strength(origin: str, score: float | None, threshold: float | None) -> float:
    """How strongly a tag's evidence shows its theme: the score over the bar (1.0 at the bar), and
    1.0 for a tag a reader added by hand, which is a decision, not a score."""
    if origin == "manual" or not threshold:
        return 1.0
    return float(score or 0.0) / float(threshold)


def join_citations(citations: list[str]) -> str:
    """"(Cobis & Rusadi, 2023; Munadi, 2023)" without the outer parentheses, in the order of the
    reference list (APA 8.12): a work cited by its title stands where its title does, among the
    authors' names ("Aksi Massa", 2020; Ardynata & Sobari, 2022; "Buzzer", 2021), its quotation
    marks aside."""
    return "; ".join(sorted(dict.fromkeys(citations), key=_citation_order))


def _citation_order(citation: str) -> tuple[str, str]:
    import unicodedata

    text = citation.lstrip("\"\u201c\u201d'\u2018")
    names, comma, year = text.rpartition(", ")
    if comma:  # one author's work before that author's with others: "Munadi, 2023; Munadi & Rusadi, 2021"
        text = f"{names}\x00{year}"
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold(), citation


# The version of how findings and gaps are found (``findings.py`` and what it reads: the sentence tests of
# ``annotate`` and ``text.attribution``). Findings kept under another version are found again: change it
# with any change that can change a paper's findings.
FINDINGS_VERSION = "6"


def findings_stamp(codebook: str) -> str:
    """What kept findings are stamped with besides the content digest: the codebook digest of the
    tagging they were found for, and the findings version."""
    return f"{codebook} findings {FINDINGS_VERSION}"


class StagedFindings:
    """Key findings and gaps of staged entries (``findings_for``), read from the corpus in the
    entries' order alongside them (``each``); ``found`` holds those found now, which a read-only
    corpus could not keep."""

    def __init__(self, corpus: Corpus, found: dict[str, tuple[list[str], list[str]]]) -> None:
        self.corpus, self.found = corpus, found

    def each(self) -> Iterator[tuple[str, tuple[list[str], list[str]]]]:
        """(key, (findings, gaps)) of every staged entry, in order."""
        for key, found, gaps in self.corpus.staged_findings(findings_stamp("")):
            if found is not None and gaps is not None:
                yield key, (json.loads(found), json.loads(gaps))
            else:
                yield key, self.found.get(key, ([], []))


def staged_findings_for(corpus: Corpus, entries: StagedEntries) -> StagedFindings:
    """``findings_for`` of staged entries: those kept are read as the table is written; those
    missing (not kept for the paper's last tagging) are found now and kept."""
    missing = [key for key, found, _ in corpus.staged_findings(findings_stamp("")) if found is None]
    if not missing:
        return StagedFindings(corpus, {})
    wanted = set(missing)
    return StagedFindings(corpus, findings_for(corpus, [e for e in entries if e.key in wanted]))


def findings_for(corpus: Corpus, entries: list[Entry]) -> dict[str, tuple[list[str], list[str]]]:
    """Key findings and gaps of each entry: kept in the corpus once found for the text and codebook
    the paper was last tagged with (and this version of the finder); papers without them are read
    in full now and kept."""
    kept = corpus.stored_findings()
    # key -> (content digest, codebook digest) of the last tagging, stamped as kept findings are
    tagged = {key: (content, findings_stamp(book)) for key, (content, book) in corpus.tag_states().items()}
    out: dict[str, tuple[list[str], list[str]]] = {}
    missing: list[str] = []
    for entry in entries:
        row = kept.get(entry.key)
        if row is not None and entry.key in tagged and (row[0], row[1]) == tagged[entry.key]:
            out[entry.key] = (row[2], row[3])
        else:
            missing.append(entry.key)
    if not missing:
        return out
    evidence = evidence_by_paper(corpus, [e for e in entries if e.key in set(missing)])
    out.update(_find(corpus, missing, evidence))
    new_rows = [(key, *tagged[key], *out[key]) for key in missing if key in tagged]
    if corpus.read_only:
        return out  # the table is still built, only not kept
    try:
        with corpus.transaction(wait=2.0):
            corpus.keep_findings(new_rows)
    except (sqlite3.Error, StorageError, LockTimeout):
        pass  # a full disk or a long write by another litreview: the table is still built, only not kept
    return out


PARALLEL_MIN_PAPERS = 400  # below this, starting worker processes costs more than it saves
_CHUNK = 100


def _find(corpus: Corpus, keys: list[str], evidence: dict[str, list[Evidence]]
          ) -> dict[str, tuple[list[str], list[str]]]:
    """Findings and gaps of ``keys``, read in full from the corpus; on both cores for many papers."""
    finder = FindingsFinder(parallel=len(keys) >= PARALLEL_MIN_PAPERS)
    out: dict[str, tuple[list[str], list[str]]] = {}
    with finder:
        for key in keys:
            out.update(finder.add(corpus.get(key), evidence.get(key, [])))
        out.update(finder.finish())
    return out


class FindingsFinder:
    """Finds papers' findings and gaps (``findings.paper_findings``) as they are handed in: on
    both cores when ``parallel`` (a pool started at the first full chunk, the caller reading or
    tagging the next papers while workers find), a few chunks in flight so memory stays bounded.
    ``add`` and ``finish`` return the (key, (findings, gaps)) pairs done so far; use it as a
    context manager so the workers stop with the block. With ``reads``, the claims' readings of the
    papers' evidence sentences (``claims.read_sentences``) are done there too and gather in
    ``reads`` (sentence -> reading), for the caller to keep and empty."""

    def __init__(self, parallel: bool = True, reads: bool = False) -> None:
        from collections import deque

        self.with_reads = reads
        self.reads: dict[str, Any] = {}
        self.workers = min(2, os.cpu_count() or 1) if parallel else 1
        self.chunk: list[tuple[Paper, list[Evidence]]] = []
        self.pending: deque = deque()  # type: ignore[type-arg]
        self._pool_block: Any = None
        self.pool: Any = None

    def __enter__(self) -> FindingsFinder:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool_block is not None:
            self._pool_block.__exit__(*exc)
            self._pool_block = self.pool = None

    def add(self, paper: Paper, evidence: list[Evidence]) -> list[tuple[str, tuple[list[str], list[str]]]]:
        self.chunk.append((paper, evidence))
        if len(self.chunk) < _CHUNK:
            return []
        return self._flush(wait=False)

    def finish(self) -> list[tuple[str, tuple[list[str], list[str]]]]:
        return self._flush(wait=True)

    def _flush(self, wait: bool) -> list[tuple[str, tuple[list[str], list[str]]]]:
        chunk, self.chunk = self.chunk, []
        done: list[tuple[str, tuple[list[str], list[str]]]] = []
        if self.workers < 2 or (self.pool is None and wait):  # a few papers: here, no pool to start
            found, reads = _findings_of(chunk, self.with_reads)
            done.extend((paper.key, one) for (paper, _), one in zip(chunk, found, strict=True))
            self.reads.update(reads)
            chunk = []
        if chunk:
            if self.pool is None:
                from litreview.workers import worker_pool

                self._pool_block = worker_pool(self.workers)
                self.pool = self._pool_block.__enter__()
            self.pending.append(([paper.key for paper, _ in chunk],
                                 self.pool.submit(_findings_of, chunk, self.with_reads)))
        while self.pending and (wait or len(self.pending) > 2 * self.workers or self.pending[0][1].done()):
            keys, future = self.pending.popleft()
            found, reads = future.result()
            done.extend(zip(keys, found, strict=True))
            self.reads.update(reads)
        return done


def _findings_of(items: list[tuple[Paper, list[Evidence]]], reads: bool = False
                 ) -> tuple[list[tuple[list[str], list[str]]], dict[str, Any]]:
    """The papers' findings and gaps and, with ``reads``, the claims' readings of their evidence."""
    from litreview.synthesis.findings import paper_findings

    found = [paper_findings(paper, evidence) for paper, evidence in items]
    if not reads:
        return found, {}
    from litreview.synthesis.claims import read_sentences

    read: dict[str, Any] = {}
    for _, evidence in items:
        read.update(read_sentences(evidence, read.__contains__))
    return found, read
