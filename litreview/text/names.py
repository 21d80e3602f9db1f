"""Split personal names into family, given, particle and suffix, and author lists into names.

Indonesian authors are often known by one name ("Munadi"): a one-word name
becomes ``Person(literal=...)``, never a family name with an empty given name.
Names in braces ("{Komisi Pemilihan Umum}") are kept whole as literals too.
pybtex does the BibTeX-style splitting ("von Last, Jr, First"); this module
adds what our sources need on top: mononyms, Arabic articles ("al-"),
RIS-style suffixes ("Last, First, Jr."), lists that use commas or semicolons
instead of "and", and the "et al." / "dkk." markers that end truncated lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from litreview.model import Person

# Lower-case Arabic articles written joined to the name: "al-Farabi", "as-Sayyid".
_ARTICLE = re.compile(r"^(al|el|ad|an|ar|as|at|az|ash|ath|ud|ul)-(?=\w)")
_SUFFIX = re.compile(r"^(jr|sr|jnr|snr|ii|iii|iv|2nd|3rd|4th)\.?$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?[\s-]*){1,4}$")
# What ends a truncated list: "et al.", "dkk." (Indonesian), "and others", "others", "dll.".
_TRUNCATION = re.compile(
    r"(?:^|[\s,;&]+)(?:and\s+|&\s*|dan\s+)?(?:et\.?\s*al(?:ii|ia)?\.?|dkk\.?|dll\.?|others|lainnya)\s*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:and|AND|And|&|dan)\s+")  # "dan": Indonesian "and"
_DAN = re.compile(r"\s+dan\s+")
_SPACE = re.compile(r"\s+")


def _strip_braces(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def _top_level_split(text: str, separator: str) -> list[str]:
    """Split on ``separator`` (one character) outside braces."""
    if "{" not in text:
        return text.split(separator)
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _top_level_tokens(text: str) -> list[str]:
    """Whitespace-separated words, a braced group counting as part of its word."""
    return [t for t in _top_level_split(_SPACE.sub(" ", text), " ") if t]


def _wholly_braced(text: str) -> bool:
    """True for "{Komisi Pemilihan Umum}": one brace group spanning the whole text."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0


def _split_article(family: str, particle: str) -> tuple[str, str]:
    """Move a joined Arabic article into the particle: "al-Farabi" -> ("Farabi", "al-")."""
    match = _ARTICLE.match(family)
    if not match:
        return family, particle
    article = match.group(0)
    return family[len(article) :], f"{particle} {article}".strip()


def person_from_pybtex(p: Any, decode: Callable[[str], str] = _strip_braces) -> Person:
    """Turn a ``pybtex.database.Person`` into our Person.

    ``decode`` turns each raw name part into plain text (the BibTeX importer
    passes its LaTeX decoder; the default only drops braces).
    """

    def join(parts: list[str]) -> str:
        return " ".join(x for x in (decode(part).strip() for part in parts) if x)

    given = join(p.first_names + p.middle_names)
    particle = join(p.prelast_names)
    family = join(p.last_names)
    suffix = join(p.lineage_names)
    if not given and not particle and not suffix and len(p.last_names) <= 1:
        return Person(literal=family) if family else Person()
    if not family and given:  # "{Komisi} ," or similar oddities: keep the name whole
        return Person(literal=" ".join(x for x in (given, particle) if x))
    if not family and particle:
        return Person(literal=particle)
    family, particle = _split_article(family, particle)
    return Person(family=family, given=given, particle=particle, suffix=suffix)


def _looks_like_two_names(family: str, given: str) -> bool:
    """ "Kristoko Dwi Hartomo, Theopilus Wellem" is two display-order names, not Last, First."""
    fam, giv = _top_level_tokens(family), _top_level_tokens(given)
    if len(fam) < 3 or len(giv) < 2:
        return False
    words = fam + giv
    return all(w[:1].isupper() and not _INITIALS.match(w) for w in words)


