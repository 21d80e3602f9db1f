"""Zotero libraries read in place: `litreview add ~/Zotero`, re-import as a sync, the lock, the files untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SHARED, needs_shared
from zotero_fixture import ZoteroFixture, build_library

from litreview.ingest.zotero import read_library, summary_of
from litreview.store import Corpus

ZOTERO = SHARED / "data" / "zotero"


@pytest.fixture
def library(tmp_path) -> tuple[Path, Path]:
    """(data directory, base directory of linked files) of the test library."""
    data, base = tmp_path / "Zotero", tmp_path / "Dokumen"
    build_library(data, base).close()
    return data, base


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _show(run, key):
    result = run("show", key, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_reads_items_fields_creators_collections_tags_notes_and_files(library):
    data, base = library
    found = read_library(data, base_dir=base)
    items = {i.key: i for i in found.items}
    assert sorted(items) == ["ART00001", "SEC00002", "WEB00003"]  # the trashed book and the standalone note left out
    assert found.collections == ["Skripsi", "Skripsi/Bab 2"]
    assert any("1 item in the trash" in s for s in found.skipped) and any("standalone note" in s for s in found.skipped)
    article = items["ART00001"]
    paper = article.paper
    assert (paper.entry_type, paper.year, paper.date, paper.journal, paper.pages) == (
        "article", 2023, "2023-05", "Jurnal Uji Komunikasi", "101-120")
    assert paper.language == "id" and paper.doi == "10.9999/uji.2023.7"
    assert [a.display() for a in paper.authors] == ["Sari Wulandari", "Munadi"]
    assert [e.display() for e in paper.editors] == ["Budi Hartono"]
    assert paper.extra["translator"] == "Ayu Lestari" and paper.extra["libraryCatalog"] == "Garuda"
    assert "tex.note" in paper.extra["extra"] and article.citation_key == "wulandari2023kampanye"
    assert article.collections == ["Skripsi/Bab 2"] and article.tags == ["pemilu", "to-read"]
    assert article.notes == [("NOTE0001", "Catatan baca\n\nMetode survei daring; n = 300.")]
    assert [a.kind for a in article.attachments] == ["pdf", "snapshot"]
    section = items["SEC00002"].paper
    assert section.entry_type == "incollection" and section.journal == "Bunga rampai media dan demokrasi"
    assert section.extra["place"] == "Yogyakarta" and section.extra["bookAuthor"] == "Tim Penyusun"
    linked = items["SEC00002"].attachments[0]
    assert linked.path == str(base / "bab" / "kusuma2021.pdf") and not linked.problem
    assert read_library(data, include_trash=True).items[-1].key == "OLD00004"
    assert [i.key for i in read_library(data, collection="Bab 2").items] == ["ART00001", "SEC00002"]
    assert [i.key for i in read_library(data, collection="Skripsi").items] == ["ART00001", "SEC00002", "WEB00003"]


def test_add_imports_the_library_and_leaves_it_byte_identical(run, library):
    data, base = library
    before = _hashes(data)
    result = run("add", data, "--base-dir", base, "--no-tag")
    assert result.exit_code == 0, result.output
    assert _hashes(data) == before  # no journal, no -shm, nothing touched
    assert "3 added, 0 updated, 0 unchanged, 0 gone from Zotero" in result.output
    article = _show(run, "wulandari2023kampanye")  # Better BibTeX's key became the paper's key
    assert article["collections"] == ["Skripsi/Bab 2"] and article["library_tags"] == ["pemilu", "to-read"]
    assert article["library_notes"][0]["text"].startswith("Catatan baca")
    assert sorted(Path(f["name"]).name for f in article["files"]) == ["Wulandari - 2023 - Kampanye.pdf", "laman.html"]
    assert article["provenance"][0]["record"] == "ART00001"
    assert article["provenance"][0]["details"]["library_id"] == "zotero:TeStKeY1"
    text = Corpus(Path(".litreview")).get("wulandari2023kampanye").text
    assert len(text.split()) > 100  # the PDF's text, read like any PDF
    tagged = run("list", "--zotero-tag", "pemilu", "--format", "json")
    assert [r["key"] for r in json.loads(tagged.stdout)] == ["wulandari2023kampanye"]
    page = Corpus(Path(".litreview")).get("uji2024")  # a literal author: "Redaksi Portal Uji"
    assert "grup WhatsApp warga" in page.text and "tracking" not in page.text  # the snapshot's text
    listed = run("list", "--collection", "Skripsi/Bab 2", "--format", "json")
    assert sorted(r["key"] for r in json.loads(listed.stdout)) == ["kusuma2021", "wulandari2023kampanye"]
    listed = run("list", "--collection", "Skripsi", "--format", "json")
    assert len(json.loads(listed.stdout)) == 3
    shown = run("show", "kusuma2021")
    assert "collections Skripsi/Bab 2" in shown.stdout and "zotero tags hoaks" in shown.stdout
    assert run("list", "--collection", "Tesis").exit_code == 2


def test_second_import_changes_nothing_and_a_change_in_zotero_is_synced(run, library, tmp_path):
    data, base = library
    assert run("add", data, "--base-dir", base, "--no-tag").exit_code == 0
    from conftest import snapshot

    first = snapshot(tmp_path / ".litreview")
    again = run("add", data, "--base-dir", base, "--no-tag")
    assert again.exit_code == 0 and "0 added, 0 updated, 3 unchanged" in again.output
    assert snapshot(tmp_path / ".litreview") == first
    # Work done here: a theme removed by hand, a note of our own; then Zotero changes the item.
    assert run("tag", "add", "kusuma2021", "hoax").exit_code == 0
    with Corpus(tmp_path / ".litreview") as corpus:
        paper = corpus.get("kusuma2021")
        paper.note = "baca ulang bab 3"
        from litreview.dedup import index_fields

        with corpus.transaction():
            corpus.update_metadata("kusuma2021", paper, index_fields(paper))
    z = ZoteroFixture(data)
    z.set_field("SEC00002", "pages", "33-60")
    z.tag("SEC00002", "dibaca")
    z.add_item("NEW00006", "journalArticle", {"title": "Literasi digital pemilih pemula", "date": "2022-00-00 2022"},
               creators=(("author", "Tika", "Rahayu"),))
    z.delete("WEB00003")
    z.close()
    result = run("add", data, "--base-dir", base, "--no-tag")
    assert result.exit_code == 0, result.output
    assert "1 added, 1 updated, 1 unchanged, 1 gone from Zotero" in result.output
    assert "gone from Zotero uji2024 (item WEB00003 (deleted))" in " ".join(result.output.split())
    shown = _show(run, "kusuma2021")
    assert shown["pages"] == "33-60" and shown["note"] == "baca ulang bab 3"
    assert shown["library_tags"] == ["dibaca", "hoaks"]
    with Corpus(tmp_path / ".litreview") as corpus:
        assert any(t.theme == "hoax" and t.origin == "manual" for t in corpus.tags_of("kusuma2021"))
        assert corpus.key_exists("uji2024") and corpus.key_exists("rahayu2022")
        assert corpus.paper_count() == 4
    assert "gone from Zotero" in run("show", "uji2024").stdout
    assert "0 added, 0 updated, 3 unchanged, 0 gone" in run("add", data, "--base-dir", base, "--no-tag").output


def test_import_works_while_zotero_holds_an_exclusive_lock(run, library):
    data, base = library
    zotero = sqlite3.connect(data / "zotero.sqlite", isolation_level=None)
    zotero.execute("PRAGMA locking_mode = EXCLUSIVE")
    zotero.execute("BEGIN EXCLUSIVE")
    zotero.execute("UPDATE items SET version = version + 1")
    before = {name: digest for name, digest in _hashes(data).items() if not name.endswith("-journal")}
    with pytest.raises(sqlite3.OperationalError):  # a normal reader is locked out
        sqlite3.connect(data / "zotero.sqlite", timeout=0.1).execute("SELECT count(*) FROM items").fetchone()
    result = run("add", data, "--base-dir", base, "--no-tag")
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    assert {n: d for n, d in _hashes(data).items() if not n.endswith("-journal")} == before
    zotero.execute("ROLLBACK")
    zotero.close()


def test_bad_inputs_are_one_line(run, library, tmp_path):
    data, base = library
    result = run("add", data, "--collection", "Tesis", "--no-tag")
    assert result.exit_code == 2 and "no such collection (Skripsi, Skripsi/Bab 2)" in result.output
    result = run("add", tmp_path / "x.bib", "--include-trash")
    assert result.exit_code == 2 and "apply to a Zotero library" in result.output
    broken = tmp_path / "rusak" / "zotero.sqlite"
    broken.parent.mkdir()
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = run("add", broken.parent, "--no-tag")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "zotero.sqlite" in result.output
    result = run("add", data, "--no-tag")  # no --base-dir: the linked file is named, the rest comes in
    assert result.exit_code == 0 and "base directory, which is not known" in " ".join(result.output.split())


def test_merge_keeps_the_library_link(run, library, tmp_path):
    data, base = library
    run("add", data, "--base-dir", base, "--no-tag")
    assert run("merge", "kusuma2021", "uji2024", "--yes").exit_code == 0
    assert "0 added" in run("add", data, "--base-dir", base, "--no-tag").output  # no item comes back as new


# -- the real libraries in ../shared -------------------------------------------------------------
def _expected(database: Path) -> dict[str, object]:
    """What the library holds, counted straight from its tables (outside the trash)."""
    db = sqlite3.connect(f"{database.as_uri()}?mode=ro&immutable=1", uri=True)
    trash = {r[0] for r in db.execute("SELECT itemID FROM deletedItems")}
    types = dict(db.execute("SELECT itemTypeID, typeName FROM itemTypesCombined"))
    items = {r[0]: types[r[1]] for r in db.execute("SELECT itemID, itemTypeID FROM items")}
    parents = dict(db.execute("SELECT itemID, parentItemID FROM itemAttachments"))
    regular = {i for i, t in items.items() if t not in ("attachment", "note", "annotation") and i not in trash}
    standalone = {i for i, p in parents.items() if p is None and i not in trash}
    pdfs = [r[0] for r in db.execute("SELECT itemID FROM itemAttachments WHERE contentType = 'application/pdf'")
            if r[0] not in trash and (parents[r[0]] in regular or r[0] in standalone)]
    counts = {
        "items": len(regular | standalone),
        "pdfs": len(pdfs),
        "notes": db.execute("SELECT count(*) FROM itemNotes WHERE parentItemID IS NOT NULL").fetchone()[0],
        "tags": sorted(r[0] for r in db.execute("SELECT DISTINCT t.name FROM itemTags JOIN tags t USING (tagID)")),
        "collections": db.execute("SELECT count(*) FROM collections").fetchone()[0],
        "trash": len(trash & set(items) - {i for i, t in items.items() if t == "attachment"}),
    }
    db.close()
    return counts


@needs_shared
@pytest.mark.parametrize("name", ["library-2018", "library-2024"])
def test_real_libraries_import_completely_and_sync(run, tmp_path, name):
    source = ZOTERO / name
    expected = _expected(source / "zotero.sqlite")
    found = summary_of(read_library(source))
    assert (found["items"], found["pdfs"], found["notes"], found["tags"], len(found["collections"])) == (
        expected["items"], expected["pdfs"], expected["notes"], expected["tags"], expected["collections"])
    before = _hashes(source)
    result = run("add", source, "--no-tag")
    assert result.exit_code == 0, result.output
    assert f"{expected['items']} added, 0 updated" in result.output
    assert _hashes(source) == before
    with Corpus(tmp_path / ".litreview") as corpus:
        assert corpus.paper_count() == expected["items"]
        links = [link for key in corpus.all_keys() for link in corpus.library_links_of(key)]
        assert len(links) == expected["items"]  # every item accounted for, each linked to its paper
        stored = sum(1 for key in corpus.all_keys() for f in corpus.files_of(key) if f.name.endswith(".pdf"))
        assert stored == expected["pdfs"]  # every PDF kept, readable or not
        in_collections = {c for key in corpus.all_keys() for c in corpus.labels_of(key)["collections"]}
    leaves = {c.rsplit("/", 1)[-1] for c in in_collections}
    assert len(leaves) == expected["collections"]
    assert f"0 added, 0 updated, {expected['items']} unchanged" in run("add", source, "--no-tag").output
    # An item changed in a copy of the library is updated by the next import.
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    (copy / "zotero.sqlite").chmod(0o644)
    db = sqlite3.connect(copy / "zotero.sqlite")
    key = db.execute("SELECT key FROM items i JOIN itemTypesCombined t USING (itemTypeID)"
                     " WHERE t.typeName = 'journalArticle' AND itemID NOT IN (SELECT itemID FROM deletedItems)"
                     " ORDER BY itemID LIMIT 1").fetchone()[0]
    item_id, field_id = db.execute("SELECT d.itemID, d.fieldID FROM itemData d JOIN items i USING (itemID)"
                                   " JOIN fieldsCombined f USING (fieldID) WHERE i.key = ? AND f.fieldName = 'volume'",
                                   (key,)).fetchone()
    value = db.execute("INSERT INTO itemDataValues (valueID, value) SELECT MAX(valueID) + 1, '999' FROM itemDataValues"
                       ).lastrowid  # values are shared between items: a new one, as Zotero does
    db.execute("UPDATE itemData SET valueID = ? WHERE itemID = ? AND fieldID = ?", (value, item_id, field_id))
    db.execute("UPDATE items SET dateModified = '2030-01-01 00:00:00' WHERE key = ?", (key,))
    db.commit()
    db.close()
    result = run("add", copy, "--no-tag")
    assert "0 added, 1 updated" in result.output, result.output
    with Corpus(tmp_path / ".litreview") as corpus:
        volumes = [p.volume for p in corpus.iter_papers() if any(
            link["item_key"] == key for link in corpus.library_links_of(p.key))]
    assert volumes == ["999"]
    # The trash too: each trashed item added, or linked to the paper it duplicates.
    from litreview.zotero_sync import sync_zotero

    with Corpus(tmp_path / ".litreview") as corpus:
        synced = sync_zotero(corpus, source, include_trash=True)
    assert len(synced.added) + len(synced.merged) == expected["trash"]
