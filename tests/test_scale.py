"""Import and tables at scale: the indexed duplicate lookups give what the block scans gave,
warnings come one line per kind, findings and frames are found at tag time, tables read evidence
theme by theme as they read it whole, claim readings are kept and read back, schemas 11, 12 and 13
upgrade in place."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from litreview import dedup
from litreview.add import AddReport, add_paths, warning_kind
from litreview.model import Paper, Person
from litreview.store import MIGRATIONS, Corpus
from litreview.synthesis.framing import FRAMING_VERSION
from litreview.synthesis.review import ReviewFilter, findings_for, frames_for, load_entries
from litreview.tagging import tag_corpus
from litreview.themes.codebook import load_codebook
from litreview.themes.tagger import Tagger

WORDS = "pemilu politik media sosial kampanye partai the of election voters study digital".split()


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 7)))


def _source() -> dict:
    return {"format": "text", "file_name": "x.md", "sha256": "0" * 64}


def _block_corpus(rng: random.Random) -> Corpus:
    """Papers crowded into a few (year, first author) blocks, titles often prefixes of each other."""
    corpus = Corpus.in_memory()
    with corpus.transaction():
        for i in range(300):
            title = _title(rng)
            if rng.random() < 0.3:
                title += " " + _title(rng)
            start = rng.randint(1, 5)
            paper = Paper(key=f"p{i}", title=title, year=rng.choice([2020, 2021, None]),
                          authors=[Person(family=rng.choice(["Nugroho", "Lubis", "Van Lubis"]), given="A")],
                          pages=rng.choice(["", f"{start}--{start + 3}", f"{start}\u2013{start + 3}",
                                            f"{start}-{start + 3}"]))
            corpus.add_paper(paper, dedup.index_fields(paper), [], _source())
    return corpus


def _old_title_prefix(corpus: Corpus, year: int | None, first_author: str, norm_title: str) -> set[str]:
    """The block scan lookup_title_prefix replaced (schema 10)."""
    if not first_author or not norm_title or year is None:
        return set()
    return {r[0] for r in corpus.db.execute(
        "SELECT key FROM papers WHERE year = ? AND first_author = ? AND norm_title != ? AND (substr(norm_title, 1, ?)"
        " = ? OR substr(?, 1, length(norm_title) + 1) = norm_title || ' ')",
        (year, first_author, norm_title, len(norm_title) + 1, norm_title + " ", norm_title))}


def test_indexed_lookups_find_what_the_block_scans_found():
    rng = random.Random(3)
    corpus = _block_corpus(rng)
    plans = " ".join(str(r[3]) for r in corpus.db.execute(
        "EXPLAIN QUERY PLAN SELECT key FROM papers WHERE year = 2020 AND first_author = 'lubis' AND "
        "replace(replace(json_extract(metadata, '$.pages'), '--', '-'), '\u2013', '-') = '1-4'"))
    assert "papers_place" in plans  # the page lookup is indexed, not a JSON parse per paper of the block
    for _ in range(300):
        title = dedup.normalize_title(_title(rng))
        year, author = rng.choice([2020, 2021, None]), rng.choice(["nugroho", "lubis", "vanlubis"])
        found = {r["key"] for r in corpus.lookup_title_prefix(year, author, title)}
        assert found == _old_title_prefix(corpus, year, author, title)


def test_worth_comparing_many_answers_as_one_at_a_time():
    rng = random.Random(5)
    for _ in range(200):
        new = dedup.index_fields(Paper(title=_title(rng), doi=rng.choice(["", "10.1/a"])))
        stored = [(rng.choice(["", "10.1/a", "10.1/b"]), dedup.normalize_title(_title(rng)))
                  for _ in range(rng.randint(0, 40))]
        assert dedup.worth_comparing_many(new, stored) == [dedup.worth_comparing(new, d, t) for d, t in stored]


def _old_corpus(tmp_path: Path, schema: int) -> tuple[Path, sqlite3.Connection]:
    """A corpus database as a litreview that knew ``schema`` migrations left it."""
    root = tmp_path / ".litreview"
    root.mkdir()
    db = sqlite3.connect(root / "corpus.db")
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    for version, script in enumerate(MIGRATIONS[:schema], 1):
        db.executescript(script)
        db.execute("INSERT INTO schema_migrations VALUES (?, '2026-01-01T00:00:00Z')", (version,))
    return root, db


def test_a_schema_10_corpus_is_upgraded_in_place(tmp_path: Path):
    root, db = _old_corpus(tmp_path, 10)
    db.execute("INSERT INTO papers (key, title, year, norm_title, first_author, metadata, added_at, updated_at) VALUES"
               " ('lubis2020', 'Kampanye digital', 2020, 'kampanye digital', 'lubis',"
               " '{\"title\": \"Kampanye digital\", \"pages\": \"1--9\", \"year\": 2020}', 'x', 'x')")
    db.commit()
    db.close()
    with Corpus(root) as corpus:
        assert corpus.schema_version == len(MIGRATIONS) >= 11
        indexes = {r[0] for r in corpus.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"papers_block_titles", "papers_place"} <= indexes and "papers_block" not in indexes
        assert [r["key"] for r in corpus.lookup_same_place(2020, "lubis", "1\u20139")] == ["lubis2020"]
        assert corpus.get("lubis2020").pages == "1--9"


def test_many_warnings_print_one_line_per_kind_and_all_with_verbose(run, tmp_path: Path):
    entries = "".join(
        f"@article{{r{i},\n  title = {{Kampanye digital nomor {i} di daerah}},\n  author = {{Lubis, A.}},\n"
        f"  year = {{2020}},\n  file = {{:missing/p{i}.pdf:application/pdf}}\n}}\n" for i in range(25))
    entries += "@article{y,\n  title = {Pemilu dan pemilih muda},\n  author = {Nugroho, B.},\n  year = {20xx}\n}\n"
    (tmp_path / "lib.bib").write_text(entries, encoding="utf-8")
    first = run("add", "lib.bib", "--no-tag")
    lines = [line for line in first.stderr.splitlines() if "attached file not found" in line]
    assert len(lines) == 1 and "25 warnings: attached file not found" in lines[0] and "--verbose" in lines[0]
    assert "r0: attached file not found: missing/p0.pdf" in lines[0]
    assert "year '20xx' is not a year" in first.stderr  # a kind with one warning prints as it is
    run("init", "again")
    verbose = run("add", "lib.bib", "--no-tag", "--verbose", "--corpus", "again")
    listed = [line for line in verbose.stderr.splitlines() if "attached file not found" in line]
    assert len(listed) == 25 and all("warnings:" not in line for line in listed)


def test_warning_kinds_mask_names_and_numbers():
    assert warning_kind("year '19xx' is not a year; kept in extra") == warning_kind("year 'n.d.' is not a year; "
                                                                                  "kept in extra")
    assert warning_kind("line 12: record not closed by ER") == warning_kind("line 7: record not closed by ER")
    report = AddReport()
    report.warn("a.bib: record #1", "attached file not found: x.pdf", "attached file not found")
    report.warn("a.bib: record #2", "attached file not found: y.pdf", "attached file not found")
    report.warnings.append("zotero: item K: something else")  # a warning added without a kind
    assert [(kind, len(ws)) for kind, ws in report.warnings_by_kind()] == [
        ("attached file not found", 2), ("zotero: item K: something else", 1)]


def test_add_reports_each_record_stored(tmp_path: Path):
    stored: list[None] = []
    with Corpus.init(tmp_path) as corpus:
        report = add_paths(corpus, [str(FIXTURES / "bib" / "zotero_pemilu.bib")], on_record=lambda: stored.append(None))
    assert len(stored) == len(report.added) + len(report.duplicates) > 0


@pytest.mark.parametrize("papers", [3, 90])  # one process, and the worker pool (chunks of 20 from 50 papers on)
def test_findings_are_found_at_tag_time_as_the_matrix_would(papers: int, monkeypatch):
    from litreview.synthesis import review

    monkeypatch.setattr(review, "PARALLEL_MIN_PAPERS", 50)
    monkeypatch.setattr(review, "_CHUNK", 20)
    rng = random.Random(papers)
    sentences = ["Hasil penelitian menunjukkan bahwa hoaks menyebar cepat di media sosial menjelang pemilu.",
                 "Penelitian selanjutnya disarankan meneliti literasi digital pemilih muda.",
                 "We find that campaign messages on social media reach young voters.",
                 "Kampanye digital partai politik semakin ramai di Instagram."]
    codebook = load_codebook()
    tagged = Corpus.in_memory()
    plain = Corpus.in_memory()
    made = [Paper(key=f"p{i:04d}", title=_title(rng), year=2020, abstract=" ".join(rng.sample(sentences, 3)))
            for i in range(papers)]
    for corpus in (tagged, plain):
        with corpus.transaction():
            for paper in made:
                corpus.add_paper(paper, dedup.index_fields(paper), [], _source())
    tag_corpus(tagged, Tagger(codebook))
    assert len(tagged.stored_findings()) == papers
    # the same corpus tagged without keeping findings (as before): the matrix finds them at its first build
    tag_corpus(plain, Tagger(codebook))
    plain.db.execute("DELETE FROM findings")
    entries = load_entries(plain, codebook, ReviewFilter())
    assert findings_for(tagged, entries) == findings_for(plain, entries)
    assert {k: (v[2], v[3]) for k, v in tagged.stored_findings().items()} == \
        {k: (v[2], v[3]) for k, v in plain.stored_findings().items()}


def test_a_schema_11_corpus_is_upgraded_in_place_and_frames_are_kept(tmp_path: Path):
    root, db = _old_corpus(tmp_path, 11)
    db.execute("INSERT INTO papers (id, key, title, year, norm_title, first_author, metadata, added_at, updated_at)"
               " VALUES (1, 'lubis2020', 'Kampanye', 2020, 'kampanye', 'lubis', '{\"title\": \"Kampanye\"}', 'x', 'x')")
    db.execute("INSERT INTO tags (paper_id, theme, origin, decided_at) VALUES (1, 'hoax', 'auto', 'x')")
    db.execute("INSERT INTO evidence (paper_id, theme, ord, field, start, \"end\", score, sentence, matches)"
               " VALUES (1, 'hoax', 0, 'abstract', 0, 9, 1.0, 'Hoaks menjadi ancaman serius bagi pemilu.', '[]')")
    db.commit()
    db.close()
    codebook = load_codebook()
    with Corpus(root) as corpus:
        assert corpus.schema_version == len(MIGRATIONS) >= 12
        indexes = {r[0] for r in corpus.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "evidence_theme" in indexes
        entries = load_entries(corpus, codebook, ReviewFilter())
        assert frames_for(corpus, entries) == {("lubis2020", "hoax"): "risk"}  # worked out now, and kept
        assert corpus.stored_frames(FRAMING_VERSION) == {("lubis2020", "hoax"): "risk"}
        assert corpus.stored_frames("another version") == {}
        with corpus.transaction():  # new evidence on the theme: the kept frame is forgotten
            corpus.db.execute("INSERT INTO evidence (paper_id, theme, ord, field, start, \"end\", score, sentence,"
                              " matches) VALUES (1, 'hoax', 1, 'abstract', 0, 9, 1.0, 'Peluang besar.', '[]')")
        assert corpus.stored_frames(FRAMING_VERSION) == {}
        assert frames_for(corpus, entries) == {("lubis2020", "hoax"): "mixed"}
        with corpus.transaction():
            corpus.db.execute("DELETE FROM evidence WHERE ord = 1")
        assert frames_for(corpus, entries) == {("lubis2020", "hoax"): "risk"}


def test_tables_read_theme_by_theme_as_they_read_all_the_evidence():
    """The synthesis and claims built from one theme's evidence at a time (kept frames, no matched
    terms) are the tables built from every paper's whole evidence, framed on the spot."""
    from litreview.synthesis.claims import build_claims_table
    from litreview.synthesis.review import ThemeEvidence, evidence_by_paper
    from litreview.synthesis.synthesize import build_synthesis

    sentences = ["Hasil penelitian menunjukkan bahwa hoaks menyebar cepat di media sosial menjelang pemilu.",
                 "Hoaks menjadi ancaman bagi pemilih muda di media sosial.",
                 "We find that campaign messages on social media reach young voters effectively.",
                 "Kampanye digital memberi peluang bagi partai politik untuk menjangkau pemilih muda.",
                 "Disinformation on social media undermines trust in the election."]
    corpus, codebook = _tagged_corpus(random.Random(5), sentences, papers=40, per_abstract=3)
    assert corpus.stored_frames(FRAMING_VERSION)  # found at tag time
    entries = load_entries(corpus, codebook, ReviewFilter())
    whole = evidence_by_paper(corpus, entries)
    streamed = ThemeEvidence(corpus, entries)
    for lang in ("en", "id"):
        for themes in (None, ["hoax"]):
            slow = build_synthesis(entries, whole, codebook, lang, themes)
            fast = build_synthesis(entries, streamed, codebook, lang, themes, frames=frames_for(corpus, entries))
            assert fast.rows and fast.rows == slow.rows and fast.columns == slow.columns
            assert build_claims_table(entries, streamed, codebook, lang, themes).rows == \
                build_claims_table(entries, whole, codebook, lang, themes).rows


