"""The tagger's quick tests before its regular expressions decide exactly as the expressions alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
