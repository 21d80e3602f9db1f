"""`litreview prisma`: identification counts from the provenance of every record read."""

from __future__ import annotations

import json

from litreview.synthesis.prisma import identification, render_text

BIB = """@article{wibowo2023,
  title = {Kampanye Digital dan Pemilih Pemula pada Pemilu 2024},
  author = {Wibowo, Arif and Lestari, Dewi},
  year = {2023}, journal = {Jurnal Ilmu Politik}, doi = {10.1234/jip.2023.7}
}
@article{sari2022,
  title = {Hoaks Politik di Media Sosial menjelang Pilkada},
  author = {Sari, Nur},
  year = {2022}, journal = {Jurnal Komunikasi}
}
"""

RIS = """TY  - JOUR
TI  - Kampanye digital dan pemilih pemula pada Pemilu 2024
AU  - Wibowo, Arif
AU  - Lestari, Dewi
PY  - 2023
DO  - 10.1234/JIP.2023.7
ER  -
"""


def test_counts_follow_the_records_read_and_the_papers_kept(tmp_path, run):
    (tmp_path / "zotero.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "mendeley.ris").write_text(RIS, encoding="utf-8")
    assert run("add", "zotero.bib", "mendeley.ris", "--no-tag").exit_code == 0
    assert run("add", "zotero.bib", "--no-tag").exit_code == 0  # read again: not identified twice
    data = json.loads(run("prisma", "--format", "json").stdout)
    assert data["identified"] == 3
    assert data["duplicates_removed"] == 1 and data["after_deduplication"] == 2
    assert data["by_database"] == [{"database": "BibTeX files", "records": 2}, {"database": "RIS files", "records": 1}]
    assert [f["file"] for f in data["by_file"]] == ["zotero.bib", "mendeley.ris"]
    text = run("prisma").stdout
    assert "Records identified (n = 3)" in text and "Duplicate records removed: n = 1" in text
    assert "Records to screen (after de-duplication): n = 2" in text
    indonesian = run("prisma", "--lang", "id").stdout
    assert "Rekaman teridentifikasi (n = 3)" in indonesian and "dari Berkas BibTeX: n = 2" in indonesian


def test_databases_named_by_the_exports_are_counted_together():
    rows = [("Scopus", "csv", "scopus.csv", 120), ("Google Scholar", "csv", "PoPCites.csv", 200),
            ("Scopus", "csv", "scopus-2.csv", 30), ("", "pdf", "a.pdf", 1)]
    ident = identification(rows, papers=280, possible=4)
    assert ident.by_database == [("Google Scholar", 200), ("Scopus", 150), ("PDF files", 1)]
    assert ident.duplicates_removed == 71
    text = render_text(ident)
    assert "  from Scopus: n = 150" in text and "Possible duplicates still to review" in text


def test_bad_format_and_no_corpus(tmp_path, run):
    assert run("prisma").exit_code == 1
    (tmp_path / "a.bib").write_text(BIB, encoding="utf-8")
    run("add", "a.bib", "--no-tag")
    bad = run("prisma", "--format", "xml")
    assert bad.exit_code == 2 and "text or json" in bad.output
