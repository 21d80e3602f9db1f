"""Tags in the store: evidence re-read verbatim, migrations, manual decisions, re-tagging."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SHARED, needs_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.add import add_paths
from litreview.model import Paper
from litreview.store import MIGRATIONS, Corpus
from litreview.tagging import decide_tag, reset_tag, tag_corpus
from litreview.text.sentences import split_sentences
from litreview.themes.codebook import load_codebook
from litreview.themes.tagger import Tagger, field_text, required_literals


@pytest.fixture(scope="module")
def default_tagger() -> Tagger:
    return Tagger(load_codebook())


def _check_evidence(corpus: Corpus) -> int:
    """Every stored evidence sentence and matched word stands verbatim at its offsets."""
    checked = 0
    for paper in corpus.iter_papers(full=True):
        for tag in corpus.tags_of(paper.key, removed=True):
            for e in tag.evidence:
                source = field_text(paper, e.field)
                assert source[e.start:e.end] == e.sentence, (paper.key, tag.theme, e.field)
                for m in e.matches:
                    assert e.start <= m.start < m.end <= e.end
                    assert source[m.start:m.end] == m.text
                assert e.section != "references"
                checked += 1
    return checked


def test_sample_corpus_evidence_is_verbatim(default_tagger):
    corpus = Corpus.in_memory()
    add_paths(corpus, [str(ROOT / "corpus")], tagger=default_tagger)
    assert _check_evidence(corpus) > 20
    tagged, no_text = corpus.tagged_count()
    assert (tagged, no_text) == (8, 1)  # chadwick2015 has neither text nor abstract


@needs_shared
def test_real_pdfs_and_samples_evidence_is_verbatim(default_tagger):
    corpus = Corpus.in_memory()
    paths = [str(p) for p in sorted((SHARED / "data" / "pdf" / "indonesian").glob("*.pdf"))]
    paths += [str(p) for p in sorted((SHARED / "samples").glob("*.txt"))]
    add_paths(corpus, paths, tagger=default_tagger)
    assert _check_evidence(corpus) > 10
    # evidence pages point into the page the sentence starts on
    for paper in corpus.iter_papers(full=True):
        for tag in corpus.tags_of(paper.key):
            for e in tag.evidence:
                if e.page is not None:
                    assert paper.page_of(e.start) == e.page


def test_a_version_1_corpus_is_migrated(tmp_path: Path):
    root = tmp_path / ".litreview"
    root.mkdir()
    db = sqlite3.connect(root / "corpus.db")
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO schema_migrations VALUES (1, '2026-01-01T00:00:00Z')")
    db.commit()
    db.close()
    with Corpus(root) as corpus:
        assert corpus.schema_version == len(MIGRATIONS) >= 2
        assert corpus.theme_counts() == {}


def _corpus_with(paper: Paper) -> Corpus:
    corpus = Corpus.in_memory()
    with corpus.transaction():
        corpus.add_paper(paper, {}, [], {"format": "text", "file_name": "x.md", "sha256": "0" * 64})
    return corpus


ABSTRACT = ("Hoaks dan berita bohong menyebar menjelang pemilu. Ujaran kebencian menyasar pemilih pemula. "
            "Generasi Z dan kaum milenial aktif di media sosial.")


def test_retagging_follows_text_changes_and_keeps_manual_decisions():
    tagger = Tagger(load_codebook(FIXTURES / "codebooks" / "small.yaml"))
    corpus = _corpus_with(Paper(key="lestari2024", title="Hoaks", abstract=ABSTRACT))
    report = tag_corpus(corpus, tagger)
    assert report.tagged == ["lestari2024"]
    assert {t.theme for t in corpus.tags_of("lestari2024")} == {"hoax", "youth"}
    assert tag_corpus(corpus, tagger).unchanged == 1
    decide_tag(corpus, tagger, "lestari2024", "youth", False)
    decide_tag(corpus, tagger, "lestari2024", "mobilization", True)
    # the abstract changes: the paper is tagged again, the decisions stand
    paper = corpus.get("lestari2024")
    paper.abstract = ABSTRACT + " Disinformasi juga dibahas."
    with corpus.transaction():
        corpus.update_metadata("lestari2024", paper, {})
    assert tag_corpus(corpus, tagger).tagged == ["lestari2024"]
    state = {(t.theme, t.origin, t.assigned) for t in corpus.tags_of("lestari2024", removed=True)}
    assert state == {("hoax", "auto", True), ("youth", "manual", False), ("mobilization", "manual", True)}
    assert reset_tag(corpus, tagger, "lestari2024", "youth")
    assert not reset_tag(corpus, tagger, "lestari2024", "youth")
    assert "youth" in {t.theme for t in corpus.tags_of("lestari2024")}


def test_rename_keeps_tags_and_remove_drops_them():
    tagger = Tagger(load_codebook(FIXTURES / "codebooks" / "small.yaml"))
    corpus = _corpus_with(Paper(key="a2024", title="Hoaks", abstract=ABSTRACT))
    tag_corpus(corpus, tagger)
    paper = corpus.get("a2024")
    paper.key = "b2024"
    with corpus.transaction():
        corpus.update_metadata("a2024", paper, {})  # a rename
    assert {t.theme for t in corpus.tags_of("b2024")} == {"hoax", "youth"}
    with corpus.transaction():
        corpus.remove(["b2024"])
    assert corpus.theme_counts() == {}
    assert corpus.db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 0


def test_pattern_gates_never_skip_a_possible_match():
    cases = {
        r"(?-i:\b(?:[Pp]latform|[Aa]kun)\s+X\b)": "Kampanye di Platform X dan akun X.",
        r"\bdeep[ -]?fakes?\b": "Video deepfake beredar.",
        r"(?-i:\bX\s*\((?:dulu)?\s*Twitter\))": "Di X (dulu Twitter) ramai.",
        r"\bgen(?:erasi)?[ -]?z\b": "Generasi Z memilih.",
    }
    for pattern, text in cases.items():
        gate = required_literals(pattern)
        assert gate, pattern
        assert any((lit in text) if case else (lit in text.lower()) for lit, case in gate), (pattern, gate)
    assert required_literals(r"a|\d+") is None  # no literal every match needs: the pattern always runs


def test_a_gate_joins_the_start_the_parser_takes_out_of_alternatives():
    # "ber(?:interaksi|dialog)" as parsed: the whole words are rarer than "dengan" or than their endings
    gate = required_literals(r"\b(?:berinteraksi|berdialog)\s+(?:\w+\s+){0,2}?dengan\s+(?:warga|publik)")
    assert gate == [("berdialog", False), ("berinteraksi", False)]
    for text in ("Bupati berdialog langsung dengan warga.", "Ia berinteraksi dengan publik."):
        assert any(lit in text.lower() for lit, _ in gate)
    # an alternative with no letters of its own keeps the other gate
    assert required_literals(r"\bme(?:nuntut|\w+kan)\s+pemerintah") == [("pemerintah", False)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab .!?\n\"()M12dkk")), max_size=200))
def test_sentences_are_ordered_trimmed_and_cover_the_text(text):
    spans = split_sentences(text)
    previous = 0
    covered = set()
    for span in spans:
        assert previous <= span.start < span.end <= len(text)
        piece = text[span.start:span.end]
        assert piece == piece.strip() and piece
        covered.update(range(span.start, span.end))
        previous = span.end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@needs_shared
def test_facets_of_a_real_review_text(default_tagger):
    corpus = Corpus.in_memory()
    add_paths(corpus, [str(SHARED / "samples" / "000_bb35b432ab8ec3e1.txt")])
    paper = next(corpus.iter_papers(full=True))
    facets = default_tagger.tag(paper).facets
    assert {"Facebook", "Instagram", "TikTok", "Twitter/X"} <= {f.name for f in facets.platforms}
    actors = {f.name for f in facets.actors}
    assert {"Prabowo Subianto", "Ganjar Pranowo", "Anies Baswedan", "Partai Gerindra"} <= actors
    assert "Partai Demokrasi Indonesia Perjuangan" in actors
    assert "literature study" in {f.name for f in facets.methods}
