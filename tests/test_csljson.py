"""The CSL-JSON / CSL-YAML importer: names, dates, types, sniffing, real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.errors import ImportFailed
from litreview.ingest import csljson
from litreview.model import Person

FIXTURES = Path(__file__).parent / "fixtures" / "csljson"
SHARED_CSL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "csljson"
needs_shared = pytest.mark.skipif(not SHARED_CSL.is_dir(), reason="../shared/data not present")


@pytest.fixture(scope="module")
def zotero():
    return csljson.read((FIXTURES / "zotero_pemilu.json").read_bytes(), "zotero_pemilu.json")


def test_items_and_bad_item(zotero) -> None:
    assert [p.key for p in zotero.papers] == ["munadi2019buzzer", "kpu2024", "rahadi2023"]
    assert zotero.errors == ["zotero_pemilu.json item 4: not a CSL item (expected an object, found str)"]


def test_names(zotero) -> None:
    assert zotero.papers[0].authors == [
        Person(literal="Munadi"),
        Person(family="Cobis", given="Mikhael Yulius"),
        Person(literal="Haviluddin"),  # family only: one name, not "Haviluddin, "
        Person(family="Berg", given="Jan", particle="van der"),
    ]
    assert zotero.papers[1].authors == [Person(literal="Komisi Pemilihan Umum")]


def test_field_mapping(zotero) -> None:
    paper = zotero.papers[0]
    assert (paper.entry_type, paper.journal, paper.volume, paper.issue) == (
        "article",
        "Jurnal Komunikasi Politik",
        "7",
        "2",
    )
    assert (paper.year, paper.date, paper.pages) == (2019, "2019-10-05", "101-118")
    assert (
        paper.abstract == "Penelitian ini menganalisis peran buzzer politik di media sosial."
    )  # <i> dropped
    assert paper.keywords == ["buzzer", "kampanye", "media sosial"]
    assert paper.extra == {"accessed": "2024-01-15", "translator": "Nugroho, Agus"}
    assert (paper.language, paper.title_en) == (
        "id",
        "The Role of Political Buzzers on Social Media in the 2019 Election",
    )


def test_date_forms_and_types(zotero) -> None:
    report, post = zotero.papers[1], zotero.papers[2]
    assert (report.entry_type, report.date) == ("techreport", "2024-03")  # raw "March 2024"
    assert (post.entry_type, post.date, post.extra["csl_type"]) == ("online", "2023-05", "post-weblog")
    assert csljson.csl_date({"date-parts": [[-333]]}) == (-333, "-0333")
    assert csljson.csl_date([{"year": 2017, "season": 3}]) == (2017, "2017")
    assert csljson.csl_date({"literal": "13th century"}) == (None, "")
    assert csljson.csl_date("2011-05-25~/2012") == (2011, "2011-05-25")


def test_pandoc_yaml() -> None:
    result = csljson.read((FIXTURES / "pandoc_refs.yaml").read_bytes(), "pandoc_refs.yaml")
    chapter, thesis = result.papers
    assert chapter.title == "TikTok dan Pemilih Muda"  # markdown emphasis dropped
    assert chapter.authors == [Person(family="Aisyah", given="Siti Nur"), Person(literal="Priyanto")]
    assert (chapter.entry_type, chapter.date, chapter.pages) == ("incollection", "2023-04", "45-60")
    assert chapter.extra == {"publisher-place": "Yogyakarta"}
    assert (thesis.entry_type, thesis.year, thesis.extra["genre"]) == ("thesis", 2021, "Skripsi")


def test_invalid_json_names_the_line() -> None:
    with pytest.raises(ImportFailed, match=r"invalid JSON at line 2"):
        csljson.read(b'[{"id": "a", "type": "book",\n "title": }]', "broken.json")
    with pytest.raises(ImportFailed, match="no CSL items"):
        csljson.read(b"[]", "empty.json")


def test_match() -> None:
    assert csljson.match(b'[\n  {"id": "a", "type": "article-journal", "title": "T"}]', "a.json")
    assert csljson.match(b'\xef\xbb\xbf{"type": "book", "title": "T"}', "a.json")
    assert csljson.match(b"---\nreferences:\n- id: a\n  type: book\n", "refs.yaml")
    assert csljson.match(b"- id: a\n  type: book\n  title: T\n", "refs.yml")
    assert not csljson.match(b'{"name": "codebook", "themes": []}', "codebook.json")
    assert not csljson.match(b"themes:\n  - id: buzzer\n    label: Buzzer\n", "codebook.yaml")
    assert not csljson.match(b"@article{a, title={x}}", "a.bib")
    assert not csljson.match(b"[" + bytes(range(256)) * 4, "garbage.json")


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    "path", sorted(SHARED_CSL.glob("*")) if SHARED_CSL.is_dir() else [], ids=lambda p: p.name
)
def test_real_file_imports(path: Path) -> None:
    data = path.read_bytes()
    assert csljson.match(data[:8192], path.name)
    result = csljson.read(data, path.name)
    assert result.papers and result.errors == []
    assert all(p.title for p in result.papers)


@needs_shared
@pytest.mark.shared
def test_real_records_spot_checks() -> None:
    items = {
        p.key: p for p in csljson.read((SHARED_CSL / "zbb_csl_yaml_import.yml").read_bytes(), "x.yml").papers
    }
    vogel = items["vogel_cinema_2016"]
    assert (vogel.title, vogel.language, vogel.extra["translator"]) == (
        "Le Cinéma, art subversif",
        "fr",
        "Frégnac, Claude",
    )
    assert "**" not in items["Adams2001"].title
    ordering = {
        p.key: p
        for p in csljson.read(
            (SHARED_CSL / "zbb_deterministic_ordering_1178.csl.json").read_bytes(), "x.json"
        ).papers
    }
    assert ordering["iaaf2019"].authors == [Person(literal="IAAF")]
    assert ordering["brittain2004"].pages == "429-452"
