"""REFI-QDA projects: `export --format qdpx` validates against the standard's schema, and `tag import`
brings codings changed in a QDA program back as theme decisions by hand."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from lxml import etree

from litreview.qda import NAMESPACE, guid, layout_of
from litreview.store import Corpus

Q = f"{{{NAMESPACE}}}"
SCHEMA = etree.XMLSchema(etree.parse(str(FIXTURES / "refi-qda" / "Project.xsd")))


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The sample corpus, added and tagged once for the module, exported as review.qdpx beside it."""
    from typer.testing import CliRunner

    from litreview.cli import app

    root = tmp_path_factory.mktemp("coded")
    for args in (["init", root], ["add", ROOT / "corpus", "-C", root],
                 ["export", "--format", "qdpx", "-o", root / "review.qdpx", "-C", root]):
        result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def coded(run, tmp_path, template) -> Path:
    """A copy of the tagged sample corpus in tmp_path, with its review.qdpx; returns the project's path."""
    shutil.copytree(template / ".litreview", tmp_path / ".litreview")
    shutil.copyfile(template / "review.qdpx", tmp_path / "review.qdpx")
    return tmp_path / "review.qdpx"


def _project(path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return etree.fromstring(files["project.qde"]), files


def _write(path: Path, root: etree._Element, files: dict[str, bytes]) -> None:
    files = {**files, "project.qde": etree.tostring(root, xml_declaration=True, encoding="utf-8")}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in files.items():
            archive.writestr(name, blob)
    path.write_bytes(buffer.getvalue())


def test_export_validates_and_codes_every_evidence_sentence_at_its_offsets(coded, run, tmp_path):
    root, files = _project(coded)
    assert SCHEMA.validate(root), SCHEMA.error_log
    with Corpus(tmp_path / ".litreview") as corpus:
        keys = corpus.all_keys()
        sources = {s.get("name"): s for s in root.iter(Q + "TextSource")}
        assert sorted(sources) == keys
        codes = {c.get("guid"): c.get("name") for c in root.iter(Q + "Code")}
        assert all(c.get("color", "").startswith("#") and c.find(Q + "Description").text for c in root.iter(Q + "Code"))
        expected = sum(len(t.evidence) for k in keys for t in corpus.tags_of(k) if t.assigned)
        selections = list(root.iter(Q + "PlainTextSelection"))
        assert len(selections) == expected > 20
        for key, source in sources.items():
            text = files[f"Sources/{source.get('guid')}.txt"].decode("utf-8")
            paper = corpus.get(key)
            assert text == layout_of(paper).text
            for selection in source.iter(Q + "PlainTextSelection"):
                theme = codes[selection.find(f"{Q}Coding/{Q}CodeRef").get("targetGUID")]
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                sentences = {e.sentence for t in corpus.tags_of(key) if t.theme == theme for e in t.evidence}
                assert text[start:end] in sentences  # the exact sentence, at its exact place
                assert selection.find(Q + "Description").text.startswith(("automatic", "coded by hand"))
    again = run("export", "--format", "qdpx", "-o", "again.qdpx")
    assert again.exit_code == 0 and (tmp_path / "again.qdpx").read_bytes() == coded.read_bytes()  # deterministic
    assert SCHEMA.validate(etree.fromstring(b"<Project xmlns='urn:QDA-XML:project:1.0'><Users/></Project>")) is False


def test_unchanged_project_changes_nothing(coded, run):
    result = run("tag", "import", coded)
    assert result.exit_code == 0, result.output
    assert "0 themes added, 0 removed, 0 recoded by hand; 0 new codes offered" in result.output


def test_codings_changed_in_the_qda_program_come_back_as_decisions_by_hand(coded, run, tmp_path):
    root, files = _project(coded)
    with Corpus(tmp_path / ".litreview") as corpus:
        tags = {k: {t.theme: t for t in corpus.tags_of(k)} for k in corpus.all_keys()}
    key = next(k for k, t in tags.items() if len(t) >= 2)
    removed, moved = sorted(tags[key])[:2]
    added = next(t for t in ("hoax", "youth", "literacy", "regulation", "reach", "targeting") if t not in tags[key])
    source = next(s for s in root.iter(Q + "TextSource") if s.get("name") == key)
    text = files[f"Sources/{source.get('guid')}.txt"].decode("utf-8")
    code = {c.get("name"): c.get("guid") for c in root.iter(Q + "Code")}
    for selection in list(source.iter(Q + "PlainTextSelection")):
        theme = selection.get("name")
        if theme == removed:
            source.remove(selection)  # uncoded in the QDA program
        elif theme == moved:
            selection.set("startPosition", "0")  # the passage widened to the start of the source
    # A new passage coded with an existing theme, and a code of the researcher's own.
    start = text.index(text.split("\n\n")[-1][:40])
    for name, target in ((added, code[added]), ("kutipan-penting", "0f0f0f0f-1111-2222-3333-444444444444")):
        selection = etree.Element(Q + "PlainTextSelection", guid=guid("test", name), startPosition=str(start),
                                  endPosition=str(start + 40))
        coding = etree.SubElement(selection, Q + "Coding", guid=guid("test-coding", name))
        etree.SubElement(coding, Q + "CodeRef", targetGUID=target)
        source.find(Q + "Description").addnext(selection)
    codes = root.find(f"{Q}CodeBook/{Q}Codes")
    mine = etree.SubElement(codes, Q + "Code", guid="0f0f0f0f-1111-2222-3333-444444444444", name="kutipan-penting",
                            isCodable="true", color="#123456")
    etree.SubElement(mine, Q + "Description").text = "Passages worth quoting"
    assert SCHEMA.validate(root), SCHEMA.error_log
    _write(tmp_path / "recoded.qdpx", root, files)

    result = run("add", "recoded.qdpx")  # add reads a project's codings too
    assert result.exit_code == 0, result.output
    assert "1 theme added, 1 removed, 1 recoded by hand; 1 new code offered" in result.output
    with Corpus(tmp_path / ".litreview") as corpus:
        now = {t.theme: t for t in corpus.tags_of(key, removed=True)}
        assert now[removed].origin == "manual" and not now[removed].assigned
        assert now[added].origin == "manual" and now[added].assigned
        assert now[added].evidence[0].sentence == text[start:start + 40]
        assert now[moved].origin == "manual" and now[moved].assigned
        assert any(e.field == layout_of(corpus.get(key)).pieces(0, 1)[0][0] and e.start == 0
                   for e in now[moved].evidence)
        offered = corpus.offered_themes()
    assert [o["name"] for o in offered] == ["kutipan-penting"] and offered[0]["codings"][0]["key"] == key
    shown = run("codebook", "show")
    assert "kutipan-penting" in shown.output and "Passages worth quoting" in shown.output
    listed = json.loads(run("codebook", "show", "--format", "json").stdout)
    assert listed["offered"][0]["name"] == "kutipan-penting"
    # Re-tagging keeps the decisions; importing the same project again changes nothing more.
    assert run("tag", "--force").exit_code == 0
    with Corpus(tmp_path / ".litreview") as corpus:
        assert not next(t for t in corpus.tags_of(key, removed=True) if t.theme == removed).assigned
    assert "0 themes added, 0 removed, 0 recoded" in run("tag", "import", "recoded.qdpx").output


def test_bad_projects_are_one_line(run, tmp_path, coded):
    (tmp_path / "bukan.qdpx").write_bytes(b"PK\x03\x04 not really a zip")
    result = run("tag", "import", "bukan.qdpx")
    assert result.exit_code == 1 and "not a readable .qdpx zip" in result.output and "Traceback" not in result.output
    _write(tmp_path / "lain.qdpx", etree.fromstring(b"<Other/>"), {})
    result = run("tag", "import", "lain.qdpx")
    assert result.exit_code == 1 and "not a REFI-QDA project" in result.output
    assert run("tag", "import", "tidak-ada.qdpx").exit_code == 2
    assert run("export", "--format", "qdpx").exit_code == 2  # a zip needs -o


def test_bad_projects_and_import_summary_speak_indonesian(run, tmp_path, coded):
    (tmp_path / "bukan.qdpx").write_bytes(b"PK\x03\x04 not really a zip")
    result = run("--lang", "id", "tag", "import", "bukan.qdpx")
    assert result.exit_code == 1 and "bukan zip .qdpx yang dapat dibaca" in result.output
    _write(tmp_path / "lain.qdpx", etree.fromstring(b"<Other/>"), {})
    assert "bukan proyek REFI-QDA (elemen akar Other" in run("--lang", "id", "tag", "import", "lain.qdpx").output
    again = run("--lang", "id", "tag", "import", coded)
    assert again.exit_code == 0 and "artikel cocok;" in again.output and "dikode ulang secara manual" in again.output
    assert "matched" not in again.output and "recoded" not in again.output
