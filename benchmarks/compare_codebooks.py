"""Two codebooks side by side on coded texts: what a codebook change gains and loses.

    python benchmarks/compare_codebooks.py OLD.yaml ../heldout16/themes.yaml ../heldout17/themes.yaml
    python benchmarks/compare_codebooks.py OLD.yaml --new NEW.yaml --dev ../heldout*/themes.yaml --themes

OLD is a codebook file (for the codebook of an earlier commit: ``git show REV:litreview/themes/
default_codebook.yaml > old.yaml``); ``--new`` defaults to the built-in codebook. Each gold file is a
coded set with its texts in a ``texts/`` folder beside it; ``--dev`` adds the development set
(``tests/gold/themes.yaml``). Both codebooks judge every text by their own shipped rule. For each
set the script prints precision and recall under each, then every decision that changed: ``+`` a
theme the new codebook adds, ``-`` one it drops, marked ``true`` (coded by the readers),
``WRONG`` (not coded) or ``unsure``. Then the sets pooled, and with ``--themes`` per theme.
Themes assigned to off-topic texts are counted apart (``off-topic``), since every one is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_themes import GOLD, _outside, roots  # noqa: E402

from litreview.errors import ValidationError  # noqa: E402
from litreview.themes.calibrate import Counts, Text  # noqa: E402
from litreview.themes.codebook import Codebook, load_codebook  # noqa: E402
from litreview.themes.goldset import GoldEntry, load_gold, read_texts  # noqa: E402
from litreview.themes.tagger import Tagger  # noqa: E402


def decisions(codebook: Codebook, pairs: list) -> list[tuple[GoldEntry, set[str]]]:
    """Each coded text with the themes the codebook's own rule assigns it."""
    tagger = Tagger(codebook)
    out = []
    for entry, paper in pairs:
        tagging = tagger.tag(paper)
        if tagging.words:
            out.append((entry, {t.theme for t in tagging.tags if t.assigned}))
    return out


def counted(judged: list[tuple[GoldEntry, set[str]]], theme: str | None = None) -> tuple[Counts, int]:
    """Precision/recall counts (``Counts.add``, as every theme benchmark counts), and the themes given
    to off-topic texts."""
    c = Counts()
    off = 0
    for entry, got in judged:
        coded = Text(id=entry.name, kind="", cases=[], present=frozenset(entry.present),
                     unsure=frozenset(entry.unsure), offtopic=entry.offtopic)
        c.add(got, coded, None if theme is None else [theme])
        off += len(got if theme is None else got & {theme}) if entry.offtopic else 0
    return c, off


def line(c: Counts, off: int) -> str:
    return f"P {c.precision:.3f} R {c.recall:.3f} (tp {c.tp}, fp {c.fp}, fn {c.fn}; off-topic {off})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the codebook to compare against")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files, each with its texts in texts/ beside it")
    parser.add_argument("--new", type=Path, default=None, help="the new codebook (default: the built-in one)")
    parser.add_argument("--dev", action="store_true", help="also the development set")
    parser.add_argument("--themes", action="store_true", help="also the pooled figures per theme")
    args = parser.parse_intermixed_args()

    try:
        old, new = load_codebook(args.old), load_codebook(args.new)
    except ValidationError as exc:
        sys.exit(f"error: {exc}")
    sets: list[tuple[str, list]] = []
    if args.dev:
        sets.append(("development", read_texts(load_gold(GOLD), roots())))
    for path in args.gold:
        sets.append((path.parent.name, read_texts(_outside(path, "heldout"), {"heldout": path.parent / "texts"})))
    print(f"old: {old.source}\nnew: {new.source}")
    pooled_old: list[tuple[GoldEntry, set[str]]] = []
    pooled_new: list[tuple[GoldEntry, set[str]]] = []
    for name, pairs in sets:
        before, after = decisions(old, pairs), decisions(new, pairs)
        pooled_old += before
        pooled_new += after
        print(f"\n{name} ({len(before)} texts)\n  old {line(*counted(before))}\n  new {line(*counted(after))}")
        for (entry, was), (_, now) in zip(before, after, strict=True):
            for theme in sorted(was ^ now):
                kind = "true" if theme in entry.present else "unsure" if theme in entry.unsure else "WRONG"
                print(f"    {'+' if theme in now else '-'}{theme} ({kind}) {entry.name}")
    print(f"\nall {len(sets)} sets pooled ({len(pooled_old)} texts)\n  old {line(*counted(pooled_old))}\n"
          f"  new {line(*counted(pooled_new))}")
    if args.themes:
        print(f"\n  {'theme':<14} {'old P':>6} {'R':>6} {'new P':>6} {'R':>6} {'labels':>6}")
        for theme in new.theme_ids:
            a, _ = counted(pooled_old, theme)
            b, _ = counted(pooled_new, theme)
            print(f"  {theme:<14} {a.precision:6.3f} {a.recall:6.3f} {b.precision:6.3f} {b.recall:6.3f} "
                  f"{b.tp + b.fn:6d}")


if __name__ == "__main__":
    main()