def test_similarities_of_representative_sentences_are_the_pairwise_jaccard():
    from litreview.synthesis.synthesize import _alike, _jaccard

    rng = random.Random(3)
    bags = [set(rng.sample(WORDS, rng.randint(0, 6))) for _ in range(60)]
    alike = _alike(bags)
    assert all(alike[i][j] == (_jaccard(bags[i], bags[j]) if i != j else 0.0)
               for i in range(60) for j in range(60))


def _tagged_corpus(rng: random.Random, sentences: list[str], papers: int, per_abstract: int) -> tuple[Corpus, Any]:
    """An in-memory corpus of ``papers`` records whose abstracts draw ``per_abstract`` of ``sentences``,
    tagged with the shipped codebook."""
    codebook = load_codebook()
    corpus = Corpus.in_memory()
    with corpus.transaction():
        for i in range(papers):
            paper = Paper(key=f"p{i:03d}", title=_title(rng), year=2020 + i % 3,
                          authors=[Person(family=rng.choice(["Lubis", "Nugroho", "Tan"]), given="A")],
                          abstract=" ".join(rng.sample(sentences, per_abstract)))
            corpus.add_paper(paper, dedup.index_fields(paper), [], _source())
    tag_corpus(corpus, Tagger(codebook))
    return corpus, codebook


