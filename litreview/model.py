"""Plain data that flows through litreview: papers, people, sections, citations.

Importers produce these, the store persists them, everything else reads them.
Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from dataclasses import field as _field
from typing import Any

# How the warning naming the fields a source gave with low confidence begins.
LOW_CONFIDENCE_WARNING = "read with low confidence, check:"

# Canonical section kinds, in the order they usually appear in a paper.
SECTION_KINDS = (
    "abstract",
    "keywords",
    "introduction",
    "literature_review",
    "method",
    "results",
    "discussion",
    "conclusion",
    "acknowledgements",
    "references",
    "appendix",
    "other",
)


@dataclass
class Person:
    """An author or editor.

    ``literal`` holds a name that must not be split: an Indonesian mononym
    ("Munadi") or an institution. Otherwise ``family`` and ``given`` hold the
    parts, with ``particle`` for "van", "de", "bin" and the like.
    ``affiliation`` (several joined by "; ") and ``email`` are this person's
    where the source ties them to the name (a PDF's affiliation marks).
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    suffix: str = ""
    literal: str = ""
    affiliation: str = ""
    email: str = ""

    @property
    def full_family(self) -> str:
        """Particle and family name: "van Dijk"; "al-Farabi" with no space after a hyphen."""
        if not self.particle:
            return self.family
        joiner = "" if self.particle.endswith(("-", "'", "\u2019")) else " "
        return f"{self.particle}{joiner}{self.family}" if self.family else self.particle

    @property
    def surname(self) -> str:
        """The part a citation uses: family name, or the literal name."""
        return self.literal or self.full_family

    def display(self) -> str:
        """The name as people write it: "Mikhael Yulius Cobis", "Munadi"."""
        if self.literal:
            return self.literal
        name = " ".join(p for p in (self.given, self.full_family) if p)
        return f"{name}, {self.suffix}" if self.suffix else name

    def inverted(self) -> str:
        """Family-first form used by BibTeX and RIS: "Cobis, Mikhael Yulius"."""
        if self.literal:
            return self.literal
        family = self.full_family
        if self.suffix:
            return f"{family}, {self.suffix}, {self.given}" if self.given else f"{family}, {self.suffix}"
        return f"{family}, {self.given}" if self.given else family

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(*[str(data.get(name) or "") for name in _PERSON_FIELDS])


_PERSON_FIELDS = tuple(f.name for f in fields(Person))  # in order: Person's positional arguments


@dataclass
class Section:
    """A span of a paper's text that starts at a recognised heading.

    ``start``/``end`` are character offsets into ``Paper.text``; the heading
    itself is included in the span. ``page`` is the 1-based page where the
    heading stands (PDFs only).
    """

    kind: str
    heading: str
    start: int
    end: int
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Citation:
    """An in-text citation as written in the paper, e.g. "(Rahadi & Abdillah, 2013)".

    One parenthetical group with several works ("(A, 2018; B, 2016)") gives
    one Citation per work, all sharing the group's offsets. A secondary
    citation "Mulyana (dalam Rahman, 2020)" names the work read (Rahman, 2020)
    in ``authors``/``year`` and the author quoted through it in ``original``.
    """

    text: str
    authors: list[str]
    year: str
    start: int
    end: int
    et_al: bool = False
    narrative: bool = False
    page: str = ""
    original: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Reference:
    """One entry of a paper's reference list (Daftar Pustaka / References), parsed.

    ``authors`` holds the surnames (or literal names) in order; ``start``/``end``
    are offsets of ``raw`` in ``Paper.text``.
    """

    raw: str
    authors: list[str] = field(default_factory=list)
    year: str = ""
    title: str = ""
    venue: str = ""
    doi: str = ""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)  # about 47 fields: too many for a shared-key instance dict, so slots save ~1.2 KB a paper
