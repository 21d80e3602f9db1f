"""Entries staged in the corpus (``stage_entries``) give what the entries held in memory give:
the same entries in the same order, the same letters, and the same tables built from them."""

from __future__ import annotations

from litreview.model import Evidence, Facets, Paper, Person, Tag, Tagging
from litreview.store import Corpus
from litreview.synthesis.grid import build_theme_grid
from litreview.synthesis.matrix import build_matrix
from litreview.synthesis.quotes import build_evidence_table
from litreview.synthesis.review import (
    ReviewFilter,
    ThemeEvidence,
    ThemeFrames,
    entries_with,
    evidence_by_paper,
    findings_for,
    frames_for,
    load_entries,
    stage_entries,
    staged_findings_for,
)
from litreview.synthesis.synthesize import build_synthesis
from litreview.themes.codebook import load_codebook

PROVENANCE = {"format": "bibtex", "file_name": "x.bib", "sha256": "0" * 64}


def _corpus() -> Corpus:
    corpus = Corpus.in_memory()
    papers = [("a1", "Lestari", 2020, "Zeta"), ("a2", "Lestari", 2020, "Alpha"), ("a3", "Lestari", 2021, "Beta"),
              ("b1", "Munadi", None, "Gamma"), ("b2", "\u00c9mile", None, "delta"), ("c1", "Tan", 2020, "Eta")]
    with corpus.transaction():
        for key, surname, year, title in papers:
            paper = Paper(key=key, title=title, year=year, authors=[Person(family=surname, given="A")],
                          abstract="Hoaks menyebar di media sosial saat pemilu.")
            corpus.add_paper(paper, {"first_author": surname.casefold()}, [], PROVENANCE)
        for key, theme, start in (("a1", "hoax", 5), ("a1", "hoax", 1), ("a2", "youth", 0), ("c1", "hoax", 3)):
            ev = Evidence(theme=theme, field="abstract", start=start, end=start + 5, section="", page=None,
                          score=1.0, sentence=f"Sentence {key} {start} on {theme}.")
            corpus.save_tagging(Tagging(key=key, content="c", codebook="b", words=10, facets=Facets(),
                                        tags=[Tag(theme=theme, score=2.0, threshold=1.0, sentences=1,
                                                  evidence=[ev])]))
    return corpus


def _seen(entries) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(e.key, e.citation, e.title, e.year, e.affiliations, e.tags, e.facets) for e in entries]


def test_staged_entries_equal_the_entries_held_in_memory_for_every_sort_and_language():
    corpus, book = _corpus(), load_codebook(None)
    for lang in ("en", "id"):
        for sort in ("citation", "year", "title", "key"):
            for flt in (ReviewFilter(), ReviewFilter(themes=["hoax"]), ReviewFilter(year_from=2020)):
                held = load_entries(corpus, book, flt, lang, sort, slim=True)
                staged = stage_entries(corpus, book, flt, lang, sort)
                assert len(staged) == len(held)
                assert _seen(staged) == _seen(held)


def test_staged_entries_by_theme_and_their_letters():
    corpus, book = _corpus(), load_codebook(None)
    staged = stage_entries(corpus, book, ReviewFilter())
    cited = {e.key: e.citation for e in staged}
    assert (cited["a1"], cited["a2"], cited["a3"]) == ("Lestari, 2020b", "Lestari, 2020a", "Lestari, 2021")
    assert cited["b1"] == "Munadi, n.d." and cited["b2"] == "\u00c9mile, n.d."
    assert [e.key for e in entries_with(staged, "hoax")] == ["a1", "c1"]
    assert not staged.mention_any()


def test_tables_from_staged_entries_equal_those_from_entries_in_memory():
    corpus, book = _corpus(), load_codebook(None)
    held = load_entries(corpus, book, ReviewFilter(), slim=True)
    staged = stage_entries(corpus, book, ReviewFilter())
    evidence = evidence_by_paper(corpus, held)
    assert (build_evidence_table(staged, None, book).to_dict()
            == build_evidence_table(held, evidence, book).to_dict())
    assert (build_evidence_table(staged, None, book, themes=["youth"]).to_dict()
            == build_evidence_table(held, evidence, book, themes=["youth"]).to_dict())
    assert build_theme_grid(staged, book).to_dict() == build_theme_grid(held, book).to_dict()
    assert (build_matrix(staged, book, findings=staged_findings_for(corpus, staged)).to_dict()
            == build_matrix(held, book, findings=findings_for(corpus, held)).to_dict())
    assert ThemeEvidence(corpus, staged)("hoax") == ThemeEvidence(corpus, held)("hoax")


def test_staged_evidence_by_source_comes_in_entry_order_as_the_theme_reader_gives_it():
    corpus, book = _corpus(), load_codebook(None)
    held = load_entries(corpus, book, ReviewFilter(), slim=True)
    staged = stage_entries(corpus, book, ReviewFilter())
    reader = ThemeEvidence(corpus, staged)
    assert reader.staged and not ThemeEvidence(corpus, held).staged
    whole = reader("hoax")
    by_source = [(e.key, e.citation, evidence) for e, evidence in reader.by_source("hoax")]
    assert by_source == [(e.key, e.citation, whole[e.key]) for e in entries_with(held, "hoax")]
    assert [key for key, _, _ in by_source] == ["a1", "c1"]
    assert list(reader.by_source("regulation")) == []


def test_synthesis_from_staged_entries_reading_a_theme_at_a_time_equals_the_one_from_entries_in_memory():
    corpus, book = _corpus(), load_codebook(None)
    held = load_entries(corpus, book, ReviewFilter(), slim=True)
    staged = stage_entries(corpus, book, ReviewFilter())
    frames = ThemeFrames(corpus)
    assert {(key, "hoax"): frame for key, frame in frames("hoax", ["a1", "c1"]).items()} == \
        {pair: frame for pair, frame in frames_for(corpus, held).items() if pair[1] == "hoax"}
    for lang in ("en", "id"):
        whole = build_synthesis(held, evidence_by_paper(corpus, held), book, lang)
        assert build_synthesis(staged, ThemeEvidence(corpus, staged), book, lang, frames=frames).to_dict() == \
            whole.to_dict()
        assert build_synthesis(held, ThemeEvidence(corpus, held), book, lang,
                               frames=frames_for(corpus, held)).to_dict() == whole.to_dict()
