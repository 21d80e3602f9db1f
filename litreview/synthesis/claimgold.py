"""Reading the claim-pair gold (``tests/gold/claims.yaml``) and judging the grouping against it.

The gold refers to sentences by file, offsets and a short hash instead of quoting them: files
under ``texts/`` and ``samples/`` are read from ``../shared``, files under ``corpus/`` from the
project. A pair whose file is absent is skipped (and counted); a sentence whose hash does not
match is an error, since the file is not the one read.

``cross_validate`` chooses the similarity threshold on k-1 folds of the pairs and judges the
held-out fold with it, so every decision it counts is out of fold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from litreview.errors import ValidationError


@dataclass(frozen=True, slots=True)
class GoldPair:
    a: str
    b: str
    same: bool


def _digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def load_claim_gold(path: Path, roots: dict[str, Path]) -> tuple[list[GoldPair], int]:
    """The pairs whose sentences can be read, and how many pairs were skipped (file absent).
    ``roots`` maps the first part of a gold path ("texts", "samples", "corpus") to a folder."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts: dict[str, str | None] = {}
    cache: dict[Path, str] = {}
    for sid, ref in data["sentences"].items():
        head, _, rest = str(ref["file"]).partition("/")
        base = roots.get(head)
        file = base / head / rest if base is not None else None
        if file is None or not file.is_file():
            texts[sid] = None
            continue
        if file not in cache:
            cache[file] = file.read_text(encoding="utf-8", errors="replace")
        sentence = cache[file][int(ref["start"]) : int(ref["end"])]
        if _digest(sentence) != str(ref["sha1"]):
            raise ValidationError(f"{path}: sentence {sid} of {ref['file']} does not match its hash; "
                                  "the file is not the one the gold was read from")
        texts[sid] = " ".join(sentence.split())
    pairs: list[GoldPair] = []
    skipped = 0
    for a, b, label in data["pairs"]:
        if texts.get(a) is None or texts.get(b) is None:
            skipped += 1
            continue
        pairs.append(GoldPair(str(texts[a]), str(texts[b]), label == "same"))
    return pairs, skipped


def precision_recall(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float]:
    tp = sum(s >= threshold and y for s, y in zip(scores, labels, strict=True))
    predicted = sum(s >= threshold for s in scores)
    actual = sum(labels)
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0)


def best_threshold(scores: list[float], labels: list[bool]) -> float:
    """The threshold with the best F1 on these pairs (the highest of equals: fewer false merges)."""
    best = (-1.0, 1.0)
    for t in sorted(set(scores)):
        p, r = precision_recall(scores, labels, t)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 >= best[0]:
            best = (f1, t)
    return best[1]


def cross_validate(scores: list[float], labels: list[bool], folds: int = 5) -> tuple[float, float, list[float]]:
    """Out-of-fold precision and recall of "same claim", and the threshold each fold chose.
    Pairs are dealt to folds in turn (the gold's order is already mixed)."""
    chosen: list[float] = []
    tp = predicted = 0
    for k in range(folds):
        train = [i for i in range(len(scores)) if i % folds != k]
        test = [i for i in range(len(scores)) if i % folds == k]
        t = best_threshold([scores[i] for i in train], [labels[i] for i in train])
        chosen.append(t)
        tp += sum(scores[i] >= t and labels[i] for i in test)
        predicted += sum(scores[i] >= t for i in test)
    actual = sum(labels)
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0), chosen