class Paper:
    """One work: its metadata, and its text when the source has one.

    Bilingual Indonesian papers keep both versions: ``title`` is the title in
    the paper's own language; ``title_id``/``title_en`` hold each language's
    version when known (one of them usually equals ``title``). The same goes
    for abstracts and keywords.
    """

    title: str = ""
    authors: list[Person] = field(default_factory=list)
    authors_truncated: bool = False  # the source said "et al." / "dkk." / "and others"
    editors: list[Person] = field(default_factory=list)
    year: int | None = None
    date: str = ""  # as precise as the source gives it: "2023", "2023-10", "2023-10-05"
    entry_type: str = "article"  # BibTeX-style type: article, inproceedings, book, thesis, ...
    journal: str = ""  # container: journal, proceedings, book title, news outlet
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    url: str = ""
    isbn: str = ""
    issn: str = ""
    language: str = ""  # "id", "en", or "" when unknown
    title_id: str = ""
    title_en: str = ""
    abstract: str = ""
    abstract_id: str = ""
    abstract_en: str = ""
    keywords: list[str] = field(default_factory=list)
    keywords_id: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    note: str = ""
    author_ids: list[str] = field(default_factory=list)  # "orcid:0000-...", "scopus:5719...", "wos:A-1234-2010"
    cited_references: list[str] = field(default_factory=list)  # the work's own reference list, as exported
    extra: dict[str, str] = field(default_factory=dict)  # fields the model has no slot for, never dropped
    # The authors' affiliations and e-mail addresses as the paper prints them, in order, whether or
    # not they could be tied to each author (Person.affiliation and Person.email, where they could).
    affiliations: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    # Full text, when the source carries one (PDF, plain text).
    text: str = ""
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)  # offset in text where each page begins
    pages_count: int = 0
    # Where it came from.
    key: str = ""  # the corpus key; importers may propose one (the BibTeX key)
    source_format: str = ""  # pdf, bibtex, ris, csljson, text
    source_name: str = ""  # file name the record came from
    source_record: str = ""  # id of the record inside the file (BibTeX key, line number)
    # What this record's source knows of it, kept with its provenance (one per file and record), not
    # merged: database ("Scopus", "Google Scholar", ...), cited_by, query, query_date, rank, record_id
    # (EID, WOS UT, PMID), source (the export kind: "pop", "scopus-csv", ...).
    origin: dict[str, str] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)  # paths of files to attach (BibTeX `file`)
    warnings: list[str] = field(default_factory=list)
    # Fields read with low confidence (a layout guess, not a printed statement): field -> where the
    # value came from ("running line", "PDF metadata"...). Kept with the record's provenance.
    low_confidence: dict[str, str] = field(default_factory=dict)

    # Metadata fields, in a stable order, as exported and edited (not text, sections, ...).
    METADATA_FIELDS = (
        "key", "entry_type", "title", "title_id", "title_en", "authors", "authors_truncated",
        "editors", "year", "date", "journal", "volume", "issue", "pages", "publisher", "doi",
        "url", "isbn", "issn", "language", "abstract", "abstract_id", "abstract_en",
        "keywords", "keywords_id", "keywords_en", "note", "author_ids", "cited_references", "extra",
        "affiliations", "emails",
    )

    @property
    def first_author(self) -> str:
        return self.authors[0].surname if self.authors else ""

    def page_of(self, offset: int) -> int | None:
        """1-based page holding ``offset`` in ``text``, or None without page data."""
        if not self.page_starts:
            return None
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i
            else:
                break
        return page + 1

    def provenance_details(self) -> dict[str, Any]:
        """What the provenance row of this record keeps: its ``origin``, and under "low_confidence"
        each field read with low confidence: where from ("source") and the value read ("value", as
        in :meth:`metadata`), so a later edit of that field is seen to answer it."""
        details: dict[str, Any] = dict(self.origin)
        if self.low_confidence:
            meta = self.metadata()
            details["low_confidence"] = {
                name: {"source": source, "value": meta.get(name)}
                for name, source in sorted(self.low_confidence.items())
            }
        return details

    def metadata(self) -> dict[str, Any]:
        """The metadata as plain JSON-ready data, empty values left out."""
        out: dict[str, Any] = {}
        for name in self.METADATA_FIELDS:
            value = getattr(self, name)
            if name in ("authors", "editors"):
                value = [p.to_dict() for p in value]
            if value in ("", None, [], {}, False):
                continue
            out[name] = value
        return out

    @classmethod
    def from_metadata(cls, data: dict[str, Any]) -> Paper:
        """Inverse of :meth:`metadata` (unknown names raise KeyError)."""
        paper = cls()
        for name, value in data.items():
            if name not in _METADATA_NAMES:
                raise KeyError(name)
            if name in ("authors", "editors"):
                value = [Person.from_dict(p) for p in value or []]
            setattr(paper, name, value)
        return paper


