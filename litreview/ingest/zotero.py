"""Zotero's own database, read in place: every item of a Zotero data directory with its creators,
collections, tags, child notes and attached files.

The database is opened read-only and immutable (``mode=ro&immutable=1``): SQLite then takes no
lock at all and writes nothing (no journal, no -shm file), so the library can be read while
Zotero runs and holds its exclusive lock, and every file of it stays byte for byte as it was.
Zotero writes its database with a rollback journal (never WAL), so what it has committed is in
the main file. Everything is read in one pass and the connection is closed before any PDF is read.

Nothing here touches a corpus: ``read_library`` turns a data directory into ``ZoteroItem`` records
(a ``Paper`` each, plus what a library has that a paper does not); ``litreview.zotero_sync`` brings
them into the corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litreview.errors import ImportFailed, UsageError
from litreview.i18n import msg
from litreview.model import Paper, Person
from litreview.text.encoding import printable_name

NAME = "zotero"
DB_NAME = "zotero.sqlite"
BBT_DB_NAME = "better-bibtex.sqlite"
SQLITE_MAGIC = b"SQLite format 3\x00"

# Zotero item type -> our entry type (BibTeX's names, as the other importers use them).
ENTRY_TYPES = {
    "journalArticle": "article", "magazineArticle": "article", "newspaperArticle": "article",
    "book": "book", "bookSection": "incollection", "encyclopediaArticle": "incollection",
    "dictionaryEntry": "incollection", "conferencePaper": "inproceedings", "thesis": "thesis",
    "report": "techreport", "webpage": "online", "blogPost": "online", "forumPost": "online",
    "manuscript": "unpublished", "preprint": "unpublished",
}
# Zotero base fields that have a slot in Paper (a type's own field, e.g. bookTitle or university,
# is mapped to its base field, publicationTitle or publisher, by Zotero's own table).
FIELD_SLOTS = {
    "title": "title", "abstractNote": "abstract", "publicationTitle": "journal", "volume": "volume",
    "issue": "issue", "pages": "pages", "publisher": "publisher", "DOI": "doi", "url": "url", "ISBN": "isbn",
    "ISSN": "issn", "language": "language",
}
SKIPPED_TYPES = ("attachment", "note", "annotation")
_CITATION_KEY = re.compile(r"^\s*citation key\s*:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)
_PREF = re.compile(r'user_pref\("extensions\.zotero\.(dataDir|baseAttachmentPath)",\s*"((?:[^"\\]|\\.)*)"\)')
_EXTRA_DOI = re.compile(r"^\s*DOI\s*:\s*(10\.\S+)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass
class ZoteroAttachment:
    """A file (or link) attached to an item. ``path`` is where the file should be ('' for a link);
    ``problem`` says why it cannot be read, when that is known before reading."""

    key: str
    kind: str  # "pdf", "snapshot" (a saved web page), "file", "link"
    title: str = ""
    url: str = ""
    content_type: str = ""
    path: str = ""
    problem: str = ""
    stored: str = ""  # the path as Zotero records it ("storage:name.pdf", "attachments:dir/name.pdf")


@dataclass
class ZoteroItem:
    key: str
    library: str  # the library's identity (ZoteroLibrary.identity)
    item_type: str
    modified: str  # Zotero's dateModified
    paper: Paper
    collections: list[str] = field(default_factory=list)  # paths: "Skripsi/Bab 2"
    tags: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (note key, text)
    attachments: list[ZoteroAttachment] = field(default_factory=list)
    citation_key: str = ""  # Better BibTeX's key, when it has one
    trashed: bool = False
    standalone: bool = False  # a file at the top of the library, with no parent item
    digest: str = ""  # changes whenever anything read of the item changes


@dataclass
class ZoteroLibrary:
    """One library of a data directory: the user's own ("My Library") or a group's."""

    identity: str  # stable across moves of the data directory: Zotero's local user key, or the group id
    name: str
    library_id: int
    present: set[str] = field(default_factory=set)  # keys of every item outside the trash
    trashed: set[str] = field(default_factory=set)


@dataclass
class ZoteroData:
    """What ``read_library`` found in a data directory."""

    directory: Path
    database: Path
    libraries: dict[int, ZoteroLibrary]
    items: list[ZoteroItem]
    collections: list[str]  # every collection path, sorted
    skipped: list[str] = field(default_factory=list)  # one line per kind of thing not imported, with counts
    base_dir: Path | None = None


# -- finding and opening ---------------------------------------------------------------
def find_database(path: Path) -> Path | None:
    """The zotero.sqlite that ``path`` names: itself, or the one in the data directory it names."""
    if path.is_dir():
        candidate = path / DB_NAME
        return candidate if candidate.is_file() else None
    if path.is_file() and path.name.lower() == DB_NAME:
        return path
    if path.is_file() and path.suffix.lower() in (".sqlite", ".db"):
        try:
            with open(path, "rb") as handle:
                if handle.read(16) != SQLITE_MAGIC:
                    return None
        except OSError:
            return None
        return path if _has_zotero_tables(path) else None
    return None


def _has_zotero_tables(path: Path) -> bool:
    try:
        db = open_read_only(path)
    except ImportFailed:
        return False
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        return False
    finally:
        db.close()
    return {"items", "itemData", "itemDataValues", "libraries"} <= names


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes and never locks: immutable, read-only."""
    uri = f"{Path(os.path.abspath(path)).as_uri()}?mode=ro&immutable=1"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ImportFailed(printable_name(str(path)),
                           msg("cannot read the database ({problem})", problem=exc)) from None
    db.row_factory = sqlite3.Row
    return db


