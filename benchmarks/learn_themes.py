"""Would learning from coded texts beat the hand-written codebook? Each coded set left out in turn.

    python benchmarks/learn_themes.py ../heldout4/themes.yaml ../heldout5/themes.yaml ...
    python benchmarks/learn_themes.py ../heldout*/themes.yaml --learner vocabulary --top 50
    python benchmarks/learn_themes.py ../heldout{18..26}/themes.yaml --test ../heldout27/themes.yaml
    python benchmarks/learn_themes.py ../heldout{18..26}/themes.yaml --learner regression --frontier

The sets are the development set (``tests/gold/themes.yaml``) and every gold file named, each
with its texts in a ``texts/`` folder beside it. For each set, every learner is fitted on all
the other sets and then judges this one, so no text is judged by anything learnt from it; the
figures are pooled over all sets and over the named sets alone. The learners:

- ``codebook``: the codebook as shipped, nothing learnt (the baseline);
- ``bars``: a bar and a one-sentence weight for each theme (``min_score`` x ``single``),
  chosen by the calibration's objective (F1 less any precision short of 0.9);
- ``bars-recall``: the same, among the settings that find at least as many of the theme's
  labels on the other sets as the codebook's rule does;
- ``weights``: a codebook term or pattern found in at least ``--min-texts`` texts, of which at
  least ``--share`` were coded with its theme, weighs 2 (it shows the theme on its own);
- ``vocabulary``: each theme gains the ``--top`` words and two-word phrases that
  ``litreview codebook suggest`` ranks highest for it (used by at least ``--min-texts`` texts
  with the theme, and by at least ``--share`` of the texts using them), weighing ``--weight``
  and counting only in papers on the subject;
- ``sentences``: a third way to a discussed theme: evidence from at least 3 sentences that adds
  up to 0.6 of the bar;
- ``title``: a theme named in the title (a sentence there counting 1 or more) and in one more
  sentence is discussed too;
- ``regression``: a logistic regression over each theme's evidence in a text (its score against
  the bar, sentences, strongest sentence, distinct terms, places, share of citing sentences,
  language, length, the theme, the codebook's decision), its cut chosen for F1 on the other sets
  (``--frontier``: at fixed cuts instead, to compare it with the codebook at equal precision).

With ``--test``, every learner is also fitted on all the sets and measured once on that set.

The learners' own settings default to those that did best over all sets, which favours them.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_themes import GOLD, _outside, coded_text, roots  # noqa: E402

from litreview.themes.calibrate import Counts, Rule, Text, _objective  # noqa: E402
from litreview.themes.codebook import Codebook, Term, load_codebook  # noqa: E402
from litreview.themes.goldset import GoldEntry, load_gold, read_texts  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

LEARNERS = ("codebook", "bars", "bars-recall", "weights", "vocabulary", "sentences", "title", "regression")
LEAD_PLACES = {"lead", "abstract", "keywords", "heading", "point"}
BARS = (3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0)
SINGLES = (1.5, 2.0, 2.5, 3.0, 0.0)


@dataclasses.dataclass
class Coded:
    """One coded set: its entries, papers, and (for the shipped codebook) texts and matched terms."""

    name: str
    pairs: list
    texts: list[Text] = dataclasses.field(default_factory=list)
    terms: list[tuple[GoldEntry, dict[str, set[str]]]] = dataclasses.field(default_factory=list)  # theme -> terms
    places: dict[str, dict[str, list[tuple[str, float]]]] = dataclasses.field(default_factory=dict)
    # text id -> theme -> (place, score) of each evidence sentence


def shipped_rule(codebook: Codebook) -> Rule:
    t = codebook.threshold
    return Rule(min_score=t.min_score, length_exponent=t.length_exponent, strength=0.0, cites=codebook.salience.cites,
                min_sentences=t.min_sentences, single=t.single, reference_words=t.reference_words)


def tag_set(codebook: Codebook, pairs: list, places: dict[str, dict[str, list[tuple[str, float]]]] | None = None
            ) -> tuple[list[Text], list[tuple[GoldEntry, dict[str, set[str]]]]]:
    tagger = Tagger(codebook)
    texts, terms = [], []
    for entry, paper in pairs:
        tagging = tagger.tag(paper)
        if tagging.words == 0:
            continue
        texts.append(coded_text(entry, tagging))
        terms.append((entry, {tag.theme: {m.term for e in tag.evidence for m in e.matches}
                              for tag in tagging.tags if tag.origin == "auto"}))
        if places is not None:
            places[texts[-1].id] = {tag.theme: [(e.place, e.score) for e in tag.evidence]
                                    for tag in tagging.tags if tag.origin == "auto"}
    return texts, terms


def judge(texts: list[Text], predict) -> Counts:  # type: ignore[no-untyped-def]
    counts = Counts()
    for text in texts:
        counts.add(predict(text), text)
    return counts


# -- learners -------------------------------------------------------------------------------
def learn_bars(train: list[Text], themes: list[str], base: Rule, keep_recall: bool = False) -> dict[str, Rule]:
    """Each theme's bar and one-sentence weight; with ``keep_recall``, only among those that find
    on ``train`` at least as many of the theme's labels as ``base`` does."""

    def counted(theme: str, rule: Rule) -> Counts:
        c = Counts()
        for text in train:
            c.add({k.theme for k in text.cases if k.theme == theme and k.discussed(rule)}, text, [theme])
        return c

    rules = {}
    for theme in themes:
        floor = counted(theme, base).tp if keep_recall else 0
        best = None
        for bar in BARS:
            for single in SINGLES:
                rule = dataclasses.replace(base, min_score=bar, single=single)
                c = counted(theme, rule)
                if c.tp < floor:
                    continue
                key = (round(_objective(c), 6), bar, single)
                if best is None or key > best[0]:
                    best = (key, rule)
        rules[theme] = best[1] if best is not None else base
    return rules


