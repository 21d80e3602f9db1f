"""APA 7 in-text citations: author forms, Indonesian terms, missing data, disambiguation."""

from __future__ import annotations

from litreview.model import Paper, Person
from litreview.synthesis.citations import citations_for, in_text

MUNADI = Person(literal="Munadi")
COBIS = Person(family="Cobis", given="Mikhael Yulius")
RUSADI = Person(family="Rusadi", given="Udi")
FAHRUJI = Person(family="Fahruji", given="Deden")
FAHRUDIN = Person(family="Fahrudin", given="Atef")


def paper(*authors: Person, year: int | None = 2023, title: str = "Judul", key: str = "", **kw) -> Paper:
    return Paper(title=title, authors=list(authors), year=year, key=key or title, **kw)


def test_one_two_and_three_authors():
    assert in_text(paper(MUNADI)) == "Munadi, 2023"
    assert in_text(paper(COBIS, RUSADI)) == "Cobis & Rusadi, 2023"
    assert in_text(paper(FAHRUJI, FAHRUDIN, MUNADI)) == "Fahruji et al., 2023"


def test_indonesian_forms():
    assert in_text(paper(FAHRUJI, FAHRUDIN, MUNADI), lang="id") == "Fahruji dkk., 2023"
    assert in_text(paper(COBIS, RUSADI), lang="id") == "Cobis & Rusadi, 2023"
    assert in_text(paper(COBIS, RUSADI), lang="id", narrative=True) == "Cobis dan Rusadi (2023)"
    assert in_text(paper(FAHRUJI, FAHRUDIN, MUNADI), lang="id", narrative=True) == "Fahruji dkk. (2023)"
    assert in_text(paper(MUNADI, year=None), lang="id") == "Munadi, t.t."


def test_narrative_forms():
    assert in_text(paper(COBIS, RUSADI), narrative=True) == "Cobis and Rusadi (2023)"
    assert in_text(paper(FAHRUJI, FAHRUDIN, MUNADI), narrative=True) == "Fahruji et al. (2023)"
    assert in_text(paper(MUNADI), narrative=True) == "Munadi (2023)"


def test_truncated_author_list_gives_et_al():
    assert in_text(paper(FAHRUJI, authors_truncated=True)) == "Fahruji et al., 2023"
    assert in_text(paper(FAHRUJI, authors_truncated=True), lang="id") == "Fahruji dkk., 2023"
    assert in_text(paper(COBIS, RUSADI, authors_truncated=True)) == "Cobis et al., 2023"


def test_surnames_particles_institutions_and_unicode():
    assert in_text(paper(Person(family="Dijk", given="Jan", particle="van"))) == "van Dijk, 2023"
    assert in_text(paper(Person(family="Farabi", particle="al-"))) == "al-Farabi, 2023"
    assert in_text(paper(Person(literal="Komisi Pemilihan Umum"))) == "Komisi Pemilihan Umum, 2023"
    assert in_text(paper(Person(family="Mù", given="Lán"), COBIS)) == "Mù & Cobis, 2023"
    decomposed = Person(family="Mu\u0300")  # "Mù" written with a combining accent
    assert in_text(paper(decomposed)) == "M\u00f9, 2023"


def test_missing_year():
    assert in_text(paper(MUNADI, year=None)) == "Munadi, n.d."
    assert in_text(paper(MUNADI, year=None, date="2022-05")) == "Munadi, 2022"  # the date has it
    assert in_text(paper(MUNADI, year=None), narrative=True) == "Munadi (n.d.)"


def test_missing_author_uses_the_short_title():
    p = paper(year=2024, title="Media Sosial dan Kampanye Politik pada Pemilu 2024")
    assert in_text(p) == '"Media Sosial dan Kampanye", 2024'
    assert in_text(p, narrative=True) == '"Media Sosial dan Kampanye" (2024)'
    assert in_text(paper(year=2024, title="Hoaks: Sebuah Tinjauan Kritis")) == '"Hoaks: Sebuah Tinjauan Kritis", 2024'
    assert in_text(paper(year=2024, title="Politik Digital Indonesia: Tinjauan Kritis")) == (
        '"Politik Digital Indonesia", 2024'  # no colon left dangling
    )
    assert in_text(paper(year=None, title="")) == "[Untitled], n.d."
    assert in_text(paper(year=None, title=""), lang="id") == "[Tanpa judul], t.t."


