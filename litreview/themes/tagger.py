"""The theme tagger: which themes a paper discusses, the sentences that show it, and facets.

``Tagger(codebook).tag(paper)`` reads the paper's stored text (or, without a
text, its abstracts), splits it into sentences, normalises every word (see
``normalize``) and matches the codebook's terms: phrases first (longest match
wins), then single words, then regular expressions. A sentence's score for a
theme is the weight of the distinct terms it matches, capped so one sentence
stuffed with keywords cannot carry a theme alone. Each sentence then counts by
where it stands (``Salience``): in the title, keywords, a heading, the abstract,
the lead of a short text, a numbered point or the conclusion it states a point of
the paper and counts more; in a literature-review section, or reporting another
work's claim ("X (2019) berpendapat ..."), it counts less. A theme is *discussed*
when the weighted score reaches ``Threshold.required(words)`` (a bar that grows
with the length of the text) from at least ``min_sentences`` sentences, and
*mentioned* when it has evidence under that bar.

Reference lists never count; heading lines count as headings (a heading that
repeats the title is read once, as the title). Evidence keeps each sentence exactly as it
stands: ``getattr(paper, field)[start:end] == sentence``.
"""

from __future__ import annotations

import hashlib
import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as _field
from itertools import compress
from typing import Any

from litreview.model import Evidence, FacetMention, Facets, Match, Paper, Tag, Tagging
from litreview.text.morphology import WORD
from litreview.text.sentences import split_sentences
from litreview.text.words import Words
from litreview.themes.codebook import (
    PHRASE_JOINERS,
    Codebook,
    FacetValue,
    Pattern,
    Term,
    exact_words,
    own_roots,
    protected_words,
    term_norms,
)
from litreview.themes.normalize import Normalizer
from litreview.themes.version import TAGGER_VERSION

__all__ = ["TAGGER_VERSION", "SetAside", "Tagger", "content_digest", "field_text", "required_literals"]
SENTENCE_CAP = 3.0  # most one sentence can add to a theme's score
SKIPPED_SECTIONS = frozenset({"references"})
ABSTRACT_FIELDS = ("abstract_id", "abstract_en", "abstract")
TITLE_FIELDS = ("title", "title_id", "title_en")
KEYWORD_FIELDS = ("keywords", "keywords_id", "keywords_en")
EXTRA_FIELDS = TITLE_FIELDS + ABSTRACT_FIELDS + KEYWORD_FIELDS  # read besides the full text
_LABEL_FIELDS = frozenset(TITLE_FIELDS + KEYWORD_FIELDS)  # not sentences: shown after the sentences
METHOD_PLACES = frozenset({"method", "abstract", "keywords"})
LEAD_SENTENCES = 2  # the opening sentences of a text without sections: its lead
# A sentence reporting another work: "(Nama, 2019)", "Nama dkk. (2019)", "[12]", "Menurut Nama, ..."
_CITES = re.compile(
    r"\(\s*[A-Z][^()]{0,80}?(?:19|20)\d{2}[a-z]?\s*[:;,)]"
    r"|\b[A-Z][\w'\u2019-]+(?:\s+(?:et\s+al\.?|dkk\.?|(?:&|dan|and)\s+[A-Z][\w'\u2019-]+))?\s*\(\s*(?:19|20)\d{2}[a-z]?\s*[):,;]"
    r"|\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]"
    r"|^\W*(?:[Mm]enurut|[Aa]ccording\s+to)\s+[A-Z]"
)
_POINT = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|[-\u2022*\u25aa\u25cf\u25e6\u2013])\s+\S")
# A journal's masthead or running line ("JPPHK (Jurnal Pendidikan Politik ...) Volume 10 no 1"): its
# words name the journal, not a point of the paper.
_JOURNAL = re.compile(r"\b(?:jurnal|journal|prosiding|proceedings)\b", re.IGNORECASE)
_ISSUE = re.compile(r"\b(?:vol(?:ume)?\.?\s*\d+|no\.?\s*\d+|issn|e-issn|p-issn|edisi\s+\w+\s+\d{4})\b", re.IGNORECASE)


def is_masthead(sentence: str) -> bool:
    """A line naming a journal with its volume, issue or ISSN."""
    if len(sentence) >= 400:
        return False
    low = sentence.lower()  # no other letters match those of _JOURNAL's words ignoring case: a quick test first
    if "jurnal" not in low and "journal" not in low and "pro" not in low:
        return False
    return bool(_JOURNAL.search(sentence)) and bool(_ISSUE.search(sentence))


def cites_another_work(sentence: str) -> bool:
    """Whether a sentence reports another work (see ``_CITES``). Each way of citing holds a
    bracket or the word "menurut" / "according": sentences without any skip the expression."""
    if "(" in sentence or "[" in sentence or "enurut" in sentence or "ccording" in sentence:
        return bool(_CITES.search(sentence))
    return False


