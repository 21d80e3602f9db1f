"""Papers as BibTeX/BibLaTeX that pybtex, bibtexparser and biber read back.

Text is UTF-8 with LaTeX's special characters escaped (\\&, \\%, \\_, braces as
\\textbraceleft{} so values always balance). Titles get one extra pair of
braces to keep their capitalisation. A literal name (mononym, institution)
is written in braces, "{Munadi}", so it stays one name.

Bilingual papers (the mapping the BibTeX importer reads back):

- ``title``: the title in the paper's own language; ``langid``: that language
  (babel name: indonesian, english);
- ``titleaddon``: the other language's title, which biblatex styles print in
  brackets after the title (APA: "Judul [Title]"); the same text also goes to
  ``title_en``/``title_id`` to say which language it is;
- ``abstract``/``keywords``: the paper's own language; ``abstract_en``/
  ``abstract_id`` and ``keywords_en``/``keywords_id``: the other language's.

Everything in ``Paper.extra`` is written as a field of its own name.
"""

from __future__ import annotations

import re
import unicodedata

from litreview.ingest.bibtex import IN_TYPES, VERBATIM_FIELDS
from litreview.model import Paper, Person

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]|-(?=-)|`(?=`)|'(?=')")
# Extra fields that hold the raw form of a field the Paper also has (an unreadable
# year, an unknown language): written instead of the parsed value.
_RAW_WINS = frozenset({"year", "date", "langid", "language", "month", "day"})
# langid values (babel language names) for the ISO codes; the importer reads these back.
BABEL_NAMES = {
    "id": "indonesian",
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "nl": "dutch",
    "it": "italian",
    "ru": "russian",
    "ms": "malay",
    "tr": "turkish",
    "pl": "polish",
}
_BAD_NAME_CHARS = re.compile(r"[^A-Za-z0-9@!$&*+\-./:;<>?\[\]^_`|~]")
_LINE_AT = re.compile(r"(\n[ \t]*)@")
_KEY_BAD = re.compile(r"[\s,{}()%#\"'=\\]")


def escape(text: str) -> str:
    """Escape LaTeX specials so the BibTeX importer decodes ``text`` back exactly."""

    def replace(m: re.Match[str]) -> str:
        token = m.group()
        if token in "-`'":  # "--", "``", "''" would become dashes and quotes: "-{}-"
            return token + "{}"
        return _ESCAPES[token]

    # "@" opening a line ends the entry for bibtexparser, even inside a braced value
    return _LINE_AT.sub(r"\1{@}", _SPECIAL.sub(replace, text))


def _verbatim(text: str) -> str:
    """URLs, DOIs and paths go in as written; braces, which would unbalance the value, as %7B/%7D."""
    return text.replace("{", "%7B").replace("}", "%7D")


def format_name(person: Person) -> str:
    """One name in BibTeX's "von Last, Jr, First" form; literal names in braces."""
    if person.literal:
        return "{" + escape(person.literal) + "}"

    def part(text: str) -> str:
        text = escape(text)
        return "{" + text + "}" if (" and " in text.lower() or "," in text) else text

    family = part(person.family)
    if not family.startswith("{") and any(_first_letter_lower(word) for word in family.split()):
        family = "{" + family + "}"  # "van Helvoort" as a family name, not particle + family
    if person.particle:
        particle = part(person.particle)
        family = f"{particle}{family}" if particle.endswith(("-", "'", "’")) else f"{particle} {family}"
    if not person.given and not person.suffix:
        return family
    if person.suffix:
        return f"{family}, {part(person.suffix)}, {part(person.given)}"
    return f"{family}, {part(person.given)}"


def _first_letter_lower(word: str) -> bool:
    letter = next((c for c in word if c.isalpha()), "")
    return letter.islower()


def _names(people: list[Person], truncated: bool) -> str:
    names = [format_name(p) for p in people]
    if truncated:
        names.append("others")
    return " and ".join(names)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def citation_key(paper: Paper) -> str:
    """The paper's key made safe for BibTeX, or "surname2024word" when it has none."""
    if paper.key.strip():
        key = _KEY_BAD.sub("_", paper.key.strip())
        return key if key.strip("_") else "paper"
    surname = re.sub(r"[^a-z]", "", _ascii(paper.first_author).lower()) or "anon"
    words = [w for w in re.findall(r"[a-z]+", _ascii(paper.title).lower()) if len(w) > 3]
    return f"{surname}{paper.year or ''}{words[0] if words else ''}"


def _other_language(paper: Paper) -> list[str]:
    """The language suffixes ("en", "id") whose title/abstract differ from the main ones."""
    return [
        lang
        for lang in ("id", "en")
        if getattr(paper, f"title_{lang}") and getattr(paper, f"title_{lang}") != paper.title
    ]