def _claims_corpus() -> tuple[Corpus, object]:
    sentences = ["Hasil penelitian menunjukkan bahwa hoaks menyebar cepat di media sosial menjelang pemilu.",
                 "Hoaks menyebar cepat di media sosial dan mengancam pemilih menjelang pemilu.",
                 "We find that campaign messages on social media reach young voters effectively.",
                 "Campaign messages on social media reach young voters and raise their participation.",
                 "Penelitian ini bertujuan menganalisis hoaks di media sosial menjelang pemilu.",
                 "Disinformation on social media undermines trust in the election."]
    return _tagged_corpus(random.Random(7), sentences, papers=30, per_abstract=4)


def test_claim_readings_are_kept_and_read_back_as_they_were_read(monkeypatch):
    """The claims and synthesis tables built with the readings kept in the corpus (by ``tag``, or by
    a first table, then read back) are the tables built reading every sentence; readings under
    another version are not used, and a kept reading is what the next table uses."""
    import litreview.synthesis.claims as claims_module
    from litreview.synthesis.claims import build_claims_table, claim_read_version
    from litreview.synthesis.review import ThemeEvidence, claim_reads_for
    from litreview.synthesis.synthesize import build_synthesis

    corpus, codebook = _claims_corpus()
    entries = load_entries(corpus, codebook, ReviewFilter())
    evidence = ThemeEvidence(corpus, entries)
    plain = build_claims_table(entries, evidence, codebook)
    assert plain.rows
    assert corpus.db.execute("SELECT COUNT(*) FROM claim_reads").fetchone()[0] > 0  # kept by tag_corpus

    def unread(*args: object) -> None:
        raise AssertionError("a sentence read again after tagging")

    with monkeypatch.context() as patch:  # tagging read every sentence the tables need
        patch.setattr(claims_module, "default_reader", unread)
        patch.setattr(claims_module, "reports_other_work", unread)
        assert build_claims_table(entries, evidence, codebook, reads=claim_reads_for(corpus)).rows == plain.rows
    with corpus.transaction():
        corpus.db.execute("DELETE FROM claim_reads")
    kept = build_claims_table(entries, evidence, codebook, reads=claim_reads_for(corpus))  # read and kept
    version = claim_read_version()
    stored = corpus.db.execute("SELECT COUNT(*), SUM(concepts IS NOT NULL), SUM(claimable = 0) FROM claim_reads"
                               " WHERE version = ?", (version,)).fetchone()
    assert stored[0] > 0 and stored[1] > 0 and stored[2] > 0  # aims are not claimable; read sentences have concepts
    again = build_claims_table(entries, evidence, codebook, reads=claim_reads_for(corpus))  # read back
    assert plain.rows == kept.rows == again.rows
    frames = frames_for(corpus, entries)
    assert build_synthesis(entries, evidence, codebook, frames=frames, reads=claim_reads_for(corpus)).rows == \
        build_synthesis(entries, evidence, codebook, frames=frames).rows
    with corpus.transaction():  # what is kept is what the next table reads
        corpus.db.execute("UPDATE claim_reads SET claimable = 0")
    assert not build_claims_table(entries, evidence, codebook, reads=claim_reads_for(corpus)).rows
    with corpus.transaction():  # readings of another version are read again (and dropped as new ones are kept)
        corpus.db.execute("UPDATE claim_reads SET version = 'an older reading'")
    assert build_claims_table(entries, evidence, codebook, reads=claim_reads_for(corpus)).rows == plain.rows
    assert {r[0] for r in corpus.db.execute("SELECT DISTINCT version FROM claim_reads")} == {version}


