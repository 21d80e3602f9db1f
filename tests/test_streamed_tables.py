"""Tables of many papers in bounded memory: streamed rows, CSV written row by row, compact entries,
year letters read one group at a time, shared facet mentions. Each gives what the whole-table
way gives."""

from __future__ import annotations

import io

from litreview.model import Facets, Paper, Person
from litreview.render import render, render_to
from litreview.store import Corpus
from litreview.synthesis.citations import cited, corpus_letters, letters_among
from litreview.synthesis.review import Entry, ReviewFilter, load_entries
from litreview.synthesis.table import Column, Table, text_cell
from litreview.themes.codebook import load_codebook

PROVENANCE = {"format": "bibtex", "file_name": "x.bib", "sha256": "0" * 64}


def _streamed(n: int) -> Table:
    table = Table(kind="matrix", title="T", columns=[Column("a", "A"), Column("b", "B")])
    table.pending = ({"a": text_cell(f"=row {i}"), "b": text_cell("x, \"y\"\nz")} for i in range(n))
    return table


def test_a_streamed_table_renders_as_the_same_table_built_whole():
    whole = _streamed(5).materialise()
    assert len(whole.rows) == 5 and whole.pending is None
    for fmt in ("csv", "markdown", "json"):
        handle = io.BytesIO()
        render_to(handle, [_streamed(5)], fmt)
        assert handle.getvalue() == render([_streamed(5).materialise()], fmt)


def test_has_rows_builds_at_most_one_row_and_keeps_it():
    table = _streamed(3)
    assert table.has_rows() and len(table.rows) == 1
    assert [row["a"].text for row in table.each_row()] == ["=row 0", "=row 1", "=row 2"]
    assert not _streamed(0).has_rows()


def test_render_reads_a_streamed_table_whole():
    assert render([_streamed(2)], "csv") == b"A,B\n'=row 0,\"x, \"\"y\"\"\nz\"\n'=row 1,\"x, \"\"y\"\"\nz\"\n"


def _paper(key: str, surname: str, year: int | None, title: str) -> Paper:
    return Paper(key=key, title=title, year=year, authors=[Person(family=surname, given="A")])


def test_letters_read_one_group_at_a_time_equal_the_corpus_letters():
    corpus = Corpus.in_memory()
    papers = [_paper("a1", "Lestari", 2020, "Zeta"), _paper("a2", "Lestari", 2020, "Alpha"),
              _paper("a3", "Lestari", 2021, "Beta"), _paper("b1", "Munadi", None, "Gamma"),
              _paper("b2", "Munadi", None, "Delta"), _paper("c1", "Tan", 2020, "Eta")]
    with corpus.transaction():
        for paper in papers:
            corpus.add_paper(paper, {"first_author": paper.authors[0].family.casefold()}, [], PROVENANCE)
    chosen = [corpus.get("a1"), corpus.get("b2"), corpus.get("c1")]
    expected = corpus_letters(corpus, chosen)
    assert expected == {"a1": "b", "b2": "a"}
    assert letters_among(corpus, [cited(p) for p in chosen]) == expected
    assert cited(chosen[0], "id").text("id", "b") == "Lestari, 2020b"
    assert cited(chosen[1], "id").text("id", "a") == "Munadi, t.t.-a"


def test_slim_entries_hold_no_paper_and_cite_as_full_ones():
    corpus = Corpus.in_memory()
    with corpus.transaction():
        for paper in (_paper("a1", "Lestari", 2020, "Zeta"), _paper("a2", "Lestari", 2020, "Alpha")):
            corpus.add_paper(paper, {"first_author": "lestari"}, [], PROVENANCE)
    book = load_codebook(None)
    slim = load_entries(corpus, book, ReviewFilter(), slim=True)
    full = load_entries(corpus, book, ReviewFilter())
    assert all(e.paper is None for e in slim) and all(e.paper is not None for e in full)
    assert [(e.key, e.citation, e.title, e.year) for e in slim] == [(e.key, e.citation, e.title, e.year)
                                                                    for e in full]
    assert [e.citation for e in slim] == ["Lestari, 2020a", "Lestari, 2020b"]


def test_an_entry_made_from_a_paper_takes_what_the_tables_show():
    paper = Paper(key="k", title="T", year=2021, authors=[Person(family="Lestari", affiliation="Universitas X")])
    entry = Entry(paper=paper, citation="Lestari, 2021")
    assert (entry.key, entry.title, entry.year, entry.affiliations) == ("k", "T", 2021, "Universitas X")


def test_shared_facet_mentions_are_equal_to_unshared_ones():
    data = {"platforms": [{"name": "tiktok", "mentions": 2, "label": "TikTok"}],
            "methods": [{"name": "survey", "mentions": 1}]}
    shared: dict = {}
    one, two = Facets.from_dict(data, shared), Facets.from_dict(data, shared)
    assert one == two == Facets.from_dict(data)
    assert one.platforms[0] is two.platforms[0]
