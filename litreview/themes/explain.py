"""Why a paper does or does not discuss a theme: its sentences, their weights, the bar, what was missing.

``explain_decision`` turns a stored tag (or its absence) and the codebook's rule into plain data
that ``litreview tags KEY --why THEME`` prints or writes as JSON.
"""

from __future__ import annotations

from typing import Any

from litreview.model import Tag
from litreview.themes.codebook import Codebook


def explain_decision(book: Codebook, theme_id: str, tag: Tag | None, words: int, tagged: bool = True
                     ) -> dict[str, Any]:
    """The decision on ``theme_id`` for a paper of ``words`` words, given its stored ``tag``."""
    theme = book.theme(theme_id)
    assert theme is not None
    rule = theme.threshold
    bar = tag.threshold if tag is not None and tag.origin == "auto" else round(rule.required(words), 3)
    found = tag.evidence if tag is not None else []
    evidence: list[dict[str, Any]] = [
        {"sentence": " ".join(e.sentence.split()), "place": e.place or "body", "cites": e.cites, "score": e.score,
         "weight": e.weight, "counts": e.counts, "terms": sorted({m.text for m in e.matches}, key=str.casefold),
         "section": e.section, "page": e.page, "field": e.field}
        for e in found
    ]
    score = round(sum(e.counts for e in found), 3)
    strongest = max((e.counts for e in found), default=0.0)
    out: dict[str, Any] = {
        "theme": theme_id, "tagged": tagged, "words": words, "bar": bar,
        "rule": {"min_score": rule.min_score, "reference_words": rule.reference_words,
                 "length_exponent": rule.length_exponent, "min_sentences": rule.min_sentences,
                 "single": rule.single, "per_1000_words": rule.per_1000_words},
        "score": score, "sentences": len(evidence), "strongest": strongest, "evidence": evidence,
    }
    if not tagged:
        out.update(decision="not tagged", reason="the paper has not been tagged yet; run `litreview tag`",
                   missing="")
        return out
    if tag is not None and tag.origin == "manual":
        out.update(decision="discussed" if tag.assigned else "removed",
                   reason="decided by hand (`litreview tag add/remove`); re-tagging keeps it",
                   missing="")
        return out
    enough_total = score >= bar - 1e-9 and len(evidence) >= rule.min_sentences
    enough_one = bool(rule.single) and strongest >= rule.single - 1e-9
    if tag is not None and tag.assigned:
        reasons = []
        if enough_total:
            reasons.append(f"its {len(evidence)} sentences count {score:g}, at least the bar of {bar:g}")
        if enough_one:
            reasons.append(f"one sentence alone counts {strongest:g}, at least {rule.single:g}")
        out.update(decision="discussed", reason="; and ".join(reasons) or "discussed", missing="")
        return out
    if not evidence:
        out.update(decision="absent", reason="no sentence of the paper matches the theme's terms",
                   missing=f"a sentence counting {rule.single:g}, or sentences adding up to {bar:g}"
                   if rule.single else f"sentences adding up to {bar:g}")
        return out
    missing = [f"{max(bar - score, 0):.3g} more in all" + (
        f" (and {rule.min_sentences - len(evidence)} more sentence(s))" if len(evidence) < rule.min_sentences else "")]
    if rule.single:
        missing.append(f"or one sentence counting {rule.single:g} (the strongest counts {strongest:g})")
    out.update(decision="mentioned",
               reason=f"its {len(evidence)} sentence(s) count {score:g}, under the bar of {bar:g}",
               missing=", ".join(missing))
    return out
