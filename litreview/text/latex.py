"""LaTeX in bibliographic values as plain Unicode text: accents, symbols, dashes, quotes, math scripts.

``latex_to_unicode`` decodes text fields; ``verbatim`` undoes the escaping
exporters put into URLs, DOIs and paths, which hold no LaTeX to decode.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
