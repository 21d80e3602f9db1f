"""The codebook: themes with their terms, thresholds and facet vocabularies, from YAML.

``load_codebook`` reads and validates a codebook file (or the default that ships
inside the package) and returns a ``Codebook``. Validation collects every
problem with its line number before failing, so a user fixes a file in one go:
unknown keys, empty themes, repeated ids, a term listed in two themes (after
normalisation: "kampanye" and "berkampanye" are the same term), bad regular
expressions, bad weights and thresholds.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from litreview.errors import ValidationError
from litreview.i18n import tr

CODEBOOK_VERSION = 1
DEFAULT_NAME = "default_codebook.yaml"
CORPUS_CODEBOOK = "codebook.yaml"  # a corpus's own copy, in its .litreview directory
LANGUAGES = ("id", "en")
THEME_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")

_TOP_KEYS = ("version", "settings", "themes", "facets")
_SETTINGS_KEYS = ("threshold", "fuzzy_min_length", "context", "salience")
_CONTEXT_KEYS = ("terms", "min_per_1000_words", "min_mentions", "elsewhere")
_ELSEWHERE_KEYS = ("terms", "min_per_1000_words", "min_mentions")
_THRESHOLD_KEYS = ("min_sentences", "min_score", "per_1000_words", "reference_words", "length_exponent", "single")
_SALIENCE_KEYS = ("places", "cites")
PLACES = ("title", "keywords", "heading", "abstract", "lead", "point", "conclusion", "body", "review")
_THEME_KEYS = ("id", "label", "aliases", "description", "terms", "patterns", "exclude", "threshold")
_TERM_KEYS = ("term", "weight", "exclude", "context", "exact", "case")
_PATTERN_KEYS = ("pattern", "weight", "context")
_FACET_KINDS = ("platforms", "methods", "actors")
_FACET_KEYS = ("name", "label", "kind", "terms", "patterns", "exclude")


class CodebookError(ValidationError):
    """A codebook with problems: the message lists every one, with its line."""

    def __init__(self, name: str, problems: list[tuple[int, str]]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = [tr("{name}: {n} problem in the codebook; nothing was tagged",
                    "{name}: {n} problems in the codebook; nothing was tagged", name=name, n=count)]
        lines += ["  " + tr("line {line}: {message}", line=line, message=message) if line else f"  {message}"
                  for line, message in self.problems]
        super().__init__("\n".join(lines))


SHORTEST = 100  # words: the bar of a shorter text is that of a text this long


@dataclass(frozen=True)
class Threshold:
    """When a theme is discussed: enough distinct sentences and enough weighted evidence.

    The bar follows the length of the text: ``min_score`` for a text of ``reference_words``
    words, times ``(words / reference_words) ** length_exponent`` (a text under
    ``SHORTEST`` words counts as that long), and never under ``per_1000_words`` per 1,000
    words. A 150-word abstract can show a theme in one sentence; a thesis needs the theme
    argued in several places.
    """

    min_sentences: int = 2
    min_score: float = 2.0
    per_1000_words: float = 1.0
    reference_words: int = 300
    length_exponent: float = 0.0
    single: float = 0.0  # one sentence that counts this much shows the theme on its own (0: never)

    def required(self, words: int) -> float:
        """The score a text of ``words`` words must reach."""
        scaled = self.min_score * (max(words, SHORTEST) / max(self.reference_words, 1)) ** self.length_exponent
        return max(scaled, self.per_1000_words * words / 1000)


@dataclass(frozen=True)
class Salience:
    """How much a sentence counts by where it stands: a theme named in the title, a heading
    or the abstract is a point of the paper; one in a literature-review paragraph less so.
    ``cites`` multiplies a sentence that reports another work's claim ("X (2019) ...")."""

    places: tuple[tuple[str, float], ...] = tuple((p, 1.0) for p in PLACES)
    cites: float = 1.0

    def weight(self, place: str, cites: bool) -> float:
        w = dict(self.places).get(place, 1.0)
        return w * self.cites if cites else w


