"""The command line, through Typer's CliRunner and through the installed entry point."""

import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, snapshot

MD = FIXTURES / "text" / "relawan-digital.md"
TXT = FIXTURES / "text" / "catatan-tanpa-metadata.txt"



def test_help_and_version(run):
    result = run("--help")
    assert result.exit_code == 0 and "add" in result.output and "export" in result.output
    assert run("--version").output.strip() == "litreview 0.1.0"
    for command in ("init", "add", "list", "show", "edit", "rename", "remove", "export"):
        helped = run(command, "--help")
        assert helped.exit_code == 0 and "Example" in helped.output, command


def test_add_creates_a_corpus_and_says_so(run, tmp_path):
    result = run("add", MD)
    assert result.exit_code == 0, result.output
    assert "created one in" in result.stderr and "1 added" in result.stderr
    assert "wulandari2024" in result.stdout
    assert (tmp_path / ".litreview" / "corpus.db").is_file()


def test_list_json_and_csv(run):
    run("add", MD, TXT)
    rows = json.loads(run("list", "--format", "json").stdout)
    assert [r["key"] for r in rows] == ["polarisasind", "wulandari2024"]
    for field in ("key", "title", "authors", "year", "doi", "files", "themes"):
        assert field in rows[0]
    assert rows[1]["authors"] == ["Sari Wulandari", "Bambang"]
    assert rows[1]["files"] == ["relawan-digital.md"]
    filtered = json.loads(run("list", "--format", "json", "--year", "2020-2024", "--author", "wulan").stdout)
    assert [r["key"] for r in filtered] == ["wulandari2024"]
    text_filtered = json.loads(run("list", "--format", "json", "--text", "polarisasi").stdout)
    assert [r["key"] for r in text_filtered] == ["polarisasind"]
    csv_out = run("list", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("key,year,authors,title") and len(csv_out) == 3
    table = run("list", "--format", "table")
    assert "wulandari2024" in table.stdout and "2 papers" in table.stderr


def test_bad_year_range_is_a_usage_error(run):
    run("add", MD)
    result = run("list", "--year", "2024-2020")
    assert result.exit_code == 2 and "runs backwards" in result.stderr


def test_show_text_and_json(run):
    run("add", MD)
    shown = run("show", "wulandari2024")
    assert shown.exit_code == 0
    assert "Pendahuluan" in shown.stdout and "introduction" in shown.stdout and "relawan-digital.md" in shown.stdout
    data = json.loads(run("show", "wulandari2024", "--format", "json").stdout)
    assert data["title_en"].startswith("Digital Volunteers")
    assert [s["kind"] for s in data["sections"]][:2] == ["abstract", "introduction"]
    assert all(s["words"] > 0 for s in data["sections"])


def test_title_with_brackets_prints_as_written(run, tmp_path):
    f = tmp_path / "kurung.md"
    f.write_text("---\ntitle: \"Kampanye [bold]Digital[/bold] dan [red]Hoaks\"\nyear: 2023\n---\nIsi.\n")
    run("add", f)
    shown = run("show", "kampanyend" if False else "kampanye2023")
    assert "[bold]Digital[/bold] dan [red]Hoaks" in shown.stdout


def test_unknown_key_is_one_line_with_a_suggestion(run):
    run("add", MD)
    result = run("show", "wulandari2042")
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "did you mean wulandari2024" in result.stderr


def test_no_corpus_is_a_clear_error(run):
    result = run("list")
    assert result.exit_code == 1 and "no corpus here" in result.stderr


def test_not_a_corpus_directory(run, tmp_path):
    result = run("list", "--corpus", tmp_path)
    assert result.exit_code == 1 and "not a litreview corpus" in result.stderr


def _editor(tmp_path, body):
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\ntext = p.read_text()\n" + body
                      + "\np.write_text(text)\n")
    return f"{sys.executable} {script}"


def test_edit_saves_valid_changes_and_renames(run, tmp_path, monkeypatch):
    run("add", MD)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, textwrap.dedent("""\
        text = text.replace("year: 2024", "year: 2023").replace("key: wulandari2024", "key: wulandari2023relawan")
        """)))
    result = run("edit", "wulandari2024")
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("show", "wulandari2023relawan", "--format", "json").stdout)
    assert data["year"] == 2023 and data["sections"]


def test_edit_refuses_invalid_changes(run, tmp_path, monkeypatch):
    run("add", MD)
    before = snapshot(tmp_path / ".litreview")
    monkeypatch.setenv("EDITOR", _editor(tmp_path, 'text = text.replace("year: 2024", "year: dua ribu")'))
    result = run("edit", "wulandari2024")
    assert result.exit_code == 1 and "year" in result.stderr and "not saved" in result.stderr
    assert snapshot(tmp_path / ".litreview") == before
    monkeypatch.setenv("EDITOR", _editor(tmp_path, 'text = text + "warna: merah\\n"'))
    result = run("edit", "wulandari2024")
    assert result.exit_code == 1 and "unknown field 'warna'" in result.stderr


