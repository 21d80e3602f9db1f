"""What the screening decisions add up to: each paper's standing at each stage, conflicts between
reviewers, agreement (Cohen's kappa) and the papers a review includes. Pure: lanes in, answers out.

A paper's final decision at a stage, in this order: the final word (``screen --resolve``); at
title-abstract, an exclusion by the rules (``screen --rules``); else the reviewers' current
decisions when they agree (one reviewer alone decides), a *conflict* when they differ, nothing when
nobody decided. "maybe" at title-abstract sends the record on to full text (unsure records are read
in full); "maybe" at full text is a decision still to make.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from litreview.errors import UsageError, ValidationError
from litreview.i18n import tr
from litreview.store_screening import LaneDecision

TITLE_ABSTRACT = "title-abstract"
FULL_TEXT = "full-text"
STAGES = (TITLE_ABSTRACT, FULL_TEXT)
_STAGE_NAMES = {"title-abstract": TITLE_ABSTRACT, "ta": TITLE_ABSTRACT, "title": TITLE_ABSTRACT,
                "abstract": TITLE_ABSTRACT, "full-text": FULL_TEXT, "ft": FULL_TEXT, "fulltext": FULL_TEXT,
                "full": FULL_TEXT}
DECISIONS = ("include", "exclude", "maybe")
_DECISION_NAMES = {"include": "include", "i": "include", "in": "include", "exclude": "exclude", "e": "exclude",
                   "ex": "exclude", "maybe": "maybe", "m": "maybe", "?": "maybe"}
CONFLICT = "conflict"
REVIEWER_ENV = "LITREVIEW_REVIEWER"

DEFAULT_REASONS = [
    "off topic",
    "wrong population or setting",
    "wrong study design",
    "wrong publication type",
    "outside the review's years",
    "language",
    "full text not retrieved",
    "duplicate missed by de-duplication",
    "other",
]
# A full-text exclusion with one of these reasons is a report not retrieved, not a report assessed.
NOT_RETRIEVED = ("full text not retrieved", "teks lengkap tidak diperoleh")


def parse_stage(value: str) -> str:
    found = _STAGE_NAMES.get(value.strip().casefold())
    if found is None:
        raise UsageError(tr("--stage {value}: choose title-abstract (ta) or full-text (ft)", value=repr(value)))
    return found


def parse_decision(value: str, where: str = "decision") -> str:
    found = _DECISION_NAMES.get(value.strip().casefold())
    if found is None:
        raise ValidationError(tr("{where}: {value} is not a decision; write include, exclude or maybe (i, e, m)",
                                 where=where, value=repr(value)))
    return found


def reviewer_name(given: str | None) -> str:
    """--reviewer, else $LITREVIEW_REVIEWER, else the login name."""
    name = (given if given is not None else os.environ.get(REVIEWER_ENV, "")).strip()
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = "reviewer"
    if len(name) > 60 or any(c in name for c in ",\n\r\t") or not name.isprintable():
        raise UsageError(tr("reviewer {name}: give a short name without commas (--reviewer NAME or ${env})",
                            name=repr(name), env=REVIEWER_ENV))
    return name


def is_not_retrieved(reason: str) -> bool:
    return reason.strip().casefold() in NOT_RETRIEVED


def reasons_of(stored: list[str]) -> list[str]:
    """The review's list: the stored one, or the defaults until one is set."""
    return list(stored) if stored else list(DEFAULT_REASONS)


def resolve_reason(value: str, reasons: list[str], where: str = "reason") -> str:
    """A reason given as its number in the list or its words (any case); else a ValidationError
    that lists the reasons."""
    text = value.strip()
    if not text:
        return ""
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(reasons):
            return reasons[number - 1]
    for reason in reasons:
        if reason.casefold() == text.casefold():
            return reason
    listed = "; ".join(f"{n} {r}" for n, r in enumerate(reasons, start=1))
    raise ValidationError(tr("{where}: {value} is not one of the review's reasons ({listed}); add it with "
                             "`litreview screen --add-reason TEXT`", where=where, value=repr(value), listed=listed))


def check_reason(stage: str, decision: str, reason: str, where: str) -> None:
    """A full-text exclusion needs a reason; a reason goes only with an exclusion."""
    if stage == FULL_TEXT and decision == "exclude" and not reason:
        raise ValidationError(tr("{where}: a full-text exclusion needs a reason (--reason, a number or the words)",
                                 where=where))
    if reason and decision != "exclude":
        raise ValidationError(tr("{where}: a reason goes with an exclusion, not with {decision}", where=where,
                                 decision=decision))


@dataclass
class StageStanding:
    """A paper at one stage: the final decision ("include", "exclude", "maybe", CONFLICT or "")
    with its reason and how it was reached, and each reviewer's current (decision, reason)."""

    decision: str = ""
    reason: str = ""
    how: str = ""  # "resolved", "rules", "agreed", "single", ""
    reviewers: dict[str, tuple[str, str]] = field(default_factory=dict)
    rules: tuple[str, str] | None = None  # the rules' (decision, reason), even when overruled


