"""Sentence case for APA titles, BibTeX's protected words, journal fields that carry their
numbers, and institutions written as one name."""

from __future__ import annotations

import pytest

from litreview.export.bibtex import protect_title
from litreview.ingest.fields import split_container
from litreview.text.names import parse_name
from litreview.text.titlecase import protected_words, sentence_case, title_case


@pytest.mark.parametrize(("title", "expected"), [
    ("Strategi Komunikasi KPU Kabupaten Sleman dalam Sosialisasi Pilkada",
     "Strategi komunikasi KPU Kabupaten Sleman dalam sosialisasi Pilkada"),
    ("SISTEM INFORMASI REKAPITULASI SUARA BERBASIS WEB", "Sistem informasi rekapitulasi suara berbasis web"),
    ("PERAN MEDIA SOSIAL DALAM PILKADA DKI JAKARTA", "Peran media sosial dalam Pilkada DKI Jakarta"),
    ("The Use of TikTok and Instagram by Gen Z Voters: A Case Study of Jakarta",
     "The use of TikTok and Instagram by Gen Z voters: A case study of Jakarta"),
    ("Hoaks di WhatsApp Menjelang Pemilu 2024 di Kota Bandung, Jawa Barat",
     "Hoaks di WhatsApp menjelang Pemilu 2024 di Kota Bandung, Jawa Barat"),
    ("Peran DPR dan Bawaslu dalam Mengawasi Kampanye Prabowo di YouTube dan X",
     "Peran DPR dan Bawaslu dalam mengawasi kampanye Prabowo di YouTube dan X"),
    ("Politik Identitas di Indonesia Pasca-Reformasi", "Politik identitas di Indonesia pasca-Reformasi"),
    # already in sentence case: left as written (its capitals are the author's)
    ("Pedoman penulisan skripsi Fakultas Ilmu Sosial", "Pedoman penulisan skripsi Fakultas Ilmu Sosial"),
    ("Islamic populism in Indonesia and the Middle East", "Islamic populism in Indonesia and the Middle East"),
    ("Hoaks", "Hoaks"),
    ("", ""),
    # chemical symbols keep their case, in Title Case and in capitals; "In" stays a word
    ("Analisis Kandungan Pb Dan Cu Pada Air Sungai", "Analisis kandungan Pb dan Cu pada air sungai"),
    ("KADAR LOGAM BERAT PB DAN HG PADA IKAN", "Kadar logam berat Pb dan Hg pada ikan"),
    ("The Role of H2O2 and NaCl In Plant Cells", "The role of H2O2 and NaCl in plant cells"),
    ("KAMPANYE DI TIKTOK DAN YOUTUBE", "Kampanye di TikTok dan YouTube"),  # names keep their inner capitals
    ("[Seri 3] Relawan Digital di Pilkada", "[Seri 3] Relawan digital di Pilkada"),  # the title starts after a label
    # the main title in capitals, the subtitle in sentence case: the main title is recased
    ("PERAN RELAWAN DIGITAL DI PILKADA DKI: studi kasus Twitter",
     "Peran relawan digital di Pilkada DKI: Studi kasus Twitter"),
    ("IDENTITY POLITICS AS a SECURITY THREAT: A case of the 2017 Jakarta election",
     "Identity politics as a security threat: A case of the 2017 Jakarta election"),
])
def test_sentence_case(title: str, expected: str) -> None:
    assert sentence_case(title) == expected
    assert sentence_case(expected) == expected  # idempotent


