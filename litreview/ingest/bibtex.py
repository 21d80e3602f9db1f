"""BibTeX and BibLaTeX files (Zotero, Mendeley, JabRef, Web of Science exports) into Papers.

Parsing. A fast scanner reads the entries that follow the common grammar;
any entry it cannot read is handed to pybtex's parser, which either reads it
(rare syntax) or reports the problem. A broken entry becomes one line in
``ImportResult.errors`` ("refs.bib line 40: entry 'x': '}' expected ...") and
scanning resumes at the next line that starts an entry, so one stray brace
never costs the rest of the file. ``@string`` macros carry through, ``%``
comments hide entries, ``crossref`` children inherit their parent's fields.

Fields. LaTeX is decoded to Unicode ({\\"o} -> ö, -- -> –, protective braces
dropped); url, doi and file stay verbatim. Mapped fields fill the Paper; every
other field lands in ``Paper.extra`` under its lower-case name, so nothing is
lost. The ``file`` field (Zotero, JabRef, Mendeley forms) becomes
``Paper.attachments``: paths as written, for the caller to resolve.

Bilingual records. ``title`` is the title in the paper's language
(``langid``/``language``, else detected). The other language's version comes
from the explicit fields ``title_en``/``title_id`` (``abstract_*``,
``keywords_*`` likewise, as litreview's exporter writes them), or from
``titleaddon``/``origtitle``/``translatedtitle`` when that text is detectably
in the other language. An abstract holding both languages in separate
paragraphs is split.

The record-level helpers at the bottom (dates, DOIs, languages, keywords,
bilingual fields) are shared by the RIS and CSL importers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from litreview.errors import ImportFailed
from litreview.model import ImportResult, Paper
from litreview.text.clean import clean_field
from litreview.text.encoding import decode_text, looks_binary
from litreview.text.language import detect_language
from litreview.text.names import parse_bibtex_name_list

NAME = "bibtex"
DESCRIPTION = "BibTeX"
EXTENSIONS = (".bib", ".bibtex", ".biblatex")

# ---------------------------------------------------------------------------
# Sniffing

_SNIFF = re.compile(
    rb"(?m)^[ \t]*@[ \t]*(?:string|preamble|comment|[A-Za-z][\w-]*[ \t]*[{(][ \t]*[^\s,{}()=\"]+[ \t]*,"
    rb"|[A-Za-z][\w-]*[ \t]*[{(]\s*[A-Za-z][\w-]*\s*=)",
    re.IGNORECASE,
)


def match(head: bytes, name: str) -> bool:
    """An entry start ("@article{key,", "@string{") at the start of a line."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip() or looks_binary(head):
        return False
    return _SNIFF.search(head) is not None


# ---------------------------------------------------------------------------
# LaTeX to Unicode

