"""Would a learned decision do better than the codebook's rule on the same evidence? Cross-validated.

    python benchmarks/compare_decision_rules.py                       # development set only
    python benchmarks/compare_decision_rules.py --add ../heldout/themes.yaml --add ../heldout2/themes.yaml

Both decide, for each theme with evidence in a text, whether the text discusses it, from the
same evidence the tagger found. The rule is the codebook's (bar, length scaling, salience,
citing weight, minimum sentences: ``litreview.themes.calibrate``), chosen on four folds by text
and judging the fifth. The learned decision is a logistic regression over a few summaries of the
evidence (log scores of own and citing sentences, salience lift, sentence count, strongest
sentence, text length, and one intercept per theme with ``--per-theme``), fitted on the same
four folds. ``--more`` adds the number of distinct terms, the weight standing in title,
keywords, abstract, headings and conclusion, the theme's share of the text's evidence and the
number of themes with evidence; ``--words`` adds the (hashed) words of the evidence sentences,
theme by theme. If the learned decision does no better out of fold, the decision is not what limits
the tagger: the evidence it is given is.
"""

from __future__ import annotations

import argparse
import math
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_themes  # noqa: E402

from litreview.text.morphology import WORD  # noqa: E402
from litreview.themes.calibrate import Case, Counts, Text, count, cross_validate, folds_of  # noqa: E402
from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.goldset import load_gold, read_texts  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

HASHED = 1 << 12  # buckets for the evidence words (--words)
_SALIENT = frozenset({"title", "keywords", "abstract", "heading", "conclusion"})


@dataclass
class Extra:
    """What --more and --words read of one theme's evidence in one text."""

    terms: int
    salient: float
    share: float
    themes: int
    words: dict[int, int]


def features(case: Case, extra: Extra, themes: list[str], per_theme: bool, more: bool, words: bool) -> list[float]:
    best = max((score for score, _, _ in case.each), default=0.0)
    length = math.log(max(case.words, 20))
    row = [1.0, math.log1p(case.plain), math.log1p(case.cited), math.log1p(max(case.plain_lift, 0.0)),
           math.log(case.sentences), best, length, math.log1p(case.plain) * length]
    if more:
        row += [math.log(max(extra.terms, 1)), math.log1p(extra.salient), extra.share, math.log(max(extra.themes, 1))]
    if per_theme:
        row += [float(case.theme == theme) for theme in themes]
    if words:
        bag = [0.0] * HASHED
        total = math.sqrt(math.log1p(sum(extra.words.values()) or 1))
        for bucket, n in extra.words.items():
            bag[bucket] = math.log1p(n) / total
        row += bag
    return row


def read(pairs: list, codebook) -> tuple[list[Text], dict[tuple[str, str], Extra]]:  # type: ignore[no-untyped-def]
    """The coded texts with their evidence summaries, and what --more and --words read."""
    tagger = Tagger(codebook)
    texts, extras = [], {}
    for entry, paper in pairs:
        tagging = tagger.tag(paper)
        if tagging.words == 0:
            continue
        text = eval_themes.coded_text(entry, tagging)
        texts.append(text)
        auto = [t for t in tagging.tags if t.origin == "auto" and t.evidence]
        everything = sum(e.counts for t in auto for e in t.evidence) or 1.0
        for tag in auto:
            bag: dict[int, int] = {}
            for e in tag.evidence:
                for word in {tagger.normalizer.norm(w) for w in WORD.findall(e.sentence.lower()) if len(w) > 2}:
                    bucket = zlib.crc32(f"{tag.theme}|{word}".encode()) % HASHED
                    bag[bucket] = bag.get(bucket, 0) + 1
            extras[(text.id, tag.theme)] = Extra(
                terms=len({m.term for e in tag.evidence for m in e.matches}),
                salient=sum(e.counts for e in tag.evidence if e.place in _SALIENT),
                share=sum(e.counts for e in tag.evidence) / everything, themes=len(auto), words=bag)
    return texts, extras


