"""Hostile input: crafted files that once copied secrets, hung, crashed or leaked tracebacks.

Each refusal is one line naming the file and the limit; a bad file in a batch is skipped while
the good ones land.
"""

from __future__ import annotations

import pytest

from litreview.text.sentences import split_sentences


# -- item 4: no recursion in the text functions ------------------------------------------
def test_sentences_of_a_huge_run_without_full_stops():
    text = "Judul\n\n" + "kata " * 200_000 + "akhir."
    spans = split_sentences(text)
    assert len(spans) > 1000
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in spans)
    assert spans[-1].end == len(text)


# -- item 7: every CSV/TSV output neutralises formulas -------------------------------------
FORMULA_TITLES = ['=HYPERLINK("http://example.invalid","x")', "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3"]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_list_csv_and_tsv_neutralise_formulas(run, tmp_path, fmt):
    import csv
    import io

    bib = tmp_path / "f.bib"
    bib.write_text("".join(
        f"@article{{k{i},title={{{t}}},author={{Family, Given}},year={{20{10 + i}}}}}\n"
        for i, t in enumerate(FORMULA_TITLES)
    ), encoding="utf-8")
    assert run("add", bib, "--no-tag").exit_code == 0
    result = run("list", "--format", fmt, "--sort", "year")
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    titles = [r[3] for r in rows[1:]]
    assert titles == ["'" + t for t in FORMULA_TITLES]
    assert [r[1] for r in rows[1:]] == ["2010", "2011", "2012", "2013"]  # numbers stay numbers


def test_csv_writer_keeps_plain_negative_numbers():
    from litreview.render.csv_render import write_rows

    assert write_rows([["-5", "-2.5", "-2+3", "-5 votes", -7, 1.5, None]]) == "-5,-2.5,'-2+3,'-5 votes,-7,1.5,\n"
