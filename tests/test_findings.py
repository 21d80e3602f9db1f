"""Key findings, stated gaps and opportunity/risk framing, on small papers written for the tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litreview.model import Paper
from litreview.synthesis.findings import Finding, display_sentence, gaps, key_findings
from litreview.synthesis.framing import frame_of, framing
from litreview.text.sections import detect_sections
from litreview.themes.tagger import field_text

SAMPLES = sorted((Path(__file__).resolve().parents[1].parent / "shared" / "samples").glob("*.txt"))

INDONESIAN = """Peran Media Sosial dalam Pemilu 2024

Hasil penelitian menunjukkan bahwa kalimat sebelum judul bagian pertama tidak pernah dipakai.

Abstrak
Penelitian ini bertujuan untuk mengetahui peran media sosial dalam kampanye Pemilu 2024. Hasil penelitian \
menunjukkan bahwa Instagram menjadi platform yang paling banyak digunakan oleh para kandidat.

Abstract
This study examines the role of social media in the 2024 election campaign. The results show that Instagram \
was the platform most used by the candidates.

Pendahuluan
Media sosial telah menjadi sarana kampanye yang penting. Hasil penelitian menunjukkan bahwa pendahuluan tidak \
boleh menjadi sumber temuan utama dalam tabel.

Hasil dan Pembahasan
Sebanyak 62% responden memperoleh informasi politik dari TikTok selama masa kampanye berlangsung. Tabel 1 \
menyajikan data pengguna.
Media sosial dipakai sebagai sarana kampanye oleh semua partai peserta pemilu di daerah ini.

Kesimpulan dan Saran
Namun, penelitian ini menemukan bahwa kampanye digital memperluas jangkauan kandidat kepada pemilih muda \
secara nyata. Penelitian selanjutnya disarankan untuk menggunakan data survei nasional yang lebih besar.

Daftar Pustaka
Munadi. (2023). Hasil penelitian menunjukkan bahwa referensi tidak dipakai. Jurnal Politik, 1(2), 10-20.
Cobis, M. Y., & Rusadi, U. (2023). Penelitian selanjutnya disarankan membaca referensi ini. Jurnal Komunikasi, 3(1).
"""

ENGLISH = """Hashtags and Voters

1. Introduction
We find that introductions are never used for findings in this review table at all.

2. Results
Our analysis of 4,500 tweets shows that negative campaigning rose sharply in the final week of the campaign.
Candidates posted mostly during the evening hours of each working day in the period.

3. Discussion
These results suggest that platforms amplified partisan messages more than neutral information overall.
A limitation of this study is that it covers only one platform and one election period.

4. Conclusion
We conclude that hashtag campaigns shaped which issues dominated the online agenda before the vote.
Future research should compare several platforms and track the same accounts across elections.

