"""The tagger's quick tests before its regular expressions decide exactly as the expressions alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.text import sentences
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
