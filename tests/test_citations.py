"""In-text citation forms used in Indonesian and English papers, and what must not count."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.model import Section
from litreview.text.citations import extract_citations


def cites(text, sections=None):
    return [(c.authors, c.year) for c in extract_citations(text, sections)]


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
        ("Dalam penelitian Cobis dan Rusadi tahun 2023 dibahas", [(["Cobis", "Rusadi"], "2023")]),
        ("Sebagaimana dikemukakan Budi Santoso tahun 2020, biaya turun", [(["Santoso"], "2020")]),
        ("Teori Habermas tahun 1989 tentang ruang publik", [(["Habermas"], "1989")]),
        ("Castells (dalam Nasrullah, 2015)", [(["Nasrullah"], "2015")]),
        ("(Hidayat, 2015:45)", [(["Hidayat"], "2015")]),
        ("(Hidayat, 2015, p. 45)", [(["Hidayat"], "2015")]),
        ("(Hidayat, 2015, hlm. 45)", [(["Hidayat"], "2015")]),
        ("(Abdillah, 2013, 2014)", [(["Abdillah"], "2013"), (["Abdillah"], "2014")]),
        ("(Wibowo, 2019a, 2019b)", [(["Wibowo"], "2019a"), (["Wibowo"], "2019b")]),
        ("(Sari, 2020a, b)", [(["Sari"], "2020a"), (["Sari"], "2020b")]),
        ("(Wibowo, n.d.)", [(["Wibowo"], "n.d.")]),
        ("(Wibowo, t.t.)", [(["Wibowo"], "t.t.")]),
        ("(Wibowo, tanpa tahun)", [(["Wibowo"], "tanpa tahun")]),
        ("menurut Teun van Dijk (2006)", [(["van Dijk"], "2006")]),
        ("(Van Dijk, 2006)", [(["Van Dijk"], "2006")]),
        ("(Abdul Rahman, 2019)", [(["Abdul Rahman"], "2019")]),
        ("(de Vreese et al., 2018)", [(["de Vreese"], "2018")]),
        ("(KPU, 2024)", [(["KPU"], "2024")]),
        ("(Bawaslu RI, 2023)", [(["Bawaslu RI"], "2023")]),
        ("(APJII, 2023)", [(["APJII"], "2023")]),
        ("(Badan Pusat Statistik, 2023)", [(["Badan Pusat Statistik"], "2023")]),
        ("(Lim, Tan, & Wong, 2018)", [(["Lim", "Tan", "Wong"], "2018")]),
        ("Lim, Tan, dan Wong (2018) menemukan", [(["Lim", "Tan", "Wong"], "2018")]),
        ("(lihat Aspinall, 2019; juga Mietzner, 2020)", [(["Aspinall"], "2019"), (["Mietzner"], "2020")]),
        ("(Sumber: BPS, 2023)", [(["BPS"], "2023")]),
        ("(e.g., Bennett & Segerberg, 2012)", [(["Bennett", "Segerberg"], "2012")]),
        ("(Tapsell 2017; Lim 2017)", [(["Tapsell"], "2017"), (["Lim"], "2017")]),
        ("Smith's (2019) account", [(["Smith"], "2019")]),
        ("(Laudon, K. dan Laudon, J., 2007)", [(["Laudon", "Laudon"], "2007")]),
        ("menurut sadeli (2011:2) sebuah", [(["sadeli"], "2011")]),
        ("(Kompas.com, 2023; detik.com, 2024)", [(["Kompas.com"], "2023"), (["detik.com"], "2024")]),
        ("(Tempo, 10 Maret 2023)", [(["Tempo"], "2023")]),
        ("(CNN Indonesia, 2023)", [(["CNN Indonesia"], "2023")]),
        ("(World Health Organization [WHO], 2020)", [(["World Health Organization"], "2020")]),
        ("Komisi Pemilihan Umum (2019) mencatat", [(["Komisi Pemilihan Umum"], "2019")]),
        ("Menurut Bank Indonesia (2020), inflasi", [(["Bank Indonesia"], "2020")]),
        ("(Devlin et al., 2019, inter alia)", [(["Devlin"], "2019")]),
        ("(cf. Hu and Bentler 1999, for cut-offs)", [(["Hu", "Bentler"], "1999")]),
        ("Sari dan kawan-kawan (2020)", [(["Sari"], "2020")]),
        ("(Mietzner, 2019 dan 2020)", [(["Mietzner"], "2019"), (["Mietzner"], "2020")]),
        ("(Sari, 2020 dan Putra, 2021)", [(["Sari"], "2020"), (["Putra"], "2021")]),
        ("(Sari, 2020, Putra, 2021)", [(["Sari"], "2020"), (["Putra"], "2021")]),
        ("(Nasrullah, 2015; 2016)", [(["Nasrullah"], "2015"), (["Nasrullah"], "2016")]),
        ("(Lim 2017, 45)", [(["Lim"], "2017")]),
    ],
)
def test_citation_forms(text, expected):
    assert cites(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pemilu 2024 digelar pada 14 Februari 2024.",
        "Pilkada serentak tahun 2024 berlangsung pada 27 November 2024.",
        "pada tahun 2019 jumlah pemilih naik",
        "Presiden Joko Widodo tahun 2019 kembali menang.",
        "(Februari 2024)",
        "sebesar 45% (2019)",
        "seperti terlihat pada (Tabel 2, 2020)",
        "Tabel 2 (2024) dan Gambar 1 (2023) menunjukkan",
        "1. Pendahuluan 2. Metode (2023)",
        "Pilkada (2024) serentak",
        "Menurut UU No. 7 Tahun 2017 tentang Pemilihan Umum",
        "(UU No. 7 Tahun 2017)",
        "Jokowi (2014-2019) memimpin dua periode",
        "Sejak Reformasi (1998) partai bertambah",
        "Survei Litbang Kompas (Januari 2024)",
        "Sebanyak 204 juta pemilih (DPT 2024) terdaftar.",
        "Periode 2019\u20132024 ditandai polarisasi.",
        "dibuat oleh John Resig pada tahun 2006",
        "(Jakarta, 14 Februari 2024)",
        "Sumber: Olahan Peneliti (2023)",
        "(Sumber: Olahan Penulis, 2024)",
        "(Wawancara, 12 Maret 2024)",
        "(Dokumentasi Peneliti, 2023)",
        "Pemilu Indonesia (2019) berlangsung damai",
        "Empirical Software Engineering (2020) 25:4927",
    ],
)
def test_no_false_citations(text):
    assert cites(text) == []


def test_page_and_flags():
    (c,) = extract_citations("(Hidayat, 2015:45)")
    assert c.page == "45" and not c.narrative
    (c,) = extract_citations("(Hidayat, 2015, hlm. 45-47)")
    assert c.page == "45-47"
    (n,) = extract_citations("Kruikemeyer dkk. (2013)")
    assert n.narrative and n.et_al


def test_secondary_citations_name_the_work_read():
    (c,) = extract_citations("Castells (dalam Nasrullah, 2015) menyebut")
    assert (c.authors, c.year, c.original) == (["Nasrullah"], "2015", "Castells")
    (c,) = extract_citations("(Castells, 2009 dalam Nasrullah, 2016)")
    assert (c.authors, c.year, c.original) == (["Nasrullah"], "2016", "Castells")
    (c,) = extract_citations("menurut Habermas (Hardiman, 2009), ruang publik")
    assert (c.authors, c.year, c.original) == (["Hardiman"], "2009", "Habermas")
    (c,) = extract_citations("(Wibowo, 2019)")
    assert c.original == ""


def test_pdf_line_breaks_hyphens_and_spaces():
    text = (
        "periklanan (Rahadi &\nAbdil-\nlah, 2013) dan\u00a0(Kruike-\nmeier\u00a0et al., 2018) "
        "serta O\u2019Neil (2016)"
    )
    found = extract_citations(text)
    assert [(c.authors, c.year) for c in found] == [
        (["Rahadi", "Abdillah"], "2013"),
        (["Kruikemeier"], "2018"),
        (["O'Neil"], "2016"),
    ]
    # offsets point into the text as given
    assert text[found[0].start : found[0].end] == "(Rahadi &\nAbdil-\nlah, 2013)"
    assert text[found[2].start : found[2].end] == "O\u2019Neil (2016)"


def test_accents_set_apart_by_pdf_extraction():
    text = "open coding (Saldana\u02dc 2015) and Saier and Farber \u00a8 (2019) agree"
    assert cites(text) == [(["Saldana"], "2015"), (["Saier", "Farber"], "2019")]


def test_sentence_openers_are_not_authors():
    assert cites("Menurut Penelitian Suriani (2009) ada lima hal.") == [(["Suriani"], "2009")]
    assert cites("Interestingly, Baker et al. (2007) found") == [(["Baker"], "2007")]
    assert cites("Data APJII (2023) menyebut") == [(["APJII"], "2023")]


def test_glued_given_name_and_full_names():
    assert cites("oleh DedenFahruji dan Atef Fahrudin (2023)") == [(["Fahruji", "Fahrudin"], "2023")]


def test_narrative_keeps_a_multiword_surname_the_paper_uses():
    text = "Oude Elberink (2010) shows it, as others did (Oude Elberink et al., 2013)."
    assert cites(text)[0] == (["Oude Elberink"], "2010")
    body = "Ahmad Fauzi Hasan (2019) menulis.\nDaftar Pustaka\nFauzi Hasan, A. (2019). Judul. Jurnal.\n"
    refs = [Section("references", "Daftar Pustaka", body.index("Daftar"), len(body))]
    assert cites(body, refs) == [(["Fauzi Hasan"], "2019")]


def test_missing_opening_parenthesis():
    assert cites("Menurut Triwijayati, Armanu & Solimun, 2011) anak") == [
        (["Triwijayati", "Armanu", "Solimun"], "2011")
    ]


def test_acronym_without_comma_counts_in_papers_that_cite_that_way():
    text = "as reported (WHO 2020a) and (Baruch 2000; Cascio 2000)"
    assert cites(text) == [(["WHO"], "2020a"), (["Baruch"], "2000"), (["Cascio"], "2000")]


def test_reference_list_is_not_mined():
    text = "Isi (Wibowo, 2019).\nDaftar Pustaka\nWibowo, A. (2019). Judul (Sari, 2001)."
    refs = Section(kind="references", heading="Daftar Pustaka", start=text.index("Daftar"), end=len(text))
    found = extract_citations(text, [refs])
    assert [(c.authors, c.year) for c in found] == [(["Wibowo"], "2019")]
    assert text[found[0].start:found[0].end] == "(Wibowo, 2019)"


def test_reference_list_found_by_its_heading_without_sections():
    body = "Pendahuluan.\n" + "Kampanye digital makin penting (Wibowo, 2019). " * 5 + "\n"
    refs = "DAFTAR PUSTAKA\nSari, D. (2001). Judul buku (Putra, 1999). Jakarta: Penerbit.\n"
    assert cites(body + refs) == [(["Wibowo"], "2019")] * 5
    english = "Body (Lim, 2017).\n" * 3 + "References\nLim, M. (2017). Freedom to hate (Tan, 2000).\n"
    assert cites(english) == [(["Lim"], "2017")] * 3


def test_citations_after_the_list_in_an_appendix_count():
    text = "Isi (Wibowo, 2019).\nReferences\nWibowo, A. (2019). Judul.\nAppendix A\nMore (Sari, 2020).\n"
    assert cites(text) == [(["Wibowo"], "2019"), (["Sari"], "2020")]


@pytest.mark.parametrize(
    "text",
    ["Anwar, Md. R. & Uddin, Md. M. (2014). Judul.", "J. K. (2019)", "( , 2019)", "(;;)", "tahun 2020", "(2019)"],
)
def test_odd_text_does_not_break_it(text):
    extract_citations(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AB ab.,;&()\n-:0129dkelntahu", max_size=80))
def test_any_text_gives_citations_inside_it(text):
    for c in extract_citations(text):
        assert 0 <= c.start < c.end <= len(text) and text[c.start : c.end] == c.text
        assert c.authors and all(c.authors) and c.year


def test_a_long_text_gives_every_citation_once():
    """Speed is measured by benchmarks/bench_citations.py; here, that a long text loses nothing."""
    paragraph = (
        "Media sosial mengubah kampanye pada Pemilu 2024 (Wibowo, 2019; Lim, Tan, & Wong, 2018). "
        "Kruikemeyer dkk. (2013) berpendapat bahwa 45% pemilih muda (Tabel 2) aktif sejak 14 Februari 2024; "
        "Menurut UU No. 7 Tahun 2017, Bawaslu mengawasi. Castells (dalam Nasrullah, 2015) menyebut jaringan.\n"
    )
    found = extract_citations(paragraph * 500)
    assert len(found) == 4 * 500
    assert len({c.start for c in found}) == 3 * 500  # one group of two works and two single citations each


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(1, 40)), max_size=40), st.integers(0, 440),
       st.integers(1, 40))
def test_span_overlap_test_agrees_with_the_plain_one(spans, a, length):
    from litreview.text.citations import _Spans

    kept = _Spans()
    for start, size in spans:
        kept.add((start, start + size))
    b = a + length
    assert kept.overlaps(a, b) == any(x < b and a < x + size for x, size in spans)
