"""The tagger's quick tests before its regular expressions decide exactly as the expressions alone."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.model import Paper, Tagging
from litreview.text import sentences
from litreview.text.morphology import WORD
from litreview.text.words import Words
from litreview.themes.codebook import load_codebook
from litreview.themes.tagger import _CITES, _ISSUE, _JOURNAL, Tagger, cites_another_work, is_masthead

# Characters that make the cases hard: brackets, years, capitals, and the non-ASCII letters that
# match ASCII letters when case is ignored (long s, dotless i, dotted capital I, Kelvin sign).
_PIECES = st.sampled_from([
    "(", ")", "[", "]", "12", "2019", "1998a", ",", ";", ":", " ", " ", "et al.", "dkk.", "dan", "&",
    "Menurut", "menurut", "According to", "according to", "Nama", "Ali", "kata", "x",
    "Jurnal", "JOURNAL", "jurnal", "journal", "Prosiding", "PROCEEDINGS", "proſiding", "proſıding",
    "prosİding", "Vol. 3", "volume 2", "No. 1", "ISSN", "e-ISSN", "Edisi Juli 2020", "\u212a", "\u0130", "ı",
])
_SENTENCES = st.lists(_PIECES, max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_citation_shortcut_agrees_with_the_expression(sentence: str) -> None:
    assert cites_another_work(sentence) == bool(_CITES.search(sentence))


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_masthead_shortcut_agrees_with_the_expressions(sentence: str) -> None:
    expected = len(sentence) < 400 and bool(_JOURNAL.search(sentence)) and bool(_ISSUE.search(sentence))
    assert is_masthead(sentence) == expected


def test_masthead_with_letters_that_only_match_ignoring_case() -> None:
    assert is_masthead("Proſiding Seminar Nasional, Vol. 2") == bool(_JOURNAL.search("Proſiding"))
    assert is_masthead("Jurnal Ilmu Sosial Vol. 4 No. 2")
    assert not is_masthead("Penelitian ini membahas kampanye.")


def test_missing_words_are_filled_as_one_by_one() -> None:
    normalizer = Tagger(load_codebook()).normalizer
    words = ["mengkampanyekan", "hoaksnya", "kampanyee", "pemilih", "hoaksnya", "the", "voters", "zzqv"]
    found = list(map(normalizer.cache_get, words))
    assert None in found
    filled = normalizer.fill_missing(words, found)
    assert filled is found and None not in filled
    assert filled == [normalizer.norm(w) for w in words]


# The sentence-end pattern as plain alternatives, each opening with its stop: the pattern in
# ``sentences`` matches the stop once before the alternatives, and must find the same ends.
_PLAIN_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*[\u00c2\u00a0]?(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"
    rf"|[.!?](?<=[a-z\u00df-\u00ff]{{3}}[.!?])[\"'\u201d\u2019)]?{sentences._FOOTNOTE}?(?=[A-Z][a-z])"
    rf"|[.!?](?<=[a-z\u00df-\u00ff]{{3}}[.!?])[\"'\u201d\u2019)]?{sentences._FOOTNOTE}(?=\s+[A-Z][a-z])"
)
_END_PIECES = st.sampled_from(
    list(".!?\u2026\"'\u201d\u2019)](\u201c\u2018[\u00c2\u00a0 \n\tAZaz09")
    + list("\u00b9\u00b2\u2070\u2075\u00e9\u00c9\u00df\u0100")
    + ["abc", "luas", "Melihat", "...", "M.", "dkk.", "2019"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_END_PIECES, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_sentence_ends_agree_with_the_plain_alternatives(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = [m.span() for m in _PLAIN_END.finditer(text, start, end)]
    assert [m.span() for m in sentences._END.finditer(text, start, end)] == expected


# -- words without a match object per word (text.words) ----------------------------------------
_WORD_PIECES = st.sampled_from(
    list("abc XYZ019_-.,'\u2019\u201c\u00e9\u00df\u0131\u0130\u2013\u00a0\n\t?\u00b2\u00bd\u0663\u4e2d\ufb01")
    + ["kata", "caf\u00e9", "\u00e9\u00e9", "a\u0301", "\U0001d45b", "luas.2Melihat"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=30).map("".join), st.integers(0, 100))
def test_words_agree_with_the_word_expression(text: str, at: int) -> None:
    words = Words(text)
    found = list(WORD.finditer(text))
    assert words.strings == [m.group() for m in found]
    starts = [m.start() for m in found]
    offsets = [at % (len(text) + 1), 0, len(text), at % (len(text) + 1)]  # not in order: counted again
    assert words.count_before(offsets) == [bisect_left(starts, o) for o in offsets]
    first = bisect_left(starts, offsets[0])
    for k in range(first, len(starts)):
        assert words.start_of(k, offsets[0], first) == starts[k]
        if k + 1 < len(starts):
            assert words.next_start(starts[k] + len(found[k].group())) == starts[k + 1]


# -- pattern literals looked for only where the words hold their letters ------------------------
def _dump(tagging: Tagging) -> tuple[list[dict[str, Any]], dict[str, Any], int]:
    return [t.to_dict() for t in tagging.tags], tagging.facets.to_dict(), tagging.words


@pytest.fixture(scope="module")
def gated_and_plain() -> tuple[Tagger, Tagger]:
    codebook = load_codebook()
    gated = Tagger(codebook)
    plain = Tagger(codebook)  # every literal looked for in every text
    plain._searched_always = sorted([*plain._searched_always, *plain._literal_runs])
    plain._literal_runs = {}
    plain._literals_by_run = {}  # (the index the search reads, made from _literal_runs)
    assert gated._literals_by_run and not plain._literals_by_run
    return gated, plain


_LITERAL_PIECES = st.sampled_from([
    " ", ". ", ", ", "(", ")", "\n", "x.com", "X", "x", "di X.", "akun X", "Facebook", "facebook", "FACEBOOK",
    "TikTok", "WhatsApp, Telegram", "jutaan", "juta", "3 juta pengguna", "puluhan juta orang", "ribuan",
    "PLS-SEM", "SPSS", "deskriptif kualitatif", "persepsi publik terhadap", "demokrasi", "melapor ke Bawaslu",
    "Partai PBB, PKN dan Garuda", "LINE", "Line", "berinteraksi langsung", "lewat live", "\u0130", "\u00e9",
    "Pemilih", "media sosial", "kampanye",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LITERAL_PIECES, min_size=1, max_size=25).map("".join))
def test_literal_gate_by_word_letters_decides_as_searching_everywhere(
    gated_and_plain: tuple[Tagger, Tagger], text: str
) -> None:
    gated, plain = gated_and_plain
    paper = Paper(key="p", text=text)
    assert _dump(gated.tag(paper)) == _dump(plain.tag(paper))


def test_a_second_tagger_on_the_codebook_leaves_the_first_reading_typos_alike() -> None:
    codebook = load_codebook(FIXTURES / "codebooks" / "small.yaml")
    paper = Paper(key="p", abstract="Partisipsi pemilih muda tinggi. Partisipsi mereka dibahas.")
    first = Tagger(codebook)
    before = _dump(first.tag(paper))
    assert any(m["rule"] == "fuzzy" for t in before[0] for e in t["evidence"] for m in e["matches"])
    Tagger(codebook)  # builds its index on the same normaliser, which forgets the words it read
    assert _dump(first.tag(paper)) == before


def test_a_match_as_a_dict_is_what_asdict_gives() -> None:
    from dataclasses import asdict

    from litreview.model import Match

    match = Match("media sosial", "phrase", 3, 15, "media  sosial", 1.5)
    assert match.to_dict() == asdict(match) and list(match.to_dict()) == list(asdict(match))


@settings(max_examples=500, deadline=None)
@given(st.lists(_END_PIECES, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_sentence_ends_found_from_the_stops_are_those_of_the_scan(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = [m.span() for m in sentences._END.finditer(text, start, end)]
    assert [m.span() for m in sentences._ends(text, start, end)] == expected
