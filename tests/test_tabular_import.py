"""CSV exports: Publish or Perish (each source), Scopus, IEEE Xplore, SpringerLink, Embase,
generic CSVs read by column name or with --map; broken rows, encodings, delimiters, headers."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.errors import ImportFailed, UsageError
from litreview.ingest import read_file_bytes, sniff, tabular
from litreview.ingest.csv_sources import POP_COLUMNS
from litreview.ingest.fields import clean_line
from litreview.store import Corpus
from tests.conftest import FIXTURES, SHARED, needs_shared

EXPORTS = FIXTURES / "exports"


def read(name: str, **options):
    path = EXPORTS / name
    return tabular.read(path.read_bytes(), str(path), **options)


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def pop_row(title: str, year: str = "2024", rank: str = "1", authors: str = "R Munadi, S Nurhayati") -> list[str]:
    row = [""] * len(POP_COLUMNS)
    values = {"Cites": "3", "Authors": authors, "Title": title, "Year": year, "Source": "Jurnal Politik",
              "GSRank": rank, "QueryDate": "2025-03-14 09:12:44",
              "CitesURL": "https://scholar.google.com/scholar?cites=1&hl=en"}
    for name, value in values.items():
        row[POP_COLUMNS.index(name)] = value
    return row


# -- Publish or Perish ------------------------------------------------------------------------
def test_pop_google_scholar_export():
    result = read("pop_scholar_pemilu2024.csv")
    assert result.errors == [] and result.warnings == []
    first, second, third, kpu, undated = result.papers
    assert first.title == "Polarisasi Politik dan Media Sosial pada Pemilu 2024 di Indonesia"
    assert [a.family for a in first.authors] == ["Warburton", "Aspinall", "Gunawan"]
    assert first.authors_truncated  # Scholar cut the list with "..."
    assert (first.year, first.doi, first.language) == (2024, "10.22146/jsp.81234", "id")
    assert first.origin == {
        "database": "Google Scholar", "source": "pop", "cited_by": "27", "rank": "1",
        "query": "polarisasi pemilu 2024", "query_date": "2025-03-14 09:12:44",
        "cites_url": "https://scholar.google.com/scholar?cites=1111&as_sdt=2005&sciodt=0,5&hl=en",
        "ecc": "27", "cites_per_year": "27.00", "cites_per_author": "9", "author_count": "4", "age": "1",
        "full_text_url": "https://journal.ugm.ac.id/jsp/article/download/81234/pdf",
        "related_url": first.origin["related_url"],
    }
    assert first.source_record == "row 1" and first.abstract.startswith("… Penelitian ini")
    assert not second.authors_truncated and second.volume == "34" and second.issue == "2"
    assert (third.pages, third.issn) == ("45-61", "2502-776X")
    assert kpu.entry_type == "misc" and kpu.origin["document_type"] == "CITATION"
    assert [a.display() for a in undated.authors] == ["A Pratama"] and undated.authors_truncated
    assert undated.year is None and undated.source_record == "row 5"


@pytest.mark.parametrize(
    ("name", "database"),
    [("pop_crossref_pilkada.csv", "Crossref"), ("pop_semanticscholar.csv", "Semantic Scholar"),
     ("pop_openalex.csv", "OpenAlex"), ("pop_scholar_pemilu2024.csv", "Google Scholar")],
)
def test_pop_database_is_read_from_the_links(name, database):
    papers = read(name).papers
    assert {p.origin["database"] for p in papers} == {database}
    assert {p.origin["source"] for p in papers} == {"pop"}


def test_pop_crossref_types_and_pages():
    article, chapter = read("pop_crossref_pilkada.csv").papers
    assert (article.entry_type, chapter.entry_type) == ("article", "incollection")
    assert [a.display() for a in article.authors] == ["Rina Wulandari", "Bambang Santoso"]
    assert chapter.authors == [] and chapter.pages == "101-125"


def test_pop_header_cut_short_gets_the_standard_names(tmp_path):
    header = [*POP_COLUMNS[:8]] + [""] * 16
    path = write_csv(tmp_path / "PoPCites.csv", header, [pop_row("Oligarki dan Pemilu")[:24]])
    result = tabular.read(path.read_bytes(), str(path))
    assert "GSRank" in result.warnings[0]
    (paper,) = result.papers
    assert paper.origin["rank"] == "1" and paper.origin["query_date"] == "2025-03-14 09:12:44"
    assert paper.extra == {}


# -- Scopus, IEEE, Springer -------------------------------------------------------------------
def test_scopus_export():
    english, indonesian = read("scopus_demokrasi.csv").papers
    assert [a.display() for a in english.authors][:2] == ["Edward Aspinall", "Diego Fossati"]
    assert english.author_ids[:2] == ["scopus:23095541100", "scopus:56958800300"]
    assert len(english.author_ids) == 4  # full names and the ID column agree: no repeats
    assert english.cited_references[1].startswith("Power, T.P., Jokowi's authoritarian turn")
    assert english.origin == {"database": "Scopus", "source": "scopus-csv", "cited_by": "87",
                              "record_id": "2-s2.0-85074000001", "document_type": "Article"}
    assert english.source_record == "2-s2.0-85074000001"
    assert english.keywords == ["democratic decline", "elites", "Indonesia", "public opinion"]
    assert english.extra["Affiliations"].startswith("Australian National University")
    assert english.extra["Abbreviated Source Title"] == "Democratization"
    assert indonesian.language == "id" and indonesian.extra["Index Keywords"] == "Elections; Indonesia"
    assert indonesian.extra["Open Access"] == "All Open Access, Gold"


def test_scopus_rows_with_an_unnamed_second_funding_text():
    result = read("scopus_funding_quirk.csv")
    assert result.errors == [] and "Funding Text" in result.warnings[0]
    paper = result.papers[1]
    assert paper.extra["Funding Text 2"] == "Second funder text."
    assert paper.origin["record_id"] == "2-s2.0-85140000003" and paper.entry_type == "inproceedings"
    assert [e.family for e in paper.editors] == ["Rahman", "Sari"]


def test_ieee_export():
    conference, journal = read("ieee_pemilu.csv").papers
    assert conference.entry_type == "inproceedings" and journal.entry_type == "article"
    assert [a.display() for a in conference.authors] == ["R. A. Putri", "B. Hartono", "S. Wibowo"]
    assert conference.origin["record_id"] == "10651234" and conference.source_record == "10651234"
    assert conference.url == "https://ieeexplore.ieee.org/document/10651234"
    assert journal.origin["cited_by"] == "11" and journal.origin["database"] == "IEEE Xplore"
    assert journal.keywords == ["e-voting", "blockchain"] and journal.origin["patent_cited_by"] == "1"
    assert conference.extra["IEEE Terms"] == "Sentiment analysis;Social networking (online)"


def test_springer_names_run_together():
    article, chapter = read("springer_desa.csv").papers
    assert [a.display() for a in article.authors] == ["Hans Antlöv", "Anna Wetterberg", "Leni Dharmawan",
                                                      "Robert McDonald"]
    assert [a.display() for a in chapter.authors] == ["Aurel Croissant", "Ratna Dewi"]
    assert chapter.entry_type == "incollection" and chapter.extra["Book Series Title"].startswith("Palgrave")
    assert article.origin == {"database": "SpringerLink", "source": "springer-csv", "document_type": "Article"}


# -- generic CSVs and --map -------------------------------------------------------------------
def test_unknown_layout_lists_the_columns_and_shows_map():
    with pytest.raises(ImportFailed) as caught:
        read("penelitian_terdahulu_cp1252.csv")
    message = str(caught.value)
    assert "unknown CSV layout" in message and "Judul, Penulis, Tahun" in message
    assert "--map title=Judul,year=Tahun" in message and "\n" not in message


def test_map_reads_a_windows_1252_semicolon_table():
    mapping = tabular.parse_column_map("title=Judul,penulis=Penulis,year=Tahun,journal=Nama Jurnal,pages=Halaman")
    result = read("penelitian_terdahulu_cp1252.csv", column_map=mapping)
    assert result.errors == [] and result.warnings == ["not UTF-8; read as cp1252"]
    first, second, third = result.papers
    assert first.title == "Peran Bawaslu dalam Pengawasan Pemilu 2024" and first.pages == "12–30"
    assert [a.display() for a in first.authors] == ["Siti Rahmawati", "Andi Saputra"]
    assert [a.display() for a in third.authors] == ["Dewi Lestari", "Budi Santoso"]  # "dan"
    assert first.extra == {"No": "1", "Catatan": "dibaca ‘penting’"}  # unmapped columns are kept
    assert first.origin == {"source": "csv-mapped"} and second.source_record == "row 2"


def test_map_names_are_checked():
    with pytest.raises(UsageError, match="unknown field 'judull'.*title, authors"):
        tabular.parse_column_map("judull=Judul")
    with pytest.raises(UsageError, match="not FIELD=COLUMN"):
        tabular.parse_column_map("title")
    mapping = tabular.parse_column_map("title=Judul Artikel")
    with pytest.raises(ImportFailed, match="no column 'Judul Artikel'.*its columns are: No, Judul, Penulis"):
        read("penelitian_terdahulu_cp1252.csv", column_map=mapping)
    assert tabular.parse_column_map("title=Judul, Sub-judul,year=Tahun") == {"title": "Judul, Sub-judul",
                                                                             "year": "Tahun"}


def test_map_overrides_a_known_layout_column(tmp_path):
    mapping = {"journal": "Publisher"}
    paper = read("pop_crossref_pilkada.csv", column_map=mapping).papers[0]
    assert paper.journal == "Universitas Muhammadiyah Yogyakarta"
    assert paper.extra["Source"] == "Jurnal Ilmu Pemerintahan"  # no longer mapped: kept, not dropped
    assert paper.origin["source"] == "csv-mapped"


def test_generic_columns_named_like_fields(tmp_path):
    path = write_csv(tmp_path / "daftar.csv", ["title", "authors", "year", "doi", "abstract", "Lokasi", "title"],
                     [["Golput di kalangan mahasiswa", "Hasanah, Nur and Putra, Eka", "2022",
                       "https://doi.org/10.1234/ABC.5", "Studi ini ...", "Makassar", "Judul kedua"]])
    result = tabular.read(path.read_bytes(), str(path))
    (paper,) = result.papers
    assert "generic CSV" in result.warnings[0]
    assert paper.doi == "10.1234/ABC.5" and [a.family for a in paper.authors] == ["Hasanah", "Putra"]
    assert paper.extra == {"Lokasi": "Makassar", "title (2)": "Judul kedua"}


def test_python_lists_in_cells():
    paper = tabular.read(b"title;first_authors;keywords\nX;['Marx, Karl', 'Lindgren, Astrid'];['a', 'b']\n",
                         "x.csv").papers[0]
    assert [a.family for a in paper.authors] == ["Marx", "Lindgren"] and paper.keywords == ["a", "b"]


# -- damaged input ----------------------------------------------------------------------------
def test_broken_rows_are_skipped_with_their_line(tmp_path):
    rows = [pop_row("Politik identitas di Pilkada DKI", rank="1"),
            pop_row("Tahun rusak", year="dua ribu", rank="2"),
            pop_row("Baris dengan NUL\x00", rank="3"),
            pop_row("Representasi perempuan", rank="4"),
            pop_row("Baris terlalu panjang", rank="5") + ["sisa"]]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(POP_COLUMNS)
    writer.writerows(rows)
    data = text.getvalue() + '7,"A Penulis","Judul terpotong di tengah baris, 20'  # the download stopped here
    path = tmp_path / "PoPCites.csv"
    path.write_text(data, encoding="utf-8")
    result = tabular.read(path.read_bytes(), str(path))
    assert [p.title for p in result.papers] == ["Politik identitas di Pilkada DKI", "Representasi perempuan"]
    assert [e.split(": ", 1)[0] for e in result.errors] == [f"{path} line {n}" for n in (3, 4, 6, 7)]
    assert "year 'dua ribu'" in result.errors[0] and "NUL" in result.errors[1]
    assert "27 fields" in result.errors[2] and "truncated" in result.errors[3]


def test_header_only_or_empty():
    with pytest.raises(ImportFailed, match="no rows"):
        tabular.read(b"Title,Authors,Year\n", "x.csv")
    with pytest.raises(ImportFailed, match="empty"):
        tabular.read(b"\n\n", "x.csv")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_delimiters_and_encodings(tmp_path, delimiter, encoding):
    path = write_csv(tmp_path / "PoPCites.csv", list(POP_COLUMNS), [pop_row("Demokrasi, desa; dan dana")],
                     encoding=encoding, delimiter=delimiter)
    assert sniff(path.read_bytes(), str(path)).NAME == "csv"
    result = tabular.read(path.read_bytes(), str(path))
    assert result.papers[0].title == "Demokrasi, desa; dan dana" and result.warnings == []


@settings(max_examples=600, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
                .filter(lambda t: t.strip()), min_size=1, max_size=5))
def test_any_title_survives_the_round_trip(titles):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "year"])
    writer.writerows([[t, "2020"] for t in titles])
    papers = tabular.read(buffer.getvalue().encode(), "x.csv").papers
    assert [p.title for p in papers] == [clean_line(t) for t in titles]  # ftfy skipped only where it changes nothing
    assert all(p.year == 2020 for p in papers)


_MOJIBAKE_PRONE = "".join(chr(c) for c in range(0xa0, 0x250)) + "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ√≈ЂВГРСвβΓ°µ ab"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_MOJIBAKE_PRONE, min_size=1, max_size=12))
def test_ftfy_is_skipped_only_where_it_changes_nothing(text):
    assert tabular.clean_one_line(text) == clean_line(text)
    assert tabular.clean_one_line(text + "Ã©") == clean_line(text + "Ã©")


# -- sniffing ---------------------------------------------------------------------------------
def test_content_not_the_name_decides(tmp_path):
    data = (EXPORTS / "pop_scholar_pemilu2024.csv").read_bytes()
    assert sniff(data, "hasil.txt").NAME == "csv"  # PoP saved as .txt
    assert sniff(data, "PoPCites.tsv").NAME == "csv"
    wos = (EXPORTS / "wos_savedrecs_utf8.txt").read_bytes()
    assert sniff(wos, "savedrecs.csv").NAME == "wos"
    assert sniff(b"Ini catatan biasa, bukan tabel; hanya teks.\n", "catatan.txt").NAME == "text"
    for name in ("pemilu_pubmed.nbib", "pemilu_endnote.enw", "wos_savedrecs_plain.txt"):
        path = EXPORTS / name
        if path.exists():
            assert sniff(path.read_bytes(), f"{path.stem}.txt").NAME != "ris", name


# -- through the CLI --------------------------------------------------------------------------
def test_cli_add_pop_then_again(run, tmp_path):
    result = run("add", EXPORTS / "pop_scholar_pemilu2024.csv", "--no-tag")
    assert result.exit_code == 0, result.output
    assert "5 added" in result.stderr
    rows = json.loads(run("list", "--format", "json").stdout)
    assert len(rows) == 5 and any(r["title"].startswith("Polarisasi Politik") for r in rows)
    with Corpus(tmp_path / ".litreview") as corpus:
        key = next(r["key"] for r in rows if r["title"].startswith("Polarisasi Politik"))
        (provenance,) = corpus.provenance_of(key)
        assert provenance["format"] == "csv" and provenance["record"] == "row 1"
        assert provenance["details"]["database"] == "Google Scholar"
        assert provenance["details"]["cited_by"] == "27"
    again = run("add", EXPORTS / "pop_scholar_pemilu2024.csv", "--no-tag")
    assert again.exit_code == 0 and "0 added, 5 duplicates skipped" in again.stderr
    show = run("show", key)
    assert show.exit_code == 0 and "Polarisasi Politik" in show.stdout


def test_cli_unknown_layout_then_map(run):
    path = EXPORTS / "penelitian_terdahulu_cp1252.csv"
    failed = run("add", path, "--no-tag")
    assert failed.exit_code == 1
    line = next(x for x in failed.stderr.splitlines() if x.startswith("failed"))
    assert "--map title=Judul" in line and "Nama Jurnal" in line
    mapped = run("add", path, "--no-tag", "--map", "title=Judul,authors=Penulis,year=Tahun,journal=Nama Jurnal")
    assert mapped.exit_code == 0, mapped.output
    assert "3 added" in mapped.stderr and "read as cp1252" in mapped.stderr


def test_cli_bad_map(run):
    result = run("add", EXPORTS / "penelitian_terdahulu_cp1252.csv", "--map", "titel=Judul")
    assert result.exit_code == 2 and "unknown field 'titel'" in result.output and "entry_type" in result.output
    result = run("add", EXPORTS / "penelitian_terdahulu_cp1252.csv", "--no-tag", "--map", "title=Title")
    assert result.exit_code == 1 and "no column 'Title'" in result.stderr


def test_cli_broken_row_is_a_partial_success(run, tmp_path):
    path = write_csv(tmp_path / "PoPCites.csv", list(POP_COLUMNS),
                     [pop_row("Pemilu damai", rank="1"), pop_row("Rusak", year="20x4", rank="2")])
    result = run("add", path, "--no-tag")
    assert result.exit_code == 3
    assert "1 added" in result.stderr and "line 3: the year '20x4' cannot be read" in result.stderr


def test_cli_add_utf16_wos_and_tag(run):
    result = run("add", EXPORTS / "wos_savedrecs_utf16.txt")
    assert result.exit_code == 0, result.output
    assert "3 added" in result.stderr


# -- real exports ---------------------------------------------------------------------------
REAL = {  # file: (format, papers, errors)
    "asreview_embase.csv": ("csv", 6, 0),
    "asreview_generic_semicolon.csv": ("csv", 2, 0),
    "asreview_missing_values.csv": ("csv", 4, 0),
    "asreview_web_of_science.txt": ("ris", 10, 0),  # WoS records saved as RIS
    "litstudy_ieee.csv": ("csv", 10, 0),
    "litstudy_notebook_ieee_1.csv": ("csv", 100, 0),
    "litstudy_notebook_springer.csv": ("csv", 1000, 0),
    "litstudy_scopus.csv": ("csv", 58, 0),
    "litstudy_springer.csv": ("csv", 18, 0),
    "pop_crossref_small.csv": ("csv", 200, 0),
    "pop_googlescholar_propithecus.csv": ("csv", 980, 0),
    "pop_googlescholar_russian_malformed_header.csv": ("csv", 428, 1),  # an unquoted title with commas
}


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_exports(name):
    path = SHARED / "data" / "csv" / name
    fmt, result = read_file_bytes(path.read_bytes(), str(path))
    assert (fmt, len(result.papers), len(result.errors)) == REAL[name]
    assert all(p.title or "no title" in p.warnings for p in result.papers)
    records = [p.source_record for p in result.papers]
    assert len(set(records)) == len(records)  # stable, distinct record ids


@needs_shared
@pytest.mark.shared
def test_real_exports_details():
    folder = SHARED / "data" / "csv"

    def papers(name):
        return tabular.read((folder / name).read_bytes(), name).papers

    scholar = papers("pop_googlescholar_propithecus.csv")
    assert {p.origin["database"] for p in scholar} == {"Google Scholar"}
    assert {p.origin["query"] for p in scholar if "query" in p.origin} == {"propithecus coquereli"}
    assert sum(p.authors_truncated for p in scholar) > 100
    assert {p.origin["database"] for p in papers("pop_crossref_small.csv")} == {"Crossref"}
    russian = papers("pop_googlescholar_russian_malformed_header.csv")
    assert russian[0].authors[0].family == "Сухобоков" and russian[2].origin["rank"] == "46"
    scopus = papers("litstudy_scopus.csv")
    assert scopus[0].origin["cited_by"] == "13169" and len(scopus[0].cited_references) > 20
    assert all(p.origin["record_id"].startswith("2-s2.0-") for p in scopus)
    assert all(p.extra.get("Source", "") in ("", "Scopus") for p in scopus)
    assert all(p.language == "en" for p in scopus)  # the Funding Text repair keeps columns in place
    springer = papers("litstudy_notebook_springer.csv")
    assert [a.display() for a in springer[0].authors] == ["Vivek K. Pallipuram", "Mohammad Bhuiyan",
                                                          "Melissa C. Smith"]
    embase = papers("asreview_embase.csv")
    assert embase[1].journal == "Cancer" and embase[1].date == "2004-08-25" and embase[1].pages == "253-258"
    assert embase[1].doi == "10.1002/cncr.20369"


def test_bom_is_not_part_of_the_first_name():
    data = codecs.BOM_UTF8 + (EXPORTS / "ieee_pemilu.csv").read_bytes()
    paper = tabular.read(data, "x.csv").papers[0]
    assert paper.title.startswith("Sentiment Analysis") and "Document Title" not in paper.extra


def test_read_lazily_checks_every_row_first(tmp_path):
    rows = [pop_row("Satu – pertama", rank="1"), pop_row("Dua", year="tahun lalu", rank="2"),
            pop_row("Tiga", rank="3")]
    path = write_csv(tmp_path / "PoPCites.csv", list(POP_COLUMNS), rows, encoding="cp1252")
    errors, papers = tabular.read_lazily(path.read_bytes(), str(path))
    assert len(errors) == 1 and "line 3" in errors[0]  # known before any paper is converted
    first, second = list(papers)
    assert (first.title, second.title) == ("Satu – pertama", "Tiga")
    assert first.warnings == ["(whole file) not UTF-8; read as cp1252"] and second.warnings == []


def test_cli_large_export_streamed_by_a_worker(run, monkeypatch):
    import litreview.add

    monkeypatch.setattr(litreview.add, "STREAM_MIN_BYTES", 100)  # take the path files over 2 MiB take
    result = run("add", EXPORTS / "penelitian_terdahulu_cp1252.csv", "--no-tag",
                 "--map", "title=Judul,authors=Penulis,year=Tahun")
    assert result.exit_code == 0, result.output
    assert "3 added" in result.stderr and "read as cp1252" in result.stderr