@pytest.mark.parametrize(("title", "expected"), [
    # how the text cites a work by its title (APA 7): major words capitalised, minor ones not
    ("Hoaks politik menjelang pemilu", "Hoaks Politik menjelang Pemilu"),  # PUEBI: a preposition stays low
    ("Relawan digital dan kampanye terhadap pemilih muda", "Relawan Digital dan Kampanye terhadap Pemilih Muda"),
    ("the effect of online ads on turnout", "The Effect of Online Ads on Turnout"),
    ("Voting between parties: a study", "Voting Between Parties: A Study"),  # four letters or more: capital
    ("PERAN BAWASLU DALAM PENGAWASAN KAMPANYE DI TIKTOK", "Peran Bawaslu dalam Pengawasan Kampanye di TikTok"),
    ("SURVEI PEMILIH DKI JAKARTA", "Survei Pemilih DKI Jakarta"),
    ("Opini pro-pemerintah di YouTube", "Opini Pro-Pemerintah di YouTube"),
])
def test_title_case(title: str, expected: str) -> None:
    assert title_case(title) == expected
    assert title_case(expected) == expected


def test_protected_words_and_bibtex_braces() -> None:
    assert protected_words("Hoaks di WhatsApp Menjelang Pemilu 2024") == ["WhatsApp", "Pemilu"]
    assert protected_words("Media sosial dan pemilih muda di Jakarta") == ["Jakarta"]
    assert protect_title("Literasi Digital Gen Z & KPU: 50% Hoaks") == \
        "Literasi Digital {Gen} {Z} \\& {KPU}: 50\\% Hoaks"


@pytest.mark.parametrize(("journal", "expected"), [
    ("Jurnal Informatika, Vol.5, No. 1, Juni 2009", ("Jurnal Informatika", "5", "1")),
    ("Jurnal Politik Vol 3 No 2 (2020)", ("Jurnal Politik", "3", "2")),
    ("Jurnal Komunikasi, Volume 12, Nomor 1", ("Jurnal Komunikasi", "12", "1")),
    ("Jurnal X Vol. 4(2)", ("Jurnal X", "4", "2")),
    ("Journal of Communication", ("Journal of Communication", "", "")),
    ("Vol. 5", ("Vol. 5", "", "")),
])
def test_split_container(journal: str, expected: tuple[str, str, str]) -> None:
    assert split_container(journal) == expected


@pytest.mark.parametrize("name", ["FMIPA UNJ", "Komisi Pemilihan Umum", "Pew Research Center",
                                  "Universitas Negeri Jakarta", "Badan Pusat Statistik"])
def test_institutions_are_one_name(name: str) -> None:
    assert parse_name(name).literal == name


@pytest.mark.parametrize("name", ["Mikhael Yulius Cobis", "AHMAD FAUZI", "Udi Rusadi"])
def test_people_are_still_people(name: str) -> None:
    assert not parse_name(name).literal


@pytest.mark.parametrize(("name", "expected"), [
    ("Jurnal Sistem Informasi Dan Komputer", "Jurnal Sistem Informasi dan Komputer"),  # PUEBI: "dan" low
    ("Journal Of Electoral Studies", "Journal of Electoral Studies"),
    ("JURNAL KOMUNIKASI POLITIK NUSANTARA", "Jurnal Komunikasi Politik Nusantara"),
    ("PLOS ONE", "PLOS ONE"),  # short names in capitals may be the journal's own styling
    ("IEEE Access", "IEEE Access"),
    ("Prosiding Seminar (Dan Lokakarya) Nasional", "Prosiding Seminar (Dan Lokakarya) Nasional"),
])
def test_periodical_case(name: str, expected: str) -> None:
    from litreview.text.titlecase import periodical_case

    assert periodical_case(name) == expected


def test_a_reference_gives_the_journal_in_title_case() -> None:
    from litreview.model import Paper, Person
    from litreview.synthesis.references import format_references, resolve_style

    paper = Paper(key="k", title="Kampanye daring", year=2024, authors=[Person(family="Lubis", given="Ayu")],
                  journal="JURNAL KOMUNIKASI POLITIK NUSANTARA", entry_type="article")
    assert "Jurnal Komunikasi Politik Nusantara" in str(format_references([paper], resolve_style())["k"])