def test_a_schema_12_corpus_is_upgraded_in_place_to_keep_claim_readings(tmp_path: Path):
    root, db = _old_corpus(tmp_path, 12)
    db.execute("INSERT INTO papers (id, key, title, year, norm_title, first_author, metadata, added_at, updated_at)"
               " VALUES (1, 'lubis2020', 'Kampanye', 2020, 'kampanye', 'lubis', '{\"title\": \"Kampanye\"}', 'x', 'x')")
    db.execute("INSERT INTO tags (paper_id, theme, origin, decided_at) VALUES (1, 'hoax', 'auto', 'x')")
    db.execute("INSERT INTO evidence (paper_id, theme, ord, field, start, \"end\", score, sentence, matches)"
               " VALUES (1, 'hoax', 0, 'abstract', 0, 9, 1.0, 'Hoaks menyebar cepat di media sosial menjelang"
               " pemilu dan mengancam pemilih.', '[]')")
    db.commit()
    db.close()
    from litreview.synthesis.claims import SentenceRead, claim_read_version
    from litreview.synthesis.concepts import Bag
    from litreview.synthesis.review import claim_reads_for

    with Corpus(root) as corpus:
        assert corpus.schema_version == len(MIGRATIONS) >= 13
        reads = claim_reads_for(corpus)
        reads.start("hoax")
        assert reads.known == {}
        sentence = corpus.db.execute("SELECT sentence FROM evidence").fetchone()[0]
        reads.put(sentence, SentenceRead(True, Bag(frozenset({"hoax", "spread"}), False), "risk"))
        reads.start("youth")  # the readings of the theme before are kept
        assert reads.known == {}  # no youth evidence
        reads.start("hoax")
        assert reads.known == {sentence: SentenceRead(True, Bag(frozenset({"hoax", "spread"}), False), "risk")}
        assert [tuple(r) for r in corpus.db.execute("SELECT version FROM claim_reads")] == [(claim_read_version(),)]


