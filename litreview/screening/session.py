"""One reviewer screening one stage, record by record: what the terminal screen drives.

The session knows the records to screen at its stage (title-abstract: every record the rules did not
exclude; full text: the records that passed title-abstract screening), the reviewer's own decisions,
the order, and where the reviewer is. Every decision is written at once in its own transaction with
the place on screen, so a killed process loses nothing; a decision is written only if the lane still
holds what the session saw (another session of the same reviewer may have decided meanwhile).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from litreview.errors import EditConflict, LitreviewError, ValidationError
from litreview.i18n import tr
from litreview.screening.decisions import FULL_TEXT, TITLE_ABSTRACT, check_reason, standings
from litreview.screening.ranking import Ranker, shuffled
from litreview.store_screening import NewDecision

if TYPE_CHECKING:
    from litreview.store import Corpus

ORDERS = ("ranked", "random", "year", "title")


@dataclass
class Record:
    key: str
    title: str
    authors: str
    year: int | None
    venue: str
    abstract: str
    keywords: list[str]
    entry_type: str = ""
    has_text: bool = False
    themes: list[str] = field(default_factory=list)
    evidence_words: list[str] = field(default_factory=list)  # the codebook words found, to highlight

    def text(self) -> str:
        return " ".join((self.key, self.title, self.authors, self.venue, self.abstract, " ".join(self.keywords)))


@dataclass
class Progress:
    records: int
    screened: int
    included: int
    excluded: int
    maybe: int
    excludes_since_include: int  # the reviewer's latest decisions in a row that were exclusions

    @property
    def left(self) -> int:
        return self.records - self.screened


@dataclass
class _Done:
    key: str
    row: int  # the row written
    before: tuple[int, str, str]  # the lane's head before: (row id, decision, reason)
    after: tuple[str, str]


class ScreenSession:
    def __init__(self, corpus: Corpus, reviewer: str, stage: str = TITLE_ABSTRACT, order: str = "ranked"):
        if order not in ORDERS:
            raise ValidationError(tr("--order {value}: choose {orders}", value=repr(order), orders=", ".join(ORDERS)))
        self.corpus, self.reviewer, self.stage, self.order = corpus, reviewer, stage, order
        from litreview.screening.actions import review_reasons

        self.reasons = review_reasons(corpus)
        lanes = corpus.screening_lanes()
        found = standings(lanes)
        records: dict[str, Record] = {}
        texts: dict[str, str] = {}
        for paper in corpus.iter_papers():
            standing = found.get(paper.key)
            if stage == TITLE_ABSTRACT and standing is not None and standing.removed_by_rules:
                continue
            if stage == FULL_TEXT and (standing is None or not standing.passed_title_abstract):
                continue
            abstract = paper.abstract or paper.abstract_id or paper.abstract_en
            records[paper.key] = Record(
                key=paper.key, title=paper.title, authors="; ".join(p.display() for p in paper.authors),
                year=paper.year, venue=paper.journal, abstract=abstract,
                keywords=list(paper.keywords or paper.keywords_id or paper.keywords_en), entry_type=paper.entry_type,
                has_text=paper.pages_count > 0)
            texts[paper.key] = " ".join((paper.title, abstract, " ".join(records[paper.key].keywords)))
        self.records = records
        mine = sorted((lane for lane in lanes if lane.role == "reviewer" and lane.reviewer == reviewer
                       and lane.stage == stage and lane.key in records), key=lambda lane: lane.id)
        self.heads: dict[str, tuple[int, str, str]] = {lane.key: (lane.id, lane.decision, lane.reason) for lane in mine}
        self.ranker = Ranker(texts) if order == "ranked" else None
        for key, (_, decision, _) in self.heads.items():
            if self.ranker is not None:
                self.ranker.learn(key, decision)
        decided = [lane.key for lane in mine if lane.decision != "none"]
        self.sequence = decided + self._ordered([k for k in records if k not in set(decided)])
        self.undo_stack: list[_Done] = []
        saved, _ = corpus.screening_place(reviewer, stage)
        self.position = self.sequence.index(saved) if saved in self.sequence else len(decided)
        if self.position >= len(self.sequence):
            self.position = max(0, len(self.sequence) - 1)
        self._history = [(lane.id, lane.decision) for lane in mine]
        self._load_themes()

    # -- order ---------------------------------------------------------------------
    def _seed(self) -> str:
        return f"{self.reviewer}\0{self.stage}"

    def _ordered(self, keys: list[str]) -> list[str]:
        if self.order == "year":
            return sorted(keys, key=lambda k: (-(self.records[k].year or 0), k))
        if self.order == "title":
            return sorted(keys, key=lambda k: (self.records[k].title.casefold(), k))
        if self.ranker is not None:
            return self.ranker.rank(keys, self._seed())
        return shuffled(keys, self._seed())

    def _rerank_after(self, index: int) -> None:
        """Re-order the undecided records after ``index`` (the model has learnt something)."""
        if self.ranker is None:
            return
        tail = self.sequence[index + 1:]
        undecided = [k for k in tail if self.decision_of(k)[0] == "none"]
        decided = [k for k in tail if self.decision_of(k)[0] != "none"]
        self.sequence[index + 1:] = decided + self.ranker.rank(undecided, self._seed())

    def _load_themes(self) -> None:
        themes: dict[str, set[str]] = {}
        matched: dict[str, set[str]] = {}
        for key, evidence in self.corpus.evidence_rows(level="mentioned"):
            if key in self.records:
                themes.setdefault(key, set()).add(evidence.theme)
                matched.setdefault(key, set()).update(m.text for m in evidence.matches if m.text.strip())
        for key, record in self.records.items():
            record.themes = sorted(themes.get(key, ()))
            record.evidence_words = sorted(matched.get(key, ()), key=lambda w: (-len(w), w.casefold()))

    # -- reading -------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        return not self.sequence

    def current(self) -> Record | None:
        return self.records[self.sequence[self.position]] if self.sequence else None

    def decision_of(self, key: str) -> tuple[str, str]:
        _, decision, reason = self.heads.get(key, (0, "none", ""))
        return decision, reason

    def progress(self) -> Progress:
        decided = [d for _, d, _ in self.heads.values() if d != "none"]
        run = 0
        for _, decision in reversed(self._history):
            if decision == "include":
                break
            if decision == "exclude":
                run += 1
        return Progress(records=len(self.records), screened=len(decided), included=decided.count("include"),
                        excluded=decided.count("exclude"), maybe=decided.count("maybe"), excludes_since_include=run)

    def why(self, key: str) -> list[str]:
        """The words that brought ``key`` up (ranked order, once something is included)."""
        return self.ranker.shared_terms(key) if self.ranker is not None else []

    # -- moving --------------------------------------------------------------------
    def move(self, step: int) -> None:
        if self.sequence:
            self.position = max(0, min(len(self.sequence) - 1, self.position + step))
            self.save_place()

    def find(self, text: str) -> bool:
        """Move to the next record (after this one, wrapping) whose key, title, authors, venue,
        abstract or keywords hold ``text`` (any case); False when none does."""
        wanted = text.strip().casefold()
        if not wanted or not self.sequence:
            return False
        count = len(self.sequence)
        for step in range(1, count + 1):
            index = (self.position + step) % count
            if wanted in self.records[self.sequence[index]].text().casefold():
                self.position = index
                self.save_place()
                return True
        return False

    def save_place(self) -> None:
        """Remember the record on screen; quietly skipped when another writer holds the lock long."""
        from litreview.store import now

        record = self.current()
        try:
            with self.corpus.transaction(wait=2.0):
                self.corpus.save_screening_place(self.reviewer, self.stage, record.key if record else None,
                                                 self.order, now())
        except LitreviewError:
            pass

    # -- deciding ------------------------------------------------------------------
    def reason_number(self, number: int) -> str:
        if not 1 <= number <= len(self.reasons):
            raise ValidationError(tr("no reason {number}; the list has {n}", number=number, n=len(self.reasons)))
        return self.reasons[number - 1]

    def decide(self, decision: str, reason: str = "") -> None:
        """Record the reviewer's ``decision`` on the record on screen, then move to the next."""
        record = self.current()
        if record is None:
            return
        check_reason(self.stage, decision, reason, record.key)
        self._write(record.key, decision, reason, "screen")
        self._rerank_after(self.position)
        self.move(1)

    def undo(self) -> str | None:
        """Take back this session's last decision (the lane gets its earlier decision again) and go
        back to that record; the key, or None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        done = self.undo_stack[-1]
        _, decision, reason = done.before
        self._write(done.key, decision, reason, "undo", expected=done.row, remember=False)
        self.undo_stack.pop()
        if done.key in self.sequence:
            self.position = self.sequence.index(done.key)
        self.save_place()
        return done.key

    def _write(self, key: str, decision: str, reason: str, source: str, expected: int | None = None,
               remember: bool = True) -> None:
        from litreview.store import now

        before = self.heads.get(key, (0, "none", ""))
        expect = before[0] if expected is None else expected
        try:
            with self.corpus.transaction():
                row = self.corpus.record_decisions(
                    [NewDecision(key, self.stage, decision, self.reviewer, reason, "reviewer", source, expect)],
                    now())[0]
                self.corpus.save_screening_place(self.reviewer, self.stage, key, self.order, now())
        except EditConflict:
            self._refresh(key)
            raise
        if self.ranker is not None:
            self.ranker.forget(key, before[1])
            self.ranker.learn(key, decision)
        self.heads[key] = (row, decision, reason)
        self._history.append((row, decision))
        if remember:
            self.undo_stack.append(_Done(key, row, before, (decision, reason)))

    def _refresh(self, key: str) -> None:
        """Take the lane's head as it is now (another session wrote it)."""
        head = self.corpus.lane_head(key, self.stage, self.reviewer)
        if self.ranker is not None:
            self.ranker.forget(key, self.heads.get(key, (0, "none", ""))[1])
            self.ranker.learn(key, head[1])
        self.heads[key] = head
        self.undo_stack = [d for d in self.undo_stack if d.key != key]


def highlight_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of ``words`` in ``text`` (any case), not overlapping."""
    spans: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for word in words:
        pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
        for found in pattern.finditer(text):
            if not any(taken[found.start():found.end()]):
                spans.append((found.start(), found.end()))
                for i in range(found.start(), found.end()):
                    taken[i] = True
    return sorted(spans)
