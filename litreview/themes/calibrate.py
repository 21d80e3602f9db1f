"""Choosing the tagger's decision rule from coded texts, by cross-validation.

The tagger finds evidence sentences; the decision rule says when they add up to a theme the
text *discusses* (see ``Threshold`` and ``Salience``). Its parameters are few:

- ``strength``: how much a sentence's place matters. A place's weight is
  ``1 + strength * (PRIOR[place] - 1)``: 0 makes every place count alike, 1 gives the
  prior weights (a title or heading twice a body sentence, a literature-review sentence half).
- ``cites``: what a sentence reporting another work's claim counts for (times its place weight).
- ``min_score``: the bar for a text of up to ``reference_words`` words.
- ``length_exponent``: how the bar grows beyond that (0: a fixed bar; 0.5: with the square root).
- ``min_sentences``: how many distinct sentences a discussed theme needs.

``cross_validate`` chooses them on k-1 folds of texts and predicts the held-out fold, so every
text is judged by a rule that never saw it; the figures it gives are what a user can expect on
texts like these. ``fit`` chooses them on all texts: what a codebook ships with.

Everything here is pure: texts come in as taggings, gold as sets of theme ids.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product

from litreview.model import Tagging
from litreview.themes.codebook import PLACES, SHORTEST, Salience, Threshold

# How much a place says that the paper itself makes a point about the theme (before ``strength``).
PRIOR: dict[str, float] = {
    "title": 2.0, "keywords": 2.0, "heading": 2.0,
    "abstract": 1.5, "lead": 1.5, "point": 1.5, "conclusion": 1.5,
    "body": 1.0, "review": 0.5,
}
assert set(PRIOR) == set(PLACES)


@dataclass(frozen=True, order=True)
class Rule:
    """One setting of the decision rule's parameters."""

    min_score: float = 2.0
    length_exponent: float = 0.5
    strength: float = 1.0
    cites: float = 0.75
    min_sentences: int = 1
    single: float = 0.0  # one sentence counting this much shows the theme on its own (0: off)
    reference_words: int = 300

    def place_weight(self, place: str) -> float:
        return round(1 + self.strength * (PRIOR.get(place, 1.0) - 1), 4)

    def salience(self) -> Salience:
        return Salience(places=tuple((p, self.place_weight(p)) for p in PLACES), cites=self.cites)

    def threshold(self) -> Threshold:
        return Threshold(min_sentences=self.min_sentences, min_score=self.min_score, per_1000_words=0.0,
                         reference_words=self.reference_words, length_exponent=self.length_exponent,
                         single=self.single)

    def bar(self, words: int) -> float:
        """``Threshold.required`` for this rule (computed here: it is called for every case)."""
        return self.min_score * (max(words, SHORTEST) / self.reference_words) ** self.length_exponent

    def describe(self) -> str:
        sentences = f"at least {self.min_sentences} sentence{'s' if self.min_sentences > 1 else ''}"
        text = (f"bar {self.min_score:g} x (words/{self.reference_words})^{self.length_exponent:g}; "
                f"place strength {self.strength:g}; citing sentences x{self.cites:g}; {sentences}")
        return text + (f"; or one sentence counting {self.single:g}" if self.single else "")


@dataclass(frozen=True)
class Case:
    """One theme's evidence in one text, summed so any rule can be applied in constant time.

    ``plain`` and ``plain_lift`` are the sentence scores and the scores times (prior - 1) of
    sentences that cite no other work; ``cited`` and ``cited_lift`` the same for those that do.
    A rule's weighted score is ``plain + s * plain_lift + c * (cited + s * cited_lift)``.
    """

    theme: str
    words: int
    sentences: int
    plain: float
    plain_lift: float
    cited: float
    cited_lift: float
    each: tuple[tuple[float, float, bool], ...] = ()  # every sentence: (score, score x lift, cites)

    def score(self, rule: Rule) -> float:
        cited = self.cited + rule.strength * self.cited_lift
        return self.plain + rule.strength * self.plain_lift + rule.cites * cited

    def best(self, rule: Rule) -> float:
        """What the strongest single sentence counts for under ``rule``."""
        weights = ((score + rule.strength * lift) * (rule.cites if cites else 1.0) for score, lift, cites in self.each)
        return max(weights, default=0.0)

    def discussed(self, rule: Rule) -> bool:
        if self.sentences >= rule.min_sentences and self.score(rule) >= rule.bar(self.words) - 1e-9:
            return True
        return bool(rule.single) and self.best(rule) >= rule.single - 1e-9


@dataclass
class Text:
    """A coded text: its cases (themes with evidence), and the themes coders found."""

    id: str
    kind: str  # "abstract", "short", "long"
    cases: list[Case]
    present: frozenset[str]
    unsure: frozenset[str] = frozenset()
    lang: str = "id"
    offtopic: bool = False
    words: int = 0

    def predict(self, rule: Rule) -> set[str]:
        return {c.theme for c in self.cases if c.discussed(rule)}