def test_quotation_marks_inside_a_cited_title_become_single():
    assert in_text(paper(year=2023, title='Tagar "Kawal Suara" di Twitter')) == "\"Tagar 'Kawal Suara' di\", 2023"
    assert in_text(paper(year=2023, title="Makna \u201cRelawan\u201d Digital")) == "\"Makna 'Relawan' Digital\", 2023"
    # a cut inside a quoted phrase leaves no quotation mark open
    assert in_text(paper(year=2023, title='Kampanye dan "Politik Identitas Baru" Menjelang Pemilu')) == \
        "\"Kampanye dan Politik Identitas\", 2023"


def test_anonymous_is_an_author():
    assert in_text(paper(Person(literal="Anonim"), year=2024)) == "Anonim, 2024"
    assert in_text(paper(Person(family="Anonymous"), year=2024)) == "Anonymous, 2024"


def test_disambiguation_by_title():
    papers = [
        paper(Person(literal="Anonim"), year=2024, title="Relawan digital", key="k1"),
        paper(Person(literal="Anonim"), year=2024, title="Buzzer politik", key="k2"),
        paper(Person(literal="Anonim"), year=2023, title="Lain", key="k3"),
        paper(MUNADI, year=2024, title="Lain lagi", key="k4"),
    ]
    assert citations_for(papers) == {
        "k1": "Anonim, 2024b",
        "k2": "Anonim, 2024a",
        "k3": "Anonim, 2023",
        "k4": "Munadi, 2024",
    }
    assert list(citations_for(papers)) == ["k1", "k2", "k3", "k4"]  # in the order given


def test_disambiguation_without_date_and_in_indonesian():
    papers = [paper(MUNADI, year=None, title="B", key="b"), paper(MUNADI, year=None, title="A", key="a")]
    assert citations_for(papers) == {"b": "Munadi, n.d.-b", "a": "Munadi, n.d.-a"}
    assert citations_for(papers, lang="id") == {"b": "Munadi, t.t.-b", "a": "Munadi, t.t.-a"}
    assert citations_for(papers, narrative=True)["a"] == "Munadi (n.d.-a)"


def test_disambiguation_ignores_leading_article_and_is_deterministic():
    papers = [
        paper(COBIS, RUSADI, year=2023, title="The Zeal of Voters", key="z"),
        paper(COBIS, RUSADI, year=2023, title="An Answer", key="y"),
        paper(COBIS, RUSADI, year=2023, title="Media", key="x"),
    ]
    expected = {"z": "Cobis & Rusadi, 2023c", "y": "Cobis & Rusadi, 2023a", "x": "Cobis & Rusadi, 2023b"}
    assert citations_for(papers) == expected
    assert citations_for(list(reversed(papers))) == expected


def test_same_text_from_different_author_lists_is_told_apart():
    a = paper(FAHRUJI, FAHRUDIN, MUNADI, title="Kampanye", key="a")
    b = paper(FAHRUJI, COBIS, RUSADI, title="Algoritma", key="b")
    assert citations_for([a, b], lang="id") == {"a": "Fahruji dkk., 2023b", "b": "Fahruji dkk., 2023a"}


def test_one_paper_given_twice_is_not_disambiguated():
    p = paper(MUNADI, key="m")
    assert citations_for([p, p]) == {"m": "Munadi, 2023"}


def test_untitled_anonymous_works_share_a_title_citation():
    a = paper(year=2024, title="Media Sosial dan Kampanye Politik", key="a")
    b = paper(year=2024, title="Media Sosial dan Kampanye Digital", key="b")
    assert citations_for([a, b]) == {
        "a": '"Media Sosial dan Kampanye", 2024b',
        "b": '"Media Sosial dan Kampanye", 2024a',
    }
