"""Screening: decisions and their history, batch use, rules, sheets, two reviewers, the scope of
the review tables, and the whole PRISMA 2020 flow."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import FIXTURES, snapshot

from litreview.screening.decisions import cohen_kappa, standings
from litreview.screening.ranking import Ranker
from litreview.store_screening import LaneDecision

EXPORTS = FIXTURES / "exports"
MERGED = [EXPORTS / n for n in ("pop_scholar_pemilu2024.csv", "scopus_demokrasi.csv", "wos_savedrecs_utf8.txt",
                                "pemilu_garuda.ris")]
RULES = """\
rules:
  - reason: outside the review's years
    year: 2019-2024
  - reason: no abstract
    no_abstract: true
"""


@pytest.fixture
def merged(run, tmp_path):
    """A corpus of four real-looking exports (Publish or Perish, Scopus, Web of Science, RIS): 15 records."""
    result = run("add", *MERGED, "--no-tag")
    assert result.exit_code == 0, result.output
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path


def keys_of(run) -> list[str]:
    return [r["key"] for r in json.loads(run("list", "--format", "json").stdout)]


def flow_json(run, *args) -> dict:
    result = run("prisma", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def lane(key, decision, reviewer="ana", role="reviewer", stage="title-abstract", reason="", n=1):
    return LaneDecision(n, key, stage, role, reviewer, decision, reason, "2024-01-01T00:00:00Z")


# -- what decisions add up to ------------------------------------------------------------


def test_standings_single_agreed_conflict_resolved_and_rules():
    found = standings([
        lane("a", "include"),
        lane("b", "include"), lane("b", "include", "budi"),
        lane("c", "include"), lane("c", "exclude", "budi", reason="off topic"),
        lane("d", "include"), lane("d", "exclude", "budi"), lane("d", "exclude", "ana", role="final"),
        lane("e", "exclude", role="rules", reason="no abstract"), lane("e", "include"),
        lane("f", "exclude", role="rules", reason="no abstract"), lane("f", "include", role="final"),
        lane("g", "none"),
    ])
    ta = {k: (s.at("title-abstract").decision, s.at("title-abstract").how) for k, s in found.items()}
    assert ta == {"a": ("include", "single"), "b": ("include", "agreed"), "c": ("conflict", ""),
                  "d": ("exclude", "resolved"), "e": ("exclude", "rules"), "f": ("include", "resolved")}
    assert found["e"].removed_by_rules and not found["f"].removed_by_rules
    assert {k for k, s in found.items() if s.included} == {"a", "b", "f"}


def test_full_text_decides_inclusion_once_made():
    found = standings([lane("a", "include"), lane("a", "exclude", stage="full-text", reason="x"),
                       lane("b", "maybe"), lane("b", "include", stage="full-text"),
                       lane("c", "include"), lane("c", "maybe", stage="full-text"),
                       lane("d", "include")])
    assert {k for k, s in found.items() if s.included} == {"b", "d"}


def test_cohen_kappa_matches_the_worked_example():
    # 50 papers: both include 20, both exclude 15, A include/B exclude 5, A exclude/B include 10.
    pairs = ([("include", "include")] * 20 + [("exclude", "exclude")] * 15 + [("include", "exclude")] * 5
             + [("exclude", "include")] * 10)
    # observed 0.70; chance 0.5 * 0.6 + 0.5 * 0.4 = 0.50; kappa 0.40
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("include", "include")] * 3) is None  # no variation: kappa undefined
    assert cohen_kappa([]) is None


def test_the_ranker_brings_records_like_the_included_ones_first():
    ranker = Ranker({
        "a": "hoaks politik di media sosial menjelang pemilu",
        "b": "hoaks dan disinformasi pemilu di whatsapp",
        "c": "produksi padi dan irigasi sawah",
        "d": "irigasi sawah tadah hujan",
        "e": "disinformasi politik whatsapp pemilih pemula",
    })
    assert not ranker.trained and ranker.rank(["b", "c"], "x") == ranker.rank(["c", "b"], "x")  # fixed shuffle
    ranker.learn("a", "include")
    ranker.learn("c", "exclude")
    order = ranker.rank(["b", "d", "e"])
    assert order.index("d") == 2 and set(order[:2]) == {"b", "e"}
    assert "hoaks" in ranker.shared_terms("b")
    ranker.forget("a", "include")
    assert not ranker.trained


# -- batch decisions through the CLI --------------------------------------------------------


def test_batch_decisions_keep_their_history(run, merged):
    assert run("screen", "--include", "aspinall2020,fitriani2021", "-r", "ana").exit_code == 0
    assert run("screen", "--exclude", "aspinall2020", "--reason", "1", "-r", "ana").exit_code == 0
    again = run("screen", "--exclude", "aspinall2020", "--reason", "off topic", "-r", "ana")
    assert "0 recorded" in again.stderr and "1 already so" in again.stderr
    rows = json.loads(run("screen", "--history", "aspinall2020", "--format", "json").stdout)
    assert [(r["decision"], r["reason"]) for r in rows] == [("include", ""), ("exclude", "off topic")]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--include", "nosuchkey"], 1, "no paper with key 'nosuchkey'"),
    (["--exclude", "aspinall2020", "--reason", "42"], 1, "not one of the review's reasons"),
    (["--stage", "ft", "--include", "aspinall2020"], 1, "not included at title-abstract"),
    (["--stage", "ft", "--exclude", "aspinall2020"], 1, "needs a reason"),
    (["--include", "aspinall2020", "--reason", "1"], 2, "--reason goes with --exclude"),
    (["--include", "aspinall2020", "--exclude", "fitriani2021"], 2, "one of --include"),
    (["--conflicts", "--agreement"], 2, "do not go together"),
    (["--stage", "abstracts-only"], 2, "choose title-abstract"),
    (["--rules", "missing.yaml"], 1, "no such rules file"),
    (["--yes"], 2, "--yes goes with --rules"),
    ([], 2, "the screen needs a terminal"),
])
def test_bad_screen_input_is_one_line_and_changes_nothing(run, merged, args, code, message):
    before = snapshot(merged / ".litreview")
    result = run("screen", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(merged / ".litreview") == before


def test_reasons_are_the_reviews_list(run, merged, tmp_path):
    assert run("screen", "--reasons").stdout.splitlines()[0] == "1. off topic"
    assert run("screen", "--add-reason", "bukan konteks Indonesia").stdout.splitlines()[-1] == \
        "10. bukan konteks Indonesia"
    (tmp_path / "alasan.txt").write_text("1. di luar topik\n2. teks lengkap tidak diperoleh\n", encoding="utf-8")
    assert json.loads(run("screen", "--set-reasons", "alasan.txt", "-f", "json").stdout) == [
        "di luar topik", "teks lengkap tidak diperoleh"]
    assert run("screen", "--exclude", "aspinall2020", "--reason", "di LUAR topik").exit_code == 0


# -- rules ------------------------------------------------------------------------------------


def test_rules_list_their_effect_and_apply_only_with_yes(run, merged):
    before = snapshot(merged / ".litreview")
    listed = run("screen", "--rules", "rules.yaml")
    assert listed.exit_code == 0 and "nothing written" in listed.stderr
    assert "1. year outside 2019-2024 -> exclude (outside the review's years): 2 records" in listed.stdout
    assert "2. no abstract -> exclude (no abstract): 6 records" in listed.stdout
    assert snapshot(merged / ".litreview") == before
    assert run("screen", "--rules", "rules.yaml", "--yes").exit_code == 0
    flow = flow_json(run)
    assert flow["removed_by_rules"] == 8
    assert flow["removed_by_rules_reasons"] == [{"reason": "no abstract", "n": 6},
                                                {"reason": "outside the review's years", "n": 2}]
    assert "outside the review's years" in run("screen", "--reasons").stdout
    # The file changes: records no rule matches any more come back.
    (merged / "rules.yaml").write_text("rules:\n  - reason: no abstract\n    no_abstract: true\n", encoding="utf-8")
    changed = run("screen", "--rules", "rules.yaml", "--yes").stdout
    assert "7 records (0 new)" in changed and "no rule excludes any more: 1 record (pratamand)" in changed
    assert flow_json(run)["removed_by_rules_reasons"] == [{"reason": "no abstract", "n": 7}]
    assert run("screen", "--rules", "rules.yaml").stderr.startswith("nothing written; 0 changes")


def test_a_language_and_type_rule(run, merged):
    (merged / "lang.yaml").write_text(textwrap.dedent("""\
        rules:
          - reason: language
            language: [en]
          - reason: wrong publication type
            type: article
        """), encoding="utf-8")
    listed = run("screen", "--rules", "lang.yaml").stdout
    assert "language not en" in listed and "type not article" in listed
    shown = {line.split("(")[1].split(")")[0]: int(line.split(": ")[1].split()[0])
             for line in listed.splitlines()[1:]}
    assert shown["language"] >= 1


@pytest.mark.parametrize(("text", "message"), [
    ("rules:\n  - reason: x\n    year: 2024-2019\n", "rules.yaml:2: year: the range 2024-2019 runs backwards"),
    ("rules:\n  - year: 2019-2024\n", "rules.yaml:2: the rule needs a reason"),
    ("rules:\n  - reason: x\n    year: 2019-\n    no_abstract: true\n", "rules.yaml:2: give exactly one criterion"),
    ("rules:\n  - reason: x\n    colour: red\n", "rules.yaml:2: unknown field 'colour'"),
    ("rules: [\n", "rules.yaml:2: not valid YAML"),
    ("- 1\n- 2\n", "rules.yaml:1: a rule is a mapping"),
])
def test_bad_rules_files_name_the_line(run, merged, text, message):
    (merged / "rules.yaml").write_text(text, encoding="utf-8")
    result = run("screen", "--rules", "rules.yaml")
    assert result.exit_code == 1 and message in result.stderr, result.stderr


# -- sheets -----------------------------------------------------------------------------------


def test_a_second_reviewer_works_in_a_spreadsheet(run, merged):
    assert run("screen", "--rules", "rules.yaml", "--yes").exit_code == 0
    assert run("screen", "--export", "sheet.csv", "-r", "budi").exit_code == 0
    lines = (merged / "sheet.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("key,stage,reviewer,decision,reason,title") and len(lines) == 1 + 7
    # Budi fills the sheet in Excel (Indonesian locale: semicolons), a decision per row, one left blank.
    rows = ["key;decision;reason"] + [f"{line.split(',')[0]};{'e' if n % 2 else 'i'};{'2' if n % 2 else ''}"
                                      for n, line in enumerate(lines[1:])]
    rows[-1] = rows[-1].split(";")[0] + ";;"
    (merged / "budi.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("screen", "--import", "budi.csv", "-r", "budi")
    assert result.exit_code == 0 and "6 decisions recorded, 0 unchanged, 1 rows without" in result.stderr
    exported = run("screen", "--export", "-", "-r", "budi").stdout.splitlines()
    assert sum(",exclude,wrong population or setting," in line for line in exported) == 3
    assert run("screen", "--import", "budi.csv", "-r", "budi").stderr.count("6 unchanged") == 1


@pytest.mark.parametrize(("text", "message"), [
    ("key,decision\nnosuch,include\n", "sheet.csv:2: no paper with key 'nosuch'"),
    ("key,decision\naspinall2020,perhaps\n", "sheet.csv:2: 'perhaps' is not a decision"),
    ("key,stage,decision\naspinall2020,ft,include\n", "sheet.csv:2: aspinall2020 is not included at title-abstract"),
    ("key,stage,decision\naspinall2020,ta,include\naspinall2020,ft,exclude\n", "sheet.csv:3: a full-text exclusion"),
    ("key,decision\naspinall2020,i\naspinall2020,e\n", "sheet.csv:3: aspinall2020 is decided twice"),
    ("title,decision\nx,include\n", "sheet.csv:1: no 'key' column"),
    ("", "sheet.csv: empty"),
])
def test_a_bad_sheet_writes_nothing(run, merged, text, message):
    (merged / "sheet.csv").write_text(text, encoding="utf-8")
    before = snapshot(merged / ".litreview")
    result = run("screen", "--import", "sheet.csv")
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert snapshot(merged / ".litreview") == before


# -- two reviewers -----------------------------------------------------------------------------


def test_two_reviewers_conflict_agreement_and_resolution(run, merged, monkeypatch):
    monkeypatch.setenv("LITREVIEW_REVIEWER", "ana")
    run("screen", "--include", "aspinall2020,fitriani2021,aspinall2019")
    monkeypatch.setenv("LITREVIEW_REVIEWER", "budi")
    run("screen", "--include", "aspinall2020,aspinall2019")
    run("screen", "--exclude", "fitriani2021", "--reason", "wrong population or setting")
    conflicts = json.loads(run("screen", "--conflicts", "-f", "json").stdout)
    assert conflicts == [{"key": "fitriani2021", "stage": "title-abstract", "reviewers": [
        {"reviewer": "ana", "decision": "include", "reason": ""},
        {"reviewer": "budi", "decision": "exclude", "reason": "wrong population or setting"}]}]
    agreement = json.loads(run("screen", "--agreement", "-f", "json").stdout)
    assert agreement == [{"stage": "title-abstract", "reviewers": ["ana", "budi"], "papers": 3, "agreed": 2,
                          "observed": 0.6667, "kappa": 0.0}]
    assert "Cohen's kappa = 0.00" in run("screen", "--agreement").stdout
    assert flow_json(run)["conflicts"] == {"title-abstract": 1, "full-text": 0}
    assert run("screen", "--resolve", "--exclude", "fitriani2021", "--reason", "2", "-r", "ana").exit_code == 0
    assert run("screen", "--conflicts").stderr.startswith("0 conflicts")
    assert flow_json(run)["records_excluded"] == 1


# -- the flow and the scope --------------------------------------------------------------------


def full_run(run) -> None:
    """Rules, two reviewers, a resolution, full-text decisions with reasons."""
    assert run("screen", "--rules", "rules.yaml", "--yes").exit_code == 0
    keys = [k for k in keys_of(run) if k not in {"berenschot2016", "pratamand"}]
    flow = flow_json(run)
    assert flow["removed_by_rules"] == 8
    screened = [line.split(",")[0] for line in run("screen", "--export", "-").stdout.splitlines()[1:]]
    assert len(screened) == 7 and set(screened) <= set(keys)
    run("screen", "--include", ",".join(screened[:5]), "-r", "ana")
    run("screen", "--exclude", screened[5], "--reason", "1", "-r", "ana")
    run("screen", "--include", ",".join(screened[:4]), "-r", "budi")
    run("screen", "--exclude", screened[4], "--reason", "1", "-r", "budi")
    run("screen", "--resolve", "--include", screened[4], "-r", "ana")
    run("screen", "--stage", "ft", "--exclude", screened[0], "--reason", "full text not retrieved", "-r", "ana")
    run("screen", "--stage", "ft", "--exclude", screened[1], "--reason", "3", "-r", "ana")
    run("screen", "--stage", "ft", "--include", ",".join(screened[2:4]), "-r", "ana")


def test_the_whole_flow_adds_up(run, merged):
    full_run(run)
    f = flow_json(run)
    assert f["after_deduplication"] == f["removed_by_rules"] + f["records_screened"] + f["records_not_yet_screened"]
    assert f["records_screened"] == f["records_excluded"] + f["reports_sought"]
    assert f["reports_sought"] == f["reports_not_retrieved"] + f["reports_assessed"] + f["reports_not_yet_assessed"]
    assert f["reports_assessed"] == f["reports_excluded"] + f["studies_included"]
    assert (f["records_screened"], f["records_excluded"], f["records_not_yet_screened"]) == (6, 1, 1)
    assert (f["reports_sought"], f["reports_not_retrieved"], f["reports_assessed"]) == (5, 1, 3)
    assert (f["reports_excluded"], f["studies_included"], f["reports_not_yet_assessed"]) == (1, 2, 1)
    assert f["reports_excluded_reasons"] == [{"reason": "wrong study design", "n": 1}]
    text = run("prisma").stdout
    assert text.startswith("PRISMA 2020 flow diagram") and "Reports not retrieved: n = 1" in text
    assert "Studies included in review: n = 2" in text and "wrong study design: n = 1" in text
    indonesian = run("prisma", "--lang", "id").stdout
    assert "Laporan dikecualikan: n = 1" in indonesian and "Studi yang disertakan dalam tinjauan: n = 2" in indonesian


def test_tables_cover_the_included_papers_once_screening_begins(run, merged):
    def rows(*more):
        return json.loads(run("table", "matrix", "--columns", "citation,year", "--format", "json", *more).stdout)[0][
            "rows"]

    assert len(rows("--all")) == 15
    untagged = run("table", "matrix")
    assert untagged.exit_code == 1 and "no paper is tagged with a theme yet" in untagged.stderr
    full_run(run)
    from litreview.screening.actions import included_scope
    from litreview.store import Corpus

    with Corpus(merged / ".litreview") as corpus:
        included = sorted(included_scope(corpus)[0])  # 2 included at full text, 1 not yet decided there
    assert len(included) == 3
    assert run("tag", "add", included[1], "hoax").exit_code == 0  # the command once; the rest through the store
    with Corpus(merged / ".litreview") as corpus, corpus.transaction():
        for key in keys_of(run):  # every record tagged by hand but one of those included
            if key not in (included[0], included[1]):
                corpus.set_manual_tag(key, "hoax", True)
    result = run("table", "matrix", "--columns", "citation,year", "--format", "json")
    assert ("covering 2 of 15 records: the papers tagged with a theme and included by screening; --all for every "
            "record") in result.stderr
    table = json.loads(result.stdout)[0]
    assert len(table["rows"]) == 2 and table["coverage"]["covered"] == 2 and table["coverage"]["screened"]
    assert table["notes"][0] == ("Covers two of the 15 records in the library: the papers tagged with at least one "
                                 "theme and included by screening.")
    assert len(rows("--all")) == 15
    years = json.loads(run("chart", "years", "--format", "json").stdout)
    assert years["papers"] == 3 and "included by screening" in years["source"]
    assert json.loads(run("chart", "years", "--format", "json", "--all").stdout)["papers"] == 15


def test_nothing_included_yet_says_what_to_do(run, merged):
    run("screen", "--exclude", "aspinall2020")
    result = run("table", "matrix")
    assert result.exit_code == 1 and "no paper is included yet" in result.stderr and "--all" in result.stderr


def test_merging_papers_keeps_their_decisions(memory_corpus):
    from litreview.model import Paper
    from litreview.screening.actions import corpus_standings, decide

    with memory_corpus.transaction():
        for key in ("a", "b"):
            memory_corpus.add_paper(Paper(key=key, title=f"Paper {key}"), {}, [],
                                    {"format": "bibtex", "file_name": "x.bib", "sha256": "0"})
    decide(memory_corpus, ["b"], "include", "title-abstract", "ana")
    memory_corpus.merge_papers("a", ["b"], Paper(key="a", title="Paper a"), {})
    assert corpus_standings(memory_corpus)["a"].included
