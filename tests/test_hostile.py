"""Hostile input: crafted files that once copied secrets, hung, crashed or leaked tracebacks.

Each refusal is one line naming the file and the limit; a bad file in a batch is skipped while
the good ones land.
"""

from __future__ import annotations

import pytest

from litreview.text.sentences import split_sentences


# -- item 4: no recursion in the text functions ------------------------------------------
def test_sentences_of_a_huge_run_without_full_stops():
    text = "Judul\n\n" + "kata " * 200_000 + "akhir."
    spans = split_sentences(text)
    assert len(spans) > 1000
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in spans)
    assert spans[-1].end == len(text)


# -- item 7: every CSV/TSV output neutralises formulas -------------------------------------
FORMULA_TITLES = ['=HYPERLINK("http://example.invalid","x")', "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3"]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_list_csv_and_tsv_neutralise_formulas(run, tmp_path, fmt):
    import csv
    import io

    bib = tmp_path / "f.bib"
    bib.write_text("".join(
        f"@article{{k{i},title={{{t}}},author={{Family, Given}},year={{20{10 + i}}}}}\n"
        for i, t in enumerate(FORMULA_TITLES)
    ), encoding="utf-8")
    assert run("add", bib, "--no-tag").exit_code == 0
    result = run("list", "--format", fmt, "--sort", "year")
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    titles = [r[3] for r in rows[1:]]
    assert titles == ["'" + t for t in FORMULA_TITLES]
    assert [r[1] for r in rows[1:]] == ["2010", "2011", "2012", "2013"]  # numbers stay numbers


def test_csv_writer_keeps_plain_negative_numbers():
    from litreview.render.csv_render import write_rows

    assert write_rows([["-5", "-2.5", "-2+3", "-5 votes", -7, 1.5, None]]) == "-5,-2.5,'-2+3,'-5 votes,-7,1.5,\n"


