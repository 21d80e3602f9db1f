"""Affiliations and low-confidence fields from PDFs (show, matrix, edit), and the metadata of a
plain text without front matter: title, byline, date line, key, titles kept in step by edit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED

from litreview.dedup import make_key_base
from litreview.ingest.text import read as read_text
from litreview.model import Paper

PDF = FIXTURES / "pdf" / "bilingual_article.pdf"
IMAGE_ONLY = FIXTURES / "pdf" / "image_only.pdf"


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\ntext = p.read_text()\n" + body
                      + "\np.write_text(text)\n")
    return f"{sys.executable} {script}"


def _text(tmp_path: Path, name: str, content: str) -> Paper:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return read_text(path.read_bytes(), name).papers[0]


# --------------------------------------------------------------------------- PDF affiliations


def test_show_prints_each_authors_affiliation_and_email(run) -> None:
    assert run("add", str(PDF)).exit_code == 0
    key = json.loads(run("list", "--format", "json").stdout)[0]["key"]
    shown = run("show", key).stdout
    assert "Rina Wulandari: Program Studi Ilmu Komunikasi, Universitas Harapan Bangsa, Jakarta; " \
           "rina.wulandari@uhb.example.ac.id" in shown
    assert "Munadi: Departemen Ilmu Politik, Universitas Lembah Hijau, Bandung" in shown
    data = json.loads(run("show", key, "--format", "json").stdout)
    assert len(data["affiliations"]) == 3 and data["low_confidence"] == {}


def test_matrix_has_an_affiliations_column_on_request(run) -> None:
    run("add", str(PDF))
    run("tag")
    table = run("table", "matrix", "--columns", "citation,affiliations", "--format", "json")
    assert table.exit_code == 0, table.stderr
    assert "Wulandari: Program Studi Ilmu Komunikasi" in table.stdout
    plain = run("table", "matrix", "--format", "json")
    assert "Universitas Lembah Hijau" not in plain.stdout  # not a default column
    for lang in ("en", "id"):
        head = run("table", "matrix", "--columns", "citation,affiliations", "--lang", lang).stdout
        assert ("Affiliations" if lang == "en" else "Afiliasi") in head
    bad = run("table", "matrix", "--columns", "citation,afiliasi")
    assert bad.exit_code == 2 and "unknown column 'afiliasi'" in bad.stderr


def test_low_confidence_fields_are_marked_until_edited(run, tmp_path, monkeypatch) -> None:
    assert run("add", str(IMAGE_ONLY)).exit_code == 0  # title and author from the PDF's metadata only
    key = json.loads(run("list", "--format", "json").stdout)[0]["key"]
    shown = run("show", key).stdout
    assert "authors?" in shown and "read with low confidence" in shown
    assert "authors from the PDF's metadata" in shown
    data = json.loads(run("show", key, "--format", "json").stdout)
    assert set(data["low_confidence"]) == {"title", "authors"}
    monkeypatch.setenv("EDITOR", _editor(tmp_path, 'text = text.replace("family: Lestari", "family: Lestaria")'))
    assert run("edit", key).exit_code == 0
    data = json.loads(run("show", key, "--format", "json").stdout)
    assert set(data["low_confidence"]) == {"title"}  # the edited field is no longer a guess


def test_affiliations_survive_edit(run, tmp_path, monkeypatch) -> None:
    run("add", str(PDF))
    key = json.loads(run("list", "--format", "json").stdout)[0]["key"]
    monkeypatch.setenv("EDITOR", _editor(tmp_path, 'text = text.replace("Surabaya", "Surabaya Timur")'))
    result = run("edit", key)
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("show", key, "--format", "json").stdout)
    assert data["affiliations"][-1].endswith("Surabaya Timur")
    assert data["authors"][0]["email"] == "rina.wulandari@uhb.example.ac.id"


# --------------------------------------------------------------------------- text without front matter


def test_text_heading_byline_and_date_line(tmp_path) -> None:
    paper = _text(tmp_path, "catatan.md", "# Relawan Digital di Kampung Kami\n\nOleh: Sri Rahayu dan Munadi\n\n"
                  "Yogyakarta, 14 Februari 2024\n\nPara relawan menyebarkan ajakan memilih lewat grup warga.\n")
    assert paper.title == "Relawan Digital di Kampung Kami"
    assert [p.display() for p in paper.authors] == ["Sri Rahayu", "Munadi"]
    assert (paper.year, paper.date) == (2024, "2024-02-14")
    assert make_key_base(paper) == "rahayu2024"


def test_text_english_byline_and_labelled_date(tmp_path) -> None:
    paper = _text(tmp_path, "note.txt", "Volunteers and the Village Vote\nBy Alan Brooks\n"
                  "Published: 2022-11-03\n\nVolunteers spread calls to vote through neighbourhood chats.\n")
    assert paper.title == "Volunteers and the Village Vote"
    assert paper.authors[0].surname == "Brooks"
    assert (paper.year, paper.date) == (2022, "2022-11-03")


def test_text_sentences_that_look_like_bylines_or_dates_are_not(tmp_path) -> None:
    paper = _text(tmp_path, "esai.txt", "Catatan Pemilu Kampus\n\nPenulis mengamati bahwa tagar kampanye "
                  "menyebar cepat di antara mahasiswa pada 5 Maret 2021 dan sesudahnya di berbagai kota.\n"
                  "Oleh karena itu, pengamatan ini perlu diulang.\n")
    assert paper.authors == [] and paper.year is None


def test_text_without_a_title_line_takes_its_first_sentence_and_says_so(tmp_path) -> None:
    body = ("Kampanye daring di tingkat desa makin sering memakai grup percakapan warga. " * 3).strip()
    paper = _text(tmp_path, "000_ab12cd34ef56.txt", body + "\n")
    assert paper.title == "Kampanye daring di tingkat desa makin sering memakai grup percakapan warga"
    assert "title" in paper.low_confidence
    assert any("first sentence stands in" in w for w in paper.warnings)
    assert make_key_base(paper) == "kampanyend"


def test_edit_keeps_title_languages_in_step(run, tmp_path, monkeypatch) -> None:
    path = tmp_path / "catatan.txt"
    path.write_text("Relawan Digital Desa\n\nPara relawan menyebarkan ajakan memilih lewat grup warga desa.\n",
                    encoding="utf-8")
    run("add", str(path))
    key = json.loads(run("list", "--format", "json").stdout)[0]["key"]
    before = json.loads(run("show", key, "--format", "json").stdout)
    assert before["title_id"] == "Relawan Digital Desa"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, 'text = text.replace("title: Relawan Digital Desa", '
                                                   '"title: Relawan Digital di Desa", 1)'))
    assert run("edit", key).exit_code == 0
    after = json.loads(run("show", key, "--format", "json").stdout)
    assert after["title"] == after.get("title_id", after["title"]) == "Relawan Digital di Desa"


@pytest.mark.skipif(not (SHARED / "samples").is_dir(), reason="../shared/samples is not present")
def test_real_samples_get_a_title_and_key_from_their_text() -> None:
    for path in sorted((SHARED / "samples").glob("*.txt")):
        paper = read_text(path.read_bytes(), path.name).papers[0]
        assert paper.title != path.stem and len(paper.title.split()) >= 3
        assert path.stem.split("_")[-1] not in make_key_base(paper)


@pytest.mark.skipif(not (SHARED / "texts").is_dir(), reason="../shared/texts is not present")
def test_real_texts_keep_their_title_line_and_take_no_false_byline() -> None:
    for path in sorted((SHARED / "texts").glob("*.txt")):
        paper = read_text(path.read_bytes(), path.name).papers[0]
        first = path.read_text(encoding="utf-8").lstrip().split("\n", 1)[0].strip()
        assert paper.title, path.name
        if len(first) <= 150 and not first.endswith("."):
            assert paper.title == " ".join(first.split()), path.name
        if path.name.startswith("21_"):  # the one text under a citation line: family name first, then the year
            assert [a.display() for a in paper.authors] == ["Ivan Panca Ardynata", "Wawan Sobari"]
            assert paper.year == 2022 and "authors" in paper.low_confidence
        else:
            assert paper.authors == [], path.name  # no other prints a byline or an author line


def test_text_author_line_under_the_title(tmp_path) -> None:
    def authors(second: str) -> tuple[list[str], int | None]:
        paper = _text(tmp_path, "a.txt", f"Relawan Digital di Kampung Kami\n{second}\n\nAbstrak\n"
                      "Para relawan menyebarkan ajakan memilih lewat grup warga.\n")
        return [p.display() for p in paper.authors], paper.year

    assert authors("Sri Rahayu, Munadi, Budi Santoso (Universitas Contoh)") == (
        ["Sri Rahayu", "Munadi", "Budi Santoso"], None)
    assert authors("2023 | Sri Rahayu, Alan Brooks") == (["Sri Rahayu", "Alan Brooks"], 2023)
    assert authors("Rahayu, Sri dan Budi Santoso (2021). Skripsi, Universitas Contoh.") == (
        ["Sri Rahayu", "Budi Santoso"], 2021)
    assert authors("Sri Rahayu, Universitas Contoh. Jurnal Politik Lokal, Vol. 2") == ([], None)  # one name, no year
    assert authors("Sebuah Tinjauan Kritis") == ([], None)
    assert authors("Kampanye Digital, Media Sosial, Pemilu") == ([], None)
    assert authors("Kata kunci: Relawan, Kampanye") == ([], None)
    assert authors("Reffa Nurmala, Atwar Bajar. Jurnal Politik Lokal, Vol. 3 No. 2, Desember 2018.") == (
        ["Reffa Nurmala", "Atwar Bajar"], None)
    # a news text that opens with a sentence has no title line, so no author line under it
    news = _text(tmp_path, "b.txt", "Pengawas pemilu kota mencatat puluhan unggahan yang melanggar aturan.\n"
                 "Ketua Seksi Pencegahan, Partisipasi Warga, dan Humas Bawaslu Daerah menerangkan, catatan itu "
                 "datang dari aduan warga ke Bawaslu.\n")
    assert news.authors == []


@pytest.mark.parametrize(
    ("footer", "journal", "volume"),
    [
        ("Sociology 2024, 7, 1182 https://doi.org/10.9999/soc7001182", "Sociology", "7"),
        ("Jurnal Ilmu Politik, Vol. 5 No. 1, Juni 2021, hlm. 12-20", "Jurnal Ilmu Politik", "5"),
        ("Figure 2024, 7, 1182 shows the counts", "", ""),  # no "year, volume, number" right after one word
        # what a banner sets beside the name is no part of it: volume before "(year)", a separator and
        # page, a web address, a slash
        ("Journal of Electoral Studies 14 (2022) 101–118", "Journal of Electoral Studies", ""),
        ("JURNAL POLITIK DIGITAL (JPD) ◼ 57", "JURNAL POLITIK DIGITAL (JPD)", ""),
        ("Jurnal Komunikasi Publik | 88", "Jurnal Komunikasi Publik", ""),
        ("www.politicsjournal.example.org POLITIKA VOL 12 3 MAY 2021", "POLITIKA", "12"),
        ("Jurnal Pemerintahan/ Vol. 3 No. 2", "Jurnal Pemerintahan", "3"),
    ],
)
def test_one_word_journal_before_year_volume_number(footer: str, journal: str, volume: str) -> None:
    from litreview.ingest.pdf_banner import find_container
    from litreview.ingest.pdf_layout import Line

    probe = Line(text=footer, marked=footer, plain=footer, size=8.0, top=990.0, bottom=998.0, x0=0.0, x1=0.0)
    found = find_container([probe], 1000.0, set())
    assert (found.name, found.volume) == (journal, volume)
