"""`litreview search`: stemming, query syntax, ranking, filters, snippets, keeping the index current."""

from __future__ import annotations

import json
import textwrap

import pytest

from litreview import store
from litreview.errors import UsageError
from litreview.model import Paper
from litreview.search import Query, best_snippet, parse_query, search_corpus, update_search_index
from litreview.store import Corpus
from litreview.text.stem import Stemmer, needle

PROVENANCE = {"format": "text", "file_name": "test", "sha256": "0" * 64}

# Filler papers: without them every word of the test papers is in most documents and BM25
# gives them no weight.
FILLER = [
    "Survei rumah tangga tentang harga beras dan minyak goreng di pasar tradisional.",
    "Laporan cuaca musim hujan dan banjir di wilayah pesisir utara.",
    "A note on soil quality and rice harvests in upland farms.",
    "Catatan perjalanan wisata kuliner ke kota tua dan pelabuhan.",
    "Tinjauan teknik jembatan baja dan perawatan jalan tol.",
    "An essay on museum archives, old maps and library catalogues.",
]


@pytest.fixture(scope="module")
def stemmer() -> Stemmer:
    return Stemmer()


def add(corpus: Corpus, key: str, title: str = "", abstract: str = "", text: str = "", year: int | None = 2023,
        **extra: object) -> str:
    with corpus.transaction():
        return corpus.add_paper(Paper(key=key, title=title, abstract=abstract, text=text, year=year, **extra),
                                {}, [], PROVENANCE)


def keys(corpus: Corpus, query: str, stemmer: Stemmer, **kwargs: object) -> list[str]:
    return [h.key for h in search_corpus(corpus, query, stemmer=stemmer, **kwargs)]  # type: ignore[arg-type]


@pytest.fixture
def corpus(memory_corpus: Corpus) -> Corpus:
    for n, sentence in enumerate(FILLER):
        add(memory_corpus, f"filler{n}", title=f"Catatan {n}", abstract=sentence, year=2010 + n)
    return memory_corpus


# -- stems -----------------------------------------------------------------------------------
def test_stems_meet_across_affixes_and_english_endings(stemmer):
    assert stemmer.stem("berkampanye") == stemmer.stem("kampanye") == stemmer.stem("mengkampanyekan")
    assert stemmer.stem("pemilih") == stemmer.stem("memilih") == stemmer.stem("pemilihan")
    assert stemmer.stem("campaigns") == stemmer.stem("campaign") == stemmer.stem("campaigning")
    assert stemmer.stem("hoaksnya") == stemmer.stem("hoaks") == "hoaks"
    assert stemmer.stem("pemilu") == "pemilu"  # kept whole, not cut to "milu"
    assert stemmer.stem("2024") == "2024"


def test_needle_is_in_every_form(stemmer):
    for word in ("memilih", "pemilihan", "berkampanye", "stories", "polarisation", "mobilised", "hoaksnya",
                 "tries", "menyebarkan"):
        assert needle(stemmer.stem(word)) in word, word


# -- query syntax ------------------------------------------------------------------------------
def test_query_expression_quotes_every_stem(stemmer):
    query = parse_query('berkampanye "media sosial" hoaks OR disinformasi -tiktok NOT buzzer', stemmer)
    assert query.expression() == ('("kampanye" AND "media sosial" AND ("hoaks" OR "disinformasi"))'
                                  ' NOT ("tiktok" OR "buzzer")')
    assert query.stems == {"kampanye", "media", "sosial", "hoaks", "disinformasi"}


@pytest.mark.parametrize("text", ['"', "AND", "*", "NEAR(", "OR OR", "-", '""', "   ", "-kampanye", "NOT hoaks",
                                  "( ) : ^"])
def test_queries_with_nothing_to_search_are_usage_errors(text, stemmer):
    with pytest.raises(UsageError, match="to search for"):
        parse_query(text, stemmer)