@dataclass(frozen=True, slots=True)
class SetAside:
    """A paper off the codebook's subject: how often it names the subject (``mentions`` in
    ``words`` words) and, by theme, the terms that did not count -> sentences: its ``context``
    terms, or every term when the paper is about another subject (``elsewhere`` mentions)."""

    mentions: int
    words: int
    terms: dict[str, dict[str, int]]
    elsewhere: int = 0  # when about another subject (no term counted): how often it names that subject


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a matched term counts for: a theme (``facet`` empty) or a facet value."""

    target: str  # theme id, or the facet value's name
    facet: str  # "", "platforms", "methods", "actors"
    term: Term
    norms: tuple[str, ...]


@dataclass
class _Source:
    field: str
    text: str
    sections: list[tuple[int, int, str]] = _field(default_factory=list)  # (start, end, kind)
    page_starts: list[int] = _field(default_factory=list)
    titles: frozenset[str] = frozenset()  # the paper's titles, squeezed: a heading repeating one is not read


def _squeeze(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


class Tagger:
    """Tags papers against one codebook; keeps its word cache across papers."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.normalizer = codebook.normalizer or Normalizer(
            protected_words(codebook), codebook.fuzzy_min_length, exact_words(codebook), own_roots(codebook)
        )
        self._singles: dict[str, list[_Entry]] = {}
        self._phrases: dict[str, list[_Entry]] = {}
        self._excludes: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}  # head -> (norms, theme, term)
        self._salience: Any = None  # the codebook's salience the weights below were read from
        self._weights: dict[tuple[str, bool], float] = {}  # (place, cites) -> weight
        self._patterns: list[tuple[str, str, Pattern, object]] = []  # (target, facet, pattern, compiled)
        # Each word as written (lower-cased) -> what it is to the codebook: the (exclusions,
        # phrases, single terms) its normal form starts and the runs of pattern literals it holds
        # (see _build), or () for none of these. Kept as long as the normaliser keeps its own
        # cache (``generation``), so a word is normalised once.
        self._surface: dict[str, Any] = {}
        self._surface_get = self._surface.get
        self._generation = -1
        self._build()

    # -- the index -------------------------------------------------------------------------
    def norms(self, text: str) -> tuple[str, ...]:
        return term_norms(self.normalizer, text)

    def _build(self) -> None:
        book = self.codebook
        fuzzy_targets: list[str] = []
        for theme in book.themes:
            for term in theme.terms:
                self._index(_Entry(theme.id, "", term, self.norms(term.text)))
                words = WORD.findall(term.text.lower())
                if len(words) == 1:
                    fuzzy_targets.extend(words)
                for excluded in term.exclude:
                    self._exclude(excluded, theme.id, term.text)
            for exclusion in theme.exclude:
                self._exclude(exclusion.text, theme.id, "")
            for pattern in theme.patterns:
                self._patterns.append((theme.id, "", pattern, pattern.compile()))
        for term in book.context.terms:
            self._index(_Entry("context", "context", term, self.norms(term.text)))
        for term in book.context.elsewhere:
            self._index(_Entry("elsewhere", "elsewhere", term, self.norms(term.text)))
        self._contextual = {(t.id, term.text) for t in book.themes for term in t.terms if term.context}
        self._contextual |= {(t.id, p.pattern) for t in book.themes for p in t.patterns if p.context}
        for facet, values in book.facets.items():
            for value in values:
                for term in value.terms:
                    self._index(_Entry(value.name, facet, term, self.norms(term.text)))
                for pattern in value.patterns:
                    self._patterns.append((value.name, facet, pattern, pattern.compile()))
                for exclusion in value.exclude:
                    self._exclude(exclusion.text, value.name, "")
        self.normalizer.set_targets(fuzzy_targets)
        vocabulary = {n for table in (self._singles, self._phrases) for entries in table.values()
                      for entry in entries for n in entry.norms}
        vocabulary |= {n for entries in self._excludes.values() for norms, _, _ in entries for n in norms}
        surface = {w for table in (self._singles, self._phrases) for entries in table.values()
                   for entry in entries for w in WORD.findall(entry.term.text.lower())}
        self.normalizer.set_vocabulary(vocabulary, surface)
        self._interesting = frozenset(self._singles) | frozenset(self._phrases) | frozenset(self._excludes)
        self._lookup = {
            n: (self._excludes.get(n), _by_second_word(self._phrases.get(n)), self._singles.get(n))
            for n in self._interesting
        }
        self._gates = [required_literals(p.pattern) for _, _, p, _ in self._patterns]
        # Each gate literal's runs of letters and digits, each of which lies inside some word of a
        # text holding the literal: a text whose words hold not all of a literal's runs cannot
        # hold the literal, and is not searched for it. A literal without such runs (no letter, or
        # case-sensitive beyond ASCII, where lower-casing may depend on the letters around) is
        # searched for in every text.
        self._literal_runs: dict[tuple[str, bool], frozenset[str]] = {}
        self._searched_always: list[tuple[str, bool]] = []
        for key in sorted({key for gate in self._gates if gate for key in gate}):
            literal, case = key
            runs = frozenset(WORD.findall(literal.lower() if case else literal))
            if not runs or (case and not literal.isascii()):
                self._searched_always.append(key)
            else:
                self._literal_runs[key] = runs
        # each literal filed under one of its runs (the longest): a text is searched only for the
        # literals filed under runs its words hold, and of those only for the ones whose runs are all there
        self._literals_by_run: dict[str, list[tuple[tuple[str, bool], frozenset[str]]]] = {}
        for key, runs in self._literal_runs.items():
            self._literals_by_run.setdefault(max(runs, key=lambda r: (len(r), r)), []).append((key, runs))
        self._runs = sorted({run for runs in self._literal_runs.values() for run in runs})
        self._any_run = re.compile("|".join(map(re.escape, self._runs))) if self._runs else None
        self._ungated = [n for n, gate in enumerate(self._gates) if gate is None]  # they run everywhere
        self._gated_by: dict[tuple[str, bool], list[int]] = {}  # literal -> the patterns it lets run
        for n, gate in enumerate(self._gates):
            for key in gate or ():
                self._gated_by.setdefault(key, []).append(n)

    def _index(self, entry: _Entry) -> None:
        if not entry.norms:
            return
        table = self._phrases if len(entry.norms) > 1 else self._singles
        table.setdefault(entry.norms[0], []).append(entry)
        if len(entry.norms) > 1:
            table[entry.norms[0]].sort(key=lambda e: -len(e.norms))

    def _exclude(self, phrase: str, theme: str, term: str) -> None:
        norms = self.norms(phrase)
        if norms:
            self._excludes.setdefault(norms[0], []).append((norms, theme, term))

    # -- tagging ---------------------------------------------------------------------------
    def tag(self, paper: Paper) -> Tagging:
        """Themes, evidence and facets of ``paper``; ``Tagging.words`` is 0 when it has no text."""
        fields = [field_text(paper, name) for name in EXTRA_FIELDS]
        words, by_theme, facet_hits = self._read(paper, fields)
        if self._off_subject(words, facet_hits):
            if self._elsewhere(words, facet_hits):
                by_theme = {}
            else:
                self._drop_contextual(by_theme)
        tags = []
        for theme in self.codebook.themes:
            evidence = by_theme.get(theme.id)
            if not evidence:
                continue
            counts = [e.counts for e in evidence]
            score = round(sum(counts), 3)
            required = round(theme.threshold.required(words), 3)
            if len(evidence) > 1:
                evidence.sort(key=_evidence_order)
            bar = theme.threshold
            assigned = (score >= required and len(evidence) >= bar.min_sentences) or bool(
                bar.single and max(counts) >= bar.single)
            tags.append(Tag(theme=theme.id, score=score, threshold=required, sentences=len(evidence),
                            assigned=assigned, evidence=evidence, level="discussed" if assigned else "mentioned"))
        return Tagging(key=paper.key, tags=tags, facets=_facets(self.codebook, facet_hits), words=words,
                       content=_digest(paper, fields), codebook=self.codebook.digest)

    def _read(self, paper: Paper, fields: list[str]
              ) -> tuple[int, dict[str, list[Evidence]], dict[tuple[str, str], list[bool]]]:
        """The words read, every theme's evidence before the subject test, and the facet mentions
        ((facet, name) -> per mention: whether it stands in a method place)."""
        sources = _sources(paper, fields)
        if self._generation != self.normalizer.generation:
            self._surface.clear()
            self._generation = self.normalizer.generation
        words = 0
        by_theme: dict[str, list[Evidence]] = {}
        facet_hits: dict[tuple[str, str], list[bool]] = {}
        for source in sources:
            words += self._tag_source(source, by_theme, facet_hits)
        return words, by_theme, facet_hits

    def _off_subject(self, words: int, facet_hits: dict[tuple[str, str], list[bool]]) -> bool:
        """Whether the paper names the codebook's subject too seldom for ``context`` terms to count."""
        context = self.codebook.context
        if not ((self._contextual or context.elsewhere) and context.terms):
            return False
        mentions = _subject_mentions(facet_hits)
        return mentions * 1000 / max(words, 1) < context.min_per_1000_words or mentions < context.min_mentions

    def _elsewhere(self, words: int, facet_hits: dict[tuple[str, str], list[bool]]) -> bool:
        """Whether a paper off the subject names another subject (``Context.elsewhere``) often
        enough to be about it: then no term of any theme counts."""
        context = self.codebook.context
        if not context.elsewhere:
            return False
        mentions = len(facet_hits.get(("elsewhere", "elsewhere"), ()))
        return mentions >= context.elsewhere_min_mentions and (
            mentions * 1000 / max(words, 1) >= context.elsewhere_per_1000_words)

    def set_aside(self, paper: Paper) -> SetAside | None:
        """What the subject test took from ``paper``: None when the paper is on the codebook's
        subject (or the codebook has no such test), else how often it names the subject and, by
        theme, the terms (a pattern: the words it matched) that counted for nothing and in how many
        sentences (``tags --why``)."""
        words, by_theme, facet_hits = self._read(paper, [field_text(paper, name) for name in EXTRA_FIELDS])
        if not self._off_subject(words, facet_hits):
            return None
        elsewhere = self._elsewhere(words, facet_hits)
        terms: dict[str, dict[str, int]] = {}
        for theme, evidence in by_theme.items():
            for e in evidence:
                # a pattern is named by the words it matched, as the evidence shows them
                aside = [m.text.lower() if m.rule == "pattern" else m.term for m in e.matches
                         if elsewhere or (theme, m.term) in self._contextual]
                for term in dict.fromkeys(aside):
                    counts = terms.setdefault(theme, {})
                    counts[term] = counts.get(term, 0) + 1
        other = len(facet_hits.get(("elsewhere", "elsewhere"), ())) if elsewhere else 0
        return SetAside(_subject_mentions(facet_hits), words, terms, other)

    def _tag_source(
        self, source: _Source, by_theme: dict[str, list[Evidence]], facet_hits: dict[tuple[str, str], list[bool]]
    ) -> int:
        text = source.text
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased (İ)
            low = "".join(c.lower()[0] if len(c.lower()) != 1 else c.lower() for c in text)
        spans = self._counted_spans(source)
        if not spans:
            return 0
        # The words of the whole text, each looked up once by its string: what it is to the
        # codebook (see _word_entries), None for a word not seen before. Offsets are worked out
        # only for the words of sentences where a term matches (see Words).
        words_of = Words(low)
        toks = words_of.strings
        entries: list[Any] = list(map(self._surface_get, toks))
        if None in entries:
            self._fill_entries(toks, entries)
        hits = list(compress(range(len(entries)), entries))  # the words some term starts with (or with runs)
        bounds = words_of.count_before([offset for span in spans for offset in span[:2]])
        norm = self.normalizer.norm
        cache_get = self.normalizer.cache_get
        pattern_hits = {}
        if self._patterns:
            runs: set[str] = set()  # the runs of pattern literals the text's words hold
            for i in hits:
                held = entries[i][3]
                if held:
                    runs |= held
            pattern_hits = self._pattern_hits(text, low, spans, runs)
        words = 0
        context = 0  # subject words met (see Context)
        elsewhere = 0  # words of other subjects met (see Context.elsewhere)
        for index, (start, end, kind, role) in enumerate(spans):
            first_word = bounds[2 * index]
            stop_word = bounds[2 * index + 1]
            words += stop_word - first_word
            h = bisect_left(hits, first_word)
            h_stop = bisect_left(hits, stop_word, h)
            if h == h_stop and index not in pattern_hits:
                continue
            found: list[tuple[int, int, int, _Entry]] = []  # (first word, word count, offset of the first, entry)
            blocked: set[tuple[int, str, str]] | None = None
            # by theme, the word before which the words belong to a phrase of that theme already found:
            # each theme reads the sentence on its own, so "keterlibatan pemilih muda" is a phrase of
            # participation and one of youth, but within a theme the words of a phrase count once
            covered: dict[str, int] = {}
            for i in hits[h:h_stop]:
                excluded, heads, single, _ = entries[i]
                at = -1  # the word's offset, once needed
                if excluded:
                    blocked = _block(blocked, toks, norm, i, stop_word, excluded)
                if heads and i + 1 < stop_word:
                    second = toks[i + 1]
                    for entry in heads.get(cache_get(second) or norm(second), ()):  # longest first
                        size = len(entry.norms)
                        if i + size > stop_word or (
                                size > 2 and tuple(map(norm, toks[i + 2 : i + size])) != entry.norms[2:]):
                            continue
                        if at < 0:
                            at = words_of.start_of(i, start, first_word)
                        if not _joined(low, words_of, at, i, size):
                            continue
                        if entry.facet:  # facets and context words neither hide nor are hidden
                            if entry.facet == "context":
                                context += 1
                            elif entry.facet == "elsewhere":
                                elsewhere += 1
                            else:
                                found.append((i, size, at, entry))
                        elif i >= covered.get(entry.target, first_word):
                            found.append((i, size, at, entry))
                            covered[entry.target] = i + size
                if single:
                    for entry in single:
                        if entry.facet == "context":
                            context += 1
                        elif entry.facet == "elsewhere":
                            elsewhere += 1
                        elif entry.facet or i >= covered.get(entry.target, first_word):
                            if at < 0:
                                at = words_of.start_of(i, start, first_word)
                            found.append((i, 1, at, entry))
            extra = pattern_hits.get(index)
            if not found and not extra:
                continue
            self._record(source, start, end, kind, role, words_of, found, blocked, extra or [], by_theme,
                         facet_hits)
        if context:
            facet_hits.setdefault(("context", "context"), []).extend([True] * context)
        if elsewhere:
            facet_hits.setdefault(("elsewhere", "elsewhere"), []).extend([True] * elsewhere)
        return words

    def _fill_entries(self, toks: list[str], entries: list[Any]) -> None:
        """Complete ``entries`` (None where a word was not seen before) in place, and remember them
        (see ``_surface``)."""
        norm = self.normalizer.norm
        lookup = self._lookup
        surface = self._surface
        index = entries.index
        i = -1
        try:
            while True:
                i = index(None, i + 1)
                word = toks[i]
                entry = surface.get(word)
                if entry is None:
                    found = lookup.get(norm(word))
                    runs = None
                    if self._any_run is not None and self._any_run.search(word):
                        runs = frozenset(run for run in self._runs if run in word)
                    if found or runs:
                        entry = (*(found or (None, None, None)), runs)
                    else:
                        entry = ()
                    surface[word] = entry
                entries[i] = entry
        except ValueError:
            pass

    def _weight(self, place: str, cites: bool) -> float:
        """What a sentence standing at ``place`` counts for (the codebook's salience), remembered."""
        salience = self.codebook.salience
        if salience is not self._salience:
            self._salience, self._weights = salience, {}
        found = self._weights.get((place, cites))
        if found is None:
            found = self._weights[(place, cites)] = salience.weight(place, cites)
        return found

    def _drop_contextual(self, by_theme: dict[str, list[Evidence]]) -> None:
        """Off the codebook's subject: terms marked ``context`` do not count."""
        for theme, evidence in list(by_theme.items()):
            kept = []
            for e in evidence:
                e.matches = [m for m in e.matches if (theme, m.term) not in self._contextual]
                if e.matches:
                    e.score = _sentence_score(e.matches)
                    kept.append(e)
            if not kept:
                del by_theme[theme]
                continue
            by_theme[theme] = kept

    def _counted_spans(self, source: _Source) -> list[tuple[int, int, str, str]]:
        """Sentences that may count as evidence, each (start, end, section kind, role): role is
        "heading" for a heading line, "lead" for the opening sentences of a text without
        sections, else "". Nothing in a reference list; no heading that repeats the title."""
        out: list[tuple[int, int, str, str]] = []
        if not source.sections:
            place = _FIELD_PLACE.get(source.field, "")
            running = 0
            for span in split_sentences(source.text):
                if span.heading:
                    if _squeeze(source.text[span.start:span.end]) not in source.titles:
                        out.append((span.start, span.end, place, "heading"))
                    continue
                role = "lead" if source.field == "text" and running < LEAD_SENTENCES else ""
                running += 1
                out.append((span.start, span.end, place, role))
            return out
        starts = {s for s, _, _ in source.sections}
        first = source.sections[0][0]
        regions = [(0, first, "")] if first > 0 else []
        regions += source.sections
        for start, end, kind in regions:
            if kind in SKIPPED_SECTIONS:
                continue
            for span in split_sentences(source.text, start, end):
                if span.start in starts and kind:  # the heading line opens the section: its name
                    continue
                if span.heading:
                    if _squeeze(source.text[span.start:span.end]) not in source.titles:
                        out.append((span.start, span.end, kind, "heading"))
                    continue
                out.append((span.start, span.end, kind, ""))
        return out

    def _pattern_hits(
        self, text: str, low: str, spans: list[tuple[int, int, str, str]], runs: set[str]
    ) -> dict[int, list[tuple[int, int, str, str, Pattern]]]:
        """Regular-expression matches, by the index of the sentence they fall in.

        A pattern with literals it cannot match without (its gate) runs only on the sentences
        holding one of them; a pattern without a gate runs over the whole text. ``runs`` are
        the runs of letters of gate literals that the text's words hold (see ``_build``): only
        literals whose runs are all there are looked for.
        """
        starts = [s[0] for s in spans]
        out: dict[int, list[tuple[int, int, str, str, Pattern]]] = {}
        # every gate literal in the text (lower-cased, or as written for a case-sensitive one):
        # literal -> sentences it starts in
        holding: dict[tuple[str, bool], set[int]] = {}
        searched = self._searched_always
        if runs:
            by_run = self._literals_by_run
            searched = searched + [key for run in runs for key, needed in by_run.get(run, ()) if needed <= runs]
        for key in searched:
            literal, case = key
            hay = text if case else low
            pos = hay.find(literal)
            while pos >= 0:
                index = bisect_right(starts, pos) - 1
                if index >= 0 and pos < spans[index][1]:
                    holding.setdefault(key, set()).add(index)
                pos = hay.find(literal, pos + 1)
        # the sentences each pattern runs on: those holding one of its literals (every pattern
        # whose literals are all absent is skipped without a look), or the whole text
        where: dict[int, set[int]] = {n: set() for n in self._ungated}
        for key, found in holding.items():
            for n in self._gated_by[key]:
                where.setdefault(n, set()).update(found)
        for n in sorted(where):
            target, facet, pattern, compiled = self._patterns[n]
            if self._gates[n] is None:
                ranges = [(0, len(text))]
            else:
                ranges = [(spans[i][0], spans[i][1]) for i in sorted(where[n])]
            for start, end in ranges:
                for match in compiled.finditer(text, start, end):  # type: ignore[attr-defined]
                    if match.end() == match.start():
                        continue
                    index = bisect_right(starts, match.start()) - 1
                    if index < 0 or match.end() > spans[index][1]:
                        continue
                    out.setdefault(index, []).append((match.start(), match.end(), target, facet, pattern))
        return out

    def _record(
        self,
        source: _Source,
        start: int,
        end: int,
        kind: str,
        role: str,
        words_of: Words,
        found: list[tuple[int, int, int, _Entry]],
        blocked: set[tuple[int, str, str]] | None,
        patterns: list[tuple[int, int, str, str, Pattern]],
        by_theme: dict[str, list[Evidence]],
        facet_hits: dict[tuple[str, str], list[bool]],
    ) -> None:
        """Turn one sentence's matches into evidence, with offsets of the matched words."""
        in_method_place = kind in METHOD_PLACES or source.field != "text"
        matches: dict[str, list[Match]] = {}
        facets_here: set[tuple[str, str]] = set()  # a facet value counts once per sentence
        toks = words_of.strings
        for first, size, m_start, entry in found:
            if blocked and any(
                (p, entry.target, "") in blocked or (p, entry.target, entry.term.text) in blocked
                for p in range(first, first + size)
            ):
                continue
            m_end = m_start + len(toks[first])
            for k in range(first + 1, first + size):  # the phrase's other words, one after another
                m_end = words_of.next_start(m_end) + len(toks[k])
            if entry.term.case and WORD.findall(source.text[m_start:m_end]) != WORD.findall(entry.term.text):
                continue  # "PAN" the party, not "pan" the word
            if entry.facet:
                facets_here.add((entry.facet, entry.target))
                continue
            fuzzy = size == 1 and toks[first] in self.normalizer.fuzzy
            rule = "fuzzy" if fuzzy else ("phrase" if size > 1 else "word")
            matches.setdefault(entry.target, []).append(
                Match(entry.term.text, rule, m_start, m_end, source.text[m_start:m_end], entry.term.weight)
            )
        for m_start, m_end, target, facet, pattern in patterns:
            if facet:
                facets_here.add((facet, target))
                continue
            matches.setdefault(target, []).append(
                Match(term=pattern.pattern, rule="pattern", start=m_start, end=m_end,
                      text=source.text[m_start:m_end], weight=pattern.weight)
            )
        for pair in facets_here:
            facet_hits.setdefault(pair, []).append(in_method_place)
        if not matches:
            return
        page = None
        if source.page_starts:
            page = bisect_right(source.page_starts, start) or None
        sentence = source.text[start:end]
        if is_masthead(sentence):
            return
        place = _place(source.field, kind, role, sentence)
        cites = cites_another_work(sentence)
        weight = self._weight(place, cites)
        for target, found_matches in matches.items():
            found_matches.sort(key=_MATCH_ORDER)
            score = _sentence_score(found_matches)
            by_theme.setdefault(target, []).append(
                Evidence(theme=target, field=source.field, start=start, end=end, sentence=sentence,
                         section=kind, page=page, score=score, matches=found_matches, place=place, cites=cites,
                         weight=weight)
            )


