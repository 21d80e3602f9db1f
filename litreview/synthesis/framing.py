"""Whether sentences frame social media in elections as an opportunity or a risk.

A sentence's frame comes from cue words in Indonesian and English: "peluang",
"bermanfaat", "effective", "empower" on one side; "tantangan", "ancaman",
"dampak negatif", "threat", "undermine" on the other. Words match whole, with
Indonesian affixes tolerated ("peluangnya", "berpeluang", "berisiko") and
English endings ("threats", "enhancing"). A cue right after a negation ("tidak
efektif", "not effective") does not count, and a few fixed phrases in which a
cue is no cue ("rumusan masalah", "problem statement") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The version of the cues and rules below: frames kept in a corpus under another version are worked
# out again. Change it with any change that can change a frame.
FRAMING_VERSION = "3"
OPPORTUNITY = "opportunity"
RISK = "risk"
_MIXED_SHARE = 1 / 3  # each side needs this share of the hits for "mixed"

_OPPORTUNITY_ID = """peluang keuntungan untung manfaat bermanfaat efektif efektivitas potensi potensial
    kesempatan meningkatkan peningkatan memperkuat penguatan mendorong positif keunggulan""".split()
_OPPORTUNITY_EN = """opportunity opportunities benefit beneficial advantage effective potential empower
    enhance positive""".split()
_RISK_ID = """tantangan risiko ancaman mengancam bahaya rentan masalah hambatan menghambat merusak
    kerusakan rugi menyesatkan negatif hoaks disinformasi misinformasi kebencian""".split()
_RISK_EN = """challenge risk threat danger negative harm vulnerable vulnerability undermine problem
    hoax disinformation misinformation hate""".split()
_RISK_PHRASES = ("dampak negatif", "berita palsu", "ujaran kebencian", "fake news", "hate speech")
# Phrases whose cue word says nothing about the frame: they are read and skipped.
_NEUTRAL_PHRASES = (
    "rumusan masalah", "latar belakang masalah", "identifikasi masalah", "pembatasan masalah",
    "batasan masalah", "research problem", "problem statement",
)
# Forms built on a cue that mean something else: "memanfaatkan" is "to use", not "to benefit".
_NOT_CUES = frozenset(
    "memanfaatkan dimanfaatkan pemanfaatan pemanfaatannya termanfaatkan memanfaatkannya".split()
)
_NEGATIONS = frozenset("tidak tak kurang belum bukan tanpa not no non without lack lacks lacking".split())
# Verbs that only say "more of": "meningkatkan risiko" is a risk, not an opportunity.
_AMPLIFIERS = frozenset("meningkatkan memperkuat mendorong enhance enhances enhanced enhancing".split())

_ID_PREFIXES = ("", "ber", "be", "ter", "di", "ke", "se", "me", "mem", "men", "meng", "pe", "per", "memper", "diper")
_ID_SUFFIXES = ("", "nya", "an", "kan", "i", "lah", "kah", "annya", "kannya")
_EN_SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ly", "ful", "ous", "ment", "ments", "ness", "al", "atic",
                "y", "en", "ens", "ened", "ening", "ies")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # hyphenated words whole: "masalah-masalah", "non-positive"


def _forms() -> dict[str, str]:
    """Every accepted word form, mapped to its frame."""
    out: dict[str, str] = {}

    def add_id(words: list[str], frame: str) -> None:
        for word in words:
            for prefix in _ID_PREFIXES:
                for suffix in _ID_SUFFIXES:
                    out.setdefault(prefix + word + suffix, frame)

    def add_en(words: list[str], frame: str) -> None:
        for word in words:
            stems = [word]
            if word.endswith("e"):
                stems.append(word[:-1])  # enhanc-ing, challeng-ing
            if word.endswith("y"):
                stems.append(word[:-1])  # opportunit-ies
            for stem in stems:
                for suffix in _EN_SUFFIXES:
                    out.setdefault(stem + suffix, frame)

    add_id(_OPPORTUNITY_ID, OPPORTUNITY)
    add_id(_RISK_ID, RISK)
    add_en(_OPPORTUNITY_EN, OPPORTUNITY)
    add_en(_RISK_EN, RISK)
    for word in _NOT_CUES:
        out.pop(word, None)
    return out


_FORMS = _forms()
_PHRASES = {tuple(p.split()): RISK for p in _RISK_PHRASES} | {tuple(p.split()): "" for p in _NEUTRAL_PHRASES}
_LONGEST_PHRASE = max(len(p) for p in _PHRASES)
_PHRASE_STARTS = frozenset(p[0] for p in _PHRASES)


def _word(token: str) -> str:
    """A hyphenated token as one word: "masalah-masalah" (a plural) is "masalah", "non-positive" is
    "non positive" (never a cue), "media-positive" is "positive"."""
    if "-" not in token or token in _FORMS:
        return token
    parts = token.split("-")
    if len(set(parts)) == 1:
        return parts[0]
    if parts[0] in _NEGATIONS:
        return ""
    return parts[-1]


def _hits(sentence: str) -> tuple[int, int]:
    """Opportunity and risk cues in one sentence, each word counted once."""
    words = [_word(w) if "-" in w else w for w in _WORD.findall(sentence.lower())]
    opportunity = risk = 0
    count = len(words)
    i = 0
    while i < count:
        word = words[i]
        frame, size = None, 1
        if word in _PHRASE_STARTS:  # a phrase can start only with the first word of one
            for n in range(min(_LONGEST_PHRASE, count - i), 1, -1):
                phrase = tuple(words[i : i + n])
                if phrase in _PHRASES:
                    frame, size = _PHRASES[phrase], n
                    break
        if frame is None:
            frame = _FORMS.get(word)
            if frame is None:
                i += 1
                continue
        negated = i > 0 and words[i - 1] in _NEGATIONS
        if frame == OPPORTUNITY and word in _AMPLIFIERS and i + 1 < count:
            negated = RISK in (_FORMS.get(words[i + 1]), _PHRASES.get(tuple(words[i + 1 : i + 3])))
        if frame and not negated:
            if frame == OPPORTUNITY:
                opportunity += 1
            else:
                risk += 1
        i += size
    return opportunity, risk


def frame_of(sentence: str) -> str | None:
    """"opportunity" or "risk" when one side's cues outnumber the other's in ``sentence``, else None."""
    opportunity, risk = _hits(sentence)
    if opportunity > risk:
        return OPPORTUNITY
    if risk > opportunity:
        return RISK
    return None


def frames_from(field: str) -> bool:
    """Does evidence from this field say how a paper frames a theme? A keyword list names the
    paper's topics side by side ("penargetan pemilih; disinformasi; ..."): a risk word among them
    frames none of the others."""
    return not field.startswith("keywords")


def framing(sentences: Iterable[str]) -> tuple[str, int, int]:
    """The frame of a body of sentences with the cue counts behind it: ("opportunity" | "risk" |
    "mixed" | "neutral", opportunity hits, risk hits). "mixed" when each side has at least a third
    of the hits, "neutral" when there are none."""
    opportunity = risk = 0
    for sentence in sentences:
        o, r = _hits(sentence)
        opportunity += o
        risk += r
    total = opportunity + risk
    if not total:
        return "neutral", 0, 0
    if opportunity >= total * _MIXED_SHARE and risk >= total * _MIXED_SHARE:
        return "mixed", opportunity, risk
    return (OPPORTUNITY if opportunity > risk else RISK), opportunity, risk
