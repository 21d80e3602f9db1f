"""Claims: the points several sources make about a theme, who supports each and who says otherwise.

Within a theme, the finding-like sentences of the sources (their own statements: not another
work's claim, not a definition, a heading, a question or a method; see ``candidates``) are
read as bags of bilingual concepts (``concepts.py``), so an Indonesian and an English source
can support one claim. Sentences of different sources that are alike (weighted concept overlap
of at least ``SAME_CLAIM``, the threshold chosen by cross-validation on the claim-pair gold,
``benchmarks/eval_claims.py``) are grouped by average linkage. A group that two or more sources
share is a claim: its representative sentence is the one most like the others, its supporting
sources those whose sentence takes the group's side, its contrary sources those whose sentence
denies it ("tidak berpengaruh", "no effect") or frames it the other way (opportunity vs risk).

The claims table lists them (theme, claim, supporting, contrary, quotes with pages), and
``claim_sentences`` writes the synthesis clauses from templates that only quote: "Two sources
agree (A, 2023; B, 2024): “...”. C (2023) states otherwise: “...”."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from litreview.model import Evidence
from litreview.synthesis.concepts import MIN_SHARED, Bag, default_reader, norm, similarity, weights
from litreview.synthesis.framing import OPPORTUNITY, RISK, frame_of
from litreview.synthesis.review import (
    WORDS,
    Entries,
    Entry,
    ThemeEvidence,
    entries_with,
    join_citations,
    theme_label,
)
from litreview.synthesis.table import Column, Table, number_cell, text_cell
from litreview.text import phrasing
from litreview.text.attribution import reports_other_work
from litreview.themes.codebook import Codebook

SAME_CLAIM = 0.24  # similarity at which two sentences make one claim (cross-validated, see module doc)
PER_SOURCE = 6  # a source's strongest sentences per theme that are compared
MAX_SENTENCES = 160  # sentences compared per theme (the strongest), so a large corpus stays fast
MIN_WORDS, MAX_WORDS = 6, 80
_STOPS = (".", "!", "\u201d.", ".\u201d", '."', ".)")  # a claim is a sentence: a title or a question is not
_SKIPPED_PLACES = frozenset({"title", "keywords", "heading", "review"})
_SKIPPED_SECTIONS = frozenset({"method", "methods", "references", "acknowledgements"})
_LEAD_IN = re.compile(
    r"^\W*(?:(?:hasil|temuan)(?:\s+\w+){0,3}\s+(?:menunjukkan|menunjukan|membuktikan|mengungkapkan|memperlihatkan)"
    r"|(?:penelitian|studi|kajian|artikel|tulisan)\s+ini\s+(?:menyimpulkan|menemukan|menunjukkan|menunjukan)"
    r"|(?:the\s+|our\s+)?(?:results?|findings|study|analysis)(?:\s+\w+){0,2}\s+(?:shows?|showed|indicates?|indicated"
    r"|reveals?|revealed|suggests?|demonstrates?|confirms?)|we\s+(?:find|found|show|conclude))"
    r"(?:\s+bahwa|\s+that)?[\s,:]+",
    re.IGNORECASE,
)
_UNREAD = Bag(frozenset(), False)
# The version of how a sentence is read for claims: the sentence tests of ``candidates`` (definition,
# aim, method, research gap, another work's claim), the concept reader (``concepts.py``) and ``framing.frame_of``.
# Readings kept in a corpus under another version are done again: change it with any change to
# those that can change a reading (the lexicon and word lists are in the version by their digest).
CLAIM_READ_VERSION = "3"


def claim_read_version() -> str:
    """The version readings are kept under: ours, the framing's, the stemmer's and the lexicon's digest."""
    import hashlib

    from litreview.synthesis import concepts
    from litreview.synthesis.framing import FRAMING_VERSION
    from litreview.text.stem import STEMMER_VERSION

    lexicon = repr((concepts._LEXICON, sorted(concepts._STOPWORDS), sorted(concepts._NEGATIONS),
                    concepts._NEGATED_PHRASES, sorted(concepts._PREDICATES), sorted(concepts.DOMAIN),
                    concepts._ENDINGS, concepts._WEAK, concepts.MIN_SHARED))
    digest = hashlib.sha256(lexicon.encode("utf-8")).hexdigest()[:12]
    return f"claims {CLAIM_READ_VERSION}, framing {FRAMING_VERSION}, stems {STEMMER_VERSION}, lexicon {digest}"