@dataclass(frozen=True)
class Term:
    """One term of a theme or facet: a word or phrase as written, in one language."""

    text: str
    lang: str
    weight: float = 1.0
    exclude: tuple[str, ...] = ()
    context: bool = False  # counts only in papers on the codebook's subject (see Context)
    exact: bool = False  # no stemming, no typo tolerance: "pelajar" but not "pelajaran"
    case: bool = False  # exact, and written with this capitalisation: "PAN", not "pan"
    line: int = 0

    @property
    def is_phrase(self) -> bool:
        return len(re.findall(r"[^\W_]+", self.text)) > 1


@dataclass(frozen=True)
class Pattern:
    """A regular expression, matched case-insensitively on each sentence as written."""

    pattern: str
    weight: float = 1.0
    line: int = 0
    context: bool = False  # counts only in papers on the codebook's subject, as a term's ``context``

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """The subject the codebook is about (politics, elections). Terms marked ``context`` are
    ordinary words elsewhere ("mahasiswa" in a student-records system): they count only in a
    paper whose context terms reach ``min_per_1000_words`` and ``min_mentions`` in all (one
    "candidates" in an antenna abstract is not politics)."""

    terms: tuple[Term, ...] = ()
    min_per_1000_words: float = 0.0
    min_mentions: int = 1
    # Words of other subjects (health, disasters, trade): a paper off this subject that names
    # them ``elsewhere_min_mentions`` times and ``elsewhere_per_1000_words`` per 1,000 words is
    # about something else, and no theme's term counts in it (a hoax about a medicine is not one
    # about an election).
    elsewhere: tuple[Term, ...] = ()
    elsewhere_per_1000_words: float = 0.0
    elsewhere_min_mentions: int = 1

    @property
    def every_term(self) -> tuple[Term, ...]:
        """The words of this subject and of the others."""
        return self.terms + self.elsewhere


