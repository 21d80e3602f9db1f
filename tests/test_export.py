"""Exporters: BibTeX others can read, and import -> export -> import round trips for every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litreview.errors import UsageError
from litreview.export import EXPORTERS, export_papers
from litreview.export.bibtex import citation_key, export_bibtex, format_name
from litreview.export.csljson import export_csljson
from litreview.export.ris import export_ris
from litreview.export.yaml import export_yaml
from litreview.ingest import bibtex, csljson, ris
from litreview.model import Paper, Person
from litreview.text.clean import clean_field

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")

READERS = {"bibtex": bibtex.read, "ris": ris.read, "csljson": csljson.read}
FIXTURE_FILES = {
    "bibtex": ["bib/zotero_pemilu.bib", "bib/wos_bom.bib"],
    "ris": ["ris/zotero_pemilu.ris"],
    "csljson": ["csljson/zotero_pemilu.json", "csljson/pandoc_refs.yaml"],
}


def reimport(papers: list[Paper], fmt: str) -> list[Paper]:
    text = export_papers(papers, fmt)
    result = READERS[fmt](text.encode("utf-8"), f"export.{fmt}")
    assert result.errors == []
    return result.papers


def sample_paper() -> Paper:
    return Paper(
        key="munadi2019buzzer",
        title="Kampanye {Digital} & 50% Pemilih_Muda: $1 ~ #tagar ^ \\ -- “kutipan”",
        authors=[
            Person(literal="Munadi"),
            Person(family="Cobis", given="Mikhael Yulius"),
            Person(family="Farabi", given="Ahmad", particle="al-"),
            Person(family="Berg", given="Jan", particle="van der"),
            Person(literal="Komisi Pemilihan Umum"),
            Person(family="Müller", given="Jörg"),
            Person(family="King", given="Martin", suffix="Jr."),
        ],
        authors_truncated=True,
        year=2019,
        date="2019-10-05",
        journal="Jurnal Komunikasi Politik",
        volume="7",
        issue="2",
        pages="101-118",
        doi="10.1234/jkp_v7(2)%55",
        url="https://example.ac.id/a_b?x=1&y=%20",
        language="id",
        abstract="Paragraf satu tentang pemilu dan media sosial.\n\nParagraf dua.",
        keywords=["buzzer", "media sosial"],
        attachments=["files/12/Munadi - 2019.pdf", "C:\\Users\\x;y.pdf"],
    )


# --- BibTeX that pybtex and bibtexparser read ----------------------------------------------


def test_bibtex_is_read_by_pybtex_and_bibtexparser() -> None:
    import bibtexparser
    from pybtex.database import parse_string

    text = export_bibtex([sample_paper(), Paper(title="Tanpa kunci", authors=[Person(literal="Haviluddin")])])
    database = parse_string(text, "bibtex")
    assert list(database.entries) == ["munadi2019buzzer", "haviluddintanpa"]
    persons = database.entries["munadi2019buzzer"].persons["author"]
    assert len(persons) == 8  # seven names and "others"
    assert (persons[0].last_names, persons[0].first_names) == (["{Munadi}"], [])  # one name, not split
    assert str(persons[1]) == "Cobis, Mikhael Yulius"
    assert str(persons[-1]) == "others"
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == ["munadi2019buzzer", "haviluddintanpa"]


def test_bibtex_round_trip_of_a_hard_paper() -> None:
    original = sample_paper()
    (again,) = reimport([original], "bibtex")
    assert again.title == original.title
    assert again.authors == original.authors
    assert again.authors_truncated
    assert (again.date, again.pages, again.doi, again.url) == (
        original.date,
        original.pages,
        original.doi,
        original.url,
    )
    assert again.abstract == original.abstract
    assert again.attachments == original.attachments


def test_literal_names_are_braced() -> None:
    assert format_name(Person(literal="Munadi")) == "{Munadi}"
    assert format_name(Person(literal="Johnson and Johnson")) == "{Johnson and Johnson}"
    assert format_name(Person(family="Farabi", given="Ahmad", particle="al-")) == "al-Farabi, Ahmad"
    assert format_name(Person(family="van Helvoort", given="Antonius")) == "{van Helvoort}, Antonius"
    assert format_name(Person(family="King", given="Martin", suffix="Jr.")) == "King, Jr., Martin"


def test_bilingual_fields_in_bibtex() -> None:
    paper = Paper(
        key="k",
        title="Peran Buzzer Politik",
        title_id="Peran Buzzer Politik",
        title_en="The Role of Political Buzzers",
        language="id",
        abstract="Abstrak.",
        abstract_id="Abstrak.",
        abstract_en="Abstract.",
        keywords=["kampanye"],
        keywords_id=["kampanye"],
        keywords_en=["campaign"],
    )
    text = export_bibtex([paper])
    assert "titleaddon = {The Role of Political Buzzers}" in text
    assert "title_en = {The Role of Political Buzzers}" in text
    assert "langid = {indonesian}" in text
    assert "abstract_en = {Abstract.}" in text and "keywords_en = {campaign}" in text
    (again,) = reimport([paper], "bibtex")
    assert again.metadata() == paper.metadata()


def test_keys_are_unique_and_safe() -> None:
    papers = [
        Paper(key="a b,c", title="X"),
        Paper(key="A B,C", title="Y"),
        Paper(title="Media Sosial", year=2020, authors=[Person(family="Nugroho", given="Agus")]),
    ]
    text = export_bibtex(papers)
    assert "@article{a_b_c," in text and "@article{A_B_Ca," in text
    assert citation_key(papers[2]) == "nugroho2020media"


# --- every format round-trips our fixtures --------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"), [(fmt, name) for fmt, names in FIXTURE_FILES.items() for name in names]
)
def test_fixture_round_trip(fmt: str, name: str) -> None:
    first = READERS[fmt]((FIXTURES / name).read_bytes(), name).papers
    second = reimport(first, fmt)
    keyed = [p for p in first if p.key]
    assert len(second) == len(first)
    for a, b in zip(first, second, strict=True):
        if a.key and sum(p.key == a.key for p in keyed) == 1:  # duplicate keys are renamed on export
            assert b.metadata() == a.metadata()
            assert b.attachments == a.attachments


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson"])
def test_cross_format_keeps_the_essentials(fmt: str) -> None:
    first = bibtex.read((FIXTURES / "bib/zotero_pemilu.bib").read_bytes(), "x.bib").papers[0]
    (again,) = reimport([first], fmt)
    for field in (
        "title",
        "title_id",
        "title_en",
        "authors",
        "year",
        "date",
        "journal",
        "volume",
        "issue",
        "pages",
        "doi",
        "url",
        "language",
        "abstract",
        "abstract_en",
        "keywords",
    ):
        assert getattr(again, field) == getattr(first, field), field


def test_yaml_export_is_metadata() -> None:
    papers = bibtex.read((FIXTURES / "bib/zotero_pemilu.bib").read_bytes(), "x.bib").papers
    data = yaml.safe_load(export_yaml(papers))
    assert data == [p.metadata() for p in papers]
    assert [Paper.from_metadata(d).metadata() for d in data] == data


def test_registry_and_determinism() -> None:
    assert set(EXPORTERS) == {"bibtex", "ris", "csljson", "yaml"}
    papers = [sample_paper()]
    for fmt in EXPORTERS:
        assert export_papers(papers, fmt) == export_papers(papers, fmt)
    with pytest.raises(UsageError, match="unknown export format 'docx'"):
        export_papers(papers, "docx")
    item = json.loads(export_csljson(papers))[0]
    assert item["author"][0] == {"literal": "Munadi"}
    assert item["issued"] == {"date-parts": [[2019, 10, 5]]}
    assert "AU  - Munadi\n" in export_ris(papers)


# --- properties ---------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéöüñçßøåŁčř"
_TEXT = st.text(alphabet=_LETTERS + "0123456789 .,:;!?()[]/&%$#_{}~^\\-'`\"@+=*<>|", min_size=1, max_size=50)
_WORD = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("ABCDEFGHIJKLMNOPRSTUWYÉÖÜŁČ"),
    st.text(alphabet="abcdefghijklmnopqrstuvwyzéöüñç", min_size=1, max_size=8),
).filter(lambda w: w.lower() not in {"jr", "sr", "ii", "iii", "iv", "vi"})  # read as name suffixes, rightly
_PERSON = st.one_of(
    st.builds(lambda w: Person(literal=w), _WORD),
    st.builds(
        lambda f, g: Person(family=f, given=" ".join(g)), _WORD, st.lists(_WORD, min_size=1, max_size=3)
    ),
    st.builds(
        lambda f, g, p: Person(family=f, given=g, particle=p),
        _WORD,
        _WORD,
        st.sampled_from(["van der", "bin", "de", "al-"]),
    ),
    st.builds(
        lambda words: Person(literal="Badan " + " ".join(words)), st.lists(_WORD, min_size=1, max_size=3)
    ),
)
_KEYWORD = st.text(alphabet=_LETTERS + " -", min_size=1, max_size=20).filter(lambda k: k.strip())


@st.composite
def papers(draw) -> Paper:
    year = draw(st.integers(1950, 2030))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    paragraphs = draw(st.lists(_TEXT, min_size=0, max_size=3))
    return Paper(
        key=draw(st.from_regex(r"[a-z][a-z0-9_:-]{0,15}", fullmatch=True)),
        entry_type=draw(
            st.sampled_from(["article", "inproceedings", "book", "incollection", "misc", "online"])
        ),
        title=draw(_TEXT),
        authors=draw(st.lists(_PERSON, max_size=4)),
        authors_truncated=draw(st.booleans()),
        year=year,
        date=f"{year}-{month:02d}" if month else str(year),
        journal=draw(st.one_of(st.just(""), _TEXT)),
        pages=draw(
            st.one_of(
                st.just(""), st.builds(lambda a, b: f"{a}-{a + b}", st.integers(1, 500), st.integers(1, 50))
            )
        ),
        doi=draw(
            # ASCII digits, as real DOIs have ("\d" would also draw fullwidth ones)
            st.one_of(st.just(""), st.from_regex(r"10\.[0-9]{4}/[a-z0-9._;()/:-]{0,19}[a-z0-9]", fullmatch=True))
        ),
        abstract="\n\n".join(paragraphs),
        keywords=draw(st.lists(_KEYWORD, max_size=4, unique_by=lambda k: " ".join(k.split()).lower())),
        note=draw(st.one_of(st.just(""), _TEXT)),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paper=papers())
def test_bibtex_round_trip_property(paper: Paper) -> None:
    (first,) = reimport([paper], "bibtex")
    assert first.title == clean_field(paper.title)
    assert first.journal == clean_field(paper.journal)
    assert first.authors == paper.authors
    assert first.authors_truncated == paper.authors_truncated
    assert (first.year, first.date, first.pages, first.doi) == (
        paper.year,
        paper.date,
        paper.pages,
        paper.doi,
    )
    assert first.keywords == [clean_field(k) for k in paper.keywords]
    (second,) = reimport([first], "bibtex")
    assert second.metadata() == first.metadata()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paper=papers(), fmt=st.sampled_from(["ris", "csljson"]))
def test_ris_and_csl_round_trip_property(paper: Paper, fmt: str) -> None:
    (first,) = reimport([paper], fmt)
    assert first.title == clean_field(paper.title)
    assert first.authors == paper.authors
    assert (first.year, first.date, first.doi) == (paper.year, paper.date, paper.doi)
    (second,) = reimport([first], fmt)
    assert second.metadata() == first.metadata()


@settings(max_examples=60, deadline=None)
@given(batch=st.lists(papers(), min_size=1, max_size=5))
def test_bibtex_export_always_parses_in_pybtex_and_bibtexparser(batch: list[Paper]) -> None:
    import bibtexparser
    from pybtex.database import parse_string

    text = export_bibtex(batch)
    assert len(parse_string(text, "bibtex").entries) == len(batch)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == len(batch)


# --- real files round-trip too ----------------------------------------------------------------


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("bibtex", "bib/small/id_rajeg_kolokat_khas_daftarpustaka.bib"),
        ("bibtex", "bib/small/wos_savedrecs_propithecus_92.bib"),
        ("bibtex", "bib/edge/jabref_testjabref.bib"),
        ("ris", "ris/asreview_baseline_zotero.ris"),
        ("ris", "ris/asreview_pubmed_endnote.txt"),
        ("csljson", "csljson/zbb_deterministic_ordering_1178.csl.json"),
        ("csljson", "csljson/zbb_csl_yaml_import.yml"),
    ],
)
def test_real_file_round_trip(fmt: str, name: str) -> None:
    first = READERS[fmt]((SHARED_DATA / name).read_bytes(), name).papers
    second = reimport(first, fmt)
    assert [p.metadata() for p in second] == [p.metadata() for p in first]


def test_bibtex_value_with_an_at_sign_opening_a_line() -> None:
    """bibtexparser ends an entry at a line that opens with "@", even inside braces."""
    import bibtexparser

    paper = Paper(title="Catatan", authors=[Person(family="Munadi", given="A.")], year=2023,
                  abstract="Ringkasan.\n\n@akun_resmi menjawab warganet.")
    library = bibtexparser.parse_string(export_bibtex([paper]))
    assert library.failed_blocks == [] and len(library.entries) == 1
    (again,) = reimport([paper], "bibtex")
    assert again.abstract == paper.abstract
