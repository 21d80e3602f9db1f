"""PubMed .nbib (MEDLINE) and EndNote .enw importers: mapping, sniffing, bad input, real samples."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SHARED, needs_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.errors import ImportFailed
from litreview.ingest import enw, nbib, read_file_bytes, sniff
from litreview.model import Person
from litreview.store import Corpus

EXPORTS = FIXTURES / "exports"
NBIB = EXPORTS / "pemilu_pubmed.nbib"
ENW = EXPORTS / "pemilu_endnote.enw"
SHARED_RIS = SHARED / "data" / "ris"


@pytest.fixture(scope="module")
def pubmed():
    return nbib.read(NBIB.read_bytes(), NBIB.name)


@pytest.fixture(scope="module")
def endnote():
    return enw.read(ENW.read_bytes(), ENW.name)


# -- MEDLINE ----------------------------------------------------------------------------
def test_nbib_field_mapping(pubmed) -> None:
    paper = pubmed.papers[0]
    assert paper.title == (
        "Vote buying and clientelist networks in the 2019 Indonesian legislative election: evidence from East Java"
    )
    assert paper.authors == [Person(family="Rahmawati", given="Siti Nur"), Person(literal="Munadi")]
    assert paper.author_ids == ["orcid:0000-0002-1825-0097"]
    assert (paper.year, paper.date) == (2024, "2024-06-11")
    assert (paper.journal, paper.volume, paper.issue, paper.pages) == (
        "Journal of Southeast Asian Politics", "12", "2", "101-118")
    assert (paper.doi, paper.issn, paper.language) == ("10.5555/jsp.2024.0012", "2503-1234", "en")
    assert paper.abstract.startswith("This invented record") and "\n" not in paper.abstract
    assert paper.keywords == ["vote buying", "clientelism", "Humans", "Politics", "Indonesia"]
    assert paper.origin == {"record_id": "pmid:39001234", "database": "PubMed", "source": "nbib"}
    assert (paper.source_format, paper.source_record) == ("nbib", "line 1")


def test_nbib_keeps_unmapped_tags_in_extra(pubmed) -> None:
    extra = pubmed.papers[0].extra
    assert extra["MH"] == "Humans\n*Politics\nIndonesia/epidemiology"  # MeSH with its qualifiers
    assert extra["TA"] == "J Southeast Asian Polit"
    assert extra["AID"] == "JSP-12-101 [pii]"  # the DOI, given twice, is not repeated
    assert extra["PT"] == "Journal Article\nResearch Support, Non-U.S. Gov't"
    assert extra["AD"].startswith("Siti Nur Rahmawati: Departemen Ilmu Politik, Universitas Airlangga, Surabaya,")
    for tag in ("OWN", "STAT", "DA", "DEP", "PL", "JID", "OTO", "SO"):
        assert tag in extra


def test_nbib_translated_title_and_collective_author(pubmed) -> None:
    paper = pubmed.papers[1]
    assert paper.language == "id"
    assert paper.title == paper.title_id == "Hoaks dan pemilihan umum 2019 di media sosial Indonesia"
    assert paper.title_en == "Hoaxes and the 2019 general election on Indonesian social media"
    assert paper.authors == [Person(family="Cobis", given="Mikhael Yulius"), Person(literal="Kelompok Kajian Pemilu")]


def test_nbib_record_without_title_is_an_error_naming_its_line(pubmed) -> None:
    assert pubmed.errors == ["pemilu_pubmed.nbib line 60: record pmid:39009999 has no title (TI); skipped"]
    assert [p.origin["record_id"] for p in pubmed.papers] == ["pmid:39001234", "pmid:39004321", "pmid:39012345"]
    preprint = pubmed.papers[2]
    assert preprint.entry_type == "unpublished"
    assert preprint.author_ids == ["orcid:0000-0001-5109-3700"]  # from an ORCID URL


def test_nbib_truncated_last_record() -> None:
    data = NBIB.read_bytes()
    cut = data[: data.index(b"AUID- ORCID: https")]  # the file stops in the middle of the last record
    result = nbib.read(cut + b"AUID- ORC", "cut.nbib")
    assert [p.title for p in result.papers][-1] == "Money politics in Indonesian regional head elections (Pilkada)"
    assert any("ends inside this record" in w for w in result.warnings)
    only_pmid = nbib.read(data + b"\nPMID- 4000", "cut.nbib")
    assert only_pmid.errors[-1].startswith("cut.nbib line 78: record pmid:4000 has no title")


def test_nbib_non_utf8_is_detected_with_a_warning() -> None:
    text = (
        "PMID- 1\nTI  - Partisipasi politik perempuan di Nusa Tenggara Timur: peran \u00e9lite lokal dan "
        "organisasi masyarakat sipil dalam pemilihan kepala daerah.\nFAU - Nd\u00f6ng, Mar\u00eda\nDP  - 2020\n"
    )
    result = nbib.read(text.encode("cp1252"), "latin.nbib")
    assert result.papers[0].authors == [Person(family="Nd\u00f6ng", given="Mar\u00eda")]
    assert "\u00e9lite" in result.papers[0].title
    assert result.warnings and result.warnings[0].startswith("not UTF-8")


def test_nbib_without_records_fails() -> None:
    with pytest.raises(ImportFailed):
        nbib.read(b"just some words\n", "x.nbib")


# -- EndNote ------------------------------------------------------------------------------
def test_enw_field_mapping(endnote) -> None:
    paper = endnote.papers[0]
    assert paper.title == "Electoral volatility and party identification in post-Suharto Indonesia"
    assert paper.authors == [Person(family="Fossati", given="Diego"), Person(family="Mietzner", given="Marcus")]
    assert (paper.entry_type, paper.journal, paper.year, paper.date) == (
        "article", "Journal of East Asian Studies", 2019, "2019-03-15")
    assert (paper.volume, paper.issue, paper.pages) == ("19", "1", "1-25")
    assert (paper.doi, paper.issn, paper.url) == (
        "10.5555/jeas.2019.0001", "1598-2408", "https://example.org/jeas/2019/0001")
    assert paper.keywords == ["party identification", "electoral volatility", "Indonesia"]
    assert paper.abstract == "An invented abstract for a test fixture. It has a second line."
    assert paper.publisher == "Cambridge University Press" and paper.language == "en"
    assert paper.origin == {"record_id": "WOS:000999999900001", "database": "Web of Science", "source": "enw"}
    assert paper.extra == {"%+": "Australian National University"}
    assert paper.source_record == "line 1"


def test_enw_book_section_and_thesis(endnote) -> None:
    chapter, thesis = endnote.papers[1], endnote.papers[2]
    assert (chapter.entry_type, chapter.journal, chapter.isbn) == (
        "incollection", "Politik uang di Indonesia", "978-602-1234-56-7")
    assert chapter.editors == [Person(family="Aspinall", given="Edward"), Person(family="Sukmajati", given="Mada")]
    assert (chapter.language, chapter.title_en) == ("id", "Elections and local democracy in Indonesia")
    assert chapter.extra == {"%C": "Yogyakarta"}
    assert (thesis.entry_type, thesis.key) == ("thesis", "Sari2021")
    assert thesis.extra == {"school": "Universitas Hasanuddin", "%9": "Skripsi"}


def test_enw_record_without_title_is_an_error(endnote) -> None:
    assert endnote.errors == ["pemilu_endnote.enw line 38: record has no title (%T); skipped"]
    assert len(endnote.papers) == 3


def test_enw_truncated_and_non_utf8() -> None:
    data = ENW.read_bytes()
    result = enw.read(data[: data.index(b"%I Universitas")], "cut.enw")
    assert result.papers[-1].title == "Partisipasi politik pemilih pemula di Kota Makassar"
    assert not any("ends inside" in w for w in result.warnings)  # the cut fell after a whole line
    result = enw.read(data[: data.index(b"%I Universitas") + 5], "cut.enw")
    assert any(w.startswith("line 43: the file ends inside") for w in result.warnings)
    latin = "%0 Journal Article\n%T Demokrasi desa dan \u00e9lite lokal\n%A Nd\u00f6ng, Mar\u00eda\n%D 2020\n"
    result = enw.read(latin.encode("cp1252") * 3, "latin.enw")
    assert result.papers[0].authors == [Person(family="Nd\u00f6ng", given="Mar\u00eda")]
    assert result.warnings[0].startswith("not UTF-8")


# -- sniffing -----------------------------------------------------------------------------
@pytest.mark.parametrize("path, name, expected", [
    (NBIB, "pubmed-export.txt", "nbib"),
    (NBIB, "pemilu_pubmed.nbib", "nbib"),
    (ENW, "endnote.txt", "enw"),
    (ENW, "pemilu_endnote.enw", "enw"),
    (FIXTURES / "ris" / "zotero_pemilu.ris", "zotero.txt", "ris"),
])
def test_sniffing_by_content(path, name, expected) -> None:
    assert sniff(path.read_bytes(), name).NAME == expected


def test_importers_do_not_claim_each_others_files() -> None:
    from litreview.ingest import ris

    risdata = (FIXTURES / "ris" / "zotero_pemilu.ris").read_bytes()
    assert not nbib.match(risdata, "x.ris") and not enw.match(risdata, "x.ris")
    assert not ris.match(NBIB.read_bytes(), "x.txt") and not ris.match(ENW.read_bytes(), "x.txt")
    assert not enw.match(NBIB.read_bytes(), "x.txt") and not nbib.match(ENW.read_bytes(), "x.txt")
    assert not enw.match(b"Harga 50%0 naik\n%A tidak\n", "x.txt")  # prose with a percent sign


@needs_shared
def test_real_samples() -> None:
    fmt, result = read_file_bytes((SHARED_RIS / "jabref_NbibImporterTest.nbib").read_bytes(), "x.nbib")
    paper = result.papers[0]
    assert fmt == "nbib" and result.errors == []
    assert paper.title == "Proteomics: A new perspective for cancer"
    assert paper.authors[:3] == [Person(family="Shruthi", given="Basavaradhya Sahukar"),
                                 Person(family="Vinodhkumar", given="Palani"), Person(literal="Selvamani")]
    assert (paper.doi, paper.isbn, paper.journal) == (
        "10.4103/2277-9175.180636", "978-3-86680-192-9", "Advanced biomedical research")
    assert paper.keywords == ["Biomarkers", "electrophoresis", "neoplasia", "spectrometry", "translation"]
    assert paper.extra["OAB"] == "abstract informations" and paper.extra["SFM"] == "a space flight mission"

    # JabRef's sample: five records (a "%0" after fields starts one), only the first with a title
    fmt, result = read_file_bytes((SHARED_RIS / "jabref_Endnote.entries.enw").read_bytes(), "x.enw")
    assert fmt == "enw" and [p.title for p in result.papers] == ["testT"]
    assert [e.split(":")[0] for e in result.errors] == ["x.enw line 7", "x.enw line 23", "x.enw line 25",
                                                       "x.enw line 28"]
    assert result.papers[0].editors == [Person(literal="testE0"), Person(literal="testE1")]

    # ASReview's "pubmed_endnote.txt" is PubMed records exported by EndNote as RIS, not MEDLINE
    data = (SHARED_RIS / "asreview_pubmed_endnote.txt").read_bytes()
    assert sniff(data, "asreview_pubmed_endnote.txt").NAME == "ris"
    assert not nbib.match(data[:8192], "x.txt") and not enw.match(data[:8192], "x.txt")


def test_cli_add_nbib_and_enw(run, tmp_path) -> None:
    (tmp_path / "x.nbib").write_bytes(NBIB.read_bytes())
    (tmp_path / "pubmed.txt").write_bytes(ENW.read_bytes())
    result = run("add", "x.nbib", "pubmed.txt")
    assert result.exit_code == 3, result.output  # two records without title failed, the rest added
    assert "6 added" in result.stderr and "line 60" in result.stderr and "line 38" in result.stderr
    rows = json.loads(run("list", "--format", "json").stdout)
    assert len(rows) == 6
    with Corpus(tmp_path / ".litreview") as corpus:
        key = next(r["key"] for r in rows if r["title"].startswith("Vote buying"))
        provenance = corpus.provenance_of(key)
        assert (provenance[0]["format"], provenance[0]["record"]) == ("nbib", "line 1")
        assert provenance[0]["details"]["record_id"] == "pmid:39001234"
    again = run("add", "x.nbib")
    assert "0 added, 3 duplicates skipped, 1 failed" in again.stderr  # the same records again


# -- robustness ---------------------------------------------------------------------------
_NBIB_LINE = st.one_of(
    st.sampled_from(["", "PMID- 1", "TI  - ", "AU  - X", "FAU - ", "AUID- ORCID: 0000", "DP  - 20xx", "LID - [doi]",
                     "      continued", "MH  - *A/b", "TT  - [", "AD  - x"]),
    st.text(max_size=30),
)
_ENW_LINE = st.one_of(
    st.sampled_from(["", "%0", "%0 Journal Article", "%T", "%T x", "%A", "%D 19", "%8 May", "%R doi:", "%@ 12",
                     "%K a;", "%Q", "%G xx", "plain"]),
    st.text(max_size=30),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_NBIB_LINE, max_size=25), st.lists(_ENW_LINE, max_size=25))
def test_readers_never_crash(nbib_lines, enw_lines) -> None:
    for module, lines in ((nbib, nbib_lines), (enw, enw_lines)):
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        try:
            result = module.read(data, "x")
        except ImportFailed:
            continue
        assert all(p.title for p in result.papers)


def test_enw_with_bom_and_stray_text() -> None:
    data = b"\xef\xbb\xbfExported from EndNote\n%0 Journal Article\n%T Golput dan apatisme politik\n%D 2024\n"
    assert enw.match(data, "x.txt") is False  # the file must start like EndNote
    data = b"\xef\xbb\xbf%0 Journal Article\n%T Golput dan apatisme politik\n%D 2024\n\nnot a tag line\n"
    assert sniff(data, "export.txt").NAME == "enw"
    result = enw.read(data, "export.txt")
    assert [p.title for p in result.papers] == ["Golput dan apatisme politik"]
    assert result.warnings == ["line 5: text outside any record ignored: not a tag line"]


def test_nbib_short_author_names_only() -> None:
    data = b"PMID- 5\nTI  - Partai politik dan kartel.\nAU  - Mietzner M\nAU  - Aspinall E\nED  - Tomsa D\nDP  - 2015\n"
    paper = nbib.read(data, "old.nbib").papers[0]
    assert paper.authors == [Person(family="Mietzner", given="M."), Person(family="Aspinall", given="E.")]
    assert paper.editors == [Person(family="Tomsa", given="D.")]
    assert paper.title == "Partai politik dan kartel"
