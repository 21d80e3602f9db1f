"""Which papers a table covers (the tagged ones by default, --all for every record), the note that
says so in every output format and both languages, and a source counted as both (claims, framing)."""

from __future__ import annotations

import csv as csv_module
import io
import json
import zipfile

import pytest
from conftest import ROOT

from litreview.model import Evidence, Facets, Paper, Tag
from litreview.synthesis.claims import build_claims_table, claim_sentences, claims_by_theme
from litreview.synthesis.coverage import Coverage
from litreview.synthesis.review import Entry
from litreview.synthesis.synthesize import build_synthesis
from litreview.themes.codebook import load_codebook

NOTE_EN = "Covers six of the eight records in the library: the papers tagged with at least one theme."
NOTE_ID = "Mencakup enam dari delapan rekaman di pustaka: artikel yang diberi sedikitnya satu tema."


def test_the_note_says_what_is_covered_of_how_many():
    assert Coverage(113, 12).note() == ("Covers 12 of the 113 records in the library: the papers tagged with at "
                                        "least one theme.")
    assert Coverage(113, 12).note("id") == ("Mencakup 12 dari 113 rekaman di pustaka: artikel yang diberi "
                                            "sedikitnya satu tema.")
    assert Coverage(1250, 3, screened=True, level="mentioned").note() == (
        "Covers three of the 1,250 records in the library: the papers discussing or mentioning at least one theme "
        "and included by screening.")
    assert Coverage(1250, 3, screened=True).note("id").startswith("Mencakup tiga dari 1.250 rekaman")
    assert Coverage(4, 4).note() == "Covers all four records in the library (each tagged with at least one theme)."
    assert Coverage(113, 113, every_record=True).note() == ("Covers all 113 records in the library, tagged with a "
                                                            "theme or not.")
    narrowed = Coverage(113, 12, shown=1, filters=[("year", "2023"), ("theme", "Hoaxes")])
    assert narrowed.note().endswith("One of them matches the filters (year 2023; theme Hoaxes).")
    assert narrowed.note("id").endswith("Satu di antaranya sesuai filter (tahun 2023; tema Hoaxes).")
    same = Coverage(113, 12, shown=12, filters=[("theme", "Hoaxes")])
    assert same.note().endswith("papers tagged with at least one theme. Filters: theme Hoaxes.")


@pytest.fixture
def sample(run, sample_corpus):
    return sample_corpus  # a copy of the sample corpus, added and tagged once per test process


def test_every_format_says_what_the_table_covers(run, sample):
    result = run("table", "synthesis", "--format", "json")
    (table,) = json.loads(result.stdout)
    assert table["notes"][0] == NOTE_EN
    assert table["coverage"] == {"library": 8, "covered": 6, "scope": "tagged", "screened": False, "shown": 6,
                                 "filters": {}}
    assert "covering 6 of 8 records: the papers tagged with a theme; --all for every record" in result.stderr
    assert NOTE_EN in run("table", "matrix").stdout  # the terminal table, under the grid
    assert NOTE_EN in run("table", "themes", "--format", "markdown").stdout
    csv = run("table", "matrix", "--format", "csv")  # CSV is data: the line goes to stderr only
    assert NOTE_EN not in csv.stdout and "covering 6 of 8 records" in csv.stderr
    assert len(list(csv_module.reader(io.StringIO(csv.stdout)))) == 7  # a header and the six tagged papers
    latex = run("table", "evidence", "--format", "latex").stdout
    assert "\\noindent Covers six of the eight records in the library" in latex
    assert NOTE_EN in run("table", "claims", "--format", "html").stdout
    for name in ("t.docx", "t.xlsx"):
        assert run("table", "matrix", "--lang", "id", "-o", name).exit_code == 0
        with zipfile.ZipFile(sample / name) as archive:
            xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
        assert NOTE_ID in xml, name
    every = json.loads(run("table", "matrix", "--all", "--format", "json", "--columns", "citation").stdout)[0]
    assert len(every["rows"]) == 8 and every["notes"][0] == ("Covers all eight records in the library, tagged with "
                                                             "a theme or not.")
    narrowed = json.loads(run("table", "matrix", "--year", "2024", "--format", "json").stdout)[0]
    assert narrowed["notes"][0] == NOTE_EN + " Two of them match the filters (year 2024)."
    asked = json.loads(run("table", "synthesis", "--theme", "hoax", "--columns", "theme,risk,both", "--format",
                                 "json").stdout)
    assert [c["key"] for c in asked[0]["columns"]] == ["theme", "risk", "both"]  # empty, but asked for: kept
    # no sample source frames a theme both ways (a keyword list frames nothing): no "both" column, no note
    full = json.loads(run("table", "synthesis", "--format", "json").stdout)[0]
    assert "both" not in [c["key"] for c in full["columns"]] and full["notes"] == [NOTE_EN]
    reading = run("reading-list", "--format", "markdown", "--lang", "id")
    assert NOTE_ID in reading.stdout and "mencakup 6 dari 8 rekaman" in reading.stderr