_COMBINING = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
    "t": "\u0361",
}
_SYMBOLS = {
    "ss": "ß",
    "SS": "SS",
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
    "dj": "đ",
    "DJ": "Đ",
    "textendash": "–",
    "textemdash": "—",
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textquotesingle": "'",
    "textquotedbl": '"',
    "lq": "‘",
    "rq": "’",
    "copyright": "©",
    "textcopyright": "©",
    "textregistered": "®",
    "texttrademark": "™",
    "S": "§",
    "P": "¶",
    "textsection": "§",
    "textparagraph": "¶",
    "pounds": "£",
    "textsterling": "£",
    "euro": "€",
    "texteuro": "€",
    "textdegree": "°",
    "textdollar": "$",
    "textbackslash": "\ue000",
    "textbraceleft": "\ue001",
    "textbraceright": "\ue002",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textunderscore": "_",
    "textless": "<",
    "textgreater": ">",
    "textbar": "|",
    "textasciigrave": "`",
    "guillemotleft": "«",
    "guillemotright": "»",
    "guillemetleft": "«",
    "guillemetright": "»",
    "guilsinglleft": "‹",
    "guilsinglright": "›",
    "quotedblbase": "„",
    "quotesinglbase": "‚",
    "textbullet": "•",
    "textperiodcentered": "·",
    "textdagger": "†",
    "dag": "†",
    "ddag": "‡",
    "textexclamdown": "¡",
    "textquestiondown": "¿",
    "texttimes": "×",
    "times": "×",
    "textdiv": "÷",
    "div": "÷",
    "pm": "±",
    "textpm": "±",
    "textminus": "−",
    "textperthousand": "‰",
    "textmu": "µ",
    "textonehalf": "½",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2e",
    "TeX": "TeX",
    "BibTeX": "BibTeX",
    "XeTeX": "XeTeX",
    "slash": "/",
    "textslash": "/",
    "par": "\n\n",
    "newline": " ",
    "linebreak": " ",
    "quad": " ",
    "qquad": " ",
    "space": " ",
    "enspace": " ",
    "thinspace": " ",
    "nobreakspace": " ",
    "textvisiblespace": "␣",
    "checkmark": "✓",
    "textcelsius": "℃",
    "textnumero": "№",
    "langle": "⟨",
    "rangle": "⟩",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "approx": "≈",
    "sim": "~",
    "infty": "∞",
    "cdot": "·",
    "circ": "∘",
    "deg": "°",
    "prime": "′",
}
# Word-like symbols keep the space that follows them ("\LaTeX is").
_WORD_SYMBOLS = frozenset({"LaTeX", "LaTeXe", "TeX", "BibTeX", "XeTeX", "dots", "ldots"})
# Commands that only format their argument; the argument stays, the command goes.
_FORMATTING = frozenset(
    """emph textit textbf textsc texttt textrm textsf textup textmd textsl textnormal mbox hbox fbox
    url nolinkurl NoCaseChange MakeUppercase MakeLowercase uppercase lowercase MakeTextUppercase
    MakeTextLowercase textsuperscript textsubscript ensuremath mathrm mathit mathbf mathsf mathtt
    mathcal mathnormal text enquote mkbibquote mkbibemph mkbibitalic mkbibbold path protect relax em
    it bf sc tt rm sf sl itshape bfseries scshape upshape mdseries normalfont small large Large LARGE
    footnotesize scriptsize tiny huge Huge normalsize noindent ignorespaces unskip nobreak allowbreak
    xspace textenglish textindonesian selectlanguage overline underline bm boldsymbol operatorname
    mathbb mathfrak left right big Big bigl bigr""".split()
)
# Commands whose (first) argument is not text: dropped with it.
_DROP_WITH_ARG = re.compile(
    r"\\(?:noopsort|SortNoop|sortnoop|hspace\*?|vspace\*?|label|index|href|foreignlanguage|hyphenation"
    r"|selectlanguage|setlength|addtolength)\s*\{[^{}]*\}"
)
_LONE_COMMAND = re.compile(r"\\([A-Za-z]+)\s*(?:\{\})?")
_NEEDS_DECODING = re.compile(r"[\\{}$~]|--|``|''")
_TOKEN = re.compile(
    r"""\\(?P<acc>[`'^"~=.])\s*(?:\{\s*(?P<accarg>\\[ij](?![A-Za-z])|[^{}\\\s])?\s*\}|(?P<accbare>\\[ij](?![A-Za-z])|[^{}\\\s]))
    |\\(?P<lacc>[uvHckrdbt])(?![A-Za-z])\s*(?:\{\s*(?P<laccarg>\\[ij](?![A-Za-z])|[^{}\\\s])?\s*\}|(?P<laccbare>[A-Za-z]))
    |\\(?P<cmd>[A-Za-z]+)\*?(?P<space>\s*)
    |\\(?P<sym>.)
    |(?P<math>\$[^$]*\$)
    |(?P<dash>---?)
    |(?P<quote>``|'')
    |(?P<other>[{}~$])""",
    re.VERBOSE | re.DOTALL,
)
_CONTROL_SYMBOLS = {
    "\\": " ",
    ",": " ",
    ";": " ",
    ":": " ",
    "!": "",
    " ": " ",
    ">": " ",
    "-": "",
    "/": "",
    "@": "",
    "{": "\ue001",
    "}": "\ue002",
    "\n": " ",
    "\t": " ",
}
_SUPERSCRIPT = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SCRIPT = re.compile(r"([_^])\s*(?:\{([^{}]*)\}|(\\?[A-Za-z0-9]))")
_PRIVATE = str.maketrans({"\ue000": "\\", "\ue001": "{", "\ue002": "}"})


@lru_cache(maxsize=4096)
def _unknown_command(name: str) -> str | None:
    """latexcodec's large table, for commands ours lacks (\\alpha, \\Omega, ...)."""
    import codecs

    import latexcodec  # noqa: F401  (registers the codec)

    for form in ("\\" + name, "$\\" + name + "$"):  # Greek and math symbols only decode in math mode
        try:
            decoded = str(codecs.decode(form, "ulatex")).strip()  # type: ignore[call-overload]
        except Exception:  # latexcodec raises odd errors on odd input
            continue
        if decoded and "\\" not in decoded and "$" not in decoded:
            return decoded
    return None


def _math(body: str) -> str:
    """Inline math: x^2 -> x², Cu_2 -> Cu₂; other markup goes with the rest."""

    def script(m: re.Match[str]) -> str:
        arg = m.group(2) if m.group(2) is not None else m.group(3)
        table = _SUPERSCRIPT if m.group(1) == "^" else _SUBSCRIPT
        converted = arg.translate(table)
        if all(ord(c) > 127 or c.isspace() for c in converted):
            return converted
        return arg

    return _SCRIPT.sub(script, body)