@dataclass
class Standing:
    key: str
    stages: dict[str, StageStanding] = field(default_factory=dict)

    def at(self, stage: str) -> StageStanding:
        return self.stages.get(stage) or StageStanding()

    @property
    def removed_by_rules(self) -> bool:
        return self.at(TITLE_ABSTRACT).how == "rules"

    @property
    def passed_title_abstract(self) -> bool:
        return self.at(TITLE_ABSTRACT).decision in ("include", "maybe")

    @property
    def included(self) -> bool:
        """Included so far: at full text, or at title-abstract with no full-text decision yet."""
        full = self.at(FULL_TEXT).decision if self.passed_title_abstract else ""
        if full in ("include", "exclude", "maybe"):
            return full == "include"
        return self.at(TITLE_ABSTRACT).decision == "include"


def standings(lanes: Iterable[LaneDecision]) -> dict[str, Standing]:
    """Every paper with a decision (withdrawn ones aside), by key."""
    grouped: dict[tuple[str, str], list[LaneDecision]] = {}
    for lane in lanes:
        grouped.setdefault((lane.key, lane.stage), []).append(lane)
    out: dict[str, Standing] = {}
    for (key, stage), found in grouped.items():
        standing = _stage_standing(stage, found)
        if standing.decision or standing.reviewers or standing.rules:
            out.setdefault(key, Standing(key)).stages[stage] = standing
    return out


def _stage_standing(stage: str, lanes: list[LaneDecision]) -> StageStanding:
    out = StageStanding()
    final = None
    for lane in lanes:
        if lane.decision == "none":
            continue
        if lane.role == "reviewer":
            out.reviewers[lane.reviewer] = (lane.decision, lane.reason)
        elif lane.role == "rules" and stage == TITLE_ABSTRACT:
            out.rules = (lane.decision, lane.reason)
        elif lane.role == "final":
            final = lane
    if final is not None:
        out.decision, out.reason, out.how = final.decision, final.reason, "resolved"
    elif out.rules is not None and out.rules[0] == "exclude":
        out.decision, out.reason, out.how = "exclude", out.rules[1], "rules"
    elif out.reviewers:
        decisions = {d for d, _ in out.reviewers.values()}
        if len(decisions) == 1:
            out.decision = decisions.pop()
            reasons = sorted({r for _, r in out.reviewers.values() if r})
            out.reason = reasons[0] if len(reasons) == 1 else "; ".join(reasons)
            out.how = "single" if len(out.reviewers) == 1 else "agreed"
        else:
            out.decision = CONFLICT
    return out


@dataclass
class Conflict:
    key: str
    stage: str
    reviewers: dict[str, tuple[str, str]]


def conflicts(found: dict[str, Standing], stage: str | None = None) -> list[Conflict]:
    """Papers whose reviewers disagree and nobody resolved, by stage then key."""
    out = []
    for wanted in (stage,) if stage else STAGES:
        for key in sorted(found):
            at = found[key].at(wanted)
            if at.decision == CONFLICT:
                out.append(Conflict(key, wanted, dict(sorted(at.reviewers.items()))))
    return out


def included_keys(found: dict[str, Standing]) -> set[str]:
    return {key for key, standing in found.items() if standing.included}


@dataclass
class Agreement:
    stage: str
    first: str
    second: str
    papers: int  # decided by both
    agreed: int
    kappa: float | None  # None when chance agreement is total (both always gave one answer)

    @property
    def observed(self) -> float:
        return self.agreed / self.papers if self.papers else 0.0


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels: (observed - chance) / (1 - chance)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    labels = {a for a, _ in pairs} | {b for _, b in pairs}
    chance = sum((sum(a == x for a, _ in pairs) / n) * (sum(b == x for _, b in pairs) / n) for x in labels)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1 - chance)


def agreement(lanes: Iterable[LaneDecision]) -> list[Agreement]:
    """Per stage and pair of reviewers: the papers both decided (include, exclude or maybe, as
    each decided it, before any resolution), how many alike, and Cohen's kappa."""
    votes: dict[str, dict[str, dict[str, str]]] = {}  # stage -> reviewer -> key -> decision
    for lane in lanes:
        if lane.role == "reviewer" and lane.decision != "none":
            votes.setdefault(lane.stage, {}).setdefault(lane.reviewer, {})[lane.key] = lane.decision
    out = []
    for stage in STAGES:
        names = sorted(votes.get(stage, {}))
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                a, b = votes[stage][first], votes[stage][second]
                pairs = [(a[k], b[k]) for k in sorted(set(a) & set(b))]
                out.append(Agreement(stage, first, second, len(pairs), sum(x == y for x, y in pairs),
                                     cohen_kappa(pairs)))
    return out
