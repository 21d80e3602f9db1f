"""How well the theme tagger agrees with readers, cross-validated by text.

    python benchmarks/eval_themes.py                    # development set, 5 folds x 3 repeats
    python benchmarks/eval_themes.py --heldout ../heldout/themes.yaml
    python benchmarks/eval_themes.py --codebook my.yaml --folds 10 --json
    python benchmarks/eval_themes.py --add-dev ../longtexts/themes.yaml   # more development texts

The development set is ``tests/gold/themes.yaml``: texts in ``corpus/`` and, when present,
``../shared`` (samples, texts, PDFs), each coded by reading. The tagger reads every text once;
then, for each fold, the decision rule (bar, length scaling, salience of places, weight of
citing sentences, minimum sentences: see ``litreview.themes.calibrate``) is chosen on the
other folds and judges the texts of this one. The figures printed first are those
out-of-fold ones, per kind of text and per theme. "shipped" is the rule the codebook carries
(chosen on all development texts), which is fitted, not a forecast. A held-out gold file
(texts nobody tuned on) is judged by the shipped rule only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.themes.calibrate import (  # noqa: E402
    Counts,
    Text,
    cases_of,
    count,
    cross_validate,
    fit,
    kind_of,
)
from litreview.themes.codebook import load_codebook  # noqa: E402
from litreview.themes.goldset import GoldEntry, load_gold, read_texts  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402

SHARED = Path(os.environ.get("LITREVIEW_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "tests" / "gold" / "themes.yaml"
KINDS = ("abstract", "short", "long", "english", "offtopic")


def roots(heldout: Path | None = None) -> dict[str, Path]:
    out = {"corpus": ROOT / "corpus", "samples": SHARED, "data": SHARED, "texts": SHARED}
    if heldout is not None:
        out["heldout"] = heldout
    return out


def coded_text(entry: GoldEntry, tagging) -> Text:  # type: ignore[no-untyped-def]
    """A coded text with the evidence cases of its tagging."""
    return Text(id=entry.name, kind=kind_of(tagging.words), cases=cases_of(tagging),
                present=frozenset(entry.present), unsure=frozenset(entry.unsure), lang=entry.lang,
                offtopic=entry.offtopic, words=tagging.words)


def build_texts(pairs, codebook) -> tuple[list[Text], dict[str, set[str]]]:
    """Texts with their evidence cases, and what the codebook's own rule decides for each."""
    tagger = Tagger(codebook)
    texts, shipped = [], {}
    for entry, paper in pairs:
        tagging = tagger.tag(paper)
        if tagging.words == 0:
            continue
        text = coded_text(entry, tagging)
        texts.append(text)
        shipped[text.id] = {t.theme for t in tagging.tags if t.assigned}
    return texts, shipped


def in_kind(text: Text, kind: str) -> bool:
    if kind == "english":
        return text.lang == "en" and not text.offtopic
    if kind == "offtopic":
        return text.offtopic
    return text.kind == kind and not text.offtopic