def learn_weights(codebook: Codebook, train: list[tuple[GoldEntry, dict[str, set[str]]]], min_texts: int,
                  share: float) -> Codebook:
    seen: Counter[tuple[str, str]] = Counter()
    coded: Counter[tuple[str, str]] = Counter()
    for entry, terms in train:
        for theme, found in terms.items():
            if theme in entry.unsure:
                continue
            for term in found:
                seen[(theme, term)] += 1
                coded[(theme, term)] += theme in entry.present

    def strong(theme: str, term: str) -> bool:
        n = seen[(theme, term)]
        return n >= min_texts and coded[(theme, term)] / n >= share

    themes = []
    for theme in codebook.themes:
        terms = [dataclasses.replace(t, weight=2.0) if t.weight < 2 and strong(theme.id, t.text) else t
                 for t in theme.terms]
        patterns = [dataclasses.replace(p, weight=2.0) if p.weight < 2 and strong(theme.id, p.pattern) else p
                    for p in theme.patterns]
        themes.append(dataclasses.replace(theme, terms=terms, patterns=patterns))
    return dataclasses.replace(codebook, themes=themes)


def learn_vocabulary(codebook: Codebook, train: list[tuple[GoldEntry, set[str]]], surface: dict[str, Counter[str]],
                     known: dict[str, str], top: int, min_texts: int, share: float, weight: float) -> Codebook:
    from litreview.themes.suggest import rank_terms

    added: set[str] = set()
    themes = []
    for theme in codebook.themes:
        inside: Counter[str] = Counter()
        outside: Counter[str] = Counter()
        n_in = n_out = 0
        for entry, used in train:
            if theme.id in entry.unsure:
                continue
            if theme.id in entry.present:
                inside.update(used)
                n_in += 1
            else:
                outside.update(used)
                n_out += 1
        extra = []
        for s in rank_terms(inside, outside, n_in, n_out, surface, known, top, min_texts):
            if s.in_codebook or s.stems in added or s.theme_papers / (s.theme_papers + s.other_papers) < share:
                continue
            added.add(s.stems)
            extra.append(Term(text=s.term, lang="id", weight=weight, context=True))
        themes.append(dataclasses.replace(theme, terms=theme.terms + extra))
    return dataclasses.replace(codebook, themes=themes)


def title_rule(base: Rule, places: dict[str, dict[str, list[tuple[str, float]]]]) -> Any:
    def predict(text: Text) -> set[str]:
        out = text.predict(base)
        for theme, found in places.get(text.id, {}).items():
            if any(p == "title" and score >= 1 for p, score in found) and sum(p != "title" for p, _ in found) >= 1:
                out.add(theme)
        return out
    return predict


