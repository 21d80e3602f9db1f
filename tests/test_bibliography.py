"""`litreview bibliography` / `daftar-pustaka`, the keys a manuscript cites, and year letters
that are the same in every output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.synthesis.bibliography import cited_keys

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "references" / "cases.json"
GOLD = ROOT / "tests" / "gold" / "references"


@pytest.fixture
def cases(run):
    assert run("add", "--no-tag", CASES).exit_code == 0
    return run


def _lines(text: str) -> list[str]:
    """The entries of a terminal reference list: hanging-indented lines joined."""
    entries: list[str] = []
    for line in text.splitlines()[3:]:
        if line.startswith("    "):
            entries[-1] += " " + line.strip()
        elif line.startswith("  "):
            entries.append(line.strip())
    return entries


@pytest.mark.parametrize("lang", ["en", "id"])
def test_bibliography_is_the_gold_reference_list(cases, lang):
    result = cases("bibliography", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == ("Daftar Pustaka" if lang == "id" else "References")
    gold = [text for _, text in json.loads((GOLD / f"apa-{lang}.json").read_text(encoding="utf-8"))["bibliography"]]
    assert _lines(result.stdout) == gold


def test_daftar_pustaka_alias_keys_and_formats(cases, tmp_path):
    result = cases("daftar-pustaka", "--lang", "id", "--keys", "utomo2024,utomo2024a", "--keys", "munadi2023",
                   "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Daftar Pustaka")
    body = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert [line[2:12] for line in body] == ["Munadi. (2", "Utomo, W. ", "Utomo, W. "]
    assert "(2024a). Algoritma YouTube" in body[1] and "(2024b). Buzzer politik" in body[2]
    for suffix in ("docx", "html", "bib"):
        assert cases("bibliography", "--keys", "munadi2023", "-o", tmp_path / f"out.{suffix}").exit_code == 0
    assert "@article{munadi2023," in (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert "text-indent: -2em" in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_cited_in_manuscripts(cases, tmp_path):
    tex = tmp_path / "bab2.tex"
    tex.write_text("Menurut \\citet{munadi2023} dan \\citep[hlm. 3]{cobis2023,tidakada2020}.\n"
                   "% \\cite{kruikemeier2014} is a comment\n", encoding="utf-8")
    result = cases("bibliography", "--cited-in", tex)
    assert result.exit_code == 0, result.output
    assert len(_lines(result.stdout)) == 2
    assert "warning:" in result.stderr and "tidakada2020" in result.stderr
    md = tmp_path / "bab2.md"
    md.write_text("Hoaks menyebar [@munadi2023; lihat @lim2017, hlm. 4]. Surel saya@contoh.id.\n", encoding="utf-8")
    assert cited_keys(md) == ["munadi2023", "lim2017"]
    aux = tmp_path / "skripsi.aux"
    aux.write_text("\\relax\n\\citation{munadi2023,cobis2023}\n\\citation{munadi2023}\n", encoding="utf-8")
    assert cited_keys(aux) == ["munadi2023", "cobis2023"]
    empty = tmp_path / "kosong.md"
    empty.write_text("Tanpa sitasi.\n", encoding="utf-8")
    result = cases("bibliography", "--cited-in", empty)
    assert result.exit_code == 1 and "cites no key" in result.stderr
    result = cases("bibliography", "--cited-in", tmp_path / "hilang.aux")
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = cases("bibliography", "--keys", "tidakada2020")
    assert result.exit_code == 1 and "tidakada2020" in result.stderr


def test_year_letters_are_the_same_everywhere(cases):
    """Keys need not carry letters: anonim2024 (8 January) is 2024a, anonim2024a (3 February) 2024b,
    in every output, and when cited alone."""
    result = cases("cite", "anonim2024a")
    assert "(Anonim, 2024b)" in result.stdout and "Anonim (2024b)" in result.stdout
    result = cases("cite", "anonim2024")
    assert "(Anonim, 2024a)" in result.stdout
    result = cases("search", "--format", "json", "calon")
    hits = {h["key"]: h["citation"] for h in json.loads(result.stdout)}
    assert hits["anonim2024"] == "Anonim, 2024a"
    result = cases("table", "matrix", "--format", "csv", "--lang", "id", "--all")
    assert result.exit_code == 0, result.output
    assert '"Anonim, 2024a",Debat calon presiden' in result.stdout
    assert '"Anonim, 2024b",Bawaslu temukan' in result.stdout


def test_once_screening_began_the_list_holds_the_included_papers(cases):
    assert cases("screen", "--include", "munadi2023,cobis2023").exit_code == 0
    included = cases("bibliography")
    assert included.exit_code == 0 and "covering the papers screening included: 2 of" in included.stderr
    assert len(_lines(included.stdout)) == 2
    everything = cases("bibliography", "--all")
    assert len(_lines(everything.stdout)) > 2
    named = cases("bibliography", "--keys", "utomo2024")  # keys named are listed as asked
    assert named.exit_code == 0 and len(_lines(named.stdout)) == 1
