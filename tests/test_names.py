"""Name parsing: mononyms, inverted and display order, particles, institutions, et al."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from litreview.model import Person
from litreview.text.names import parse_bibtex_name_list, parse_name, parse_name_list, person_from_pybtex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Munadi", Person(literal="Munadi")),
        ("Haviluddin", Person(literal="Haviluddin")),
        ("  Munadi, ", Person(literal="Munadi")),
        ("Cobis, Mikhael Yulius", Person(family="Cobis", given="Mikhael Yulius")),
        ("Mikhael Yulius Cobis", Person(family="Cobis", given="Mikhael Yulius")),
        ("Mikhael   Yulius\nCobis", Person(family="Cobis", given="Mikhael Yulius")),
        ("{Komisi Pemilihan Umum}", Person(literal="Komisi Pemilihan Umum")),
        ("Abdillah Fudholi, Luthfi", Person(family="Abdillah Fudholi", given="Luthfi")),
        ("van der Berg, Jan", Person(family="Berg", given="Jan", particle="van der")),
        ("Jan van der Berg", Person(family="Berg", given="Jan", particle="van der")),
        ("Muhammad bin Abdullah", Person(family="Abdullah", given="Muhammad", particle="bin")),
        ("Siti binti Ahmad", Person(family="Ahmad", given="Siti", particle="binti")),
        ("Ahmad al-Farabi", Person(family="Farabi", given="Ahmad", particle="al-")),
        ("al-Farabi, Ahmad", Person(family="Farabi", given="Ahmad", particle="al-")),
        ("de Gaulle", Person(family="Gaulle", particle="de")),
        ("Smith, John, Jr.", Person(family="Smith", given="John", suffix="Jr.")),  # RIS order
        (
            "King, Jr., Martin Luther",
            Person(family="King", given="Martin Luther", suffix="Jr."),
        ),  # BibTeX order
        ("Martin Luther King Jr.", Person(family="King", given="Martin Luther", suffix="Jr.")),
        ("Shi,Yu ", Person(family="Shi", given="Yu")),
        ("Valle-Delgado,J. J.", Person(family="Valle-Delgado", given="J. J.")),
        ("", Person()),
    ],
)
def test_parse_name(text: str, expected: Person) -> None:
    assert parse_name(text) == expected


def test_mononym_never_renders_with_an_empty_given_name() -> None:
    person = parse_name("Munadi")
    assert person.inverted() == "Munadi"
    assert person.display() == "Munadi"
    assert person.surname == "Munadi"


@pytest.mark.parametrize(
    ("text", "names", "truncated"),
    [
        ("Cobis, Mikhael Yulius and Munadi and others", ["Cobis, Mikhael Yulius", "Munadi"], True),
        ("Rahadi et al.", ["Rahadi"], True),
        ("Rahadi, Dedi Rianto, et al", ["Rahadi, Dedi Rianto"], True),
        ("Munadi dkk.", ["Munadi"], True),
        ("Santoso, Budi, dkk.", ["Santoso, Budi"], True),
        ("Munadi; Haviluddin; Cobis, M.", ["Munadi", "Haviluddin", "Cobis, M."], False),
        ("Cobis, M. Y., Santoso, B., & Munadi", ["Cobis, M. Y.", "Santoso, B.", "Munadi"], False),
        ("Mikhael Cobis, Budi Santoso, & Munadi", ["Cobis, Mikhael", "Santoso, Budi", "Munadi"], False),
        ("Budi Santoso dan Munadi", ["Santoso, Budi", "Munadi"], False),
        (
            "Nuryake Fajaryati, Priyanto, Totok Sukardiyono and Bonita Destiana",
            ["Fajaryati, Nuryake", "Priyanto", "Sukardiyono, Totok", "Destiana, Bonita"],
            False,
        ),
        (
            "Kristoko Dwi Hartomo, Theopilus Wellem and David Adi Sanjaya",
            ["Hartomo, Kristoko Dwi", "Wellem, Theopilus", "Sanjaya, David Adi"],
            False,
        ),
        ("Brothers, Karl and Mothers, Anna", ["Brothers, Karl", "Mothers, Anna"], False),
        ("{Komisi Pemilihan Umum} and Munadi", ["Komisi Pemilihan Umum", "Munadi"], False),
        ("others", [], True),
        ("", [], False),
    ],
)
def test_parse_name_list(text: str, names: list[str], truncated: bool) -> None:
    people, cut = parse_name_list(text)
    assert [p.inverted() for p in people] == names
    assert cut is truncated


def test_truncation_marker_never_becomes_a_person() -> None:
    for text in ("A and others", "A, et al.", "A dkk.", "A and B and others"):
        people, truncated = parse_name_list(text)
        assert truncated
        assert all("other" not in p.inverted() and "al." not in p.inverted() for p in people)


def test_person_from_pybtex_with_latex_decoder() -> None:
    from pybtex.database import Person as PybtexPerson

    from litreview.text.latex import latex_to_unicode

    p = person_from_pybtex(PybtexPerson(r"Radim {\v R}eh{\r u}{\v r}ek"), latex_to_unicode)
    assert p == Person(family="Řehůřek", given="Radim")
    assert person_from_pybtex(PybtexPerson("{Komisi Pemilihan Umum}")) == Person(
        literal="Komisi Pemilihan Umum"
    )
    assert person_from_pybtex(PybtexPerson("Munadi")) == Person(literal="Munadi")


def test_bibtex_name_list_splits_on_and_outside_braces_only() -> None:
    from litreview.text.latex import latex_to_unicode

    people, truncated = parse_bibtex_name_list(
        r"{Badan Pengawas Pemilu and Partners} AND Bostr\"{o}m, Gustav and others", latex_to_unicode
    )
    assert people == [
        Person(literal="Badan Pengawas Pemilu and Partners"),
        Person(family="Boström", given="Gustav"),
    ]
    assert truncated


# Words that read as generational suffixes ("Jr", "Sr", a Roman numeral) are not family names:
# "Aa Jr" is Aa, Jr., and "Aa Aa Ii" is Aa Aa II.
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mei", "agu", "okt",
           "des"}  # "Feb Aa" reads as a date line, not a name
_WORD = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True).filter(
    lambda w: w.lower() not in {"jr", "sr", "jnr", "snr"} and w.lower()[:3] not in _MONTHS
    and not re.fullmatch(r"[ivxlc]+", w.lower()))


@given(family=_WORD, given_names=st.lists(_WORD, min_size=1, max_size=3))
def test_inverted_and_display_forms_agree(family: str, given_names: list[str]) -> None:
    given_text = " ".join(given_names)
    inverted = parse_name(f"{family}, {given_text}")
    assert inverted == Person(family=family, given=given_text)
    assert parse_name(inverted.display()) == inverted
    assert parse_name(inverted.inverted()) == inverted


@given(name=_WORD)
def test_any_single_word_is_a_literal(name: str) -> None:
    assert parse_name(name) == Person(literal=name)