def test_rename_and_remove(run, tmp_path):
    run("add", MD, TXT)
    assert run("rename", "polarisasind", "catatan2024").exit_code == 0
    clash = run("rename", "catatan2024", "wulandari2024")
    assert clash.exit_code == 1 and "already used" in clash.stderr
    refused = run("remove", "catatan2024")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    done = run("remove", "catatan2024", "--yes")
    assert done.exit_code == 0
    keys = [r["key"] for r in json.loads(run("list", "--format", "json").stdout)]
    assert keys == ["wulandari2024"]
    assert len(list((tmp_path / ".litreview" / "files").iterdir())) == 1


def test_export_formats(run, tmp_path):
    run("add", MD, TXT)
    for fmt in ("bibtex", "ris", "csljson", "yaml"):
        result = run("export", "--format", fmt)
        assert result.exit_code == 0 and "Relawan Digital" in result.stdout, fmt
    out = tmp_path / "pustaka.bib"
    assert run("export", "wulandari2024", "-o", out).exit_code == 0
    from pybtex.database import parse_string

    entries = parse_string(out.read_text(), "bibtex").entries
    assert len(entries) == 1


def test_add_reports_bad_files_in_one_line_each(run, tmp_path):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage without objects")
    result = run("add", MD, bad, tmp_path / "hilang.bib")
    assert result.exit_code == 3
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 2 and any("rusak.pdf" in f for f in failed) and any("hilang.bib" in f for f in failed)
    assert "Traceback" not in result.output


def _installed_litreview():
    exe = Path(sys.executable).parent / "litreview"
    return str(exe) if exe.exists() else shutil.which("litreview")


@pytest.mark.skipif(_installed_litreview() is None, reason="the litreview entry point is not installed")
def test_installed_entry_point(tmp_path):
    exe = _installed_litreview()
    env = {**os.environ, "LITREVIEW_CORPUS": ""}
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("litreview ")
    added = subprocess.run([exe, "add", str(ROOT / "corpus")], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert added.returncode == 0, added.stderr
    assert "8 added, 0 duplicates skipped, 0 failed" in added.stderr
    assert not [line for line in added.stderr.splitlines() if line.startswith(("warning", "failed"))]
    listed = subprocess.run([exe, "list", "--format", "json"], cwd=tmp_path, capture_output=True, text=True, env=env)
    keys = {row["key"] for row in json.loads(listed.stdout)}
    assert {"cobis2023", "fahruji2023", "munadi2023"} <= keys
    missing = subprocess.run([exe, "add", "tidak-ada.pdf"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert missing.returncode == 1 and "tidak-ada.pdf: no such file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_start_up_imports_no_heavy_library():
    code = ("import sys; from litreview.cli import app; "
            "heavy = [m for m in ('pdfplumber', 'pypdfium2', 'pybtex', 'rispy', 'citeproc', 'docx', 'openpyxl', "
            "'charset_normalizer', 'ftfy', 'Sastrawi', 'wordfreq', 'rapidfuzz', 'yaml', 'matplotlib', 'networkx') "
            "if m in sys.modules]; print(','.join(heavy))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""


def test_newer_schema_is_one_line_through_the_cli(run, tmp_path):
    import sqlite3

    run("init")
    db = sqlite3.connect(tmp_path / ".litreview" / "corpus.db")
    db.execute("INSERT INTO schema_migrations VALUES (999, 'future')")
    db.commit()
    db.close()
    result = run("list")
    assert result.exit_code == 1 and "newer litreview" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_init_creates_a_missing_directory_and_hints_work_as_printed(run, tmp_path):
    assert run("init", "skripsi/bab2").exit_code == 0
    assert (tmp_path / "skripsi" / "bab2" / ".litreview" / "corpus.db").is_file()
    (tmp_path / "catatan.txt").write_text("x", encoding="utf-8")
    refused = run("init", "catatan.txt")
    assert refused.exit_code == 1 and "catatan.txt: is a file, not a directory" in refused.stderr
    for given, hint in (("baru", "litreview init baru"), ("dua kata", "litreview init 'dua kata'"),
                        ("lain/.litreview", "litreview init lain")):
        missing = run("list", "--corpus", given)
        assert missing.exit_code == 1
        printed = missing.stderr.split("`")[1]
        assert printed == hint
        args = shlex.split(printed)[1:]
        assert run(*args).exit_code == 0  # the suggested command works as printed
        assert run("list", "--corpus", given).exit_code == 0
