"""Plain text and Markdown papers: front matter, sections, bilingual fields, encodings."""

import pytest
from conftest import FIXTURES, SHARED, needs_shared

from litreview.errors import ImportFailed
from litreview.ingest import read_file_bytes, sniff
from litreview.text.enrich import enrich


def load(path):
    fmt, result = read_file_bytes(path.read_bytes(), str(path))
    assert fmt == "text"
    return enrich(result.papers[0])


def test_markdown_with_front_matter():
    p = load(FIXTURES / "text" / "relawan-digital.md")
    assert p.title.startswith("Relawan Digital dan Mobilisasi")
    assert [a.display() for a in p.authors] == ["Sari Wulandari", "Bambang"]
    assert p.authors[1].literal == "Bambang"  # a mononym stays one literal name
    assert p.year == 2024 and p.doi.endswith("10.99999/contoh.2024.001")
    assert p.language == "id"
    assert p.title_en.startswith("Digital Volunteers") and p.title_id == p.title
    assert p.abstract_en.startswith("This fixture article")
    assert p.abstract_id.startswith("Artikel contoh ini")
    assert p.extra == {"dataset": "survei daring, n = 120"}
    kinds = [s.kind for s in p.sections]
    assert kinds == ["abstract", "introduction", "method", "results", "conclusion", "references"]
    for s in p.sections:
        assert p.text[s.start:s.end].startswith(s.heading)


def test_citations_in_markdown_skip_the_reference_list():
    p = load(FIXTURES / "text" / "relawan-digital.md")
    found = {(c.authors[0], c.year) for c in p.citations}
    assert found == {("Munadi", "2023"), ("Fahruji", "2023"), ("Sugiyono", "2019"), ("Creswell", "2018"),
                     ("Kruikemeier", "2018"), ("KPU", "2023")}
    refs = next(s for s in p.sections if s.kind == "references")
    assert all(c.start < refs.start for c in p.citations)
    assert not any(c.year == "2024" for c in p.citations)  # "Pemilu 2024", "14 Februari 2024"


def test_text_without_front_matter():
    p = load(FIXTURES / "text" / "catatan-tanpa-metadata.txt")
    assert p.title == "Polarisasi Daring menjelang Pemilu 2024"
    assert p.keywords == ["polarisasi", "ruang gema", "media sosial"] == p.keywords_id
    assert p.abstract.startswith("Catatan uji ini")
    assert p.language == "id"


def test_non_utf8_text_is_detected(tmp_path):
    f = tmp_path / "cp1252.txt"
    f.write_bytes("Partisipasi Politik Pemilih Pemula\n\nAbstrak\nPemilih “muda” di daerah—kota.\n".encode("cp1252"))
    _, result = read_file_bytes(f.read_bytes(), str(f))
    assert "“muda”" in result.papers[0].text
    assert any("not UTF-8" in w for w in result.warnings)


def test_mojibake_is_repaired(tmp_path):
    f = tmp_path / "moji.txt"
    f.write_text("Judul Uji\n\nTinjauan PustakaÂ\nKampanye itu â€œefektifâ€\x9d.Â \n", encoding="utf-8")
    p = load(f)
    assert "Â" not in p.text and "â€" not in p.text
    assert "Tinjauan Pustaka" in [s.heading for s in p.sections]


def test_bad_front_matter_names_the_line(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text("---\ntitle: ok\nyear: [unclosed\n---\nBody\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="bad.md: front matter"):
        read_file_bytes(f.read_bytes(), str(f))


def test_binary_garbage_is_refused():
    with pytest.raises(ImportFailed, match="binary content|not look like"):
        read_file_bytes(b"\x00\x01\x02garbage" * 50, "x.txt")
    with pytest.raises(ImportFailed, match="empty"):
        sniff(b"   \n", "kosong.txt")


@needs_shared
@pytest.mark.parametrize("name", ["000_bb35b432ab8ec3e1.txt", "002_92436bb8d9535eba.txt"])
def test_real_samples(name):
    p = load(SHARED / "samples" / name)
    assert p.language == "id"
    assert "Â" not in p.text
    kinds = {s.kind for s in p.sections}
    assert {"method", "results"} <= kinds
    assert len(p.citations) >= 3


def test_unknown_extension_is_not_taken_for_text():
    with pytest.raises(ImportFailed, match=r"unsupported file type \.odt"):
        sniff(b"Judul makalah\n\nIsi makalah tentang kampanye.\n", "makalah.odt")
    assert sniff(b"Judul\n\nIsi makalah.\n", "catatan").NAME == "text"  # no extension: text is fine


def test_papers_that_quote_bibliographic_formats_stay_papers():
    pandoc = b"---\ntitle: Catatan\nreferences:\n- id: munadi2023\n  type: article-journal\n---\nIsi catatan.\n"
    assert sniff(pandoc, "catatan.md").NAME == "text"
    quoting = b"Cara mengutip di LaTeX\n\n" + b"Isi paragraf. " * 60 + b"\n@article{munadi2023,\n  title={X}\n}\n"
    assert sniff(quoting, "catatan.txt").NAME == "text"
    ris_as_txt = b"\nTY  - JOUR\nTI  - Judul\nAU  - Munadi\nER  - \n"
    assert sniff(ris_as_txt, "pubmed_export.txt").NAME == "ris"
