"""Word stems for search: Indonesian affixes stripped (Sastrawi), English endings folded.

``Stemmer.stem`` maps a lower-cased word to the form the search index holds, so
"berkampanye" and "kampanye" meet, as do "memilih", "pemilih" and "pemilihan"
(all "pilih"), and "campaigns" and "campaign". The same function serves the index
and the query, so both sides always agree. Results are cached per distinct word.

Sastrawi costs about a quarter of a millisecond for a word it does not know, and a
corpus holds a few hundred thousand distinct words, so a word goes to it only when
it could be an affixed form of one of its roots: the root (or the root without its
first letter, which prefixes like "mem-" replace: "memilih" -> "pilih") must stand
in the word between a run of Indonesian prefixes and of suffixes. Other words are
folded as English.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from litreview.text.morphology import PREFIXES, SUFFIXES, WORD, fold_english

# Bump when stemming changes: the search index is rebuilt with the new stems.
STEMMER_VERSION = "1"

# Words Sastrawi cuts into another word ("pemilu", election, is not "milu"; "peserta",
# participant, not "serta", and) or leaves to the English folding ("hoaks" -> "hoak"). Kept
# whole, as roots, so that their affixed forms reduce to them ("hoaksnya" -> "hoaks").
KEEP_WHOLE = (
    "relawan", "pemilu", "pemerintah", "pelajar", "pejabat", "peserta", "pengamat", "penduduk", "hoaks",
)

# The longest run of prefixes and of suffixes (litreview.text.morphology) worth trying.
_LONGEST_PREFIX = 12
_LONGEST_SUFFIX = 9


class Stemmer:
    """Stems with a cache per distinct word; Sastrawi is loaded on first use."""

    def __init__(self, keep_whole: Iterable[str] = KEEP_WHOLE):
        self._keep_whole = tuple(keep_whole)
        self._cache: dict[str, str] = {}
        self._sastrawi: Any = None
        self._roots: frozenset[str] = frozenset()
        self._pieces: frozenset[str] = frozenset()

    def _load(self) -> None:
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        words = [w for w in StemmerFactory().get_words_from_file() if w] + list(self._keep_whole)
        dictionary = ArrayDictionary(words)
        self._sastrawi = SastrawiStemmer(dictionary)
        self._roots = frozenset(words)
        pieces = set(words)
        pieces.update(w[1:] for w in words if len(w) > 3 and w[0] in "ptks")
        self._pieces = frozenset(pieces)

    def stem(self, word: str) -> str:
        """The stem of a lower-cased word (a word that is not all letters is kept as it is)."""
        found = self._cache.get(word)
        if found is None:
            found = self._compute(word)
            self._cache[word] = found
        return found

    def stems(self, text: str) -> list[str]:
        """The stems of every word of ``text``, in order."""
        cache = self._cache
        out = []
        for word in WORD.findall(text.lower()):
            found = cache.get(word)
            if found is None:
                found = self._compute(word)
                cache[word] = found
            out.append(found)
        return out

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, stem) of every word of ``text``, offsets into ``text``."""
        for m in WORD.finditer(text):
            yield m.start(), m.end(), self.stem(m.group().lower())

    def cache_size(self) -> int:
        return len(self._cache)

    def _compute(self, word: str) -> str:
        if len(word) <= 3 or not word.isalpha():
            return word
        if self._sastrawi is None:
            self._load()
        if word in self._roots:
            return word
        if self._may_be_affixed(word):
            stem = self._sastrawi.stem_word(word)
            if stem and stem != word:
                return str(stem)
        return fold_english(word)

    def _may_be_affixed(self, word: str) -> bool:
        """Could Sastrawi find a root in ``word``? (False only when it surely cannot.)"""
        n = len(word)
        starts = [i for i in range(min(n - 2, _LONGEST_PREFIX) + 1) if PREFIXES.fullmatch(word, 0, i)]
        ends = [j for j in range(n, max(n - _LONGEST_SUFFIX, 1) - 1, -1) if SUFFIXES.fullmatch(word, j)]
        pieces = self._pieces
        return any(j - i >= 2 and word[i:j] in pieces for i in starts for j in ends)


def needle(stem: str) -> str:
    """A piece every word with this stem contains (lower-cased), to find candidates fast.

    Prefixes may replace a root's first letter ("memilih" for "pilih"), English folding
    may change its end ("stories" for "story", "polarisation" for "polarization").
    """
    core = stem[1:] if len(stem) > 3 and stem[0] in "ptks" else stem
    if "iz" in core:
        core = core[: core.index("iz") + 1]
    elif len(core) >= 3:
        core = core[:-1]  # "tries" for "try"
    return core