@dataclass
class Theme:
    id: str
    label: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)  # phrases whose words never count for this theme
    threshold: Threshold = field(default_factory=Threshold)
    line: int = 0
    aliases: list[str] = field(default_factory=list)  # other names a user may type for it ("hoaks")

    def label_in(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.id

    def description_in(self, lang: str) -> str:
        return self.description.get(lang) or self.description.get("en") or ""


@dataclass
class FacetValue:
    """A value a facet can take (a platform, a method, an actor) and the words that name it."""

    name: str
    terms: list[Term] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    label: dict[str, str] = field(default_factory=dict)
    kind: str = ""  # actors: "party", "candidate", ...
    exclude: list[Term] = field(default_factory=list)

    def label_in(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.name


@dataclass
class Codebook:
    themes: list[Theme]
    facets: dict[str, list[FacetValue]]
    threshold: Threshold = field(default_factory=Threshold)
    fuzzy_min_length: int = 6
    context: Context = field(default_factory=Context)
    salience: Salience = field(default_factory=Salience)
    source: str = "default"  # where it was read from
    digest: str = ""  # identifies the content: tagging is redone when it changes
    normalizer: Any = field(default=None, compare=False, repr=False)  # built with the codebook's words

    def theme(self, theme_id: str) -> Theme | None:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        return None

    def resolve(self, name: str) -> str | None:
        """The id of the theme ``name`` names: its id, a label in either language or an alias,
        in any case, with spaces, hyphens or underscores ("Hoaks", "pemilih-muda") ; None if none."""
        wanted = _name_key(name)
        for theme in self.themes:
            if theme.id == name:
                return theme.id
        for theme in self.themes:
            names = [theme.id, *theme.label.values(), *theme.aliases]
            if wanted in {_name_key(n) for n in names}:
                return theme.id
        return None

    def resolve_all(self, names: Iterable[str]) -> list[str]:
        """Theme ids for ``names`` (see :meth:`resolve`); an unknown name is a usage error."""
        from litreview.errors import UsageError
        from litreview.i18n import tr

        out = []
        for name in names:
            found = self.resolve(name)
            if found is None:
                raise UsageError(tr("unknown theme '{name}'; the codebook's themes are: {themes}", name=name,
                                    themes=", ".join(self.theme_ids)))
            out.append(found)
        return out

    @property
    def theme_ids(self) -> list[str]:
        return [t.id for t in self.themes]


def _name_key(name: str) -> str:
    return "-".join(name.casefold().replace("_", " ").replace("-", " ").split())


# -- finding and reading ---------------------------------------------------------------
def default_codebook_text() -> str:
    return resources.files("litreview.themes").joinpath(DEFAULT_NAME).read_text(encoding="utf-8")


def corpus_codebook_path(corpus_root: Path | None) -> Path | None:
    """Where a corpus keeps its own codebook (whether or not it exists yet)."""
    return corpus_root / CORPUS_CODEBOOK if corpus_root is not None else None


def load_codebook(path: Path | None = None, corpus_root: Path | None = None) -> Codebook:
    """The codebook to use: ``path`` (--codebook), else the corpus's own, else the default."""
    if path is None:
        own = corpus_codebook_path(corpus_root)
        if own is not None and own.is_file():
            path = own
    if path is None:
        return parse_codebook(default_codebook_text(), "default codebook", shipped=True)
    path = Path(path).expanduser()
    if not path.exists():
        raise ValidationError(tr("{path}: no such codebook file", path=path))
    if path.is_dir():
        raise ValidationError(tr("{path}: is a directory, not a codebook file", path=path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(tr("{path}: cannot read the codebook ({problem})", path=path,
                                 problem=exc.strerror or exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(tr("{path}: the codebook is not UTF-8 text (byte {byte}); save it as UTF-8", path=path,
                                 byte=exc.start)) from exc
    return parse_codebook(text, str(path))


def parse_codebook(text: str, name: str, shipped: bool = False) -> Codebook:
    """Validate and build a codebook from YAML ``text``; ``name`` labels error messages.
    ``shipped``: the package's own codebook, which libyaml's C parser reads (about 7x faster
    than the limited pure-Python one a user's file goes through)."""
    import yaml

    from litreview.safeload import compose_yaml

    try:
        if shipped:
            node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        else:
            node = compose_yaml(text, name)  # an alias bomb is refused in one line (safeload.InputTooComplex)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodebookError(name, [((mark.line + 1) if mark else 0, tr("not valid YAML: {problem}",
                                                                      problem=problem))]) from None
    reader = _Reader(name)
    codebook = reader.codebook(node)
    from litreview.themes.normalize import Normalizer

    codebook.normalizer = Normalizer(protected_words(codebook), codebook.fuzzy_min_length, exact_words(codebook),
                                     own_roots(codebook))
    problems = reader.problems + check_terms(codebook, lambda text: term_norms(codebook.normalizer, text))
    if problems:
        raise CodebookError(name, problems)
    codebook.source = name
    codebook.digest = _digest(codebook)
    return codebook


def _digest(codebook: Codebook) -> str:
    from dataclasses import asdict

    from litreview.themes.version import TAGGER_VERSION

    content = {
        "tagger": TAGGER_VERSION,
        "themes": [asdict(t) for t in codebook.themes],
        "facets": {k: [asdict(v) for v in vs] for k, vs in codebook.facets.items()},
        "threshold": asdict(codebook.threshold),
        "fuzzy": codebook.fuzzy_min_length,
        "context": asdict(codebook.context),
        "salience": asdict(codebook.salience),
    }
    blob = json.dumps(_without_lines(content), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _without_lines(value: Any) -> Any:
    """The content without line numbers: moving things in the file does not change it."""
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list | tuple):
        return [_without_lines(v) for v in value]
    return value


# -- validation over the YAML node tree (it knows line numbers) --------------------------
class _Reader:
    def __init__(self, name: str):
        self.name = name
        self.problems: list[tuple[int, str]] = []

    def problem(self, node: Any, message: str) -> None:
        self.problems.append((node.start_mark.line + 1 if node is not None else 0, message))

    # node helpers
    def mapping(self, node: Any, what: str, allowed: tuple[str, ...]) -> dict[str, Any] | None:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.problem(node, tr("{what} must be a mapping (key: value lines)", what=what))
            return None
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, tr("{what}: a key must be a plain word", what=what))
            elif key in out:
                self.problem(key_node, tr("{what}: '{key}' is given twice", what=what, key=key))
            elif key not in allowed:
                self.problem(key_node, tr("{what}: unknown key '{key}' (expected one of: {allowed})", what=what,
                                           key=key, allowed=", ".join(allowed)))
            else:
                out[key] = value_node
        return out

    def sequence(self, node: Any, what: str) -> list[Any]:
        import yaml

        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, tr("{what} must be a list", what=what))
            return []
        return list(node.value)

    def string(self, node: Any, what: str) -> str | None:
        import yaml

        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.problem(node, tr("{what} must be text", what=what))
            return None
        value = str(node.value).strip()
        if not value:
            self.problem(node, tr("{what} is empty", what=what))
            return None
        return value

    def number(self, node: Any, what: str, low: float, high: float, integer: bool = False) -> float | None:
        import yaml

        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, tr("{what} must be a number", what=what))
            return None
        try:
            value = float(node.value) if not integer else int(node.value)
        except ValueError:
            self.problem(node, tr("{what} must be a whole number, not '{value}'" if integer
                                  else "{what} must be a number, not '{value}'", what=what, value=node.value))
            return None
        if not low <= value <= high:
            self.problem(node, tr("{what} must be between {low} and {high}, not {value}", what=what, low=f"{low:g}",
                                  high=f"{high:g}", value=node.value))
            return None
        return value

    # the document
    def codebook(self, node: Any) -> Codebook:
        empty = Codebook(themes=[], facets={k: [] for k in _FACET_KINDS})
        if node is None:
            self.problems.append((1, tr("the codebook is empty")))
            return empty
        top = self.mapping(node, "codebook", _TOP_KEYS)
        if top is None:
            return empty
        if "version" not in top:
            self.problem(node, tr("codebook: 'version: 1' is missing"))
        else:
            version = top["version"].value
            if str(version) != str(CODEBOOK_VERSION):
                self.problem(top["version"], tr("version must be {expected}, not '{version}'",
                                                 expected=CODEBOOK_VERSION, version=version))
        threshold = Threshold()
        fuzzy = 6
        context = Context()
        salience = Salience()
        if "settings" in top:
            settings = self.mapping(top["settings"], "settings", _SETTINGS_KEYS) or {}
            if "threshold" in settings:
                threshold = self.threshold(settings["threshold"], threshold)
            if "fuzzy_min_length" in settings:
                value = self.number(settings["fuzzy_min_length"], "fuzzy_min_length", 4, 99, integer=True)
                fuzzy = int(value) if value is not None else fuzzy
            if "context" in settings:
                context = self.context(settings["context"])
            if "salience" in settings:
                salience = self.salience(settings["salience"])
        themes = []
        if "themes" not in top:
            self.problem(node, tr("codebook: 'themes' is missing"))
        else:
            items = self.sequence(top["themes"], "themes")
            if not items and "themes" in top:
                self.problem(top["themes"], tr("themes: the list is empty"))
            for item in items:
                theme = self.theme(item, threshold)
                if theme is not None:
                    themes.append(theme)
        self.check_ids(themes)
        facets: dict[str, list[FacetValue]] = {k: [] for k in _FACET_KINDS}
        if "facets" in top:
            kinds = self.mapping(top["facets"], "facets", _FACET_KINDS) or {}
            for kind, kind_node in kinds.items():
                facets[kind] = [v for v in (self.facet_value(n, kind) for n in self.sequence(kind_node, kind)) if v]
        return Codebook(themes=themes, facets=facets, threshold=threshold, fuzzy_min_length=fuzzy, context=context,
                        salience=salience)

    def salience(self, node: Any) -> Salience:
        values = self.mapping(node, "salience", _SALIENCE_KEYS) or {}
        places = dict(Salience().places)
        if "places" in values:
            for place, value in (self.mapping(values["places"], "salience places", PLACES) or {}).items():
                n = self.number(value, tr("salience of '{place}'", place=place), 0, 100)
                if n is not None:
                    places[place] = n
        cites = 1.0
        if "cites" in values:
            n = self.number(values["cites"], "salience cites", 0, 100)
            cites = n if n is not None else cites
        return Salience(places=tuple(places.items()), cites=cites)

    def context(self, node: Any) -> Context:
        values = self.mapping(node, "context", _CONTEXT_KEYS) or {}
        terms, minimum, mentions = self.subject(node, values, "context", 1.0)
        elsewhere: list[Term] = []
        elsewhere_minimum, elsewhere_mentions = 0.0, 1
        if "elsewhere" in values:
            other = self.mapping(values["elsewhere"], "context elsewhere", _ELSEWHERE_KEYS) or {}
            elsewhere, elsewhere_minimum, elsewhere_mentions = self.subject(values["elsewhere"], other,
                                                                            "context elsewhere", 0.0)
        return Context(terms=tuple(terms), min_per_1000_words=minimum, min_mentions=mentions,
                       elsewhere=tuple(elsewhere), elsewhere_per_1000_words=elsewhere_minimum,
                       elsewhere_min_mentions=elsewhere_mentions)

    def subject(self, node: Any, values: dict[str, Any], what: str, minimum: float) -> tuple[list[Term], float, int]:
        """The words of a subject (the codebook's own, or another) and how often a paper must name them."""
        terms = self.terms(values["terms"], what) if "terms" in values else []
        if not terms:
            self.problem(node, tr("{what}: give its terms (id: [...], en: [...])", what=what))
        if "min_per_1000_words" in values:
            value = self.number(values["min_per_1000_words"], f"{what} min_per_1000_words", 0, 1000)
            minimum = value if value is not None else minimum
        mentions = 1
        if "min_mentions" in values:
            value = self.number(values["min_mentions"], f"{what} min_mentions", 0, 1000, integer=True)
            mentions = int(value) if value is not None else mentions
        return terms, minimum, mentions

    def threshold(self, node: Any, base: Threshold) -> Threshold:
        values = self.mapping(node, "threshold", _THRESHOLD_KEYS) or {}
        limits = {"min_sentences": (1, 1000, True), "min_score": (0, 1e6, False), "per_1000_words": (0, 1000, False),
                  "reference_words": (1, 1e6, True), "length_exponent": (0, 2, False), "single": (0, 1e6, False)}
        changed: dict[str, Any] = {}
        for key, (low, high, integer) in limits.items():
            if key in values:
                n = self.number(values[key], key, low, high, integer=integer)
                if n is not None:
                    changed[key] = int(n) if integer else n
        return replace(base, **changed)

    def languages(self, node: Any, what: str, required: bool) -> dict[str, str]:
        import yaml

        if isinstance(node, yaml.ScalarNode):  # one text for both languages
            text = self.string(node, what)
            return {lang: text for lang in LANGUAGES} if text else {}
        values = self.mapping(node, what, LANGUAGES)
        if values is None:
            return {}
        out = {}
        for lang, value in values.items():
            text = self.string(value, f"{what}.{lang}")
            if text:
                out[lang] = text
        if required:
            for lang in LANGUAGES:
                if lang not in values:
                    self.problem(node, tr("{what}: the '{lang}' text is missing", what=what, lang=lang))
        return out

    def theme(self, node: Any, base: Threshold) -> Theme | None:
        values = self.mapping(node, "theme", _THEME_KEYS)
        if values is None:
            return None
        line = node.start_mark.line + 1
        if "id" not in values:
            self.problem(node, tr("theme: 'id' is missing"))
            return None
        theme_id = self.string(values["id"], "theme id")
        if theme_id is None:
            return None
        if not THEME_ID.match(theme_id):
            self.problem(values["id"], tr("theme id '{id}': use lower-case letters, digits, '-' or '_'", id=theme_id))
        what = tr("theme '{id}'", id=theme_id)
        label = self.languages(values["label"], f"{what} label", True) if "label" in values else {}
        if "label" not in values:
            self.problem(node, tr("{what}: 'label' is missing (give en and id)", what=what))
        description = self.languages(values["description"], f"{what} description", False) if (
            "description" in values
        ) else {}
        terms = self.terms(values["terms"], what) if "terms" in values else []
        patterns = [p for p in (self.pattern(n, what) for n in self.sequence(values.get("patterns"), what)) if p] \
            if "patterns" in values else []
        exclude = self.phrases(values["exclude"], f"{what} exclude") if "exclude" in values else []
        if not terms and not patterns:
            self.problem(node, tr("{what} is empty: give it terms or patterns", what=what))
        threshold = self.threshold(values["threshold"], base) if "threshold" in values else base
        named = self.sequence(values["aliases"], f"{what} aliases") if "aliases" in values else []
        aliases = [a for a in (self.string(n, f"{what} alias") for n in named) if a]
        return Theme(theme_id, label, description, terms, patterns, exclude, threshold, line, aliases)

    def terms(self, node: Any, what: str) -> list[Term]:
        import yaml

        if isinstance(node, yaml.SequenceNode):
            self.problem(node, tr("{what} terms: group them by language (id: [...], en: [...])", what=what))
            return []
        groups = self.mapping(node, f"{what} terms", LANGUAGES) or {}
        out = []
        for lang, group in groups.items():
            for item in self.sequence(group, f"{what} terms.{lang}"):
                term = self.term(item, lang, what)
                if term is not None:
                    out.append(term)
        return out

    def term(self, node: Any, lang: str, what: str) -> Term | None:
        import yaml

        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            text = self.string(node, f"{what} term")
            return self.checked_term(node, text, lang, 1.0, (), line, what) if text else None
        values = self.mapping(node, f"{what} term", _TERM_KEYS)
        if values is None:
            return None
        if "term" not in values:
            self.problem(node, tr("{what}: a term mapping needs 'term'", what=what))
            return None
        text = self.string(values["term"], f"{what} term")
        weight = 1.0
        if "weight" in values:
            value = self.number(values["weight"], f"{what} weight", 0.01, 100)
            weight = value if value is not None else weight
        contextual = self.flag(values, "context", what)
        exact = self.flag(values, "exact", what)
        case = self.flag(values, "case", what)
        exclude: tuple[str, ...] = ()
        if "exclude" in values:
            exclude = tuple(
                t for t in (self.string(n, f"{what} exclude") for n in self.sequence(values["exclude"], "exclude")) if t
            )
        if not text:
            return None
        term = self.checked_term(node, text, lang, weight, exclude, line, what)
        if term is None:
            return None
        return Term(text=text, lang=lang, weight=weight, exclude=exclude, context=contextual, exact=exact or case,
                    case=case, line=line)

    def flag(self, values: dict[str, Any], name: str, what: str) -> bool:
        if name not in values:
            return False
        node = values[name]
        if node.value not in ("true", "false", "yes", "no"):
            self.problem(node, tr("{what} {name} must be true or false", what=what, name=name))
        return node.value in ("true", "yes")

    def checked_term(
        self, node: Any, text: str, lang: str, weight: float, exclude: tuple[str, ...], line: int, what: str
    ) -> Term | None:
        if not re.search(r"[^\W_]", text):
            self.problem(node, tr("{what}: term '{text}' has no letters or digits", what=what, text=text))
            return None
        return Term(text=text, lang=lang, weight=weight, exclude=exclude, line=line)

    def phrases(self, node: Any, what: str) -> list[Term]:
        import yaml

        out = []
        if isinstance(node, yaml.MappingNode):
            groups = self.mapping(node, what, LANGUAGES) or {}
            items = [(lang, n) for lang, g in groups.items() for n in self.sequence(g, f"{what}.{lang}")]
        else:
            items = [("", n) for n in self.sequence(node, what)]
        for lang, item in items:
            text = self.string(item, what)
            if text:
                out.append(Term(text=text, lang=lang, line=item.start_mark.line + 1))
        return out

    def pattern(self, node: Any, what: str) -> Pattern | None:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            text, weight, contextual = self.string(node, f"{what} pattern"), 1.0, False
        else:
            values = self.mapping(node, f"{what} pattern", _PATTERN_KEYS)
            if values is None:
                return None
            if "pattern" not in values:
                self.problem(node, tr("{what}: a pattern mapping needs 'pattern'", what=what))
                return None
            text = self.string(values["pattern"], f"{what} pattern")
            weight = 1.0
            if "weight" in values:
                value = self.number(values["weight"], f"{what} weight", 0.01, 100)
                weight = value if value is not None else weight
            contextual = self.flag(values, "context", what)
        if text is None:
            return None
        try:
            compiled = re.compile(text, re.IGNORECASE)
        except re.error as exc:
            self.problem(node, tr("{what}: bad regular expression '{text}': {problem}", what=what, text=text,
                                  problem=exc.msg))
            return None
        if compiled.search(""):
            self.problem(node, tr("{what}: regular expression '{text}' matches empty text", what=what, text=text))
            return None
        return Pattern(pattern=text, weight=weight, line=node.start_mark.line + 1, context=contextual)

    def facet_value(self, node: Any, kind: str) -> FacetValue | None:

        values = self.mapping(node, f"{kind} entry", _FACET_KEYS)
        if values is None:
            return None
        if "name" not in values:
            self.problem(node, tr("{kind}: an entry needs 'name'", kind=kind))
            return None
        name = self.string(values["name"], f"{kind} name")
        if name is None:
            return None
        what = f"{kind} '{name}'"
        terms = []
        for item in self.sequence(values.get("terms"), f"{what} terms") if "terms" in values else []:
            term = self.term(item, "", what)
            if term:
                terms.append(term)
        patterns = [p for p in (self.pattern(n, what) for n in self.sequence(values["patterns"], what)) if p] \
            if "patterns" in values else []
        if not terms and not patterns:
            self.problem(node, tr("{what} has no terms or patterns", what=what))
        label = self.languages(values["label"], f"{what} label", False) if "label" in values else {}
        facet_kind = self.string(values["kind"], f"{what} kind") or "" if "kind" in values else ""
        exclude = self.phrases(values["exclude"], f"{what} exclude") if "exclude" in values else []
        return FacetValue(name=name, terms=terms, patterns=patterns, label=label, kind=facet_kind, exclude=exclude)

    def check_ids(self, themes: list[Theme]) -> None:
        seen: dict[str, int] = {}
        for theme in themes:
            if theme.id in seen:
                self.problems.append((theme.line, tr("theme id '{id}' is used twice (first on line {line})",
                                                     id=theme.id, line=seen[theme.id])))
            else:
                seen[theme.id] = theme.line