def _replace(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if m.group("acc") is not None or m.group("lacc") is not None:
        accent = m.group("acc") or m.group("lacc")
        base = m.group("accarg") or m.group("accbare") or m.group("laccarg") or m.group("laccbare")
        if base is None:  # "\~{}": the accent alone
            return accent if m.group("acc") else ""
        if base.startswith("\\"):
            base = base[1]  # dotless i/j under an accent is a plain i/j
        return base + _COMBINING[accent]
    if m.group("cmd") is not None:
        name, space = m.group("cmd"), m.group("space")
        if name in _SYMBOLS:
            text = _SYMBOLS[name]
            return text + " " if space and name in _WORD_SYMBOLS else text
        if name in _FORMATTING:
            return ""
        decoded = _unknown_command(name)
        return decoded if decoded is not None else ""
    if kind == "sym":
        char = m.group("sym")
        return _CONTROL_SYMBOLS.get(char, char)
    if kind == "math":
        return _decode(_math(m.group("math")[1:-1]))
    if kind == "dash":
        return "—" if len(m.group("dash")) == 3 else "–"
    if kind == "quote":
        return "“" if m.group("quote") == "``" else "”"
    other = m.group("other")
    return " " if other == "~" else ""


def _decode(text: str) -> str:
    if "\\" in text:
        text = _DROP_WITH_ARG.sub("", text)
    out = _TOKEN.sub(_replace, text)
    if "\ue000" in out or "\ue001" in out or "\ue002" in out:
        out = out.translate(_PRIVATE)
    return unicodedata.normalize("NFC", out) if not out.isascii() else out


_decode_cached = lru_cache(maxsize=65536)(_decode)


def latex_to_unicode(text: str) -> str:
    """Decode BibTeX's LaTeX into plain Unicode text: accents, symbols, dashes, quotes.

    Protective braces go, formatting commands (\\emph, \\textit, {\\em ..})
    leave their text, escaped specials (\\&, \\%, \\{) become the characters.
    An unknown command is dropped, unless the whole value is that command, which
    then leaves its name ("\\aap" -> "aap").
    """
    if not _NEEDS_DECODING.search(text):
        return text
    out = _decode_cached(text) if len(text) < 300 else _decode(text)
    if not out.strip() and text.strip().startswith("\\"):
        # A value that is only an unknown macro (journal = {\aap}, a name part \Mc):
        # its name says more than nothing.
        return _LONE_COMMAND.sub(r"\1", text.strip())
    return out


_VERBATIM_ESCAPES = re.compile(
    r"\$\\backslash\$|\\([_%&#$:;~{}\\])|\{\\_\}|\\textasciitilde\{\}|\{\\textasciitilde\}"
)


def verbatim(text: str) -> str:
    """Undo the escaping exporters put into URLs, DOIs and paths (\\_, {\\_}, $\\backslash$)."""
    if "\\" in text:

        def unescape(m: re.Match[str]) -> str:
            whole = m.group(0)
            if whole == "$\\backslash$":
                return "\\"
            if "_" in whole:
                return "_"
            if "asciitilde" in whole:
                return "~"
            return m.group(1)

        text = _VERBATIM_ESCAPES.sub(unescape, text)
    if "{" in text or "}" in text:
        text = text.replace("{", "").replace("}", "")
    return text.strip()


# ---------------------------------------------------------------------------
# Scanning

_MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_NAME_CHARS = r"A-Za-z@!$&*+\-./:;<>?\[\]^_`|~\\\x7f"
_HEAD = re.compile(rf"@[ \t]*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*([{{(])")
_LINE_HEAD = re.compile(rf"(?m)^[ \t]*@[ \t]*[A-Za-z][{_NAME_CHARS}0-9]*\s*[{{(]")
_FIELD_NAME = re.compile(rf"\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*=\s*")
# One whole simple field: name = {flat} / "flat" / 123 / macro, then the comma or the end.
_SIMPLE_FIELD = re.compile(
    rf"""\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*=\s*(?:\{{([^{{}}]*)\}}|"([^"{{}}]*)"|([0-9]+)|([{_NAME_CHARS}][{_NAME_CHARS}0-9]*))\s*(?=[,}})])"""
)
_KEYLESS = re.compile(rf"\s*[{_NAME_CHARS}][{_NAME_CHARS}0-9]*\s*=")
_KEY_BRACE = re.compile(r"\s*([^\s,}]*)")
_KEY_PAREN = re.compile(r"\s*([^\s,]*)")
_BRACED = re.compile(r"\{([^{}]*)\}")
_QUOTED = re.compile(r'"([^"{}]*)"')
_NUMBER = re.compile(r"[0-9]+")
_MACRO = re.compile(rf"[{_NAME_CHARS}][{_NAME_CHARS}0-9]*")
_SPACES = re.compile(r"\s*")
_BRACE = re.compile(r"[{}]")
_QUOTE_OR_BRACE = re.compile(r'["{}]')
_FIELD_LIKE = re.compile(r"(?m)^[ \t]*,?[ \t]*[A-Za-z][\w-]*[ \t]*=[ \t]*[{\"0-9]")


class _Unreadable(Exception):
    """The fast scanner gives up on an entry; pybtex gets it."""


@dataclass
class _Entry:
    line: int
    entry_type: str
    key: str | None
    fields: list[tuple[str, str]]
    warnings: list[str] = field(default_factory=list)


def _balanced(text: str, start: int) -> tuple[str, int]:
    """Content of a brace group whose "{" is just before ``start``; position after its "}"."""
    depth = 1
    for m in _BRACE.finditer(text, start):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return text[start : m.start()], m.end()
    raise _Unreadable


def _quoted(text: str, start: int) -> tuple[str, int]:
    depth = 0
    for m in _QUOTE_OR_BRACE.finditer(text, start):
        char = m.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise _Unreadable
        elif depth == 0:
            return text[start : m.start()], m.end()
    raise _Unreadable


class _Scanner:
    """Reads one file's entries; one instance per file."""

    def __init__(self, text: str):
        self.text = text
        self.macros: dict[str, str] = dict(_MONTH_MACROS)
        self.undefined: list[str] = []
        self._pybtex: Any = None

    # -- values -----------------------------------------------------------
    def value(self, pos: int) -> tuple[str, int]:
        text = self.text
        parts = []
        while True:
            char = text[pos : pos + 1]
            if char == "{":
                m = _BRACED.match(text, pos)
                if m:
                    parts.append(m.group(1))
                    pos = m.end()
                else:
                    part, pos = _balanced(text, pos + 1)
                    parts.append(part)
            elif char == '"':
                m = _QUOTED.match(text, pos)
                if m:
                    parts.append(m.group(1))
                    pos = m.end()
                else:
                    part, pos = _quoted(text, pos + 1)
                    parts.append(part)
            elif "0" <= char <= "9":
                m = _NUMBER.match(text, pos)
                parts.append(m.group())  # type: ignore[union-attr]
                pos = m.end()  # type: ignore[union-attr]
            else:
                m = _MACRO.match(text, pos)
                if not m:
                    raise _Unreadable
                name = m.group()
                value = self.macros.get(name.lower())
                if value is None:
                    self.undefined.append(name)
                    value = name
                parts.append(value)
                pos = m.end()
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos : pos + 1] != "#":
                return "".join(parts), pos
            pos = _SPACES.match(text, pos + 1).end()  # type: ignore[union-attr]

    # -- one command ----------------------------------------------------------
    def command(self, at: int, line: int) -> tuple[_Entry | None, int]:
        """Parse the command at ``at`` ("@..."); returns (entry or None, end position)."""
        text = self.text
        head = _HEAD.match(text, at)
        if head is None:
            raise _Unreadable
        command = head.group(1)
        closing = "}" if head.group(2) == "{" else ")"
        pos = head.end()
        lower = command.lower()
        if lower == "comment":
            if closing == "}":
                try:
                    return None, _balanced(text, pos)[1]
                except _Unreadable:
                    return None, pos
            return None, pos
        if lower == "preamble":
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            _, pos = self.value(pos)
            return None, self._close(pos, closing)
        if lower == "string":
            m = _FIELD_NAME.match(text, pos)
            if not m:
                raise _Unreadable
            value, pos = self.value(m.end())
            self.macros[m.group(1).lower()] = value
            return None, self._close(pos, closing)
        key: str | None
        if _KEYLESS.match(text, pos):
            key = None
        else:
            m = (_KEY_BRACE if closing == "}" else _KEY_PAREN).match(text, pos)
            key, pos = m.group(1) or None, m.end()  # type: ignore[union-attr]
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if text[pos : pos + 1] == ",":
                pos += 1
            elif text[pos : pos + 1] != closing:
                raise _Unreadable
        fields: list[tuple[str, str]] = []
        simple = _SIMPLE_FIELD.match
        macros = self.macros
        while True:
            m = simple(text, pos)
            if m is not None:
                value = m.group(2)
                if value is None:
                    value = m.group(3)
                    if value is None:
                        value = m.group(4)
                        if value is None:
                            name = m.group(5)
                            found = macros.get(name.lower())
                            if found is None:
                                self.undefined.append(name)
                            value = name if found is None else found
                fields.append((m.group(1).lower(), value))
                pos = m.end()
            else:
                m = _FIELD_NAME.match(text, pos)
                if not m:
                    break
                value, pos = self.value(m.end())
                fields.append((m.group(1).lower(), value))
            if text[pos : pos + 1] != ",":
                break
            pos += 1
        return _Entry(line, command.lower(), key, fields), self._close(pos, closing)

    def _close(self, pos: int, closing: str) -> int:
        pos = _SPACES.match(self.text, pos).end()  # type: ignore[union-attr]
        if self.text[pos : pos + 1] != closing:
            raise _Unreadable
        return pos + 1

    # -- pybtex for the entries the fast path cannot read ---------------------
    def pybtex_command(self, at: int, line: int) -> tuple[_Entry | None, int]:
        """Let pybtex parse the command at ``at``; its syntax errors propagate."""
        if self._pybtex is None:
            self._pybtex = _make_pybtex_parser(self.text, self)
        parser = self._pybtex
        parser.pos = at + 1
        parser.lineno = line
        parser.command_start = at
        from pybtex.database.input.bibtex import SkipEntry

        try:
            command, body = parser.parse_command()
        except SkipEntry:
            return None, parser.pos
        lower = command.lower()
        if lower in ("string", "preamble"):
            return None, parser.pos
        key, fields = body
        flat = [(name.lower(), "".join(parts)) for name, parts in fields]
        return _Entry(line, lower, key, flat), parser.pos

    # -- the whole file -----------------------------------------------------------
    def entries(self) -> tuple[list[_Entry], list[tuple[int, str | None, str]]]:
        """All entries, and (line, key, problem) for each entry that could not be read."""
        from pybtex.scanner import PybtexSyntaxError

        text = self.text
        entries: list[_Entry] = []
        errors: list[tuple[int, str | None, str]] = []
        pos, line, line_pos = 0, 1, 0
        previous: _Entry | None = None
        while True:
            at = text.find("@", pos)
            if at < 0:
                self._check_gap(previous, pos, len(text))
                break
            line += text.count("\n", line_pos, at)
            line_pos = at
            start_of_line = text.rfind("\n", 0, at) + 1
            if "%" in text[start_of_line:at] or not _HEAD.match(text, at):
                pos = at + 1  # commented out, or an "@" in text between entries
                continue
            self._check_gap(previous, pos, at)
            self.undefined = []
            try:
                entry, end = self.command(at, line)
            except (_Unreadable, IndexError):
                try:
                    entry, end = self.pybtex_command(at, line)
                except PybtexSyntaxError as exc:
                    errors.append((line, self._pybtex.current_entry_key, _describe(exc)))
                    resume = _LINE_HEAD.search(text, at + 1)
                    if resume is None:
                        break
                    pos = resume.start()
                    previous = None
                    continue
            if entry is not None:
                if self.undefined:
                    names = ", ".join(sorted(set(self.undefined)))
                    entry.warnings.append(f"undefined @string macro(s) {names}, kept as written")
                entries.append(entry)
                previous = entry
            pos = end
        return entries, errors

    def _check_gap(self, previous: _Entry | None, start: int, end: int) -> None:
        """Field-like text after an entry's end means a brace closed the entry too early."""
        if previous is not None and end > start and _FIELD_LIKE.search(self.text, start, end):
            previous.warnings.append(
                "text that looks like fields follows the entry's closing brace and was ignored "
                "(an extra '}' in a value?)"
            )


