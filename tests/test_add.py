"""`add` as a library call: duplicates, overrides, bad input, concurrency, crashes."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import FIXTURES, snapshot

from litreview.add import AddOptions, add_paths
from litreview.errors import UsageError
from litreview.store import Corpus

MD = FIXTURES / "text" / "relawan-digital.md"
TXT = FIXTURES / "text" / "catatan-tanpa-metadata.txt"


def open_root(corpus_dir):
    return Corpus(corpus_dir / ".litreview")


def test_add_and_keys(corpus_dir):
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(MD), str(TXT)])
        assert report.exit_code == 0 and not report.failed
        assert sorted(k for k, _ in report.added) == ["polarisasind", "wulandari2024"]
        paper = corpus.get("wulandari2024")
        assert paper.citations and paper.sections
        files = corpus.files_of("wulandari2024")
        assert [f.name for f in files] == ["relawan-digital.md"]
        assert (corpus.root / "files" / f"{files[0].sha256}.md").read_bytes() == MD.read_bytes()


def test_adding_again_reports_duplicates_and_adds_nothing(corpus_dir):
    with open_root(corpus_dir) as corpus:
        add_paths(corpus, [str(MD)])
        before = snapshot(corpus.root)
        report = add_paths(corpus, [str(MD)])
        assert report.added == [] and report.exit_code == 0
        (dup,) = report.duplicates
        assert dup.key == "wulandari2024" and "same file" in dup.reason
        assert snapshot(corpus.root) == before


def test_same_doi_in_another_file_is_a_duplicate_and_fills_gaps(corpus_dir, tmp_path):
    other = tmp_path / "salinan.md"
    other.write_text(textwrap.dedent("""\
        ---
        title: "Relawan digital pada Pilkada 2024 (versi pracetak)"
        doi: "10.99999/CONTOH.2024.001"
        volume: "7"
        ---
        Teks lain.
        """), encoding="utf-8")
    with open_root(corpus_dir) as corpus:
        add_paths(corpus, [str(MD)])
        report = add_paths(corpus, [str(other)])
        (dup,) = report.duplicates
        assert "same DOI" in dup.reason and "volume" in dup.merged
        assert corpus.get("wulandari2024").volume == "7"
        assert corpus.count() == 1
        assert len(corpus.provenance_of("wulandari2024")) == 2


def test_allow_duplicates(corpus_dir):
    with open_root(corpus_dir) as corpus:
        add_paths(corpus, [str(MD)])
        report = add_paths(corpus, [str(MD)], AddOptions(allow_duplicates=True))
        assert [k for k, _ in report.added] == ["wulandari2024a"]


def test_same_title_other_year_is_kept_and_flagged(corpus_dir, tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Literasi Digital Pemilih Pemula\nauthors: [Munadi]\nyear: 2019\n---\nIsi.\n")
    g = tmp_path / "b.md"
    g.write_text("---\ntitle: Literasi digital pemilih pemula\nauthors: [Munadi]\nyear: 2023\n---\nIsi lain.\n")
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(f), str(g)])
        assert len(report.added) == 2
        ((new, old, reason),) = report.maybe_duplicates
        assert {new, old} == {"munadi2019", "munadi2023"} and "year" in reason
        assert corpus.maybe_duplicates_of("munadi2019")[0][0] == "munadi2023"


def test_overrides_apply_to_one_file(corpus_dir):
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(TXT)], AddOptions(title="Judul Baru", authors=["Udi Rusadi"], year=2022))
        ((key, title),) = report.added
        assert key == "rusadi2022" and title == "Judul Baru"
        with pytest.raises(UsageError, match="single file"):
            add_paths(corpus, [str(TXT), str(MD)], AddOptions(year=2020))


def _write(path, data):
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: str(d / "tidak-ada.pdf"), "no such file"),
        (lambda d: (d / "kosong").mkdir() or str(d / "kosong"), "no supported files"),
        (lambda d: _write(d / "empty.bib", b""), "empty"),
        (lambda d: _write(d / "garbage.pdf", os.urandom(3000)), "does not look like a PDF"),
        (lambda d: _write(d / "garbage.bib", b"\x00\xff" * 900), "garbage.bib"),
        (lambda d: _write(d / "one-byte.pdf", b"\n"), "empty"),
        (lambda d: _write(d / "terkunci.pdf", (FIXTURES / "pdf" / "encrypted.pdf").read_bytes()), "encrypted"),
        (lambda d: str(d / "*.nothing"), "no files match"),
    ],
)
def test_bad_input_fails_cleanly_and_changes_nothing(corpus_dir, tmp_path, make, message):
    bad_dir = tmp_path / "input"
    bad_dir.mkdir()
    target = make(bad_dir)
    with open_root(corpus_dir) as corpus:
        before = snapshot(corpus.root)
        report = add_paths(corpus, [target])
        assert report.exit_code == 1 and report.added == []
        (line,) = report.failed
        assert message in line and "\n" not in line
        assert snapshot(corpus.root) == before


def test_partial_batch_exits_3(corpus_dir, tmp_path):
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(MD), str(tmp_path / "hilang.txt")])
        assert report.exit_code == 3 and len(report.added) == 1


def _litreview(*args, cwd):
    return subprocess.Popen([sys.executable, "-m", "litreview", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_adds_at_once_both_succeed(corpus_dir, tmp_path):
    batch_a, batch_b = tmp_path / "a", tmp_path / "b"
    for i, d in enumerate((batch_a, batch_b)):
        d.mkdir()
        for j in range(15):
            (d / f"p{j}.md").write_text(f"---\ntitle: Makalah {i}-{j} tentang kampanye\nauthors: [Penulis{i}]\n"
                                        f"year: {2000 + j}\n---\nIsi {i} {j}.\n", encoding="utf-8")
    procs = [_litreview("add", str(d), "--corpus", str(corpus_dir), cwd=tmp_path) for d in (batch_a, batch_b)]
    for p in procs:
        stdout, stderr = p.communicate(timeout=120)
        assert p.returncode == 0, stderr
    with open_root(corpus_dir) as corpus:
        assert corpus.count() == 30
        assert corpus.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_killed_import_leaves_no_half_written_paper(corpus_dir):
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from litreview.add import add_paths
        from litreview.store import Corpus
        corpus = Corpus(Path({str(corpus_dir / '.litreview')!r}))
        original = corpus.add_paper
        def add_then_die(*args, **kwargs):
            original(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
        corpus.add_paper = add_then_die
        add_paths(corpus, [{str(MD)!r}])
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with open_root(corpus_dir) as corpus:
        assert corpus.count() == 0
        for table in ("sections", "citations", "paper_files", "provenance"):
            assert corpus.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
        report = add_paths(corpus, [str(MD)])  # and the corpus still works
        assert len(report.added) == 1


def test_readme_in_a_directory_is_skipped(tmp_path, corpus_dir):
    d = tmp_path / "papers"
    d.mkdir()
    shutil.copy(MD, d / "paper.md")
    (d / "README.md").write_text("# Notes for myself\n")
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(d)])
        assert [k for k, _ in report.added] == ["wulandari2024"]


def test_a_table_of_titles_alone_in_a_directory_is_passed_over(tmp_path, corpus_dir):
    d = tmp_path / "papers"
    d.mkdir()
    shutil.copy(MD, d / "paper.md")
    (d / "SOURCES.tsv").write_text("file\tlanguage\ttitle\npaper.md\tid\tRelawan digital\n")
    (d / "rujukan.csv").write_text("title,year,authors\nPolarisasi di media sosial,2023,Munadi\n")
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(d)])
        assert [p.name for p in report.tables_skipped] == ["SOURCES.tsv"]
        assert sorted(k for k, _ in report.added) == ["munadi2023", "wulandari2024"]  # a bibliography is read
        report = add_paths(corpus, [str(d / "SOURCES.tsv")])  # named, its rows are read
        assert len(report.added) == 1 and not report.tables_skipped
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(d)], AddOptions(column_map={"title": "title"}))  # --map: every table
        assert not report.tables_skipped


def test_a_titles_only_table_is_told_on_the_command_line(tmp_path, corpus_dir):
    from typer.testing import CliRunner

    from litreview.cli import app

    d = tmp_path / "papers"
    d.mkdir()
    shutil.copy(MD, d / "paper.md")
    (d / "SOURCES.tsv").write_text("file\ttitle\npaper.md\tRelawan digital\n")
    result = CliRunner().invoke(app, ["add", str(d), "-C", str(corpus_dir)])
    assert result.exit_code == 0
    assert "skipped" in result.output and "SOURCES.tsv" in result.output and "bibliography" in result.output
    assert "1 added" in result.output


PDF = FIXTURES / "pdf" / "bilingual_article.pdf"

BIB_WITH_FILE = """@article{wulandari_kampanye_2023,
  title = {Kampanye Digital dan Polarisasi Pemilih pada Pemilu 2024 di Media Sosial},
  author = {Wulandari, Rina and Munadi and Saputra, Bagus Hadi},
  year = {2023},
  journal = {Jurnal Komunikasi Politik Nusantara},
  doi = {10.99999/jkpn.v7i2.4321},
  file = {Full Text PDF:%s:application/pdf}
}
"""


def test_bibtex_file_field_attaches_the_pdf_and_its_text(corpus_dir, tmp_path):
    (tmp_path / "pdfs").mkdir()
    shutil.copy(PDF, tmp_path / "pdfs" / "artikel.pdf")
    bib = tmp_path / "zotero.bib"
    bib.write_text(BIB_WITH_FILE % "pdfs/artikel.pdf", encoding="utf-8")  # relative to the .bib, as Zotero writes
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(bib)])
        ((key, _),) = report.added
        assert key == "wulandari2023" and not report.warnings
        paper = corpus.get(key)
        assert paper.journal == "Jurnal Komunikasi Politik Nusantara"  # metadata from the record
        assert paper.pages_count == 4 and paper.sections  # text from the attached PDF
        roles = {f.name: f.role for f in corpus.files_of(key)}
        assert roles == {"zotero.bib": "source", "artikel.pdf": "attachment"}


def test_missing_attachment_is_a_warning_not_a_failure(corpus_dir, tmp_path):
    bib = tmp_path / "zotero.bib"
    bib.write_text(BIB_WITH_FILE % "pdfs/hilang.pdf", encoding="utf-8")
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(bib)])
        assert len(report.added) == 1 and report.exit_code == 0
        assert any("attached file not found: pdfs/hilang.pdf" in w for w in report.warnings)


def test_pdf_after_its_bibtex_record_fills_the_record(corpus_dir, tmp_path):
    bib = tmp_path / "zotero.bib"
    bib.write_text((BIB_WITH_FILE % "x.pdf").replace("  file = {Full Text PDF:x.pdf:application/pdf}\n", ""))
    with open_root(corpus_dir) as corpus:
        add_paths(corpus, [str(bib)])
        assert corpus.get("wulandari2023").text == ""
        report = add_paths(corpus, [str(PDF)])
        (dup,) = report.duplicates
        assert dup.key == "wulandari2023" and "same DOI" in dup.reason
        assert "full text" in dup.merged and "title_en" in dup.merged
        paper = corpus.get("wulandari2023")
        assert paper.pages_count == 4 and paper.title_en.startswith("Digital Campaigns")
        assert paper.journal == "Jurnal Komunikasi Politik Nusantara"
        assert corpus.count() == 1
        again = add_paths(corpus, [str(PDF)])  # the same PDF once more: same file
        assert "same file" in again.duplicates[0].reason


def test_scanned_pdf_is_kept_with_an_ocr_warning(corpus_dir):
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(FIXTURES / "pdf" / "image_only.pdf")])
        assert len(report.added) == 1 and report.exit_code == 0
        assert any("no text layer" in w and "OCR" in w for w in report.warnings)
        (key, _), = report.added
        assert corpus.get(key).warnings and corpus.get(key).text == ""


def test_a_link_in_the_file_field_becomes_the_url(corpus_dir, tmp_path):
    bib = tmp_path / "mendeley.bib"
    bib.write_text(BIB_WITH_FILE % "https\\://link.example.org/content/pdf/artikel.pdf", encoding="utf-8")
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(bib)])
        assert not report.warnings
        assert corpus.get("wulandari2023").url == "https://link.example.org/content/pdf/artikel.pdf"


def _library(path, n):
    entries = [
        f"@article{{k{i},\n  title = {{Kampanye daring nomor {i} di Pilkada}},\n  author = {{Penulis{i % 7}, Ani}},\n"
        f"  year = {{{2000 + i % 20}}},\n  journal = {{Jurnal Contoh}}\n}}\n"
        for i in range(n)
    ]
    path.write_text("".join(entries), encoding="utf-8")
    return path


def test_a_streamed_bibliography_adds_the_same_as_an_in_process_one(tmp_path, monkeypatch):
    import litreview.add as add_module

    bib = _library(tmp_path / "besar.bib", 1200)
    results = {}
    for streamed in (False, True):
        monkeypatch.setattr(add_module, "STREAM_MIN_BYTES", 0 if streamed else 10**12)
        root = tmp_path / f"corpus{streamed}"
        root.mkdir()
        with Corpus.init(root) as corpus:
            report = add_paths(corpus, [str(bib)])
            results[streamed] = (sorted(report.added), report.failed, corpus.count(),
                                 corpus.get("penulis02000").title)
    assert results[True] == results[False]
    assert results[True][2] == 1200


def test_a_streamed_file_that_fails_as_a_whole_changes_nothing(corpus_dir, tmp_path, monkeypatch):
    import litreview.add as add_module

    monkeypatch.setattr(add_module, "STREAM_MIN_BYTES", 0)
    bad = tmp_path / "bukan.bib"
    bad.write_bytes(b"\x00\x01" * 5000)
    with open_root(corpus_dir) as corpus:
        before = snapshot(corpus.root)
        report = add_paths(corpus, [str(bad)])
        assert report.exit_code == 1 and "bukan.bib" in report.failed[0]
        assert snapshot(corpus.root) == before


def test_a_crashing_worker_is_reported_not_hung(tmp_path, monkeypatch):
    import litreview.add as add_module

    def broken(path, lazy=False, column_map=None):
        raise ZeroDivisionError("bug in a converter")

    monkeypatch.setattr(add_module, "parse_path", broken)
    with pytest.raises(RuntimeError, match="bug in a converter"):
        add_module.parse_in_worker(str(_library(tmp_path / "x.bib", 3)))


def test_a_duplicate_from_another_export_is_remembered_as_a_source(corpus_dir, tmp_path):
    first, second = tmp_path / "zotero.bib", tmp_path / "mendeley.bib"
    record = (BIB_WITH_FILE % "x.pdf").replace("  file = {Full Text PDF:x.pdf:application/pdf}\n", "")
    first.write_text(record, encoding="utf-8")
    second.write_text(record.replace("wulandari_kampanye_2023", "Wulandari2023"), encoding="utf-8")
    with open_root(corpus_dir) as corpus:
        add_paths(corpus, [str(first)])
        report = add_paths(corpus, [str(second)])
        assert report.duplicates[0].merged == []
        assert [p["file_name"] for p in corpus.provenance_of("wulandari2023")] == ["zotero.bib", "mendeley.bib"]
        add_paths(corpus, [str(second)])  # the same record again: nothing new to remember
        assert len(corpus.provenance_of("wulandari2023")) == 2


def test_files_of_other_types_in_a_directory_are_reported_as_skipped(corpus_dir, tmp_path):
    d = tmp_path / "unduhan"
    d.mkdir()
    shutil.copy(MD, d / "paper.md")
    (d / "matriks.xlsx").write_bytes(b"PK\x03\x04")
    (d / "gambar.png").write_bytes(b"\x89PNG\r\n")
    with open_root(corpus_dir) as corpus:
        report = add_paths(corpus, [str(d)])
        assert len(report.added) == 1 and report.exit_code == 0
        assert sorted(p.name for p in report.skipped) == ["gambar.png", "matriks.xlsx"]


def test_a_file_that_changes_between_reading_and_storing_is_refused(corpus_dir, tmp_path, monkeypatch):
    import litreview.add as add_module

    f = tmp_path / "berubah.md"
    shutil.copy(MD, f)
    real_parse = add_module.parse_paths

    def parse_then_edit(*args, **kwargs):
        parsed = real_parse(*args, **kwargs)
        f.write_text(f.read_text() + "\nTambahan setelah dibaca.\n")
        return parsed

    monkeypatch.setattr(add_module, "parse_paths", parse_then_edit)
    with open_root(corpus_dir) as corpus:
        before = snapshot(corpus.root)
        report = add_paths(corpus, [str(f)])
        assert report.exit_code == 1 and "changed while it was being added" in report.failed[0]
        assert snapshot(corpus.root) == before


def test_setting_a_missing_year_drops_its_warning(corpus_dir):
    pdf_file = FIXTURES / "pdf" / "copy_protected.pdf"  # no year on its page: a warning names it
    with open_root(corpus_dir) as corpus:
        plain = add_paths(corpus, [str(pdf_file)], AddOptions(allow_duplicates=True))
        assert any("no publication year" in w for w in plain.warnings)
        given = add_paths(corpus, [str(pdf_file)], AddOptions(year=2021, allow_duplicates=True))
        assert not any("no publication year" in w for w in given.warnings)
