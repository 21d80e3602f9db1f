"""References and in-text citations with citeproc-py (synthesis/references.py) and `litreview cite`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from litreview.errors import NotFound, UsageError, ValidationError
from litreview.model import Paper, Person
from litreview.synthesis.references import (
    Run,
    csl_item,
    format_references,
    html_runs,
    item_language,
    resolve_style,
)

DAFTAR = FIXTURES / "reading" / "daftar.bib"


@pytest.fixture(scope="module")
def apa():
    return resolve_style("apa")


def _paper(key: str, **fields) -> Paper:
    base = {"year": 2023, "entry_type": "article"}
    base.update(fields)
    return Paper(key=key, **base)


MONONYM = _paper("munadi2023", authors=[Person(literal="Munadi")], language="id",
                 title="Relawan muda dan kampanye sebagai gerakan politik",
                 journal="Jurnal ilmu sosial dan politik", volume="7", issue="2", pages="33-48")
TWO = _paper("cobis2023",
             authors=[Person(family="Cobis", given="Mikhael Yulius"), Person(family="Rusadi", given="Udi")],
             title="Kampanye daring dan peluang menang", language="id")
THREE = _paper("fahruji2023", authors=[Person(family="Fahruji", given="Deden"), Person(family="Fahrudin", given="Atef"),
                                       Person(family="Lestari", given="Ayu")],
               title="Partai politik di empat platform", language="id")


def _refs(papers, style, lang="en", citations=True):
    return format_references(papers, style, lang, citations=citations)


# -- exact APA 7 output, English and Indonesian ----------------------------------------------
def test_mononym_is_one_literal_name_and_indonesian_title_keeps_its_case(apa):
    ref = _refs([MONONYM], apa)["munadi2023"]
    assert ref.entry.text == ("Munadi. (2023). Relawan muda dan kampanye sebagai gerakan politik. "
                              "Jurnal ilmu sosial dan politik, 7(2), 33–48.")
    assert "Munadi, ." not in ref.entry.text
    assert ref.parenthetical.text == "(Munadi, 2023)"
    assert ref.narrative.text == "Munadi (2023)"
    assert Run("Jurnal ilmu sosial dan politik", frozenset({"italic"})) in ref.entry.runs


def test_english_items_are_title_cased_and_indonesian_ones_never(apa):
    english = _paper("smith2020", authors=[Person(family="Smith", given="Jane")], title="Youth and turnout",
                     journal="journal of political communication", language="en")
    unknown = _paper("anon", authors=[Person(family="Sari", given="Dewi")], language="",
                     title="Media sosial dan partisipasi politik sebagai ruang warga",
                     journal="jurnal politik dan media")
    refs = _refs([english, unknown], apa, citations=False)
    assert "Journal of Political Communication" in refs["smith2020"].entry.text  # citeproc-py title-cases English
    assert refs["anon"].entry.text == ("Sari, D. (2023). Media sosial dan partisipasi politik sebagai ruang warga. "
                                       "jurnal politik dan media.")  # the title says Indonesian: no "Dan"
    assert item_language(unknown) == "id" and csl_item(unknown, "r0")["language"] == "id"


def test_two_and_three_authors_in_english_and_indonesian(apa):
    en = _refs([TWO, THREE], apa, "en")
    assert en["cobis2023"].entry.text == "Cobis, M. Y., & Rusadi, U. (2023). Kampanye daring dan peluang menang."
    assert en["cobis2023"].parenthetical.text == "(Cobis & Rusadi, 2023)"
    assert en["cobis2023"].narrative.text == "Cobis and Rusadi (2023)"  # APA 8.17: "and" in running text
    assert en["fahruji2023"].parenthetical.text == "(Fahruji et al., 2023)"
    assert en["fahruji2023"].narrative.text == "Fahruji et al. (2023)"
    assert en["fahruji2023"].entry.text.startswith("Fahruji, D., Fahrudin, A., & Lestari, A. (2023).")
    ind = _refs([TWO, THREE], apa, "id")
    assert ind["cobis2023"].parenthetical.text == "(Cobis & Rusadi, 2023)"
    assert ind["cobis2023"].narrative.text == "Cobis dan Rusadi (2023)"
    assert ind["fahruji2023"].parenthetical.text == "(Fahruji dkk., 2023)"
    assert ind["fahruji2023"].narrative.text == "Fahruji dkk. (2023)"


def test_indonesian_locale_dates_and_retrieval(apa):
    page = Paper(key="kpu", entry_type="online", title="Panduan kampanye di media sosial", language="id",
                 authors=[Person(literal="Komisi Pemilihan Umum")], url="https://example.org/panduan",
                 extra={"accessed": "2024-01-05", "csl_type": "webpage"})
    assert _refs([page], apa, "id", citations=False)["kpu"].entry.text == (
        "Komisi Pemilihan Umum. (t.t.). Panduan kampanye di media sosial. "
        "Diakses 5 Januari 2024, dari https://example.org/panduan")
    from_bibtex = Paper(key="kpu", entry_type="online", title="Panduan kampanye di media sosial", language="id",
                        authors=[Person(literal="Komisi Pemilihan Umum")], url="https://example.org/panduan",
                        extra={"urldate": "2024-01-05"})
    assert _refs([from_bibtex], apa, "id", citations=False)["kpu"].entry.text.endswith(
        "Diakses 5 Januari 2024, dari https://example.org/panduan")
    assert _refs([page], apa, "en", citations=False)["kpu"].entry.text == (
        "Komisi Pemilihan Umum. (n.d.). Panduan kampanye di media sosial. "
        "Retrieved January 5, 2024, from https://example.org/panduan")


def test_works_cited_alike_get_year_suffixes_in_title_order(apa):
    second = _paper("anonim2024a", authors=[Person(literal="Anonim")], year=2024, title="Peluang kampanye digital")
    first = _paper("anonim2024", authors=[Person(literal="Anonim")], year=2024, title="Media sosial dan partai")
    refs = _refs([second, first], apa)
    assert refs["anonim2024"].parenthetical.text == "(Anonim, 2024a)"
    assert refs["anonim2024a"].parenthetical.text == "(Anonim, 2024b)"
    assert refs["anonim2024a"].entry.text.startswith("Anonim. (2024b).")
    alone = _refs([second], apa)
    assert alone["anonim2024a"].parenthetical.text == "(Anonim, 2024)"


def test_paper_text_is_text_never_markup(apa):
    odd = _paper("odd", authors=[Person(family="Doe", given="Jo")], language="en",
                 title="Tom <i>and</i> Jerry & x &amp; y [draft]")
    ref = _refs([odd], apa, citations=False)["odd"]
    assert ref.entry.text == "Doe, J. (2023). Tom <i>and</i> Jerry & x &amp; y [draft]."
    assert "&lt;i&gt;" in ref.entry.html


def test_other_styles_numeric_and_author_date(apa):
    ieee = _refs([TWO, THREE], resolve_style("ieee"), "id")
    assert ieee["cobis2023"].entry.text.startswith("[1] M. Y. Cobis dan U. Rusadi,")  # a space after [1]
    assert ieee["fahruji2023"].parenthetical.text == "[2]"
    assert ieee["cobis2023"].narrative.text == "Cobis dan Rusadi [1]"
    chicago = _refs([TWO], resolve_style("chicago-author-date"), "en")
    assert chicago["cobis2023"].parenthetical.text == "(Cobis and Rusadi 2023)"
    assert chicago["cobis2023"].narrative.text == "Cobis and Rusadi (2023)"


def test_numbers_go_on_after_an_offset():
    from litreview.synthesis.references import _build_styles, _entries

    style = _build_styles(resolve_style("ieee"), "en", False).main
    entries = _entries(style, [csl_item(TWO, "r0")], offset=2)
    assert entries[0].startswith("[3] ")


def test_html_runs():
    assert html_runs("A <i>B &amp; C</i>. <b>D</b>") == [
        Run("A "), Run("B & C", frozenset({"italic"})), Run(". "), Run("D", frozenset({"bold"}))]


# -- styles: names, files, errors --------------------------------------------------------------
def test_style_by_name_and_dependent_name():
    assert resolve_style("apa").title == "APA Style 7th edition"
    assert resolve_style(None).name == "apa"
    dependent = resolve_style("nature-digest")  # a journal that uses the "nature" style
    assert dependent.path.name == "nature.csl"


def test_unknown_style_name_suggests_close_names():
    with pytest.raises(UsageError) as caught:
        resolve_style("apaa")
    assert "unknown citation style 'apaa'; did you mean apa," in str(caught.value)
    with pytest.raises(UsageError, match="did you mean modern-language-association"):
        resolve_style("mla")


def test_style_files_missing_malformed_or_not_csl(tmp_path):
    with pytest.raises(NotFound, match="gaya.csl: no such style file"):
        resolve_style(str(tmp_path / "gaya.csl"))
    broken = tmp_path / "broken.csl"
    broken.write_text('<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout>')
    with pytest.raises(ValidationError, match=r"broken\.csl: not a CSL style: line 1: .*malformed XML"):
        resolve_style(str(broken))
    other = tmp_path / "other.csl"
    other.write_text("<rss/>")
    with pytest.raises(ValidationError, match="the root element is <rss>"):
        resolve_style(str(other))
    no_citation = tmp_path / "empty.csl"
    no_citation.write_text('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info/></style>')
    with pytest.raises(ValidationError, match="empty.csl: not a usable CSL style: it has no <citation>"):
        resolve_style(str(no_citation))
    macro = tmp_path / "macro.csl"
    macro.write_text('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>X</title></info>'
                     '<citation><layout><text macro="author"/></layout></citation></style>')
    with pytest.raises(ValidationError, match="line 1 calls the macro 'author', which it does not define"):
        resolve_style(str(macro))
    with pytest.raises(UsageError, match="is a directory"):
        resolve_style(str(tmp_path) + "/")


def test_a_csl_file_of_ones_own_formats(tmp_path):
    own = tmp_path / "sederhana.csl"
    own.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>Sederhana</title><id>x</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout prefix="(" suffix=")"><group delimiter=" ">'
        '<names variable="author"><name form="short" and="symbol"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group></layout></citation>'
        '<bibliography><layout><names variable="author"><name/></names><text variable="title" prefix=". "/>'
        "</layout></bibliography></style>")
    style = resolve_style(str(own))
    assert style.title == "Sederhana"
    ref = _refs([TWO], style, "id")["cobis2023"]
    assert ref.entry.text == "Mikhael Yulius Cobis, Udi Rusadi. Kampanye daring dan peluang menang"
    assert ref.parenthetical.text == "(Cobis & Rusadi 2023)"
    assert ref.narrative.text == "Cobis dan Rusadi (2023)"


# -- the command ------------------------------------------------------------------------------
@pytest.fixture
def daftar(run, tmp_path) -> Path:
    assert run("add", "--no-tag", DAFTAR).exit_code == 0
    return tmp_path


def test_cite_prints_references_and_both_citations(run, daftar):
    result = run("cite", "munadi2021", "smith2020")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "References",
        "Style: APA Style 7th edition",
        "",
        "  Munadi. (2021). Relawan digital dan mobilisasi pemilih sebagai strategi kampanye. Jurnal ilmu",
        "    sosial dan politik, 4(1), 1–15.",  # a hanging indent
        "      Parenthetical: (Munadi, 2021)",
        "      Narrative: Munadi (2021)",
        "  Smith, J., & Doe, J. (2020). Social media and youth turnout. Journal of Political Communication.",
        "      Parenthetical: (Smith & Doe, 2020)",
        "      Narrative: Smith and Doe (2020)",
    ]
    assert result.stderr == ""  # no citeproc-py warnings


def test_cite_in_indonesian_as_markdown(run, daftar):
    result = run("cite", "putri2022", "smith2020", "--lang", "id", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "- Putri, A. L., Nugroho, B., & Santoso, C. (2022). Hoaks politik \\[ulasan\\] dan \\<b\\>literasi" \
           "\\</b\\> warga. *Jurnal Komunikasi*." in result.stdout
    assert "  *Parentetis:* (Putri dkk., 2022)" in result.stdout
    assert "  *Naratif:* Smith dan Doe (2020)" in result.stdout


def test_cite_bad_input_is_one_line(run, daftar, tmp_path):
    cases = [
        (("cite", "munadi2012"), 1, "error: no paper with key 'munadi2012'; did you mean munadi2021?"),
        (("cite", "smith2020", "--style", "apa-seven"), 2, "error: unknown citation style 'apa-seven'; did you mean"),
        (("cite", "smith2020", "--style", "hilang.csl"), 1, "error: hilang.csl: no such style file"),
        (("cite", "smith2020", "-o", "x.pdf"), 2, "error: x.pdf: cannot tell the format from the extension"),
        (("cite", "smith2020", "--format", "pdf"), 2, "error: --format 'pdf': choose one of terminal, markdown"),
    ]
    (tmp_path / "rusak.csl").write_text("<style")
    cases.append((("cite", "smith2020", "--style", "rusak.csl"), 1, "error: rusak.csl: not a CSL style: line 1"))
    for args, code, message in cases:
        result = run(*args)
        assert result.exit_code == code, (args, result.output)
        assert result.stderr.startswith(message), (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_cite_with_a_csl_file_the_schema_finds_fault_with(run, daftar, tmp_path):
    (tmp_path / "longgar.csl").write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>Longgar</title>'
        '</info><citation><layout><names variable="author"><name form="short"/></names></layout></citation>'
        '<bibliography><layout><text variable="title" bogus="1"/></layout></bibliography></style>')
    result = run("cite", "smith2020", "--style", "longgar.csl")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("warning: longgar.csl: does not follow the CSL schema (")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "  Social media and youth turnout" in result.stdout


def test_cite_writes_bibtex_and_csljson_of_the_keys_only(run, daftar, tmp_path):
    assert run("cite", "smith2020", "munadi2021", "-o", "dua.bib").exit_code == 0
    bib = (tmp_path / "dua.bib").read_text()
    assert bib.count("@article{") == 2 and "putri2022" not in bib and "{Munadi}" in bib
    assert run("cite", "smith2020", "-o", "satu.json").exit_code == 0
    import json

    assert [item["id"] for item in json.loads((tmp_path / "satu.json").read_text())] == ["smith2020"]


def test_many_references_are_formatted_alike_on_two_cores(monkeypatch):
    from litreview.synthesis import references

    papers = [_paper(f"p{i}", authors=[Person(family=f"Penulis{i % 3}", given="B.")], title=f"Judul nomor {i}",
                     language="id") for i in range(7)]
    serial = format_references(papers, resolve_style("ieee"), "en")
    monkeypatch.setattr(references, "PARALLEL_MIN_ITEMS", 2)
    monkeypatch.setattr(references, "_CHUNK", 3)  # three chunks: numbers go on across them
    parallel = format_references(papers, resolve_style("ieee"), "en")
    assert parallel == serial
    assert parallel["p6"].entry.text.startswith("[7] B. Penulis0,")