@dataclass(slots=True)
class SentenceRead:
    """How claims read one evidence sentence: whether it can state a claim at all (not a
    definition, an aim, a method or another work's claim) and, once read, its concepts and frame."""

    claimable: bool
    bag: Bag | None = None  # None: not read yet
    frame: str | None = None


class SentenceReads:
    """Readings of evidence sentences by the sentence as the evidence holds it, theme by theme:
    ``load(theme)`` gives those kept for a theme's sentences (a corpus keeps them between tables),
    ``keep(readings)`` is handed the ones done while reading that theme. Without ``load``, readings
    stay in memory for the whole table."""

    def __init__(self, load: Callable[[str], dict[str, SentenceRead]] | None = None,
                 keep: Callable[[Mapping[str, SentenceRead]], None] | None = None) -> None:
        self._load, self._keep = load, keep
        self.known: dict[str, SentenceRead] = {}
        self.fresh: dict[str, SentenceRead] = {}

    def start(self, theme: str) -> None:
        """Read ``theme`` next: the readings done so far are kept, the theme's kept ones loaded."""
        self.flush()
        if self._load is not None:
            self.known = self._load(theme)

    def flush(self) -> None:
        if self.fresh and self._keep is not None:
            self._keep(self.fresh)
        self.fresh = {}

    def get(self, sentence: str) -> SentenceRead | None:
        return self.known.get(sentence)

    def put(self, sentence: str, read: SentenceRead) -> None:
        self.known[sentence] = self.fresh[sentence] = read


@dataclass
class Quote:
    """One source's sentence in a claim."""

    key: str
    citation: str
    sentence: str  # on one line, exactly the paper's words
    page: int | None
    score: float
    bag: Bag
    frame: str | None  # "opportunity", "risk" or None
    raw: str = field(default="", compare=False, repr=False)  # the sentence as the evidence holds it

    def cited(self, lang: str) -> str:
        page = f", {'hlm.' if lang == 'id' else 'p.'} {self.page}" if self.page else ""
        return f"\u201c{self.sentence}\u201d ({self.citation}{page})"


@dataclass
class Claim:
    theme: str
    representative: Quote
    supporting: list[Quote] = field(default_factory=list)  # one per source, the representative first
    contrary: list[Quote] = field(default_factory=list)  # one per source

    @property
    def sources(self) -> int:
        """The sources that state the claim (those that also deny it among them)."""
        return len({q.key for q in self.supporting})

    @property
    def both(self) -> set[str]:
        """Keys of the sources on both sides: a sentence supports the claim, another denies it or
        frames it the other way. Each is counted once, as both, never as a supporter and a
        contrary source."""
        return {q.key for q in self.supporting} & {q.key for q in self.contrary}

    def only_supporting(self) -> list[Quote]:
        return [q for q in self.supporting if q.key not in self.both]

    def only_contrary(self) -> list[Quote]:
        return [q for q in self.contrary if q.key not in self.both]

    def on_both_sides(self) -> list[Quote]:
        """The contrary sentence of each source on both sides (its supporting one is among ``supporting``)."""
        return [q for q in self.contrary if q.key in self.both]


def candidates(entry: Entry, evidence: list[Evidence], theme: str,
               reads: SentenceReads | None = None) -> list[Quote]:
    """A source's own finding-like sentences on ``theme``, strongest first (at most ``PER_SOURCE``;
    their concepts are read later, for the sentences a theme keeps: see ``read_concepts``).
    ``reads`` holds the sentences tested before; those tested now are added to it."""
    seen: set[str] = set()
    out: list[Quote] = []
    for ev in sorted((e for e in evidence if e.theme == theme), key=lambda e: (-e.score, e.start)):
        sentence = " ".join(ev.sentence.split())
        if not _may_state_claim(ev, sentence) or sentence in seen or not _claimable(ev.sentence, sentence, reads):
            continue
        seen.add(sentence)
        out.append(Quote(entry.key, entry.citation, sentence, ev.page, ev.score, _UNREAD, None, ev.sentence))
        if len(out) == PER_SOURCE:
            break
    return out


def _may_state_claim(ev: Evidence, sentence: str) -> bool:
    """The tests of ``candidates`` that need no reading: where the sentence stands, its length, its end
    (``sentence`` is ``ev.sentence`` on one line)."""
    return not (ev.field.startswith(("title", "keywords")) or ev.place in _SKIPPED_PLACES
                or ev.section in _SKIPPED_SECTIONS or not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS
                or not sentence.endswith(_STOPS))


