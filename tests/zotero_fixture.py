"""A small Zotero data directory built for the tests: zotero.sqlite with the tables and columns Zotero 5+
uses (the plain ones, not the *Combined views of newer versions), and storage/ with attached files.

All records are invented. ``build_library`` makes the standard one the tests share; ``ZoteroFixture``
changes it the way Zotero would (a field edited, an item deleted, one added).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SCHEMA = """
CREATE TABLE version (schema TEXT PRIMARY KEY, version INT NOT NULL);
CREATE TABLE settings (setting TEXT, key TEXT, value, PRIMARY KEY (setting, key));
CREATE TABLE libraries (libraryID INTEGER PRIMARY KEY, type TEXT NOT NULL, editable INT NOT NULL DEFAULT 1,
    filesEditable INT NOT NULL DEFAULT 1, version INT NOT NULL DEFAULT 0);
CREATE TABLE groups (groupID INTEGER PRIMARY KEY, libraryID INT NOT NULL UNIQUE, name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '', version INT NOT NULL DEFAULT 0);
CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT);
CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT);
CREATE TABLE baseFieldMappings (itemTypeID INT, baseFieldID INT, fieldID INT, PRIMARY KEY (itemTypeID, baseFieldID));
CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL, dateAdded TEXT NOT NULL,
    dateModified TEXT NOT NULL, clientDateModified TEXT NOT NULL, libraryID INT NOT NULL, key TEXT NOT NULL,
    version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key));
CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
CREATE TABLE itemData (itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID));
CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT, fieldMode INT);
CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
CREATE TABLE itemCreators (itemID INT NOT NULL, creatorID INT NOT NULL, creatorTypeID INT NOT NULL DEFAULT 1,
    orderIndex INT NOT NULL DEFAULT 0, PRIMARY KEY (itemID, creatorID, creatorTypeID, orderIndex));
CREATE TABLE itemTypeCreatorTypes (itemTypeID INT, creatorTypeID INT, primaryField INT,
    PRIMARY KEY (itemTypeID, creatorTypeID));
CREATE TABLE collections (collectionID INTEGER PRIMARY KEY, collectionName TEXT NOT NULL,
    parentCollectionID INT DEFAULT NULL, clientDateModified TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0);
CREATE TABLE collectionItems (collectionID INT NOT NULL, itemID INT NOT NULL, orderIndex INT NOT NULL DEFAULT 0,
    PRIMARY KEY (collectionID, itemID));
CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
CREATE TABLE deletedCollections (collectionID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
CREATE TABLE tags (tagID INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE itemTags (itemID INT NOT NULL, tagID INT NOT NULL, type INT NOT NULL, PRIMARY KEY (itemID, tagID));
CREATE TABLE itemNotes (itemID INTEGER PRIMARY KEY, parentItemID INT, note TEXT, title TEXT);
CREATE TABLE itemAttachments (itemID INTEGER PRIMARY KEY, parentItemID INT, linkMode INT, contentType TEXT,
    charsetID INT, path TEXT, syncState INT DEFAULT 0);
"""
TYPES = ["note", "attachment", "journalArticle", "bookSection", "webpage", "book"]
FIELDS = ["title", "abstractNote", "date", "publicationTitle", "bookTitle", "volume", "issue", "pages", "publisher",
          "DOI", "url", "ISBN", "ISSN", "language", "extra", "libraryCatalog", "accessDate", "websiteTitle",
          "shortTitle", "place"]
CREATOR_TYPES = ["author", "editor", "translator", "contributor", "bookAuthor"]


class ZoteroFixture:
    def __init__(self, directory: Path):
        self.directory = directory
        self.path = directory / "zotero.sqlite"
        self.db = sqlite3.connect(self.path)  # one transaction, committed by close()
        self.db.execute("PRAGMA synchronous = OFF")

    @classmethod
    def create(cls, directory: Path) -> ZoteroFixture:
        directory.mkdir(parents=True, exist_ok=True)
        z = cls(directory)
        z.db.executescript(SCHEMA)
        z.db.execute("INSERT INTO version VALUES ('userdata', 120)")
        z.db.execute("INSERT INTO settings VALUES ('account', 'localUserKey', 'TeStKeY1')")
        z.db.execute("INSERT INTO libraries (libraryID, type) VALUES (1, 'user')")
        z.db.executemany("INSERT INTO itemTypes VALUES (?, ?)", list(enumerate(TYPES, 1)))
        z.db.executemany("INSERT INTO fields VALUES (?, ?)", list(enumerate(FIELDS, 1)))
        z.db.executemany("INSERT INTO creatorTypes VALUES (?, ?)", list(enumerate(CREATOR_TYPES, 1)))
        for type_id, name in enumerate(TYPES, 1):
            if name not in ("note", "attachment"):
                z.db.execute("INSERT INTO itemTypeCreatorTypes VALUES (?, 1, 1)", (type_id,))
        # bookTitle and websiteTitle are kinds of publicationTitle, as in Zotero's own mapping.
        z.db.execute("INSERT INTO baseFieldMappings VALUES (?, ?, ?)",
                     (TYPES.index("bookSection") + 1, FIELDS.index("publicationTitle") + 1,
                      FIELDS.index("bookTitle") + 1))
        z.db.execute("INSERT INTO baseFieldMappings VALUES (?, ?, ?)",
                     (TYPES.index("webpage") + 1, FIELDS.index("publicationTitle") + 1,
                      FIELDS.index("websiteTitle") + 1))
        return z

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # -- writing as Zotero would --------------------------------------------------------------
    def _id(self, key: str) -> int:
        return int(self.db.execute("SELECT itemID FROM items WHERE key = ?", (key,)).fetchone()[0])

    def add_item(self, key: str, item_type: str, fields: dict[str, str], creators: tuple = (),
                 modified: str = "2024-03-01 10:00:00", parent: str | None = None) -> int:
        cur = self.db.execute(
            "INSERT INTO items (itemTypeID, dateAdded, dateModified, clientDateModified, libraryID, key)"
            " VALUES (?, ?, ?, ?, 1, ?)", (TYPES.index(item_type) + 1, modified, modified, modified, key))
        item_id = int(cur.lastrowid or 0)
        for name, value in fields.items():
            self.set_field(key, name, value, modified=None)
        for i, (role, first, last) in enumerate(creators):
            creator = self.db.execute("INSERT INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)",
                                      (first, last, 0 if first else 1)).lastrowid
            self.db.execute("INSERT INTO itemCreators VALUES (?, ?, ?, ?)",
                            (item_id, creator, CREATOR_TYPES.index(role) + 1, i))
        return item_id

    def set_field(self, key: str, name: str, value: str, modified: str | None = "2024-04-02 08:00:00") -> None:
        self.db.execute("INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)", (value,))
        value_id = self.db.execute("SELECT valueID FROM itemDataValues WHERE value = ?", (value,)).fetchone()[0]
        self.db.execute("INSERT OR REPLACE INTO itemData VALUES (?, ?, ?)",
                        (self._id(key), FIELDS.index(name) + 1, value_id))
        if modified:
            self.db.execute("UPDATE items SET dateModified = ?, clientDateModified = ? WHERE key = ?",
                            (modified, modified, key))

    def add_collection(self, path: str, key: str) -> int:
        parent = None
        for depth, name in enumerate(path.split("/")):
            row = self.db.execute("SELECT collectionID FROM collections WHERE collectionName = ? AND"
                                  " parentCollectionID IS ?", (name, parent)).fetchone()
            if row is None:
                row = (self.db.execute("INSERT INTO collections (collectionName, parentCollectionID, libraryID, key)"
                                       " VALUES (?, ?, 1, ?)", (name, parent, f"{key}{depth}")).lastrowid,)
            parent = row[0]
        return int(parent)  # type: ignore[arg-type]

    def file_into(self, key: str, path: str) -> None:
        self.db.execute("INSERT INTO collectionItems VALUES (?, ?, 0)", (self.add_collection(path, "C"), self._id(key)))

    def tag(self, key: str, name: str, automatic: bool = False) -> None:
        self.db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
        tag_id = self.db.execute("SELECT tagID FROM tags WHERE name = ?", (name,)).fetchone()[0]
        self.db.execute("INSERT INTO itemTags VALUES (?, ?, ?)", (self._id(key), tag_id, int(automatic)))

    def note(self, key: str, parent: str | None, html: str) -> None:
        item_id = self.add_item(key, "note", {})
        self.db.execute("INSERT INTO itemNotes VALUES (?, ?, ?, '')",
                        (item_id, self._id(parent) if parent else None, html))

    def attach(self, key: str, parent: str | None, link_mode: int, content_type: str, path: str,
               content: bytes | None = None, title: str = "") -> None:
        item_id = self.add_item(key, "attachment", {"title": title} if title else {})
        self.db.execute("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path)"
                        " VALUES (?, ?, ?, ?, ?)", (item_id, self._id(parent) if parent else None, link_mode,
                                                    content_type, path))
        if content is not None and path.startswith("storage:"):
            folder = self.directory / "storage" / key
            folder.mkdir(parents=True, exist_ok=True)
            (folder / path.split(":", 1)[1]).write_bytes(content)

    def trash(self, key: str) -> None:
        self.db.execute("INSERT INTO deletedItems (itemID) VALUES (?)", (self._id(key),))

    def delete(self, key: str) -> None:
        item_id = self._id(key)
        for table in ("itemData", "itemCreators", "collectionItems", "itemTags", "deletedItems"):
            self.db.execute(f"DELETE FROM {table} WHERE itemID = ?", (item_id,))
        self.db.execute("DELETE FROM items WHERE itemID = ?", (item_id,))


SNAPSHOT = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Laman</title>
<script>var tracking = 1;</script><style>p { color: red }</style></head>
<body><h1>Relawan digital di kampung</h1><p>Kelompok relawan membagikan poster calon lewat grup WhatsApp warga.</p>
<p>Warga menilai pesan itu sebagai kampanye yang dekat.</p></body></html>"""


def build_library(directory: Path, base_dir: Path) -> ZoteroFixture:
    """The standard test library: three items to import, one in the trash, a standalone note."""
    z = ZoteroFixture.create(directory)
    z.add_item("ART00001", "journalArticle", {
        "title": "Kampanye digital dan pemilih muda di kota kecil",
        "abstractNote": "Kajian ini menelusuri kampanye daring menjelang pemilu di tiga kota kecil.",
        "date": "2023-05-00 Mei 2023", "publicationTitle": "Jurnal Uji Komunikasi", "volume": "7", "issue": "2",
        "pages": "101-120", "DOI": "10.9999/uji.2023.7", "language": "Indonesian", "libraryCatalog": "Garuda",
        "extra": "Citation Key: wulandari2023kampanye\ntex.note: catatan tambahan",
    }, creators=(("author", "Sari", "Wulandari"), ("author", "", "Munadi"), ("editor", "Budi", "Hartono"),
                 ("translator", "Ayu", "Lestari")))
    z.file_into("ART00001", "Skripsi/Bab 2")
    z.tag("ART00001", "pemilu")
    z.tag("ART00001", "to-read")
    z.note("NOTE0001", "ART00001", "<div><h1>Catatan baca</h1><p>Metode <b>survei</b> daring;&nbsp;n = 300.</p></div>")
    pdf = (FIXTURES / "pdf" / "bilingual_article.pdf").read_bytes()
    z.attach("PDF00001", "ART00001", 0, "application/pdf", "storage:Wulandari - 2023 - Kampanye.pdf", pdf,
             title="Full Text PDF")
    z.attach("SNAP0001", "ART00001", 1, "text/html", "storage:laman.html", SNAPSHOT, title="Snapshot")

    z.add_item("SEC00002", "bookSection", {
        "title": "Hoaks politik di grup percakapan", "bookTitle": "Bunga rampai media dan demokrasi",
        "date": "2021-00-00 2021", "publisher": "Penerbit Uji", "place": "Yogyakarta", "pages": "33-58",
    }, creators=(("author", "Rina", "Kusuma"), ("editor", "Dewi", "Anggraini"), ("bookAuthor", "Tim", "Penyusun")))
    z.file_into("SEC00002", "Skripsi/Bab 2")
    z.tag("SEC00002", "hoaks", automatic=True)
    (base_dir / "bab").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "pdf" / "title_above_abstract.pdf", base_dir / "bab" / "kusuma2021.pdf")
    z.attach("LINK0002", "SEC00002", 2, "application/pdf", "attachments:bab/kusuma2021.pdf")
    z.attach("URL00002", "SEC00002", 3, "text/html", "", title="Publisher page")
    z.set_field("URL00002", "url", "https://example.org/bab/hoaks", modified=None)

    z.add_item("WEB00003", "webpage", {
        "title": "Relawan digital di kampung", "websiteTitle": "Portal Berita Uji", "date": "2024-01-09 2024-01-09",
        "url": "https://example.org/relawan", "accessDate": "2024-01-10 08:00:00",
    }, creators=(("author", "", "Redaksi Portal Uji"),))
    z.file_into("WEB00003", "Skripsi")
    z.attach("SNAP0003", "WEB00003", 1, "text/html", "storage:relawan.html", SNAPSHOT, title="Snapshot")

    z.add_item("OLD00004", "book", {"title": "Buku lama yang dibuang", "date": "1999-00-00 1999"},
               creators=(("author", "Anton", "Prasetyo"),))
    z.trash("OLD00004")
    z.note("NOTE0005", None, "<p>Daftar bacaan minggu depan</p>")
    return z
