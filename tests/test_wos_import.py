"""Web of Science exports: tab-delimited (UTF-16 or UTF-8 with BOM) and plain text (FN/VR/PT ... ER)."""

from __future__ import annotations

import codecs
import re

import pytest

from litreview.errors import ImportFailed
from litreview.ingest import read_file_bytes, sniff, wos
from tests.conftest import FIXTURES, SHARED, needs_shared

EXPORTS = FIXTURES / "exports"
TAGS = ("PT AU BA BE GP AF BF CA TI SO SE BS LA DT CT CY CL SP HO DE ID AB C1 C3 RP EM RI OI FU FP FX CR NR TC "
        "Z9 U1 U2 PU PI PA SN EI BN J9 JI PD PY VL IS PN SU SI MA BP EP AR DI DL D2 EA PG WC WE SC GA PM OA HC "
        "HP DA UT").split()


def read(name: str):
    path = EXPORTS / name
    return wos.read(path.read_bytes(), str(path))


def tab_file(records: list[dict[str, str]]) -> str:
    lines = ["\t".join(TAGS) + "\t"] + ["\t".join(r.get(t, "") for t in TAGS) + "\t" for r in records]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("name", ["wos_savedrecs_utf16.txt", "wos_savedrecs_utf8.txt"])
def test_tab_delimited(name):
    result = read(name)
    assert result.errors == [] and result.warnings == []
    article, indonesian, chapter = result.papers
    assert article.title.startswith("Southeast Asia's Troubling Elections")
    assert [a.display() for a in article.authors] == ["Edward Aspinall", "Marcus Mietzner"]  # AF, not AU
    assert (article.year, article.date, article.pages, article.doi) == (2019, "2019-10", "104-118",
                                                                      "10.1353/jod.2019.0055")
    assert article.author_ids == ["orcid:0000-0002-1234-5678", "orcid:0000-0001-9876-5432", "wos:A-1234-2010"]
    assert article.cited_references == [
        "Power TP, 2018, B INDONES ECON STUD, V54, P307, DOI 10.1080/00074918.2018.1549918",
        "Slater D, 2004, INDONESIA, V78, P61",
    ]
    assert article.keywords == ["Indonesia", "elections", "pluralism"]
    assert article.extra["ID"] == "DEMOCRACY; POPULISM" and article.extra["WC"] == "Political Science"
    origin = article.origin
    assert (origin["database"], origin["source"], origin["cited_by"], origin["cited_by_all_databases"]) == (
        "Web of Science", "wos-tab", "45", "48")
    assert origin["record_id"] == article.source_record == "WOS:000489000000008"
    assert origin["query_date"] == "2025-03-18"
    assert indonesian.language == "id" and indonesian.date == "2021-03-15" and indonesian.pages == "e201"
    assert chapter.entry_type == "incollection" and [e.family for e in chapter.editors] == ["Aspinall", "Sukmajati"]
    assert chapter.isbn == "978-981-4722-04-9"


def test_plain_text_gives_the_same_records():
    plain = read("wos_savedrecs_plain.txt").papers
    tab = read("wos_savedrecs_utf8.txt").papers[:2]
    assert [p.origin.pop("source") for p in plain] == ["wos-plain"] * 2
    for p in tab:
        p.origin.pop("source")
    assert [p.metadata() for p in plain] == [p.metadata() for p in tab]
    assert [p.origin for p in plain] == [p.origin for p in tab]


def test_sniffed_by_content_as_txt():
    for name in ("wos_savedrecs_utf16.txt", "wos_savedrecs_utf8.txt", "wos_savedrecs_plain.txt"):
        data = (EXPORTS / name).read_bytes()
        assert sniff(data, "savedrecs.txt").NAME == "wos"
        assert sniff(data, "export.ciw").NAME == "wos"
    assert not wos.match(b"PT\tnot a header\n", "x.txt")
    assert not wos.match(b"TY  - JOUR\nER  - \n", "x.txt")


def test_damaged_rows(tmp_path):
    good = {"PT": "J", "AF": "Munadi", "TI": "Pemilu 2024", "PY": "2024", "UT": "WOS:1"}
    text = tab_file([good, {**good, "TI": "Tahun rusak", "PY": "MMXXIV", "UT": "WOS:2"},
                     {**good, "TI": "NUL\x00", "UT": "WOS:3"}, {**good, "TI": "Kedua", "UT": "WOS:4"}])
    text += "J\tMunadi\t\tterpotong"  # the last line was cut off
    path = tmp_path / "savedrecs.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    result = wos.read(path.read_bytes(), str(path))
    assert [p.title for p in result.papers] == ["Pemilu 2024", "Kedua"]
    assert [re.search(r"line (\d+)", e).group(1) for e in result.errors] == ["3", "4", "6"]
    assert "MMXXIV" in result.errors[0] and "NUL" in result.errors[1] and "truncated" in result.errors[2]


