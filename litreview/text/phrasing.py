"""Correct sentences from counts, in English and Indonesian: the phrasing every synthesis sentence
goes through.

What the house styles ask (APA 7 for English, PUEBI for Indonesian):

* numbers below ten are words in running text ("three of 12 sources", "tiga dari 12 sumber"),
  and a number that begins a sentence is always a word ("Twelve of 40 sources ...");
* the verb agrees with its count in English ("one of them presents", "two of them present");
  Indonesian nouns stay singular after a number ("dua sumber");
* lists of three or more take a serial comma in English ("Facebook, Instagram, and TikTok")
  and a comma before "dan" in Indonesian ("Facebook, Instagram, dan TikTok");
* a source that frames a theme both ways is counted once, as "both an opportunity and a risk",
  never on both sides.

The functions are pure and small; ``sentence`` capitalises a composed sentence and spells out
a leading number, so a template may start with ``{n}`` safely.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SPELL_BELOW = 10  # numbers below this are words in running text (APA 7, PUEBI)

_EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen").split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ID_ONES = "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()
_ORDINAL_ID = {2: "kedua", 3: "ketiga", 4: "keempat", 5: "kelima", 6: "keenam", 7: "ketujuh",
               8: "kedelapan", 9: "kesembilan"}


def words_en(n: int) -> str:
    """``n`` in English words: 21 -> "twenty-one", 105 -> "one hundred five"."""
    if n < 0:
        return "minus " + words_en(-n)
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{words_en(head)} {name}" + (f" {words_en(rest)}" if rest else "")
    raise AssertionError(n)  # pragma: no cover


def words_id(n: int) -> str:
    """``n`` in Indonesian words: 12 -> "dua belas", 100 -> "seratus", 1500 -> "seribu lima ratus"."""
    if n < 0:
        return "minus " + words_id(-n)
    if n < 12:
        return _ID_ONES[n]
    if n < 20:
        return f"{_ID_ONES[n - 10]} belas"
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{_ID_ONES[tens]} puluh" + (f" {_ID_ONES[ones]}" if ones else "")
    for size, name, one in ((10**9, "miliar", "satu miliar"), (10**6, "juta", "satu juta"),
                            (1000, "ribu", "seribu"), (100, "ratus", "seratus")):
        if n >= size:
            head, rest = divmod(n, size)
            lead = one if head == 1 else f"{words_id(head)} {name}"
            return lead + (f" {words_id(rest)}" if rest else "")
    raise AssertionError(n)  # pragma: no cover


def number(n: int, lang: str = "en", spell_below: int = SPELL_BELOW) -> str:
    """``n`` as running text writes it: a word below ``spell_below``, else digits."""
    if 0 <= n < spell_below:
        return words_id(n) if lang == "id" else words_en(n)
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", ".")


_LEADING_NUMBER = re.compile(r"\d{1,3}(?:[,.]\d{3})*(?!\d)|\d+")


def sentence(text: str, lang: str = "en") -> str:
    """A composed sentence made right at its start: a leading number spelled out, the first
    letter capitalised."""
    text = text.strip()
    match = _LEADING_NUMBER.match(text)
    if match and not text[match.end() : match.end() + 1].isalnum() and text[match.end(): match.end() + 1] != "/":
        value = int(re.sub(r"[,.]", "", match.group()))
        text = (words_id(value) if lang == "id" else words_en(value)) + text[match.end() :]
    return text[:1].upper() + text[1:]


def plural_en(n: int, singular: str, plural: str | None = None) -> str:
    """"source" / "sources" by count (English; Indonesian nouns do not change after a number)."""
    return singular if n == 1 else (plural or singular + "s")


def verb_en(n: int, plural: str, singular: str | None = None) -> str:
    """A present-tense verb agreeing with a count: (1, "discuss") -> "discusses", (2, "present") -> "present"."""
    if n != 1:
        return plural
    if singular:
        return singular
    if plural.endswith(("s", "sh", "ch", "x", "z", "o")):
        return plural + "es"
    if plural.endswith("y") and plural[-2:-1] not in "aeiou":
        return plural[:-1] + "ies"
    return plural + "s"


def indefinite(phrase: str) -> str:
    """The English indefinite article a noun phrase takes, by how its first word sounds:
    "an observation", "a survey", "a unique case", "an hour", "an SNA method"."""
    word = phrase.split()[0] if phrase.split() else ""
    low = word.lower()
    if not low:
        return "a"
    if word.isupper() and len(word) > 1:  # an initialism read letter by letter: "an SNA", "a CDA"
        return "an" if low[0] in "aefhilmnorsx" else "a"
    if low.startswith(_AN_SILENT_H):
        return "an"
    if low.startswith(_A_BEFORE_VOWEL):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


_AN_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
_A_BEFORE_VOWEL = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq", "ura")


def method_phrase(label: str) -> str:
    """What sources "use", for a method label: "a case study method", "an observation method";
    a plural label stands alone ("interviews", "mixed methods")."""
    last = label.split()[-1].lower() if label.split() else ""
    if last.endswith("s") and not last.endswith(("ss", "sis", "us", "ics")):
        return label
    return f"{indefinite(label)} {label} method"


def join(items: Sequence[str], lang: str = "en", word: str | None = None) -> str:
    """A list in prose: "A", "A and B", "A, B, and C" (serial comma); Indonesian "A, B, dan C".
    ``word`` replaces "and"/"dan" ("or"/"atau")."""
    items = [i for i in items if i]
    conj = word or ("dan" if lang == "id" else "and")
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2 and not any(f" {conj} " in item for item in items):
        return f"{items[0]} {conj} {items[1]}"
    # (two items, one holding the conjunction itself, "blogs and websites", are set off by a comma too)
    return f"{', '.join(items[:-1])}, {conj} {items[-1]}"


# -- counts of sources -------------------------------------------------------------------------
def sources_of(n: int, total: int, lang: str = "en") -> str:
    """The subject "n of total sources" (to begin a sentence; pass through ``sentence``):
    "all four sources", "both sources", "the one source", "three of 12 sources";
    "keempat sumber", "kedua sumber", "satu-satunya sumber", "tiga dari 12 sumber"."""
    if lang == "id":
        if n == total:
            if n == 1:
                return "satu-satunya sumber"
            return f"{_ORDINAL_ID[n]} sumber" if n in _ORDINAL_ID else f"seluruh {number(n, 'id')} sumber"
        return f"{number(n, 'id')} dari {number(total, 'id')} sumber"
    if n == total:
        if n == 1:
            return "the one source"
        return "both sources" if n == 2 else f"all {number(n)} sources"
    return f"{number(n)} of {number(total)} {plural_en(total, 'source')}"


def some_of_them(k: int, n: int, lang: str = "en") -> str:
    """The subject "k of them" among n (k <= n): "all of them", "both", "it", "one of them";
    "semuanya", "keduanya", "sumber itu", "satu di antaranya"."""
    if lang == "id":
        if k == n:
            return "sumber itu" if n == 1 else ("keduanya" if n == 2 else "semuanya")
        return f"{number(k, 'id')} di antaranya"
    if k == n:
        return "the source" if n == 1 else ("both" if n == 2 else "all of them")
    return f"{number(k)} of them"


def clause(k: int, n: int, verb: str, rest: str, lang: str = "en") -> str:
    """"<k of n> <verb agreeing with k> <rest>" as a sentence: (1, 3, "use", "a survey") ->
    "One of them uses a survey."; (3, 3, ...) -> "All of them use a survey."."""
    subject = some_of_them(k, n, lang)
    if lang == "id":
        return sentence(f"{subject} {verb} {rest}".strip(), "id") + "."
    return sentence(f"{subject} {verb_en(k, verb)} {rest}".strip()) + "."


# -- framing -----------------------------------------------------------------------------------
FRAME_PHRASES = {
    "en": {"opportunity": "as an opportunity", "risk": "as a risk", "both": "as both an opportunity and a risk"},
    "id": {"opportunity": "sebagai peluang", "risk": "sebagai risiko", "both": "sebagai peluang sekaligus risiko"},
}


def frame_sentence(opportunity: int, risk: int, both: int, n: int, lang: str = "en") -> str:
    """How ``n`` sources frame a theme, each counted once: ``opportunity`` only as an opportunity,
    ``risk`` only as a risk, ``both`` as both; the rest not at all. "" when none frames it.

    "Three of them present it as an opportunity, one as a risk, and one as both an opportunity
    and a risk." / "Tiga di antaranya melihatnya sebagai peluang, satu sebagai risiko, dan satu
    sebagai peluang sekaligus risiko."
    """
    if min(opportunity, risk, both) < 0 or opportunity + risk + both > n:
        raise ValueError(f"frame counts {opportunity}+{risk}+{both} exceed {n} sources")
    phrases = FRAME_PHRASES["id" if lang == "id" else "en"]
    parts = [(k, phrases[frame]) for k, frame in ((opportunity, "opportunity"), (risk, "risk"), (both, "both")) if k]
    if not parts:
        return ""
    verb = "melihatnya" if lang == "id" else "present"
    first_k, first_phrase = parts[0]
    if len(parts) == 1:
        return clause(first_k, n, verb, f"{'' if lang == 'id' else 'it '}{first_phrase}", lang)
    head = clause(first_k, n, verb, f"{'' if lang == 'id' else 'it '}{first_phrase}", lang)[:-1]
    rest = [f"{number(k, lang)} {phrase}" for k, phrase in parts[1:]]
    return join([head, *rest], lang) + "."


def count_frames(frames: Sequence[str]) -> tuple[int, int, int]:
    """(opportunity only, risk only, both) from per-source frames ("opportunity", "risk",
    "mixed" for both, anything else for none)."""
    return (sum(f == "opportunity" for f in frames), sum(f == "risk" for f in frames),
            sum(f == "mixed" for f in frames))
