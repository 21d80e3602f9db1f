"""The decision rule (places, citing sentences, length, one strong sentence), the two levels
(discussed / mentioned) in the store and on the command line, `tags --why`, and `codebook suggest`."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import snapshot

from litreview.model import Paper
from litreview.store import Corpus
from litreview.text.sections import detect_sections
from litreview.themes.calibrate import Case, Grid, Rule, Text, cases_of, cross_validate, fit, folds_of
from litreview.themes.codebook import CodebookError, Threshold, parse_codebook
from litreview.themes.explain import explain_decision
from litreview.themes.tagger import Tagger

BOOK = """\
version: 1
settings:
  threshold: {min_sentences: 2, min_score: 4, reference_words: 300, length_exponent: 0.5, per_1000_words: 0,
              single: 2}
  salience:
    places: {title: 2, heading: 2, abstract: 1.5, review: 0.5}
    cites: 0.5
themes:
  - id: hoax
    label: {en: Hoaxes, id: Hoaks}
    terms:
      id: [{term: hoaks, weight: 2}, {term: berita bohong, weight: 2}, {term: fitnah, weight: 1}]
  - id: youth
    label: {en: Youth, id: Pemuda}
    terms:
      id: [{term: pemilih pemula, weight: 2}, {term: milenial, weight: 1}]