def _describe(exc: Any) -> str:
    """pybtex's syntax error as a message that says what to look for."""
    from pybtex.scanner import PrematureEOF

    if isinstance(exc, PrematureEOF):
        return (
            "the entry is not closed before the end of the file; look for a '{' or '\"' without its partner"
        )
    message = exc.args[0] if exc.args else str(exc)
    lineno = getattr(exc, "lineno", None)
    where = f" in line {lineno}" if lineno else ""
    return f"{message}{where}; check for a missing comma, quote or unbalanced braces"


def _make_pybtex_parser(text: str, scanner: _Scanner) -> Any:
    from pybtex.database.input.bibtex import LowLevelParser

    class _Parser(LowLevelParser):  # type: ignore[misc]
        def substitute_macro(self, name: str) -> str:
            value = scanner.macros.get(name.lower())
            if value is None:
                scanner.undefined.append(name)
                return name
            return value

        def parse_string_body(self, body_end: Any) -> None:
            self.current_field_name = self.required([self.NAME]).value
            self.required([self.EQUALS])
            self.parse_value()
            scanner.macros[self.current_field_name.lower()] = "".join(self.current_value)

    return _Parser(text, macros={})


# ---------------------------------------------------------------------------
# Crossref

# A child keeps its own titles, key and language (its title tells its language).
_NOT_INHERITED = frozenset(
    {
        "title",
        "subtitle",
        "titleaddon",
        "shorttitle",
        "sorttitle",
        "ids",
        "crossref",
        "key",
        "indextitle",
        "label",
        "langid",
        "language",
        "hyphenation",
        "title_id",
        "title_en",
        "abstract",
        "abstract_id",
        "abstract_en",
        "origtitle",
        "translatedtitle",
    }
)
_CONTAINERS = frozenset({"booktitle", "journal", "journaltitle"})