_METADATA_NAMES = frozenset(Paper.METADATA_FIELDS)


@dataclass
class ImportResult:
    """What an importer returns for one file: the papers read, and per-record problems.

    ``errors`` are records that could not be read (one line each, naming the
    record or line); the good records are still returned. A file that cannot
    be read at all raises an ImportFailed instead.
    """

    papers: list[Paper] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Match:
    """A codebook term found in a sentence: ``start``/``end`` are offsets in the same field."""

    term: str  # the term as the codebook writes it (or the pattern)
    rule: str  # "word", "phrase", "fuzzy" (a typo of the term) or "pattern"
    start: int
    end: int
    text: str  # the words as they stand in the paper
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        # as asdict() gives it, without its recursion: stored for every match of every evidence sentence
        return {"term": self.term, "rule": self.rule, "start": self.start, "end": self.end, "text": self.text,
                "weight": self.weight}


@dataclass(slots=True)
class Evidence:
    """A sentence that supports a theme, quoted exactly: ``getattr(paper, field)[start:end]``."""

    theme: str
    field: str  # "text", or the abstract it comes from: "abstract_id", "abstract_en", "abstract"
    start: int
    end: int
    sentence: str
    section: str = ""  # section kind, when known
    page: int | None = None
    score: float = 0.0  # the weight of the distinct terms the sentence matches (capped)
    matches: list[Match] = _field(default_factory=list)  # (``field`` is an attribute here)
    place: str = ""  # where it stands: title, keywords, heading, abstract, lead, point, conclusion, body, review
    cites: bool = False  # reports another work's claim ("X (2019) ...")
    weight: float = 1.0  # what its place makes it count for: it adds score * weight

    @property
    def counts(self) -> float:
        """What this sentence adds to its theme's score."""
        return round(self.score * self.weight, 3)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Tag:
    """A theme of a paper: the tagger's decision ("auto") or the user's ("manual")."""

    theme: str
    score: float = 0.0
    threshold: float = 0.0  # the score this paper's text had to reach
    sentences: int = 0
    assigned: bool = True  # False: below the threshold, or removed by hand
    origin: str = "auto"
    evidence: list[Evidence] = field(default_factory=list)
    level: str = "discussed"  # "discussed" (assigned), "mentioned" (evidence under the bar), "" (removed by hand)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FacetMention:
    """A facet value a paper mentions: a platform, a method, a political actor."""

    name: str
    mentions: int
    kind: str = ""
    label: str = ""
    label_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v != ""}


@dataclass
class Facets:
    platforms: list[FacetMention] = field(default_factory=list)
    methods: list[FacetMention] = field(default_factory=list)
    actors: list[FacetMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: [m.to_dict() for m in getattr(self, name)] for name in ("platforms", "methods", "actors")}

    @classmethod
    def from_dict(cls, data: dict[str, Any], shared: dict[tuple[Any, ...], FacetMention] | None = None) -> Facets:
        """Facets from ``to_dict``'s form. With ``shared`` (a cache the caller keeps), equal mentions
        of many papers' facets come as one object: read them, do not change them."""
        if shared is None:
            return cls(**{name: [FacetMention(**m) for m in data.get(name, [])]
                          for name in ("platforms", "methods", "actors")})

        def mention(fields: dict[str, Any]) -> FacetMention:
            made = FacetMention(**fields)
            return shared.setdefault((made.name, made.mentions, made.kind, made.label, made.label_id), made)

        return cls(**{name: [mention(m) for m in data.get(name, [])] for name in ("platforms", "methods", "actors")})


@dataclass
class Tagging:
    """What the tagger found in one paper: every theme with evidence (assigned or not) and facets."""

    key: str
    tags: list[Tag]
    facets: Facets
    words: int  # words read; 0 when the paper has no text or abstract
    content: str = ""  # digest of what was read
    codebook: str = ""  # digest of the codebook used

    @property
    def assigned(self) -> list[Tag]:
        return [t for t in self.tags if t.assigned]