def _subject_mentions(facet_hits: dict[tuple[str, str], list[bool]]) -> int:
    """How often a paper names the codebook's subject: its subject words, and the political actors
    (parties, candidates) of the ``actors`` facet, each mention once."""
    return len(facet_hits.get(("context", "context"), ())) + sum(
        len(found) for (facet, _), found in facet_hits.items() if facet == "actors")


def _by_second_word(phrases: list[_Entry] | None) -> dict[str, list[_Entry]] | None:
    """The phrases starting with one word, by the normal form of their second word (each list
    in the order given: longest first)."""
    if not phrases:
        return None
    out: dict[str, list[_Entry]] = {}
    for entry in phrases:
        out.setdefault(entry.norms[1], []).append(entry)
    return out


_COMMON_SIGNS = frozenset(".,;:'\"-()")


def required_literals(pattern: str) -> list[tuple[str, bool]] | None:
    """Strings one of which every match of ``pattern`` contains, or None if none is known.

    Each comes with whether it is case-sensitive (written inside ``(?-i:...)``): such a
    literal is looked for in the text as written, the others in the lower-cased text. Used
    to skip running a regular expression over texts that cannot match it.
    """
    try:
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern, 0)
    except Exception:  # noqa: BLE001 - an unusual pattern simply runs everywhere
        return None
    best = _literal_options(list(tree), case_sensitive=False)
    return sorted(best) if best else None


