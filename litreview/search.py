"""Full-text search over the corpus: query parsing, keeping the index current, ranking, snippets.

The index (SQLite FTS5, in store.py) holds every paper's title, abstracts, full text
and evidence sentences as stems, so the words of a query are stemmed alike and
"kampanye" finds "berkampanye", "pemilih" finds "memilih". BM25 ranks the papers,
a title counting most. Snippets come from the paper's own text: the best window of
about 30 words around the words whose stem is one of the query's, with their spans,
so every renderer can highlight them.

Query syntax: words (all must match), "quoted phrases", OR between alternatives,
-word or NOT word to exclude. Nothing a user types reaches FTS5 unquoted, so no
query can cause an FTS5 syntax error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from dataclasses import field as _field
from typing import Any

from litreview.errors import UsageError
from litreview.i18n import tr
from litreview.store import Corpus, SearchSource
from litreview.text.stem import STEMMER_VERSION, WORD, Stemmer, needle

SNIPPET_WORDS = 30
_WORDS_BEFORE = 8  # context kept before the first matched word of a snippet
_WINDOW_CHARS = 200  # matched words this close together count for one snippet
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_BATCH = 500
_OPTIMIZE_AFTER = 2000  # papers indexed at once after which the index is merged
_ABSTRACTS = ("abstract", "abstract_id", "abstract_en")
_KEYWORDS = ("keywords", "keywords_id", "keywords_en")


# -- queries ----------------------------------------------------------------------------
@dataclass
class Term:
    """A word, or a phrase (several words in this order), with the stems it is searched by."""

    words: list[str]
    stems: list[str]

    def fts(self) -> str:
        return '"' + " ".join(self.stems).replace('"', '""') + '"'


@dataclass
class Query:
    """Every group must match; a group matches when any of its terms does. No excluded term may."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    @property
    def stems(self) -> set[str]:
        """The stems to highlight: those of every term searched for."""
        return {s for group in self.groups for term in group for s in term.stems}

    def expression(self) -> str:
        """The FTS5 MATCH expression: every stem quoted, so it is always valid syntax."""
        parts = [
            group[0].fts() if len(group) == 1 else "(" + " OR ".join(t.fts() for t in group) + ")"
            for group in self.groups
        ]
        positive = " AND ".join(parts)
        if not self.excluded:
            return positive
        return f"({positive}) NOT (" + " OR ".join(t.fts() for t in self.excluded) + ")"


def parse_query(text: str, stemmer: Stemmer) -> Query:
    """Read a query; UsageError when nothing in it can be searched for."""
    query = Query()
    alternative = negate = False
    for m in _TOKEN.finditer(text):
        minus, phrase, bare = m.groups()
        if bare is not None:
            minus = "-" if bare.startswith("-") and len(bare) > 1 else ""
            words = WORD.findall(bare)
            operators = [w for w in words if w in _OPERATORS]
            words = [w for w in words if w not in _OPERATORS]
            if not words:
                if operators:
                    alternative = operators[-1] == "OR" and bool(query.groups)
                    negate = operators[-1] == "NOT"
                continue
        else:
            words = WORD.findall(phrase)
            if not words:
                continue
        lowered = [w.lower() for w in words]
        term = Term(words=lowered, stems=[stemmer.stem(w) for w in lowered])
        if minus or negate:
            query.excluded.append(term)
        elif alternative:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        alternative = negate = False
    if not query.groups:
        if query.excluded:
            raise UsageError(tr("search {text}: only excluded words to search for; give words, \"a phrase\", OR "
                                "between alternatives, -word to exclude", text=repr(text)))
        raise UsageError(tr("search {text}: no words to search for; give words, \"a phrase\", OR between "
                            "alternatives, -word to exclude", text=repr(text)))
    return query


# -- keeping the index current -------------------------------------------------------------
def document_fields(source: SearchSource, stemmer: Stemmer) -> tuple[str, str, str, str]:
    """(title, abstract, body, evidence) of a paper as the index holds them: stems, space-separated."""
    meta = source.metadata
    titles = _distinct(meta.get(name, "") for name in ("title", "title_id", "title_en"))
    abstracts = _distinct([*(meta.get(name, "") for name in _ABSTRACTS),
                           *("; ".join(meta.get(name, [])) for name in _KEYWORDS)])
    return (
        " ".join(stemmer.stems("\n".join(titles))),
        " ".join(stemmer.stems("\n".join(abstracts))),
        " ".join(stemmer.stems(source.text)),
        " ".join(stemmer.stems("\n".join(_distinct(source.evidence)))),
    )


