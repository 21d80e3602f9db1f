"""The PRISMA 2020 flow diagram: every number drawn is a `prisma --format json` count, next to the
words it counts; the figure is A4-ready. Then the whole workflow on real exports from ../shared."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED, needs_shared

from litreview.synthesis.prisma import FLOW_WORDS

EXPORTS = FIXTURES / "exports"
MERGED = [EXPORTS / n for n in ("pop_scholar_pemilu2024.csv", "scopus_demokrasi.csv", "wos_savedrecs_utf8.txt",
                                "pemilu_garuda.ris")]
RULES = "rules:\n  - reason: outside the review's years\n    year: 2019-2024\n  - reason: no abstract\n" \
        "    no_abstract: true\n"


def expected_labels(flow: dict, lang: str = "en") -> list[tuple[str, int]]:
    """(words, count) of every count the diagram must show, straight from the JSON."""
    w = FLOW_WORDS[lang]
    out = [(w["identified"], flow["identified"])]
    out += [(d["database"], d["records"]) for d in flow["by_database"]]
    out += [(w["duplicates"], flow["duplicates_removed"]), (w["rules"], flow["removed_by_rules"])]
    out += [(r["reason"], r["n"]) for r in flow["removed_by_rules_reasons"]]
    out += [(w["screened"], flow["records_screened"]), (w["excluded"], flow["records_excluded"])]
    if flow["records_not_yet_screened"]:
        out.append((w["awaiting_screening"], flow["records_not_yet_screened"]))
    out += [(r["reason"], r["n"]) for r in flow["records_excluded_reasons"]]
    out += [(w["sought"], flow["reports_sought"]), (w["not_retrieved"], flow["reports_not_retrieved"]),
            (w["assessed"], flow["reports_assessed"]), (w["reports_excluded"].rstrip(":"), flow["reports_excluded"])]
    if flow["reports_not_yet_assessed"]:
        out.append((w["awaiting_assessment"], flow["reports_not_yet_assessed"]))
    out += [(r["reason"], r["n"]) for r in flow["reports_excluded_reasons"]]
    out += [(w["studies"], flow["studies_included"]), (w["reports"], flow["reports_of_included_studies"])]
    out += [(stage, n) for stage, n in flow["conflicts"].items() if n]
    if flow["possible_duplicates"]:
        out.append((w["possible"], flow["possible_duplicates"]))
    return out


def pdf_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return " ".join(text.split())


def check_diagram(run, folder: Path, lang: str = "en", png: bool = False) -> dict:
    """Draw the diagram as PDF (and PNG); every "(n = X)" drawn is a JSON count with its words."""
    flow = json.loads(run("prisma", "--format", "json", "--lang", lang).stdout)
    assert run("prisma", "--diagram", folder / "flow.pdf", "--lang", lang).exit_code == 0
    text = pdf_text(folder / "flow.pdf")
    wanted = expected_labels(flow, lang)
    for words, count in wanted:
        assert f"{' '.join(words.split())} (n = {count})" in text, (words, count, text)
    assert len(re.findall(r"\(n = \d+\)", text)) == len(wanted)  # nothing drawn that the JSON lacks
    if not png:
        return flow
    assert run("prisma", "--diagram", folder / "flow.png", "--lang", lang).exit_code == 0
    from PIL import Image

    with Image.open(folder / "flow.png") as image:
        width, height = image.size
        assert image.format == "PNG" and width in (1889, 1890) and height <= 2835  # 16 cm wide, at most 24 cm, 300 dpi
        extrema = image.convert("L").getextrema()
        assert extrema[0] < 60 and extrema[1] > 240  # ink on paper
    return flow


@pytest.fixture
def screened(run, tmp_path):
    assert run("add", *MERGED, "--no-tag").exit_code == 0
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    assert run("screen", "--rules", "rules.yaml", "--yes").exit_code == 0
    keys = [line.split(",")[0] for line in run("screen", "--export", "-").stdout.splitlines()[1:]]
    run("screen", "--include", ",".join(keys[:5]), "-r", "ana")
    run("screen", "--exclude", keys[5], "--reason", "1", "-r", "ana")
    run("screen", "--exclude", keys[6], "-r", "budi")
    run("screen", "--include", keys[6], "-r", "ana")  # a conflict left open
    run("screen", "--stage", "ft", "--exclude", keys[0], "--reason", "7", "-r", "ana")
    run("screen", "--stage", "ft", "--exclude", keys[1], "--reason", "3", "-r", "ana")
    run("screen", "--stage", "ft", "--exclude", keys[2], "--reason", "2", "-r", "ana")
    run("screen", "--stage", "ft", "--include", keys[3], "-r", "ana")
    return tmp_path


def test_every_number_drawn_is_a_json_count(run, screened):
    flow = check_diagram(run, screened, png=True)
    assert flow["conflicts"] == {"title-abstract": 1, "full-text": 0}
    assert (flow["reports_not_retrieved"], flow["reports_excluded"], flow["studies_included"]) == (1, 2, 1)


def test_the_indonesian_diagram_and_the_chart_command(run, screened):
    check_diagram(run, screened, "id")
    assert run("chart", "prisma", "-o", "flow.svg").exit_code == 0
    svg = (screened / "flow.svg").read_text(encoding="utf-8")
    assert "<title>PRISMA 2020 flow diagram." in svg


def test_a_diagram_before_any_screening(run, tmp_path):
    assert run("add", *MERGED, "--no-tag").exit_code == 0
    flow = check_diagram(run, tmp_path)
    assert flow["screening_started"] is False and flow["records_not_yet_screened"] == 15
    assert "No screening decision yet" in pdf_text(tmp_path / "flow.pdf")


def test_bad_diagram_names(run, tmp_path):
    assert run("add", *MERGED, "--no-tag").exit_code == 0
    result = run("prisma", "--diagram", "flow.gif")
    assert result.exit_code == 2 and "unknown figure extension '.gif'" in result.stderr
    result = run("prisma", "--diagram", "nowhere/flow.svg")
    assert result.exit_code == 1 and "does not exist" in result.stderr


# -- the whole workflow on real exports ----------------------------------------------------------------

REAL = ["csv/pop_googlescholar_propithecus.csv", "csv/litstudy_scopus.csv",
        "bib/small/wos_savedrecs_propithecus_92.bib", "ris/litstudy_example.ris"]


@pytest.mark.shared
@needs_shared
def test_a_review_of_real_exports_from_search_to_diagram(run, tmp_path):
    """Publish or Perish, Scopus, Web of Science and RIS exports merged; rules; the screen driven by its
    pilot; two reviewers with a conflict resolved; full-text exclusions; a diagram that matches."""
    import asyncio

    from litreview.cli.screen_app import ScreenApp
    from litreview.screening.session import ScreenSession
    from litreview.store import Corpus

    for name in REAL:
        shutil.copy(SHARED / "data" / name, tmp_path / Path(name).name)
    assert run("add", *[Path(n).name for n in REAL], "--no-tag").exit_code in (0, 3)
    before = json.loads(run("prisma", "--format", "json").stdout)
    assert before["duplicates_removed"] > 0 and len(before["by_database"]) >= 3
    (tmp_path / "rules.yaml").write_text(
        "rules:\n  - reason: published before 2010\n    year: 2010-\n"
        "  - reason: no abstract\n    no_abstract: true\n", encoding="utf-8")
    assert run("screen", "--rules", "rules.yaml", "--yes").exit_code == 0
    corpus = Corpus(tmp_path / ".litreview")
    session = ScreenSession(corpus, "ana", "title-abstract", "ranked")
    app = ScreenApp(session)

    async def screen() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("i", "i", "1", "e", "m", "i", "e", "u", "e", "q")

    asyncio.run(screen())
    decided = [(k, d) for k, (_, d, _) in session.heads.items() if d != "none"]
    corpus.close()
    assert len(decided) == 6
    keys = [k for k, d in decided]
    run("screen", "--include", ",".join(keys), "-r", "budi")  # budi includes what ana excluded: conflicts
    conflicts = json.loads(run("screen", "--conflicts", "-f", "json").stdout)
    assert {c["key"] for c in conflicts} == {k for k, d in decided if d != "include"}
    for conflict in conflicts:
        assert run("screen", "--resolve", "--include", conflict["key"], "-r", "ana").exit_code == 0
    assert run("screen", "--stage", "ft", "--exclude", keys[0], "--reason", "3").exit_code == 0
    assert run("screen", "--stage", "ft", "--exclude", keys[1], "--reason", "full text not retrieved").exit_code == 0
    assert run("screen", "--stage", "ft", "--include", ",".join(keys[2:])).exit_code == 0
    flow = check_diagram(run, tmp_path)
    assert flow["identified"] == before["identified"] and flow["studies_included"] == len(keys) - 2
    assert flow["reports_excluded_reasons"] == [{"reason": "wrong study design", "n": 1}]
    agreement = json.loads(run("screen", "--agreement", "-f", "json").stdout)
    assert agreement[0]["papers"] == 6