References
Smith, J. (2020). We find that reference lists never contribute to the findings. Journal of Politics.
Future research on references must never appear. (2021). Journal of Elections.
"""


def make(text: str, **kw) -> Paper:
    return Paper(title="t", text=text, sections=detect_sections(text), **kw)


def verbatim(paper: Paper, found: list[Finding]) -> None:
    for f in found:
        assert field_text(paper, f.field)[f.start : f.end] == f.sentence
        assert f.sentence == f.sentence.strip() and f.sentence


def section_of(paper: Paper, kind: str) -> tuple[int, int]:
    s = next(s for s in paper.sections if s.kind == kind)
    return s.start, s.end


# -- key findings -------------------------------------------------------------------------------
def test_indonesian_findings_are_verbatim_and_from_the_right_sections():
    paper = make(INDONESIAN)
    found = key_findings(paper)
    verbatim(paper, found)
    assert 1 <= len(found) <= 3
    assert found[0].section == "conclusion" and found[0].sentence.startswith("Namun, penelitian ini menemukan")
    assert found[0].display.startswith("Penelitian ini menemukan bahwa kampanye digital")
    assert {f.section for f in found} <= {"conclusion", "results", "abstract"}
    intro_start, intro_end = section_of(paper, "introduction")
    first = paper.sections[0].start
    for f in found:
        assert not intro_start <= f.start < intro_end
        assert f.start >= first  # nothing from before the first heading


def test_reference_list_never_contributes():
    for text in (INDONESIAN, ENGLISH):
        paper = make(text)
        refs_start, _ = section_of(paper, "references")
        for f in key_findings(paper, limit=10) + gaps(paper, limit=10):
            assert f.field != "text" or f.start < refs_start
            assert "referensi" not in f.sentence and "reference" not in f.sentence.lower()


def test_parallel_abstracts_give_one_sentence_not_two():
    paper = make(INDONESIAN)
    found = key_findings(paper, limit=10)
    abstract = [f for f in found if f.section == "abstract"]
    assert len(abstract) == 1
    assert not any("The results show" in f.sentence for f in found) or not any(
        "Hasil penelitian menunjukkan bahwa Instagram" in f.sentence for f in found
    )


def test_both_abstracts_under_one_heading_still_give_one_language():
    text = ("Abstrak\nHasil penelitian menunjukkan bahwa relawan digital berperan besar dalam kampanye di desa.\n"
            "The results show that digital volunteers played a large part in the campaign in the villages.\n\n"
            "Pendahuluan\nTeks pendahuluan yang tidak dipakai sama sekali di sini.\n")
    found = key_findings(make(text), limit=3)
    assert len(found) == 1


def test_two_points_of_one_abstract_are_both_kept():
    paper = Paper(abstract_id="Hasil penelitian menunjukkan bahwa relawan digital berperan besar dalam kampanye. "
                  "Penelitian ini juga menemukan bahwa buzzer politik bekerja secara terorganisir di Twitter.",
                  abstract_en="The results show that digital volunteers played a large part in the campaign.")
    found = key_findings(paper, limit=3)
    verbatim(paper, found)
    assert [f.field for f in found] == ["abstract_id", "abstract_id"]


def test_bibliography_record_uses_its_abstracts_once():
    paper = Paper(
        title="Relawan digital",
        abstract_id="Penelitian ini bertujuan memetakan relawan digital. Hasil penelitian menunjukkan bahwa "
        "relawan digital berpengaruh terhadap pilihan pemilih pemula di Jakarta.",
        abstract_en="This study maps digital volunteers. The results show that digital volunteers influence "
        "the choices of first-time voters in Jakarta.",
    )
    paper.abstract = paper.abstract_id  # importers often fill both
    found = key_findings(paper)
    verbatim(paper, found)
    assert [f.field for f in found] == ["abstract_id"]
    assert found[0].sentence.startswith("Hasil penelitian menunjukkan")
    assert found[0].section == "abstract"


def test_english_findings_ordered_by_score_then_position():
    paper = make(ENGLISH)
    found = key_findings(paper, limit=3)
    verbatim(paper, found)
    assert [f.score for f in found] == sorted((f.score for f in found), reverse=True)
    assert found[0].sentence.startswith("We conclude that hashtag campaigns")
    assert any(f.sentence.startswith("Our analysis of 4,500 tweets") for f in found)
    assert all(f.section in {"results", "discussion", "conclusion"} for f in found)
    assert not any("introductions" in f.sentence for f in found)
    assert key_findings(paper, limit=3) == found  # deterministic


def test_limits():
    paper = make(ENGLISH)
    assert len(key_findings(paper, limit=1)) == 1
    assert key_findings(paper, limit=0) == [] and gaps(paper, limit=0) == []
    assert len(key_findings(paper, limit=2)) == 2
    assert key_findings(Paper(title="Tanpa teks")) == [] and gaps(Paper(title="Tanpa teks")) == []


def test_ties_keep_text_order():
    text = ("Hasil\nPenelitian ini menemukan bahwa relawan digital aktif di kota besar.\n"
            "Penelitian ini menemukan bahwa buzzer politik bekerja secara terorganisir.\n")
    paper = make(text)
    found = key_findings(paper, limit=2)
    assert found[0].score == found[1].score
    assert found[0].start < found[1].start


def test_theme_weight_lifts_a_sentence():
    paper = make(ENGLISH)
    target = "Candidates posted mostly during the evening hours"
    start = paper.text.index(target)

    def weight(field: str, s: int, e: int) -> float:
        return 3.0 if field == "text" and s == start else 0.0

    assert not any(f.sentence.startswith(target) for f in key_findings(paper, limit=3))
    found = key_findings(paper, weight, limit=3)
    verbatim(paper, found)
    assert any(f.sentence.startswith(target) for f in found)


def test_without_any_cue_one_sentence_stands_in():
    text = "Kesimpulan\nKampanye daring berlangsung ramai di berbagai kota besar. Relawan bekerja tanpa henti.\n"
    found = key_findings(make(text), limit=3)
    assert len(found) == 1 and found[0].sentence.startswith("Kampanye daring")


def test_near_duplicates_are_dropped():
    text = ("Kesimpulan\nHasil penelitian menunjukkan bahwa TikTok paling efektif menjangkau pemilih muda. "
            "Dapat disimpulkan bahwa TikTok paling efektif menjangkau pemilih muda di kota. "
            "Hasil penelitian menunjukkan bahwa relawan digital berperan besar dalam mobilisasi.\n")
    found = key_findings(make(text), limit=3)
    assert len(found) == 2
    assert sum("TikTok" in f.sentence for f in found) == 1


def test_inline_abstract_heading_is_not_part_of_the_sentence():
    text = "Judul\n\nAbstract: The results show that memes travel faster than news on every platform studied.\n" \
           "Keywords: memes, elections\n\nIntroduction\nSomething else entirely here in this part.\n"
    paper = make(text)
    found = key_findings(paper)
    verbatim(paper, found)
    assert found[0].sentence.startswith("The results show")


def test_citation_heavy_and_aim_sentences_rank_low():
    text = ("Pembahasan\nHasil ini sejalan dengan temuan Munadi (2023), Fahruji (2023), Cobis (2023) dan Sari (2022). "
            "Penelitian ini bertujuan menguji temuan tentang kampanye digital di media sosial. "
            "Temuan penelitian ini menunjukkan bahwa pemilih muda lebih percaya pada konten video pendek.\n")
    found = key_findings(make(text), limit=3)
    assert found[0].sentence.startswith("Temuan penelitian ini")


def test_a_list_lead_in_passes_its_cue_to_the_first_item():
    text = ("Kesimpulan\nBerdasarkan pembahasan di atas dapat disimpulkan sebagai berikut: 1. Relawan digital "
            "menjadi penggerak utama kampanye kandidat di media sosial. 2. Hoaks menyebar lebih cepat di grup "
            "WhatsApp keluarga.\n")
    paper = make(text)
    found = key_findings(paper, limit=3)
    verbatim(paper, found)
    assert not any(f.sentence.endswith(": 1.") for f in found)  # the lead-in alone says nothing
    assert found[0].sentence.startswith("Relawan digital menjadi penggerak utama")
    assert found[0].display.endswith("media sosial.")  # without the next item's "2."


def test_fragments_tables_and_captions_are_not_findings():
    text = ("Hasil\nTabel 2 Hasil penelitian menunjukkan jumlah pengguna per platform.\n"
            "11% 5,0 0,5 2,6 0,3 1,6 44% 5,0 2,2 3,7 1,7 17% 0,8 1,3 0,2 28% 4,4 1,2.\n"
            "Hasil penelitian menunjukkan bahwa pengguna TikTok lebih aktif berdiskusi tentang politik.\n")
    found = key_findings(make(text), limit=3)
    assert [f.sentence[:40] for f in found] == ["Hasil penelitian menunjukkan bahwa pengg"]


# -- gaps ----------------------------------------------------------------------------------------
def test_indonesian_gaps():
    paper = make(INDONESIAN)
    found = gaps(paper)
    verbatim(paper, found)
    assert [f.sentence for f in found] == [
        "Penelitian selanjutnya disarankan untuk menggunakan data survei nasional yang lebih besar."
    ]
    assert found[0].section == "conclusion"


def test_english_gaps_limit_and_order():
    paper = make(ENGLISH)
    found = gaps(paper)
    verbatim(paper, found)
    assert len(found) == 2
    assert found[0].sentence.startswith("Future research should compare")  # conclusion weighs most
    assert found[1].sentence.startswith("A limitation of this study")
    assert len(gaps(paper, limit=1)) == 1


def test_sarana_is_not_saran():
    paper = make("Kesimpulan\nMedia sosial menjadi sarana kampanye yang murah dan cepat bagi semua kandidat.\n")
    assert gaps(paper) == []


def test_gaps_from_abstracts_of_a_record():
    paper = Paper(abstract_en="We map volunteers in Jakarta. Future research should cover rural districts too.")
    found = gaps(paper)
    verbatim(paper, found)
    assert [f.field for f in found] == ["abstract_en"]


# -- display -------------------------------------------------------------------------------------
def test_display_collapses_space_and_drops_connectives():
    assert display_sentence("Namun,  penggunaan\nmedia sosial meningkat.") == "Penggunaan media sosial meningkat."
    assert display_sentence("Selain itu, relawan bekerja keras.") == "Relawan bekerja keras."
    assert display_sentence("Oleh karena itu, kampanye perlu diawasi.") == "Kampanye perlu diawasi."
    assert display_sentence("However, the results differ by region.") == "The results differ by region."
    assert display_sentence("In addition, turnout rose in every district.") == "Turnout rose in every district."
    assert display_sentence("Therefore, regulators should act quickly.") == "Regulators should act quickly."
    assert display_sentence("Namun demikian, hasilnya beragam sekali.") == "Hasilnya beragam sekali."
    assert display_sentence("Makassar menjadi kota dengan pengguna terbanyak.").startswith("Makassar")
    assert display_sentence("Namun, begitu.") == "Namun, begitu."  # too little would be left


WORDS = re.compile(r"\S+")


@pytest.mark.parametrize(
    "sentence",
    [
        "Media sosial " + "sangat " * 80 + "berpengaruh.",
        "Kampanye digital memperluas jangkauan kandidat, " * 8 + "dan akhirnya selesai.",
        "Partai politik memakai media sosial; " * 10 + "selesai.",
        "Pemilih muda memperoleh informasi politik dari TikTok dan Instagram " * 6,
    ],
)
def test_display_cuts_long_sentences_cleanly(sentence):
    shown = display_sentence(sentence)
    collapsed = " ".join(sentence.split())
    assert len(shown) <= 240 and shown.endswith("\u2026")
    body = shown[:-1]
    assert collapsed.startswith(body)
    following = collapsed[len(body) : len(body) + 1]
    assert following in (" ", ",", ";")  # the cut falls between words, never inside one
    assert not body.endswith((",", ";", " "))
    assert body.split()[-1] not in ("dan", "yang", "and", "the")


def test_display_prefers_a_clause_boundary():
    sentence = ("Penelitian ini menemukan bahwa kampanye digital memperluas jangkauan kandidat kepada pemilih muda "
                "di kota-kota besar maupun di daerah pedesaan yang sebelumnya sulit dijangkau oleh tim kampanye; "
                "namun demikian, penyebaran hoaks dan ujaran kebencian juga meningkat tajam selama masa tenang "
                "menjelang hari pemungutan suara.")
    shown = display_sentence(sentence)
    assert shown.endswith("sulit dijangkau oleh tim kampanye\u2026")


def test_display_keeps_short_sentences_whole():
    assert display_sentence("Hasil penelitian menunjukkan pengaruh yang kuat.") == (
        "Hasil penelitian menunjukkan pengaruh yang kuat."
    )


# -- framing -------------------------------------------------------------------------------------
def test_frame_of_single_sentences():
    assert frame_of("Media sosial membuka peluang besar bagi kandidat muda.") == "opportunity"
    assert frame_of("Berpeluang menang, peluangnya terbuka.") == "opportunity"
    assert frame_of("Hoaks menjadi ancaman serius dan berisiko bagi demokrasi.") == "risk"
    assert frame_of("Penggunaan media sosial dapat menimbulkan dampak negatif.") == "risk"
    assert frame_of("Social media empowers young voters and enhances participation.") == "opportunity"
    assert frame_of("Disinformation threatens and undermines electoral trust.") == "risk"
    assert frame_of("Pemilu diselenggarakan pada bulan Februari.") is None
    assert frame_of("Ada peluang sekaligus tantangan.") is None  # one each: no side wins
    assert frame_of("Kanal yang sama dapat menjadi corong narasi kebencian antarkelompok.") == "risk"
    assert frame_of("Anonymous accounts spread hateful messages before the vote.") == "risk"
    assert frame_of("Keunggulan kedua kampanye daring adalah penargetan pemilih.") == "opportunity"


def test_frame_cues_need_whole_words_and_respect_negation():
    assert frame_of("Media sosial menjadi sarana kampanye yang tidak efektif.") is None
    assert frame_of("The campaign was not effective.") is None
    assert frame_of("The ineffective campaign ended.") is None  # "ineffective" is not "effective"
    assert frame_of("Kandidat memanfaatkan media sosial setiap hari.") is None  # "to use", not "benefit"
    assert frame_of("Rumusan masalah penelitian ini adalah peran media sosial.") is None
    assert frame_of("Algoritma meningkatkan risiko polarisasi.") == "risk"  # more risk is no opportunity
    assert frame_of("Masalah-masalah kampanye daring.") == "risk"


def test_framing_over_sentences():
    assert framing([]) == ("neutral", 0, 0)
    assert framing(["Pemilu diselenggarakan pada bulan Februari."]) == ("neutral", 0, 0)
    assert framing(["Media sosial bermanfaat dan efektif.", "Ada tantangan."]) == ("mixed", 2, 1)
    assert framing(["Peluang, manfaat dan potensi besar.", "Ada tantangan."]) == ("opportunity", 3, 1)
    assert framing(["Hoaks merupakan ancaman, bahaya dan risiko.", "Ada potensi."]) == ("risk", 1, 4)
    assert framing(iter(["Opportunities and benefits.", "Risks and threats."])) == ("mixed", 2, 2)


# -- real samples (read at run time from ../shared/samples) ----------------------------------------
@pytest.mark.shared
@pytest.mark.skipif(not SAMPLES, reason="../shared/samples is not present")
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_papers_give_verbatim_findings(path):
    from litreview.add import add_paths
    from litreview.store import Corpus

    corpus = Corpus.in_memory()
    try:
        report = add_paths(corpus, [str(path)])
        assert report.added
        paper = corpus.get(report.added[0][0])
    finally:
        corpus.close()
    found = key_findings(paper)
    assert 1 <= len(found) <= 3
    verbatim(paper, found)
    verbatim(paper, gaps(paper))
    for f in found:
        assert f.section in {"results", "discussion", "conclusion", "abstract"}
        assert len(f.display) <= 240


def test_a_sentence_tied_to_the_one_before_is_no_annotation_or_finding():
    """"Sehingga ..." is the second half of the sentence before it: an annotation never quotes it, and
    the key findings leave it out, however strong its cue."""
    from litreview.synthesis.annotate import annotate

    abstract = ("Tujuan penelitian ini adalah memetakan peran relawan digital dalam kampanye pemilihan kepala "
                "daerah. Data dikumpulkan melalui wawancara dengan dua belas relawan di tiga kabupaten. "
                "Sehingga hasil penelitian menunjukkan bahwa relawan digital memperluas jangkauan pesan kandidat "
                "di kalangan pemilih muda.")
    paper = Paper(title="Relawan digital dalam pilkada", abstract=abstract, language="id")
    assert not annotate(paper, "id").finding.startswith("Sehingga")
    assert not any(f.sentence.startswith("Sehingga") for f in key_findings(paper, None, limit=3))


def test_a_keyword_list_left_in_an_abstract_is_no_finding():
    from litreview.synthesis.findings import paper_findings
    from litreview.themes.codebook import load_codebook
    from litreview.themes.tagger import Tagger

    # the list names many themes, so their weight would choose it over the paper's own sentences
    paper = Paper(key="k", title="Identity Politics in a City Election", abstract_en=(
        "This article looks back at a city election marked by street rallies against a minority candidate. "
        "The campaign period saw religious sentiment spread through social media groups. "
        "Keywords: polarization, identity politics, hoaxes, hate speech, echo chambers, political participation."))
    evidence = [e for t in Tagger(load_codebook()).tag(paper).tags for e in t.evidence]
    found, _ = paper_findings(paper, evidence)
    assert found and not any("Keywords" in f for f in found)
    indonesian = Paper(key="i", title="Relawan Digital", abstract_id=(
        "Tulisan ini menelusuri kerja relawan digital di sebuah kota. "
        "Kata kunci: hoaks, polarisasi, politik identitas, ujaran kebencian, partisipasi politik."))
    evidence = [e for t in Tagger(load_codebook()).tag(indonesian).tags for e in t.evidence]
    found, _ = paper_findings(indonesian, evidence)
    assert not any("Kata kunci" in f for f in found)


def test_an_annotation_never_ends_on_the_keyword_list():
    from litreview.synthesis.annotate import annotate

    paper = Paper(key="k", title="Relawan Digital di Kota Kecil", abstract=(
        "Tulisan ini bertujuan menelusuri kerja relawan digital di sebuah kota kecil menjelang pilkada. "
        "Pemerintah kota diharapkan memperkuat pendidikan politik bagi warga yang aktif di grup percakapan. "
        "Kata kunci: relawan digital, pilkada, pendidikan politik, grup percakapan warga."))
    note = annotate(paper)
    assert "Kata kunci" not in note.text and "Pemerintah kota diharapkan" in note.finding


def test_a_closing_formula_run_into_the_last_point_is_left_out():
    # written for the test: the splitter keeps the two together (no capital after the stop)
    text = ("Pendahuluan\nRelawan digital makin sering dipakai dalam kampanye pilkada di media sosial.\n\n"
            "Kesimpulan\nRelawan menyebarkan konten kandidat setiap hari. Demikian opini dari penulis. pada intinya, "
            "hasil kajian menunjukkan bahwa partai perlu melatih relawan digital sejak awal masa kampanye.\n")
    found = key_findings(make(text), limit=3)
    assert any(f.sentence.startswith("pada intinya, hasil kajian menunjukkan") for f in found)
    assert not any("Demikian" in f.sentence for f in found)
    assert found[0].sentence.startswith("pada intinya")  # not marked down as a fragment cut by a page break
    # "Demikian pula ..." is a connective, not a closing formula: the sentence stays whole
    kept = key_findings(make("Kesimpulan\nDemikian pula hasil penelitian menunjukkan bahwa relawan digital menaikkan "
                             "elektabilitas kandidat secara nyata.\n"), limit=3)
    assert kept and kept[0].sentence.startswith("Demikian pula hasil penelitian")