# What may stand between the words of a phrase in a text for the phrase to match: white space,
# hyphens, a slash, an apostrophe. A comma or a full stop ends a phrase ("pendidikan, politik").
PHRASE_JOINERS = frozenset(" \t\n\r\u00a0-\u2010\u2011/'\u2019")


def _unjoined(text: str) -> str:
    """The first run of characters between two words of ``text`` that no phrase may hold ("&" in
    "q & a"), or ""."""
    words = list(re.finditer(r"[^\W_]+", text))
    for before, after in zip(words, words[1:], strict=False):
        between = text[before.end():after.start()]
        if not PHRASE_JOINERS.issuperset(between):
            return between.strip() or between
    return ""


def check_terms(codebook: Codebook, norm: Any) -> list[tuple[int, str]]:
    """Terms that normalise to the same words in two themes (or twice in one), and phrases whose
    words are written apart by a character that never joins a phrase in a text.

    ``norm`` maps a term's text to its tuple of normal forms.
    """
    problems = []
    owner: dict[tuple[str, ...], tuple[str, str, int]] = {}
    for theme in codebook.themes:
        for term in theme.terms:
            key = norm(term.text)
            if not key:
                continue
            if key in owner:
                other_theme, other_text, other_line = owner[key]
                if other_theme == theme.id:
                    problems.append((term.line, tr("theme '{id}': term '{term}' repeats '{other}' (line {line}), the "
                                                   "same after normalisation", id=theme.id, term=term.text,
                                                   other=other_text, line=other_line)))
                else:
                    problems.append((term.line, tr("theme '{id}': term '{term}' is also in theme '{theme}' as "
                                                   "'{other}' (line {line}); a term may belong to one theme only",
                                                   id=theme.id, term=term.text, theme=other_theme, other=other_text,
                                                   line=other_line)))
            else:
                owner[key] = (theme.id, term.text, term.line)
    others = [(theme.id, term) for theme in codebook.themes for term in (*theme.terms, *theme.exclude)]
    others += [("context", term) for term in codebook.context.every_term]
    others += [(value.name, term) for values in codebook.facets.values() for value in values
               for term in (*value.terms, *value.exclude)]
    for name, term in others:
        apart = _unjoined(term.text)
        if apart:
            problems.append((term.line, tr("'{id}': term '{term}' can never match: '{apart}' between its words ends a "
                                           "phrase in a text; write the words apart with spaces or hyphens, or use a "
                                           "pattern", id=name, term=term.text, apart=apart)))
    return problems