class Regression:
    """A logistic regression (L2, Newton steps) over each theme's evidence in a text."""

    def __init__(self, train: list[tuple[Text, dict[str, set[str]], dict[str, list[tuple[str, float]]]]],
                 themes: list[str], base: Rule, cut: float | None = None):
        self.themes, self.base = themes, base
        rows = [(self.features(t, k, terms, places), k.theme in t.present) for t, terms, places in train
                for k in t.cases if k.theme not in t.unsure]
        x = np.array([r[0] for r in rows])
        y = np.array([r[1] for r in rows], dtype=float)
        self.mean, self.spread = x.mean(0), x.std(0) + 1e-9
        z = self.design(x)
        w = np.zeros(z.shape[1])
        ridge = np.eye(len(w))
        ridge[-1, -1] = 0.0  # the intercept is not shrunk
        for _ in range(50):
            p = 1 / (1 + np.exp(-z @ w))
            step = np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + ridge, z.T @ (p - y) + ridge @ w)
            w -= step
            if np.abs(step).max() < 1e-8:
                break
        self.w = w
        if cut is None:
            fitted = 1 / (1 + np.exp(-z @ w))
            best = max((Counts(int(((fitted >= c) & (y == 1)).sum()), int(((fitted >= c) & (y == 0)).sum()),
                               int(((fitted < c) & (y == 1)).sum())).f1, float(c)) for c in np.arange(0.3, 0.8, 0.025))
            cut = best[1]
        self.cut = cut

    def design(self, x: Any) -> Any:
        return np.hstack([(x - self.mean) / self.spread, np.ones((len(x), 1))])

    def features(self, text: Text, case: Any, terms: dict[str, set[str]],
                 places: dict[str, list[tuple[str, float]]]) -> list[float]:
        where = {p for p, _ in places.get(case.theme, [])}
        best = max((score for score, _, _ in case.each), default=0.0)
        cited = sum(1 for _, _, cites in case.each if cites) / max(len(case.each), 1)
        return [math.log(max(case.score(self.base), 1e-3) / self.base.bar(case.words)), math.log1p(case.sentences),
                best, math.log1p(len(terms.get(case.theme, ()))), float("title" in where),
                float(bool(where & LEAD_PLACES)), float("conclusion" in where), cited, float(text.lang == "en"),
                math.log(max(text.words, 1) / 300), float(case.discussed(self.base))] + \
            [float(case.theme == t) for t in self.themes]

    def predict(self, text: Text, terms: dict[str, set[str]], places: dict[str, list[tuple[str, float]]]) -> set[str]:
        if not text.cases:
            return set()
        p = 1 / (1 + np.exp(-self.design(np.array([self.features(text, k, terms, places) for k in text.cases]))
                            @ self.w))
        return {k.theme for k, q in zip(text.cases, p, strict=True) if q >= self.cut}


def with_terms(s: Coded) -> list[tuple[Text, dict[str, set[str]], dict[str, list[tuple[str, float]]]]]:
    return [(t, found, s.places.get(t.id, {})) for t, (_, found) in zip(s.texts, s.terms, strict=True)]


