"""PRISMA 2020 identification counts: records found per source, duplicates removed, records left.

Every record read from an export keeps a provenance row, even when it was merged into a paper
already in the corpus, so the counts come from the provenance: records identified are all the
rows, per database (what the export says, e.g. "Scopus", "Google Scholar") and per file; the
duplicates removed are the records beyond one per paper; the records left are the papers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from litreview.store import Corpus

# What a provenance row's format says when its export names no database.
_FORMAT_SOURCES = {
    "en": {"pdf": "PDF files", "text": "Text files", "bibtex": "BibTeX files", "ris": "RIS files",
           "csljson": "CSL-JSON files", "nbib": "PubMed", "enw": "EndNote files", "wos": "Web of Science",
           "csv": "CSV files"},
    "id": {"pdf": "Berkas PDF", "text": "Berkas teks", "bibtex": "Berkas BibTeX", "ris": "Berkas RIS",
           "csljson": "Berkas CSL-JSON", "nbib": "PubMed", "enw": "Berkas EndNote", "wos": "Web of Science",
           "csv": "Berkas CSV"},
}

WORDS = {
    "en": {
        "title": "PRISMA 2020: identification",
        "identified": "Records identified",
        "from": "from",
        "removed": "Records removed before screening",
        "duplicates": "Duplicate records removed",
        "screen": "Records to screen (after de-duplication)",
        "possible": "Possible duplicates still to review (`litreview dupes`)",
        "files": "Files read",
    },
    "id": {
        "title": "PRISMA 2020: identifikasi",
        "identified": "Rekaman teridentifikasi",
        "from": "dari",
        "removed": "Rekaman dihapus sebelum penyaringan",
        "duplicates": "Rekaman duplikat dihapus",
        "screen": "Rekaman untuk disaring (setelah deduplikasi)",
        "possible": "Kemungkinan duplikat yang belum ditinjau (`litreview dupes`)",
        "files": "Berkas yang dibaca",
    },
}


@dataclass
class Identification:
    identified: int
    after_deduplication: int
    by_database: list[tuple[str, int]] = field(default_factory=list)
    by_file: list[tuple[str, str, str, int]] = field(default_factory=list)  # (file, format, database, records)
    possible_duplicates: int = 0

    @property
    def duplicates_removed(self) -> int:
        return max(0, self.identified - self.after_deduplication)

    def to_dict(self) -> dict[str, Any]:
        return {
            "identified": self.identified,
            "by_database": [{"database": d, "records": n} for d, n in self.by_database],
            "by_file": [{"file": f, "format": fmt, "database": d, "records": n} for f, fmt, d, n in self.by_file],
            "duplicates_removed": self.duplicates_removed,
            "after_deduplication": self.after_deduplication,
            "possible_duplicates": self.possible_duplicates,
        }


def source_name(database: str, fmt: str, lang: str = "en") -> str:
    """What a record's source is called: the database its export names, else its file format's name."""
    return database or _FORMAT_SOURCES["id" if lang == "id" else "en"].get(fmt, fmt)


def identification(rows: list[tuple[str, str, str, int]], papers: int, possible: int = 0,
                   lang: str = "en") -> Identification:
    """From ``Corpus.records_by_source()`` rows (database, format, file, records) and the paper count;
    records whose export names no database are counted under their file format."""
    formats = _FORMAT_SOURCES["id" if lang == "id" else "en"]
    databases: dict[str, int] = {}
    files = []
    for database, fmt, file_name, records in rows:
        name = database or formats.get(fmt, fmt)
        databases[name] = databases.get(name, 0) + records
        files.append((file_name, fmt, name, records))
    files.sort(key=lambda f: (-f[3], f[0], f[2]))
    return Identification(
        identified=sum(r[3] for r in rows),
        after_deduplication=papers,
        by_database=sorted(databases.items(), key=lambda d: (-d[1], d[0])),
        by_file=files,
        possible_duplicates=possible,
    )


def corpus_identification(corpus: Corpus, lang: str = "en") -> Identification:
    from litreview.dedup import CROWDED_TITLE

    # A title shared by many papers ("Editorial") counts once: one group to review, not every pair.
    possible = corpus.possible_duplicate_count(title_group_size=CROWDED_TITLE)
    return identification(corpus.records_by_source(), corpus.paper_count(), possible, lang)


def render_text(ident: Identification, lang: str = "en") -> str:
    w = WORDS["id" if lang == "id" else "en"]
    width = max([len(str(ident.identified)), 1])
    lines = [w["title"], "", f"{w['identified']} (n = {ident.identified})"]
    for name, count in ident.by_database:
        lines.append(f"  {w['from']} {name}: n = {count:>{width}}")
    lines += [
        "",
        w["removed"],
        f"  {w['duplicates']}: n = {ident.duplicates_removed}",
        "",
        f"{w['screen']}: n = {ident.after_deduplication}",
    ]
    if ident.possible_duplicates:
        lines.append(f"{w['possible']}: {ident.possible_duplicates}")
    lines += ["", f"{w['files']}:"]
    lines += [f"  {name} ({database}, {fmt}): n = {count}" for name, fmt, database, count in ident.by_file]
    return "\n".join(lines) + "\n"