# -- item 2: YAML alias bombs; item 3: deep nesting ------------------------------------------
def billion_laughs(indent: str = "") -> str:
    """The ~400-byte "billion laughs" document: nine levels of nine aliases each."""
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{indent}{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


BOMB_FRONT_MATTER = "---\n" + billion_laughs() + "title: *i\n---\nSome text of the paper.\n"
DEEP_JSON = "[" * 1100 + '{"id": "a", "type": "article", "title": "T"}' + "]" * 1100


def csl_yaml_bomb() -> str:
    return "bomb:\n" + billion_laughs("  ") + "references:\n- id: a\n  type: article-journal\n  title: *i\n"


@pytest.mark.parametrize("loader", ["load_yaml", "load_yaml_all", "compose_yaml"])
def test_alias_bomb_is_refused_quickly(loader):
    import time

    from litreview import safeload

    started = time.perf_counter()
    with pytest.raises(safeload.InputTooComplex) as caught:
        getattr(safeload, loader)(billion_laughs(), "bomb.yaml")
    assert time.perf_counter() - started < 2
    message = str(caught.value)
    assert message.startswith("bomb.yaml: ") and "100,000" in message and "\n" not in message


def test_yaml_aliases_within_bounds_still_load():
    from litreview.safeload import load_yaml

    assert load_yaml("a: &x [1, 2]\nb: *x\nc: *x\n", "ok.yaml") == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


def test_yaml_self_reference_and_deep_nesting_are_refused():
    from litreview.safeload import InputTooComplex, load_yaml

    with pytest.raises(InputTooComplex, match="refers to the node that holds it"):
        load_yaml("a: &a [1, *a]\n", "loop.yaml")
    with pytest.raises(InputTooComplex, match="nested more than 100 levels"):
        load_yaml("[" * 1100 + "]" * 1100, "deep.yaml")


@pytest.mark.parametrize("name,content", [
    ("front.md", BOMB_FRONT_MATTER),
    ("refs.yaml", "CSL"),
    ("deep.json", DEEP_JSON),
    ("deep.yaml", "references:\n- id: a\n  type: article\n  title: " + "[" * 1100 + "]" * 1100 + "\n"),
])
def test_bombs_and_deep_files_fail_alone_in_one_line(run, tmp_path, name, content):
    (tmp_path / name).write_text(csl_yaml_bomb() if content == "CSL" else content, encoding="utf-8")
    (tmp_path / "good.bib").write_text("@article{g,title={A good paper},author={Good, Ann},year={2021}}\n")
    result = run("add", name, "good.bib", "--no-tag")
    assert result.exit_code == 3, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and name in failed[0], result.stderr
    assert "Traceback" not in result.output and "1 added" in result.stderr


def test_edit_refuses_an_alias_bomb_in_one_line():
    from litreview.editing import paper_from_yaml
    from litreview.errors import ValidationError
    from litreview.model import Paper

    with pytest.raises(ValidationError) as caught:
        paper_from_yaml(billion_laughs() + "title: *i\n", Paper(key="k", title="T"))
    assert "alias bomb" in str(caught.value) and "\n" not in str(caught.value)


def test_codebook_refuses_an_alias_bomb(run, tmp_path):
    from litreview.safeload import InputTooComplex
    from litreview.themes.codebook import parse_codebook

    with pytest.raises(InputTooComplex, match="alias bomb"):
        parse_codebook(billion_laughs(), "codebook.yaml")
    (tmp_path / "bomb.yaml").write_text(billion_laughs(), encoding="utf-8")
    result = run("codebook", "check", "bomb.yaml")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "bomb.yaml: YAML aliases expand to more than 100,000 nodes" in result.stderr


def test_json_depth_check_is_iterative_and_exact():
    from litreview.safeload import MAX_JSON_DEPTH, InputTooComplex, check_json_depth, load_json

    assert load_json("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, "ok.json") is not None
    assert load_json('["[[[[", {"a": "]]]"}]', "strings.json") == ["[[[[", {"a": "]]]"}]
    with pytest.raises(InputTooComplex, match="nested more than 100 levels"):
        check_json_depth("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "deep.json")


def test_csl_yaml_error_is_one_line(run, tmp_path):
    (tmp_path / "bad.yaml").write_bytes(b"references:\n- id: a\n  type: article\n  title: x\x07y\n")
    result = run("add", "bad.yaml", "--no-tag")
    failed = [line for line in result.stderr.splitlines() if "bad.yaml" in line]
    assert result.exit_code == 1 and len(failed) == 1, result.stderr
    assert "special characters" in failed[0]


# -- item 5: file names that are not UTF-8 or hold line breaks ---------------------------------
def test_non_utf8_and_newline_file_names_are_stored_escaped(run, tmp_path):
    import os

    folder = tmp_path / "papers"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"\xff-catatan.txt"), "w", encoding="utf-8") as handle:
        handle.write("Catatan tentang kampanye\n\nIsi catatan tentang media sosial. Kalimat kedua.\n")
    (folder / "new\nline.txt").write_text("Another note on voters\n\nSome text about voters. Second one.\n")
    result = run("add", folder, "--no-tag")
    assert result.exit_code == 0, result.output
    assert "2 added" in result.stderr
    listing = run("list", "--format", "tsv").stdout
    assert "\\xff-catatan.txt" in listing and "new\\nline.txt" in listing
    assert len(listing.splitlines()) == 3  # header and two rows: no line broken by a name
    for line in listing.splitlines()[1:]:
        shown = run("show", line.split("\t")[0]).stdout
        assert "files" in shown and ("\\xff-catatan.txt" in shown or "new\\nline.txt" in shown)
        assert not any(line == "line.txt (source" or line.startswith("line.txt") for line in shown.splitlines())


def test_non_utf8_name_named_directly(run, tmp_path):
    import os

    raw = os.path.join(os.fsencode(tmp_path), b"\xfe\xff.txt")
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write("A short note on turnout\n\nText about turnout. And more.\n")
    result = run("add", os.fsdecode(raw), "--no-tag")
    assert result.exit_code == 0, result.output
    assert "\\xfe\\xff.txt" in run("list", "--format", "tsv").stdout


def test_printable_name():
    from litreview.text.encoding import printable_name

    assert printable_name("ok é.pdf") == "ok é.pdf"
    assert printable_name("a\udcffb.txt") == "a\\xffb.txt"
    assert printable_name("two\nlines\r.txt") == "two\\nlines\\r.txt"
    assert printable_name("bell\x07.txt") == "bell\\x07.txt"


# -- item 1: files named by records are followed only inside allowed folders -------------------
def _bib(path, file_field, key="a", title="Attached"):
    path.write_text(f"@article{{{key},title={{{title}}},author={{Ena, Eka}},year={{2020}},file={{{file_field}}}}}\n",
                    encoding="utf-8")


def _attachment_warnings(result):
    return [line for line in result.stderr.splitlines() if "attached file" in line]


@pytest.mark.parametrize("target", ["/proc/self/environ", "/proc/self/mem", "/dev/zero", "/etc/hostname"])
def test_file_field_outside_the_bibliography_folder_is_refused(run, tmp_path, target):
    (tmp_path / "lib").mkdir()
    _bib(tmp_path / "lib" / "x.bib", target)
    result = run("add", "lib/x.bib", "--no-tag")
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stderr and "Traceback" not in result.output
    [warning] = _attachment_warnings(result)
    assert target in warning and "refused" in warning
    assert "--attachments" in warning or "system file" in warning
    files = run("show", "ena2020").stdout
    assert "attachment" not in files


def test_relative_escape_symlink_fifo_and_directory_are_refused(run, tmp_path):
    import os

    lib = tmp_path / "lib"
    lib.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (lib / "link.pdf").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(lib / "pipe.pdf")
    (lib / "folder.pdf").mkdir()
    _bib(lib / "x.bib", "../secret.txt;link.pdf;pipe.pdf;folder.pdf")
    result = run("add", "lib/x.bib", "--no-tag")
    assert result.exit_code == 0 and "1 added" in result.stderr, result.output
    warnings = _attachment_warnings(result)
    assert len(warnings) == 4, warnings
    assert "outside the folder" in warnings[0] and "outside the folder" in warnings[1]
    assert "not a regular file" in warnings[2] and "not a regular file" in warnings[3]


def test_attachments_option_allows_a_zotero_storage_folder(run, tmp_path):
    storage = tmp_path / "Zotero" / "storage" / "ABCD1234"
    storage.mkdir(parents=True)
    (storage / "paper.txt").write_text("Some attached notes about the study.\n")
    (tmp_path / "lib").mkdir()
    _bib(tmp_path / "lib" / "x.bib", str(storage / "paper.txt"))
    refused = run("add", "lib/x.bib", "--no-tag")
    assert "outside the folder" in _attachment_warnings(refused)[0]
    run("remove", "ena2020", "--yes")
    _bib(tmp_path / "lib" / "y.bib", "ABCD1234/paper.txt", key="b", title="Relative to storage")
    accepted = run("add", "lib/x.bib", "lib/y.bib", "--no-tag", "--attachments", tmp_path / "Zotero" / "storage")
    assert accepted.exit_code == 0 and not _attachment_warnings(accepted), accepted.output
    assert "paper.txt (attachment" in run("show", "ena2020").stdout
    assert "paper.txt (attachment" in run("show", "ena2020a").stdout
    missing = run("add", "lib/x.bib", "--attachments", tmp_path / "nowhere")
    assert missing.exit_code == 2 and "no such directory" in missing.stderr


def test_oversized_attachment_is_refused(run, tmp_path, monkeypatch):
    import litreview.add

    monkeypatch.setattr(litreview.add, "MAX_ATTACHMENT_BYTES", 1000)
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 2000)
    _bib(tmp_path / "x.bib", "big.pdf")
    result = run("add", "x.bib", "--no-tag")
    [warning] = _attachment_warnings(result)
    assert "big.pdf" in warning and "limit" in warning and result.exit_code == 0


