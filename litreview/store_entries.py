"""The entries of one review table staged in the corpus: a temporary table of the papers a table
shows, with what it shows of each (citation, title, year, affiliations), sorted by SQLite and read
back by cursor, so a table of many papers holds one paper's entry at a time.

``Corpus`` (``store.py``) mixes this in; like ``store.py``, it is a module that speaks SQL, and
nothing else does. The temporary table lives as long as the connection (or the next staging) and
is never part of the corpus file: a read-only corpus stages its entries all the same.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from litreview.model import Evidence, Paper

# How the staged entries are ordered for each ``--sort``: the folded (``str.casefold``) citation or
# title, the year (none as 0), the key last. Text compares by code point in SQLite (BINARY, on
# UTF-8) as in Python, so the order is the one ``sorted`` gives.
ENTRY_ORDER = {
    "citation": "fold, key",
    "year": "year_sort, fold, key",
    "title": "title_fold, key",
    "key": "key",
}
STAGE_COLUMNS = ("key", "citation", "fold", "title", "title_fold", "year", "year_sort",
                 "affiliations", "author", "cited_year", "alike_author", "alike_year")
_TAG_COLUMNS = "t.theme, t.score, t.threshold, t.sentences, t.origin, t.assigned, t.level"


class EntryStore:
    """Staging of a table's entries (see the module doc). Rows to stage carry ``STAGE_COLUMNS``."""

    db: sqlite3.Connection

    if TYPE_CHECKING:
        def _paper_from_row(self, row: sqlite3.Row, full: bool) -> Paper: ...  # ``Corpus``'s

    def start_entries(self) -> None:
        """An empty staging table (the entries of an earlier table dropped)."""
        self.db.execute("DROP TABLE IF EXISTS temp.table_entries")
        self.db.execute("DROP TABLE IF EXISTS temp.entry_alike")
        self.db.execute(
            "CREATE TEMP TABLE table_entries (key TEXT PRIMARY KEY, paper_id INTEGER,"
            " citation TEXT NOT NULL, fold TEXT NOT NULL, title TEXT NOT NULL, title_fold TEXT NOT NULL,"
            " year INTEGER, year_sort INTEGER NOT NULL, affiliations TEXT NOT NULL, author TEXT NOT NULL,"
            " cited_year TEXT NOT NULL, alike_author TEXT NOT NULL, alike_year TEXT NOT NULL,"
            " letter TEXT NOT NULL DEFAULT '', pos INTEGER)")
        self.db.execute("CREATE TEMP TABLE entry_alike (key TEXT PRIMARY KEY, paper_id INTEGER, author TEXT NOT NULL,"
                        " year TEXT NOT NULL)")

    def add_entries(self, rows: list[tuple[Any, ...]]) -> None:
        self.db.executemany(f"INSERT INTO temp.table_entries ({', '.join(STAGE_COLUMNS)})"
                            f" VALUES ({', '.join('?' * len(STAGE_COLUMNS))})", rows)

    def number_entries(self, table: str = "table_entries") -> None:
        """The paper ids of the staged entries (or, ``table`` "entry_alike", of the papers alike),
        once all are staged."""
        self.db.execute(f"UPDATE temp.{table} SET paper_id = p.id FROM papers p WHERE p.key = {table}.key")
        self.db.execute(f"CREATE INDEX temp.{table}_paper ON {table}(paper_id)")

    def keep_entries_with(self, themes: list[str], level_sql: str) -> None:
        """Drop the staged entries without a tag on one of ``themes`` (``level_sql``: the tags'
        level condition on alias ``t``)."""
        self.db.execute(
            "DELETE FROM temp.table_entries WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE"
            f" t.paper_id = table_entries.paper_id AND t.theme IN ({', '.join('?' * len(themes))})"
            f" AND {level_sql})", themes)

    def entries_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM temp.table_entries").fetchone()[0])

    def papers_alike_staged(self) -> Iterator[Paper]:
        """The papers not staged that share year (or its absence) and first author (or its absence)
        with a staged one: those that may be cited like it (without their text)."""
        self.db.execute("DROP TABLE IF EXISTS temp.entry_blocks")
        self.db.execute("CREATE TEMP TABLE entry_blocks AS SELECT DISTINCT p.year, p.first_author"
                        " FROM temp.table_entries e JOIN papers p ON p.id = e.paper_id")
        cursor = self.db.execute(
            "SELECT p.id, p.key, p.metadata, p.pages_count, p.warnings FROM temp.entry_blocks b"
            " JOIN papers p ON p.first_author = b.first_author AND p.year IS b.year"
            " WHERE p.id NOT IN (SELECT paper_id FROM temp.table_entries) ORDER BY p.key")
        while batch := cursor.fetchmany(200):
            for row in batch:
                yield self._paper_from_row(row, full=False)

    def add_alike(self, rows: list[tuple[str, str, str]]) -> None:
        """(key, author part, year) of papers not staged, as cited alike (``citations``)."""
        self.db.executemany("INSERT OR REPLACE INTO temp.entry_alike (key, author, year) VALUES (?, ?, ?)", rows)

    def papers_cited_alike(self) -> Iterator[tuple[str, str, Paper]]:
        """(author part, year, paper) of every paper cited like another one (two or more staged, or
        staged and not), group after group, in key order within one."""
        self.number_entries("entry_alike")
        self.db.execute("CREATE INDEX temp.table_entries_alike ON table_entries(alike_author, alike_year)")
        self.db.execute("DROP TABLE IF EXISTS temp.entry_groups")
        self.db.execute(
            "CREATE TEMP TABLE entry_groups AS SELECT paper_id, author, year FROM"
            " (SELECT paper_id, alike_author AS author, alike_year AS year FROM temp.table_entries"
            " UNION ALL SELECT a.paper_id, a.author, a.year FROM temp.entry_alike a WHERE EXISTS"
            " (SELECT 1 FROM temp.table_entries e WHERE e.alike_author = a.author AND e.alike_year = a.year))")
        cursor = self.db.execute(
            "SELECT g.author, g.year, p.id, p.key, p.metadata, p.pages_count, p.warnings FROM temp.entry_groups g"
            " JOIN papers p ON p.id = g.paper_id WHERE (g.author, g.year) IN"
            " (SELECT author, year FROM temp.entry_groups GROUP BY author, year HAVING COUNT(*) > 1)"
            " ORDER BY g.author, g.year, p.key")
        while batch := cursor.fetchmany(200):
            for row in batch:
                yield row[0], row[1], self._paper_from_row(row, full=False)

    def set_letters(self, letters: list[tuple[str, str]]) -> None:
        """(key, letter) of staged entries cited alike (keys not staged are left)."""
        self.db.executemany("UPDATE temp.table_entries SET letter = ? WHERE key = ?",
                            [(letter, key) for key, letter in letters])

    def lettered_entries(self) -> Iterator[tuple[str, str, str, str]]:
        """(key, author part, year as cited, letter) of the staged entries given a letter (their
        citations may be set as they are read: ``set_citations``)."""
        cursor = self.db.execute("SELECT key, author, cited_year, letter FROM temp.table_entries WHERE letter != ''")
        while batch := cursor.fetchmany(500):
            yield from batch

    def set_citations(self, rows: list[tuple[str, str, str]]) -> None:
        """(key, citation, folded citation) of staged entries."""
        self.db.executemany("UPDATE temp.table_entries SET citation = ?, fold = ? WHERE key = ?",
                            [(citation, fold, key) for key, citation, fold in rows])

    def order_entries(self, sort: str) -> None:
        """Number the staged entries in ``sort`` order (``ENTRY_ORDER``), for reading in that order."""
        self.db.execute(
            "UPDATE temp.table_entries SET pos = o.n FROM (SELECT key, row_number() OVER"
            f" (ORDER BY {ENTRY_ORDER[sort]}) AS n FROM temp.table_entries) AS o"
            " WHERE o.key = table_entries.key")
        self.db.execute("CREATE INDEX temp.table_entries_pos ON table_entries(pos)")
        self.db.execute("CREATE INDEX temp.table_entries_fold ON table_entries(fold, key)")

    def entry_rows(self, level_sql: str, theme: str | None = None) -> Iterator[tuple[Any, ...]]:
        """The staged entries in order, one row per tag at the level (``level_sql`` on alias ``t``;
        one row with empty tag columns for an entry without): key, citation, title, year,
        affiliations, facets (JSON or None), then the tag's theme, score, threshold, sentences,
        origin, assigned, level; with ``theme``, only the entries with a tag on it."""
        having = (f" WHERE EXISTS (SELECT 1 FROM tags x WHERE x.paper_id = e.paper_id AND x.theme = ?"
                  f" AND {level_sql.replace('t.', 'x.')})") if theme is not None else ""
        cursor = self.db.execute(
            f"SELECT e.key, e.citation, e.title, e.year, e.affiliations, r.facets, {_TAG_COLUMNS}"
            " FROM temp.table_entries e LEFT JOIN tag_runs r ON r.paper_id = e.paper_id"
            f" LEFT JOIN tags t ON t.paper_id = e.paper_id AND {level_sql}{having}"
            " ORDER BY e.pos, t.assigned DESC, t.score DESC, t.theme", [theme] if theme is not None else [])
        while batch := cursor.fetchmany(500):
            yield from batch

    def staged_tags_where(self, condition: str) -> bool:
        """Whether a staged entry has a tag meeting ``condition`` (SQL on alias ``t``)."""
        return self.db.execute(f"SELECT EXISTS (SELECT 1 FROM temp.table_entries e JOIN tags t"
                               f" ON t.paper_id = e.paper_id WHERE {condition})").fetchone()[0] == 1

    def staged_evidence(self, level_sql: str, themes: list[str] | None, sentences_only: bool = True
                        ) -> Iterator[tuple[str, str, Evidence]]:
        """(key, citation, evidence with its matched terms) of the staged entries' tags at the level
        (``level_sql`` on alias ``t``), for the evidence table: ``themes`` one after another (None:
        the themes ``show_themes`` did not name, together), each by folded citation, key, place in
        the text and rank; with ``sentences_only``, no titles or keywords."""
        from litreview.store import _EVIDENCE_COLUMNS, evidence_of_row

        skip = " AND substr(e.field, 1, 5) != 'title' AND substr(e.field, 1, 8) != 'keywords'" if sentences_only \
            else ""
        columns = _EVIDENCE_COLUMNS.replace("p.key", "s.key")
        query = (f"SELECT s.citation, {columns} FROM temp.table_entries s JOIN evidence e ON e.paper_id = s.paper_id"
                 " JOIN tags t ON t.paper_id = e.paper_id AND t.theme = e.theme"
                 f" WHERE e.theme {{where}} AND {level_sql}{skip} ORDER BY s.fold, s.key, e.start, {{then}}e.ord")
        for theme in themes if themes is not None else [None]:
            if theme is not None:
                cursor = self.db.execute(query.format(where="= ?", then=""), [theme])
            else:
                cursor = self.db.execute(query.format(where="NOT IN (SELECT theme FROM temp.entry_shown)",
                                                      then="e.theme, "))
            while batch := cursor.fetchmany(500):
                for row in batch:
                    yield row[1], row[0], evidence_of_row(tuple(row)[1:])

    def staged_theme_evidence(self, theme: str, level_sql: str) -> Iterator[tuple[str, str, Evidence]]:
        """(key, citation, evidence without its matched terms) of the staged entries' tags on ``theme``
        at the level (``level_sql`` on alias ``t``): entry after entry in their order, each one's
        evidence in rank order, so a table reads one source's evidence at a time."""
        from litreview.store import _EVIDENCE_COLUMNS_NO_MATCHES, evidence_of_row

        columns = _EVIDENCE_COLUMNS_NO_MATCHES.replace("p.key", "s.key")
        cursor = self.db.execute(
            f"SELECT s.citation, {columns} FROM temp.table_entries s"
            " JOIN evidence e ON e.paper_id = s.paper_id AND e.theme = ?"
            f" JOIN tags t ON t.paper_id = e.paper_id AND t.theme = e.theme WHERE {level_sql}"
            " ORDER BY s.pos, e.ord", (theme,))
        while batch := cursor.fetchmany(500):
            for row in batch:
                yield row[1], row[0], evidence_of_row(tuple(row)[1:])

    def staged_theme_sources(self, theme: str, level_sql: str) -> Iterator[tuple[Any, ...]]:
        """The staged entries with a tag on ``theme`` at the level (``level_sql`` on alias ``t``), in
        order: key, citation, facets (JSON or None), the tag's assigned, origin and level, the
        entry's themes at the level joined by U+001F, then the tag's score and bar; what a synthesis
        row says of a source."""
        cursor = self.db.execute(
            "SELECT e.key, e.citation, r.facets, t.assigned, t.origin, t.level, (SELECT group_concat(x.theme, char(31))"
            f" FROM tags x WHERE x.paper_id = e.paper_id AND {level_sql.replace('t.', 'x.')}), t.score, t.threshold"
            f" FROM temp.table_entries e JOIN tags t ON t.paper_id = e.paper_id AND t.theme = ? AND {level_sql}"
            " LEFT JOIN tag_runs r ON r.paper_id = e.paper_id ORDER BY e.pos", (theme,))
        while batch := cursor.fetchmany(500):
            yield from batch

    def staged_frames(self, theme: str, version: str) -> Iterator[tuple[str, str]]:
        """(key, frame) of the staged entries' kept frames of ``theme`` under framing ``version``."""
        cursor = self.db.execute(
            "SELECT s.key, f.frame FROM temp.table_entries s JOIN frames f ON f.paper_id = s.paper_id"
            " AND f.theme = ? WHERE f.version = ?", (theme, version))
        while batch := cursor.fetchmany(500):
            yield from batch

    def show_themes(self, themes: list[str]) -> None:
        """The themes ``staged_evidence(themes=None)`` leaves out."""
        self.db.execute("DROP TABLE IF EXISTS temp.entry_shown")
        self.db.execute("CREATE TEMP TABLE entry_shown (theme TEXT PRIMARY KEY)")
        self.db.executemany("INSERT OR IGNORE INTO temp.entry_shown VALUES (?)", [(t,) for t in themes])

    def staged_findings(self, stamp_suffix: str) -> Iterator[tuple[str, str | None, str | None]]:
        """(key, findings JSON, gaps JSON) of the staged entries, in order: the JSON None where no
        findings are kept for the text and codebook of the paper's last tagging (the kept findings'
        codebook stamp is the tagging's codebook digest followed by ``stamp_suffix``)."""
        cursor = self.db.execute(
            "SELECT e.key, f.findings, f.gaps FROM temp.table_entries e"
            " LEFT JOIN tag_runs r ON r.paper_id = e.paper_id LEFT JOIN findings f ON f.paper_id = e.paper_id"
            " AND r.paper_id IS NOT NULL AND f.content = r.content AND f.codebook = r.codebook || ?"
            " ORDER BY e.pos", (stamp_suffix,))
        while batch := cursor.fetchmany(500):
            yield from batch