def test_fts5_syntax_in_words_is_searched_as_words(corpus, stemmer):
    add(corpus, "a", title="Kampanye digital", abstract="Kampanye lewat media sosial.")
    for text in ('kampanye"', "kampanye*", "NEAR(kampanye", "kampanye AND", "{kampanye}", "kampanye OR",
                 "OR kampanye", "kampanye^", "(kampanye", "kampanye)"):
        assert isinstance(parse_query(text, stemmer), Query)
        assert keys(corpus, text, stemmer) == ["a"], text
    assert keys(corpus, "title:kampanye", stemmer) == []  # the phrase "title kampanye": no column filters


# -- matching and ranking -------------------------------------------------------------------------
def test_stemming_both_ways(corpus, stemmer):
    add(corpus, "affixed", abstract="Para calon berkampanye di media sosial dan banyak warga memilih lewat aplikasi.")
    add(corpus, "root", abstract="Kampanye daring menyasar pemilih muda menjelang pemilihan umum.")
    for query in ("kampanye", "berkampanye", "pemilih", "memilih", "pemilihan"):
        assert sorted(keys(corpus, query, stemmer)) == ["affixed", "root"], query


def test_english_endings_are_folded(corpus, stemmer):
    add(corpus, "en", abstract="This campaign relied on volunteers and short videos.")
    assert keys(corpus, "campaigns", stemmer) == ["en"]
    assert keys(corpus, "volunteer video", stemmer) == ["en"]


def test_title_hit_ranks_above_body_hit(corpus, stemmer):
    add(corpus, "a-body", title="Studi komunikasi daerah",
        text="Bagian ini membahas banyak hal tentang daerah. Salah satunya polarisasi di kalangan warga kota.")
    add(corpus, "z-title", title="Polarisasi warga kota", text="Bagian ini membahas banyak hal tentang daerah.")
    assert keys(corpus, "polarisasi", stemmer) == ["z-title", "a-body"]
    hits = search_corpus(corpus, "polarisasi", stemmer=stemmer)
    assert hits[0].score > hits[1].score > 0


def test_phrase_or_and_exclusion(corpus, stemmer):
    add(corpus, "adjacent", abstract="Penggunaan media sosial oleh partai meningkat; isu hoaks ikut naik.")
    add(corpus, "apart", abstract="Media massa dan jaringan sosial diteliti bersama; disinformasi lewat tiktok.")
    assert keys(corpus, '"media sosial"', stemmer) == ["adjacent"]
    assert keys(corpus, "media sosial", stemmer) == ["adjacent", "apart"]
    assert keys(corpus, "hoaks OR disinformasi", stemmer) == ["adjacent", "apart"]
    assert keys(corpus, "hoaks disinformasi", stemmer) == []
    assert keys(corpus, "media -tiktok", stemmer) == ["adjacent"]
    assert keys(corpus, "media NOT tiktok", stemmer) == ["adjacent"]
    assert keys(corpus, 'media -"media sosial"', stemmer) == ["apart"]


def test_theme_and_year_filters(corpus, stemmer):
    add(corpus, "old", abstract="Relawan kampanye di desa.", year=2019)
    add(corpus, "new", abstract="Relawan kampanye di kota.", year=2024)
    add(corpus, "undated", abstract="Relawan kampanye tanpa tahun.", year=None)
    with corpus.transaction():
        corpus.set_manual_tag("new", "mobilization", True)
        corpus.set_manual_tag("old", "youth", True)
        corpus.set_manual_tag("undated", "youth", False)  # removed by hand: not a theme of the paper
    assert keys(corpus, "relawan", stemmer) == ["old", "new", "undated"]  # equal scores: in the order added
    assert keys(corpus, "relawan", stemmer, themes=["mobilization"]) == ["new"]
    assert keys(corpus, "relawan", stemmer, themes=["youth"]) == ["old"]
    assert keys(corpus, "relawan", stemmer, themes=["youth", "mobilization"]) == ["old", "new"]
    assert keys(corpus, "relawan", stemmer, years=(2024, 2024)) == ["new"]
    assert keys(corpus, "relawan", stemmer, years=(2020, None)) == ["new"]
    assert keys(corpus, "relawan", stemmer, years=(None, 2020)) == ["old"]
    assert keys(corpus, "relawan", stemmer, limit=1) == ["old"]