def test_ris_l1_link_is_held_to_the_same_rules(run, tmp_path):
    (tmp_path / "x.ris").write_text("TY  - JOUR\nTI  - A RIS record\nAU  - Ena, Eka\nPY  - 2020\n"
                                    "L1  - file:///proc/self/environ\nER  - \n", encoding="utf-8")
    result = run("add", "x.ris", "--no-tag")
    assert result.exit_code == 0 and "1 added" in result.stderr, result.output
    [warning] = _attachment_warnings(result)
    assert "/proc/self/environ" in warning and "refused" in warning


# -- item 6: PDF decompression bombs and slow PDFs -----------------------------------------
def test_check_streams_refuses_a_2_gib_flate_stream_quickly():
    import time

    from hostile_files import bomb_pdf

    from litreview.errors import ImportFailed
    from litreview.ingest.pdf_streams import check_streams

    data = bomb_pdf()
    assert len(data) < 3 * 2**20
    started = time.perf_counter()
    with pytest.raises(ImportFailed) as caught:
        check_streams(data, "bomb.pdf")
    assert time.perf_counter() - started < 5
    assert str(caught.value).startswith("bomb.pdf: ") and "256 MiB limit per stream" in str(caught.value)


def test_check_streams_total_limit_and_normal_pdfs(monkeypatch):
    from conftest import FIXTURES
    from hostile_files import flate_bomb, pdf_with_content

    import litreview.ingest.pdf_streams as streams
    from litreview.errors import ImportFailed

    for pdf in sorted((FIXTURES / "pdf").glob("*.pdf")):
        assert streams.check_streams(pdf.read_bytes(), pdf.name) < streams.MAX_TOTAL_BYTES
    page = flate_bomb(4 * 2**20, piece=2**20)  # 4 MiB of spaces
    assert streams.check_streams(pdf_with_content(page), "fine.pdf") >= 4 * 2**20
    monkeypatch.setattr(streams, "MAX_STREAM_BYTES", 3 * 2**20)
    with pytest.raises(ImportFailed, match="3 MiB limit per stream"):
        streams.check_streams(pdf_with_content(page), "x.pdf")
    monkeypatch.setattr(streams, "MAX_STREAM_BYTES", 5 * 2**20)
    monkeypatch.setattr(streams, "MAX_TOTAL_BYTES", 6 * 2**20)
    two = pdf_with_content(page).replace(b"%%EOF", b"") + b"9 0 obj\n<< >>\nstream\n" + page + b"\nendstream\n"
    with pytest.raises(ImportFailed, match="6 MiB limit per file"):
        streams.check_streams(two, "x.pdf")


