"""The Indonesian interface: --lang id / LITREVIEW_LANG, the catalogue, theme names by label or alias."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from litreview import i18n
from litreview.i18n_id import CATALOG, COMMAND_HELP
from litreview.themes.codebook import load_codebook

MD = FIXTURES / "text" / "relawan-digital.md"
TXT = FIXTURES / "text" / "catatan-tanpa-metadata.txt"
CORPUS = ROOT / "corpus"


def _calls(name: str):
    """(file, call) for every call of the function ``name`` with an argument in the package."""
    for path in (ROOT / "litreview").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name and node.args:
                yield path, node


def _templates() -> dict[str, str]:
    """Every literal message given to tr() in the package, with the file it is in."""
    found: dict[str, str] = {}
    for path, node in _calls("tr"):
        first = node.args[0]
        options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
        for option in options:
            if isinstance(option, ast.Constant) and isinstance(option.value, str):
                found[option.value] = str(path.relative_to(ROOT))
    return found


def test_every_message_has_its_indonesian_form_with_the_same_placeholders():
    templates = _templates()
    assert len(templates) >= 25
    missing = {t: where for t, where in templates.items() if t not in CATALOG}
    assert not missing
    fields = re.compile(r"{(\w*)}")
    for english, indonesian in CATALOG.items():
        assert english in templates, f"catalogue entry no code uses: {english!r}"
        assert set(fields.findall(english)) == set(fields.findall(indonesian)), english


def test_tr_plural_and_language(monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    i18n.set_lang(None)
    assert i18n.tr("{n} paper tagged", "{n} papers tagged", n=1) == "1 paper tagged"
    assert i18n.tr("{n} paper tagged", "{n} papers tagged", n=3) == "3 papers tagged"
    monkeypatch.setenv(i18n.ENV, "ID")
    assert i18n.tr("{n} paper tagged", "{n} papers tagged", n=3) == "3 artikel diberi tema"
    i18n.set_lang("en")
    assert i18n.tr("{n} failed", n=2) == "2 failed"
    i18n.set_lang(None)
    assert [i18n.normalize(v) for v in ("id-ID", "Indonesian", "EN", "fr")] == ["id", "id", "en", None]


def test_add_tag_and_themes_speak_indonesian(run):
    added = run("add", MD, TXT, "--lang", "id")
    assert added.exit_code == 0, added.output
    assert "Korpus tidak ditemukan" in added.stderr and "2 ditambahkan, 0 duplikat dilewati, 0 gagal" in added.stderr
    assert "ditambahkan wulandari2024" in added.stdout
    tagged = run("tag", "--force", "--lang", "ID")  # any case
    assert tagged.exit_code == 0 and "2 artikel diberi tema" in tagged.stderr
    themes = run("themes", "--lang", "id")
    assert "dari 2 artikel diberi tema" in themes.stderr
    english = run("themes")  # the next run starts from English again
    assert "of 2 papers tagged" in english.stderr


def test_the_environment_sets_the_language(run, monkeypatch):
    run("add", MD)
    monkeypatch.setenv("LITREVIEW_LANG", "id")
    result = run("add", TXT)
    assert "1 ditambahkan" in result.stderr
    assert "Tabel" not in result.stderr
    table = run("table", "themes", "--format", "markdown")
    assert "Sitasi" in table.stdout  # the table's headings follow the environment too
    overridden = run("add", MD, "--lang", "en")
    assert "1 duplicate skipped" in overridden.stderr


def test_errors_in_indonesian_and_bad_language(run):
    run("add", MD)
    failed = run("add", "tidak-ada.pdf", "--lang", "id")
    assert failed.exit_code != 0 and "gagal" in failed.stderr
    bad = run("--lang", "xx", "list")
    assert bad.exit_code == 2 and "choose en or id" in bad.stderr
    wrong = run("table", "themes", "--lang", "fr")
    assert wrong.exit_code == 2


def test_themes_by_label_or_alias(run, sample_corpus):
    by_alias = run("list", "--theme", "hoaks", "--format", "json")
    by_id = run("list", "--theme", "hoax", "--format", "json")
    assert by_alias.exit_code == 0 and by_alias.stdout == by_id.stdout and '"key"' in by_id.stdout
    unknown = run("list", "--theme", "tidak-ada")
    assert unknown.exit_code == 2 and "unknown theme 'tidak-ada'" in unknown.stderr
    grid = run("table", "themes", "--theme", "Pemilih Muda", "--format", "csv", "--lang", "id")
    assert grid.exit_code == 0 and "Pemilih muda" in grid.stdout.splitlines()[0]
    decided = run("tag", "add", "fahruji2023", "pemilih-muda")
    assert decided.exit_code == 0 and "youth" in decided.stderr
    why = run("tags", "anonim2024", "--why", "Hoaks", "--lang", "id")
    assert why.exit_code == 0 and "Hoaks dan disinformasi" in why.stdout
    absent = run("tags", "cobis2023", "--why", "Penargetan", "--lang", "id")
    assert "Penargetan: tidak ada" in absent.stdout and "absent" not in absent.stdout
    reading = run("reading-list", "--theme", "hoaks", "--lang", "id")
    assert reading.exit_code == 0 and "Gaya: APA edisi ke-7" in reading.stdout
    refs = run("bibliography", "--theme", "hoaks", "--lang", "id")
    assert refs.exit_code == 0 and "Daftar Pustaka" in refs.stdout


def test_codebook_aliases_resolve_and_are_checked(tmp_path):
    book = load_codebook(None)
    assert [book.resolve(n) for n in ("hoaks", "HOAX", "Jangkauan", "gen z", "Political image", "x")] == [
        "hoax", "hoax", "reach", "youth", "image", None]
    bad = tmp_path / "codebook.yaml"
    text = (ROOT / "litreview" / "themes" / "default_codebook.yaml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("    aliases: [hoaks,"))
    bad.write_text(text.replace(line, "    aliases: hoaks"), encoding="utf-8")
    from litreview.errors import LitreviewError

    with pytest.raises(LitreviewError, match="aliases must be a list"):
        load_codebook(bad)


def test_indonesian_help_in_the_installed_command(tmp_path):
    exe = Path(sys.executable).with_name("litreview")
    if not exe.exists():
        pytest.skip("the litreview entry point is not installed beside this Python")
    env = {**os.environ, "LITREVIEW_LANG": "id"}
    shown = subprocess.run([str(exe), "--help"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert shown.returncode == 0 and COMMAND_HELP["add"].split(",")[0] in " ".join(shown.stdout.split())
    flagged = subprocess.run([str(exe), "add", "--help", "--lang", "id"], capture_output=True, text=True,
                             cwd=tmp_path, timeout=60)
    assert "Tambahkan artikel" in " ".join(flagged.stdout.split())


MAIN_COMMANDS = {"init", "add", "list", "show", "tag", "tags", "themes", "codebook", "table", "reading-list",
                 "bibliography", "daftar-pustaka", "cite", "search"}


def _commands(command, name=""):
    yield name, command
    for sub_name, sub in (getattr(command, "commands", None) or {}).items():
        yield from _commands(sub, f"{name} {sub_name}".strip())


def test_every_option_of_the_main_commands_has_its_indonesian_help():
    import typer

    from litreview.cli import app
    from litreview.i18n_id import OPTION_HELP

    missing = []
    for name, command in _commands(typer.main.get_command(app)):
        if name and name.split()[0] not in MAIN_COMMANDS:
            continue
        if name and name not in COMMAND_HELP:
            missing.append(f"command {name!r}")
        missing += [f"{name or 'litreview'}: {p.help!r}" for p in command.params
                    if getattr(p, "help", None) and p.help not in OPTION_HELP]
    assert not missing, "no Indonesian help for:\n" + "\n".join(missing)


@pytest.mark.parametrize("args", [["--lang", "id", "add", "--help"], ["add", "--help", "--lang", "ID"]])
def test_option_help_and_panels_turn_indonesian_for_one_run_only(args):
    from typer.testing import CliRunner

    from litreview.cli import app

    runner = CliRunner()
    shown = " ".join(runner.invoke(app, args, env={"LITREVIEW_LANG": ""}).output.split())
    assert "Tetapkan judul (hanya untuk satu berkas)." in shown and "Opsi" in shown and "Argumen" in shown
    english = " ".join(runner.invoke(app, ["add", "--help"], env={"LITREVIEW_LANG": ""}).output.split())
    assert "Set the title (one file only)." in english and "Options" in english
    assert "Tetapkan judul" not in english and "Opsi" not in english


def test_the_environment_turns_sub_command_help_indonesian():
    from typer.testing import CliRunner

    from litreview.cli import app

    shown = CliRunner().invoke(app, ["codebook", "suggest", "--help"], env={"LITREVIEW_LANG": "id"})
    text = " ".join(shown.output.split())
    assert shown.exit_code == 0
    assert "Tema yang dicarikan istilah baru." in text and COMMAND_HELP["codebook suggest"][:30] in text


def test_init_and_search_speak_indonesian(run, sample_corpus):
    made = run("init", str(sample_corpus / "baru"), "--lang", "id")
    assert made.exit_code == 0 and "Korpus kosong dibuat" in made.stderr
    found = run("--lang", "id", "search", "hoaks", "--limit", "1")
    assert found.exit_code == 0, found.output
    assert "1 artikel (1 terbaik; --limit menampilkan lebih banyak)" in found.stderr
    assert "tema: " in found.stdout and "themes:" not in found.stdout
    assert re.search(r"\[(teks|abstrak|abstrak \(id\)|kata kunci|judul)\]", found.stdout), found.stdout
    none = run("--lang", "id", "search", "zzzqqq")
    assert none.exit_code == 0 and "Tidak ada artikel yang cocok." in none.stderr
    english = run("search", "zzzqqq")
    assert "No papers match." in english.stderr


def test_list_and_show_speak_indonesian(run, sample_corpus):
    listed = run("--lang", "id", "list", "--format", "table")
    assert listed.exit_code == 0 and "8 artikel" in listed.stderr
    assert "kunci" in listed.stdout and "penulis" in listed.stdout and "authors" not in listed.stdout
    shown = run("--lang", "id", "show", "cobis2023")
    text = " ".join(shown.stdout.split())
    assert shown.exit_code == 0 and "berkas" in text and "bita" in text and "dari pemilu2024.bib rekaman" in text
    english = " ".join(run("show", "cobis2023").stdout.split())
    assert "bytes" in english and "from pemilu2024.bib record" in english


def test_common_errors_speak_indonesian_in_one_line(run, sample_corpus):
    unknown = run("--lang", "id", "show", "cobis2032")
    assert unknown.exit_code != 0
    assert unknown.stderr.strip().splitlines() == ["galat: tidak ada artikel dengan kunci 'cobis2032'; maksud Anda "
                                                   + unknown.stderr.split("maksud Anda ", 1)[1].strip()]
    backwards = run("--lang", "id", "list", "--year", "2024-2020")
    assert backwards.exit_code == 2 and backwards.stderr.strip() == "galat: --year '2024-2020': rentangnya terbalik"
    odd = run("--lang", "id", "table", "matrix", "-o", "tabel.xyz")
    assert odd.exit_code == 2
    assert odd.stderr.strip() == "galat: tabel.xyz: format tidak dapat dikenali dari ekstensinya; beri --format"
    english = run("show", "cobis2032")
    assert english.stderr.startswith("error: no paper with key 'cobis2032'; did you mean")


# -- messages kept in English and translated when shown (i18n.msg / localize) ---------------------
from litreview.i18n_id import MESSAGES  # noqa: E402

_FIELDS = re.compile(r"{(\w*)}")
# Where importers, add and the Zotero sync make the warnings and failure reasons a user sees.
_MESSAGE_MODULES = [*sorted((ROOT / "litreview" / "ingest").glob("*.py")), ROOT / "litreview" / "add.py",
                    ROOT / "litreview" / "zotero_sync.py", ROOT / "litreview" / "dedup.py",
                    ROOT / "litreview" / "safeload.py"]


def _msg_templates() -> dict[str, str]:
    """Every message template given to msg() (it must be a literal), with the file it is in."""
    found: dict[str, str] = {}
    for path, node in _calls("msg"):
        first = node.args[0]
        assert isinstance(first, ast.Constant), f"{path}:{node.lineno}: msg() takes a literal template"
        found[first.value] = str(path.relative_to(ROOT))
    return found


def test_every_stored_message_has_its_indonesian_form():
    templates = _msg_templates()
    assert len(templates) >= 150
    missing = {t: where for t, where in templates.items() if t not in MESSAGES}
    assert not missing, "no Indonesian form in i18n_id.MESSAGES for:\n" + "\n".join(missing)
    for english, indonesian in MESSAGES.items():
        assert english in templates, f"MESSAGES entry no code uses: {english!r}"
        assert set(_FIELDS.findall(english)) == set(_FIELDS.findall(indonesian)), english


def _literal_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_warnings_and_failure_reasons_are_written_with_msg():
    """A warning or reason written as a plain string or f-string would show in English whatever the
    language: every one goes through msg(), so it has a catalogue entry (the test above)."""
    sinks = ("warnings", "errors", "failed", "problems", "skipped", "failure")
    bad = []
    for path in _MESSAGE_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
                if node.func.attr in ("append", "insert", "warn") and name.endswith(sinks):
                    bad += [where for arg in node.args if _literal_text(arg)]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in ("ImportFailed", "Verdict", "RowError"):
                    bad += [where for arg in node.args[1:] if _literal_text(arg)]
                if node.func.id == "_Refused":
                    bad += [where for arg in node.args if _literal_text(arg)
                            and not (isinstance(arg, ast.Constant) and arg.value == "not found")]
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr.endswith(sinks)
                                                    for t in node.targets):
                value = node.value
                items = value.elts if isinstance(value, ast.List) else [value.elt] if isinstance(
                    value, ast.ListComp) else [value]
                bad += [where for item in items if _literal_text(item)]
    assert not bad, "write these with litreview.i18n.msg:\n" + "\n".join(bad)


def test_each_template_translates_back_from_its_english_text():
    """Every template, filled in, is recognised as itself (none is shadowed by a looser one)."""
    i18n.set_lang("id")
    for english, indonesian in MESSAGES.items():
        values = {name: f"q{i}x" for i, name in enumerate(dict.fromkeys(_FIELDS.findall(english)))}
        text = english.format(**values) if values else english
        assert i18n.localize(text) == (indonesian.format(**values) if values else indonesian), english
    i18n.set_lang("en")
    assert i18n.localize("line 3: no title") == "line 3: no title"


def test_labels_and_nested_messages_translate_and_unknown_text_stays():
    i18n.set_lang("id")
    warning = "kutipan.bib: record munadi2023: line 12: year 'sembilan' is not a year; kept in extra"
    assert i18n.localize(warning) == ("kutipan.bib: rekaman munadi2023: baris 12: tahun 'sembilan' bukan tahun; "
                                      "disimpan di extra")
    ris = "ekspor.ris: line 40: record not closed by ER at the end of the file"
    assert i18n.localize(ris) == "ekspor.ris: baris 40: rekaman tidak ditutup dengan ER di akhir berkas"
    guessed = ("read with low confidence, check: year (from a running line); title (from the PDF's metadata, not the "
               "page) (`litreview edit` corrects it)")
    assert i18n.localize(guessed) == ("terbaca dengan keyakinan rendah, periksa: year (dari baris kepala atau kaki "
                                      "halaman); title (dari metadata PDF, bukan halamannya) (`litreview edit` "
                                      "memperbaikinya)")
    assert i18n.localize("something a library said: in English") == "something a library said: in English"


def _english_left(text: str) -> list[str]:
    words = ("found", "the file", "skipped", "record ", "warning", "not a ", "cannot", "must be", "is missing",
             "failed", "added", "give ", "choose", "problem", "orphan", "kept")
    return [w for w in words if w in text]


def test_add_warnings_and_failures_speak_indonesian(run, tmp_path):
    (tmp_path / "catatan.txt").write_text("Tulisan ini membahas kampanye di media sosial. Tidak ada judul di sini, "
                                          "hanya kalimat yang panjang sekali.\n", encoding="utf-8")
    (tmp_path / "rujukan.bib").write_text("@article{wibowo2021,\n  title = {Relawan daring dan pemilih pemula},\n"
                                          "  author = {Wibowo, Sari},\n  year = {sembilan},\n}\n", encoding="utf-8")
    (tmp_path / "rusak.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    result = run("add", "catatan.txt", "rujukan.bib", "rusak.pdf", "--lang", "id")
    assert result.exit_code == 3, result.output
    err = result.stderr.replace(str(tmp_path), "")  # the test's folder names hold English words
    assert "catatan.txt: tidak ada baris judul dalam teks; kalimat pertamanya dipakai sebagai judul" in err
    assert "rujukan.bib: rekaman wibowo2021: baris 1: tahun 'sembilan' bukan tahun; disimpan di extra" in err
    assert "rusak.pdf: tidak dapat dibuka: rusak atau bukan PDF; unduh atau ekspor ulang" in err
    assert err.count("peringatan ") == 2 and "gagal " in err
    assert not _english_left(err), err
    shown = run("--lang", "id", "show", "wibowond")
    assert "baris 1: tahun 'sembilan' bukan tahun" in shown.stdout
    english = run("show", "wibowond")
    assert "line 1: year 'sembilan' is not a year; kept in extra" in english.stdout  # stored language-neutral


def test_edit_screen_codebook_dupes_and_doctor_speak_indonesian(run, sample_corpus, tmp_path, monkeypatch):
    import shlex

    script = tmp_path / "editor.py"
    seen = tmp_path / "seen.yaml"
    script.write_text(f"import shutil, sys\nshutil.copy(sys.argv[1], {str(seen)!r})\n"
                      "open(sys.argv[1], 'a').write('judul_lain: x\\n')\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    edited = run("--lang", "id", "edit", "cobis2023")
    assert edited.exit_code == 1
    assert "cobis2023: tidak disimpan: ruas 'judul_lain' tidak dikenal; letakkan ruas buatan sendiri" in edited.stderr
    assert not _english_left(edited.stderr.replace(str(tmp_path), "")), edited.stderr
    assert seen.read_text(encoding="utf-8").startswith("# Sunting metadata artikel ini")
    stage = run("--lang", "id", "screen", "--stage", "abstrak", "--include", "cobis2023")
    assert stage.exit_code == 2 and "pilih title-abstract (ta) atau full-text (ft)" in stage.stderr
    both = run("screen", "--reason", "2", "--lang", "ID")  # the command's own option, any case
    assert both.exit_code == 2 and "--reason hanya bersama --exclude" in both.stderr
    book = tmp_path / "buku.yaml"
    book.write_text("version: 2\nthemes:\n  - id: Hoaks Besar\n    label: {en: Hoax}\n", encoding="utf-8")
    checked = run("--lang", "id", "codebook", "check", book)
    assert checked.exit_code == 1
    assert "masalah dalam buku kode; tidak ada yang diberi tema" in checked.stderr
    assert "baris 1: version harus 1, bukan '2'" in checked.stderr
    assert "id tema 'Hoaks Besar': pakai huruf kecil" in checked.stderr
    assert not _english_left(checked.stderr.replace(str(tmp_path), "")), checked.stderr
    ok = run("--lang", "id", "codebook", "check")
    assert ok.exit_code == 0 and "buku kode bawaan:" in ok.stderr and "tema," in ok.stderr
    dupes = run("--lang", "id", "dupes", "--min-score", "120")
    assert dupes.exit_code == 2 and "beri kemiripan dari 0 sampai 100" in dupes.stderr
    merge = run("merge", "cobis2023", "--lang", "id")
    assert merge.exit_code == 2 and "merge memerlukan sedikitnya dua kunci" in merge.stderr
    doctor = run("doctor", "--lang", "id")
    assert doctor.exit_code == 0 and "corpus.db baik; files/ baik (" in doctor.stderr
    assert not _english_left(doctor.stderr.replace(str(tmp_path), "")), doctor.stderr


def test_rename_remove_export_and_corpus_errors_speak_indonesian(run, sample_corpus, tmp_path, monkeypatch):
    renamed = run("--lang", "id", "rename", "cobis2023", "cobis2023medsos")
    assert renamed.exit_code == 0 and "cobis2023 diganti namanya menjadi cobis2023medsos" in renamed.stderr
    asked = run("--lang", "id", "remove", "cobis2023medsos")
    assert asked.exit_code == 2 and "menghapus perlu konfirmasi: beri --yes" in asked.stderr
    removed = run("--lang", "id", "remove", "cobis2023medsos", "--yes")
    assert removed.exit_code == 0 and "1 artikel dihapus: cobis2023medsos" in removed.stderr
    exported = run("--lang", "id", "export", "-o", "pustaka.bib")
    assert exported.exit_code == 0 and "rekaman ditulis ke pustaka.bib" in exported.stderr
    qdpx = run("--lang", "id", "export", "--format", "qdpx")
    assert qdpx.exit_code == 2 and "qdpx adalah berkas zip" in qdpx.stderr
    for text in (renamed.stderr, removed.stderr, exported.stderr):
        assert not _english_left(text.replace(str(tmp_path), "")), text
    missing = run("--lang", "id", "list", "--corpus", tmp_path / "tidak-ada")
    assert missing.exit_code != 0
    assert "folder korpus itu tidak ada; buat dengan `litreview init" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    (tmp_path / "kosong").mkdir()
    empty = run("--lang", "id", "list", "--corpus", tmp_path / "kosong")
    assert "bukan korpus litreview (tidak ada corpus.db)" in empty.stderr
    monkeypatch.setenv("LITREVIEW_LOCK_TIMEOUT", "lama")
    lock = run("--lang", "id", "tag")
    assert lock.exit_code != 0 and "$LITREVIEW_LOCK_TIMEOUT='lama': beri jumlah detik" in lock.stderr


def test_tag_decisions_and_codebook_suggest_speak_indonesian(run, sample_corpus, tmp_path):
    added = run("--lang", "id", "tag", "add", "munadi2023", "literacy")
    assert added.exit_code == 0 and "ditambahkan" in added.stderr
    assert "literacy pada munadi2023 (manual)" in added.stderr
    removed = run("--lang", "id", "tag", "remove", "cobis2023", "hoaks")  # an Indonesian alias
    assert removed.exit_code == 0 and "hoax dari cobis2023 (manual;" in removed.stderr
    reset = run("--lang", "id", "tag", "reset", "cobis2023", "hoax")
    assert "cobis2023: hoax kembali diputuskan oleh pemberi tema otomatis" in reset.stderr
    again = run("--lang", "id", "tag", "reset", "cobis2023", "hoax")
    assert "tidak punya keputusan manual" in again.stderr
    none = run("--lang", "id", "codebook", "suggest", "youth")
    assert none.exit_code != 0 and "tidak ada artikel yang diberi tema 'youth' secara manual" in none.stderr
    found = run("--lang", "id", "codebook", "suggest", "literacy", "--min-papers", "1")
    assert found.exit_code == 0 and "artikel bertema ini" in found.stdout and "istilah" in found.stdout
    for result in (added, removed, reset, again, none, found):
        assert not _english_left((result.stdout + result.stderr).replace(str(tmp_path), "")), result.output


def test_table_reading_list_and_bibliography_errors_speak_indonesian(run, sample_corpus, tmp_path):
    def said(*args: object) -> str:
        result = run("--lang", "id", *args)
        assert result.exit_code != 0, result.output
        text = result.stderr.replace(str(tmp_path), "")
        assert len(text.strip().splitlines()) == 1 and text.startswith("galat: "), text
        assert not _english_left(text), text
        return text

    assert "tidak ada artikel yang cocok dengan penyaring (tahun 1990-1991)" in said(
        "table", "matrix", "--year", "1990-1991")
    assert "--sort 'judul': pilih salah satu dari citation, year, title, key" in said(
        "table", "matrix", "--sort", "judul")
    claims = run("--lang", "id", "table", "claims", "--theme", "democracy")  # no two sources agree on it
    assert claims.exit_code == 0 or "tidak ada klaim untuk penyaring ini (tema democracy)" in claims.stderr
    assert "--order 'judul': pilih salah satu dari year, score, author" in said("reading-list", "--order", "judul")
    plans = {
        "tidak-ada.yaml": None,
        "ruas.yaml": "judul: Kuliah\ngroups: []\n",
        "tema.yaml": "groups:\n  - title: Minggu 1\n    themes: [tidak-ada]\n",
        "judul.yaml": "groups:\n  - notes: baca dulu\n    themes: [hoaks]\n",
    }
    for name, text in plans.items():
        if text is not None:
            (tmp_path / name).write_text(text, encoding="utf-8")
    assert "tidak-ada.yaml: berkas rencana itu tidak ada" in said("reading-list", "--plan", "tidak-ada.yaml")
    assert "ruas.yaml: ruas 'judul' tidak dikenal; rencana berisi title dan groups" in said(
        "reading-list", "--plan", "ruas.yaml")
    assert "tema.yaml: kelompok 1 ('Minggu 1'): tema 'tidak-ada' tidak dikenal; tema dalam buku kode: " in said(
        "reading-list", "--plan", "tema.yaml")
    assert "judul.yaml: kelompok 1: beri judul (mis. title: Minggu 1)" in said("reading-list", "--plan", "judul.yaml")
    (tmp_path / "naskah.md").write_text("Naskah ini belum menyitasi apa pun.\n", encoding="utf-8")
    assert "naskah.md: tidak menyitasi kunci apa pun (dicari \\cite{...}" in said(
        "bibliography", "--cited-in", "naskah.md")
    assert "--style kosong; beri nama gaya seperti apa, atau berkas .csl" in said("bibliography", "--style", " ")
    (tmp_path / "gaya.csl").write_text("<gaya><judul>APA</judul></gaya>\n", encoding="utf-8")
    assert "gaya.csl: bukan gaya CSL: elemen akarnya <gaya>, bukan <style" in said(
        "daftar-pustaka", "--style", "gaya.csl")
    assert "--paper 'b5': pilih a4 atau letter" in said("table", "matrix", "-o", "matriks.docx", "--paper", "b5")
    assert "--margins '4,3': beri empat angka sentimeter dari 0 sampai 8" in said(
        "table", "matrix", "-o", "matriks.docx", "--margins", "4,3")
    assert "--margins 'kiri': beri ukuran dalam sentimeter" in said(
        "reading-list", "-o", "bacaan.docx", "--margins", "kiri")
    assert "hasil/matriks.md: tidak ada folder hasil" in said("table", "matrix", "-o", "hasil/matriks.md")
    assert not (tmp_path / "matriks.docx").exists() and not (tmp_path / "bacaan.docx").exists()
    english = run("table", "matrix", "-o", "hasil/matriks.md")
    assert "hasil/matriks.md: the directory hasil does not exist" in english.stderr


def test_list_search_refs_and_cite_errors_speak_indonesian(run, sample_corpus, tmp_path):
    listed = run("--lang", "id", "list", "--sort", "judul")
    assert listed.exit_code == 2 and "--sort 'judul': pilih salah satu dari key, year, title, author" in listed.stderr
    excluded = run("--lang", "id", "search", "--", "-hoaks")
    assert excluded.exit_code == 2 and "search '-hoaks': hanya ada kata yang dikecualikan" in excluded.stderr
    refs = run("--lang", "id", "refs", "--key", "cobis2023")  # a record without full text
    assert refs.exit_code == 1 and "cobis2023: tidak punya teks lengkap" in refs.stderr
    (tmp_path / "bab2.tex").write_text("Menurut \\cite{cobis2023,entah2020}, ...\n", encoding="utf-8")
    cited = run("--lang", "id", "bibliography", "--cited-in", "bab2.tex")
    assert cited.exit_code == 0
    assert "peringatan: bab2.tex: 1 kunci yang disitasi tidak ada di korpus: entah2020" in cited.stderr
    (tmp_path / "makro.csl").write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><title>X</title></info>'
        '<citation><layout><text macro="penulis"/></layout></citation></style>\n', encoding="utf-8")
    style = run("--lang", "id", "cite", "cobis2023", "--style", "makro.csl")
    assert style.exit_code == 1
    assert "makro.csl: gaya CSL yang tidak dapat dipakai: baris 1 memanggil makro 'penulis'" in style.stderr
    for result in (excluded, refs, cited, style):  # (--sort's values are English words: "added")
        assert not _english_left(result.stderr.replace(str(tmp_path), "")), result.stderr


def test_chart_report_and_prisma_errors_speak_indonesian(run, sample_corpus, tmp_path):
    kind = run("--lang", "id", "chart", "lingkaran")
    assert kind.exit_code == 2 and "jenis grafik 'lingkaran' tidak dikenal; pilih salah satu dari: years" in kind.stderr
    nowhere = run("--lang", "id", "chart", "years")
    assert nowhere.exit_code == 2 and "beri --output BERKAS (.svg, .png, .pdf) atau --format json" in nowhere.stderr
    page = run("--lang", "id", "report", "-o", "laporan.txt")
    assert page.exit_code == 2 and "laporan.txt: laporan berupa HTML; beri nama berakhiran .html" in page.stderr
    flow = run("--lang", "id", "prisma", "--diagram", "alur.xyz")
    assert flow.exit_code == 2 and "alur.xyz: ekstensi gambar '.xyz' tidak dikenal; pakai .svg, .png atau .pdf" in (
        flow.stderr)
    for result in (kind, nowhere, page, flow):
        assert not _english_left(result.stderr.replace(str(tmp_path), "")), result.stderr


@pytest.mark.parametrize(("args", "indonesian", "english"), [
    (["search", "kampanye", "--limit", "x"], "Nilai tidak sah untuk '--limit' / '-n': harus bilangan bulat",
     "Invalid value for '--limit'"),
    (["show"], "Argumen 'key' belum diberikan.", "Missing argument 'key'."),
    (["lsit"], "Perintah 'lsit' tidak dikenal. Maksud Anda 'list'?", "No such command 'lsit'."),
    (["list", "--limt", "3"], "Opsi tidak dikenal: --limt", "No such option: --limt"),
    (["export", "--format", "odt"], "'odt' bukan salah satu dari", "is not one of"),
    (["tag", "add"], "Argumen 'key' belum diberikan.", "Missing argument 'key'."),
    (["add", "--nope"], "Opsi tidak dikenal: --nope", "No such option: --nope"),
])
def test_typer_parse_errors_speak_indonesian(run, args, indonesian, english):
    said = run("--lang", "id", *args) if args[0] != "add" else run(*args, "--lang", "id")
    assert said.exit_code == 2
    flat = " ".join(said.stderr.replace("│", " ").split())
    assert indonesian in flat and "Galat" in said.stderr and "untuk bantuan" in said.stderr
    back = run(*args)  # the next run in English is English again
    assert english in " ".join(back.stderr.replace("│", " ").split()) and "Galat" not in back.stderr


def test_parse_messages_keep_their_placeholders_and_unknown_text_stays():
    from litreview.i18n_id import PARSE_MESSAGES

    fields = re.compile(r"{(\w*)}")
    for english, indonesian in PARSE_MESSAGES.items():
        assert set(fields.findall(indonesian)) <= set(fields.findall(english)), english
    assert i18n.localize_parse_message("Something Typer says one day.") == "Something Typer says one day."