@lru_cache(maxsize=65536)
def _parse_cached(name: str, decode: Callable[[str], str]) -> tuple[str, str, str, str, str]:
    from pybtex.database import Person as PybtexPerson
    from pybtex.exceptions import PybtexError

    if _wholly_braced(name):
        return ("", "", "", "", " ".join(decode(name).split()))
    parts = [part.strip() for part in _top_level_split(name, ",")]
    while parts and not parts[-1]:
        parts.pop()  # "Munadi," -> "Munadi"
    if len(parts) == 3 and _SUFFIX.match(parts[2]) and not _SUFFIX.match(parts[1]):
        parts = [parts[0], parts[2], parts[1]]  # RIS "Last, First, Jr." -> BibTeX "Last, Jr., First"
    elif len(parts) == 2 and _SUFFIX.match(parts[1]):
        tokens = _top_level_tokens(parts[0])  # "John Smith, Jr."
        if len(tokens) > 1:
            parts = [tokens[-1], parts[1], " ".join(tokens[:-1])]
    elif len(parts) > 3:
        parts = [parts[0], " ".join(parts[1:])]
    if len(parts) == 1:
        tokens = _top_level_tokens(parts[0])
        if len(tokens) > 2 and _SUFFIX.match(tokens[-1]):  # "Martin Luther King Jr."
            parts = [tokens[-2], tokens[-1], " ".join(tokens[:-2])]
    simple = _simple_split(parts)
    if simple is not None:
        family, given = simple
        if not given:
            return ("", "", "", "", family)
        family, particle = _split_article(family, "")
        return (family, given, particle, "", "")
    text = ", ".join(parts).replace(",,", ",")
    try:
        p = PybtexPerson(text)
    except PybtexError:
        return ("", "", "", "", " ".join(decode(name).split()))
    person = person_from_pybtex(p, decode)
    return (person.family, person.given, person.particle, person.suffix, person.literal)


def _simple_split(parts: list[str]) -> tuple[str, str] | None:
    """(family, given) for the common plain case; None when pybtex's rules are needed.

    Plain: no braces, backslashes or ties, at most one comma, every word
    capitalised (so no "van"/"bin" particles and no BibTeX "von" rules apply).
    """
    if len(parts) > 2:
        return None
    words = [part.split() for part in parts]
    for group in words:
        for word in group:
            if not word[0].isupper() or "{" in word or "\\" in word or "~" in word or "}" in word:
                return None
    if len(parts) == 2:
        if not words[0]:
            return None
        return " ".join(words[0]), " ".join(words[1])
    if not words[0]:
        return None
    return words[0][-1], " ".join(words[0][:-1])


def _parse(name: str, decode: Callable[[str], str]) -> Person:
    name = _SPACE.sub(" ", name).strip().strip(";").strip()
    if name.endswith(","):
        # "Komisi Pemilihan Umum," : a family part with nothing after it, EndNote's mark
        # for a corporate name; one name, whatever its number of words.
        name = name.rstrip(", ")
        if name and len(_top_level_split(name, ",")) == 1:
            return Person(literal=" ".join(decode(name).split()))
    if not name:
        return Person()
    family, given, particle, suffix, literal = _parse_cached(name, decode)
    return Person(family=family, given=given, particle=particle, suffix=suffix, literal=literal)


def parse_name(s: str) -> Person:
    """Parse one plain-text name: "Cobis, Mikhael Yulius", "Mikhael Yulius Cobis", "Munadi".

    Braces protect a name from splitting ("{Komisi Pemilihan Umum}" is one
    literal name), and so does a trailing comma ("Komisi Pemilihan Umum,",
    EndNote's way of writing a corporate author). LaTeX is not decoded here;
    BibTeX names go through :func:`parse_bibtex_name_list`.
    """
    return _parse(s, _strip_braces)


