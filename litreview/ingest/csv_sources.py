"""The CSV exports litreview knows, as data: which header names identify each, and where each column goes.

A column's *role* says what the importer does with its value (see ``tabular``):
a Paper field ("title", "journal", "abstract"...), a value needing a source's
own reading ("authors_scopus", "pages_start"...), or ``origin:NAME`` for what the
source knows of the record at export time (citation count, rank, query, the
database's record id), kept with the record's provenance. Columns without a
role go to ``Paper.extra`` under their header name.

Header names are compared case-folded with surrounding spaces removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Layout:
    source: str  # the export kind, kept as origin["source"]: "pop", "scopus-csv", ...
    database: str  # the database the export comes from ("" when the rows must tell)
    description: str  # for messages: "Publish or Perish", "Scopus CSV"
    required: tuple[str, ...]  # folded header names that must all be present
    columns: dict[str, str] = field(default_factory=dict)  # folded header name -> role


def fold(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).casefold()


# Publish or Perish (PoPCites.csv), every source: the columns in the order PoP writes them.
POP_COLUMNS = (
    "Cites", "Authors", "Title", "Year", "Source", "Publisher", "ArticleURL", "CitesURL", "GSRank",
    "QueryDate", "Type", "DOI", "ISSN", "CitationURL", "Volume", "Issue", "StartPage", "EndPage", "ECC",
    "CitesPerYear", "CitesPerAuthor", "AuthorCount", "Age", "Abstract", "FullTextURL", "RelatedURL",
)

POP = Layout(
    source="pop",
    database="",  # Google Scholar, Crossref, Scopus, ...: read from the rows' links
    description="Publish or Perish",
    required=("cites", "authors", "title", "year", "source", "publisher", "articleurl", "citesurl"),
    columns={
        "cites": "origin:cited_by",
        "authors": "authors_pop",
        "title": "title",
        "year": "year",
        "source": "journal",
        "publisher": "publisher",
        "articleurl": "url",
        "citesurl": "origin:cites_url",
        "gsrank": "origin:rank",
        "querydate": "origin:query_date",
        "type": "type",
        "doi": "doi",
        "issn": "issn",
        "citationurl": "origin:citation_url",
        "volume": "volume",
        "issue": "issue",
        "startpage": "page_start",
        "endpage": "page_end",
        "ecc": "origin:ecc",
        "citesperyear": "origin:cites_per_year",
        "citesperauthor": "origin:cites_per_author",
        "authorcount": "origin:author_count",
        "age": "origin:age",
        "abstract": "abstract",
        "fulltexturl": "origin:full_text_url",
        "relatedurl": "origin:related_url",
        "query": "origin:query",
        "querystring": "origin:query",
        "database": "origin:database",
    },
)

SCOPUS = Layout(
    source="scopus-csv",
    database="Scopus",
    description="Scopus CSV",
    required=("title", "source title", "eid"),
    columns={
        "authors": "authors_scopus",
        "author full names": "authors_scopus_full",
        "author(s) id": "author_ids_scopus",
        "title": "title",
        "year": "year",
        "source title": "journal",
        "volume": "volume",
        "issue": "issue",
        "page start": "page_start",
        "page end": "page_end",
        "cited by": "origin:cited_by",
        "doi": "doi",
        "link": "url",
        "abstract": "abstract",
        "author keywords": "keywords",
        "references": "references_semicolon",
        "editors": "editors",
        "publisher": "publisher",
        "issn": "issn",
        "isbn": "isbn",
        "language of original document": "language",
        "document type": "type",
        "source": "origin:database",
        "eid": "origin:record_id",
        "pubmed id": "origin:pubmed_id",
    },
)

IEEE = Layout(
    source="ieee-csv",
    database="IEEE Xplore",
    description="IEEE Xplore CSV",
    required=("document title", "publication title", "pdf link"),
    columns={
        "document title": "title",
        "authors": "authors_semicolon",
        "publication title": "journal",
        "publication year": "year",
        "volume": "volume",
        "issue": "issue",
        "start page": "page_start",
        "end page": "page_end",
        "abstract": "abstract",
        "issn": "issn",
        "isbns": "isbn",
        "doi": "doi",
        "pdf link": "url_ieee",
        "author keywords": "keywords",
        "article citation count": "origin:cited_by",
        "patent citation count": "origin:patent_cited_by",
        "publisher": "publisher",
        "document identifier": "type",
        "online date": "origin:online_date",
    },
)

SPRINGER = Layout(
    source="springer-csv",
    database="SpringerLink",
    description="SpringerLink CSV",
    required=("item title", "item doi", "content type"),
    columns={
        "item title": "title",
        "publication title": "journal",
        "journal volume": "volume",
        "journal issue": "issue",
        "item doi": "doi",
        "authors": "authors_springer",
        "publication year": "year",
        "url": "url",
        "content type": "type",
    },
)

EMBASE = Layout(
    source="embase-csv",
    database="Embase",
    description="Embase CSV",
    required=("title", "author names", "source", "emtree medical index terms"),
    columns={
        "title": "title",
        "author names": "authors_scopus",
        "editors": "editors",
        "source": "source_embase",
        "abstract": "abstract",
        "keywords": "keywords",
        "open url link": "url_openurl",
    },
)

# Most specific first: a Scopus file also has "Title" and "Source", and so on.
LAYOUTS = (SCOPUS, IEEE, SPRINGER, EMBASE, POP)

# Generic CSV: columns named like litreview's fields (or their common synonyms) are read by name.
GENERIC = Layout(source="csv", database="", description="CSV", required=("title",))

# Fields a user can map a column to with --map, and the role each becomes.
MAP_TARGETS = {
    "title": "title",
    "authors": "authors_any",
    "editors": "editors",
    "year": "year",
    "date": "date",
    "entry_type": "type",
    "journal": "journal",
    "volume": "volume",
    "issue": "issue",
    "pages": "pages",
    "publisher": "publisher",
    "doi": "doi",
    "url": "url",
    "isbn": "isbn",
    "issn": "issn",
    "language": "language",
    "abstract": "abstract",
    "keywords": "keywords",
    "note": "note",
    "title_id": "field:title_id",
    "title_en": "field:title_en",
    "abstract_id": "field:abstract_id",
    "abstract_en": "field:abstract_en",
    "cited_references": "references_semicolon",
    "author_ids": "author_ids_any",
    "cited_by": "origin:cited_by",
    "database": "origin:database",
    "query": "origin:query",
    "query_date": "origin:query_date",
    "rank": "origin:rank",
    "record_id": "origin:record_id",
}
# Other names users write for those fields (English and Indonesian): --map author=... works too.
MAP_ALIASES = {
    "author": "authors",
    "penulis": "authors",
    "judul": "title",
    "tahun": "year",
    "type": "entry_type",
    "jurnal": "journal",
    "journal_title": "journal",
    "source": "journal",
    "abstrak": "abstract",
    "keyword": "keywords",
    "kata_kunci": "keywords",
    "number": "issue",
    "halaman": "pages",
    "penerbit": "publisher",
    "bahasa": "language",
    "references": "cited_references",
    "cites": "cited_by",
}

# Generic CSV: folded column names read as a field without --map.
GENERIC_NAMES = {
    **{name: name for name in MAP_TARGETS},
    "author": "authors",
    "first_authors": "authors",
    "author names": "authors",
    "publication_year": "year",
    "publication year": "year",
    "type_of_reference": "entry_type",
    "document type": "entry_type",
    "journal_name": "journal",
    "secondary_title": "journal",
    "source title": "journal",
    "number": "issue",
    "keyword": "keywords",
    "author keywords": "keywords",
    "primary_title": "title",
    "notes": "note",
    "urls": "url",
    "link": "url",
    "cited by": "cited_by",
    "cites": "cited_by",
    "start_page": "pages",
}