def test_evidence_sentences_are_searched(corpus, stemmer):
    from litreview.model import Evidence, Facets, Tag, Tagging

    add(corpus, "tagged", title="Catatan lapangan")
    tagging = Tagging(key="tagged", content="c", codebook="b", words=10, facets=Facets(), tags=[
        Tag(theme="hoax", score=3, threshold=2, sentences=2,
            evidence=[Evidence(theme="hoax", field="text", start=0, end=20, sentence="Hoaks menyebar cepat.")])])
    with corpus.transaction():
        corpus.save_tagging(tagging)
    assert keys(corpus, "menyebarkan", stemmer) == ["tagged"]


# -- snippets ---------------------------------------------------------------------------------------
def test_snippet_spans_mark_the_matched_words(corpus, stemmer):
    long_text = " ".join(["Paragraf pembuka tanpa kata yang dicari."] * 40)
    add(corpus, "s", title="Kampanye [daring] di kota", abstract="Ringkasan singkat tanpa kata itu.",
        text=long_text + " Para calon berkampanye di media sosial.\n\nMereka   juga mengkampanyekan program. "
        + long_text)
    (hit,) = search_corpus(corpus, "kampanye sosial", stemmer=stemmer)
    assert hit.snippet.field == "text"
    marked = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
    assert marked == ["berkampanye", "sosial", "mengkampanyekan"]
    assert hit.snippet.text.startswith("Para calon berkampanye") and hit.snippet.text.endswith(" …")
    assert "Mereka juga" in hit.snippet.text  # whitespace collapsed, spans still right
    assert len(hit.snippet.text.split()) <= 32
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["Kampanye"]


def test_snippet_prefers_the_passage_with_most_query_words(stemmer):
    meta = {"abstract": "Kampanye disebut sekali. " + "Kalimat lain. " * 30 + "Hoaks disebut juga."}
    text = "Pengantar. Kampanye dan hoaks muncul bersama dalam kalimat ini."
    snippet = best_snippet(meta, text, {"kampanye", "hoaks"}, stemmer)
    assert snippet.field == "text"
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["Kampanye", "hoaks"]


# -- the index follows the corpus --------------------------------------------------------------------
def test_index_follows_add_edit_and_remove(corpus, stemmer):
    add(corpus, "p", title="Buzzer politik di Twitter")
    assert keys(corpus, "buzzer", stemmer) == ["p"]
    add(corpus, "q", title="Buzzer dan relawan")
    assert sorted(keys(corpus, "buzzer", stemmer)) == ["p", "q"]
    edited = corpus.get("p")
    edited.title = "Influencer politik di Instagram"
    with corpus.transaction():
        corpus.update_metadata("p", edited, {})
    assert keys(corpus, "buzzer", stemmer) == ["q"]
    assert keys(corpus, "instagram", stemmer) == ["p"]
    with corpus.transaction():
        corpus.remove(["q"])
    assert keys(corpus, "buzzer", stemmer) == []
    assert corpus.db.execute("SELECT COUNT(*) FROM search_index WHERE rowid NOT IN (SELECT id FROM papers)"
                             ).fetchone()[0] == 0
    assert corpus.search_index_state()[1] == 0
    assert update_search_index(corpus, stemmer) == 0  # nothing waits


def test_set_text_is_indexed(corpus, stemmer):
    add(corpus, "bare", title="Catatan tanpa teks")
    assert keys(corpus, "literasi", stemmer) == []
    with corpus.transaction():
        corpus.set_text("bare", Paper(text="Literasi digital pemilih pemula."))
    assert keys(corpus, "literasi", stemmer) == ["bare"]


def test_a_new_stemmer_version_rebuilds_the_index(corpus, stemmer):
    add(corpus, "x", title="Kampanye")
    assert keys(corpus, "kampanye", stemmer) == ["x"]
    corpus.db.execute("UPDATE search_meta SET value = 'old' WHERE name = 'stemmer'")
    assert update_search_index(corpus, stemmer) == corpus.count()
    assert keys(corpus, "kampanye", stemmer) == ["x"]


