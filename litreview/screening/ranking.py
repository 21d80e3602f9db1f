"""The order records come up for screening: most like the included ones first.

The model is a TF-IDF centroid (Rocchio's method). Every record is a TF-IDF vector of the words
of its title, abstract and keywords (sublinear counts, unit length); a record's score is its cosine
similarity to the sum of the included records' vectors, minus half its similarity to the sum of
the excluded ones. Deciding a record adds its vector to one of the two sums, so the order is
retrained with every decision at the cost of one pass over the records left. Why this model: it
needs no training run and works from the first inclusion, gives the same order for the same
decisions, and explains itself: the words a record shares most with the included ones are the
reason it comes up (``shared_terms``). Until something is included there is nothing to be like,
and the records come in a fixed shuffled order.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset(
    """the and for with that this from are was were which their these those has have been not can will into
    between through about than its our also using use used based how what who why when where study paper article
    research results analysis approach new yang dan dengan untuk dari dalam pada oleh sebagai adalah ini itu atau
    juga akan tidak telah dapat lebih karena secara antara tersebut bagi para serta terhadap melalui penelitian
    hasil artikel kajian studi""".split()
)
EXCLUDED_WEIGHT = 0.5


def words(text: str) -> list[str]:
    return [w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in _STOP]


def shuffled(keys: list[str], seed: str) -> list[str]:
    """A fixed shuffle (the same for the same seed, whatever else is in the corpus)."""
    return sorted(keys, key=lambda k: (hashlib.sha256(f"{seed}\0{k}".encode()).hexdigest(), k))


class Ranker:
    """Scores records by their likeness to the included and unlikeness to the excluded ones."""

    def __init__(self, texts: dict[str, str]):
        counts = {key: Counter(words(text)) for key, text in texts.items()}
        df: Counter[str] = Counter()
        for found in counts.values():
            df.update(found.keys())
        n = len(counts)
        idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items() if n < 10 or d <= 0.5 * n}
        self.vectors: dict[str, dict[str, float]] = {}
        for key, found in counts.items():
            vector = {t: (1 + math.log(c)) * idf[t] for t, c in found.items() if t in idf}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors[key] = {t: v / norm for t, v in vector.items()}
        self.sums: dict[str, dict[str, float]] = {"include": {}, "exclude": {}}
        self.members: dict[str, int] = {"include": 0, "exclude": 0}
        self._norms: dict[str, float | None] = {"include": None, "exclude": None}

    def learn(self, key: str, decision: str, sign: int = 1) -> None:
        """Count ``key`` as included or excluded (``sign`` -1: forget it again); maybe teaches nothing."""
        if decision not in self.sums or key not in self.vectors:
            return
        total = self.sums[decision]
        for term, value in self.vectors[key].items():
            total[term] = total.get(term, 0.0) + sign * value
        self.members[decision] += sign
        self._norms[decision] = None

    def forget(self, key: str, decision: str) -> None:
        self.learn(key, decision, -1)

    @property
    def trained(self) -> bool:
        return self.members["include"] > 0

    def _norm(self, decision: str) -> float:
        found = self._norms[decision]
        if found is None:
            found = math.sqrt(sum(v * v for v in self.sums[decision].values())) if self.members[decision] else 0.0
            self._norms[decision] = found
        return found

    def _similarity(self, key: str, decision: str) -> float:
        norm = self._norm(decision)
        if not norm:
            return 0.0
        total = self.sums[decision]
        return sum(v * total.get(t, 0.0) for t, v in self.vectors.get(key, {}).items()) / norm

    def score(self, key: str) -> float:
        return self._similarity(key, "include") - EXCLUDED_WEIGHT * self._similarity(key, "exclude")

    def rank(self, keys: list[str], seed: str = "") -> list[str]:
        """``keys`` best first (ties by the fixed shuffle); the fixed shuffle alone until trained."""
        base = shuffled(keys, seed)
        if not self.trained:
            return base
        place = {k: i for i, k in enumerate(base)}
        scores = {k: self.score(k) for k in keys}
        return sorted(keys, key=lambda k: (-round(scores[k], 12), place[k]))

    def shared_terms(self, key: str, n: int = 6) -> list[str]:
        """The words that most make ``key`` like the included records."""
        total = self.sums["include"]
        weights = [(v * total.get(t, 0.0), t) for t, v in self.vectors.get(key, {}).items()]
        return [t for w, t in sorted(weights, key=lambda x: (-x[0], x[1]))[:n] if w > 0]
