"""`dupes`, `dupes --distinct`, `merge`, batch detection and merging on `add`."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, SHARED, needs_shared, snapshot

from litreview.add import AddOptions, add_paths
from litreview.dedup import index_fields
from litreview.duplicates import Record, find_duplicate_pairs, group_pairs
from litreview.model import Paper, Person, Tag
from litreview.store import Corpus

SCOPUS = FIXTURES / "dupes" / "scopus.ris"
SCHOLAR = FIXTURES / "dupes" / "scholar.bib"


def _both(run, corpus_dir):
    assert run("add", SCOPUS, "--no-tag").exit_code == 0
    return run("add", SCHOLAR, "--no-tag")


def _open(corpus_dir):
    return Corpus(corpus_dir / ".litreview")


# -- merging on add ----------------------------------------------------------------------
def test_a_duplicate_from_another_export_merges_field_by_field_and_keeps_conflicts(run, corpus_dir):
    result = _both(run, corpus_dir)
    assert result.exit_code == 0, result.output
    with _open(corpus_dir) as corpus:
        assert corpus.count() == 8  # two of the five Scholar records were the same works
        munadi = corpus.get("munadi2020")
        assert munadi.title.startswith("Politik Uang dan Perilaku Pemilih")  # not the ALL CAPS one
        assert [a.display() for a in munadi.authors] == ["Ahmad Munadi", "Rina Wulandari Siregar", "Budi Pratama"]
        assert "vote buying" in munadi.keywords and munadi.doi == "10.22146/jsp.55123"
        sources = corpus.provenance_of("munadi2020")
        assert [s["format"] for s in sources] == ["ris", "bibtex"]
        assert sources[1]["details"]["conflicts"] == {"publisher": "UGM Press"}  # the value that lost, kept
        fahruji = corpus.get("fahruji2021")
        assert fahruji.journal == "Jurnal Komunikasi Politik"  # the full name, not "J. Komun. Polit."
        assert [a.surname for a in fahruji.authors] == ["Fahruji", "Lestari"] and fahruji.doi
    shown = run("show", "munadi2020")
    assert "conflicting publisher UGM Press" in shown.output


def test_the_old_papers_value_that_loses_is_kept_with_its_own_source(memory_corpus):
    old = Paper(title="Kampanye Digital Partai Politik di Instagram", year=2023,
                authors=[Person(family="Nasution", given="Hadi")], abstract="Ringkas.", key="nasution2023")
    memory_corpus.add_paper(old, index_fields(old), [],
                            {"format": "ris", "file_name": "a.ris", "sha256": "a" * 64, "record": "1"})
    from litreview.add import _merge_into

    new = Paper(title=old.title, year=2023, authors=old.authors, source_format="bibtex",
                abstract="Kami menganalisis 1.200 unggahan Instagram partai politik menjelang Pemilu 2024.")
    gained = _merge_into(memory_corpus, "nasution2023", new, {"format": "bibtex", "file_name": "b.bib",
                         "sha256": "b" * 64, "record": "x", "details": {"cited_by": "4"}}, None, [])
    assert gained == ["abstract"]
    first, second = memory_corpus.provenance_of("nasution2023")
    assert first["details"] == {"conflicts": {"abstract": "Ringkas."}}
    assert second["details"] == {"cited_by": "4"}  # each source's own facts stay with it


# -- dupes ------------------------------------------------------------------------------
def test_dupes_lists_groups_with_reasons_and_the_five_scores(run, corpus_dir):
    _both(run, corpus_dir)
    result = run("dupes", "--format", "json")
    assert result.exit_code == 0
    groups = json.loads(result.output)
    by_keys = {tuple(g["keys"]): g for g in groups}
    assert set(by_keys) == {("lestari2018", "lestari2019"), ("nasution2022", "nasution2023"),
                            ("hidayat2024", "hidayat2024a")}
    (pair,) = by_keys[("nasution2022", "nasution2023")]["pairs"]
    assert pair["verdict"] == "possible" and "year" in pair["reason"]
    assert pair["scores"] == {"doi_equal": False, "title": 100.0, "year_equal": False, "first_author_equal": True,
                              "venue": 100.0}
    (series,) = by_keys[("hidayat2024", "hidayat2024a")]["pairs"]
    assert "series" in series["reason"] and series["scores"]["year_equal"] is True
    text = run("dupes")
    assert "Survei [Eksperimen] Pemilih Pemula" in text.output  # paper text is not rich markup
    assert "lestari2018 ~ lestari2019: possible; doi no, title 100, year no, first author yes" in text.output
    assert "3 groups" in text.stderr
    assert len(json.loads(run("dupes", "--min-score", "99", "-f", "json").output)) == 2
    assert [g["keys"] for g in json.loads(run("dupes", "hidayat2024a", "-f", "json").output)] == [
        ["hidayat2024", "hidayat2024a"]]


def test_distinct_pairs_are_not_listed_again_nor_flagged_by_later_imports(run, corpus_dir, tmp_path):
    _both(run, corpus_dir)
    result = run("dupes", "--distinct", "nasution2023", "nasution2022")
    assert result.exit_code == 0 and "nasution2023 and nasution2022 are different works" in result.stderr
    assert "already" in run("dupes", "--distinct", "nasution2022", "nasution2023").stderr
    keys = [g["keys"] for g in json.loads(run("dupes", "-f", "json").output)]
    assert ["nasution2022", "nasution2023"] not in keys
    with _open(corpus_dir) as corpus:
        assert corpus.maybe_duplicates_of("nasution2022") == []
        assert corpus.distinct_pairs() == [("nasution2022", "nasution2023")]


def test_a_record_matching_two_papers_marked_distinct_is_not_merged_into_either(corpus_dir, tmp_path):
    report = tmp_path / "laporan.bib"
    body = "@techreport{%s, title={Laporan Akhir Pemantauan Kampanye Pemilu 2024 di Media Sosial}," \
           " author={Bawaslu, Tim Riset}, year={2024}%s}\n"
    report.write_text(body % ("a", ", doi={10.5555/bawaslu.2024.1}") + body % ("b", ""), encoding="utf-8")
    with _open(corpus_dir) as corpus:
        add_paths(corpus, [str(report)], AddOptions(allow_duplicates=True))
        a, b = sorted(corpus.all_keys())
        with corpus.transaction():
            corpus.mark_distinct(a, b)
        again = tmp_path / "lagi.bib"
        again.write_text(body % ("c", ", note={ekspor kedua}"), encoding="utf-8")
        result = add_paths(corpus, [str(again)])
        assert result.duplicates == [] and len(result.added) == 1  # which of the two? nobody can tell
        assert {old for _, old, _ in result.maybe_duplicates} == {a, b}
        with_doi = tmp_path / "doi.bib"
        with_doi.write_text(body % ("d", ", doi={10.5555/BAWASLU.2024.1}"), encoding="utf-8")
        result = add_paths(corpus, [str(with_doi)])
        assert [d.key for d in result.duplicates] == [a]  # the DOI says which one


# -- merge --------------------------------------------------------------------------------
def test_merge_by_hand_moves_sources_files_and_manual_tags(run, corpus_dir):
    _both(run, corpus_dir)
    with _open(corpus_dir) as corpus, corpus.transaction():
        corpus.set_manual_tag("nasution2022", "kampanye_digital", True, Tag("kampanye_digital"))
        corpus.mark_maybe_duplicate("nasution2022", "lestari2018", "test")
    result = run("merge", "nasution2023", "nasution2022", "--yes")
    assert result.exit_code == 0, result.output
    assert "Keep   nasution2023" in result.stderr and "Merge  nasution2022" in result.stderr
    assert "Merged nasution2022 into nasution2023" in result.stderr
    with _open(corpus_dir) as corpus:
        assert not corpus.key_exists("nasution2022")
        assert [p["file_name"] for p in corpus.provenance_of("nasution2023")] == ["scopus.ris", "scholar.bib"]
        assert {f.name for f in corpus.files_of("nasution2023")} == {"scopus.ris", "scholar.bib"}
        assert [t.theme for t in corpus.tags_of("nasution2023")] == ["kampanye_digital"]
        assert corpus.maybe_duplicates_of("nasution2023") == [("lestari2018", "test")]
        paper = corpus.get("nasution2023")
        assert paper.year == 2023 and paper.title.startswith("Kampanye Digital Partai")
        assert corpus.provenance_of("nasution2023")[1]["details"]["conflicts"] == {"date": "2022", "year": 2022}
    assert "nasution2023" not in run("dupes").output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("merge", "nasution2023", "nasutoin2022", "--yes"), 1, "did you mean nasution2022"),
        (("merge", "nasution2023", "nasution2023", "--yes"), 2, "given twice"),
        (("merge", "nasution2023", "--yes"), 2, "at least two keys"),
        (("merge", "nasution2023", "nasution2022"), 2, "pass --yes"),
        (("dupes", "--distinct", "nasution2023"), 2, "exactly two keys"),
        (("dupes", "--distinct", "nasution2023", "nasution2023"), 2, "given twice"),
        (("dupes", "--distinct", "nasution2023", "nasutoin2022"), 1, "did you mean nasution2022"),
        (("dupes", "--min-score", "140"), 2, "from 0 to 100"),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(run, corpus_dir, args, code, message):
    _both(run, corpus_dir)
    before = snapshot(corpus_dir / ".litreview")
    result = run(*args)
    assert result.exit_code == code and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 or args[0] == "merge"
    assert snapshot(corpus_dir / ".litreview") == before


def test_merging_three_and_a_pair_marked_distinct_is_reported(run, corpus_dir):
    _both(run, corpus_dir)
    run("dupes", "--distinct", "lestari2018", "lestari2019")
    result = run("merge", "lestari2018", "lestari2019", "--yes")
    assert result.exit_code == 0 and "were recorded as different works" in result.stderr
    with _open(corpus_dir) as corpus:
        assert corpus.distinct_pairs() == []


# -- batch detection ------------------------------------------------------------------------
def _rec(i, title, year=2020, author="Munadi", doi="", journal=""):
    p = Paper(title=title, year=year, authors=[Person(family=author)], doi=doi, journal=journal)
    return Record(i, f"k{i}", index_fields(p))


def test_batch_detection_finds_typos_dropped_subtitles_and_shared_dois_and_skips_distinct():
    t = "Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif 2019"
    records = [
        _rec(1, t, journal="Jurnal Ilmu Sosial dan Ilmu Politik"),
        _rec(2, t + ": Studi Kasus Beberapa Kabupaten di Provinsi Sumatera Utara"),  # the other dropped the subtitle
        _rec(3, "Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif 2019".replace("Perilaku", "Xerilaku"),
             journal="J. Ilmu Sos. Ilmu Polit."),  # a typo at the start of a word
        _rec(4, "Literasi Digital Pemilih Pemula di Jawa Barat", doi="10.5555/x.1"),
        _rec(5, "Digital Literacy of First-Time Voters in West Java", doi="https://doi.org/10.5555/X.1", year=2021),
        _rec(6, "Hoaks dan Pemilih Muda dalam Pilpres 2019"),
    ]
    pairs = {(p.a, p.b): p for p in find_duplicate_pairs(records)}
    assert set(pairs) == {("k1", "k2"), ("k1", "k3"), ("k4", "k5")}
    assert pairs[("k1", "k3")].strong and pairs[("k1", "k3")].scores.venue is not None
    assert not pairs[("k1", "k2")].strong and "subtitle" in pairs[("k1", "k2")].reason
    assert pairs[("k4", "k5")].scores.doi_equal and pairs[("k4", "k5")].scores.year_equal is False
    groups = group_pairs(list(pairs.values()))
    assert [g.keys for g in groups] == [["k1", "k2", "k3"], ["k4", "k5"]]
    assert {(p.a, p.b) for p in find_duplicate_pairs(records, [(3, 1)])} == {("k1", "k2"), ("k4", "k5")}


def test_batch_detection_agrees_with_judge_on_hard_negatives():
    records = [
        _rec(1, "Pengawasan Partisipatif Pemilu Serentak di Jawa Barat, Bagian 1"),
        _rec(2, "Pengawasan Partisipatif Pemilu Serentak di Jawa Barat, Bagian 2"),
        _rec(3, "Kampanye Digital Partai Politik di Instagram", year=2019),
        _rec(4, "Kampanye Digital Partai Politik di Instagram", year=2024),
    ]
    pairs = find_duplicate_pairs(records)
    assert [(p.a, p.b, p.strong) for p in pairs] == [("k1", "k2", False), ("k3", "k4", False)]
    assert [g.keys for g in group_pairs(pairs)] == [["k3", "k4"], ["k1", "k2"]]  # likelier groups first


def test_store_reads_what_batch_detection_needs(memory_corpus):
    p = Paper(title="Kampanye Digital", title_en="Digital Campaigns", year=2023, journal="Jurnal Politik",
              volume="3", pages="1--9", authors=[Person(family="Nasution")], key="nasution2023")
    memory_corpus.add_paper(p, index_fields(p), [], {"format": "ris", "file_name": "a.ris", "sha256": "a"})
    from litreview.duplicates import record_from_row

    (row,) = memory_corpus.dedup_rows()
    assert record_from_row(row).fields == index_fields(p)


@needs_shared
def test_real_exports_have_no_strong_duplicates_left_after_add(tmp_path):
    small = tmp_path / "small"
    shutil.copytree(SHARED / "data" / "bib" / "small", small)
    with Corpus.init(tmp_path) as corpus:
        add_paths(corpus, [str(small)])
        from litreview.duplicates import corpus_duplicate_groups

        assert not any(g.strong for g in corpus_duplicate_groups(corpus))


def test_merge_gives_the_kept_paper_the_text_and_records_each_side_conflicts(memory_corpus):
    from litreview.duplicates import apply_merge, plan_merge
    from litreview.merging import stored_source_format

    bib = Paper(title="Relawan Digital pada Pilkada 2024", year=2024, authors=[Person(family="Wulandari")],
                publisher="Penerbit A", key="wulandari2024")
    pdf = Paper(title="Relawan Digital pada Pilkada 2024", year=2024, authors=[Person(family="Wulandari")],
                abstract="Kami mewawancarai 30 relawan digital.", publisher="Penerbit B", text="Pendahuluan ...",
                key="wulandari2024a")
    for p, fmt in ((bib, "bibtex"), (pdf, "pdf")):
        memory_corpus.add_paper(p, index_fields(p), [], {"format": fmt, "file_name": f"{p.key}.{fmt}",
                                                         "sha256": p.key, "details": {"database": "Garuda"}})
    plan = plan_merge(memory_corpus, ["wulandari2024a", "wulandari2024"])  # the PDF's paper kept
    assert plan.conflicts == {"wulandari2024a": {"publisher": "Penerbit B"}}  # a record's value beats the PDF's
    assert plan.gained == ["publisher"]
    apply_merge(memory_corpus, plan)
    kept = memory_corpus.get("wulandari2024a")
    assert kept.text == "Pendahuluan ..." and kept.publisher == "Penerbit A" and kept.abstract
    rows = memory_corpus.provenance_of("wulandari2024a")
    assert [(r["file_name"], r["details"]) for r in rows] == [  # the lost value stays with the PDF's own row
        ("wulandari2024.bibtex", {"database": "Garuda"}),
        ("wulandari2024a.pdf", {"database": "Garuda", "conflicts": {"publisher": "Penerbit B"}}),
    ]
    assert memory_corpus.count() == 1
    assert stored_source_format(["pdf", "bibtex"]) == "bibtex" and stored_source_format(["pdf"]) == "pdf"