def dataset(texts: list[Text], extras: dict[tuple[str, str], Extra], themes: list[str], per_theme: bool,
            more: bool, words: bool) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    rows, labels, ids = [], [], []
    for text in texts:
        for case in text.cases:
            if case.theme in text.unsure:
                continue
            rows.append(features(case, extras[(text.id, case.theme)], themes, per_theme, more, words))
            labels.append(case.theme in text.present)
            ids.append((text.id, case.theme))
    return np.array(rows), np.array(labels, dtype=float), ids


class Logistic:
    """L2-regularised logistic regression by gradient descent on standardised features."""

    def __init__(self, rows: np.ndarray, labels: np.ndarray, l2: float = 1.0, steps: int = 3000,
                 penalty: np.ndarray | None = None) -> None:
        self.mean = rows[:, 1:].mean(axis=0)
        self.scale = rows[:, 1:].std(axis=0) + 1e-9
        z = self._standard(rows)
        self.w = np.zeros(rows.shape[1])
        weight = np.r_[0.0, np.full(rows.shape[1] - 1, l2)] if penalty is None else penalty
        for _ in range(steps):
            p = 1 / (1 + np.exp(-z @ self.w))
            gradient = z.T @ (p - labels) / len(labels) + weight * self.w / len(labels)
            self.w -= gradient

    def _standard(self, rows: np.ndarray) -> np.ndarray:
        z = rows.copy()
        z[:, 1:] = (rows[:, 1:] - self.mean) / self.scale
        return z

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-self._standard(rows) @ self.w))


def learned(texts: list[Text], extras: dict[tuple[str, str], Extra], themes: list[str], args: argparse.Namespace,
            seed: int, threshold: float) -> Counts:
    predictions: dict[str, set[str]] = {}
    for held in folds_of(texts, 5, seed):
        held_ids = {t.id for t in held}
        rows, labels, _ = dataset([t for t in texts if t.id not in held_ids], extras, themes, args.per_theme,
                                  args.more, args.words)
        penalty = None
        if args.words:  # the hashed words are many and each weak: held down harder than the summaries
            penalty = np.r_[0.0, np.full(rows.shape[1] - 1 - HASHED, 1.0), np.full(HASHED, 10.0)]
        model = Logistic(rows, labels, steps=1500 if args.words else 3000, penalty=penalty)
        held_rows, _, ids = dataset(held, extras, themes, args.per_theme, args.more, args.words)
        for text in held:
            predictions[text.id] = set()
        if len(held_rows):
            for (text_id, theme), p in zip(ids, model.probability(held_rows), strict=True):
                if p >= threshold:
                    predictions[text_id].add(theme)
    return count(predictions, texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--add", type=Path, action="append", default=[], metavar="GOLD",
                        help="more coded texts: a gold file with its texts in a texts/ folder beside it")
    parser.add_argument("--per-theme", action="store_true", help="one intercept per theme in the learned decision")
    parser.add_argument("--more", action="store_true", help="distinct terms, salient weight, share, themes present")
    parser.add_argument("--words", action="store_true", help="the hashed words of the evidence sentences")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    codebook = load_codebook(None)
    pairs = read_texts(load_gold(eval_themes.GOLD), eval_themes.roots())
    for extra in args.add:
        pairs += read_texts(eval_themes._outside(extra), {eval_themes._source(extra): extra.parent / "texts"})
    texts, extras = read(pairs, codebook)
    print(f"{len(texts)} coded texts; 5 folds by text, {args.repeats} repeats")
    coded = sum(len(t.present - t.unsure) for t in texts)
    found = sum(1 for t in texts for c in t.cases if c.theme in t.present and c.theme not in t.unsure)
    print(f"themes the readers coded: {coded}, of which {found} ({found / max(coded, 1):.3f}) have at least one "
          "evidence sentence: the decision, not the search, is what misses the rest")
    for seed in range(args.repeats):
        rule = count(cross_validate(texts, 5, seed).predictions, texts)
        line = [f"rule P {rule.precision:.3f} R {rule.recall:.3f} F1 {rule.f1:.3f}"]
        for threshold in (0.4, 0.5, 0.6):
            c = learned(texts, extras, codebook.theme_ids, args, seed, threshold)
            line.append(f"learned@{threshold} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}")
        print(f"  repeat {seed + 1}: " + "; ".join(line))


if __name__ == "__main__":
    main()
