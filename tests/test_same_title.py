"""Many records sharing one title ("Editorial") are one group of possible duplicates with a count,
not a notice per pair: n records made n(n-1)/2 notices and rows (1,000: 499,500), in quadratic time."""

import json
from pathlib import Path

import pytest

from litreview.add import add_paths
from litreview.dedup import CROWDED_TITLE
from litreview.duplicates import corpus_duplicate_groups
from litreview.store import Corpus


def bib(n: int, title: str = "Editorial", start: int = 0, extra: str = "") -> str:
    return "\n".join(
        f"@article{{r{i},\n  title = {{{title}}},\n  author = {{Penulis{i:04d}, A.}},\n"
        f"  year = {{{2000 + i % 25}}},\n  journal = {{Jurnal {i % 7}}},\n}}\n"
        for i in range(start, start + n)
    ) + extra


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def pair_rows(corpus: Corpus) -> int:
    return corpus.db.execute("SELECT COUNT(*) FROM maybe_duplicates").fetchone()[0]


def test_same_titled_records_are_one_group_with_a_count(corpus_dir, tmp_path, run):
    with Corpus(corpus_dir / ".litreview") as corpus:
        report = add_paths(corpus, [write(tmp_path, "editorials.bib", bib(300))])
        assert len(report.added) == 300 and not report.failed
        assert report.maybe_duplicates == []  # was 44,850
        assert list(report.title_groups.values()) == [("Editorial", 300, 300)]
        assert pair_rows(corpus) == 0
        groups = corpus_duplicate_groups(corpus)
        assert [(len(g.keys), g.shared_title, len(g.pairs)) for g in groups] == [(300, "editorial", 0)]
    added = run("add", write(tmp_path, "more.bib", bib(5, start=300)), "--no-tag")
    notices = [line for line in added.stderr.splitlines() if "possible duplicate" in line]
    assert notices == ["possible duplicates 305 papers share the title 'Editorial' (5 added now): all kept, "
                       "listed as one group by `litreview dupes`"]
    shown = json.loads(run("show", "penulis00022002", "--format", "json").stdout)
    assert shown["title_group"] == {"title": "Editorial", "papers": 305} and shown["possible_duplicates"] == []
    prisma = json.loads(run("prisma", "--format", "json").stdout)
    assert prisma["possible_duplicates"] == 1
    listed = run("dupes")
    assert "305 papers share the title 'Editorial'" in listed.stdout and "… and 295 more" in listed.stdout
    assert len(json.loads(run("dupes", "--format", "json").stdout)[0]["keys"]) == 305


def test_pairs_found_before_a_title_grows_into_a_group_are_dropped(corpus_dir, tmp_path):
    with Corpus(corpus_dir / ".litreview") as corpus:
        first = add_paths(corpus, [write(tmp_path, "a.bib", bib(5))])
        assert len(first.maybe_duplicates) == 10 and pair_rows(corpus) == 10  # a small title: pairs, as before
        second = add_paths(corpus, [write(tmp_path, "b.bib", bib(CROWDED_TITLE, start=5))])
        assert second.maybe_duplicates == [] and pair_rows(corpus) == 0
        assert second.title_groups["editorial"][1:] == (CROWDED_TITLE + 5, CROWDED_TITLE)


def test_a_real_duplicate_inside_a_crowded_title_is_still_merged(corpus_dir, tmp_path):
    title = "Laporan Tahunan Komisi Pemilihan Umum Daerah"
    same = ("@article{again,\n  title = {" + title + "},\n  author = {Penulis0007, A.},\n  year = {2007},\n"
            "  journal = {Jurnal 0},\n  volume = {3},\n}\n")
    particle = ("@article{particle,\n  title = {" + title + "},\n  author = {De Penulis0009, A.},\n"
                "  year = {2009},\n}\n")
    with Corpus(corpus_dir / ".litreview") as corpus:
        add_paths(corpus, [write(tmp_path, "reports.bib", bib(60, title=title))])
        report = add_paths(corpus, [write(tmp_path, "again.bib", same + particle)])
        assert report.added == []
        assert sorted(d.key for d in report.duplicates) == ["penulis00072007", "penulis00092009"]
        assert "volume" in report.duplicates[0].merged
        assert corpus.count() == 60 and report.maybe_duplicates == []


@pytest.mark.parametrize("n", [CROWDED_TITLE - 1])
def test_a_title_below_the_group_size_still_lists_its_pairs(corpus_dir, tmp_path, n):
    with Corpus(corpus_dir / ".litreview") as corpus:
        report = add_paths(corpus, [write(tmp_path, "few.bib", bib(n))])
        assert len(report.maybe_duplicates) == n * (n - 1) // 2 and not report.title_groups
