"""The screening part of the corpus store: decisions, the review's exclusion reasons, places.

``Corpus`` (``store.py``) mixes this in; like ``store.py``, it is a module that speaks SQL, and
nothing else does. Decisions are never updated or deleted: every decision, change, undo and
resolution is a new row, so the whole history stays. A *lane* is one voice on one paper at one
stage: a reviewer (one lane per reviewer), the rules (``screen --rules``) or the final word
(``screen --resolve``); a lane's current decision is its newest row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from litreview.errors import EditConflict
from litreview.i18n import tr

# One migration, kept whole here so that it can be renumbered without touching anything else.
SCREENING_MIGRATION = """
CREATE TABLE screening_decisions (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    stage TEXT NOT NULL CHECK (stage IN ('title-abstract', 'full-text')),
    decision TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe', 'none')),
    reason TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'rules', 'final')),
    source TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL
);
CREATE INDEX screening_decisions_lane ON screening_decisions(paper_id, stage, role, reviewer);
CREATE TABLE screening_reasons (
    ord INTEGER PRIMARY KEY,
    reason TEXT NOT NULL UNIQUE
);
CREATE TABLE screening_places (
    reviewer TEXT NOT NULL,
    stage TEXT NOT NULL,
    paper_id INTEGER REFERENCES papers(id) ON DELETE SET NULL,
    ord TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (reviewer, stage)
);
"""

# The newest row of every lane: reviewers' lanes are told apart by name, the rules' and the final one are one each.
_LANE = "paper_id, stage, role, CASE WHEN role = 'reviewer' THEN reviewer ELSE '' END"


@dataclass(frozen=True)
class LaneDecision:
    """The current decision of one lane (``decision`` "none": withdrawn, as after an undo)."""

    id: int  # the row: a later write to the lane has a higher one
    key: str
    stage: str
    role: str  # "reviewer", "rules" or "final"
    reviewer: str
    decision: str
    reason: str
    decided_at: str
    source: str = ""


@dataclass(frozen=True)
class NewDecision:
    """A decision to record. ``expected``: the lane's newest row id the caller saw (0: none), to
    refuse the write when another session changed the lane meanwhile; None: no check."""

    key: str
    stage: str
    decision: str
    reviewer: str
    reason: str = ""
    role: str = "reviewer"
    source: str = ""
    expected: int | None = None


class ScreeningStore:
    """Screening decisions, reasons and places (mixed into ``Corpus``)."""

    if TYPE_CHECKING:
        db: sqlite3.Connection

        def _paper_id(self, key: str) -> int: ...

        def transaction(self, wait: float | None = None) -> AbstractContextManager[None]: ...

    def screening_lanes(self, stage: str | None = None) -> list[LaneDecision]:
        """Every lane's current decision, by paper key, stage, role and reviewer."""
        where = "WHERE stage = ?" if stage else ""
        rows = self.db.execute(
            "SELECT d.id, p.key, d.stage, d.role, d.reviewer, d.decision, d.reason, d.decided_at, d.source"
            " FROM screening_decisions d JOIN papers p ON p.id = d.paper_id"
            f" WHERE d.id IN (SELECT MAX(id) FROM screening_decisions {where} GROUP BY {_LANE})"
            " ORDER BY p.key, d.stage, d.role, d.reviewer",
            (stage,) if stage else (),
        )
        return [LaneDecision(*r) for r in rows]

    def screening_started(self) -> bool:
        """Has any paper a screening decision (withdrawn ones aside)?"""
        return self.db.execute(
            "SELECT 1 FROM screening_decisions WHERE decision != 'none'"
            f" AND id IN (SELECT MAX(id) FROM screening_decisions GROUP BY {_LANE}) LIMIT 1"
        ).fetchone() is not None

    def lane_head(self, key: str, stage: str, reviewer: str, role: str = "reviewer") -> tuple[int, str, str]:
        """(newest row id or 0, decision or "none", reason) of one lane."""
        who = " AND reviewer = ?" if role == "reviewer" else ""
        row = self.db.execute(
            "SELECT id, decision, reason FROM screening_decisions WHERE paper_id = ? AND stage = ? AND role = ?"
            + who + " ORDER BY id DESC LIMIT 1",
            (self._paper_id(key), stage, role, *((reviewer,) if role == "reviewer" else ())),
        ).fetchone()
        return (int(row[0]), row[1], row[2]) if row else (0, "none", "")

    def record_decisions(self, decisions: list[NewDecision], stamp: str) -> list[int]:
        """Append ``decisions`` (call inside a transaction); the new row ids. A decision whose
        ``expected`` head is no longer the lane's raises EditConflict and nothing is written."""
        ids = []
        for new in decisions:
            paper_id = self._paper_id(new.key)
            if new.expected is not None:
                head, _, _ = self.lane_head(new.key, new.stage, new.reviewer, new.role)
                if head != new.expected:
                    raise EditConflict(tr("{key}: its {stage} decision was changed by another litreview session of "
                                          "{reviewer} meanwhile; look again before deciding", key=new.key,
                                          stage=new.stage, reviewer=new.reviewer))
            cursor = self.db.execute(
                "INSERT INTO screening_decisions"
                " (paper_id, stage, decision, reason, reviewer, role, source, decided_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (paper_id, new.stage, new.decision, new.reason, new.reviewer, new.role, new.source, stamp),
            )
            ids.append(int(cursor.lastrowid or 0))
        return ids

    def decision_history(self, key: str | None = None) -> Iterator[dict[str, Any]]:
        """Every decision row, oldest first (of one paper with ``key``)."""
        where, params = ("WHERE d.paper_id = ?", (self._paper_id(key),)) if key else ("", ())
        cursor = self.db.execute(
            "SELECT d.id, p.key, d.stage, d.role, d.reviewer, d.decision, d.reason, d.source, d.decided_at"
            f" FROM screening_decisions d JOIN papers p ON p.id = d.paper_id {where} ORDER BY d.id", params)
        while batch := cursor.fetchmany(500):
            for r in batch:
                yield dict(zip(("id", "key", "stage", "role", "reviewer", "decision", "reason", "source",
                                "decided_at"), r, strict=True))

    # -- reasons -------------------------------------------------------------------
    def stored_screening_reasons(self) -> list[str]:
        """The review's exclusion reasons, in order (empty: none set yet)."""
        return [r[0] for r in self.db.execute("SELECT reason FROM screening_reasons ORDER BY ord")]

    def set_screening_reasons(self, reasons: list[str]) -> None:
        """Replace the list (call inside a transaction)."""
        self.db.execute("DELETE FROM screening_reasons")
        self.db.executemany("INSERT INTO screening_reasons (ord, reason) VALUES (?, ?)",
                            list(enumerate(reasons, start=1)))

    # -- where each reviewer left off ----------------------------------------------
    def screening_place(self, reviewer: str, stage: str) -> tuple[str | None, str]:
        """(key of the record the reviewer last had on screen, or None; the order they used)."""
        row = self.db.execute(
            "SELECT p.key, s.ord FROM screening_places s LEFT JOIN papers p ON p.id = s.paper_id"
            " WHERE s.reviewer = ? AND s.stage = ?", (reviewer, stage)).fetchone()
        return (row[0], row[1]) if row else (None, "")

    def save_screening_place(self, reviewer: str, stage: str, key: str | None, order: str, stamp: str) -> None:
        """Remember the record on screen (call inside a transaction)."""
        paper_id = self._paper_id(key) if key else None
        self.db.execute(
            "INSERT OR REPLACE INTO screening_places (reviewer, stage, paper_id, ord, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (reviewer, stage, paper_id, order, stamp))

    def _move_screening(self, kept_id: int, other_ids: list[int]) -> None:
        """Merging papers: the others' decisions join the kept paper's history (a lane's newest row
        still wins); places on the others move to it."""
        marks = ",".join("?" * len(other_ids))
        self.db.execute(f"UPDATE screening_decisions SET paper_id = ? WHERE paper_id IN ({marks})",
                        [kept_id, *other_ids])
        self.db.execute(f"UPDATE screening_places SET paper_id = ? WHERE paper_id IN ({marks})",
                        [kept_id, *other_ids])
