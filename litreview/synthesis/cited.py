"""The second corpus: the works the papers cite, found in their text and reference lists.

``paper_works`` reads one paper: its in-text citations, its parsed reference list and the
links between them, as one ``PaperWork`` per distinct work the paper cites (a reference
entry nobody cites in the text still counts: it is in the paper's bibliography).
``build_citation_index`` puts the works of many papers together: the same work cited by
several papers under slightly different spellings of its first author ("Kruikemeyer" and
"Kruikemeier", same year) becomes one ``CitedWork``, unless the titles the reference lists
give for them disagree. A cited work that is itself in the corpus is linked to its key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import token_sort_ratio

from litreview.model import Citation, Paper, Reference
from litreview.text.citations import extract_citations
from litreview.text.numbered import cites_by_number, numbered_links
from litreview.text.references import link_citations, parse_reference_list, surname_key

if TYPE_CHECKING:
    from litreview.store import Corpus

_TITLE_AGREES = 75  # token_sort_ratio of two titles of the same work, at least
_BASE_YEAR = re.compile(r"^(\d{4})[a-z]?$")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,2}([^*_]+?)[*_]{1,2}(?!\w)")  # *Title* in Markdown texts


@dataclass
class PaperWork:
    """One work as one paper cites it: in-text mentions and/or a reference-list entry."""

    authors: list[str]
    year: str
    et_al: bool = False
    title: str = ""
    venue: str = ""
    doi: str = ""
    reference: str = ""  # the raw reference-list entry, when there is one
    mentions: int = 0  # in-text citations of it
    pages: list[str] = field(default_factory=list)
    originals: list[str] = field(default_factory=list)  # authors quoted through it ("X dalam Y")


@dataclass
class Citing:
    """How one corpus paper cites a CitedWork."""

    paper: str
    mentions: int
    reference: str = ""
    pages: list[str] = field(default_factory=list)


@dataclass
class CitedWork:
    id: str
    authors: list[str]
    year: str
    et_al: bool = False
    title: str = ""
    venue: str = ""
    doi: str = ""
    variants: list[str] = field(default_factory=list)  # other spellings of the first author
    citing: list[Citing] = field(default_factory=list)
    corpus_key: str = ""

    @property
    def papers(self) -> int:
        return len(self.citing)

    @property
    def mentions(self) -> int:
        return sum(c.mentions for c in self.citing)

    def label(self, lang: str = "en") -> str:
        """APA-like short form: "Kruikemeier, 2013", "Rahadi & Abdillah, 2013", "Lim et al., 2018"."""
        return f"{author_label(self.authors, self.et_al, lang)}, {self.year}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label(),
            "authors": self.authors,
            "year": self.year,
            "title": self.title,
            "venue": self.venue,
            "doi": self.doi,
            "variants": self.variants,
            "papers": self.papers,
            "mentions": self.mentions,
            "corpus_key": self.corpus_key,
            "cited_by": [
                {"paper": c.paper, "mentions": c.mentions, "reference": c.reference, "pages": c.pages}
                for c in self.citing
            ],
        }


@dataclass
class CitationIndex:
    works: list[CitedWork]  # most cited first
    papers_read: int  # corpus papers with text
    citing_papers: int  # of those, papers that cite at least one work


def author_label(authors: list[str], et_al: bool, lang: str = "en") -> str:
    and_word, etal_word = ("dan", "dkk.") if lang == "id" else ("&", "et al.")
    if not authors:
        return "?"
    if len(authors) >= 3 or (et_al and authors):
        return f"{authors[0]} {etal_word}"
    if len(authors) == 2:
        return f"{authors[0]} {and_word} {authors[1]}"
    return authors[0]


def base_year(year: str) -> str:
    """ "2019a" -> "2019"; "n.d." and "t.t." stay as written."""
    found = _BASE_YEAR.match(year.strip())
    return found.group(1) if found else year.strip().lower()


def same_name(a: str, b: str) -> bool:
    """Two surname keys that name the same person: equal, or a spelling variant of a long name
    with the same first letter (one edit from 7 letters, two from 12)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return False
    shorter = min(len(a), len(b))
    allowed = 2 if shorter >= 12 else 1 if shorter >= 7 else 0
    return allowed > 0 and Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _titles_agree(a: str, b: str) -> bool:
    return not a or not b or token_sort_ratio(a.casefold(), b.casefold()) >= _TITLE_AGREES