def join_keywords(words: list[str]) -> str:
    """Keywords as one value that ``split_keywords`` reads back: "; "-separated (";" after a lone one)
    when any holds a ",", else ", "-separated."""
    if any("," in w for w in words):
        joined = "; ".join(words)
        return joined + ";" if len(words) == 1 else joined
    return ", ".join(words)


def protect_title(title: str) -> str:
    """The title escaped, with its proper nouns and acronyms in braces so that a BibTeX style
    that lowers the case of titles keeps them: "Hoaks di {WhatsApp} menjelang {Pemilu} 2024"."""
    from litreview.text.titlecase import protected_words

    text = escape(title)
    words = protected_words(title)
    if not words:
        return text
    pattern = re.compile(r"(?<![\w{\\])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w}])")
    return pattern.sub(r"{\1}", text)


def _file_field(paths: list[str]) -> str:
    items = []
    for path in paths:
        escaped = path.replace("\\", "\\\\").replace(":", "\\:").replace(";", "\\;")
        mime = "application/pdf" if path.lower().endswith(".pdf") else ""
        items.append(f":{_verbatim(escaped)}:{mime}")
    return ";".join(items)


def _fields(paper: Paper) -> list[tuple[str, str]]:
    """(name, already-escaped value) in output order."""
    out: list[tuple[str, str]] = []
    extra = dict(paper.extra)
    raw_extra = {k: extra.pop(k) for k in list(extra) if k in _RAW_WINS}
    editors_truncated = extra.pop("editors_truncated", "") == "yes"

    def add(name: str, value: str, verbatim: bool = False) -> None:
        if value:
            out.append((name, _verbatim(value) if verbatim else escape(value)))

    if paper.authors or paper.authors_truncated:
        out.append(("author", _names(paper.authors, paper.authors_truncated)))
    if paper.editors or editors_truncated:
        out.append(("editor", _names(paper.editors, editors_truncated)))
    if paper.title:
        out.append(("title", protect_title(paper.title)))
    others = _other_language(paper)
    if len(others) == 1:
        add("titleaddon", getattr(paper, f"title_{others[0]}"))
    if paper.journal:
        order = (
            ("booktitle", "journal", "journaltitle")
            if paper.entry_type in IN_TYPES
            else ("journal", "booktitle", "journaltitle")
        )
        add(next(name for name in order if name not in extra), paper.journal)
    if paper.year is not None and "year" not in raw_extra:
        add("year", str(paper.year))
    if paper.date and paper.date != str(paper.year) and "date" not in raw_extra:
        add("date", paper.date)
    add("volume", paper.volume)
    add("number", paper.issue)
    if paper.pages:
        out.append(("pages", re.sub(r"(?<!-)-(?!-)", "--", escape(paper.pages))))
    add("publisher", paper.publisher)
    add("doi", paper.doi, verbatim=True)
    add("url", paper.url, verbatim=True)
    add("isbn", paper.isbn)
    add("issn", paper.issn)
    if paper.language and "langid" not in raw_extra:
        add("langid", BABEL_NAMES.get(paper.language, paper.language))
    add("abstract", paper.abstract)
    if paper.keywords:
        add("keywords", join_keywords(paper.keywords))
    for lang in ("id", "en"):
        if lang in others:
            add(f"title_{lang}", getattr(paper, f"title_{lang}"))
        if getattr(paper, f"abstract_{lang}") and getattr(paper, f"abstract_{lang}") != paper.abstract:
            add(f"abstract_{lang}", getattr(paper, f"abstract_{lang}"))
        if getattr(paper, f"keywords_{lang}") and getattr(paper, f"keywords_{lang}") != paper.keywords:
            add(f"keywords_{lang}", join_keywords(getattr(paper, f"keywords_{lang}")))
    add("note", paper.note)
    if paper.attachments:
        out.append(("file", _file_field(paper.attachments)))
    written = {name for name, _ in out}
    for name, value in [*raw_extra.items(), *extra.items()]:
        field = _BAD_NAME_CHARS.sub("-", name.strip()) or "extra"
        if not field[0].isalpha():
            field = "x-" + field
        while field.lower() in written:
            field += "-extra"
        written.add(field.lower())
        verbatim = field.lower() in VERBATIM_FIELDS or "url" in field.lower()
        add(field, value, verbatim=verbatim)
    return out


def export_bibtex(papers: list[Paper]) -> str:
    """All ``papers`` as one BibTeX file (keys made unique with a, b, c ... suffixes)."""
    used: set[str] = set()
    chunks = []
    for paper in papers:
        base = key = citation_key(paper)
        n = 0
        while key.lower() in used:
            n += 1
            key = f"{base}{_suffix(n)}"
        used.add(key.lower())
        entry_type = re.sub(r"[^A-Za-z0-9_-]", "", paper.entry_type) or "misc"
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in _fields(paper))
        chunks.append(f"@{entry_type}{{{key},\n{body}\n}}\n" if body else f"@{entry_type}{{{key}\n}}\n")
    return "\n".join(chunks)


def _suffix(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
