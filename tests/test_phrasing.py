"""The phrasing of synthesis sentences: agreement, numbers in words, lists, framing counted once.

Property tests over generated counts (none, one, two, many; all, some, both frames) check that no
combination gives a wrong or contradictory sentence.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.model import Facets, Paper, Tag
from litreview.synthesis.review import Entry
from litreview.synthesis.synthesize import statement
from litreview.text import phrasing

EN_WORDS = {phrasing.words_en(i): i for i in range(0, 200)}
ID_WORDS = {phrasing.words_id(i): i for i in range(0, 200)}
counts = st.one_of(st.sampled_from([0, 1, 2]), st.integers(3, 150))


def _framed(draw_n: int) -> st.SearchStrategy[tuple[int, int, int, int]]:
    return st.tuples(st.integers(0, draw_n), st.integers(0, draw_n), st.integers(0, draw_n)).filter(
        lambda t: sum(t) <= draw_n).map(lambda t: (*t, draw_n))


frames = counts.filter(lambda n: n > 0).flatmap(_framed)


def _stated_counts(text: str, lang: str) -> list[int]:
    """The counts a frame sentence states, in order (words or digits)."""
    table = ID_WORDS if lang == "id" else EN_WORDS
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r"|\d[\d,.]*)(?![\w-])",
                         re.IGNORECASE)
    out = []
    for match in pattern.finditer(text):
        word = match.group(1).lower()
        out.append(table[word] if word in table else int(re.sub(r"[,.]", "", word)))
    return out


@settings(max_examples=120, deadline=None)
@given(frames)
def test_frame_sentence_en_counts_each_source_once(counts_n):
    opportunity, risk, both, n = counts_n
    text = phrasing.frame_sentence(opportunity, risk, both, n, "en")
    framed = opportunity + risk + both
    if not framed:
        assert text == ""
        return
    assert text[0].isupper() and text.endswith(".") and ".." not in text
    assert not re.search(r"(?<![\d,])[0-9](?![\d,])", text), text  # numbers under ten are words
    assert text.count("as an opportunity") == (opportunity > 0)
    assert text.count("as a risk") == (risk > 0)
    assert text.count("as both an opportunity and a risk") == (both > 0)
    # "One of them present" is wrong; "One hundred one of them present" (101) is right
    assert not re.search(r"(?<![\w-])(?<!hundred )(?:[Oo]ne of them|[Tt]he source) present\b", text), text
    assert not re.search(r"\b(?:[a-z]+ of them|[Bb]oth|All of them) presents\b", text.replace("One of them", "")), text
    parts = [k for k in (opportunity, risk, both) if k]
    if len(parts) == 1 and parts[0] == n:
        assert text.startswith(("The source", "Both", "All of them")), text
    else:
        assert _stated_counts(text, "en") == parts, text
        assert "All of them" not in text and not text.startswith("Both")
    if len(parts) >= 3:
        assert ", and " in text  # serial comma


@settings(max_examples=120, deadline=None)
@given(frames)
def test_frame_sentence_id_counts_each_source_once(counts_n):
    opportunity, risk, both, n = counts_n
    text = phrasing.frame_sentence(opportunity, risk, both, n, "id")
    parts = [k for k in (opportunity, risk, both) if k]
    if not parts:
        assert text == ""
        return
    assert text[0].isupper() and text.endswith(".")
    assert not re.search(r"(?<![\d.])[0-9](?![\d.])", text), text
    assert len(re.findall(r"sebagai peluang(?! sekaligus)", text)) == (opportunity > 0)
    assert text.count("sebagai risiko") == (risk > 0)
    assert text.count("sebagai peluang sekaligus risiko") == (both > 0)
    if len(parts) == 1 and parts[0] == n:
        assert text.startswith(("Sumber itu", "Keduanya", "Semuanya")), text
    else:
        assert _stated_counts(text, "id") == parts, text
    if len(parts) >= 3:
        assert ", dan " in text


def test_frame_counts_out_of_range_are_refused():
    with pytest.raises(ValueError):
        phrasing.frame_sentence(3, 2, 0, 4)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 150), st.integers(0, 150), st.sampled_from(["en", "id"]))
def test_sources_of_agrees_with_its_count(n, extra, lang):
    total = n + extra
    subject = phrasing.sentence(phrasing.sources_of(n, total, lang) + " x.", lang)
    assert subject[0].isupper() and not subject[0].isdigit()
    if lang == "en":
        assert not re.search(r"(?<![\d,])1 sources", subject)
        assert subject.endswith("source x.") == (total == 1), subject
        if n == total:
            assert "of" not in subject.split()
        assert not re.search(r"\b[0-9]\b", subject)
    else:
        assert "dari" in subject.split() or n == total
        assert not re.search(r"\b[0-9]\b", subject)


@pytest.mark.parametrize("n,expected", [(0, "zero"), (1, "one"), (9, "nine"), (12, "twelve"), (21, "twenty-one"),
                                        (100, "one hundred"), (1500, "one thousand five hundred")])
def test_english_words(n, expected):
    assert phrasing.words_en(n) == expected


@pytest.mark.parametrize("n,expected", [(1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"),
                                        (20, "dua puluh"), (100, "seratus"), (1500, "seribu lima ratus"),
                                        (2024, "dua ribu dua puluh empat")])
def test_indonesian_words(n, expected):
    assert phrasing.words_id(n) == expected


@given(st.integers(0, 5000))
def test_number_words_are_distinct(n):
    if n:
        assert phrasing.words_en(n) != phrasing.words_en(n - 1)
        assert phrasing.words_id(n) != phrasing.words_id(n - 1)


@pytest.mark.parametrize("text,lang,expected", [
    ("3 of 12 sources discuss it.", "en", "Three of 12 sources discuss it."),
    ("12 of 40 sources discuss it.", "en", "Twelve of 40 sources discuss it."),
    ("1,200 sources discuss it.", "en", "One thousand two hundred sources discuss it."),
    ("2 dari 12 sumber membahasnya.", "id", "Dua dari 12 sumber membahasnya."),
    ("2024/25 was a year.", "en", "2024/25 was a year."),
    ("all four sources", "en", "All four sources"),
])
def test_sentence_starts_with_words(text, lang, expected):
    assert phrasing.sentence(text, lang) == expected


@pytest.mark.parametrize("items,lang,expected", [
    ([], "en", ""), (["A"], "en", "A"), (["A", "B"], "en", "A and B"), (["A", "B", "C"], "en", "A, B, and C"),
    (["A", "B"], "id", "A dan B"), (["A", "B", "C"], "id", "A, B, dan C"),
    # an item that holds the conjunction is set off by a comma, even as one of two
    (["blogs and websites", "Twitter/X"], "en", "blogs and websites, and Twitter/X"),
    (["Twitter/X", "blog dan situs web"], "id", "Twitter/X, dan blog dan situs web"),
])
def test_lists(items, lang, expected):
    assert phrasing.join(items, lang) == expected


def test_verb_agreement():
    assert phrasing.verb_en(1, "discuss") == "discusses"
    assert phrasing.verb_en(1, "present") == "presents"
    assert phrasing.verb_en(2, "present") == "present"
    assert phrasing.verb_en(0, "present") == "present"
    assert phrasing.clause(1, 4, "use", "a survey") == "One of them uses a survey."
    assert phrasing.clause(4, 4, "use", "a survey") == "All of them use a survey."
    assert phrasing.clause(2, 2, "use", "a survey") == "Both use a survey."
    assert phrasing.clause(1, 1, "use", "a survey") == "The source uses a survey."
    assert phrasing.clause(1, 3, "memakai", "survei", "id") == "Satu di antaranya memakai survei."


def _entries(n: int) -> list[Entry]:
    return [Entry(paper=Paper(key=f"p{i}", title=f"T{i}"), citation=f"Author{i:03d}, 2023",
                  tags=[Tag(theme="hoax", score=3.0)], facets=Facets()) for i in range(n)]


@settings(max_examples=80, deadline=None)
@given(frames, st.integers(0, 120), st.sampled_from(["en", "id"]))
def test_synthesis_statement_never_contradicts_itself(counts_n, extra, lang):
    opportunity, risk, both, n = counts_n
    sources = _entries(n)
    frame_list = ["opportunity"] * opportunity + ["risk"] * risk + ["mixed"] * both
    frame_list += ["neutral"] * (n - len(frame_list))
    text = statement("Hoaxes", sources, n + extra, frame_list, lang, None, "hoax")
    without_cites = re.sub(r"\([^()]*\)", "", text)
    assert not re.search(r"(?<![\d,.])[0-9](?![\d,.])", without_cites), text
    for part in re.split(r"(?<=\.) ", without_cites):
        assert part[:1].isupper(), (part, text)
    if lang == "en":
        assert "1 of them" not in text and "One of them present " not in text
        assert ("discusses" in text) == (n == 1)
        assert "diverge" not in text
    else:
        assert "Satu-satunya" not in text or (n == 1 and extra == 0)


def test_methods_take_the_article_their_sound_asks_for_and_plurals_none():
    assert phrasing.method_phrase("case study") == "a case study method"
    assert phrasing.method_phrase("observation") == "an observation method"
    assert phrasing.method_phrase("interviews") == "interviews"
    assert phrasing.method_phrase("mixed methods") == "mixed methods"
    assert phrasing.method_phrase("content analysis") == "a content analysis method"
    assert phrasing.method_phrase("bibliometric analysis") == "a bibliometric analysis method"
    assert phrasing.method_phrase("SNA") == "an SNA method"
    assert phrasing.method_phrase("unique case") == "a unique case method"
    assert phrasing.clause(2, 6, "use", phrasing.method_phrase("interviews")) == "Two of them use interviews."


def test_citations_in_one_bracket_follow_the_reference_list():
    from litreview.synthesis.review import join_citations

    cited = ['"Buzzer di Media Sosial", n.d.', "Munadi & Rusadi, 2021", "Ardynata & Sobari, 2022",
             '"Aksi Massa dan Disinformasi", n.d.', "Munadi, 2023", "Munadi, 2023", "Éclair, 2020"]
    assert join_citations(cited) == (
        '"Aksi Massa dan Disinformasi", n.d.; Ardynata & Sobari, 2022; "Buzzer di Media Sosial", n.d.; '
        "Éclair, 2020; Munadi, 2023; Munadi & Rusadi, 2021")
