"""The corpus store: finding, creating, migrating, keys, files, transactions."""

import sqlite3

import pytest

from litreview.dedup import index_fields
from litreview.errors import CorpusError, NotFound, ValidationError
from litreview.model import Paper, Person, Section
from litreview.store import SCHEMA_VERSION, Corpus, find_corpus_dir


def put(corpus, title="Judul", key="cobis2023", year=2023):
    p = Paper(title=title, year=year, authors=[Person(family="Cobis", given="M. Y.")], key=key,
              text="Pendahuluan\nIsi.", sections=[Section("introduction", "Pendahuluan", 0, 16)])
    stored = corpus.store_file(title.encode(), f"{key}.txt")
    corpus.add_paper(p, index_fields(p), [stored], {"format": "text", "file_name": f"{key}.txt",
                                                 "sha256": stored.sha256, "record": ""})
    return p


def test_init_creates_wal_database_with_schema(tmp_path):
    with Corpus.init(tmp_path) as corpus:
        assert corpus.schema_version == SCHEMA_VERSION
        assert corpus.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert corpus.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (tmp_path / ".litreview" / "files").is_dir()


def test_find_walks_up_and_honours_overrides(tmp_path, monkeypatch):
    Corpus.init(tmp_path).close()
    deep = tmp_path / "bab1" / "bagian"
    deep.mkdir(parents=True)
    assert find_corpus_dir(deep) == tmp_path / ".litreview"
    other = tmp_path / "lain"
    other.mkdir()
    Corpus.init(other).close()
    assert find_corpus_dir(deep, explicit=other) == (other / ".litreview").resolve()
    monkeypatch.setenv("LITREVIEW_CORPUS", str(other / ".litreview"))
    assert find_corpus_dir(deep) == (other / ".litreview").resolve()


def test_explicit_directory_that_is_not_a_corpus(tmp_path):
    with pytest.raises(CorpusError, match="not a litreview corpus"):
        find_corpus_dir(explicit=tmp_path)
    with pytest.raises(CorpusError, match="no such corpus directory"):
        find_corpus_dir(explicit=tmp_path / "missing")
    assert find_corpus_dir(tmp_path) is None


def test_newer_schema_is_refused(tmp_path):
    Corpus.init(tmp_path).close()
    db = sqlite3.connect(tmp_path / ".litreview" / "corpus.db")
    db.execute("INSERT INTO schema_migrations VALUES (?, 'later')", (SCHEMA_VERSION + 5,))
    db.commit()
    db.close()
    with pytest.raises(CorpusError, match="newer litreview"):
        Corpus(tmp_path / ".litreview")


def test_garbage_database_is_refused(tmp_path):
    root = tmp_path / ".litreview"
    root.mkdir()
    (root / "corpus.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CorpusError, match="cannot open the corpus database"):
        Corpus(root)


def test_keys_get_letter_suffixes(memory_corpus):
    put(memory_corpus, key="cobis2023")
    assert memory_corpus.free_key("cobis2023") == "cobis2023a"
    put(memory_corpus, title="Lain", key="cobis2023a")
    assert memory_corpus.free_key("cobis2023") == "cobis2023b"
    assert memory_corpus.free_key("munadi2023") == "munadi2023"


def test_round_trip_of_a_paper(memory_corpus):
    put(memory_corpus)
    got = memory_corpus.get("cobis2023")
    assert got.title == "Judul" and got.authors[0].family == "Cobis"
    assert got.sections[0].kind == "introduction" and got.text.startswith("Pendahuluan")


def test_unknown_key_suggests_close_ones(memory_corpus):
    put(memory_corpus)
    with pytest.raises(NotFound, match="did you mean cobis2023"):
        memory_corpus.get("cobis2032")


def test_rename_checks_the_new_key(memory_corpus):
    put(memory_corpus)
    put(memory_corpus, title="Lain", key="munadi2023")
    paper = memory_corpus.get("cobis2023")
    paper.key = "munadi2023"
    with pytest.raises(ValidationError, match="already used"):
        memory_corpus.update_metadata("cobis2023", paper, index_fields(paper))
    paper.key = "bad key!"
    with pytest.raises(ValidationError, match="letters, digits"):
        memory_corpus.update_metadata("cobis2023", paper, index_fields(paper))


def test_failed_transaction_leaves_nothing(tmp_path):
    with Corpus.init(tmp_path) as corpus:
        with pytest.raises(RuntimeError):
            with corpus.transaction():
                put(corpus)
                raise RuntimeError("killed")
        assert corpus.count() == 0
        assert list((tmp_path / ".litreview" / "files").iterdir()) == []


def test_remove_drops_unused_file_copies(tmp_path):
    with Corpus.init(tmp_path) as corpus:
        with corpus.transaction():
            put(corpus)
        files = tmp_path / ".litreview" / "files"
        assert len(list(files.iterdir())) == 1
        with corpus.transaction():
            corpus.remove(["cobis2023"])
        assert corpus.count() == 0 and list(files.iterdir()) == []
        assert corpus.db.execute("SELECT COUNT(*) FROM sections").fetchone()[0] == 0


def test_provenance_keeps_what_each_source_knew(memory_corpus):
    put(memory_corpus)
    memory_corpus.add_provenance("cobis2023", {"format": "csv", "file_name": "PoPCites.csv", "sha256": "ab",
                                               "record": "row 7", "details": {"database": "Google Scholar",
                                                                               "cited_by": "12"}})
    rows = memory_corpus.provenance_of("cobis2023")
    assert [r["details"] for r in rows] == [{}, {"database": "Google Scholar", "cited_by": "12"}]


def test_new_metadata_lists_round_trip(memory_corpus):
    p = Paper(title="T", key="x2020", year=2020, author_ids=["orcid:0000-0002-1825-0097"],
              cited_references=["Lim, 2018, J Polit, 3, 1"])
    assert Paper.from_metadata(p.metadata()).cited_references == ["Lim, 2018, J Polit, 3, 1"]
    stored = memory_corpus.store_file(b"x", "x.bib")
    memory_corpus.add_paper(p, index_fields(p), [stored], {"format": "bibtex", "file_name": "x.bib",
                                                          "sha256": stored.sha256})
    assert memory_corpus.get("x2020").author_ids == ["orcid:0000-0002-1825-0097"]