def test_plain_text_record_without_er(tmp_path):
    data = b"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Munadi\nTI Satu\nPY 2020\nER\n\nPT J\nTI Dua\n"
    result = wos.read(data, "savedrecs.txt")
    assert [p.title for p in result.papers] == ["Satu", "Dua"] and "line 9" in result.errors[0]


def test_not_wos():
    with pytest.raises(ImportFailed, match="not a Web of Science export"):
        wos.read(b"hello\tworld\n", "x.txt")


def test_cli_add_utf16(run):
    result = run("add", EXPORTS / "wos_savedrecs_utf16.txt", "--no-tag")
    assert result.exit_code == 0, result.output
    assert "3 added" in result.stderr
    again = run("add", EXPORTS / "wos_savedrecs_utf8.txt", "--no-tag")  # same records, other file
    assert "0 added, 3 duplicates skipped" in again.stderr


# -- real records: the Web of Science BibTeX exports, written back as a tab-delimited file --------
_BIB_TO_TAG = {"title": "TI", "journal": "SO", "year": "PY", "volume": "VL", "number": "IS", "month": "PD",
               "abstract": "AB", "publisher": "PU", "type": "DT", "language": "LA", "doi": "DI", "issn": "SN",
               "keywords": "DE", "keywords-plus": "ID", "orcid-numbers": "OI", "researcherid-numbers": "RI",
               "times-cited": "TC", "unique-id": "UT", "web-of-science-categories": "WC", "eissn": "EI"}


def _wos_tab_from_bib(text: str, limit: int) -> tuple[str, list[dict[str, str]]]:
    """A savedrecs.txt holding the same records as a WoS savedrecs.bib (raw field values, no LaTeX)."""
    records = []
    for chunk in re.split(r"\n(?=@)", text.lstrip("\ufeff"))[: limit + 1]:
        fields = dict(re.findall(r"(?m)^([A-Za-z-]+)\s*=\s*\{(.*?)\},?\s*$(?=\n[A-Za-z-]+\s*=|\n\})",
                                 chunk, flags=re.DOTALL))
        if "Title" not in fields:
            continue
        record = {"PT": "J"}
        for name, value in fields.items():
            tag = _BIB_TO_TAG.get(name.lower())
            value = " ".join(value.split())
            if tag:
                record[tag] = value
        if "Author" in fields:
            record["AF"] = "; ".join(" ".join(a.split()) for a in fields["Author"].split(" and "))
        if "Pages" in fields:
            record["BP"], _, record["EP"] = fields["Pages"].partition("-")
        if "Cited-References" in fields:
            record["CR"] = "; ".join(" ".join(r.split()) for r in fields["Cited-References"].split(".\n"))
        records.append(record)
    return tab_file(records), records


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("bib", ["bib/large/wos_savedrecs_lemur5_1000.bib",
                                 "bib/small/wos_savedrecs_propithecus_92.bib"])
def test_real_wos_records_as_tab_delimited(bib, tmp_path):
    text = (SHARED / "data" / bib).read_text(encoding="utf-8-sig")
    tab, records = _wos_tab_from_bib(text, limit=300)
    data = codecs.BOM_UTF16_LE + tab.encode("utf-16-le")
    fmt, result = read_file_bytes(data, "savedrecs.txt")
    assert fmt == "wos" and result.errors == [] and len(result.papers) == len(records) > 50
    for paper, record in zip(result.papers, records, strict=True):
        assert paper.origin["record_id"] == record["UT"].strip() == paper.source_record
        assert paper.title == record["TI"]
        assert paper.year == int(record["PY"])
        if "DI" in record:
            assert paper.doi == record["DI"]
        if "TC" in record:
            assert paper.origin["cited_by"] == record["TC"]
        if "CR" in record:
            assert len(paper.cited_references) == record["CR"].count("; ") + 1
        if "OI" in record:
            assert sum(a.startswith("orcid:") for a in paper.author_ids) >= 1
        assert len(paper.authors) == len(record.get("AF", "").split("; ")) if "AF" in record else True
