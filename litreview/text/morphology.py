"""Shared word morphology: what a word is, the affixes around an Indonesian root, and a light
folding of English endings. The theme normaliser and the search stemmer both build on it, so
a word is cut the same way wherever it is matched.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+")

# Indonesian prefixes (any sequence of them) and suffixes: what may stand around a root.
PREFIXES = re.compile(r"(?:[mp]e(?:nge|ng|ny|m|n|r|l)?|be[rl]?|di|ke|te[rl]?|se)*")
SUFFIXES = re.compile(r"(?:i|kan|an)?(?:ku|mu|nya)?(?:lah|kah|tah|pun)?")
_BRITISH = re.compile(r"is(?:e|ed|es|ing|ation|ations|er|ers)$")


def fold_english(word: str) -> str:
    """A light, lemma-like folding of English endings, consistent rather than correct.

    "voters" -> "voter", "campaigns" -> "campaign", "campaigning" -> "campaign",
    "mobilised"/"mobilizing"/"mobilize" -> "mobiliz", "polarisation" -> "polarization",
    "stories" -> "story". Indonesian words pass through it too when the Indonesian
    stemmer does not know them; both sides of a match are folded alike.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    british = _BRITISH.search(word)
    if british and len(word) > 6:
        word = word[: british.start()] + "iz" + word[british.start() + 2 :]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ches", "shes", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)]
            if any(c in "aeiouy" for c in stem[:-1]):
                if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                    stem = stem[:-1]
                word = stem
                break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word