def test_a_corpus_without_tags_says_to_tag_or_give_all(run, tmp_path):
    assert run("add", "--no-tag", ROOT / "corpus" / "pemilu2024.bib").exit_code == 0
    result = run("table", "synthesis")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "no paper is tagged with a theme yet; run `litreview tag`" in result.stderr and "--all" in result.stderr
    assert run("table", "matrix", "--all", "--format", "csv").exit_code == 0


# -- a source on both sides ------------------------------------------------------------------------
def _entries(sentences: dict[str, list[str]], theme: str) -> tuple[list[Entry], dict[str, list[Evidence]]]:
    entries, evidence = [], {}
    for key, said in sentences.items():
        text = " ".join(said)
        entries.append(Entry(paper=Paper(key=key, title=key, text=text), citation=f"{key[:-4].capitalize()}, "
                             f"{key[-4:]}", tags=[Tag(theme=theme, score=3.0)], facets=Facets()))
        evidence[key] = [Evidence(theme=theme, field="text", start=text.index(s), end=text.index(s) + len(s),
                                  sentence=s, section="results", score=2.0, place="body") for s in said]
    return entries, evidence


# Written for the tests: Budi says the point and, elsewhere, denies it.
CLAIMED = {
    "ana2023": ["Media sosial terbukti meningkatkan partisipasi politik pemilih pemula dalam pemilu."],
    "budi2024": ["Partisipasi politik pemilih pemula meningkat berkat kampanye di media sosial selama pemilu.",
                 "Namun media sosial tidak berpengaruh terhadap partisipasi politik pemilih pemula di daerah "
                 "terpencil."],
    "carr2022": ["Social media increases the political participation of first-time voters in elections."],
    "dewi2024": ["Media sosial tidak berpengaruh terhadap partisipasi politik pemilih pemula dalam pemilu."],
}


def test_a_source_on_both_sides_of_a_claim_is_counted_once_as_both():
    entries, evidence = _entries(CLAIMED, "participation")
    book = load_codebook()
    (claim,) = claims_by_theme(entries, evidence, book, ["participation"])["participation"]
    assert claim.both == {"budi2024"}
    table = build_claims_table(entries, evidence, book, "en", ["participation"])
    row = {k: v.text for k, v in table.rows[0].items()}
    assert (row["supporting"], row["contrary"], row["both"]) == ("Ana, 2023; Carr, 2022", "Dewi, 2024", "Budi, 2024")
    assert row["sources"] == "3"  # the sources that state it: Budi among them, once
    assert row["quotes"].count("(Budi, 2024)") == 2
    assert any(note.startswith("Both sides:") for note in table.notes)
    assert build_claims_table(entries, evidence, book, "id", ["participation"]).columns[5].header == "Kedua sisi"
    english = " ".join(claim_sentences([claim], "en"))
    assert english.startswith("Two sources agree (Ana, 2023; Carr, 2022): \u201c")
    assert "Dewi (2024) states otherwise: \u201c" in english
    assert ("Budi (2024) is counted as both, agreeing and also stating otherwise: \u201cMedia sosial tidak "
            "berpengaruh terhadap partisipasi politik pemilih pemula di daerah terpencil.\u201d") in english
    indonesian = " ".join(claim_sentences([claim], "id"))
    assert indonesian.startswith("Dua sumber sepakat (Ana, 2023; Carr, 2022)")
    assert "Budi (2024) dihitung sebagai keduanya, sepakat sekaligus menyatakan sebaliknya: \u201c" in indonesian
    # without Budi's denial, no source is on both sides and the table has no such column
    plain = dict(CLAIMED, budi2024=CLAIMED["budi2024"][:1])
    entries, evidence = _entries(plain, "participation")
    table = build_claims_table(entries, evidence, book, "en", ["participation"])
    assert "both" not in [c.key for c in table.columns] and len(table.notes) == 1
    assert "counted as both" not in " ".join(claim_sentences(claims_by_theme(entries, evidence, book)[
        "participation"], "en"))


