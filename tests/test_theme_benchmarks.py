"""The helpers of the theme benchmarks that compare codebooks and learners (run on demand)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import FIXTURES

from litreview.themes.codebook import load_codebook
from litreview.themes.goldset import GoldEntry

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _entry(name: str, present=(), unsure=(), offtopic=False) -> GoldEntry:  # type: ignore[no-untyped-def]
    return GoldEntry(source="s", id=name, present={t: "r" for t in present}, unsure={t: "r" for t in unsure},
                     offtopic=offtopic)


def test_compare_codebooks_counts_unsure_labels_as_neither_and_off_topic_themes_apart():
    counted = _script("compare_codebooks").counted
    judged = [
        (_entry("a", present=["hoax", "youth"], unsure=["reach"]), {"hoax", "reach", "image"}),
        (_entry("b", offtopic=True), {"hoax"}),
    ]
    c, off = counted(judged)
    assert (c.tp, c.fp, c.fn, off) == (1, 2, 1, 1)  # hoax found; image and the off-topic hoax extra; youth missed
    c, off = counted(judged, "hoax")
    assert (c.tp, c.fp, c.fn, off) == (1, 1, 0, 1)


def test_learned_weights_raise_only_terms_that_are_frequent_and_reliable():
    learn = _script("learn_themes")
    book = load_codebook(FIXTURES / "codebooks" / "small.yaml")
    theme = book.themes[0]
    reliable, noisy = theme.terms[0].text, theme.terms[1].text
    train = [(_entry(f"t{i}", present=[theme.id]), {theme.id: {reliable, noisy}}) for i in range(4)]
    train += [(_entry(f"n{i}"), {theme.id: {noisy}}) for i in range(4)]
    learned = learn.learn_weights(book, train, min_texts=4, share=0.9)
    weights = {t.text: t.weight for t in learned.themes[0].terms}
    assert weights[reliable] == 2.0  # in 4 texts, all coded with the theme
    assert weights[noisy] == theme.terms[1].weight  # in 8 texts, half of them coded
    assert learn.learn_weights(book, train, min_texts=5, share=0.9).themes[0].terms[0].weight == theme.terms[0].weight


def test_title_lever_adds_a_theme_named_in_the_title_and_one_more_sentence_only():
    from litreview.themes.calibrate import Case, Rule, Text

    learn = _script("learn_themes")
    base = Rule(min_score=6.0, length_exponent=0.25, strength=0.0, cites=1.0, min_sentences=2, single=2.0)
    weak = Case("youth", 200, 2, 2.5, 0.0, 0.0, 0.0, ((1.5, 0.0, False), (1.0, 0.0, False)))
    text = Text(id="a", kind="abstract", cases=[weak], present=frozenset({"youth"}), words=200)
    assert text.predict(base) == set()  # under the bar, no sentence counting 2
    both = {"a": {"youth": [("title", 1.5), ("body", 1.0)]}}
    assert learn.title_rule(base, both)(text) == {"youth"}
    assert learn.title_rule(base, {"a": {"youth": [("title", 1.5)]}})(text) == set()  # the title alone
    assert learn.title_rule(base, {"a": {"youth": [("lead", 1.5), ("body", 1.0)]}})(text) == set()
