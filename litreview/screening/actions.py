"""Screening on a corpus: checking and recording decisions, the reasons list, the papers in scope.

These are the core functions behind `litreview screen`'s batch options (and the terminal screen):
each checks everything first and writes in one transaction, or raises and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from litreview.errors import ValidationError
from litreview.i18n import tr
from litreview.screening.decisions import (
    FULL_TEXT,
    TITLE_ABSTRACT,
    Standing,
    check_reason,
    reasons_of,
    resolve_reason,
    standings,
)
from litreview.store_screening import NewDecision

if TYPE_CHECKING:
    from litreview.store import Corpus


def review_reasons(corpus: Corpus) -> list[str]:
    return reasons_of(corpus.stored_screening_reasons())


def add_reasons(corpus: Corpus, new: list[str]) -> list[str]:
    """Append reasons the list lacks (the defaults are kept when the list was never set); the list."""
    with corpus.transaction():
        reasons = review_reasons(corpus)
        known = {r.casefold() for r in reasons}
        for reason in (" ".join(r.split()) for r in new):
            if not reason:
                raise ValidationError(tr("an exclusion reason cannot be empty"))
            if reason.casefold() not in known:
                reasons.append(reason)
                known.add(reason.casefold())
        corpus.set_screening_reasons(reasons)
    return reasons


def replace_reasons(corpus: Corpus, reasons: list[str], where: str) -> list[str]:
    cleaned = list(dict.fromkeys(" ".join(r.split()) for r in reasons if r.strip()))
    if not cleaned:
        raise ValidationError(tr("{where}: no reasons in it; write one reason per line", where=where))
    with corpus.transaction():
        corpus.set_screening_reasons(cleaned)
    return cleaned


def corpus_standings(corpus: Corpus) -> dict[str, Standing]:
    return standings(corpus.screening_lanes())


def included_scope(corpus: Corpus) -> tuple[set[str], int] | None:
    """(keys of the papers included so far, papers in the corpus) once any paper has a screening
    decision; None before (every paper is in scope)."""
    if not corpus.screening_started():
        return None
    found = corpus_standings(corpus)
    return {k for k, s in found.items() if s.included}, corpus.count()


@dataclass
class Decided:
    written: int  # decisions recorded
    unchanged: int  # keys whose lane already held that decision


def decide(corpus: Corpus, keys: list[str], decision: str, stage: str, reviewer: str, reason: str = "",
           source: str = "batch", final: bool = False) -> Decided:
    """Record ``decision`` on ``keys`` by ``reviewer`` at ``stage`` (``final``: as the resolution
    of the paper, which overrules the reviewers and the rules). Checks first: every key exists, the
    reason is the review's (by number or words) and allowed, a full-text decision only for papers
    that passed title-abstract screening."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise ValidationError(tr("no keys given"))
    with corpus.transaction():
        reasons = review_reasons(corpus)
        chosen = resolve_reason(reason, reasons, "--reason") if reason else ""
        check_reason(stage, decision, chosen, f"{decision} {keys[0]}")
        for key in keys:
            if not corpus.key_exists(key):
                corpus.get(key)  # NotFound naming close keys
        if stage == FULL_TEXT:
            check_passed(corpus_standings(corpus), keys)
        role = "final" if final else "reviewer"
        new, same = [], 0
        for key in keys:
            _, current, current_reason = corpus.lane_head(key, stage, reviewer, role)
            if (current, current_reason) == (decision, chosen):
                same += 1
                continue
            new.append(NewDecision(key, stage, decision, reviewer, chosen, role, source))
        corpus.record_decisions(new, _now())
    return Decided(len(new), same)


def check_passed(found: dict[str, Standing], keys: list[str]) -> None:
    """Full-text decisions are for papers included (or kept as maybe) at title-abstract."""
    waiting = [k for k in keys if not (k in found and found[k].passed_title_abstract)]
    if waiting:
        more = tr(" and {n} more", n=len(waiting) - 1) if len(waiting) > 1 else ""
        raise ValidationError(tr("{key}{more}: not included at title-abstract screening; decide it there first (or "
                                 "resolve its conflict)", key=waiting[0], more=more))


def _now() -> str:
    from litreview.store import now

    return now()


__all__ = ["TITLE_ABSTRACT", "FULL_TEXT", "decide", "included_scope", "review_reasons"]