FRAMED = {  # reach as an opportunity, as a risk, and both in one source
    "ana2023": ["Media sosial membuka peluang besar untuk menjangkau pemilih muda di seluruh daerah."],
    "budi2024": ["Jangkauan media sosial menjadi ancaman karena pesan palsu menyebar ke banyak pemilih."],
    "cici2022": ["Jangkauan luas media sosial membuka peluang kampanye yang murah bagi kandidat baru.",
                 "Jangkauan yang sama menjadi ancaman ketika hoaks politik ikut menyebar ke pemilih."],
}


def test_a_source_framing_a_theme_both_ways_is_in_the_both_column_only():
    entries, evidence = _entries(FRAMED, "reach")
    book = load_codebook()
    for lang, header in (("en", "As both"), ("id", "Sebagai keduanya")):
        table = build_synthesis(entries, evidence, book, lang, ["reach"])
        row = {k: v.text for k, v in table.rows[0].items()}
        assert (row["opportunity"], row["risk"], row["both"]) == ("Ana, 2023", "Budi, 2024", "Cici, 2022")
        assert [c.header for c in table.columns][-1] == header
        assert len(table.notes) == 1
    statement = {k: v.text for k, v in build_synthesis(entries, evidence, book, "en", ["reach"]).rows[0].items()}[
        "statement"]
    assert "One of them presents it as an opportunity, one as a risk, and one as both an opportunity and a risk." \
        in statement
    one_way = build_synthesis(*_entries({k: v for k, v in FRAMED.items() if k != "cici2022"}, "reach"), book, "en")
    assert "both" not in [c.key for c in one_way.columns] and not one_way.notes
    from litreview.cli.tables import _keep_columns

    narrow = build_synthesis(entries, evidence, book, "en", ["reach"])
    _keep_columns(narrow, "theme,statement")  # --columns theme,statement
    assert not narrow.notes  # the note on a column not shown goes with it


def test_inline_citations_names_all_of_a_few_sources_and_the_strongest_of_many():
    from litreview.synthesis.synthesize import inline_citations

    few = [("Munadi, 2023", 1.0), ("Cobis & Rusadi, 2023", 2.0), ("Munadi, 2023", 3.0)]
    assert inline_citations(few, "en") == "Cobis & Rusadi, 2023; Munadi, 2023"
    many = [(f"Author{i}, 2020", float(i)) for i in range(1, 8)]  # seven sources, the last the strongest
    assert inline_citations(many, "en") == "e.g., Author5, 2020; Author6, 2020; Author7, 2020"
    assert inline_citations(many, "id") == "antara lain Author5, 2020; Author6, 2020; Author7, 2020"
    tied = [(f"Author{i}, 2020", 1.0) for i in range(7, 0, -1)]  # ties keep the sources' order
    assert inline_citations(tied, "en") == "e.g., Author5, 2020; Author6, 2020; Author7, 2020"


def test_a_theme_with_many_sources_cites_examples_inline_and_all_of_them_in_cited():
    said = "Pesan kampanye di media sosial menjangkau jutaan pengguna dan menjadi viral dalam hitungan jam."
    entries, evidence = _entries({f"{name}{2015 + i}": [said] for i, name in enumerate(
        ["ana", "budi", "cici", "dewi", "eka", "fajar", "gita"])}, "reach")
    entries[3].tags = [Tag(theme="reach", score=9.0, threshold=3.0)]  # Dewi's evidence is the strongest
    book = load_codebook()
    row = {k: v.text for k, v in build_synthesis(entries, evidence, book, "en", ["reach"]).rows[0].items()}
    assert row["statement"].startswith("All seven sources (e.g., Ana, 2015; Budi, 2016; Dewi, 2018) discuss reach.")
    assert row["cited"].count(";") == 6  # all seven in the Cited column
    row = {k: v.text for k, v in build_synthesis(entries, evidence, book, "id", ["reach"]).rows[0].items()}
    assert row["statement"].startswith("Ketujuh sumber (antara lain Ana, 2015; Budi, 2016; Dewi, 2018) membahas "
                                       "jangkauan.")