def update_search_index(
    corpus: Corpus, stemmer: Stemmer, progress: Callable[[int, int], None] | None = None
) -> int:
    """Index the papers added, edited, re-tagged or removed since the last search (all of them
    after a change of stemmer) in one transaction; the number of papers indexed. When nothing
    waits, this is one small query."""
    version, waiting = corpus.search_index_state()
    if version == STEMMER_VERSION and not waiting:
        return 0
    with corpus.transaction():
        if corpus.search_index_state()[0] != STEMMER_VERSION:
            corpus.reset_search_index(STEMMER_VERSION)
        ids = corpus.search_pending_ids()
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            documents = [(s.id, *document_fields(s, stemmer)) for s in corpus.search_sources(batch)]
            corpus.write_search_documents(batch, documents)
            if progress is not None:
                progress(start + len(batch), len(ids))
        if len(ids) >= _OPTIMIZE_AFTER:
            corpus.optimize_search_index()
    return len(ids)


def pending_papers(corpus: Corpus) -> int:
    """How many papers the next search will index first (all of them after a change of stemmer)."""
    version, waiting = corpus.search_index_state()
    return waiting if version == STEMMER_VERSION else corpus.count()


# -- searching ---------------------------------------------------------------------------------
@dataclass
class Snippet:
    """A passage of a paper: ``spans`` are (start, end) offsets of the matched words in ``text``."""

    field: str  # "abstract", "abstract_id", "abstract_en", "keywords"... or "text"; "" when the paper has none
    text: str
    spans: list[tuple[int, int]] = _field(default_factory=list)  # (``field`` is an attribute here)


@dataclass
class Hit:
    key: str
    title: str
    year: int | None
    authors: list[str]
    short_authors: str  # "Cobis & Rusadi", "Fahruji et al."
    citation: str  # "Cobis & Rusadi, 2023", "Anonim, 2024b" (letters as everywhere: citations.corpus_letters)
    themes: list[str]
    score: float  # BM25, higher is better
    title_spans: list[tuple[int, int]]
    snippet: Snippet

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["title_spans"] = [list(s) for s in self.title_spans]
        data["snippet"]["spans"] = [list(s) for s in self.snippet.spans]
        return data


def search_corpus(
    corpus: Corpus,
    query: str,
    themes: list[str] | None = None,
    years: tuple[int | None, int | None] = (None, None),
    limit: int = 20,
    stemmer: Stemmer | None = None,
    level: str = "discussed",
) -> list[Hit]:
    """The papers matching ``query``, best first, with any of ``themes`` (at ``level``: discussed,
    or mentioned too) and a year in ``years``."""
    if limit < 1:
        raise UsageError(tr("--limit {n}: give 1 or more", n=limit))
    stemmer = stemmer or Stemmer()
    parsed = parse_query(query, stemmer)
    update_search_index(corpus, stemmer)
    found = corpus.search_matches(parsed.expression(), themes or None, years[0], years[1], limit, level)
    if not found:
        return []
    sources = {s.id: s for s in corpus.search_sources([i for i, _ in found], evidence=False)}
    wanted = parsed.stems
    citations = _citations(corpus, list(sources.values()))
    return [_hit(sources[i], -rank, wanted, stemmer, citations[sources[i].key]) for i, rank in found if i in sources]


def _citations(corpus: Corpus, sources: list[SearchSource]) -> dict[str, str]:
    from litreview.model import Paper
    from litreview.synthesis.citations import citations_for, corpus_letters

    papers = []
    for source in sources:
        paper = Paper.from_metadata({k: v for k, v in source.metadata.items() if k in Paper.METADATA_FIELDS})
        paper.key = source.key
        papers.append(paper)
    return citations_for(papers, letters=corpus_letters(corpus, papers))


def _hit(source: SearchSource, score: float, wanted: set[str], stemmer: Stemmer, citation: str) -> Hit:
    from litreview.catalog import author_names, short_authors

    meta = source.metadata
    title = meta.get("title", "")
    return Hit(
        key=source.key,
        title=title,
        year=source.year,
        authors=author_names(meta),
        short_authors=short_authors(meta),
        citation=citation,
        themes=source.themes,
        score=round(score, 3),
        title_spans=[(s, e) for s, e, stem in stemmer.spans(title) if stem in wanted],
        snippet=best_snippet(meta, source.text, wanted, stemmer),
    )


