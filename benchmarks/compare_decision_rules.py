"""Would a learned decision do better than the codebook's rule on the same evidence? Cross-validated.

    python benchmarks/compare_decision_rules.py                       # development set only
    python benchmarks/compare_decision_rules.py --add ../heldout/themes.yaml --add ../heldout2/themes.yaml

Both decide, for each theme with evidence in a text, whether the text discusses it, from the
same evidence the tagger found. The rule is the codebook's (bar, length scaling, salience,
citing weight, minimum sentences: ``litreview.themes.calibrate``), chosen on four folds by text
and judging the fifth. The learned decision is a logistic regression over a few summaries of the
evidence (log scores of own and citing sentences, salience lift, sentence count, strongest
sentence, text length, and one intercept per theme with ``--per-theme``), fitted on the same
four folds. If the learned decision does no better out of fold, the decision is not what limits
the tagger: the evidence it is given is.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_themes  # noqa: E402

from litreview.themes.calibrate import Case, Counts, Text, count, cross_validate, folds_of  # noqa: E402
from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.goldset import load_gold, read_texts  # noqa: E402


def features(case: Case, themes: list[str], per_theme: bool) -> list[float]:
    best = max((score for score, _, _ in case.each), default=0.0)
    length = math.log(max(case.words, 20))
    row = [1.0, math.log1p(case.plain), math.log1p(case.cited), math.log1p(max(case.plain_lift, 0.0)),
           math.log(case.sentences), best, length, math.log1p(case.plain) * length]
    if per_theme:
        row += [float(case.theme == theme) for theme in themes]
    return row


def dataset(texts: list[Text], themes: list[str], per_theme: bool
            ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    rows, labels, ids = [], [], []
    for text in texts:
        for case in text.cases:
            if case.theme in text.unsure:
                continue
            rows.append(features(case, themes, per_theme))
            labels.append(case.theme in text.present)
            ids.append((text.id, case.theme))
    return np.array(rows), np.array(labels, dtype=float), ids


class Logistic:
    """L2-regularised logistic regression by gradient descent on standardised features."""

    def __init__(self, rows: np.ndarray, labels: np.ndarray, l2: float = 1.0, steps: int = 3000) -> None:
        self.mean = rows[:, 1:].mean(axis=0)
        self.scale = rows[:, 1:].std(axis=0) + 1e-9
        z = self._standard(rows)
        self.w = np.zeros(rows.shape[1])
        for _ in range(steps):
            p = 1 / (1 + np.exp(-z @ self.w))
            gradient = z.T @ (p - labels) / len(labels) + l2 * np.r_[0.0, self.w[1:]] / len(labels)
            self.w -= gradient

    def _standard(self, rows: np.ndarray) -> np.ndarray:
        z = rows.copy()
        z[:, 1:] = (rows[:, 1:] - self.mean) / self.scale
        return z

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-self._standard(rows) @ self.w))


def learned(texts: list[Text], themes: list[str], per_theme: bool, seed: int, threshold: float) -> Counts:
    predictions: dict[str, set[str]] = {}
    for held in folds_of(texts, 5, seed):
        held_ids = {t.id for t in held}
        rows, labels, _ = dataset([t for t in texts if t.id not in held_ids], themes, per_theme)
        model = Logistic(rows, labels)
        held_rows, _, ids = dataset(held, themes, per_theme)
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
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    codebook = load_codebook(None)
    pairs = read_texts(load_gold(eval_themes.GOLD), eval_themes.roots())
    for extra in args.add:
        pairs += read_texts(eval_themes._outside(extra), {eval_themes._source(extra): extra.parent / "texts"})
    texts, _ = eval_themes.build_texts(pairs, codebook)
    print(f"{len(texts)} coded texts; 5 folds by text, {args.repeats} repeats")
    for seed in range(args.repeats):
        rule = count(cross_validate(texts, 5, seed).predictions, texts)
        line = [f"rule P {rule.precision:.3f} R {rule.recall:.3f} F1 {rule.f1:.3f}"]
        for threshold in (0.4, 0.5, 0.6):
            c = learned(texts, codebook.theme_ids, args.per_theme, seed, threshold)
            line.append(f"learned@{threshold} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}")
        print(f"  repeat {seed + 1}: " + "; ".join(line))


if __name__ == "__main__":
    main()