# -- reading ----------------------------------------------------------------------------
def read_library(path: Path, include_trash: bool = False, collection: str | None = None,
                 base_dir: Path | None = None) -> ZoteroData:
    """Read a Zotero data directory (or its zotero.sqlite). ``collection`` (a path "A/B" or a name)
    keeps the items of that collection and its sub-collections; ``base_dir`` is Zotero's base
    directory for linked files (found in Zotero's prefs.js when not given)."""
    database = find_database(path)
    name = printable_name(str(path))
    if database is None:
        raise ImportFailed(name, msg("not a Zotero data directory or database (no {file} found)", file=DB_NAME))
    directory = database.parent
    base = base_dir if base_dir is not None else find_base_dir(directory)
    db = open_read_only(database)
    try:
        try:
            data = _read(db, directory, database, include_trash, collection, base)
        except sqlite3.DatabaseError as exc:
            raise ImportFailed(name, msg("cannot read the Zotero database ({problem}); is it a Zotero 5 or later "
                                         "library?", problem=exc)) from None
        keys = _better_bibtex_keys(directory)
    finally:
        db.close()
    for item in data.items:
        item.citation_key = item.citation_key or keys.get((item.library, item.key), "")
        item.digest = item_digest(item)
    return data


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def _read(db: sqlite3.Connection, directory: Path, database: Path, include_trash: bool,
          collection: str | None, base: Path | None) -> ZoteroData:
    tables = _tables(db)
    if not {"items", "itemData", "itemDataValues", "libraries"} <= tables:
        raise ImportFailed(printable_name(str(database)), msg("not a Zotero database (no items table)"))
    combined = "Combined" if "fieldsCombined" in tables else ""
    libraries = _libraries(db, tables, database)
    types = {r[0]: r[1] for r in db.execute(f"SELECT itemTypeID, typeName FROM itemTypes{combined}")}
    trash = {r[0] for r in db.execute("SELECT itemID FROM deletedItems")} if "deletedItems" in tables else set()
    rows = db.execute("SELECT itemID, itemTypeID, libraryID, key, dateModified FROM items ORDER BY itemID").fetchall()
    items_by_id = {r["itemID"]: r for r in rows}

    # Collections as paths, without those in the trash (and their sub-collections).
    coll_rows = db.execute("SELECT collectionID, collectionName, parentCollectionID, libraryID FROM collections")
    colls = {r[0]: (r[1], r[2], r[3]) for r in coll_rows}
    deleted_colls = ({r[0] for r in db.execute("SELECT collectionID FROM deletedCollections")}
                     if "deletedCollections" in tables else set())
    paths: dict[int, str] = {}
    for cid in colls:
        names, node, seen, gone = [], cid, set(), False
        while node is not None and node in colls and node not in seen:
            seen.add(node)
            gone = gone or node in deleted_colls
            names.append(colls[node][0].replace("/", "\u2215"))  # a "/" in a name would read as a level
            node = colls[node][1]
        if not gone or include_trash:
            paths[cid] = "/".join(reversed(names))
    item_collections: dict[int, list[str]] = {}
    for r in db.execute("SELECT collectionID, itemID FROM collectionItems"):
        if r[0] in paths:
            item_collections.setdefault(r[1], []).append(paths[r[0]])

    wanted = _collection_filter(collection, sorted(set(paths.values())))

    fields = _fields(db, combined)
    creators = _creators(db, combined)
    tags: dict[int, list[str]] = {}
    for r in db.execute("SELECT it.itemID, t.name FROM itemTags it JOIN tags t USING (tagID) ORDER BY t.name"):
        tags.setdefault(r[0], []).append(r[1])

    notes: dict[int, list[tuple[str, str]]] = {}
    standalone_notes = 0
    from litreview.text.html_text import html_to_text

    for r in db.execute("SELECT itemID, parentItemID, note FROM itemNotes ORDER BY itemID"):
        if r["itemID"] in trash and not include_trash:
            continue
        if r["parentItemID"] is None:
            standalone_notes += 1
            continue
        note_key = items_by_id[r["itemID"]]["key"] if r["itemID"] in items_by_id else str(r["itemID"])
        notes.setdefault(r["parentItemID"], []).append((note_key, html_to_text(r["note"] or "")))

    attachments: dict[int | None, list[tuple[int, ZoteroAttachment]]] = {}
    for r in db.execute("SELECT itemID, parentItemID, linkMode, contentType, path FROM itemAttachments"
                        " ORDER BY itemID"):
        if r["itemID"] in trash and not include_trash:
            continue
        item = items_by_id.get(r["itemID"])
        if item is None:
            continue
        own = fields.get(r["itemID"], {})
        found = _attachment(item["key"], r["linkMode"], r["contentType"] or "", r["path"] or "", own,
                            directory, base)
        if found is not None:
            attachments.setdefault(r["parentItemID"], []).append((r["itemID"], found))

    data = ZoteroData(directory=directory, database=database, libraries=libraries, items=[],
                      collections=sorted(set(paths.values())), base_dir=base)
    counts = {"annotations": 0, "trashed": 0, "other libraries": 0}
    standalone_ids = {aid for aid, _ in attachments.get(None, [])}
    for item_id, row in items_by_id.items():
        type_name = types.get(row["itemTypeID"], "")
        library = libraries.get(row["libraryID"])
        if library is None:
            counts["other libraries"] += 1  # feeds: not the user's library
            continue
        if type_name == "annotation":
            counts["annotations"] += 1
            continue
        if type_name in SKIPPED_TYPES and item_id not in standalone_ids:
            continue
        in_trash = item_id in trash
        if in_trash:
            library.trashed.add(row["key"])
        else:
            library.present.add(row["key"])
        if in_trash and not include_trash:
            counts["trashed"] += 1
            continue
        in_collections = sorted(item_collections.get(item_id, []))
        if wanted is not None and not any(_within(c, wanted) for c in in_collections):
            continue
        own = fields.get(item_id, {})
        paper, citation_key = to_paper(type_name, own, creators.get(item_id, []))
        standalone = item_id in standalone_ids
        item_attachments = ([a for aid, a in attachments.get(None, []) if aid == item_id] if standalone
                            else [a for _, a in attachments.get(item_id, [])])
        data.items.append(ZoteroItem(
            key=row["key"], library=library.identity, item_type=type_name, modified=row["dateModified"] or "",
            paper=paper, collections=in_collections, tags=tags.get(item_id, []), notes=notes.get(item_id, []),
            attachments=sorted(item_attachments, key=_attachment_order), citation_key=citation_key,
            trashed=in_trash, standalone=standalone,
        ))
    if standalone_notes:
        data.skipped.append(msg("{n} standalone note (notes belong to an item to be imported)", n=standalone_notes)
                            if standalone_notes == 1 else
                            msg("{n} standalone notes (notes belong to an item to be imported)", n=standalone_notes))
    if counts["trashed"]:
        data.skipped.append(msg("{n} item in the trash (--include-trash imports them)", n=counts["trashed"])
                            if counts["trashed"] == 1 else
                            msg("{n} items in the trash (--include-trash imports them)", n=counts["trashed"]))
    if counts["annotations"]:
        data.skipped.append(msg("{n} PDF annotation", n=counts["annotations"]) if counts["annotations"] == 1
                            else msg("{n} PDF annotations", n=counts["annotations"]))
    return data


