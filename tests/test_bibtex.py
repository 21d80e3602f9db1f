"""The BibTeX importer: parsing, error recovery, field mapping, LaTeX decoding, real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.errors import ImportFailed
from litreview.ingest import bibtex, fields
from litreview.model import Person
from litreview.text.latex import latex_to_unicode

FIXTURES = Path(__file__).parent / "fixtures" / "bib"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SHARED_BIB = SHARED / "data" / "bib"
needs_shared = pytest.mark.skipif(not SHARED_BIB.is_dir(), reason="../shared/data not present")


def read_text(text: str, name: str = "test.bib"):
    return bibtex.read(text.encode("utf-8"), name)


@pytest.fixture(scope="module")
def zotero():
    return bibtex.read((FIXTURES / "zotero_pemilu.bib").read_bytes(), "zotero_pemilu.bib")


def by_key(result, key):
    return next(p for p in result.papers if p.key == key)


# --- the Zotero-style fixture -------------------------------------------------


def test_good_entries_survive_a_broken_one(zotero) -> None:
    assert [p.key for p in zotero.papers] == [
        "munadi2019buzzer",
        "haviluddin2020hoaks",
        "ahmad2022",
        "siti2023",
        "bunga2023",
        "munadi2019buzzer",
    ]
    assert len(zotero.errors) == 1
    error = zotero.errors[0]
    assert error.startswith("zotero_pemilu.bib line 35: entry 'broken2021': ")
    assert "'{'" in error  # says what to look for


def test_mononyms_institutions_and_inverted_names(zotero) -> None:
    paper = by_key(zotero, "munadi2019buzzer")
    assert paper.authors == [
        Person(literal="Munadi"),
        Person(family="Cobis", given="Mikhael Yulius"),
        Person(literal="Komisi Pemilihan Umum"),
    ]


def test_field_mapping(zotero) -> None:
    paper = by_key(zotero, "munadi2019buzzer")
    assert paper.entry_type == "article"
    assert paper.journal == "Jurnal Komunikasi Politik"  # journaltitle via @string macro
    assert (paper.year, paper.date) == (2019, "2019-10-05")
    assert (paper.volume, paper.issue, paper.pages) == ("7", "2", "101-118")
    assert paper.doi == "10.1234/jkp.v7i2.55"
    assert paper.url == "https://jurnal.example.ac.id/jkp/article/view/55"
    assert paper.keywords == ["buzzer", "kampanye", "media sosial"]
    assert paper.extra == {"extra": "Dataset: tweets 2018-2019"}  # unknown fields are kept
    assert paper.source_record == "munadi2019buzzer"
    assert paper.source_format == "bibtex"


def test_file_field_becomes_attachments(zotero) -> None:
    assert by_key(zotero, "munadi2019buzzer").attachments == [
        "files/12/Munadi - 2019 - Peran Buzzer Politik.pdf",
        "files/13/view.html",
    ]
    assert by_key(zotero, "ahmad2022").attachments == [
        "C:/Users/putri/Documents/Mendeley Desktop/ahmad2022.pdf"
    ]


def test_bilingual_title_and_abstract(zotero) -> None:
    paper = by_key(zotero, "munadi2019buzzer")
    assert paper.language == "id"
    assert paper.title == paper.title_id == "Peran Buzzer Politik di Media Sosial pada Pemilu 2019"
    assert paper.title_en == "The Role of Political Buzzers on Social Media in the 2019 Election"
    assert paper.abstract == paper.abstract_id
    assert paper.abstract_id.startswith("Penelitian ini")
    assert paper.abstract_en.startswith("This study")
    assert "titleaddon" not in paper.extra


def test_latex_accents_and_specials(zotero) -> None:
    paper = by_key(zotero, "ahmad2022")
    assert paper.title == "Müller, Gödel and ß: Straße à la École — 50% & more"
    assert paper.journal == "New Media & Society"
    assert paper.authors[0] == Person(family="Farabi", given="Ahmad", particle="al-")
    assert paper.authors[1] == Person(family="Berg", given="Jan", particle="van der")
    assert paper.keywords == ["polarisasi", "demokrasi digital"]
    hoaks = by_key(zotero, "haviluddin2020hoaks")
    assert hoaks.title == "Deteksi Hoaks Pemilu dengan Naïve Bayes"
    assert hoaks.authors_truncated and len(hoaks.authors) == 2
    assert (hoaks.entry_type, hoaks.date, hoaks.journal) == (
        "inproceedings",
        "2020-03",
        "Prosiding Seminar Nasional Ilmu Komputer",
    )


def test_crossref_child_inherits_from_parent(zotero) -> None:
    child = by_key(zotero, "siti2023")
    assert child.journal == "Bunga Rampai Komunikasi Politik Digital"
    assert child.editors == [Person(family="Nugroho", given="Agus")]
    assert (child.publisher, child.year) == ("Penerbit Kampus", 2023)
    assert child.extra["crossref"] == "bunga2023"


def test_commented_out_entry_is_skipped_and_duplicates_are_kept(zotero) -> None:
    assert not any(p.key == "commented2018" for p in zotero.papers)
    assert sum(p.key == "munadi2019buzzer" for p in zotero.papers) == 2
    second = zotero.papers[-1]
    assert second.warnings == ["line 69: duplicate key 'munadi2019buzzer' (also at line 4); both kept"]


def test_web_of_science_bom_capitalised_fields_and_leading_space_key() -> None:
    result = bibtex.read((FIXTURES / "wos_bom.bib").read_bytes(), "wos_bom.bib")
    (paper,) = result.papers
    assert paper.key == "WOS:000111222333444"
    assert paper.title == "SOCIAL MEDIA AND VOTER TURNOUT IN INDONESIA"
    assert paper.authors == [Person(family="Cobis", given="Mikhael Yulius"), Person(literal="Munadi")]
    assert (paper.date, paper.language) == ("2020-12", "en")
    assert paper.keywords == ["elections", "Indonesia", "Twitter"]
    assert paper.extra == {"keywords-plus": "PARTICIPATION"}


def test_no_entries_raises() -> None:
    with pytest.raises(ImportFailed, match="no BibTeX entries found"):
        bibtex.read((FIXTURES / "no_entries.bib").read_bytes(), "no_entries.bib")


# --- syntax corner cases -----------------------------------------------------------


def test_missing_comma_between_fields_is_reported_with_line_and_key() -> None:
    result = read_text(
        "@article{a,\n  title = {One},\n  year = 2020\n}\n\n"
        "@article{b,\n  title = {Two}\n  year = {2021}\n}\n\n"
        "@article{c,\n  title = {Three}\n}\n"
    )
    assert [p.key for p in result.papers] == ["a", "c"]
    assert len(result.errors) == 1
    assert result.errors[0].startswith("test.bib line 6: entry 'b': ")


def test_syntax_only_pybtex_accepts_goes_through_pybtex() -> None:
    # no comma after the key: the fast scanner refuses, pybtex reads it
    result = read_text("@article{nokeycomma title = {Kampanye}, year = 2019}\n@misc{x, title = {Y}}")
    assert [p.key for p in result.papers] == ["nokeycomma", "x"]
    assert result.papers[0].title == "Kampanye"


def test_keyless_entry_round_parentheses_and_concatenation() -> None:
    result = read_text(
        '@string{pub = "Penerbit"}\n'
        "@article{\n  author = {Huang, Y.},\n  title = {Keyless},\n  year = {2012}\n}\n"
        '@techreport(McD:72, author = "McDermott, Drew V.", publisher = pub # { Kampus},'
        " title = {{\\sc CONNIVER}})"
    )
    keyless, paren = result.papers
    assert (keyless.key, keyless.source_record, keyless.title) == ("", "line 2", "Keyless")
    assert (paren.key, paren.publisher, paren.title) == ("McD:72", "Penerbit Kampus", "CONNIVER")


def test_undefined_macro_is_kept_as_written_with_a_warning() -> None:
    result = read_text("@article{a, journal = JKP, title = {T}}")
    assert result.papers[0].journal == "JKP"
    assert result.papers[0].warnings == ["line 1: undefined @string macro JKP, kept as written"]
    two = read_text("@article{a, journal = JKP, publisher = PKP, title = {T}}")
    assert two.papers[0].warnings == ["line 1: undefined @string macros JKP, PKP, kept as written"]


def test_text_after_an_early_closing_brace_is_flagged() -> None:
    result = read_text("@article{a,\n  title = {T}},\n  year = {2020}\n}\n@article{b, title = {U}}")
    assert [p.key for p in result.papers] == ["a", "b"]
    assert any(w.startswith("line 1: ") and "closing brace" in w for w in result.papers[0].warnings)
    assert result.papers[1].warnings == []


def test_comments_and_at_signs_between_entries() -> None:
    result = read_text(
        "Mail me at someone@example.org\n@comment{jabref-meta: x @article{fake, title={F}}}\n"
        '@Comment this is not an entry\n@preamble{"\\newcommand{\\x}{}"}\n@misc{real, title={R}}'
    )
    assert [p.key for p in result.papers] == ["real"]
    assert result.errors == []


def test_unknown_entry_type_is_kept() -> None:
    result = read_text("@reallyunknowntype{t, title = {X}}\n@conference{c, title = {Y}}")
    assert [p.entry_type for p in result.papers] == ["reallyunknowntype", "inproceedings"]


def test_year_that_is_not_a_year_is_kept_in_extra() -> None:
    (paper,) = read_text("@article{a, title = {T}, year = {in press}}").papers
    assert paper.year is None
    assert paper.extra["year"] == "in press"
    assert any("not a year" in w for w in paper.warnings)


def test_abstract_paragraphs_are_kept() -> None:
    (paper,) = read_text("@article{a, title={T}, abstract = {First  line\n  continues.\n\n  Second.}}").papers
    assert paper.abstract == "First line continues.\n\nSecond."


# --- helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"{\"o}", "ö"),
        (r"\'e and \'{e}", "é and é"),
        (r"{\ss}", "ß"),
        ("1--10", "1–10"),
        ("a---b", "a—b"),
        (r"\"{\i}", "ï"),
        (r"\'{\i}", "í"),
        (r"{\v R}eh{\r u}{\v r}ek", "Řehůřek"),
        (r"Fran\c{c}ois", "François"),
        (r"\c c", "ç"),
        (r"{\o}re", "øre"),
        (r"\L{}\'od\'z", "Łódź"),
        ("{Komisi {P}emilihan} Umum", "Komisi Pemilihan Umum"),
        (r"\emph{Hello} world", "Hello world"),
        (r"{\em x} {\bf y}", "x y"),
        (r"50\% \& \_ \# \$", "50% & _ # $"),
        (r"\{x\}", "{x}"),
        (r"\textbraceleft{}x\textbraceright{}", "{x}"),
        (r"\textbackslash{}n", "\\n"),
        ("``quoted''", "“quoted”"),
        ("a~b", "a b"),
        (r"Cu$_2$O", "Cu₂O"),
        (r"$x^2$", "x²"),
        (r"$\alpha$-test", "α-test"),
        (r"\url{http://a.b/c}", "http://a.b/c"),
        (r"\href{http://a.b}{Tautan}", "Tautan"),
        (r"{\noopsort{1973b}}1973", "1973"),
        (r"\LaTeX{} text", "LaTeX text"),
        (r"\unknowncommand{kept}", "kept"),
        (r"\aap", "aap"),
        ("plain text", "plain text"),
    ],
)
def test_latex_to_unicode(latex: str, text: str) -> None:
    assert latex_to_unicode(latex) == text


@pytest.mark.parametrize(
    ("raw", "paths"),
    [
        ("Full Text:files/1/a.pdf:application/pdf", ["files/1/a.pdf"]),
        (":/home/u/a b.pdf:PDF;:/home/u/c.pdf:PDF", ["/home/u/a b.pdf", "/home/u/c.pdf"]),
        (r"C\:\\Users\\a.pdf", ["C:\\Users\\a.pdf"]),
        (r":C$\backslash$:/Users/u/Mendeley/a.pdf:pdf", ["C:/Users/u/Mendeley/a.pdf"]),
        ("papers/plain.pdf", ["papers/plain.pdf"]),
        ("", []),
    ],
)
def test_parse_file_field(raw: str, paths: list[str]) -> None:
    assert bibtex.parse_file_field(raw) == paths


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020/05/01/", (2020, "2020-05-01")),
        ("2019///", (2019, "2019")),
        ("2024-06-20", (2024, "2024-06-20")),
        ("2011-05-25~/2012-06-26", (2011, "2011-05-25")),
        ("Mar 16 2012", (2012, "2012-03-16")),
        ("24-27 Sept. 2019", (2019, "2019-09")),
        ("20160512", (2016, "2016-05-12")),
        ("10 15", (None, "")),
        ("5 Agustus 2023", (2023, "2023-08-05")),
        ("2017-14", (2017, "2017")),
        ("in press", (None, "")),
    ],
)
def test_parse_date(text: str, expected: tuple) -> None:
    assert fields.parse_date(text) == expected


def test_small_helpers() -> None:
    assert fields.normalize_doi("https://doi.org/10.1000/ABC.1") == "10.1000/ABC.1"
    assert fields.normalize_doi("doi: 10.1000/x.") == "10.1000/x"
    assert [
        fields.language_code(x) for x in ("English", "en-US", "indonesian", "Bahasa Indonesia", "ind", "xx")
    ] == ["en", "en", "id", "id", "id", ""]
    assert [fields.month_number(x) for x in ("may", "DEC", "Desember", "6", "13", "Mayor")] == [
        5,
        12,
        12,
        6,
        None,
        None,
    ]
    assert fields.split_keywords("a; b, c; a") == ["a", "b, c"]
    assert fields.split_keywords("a, b ,, c") == ["a", "b", "c"]


# --- sniffing ----------------------------------------------------------------------


def test_match() -> None:
    assert bibtex.match(b"@article{key,\n title = {x}}", "a.bib")
    assert bibtex.match(b"\xef\xbb\xbf% comment\n@ARTICLE{ WOS:000,\n", "savedrecs.txt")
    assert bibtex.match(b"@string{jkp = {J}}\n", "x")
    assert not bibtex.match(b"TY  - JOUR\nTI  - x\nER  - \n", "a.ris")
    assert not bibtex.match(b'[{"id": "a", "type": "book"}]', "a.json")
    assert not bibtex.match(b"Email: someone@example.org {not bibtex}", "a.txt")
    assert not bibtex.match(bytes(range(256)) * 8 + b"\n@article{x,", "garbage.bib")
    assert not bibtex.match(b"\x00\x01\x02@article{x, title={y}}", "garbage.bib")


def test_jabref_encoding_header_is_honoured() -> None:
    data = "% Encoding: windows-1252\n@article{a, title = {Jörg’s café}}\n".encode("cp1252")
    assert bibtex.read(data, "legacy.bib").papers[0].title == "Jörg’s café"


def test_binary_content_raises() -> None:
    with pytest.raises(ImportFailed):
        bibtex.read(b"\x00\x01\x02\x03" * 100, "garbage.bib")


# --- real exports (../shared) ------------------------------------------------------------


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    "path", sorted(SHARED_BIB.glob("*/*.bib")) if SHARED_BIB.is_dir() else [], ids=lambda p: p.name
)
def test_real_file_imports(path: Path) -> None:
    result = bibtex.read(path.read_bytes(), path.name)
    assert result.papers
    assert result.errors == []
    assert bibtex.match(path.read_bytes()[:8192], path.name)


@needs_shared
@pytest.mark.shared
def test_real_records_spot_checks() -> None:
    def load(name: str):
        path = next(SHARED_BIB.glob(f"*/{name}"))
        return {p.key: p for p in bibtex.read(path.read_bytes(), name).papers}

    ring = load("zbb_Wrong_ring-above_import_1115.bib")["rehurek_lrec"]
    assert ring.authors[0] == Person(family="Řehůřek", given="Radim")
    assert ring.date == "2010-05-22"
    skripsi = load("id_skripsweet_daftar-pustaka.bib")["Nuryake"]
    assert [p.inverted() for p in skripsi.authors][:3] == [
        "Fajaryati, Nuryake",
        "Priyanto",
        "Sukardiyono, Totok",
    ]
    wos = load("wos_savedrecs_propithecus_92.bib")
    assert all(key.startswith("WOS:") for key in wos)
    assert any(p.authors and p.authors[-2].suffix == "Jr." for p in wos.values())
    commented = load("id_utdi_skripsi_daftar-pustaka.bib")
    assert "smith2020" not in commented and "abdillahfudholi2024" in commented


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [
        "pybtex_xampl.bib",
        "pybtex_tugboat.bib",
        "jabref_testjabref.bib",
        "wos_savedrecs_propithecus_92.bib",
        "id_rajeg_kolokat_khas_daftarpustaka.bib",
    ],
)
def test_fast_scanner_reads_what_pybtex_reads(name: str) -> None:
    from pybtex.database.input.bibtex import LowLevelParser, month_names
    from pybtex.utils import CaseInsensitiveDict

    from litreview.text.encoding import decode_text

    path = next(SHARED_BIB.glob(f"*/{name}"))
    text, _ = decode_text(path.read_bytes(), name)
    ours = [(e.key, e.fields) for e in bibtex._Scanner(text).entries()[0]]
    theirs = [
        (body[0], [(field.lower(), "".join(parts)) for field, parts in body[1]])
        for command, body in LowLevelParser(text, macros=CaseInsensitiveDict(month_names))
        if command.lower() not in ("string", "preamble")
    ]
    assert ours == theirs


def test_web_of_science_export_names_its_database_and_times_cited():
    from litreview.ingest.bibtex import read

    entry = (b"@article{ WOS:000298440000034,\nAuthor = {Siregar, Budi},\nTitle = {Pemilih muda dan media sosial},\n"
             b"Year = {2021},\nTimes-Cited = {7},\nUnique-ID = {WOS:000298440000034},\n}\n")
    paper = read(entry, "savedrecs.bib").papers[0]
    assert paper.origin == {"database": "Web of Science", "source": "wos-bibtex",
                            "record_id": "WOS:000298440000034", "cited_by": "7"}
    assert paper.extra["times-cited"] == "7"  # kept as exported too
    plain = read(b"@article{x, title={T}, author={A, B}, year={2020}}\n", "x.bib").papers[0]
    assert plain.origin == {}