def test_similarity_with_norms_worked_out_once_is_the_similarity():
    from litreview.synthesis.concepts import Bag, norm, similarity, weights

    rng = random.Random(11)
    bags = [Bag(frozenset(rng.sample(WORDS, rng.randint(0, 8))), False) for _ in range(40)]
    weight = weights(bags[:30])  # some concepts without a weight: they count as the rarest
    default = max(weight.values())
    for a in bags:
        for b in bags:
            assert similarity(a, b, weight, default, (norm(a, weight, default), norm(b, weight, default))) == \
                similarity(a, b, weight)


def test_table_reading_helpers_give_what_the_plain_ways_give():
    """Papers by key read in chunks, the covered keys, facets of some papers, frames of some pairs
    and folded ASCII text are what reading one by one, building every tag, parsing every paper's
    facets, taking every frame and decomposing Unicode gave."""
    import pickle
    import unicodedata

    from litreview.errors import NotFound
    from litreview.synthesis.citations import _folded

    corpus, _ = _claims_corpus()
    keys = ["p003", "p001", "p001"] + [f"p{i:03d}" for i in range(29, -1, -1)] * 20  # any order, past 500
    read = list(corpus.iter_papers(keys))
    assert [p.key for p in read] == keys
    assert [p.metadata() for p in read[:40]] == [corpus.get(k).metadata() for k in keys[:40]]
    assert [p.key for p in corpus.iter_papers(keys, only={"p001"})] == [k for k in keys if k == "p001"]
    with pytest.raises(NotFound):
        list(corpus.iter_papers(["p001", "nobody2020"]))
    assert pickle.loads(pickle.dumps(read[0])) == read[0]  # a paper (slots) goes to worker processes
    import litreview.store

    blocks = _block_corpus(random.Random(4))
    for chosen in (["p1", "p7"], [f"p{i}" for i in range(0, 300, 3)]):
        joined = blocks.keys_alike(chosen)
        litreview.store.ALIKE_BY_SCAN, before = 0, litreview.store.ALIKE_BY_SCAN
        try:
            assert sorted(blocks.keys_alike(chosen)) == sorted(joined) and set(chosen) <= set(joined)
        finally:
            litreview.store.ALIKE_BY_SCAN = before
    for level in ("discussed", "mentioned"):
        assert corpus.keys_tagged(level) == {k for k, tags in corpus.tags_by_key(level).items() if tags}
    some = {"p001", "p002", "p017"}
    assert corpus.facets_by_key(some) == {k: v for k, v in corpus.facets_by_key().items() if k in some}
    pairs = set(list(corpus.stored_frames(FRAMING_VERSION))[:5])
    assert corpus.stored_frames(FRAMING_VERSION, pairs) == \
        {k: v for k, v in corpus.stored_frames(FRAMING_VERSION).items() if k in pairs}
    rng = random.Random(2)
    for _ in range(300):
        text = "".join(rng.choice("aB zé\u0301\tQ-\u00c5:\n") for _ in range(rng.randint(0, 12)))
        decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
        assert _folded(text) == "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def test_tables_pause_the_cycle_collector_and_start_it_again():
    import gc

    from litreview.cli.tables import without_cycle_collection

    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), without_cycle_collection():
        raise KeyError("a table that fails")
    assert gc.isenabled()
    gc.disable()
    try:
        with without_cycle_collection():
            pass
        assert not gc.isenabled()  # paused by someone else: left paused
    finally:
        gc.enable()