# -- the run ----------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files, each with its texts in texts/ beside it")
    parser.add_argument("--codebook", type=Path, default=None)
    parser.add_argument("--learner", action="append", choices=LEARNERS, default=None,
                        help="run only these (repeatable; default all)")
    parser.add_argument("--min-texts", type=int, default=5)
    parser.add_argument("--share", type=float, default=None,
                        help="least share of texts coded with the theme (default 0.9 for weights, 0.5 for vocabulary)")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--weight", type=float, default=0.5)
    parser.add_argument("--test", type=Path, default=None, help="a gold file measured once, fitted on all sets")
    parser.add_argument("--frontier", action="store_true", help="the regression at fixed cuts too")
    args = parser.parse_args()

    started = time.perf_counter()
    codebook = load_codebook(args.codebook)
    base = shipped_rule(codebook)
    sets = [Coded("dev", read_texts(load_gold(GOLD), roots()))]
    for path in args.gold:
        sets.append(Coded(path.parent.name, read_texts(_outside(path, "heldout"), {"heldout": path.parent / "texts"})))
    for s in sets:
        s.texts, s.terms = tag_set(codebook, s.pairs, s.places)
    print(f"{len(sets)} sets, {sum(len(s.texts) for s in sets)} texts, read and tagged in "
          f"{time.perf_counter() - started:.1f} s; codebook: {codebook.source}")

    learners = args.learner or list(LEARNERS)
    used: dict[tuple[str, str], set[str]] = {}
    surface: dict[str, Counter[str]] = {}
    known: dict[str, str] = {}
    if "vocabulary" in learners:
        from litreview.text.stem import Stemmer
        from litreview.themes.suggest import _common_words, paper_terms

        stemmer = Stemmer()
        common = _common_words()
        known = {" ".join(stemmer.stems(term.text)): t.id for t in codebook.themes for term in t.terms}
        for s in sets:
            for entry, paper in s.pairs:
                used[(s.name, entry.id)] = paper_terms(paper, stemmer.stem, common, surface) or set()

    print(f"\n{'learner':<11} {'all sets: P':>12} {'R':>6} {'F1':>6} {'obj':>6}   {'named sets: P':>14} {'R':>6} "
          f"{'F1':>6} {'obj':>6}")
    def judged(learner: str, others: list[Coded], held: Coded, cut: float | None = None) -> Counts:
        if learner == "codebook":
            return judge(held.texts, lambda t: t.predict(base))
        if learner in ("bars", "bars-recall"):
            rules = learn_bars([t for s in others for t in s.texts], codebook.theme_ids, base,
                               keep_recall=learner == "bars-recall")
            return judge(held.texts, lambda t, r=rules: {k.theme for k in t.cases if k.discussed(r[k.theme])})
        if learner == "sentences":
            def third(t: Text) -> set[str]:
                return {k.theme for k in t.cases if k.discussed(base) or (
                    k.sentences >= 3 and k.score(base) >= 0.6 * base.bar(k.words) - 1e-9)}
            return judge(held.texts, third)
        if learner == "title":
            return judge(held.texts, title_rule(base, held.places))
        if learner == "regression":
            model = Regression([row for s in others for row in with_terms(s)], codebook.theme_ids, base, cut)
            c = Counts()
            for text, found, where in with_terms(held):
                c.add(model.predict(text, found, where), text)
            return c
        if learner == "weights":
            train = [pair for s in others for pair in s.terms]
            share = 0.9 if args.share is None else args.share
            texts, _ = tag_set(learn_weights(codebook, train, args.min_texts, share), held.pairs)
            return judge(texts, lambda t: t.predict(base))
        train_v = [(e, used[(s.name, e.id)]) for s in others for e, _ in s.pairs]
        share = 0.5 if args.share is None else args.share
        book = learn_vocabulary(codebook, train_v, surface, known, args.top, args.min_texts, share, args.weight)
        texts, _ = tag_set(book, held.pairs)
        return judge(texts, lambda t: t.predict(base))

    def row(name: str, pooled: Counts, named: Counts, clock: float) -> str:
        return (f"{name:<11} {pooled.precision:12.3f} {pooled.recall:6.3f} {pooled.f1:6.3f} "
                f"{_objective(pooled):6.3f}   {named.precision:14.3f} {named.recall:6.3f} {named.f1:6.3f} "
                f"{_objective(named):6.3f}   ({time.perf_counter() - clock:.0f} s)")

    def each_left_out(learner: str, cut: float | None = None) -> tuple[Counts, Counts]:
        pooled, named = Counts(), Counts()
        for i, held in enumerate(sets):
            c = judged(learner, [s for j, s in enumerate(sets) if j != i], held, cut)
            for total in (pooled, named) if held.name != "dev" else (pooled,):
                total.tp += c.tp
                total.fp += c.fp
                total.fn += c.fn
        return pooled, named

    for learner in learners:
        clock = time.perf_counter()
        pooled, named = each_left_out(learner)
        print(row(learner, pooled, named, clock), flush=True)
    if args.frontier:
        print("\nthe regression at fixed cuts (found / wrong / missed over all sets):")
        for cut in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
            clock = time.perf_counter()
            pooled, named = each_left_out("regression", cut)
            print(row(f"cut {cut:.2f}", pooled, named, clock) + f"  {pooled.tp} / {pooled.fp} / {pooled.fn}")
    if args.test:
        test = Coded(args.test.parent.name, read_texts(_outside(args.test, "heldout"),
                                                         {"heldout": args.test.parent / "texts"}))
        test.texts, test.terms = tag_set(codebook, test.pairs, test.places)
        if "vocabulary" in learners:
            for entry, paper in test.pairs:
                used[(test.name, entry.id)] = paper_terms(paper, stemmer.stem, common, surface) or set()
        print(f"\n{args.test} ({len(test.texts)} texts), each learner fitted on all {len(sets)} sets above, "
              "measured once:")
        for learner in learners:
            c = judged(learner, sets, test)
            print(f"{learner:<11} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                  f"(found {c.tp}, wrong {c.fp}, missed {c.fn})")


if __name__ == "__main__":
    main()
