"""Would learning from coded texts beat the hand-written codebook? Each coded set left out in turn.

    python benchmarks/learn_themes.py ../heldout4/themes.yaml ../heldout5/themes.yaml ...
    python benchmarks/learn_themes.py ../heldout*/themes.yaml --learner vocabulary --top 50

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
  up to 0.6 of the bar.

The learners' own settings default to those that did best over all sets, which favours them.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_themes import GOLD, _outside, coded_text, roots  # noqa: E402

from litreview.themes.calibrate import Counts, Rule, Text, _objective  # noqa: E402
from litreview.themes.codebook import Codebook, Term, load_codebook  # noqa: E402
from litreview.themes.goldset import GoldEntry, load_gold, read_texts  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

LEARNERS = ("codebook", "bars", "bars-recall", "weights", "vocabulary", "sentences")
BARS = (3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0)
SINGLES = (1.5, 2.0, 2.5, 3.0, 0.0)


@dataclasses.dataclass
class Coded:
    """One coded set: its entries, papers, and (for the shipped codebook) texts and matched terms."""

    name: str
    pairs: list
    texts: list[Text] = dataclasses.field(default_factory=list)
    terms: list[tuple[GoldEntry, dict[str, set[str]]]] = dataclasses.field(default_factory=list)  # theme -> terms


def shipped_rule(codebook: Codebook) -> Rule:
    t = codebook.threshold
    return Rule(min_score=t.min_score, length_exponent=t.length_exponent, strength=0.0, cites=codebook.salience.cites,
                min_sentences=t.min_sentences, single=t.single, reference_words=t.reference_words)


def tag_set(codebook: Codebook, pairs: list) -> tuple[list[Text], list[tuple[GoldEntry, dict[str, set[str]]]]]:
    tagger = Tagger(codebook)
    texts, terms = [], []
    for entry, paper in pairs:
        tagging = tagger.tag(paper)
        if tagging.words == 0:
            continue
        texts.append(coded_text(entry, tagging))
        terms.append((entry, {tag.theme: {m.term for e in tag.evidence for m in e.matches}
                              for tag in tagging.tags if tag.origin == "auto"}))
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
    args = parser.parse_args()

    started = time.perf_counter()
    codebook = load_codebook(args.codebook)
    base = shipped_rule(codebook)
    sets = [Coded("dev", read_texts(load_gold(GOLD), roots()))]
    for path in args.gold:
        sets.append(Coded(path.parent.name, read_texts(_outside(path, "heldout"), {"heldout": path.parent / "texts"})))
    for s in sets:
        s.texts, s.terms = tag_set(codebook, s.pairs)
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
    for learner in learners:
        clock = time.perf_counter()
        pooled, named = Counts(), Counts()
        for i, held in enumerate(sets):
            others = [s for j, s in enumerate(sets) if j != i]
            if learner == "codebook":
                c = judge(held.texts, lambda t: t.predict(base))
            elif learner in ("bars", "bars-recall"):
                rules = learn_bars([t for s in others for t in s.texts], codebook.theme_ids, base,
                                   keep_recall=learner == "bars-recall")
                c = judge(held.texts, lambda t, r=rules: {k.theme for k in t.cases if k.discussed(r[k.theme])})
            elif learner == "sentences":
                def third(t: Text) -> set[str]:
                    return {k.theme for k in t.cases if k.discussed(base) or (
                        k.sentences >= 3 and k.score(base) >= 0.6 * base.bar(k.words) - 1e-9)}
                c = judge(held.texts, third)
            elif learner == "weights":
                train = [pair for s in others for pair in s.terms]
                share = 0.9 if args.share is None else args.share
                texts, _ = tag_set(learn_weights(codebook, train, args.min_texts, share), held.pairs)
                c = judge(texts, lambda t: t.predict(base))
            else:
                train_v = [(e, used[(s.name, e.id)]) for s in others for e, _ in s.pairs]
                share = 0.5 if args.share is None else args.share
                book = learn_vocabulary(codebook, train_v, surface, known, args.top, args.min_texts, share,
                                        args.weight)
                texts, _ = tag_set(book, held.pairs)
                c = judge(texts, lambda t: t.predict(base))
            for total in (pooled, named) if held.name != "dev" else (pooled,):
                total.tp += c.tp
                total.fp += c.fp
                total.fn += c.fn
        print(f"{learner:<11} {pooled.precision:12.3f} {pooled.recall:6.3f} {pooled.f1:6.3f} "
              f"{_objective(pooled):6.3f}   {named.precision:14.3f} {named.recall:6.3f} {named.f1:6.3f} "
              f"{_objective(named):6.3f}"
              f"   ({time.perf_counter() - clock:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