def test_alike_titles_finds_what_title_similarity_finds():
    rng = random.Random(11)
    letters = "aeiou" + "bdgklmnprst" + "éü"
    for _ in range(150):
        def made() -> str:
            return dedup.normalize_title(" ".join(
                "".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 6))))
        title = made()
        titles = [made() for _ in range(rng.randint(0, 30))]
        # near copies: a typo, words swapped, a word dropped, as other exports write a title
        for _ in range(rng.randint(0, 10)):
            words = title.split()
            change = rng.randrange(3)
            if change == 0 and words:
                at = rng.randrange(len(words))
                words[at] = words[at][:-1] + rng.choice(letters)
            elif change == 1:
                rng.shuffle(words)
            elif len(words) > 1:
                words.pop(rng.randrange(len(words)))
            titles.append(" ".join(words))
        titles.append("")
        expected = [i for i, t in enumerate(titles)
                    if t and dedup.title_similarity(title, t) >= dedup.TITLE_ALIKE]
        assert dedup.alike_titles(title, titles, [" ".join(sorted(t.split())) for t in titles]) == expected


def _window(corpus: Corpus, year: int | None, author: str, title: str) -> set[tuple]:
    return set(corpus.block_titles(year, author, title, dedup.TITLE_LENGTH_RATIO).rows)