def test_a_corpus_made_at_schema_4_is_indexed_on_upgrade(tmp_path, monkeypatch, stemmer):
    with monkeypatch.context() as patch:
        patch.setattr(store, "SCHEMA_VERSION", 4)
        old = Corpus.init(tmp_path)
        assert old.schema_version == 4
        # Written as a schema-4 corpus holds it (today's add_paper writes columns added later).
        meta = json.dumps({"key": "lama", "title": "Partisipasi politik pemilih muda",
                           "abstract": "Mereka memilih lewat aplikasi."})
        with old.transaction():
            old.db.execute("INSERT INTO papers (key, title, metadata, added_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                           ("lama", "Partisipasi politik pemilih muda", meta, "2024-01-01", "2024-01-01"))
        old.close()
    upgraded = Corpus(tmp_path / ".litreview")
    assert upgraded.schema_version == store.SCHEMA_VERSION
    assert keys(upgraded, "pilih partisipasi", stemmer) == ["lama"]
    upgraded.close()


# -- the command ----------------------------------------------------------------------------------------
def write_paper(tmp_path, name: str, front: str, body: str):
    path = tmp_path / name
    path.write_text(f"---\n{textwrap.dedent(front).strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def cli_corpus(run, tmp_path):
    one = write_paper(tmp_path, "satu.md", """
        title: "Kampanye [daring] menjelang Pemilu"
        authors: [Sari Wulandari]
        year: 2024
        abstract: Para calon berkampanye lewat video pendek dan siaran langsung.
        """, "Isi catatan tentang kampanye daring dan pemilih muda.")
    two = write_paper(tmp_path, "dua.md", """
        title: Pemilih pemula di kota
        authors: [Budi Santoso]
        year: 2021
        abstract: Banyak pemilih pemula memilih lewat informasi dari teman sebaya.
        """, "Catatan tentang pemilihan dan teman sebaya.")
    result = run("add", "--no-tag", one, two)
    assert result.exit_code == 0, result.output
    return tmp_path


def test_cli_json_shape(run, cli_corpus):
    result = run("search", "kampanye", "--format", "json")
    assert result.exit_code == 0, result.output
    (hit,) = json.loads(result.stdout)
    assert set(hit) == {"key", "title", "year", "authors", "short_authors", "citation", "themes", "score",
                        "title_spans", "snippet"}
    assert hit["title"] == "Kampanye [daring] menjelang Pemilu" and hit["year"] == 2024
    assert hit["authors"] == ["Sari Wulandari"] and isinstance(hit["score"], float)
    assert set(hit["snippet"]) == {"field", "text", "spans"}
    s, e = hit["snippet"]["spans"][0]
    assert hit["snippet"]["text"][s:e] == "berkampanye"
    assert json.loads(run("search", "pemilih", "--year", "2020-2022", "-f", "json").stdout)[0]["year"] == 2021
    assert json.loads(run("search", "zzzz", "-f", "json").stdout) == []


def test_cli_text_prints_paper_text_as_written(run, cli_corpus):
    result = run("search", "pemilih", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") >= 2 and "the best 1" in result.stderr
    shown = run("search", "kampanye")
    assert "Kampanye [daring] menjelang Pemilu" in shown.stdout  # brackets are not rich markup
    assert "(Wulandari, 2024)" in shown.stdout
    several = run("search", "-f", "json", "teman", "sebaya", "--", "-kampanye")  # words as separate arguments
    assert [h["key"] for h in json.loads(several.stdout)] == ["santoso2021"]


@pytest.mark.parametrize("query", [['"'], ["AND"], ["*"], ["NEAR("], ["--", "-kampanye"], ["OR", "NOT"]])
def test_cli_bad_query_is_one_line_usage_error(run, cli_corpus, query):
    result = run("search", *query)
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.output


def test_cli_unknown_theme_and_bad_year(run, cli_corpus):
    result = run("search", "kampanye", "--theme", "nope")
    assert result.exit_code == 2 and "unknown theme 'nope'" in result.stderr
    assert run("search", "kampanye", "--year", "2024-2020").exit_code == 2
    assert run("search", "kampanye", "--limit", "0").exit_code == 2


def test_cli_no_match_says_so(run, cli_corpus):
    result = run("search", "zzzz")
    assert result.exit_code == 0 and result.stdout == "" and "No papers match" in result.stderr