def _split_commas(item: str, is_list: bool = False) -> list[str]:
    """One " and "-free item with commas: a single "Last, First" name, or a comma list.

    ``is_list``: the item ended in a comma before "and"/"&" ("A B, C D, & E F"),
    so its commas separate names.
    """
    if "," not in item:
        return [item]
    chunks = [c.strip() for c in _top_level_split(item, ",")]
    chunks = [c for c in chunks if c]
    if len(chunks) <= 1:
        return chunks
    if len(chunks) == 2 and not is_list and chunks[0].count(" ") < 2:
        return [item]  # the usual "Last, First"
    # "Cobis, M. Y., Santoso, B." : surname / initials pairs.
    if (
        len(chunks) % 2 == 0
        and all(_INITIALS.match(c) for c in chunks[1::2])
        and not any(_INITIALS.match(c) for c in chunks[0::2])
    ):
        pairs = [f"{chunks[i]}, {chunks[i + 1]}" for i in range(0, len(chunks), 2)]
        return pairs if len(pairs) > 1 else [item]
    if len(chunks) == 2:
        return chunks if is_list or _looks_like_two_names(chunks[0], chunks[1]) else [item]
    if len(chunks) == 3 and (_SUFFIX.match(chunks[1]) or _SUFFIX.match(chunks[2])):
        return [item]
    # "Nuryake Fajaryati, Priyanto, Totok Sukardiyono": display-order names.
    return chunks


_TRUNCATION_ENDS = ("al", "dkk", "dll", "others", "lainnya", "alii", "alia")


def _strip_truncation(text: str) -> tuple[str, bool]:
    if not text.lower().rstrip(" .,;").endswith(_TRUNCATION_ENDS):
        return text, False
    match = _TRUNCATION.search(text)
    if not match:
        return text, False
    return text[: match.start()].rstrip(" ,;&"), True


def _split_items(items: list[str], decode: Callable[[str], str]) -> tuple[list[Person], bool]:
    people: list[Person] = []
    truncated = False
    items = [part for item in items for part in _DAN.split(item)] if " dan " in " ".join(items) else items
    for raw in items:
        is_list = raw.rstrip().endswith(",")
        item, cut = _strip_truncation(raw.strip())
        truncated = truncated or cut
        item = item.rstrip(" ,")
        if not item:
            continue
        for chunk in _split_commas(item, is_list):
            person = _parse(chunk, decode)
            if person != Person():
                people.append(person)
    return people, truncated


def parse_name_list(s: str) -> tuple[list[Person], bool]:
    """Parse a list of names; the bool says it ended in "et al.", "dkk." or "and others".

    Names may be separated by " and ", "&" or ";"; without those, commas
    separate names when the text cannot be one "Last, First" name.
    """
    text = _SPACE.sub(" ", s).strip()
    if not text:
        return [], False
    text, truncated = _strip_truncation(text)
    if ";" in text:
        items = [part for chunk in _top_level_split(text, ";") for part in _split_and(chunk)]
    else:
        items = _split_and(text)
    people, cut = _split_items(items, _strip_braces)
    return people, truncated or cut


def _split_and(text: str) -> list[str]:
    if "{" in text:
        protected = _BRACE_GROUP.sub(lambda m: m.group(0).replace(" ", "\x00"), text)
        return [part.replace("\x00", " ") for part in _AND.split(protected)]
    return _AND.split(text)


def parse_bibtex_name_list(value: str, decode: Callable[[str], str]) -> tuple[list[Person], bool]:
    """Parse a raw BibTeX ``author``/``editor`` value ("A and B and others").

    ``decode`` turns LaTeX into Unicode. Items with too many commas for one
    BibTeX name ("Fajaryati, Priyanto, Totok Sukardiyono") are read as comma
    lists instead of failing like BibTeX does.
    """
    value = _SPACE.sub(" ", value).strip()
    if not value:
        return [], False
    return _split_items(_split_bibtex_and(value), decode)


_BIBTEX_AND = re.compile(r"\s+[Aa][Nn][Dd]\s+")
_BRACE_GROUP = re.compile(r"\{[^{}]*\}")


def _split_bibtex_and(value: str) -> list[str]:
    """Split on " and " (any case) outside braces, as BibTeX does."""
    if "{" not in value:
        return _BIBTEX_AND.split(value)
    protected = value
    for _ in range(5):  # innermost groups first, nested ones on later rounds
        replaced = _BRACE_GROUP.sub(
            lambda m: m.group(0).replace(" ", "\x00").replace("{", "\x01").replace("}", "\x02"), protected
        )
        if replaced == protected:
            break
        protected = replaced
    parts = _BIBTEX_AND.split(protected)
    return [p.replace("\x00", " ").replace("\x01", "{").replace("\x02", "}") for p in parts]