def read_sentences(evidence: list[Evidence], known: Callable[[str], bool] | None = None
                   ) -> dict[str, SentenceRead]:
    """Every reading the claims of a table would do on these evidence sentences, done now (``tag``
    does it for the papers it tags, in its workers, so the first synthesis has nothing left to read):
    whether each sentence that may state a claim can, and the concepts and frame of those that can.
    Keyed by the sentence as the evidence holds it; ``known(sentence)`` true skips one read before."""
    out: dict[str, SentenceRead] = {}
    for ev in evidence:
        raw = ev.sentence
        if raw in out or (known is not None and known(raw)):
            continue
        sentence = " ".join(raw.split())
        if not _may_state_claim(ev, sentence):
            continue
        read = SentenceRead(_claimable(raw, sentence, None))
        if read.claimable:
            read.bag, read.frame = default_reader().read(sentence), frame_of(sentence)
        out[raw] = read
    return out


def read_rows(reads: Mapping[str, SentenceRead]) -> list[tuple[str, bool, list[str] | None, bool, str | None]]:
    """Readings as the corpus keeps them (``Corpus.keep_claim_reads``)."""
    return [(sentence, read.claimable, sorted(read.bag.concepts) if read.bag is not None else None,
             read.bag.negated if read.bag is not None else False, read.frame) for sentence, read in reads.items()]


def _claimable(raw: str, sentence: str, reads: SentenceReads | None) -> bool:
    """``sentence`` (``raw`` on one line) is neither a definition, an aim, a method, a research gap
    nor another work's claim: tested once per sentence when ``reads`` keeps the answers."""
    known = reads.get(raw) if reads is not None else None
    if known is None:
        from litreview.synthesis.annotate import is_definition, states_aim
        from litreview.synthesis.findings import aim_or_method, states_research_gap

        known = SentenceRead(not (is_definition(sentence) or states_aim(sentence) or aim_or_method(sentence)
                                  or states_research_gap(sentence) or reports_other_work(sentence)))
        if reads is not None:
            reads.put(raw, known)
    return known.claimable


def read_concepts(quotes: list[Quote], reads: SentenceReads | None = None) -> list[Quote]:
    """The strongest ``MAX_SENTENCES`` quotes with their concepts and frames read (those ``reads``
    holds taken from it, the others read and added to it)."""
    kept = sorted(quotes, key=lambda q: (-q.score, q.citation.casefold(), q.sentence))[:MAX_SENTENCES]
    for q in kept:
        known = reads.get(q.raw) if reads is not None and q.raw else None
        if known is not None and known.bag is not None:
            q.bag, q.frame = known.bag, known.frame
            continue
        q.bag = default_reader().read(q.sentence)
        q.frame = frame_of(q.sentence)
        if reads is not None and q.raw:
            reads.put(q.raw, SentenceRead(True, q.bag, q.frame))
    return kept


def group_claims(theme: str, quotes: list[Quote], weight: dict[str, float],
                 threshold: float = SAME_CLAIM) -> list[Claim]:
    """The claims two or more sources share among ``quotes`` (read: ``read_concepts``), most
    supported first."""
    n = len(quotes)
    sim = [[0.0] * n for _ in range(n)]
    default = max(weight.values(), default=1.0)  # once, not per pair
    norms = [norm(q.bag, weight, default) for q in quotes]  # once per sentence, not per pair
    keys = [q.key for q in quotes]
    concepts = [q.bag.concepts for q in quotes]
    for i in range(n):
        a, key, norm_a, row = quotes[i].bag, keys[i], norms[i], sim[i]
        for j in range(i + 1, n):
            # fewer than MIN_SHARED concepts in common: similarity 0, as the matrix holds already
            if key != keys[j] and len(a.concepts & concepts[j]) >= MIN_SHARED:
                row[j] = sim[j][i] = similarity(a, quotes[j].bag, weight, default, (norm_a, norms[j]))
    clusters = _average_linkage(sim, threshold)
    claims = [_claim(theme, [quotes[i] for i in members], sim, members) for members in clusters]
    kept = [c for c in claims if c is not None and len({q.key for q in c.supporting + c.contrary}) >= 2]
    kept.sort(key=lambda c: (-c.sources, -len(c.contrary), -c.representative.score, c.representative.citation,
                             c.representative.sentence))
    return kept