def test_kept_blocks_follow_every_write_of_a_transaction():
    """Inside a transaction the (year, first author) blocks are kept in memory; after papers are added,
    edited into another block, merged and removed they still hold what the database holds."""
    rng = random.Random(7)
    corpus = Corpus.in_memory()
    years, authors = [2020, 2021, None], ["Nugroho", "Lubis", "Tan"]
    with corpus.transaction():
        made = 0
        for step in range(400):
            keys = corpus.all_keys()
            action = rng.random()
            if action < 0.6 or len(keys) < 3:
                paper = Paper(title=_title(rng), year=rng.choice(years),
                              authors=[Person(family=rng.choice(authors), given="A")])
                paper.key = corpus.free_key(dedup.make_key_base(paper))
                corpus.add_paper(paper, dedup.index_fields(paper), [], _source())
                made += 1
            elif action < 0.8:
                key = rng.choice(keys)
                paper = corpus.get(key)
                paper.title, paper.year = _title(rng), rng.choice(years)
                paper.authors = [Person(family=rng.choice(authors), given="B")]
                corpus.update_metadata(key, paper, dedup.index_fields(paper))
            elif action < 0.9:
                corpus.remove([rng.choice(keys)])
            else:
                kept, other = rng.sample(keys, 2)
                merged = corpus.get(kept)
                corpus.merge_papers(kept, [other], merged, dedup.index_fields(merged))
            year, author, title = rng.choice(years), dedup.normalize_author(rng.choice(authors)), _title(rng)
            kept = _window(corpus, year, author, title)
            corpus._blocks, saved = None, corpus._blocks  # the same question asked of the database
            assert kept == _window(corpus, year, author, title), step
            corpus._blocks = saved
        assert made > 100 and corpus._blocks


def test_free_key_takes_the_first_free_suffix_also_after_a_removal():
    corpus = Corpus.in_memory()
    with corpus.transaction():
        for expected in ("lubis2020", "lubis2020a", "lubis2020b", "lubis2020c"):
            paper = Paper(title=expected, year=2020, authors=[Person(family="Lubis", given="A")])
            paper.key = corpus.free_key("lubis2020")
            assert paper.key == expected
            corpus.add_paper(paper, dedup.index_fields(paper), [], _source())
        corpus.remove(["lubis2020a"])
        assert corpus.free_key("lubis2020") == "lubis2020a"
        assert corpus.free_key("nugroho2021") == "nugroho2021"
    assert corpus.free_key("lubis2020") == "lubis2020a"


