"""Precision and recall of the default codebook against the hand-made gold file.

tests/gold/themes.yaml says, for each development text, which of the default
themes it really discusses; every other theme is judged absent. The bundled
sample corpus is always measured; ../shared/samples and ../shared/data when
present. Run with -s to see the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SHARED

from litreview.add import add_paths
from litreview.store import Corpus
from litreview.themes.codebook import load_codebook
from litreview.themes.tagger import Tagger

GOLD = ROOT / "tests" / "gold" / "themes.yaml"
MINIMUM = 0.85


def _gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["papers"]


@pytest.fixture(scope="module")
def predictions() -> dict[tuple[str, str], set[str]]:
    """(source, id) -> themes the default codebook assigns."""
    tagger = Tagger(load_codebook())
    out: dict[tuple[str, str], set[str]] = {}
    corpus = Corpus.in_memory()
    add_paths(corpus, [str(ROOT / "corpus")])
    for paper in corpus.iter_papers(full=True):
        out[("corpus", paper.key)] = {t.theme for t in tagger.tag(paper).assigned}
    corpus.close()
    shared_ids = [e["id"] for e in _gold() if e["source"] != "corpus"]
    present = [i for i in shared_ids if (SHARED / i).is_file()]
    if present:
        corpus = Corpus.in_memory()
        report = add_paths(corpus, [str(SHARED / i) for i in present])
        assert not report.failed, report.failed
        for paper in corpus.iter_papers(full=True):
            name = corpus.provenance_of(paper.key)[0]["file_name"]
            for i in present:
                if Path(i).name == name:
                    source = "samples" if i.startswith("samples/") else "data"
                    out[(source, i)] = {t.theme for t in tagger.tag(paper).assigned}
        corpus.close()
    return out


def _scores(predictions: dict, entries: list[dict]) -> tuple[float, float, int, int, int, list[str]]:
    tp = fp = fn = 0
    notes = []
    for entry in entries:
        key = (entry["source"], entry["id"])
        if key not in predictions:
            continue
        gold = set(entry["themes"])
        got = predictions[key]
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        if got != gold:
            notes.append(f"{entry['id']}: extra {sorted(got - gold)} missed {sorted(gold - got)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn, notes


def test_gold_file_is_well_formed():
    ids = load_codebook().theme_ids
    entries = _gold()
    assert len(entries) >= 8
    for entry in entries:
        assert entry["source"] in ("corpus", "samples", "data")
        assert set(entry["themes"]) <= set(ids), entry["id"]
        assert entry.get("why"), entry["id"]


def test_default_codebook_precision_and_recall(predictions):
    entries = _gold()
    measured = [e for e in entries if (e["source"], e["id"]) in predictions]
    assert len([e for e in measured if e["source"] == "corpus"]) == 8
    for group in ("corpus", "samples", "data", None):
        subset = [e for e in measured if group is None or e["source"] == group]
        if not subset:
            continue
        p, r, tp, fp, fn, notes = _scores(predictions, subset)
        print(f"\n{group or 'all'}: {len(subset)} texts, precision {p:.3f}, recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
        for note in notes:
            print("   ", note)
    precision, recall, *_ = _scores(predictions, measured)
    assert precision >= MINIMUM and recall >= MINIMUM, f"precision {precision:.3f}, recall {recall:.3f}"


@pytest.mark.skipif(not (SHARED / "samples").is_dir(), reason="../shared is not present")
def test_shared_texts_are_measured_when_present(predictions):
    assert any(source == "samples" for source, _ in predictions)


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared is not present")
def test_unrelated_abstracts_get_next_to_no_themes():
    """A thousand Web of Science records on primates, antennas and tax systems: not politics."""
    corpus = Corpus.in_memory()
    add_paths(corpus, [str(SHARED / "data" / "bib" / "large" / "wos_savedrecs_lemur5_1000.bib")])
    tagger = Tagger(load_codebook())
    read = themed = 0
    for paper in corpus.iter_papers(full=True):
        tagging = tagger.tag(paper)
        read += tagging.words > 0
        themed += bool(tagging.assigned)
    corpus.close()
    print(f"\n{themed} of {read} unrelated abstracts given a theme")
    assert read > 800 and themed <= read // 200