def test_pdf_parse_time_budget(monkeypatch):
    from conftest import FIXTURES

    import litreview.ingest.pdf as pdf
    from litreview.errors import ImportFailed

    monkeypatch.setattr(pdf, "MAX_PARSE_SECONDS", -1.0)
    data = (FIXTURES / "pdf" / "bilingual_article.pdf").read_bytes()
    with pytest.raises(ImportFailed, match=r"longer than the -1 s limit per file \(stopped at page 1"):
        pdf.read(data, "slow.pdf")


@pytest.mark.reliability
def test_bomb_pdf_under_a_memory_limit_fails_alone(tmp_path):
    """The 2 MB PDF holding a 2 GiB stream once took 3.1 GB and, under a limit, died silently."""
    import resource
    import shutil
    import subprocess
    import sys

    from conftest import FIXTURES
    from hostile_files import bomb_pdf

    (tmp_path / "bomb.pdf").write_bytes(bomb_pdf())
    shutil.copy(FIXTURES / "pdf" / "bilingual_article.pdf", tmp_path / "good.pdf")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))

    result = subprocess.run([sys.executable, "-m", "litreview", "add", "bomb.pdf", "good.pdf", "--no-tag"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120, preexec_fn=limit)
    assert result.returncode == 3, result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and failed[0].endswith(
        "bomb.pdf: a compressed stream at byte 299 inflates past the 256 MiB limit per stream "
        "(a decompression bomb?); refused"), failed
    assert "1 added" in result.stderr and "Traceback" not in result.stderr


# -- item 8: small ones --------------------------------------------------------------------------
def _editor_script(tmp_path, body: str) -> str:
    import sys

    script = tmp_path / "editor.py"
    script.write_text("import os, sys\npath = sys.argv[1]\n" + body + "\n", encoding="utf-8")
    return f"{sys.executable} {script}"


@pytest.mark.parametrize("body,expected", [
    ("os.unlink(path)", "is gone"),
    ("open(path, 'wb').write(b'title: caf\\xe9\\n')", "not UTF-8 (byte 10)"),
])
def test_edit_unreadable_temp_file_is_one_line(run, tmp_path, monkeypatch, body, expected):
    from conftest import FIXTURES

    run("add", FIXTURES / "text" / "relawan-digital.md", "--no-tag")
    monkeypatch.setenv("EDITOR", _editor_script(tmp_path, body))
    result = run("edit", "wulandari2024")
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "not saved" in lines[0], result.stderr


def test_stored_copies_follow_the_umask(run, tmp_path):
    import os
    import stat

    from conftest import FIXTURES

    old = os.umask(0o022)
    try:
        assert run("add", FIXTURES / "text" / "relawan-digital.md", "--no-tag").exit_code == 0
    finally:
        os.umask(old)
    copies = list((tmp_path / ".litreview" / "files").iterdir())
    assert copies and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in copies)