# -- one paper ----------------------------------------------------------------------------------


def paper_works(paper: Paper) -> list[PaperWork]:
    """The distinct works one paper cites, in order of first appearance (text, then the list)."""
    if not paper.text:
        return []
    citations = extract_citations(paper.text, paper.sections)
    references = parse_reference_list(paper.text, paper.sections)
    links: list[int | None] = (list(link_citations(citations, references)) if citations and references
                               else [None] * len(citations))
    if references and cites_by_number(citations, paper.text):  # "[3]": the entry labelled 3
        numbered = numbered_links(paper.text, paper.sections, references)
        citations = citations + [citation for citation, _ in numbered]
        links = links + [index for _, index in numbered]
    works: dict[tuple[Any, ...], PaperWork] = {}
    for citation, link in zip(citations, links, strict=True):
        if not citation.authors:
            continue
        ident: tuple[Any, ...] = ("ref", link) if link is not None else (
            "cite", surname_key(citation.authors[0]), citation.year.lower())
        work = works.get(ident)
        if work is None:
            work = works[ident] = _work_from_citation(citation) if link is None else _work_from_reference(
                references[link], citation)
        work.mentions += 1
        if citation.page and citation.page not in work.pages:
            work.pages.append(citation.page)
        if citation.original and citation.original not in work.originals:
            work.originals.append(citation.original)
    for i, reference in enumerate(references):
        if ("ref", i) not in works and reference.authors and reference.year:
            works[("ref", i)] = _work_from_reference(reference, None)
    return list(works.values())


def _work_from_citation(citation: Citation) -> PaperWork:
    return PaperWork(authors=list(citation.authors), year=citation.year, et_al=citation.et_al)


def _work_from_reference(reference: Reference, citation: Citation | None) -> PaperWork:
    authors = list(reference.authors) or (list(citation.authors) if citation else [])
    year = reference.year or (citation.year if citation else "")
    return PaperWork(authors=authors, year=year, et_al=bool(citation and citation.et_al and len(authors) < 2),
                     title=_EMPHASIS.sub(r"\1", reference.title), venue=reference.venue, doi=reference.doi,
                     reference=reference.raw)


# -- many papers --------------------------------------------------------------------------------


@dataclass
class _Group:
    key: str  # surname key of the first author
    year: str
    items: list[tuple[str, PaperWork]] = field(default_factory=list)  # (citing paper key, its work)

    @property
    def title(self) -> str:
        titles = [w.title for _, w in self.items if w.title]
        return Counter(titles).most_common(1)[0][0] if titles else ""


def build_citation_index(cited: Iterable[tuple[str, list[PaperWork]]], corpus: Iterable[Paper] = (),
                         papers_read: int | None = None) -> CitationIndex:
    """Group the works each paper cites (``(paper key, works)`` pairs) into cited works across the
    corpus, link those that are corpus papers, and order them most cited first."""
    by_year: dict[str, list[_Group]] = {}
    read = citing = 0
    for paper_key, works in cited:
        read += 1
        citing += bool(works)
        for work in works:
            if not work.authors:
                continue
            _place(by_year, paper_key, work)
    lookup = _CorpusLookup(corpus)
    built = [_cited_work(group, lookup) for groups in by_year.values() for group in groups]
    built.sort(key=lambda w: (-w.papers, -w.mentions, w.label().casefold(), w.year, w.title))
    _assign_ids(built)
    return CitationIndex(works=built, papers_read=papers_read if papers_read is not None else read,
                         citing_papers=citing)


def _place(by_year: dict[str, list[_Group]], paper_key: str, work: PaperWork) -> None:
    key, year = surname_key(work.authors[0]), base_year(work.year)
    groups = by_year.setdefault(year, [])
    for group in groups:
        if same_name(group.key, key) and _titles_agree(group.title, work.title):
            group.items.append((paper_key, work))
            return
    groups.append(_Group(key=key, year=year, items=[(paper_key, work)]))


