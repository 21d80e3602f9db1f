"""Running the tagger over a corpus, and recording the user's own theme decisions.

The tagger itself (``themes.tagger``) is pure; this module reads papers from the
store, skips those whose text and codebook are unchanged since their last
tagging, and writes the results, all in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from litreview.errors import UsageError
from litreview.i18n import tr
from litreview.model import Evidence, Paper, Section, Tag, Tagging
from litreview.store import Corpus
from litreview.themes.codebook import Codebook
from litreview.themes.tagger import Tagger, content_digest


@dataclass
class TagReport:
    tagged: list[str] = field(default_factory=list)  # keys tagged in this run
    unchanged: int = 0  # skipped: same text and codebook as last time
    no_text: list[str] = field(default_factory=list)  # nothing to read: no text and no abstract
    assigned: Counter[str] = field(default_factory=Counter)  # theme -> papers given it in this run
    words: int = 0

    def summary(self) -> str:
        parts = [tr("{n} paper tagged", "{n} papers tagged", n=len(self.tagged))]
        if self.unchanged:
            parts.append(tr("{n} unchanged since the last tagging", n=self.unchanged))
        if self.no_text:
            parts.append(tr("{n} without text or abstract", n=len(self.no_text)))
        return ", ".join(parts)


@dataclass
class Pretagged:
    """A paper tagged (and its findings found) as it was read, before it had
    a key or was stored. ``tag_corpus`` takes these results for a stored paper only when it gives the
    tagger exactly what was read here: the same content digest (text, sections, titles, abstracts,
    keywords) and page starts; the findings, besides, only for the same section headings and the
    same evidence as the corpus then holds for the paper (what ``paper_findings`` reads)."""

    tagging: Tagging
    page_starts: list[int]
    sections: list[tuple[int, int, str, str]]
    evidence: list[tuple[str, int, int, float]]  # (field, start, end, score) of the discussed themes, as stored
    findings: tuple[list[str], list[str]]
    reads: dict[str, Any] = field(default_factory=dict)  # the claims' readings of its evidence sentences


def pretag(tagger: Tagger, paper: Paper) -> Pretagged:
    """Tag ``paper`` and find its findings now, for ``tag_corpus`` to take once it is stored."""
    from litreview.synthesis.findings import paper_findings

    tagging = tagger.tag(paper)
    # The evidence evidence_of() will give once this tagging is saved for a paper without decisions by
    # hand: the discussed themes in theme order, each theme's sentences in rank order.
    evidence = [e for tag in sorted(tagging.tags, key=lambda t: t.theme) if tag.assigned for e in tag.evidence]
    from litreview.synthesis.claims import read_sentences

    return Pretagged(tagging, list(paper.page_starts), _section_marks(paper.sections), _evidence_marks(evidence),
                     paper_findings(paper, evidence), read_sentences(evidence))


def _section_marks(sections: list[Section]) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.kind, s.heading) for s in sections]


def _evidence_marks(evidence: list[Evidence]) -> list[tuple[str, int, int, float]]:
    return [(e.field, e.start, e.end, e.score) for e in evidence]


def _taken(pretagged: Mapping[str, Pretagged] | None, paper: Paper, digest: str, codebook: str) -> Pretagged | None:
    """The pretagged result that holds for ``paper`` as stored (with content digest ``digest``), if any."""
    found = pretagged.get(digest) if pretagged else None
    if found is None or found.tagging.codebook != codebook or found.page_starts != list(paper.page_starts):
        return None
    return found


def tag_corpus(
    corpus: Corpus,
    tagger: Tagger,
    keys: list[str] | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    pretagged: Mapping[str, Pretagged] | None = None,
) -> TagReport:
    """Tag ``keys`` (all papers when None); unchanged papers are skipped unless ``force``.
    ``pretagged`` (content digest -> Pretagged) holds papers tagged already where they were read."""
    if keys:
        missing = [k for k in dict.fromkeys(keys) if not corpus.key_exists(k)]
        if missing:
            corpus.get(missing[0])  # raises NotFound with close matches
    from litreview.synthesis.review import PARALLEL_MIN_PAPERS, FindingsFinder, findings_stamp, frame_rows

    report = TagReport()
    states = corpus.tag_states()
    digest = tagger.codebook.digest
    wanted = list(dict.fromkeys(keys)) if keys else None
    parallel = (len(wanted) if wanted else corpus.count()) >= PARALLEL_MIN_PAPERS
    finding: dict[str, tuple[str, str]] = {}  # papers whose findings are being found -> digests of their tagging
    handed = False  # has the finder been given a paper?
    reads = _ClaimReads(corpus)
    with corpus.transaction(), FindingsFinder(parallel, reads=True) as finder:
        for paper in corpus.iter_papers(wanted, full=True):
            if progress:
                progress(paper.key)
            content = content_digest(paper)
            if not force and states.get(paper.key) == (content, digest):
                report.unchanged += 1
                continue
            taken = _taken(pretagged, paper, content, digest)
            tagging = replace(taken.tagging, key=paper.key) if taken else tagger.tag(paper)
            corpus.save_tagging(tagging)
            # how the paper frames each theme, from its evidence as stored, for the synthesis
            corpus.keep_frames(frame_rows(corpus, [paper.key]))
            report.tagged.append(paper.key)
            report.words += tagging.words
            if tagging.words == 0:
                report.no_text.append(paper.key)
            report.assigned.update(t.theme for t in tagging.assigned)
            stamp = (tagging.content, findings_stamp(tagging.codebook))
            if corpus.findings_state(paper.key) != stamp:
                # The literature matrix's findings, found now (on the other core) rather than at its first build.
                finding[paper.key] = stamp
                if not _has_prose(paper):  # a record with a title only: no sentence to find findings in
                    _keep(corpus, [(paper.key, ([], []))], finding)
                    continue
                evidence = corpus.evidence_of(paper.key)
                if (taken and taken.evidence == _evidence_marks(evidence)
                        and taken.sections == _section_marks(paper.sections)):
                    _keep(corpus, [(paper.key, taken.findings)], finding)
                    reads.keep(taken.reads)
                else:
                    _keep(corpus, finder.add(paper, evidence), finding)
                    handed = True
                reads.keep(finder.reads)
        if handed:  # (finishing loads the findings module, which a batch tagged in its workers never needs)
            _keep(corpus, finder.finish(), finding)
        reads.keep(finder.reads, last=True)
    return report


class _ClaimReads:
    """The claims' readings of the evidence sentences of the papers tagged (``claims.read_sentences``),
    kept in the corpus in batches, so that the first synthesis or claims table after tagging has no
    sentence left to read. Readings kept under an older version are dropped once, at the first batch."""

    BATCH = 5000

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.version = ""
        self.waiting: dict[str, Any] = {}

    def keep(self, reads: dict[str, Any], last: bool = False) -> None:
        if reads:
            self.waiting.update(reads)
            reads.clear()
        if not self.waiting or (len(self.waiting) < self.BATCH and not last):
            return
        from litreview.synthesis.claims import claim_read_version, read_rows

        first = not self.version
        if first:
            self.version = claim_read_version()
        self.corpus.keep_claim_reads(self.version, read_rows(self.waiting), drop_others=first)
        self.waiting = {}


def _has_prose(paper: Paper) -> bool:
    """Has the paper a text or an abstract, where findings, gaps and claims are read? (Without either,
    ``findings.paper_findings`` finds none and no evidence sentence can state a claim.)"""
    from litreview.themes.tagger import ABSTRACT_FIELDS, field_text

    return bool(paper.text.strip()) or any(field_text(paper, name).strip() for name in ABSTRACT_FIELDS)


def _keep(corpus: Corpus, found: list[tuple[str, tuple[list[str], list[str]]]],
          finding: dict[str, tuple[str, str]]) -> None:
    """Keep the findings found for papers just tagged, under the digests of that tagging."""
    if found:
        corpus.keep_findings([(key, *finding.pop(key), *result) for key, result in found])


def check_theme(codebook: Codebook, theme: str) -> None:
    if codebook.theme(theme) is None:
        raise UsageError(tr("unknown theme '{name}'; the codebook's themes are: {themes}", name=theme,
                            themes=", ".join(codebook.theme_ids)))


def decide_tag(corpus: Corpus, tagger: Tagger, key: str, theme: str, assigned: bool) -> Tag | None:
    """Record a manual decision: ``assigned`` True adds ``theme`` to the paper, False removes it.

    Returns the tagger's own finding for that theme (its evidence), if any.
    """
    check_theme(tagger.codebook, theme)
    paper = corpus.get(key)
    found = next((t for t in tagger.tag(paper).tags if t.theme == theme), None)
    with corpus.transaction():
        corpus.set_manual_tag(key, theme, assigned, found)
    return found


def reset_tag(corpus: Corpus, tagger: Tagger, key: str, theme: str) -> bool:
    """Forget a manual decision and let the tagger decide again; False if there was none."""
    check_theme(tagger.codebook, theme)
    corpus.get(key)  # NotFound, with close keys, for a key not in the corpus
    with corpus.transaction():
        cleared = corpus.clear_manual_tag(key, theme)
        if cleared:
            tag_corpus(corpus, tagger, [key], force=True)
    return cleared