# -- item 9: every crafted file in one `add`, with good ones ----------------------------------------
@pytest.mark.reliability
def test_one_add_of_every_hostile_file_with_good_ones(tmp_path):
    import os
    import shutil
    import sqlite3
    import subprocess
    import sys

    from conftest import FIXTURES
    from hostile_files import bomb_pdf

    work = tmp_path / "in"
    work.mkdir()
    (work / "good.bib").write_text("@article{good,title={Kampanye digital di desa},author={Baik, Budi},"
                                   "year={2022},journal={Jurnal Baik}}\n", encoding="utf-8")
    (work / "good.txt").write_text("Catatan lapangan pemilu\n\nPara pemilih muda membaca berita. Mereka berbagi.\n",
                                   encoding="utf-8")
    _bib(work / "environ.bib", "/proc/self/environ", key="env", title="Secrets stay home")
    _bib(work / "mem.bib", "/proc/self/mem", key="mem", title="Memory stays home")
    (work / "front.md").write_text(BOMB_FRONT_MATTER, encoding="utf-8")
    (work / "bomb.yaml").write_text(csl_yaml_bomb(), encoding="utf-8")
    (work / "deep.json").write_text(DEEP_JSON, encoding="utf-8")
    (work / "long.txt").write_text("Teks panjang\n\n" + "kata " * 150_000 + "\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(work), b"\xff-nama.txt"), "w", encoding="utf-8") as handle:
        handle.write("Nama berkas aneh\n\nIsi berkas tentang relawan digital. Kalimat lain.\n")
    (work / "two\nlines.txt").write_text("Berkas dua baris\n\nTentang pendengung di media sosial. Selesai.\n")
    (work / "bomb.pdf").write_bytes(bomb_pdf())
    for name in ("bilingual_article.pdf", "title_above_abstract.pdf", "copy_protected.pdf"):
        shutil.copy(FIXTURES / "pdf" / name, work / name)

    result = subprocess.run([sys.executable, "-m", "litreview", "add", "in", "--no-tag"], cwd=tmp_path,
                            capture_output=True, text=True, errors="backslashreplace", timeout=180)
    lines = result.stderr.splitlines()
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    failed = sorted(line.split(": ", 1)[0].rsplit("/", 1)[1] for line in lines if line.startswith("failed"))
    assert failed == ["bomb.pdf", "bomb.yaml", "deep.json", "front.md"], result.stderr
    refused = [line for line in lines if "attached file" in line]
    assert len(refused) == 2 and all("refused" in line for line in refused), refused
    added = result.stdout
    for title in ("Kampanye digital di desa", "Catatan lapangan pemilu", "Secrets stay home", "Memory stays home",
                  "Teks panjang", "Nama berkas aneh", "Berkas dua baris"):
        assert title in added, (title, added)
    assert "10 added" in lines[-1] and "4 failed" in lines[-1], lines[-1]
    db = sqlite3.connect(tmp_path / ".litreview" / "corpus.db")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {row[0] for row in db.execute("SELECT name FROM paper_files")}
    assert "\\xff-nama.txt" in stored and "two\\nlines.txt" in stored
    assert db.execute("SELECT name FROM paper_files WHERE role = 'attachment'").fetchall() == []


def test_skipped_extension_that_is_not_utf8_is_escaped(run, tmp_path):
    import os

    folder = tmp_path / "mixed"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"notes.\xff"), "w") as handle:
        handle.write("x")
    (folder / "good.txt").write_text("A note on turnout\n\nText about turnout. And more.\n")
    result = run("add", folder, "--no-tag")
    assert result.exit_code == 0 and "types litreview does not read: .\\xff" in result.stderr, result.stderr


