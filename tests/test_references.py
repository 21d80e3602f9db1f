"""Reference lists: finding them, splitting and reading entries, linking in-text citations."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.model import Citation, Reference
from litreview.text.citations import extract_citations
from litreview.text.references import find_reference_list, link_citations, parse_reference_list, surname_key

# Written for these tests: an Indonesian paper's end, as PDF text comes out (wrapped lines,
# a hyphen at a line end, a running header and a page number inside the list).
APA_LIST = """Hasil dan Pembahasan
Kampanye daring makin penting (Kruikemeyer dkk., 2013; Badan Pusat Statistik, 2023).
Munadi (2023) dan Lim (2017a) menulis hal serupa; lihat juga (van Dijk, 2020; Abdul Rahman, 2019).
Daftar Pustaka
Abdul Rahman, H. (2019). Politik identitas di media sosial: Studi kasus Pilkada
DKI. Jurnal Ilmu Politik, 10(2), 33-50. https://doi.org/10.1234/jip.v10i2.55
Badan Pusat Statistik. (2023). Statistik telekomunikasi Indonesia 2022. Jakarta: BPS.
Kruikemeier, S., van Noort, G., Vliegenthart, R., & de Vreese, C. H. (2013). Getting closer:
The effects of personalized and interactive online political communication. European Journal of Com-
munication, 28(1), 53-66.
Jurnal Studi Politik Vol. 3 No. 1
12
Lim, M. (2017a). Freedom to hate: Social media, algorithmic enclaves, and the rise of tribal
nationalism in Indonesia. Critical Asian Studies, 49(3), 411-427.
Lim, M. (2017b). Digital media and Malaysia's electoral reform movement. In Digital
activism (pp. 10-20). Routledge.
Munadi. (2023). Perilaku politik generasi milenial menjelang pemilu. Jurnal Demokrasi, 4(1), 1-12.
Setiawan, Budi. 2015. Komunikasi politik di era digital. Bandung: Remaja.
van Dijk, J. (2020). The network society (4th ed.). Sage.
Jurnal Studi Politik Vol. 3 No. 1
Lampiran
Tabel A1 (Wibowo, 2019).
"""

IEEE_LIST = """I. INTRODUCTION
Numbers cite here [1], [2].
REFERENCES
[1] A. Prasetyo, B. Santoso, and C. Wijaya, "Detecting hoaxes in Indonesian tweets with
transformers," in Proc. Int. Conf. Data Science, 2021, pp. 1-6.
[2] D. Kurniawan and E. Putri, "Sentiment of election talk on Twitter," J. Inf. Syst.,
vol. 12, no. 3, pp. 100-110, Mar. 2020, doi: 10.5555/jis.2020.12.
[3] F. Hakim, Data Mining for Beginners. Jakarta: Informatika, 2018.
"""


def sections_of(text):
    from litreview.text.sections import detect_sections

    return detect_sections(text)


def test_find_reference_list_from_sections_ends_at_lampiran():
    span = find_reference_list(APA_LIST, sections_of(APA_LIST))
    assert span is not None
    body = APA_LIST[span[0] : span[1]]
    assert body.startswith("Daftar Pustaka") and "van Dijk, J." in body and "Lampiran" not in body


def test_find_reference_list_from_a_heading_line_alone():
    text = "Isi tulisan.\n" * 5 + "Referensi\nSari, D. (2001). Judul. Penerbit.\nBiodata Penulis\nSari lahir ...\n"
    span = find_reference_list(text, [])
    assert span is not None
    assert text[span[0] : span[1]] == "Referensi\nSari, D. (2001). Judul. Penerbit.\n"
    assert find_reference_list("No list here (Sari, 2001).", []) is None


def test_parse_apa_list():
    refs = parse_reference_list(APA_LIST, sections_of(APA_LIST))
    assert [(r.authors[:2], r.year) for r in refs] == [
        (["Abdul Rahman"], "2019"),
        (["Badan Pusat Statistik"], "2023"),
        (["Kruikemeier", "van Noort"], "2013"),
        (["Lim"], "2017a"),
        (["Lim"], "2017b"),
        (["Munadi"], "2023"),
        (["Setiawan"], "2015"),
        (["van Dijk"], "2020"),
    ]
    rahman, bps, kruik = refs[0], refs[1], refs[2]
    assert rahman.title == "Politik identitas di media sosial: Studi kasus Pilkada DKI"
    assert rahman.venue == "Jurnal Ilmu Politik"
    assert rahman.doi == "10.1234/jip.v10i2.55"
    assert bps.title == "Statistik telekomunikasi Indonesia 2022"
    assert kruik.authors == ["Kruikemeier", "van Noort", "Vliegenthart", "de Vreese"]
    assert kruik.venue == "European Journal of Communication"  # hyphenated line end rejoined
    assert "Jurnal Studi Politik Vol. 3" not in kruik.raw and " 12 " not in kruik.raw  # header, page number
    assert refs[6].title == "Komunikasi politik di era digital"
    for ref in refs:
        assert APA_LIST[ref.start : ref.end].split("\n")[0] in ref.raw


def test_parse_numbered_ieee_list():
    refs = parse_reference_list(IEEE_LIST, sections_of(IEEE_LIST))
    assert [(r.authors, r.year) for r in refs] == [
        (["Prasetyo", "Santoso", "Wijaya"], "2021"),
        (["Kurniawan", "Putri"], "2020"),
        (["Hakim"], "2018"),
    ]
    assert refs[0].title == "Detecting hoaxes in Indonesian tweets with transformers"
    assert refs[1].doi == "10.5555/jis.2020.12"
    assert refs[2].title == "Data Mining for Beginners"


def test_numbered_list_with_dots_and_harvard_years():
    text = "Isi.\nDAFTAR PUSTAKA\n1. Nugroho, A. 2012. Demokrasi digital. Yogyakarta: Gadjah Mada Press.\n" \
           "2. Syarief, R. dan Wibowo, T. 2014. Politik dan\ninternet. Jakarta: Kompas.\n"
    refs = parse_reference_list(text)
    assert [(r.authors, r.year, r.title) for r in refs] == [
        (["Nugroho"], "2012", "Demokrasi digital"),
        (["Syarief", "Wibowo"], "2014", "Politik dan internet"),
    ]


def test_display_order_author_lists_wrapping_over_lines():
    text = "Body.\nReferences\nKyle Lo, Lucy Lu Wang, Mark Neumann, Rodney Kinney, and Daniel S.\n" \
           "Weld. 2020. S2ORC: The semantic scholar open research corpus. In Proceedings of ACL.\n" \
           "Iz Beltagy, Kyle Lo, and Arman Cohan. 2019. SciBERT: A pretrained language model for\n" \
           "scientific text. In Proceedings of EMNLP.\n"
    refs = parse_reference_list(text)
    assert [(r.authors[0], r.year) for r in refs] == [("Lo", "2020"), ("Beltagy", "2019")]
    assert refs[0].title == "S2ORC: The semantic scholar open research corpus"


def test_years_without_date_and_undated():
    text = "Isi.\nDaftar Pustaka\nKPU. (t.t.). Data pemilih. Jakarta: KPU.\nSari, D. (n.d.). Catatan. Blog.\n"
    refs = parse_reference_list(text)
    assert [(r.authors, r.year) for r in refs] == [(["KPU"], "n.d."), (["Sari"], "n.d.")]


def test_no_list_gives_nothing():
    assert parse_reference_list("Hanya isi, tanpa daftar pustaka.") == []


@pytest.mark.parametrize(
    "name, key",
    [
        ("van Dijk", "dijk"),
        ("Van Dijk", "dijk"),
        ("Dijk", "dijk"),
        ("de Vreese", "vreese"),
        ("al-Farabi", "farabi"),
        ("Pecoti\u0107", "pecotic"),
        ("Abdul Rahman", "abdulrahman"),
        ("Smith-Jones", "smithjones"),
        ("O\u2019Neil", "oneil"),
        ("Van", "van"),
    ],
)
def test_surname_key(name, key):
    assert surname_key(name) == key


def cite(authors, year, et_al=False):
    return Citation(text="", authors=authors, year=year, start=0, end=0, et_al=et_al)


def test_link_citations_in_the_apa_fixture():
    refs = parse_reference_list(APA_LIST, sections_of(APA_LIST))
    citations = extract_citations(APA_LIST, sections_of(APA_LIST))
    linked = link_citations(citations, refs)
    assert [(c.authors[0], c.year, refs[i].authors[0] if i is not None else None)
            for c, i in zip(citations, linked, strict=True)] == [
        ("Kruikemeyer", "2013", "Kruikemeier"),  # a spelling variant
        ("Badan Pusat Statistik", "2023", "Badan Pusat Statistik"),
        ("Munadi", "2023", "Munadi"),
        ("Lim", "2017a", "Lim"),
        ("van Dijk", "2020", "van Dijk"),
        ("Abdul Rahman", "2019", "Abdul Rahman"),
        ("Wibowo", "2019", None),  # in the appendix, after the list
    ]
    assert refs[linked[3]].title.startswith("Freedom to hate")


def test_link_year_letters_and_ambiguity():
    refs = [
        Reference(raw="", authors=["Lim"], year="2017a"),
        Reference(raw="", authors=["Lim"], year="2017b"),
        Reference(raw="", authors=["Tapsell"], year="2017"),
    ]
    assert link_citations([cite(["Lim"], "2017b")], refs) == [1]
    assert link_citations([cite(["Lim"], "2017")], refs) == [None]  # which one of the two?
    assert link_citations([cite(["Tapsell"], "2017a")], refs) == [2]  # the list did not letter it
    assert link_citations([cite(["Tapsell"], "2018")], refs) == [None]
    assert link_citations([cite(["Lim"], "2017")], refs[:1]) == [0]


def test_link_prefers_agreeing_coauthors_and_reads_names_loosely():
    refs = [
        Reference(raw="", authors=["Aspinall", "Mietzner"], year="2019"),
        Reference(raw="", authors=["Aspinall", "Berenschot"], year="2019"),
        Reference(raw="", authors=["Dijk"], year="2006"),
        Reference(raw="", authors=["Komisi Pemilihan Umum"], year="2024"),
        Reference(raw="", authors=["Rahman"], year="2019"),
        Reference(raw="", authors=["Badan Pengawas Obat dan Makanan (BPOM)"], year="2010"),
    ]
    citations = [
        cite(["Aspinall", "Berenschot"], "2019"),
        cite(["Aspinall", "Mietzner"], "2019"),
        cite(["Van Dijk"], "2006"),
        cite(["KPU"], "2024"),
        cite(["Abdul Rahman"], "2019"),
        cite(["Nobody"], "2019"),
        cite(["BPOM"], "2010"),
    ]
    assert link_citations(citations, refs) == [1, 0, 2, 3, 4, None, 5]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AB ab.,;&()[]\n-:0129\"References", max_size=120))
def test_any_text_gives_entries_inside_it(text):
    refs = parse_reference_list("Body.\nReferences\n" + text)
    full = "Body.\nReferences\n" + text
    for ref in refs:
        assert 0 <= ref.start < ref.end <= len(full)
    assert len(link_citations([cite(["Ab"], "2019")], refs)) == 1


def test_link_with_nothing():
    assert link_citations([], []) == []
    assert link_citations([cite(["Lim"], "2017")], []) == [None]
    assert link_citations([cite([], "2017")], [Reference(raw="x", authors=["Lim"], year="2017")]) == [None]


def test_labelled_list_springer_style_and_merged_lines():
    labelled = "Isi.\nReferensi\n[Sco94] Scott, G. M. (1994). Sistem informasi. Jakarta :\nPT. Grafindo.\n" \
               "[Kad99] Kadir, A. (1999). Basis data. Yogyakarta : Andi.\n"
    assert [(r.authors, r.year, r.title) for r in parse_reference_list(labelled)] == [
        (["Scott"], "1994", "Sistem informasi"),
        (["Kadir"], "1999", "Basis data"),
    ]
    springer = "Body.\nReferences\nBaltes S, Ralph P (2022) Sampling in research. Empir Softw Eng 27(4):94\n" \
               "Masse M (2011) REST API design rulebook. O'Reilly, Sebastopol\n"
    assert [(r.authors, r.year) for r in parse_reference_list(springer)] == [
        (["Baltes", "Ralph"], "2022"),
        (["Masse"], "2011"),
    ]
    merged = "Isi.\nDaftar Pustaka\nAnonim. 2002. Bahan pelatihan. Jakarta: Depdiknas. Cascio, W. F., dan Awad, " \
             "E. 1981. Human resources.\nBadan Akreditasi Nasional Perguruan Tinggi Tahun 2008. Standar akreditasi.\n"
    refs = parse_reference_list(merged)
    assert [(r.authors, r.year) for r in refs] == [
        (["Anonim"], "2002"),
        (["Cascio", "Awad"], "1981"),
        (["Badan Akreditasi Nasional Perguruan Tinggi"], "2008"),
    ]
    assert merged[refs[1].start : refs[1].end] == "Cascio, W. F., dan Awad, E. 1981. Human resources."