def _average_linkage(sim: list[list[float]], threshold: float) -> list[list[int]]:
    """Clusters of indices: the two clusters with the highest average similarity merge while it
    reaches ``threshold``; pairs of one source (similarity 0) pull clusters apart."""
    import numpy as np

    n = len(sim)
    if n < 2:
        return []
    totals = np.array(sim, dtype=float)  # sum of the members' similarities, cluster by cluster
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while True:
        average = totals / np.outer(sizes, sizes)
        average[~alive, :] = -1.0
        average[:, ~alive] = -1.0
        np.fill_diagonal(average, -1.0)
        a, b = divmod(int(np.argmax(average)), n)  # the first best pair: stable
        if average[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        totals[a, :] += totals[b, :]
        totals[:, a] += totals[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
        members[a] += members.pop(b)
    return [sorted(m) for m in members.values() if len(m) > 1]


def _claim(theme: str, quotes: list[Quote], sim: list[list[float]], members: list[int]) -> Claim | None:
    """Supporting and contrary quotes of a group: the side most sources take (polarity, then frame)
    supports; the representative is the supporting sentence most like the others."""
    side = {id(q): (q.bag.negated, q.frame) for q in quotes}
    negated = sum(q.bag.negated for q in quotes)
    majority_negated = negated * 2 > len(quotes)
    frames = [q.frame for q in quotes if q.bag.negated == majority_negated and q.frame]
    majority_frame = max(set(frames), key=lambda f: (frames.count(f), f)) if frames else None
    opposite = {OPPORTUNITY: RISK, RISK: OPPORTUNITY}.get(majority_frame or "")

    def contrary(q: Quote) -> bool:
        negation, frame = side[id(q)]
        return negation != majority_negated or (opposite is not None and frame == opposite)

    position = {id(q): members[k] for k, q in enumerate(quotes)}
    support = [q for q in quotes if not contrary(q)]
    against = [q for q in quotes if contrary(q)]
    if not support:
        return None

    def centrality(q: Quote) -> float:
        others = [o for o in support if o.key != q.key]
        return sum(sim[position[id(q)]][position[id(o)]] for o in others) / max(1, len(others))

    support.sort(key=lambda q: (-round(centrality(q), 6), len(q.bag.concepts), -q.score, q.citation.casefold(),
                                q.sentence))
    return Claim(theme, support[0], _one_per_source(support), _one_per_source(against))


def _one_per_source(quotes: list[Quote]) -> list[Quote]:
    out: dict[str, Quote] = {}
    for q in quotes:
        out.setdefault(q.key, q)
    return list(out.values())


def claims_by_theme(entries: Entries, evidence: EvidenceSource, codebook: Codebook,
                    themes: list[str] | None = None, reads: SentenceReads | None = None) -> dict[str, list[Claim]]:
    """Each theme's claims (codebook order), over the entries' evidence. How much a shared word
    counts is learnt from the candidate sentences of every theme the evidence holds, so a theme's
    claims do not change with the themes asked for (pass the evidence of all themes). ``evidence``
    is a dict (paper key -> evidence) or a reader of one theme's evidence (``review.ThemeEvidence``);
    ``reads`` the sentences read before (``SentenceReads``), to which those read now are added."""
    read = by_theme(evidence)
    per_theme: dict[str, list[Quote]] = {}
    for theme in codebook.theme_ids:
        quotes = source_quotes(sources_evidence(entries, read, theme), theme, reads)
        if quotes:
            per_theme[theme] = quotes
    if reads is not None:
        reads.flush()
    return group_themes(per_theme, themes or codebook.theme_ids)


def sources_evidence(entries: Entries, read: Callable[[str], dict[str, list[Evidence]]], theme: str
                     ) -> Iterator[tuple[Entry, list[Evidence]]]:
    """The entries holding ``theme``, in order, each with its evidence on it (``read``: a reader of
    one theme's evidence, see ``by_theme``). Staged entries read by a ``review.ThemeEvidence`` come
    one source's evidence at a time, and only those with evidence (the others have no quotes)."""
    if isinstance(read, ThemeEvidence) and read.staged:
        return read.by_source(theme)
    got = read(theme)
    return ((e, got.get(e.key, [])) for e in entries_with(entries, theme))


def source_quotes(sources: Iterable[tuple[Entry, list[Evidence]]], theme: str,
                  reads: SentenceReads | None = None) -> list[Quote]:
    """The candidate sentences of a theme's sources given with their evidence (``sources_evidence``),
    read one source at a time, the strongest read (``read_concepts``); ``reads`` starts the theme
    only when it has a source."""
    quotes: list[Quote] = []
    started = False
    for entry, evidence in sources:
        if not started and reads is not None:
            reads.start(theme)
        started = True
        quotes += candidates(entry, evidence, theme, reads)
    return read_concepts(quotes, reads) if quotes else []


def group_themes(per_theme: dict[str, list[Quote]], themes: list[str]) -> dict[str, list[Claim]]:
    """The claims of ``themes`` from every theme's read quotes (the word weights learnt from all)."""
    weight = weights([q.bag for quotes in per_theme.values() for q in quotes])
    return {theme: group_claims(theme, per_theme[theme], weight) for theme in themes if theme in per_theme}


EvidenceSource = dict[str, list[Evidence]] | Callable[[str], dict[str, list[Evidence]]]


def by_theme(evidence: EvidenceSource) -> Callable[[str], dict[str, list[Evidence]]]:
    """A reader of one theme's evidence (paper key -> its sentences on the theme, in rank order),
    from a reader (returned as it is) or from a dict of every paper's evidence."""
    if callable(evidence):
        return evidence
    grouped: dict[str, dict[str, list[Evidence]]] = {}
    for key, items in evidence.items():
        for ev in items:
            grouped.setdefault(ev.theme, {}).setdefault(key, []).append(ev)
    return lambda theme: grouped.get(theme, {})


# -- the table ---------------------------------------------------------------------------------
CLAIM_WORDS = {
    "en": {"claims": "Claims by theme", "claim": "Claim", "supporting": "Supporting", "contrary": "Contrary",
           "quotes": "Quotes", "both": "Both sides",
           "note": "A claim is a point two or more sources make in like words (either language); "
           "contrary sources deny it or frame it the other way. Quotes give each source's sentence.",
           "both_note": "Both sides: a source with one sentence that supports the claim and another that denies it "
           "or frames it the other way; it is counted once, as both, and quoted twice."},
    "id": {"claims": "Klaim per tema", "claim": "Klaim", "supporting": "Pendukung", "contrary": "Berlawanan",
           "quotes": "Kutipan", "note": "Klaim adalah pokok yang dinyatakan dua sumber atau lebih dengan kata-kata "
           "serupa (dalam bahasa mana pun); sumber yang berlawanan menyangkalnya atau membingkainya sebaliknya. "
           "Kutipan memuat kalimat tiap sumber.", "both": "Kedua sisi",
           "both_note": "Kedua sisi: sumber yang satu kalimatnya mendukung klaim dan kalimat lainnya menyangkalnya "
           "atau membingkainya sebaliknya; sumber itu dihitung sekali, sebagai keduanya, dan dikutip dua kali."},
}


def build_claims_table(entries: Entries, evidence: EvidenceSource, codebook: Codebook,
                       lang: str = "en", themes: list[str] | None = None, reads: SentenceReads | None = None
                       ) -> Table:
    """One row per claim: theme, the representative sentence, supporting and contrary sources, quotes
    (``reads``: sentences read before, see ``claims_by_theme``)."""
    words = WORDS[lang] | CLAIM_WORDS[lang]
    table = Table(
        kind="claims", title=words["claims"], lang=lang,
        columns=[
            Column("theme", words["theme"], "text", 18),
            Column("claim", words["claim"], "long", 50),
            Column("sources", words["sources"], "number", 8),
            Column("supporting", words["supporting"], "long", 26),
            Column("contrary", words["contrary"], "long", 20),
            Column("both", words["both"], "long", 20),
            Column("quotes", words["quotes"], "long", 70),
        ],
        notes=[words["note"]],
    )
    for theme, claims in claims_by_theme(entries, evidence, codebook, themes, reads).items():
        label = theme_label(codebook, theme, lang)
        for claim in claims:
            table.rows.append({
                "theme": text_cell(label),
                "claim": text_cell(f"\u201c{clause(claim.representative.sentence)}\u201d"),
                "sources": number_cell(claim.sources),
                "supporting": text_cell(join_citations([q.citation for q in claim.only_supporting()])),
                "contrary": text_cell(join_citations([q.citation for q in claim.only_contrary()])),
                "both": text_cell(join_citations([q.citation for q in claim.on_both_sides()])),
                "quotes": text_cell("\n".join(q.cited(lang) for q in claim.supporting + claim.contrary)),
            })
    if any(row["both"].text for row in table.rows):
        table.notes.append(words["both_note"])
    else:  # no source on both sides: no empty column
        table.columns = [c for c in table.columns if c.key != "both"]
    return table


# -- sentences for the synthesis ---------------------------------------------------------------
def narrative(citation: str, lang: str = "en") -> str:
    """"Cobis & Rusadi, 2023" as a sentence names it: "Cobis and Rusadi (2023)" / "Cobis dan Rusadi (2023)"."""
    author, _, year = citation.rpartition(", ")
    if not author:
        return citation
    return f"{author.replace(' & ', ' dan ' if lang == 'id' else ' and ')} ({year})"


def clause(sentence: str) -> str:
    """The part of a quoted sentence that states the claim: a lead-in ("Hasil penelitian menunjukkan
    bahwa", "The results show that") and a leading connective left out, cut to a cell's length."""
    from litreview.synthesis.findings import display_sentence

    text = display_sentence(sentence)
    match = _LEAD_IN.match(text)
    if match and len(text[match.end():].split()) >= 4:
        text = text[match.end():]
        text = text[:1].upper() + text[1:]
    return text


def claim_sentences(claims: list[Claim], lang: str = "en", limit: int = 2) -> list[str]:
    """Sentences for the synthesis from the ``limit`` best claims, each quoting its representative
    sentence (and a contrary source's sentence): nothing but the sources' words and citations."""
    out: list[str] = []
    before: str | None = None  # the sources of the claim stated just before
    for claim in claims[:limit]:
        agreeing = claim.only_supporting()  # a source on both sides is said apart, as both
        cites = join_citations([q.citation for q in agreeing])
        shown = claim.representative if claim.representative.key not in claim.both or not agreeing else agreeing[0]
        said = clause(shown.sentence)
        if len(agreeing) >= 2:
            if cites == before:  # the same sources again: "They also agree", not the count a second time
                lead = "Sumber yang sama juga sepakat" if lang == "id" else "They also agree"
                out.append(phrasing.sentence(f"{lead}: \u201c{said}\u201d", lang))
            elif lang == "id":
                also = " juga" if before is not None else ""
                out.append(phrasing.sentence(f"{phrasing.number(len(agreeing), 'id')} sumber{also} sepakat ({cites}): "
                                             f"\u201c{said}\u201d", "id"))
            else:
                also = " also" if before is not None else ""
                out.append(phrasing.sentence(f"{phrasing.number(len(agreeing))} sources{also} agree ({cites}): "
                                             f"\u201c{said}\u201d"))
            before = cites
        elif agreeing:  # one source states it; the others take the other side or both
            verb = "menyatakan" if lang == "id" else "states"
            out.append(phrasing.sentence(f"{narrative(agreeing[0].citation, lang)} {verb}: \u201c{said}\u201d", lang))
            before = None
        contrary = claim.only_contrary()
        if contrary:
            names = phrasing.join([narrative(q.citation, lang) for q in contrary], lang)
            verb = "menyatakan sebaliknya" if lang == "id" else phrasing.verb_en(len(contrary), "state") + " otherwise"
            out.append(phrasing.sentence(f"{names} {verb}: \u201c{clause(contrary[0].sentence)}\u201d", lang))
        both = claim.on_both_sides()
        if both:
            names = phrasing.join([narrative(q.citation, lang) for q in both], lang)
            against = f"\u201c{clause(both[0].sentence)}\u201d"
            if not agreeing:  # the claim is stated by these sources only: quote both their sides
                first = next(q for q in claim.supporting if q.key == both[0].key)
                against = f"\u201c{clause(first.sentence)}\u201d{' dan' if lang == 'id' else ', and'} {against}"
            if lang == "id":
                lead = f"{names} dihitung sebagai keduanya, sepakat sekaligus menyatakan sebaliknya"
            else:
                lead = (f"{names} {phrasing.verb_en(len(both), 'are', 'is')} counted as both, agreeing and also "
                        "stating otherwise")
            out.append(phrasing.sentence(f"{lead}: {against}", lang))
    return [s if s.endswith((".", "\u201d")) else s + "." for s in out]