def _attachment_order(a: ZoteroAttachment) -> tuple[int, str]:
    """PDFs first (the paper's text comes from the first readable one), then snapshots, then the rest."""
    return ({"pdf": 0, "snapshot": 1, "file": 2}.get(a.kind, 3), a.key)


def _libraries(db: sqlite3.Connection, tables: set[str], database: Path) -> dict[int, ZoteroLibrary]:
    user_key = ""
    if "settings" in tables:
        row = db.execute("SELECT value FROM settings WHERE setting = 'account' AND key = 'localUserKey'").fetchone()
        user_key = str(row[0]) if row and row[0] else ""
    if not user_key:  # an old library without one: its place on disk is the best identity there is
        user_key = hashlib.sha256(str(database.resolve()).encode()).hexdigest()[:12]
    groups = {}
    if "groups" in tables:
        groups = {r["libraryID"]: (r["groupID"], r["name"]) for r in db.execute(
            "SELECT groupID, libraryID, name FROM groups")}
    out = {}
    for r in db.execute("SELECT libraryID, type FROM libraries"):
        if r["type"] == "user":
            out[r["libraryID"]] = ZoteroLibrary(f"zotero:{user_key}", "My Library", r["libraryID"])
        elif r["type"] == "group" and r["libraryID"] in groups:
            group_id, name = groups[r["libraryID"]]
            out[r["libraryID"]] = ZoteroLibrary(f"zotero-group:{group_id}", f"group {name}", r["libraryID"])
    return out