def _cited_work(group: _Group, lookup: _CorpusLookup) -> CitedWork:
    items = group.items
    # The spelling most papers use; a reference-list spelling breaks ties, then the alphabet.
    spellings = Counter(w.authors[0] for _, w in items)
    first = min(spellings, key=lambda s: (-spellings[s], not any(w.reference and w.authors[0] == s
                                                                   for _, w in items), s))
    richest = max((w for _, w in items), key=lambda w: (bool(w.reference), len(w.authors), bool(w.title), w.title))
    authors = [first, *richest.authors[1:]] if richest.authors else [first]
    citing: dict[str, Citing] = {}
    for paper_key, work in items:
        entry = citing.setdefault(paper_key, Citing(paper=paper_key, mentions=0))
        entry.mentions += work.mentions
        entry.reference = entry.reference or work.reference
        entry.pages.extend(p for p in work.pages if p not in entry.pages)
    cited = CitedWork(
        id="",
        authors=authors,
        year=group.year,
        et_al=richest.et_al and len(authors) < 3,
        title=richest.title,
        venue=richest.venue,
        doi=richest.doi or next((w.doi for _, w in items if w.doi), ""),
        variants=sorted(s for s in spellings if s != first),
        citing=sorted(citing.values(), key=lambda c: c.paper),
    )
    cited.corpus_key = lookup.find(cited, {c.paper for c in cited.citing})
    return cited


def _assign_ids(works: list[CitedWork]) -> None:
    seen: Counter[str] = Counter()
    for work in works:
        base = re.sub(r"[^a-z0-9]+", "-", f"{surname_key(work.authors[0])}-{work.year}".lower()).strip("-")
        seen[base] += 1
        work.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


class _CorpusLookup:
    """Corpus papers by year, to find a cited work among them: same year, same first author
    (spelling variants allowed), and a title that agrees when the reference gives one; a DOI
    match settles it."""

    def __init__(self, papers: Iterable[Paper]) -> None:
        self.by_year: dict[str, list[tuple[str, str, list[str]]]] = {}
        self.by_doi: dict[str, str] = {}
        for paper in papers:
            if paper.doi:
                self.by_doi.setdefault(paper.doi.lower(), paper.key)
            if not paper.year or not paper.authors:
                continue
            titles = [t for t in (paper.title, paper.title_en, paper.title_id) if t]
            self.by_year.setdefault(str(paper.year), []).append(
                (surname_key(paper.authors[0].surname), paper.key, titles))

    def find(self, work: CitedWork, citing: set[str]) -> str:
        if work.doi and (key := self.by_doi.get(work.doi.lower())) and key not in citing:
            return key
        candidates = [
            (key, titles)
            for name, key, titles in self.by_year.get(work.year, [])
            if key not in citing and same_name(name, surname_key(work.authors[0]))
        ]
        if work.title:
            scored = [(max(token_sort_ratio(work.title.casefold(), t.casefold()) for t in titles), key)
                      for key, titles in candidates if titles]
            scored = [s for s in scored if s[0] >= _TITLE_AGREES]
            return max(scored, key=lambda s: (s[0], s[1]))[1] if scored else ""
        return candidates[0][0] if len(candidates) == 1 else ""


# -- from the store -----------------------------------------------------------------------------


def index_corpus(corpus: Corpus, keys: list[str] | None = None) -> CitationIndex:
    """The citation index of a corpus (or of the papers ``keys``): every paper with text is read
    once, in key order; memory holds the works, not the texts."""
    wanted = set(keys) if keys is not None else None
    with_text = [key for key in corpus.keys_with_text() if wanted is None or key in wanted]
    papers = corpus.iter_papers(with_text, full=True) if with_text else iter(())
    cited = ((paper.key, paper_works(paper)) for paper in papers)
    return build_citation_index(cited, corpus.iter_papers(), papers_read=len(with_text))
