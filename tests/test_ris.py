"""The RIS importer: records, line numbers, damaged records, field mapping, real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.errors import ImportFailed
from litreview.ingest import ris
from litreview.model import Person

FIXTURES = Path(__file__).parent / "fixtures" / "ris"
SHARED_RIS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ris"
needs_shared = pytest.mark.skipif(not SHARED_RIS.is_dir(), reason="../shared/data not present")


@pytest.fixture(scope="module")
def zotero():
    return ris.read((FIXTURES / "zotero_pemilu.ris").read_bytes(), "zotero_pemilu.ris")


def read_text(text: str):
    return ris.read(text.encode("utf-8"), "test.ris")


def test_records_with_bom_and_crlf(zotero) -> None:
    titles = [p.title for p in zotero.papers]
    assert titles == [
        "Peran Buzzer Politik di Media Sosial pada Pemilu 2019",
        "Deteksi Hoaks Pemilu dengan Naive Bayes",
        "Record Without a Type Line",
        "Polarisasi Warganet",
    ]
    assert zotero.errors == []


def test_field_mapping(zotero) -> None:
    paper = zotero.papers[0]
    assert paper.authors == [Person(family="Cobis", given="Mikhael Yulius"), Person(literal="Munadi")]
    assert (paper.entry_type, paper.journal) == ("article", "Jurnal Komunikasi Politik")
    assert (paper.year, paper.date) == (2019, "2019-10-05")
    assert (paper.volume, paper.issue, paper.pages) == ("7", "2", "101-118")
    assert paper.doi == "10.1234/jkp.v7i2.55"
    assert paper.issn == "2355-1234"
    assert paper.keywords == ["buzzer", "kampanye"]
    assert paper.attachments == ["files/12/Munadi - 2019.pdf"]
    assert paper.extra == {"custom1": "Jakarta"}
    assert (paper.source_format, paper.source_record) == ("ris", "line 1")


def test_bilingual_translated_title_and_labelled_abstract(zotero) -> None:
    paper = zotero.papers[0]
    assert paper.language == "id"
    assert paper.title_id == paper.title
    assert paper.title_en == "The Role of Political Buzzers on Social Media in the 2019 Election"
    assert paper.abstract_id.startswith("Penelitian ini")
    assert paper.abstract_en == "This study analyses the role of political buzzers on social media."
    assert paper.note == ""


def test_faulty_year_is_reported_with_its_line_and_kept(zotero) -> None:
    paper = zotero.papers[1]
    assert paper.year is None
    assert paper.extra["year"] == "10 15"
    assert paper.authors_truncated and paper.authors == [Person(literal="Haviluddin")]
    assert paper.source_record == "line 25"
    assert paper.warnings == ["cannot read a year from PY '10 15'; kept in extra"]


def test_record_without_ty_and_empty_record(zotero) -> None:
    paper = zotero.papers[2]
    assert paper.entry_type == "misc"
    assert paper.journal == "Jurnal Ilmu Sosial"
    assert zotero.warnings == ["line 36: record without a TY line; read as a generic record (GEN)"]
    assert paper.warnings == ["no TY (record type); read as generic"]
    assert len(zotero.papers) == 4  # the empty "TY  - / ER  -" record is not a paper


def test_continuation_lines(zotero) -> None:
    paper = zotero.papers[3]
    assert (
        paper.abstract == "Paragraf pertama tentang polarisasi lanjutan baris yang sama.\n\nParagraf kedua."
    )
    assert paper.keywords == ["polarisasi", "demokrasi digital"]


def test_missing_er_and_stray_lines() -> None:
    result = read_text(
        "1.\nTY  - JOUR\nTI  - First\nTY  - BOOK\nTI  - Second\nER  - \nNL  - stray\n"
        "free text after a record\n\nTY  - JOUR\nTI  - Third\n"
    )
    assert [p.title for p in result.papers] == ["First", "Second", "Third"]
    assert [p.entry_type for p in result.papers] == ["article", "book", "article"]
    joined = "\n".join(result.warnings)
    assert "line 2: record not closed by ER before the next TY" in joined
    assert "line 7: tag lines outside any record" in joined
    assert "line 10: record not closed by ER at the end of the file" in joined


def test_single_space_tags_and_dates_spread_over_tags() -> None:
    result = read_text(
        "TY - JOUR\nTI - Loose\nPY - 2011\nDA - Mar 1\nSN - 978-602-1234-56-7\nSN - 1234-5678\nER - "
    )
    (paper,) = result.papers
    assert (paper.title, paper.date, paper.isbn, paper.issn) == (
        "Loose",
        "2011-03-01",
        "978-602-1234-56-7",
        "1234-5678",
    )


def test_type_mapping_keeps_lossy_types() -> None:
    result = read_text("TY  - NEWS\nTI  - Berita\nER  - \nTY  - THES\nTI  - Skripsi\nER  - ")
    news, thesis = result.papers
    assert (news.entry_type, news.extra["ris_type"]) == ("article", "NEWS")
    assert thesis.entry_type == "thesis" and "ris_type" not in thesis.extra


def test_not_ris() -> None:
    with pytest.raises(ImportFailed):
        read_text("PMID- 27169098\nTI  - Proteomics\nAB  - x\n")
    assert not ris.match(b"PMID- 1\nOWN - NLM\nTI  - x\nAB  - y\n", "a.nbib")
    assert not ris.match(b"%0 Journal Article\n%A Someone\n%T Title\n", "a.enw")
    assert not ris.match(b"@article{a, title={x}}", "a.bib")
    assert not ris.match(bytes(range(256)) * 4, "a.ris")
    assert ris.match("\ufeffTY  - JOUR\r\nTI  - x\r\nER  - \r\n".encode(), "a.ris")
    assert ris.match(b"JF  - J\nT1  - x\nER  -\n", "corrupted.ris")


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    "path",
    sorted(p for p in SHARED_RIS.glob("*") if p.suffix in (".ris", ".txt")) if SHARED_RIS.is_dir() else [],
    ids=lambda p: p.name,
)
def test_real_file_imports(path: Path) -> None:
    data = path.read_bytes()
    assert ris.match(data[:8192], path.name)
    result = ris.read(data, path.name)
    assert result.papers
    assert result.errors == []


@needs_shared
@pytest.mark.shared
def test_real_records_spot_checks() -> None:
    def first(name: str):
        return ris.read((SHARED_RIS / name).read_bytes(), name).papers[0]

    dated = first("jabref_RisImporterTestDate1.1.ris")
    assert (dated.year, dated.date) == (2005, "2005-07-15")
    assert dated.authors[1] == Person(family="Molina-Bolívar", given="J. A.")
    assert first("asreview_faulty_year.ris").extra["year"] == "10 15"
    pubmed = first("asreview_pubmed_endnote.txt")
    assert pubmed.date == "2011-06"  # PY 2011 + DA Jun
    ovid = ris.read((SHARED_RIS / "asreview_ovid_psycinfo.ris").read_bytes(), "ovid.ris")
    assert len(ovid.papers) == 6
    assert ovid.papers[0].doi == "10.1002/cpp.2398"
