"""In-text citations by number ("[3]", "[2, 5]", "[7-9]") in papers with a numbered reference list."""

from __future__ import annotations

from litreview.model import Paper
from litreview.text.enrich import enrich
from litreview.text.numbered import _numbers, numbered_citations

TEXT = """Pendahuluan
Kampanye daring mengubah cara partai menyapa pemilih [1]. Relawan digital menyebarkan konten kandidat [2, 3].
Beberapa kajian memakai analisis sentimen [2]-[3] dan pemodelan topik [4-5]. Angka [2019] bukan rujukan,
begitu pula [99].

Daftar Pustaka
[1] A. Nugroho and B. Lestari, "Kampanye daring partai politik," Jurnal Komunikasi, vol. 3, no. 1, pp. 1-10, 2021.
[2] C. Siregar, "Relawan digital dalam pilkada," Jurnal Politik, vol. 5, pp. 11-20, 2022.
[3] D. Hidayat, E. Putri, and F. Tan, "Analisis sentimen pemilu," Jurnal Informatika, vol. 7, pp. 5-9, 2023.
[4] G. Lubis, "Pemodelan topik berita politik," Jurnal Data, vol. 2, pp. 3-8, 2020.
[5] H. Wibowo, "Topik kampanye di Twitter," Jurnal Media, vol. 4, pp. 1-4, 2019.
"""


def test_each_number_cited_is_a_citation_of_its_entry():
    cited = numbered_citations(TEXT)
    assert [(c.text, c.authors[0], c.year) for c in cited] == [
        ("[1]", "Nugroho", "2021"), ("[2, 3]", "Siregar", "2022"), ("[2, 3]", "Hidayat", "2023"),
        ("[2]", "Siregar", "2022"), ("[3]", "Hidayat", "2023"), ("[4-5]", "Lubis", "2020"),
        ("[4-5]", "Wibowo", "2019")]
    assert all(TEXT[c.start:c.end] == c.text for c in cited)
    assert [c.et_al for c in cited if c.authors[0] == "Hidayat"] == [True, True]  # three authors


def test_ranges_lists_and_what_is_no_range():
    assert _numbers("2, 5") == [2, 5] and _numbers("7-9") == [7, 8, 9] and _numbers("7\u20139, 12") == [7, 8, 9, 12]
    assert _numbers("9-7") == [9, 7] and _numbers("3-200") == [3, 200]


def test_an_author_year_paper_is_left_as_it_was():
    text = ("Pendahuluan\nKampanye daring berkembang (Nugroho, 2021). Siregar (2022) menulis tentang relawan. "
            "Hal yang sama dicatat (Hidayat dkk., 2023) [1].\n\nDaftar Pustaka\n"
            "[1] Nugroho, A. (2021). Kampanye daring. Jurnal Komunikasi.\n"
            "[2] Siregar, C. (2022). Relawan digital. Jurnal Politik.\n"
            "[3] Hidayat, D. (2023). Analisis sentimen. Jurnal Informatika.\n")
    paper = enrich(Paper(title="Kampanye", text=text))
    assert len(paper.citations) == 3 and not any(c.text.startswith("[") for c in paper.citations)


def test_a_numbered_paper_is_enriched_with_its_numbered_citations():
    paper = enrich(Paper(title="Kampanye", text=TEXT))
    assert len(paper.citations) == 7 and paper.citations == sorted(paper.citations, key=lambda c: (c.start, c.end))
    assert numbered_citations("Tanpa daftar pustaka [1] sama sekali.") == []


def test_the_works_a_numbered_paper_cites_count_their_mentions():
    from litreview.synthesis.cited import paper_works

    works = {w.authors[0]: w.mentions for w in paper_works(Paper(title="Kampanye", text=TEXT))}
    assert works == {"Nugroho": 1, "Siregar": 2, "Hidayat": 2, "Lubis": 1, "Wibowo": 1}


def test_initials_printed_against_the_surname_are_initials():
    from litreview.text.references import parse_reference_list

    text = ("Pendahuluan\nSeperti dibahas [1].\n\nDaftar Pustaka\n"
            "[1] J.Siregar, C.Weiß, and F.Lubis, \u201cKampanye daring,\u201d Jurnal Politik, vol. 2, pp. 1-9, 2020.\n"
            "[2] A. Tan, \u201cRelawan digital,\u201d Jurnal Media, vol. 3, pp. 2-8, 2021.\n")
    assert [r.authors for r in parse_reference_list(text)] == [["Siregar", "Weiß", "Lubis"], ["Tan"]]