# -- snippets ----------------------------------------------------------------------------------
def best_snippet(meta: dict[str, Any], text: str, wanted: set[str], stemmer: Stemmer) -> Snippet:
    """The passage of the abstracts or the full text holding most of the query's stems."""
    fields = [(name, meta.get(name, "")) for name in _ABSTRACTS]
    fields += [(name, "; ".join(meta.get(name, []))) for name in _KEYWORDS]
    fields.append(("text", text))
    seen: set[str] = set()
    best: tuple[tuple[int, int], str, str, int, list[tuple[int, int, str]]] | None = None
    pattern = _needles(wanted)
    for name, value in fields:
        if not value or value in seen:
            continue
        seen.add(value)
        matches = find_matches(value, wanted, stemmer, pattern)
        if not matches:
            continue
        anchor, score = _best_window(matches)
        if best is None or score > best[0]:
            best = (score, name, value, anchor, matches)
    if best is None:
        for name, value in fields:
            if value:
                return _cut(name, value, 0, [])
        return Snippet(field="", text="")
    _, name, value, anchor, matches = best
    return _cut(name, value, anchor, matches)


def find_matches(
    text: str, wanted: set[str], stemmer: Stemmer, pattern: re.Pattern[str] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, stem) of the words of ``text`` whose stem is wanted, in order.

    Long texts are not stemmed word by word: only the words holding a piece every form of a
    wanted stem holds (see ``needle``) are stemmed.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets would shift
        return [span for span in stemmer.spans(text) if span[2] in wanted]
    pattern = pattern or _needles(wanted)
    out = []
    last_end = -1
    for m in pattern.finditer(lowered):
        start = m.start()
        if start < last_end:
            continue
        while start > 0 and lowered[start - 1].isalnum():
            start -= 1
        word = WORD.match(lowered, start)
        if word is None:
            continue
        last_end = word.end()
        stem = stemmer.stem(word.group())
        if stem in wanted:
            out.append((start, word.end(), stem))
    return out


def _needles(wanted: set[str]) -> re.Pattern[str]:
    pieces = sorted({needle(s) for s in wanted}, key=lambda p: (-len(p), p))
    return re.compile("|".join(re.escape(p) for p in pieces))


def _best_window(matches: list[tuple[int, int, str]]) -> tuple[int, tuple[int, int]]:
    """Where the run of matches within _WINDOW_CHARS holding most distinct stems (then most
    matches) starts, and that (stems, matches) score."""
    best = 0
    best_score = (0, 0)
    j = 0
    for i in range(len(matches)):
        j = max(j, i)
        while j + 1 < len(matches) and matches[j + 1][1] - matches[i][0] <= _WINDOW_CHARS:
            j += 1
        window = matches[i : j + 1]
        score = (len({m[2] for m in window}), len(window))
        if score > best_score:
            best, best_score = matches[i][0], score
    return best, best_score


_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def _cut(name: str, text: str, anchor: int, matches: list[tuple[int, int, str]]) -> Snippet:
    """About SNIPPET_WORDS words of ``text`` from a little before ``anchor``, whitespace
    collapsed, "…" where it was cut, with the spans of the matched words it holds."""
    low, high = max(0, anchor - 40 * _WORDS_BEFORE), min(len(text), anchor + 40 * SNIPPET_WORDS)
    words = [(m.start(), m.end()) for m in WORD.finditer(text, low, high)]
    if low > 0 and words and words[0][0] == low and text[low - 1].isalnum():
        words = words[1:]  # a cut word
    if high < len(text) and words and words[-1][1] == high and text[high].isalnum():
        words = words[:-1]
    if not words:
        return Snippet(field=name, text="")
    first = next((k for k, (s, _) in enumerate(words) if s >= anchor), 0)
    begin = max(0, first - _WORDS_BEFORE)
    for k in range(first, begin, -1):  # start at the sentence the match stands in, if it starts close by
        if _SENTENCE_END.search(text, words[k - 1][1], words[k][0] + 1):
            begin = k
            break
    end = min(len(words), begin + SNIPPET_WORDS)
    start, stop = words[begin][0], words[end - 1][1]
    if stop < len(text) and text[stop] in ".!?)\"'”":
        stop += 1
    spans = [(s, e) for s, e, _ in matches if start <= s and e <= stop]
    out: list[str] = []
    length = 0
    marked: list[tuple[int, int]] = []

    def add(piece: str) -> None:
        nonlocal length
        out.append(piece)
        length += len(piece)

    if start > 0 and not _SENTENCE_END.search(text, max(0, start - 3), start + 1):
        add("… ")
    cursor = start
    for s, e in spans:
        add(_collapse(text[cursor:s]))
        marked.append((length, length + e - s))
        add(text[s:e])
        cursor = e
    add(_collapse(text[cursor:stop]))
    if stop < len(text):
        add(" …")
    return Snippet(field=name, text="".join(out), spans=marked)


def _collapse(piece: str) -> str:
    return re.sub(r"\s+", " ", piece)


def _distinct(values: Any) -> list[str]:
    out: list[str] = []
    for value in values:
        value = (value or "").strip()
        if value and value not in out:
            out.append(value)
    return out