@pytest.mark.parametrize("layer", ["hex", "a85"])
def test_check_streams_sees_through_an_ascii_layer(layer, monkeypatch):
    import base64

    from hostile_files import flate_bomb, pdf_with_content

    import litreview.ingest.pdf_streams as streams
    from litreview.errors import ImportFailed

    flate = flate_bomb(4 * 2**20, piece=2**20)
    if layer == "hex":
        body, names = flate.hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]"
    else:
        body, names = base64.a85encode(flate, wrapcol=72) + b"~>", b"[/A85 /Fl]"
    pdf = pdf_with_content(body, flate=False).replace(b"/Length", b"/Filter " + names + b" /Length")
    assert streams.check_streams(pdf, "ok.pdf") >= 4 * 2**20
    monkeypatch.setattr(streams, "MAX_STREAM_BYTES", 3 * 2**20)
    with pytest.raises(ImportFailed, match="3 MiB limit per stream"):
        streams.check_streams(pdf, "x.pdf")


def test_stream_sizes_with_isal_are_zlibs_on_whole_cut_and_broken_streams(monkeypatch):
    import random
    import zlib

    import litreview.ingest.pdf_streams as streams

    pytest.importorskip("isal")
    rng = random.Random(7)
    samples = []
    for _ in range(120):
        raw = zlib.compress(rng.randbytes(rng.randint(0, 3000)) + b" " * rng.randint(0, 300_000))
        kind = rng.choice(["whole", "cut", "flipped"])
        if kind == "cut":
            raw = raw[: rng.randint(0, len(raw))]
        elif kind == "flipped" and raw:
            at = rng.randrange(len(raw))
            raw = raw[:at] + bytes([raw[at] ^ rng.randint(1, 255)]) + raw[at + 1 :]
        samples.append(raw)
    limits = [10**9, 100_000]
    with_isal = [streams._inflated_size(s, limit) for s in samples for limit in limits]
    monkeypatch.setattr(streams, "_fast_zlib", lambda: None)
    assert with_isal == [streams._inflated_size(s, limit) for s in samples for limit in limits]