def _inherit(entries: list[_Entry]) -> None:
    by_key: dict[str, _Entry] = {}
    for entry in entries:
        if entry.key:
            by_key.setdefault(entry.key.lower(), entry)
    for entry in entries:
        names = {name for name, _ in entry.fields}
        parent_key = next((value for name, value in entry.fields if name == "crossref"), "")
        if not parent_key:
            continue
        parent = by_key.get(parent_key.strip().lower())
        if parent is None or parent is entry:
            entry.warnings.append(f"crossref '{parent_key.strip()}' is not in the file")
            continue
        if not names & _CONTAINERS:
            parent_fields = dict(parent.fields)
            container = parent_fields.get("title") or next(
                (parent_fields[n] for n in ("booktitle", "journal", "journaltitle") if parent_fields.get(n)),
                "",
            )
            if container:
                entry.fields.append(("booktitle", container))
                names.add("booktitle")
        for name, value in parent.fields:
            if name not in names and name not in _NOT_INHERITED and name not in _CONTAINERS:
                entry.fields.append((name, value))
                names.add(name)


# ---------------------------------------------------------------------------
# Entry -> Paper

_TYPE_ALIASES = {"conference": "inproceedings", "electronic": "online", "www": "online", "webpage": "online"}
_IN_TYPES = frozenset(
    {"inproceedings", "incollection", "inbook", "inreference", "bookinbook", "suppbook", "suppcollection"}
)
_WHOLE_TYPES = frozenset(
    {
        "book",
        "collection",
        "proceedings",
        "mvbook",
        "mvcollection",
        "mvproceedings",
        "reference",
        "mvreference",
        "periodical",
    }
)
_VERBATIM_FIELDS = frozenset(
    {
        "url",
        "doi",
        "file",
        "eprint",
        "pdf",
        "pmid",
        "pmcid",
        "arxivid",
        "urldate",
        "bdsk-file-1",
        "bdsk-file-2",
        "adsurl",
        "biburl",
        "localfile",
    }
)
_TITLE_ALTERNATES = ("titleaddon", "origtitle", "translatedtitle", "titletranslation", "title-translation")
_LANGUAGE_FIELDS = ("langid", "language", "hyphenation")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=65536)
def _clean_short(text: str) -> str:
    return clean_field(text)


def clean_line(text: str) -> str:
    """clean_field, with a fast path for plain ASCII (no mojibake possible there)."""
    if text.isascii() and not _CONTROL.search(text):
        return " ".join(text.split())
    return _clean_short(text) if len(text) < 300 else clean_field(text)