def report(texts: list[Text], predictions: dict[str, set[str]], themes: list[str], title: str) -> dict:
    total = count(predictions, texts)
    out = {"title": title, "texts": len(texts), "overall": _figures(total), "kinds": {}, "themes": {}}
    print(f"\n{title}: {len(texts)} texts")
    print(f"  overall    P {total.precision:.3f}  R {total.recall:.3f}  (tp {total.tp}, fp {total.fp}, fn {total.fn})")
    for kind in KINDS:
        subset = [t for t in texts if in_kind(t, kind)]
        if not subset:
            continue
        c = count(predictions, subset)
        extra = ""
        if kind == "offtopic":
            discussed = sum(len(predictions.get(t.id, set())) for t in subset)
            extra = f"  discussed themes on off-topic texts: {discussed}"
            out["kinds"][kind] = {"texts": len(subset), "discussed": discussed, **_figures(c)}
        else:
            out["kinds"][kind] = {"texts": len(subset), **_figures(c)}
        print(f"  {kind:<10} P {c.precision:.3f}  R {c.recall:.3f}  ({len(subset)} texts; tp {c.tp}, fp {c.fp},"
              f" fn {c.fn}){extra}")
    print(f"  {'theme':<14} {'P':>6} {'R':>6} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4}")
    for theme in themes:
        c = count(predictions, texts, [theme])
        out["themes"][theme] = _figures(c)
        print(f"  {theme:<14} {c.precision:6.3f} {c.recall:6.3f} {c.tp + c.fn:5d} {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    return out


def _figures(c: Counts) -> dict:
    return {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "tp": c.tp, "fp": c.fp, "fn": c.fn}


def errors(texts: list[Text], predictions: dict[str, set[str]]) -> None:
    print("\nDisagreements (out of fold):")
    for text in texts:
        got = predictions.get(text.id, set())
        extra = sorted(got - text.present - text.unsure)
        missed = sorted(text.present - got - text.unsure)
        if extra or missed:
            print(f"  {text.id} ({text.words} words): extra {extra} missed {missed}")


def _source(path: Path) -> str:
    return f"dev:{path.parent.name}"


def _outside(path: Path, source: str | None = None) -> list:
    """The entries of a gold file kept outside the project, its texts in texts/ beside it."""
    name = source or _source(path)
    entries = load_gold(path, default_source=name)
    for entry in entries:
        entry.source = name
        entry.id = entry.id.split("/", 1)[1] if "/" in entry.id else entry.id  # "heldout2/x.txt" -> "x.txt"
    return entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--heldout", type=Path, default=None,
                        help="a held-out gold file; its texts are in a texts/ folder beside it")
    parser.add_argument("--add-dev", type=Path, action="append", default=[], metavar="GOLD",
                        help="more development texts: a gold file with its texts in a texts/ folder beside it "
                             "(repeatable); they join the cross-validation and the fitted rule")
    parser.add_argument("--codebook", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--errors", action="store_true", help="list every text the out-of-fold rule gets wrong")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    started = time.perf_counter()
    codebook = load_codebook(args.codebook)
    entries = load_gold(args.gold)
    pairs = read_texts(entries, roots())
    for extra in args.add_dev:
        more = _outside(extra)
        entries += more
        pairs += read_texts(more, {_source(extra): extra.parent / "texts"})
    texts, shipped = build_texts(pairs, codebook)
    print(f"{len(texts)} of {len(entries)} coded texts read ({sum(t.words for t in texts):,} words) "
          f"in {time.perf_counter() - started:.1f} s; codebook: {codebook.source}")
    results: dict = {}

    merged: dict[str, set[str]] = {}
    fold_rules = []
    counts_by_repeat = []
    for seed in range(args.repeats):
        cv = cross_validate(texts, k=args.folds, seed=seed)
        fold_rules += cv.rules
        counts_by_repeat.append(count(cv.predictions, texts))
        if seed == 0:
            merged = cv.predictions
    title = f"Cross-validated ({args.folds} folds by text, repeat 1 of {args.repeats})"
    results["cross_validated"] = report(texts, merged, codebook.theme_ids, title)
    print("  every repeat: " + "; ".join(f"P {c.precision:.3f} R {c.recall:.3f}" for c in counts_by_repeat))
    chosen: dict[str, int] = {}
    for rule in fold_rules:
        chosen[rule.describe()] = chosen.get(rule.describe(), 0) + 1
    print("  rules the folds chose:")
    for text, n in sorted(chosen.items(), key=lambda kv: -kv[1]):
        print(f"    {n:2d} x {text}")
    if args.errors:
        errors(texts, merged)

    rule, fitted = fit(texts)
    print(f"\nRule chosen on all {len(texts)} texts (what a codebook should ship): {rule.describe()}")
    print(f"  fitted on the same texts (not a forecast): P {fitted.precision:.3f} R {fitted.recall:.3f}")
    results["fitted_rule"] = rule.describe()
    results["shipped"] = report(texts, shipped, codebook.theme_ids, "Shipped codebook rule on the development set"
                                " (fitted, not a forecast)")

    if args.heldout:
        held_entries = _outside(args.heldout, "heldout")
        held_pairs = read_texts(held_entries, {"heldout": args.heldout.parent / "texts"})
        held_texts, held_shipped = build_texts(held_pairs, codebook)
        results["heldout"] = report(held_texts, held_shipped, codebook.theme_ids,
                                    f"Held-out texts ({args.heldout}), shipped rule")
        # what `--level mentioned` shows: every theme with any evidence sentence
        mentioned = count({t.id: {c.theme for c in t.cases} for t in held_texts}, held_texts)
        results["heldout"]["mentioned"] = _figures(mentioned)
        print(f"  mentioned  P {mentioned.precision:.3f}  R {mentioned.recall:.3f}  (tp {mentioned.tp}, "
              f"fp {mentioned.fp}, fn {mentioned.fn}): every theme with evidence, as --level mentioned shows")
        if args.errors:
            errors(held_texts, held_shipped)
    print(f"\n{time.perf_counter() - started:.1f} s in all")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["GoldEntry", "build_texts", "report", "roots"]
