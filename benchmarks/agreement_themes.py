"""How far two readers agree on which themes texts discuss: the ceiling any tagger is judged under.

    python benchmarks/agreement_themes.py tests/gold/themes.yaml tests/gold/themes_second_coder.yaml

Compares two gold files over the texts both coded: per theme and overall, Cohen's kappa on
present/absent decisions (a label either reader marked unsure is left out), and the second
reader's precision and recall against the first, the same figures the tagger is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.goldset import load_gold  # noqa: E402


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    """Cohen's kappa of two readers' yes/no decisions."""
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    yes_a = sum(a for a, _ in pairs) / n
    yes_b = sum(b for _, b in pairs) / n
    expected = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    themes = load_codebook().theme_ids
    first = {e.name: e for e in load_gold(args.first)}
    second = {e.name: e for e in load_gold(args.second)}
    shared = sorted(set(first) & set(second))
    print(f"{len(shared)} texts coded by both ({len(first)} and {len(second)} in all)")
    all_pairs: list[tuple[bool, bool]] = []
    tp = fp = fn = 0
    print(f"  {'theme':<14} {'kappa':>6} {'P':>6} {'R':>6} {'first':>6} {'second':>7}")
    for theme in themes:
        pairs = []
        for name in shared:
            a, b = first[name], second[name]
            if theme in a.unsure or theme in b.unsure:
                continue
            pairs.append((theme in a.present, theme in b.present))
        all_pairs += pairs
        t = sum(x and y for x, y in pairs)
        p = sum(y and not x for x, y in pairs)
        n = sum(x and not y for x, y in pairs)
        tp, fp, fn = tp + t, fp + p, fn + n
        precision = t / (t + p) if t + p else 1.0
        recall = t / (t + n) if t + n else 1.0
        print(f"  {theme:<14} {kappa(pairs):6.2f} {precision:6.3f} {recall:6.3f} {t + n:6d} {t + p:7d}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"  {'all':<14} {kappa(all_pairs):6.2f} {precision:6.3f} {recall:6.3f} {tp + fn:6d} {tp + fp:7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