def _fields(db: sqlite3.Connection, combined: str) -> dict[int, dict[str, tuple[str, str]]]:
    """itemID -> field name -> (base field name, value)."""
    out: dict[int, dict[str, tuple[str, str]]] = {}
    for r in db.execute(
        "SELECT d.itemID, f.fieldName, COALESCE(bf.fieldName, f.fieldName), v.value FROM itemData d"
        " JOIN itemDataValues v USING (valueID) JOIN items i ON i.itemID = d.itemID"
        f" JOIN fields{combined} f ON f.fieldID = d.fieldID"
        f" LEFT JOIN baseFieldMappings{combined} b ON b.itemTypeID = i.itemTypeID AND b.fieldID = d.fieldID"
        f" LEFT JOIN fields{combined} bf ON bf.fieldID = b.baseFieldID"
    ):
        value = "" if r[3] is None else str(r[3])
        if value.strip():
            out.setdefault(r[0], {})[r[1]] = (r[2], value)
    return out


def _creators(db: sqlite3.Connection, combined: str) -> dict[int, list[tuple[str, Person, bool]]]:
    """itemID -> [(role, person, is the item type's primary role)] in Zotero's order."""
    primary = {(r[0], r[1]) for r in db.execute(
        "SELECT itemTypeID, creatorTypeID FROM itemTypeCreatorTypes WHERE primaryField = 1")}
    out: dict[int, list[tuple[str, Person, bool]]] = {}
    for r in db.execute(
        "SELECT ic.itemID, i.itemTypeID, ic.creatorTypeID, ct.creatorType, c.firstName, c.lastName, c.fieldMode"
        " FROM itemCreators ic JOIN creators c USING (creatorID) JOIN creatorTypes ct USING (creatorTypeID)"
        " JOIN items i ON i.itemID = ic.itemID ORDER BY ic.itemID, ic.orderIndex"
    ):
        first, last = (r["firstName"] or "").strip(), (r["lastName"] or "").strip()
        person = Person(literal=last or first) if r["fieldMode"] == 1 or not first else Person(family=last, given=first)
        is_primary = (r["itemTypeID"], r["creatorTypeID"]) in primary
        out.setdefault(r["itemID"], []).append((r["creatorType"], person, is_primary))
    return out


