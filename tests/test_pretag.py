"""PDFs tagged as the pool's workers hand them over, before they are stored: the corpus ends up as if
tagged afterwards."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED

import litreview.add as add_module
from litreview.add import add_paths
from litreview.dedup import index_fields
from litreview.model import Paper, Section
from litreview.store import Corpus
from litreview.tagging import pretag, tag_corpus
from litreview.themes.codebook import load_codebook
from litreview.themes.tagger import Tagger, content_digest

TABLES = {  # what tagging stores, without the times it was stored at
    "tag_runs": "p.key, t.content, t.codebook, t.words, t.facets",
    "tags": "p.key, t.theme, t.origin, t.assigned, t.score, t.threshold, t.sentences, t.level",
    "evidence": "p.key, t.theme, t.ord, t.field, t.start, t.\"end\", t.section, t.page, t.score, t.sentence, "
                "t.matches, t.place, t.cites, t.weight",
    "findings": "p.key, t.content, t.codebook, t.findings, t.gaps",
    "frames": "p.key, t.theme, t.version, t.frame",
}


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(load_codebook())


def stored(root: Path) -> dict[str, list[str]]:
    db = sqlite3.connect(root / ".litreview" / "corpus.db")
    out = {name: sorted(json.dumps(row) for row in db.execute(
        f"SELECT {columns} FROM {name} t JOIN papers p ON p.id = t.paper_id")) for name, columns in TABLES.items()}
    db.close()
    return out


def pdfs() -> list[str]:
    files = sorted(str(p) for p in (FIXTURES / "pdf").glob("*.pdf"))
    indonesian = SHARED / "data" / "pdf" / "indonesian"
    if indonesian.is_dir():  # papers the codebook finds themes in
        files += sorted(str(p) for p in indonesian.glob("*.pdf"))[:5]
    return files


def test_a_batch_tagged_as_it_is_read_stores_what_tagging_afterwards_stores(tmp_path, tagger, monkeypatch):
    files = pdfs()
    assert len(files) >= add_module.PARALLEL_MIN_FILES
    calls = {"main": 0}
    real_tag = Tagger.tag

    def counted(self: Tagger, paper: Paper):  # type: ignore[no-untyped-def]
        calls["main"] += 1  # a forked worker would count in its own copy
        return real_tag(self, paper)

    monkeypatch.setattr(Tagger, "tag", counted)
    with Corpus.init(tmp_path / "pool") as corpus:
        report = add_paths(corpus, files, tagger=tagger)
    assert report.tagging is not None and len(report.tagging.tagged) == len(report.added) >= 3
    if (os.cpu_count() or 1) > 1:
        # each paper tagged once, as the pool handed it over; storing took that tagging
        assert calls["main"] == len(report.added)

    monkeypatch.setattr(add_module, "PARALLEL_MIN_FILES", 10**6)  # read and tagged here, one after another
    with Corpus.init(tmp_path / "here") as corpus:
        add_paths(corpus, files, tagger=tagger)
    assert calls["main"] >= 3
    assert stored(tmp_path / "pool") == stored(tmp_path / "here")


def paper() -> Paper:
    text = ("Pendahuluan\nKampanye politik di media sosial menyebarkan hoaks menjelang pemilu. Buzzer politik "
            "menyebarkan disinformasi di Twitter dan WhatsApp.\n\nKesimpulan\nPenelitian ini menemukan bahwa "
            "hoaks politik menurunkan kepercayaan pemilih pada pemilu.")
    return Paper(title="Hoaks dan kampanye politik di media sosial", text=text, page_starts=[0],
                 sections=[Section("introduction", "Pendahuluan", 0, 118),
                           Section("conclusion", "Kesimpulan", 120, len(text))])


@pytest.mark.parametrize("change", ["nothing", "page starts", "a heading", "the text"])
def test_a_pretagged_result_is_taken_only_for_what_the_tagger_would_read(change, tagger, monkeypatch):
    corpus = Corpus.in_memory()
    original = paper()
    pre = pretag(tagger, original)
    assert pre.tagging.assigned  # the example has themes, evidence and findings to carry
    stored_paper = paper()
    if change == "page starts":
        stored_paper.page_starts = [0, 60]
    elif change == "a heading":
        stored_paper.sections[1] = replace(stored_paper.sections[1], heading="Simpulan")
    elif change == "the text":
        stored_paper.text = stored_paper.text.replace("Twitter", "TWITTER")  # as long
    stored_paper.key = "contoh2024"
    source = {"format": "pdf", "file_name": "contoh.pdf", "sha256": "c"}
    corpus.add_paper(stored_paper, index_fields(stored_paper), [], source)
    calls = []
    real_tag = tagger.tag
    monkeypatch.setattr(tagger, "tag", lambda p: calls.append(p.key) or real_tag(p))
    finds = []
    import litreview.synthesis.review as review

    real_add = review.FindingsFinder.add
    monkeypatch.setattr(review.FindingsFinder, "add", lambda self, p, e: finds.append(p.key) or real_add(self, p, e))
    report = tag_corpus(corpus, tagger, ["contoh2024"], pretagged={content_digest(original): pre})
    assert report.tagged == ["contoh2024"]
    assert calls == ([] if change in ("nothing", "a heading") else ["contoh2024"])
    assert finds == ([] if change == "nothing" else ["contoh2024"])
    kept = corpus.stored_findings()["contoh2024"]
    if change == "nothing":
        assert (kept[2], kept[3]) == pre.findings
    # the claims' readings of its evidence sentences are kept, from the worker's or read again
    stored = {row[0] for row in corpus.db.execute("SELECT sentence FROM claim_reads WHERE concepts IS NOT NULL")}
    assert stored and stored <= {e.sentence for e in corpus.evidence_of("contoh2024")}


def test_an_add_that_merges_a_repeat_tags_the_merged_paper_once(tmp_path, tagger):
    """A later record of the same file that repeats a paper and brings an abstract: the paper is
    tagged as it stands after the merge, counted once, and the corpus is the one an add without
    tagging followed by ``tag`` leaves."""
    abstract = ("Hoaks politik menyebar cepat di media sosial menjelang pemilu dan menurunkan kepercayaan "
                "pemilih. Disinformasi di WhatsApp dan Twitter memecah belah warganet. Literasi digital "
                "pemilih muda perlu ditingkatkan untuk melawan hoaks.")
    library = tmp_path / "library.bib"
    library.write_text(
        "@article{a1, title={Kampanye digital dan pemilih pemula}, author={Lubis, Ayu}, year={2023},"
        " doi={10.1234/abc.1}}\n"
        "@article{b1, title={Partai politik di Instagram}, author={Tan, Budi}, year={2024},"
        " abstract={Partai politik memakai Instagram untuk membangun citra kandidat di depan pemilih muda.}}\n"
        "@article{a2, title={Kampanye digital dan pemilih pemula}, author={Lubis, Ayu}, year={2023},"
        " doi={10.1234/abc.1}, abstract={" + abstract + "}}\n", encoding="utf-8")
    with Corpus.init(tmp_path / "as-stored") as corpus:
        report = add_paths(corpus, [str(library)], tagger=tagger)
        keys = [key for key, _ in report.added]
        assert len(keys) == 2 and [bool(d.merged) for d in report.duplicates] == [True]
        assert report.tagging is not None and report.tagging.tagged == keys  # the merged one counted once
        assert "hoax" in {t.theme for t in corpus.tags_by_key("discussed").get(keys[0], [])}
    with Corpus.init(tmp_path / "afterwards") as corpus:
        add_paths(corpus, [str(library)])
        after = tag_corpus(corpus, tagger)
    assert after.tagged == sorted(report.tagging.tagged) and after.assigned == report.tagging.assigned
    assert stored(tmp_path / "as-stored") == stored(tmp_path / "afterwards")


def test_a_record_without_text_or_abstract_keeps_empty_findings_without_the_finder(tmp_path, tagger, monkeypatch):
    """A title-only record (most BibTeX exports) has no sentence to find findings in: tagging keeps
    empty findings for it at once, as the finder would find, and hands the finder nothing."""
    import litreview.synthesis.review as review
    from litreview.synthesis.findings import paper_findings

    handed = []
    real_add = review.FindingsFinder.add
    monkeypatch.setattr(review.FindingsFinder, "add", lambda self, p, e: handed.append(p.key) or real_add(self, p, e))
    library = tmp_path / "titles.bib"
    library.write_text("@article{a1, title={Hoaks politik di media sosial menjelang pemilu}, author={Lubis, Ayu},"
                       " year={2023}}\n@article{b1, title={Relawan digital}, author={Tan, Budi}, year={2024},"
                       " abstract={Relawan digital menyebarkan hoaks politik di media sosial menjelang pemilu.}}\n",
                       encoding="utf-8")
    with Corpus.init(tmp_path / "c") as corpus:
        report = add_paths(corpus, [str(library)], tagger=tagger)
        keys = dict((title, key) for key, title in report.added)
        kept = corpus.stored_findings()
        title_only = keys["Hoaks politik di media sosial menjelang pemilu"]
        assert (kept[title_only][2], kept[title_only][3]) == ([], []) == paper_findings(corpus.get(title_only), [])
        assert handed == [keys["Relawan digital"]]
