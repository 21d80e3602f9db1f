"""Do other decision levers beat the shipped rule on coded sets they were not fitted on?

    python benchmarks/levers_themes.py ../heldout{18..26}/themes.yaml
    python benchmarks/levers_themes.py ../heldout{18..26}/themes.yaml --test ../heldout27/themes.yaml

Each coded set (the development set and every held-out set given, with its texts in ``texts/``
beside its ``themes.yaml``) is left out in turn: a lever is fitted on the others and judged on
it, and the figures are summed over the sets. With ``--test``, every lever is fitted on all the
sets and measured once on that one. The levers act on the evidence the shipped tagger finds
(same sentences, same terms); only the decision changes:

- ``decisive terms``: a term that, on the fitting sets, stands in the evidence of texts the
  readers coded with its theme at least ``--reliable`` of the time (shrunk toward the theme's
  rate, over ``--min-texts`` texts or more) weighs 2, so one sentence naming it is enough;
- ``per-theme bars``: each theme's bar times the factor (0.5-1.5) that does best on the
  fitting sets, a wrong tag costing 1.5 found ones;
- ``title``: a theme named in the title, and in one more sentence, is discussed;
- ``second stage``: a logistic regression over each theme's evidence (score against the bar,
  sentences, strongest sentence, distinct terms, places, citing share, language, length, theme,
  the shipped decision), its cut chosen for F1 on the fitting sets.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval_themes import GOLD, _outside, roots  # noqa: E402

from litreview.themes.calibrate import Counts  # noqa: E402
from litreview.themes.codebook import Threshold, load_codebook  # noqa: E402
from litreview.themes.goldset import load_gold, read_texts  # noqa: E402
from litreview.themes.tagger import SENTENCE_CAP, Tagger  # noqa: E402

LEAD_PLACES = ("lead", "abstract", "keywords", "heading", "point")
FACTORS = (0.5, 0.6, 0.75, 0.9, 1.0, 1.25, 1.5)


@dataclass
class Sentence:
    terms: tuple[tuple[str, float], ...]  # distinct terms with their codebook weight
    score: float
    weight: float  # what its place makes it count for
    place: str
    cites: bool


@dataclass
class Coded:
    id: str
    words: int
    lang: str
    present: frozenset[str]
    unsure: frozenset[str]
    themes: dict[str, list[Sentence]]
    shipped: frozenset[str]


def collect(tagger: Tagger, pairs: list[Any]) -> list[Coded]:
    out = []
    for entry, paper in pairs:
        tagging = tagger.tag(paper)
        if tagging.words == 0:
            continue
        themes = {}
        for tag in tagging.tags:
            if tag.origin != "auto" or not tag.evidence:
                continue
            sentences = []
            for e in tag.evidence:
                terms: dict[str, float] = {}
                for m in e.matches:
                    terms[m.term] = max(terms.get(m.term, 0.0), m.weight)
                sentences.append(Sentence(tuple(sorted(terms.items())), e.score, e.weight, e.place, e.cites))
            themes[tag.theme] = sentences
        out.append(Coded(entry.name, tagging.words, entry.lang, frozenset(entry.present), frozenset(entry.unsure),
                         themes, frozenset(t.theme for t in tagging.tags if t.assigned)))
    return out


class Decider:
    """The shipped rule, with term weights and bars that a lever may change."""

    def __init__(self, thresholds: dict[str, Threshold]):
        self.thresholds = thresholds

    def discussed(self, text: Coded, theme: str, weights: dict[str, float] | None = None,
                  factor: float = 1.0) -> bool:
        bar = self.thresholds[theme]
        counts = []
        for s in text.themes[theme]:
            score = s.score if weights is None else round(
                min(SENTENCE_CAP, sum(weights.get(term, w) for term, w in s.terms)), 3)
            counts.append(score * s.weight)
        if len(counts) >= bar.min_sentences and round(sum(counts), 3) >= round(bar.required(text.words) * factor, 3):
            return True
        return bool(bar.single) and max(counts) >= bar.single

    def predict(self, text: Coded, weights: dict[str, float] | None = None,
                factors: dict[str, float] | None = None) -> set[str]:
        return {t for t in text.themes if self.discussed(text, t, weights, (factors or {}).get(t, 1.0))}


def tally(texts: list[Coded], predicted: dict[str, set[str]]) -> Counts:
    counts = Counts()
    for text in texts:
        for theme in predicted[text.id] | text.present:
            if theme in text.unsure:
                continue
            hit, gold = theme in predicted[text.id], theme in text.present
            counts.tp += hit and gold
            counts.fp += hit and not gold
            counts.fn += gold and not hit
    return counts


# -- the levers: each fits on coded texts and returns a predictor ------------------------------------
def decisive_terms(decider: Decider, train: list[Coded], reliable: float, min_texts: int) -> Any:
    texts_with: dict[tuple[str, str], int] = defaultdict(int)
    coded_with: dict[tuple[str, str], int] = defaultdict(int)
    weight: dict[tuple[str, str], float] = {}
    base: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for text in train:
        for theme, sentences in text.themes.items():
            if theme in text.unsure:
                continue
            gold = theme in text.present
            base[theme][0] += gold
            base[theme][1] += 1
            for term, w in {t: w for s in sentences for t, w in s.terms}.items():
                texts_with[theme, term] += 1
                coded_with[theme, term] += gold
                weight[theme, term] = w
    weights = {}
    for key, n in texts_with.items():
        prior = base[key[0]][0] / base[key[0]][1]
        shrunk = (coded_with[key] + 2 * prior) / (n + 2)
        if n >= min_texts and shrunk >= reliable and weight[key] < 2:
            weights[key[1]] = 2.0
    return lambda text: decider.predict(text, weights=weights)


def per_theme_bars(decider: Decider, train: list[Coded], cost: float = 1.5) -> Any:
    factors = {}
    for theme in {t for text in train for t in text.themes}:
        best: tuple[float, float] | None = None
        for factor in FACTORS:
            value = 0.0
            for text in train:
                if theme in text.themes and theme not in text.unsure and decider.discussed(text, theme, factor=factor):
                    value += 1.0 if theme in text.present else -cost
            if best is None or (value, factor) > best:
                best = (value, factor)
        assert best is not None
        factors[theme] = best[1]
    return lambda text: decider.predict(text, factors=factors)


def title_rule(decider: Decider, train: list[Coded]) -> Any:
    def predict(text: Coded) -> set[str]:
        out = decider.predict(text)
        for theme, sentences in text.themes.items():
            if any(s.place == "title" and s.score >= 1 for s in sentences) and sum(
                    s.place != "title" for s in sentences) >= 1:
                out.add(theme)
        return out
    return predict


def second_stage(decider: Decider, train: list[Coded], cut: float | None = None) -> Any:
    themes = sorted({t for text in train for t in text.themes})

    def features(text: Coded, theme: str) -> list[float]:
        sentences = text.themes[theme]
        scores = [s.score * s.weight for s in sentences]
        places = {s.place for s in sentences}
        bar = decider.thresholds[theme].required(text.words)
        return [math.log(max(sum(scores), 1e-3) / bar), math.log1p(len(sentences)), max(scores),
                math.log1p(len({t for s in sentences for t, _ in s.terms})), float("title" in places),
                float(bool(places & set(LEAD_PLACES))), float("conclusion" in places),
                sum(s.cites for s in sentences) / len(sentences), float(text.lang == "en"),
                math.log(text.words / 300), float(decider.discussed(text, theme))] + [float(theme == t) for t in themes]

    rows = [(features(text, theme), theme in text.present) for text in train for theme in text.themes
            if theme not in text.unsure]
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    mean, spread = x.mean(0), x.std(0) + 1e-9

    def design(m: Any) -> Any:
        return np.hstack([(m - mean) / spread, np.ones((len(m), 1))])

    z = design(x)
    w = np.zeros(z.shape[1])
    ridge = np.eye(len(w))
    ridge[-1, -1] = 0.0
    for _ in range(50):  # Newton steps, L2 penalty 1
        p = 1 / (1 + np.exp(-z @ w))
        step = np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + ridge, z.T @ (p - y) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    fitted = 1 / (1 + np.exp(-z @ w))
    best: tuple[float, float] | None = None
    for trial in np.arange(0.3, 0.8, 0.025):
        counts = Counts(int(((fitted >= trial) & (y == 1)).sum()), int(((fitted >= trial) & (y == 0)).sum()),
                        int(((fitted < trial) & (y == 1)).sum()))
        if best is None or counts.f1 > best[0]:
            best = (counts.f1, float(trial))
    assert best is not None
    chosen = best[1] if cut is None else cut

    def predict(text: Coded) -> set[str]:
        if not text.themes:
            return set()
        names = list(text.themes)
        p = 1 / (1 + np.exp(-design(np.array([features(text, t) for t in names])) @ w))
        return {t for t, q in zip(names, p, strict=True) if q >= chosen}
    return predict


def left_out_in_turn(sets: dict[str, list[Coded]], fit: Any) -> Counts:
    total = Counts()
    for left_out, texts in sets.items():
        predict = fit([t for other, group in sets.items() if other != left_out for t in group])
        counts = tally(texts, {t.id: predict(t) for t in texts})
        total.tp, total.fp, total.fn = total.tp + counts.tp, total.fp + counts.fp, total.fn + counts.fn
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("heldout", type=Path, nargs="+", help="themes.yaml of coded held-out sets")
    parser.add_argument("--test", type=Path, help="a set measured once, every lever fitted on all the others")
    parser.add_argument("--reliable", type=float, default=0.8)
    parser.add_argument("--min-texts", type=int, default=4)
    parser.add_argument("--frontier", action="store_true",
                        help="also the regression at fixed cuts (0.35-0.75), each set left out in turn")
    args = parser.parse_args()
    codebook = load_codebook()
    tagger = Tagger(codebook)
    decider = Decider({t.id: t.threshold for t in codebook.themes})

    def coded(path: Path) -> list[Coded]:
        return collect(tagger, read_texts(_outside(path, "heldout"), {"heldout": path.parent / "texts"}))

    sets = {"development": collect(tagger, read_texts(load_gold(GOLD), roots()))}
    for path in args.heldout:
        sets[path.parent.name] = coded(path)
    mismatched = sum(decider.predict(t) != set(t.shipped) for texts in sets.values() for t in texts)
    print(f"{sum(map(len, sets.values()))} coded texts in {len(sets)} sets; "
          f"the replayed rule differs from the tagger on {mismatched}")
    levers = {
        "shipped": lambda train: decider.predict,
        "decisive terms": lambda train: decisive_terms(decider, train, args.reliable, args.min_texts),
        "per-theme bars": lambda train: per_theme_bars(decider, train),
        "title": lambda train: title_rule(decider, train),
        "second stage": lambda train: second_stage(decider, train),
    }
    print("\nEach set left out in turn (fitted on the others):")
    print(f"  {'lever':16} {'tp':>5} {'fp':>5} {'fn':>5}      P      R     F1")
    for name, fit in levers.items():
        total = left_out_in_turn(sets, fit)
        print(f"  {name:16} {total.tp:5} {total.fp:5} {total.fn:5}  {total.precision:.3f}  {total.recall:.3f}  "
              f"{total.f1:.3f}")
    if args.frontier:
        print("\nThe regression at fixed cuts, each set left out in turn:")
        for cut in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
            total = left_out_in_turn(sets, lambda train, cut=cut: second_stage(decider, train, cut))
            print(f"  cut {cut:.2f}        {total.tp:5} {total.fp:5} {total.fn:5}  {total.precision:.3f}  "
                  f"{total.recall:.3f}  {total.f1:.3f}")
    if args.test:
        test = coded(args.test)
        everything = [t for group in sets.values() for t in group]
        print(f"\n{args.test} ({len(test)} texts), every lever fitted on all {len(everything)} texts above:")
        for name, fit in levers.items():
            predict = fit(everything)
            counts = tally(test, {t.id: predict(t) for t in test})
            print(f"  {name:16} {counts.tp:5} {counts.fp:5} {counts.fn:5}  {counts.precision:.3f}  "
                  f"{counts.recall:.3f}  {counts.f1:.3f}")


if __name__ == "__main__":
    main()
