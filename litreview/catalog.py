"""Looking at the corpus: filtered listings, one paper's outline, citations for display."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from litreview.dedup import fold
from litreview.errors import UsageError
from litreview.i18n import tr
from litreview.model import LOW_CONFIDENCE_WARNING, Paper, Person
from litreview.store import Corpus, PaperRow

LIST_COLUMNS = ("key", "title", "authors", "year", "journal", "doi", "language", "files", "themes")


@dataclass
class ListFilter:
    year_from: int | None = None
    year_to: int | None = None
    author: str = ""
    text: str = ""
    theme: str = ""
    level: str = "discussed"  # which themes rows carry: discussed, or mentioned too
    collection: str = ""  # a Zotero collection path ("Skripsi/Bab 2"), its sub-collections included
    library_tag: str = ""  # a tag given in Zotero (not a theme)

    def accepts(self, row: PaperRow) -> bool:
        meta = row.metadata
        year = meta.get("year")
        if self.year_from is not None and (year is None or year < self.year_from):
            return False
        if self.year_to is not None and (year is None or year > self.year_to):
            return False
        if self.author:
            names = " ".join(Person.from_dict(p).display() for p in meta.get("authors", []))
            if fold(self.author) not in fold(names):
                return False
        if self.theme and self.theme not in row.themes:
            return False
        if self.text:
            haystack = " ".join(
                str(meta.get(f, "")) for f in ("title", "title_id", "title_en", "abstract", "abstract_id",
                                               "abstract_en", "journal")
            ) + " " + " ".join(meta.get("keywords", []))
            if not all(word in fold(haystack) for word in fold(self.text).split()):
                return False
        return True


def parse_year_range(value: str | None) -> tuple[int | None, int | None]:
    """"2023" -> (2023, 2023); "2020-2024" -> (2020, 2024); "2020-" and "-2024" are open ranges."""
    if not value:
        return None, None
    found = re.fullmatch(r"\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*", value)
    if not found or not (found.group(1) or found.group(3)):
        raise UsageError(tr("--year {value}: give a year (2023) or a range (2020-2024)", value=repr(value)))
    start, dash, end = found.groups()
    low = int(start) if start else None
    high = int(end) if end else (None if dash else low)
    if low is not None and high is not None and low > high:
        raise UsageError(tr("--year {value}: the range runs backwards", value=repr(value)))
    return low, high


def author_names(meta: dict[str, Any]) -> list[str]:
    return [Person.from_dict(p).display() for p in meta.get("authors", [])]


def short_authors(meta: dict[str, Any]) -> str:
    """"Cobis & Rusadi", "Munadi", "Chadwick et al." for tables."""
    people = [Person.from_dict(p).surname for p in meta.get("authors", [])]
    if not people:
        return ""
    if len(people) > 2 or (meta.get("authors_truncated") and len(people) >= 1):
        return f"{people[0]} et al."
    return " & ".join(people)


def row_to_dict(row: PaperRow) -> dict[str, Any]:
    """The JSON/CSV form of a listed paper."""
    meta = row.metadata
    return {
        "key": row.key,
        "title": meta.get("title", ""),
        "authors": author_names(meta),
        "year": meta.get("year"),
        "journal": meta.get("journal", ""),
        "doi": meta.get("doi", ""),
        "language": meta.get("language", ""),
        "entry_type": meta.get("entry_type", ""),
        "files": row.files,
        "pages": row.pages_count,
        "has_text": row.has_text,
        "themes": row.themes,
    }


def list_rows(corpus: Corpus, filters: ListFilter, sort: str = "key") -> Iterator[PaperRow]:
    allowed: set[str] | None = None
    for kind, name in (("collection", filters.collection), ("tag", filters.library_tag)):
        if name:
            keys = corpus.keys_with_label(kind, name)
            if not keys and name.strip("/") not in corpus.label_names(kind):
                known = ", ".join(corpus.label_names(kind)) or tr("none in this corpus")
                option = "--collection" if kind == "collection" else "--zotero-tag"
                raise UsageError(tr("{option} {name}: no paper has it (known: {known})", option=option,
                                    name=repr(name), known=known))
            allowed = keys if allowed is None else allowed & keys
    rows = (r for r in corpus.rows(filters.level) if filters.accepts(r) and (allowed is None or r.key in allowed))
    if sort == "key":
        yield from rows
        return
    sort_keys = {
        "year": lambda r: (r.metadata.get("year") or 0, r.key),
        "title": lambda r: (fold(r.metadata.get("title", "")), r.key),
        "author": lambda r: (fold(short_authors(r.metadata)), r.key),
        "added": lambda r: (r.added_at, r.key),
    }
    if sort not in sort_keys:
        raise UsageError(tr("--sort {value}: choose one of {choices}", value=repr(sort),
                            choices=", ".join(["key", *sort_keys])))
    yield from sorted(rows, key=sort_keys[sort])


def section_outline(paper: Paper) -> list[dict[str, Any]]:
    """Each section with its heading, kind, page and word count."""
    return [
        {
            "kind": s.kind,
            "heading": s.heading,
            "page": s.page,
            "words": len(paper.text[s.start:s.end].split()),
        }
        for s in paper.sections
    ]


def low_confidence_fields(metadata: dict[str, Any], provenance: list[dict[str, Any]]) -> dict[str, str]:
    """Fields whose value is still one a source read with low confidence: field -> where from.
    A field edited since (another value) is no longer a guess."""
    out: dict[str, str] = {}
    for row in provenance:
        for name, guess in sorted((row.get("details") or {}).get("low_confidence", {}).items()):
            if isinstance(guess, dict) and metadata.get(name) == guess.get("value") and name not in out:
                out[name] = str(guess.get("source", ""))
    return out


def paper_details(corpus: Corpus, key: str) -> dict[str, Any]:
    """Everything `show` prints, as JSON-ready data."""
    paper = corpus.get(key)
    details = paper.metadata()
    details["key"] = paper.key
    details["page_count"] = paper.pages_count
    details["words"] = len(paper.text.split())
    details["sections"] = section_outline(paper)
    details["citations"] = len(paper.citations)
    details["files"] = [
        {"name": f.name, "role": f.role, "sha256": f.sha256, "size": f.size} for f in corpus.files_of(key)
    ]
    details["provenance"] = corpus.provenance_of(key)
    details["low_confidence"] = low_confidence_fields(paper.metadata(), details["provenance"])
    details["warnings"] = [
        w for w in paper.warnings if details["low_confidence"] or not w.startswith(LOW_CONFIDENCE_WARNING)
    ]
    details["themes"] = [t.theme for t in corpus.tags_of(key)]
    details["possible_duplicates"] = [{"key": k, "reason": r} for k, r in corpus.maybe_duplicates_of(key)]
    from litreview.dedup import CROWDED_TITLE

    group = corpus.title_group_of(key, CROWDED_TITLE)
    details["title_group"] = {"title": group[0], "papers": group[1]} if group else None
    labels = corpus.labels_of(key)
    details["collections"] = labels["collections"]  # a reference library's (Zotero's), not themes
    details["library_tags"] = labels["tags"]
    details["library_notes"] = corpus.library_notes_of(key)
    details["library_items"] = corpus.library_links_of(key)
    return details