def cases_of(tagging: Tagging) -> list[Case]:
    """The evidence summaries of a tagging (any salience it was made with is ignored)."""
    out = []
    for tag in tagging.tags:
        if tag.origin != "auto" or not tag.evidence:
            continue
        plain = plain_lift = cited = cited_lift = 0.0
        each = []
        for e in tag.evidence:
            lift = PRIOR.get(e.place or "body", 1.0) - 1
            each.append((e.score, e.score * lift, e.cites))
            if e.cites:
                cited += e.score
                cited_lift += e.score * lift
            else:
                plain += e.score
                plain_lift += e.score * lift
        out.append(Case(tag.theme, tagging.words, len(tag.evidence), plain, plain_lift, cited, cited_lift,
                        tuple(each)))
    return out


def kind_of(words: int) -> str:
    """Abstract-length (up to 350 words), short (up to 1,500) or long."""
    return "abstract" if words <= 350 else "short" if words <= 1500 else "long"


# -- figures ----------------------------------------------------------------------------------
@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set[str], text: Text, themes: Iterable[str] | None = None) -> None:
        wanted = set(themes) if themes is not None else None
        for theme in predicted | text.present:
            if theme in text.unsure or (wanted is not None and theme not in wanted):
                continue
            hit, gold = theme in predicted, theme in text.present
            self.tp += hit and gold
            self.fp += hit and not gold
            self.fn += gold and not hit


def count(predictions: dict[str, set[str]], texts: Sequence[Text], themes: Iterable[str] | None = None) -> Counts:
    out = Counts()
    for text in texts:
        out.add(predictions.get(text.id, set()), text, themes)
    return out


# -- choosing ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Grid:
    min_score: tuple[float, ...] = (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0)
    length_exponent: tuple[float, ...] = (0.25, 0.4, 0.5, 0.6, 0.75)  # a longer text needs more: never 0
    strength: tuple[float, ...] = (0.0, 0.5, 1.0, 1.5)
    cites: tuple[float, ...] = (0.5, 0.75, 1.0)
    min_sentences: tuple[int, ...] = (1, 2)
    single: tuple[float, ...] = (0.0, 2.0, 2.5, 3.0, 4.0)

    def rules(self) -> list[Rule]:
        return [Rule(m, e, s, c, n, one) for m, e, s, c, n, one in product(
            self.min_score, self.length_exponent, self.strength, self.cites, self.min_sentences, self.single)
            if not one or one < m]


def _objective(counts: Counts) -> float:
    """F1, with precision under 0.9 paid for: a wrong theme misleads a review more than a missed one."""
    return counts.f1 - max(0.0, 0.9 - counts.precision)


def fit(texts: Sequence[Text], grid: Grid | None = None) -> tuple[Rule, Counts]:
    """The rule that does best on ``texts`` (ties: the higher bar, then the simpler rule)."""
    best: tuple[float, Rule, Counts] | None = None
    for rule in (grid or Grid()).rules():
        counts = Counts()
        for text in texts:
            counts.add(text.predict(rule), text)
        value = round(_objective(counts), 6)
        key = (value, rule.min_score, -rule.strength, rule.cites, rule.min_sentences)
        if best is None or key > (best[0], best[1].min_score, -best[1].strength, best[1].cites,
                                  best[1].min_sentences):
            best = (value, rule, counts)
    assert best is not None
    return best[1], best[2]


@dataclass
class CrossValidation:
    predictions: dict[str, set[str]]  # text id -> themes, each predicted by a rule fitted without it
    rules: list[Rule] = field(default_factory=list)  # the rule each fold chose


def folds_of(texts: Sequence[Text], k: int, seed: int) -> list[list[Text]]:
    """``k`` folds, each with its share of every kind (abstract/short/long, English, off topic)."""
    rng = random.Random(seed)
    strata: dict[tuple[str, str, bool], list[Text]] = {}
    for text in sorted(texts, key=lambda t: t.id):
        strata.setdefault((text.kind, text.lang, text.offtopic), []).append(text)
    folds: list[list[Text]] = [[] for _ in range(k)]
    turn = 0
    for key in sorted(strata):
        group = strata[key]
        rng.shuffle(group)
        for text in group:
            folds[turn % k].append(text)
            turn += 1
    return folds


def cross_validate(texts: Sequence[Text], k: int = 5, seed: int = 0, grid: Grid | None = None) -> CrossValidation:
    """Out-of-fold predictions for every text."""
    folds = folds_of(texts, k, seed)
    out = CrossValidation(predictions={})
    for i, held in enumerate(folds):
        train = [t for j, fold in enumerate(folds) if j != i for t in fold]
        rule, _ = fit(train, grid)
        out.rules.append(rule)
        for text in held:
            out.predictions[text.id] = text.predict(rule)
    return out