"""


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(parse_codebook(BOOK, "test"))


def _tag(tagger: Tagger, theme: str, **fields):
    tagging = tagger.tag(Paper(key="x", **fields))
    return next((t for t in tagging.tags if t.theme == theme), None), tagging


# -- the rule ----------------------------------------------------------------------------------
def test_threshold_grows_with_length_and_floors_short_texts():
    rule = Threshold(min_score=4, reference_words=300, length_exponent=0.5, per_1000_words=0)
    assert rule.required(300) == pytest.approx(4)
    assert rule.required(1200) == pytest.approx(8)
    assert rule.required(20) == rule.required(100) == pytest.approx(4 * (100 / 300) ** 0.5)
    assert Threshold(min_score=2, per_1000_words=1).required(5000) == 5  # the old per-1,000-words floor


def test_one_strong_sentence_shows_a_theme_in_a_short_text(tagger):
    hoax, _ = _tag(tagger, "hoax", abstract="Hoaks menyebar di grup percakapan menjelang pemilu. Lainnya netral.")
    assert hoax.assigned and hoax.level == "discussed" and hoax.sentences == 1
    weak, _ = _tag(tagger, "hoax", abstract="Ada fitnah di sana. Lainnya netral sekali.")
    assert not weak.assigned and weak.level == "mentioned"


def test_places_weigh_sentences(tagger):
    text = textwrap.dedent("""\
        Abstrak
        Penelitian ini membahas kampanye. Milenial aktif di media sosial.

        Tinjauan Pustaka
        Milenial sering dibahas peneliti lain.

        Hasil dan Pembahasan
        Milenial memilih lewat aplikasi.
        """)
    youth, _ = _tag(tagger, "youth", text=text, sections=detect_sections(text))
    places = {e.sentence: (e.place, e.weight, e.counts) for e in youth.evidence}
    assert places["Milenial aktif di media sosial."] == ("abstract", 1.5, 1.5)
    assert places["Milenial sering dibahas peneliti lain."] == ("review", 0.5, 0.5)
    assert places["Milenial memilih lewat aplikasi."] == ("body", 1.0, 1.0)
    assert youth.score == pytest.approx(3.0)


def test_citing_sentences_count_less_and_headings_count_as_headings(tagger):
    text = "Pemilih Pemula dan Media Sosial\n\nMenurut Rahman (2020), berita bohong menyasar pemilih pemula.\n"
    youth, _ = _tag(tagger, "youth", text=text)
    heading, cited = youth.evidence
    assert (heading.place, heading.weight, heading.counts) == ("heading", 2.0, 4.0)
    assert cited.cites and cited.weight == 0.5 and cited.counts == 1.0


def test_a_heading_that_repeats_the_title_is_read_once(tagger):
    paper = dict(title="Hoaks di Media Sosial", text="Hoaks di Media Sosial\n\nTeks lain tanpa istilah.\n")
    hoax, _ = _tag(tagger, "hoax", **paper)
    assert [e.place for e in hoax.evidence] == ["title"]


def test_codebook_validates_the_new_settings():
    bad = BOOK.replace("cites: 0.5", "cites: -1").replace("title: 2,", "tittle: 2,").replace(
        "single: 2}", "single: lots}")
    with pytest.raises(CodebookError) as caught:
        parse_codebook(bad, "bad.yaml")
    message = str(caught.value)
    assert "salience cites must be between 0 and 100" in message
    assert "'tittle'" in message and "single must be a number" in message
    assert parse_codebook(BOOK, "a").digest != parse_codebook(BOOK.replace("single: 2", "single: 3"), "b").digest


# -- choosing the rule -------------------------------------------------------------------------
def _case(theme, words, *sentences):
    """A case from (score, place lift, cites) sentences."""
    return Case(theme, words, len(sentences), sum(s for s, _, c in sentences if not c),
                sum(s * lift for s, lift, c in sentences if not c), sum(s for s, _, c in sentences if c),
                sum(s * lift for s, lift, c in sentences if c), tuple((s, s * lift, c) for s, lift, c in sentences))


def test_case_applies_any_rule():
    case = _case("hoax", 300, (2.0, 0.5, False), (1.0, 0.0, True))
    assert case.score(Rule(strength=0, cites=1)) == 3.0
    assert case.score(Rule(strength=1, cites=0.5)) == pytest.approx(2.0 + 1.0 + 0.5)
    assert case.best(Rule(strength=1, cites=1)) == 3.0
    assert case.discussed(Rule(min_score=3, length_exponent=0, strength=0, cites=1, min_sentences=2))
    assert not case.discussed(Rule(min_score=3.5, length_exponent=0, strength=0, cites=1, min_sentences=2))
    assert case.discussed(Rule(min_score=9, length_exponent=0, strength=1, cites=1, single=3))


def _texts():
    """Twelve texts: a theme is present exactly when some sentence scores 2."""
    out = []
    for i in range(12):
        strong = i % 2 == 0
        cases = [_case("hoax", 200, (2.0 if strong else 1.0, 0.0, False))]
        out.append(Text(id=f"t{i}", kind="abstract" if i < 8 else "long", cases=cases,
                        present=frozenset({"hoax"} if strong else set()), offtopic=i == 11))
    return out


def test_fit_and_cross_validation_recover_a_separable_rule():
    grid = Grid(min_score=(1.0, 1.5, 2.0, 3.0), length_exponent=(0.0,), strength=(0.0,), cites=(1.0,),
                min_sentences=(1,), single=(0.0,))
    rule, counts = fit(_texts(), grid)
    assert counts.precision == counts.recall == 1.0 and rule.min_score in (1.5, 2.0)
    cv = cross_validate(_texts(), k=3, seed=1, grid=grid)
    assert len(cv.rules) == 3 and set(cv.predictions) == {t.id for t in _texts()}
    assert all(("hoax" in cv.predictions[t.id]) == ("hoax" in t.present) for t in _texts())


def test_folds_share_out_every_kind():
    folds = folds_of(_texts(), 3, seed=0)
    assert sorted(t.id for f in folds for t in f) == sorted(t.id for t in _texts())
    for fold in folds:
        assert {t.kind for t in fold} == {"abstract", "long"}


def test_cases_of_a_real_tagging(tagger):
    _, tagging = _tag(tagger, "hoax", abstract="Hoaks dan berita bohong beredar. Pemilih pemula rentan.")
    cases = {c.theme: c for c in cases_of(tagging)}
    assert cases["hoax"].plain == 3.0 and cases["youth"].sentences == 1


# -- explaining ------------------------------------------------------------------------------
def test_explain_says_what_was_missing(tagger):
    weak, tagging = _tag(tagger, "hoax", abstract="Ada fitnah di sana. Lainnya netral sekali.")
    why = explain_decision(tagger.codebook, "hoax", weak, tagging.words)
    assert why["decision"] == "mentioned" and why["score"] == 1.5  # 1, in the abstract (x 1.5)
    assert "one sentence counting 2 (the strongest counts 1.5)" in why["missing"]
    absent = explain_decision(tagger.codebook, "youth", None, tagging.words)
    assert absent["decision"] == "absent" and absent["evidence"] == []
    strong, tagging = _tag(tagger, "hoax", abstract="Hoaks menyebar. Lainnya netral.")
    reason = explain_decision(tagger.codebook, "hoax", strong, tagging.words)["reason"]
    assert "one sentence alone counts 3, at least 2" in reason


# -- the store ---------------------------------------------------------------------------------
def test_store_keeps_both_levels(tagger):
    corpus = Corpus.in_memory()
    with corpus.transaction():
        corpus.add_paper(Paper(key="a", abstract="Hoaks menyebar luas. Ada milenial juga."), {}, [],
                         {"format": "text", "file_name": "a.md", "sha256": "0" * 64})
        corpus.save_tagging(tagger.tag(corpus.get("a")))
    assert [t.theme for t in corpus.tags_of("a")] == ["hoax"]
    both = corpus.tags_of("a", level="mentioned")
    assert [(t.theme, t.level) for t in both] == [("hoax", "discussed"), ("youth", "mentioned")]
    assert both[1].evidence[0].place == "abstract"
    assert corpus.themes_by_id() == {1: ["hoax"]} and corpus.themes_by_id("mentioned") == {1: ["hoax", "youth"]}
    counts = corpus.theme_counts()
    assert counts["youth"]["mentioned"] == 1 and counts["youth"]["removed"] == 0
    with corpus.transaction():
        corpus.set_manual_tag("a", "hoax", False)
    assert corpus.theme_counts()["hoax"]["removed"] == 1 and corpus.tags_of("a", level="mentioned")[0].theme == "youth"
    with pytest.raises(ValueError):
        corpus.themes_by_id("sometimes")
    corpus.close()


# -- the command line ------------------------------------------------------------------------
PAPER = """\
---
title: "Kampanye Digital dan Pemilih"
authors: [{family: Lestari, given: Dewi}]
year: 2024
---
Hoaks menyebar cepat di media sosial menjelang pemilu. Kampanye memakai banyak akun. Ada fitnah juga.
Milenial disebut sekali. Partai dan kandidat berkampanye lewat video.
"""


@pytest.fixture
def two_levels(run, tmp_path: Path) -> Path:
    run("init")
    (tmp_path / ".litreview" / "codebook.yaml").write_text(BOOK, encoding="utf-8")
    (tmp_path / "a.md").write_text(PAPER, encoding="utf-8")
    assert run("add", "a.md").exit_code == 0
    return tmp_path


def test_tags_shows_mentioned_themes_with_evidence(run, two_levels):
    result = run("tags", "lestari2024")
    assert "hoax" in result.stdout and "youth" in result.stdout and "(mentioned)" in result.stdout
    data = json.loads(run("tags", "lestari2024", "-f", "json").stdout)
    assert [(t["theme"], t["level"]) for t in data["themes"]] == [("hoax", "discussed"), ("youth", "mentioned")]
    assert data["themes"][0]["evidence"][0]["place"] == "lead"  # the opening sentence of a text without headings
    assert data["themes"][1]["evidence"][0]["place"] == "body"


def test_tags_why_explains_one_decision(run, two_levels):
    result = run("tags", "lestari2024", "--why", "youth")
    assert result.exit_code == 0
    assert "youth  Youth: mentioned" in result.stdout and "missing:" in result.stdout
    assert "Milenial disebut sekali." in result.stdout and "[body]" in result.stdout
    # one sentence under the bar, one more needed: said in the singular, never "sentence(s)"
    assert "its one sentence counts" in result.stdout and "(and 1 more sentence)" in result.stdout
    assert "(s)" not in result.stdout and "from at least 2 sentences" in result.stdout
    data = json.loads(run("tags", "lestari2024", "--why", "hoax", "-f", "json").stdout)
    assert data["decision"] == "discussed" and data["bar"] > 0 and data["evidence"][0]["terms"] == ["Hoaks"]
    before = snapshot(two_levels / ".litreview")
    bad = run("tags", "lestari2024", "--why", "kampanye-hitam")
    assert bad.exit_code == 2 and "unknown theme 'kampanye-hitam'" in bad.stderr
    assert snapshot(two_levels / ".litreview") == before


def test_level_option_on_themes_list_and_tables(run, two_levels):
    rows = {r["theme"]: r for r in json.loads(run("themes", "-f", "json").stdout)["themes"]}
    assert rows["youth"]["papers"] == 0 and rows["youth"]["mentioned"] == 1
    rows = {r["theme"]: r for r in json.loads(run("themes", "-f", "json", "--level", "mentioned").stdout)["themes"]}
    assert rows["youth"]["papers"] == 1
    assert json.loads(run("list", "--theme", "youth", "-f", "json").stdout) == []
    (row,) = json.loads(run("list", "--theme", "youth", "--level", "mentioned", "-f", "json").stdout)
    assert row["themes"] == ["hoax", "youth"]
    grid = run("table", "themes", "--level", "mentioned", "-f", "markdown").stdout
    assert "\u25cb only mentioned" in grid and "| \u2713 | \u25cb |" in grid
    assert "\u25cb" not in run("table", "themes", "-f", "markdown").stdout
    matrix = run("table", "matrix", "--level", "mentioned", "-f", "csv", "--columns", "citation,themes").stdout
    assert "Youth (mentioned)" in matrix
    bad = run("list", "--level", "often")
    assert bad.exit_code == 2 and "--level" in bad.stderr


def test_codebook_suggest_learns_from_decisions_by_hand(run, two_levels, tmp_path):
    for i, extra in enumerate(["Relawan digital menyebarkan konten.", "Relawan digital membuat video."]):
        (tmp_path / f"b{i}.md").write_text(f"---\ntitle: Kajian {i}\nyear: 2023\n---\n{extra} Kampanye daring.\n",
                                           encoding="utf-8")
    assert run("add", "b0.md", "b1.md").exit_code == 0
    missing = run("codebook", "suggest", "youth")
    assert missing.exit_code == 1 and "tag some with `litreview tag add KEY youth`" in missing.stderr
    keys = [r["key"] for r in json.loads(run("list", "-f", "json").stdout) if r["title"].startswith("Kajian")]
    assert run("tag", "add", *[keys[0]], "youth").exit_code == 0
    assert run("tag", "add", keys[1], "youth").exit_code == 0
    data = json.loads(run("codebook", "suggest", "youth", "-f", "json").stdout)
    assert data["theme_papers"] == 2 and data["other_papers"] == 1
    terms = {s["term"]: s for s in data["suggestions"]}
    assert terms["relawan digital"]["theme_papers"] == 2 and terms["relawan digital"]["other_papers"] == 0
    ranked = [s["term"] for s in data["suggestions"]]
    assert ranked.index("relawan digital") < ranked.index("kampanye")  # also in the other paper
    table = run("codebook", "suggest", "youth")
    assert "relawan digital" in table.stdout and "2/2" in table.stdout


def test_grid_marks_survive_in_excel_as_numbers(run, two_levels):
    import openpyxl

    assert run("table", "themes", "--level", "mentioned", "-o", "grid.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(two_levels / "grid.xlsx").active
    header = [c.value for c in sheet[1]]
    row = sheet[2]
    hoax, youth = row[header.index("Hoaxes")], row[header.index("Youth")]
    assert (hoax.value, hoax.number_format) == (1, '"\u2713"')  # shown as ✓, summed as 1
    assert (youth.value, youth.number_format) == (1, '"\u25cb"')


def test_a_journal_masthead_is_not_evidence(tagger):
    from litreview.themes.tagger import is_masthead

    masthead = "JPH (Jurnal Pendidikan Hoaks dan Pemilih Pemula) Volume 10 no 1 Edisi Maret 2020."
    assert is_masthead(masthead)
    assert not is_masthead("Hoaks menyebar lewat jurnal warga menjelang pemilu.")
    hoax, _ = _tag(tagger, "hoax", text=f"Judul\n\n{masthead}\n\nTeks lain tanpa istilah apa pun.\n")
    assert hoax is None


def test_reading_list_marks_themes_only_mentioned(run, two_levels):
    result = run("reading-list", "--theme", "youth", "--level", "mentioned", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "Youth (mentioned)" in result.stdout
    assert run("reading-list", "--theme", "youth").exit_code != 0  # no paper discusses it


def test_synthesis_names_sources_that_only_mention_a_theme(run, two_levels):
    result = run("table", "synthesis", "--theme", "youth", "--level", "mentioned", "--columns", "theme,statement",
                 "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert "The one source (Lestari, 2024) only mentions youth without discussing it." in result.stdout
    indonesian = run("table", "synthesis", "--theme", "youth", "--level", "mentioned", "--lang", "id", "-f", "csv")
    assert "hanya menyebut" in indonesian.stdout


def test_tags_why_says_which_terms_the_subject_test_set_aside(run, tmp_path: Path):
    run("init")
    (tmp_path / "keluhan.md").write_text(
        "---\ntitle: Keluhan Warga tentang Jalan Desa\nyear: 2023\n---\n"
        "Warga menyuarakan keluhan tentang jalan rusak di grup percakapan. Para ibu menyuarakan hal yang sama "
        "lewat foto. Pemuda desa ikut menyuarakan perbaikan jalan kepada kepala dusun.\n",
        encoding="utf-8")
    assert run("add", "keluhan.md").exit_code == 0
    key = json.loads(run("list", "-f", "json").stdout)[0]["key"]
    result = run("tags", key, "--why", "participation")
    assert result.exit_code == 0 and "Political participation: absent" in result.stdout
    assert "names the codebook's subject" in result.stdout
    assert "set aside: menyuarakan (in 3 sentences)" in result.stdout
    data = json.loads(run("tags", key, "--why", "participation", "-f", "json").stdout)
    terms = data["set_aside"].pop("terms")
    assert data["set_aside"] == {"mentions": 0, "words": data["words"], "min_mentions": 2, "min_per_1000_words": 3.0}
    # a pattern is named by the words it matched, not by its expression
    assert terms == {"menyuarakan": 3, "keluhan warga": 1, "warga menyuarakan": 1}
    indonesian = run("tags", key, "--why", "participation", "--lang", "id")
    assert "dikesampingkan: menyuarakan (dalam 3 kalimat)" in indonesian.stdout
    # a theme with no subject-bound match: nothing was set aside, and the usual reason stands
    hoax = json.loads(run("tags", key, "--why", "hoax", "-f", "json").stdout)
    assert "set_aside" not in hoax and hoax["reason"].startswith("no sentence of the paper matches")


def test_tags_why_says_a_paper_about_another_subject_counts_no_term(run, tmp_path: Path):
    run("init")
    (tmp_path / "jamu.md").write_text(
        "---\ntitle: Hoaks Obat Herbal di Grup Keluarga\nyear: 2022\n---\n"
        "Pesan berantai menyebut obat herbal buatan rumah menyembuhkan kanker. Dinas kesehatan menyatakan pesan "
        "itu hoaks. Dokter di rumah sakit daerah meminta pasien tetap berobat dan tidak membagikan berita bohong "
        "soal obat.\n", encoding="utf-8")
    assert run("add", "jamu.md").exit_code == 0
    key = json.loads(run("list", "-f", "json").stdout)[0]["key"]
    result = run("tags", key, "--why", "hoax")
    assert result.exit_code == 0 and "Hoaxes and disinformation: absent" in result.stdout, result.stdout
    assert "it is about something else, so no term counted" in result.stdout
    data = json.loads(run("tags", key, "--why", "hoax", "-f", "json").stdout)
    assert data["set_aside"]["elsewhere"] >= 4  # obat, kanker, kesehatan, dokter, rumah sakit, pasien
    assert data["set_aside"]["terms"] == {"hoaks": 2, "berita bohong": 1}  # the title and one sentence
    indonesian = run("tags", key, "--why", "hoax", "--lang", "id")
    assert "membahas hal lain" in indonesian.stdout