def clean_paragraphs(text: str) -> str:
    """A multi-paragraph value (abstract): paragraphs kept, lines inside them joined."""
    paragraphs = (clean_line(p) for p in _PARAGRAPH.split(text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


@lru_cache(maxsize=65536)
def _text_cached(raw: str) -> str:
    return clean_line(latex_to_unicode(raw))


def _text(raw: str) -> str:
    """A one-line field's raw LaTeX as clean text (short values, which repeat, are cached)."""
    if len(raw) < 160:
        return _text_cached(raw)
    return clean_line(latex_to_unicode(raw))


def _field_text(name: str, raw: str) -> str:
    if name in _VERBATIM_FIELDS or "url" in name:
        return verbatim(" ".join(raw.split()))
    if name in ("abstract", "annotation", "annote", "note") and "\n" in raw:
        return clean_paragraphs(latex_to_unicode(raw))
    return _text(raw)


def parse_file_field(raw: str) -> list[str]:
    """Paths in a ``file`` field: Zotero "desc:path:mime", JabRef ":path:PDF", Mendeley, plain paths.

    Several files are separated by ";"; "\\:" and "\\;" are escaped separators
    and Mendeley writes backslashes as "$\\backslash$".
    """
    raw = raw.replace("$\\backslash$:", "\ue003").replace("$\\backslash$", "\ue000").replace("\\\\", "\ue000")
    raw = raw.replace("\\:", "\ue003").replace("\\;", "\ue004")
    paths = []
    for item in raw.split(";"):
        item = item.strip()
        if not item:
            continue
        parts = item.split(":")
        if len(parts) >= 3:
            path = ":".join(parts[1:-1])
        elif len(parts) == 2:
            if len(parts[0]) == 1 and parts[0].isalpha():  # "C:\x.pdf"
                path = item
            else:
                path = parts[1] or parts[0]
        else:
            path = item
        path = verbatim(path.replace("\ue003", ":").replace("\ue004", ";")).replace("\ue000", "\\")
        if path:
            paths.append(path)
    return paths


def _join_subtitle(title: str, subtitle: str) -> str:
    if not subtitle:
        return title
    if not title:
        return subtitle
    return f"{title} {subtitle}" if title[-1] in ":.?!" else f"{title}: {subtitle}"


_DASHES = re.compile(r"\s*(?:-{1,3}|–|—)\s*")


def _pages(raw: str) -> str:
    return _DASHES.sub("-", _text(_DASHES.sub("-", raw)))


def _pick(fields: dict[str, str], names: tuple[str, ...]) -> tuple[str, str]:
    for name in names:
        value = fields.get(name)
        if value is not None and value.strip():
            return name, value
    return "", ""


def _entry_to_paper(entry: _Entry, source: str) -> Paper:
    fields: dict[str, str] = {}
    warnings = list(entry.warnings)
    for name, value in entry.fields:
        if name in fields:
            if fields[name].strip() == value.strip():
                continue
            alt, n = f"{name}-2", 2
            while alt in fields:
                n += 1
                alt = f"{name}-{n}"
            warnings.append(f"field '{name}' appears twice; the second is kept as '{alt}'")
            fields[alt] = value
        else:
            fields[name] = value
    entry_type = _TYPE_ALIASES.get(entry.entry_type, entry.entry_type)
    paper = Paper(
        entry_type=entry_type,
        key=(entry.key or "").strip(),
        source_format=NAME,
        source_name=source,
        source_record=(entry.key or "").strip() or f"line {entry.line}",
    )
    take = fields.pop

    paper.title = _join_subtitle(_text(take("title", "")), _text(take("subtitle", "")))
    if not paper.title and entry_type in _WHOLE_TYPES and fields.get("booktitle"):
        paper.title = _text(take("booktitle"))
    for role in ("author", "editor"):
        raw = take(role, "")
        if raw.strip():
            people, truncated = parse_bibtex_name_list(raw, latex_to_unicode)
            setattr(paper, f"{role}s", people)
            if role == "author":
                paper.authors_truncated = truncated
            elif truncated:
                paper.extra["editors_truncated"] = "yes"
    order = (
        ("booktitle", "journal", "journaltitle")
        if entry_type in _IN_TYPES
        else ("journal", "journaltitle", "booktitle")
    )
    name, raw = _pick(fields, order)
    if name:
        paper.journal = _text(take(name))
    for attr, names in (
        ("volume", ("volume",)),
        ("issue", ("number", "issue")),
        ("publisher", ("publisher",)),
        ("isbn", ("isbn",)),
        ("issn", ("issn",)),
        ("note", ("note",)),
    ):
        name, raw = _pick(fields, names)
        if name:
            setattr(paper, attr, _field_text(name, take(name)))
    if fields.get("pages", "").strip():
        paper.pages = _pages(take("pages"))
    if fields.get("doi", "").strip():
        paper.doi = normalize_doi(verbatim(take("doi")))
    if fields.get("url", "").strip():
        urls = verbatim(take("url")).split()
        paper.url = urls[0]
        if len(urls) > 1:
            fields["url-2"] = " ".join(urls[1:])
    if fields.get("file", "").strip():
        paper.attachments = parse_file_field(take("file"))
    if fields.get("abstract", "").strip():
        paper.abstract = clean_paragraphs(latex_to_unicode(take("abstract")))
    if fields.get("keywords", "").strip():
        paper.keywords = split_keywords(_text(take("keywords")))
    _set_dates(paper, fields, warnings)

    declared = ""
    for name in _LANGUAGE_FIELDS:
        if fields.get(name, "").strip():
            code = language_code(_text(fields[name]))
            if code:
                declared = code
                del fields[name]
                break
    explicit: dict[str, Any] = {}
    for name in ("title_id", "title_en", "abstract_id", "abstract_en"):
        if fields.get(name, "").strip():
            raw = take(name)
            explicit[name] = (
                clean_paragraphs(latex_to_unicode(raw)) if name.startswith("abstract") else _text(raw)
            )
    for name in ("keywords_id", "keywords_en"):
        if fields.get(name, "").strip():
            explicit[name] = split_keywords(_text(take(name)))
    alternates = {name: _text(fields[name]) for name in _TITLE_ALTERNATES if fields.get(name, "").strip()}
    used = settle_languages(paper, declared, explicit, alternates)
    for name in used:
        fields.pop(name, None)

    for name, raw in fields.items():
        value = _field_text(name, raw)
        if value:
            paper.extra[name] = value
    if not paper.title:
        warnings.append("no title")
    paper.warnings = warnings
    return paper


def _set_dates(paper: Paper, fields: dict[str, str], warnings: list[str]) -> None:
    year_text = _text(fields.get("year", ""))
    date_text = _text(fields.get("date", ""))
    year_from_field = parse_year(year_text) if year_text else None
    if date_text:
        year, date = parse_date(date_text)
        if date:
            paper.date = date
            del fields["date"]
        paper.year = year_from_field or year
    else:
        paper.year = year_from_field
        if paper.year:
            paper.date = str(paper.year)
            month = month_number(_text(fields.get("month", "")))
            if month:
                paper.date += f"-{month:02d}"
                del fields["month"]
                day_text = _text(fields.get("day", ""))
                if day_text.isdigit() and 1 <= int(day_text) <= 31:
                    paper.date += f"-{int(day_text):02d}"
                    del fields["day"]
    if year_text:
        if year_from_field is not None and year_text == str(year_from_field):
            del fields["year"]
        elif year_from_field is None:
            warnings.append(f"year '{year_text}' is not a year; kept in extra")


_DECLARED_ENCODING = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*%\s*Encoding:\s*([A-Za-z0-9._-]+)", re.IGNORECASE)


def _file_text(data: bytes, name: str) -> str:
    """The file's text: in the encoding JabRef's "% Encoding: ..." header names, else detected."""
    import codecs

    declared = _DECLARED_ENCODING.match(data[:200])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            if encoding != "utf-8":
                return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)[0]


def read(data: bytes, name: str) -> ImportResult:
    """Parse a BibTeX/BibLaTeX file's bytes into Papers, one per entry.

    Entries that cannot be read are ``result.errors`` ("<file> line N: entry
    '<key>': <problem>"); problems with a readable entry (duplicate key,
    undefined macro, a year that is not one) are that paper's ``warnings``,
    each starting with the entry's line.
    """
    text = _file_text(data, name)
    scanner = _Scanner(text)
    entries, problems = scanner.entries()
    if not entries and not problems:
        raise ImportFailed(name, "no BibTeX entries found")
    _inherit(entries)
    source = PurePath(name).name
    result = ImportResult()
    for line, key, problem in problems:
        result.errors.append(f"{name} line {line}: entry '{key or '(no key)'}': {problem}")
    seen: dict[str, int] = {}
    for entry in entries:
        paper = _entry_to_paper(entry, source)
        if paper.key:
            folded = paper.key.lower()
            if folded in seen:
                paper.warnings.append(f"duplicate key '{paper.key}' (also at line {seen[folded]}); both kept")
            else:
                seen[folded] = entry.line
        paper.warnings = [f"line {entry.line}: {warning}" for warning in paper.warnings]
        result.papers.append(paper)
    return result


# ---------------------------------------------------------------------------
# Record-level helpers shared with the RIS and CSL importers

_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_BARE_YEAR = re.compile(r"^\s*(-?\d{1,4})\s*$")
_ISO_DATE = re.compile(r"^\s*(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?![\d])")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nop": 11,
    "des": 12,
    "desember": 12,
    "sept": 9,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,9})\.?(?![A-Za-z])")
