"""Word normalisation for theme matching: case, Indonesian affixes, English endings, typos.

Every word of a text and every word of a codebook term goes through the same
``Normalizer.norm``, so "mengkampanyekan", "berkampanye" and "kampanye" meet, as
do "voters" and "voter". Results are cached per distinct word: a corpus has a
few hundred thousand distinct words however many papers it holds, so the
stemmers run once per word and matching costs a dictionary lookup.

Typo tolerance: a word of ``fuzzy_min_length`` letters or more that is not a
known word of Indonesian or English, and whose stem is not a codebook word,
is matched to a codebook word at one edit (two from 12 letters), insertions,
deletions, substitutions and swapped neighbours alike, with the same first
letter ("kampanyee", "partisipsi", "pemlih" for "pemilih"). Short words never match
fuzzily: "pemilik" (owner) must not become "pemilih" (voter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from litreview.text.morphology import PREFIXES, SUFFIXES, fold_english

# Known-word test for typo tolerance: a word this frequent (Zipf scale) in either
# language is a real word, not a typo of a codebook word.
_KNOWN_ZIPF = 2.5

# What the Indonesian stemmer (Sastrawi) can take off a word: each of its rules starts from one of
# these endings (particles, possessives, derivational suffixes) or beginnings (plain and
# disambiguated prefixes, "ku"/"kau", and the infixes el/em/er/in after a first consonant). A word
# with neither comes back from it unchanged, so it is not handed to it: the stemmer tries some
# sixty rules on every word it is given, and typo tolerance asks it about every word one edit
# from a codebook word.
_STEMMER_SUFFIX = re.compile(r"(?:lah|kah|tah|pun|ku|mu|nya|is|isme|i|kan|an)$")
_STEMMER_PREFIX = re.compile(r"(?:di|ke|se|be|er|ku|kau|me|pe|te)|[bcdfghjklmnpqrstvwxyz](?:el|em|er|in)[aiueo]")


class Normalizer:
    """Maps words to their normal form, with a cache per distinct word.

    ``protected`` words (the codebook's own Indonesian words) join the stemmer's
    dictionary so they stay whole ("relawan" is not cut to "rawan") and their
    affixed forms reduce to them ("hoaksnya" -> "hoaks"). ``targets`` are the
    normal forms typos may be corrected to, given with a surface word each.
    """

    def __init__(self, protected: Iterable[str] = (), fuzzy_min_length: int = 6, exact: Iterable[str] = (),
                 roots: Mapping[str, Iterable[str]] | None = None):
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        words = StemmerFactory().get_words_from_file()
        self._dictionary = ArrayDictionary(words)
        self._known_roots = frozenset(w for w in words if w)
        # A protected word that is an affixed form of a root listed on its own beside it ("menjangkau"
        # in "menjangkau pemilih", with "jangkau" a term of the same theme) reduces to that root, as the
        # root's other forms do; kept whole, it would hide the root's commonest form from the root term.
        plain = Stemmer(self._dictionary)  # the stemmer before the codebook's words join its dictionary
        reducible = {word for word, its_roots in (roots or {}).items()
                     if word.isalpha() and plain.stem_word(word) in set(its_roots) - {word}}
        for word in protected:
            if word.isalpha() and word not in reducible:
                self._dictionary.add(word)
        self._stemmer = Stemmer(self._dictionary)
        self._exact_words = frozenset(exact)  # kept as they are: "=" + word
        self.fuzzy_min_length = fuzzy_min_length
        self._cache: dict[str, str] = {}
        self.generation = 0  # counts the times the cache was emptied (what was cached may differ now)
        self._exact: dict[str, str] = {}
        self.cache_get = self._cache.get  # the hot path: a C-level lookup per word
        self.fuzzy: dict[str, str] = {}  # typo -> the codebook word it was read as
        self._targets: dict[str, str] = {}  # normal form -> a surface word
        self._by_initial: dict[str, list[str]] = {}
        self._near: dict[tuple[str, int], list[str]] = {}
        self._frequency: Any = None
        self._extract_one: Any = None
        self._osa: Any = None
        self._tails: dict[str, list[str]] | None = None  # see set_vocabulary
        self._vocabulary: frozenset[str] = frozenset()

    # -- targets for typo correction ------------------------------------------------
    def set_targets(self, surface_words: Iterable[str]) -> None:
        """Declare the words typos may be corrected to (single words of the terms)."""
        self._targets = {}
        for word in surface_words:
            if len(word) >= self.fuzzy_min_length and word.isalpha():
                self._targets.setdefault(self.norm_exact(word), word)
        self._by_initial = {}
        self._near = {}  # (initial, length) -> targets a typo of a word that long could be
        for word in sorted(set(self._targets.values())):
            self._by_initial.setdefault(word[0], []).append(word)
            for length in range(len(word) - 2, len(word) + 3):
                limit = 2 if length >= 12 else 1
                if abs(length - len(word)) <= limit:
                    self._near.setdefault((word[0], length), []).append(word)
        self._cache.clear()
        self.generation += 1
        self.fuzzy.clear()

    # -- normalising ------------------------------------------------------------------
    def norm(self, word: str) -> str:
        """The normal form of a lower-cased word, typos corrected."""
        found = self._cache.get(word)
        if found is None:
            found = self._compute(word)
            self._cache[word] = found
        return found

    def norm_exact(self, word: str) -> str:
        """The normal form without typo correction (used for the codebook's own terms)."""
        found = self._exact.get(word)
        if found is None:
            found = self._stem(word)
            self._exact[word] = found
        return found

    def norm_all(self, words: list[str]) -> list[str]:
        return self.fill_missing(words, list(map(self.cache_get, words)))

    def fill_missing(self, words: list[str], found: list[str | None]) -> list[str]:
        """Complete ``found``, the cached normal forms of ``words`` with None for a word not yet
        seen, in place: only the missing words are visited (``list.index`` finds them)."""
        index = found.index
        norm = self.norm
        i = -1
        try:
            while True:
                i = index(None, i + 1)
                found[i] = norm(words[i])
        except ValueError:
            pass
        return found  # type: ignore[return-value]

    def cache_size(self) -> int:
        return len(self._cache)

    def _stem(self, word: str) -> str:
        if word in self._exact_words:
            return "=" + word
        if not word.isalpha():
            return word
        if _STEMMER_SUFFIX.search(word) or _STEMMER_PREFIX.match(word):
            stem = self._stemmer.stem_word(word)
        else:
            stem = word  # what the stemmer would return (see _STEMMER_SUFFIX)
        if stem != word or word in self._dictionary.words:
            return stem or word
        return fold_english(word)

    def set_vocabulary(self, norms: Iterable[str], surface: Iterable[str] = ()) -> None:
        """Declare the normal forms the codebook's terms have (and the words they are written with).

        A word that cannot reduce to one of them is left as it is instead of going through
        the stemmers, which cost a hundred times more than this test. A word can reduce to a
        codebook root only if it is written like one, folds to one as English, or is the root
        (without its first letter when that is p, t, k or s: "memilih" -> "pilih") with
        Indonesian prefixes before it and suffixes after it.
        """
        self._vocabulary = frozenset(norms) | frozenset(surface)
        pieces: set[str] = set()
        for norm in norms:
            if norm.startswith("=") or len(norm) < 3:
                continue  # exact words, and words of one or two letters, are never stemmed
            pieces.add(norm)
            if norm[0] in "ptks" and len(norm) > 3:
                pieces.add(norm[1:])
        self._tails = {}
        for piece in pieces:  # indexed by their first three letters
            self._tails.setdefault(piece[:3], []).append(piece)
        self._cache.clear()
        self.generation += 1

    def _may_reach_vocabulary(self, word: str) -> bool:
        tails = self._tails
        if tails is None:
            return True
        if word in self._vocabulary or fold_english(word) in self._vocabulary:
            return True
        for i in range(len(word) - 2):
            found = tails.get(word[i : i + 3])
            if found is None:
                continue
            for piece in found:
                if word.startswith(piece, i) and PREFIXES.fullmatch(word, 0, i) and SUFFIXES.fullmatch(
                    word, i + len(piece)
                ):
                    return True
        return False

    def _compute(self, word: str) -> str:
        if word in self._exact_words:
            return "=" + word
        candidate = self._may_reach_vocabulary(word)
        base = self._stem(word) if candidate else word
        if base in self._targets or len(word) < self.fuzzy_min_length or not self._by_initial:
            return base
        if not word.isalpha() or word in self._known_roots:
            return base
        candidates = self._near.get((word[0], len(word)))
        if not candidates:
            return base
        corrected = self._closest(word, candidates)
        if corrected is None:
            return base
        stem = base if candidate else self._stem(word)
        if stem in self._known_roots or self._is_known_word(word):
            return base  # a real Indonesian word, an affixed form of one, or a common word
        self.fuzzy[word] = corrected
        return self.norm_exact(corrected)

    def prepare(self) -> None:
        """Load now what typo tolerance loads on first use (rapidfuzz; wordfreq and its English and
        Indonesian word lists), so that worker processes forked afterwards share them."""
        self._closest("x", ["x"])
        self._is_known_word("xqzv")  # not a word of either language: both lists are read

    def _closest(self, word: str, candidates: list[str]) -> str | None:
        if self._extract_one is None:  # imported once, on the first typo
            from rapidfuzz.distance import OSA
            from rapidfuzz.process import extractOne

            self._extract_one, self._osa = extractOne, OSA.distance
        limit = 2 if len(word) >= 12 else 1
        best = self._extract_one(word, candidates, scorer=self._osa, score_cutoff=limit)
        return best[0] if best else None

    def _is_known_word(self, word: str) -> bool:
        if self._frequency is None:
            from wordfreq import zipf_frequency

            self._frequency = zipf_frequency
        return bool(
            self._frequency(word, "en") >= _KNOWN_ZIPF or self._frequency(word, "id") >= _KNOWN_ZIPF
        )