def test_add_leaves_the_garbage_collector_and_page_cache_as_it_found_them(tmp_path: Path):
    import gc

    before = gc.get_threshold()
    with Corpus.init(tmp_path) as corpus:
        cache = corpus.db.execute("PRAGMA cache_size").fetchone()[0]
        seen: list[tuple[int, int, int]] = []
        add_paths(corpus, [str(FIXTURES / "bib" / "zotero_pemilu.bib")],
                  on_record=lambda: seen.append(gc.get_threshold()))
        assert seen and all(t[2] >= 1000 for t in seen)  # while storing: full collections are rare
        assert gc.get_threshold() == before
        assert corpus.db.execute("PRAGMA cache_size").fetchone()[0] == cache


def test_a_keyword_list_frames_no_theme():
    """A risk word in the keyword list ("disinformasi") beside a theme's keyword does not make the
    paper frame that theme as a risk, kept or worked out on the spot; its sentences decide."""
    from litreview.synthesis.review import ThemeEvidence, evidence_by_paper
    from litreview.synthesis.synthesize import build_synthesis

    codebook = load_codebook()
    corpus = Corpus.in_memory()
    paper = Paper(key="lubis2024", title="Kampanye digital partai menjelang pemilu", year=2024,
                  authors=[Person(family="Lubis", given="Ayu")],
                  keywords=["penargetan pemilih", "disinformasi", "media sosial"],
                  abstract="Tim kampanye memakai segmentasi audiens untuk penargetan pemilih yang presisi. "
                           "Iklan di media sosial dapat disesuaikan dengan minat kelompok pemilih yang dituju.")
    with corpus.transaction():
        corpus.add_paper(paper, dedup.index_fields(paper), [], _source())
    tag_corpus(corpus, Tagger(codebook))
    fields = {e.field for e in corpus.evidence_of("lubis2024", "mentioned") if e.theme == "targeting"}
    assert "keywords" in fields and fields - {"keywords"}  # the keyword list is evidence, beside sentences
    entries = load_entries(corpus, codebook, ReviewFilter(level="mentioned"))
    assert frames_for(corpus, entries).get(("lubis2024", "targeting")) == "neutral"
    assert corpus.stored_frames(FRAMING_VERSION)[("lubis2024", "targeting")] == "neutral"
    on_the_spot = build_synthesis(entries, evidence_by_paper(corpus, entries, level="mentioned"), codebook,
                                  themes=["targeting"])
    kept = build_synthesis(entries, ThemeEvidence(corpus, entries, "mentioned"), codebook, themes=["targeting"],
                           frames=frames_for(corpus, entries))
    assert on_the_spot.rows == kept.rows
    assert [row["risk"].text for row in kept.rows] == [""]  # not counted as a risk


def test_findings_kept_by_an_older_finder_are_found_again():
    """Kept findings are stamped with the finder's version: those of another version (an upgrade
    that finds them differently) are found again, those of this one are read back as kept."""
    corpus, codebook = _claims_corpus()
    entries = load_entries(corpus, codebook, ReviewFilter())
    first = findings_for(corpus, entries)
    assert any(found for found, _ in first.values())
    with corpus.transaction():  # as an older version kept them: stale, without the version's stamp
        corpus.db.execute("UPDATE findings SET findings = '[\"stale\"]', codebook ="
                          " (SELECT t.codebook FROM tag_runs t WHERE t.paper_id = findings.paper_id)")
    assert findings_for(corpus, entries) == first
    with corpus.transaction():
        corpus.db.execute("UPDATE findings SET findings = '[\"kept\"]'")
    assert {tuple(found) for found, _ in findings_for(corpus, entries).values()} == {("kept",)}