_DAY_NEAR = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def month_number(text: str) -> int | None:
    """1-12 from "May", "may", "DEC", "Desember", "6", "06"; None otherwise."""
    text = text.strip().strip(".").lower()
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(text)


def parse_year(text: str) -> int | None:
    """The first four-digit year in ``text`` ("2019///", "2015a", "circa 2011"), else None.

    A bare number is taken as it is, so "-3000" and "850" stay those years.
    """
    bare = _BARE_YEAR.match(text)
    if bare:
        return int(bare.group(1))
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def parse_date(text: str) -> tuple[int | None, str]:
    """(year, date) from messy dates: "2020/05/01/", "2019///", "2024-06-20", "Mar 16 2012".

    ``date`` is ISO as far as the text gives it ("2020", "2020-05", "2020-05-01"),
    "" when no year can be read. EDTF ranges ("2011-05-25/2012") give their start.
    """
    text = text.strip().lstrip("[(")
    if re.match(r"^\d{4}-", text):
        text = text.split("/", 1)[0]  # EDTF interval: its start
    elif re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"  # 20160512
    iso = _ISO_DATE.match(text)
    if iso and len(iso.group(1).lstrip("-")) == 4:
        year = int(iso.group(1))
        date = f"{year:04d}" if year >= 0 else str(year)
        month = int(iso.group(2)) if iso.group(2) else None
        if month and 1 <= month <= 12:
            date += f"-{month:02d}"
            day = int(iso.group(3)) if iso.group(3) else None
            if day and 1 <= day <= 31:
                date += f"-{day:02d}"
            return year, date
        if not _MONTH_WORD.search(text[iso.end() :]):
            return year, date
    found = parse_year(text)
    if found is None:
        return None, ""
    year = found
    date = str(year)
    for word in _MONTH_WORD.finditer(text):
        month = month_number(word.group(1))
        if month:
            date += f"-{month:02d}"
            rest = text.replace(str(year), " ")
            days = [int(d) for d in _DAY_NEAR.findall(rest) if 1 <= int(d) <= 31]
            if len(days) == 1:
                date += f"-{days[0]:02d}"
            break
    return year, date


_DOI = re.compile(r"10\.\d{3,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:?\s+)", re.IGNORECASE)


def normalize_doi(text: str) -> str:
    """ "https://doi.org/10.1/X" or "doi: 10.1/X" -> "10.1/X" (case kept)."""
    text = text.strip()
    found = _DOI.search(text)
    if found:
        return found.group(0).rstrip(".,;")
    return _DOI_PREFIX.sub("", text).strip()