def _gate_score(option: set[tuple[str, bool]]) -> tuple[int, int]:
    """How selective a set of literals is: the shortest counts (capitals written case-sensitively
    are rare in text); between sets as selective, the one with fewer alternatives."""
    shortest = min(len(text) + (10 if case and any(ch.isupper() for ch in text) else 0) for text, case in option)
    return shortest, -len(option)


def _literal_options(items: list, case_sensitive: bool) -> set[tuple[str, bool]] | None:  # type: ignore[type-arg]
    """The most selective set of alternative literals required by a sequence of parse items."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: set[tuple[str, bool]] | None = None
    run: list[str] = []
    run_exact = True  # every character of the run is one exact character

    def consider(option: set[tuple[str, bool]] | None) -> None:
        nonlocal best
        if not option:
            return
        # a lone character is selective enough when it is a capital written case-sensitively or a
        # sign other than the common stops ("&" in "Q&A"); a lone small letter would gate nothing
        usable = all(len(t) >= 2 or (case and t.isupper()) or (len(t) == 1 and t not in _COMMON_SIGNS
                                                                 and not t.isalnum() and not t.isspace())
                     for t, case in option)
        if usable and (best is None or _gate_score(option) > _gate_score(best)):
            best = option

    def flush() -> None:
        nonlocal run, run_exact
        if run:
            text = "".join(run)
            exact = case_sensitive and run_exact
            consider({(text if exact else text.lower(), exact)})
        run, run_exact = [], True

    for op, arg in items:
        if op is c.LITERAL:
            run.append(chr(arg))
            continue
        if op is c.IN and arg and all(o is c.LITERAL for o, _ in arg) and len({chr(v).lower() for _, v in arg}) == 1:
            run.append(chr(arg[0][1]).lower())  # [Pp]: one letter in either case
            run_exact = False
            continue
        if op is c.BRANCH and run:
            # the parser takes the common start out of alternatives ("me(?:ngkritik|nuntut)" for
            # "mengkritik|menuntut"): the run before the branch, joined to each alternative's own
            # first letters, is a longer and rarer literal than either alone
            heads = [_leading_run(list(branch)) for branch in arg[1]]
            if all(heads):
                exact = case_sensitive and run_exact
                joined = "".join(run)
                consider({((joined + head) if exact else (joined + head).lower(), exact) for head in heads})
        flush()
        if op is c.SUBPATTERN:
            inner_case = case_sensitive
            if arg[2] & c.SRE_FLAG_IGNORECASE:
                inner_case = True  # (?-i:...)
            elif arg[1] & c.SRE_FLAG_IGNORECASE:
                inner_case = False
            consider(_literal_options(list(arg[-1]), inner_case))
        elif op is c.BRANCH:
            options: set[tuple[str, bool]] = set()
            for branch in arg[1]:
                found = _literal_options(list(branch), case_sensitive)
                if not found:
                    options = set()
                    break
                options |= found
            consider(options or None)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            consider(_literal_options(list(arg[2]), case_sensitive))
    flush()
    return best


def _leading_run(items: list) -> str:  # type: ignore[type-arg]
    """The exact characters every match of a sequence of parse items starts with ("" if none)."""
    from re import _constants as c  # type: ignore[attr-defined]

    head = []
    for op, arg in items:
        if op is not c.LITERAL:
            break
        head.append(chr(arg))
    return "".join(head)


def _evidence_order(e: Evidence) -> tuple[bool, float, bool, int]:
    """Sentences before titles and keyword lists; then what counts most first; then text order."""
    return (e.field in _LABEL_FIELDS, -e.counts, e.field != "text", e.start)


_MATCH_ORDER = operator.attrgetter("start", "end")
_JOINERS = PHRASE_JOINERS


def _joined(low: str, words_of: Words, at: int, first: int, size: int) -> bool:
    """Whether words ``first`` .. ``first + size - 1`` (the first at offset ``at``) are one run of
    words: separated by spaces, hyphens or slashes, not by a comma or a full stop ("pendidikan,
    politik" is no phrase)."""
    toks = words_of.strings
    for k in range(first, first + size - 1):
        end = at + len(toks[k])
        at = words_of.next_start(end)
        if not _JOINERS.issuperset(low[end:at]):
            return False
    return True


def _place(field: str, kind: str, role: str, sentence: str) -> str:
    """Where a sentence stands, for its salience (see ``Salience``)."""
    if field in TITLE_FIELDS:
        return "title"
    if field in KEYWORD_FIELDS or kind == "keywords":
        return "keywords"
    if role == "heading":
        return "heading"
    if field in ABSTRACT_FIELDS or kind == "abstract":
        return "abstract"
    if kind == "conclusion":
        return "conclusion"
    if _POINT.match(sentence):
        return "point"
    if kind == "literature_review":
        return "review"
    if role == "lead":
        return "lead"
    return "body"


def _sentence_score(matches: list[Match]) -> float:
    """The weight of the distinct terms a sentence matches, capped."""
    if len(matches) == 1:  # (the usual case, as below)
        return round(min(SENTENCE_CAP, max(0.0, matches[0].weight)), 3)
    distinct: dict[str, float] = {}
    for m in matches:
        distinct[m.term] = max(distinct.get(m.term, 0.0), m.weight)
    return round(min(SENTENCE_CAP, sum(distinct.values())), 3)


def _block(
    blocked: set[tuple[int, str, str]] | None,
    toks: list[str],
    norm: Callable[[str], str],
    i: int,
    stop: int,
    candidates: list[tuple[tuple[str, ...], str, str]],
) -> set[tuple[int, str, str]] | None:
    """Mark the words of exclusion phrases found at word ``i`` (within the sentence ending at ``stop``)."""
    for norms, theme, term in candidates:
        if i + len(norms) <= stop and tuple(map(norm, toks[i : i + len(norms)])) == norms:
            blocked = blocked if blocked is not None else set()
            for p in range(i, i + len(norms)):
                blocked.add((p, theme, term))
    return blocked


_FIELD_PLACE = {**{f: "abstract" for f in ("abstract_id", "abstract_en", "abstract")},
                **{f: "title" for f in ("title", "title_id", "title_en")},
                **{f: "keywords" for f in ("keywords", "keywords_id", "keywords_en")}}


def field_text(paper: Paper, name: str) -> str:
    """The text of an evidence field: a text field as stored, a keyword list joined by "; "."""
    value = getattr(paper, name)
    return "; ".join(value) if isinstance(value, list) else value


def _blank(value: str) -> bool:
    """Whether ``value.strip()`` would be empty, without copying a long text."""
    return not value or value.isspace()


def _sources(paper: Paper, fields: list[str]) -> list[_Source]:
    """What the tagger reads: the full text, then titles, abstracts and keyword lists the full
    text does not already hold (a record from a bibliography has only these). ``fields`` are
    the texts of ``EXTRA_FIELDS``, in order."""
    has_text = not _blank(paper.text)
    if not has_text and all(_blank(getattr(paper, name)) for name in ABSTRACT_FIELDS):
        return []  # a title and keywords alone are too little to tag: reported as having no text
    out = []
    squeezed = None  # the full text lower-cased, its white space collapsed: made once needed
    titles = frozenset(_squeeze(t) for t in (paper.title, paper.title_id, paper.title_en) if t and t.strip())
    if has_text:
        sections = [(s.start, s.end, s.kind) for s in sorted(paper.sections, key=lambda s: s.start)]
        out.append(_Source("text", paper.text, sections, list(paper.page_starts), titles))
    values = [(name, value) for name, value in zip(EXTRA_FIELDS, fields, strict=True) if value and not value.isspace()]
    seen: set[str] = set()  # values already read, as written
    squeezed_seen: set[str] = set()  # and lower-cased with white space collapsed
    for name, value in values:
        if value in seen:
            continue
        seen.add(value)
        if len(values) > 1 or has_text:
            key = " ".join(value.lower().split())
            if key in squeezed_seen:
                continue
            squeezed_seen.add(key)
            if has_text and name not in TITLE_FIELDS:
                if squeezed is None:
                    squeezed = " ".join(paper.text.lower().split())
                if key[:200] in squeezed:
                    continue
        out.append(_Source(name, value))
    return out


def _facets(codebook: Codebook, hits: dict[tuple[str, str], list[bool]]) -> Facets:
    if not any(kind not in ("context", "elsewhere") for kind, _ in hits):
        return Facets()

    def mentions(kind: str, values: list[FacetValue], only_method_places: bool = False) -> list[FacetMention]:
        out = []
        for value in values:
            found = hits.get((kind, value.name))
            if not found:
                continue
            if only_method_places:
                found = [h for h in found if h]
            if found:
                out.append(FacetMention(name=value.name, mentions=len(found), kind=value.kind,
                                        label=value.label_in("en"), label_id=value.label_in("id")))
        out.sort(key=lambda m: (-m.mentions, m.name))
        return out

    methods = mentions("methods", codebook.facets.get("methods", []), only_method_places=True)
    if not methods:
        methods = mentions("methods", codebook.facets.get("methods", []))
    return Facets(
        platforms=mentions("platforms", codebook.facets.get("platforms", [])),
        methods=methods,
        actors=mentions("actors", codebook.facets.get("actors", [])),
    )


def content_digest(paper: Paper) -> str:
    """Identifies what the tagger reads of a paper: text, sections, titles, abstracts, keywords."""
    return _digest(paper, [field_text(paper, name) for name in EXTRA_FIELDS])


def _digest(paper: Paper, fields: list[str]) -> str:
    parts = [paper.text, *fields]
    parts.append(";".join(f"{s.start}:{s.end}:{s.kind}" for s in paper.sections))
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]