def protected_words(codebook: Codebook) -> set[str]:
    """The codebook's own Indonesian words: the stemmer keeps them whole."""
    words: set[str] = set()
    for theme in codebook.themes:
        for term in (*theme.terms, *theme.exclude):
            if term.lang != "en" and not term.exact:
                words.update(w for w in re.findall(r"[^\W_]+", term.text.lower()) if w.isalpha())
    for term in codebook.context.every_term:
        if term.lang != "en" and not term.exact:
            words.update(w for w in re.findall(r"[^\W_]+", term.text.lower()) if w.isalpha())
    for values in codebook.facets.values():
        for value in values:
            for term in value.terms:
                if not term.exact:
                    words.update(w for w in re.findall(r"[^\W_]+", term.text.lower()) if w.isalpha())
    return words


def own_roots(codebook: Codebook) -> dict[str, set[str]]:
    """For each Indonesian word of a phrase term that is no one-word term itself, the one-word terms
    of the same theme (or context list, or facet value): such a word that is an affixed form of one
    of them reduces to it (``Normalizer``), so "menjangkau" in "menjangkau pemilih" stays a form of
    the term "jangkau". A word listed as a term of its own ("jangkauan", "pencitraan") is kept whole."""
    owners: list[list[Term]] = [[*theme.terms, *theme.exclude] for theme in codebook.themes]
    owners.append(list(codebook.context.terms))
    owners.append(list(codebook.context.elsewhere))
    owners += [list(value.terms) for values in codebook.facets.values() for value in values]
    split = [[(t, re.findall(r"[^\W_]+", t.text.lower())) for t in terms if t.lang != "en" and not t.exact]
             for terms in owners]
    singles = [{words[0] for _, words in terms if len(words) == 1} for terms in split]
    every_single = set().union(*singles)
    out: dict[str, set[str]] = {}
    for terms, roots in zip(split, singles, strict=True):
        for _, words in terms:
            if len(words) > 1 and roots:
                for word in words:
                    if word.isalpha() and word not in every_single:
                        out.setdefault(word, set()).update(roots)
    return out


def exact_words(codebook: Codebook) -> set[str]:
    """Words of terms marked ``exact`` or ``case``: never stemmed, never read as typos."""
    terms = [t for th in codebook.themes for t in th.terms] + list(codebook.context.every_term)
    terms += [t for values in codebook.facets.values() for v in values for t in v.terms]
    return {w for t in terms if t.exact for w in re.findall(r"[^\W_]+", t.text.lower())}


def term_norms(normalizer: Any, text: str) -> tuple[str, ...]:
    """A term's words in normal form (no typo correction)."""
    return tuple(normalizer.norm_exact(w) for w in re.findall(r"[^\W_]+", text.lower()))