_LANGUAGES = {
    "id": "id",
    "ind": "id",
    "in": "id",
    "indonesian": "id",
    "indonesia": "id",
    "bahasa indonesia": "id",
    "bahasa": "id",
    "en": "en",
    "eng": "en",
    "english": "en",
    "american": "en",
    "british": "en",
    "usenglish": "en",
    "ukenglish": "en",
    "canadian": "en",
    "australian": "en",
    "newzealand": "en",
    "inggris": "en",
    "bahasa inggris": "en",
    "de": "de",
    "ger": "de",
    "deu": "de",
    "german": "de",
    "ngerman": "de",
    "austrian": "de",
    "naustrian": "de",
    "fr": "fr",
    "fre": "fr",
    "fra": "fr",
    "french": "fr",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "pt": "pt",
    "por": "pt",
    "portuguese": "pt",
    "brazilian": "pt",
    "nl": "nl",
    "dut": "nl",
    "nld": "nl",
    "dutch": "nl",
    "it": "it",
    "ita": "it",
    "italian": "it",
    "ru": "ru",
    "rus": "ru",
    "russian": "ru",
    "zh": "zh",
    "chi": "zh",
    "zho": "zh",
    "chinese": "zh",
    "ja": "ja",
    "jpn": "ja",
    "japanese": "ja",
    "ko": "ko",
    "kor": "ko",
    "korean": "ko",
    "ms": "ms",
    "may": "ms",
    "msa": "ms",
    "malay": "ms",
    "bahasa melayu": "ms",
    "ar": "ar",
    "ara": "ar",
    "arabic": "ar",
    "jv": "jv",
    "jav": "jv",
    "javanese": "jv",
    "su": "su",
    "sun": "su",
    "sundanese": "su",
    "tr": "tr",
    "tur": "tr",
    "turkish": "tr",
    "pl": "pl",
    "pol": "pl",
    "polish": "pl",
}
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


_LANGUAGE_SEPARATOR = re.compile(r"[-_ ,;/]")


def language_code(text: str) -> str:
    """ISO 639-1 code from a language field: "English", "en-US", "indonesian", "ind" -> "en", "id"."""
    text = text.strip().lower()
    if not text:
        return ""
    if text in _LANGUAGES:
        return _LANGUAGES[text]
    first = _LANGUAGE_SEPARATOR.split(text, maxsplit=1)[0]
    return _LANGUAGES.get(first, "")


def split_keywords(text: str) -> list[str]:
    """Keywords split on ";" when present, else ","; empty and repeated ones dropped."""
    parts = text.split(";") if ";" in text else text.split(",")
    out: list[str] = []
    seen: set[str] = set()
    for part in parts:
        word = " ".join(part.split())
        if word and word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out


_ABSTRACT_LABEL = re.compile(
    r"^\s*(?:abstrak|abstract|intisari|ringkasan|summary)\s*[:.\-–—]?\s*", re.IGNORECASE
)
_OTHER = {"id": "en", "en": "id"}


def _split_bilingual_abstract(abstract: str) -> dict[str, str] | None:
    """An abstract with Indonesian and English paragraphs -> {"id": ..., "en": ...}."""
    paragraphs = [p for p in abstract.split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return None
    groups: list[tuple[str, list[str]]] = []
    for paragraph in paragraphs:
        lang = detect_language(paragraph)
        if groups and (lang == groups[-1][0] or not lang):
            groups[-1][1].append(paragraph)
        elif not lang:
            return None
        else:
            groups.append((lang, [paragraph]))
    if len(groups) != 2 or {groups[0][0], groups[1][0]} != {"id", "en"}:
        return None
    return {
        lang: "\n\n".join(_ABSTRACT_LABEL.sub("", p, count=1) if i == 0 else p for i, p in enumerate(ps))
        for lang, ps in groups
    }


def settle_languages(
    paper: Paper,
    declared: str,
    explicit: dict[str, Any],
    alternates: dict[str, str],
    trusted: tuple[str, ...] = (),
) -> list[str]:
    """Fill ``language`` and the ``*_id``/``*_en`` fields of a bilingual record.

    ``declared``: the language the source states (ISO code) or "".
    ``explicit``: fields the source gives per language ({"title_en": ...}).
    ``alternates``: candidate translated titles by source field name; one is
    used when it matches an explicit one or is detectably in the other
    language (names in ``trusted``, like RIS ``TT``, need no detection).
    Returns the names of the alternates used (consumed).
    """
    has_explicit_abstract = any(k.startswith("abstract_") for k in explicit)
    if paper.abstract and not has_explicit_abstract and "\n\n" in paper.abstract:
        split = _split_bilingual_abstract(paper.abstract)
        if split:
            main = declared or detect_language(paper.title) or "id"
            main = main if main in split else "id"
            paper.abstract = split[main]
            explicit = {**explicit, f"abstract_{_OTHER[main]}": split[_OTHER[main]]}
    language = declared or detect_language(f"{paper.title} {paper.abstract[:400]}")
    paper.language = language
    if language in _OTHER:
        if paper.title:
            setattr(paper, f"title_{language}", paper.title)
        if paper.abstract:
            setattr(paper, f"abstract_{language}", paper.abstract)
        if paper.keywords:
            setattr(paper, f"keywords_{language}", list(paper.keywords))
    for name, value in explicit.items():
        if value:
            setattr(paper, name, value)
    used = []
    other = _OTHER.get(language)
    for name, value in alternates.items():
        if value in (paper.title_id, paper.title_en) and value != paper.title:
            used.append(name)
        elif (
            other
            and not getattr(paper, f"title_{other}")
            and value != paper.title
            and (name in trusted or detect_language(value) == other)
        ):
            setattr(paper, f"title_{other}", value)
            used.append(name)
    return used
