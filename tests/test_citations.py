"""In-text citation forms used in Indonesian and English papers, and what must not count."""

import pytest

from litreview.model import Section
from litreview.text.citations import extract_citations


def cites(text):
    return [(c.authors, c.year) for c in extract_citations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(Wibowo, 2019)", [(["Wibowo"], "2019")]),
        ("(Rahadi & Abdillah, 2013)", [(["Rahadi", "Abdillah"], "2013")]),
        ("(Putri dan Santoso, 2020)", [(["Putri", "Santoso"], "2020")]),
        ("Kruikemeyer dkk. (2013) berpendapat", [(["Kruikemeyer"], "2013")]),
        ("(Rahman, dkk. 2021)", [(["Rahman"], "2021")]),
        ("(Chadwick et al., 2018; Wells et al., 2016)", [(["Chadwick"], "2018"), (["Wells"], "2016")]),
        ("Menurut Munadi (2023), pemilih", [(["Munadi"], "2023")]),
        ("oleh Mikhael Yulius Cobis dan Udi Rusadi tahun 2023", [(["Cobis", "Rusadi"], "2023")]),
        ("Castells (dalam Nasrullah, 2015)", [(["Nasrullah"], "2015")]),
        ("(Hidayat, 2015:45)", [(["Hidayat"], "2015")]),
        ("(Hidayat, 2015, p. 45)", [(["Hidayat"], "2015")]),
        ("(Abdillah, 2013, 2014)", [(["Abdillah"], "2013"), (["Abdillah"], "2014")]),
        ("(Wibowo, n.d.)", [(["Wibowo"], "n.d.")]),
        ("(Wibowo, t.t.)", [(["Wibowo"], "t.t.")]),
        ("menurut Teun van Dijk (2006)", [(["van Dijk"], "2006")]),
    ],
)
def test_citation_forms(text, expected):
    assert cites(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pemilu 2024 digelar pada 14 Februari 2024.",
        "(Februari 2024)",
        "sebesar 45% (2019)",
        "seperti terlihat pada (Tabel 2, 2020)",
        "1. Pendahuluan 2. Metode (2023)",
        "Pilkada (2024) serentak",
    ],
)
def test_no_false_citations(text):
    assert cites(text) == []


def test_page_and_flags():
    (c,) = extract_citations("(Hidayat, 2015:45)")
    assert c.page == "45" and not c.narrative
    (n,) = extract_citations("Kruikemeyer dkk. (2013)")
    assert n.narrative and n.et_al


def test_reference_list_is_not_mined():
    text = "Isi (Wibowo, 2019).\nDaftar Pustaka\nWibowo, A. (2019). Judul (Sari, 2001)."
    refs = Section(kind="references", heading="Daftar Pustaka", start=text.index("Daftar"), end=len(text))
    found = extract_citations(text, [refs])
    assert [(c.authors, c.year) for c in found] == [(["Wibowo"], "2019")]
    assert text[found[0].start:found[0].end] == "(Wibowo, 2019)"