def _attachment(key: str, link_mode: int, content_type: str, stored: str, own: dict[str, tuple[str, str]],
                directory: Path, base: Path | None) -> ZoteroAttachment | None:
    title = own.get("title", ("", ""))[1]
    url = own.get("url", ("", ""))[1]
    name = stored.split(":", 1)[1] if ":" in stored and stored.split(":", 1)[0] in ("storage", "attachments") \
        else stored
    lowered = (content_type or "").lower()
    kind = "pdf" if lowered == "application/pdf" or name.lower().endswith(".pdf") else \
        "snapshot" if lowered in ("text/html", "application/xhtml+xml") else "file"
    found = ZoteroAttachment(key=key, kind=kind, title=title, url=url, content_type=content_type, stored=stored)
    if link_mode in (0, 1):  # imported file, imported web page: in storage/KEY/
        if not stored.startswith("storage:"):
            found.problem = msg("no file name recorded")
        else:
            found.path = str(directory / "storage" / key / name)
    elif link_mode == 2:  # linked file: anywhere, or relative to the base directory
        if stored.startswith("attachments:"):
            if base is None:
                found.path = name
                found.problem = msg("is relative to Zotero's base directory, which is not known "
                                    "(give it with --base-dir DIR)")
            else:
                found.path = str(base / name)
        else:
            found.path = stored
    elif link_mode == 3:  # a link to a URL: no file
        found.kind = "link"
    else:
        return None  # an image embedded in a note or annotation
    return found


def find_base_dir(directory: Path) -> Path | None:
    """Zotero's base directory for linked files (Settings > Files and Folders), from the prefs.js of the
    Zotero profile whose data directory is ``directory`` (or of the only profile, for the default ~/Zotero)."""
    home = Path.home()
    roots = [home / ".zotero" / "zotero", home / "Library" / "Application Support" / "Zotero" / "Profiles",
             Path(os.environ.get("APPDATA", home / "AppData" / "Roaming")) / "Zotero" / "Zotero" / "Profiles",
             directory]
    candidates = []
    for root in roots:
        try:
            candidates += sorted(root.glob("*/prefs.js"))
            candidates += [root / "prefs.js"] if (root / "prefs.js").is_file() else []
        except OSError:
            continue
    target = os.path.realpath(directory)
    default = os.path.realpath(home / "Zotero")
    for prefs in candidates:
        try:
            text = prefs.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        values = dict(_PREF.findall(text))
        data_dir = values.get("dataDir", "").encode().decode("unicode_escape") if values.get("dataDir") else default
        if os.path.realpath(data_dir) == target and values.get("baseAttachmentPath"):
            return Path(values["baseAttachmentPath"].encode().decode("unicode_escape"))
    return None


def _better_bibtex_keys(directory: Path) -> dict[tuple[str, str], str]:
    """Citation keys from Better BibTeX's own database, when it has one: (library identity, item key) -> key.
    Read only for the user library (libraryID 1), as Better BibTeX keeps them."""
    path = directory / BBT_DB_NAME
    if not path.is_file():
        return {}
    try:
        db = open_read_only(path)
    except ImportFailed:
        return {}
    try:
        columns = {r[1] for r in db.execute("PRAGMA table_info(citekeys)")}
        key_column = "citationKey" if "citationKey" in columns else "citekey" if "citekey" in columns else ""
        if not key_column or "itemKey" not in columns:
            return {}
        library = "libraryID" if "libraryID" in columns else "1"
        rows = db.execute(f"SELECT {library}, itemKey, {key_column} FROM citekeys").fetchall()
        zotero = open_read_only(directory / DB_NAME)
        try:
            libraries = _libraries(zotero, _tables(zotero), directory / DB_NAME)
        finally:
            zotero.close()
    except sqlite3.DatabaseError:
        return {}
    finally:
        db.close()
    return {(libraries[int(r[0])].identity, str(r[1])): str(r[2]) for r in rows
            if r[2] and str(r[0]).isdigit() and int(r[0]) in libraries}


def _collection_filter(collection: str | None, paths: list[str]) -> str | None:
    """The collection path ``--collection`` names (a path, or a name that is unique)."""
    if collection is None:
        return None
    wanted = collection.strip().strip("/")
    if wanted in paths:
        return wanted
    by_name = [p for p in paths if p.rsplit("/", 1)[-1] == wanted]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        raise UsageError(msg("--collection {name}: several collections have that name ({paths}); give its path",
                             name=repr(collection), paths=", ".join(by_name)))
    known = ", ".join(paths) if paths else msg("the library has none")
    raise UsageError(msg("--collection {name}: no such collection ({known})", name=repr(collection), known=known))


