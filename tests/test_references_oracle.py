"""litreview's APA 7 references against citeproc-js's (Zotero's engine), in English and Indonesian.

The cases (tests/fixtures/references/cases.json) are read through the CSL-JSON importer and
formatted; tests/gold/references/ holds citeproc-js's output for them, written by
``benchmarks/citeproc_gold.py --write``. Where Node and citeproc-js are installed, the gold is
also checked to be what citeproc-js prints today.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _oracle_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("citeproc_gold", ROOT / "benchmarks" / "citeproc_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("citeproc_gold", module)
    spec.loader.exec_module(module)
    return module


oracle = _oracle_module()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_references_match_citeproc_js(lang: str) -> None:
    items = oracle.load_cases()
    assert len(items) >= 60
    expected = json.loads((oracle.GOLD / f"apa-{lang}.json").read_text(encoding="utf-8"))
    assert len(expected["bibliography"]) == len(items)
    found = oracle.differences(expected, oracle.litreview_output(items, lang))
    assert not found, "\n".join(found)


@pytest.mark.skipif(shutil.which("node") is None or oracle.citeproc_js_dir() is None,
                    reason="needs node and citeproc-js ($LITREVIEW_CITEPROC_JS or .cache/citeproc-js)")
@pytest.mark.parametrize("lang", ["en", "id"])
def test_gold_is_citeproc_js_output(lang: str) -> None:
    expected = json.loads((oracle.GOLD / f"apa-{lang}.json").read_text(encoding="utf-8"))
    assert oracle.oracle(oracle.load_cases(), lang, oracle.citeproc_js_dir()) == expected


@pytest.mark.parametrize("lang", ["en", "id"])
def test_bibtex_as_students_write_it_gives_the_same_references(lang: str) -> None:
    """Title Case and capitals, `type = {Skripsi}`, `school`, an institution as author without
    double braces, "Jurnal Informatika, Vol.5, No. 1, Juni 2009", "address = {Yogyakarta.}"."""
    from litreview.ingest.bibtex import read
    from litreview.synthesis.references import format_references, resolve_style

    papers = read((ROOT / "tests" / "fixtures" / "references" / "cases.bib").read_bytes(), "cases.bib").papers
    assert len(papers) == 8
    gold = dict(map(tuple, json.loads((oracle.GOLD / f"apa-{lang}.json").read_text(encoding="utf-8"))["bibliography"]))
    got = {k: " ".join(r.entry.text.split()) for k, r in format_references(papers, resolve_style("apa"), lang).items()}
    assert got == {k: gold[k] for k in got}