def _within(path: str, wanted: str) -> bool:
    return path == wanted or path.startswith(wanted + "/")


# -- one item as a Paper -------------------------------------------------------------------
def to_paper(item_type: str, own: dict[str, tuple[str, str]],
             creators: list[tuple[str, Person, bool]]) -> tuple[Paper, str]:
    """A Zotero item's fields and creators as a Paper, and its Better BibTeX key ('' when none).
    Fields without a slot go to ``extra`` under Zotero's name; creators other than the item type's
    primary role and editors go to ``extra`` under their role ("translator": "A; B")."""
    paper = Paper(entry_type=ENTRY_TYPES.get(item_type, "misc"))
    if paper.entry_type == "misc" and item_type != "document":
        paper.extra["itemType"] = item_type
    citation_key = ""
    for name, (base, value) in sorted(own.items()):
        value = value.strip()
        slot = FIELD_SLOTS.get(base) or FIELD_SLOTS.get(name)
        if name == "date" or base == "date":
            paper.date, paper.year = _date(value)
            if name != "date":
                paper.extra[name] = value
        elif name == "extra":
            paper.extra["extra"] = value
            found = _CITATION_KEY.search(value)
            citation_key = found.group(1) if found else ""
            doi = _EXTRA_DOI.search(value)
            if doi and not paper.doi:
                paper.doi = doi.group(1)
        elif name == "citationKey":
            citation_key = value
        elif slot and not getattr(paper, slot):
            setattr(paper, slot, value)
        else:
            paper.extra[name] = value
    others: dict[str, list[str]] = {}
    for role, person, primary in creators:
        if primary or (role == "author" and not any(p for _, _, p in creators)):
            paper.authors.append(person)
        elif role == "editor":
            paper.editors.append(person)
        else:
            others.setdefault(role, []).append(person.display())
    for role, names in others.items():
        paper.extra[role] = "; ".join(names)
    if paper.language:
        paper.language = _language(paper.language)
    return paper, citation_key


def _date(value: str) -> tuple[str, int | None]:
    """Zotero's stored date "2013-03-00 03/2013" (an SQL date with 00 for the unknown parts, then the
    date as typed) as ("2013-03", 2013)."""
    found = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:\s|$)", value)
    if not found:
        loose = re.search(r"\b(1[4-9]\d\d|20\d\d|21\d\d)\b", value)
        return value, int(loose.group(1)) if loose else None
    year, month, day = found.groups()
    if year == "0000":
        return value.split(" ", 1)[-1], None
    parts = [year] + ([month] if month != "00" else []) + ([day] if month != "00" and day != "00" else [])
    return "-".join(parts), int(year)


def _language(value: str) -> str:
    lowered = value.strip().lower()
    names = {"indonesian": "id", "bahasa indonesia": "id", "indonesia": "id", "ind": "id", "english": "en",
             "eng": "en", "en-us": "en", "en-gb": "en", "id-id": "id", "in": "id"}
    if lowered in names:
        return names[lowered]
    return lowered.split("-")[0] if re.fullmatch(r"[a-z]{2}(-[a-z0-9]+)?", lowered) else value


def item_digest(item: ZoteroItem) -> str:
    """What changes when anything read of the item changes: its fields, creators, collections, tags,
    notes and attachments, with each attached file's size and modification time."""
    files = []
    for a in item.attachments:
        try:
            info = os.stat(a.path) if a.path and not a.problem else None
        except OSError:
            info = None
        where = a.stored if not a.stored.startswith("attachments:") else a.path  # storage/ moves with the library
        files.append([a.key, a.kind, where, a.url, info.st_size if info else -1, info.st_mtime_ns if info else -1])
    payload = [item.modified, item.item_type, item.paper.metadata(), item.collections, item.tags, item.notes,
               files, item.citation_key, item.trashed]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def summary_of(data: ZoteroData) -> dict[str, Any]:
    """Counts of what the library holds, as read (for reports and tests)."""
    return {
        "items": len(data.items),
        "attachments": sum(len(i.attachments) for i in data.items),
        "pdfs": sum(1 for i in data.items for a in i.attachments if a.kind == "pdf"),
        "notes": sum(len(i.notes) for i in data.items),
        "tags": sorted({t for i in data.items for t in i.tags}),
        "collections": data.collections,
    }
