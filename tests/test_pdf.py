"""The PDF importer: text, pages, sections and first-page metadata.

Core tests use the fixtures in tests/fixtures/pdf (made by
tests/fixtures/make_pdfs.py); real PDFs from ../shared are read when present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litreview.errors import ImportFailed
from litreview.ingest import pdf, pdf_authors, pdf_banner, pdf_layout
from litreview.model import Paper, Person

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_PDFS = SHARED / "data" / "pdf"


def read_fixture(name: str) -> Paper:
    result = pdf.read((FIXTURES / name).read_bytes(), name)
    assert len(result.papers) == 1
    return result.papers[0]


@pytest.fixture(scope="module")
def article() -> Paper:
    return read_fixture("bilingual_article.pdf")


# --------------------------------------------------------------------------- module contract


def test_module_contract() -> None:
    assert pdf.NAME == "pdf"
    assert pdf.DESCRIPTION == "PDF"
    assert pdf.EXTENSIONS == (".pdf",)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", True),
        (b"\r\n\x00junk before it %PDF-1.4\n", True),
        (b" " * 1030 + b"%PDF-1.4", False),
        (b"@article{key,", False),
        (b"", False),
    ],
)
def test_match(head: bytes, expected: bool) -> None:
    assert pdf.match(head, "x.pdf") is expected


def test_no_heavy_imports_at_module_level() -> None:
    source = Path(pdf.__file__).read_text(encoding="utf-8")
    top_level = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not [line for line in top_level if "pdfium" in line or "pdfplumber" in line]


# --------------------------------------------------------------------------- the bilingual article


def test_titles_in_both_languages(article: Paper) -> None:
    assert article.language == "id"
    assert article.title_id == "Kampanye Digital dan Polarisasi Pemilih pada Pemilu 2024 di Media Sosial"
    assert article.title_en == "Digital Campaigns and Voter Polarisation on Social Media in the 2024 Election"
    assert article.title == article.title_id


def test_authors_without_marks_and_with_mononym(article: Paper) -> None:
    names = [Person(family=p.family, given=p.given, literal=p.literal) for p in article.authors]
    assert names == [
        Person(family="Wulandari", given="Rina"),
        Person(literal="Munadi"),
        Person(family="Saputra", given="Bagus Hadi"),
    ]
    assert article.first_author == "Wulandari"


def test_affiliations_and_emails_apart_from_the_names(article: Paper) -> None:
    assert article.affiliations == [
        "Program Studi Ilmu Komunikasi, Universitas Harapan Bangsa, Jakarta",
        "Departemen Ilmu Politik, Universitas Lembah Hijau, Bandung",
        "Pusat Kajian Demokrasi Digital, Surabaya",
    ]
    # each author's by the marks after the name; the e-mail by the name it holds
    assert [p.affiliation for p in article.authors] == article.affiliations
    assert article.emails == ["rina.wulandari@uhb.example.ac.id"]
    assert [p.email for p in article.authors] == ["rina.wulandari@uhb.example.ac.id", "", ""]


def test_year_journal_doi_issn(article: Paper) -> None:
    assert article.year == 2023  # the volume line, not the creation date (2024) nor "Pemilu 2024"
    assert article.date == "2023"
    assert article.journal == "Jurnal Komunikasi Politik Nusantara"
    assert (article.volume, article.issue, article.pages) == ("7", "2", "101-104")
    assert article.entry_type == "article"
    assert article.doi == "10.99999/jkpn.v7i2.4321"
    assert article.issn == "2301-1234"
    assert not any("creation date" in w for w in article.warnings)


def test_abstracts_and_keywords_in_both_languages(article: Paper) -> None:
    assert article.abstract_id.startswith("Artikel ini menelaah cara partai dan kandidat")
    assert article.abstract_id.endswith("paling sering terpapar konten semacam itu.")
    assert article.abstract_en.startswith("This article examines how parties and candidates")
    assert article.abstract_en.endswith("the most exposed to such content.")
    assert "\n" not in article.abstract_id
    assert article.abstract == article.abstract_id
    assert article.keywords_id == ["kampanye digital", "polarisasi", "media sosial", "Pemilu 2024"]
    assert article.keywords_en == ["digital campaign", "polarisation", "social media", "2024 election"]
    assert article.keywords == article.keywords_id


def test_sections_and_their_pages(article: Paper) -> None:
    assert [(s.kind, s.page) for s in article.sections] == [
        ("abstract", 1),
        ("keywords", 1),
        ("abstract", 1),
        ("keywords", 1),
        ("introduction", 2),
        ("literature_review", 2),
        ("method", 3),
        ("results", 3),
        ("conclusion", 4),
        ("acknowledgements", 4),
        ("references", 4),
    ]
    for section in article.sections:
        assert article.text[section.start :].startswith(section.heading)
        assert article.page_of(section.start) == section.page
    # A sentence that starts like a heading does not open a section.
    assert not any(s.heading.startswith("Hasil penelitian") for s in article.sections)


def test_pages_and_page_starts(article: Paper) -> None:
    assert article.pages_count == 4
    starts = article.page_starts
    assert len(starts) == 4 and starts[0] == 0
    assert starts == sorted(set(starts))
    assert article.text[starts[1] :].startswith("1. PENDAHULUAN")
    assert article.text[starts[3] :].startswith("5. KESIMPULAN")
    assert all(article.text[s - 2 : s] == "\n\n" for s in starts[1:])


def test_running_header_footer_and_page_numbers_removed(article: Paper) -> None:
    assert "Wulandari dkk., Kampanye Digital" not in article.text
    assert "Politik Nusantara 7(2) 2023" not in article.text
    lines = article.text.split("\n")
    assert not [line for line in lines if re.fullmatch(r"10[1-4]", line.strip())]
    # The first page's banner is not a running line: it stays.
    assert article.text.startswith("Jurnal Komunikasi Politik Nusantara, Vol. 7")


def test_hyphenation_joined(article: Paper) -> None:
    assert "pemilih pemula" in article.text
    assert "memakainya untuk" in article.text
    assert "pemi-" not in article.text and "memakai-" not in article.text
    # Across a page break the word moves whole onto the next page.
    assert article.text[article.page_starts[2] :].startswith("kampanye yang dibuat oleh relawan")
    assert "kam-" not in article.text


def test_source_fields(article: Paper) -> None:
    assert article.source_format == "pdf"
    assert article.source_name == "bilingual_article.pdf"
    assert article.warnings == []


def test_title_above_the_other_abstract() -> None:
    paper = read_fixture("title_above_abstract.pdf")
    assert paper.title == paper.title_id == "Literasi Politik Generasi Muda di Era Media Sosial"
    assert paper.title_en == "Political Literacy of Young People in the Age of Social Media"
    faculty = "Fakultas Ilmu Sosial, Universitas Harapan Bangsa"  # one affiliation, unmarked: everyone's
    assert paper.authors == [
        Person(family="Anggraini", given="Dewi", affiliation=faculty),
        Person(literal="Sutrisno", affiliation=faculty),
    ]
    assert paper.affiliations == [faculty]
    assert paper.year == 2022  # from "Diterima ... disetujui ... 2022"
    assert paper.keywords_id == ["literasi politik", "generasi muda", "media sosial"]
    assert paper.keywords_en == ["political literacy", "young people", "social media"]
    assert paper.abstract_en.startswith("This study measures the political literacy")
    assert paper.abstract_id.startswith("Penelitian ini mengukur literasi politik")


# --------------------------------------------------------------------------- bad and odd input


def test_image_only_pdf_imports_with_warning() -> None:
    paper = read_fixture("image_only.pdf")
    assert pdf.NO_TEXT_WARNING in paper.warnings
    assert paper.text == ""
    assert paper.pages_count == 1
    assert paper.title == "Laporan Pemantauan Kampanye Daring Pemilu 2024"  # from the metadata
    assert paper.authors == [Person(family="Lestari", given="Dewi")]


def test_copy_protected_pdf_imports() -> None:
    paper = read_fixture("copy_protected.pdf")
    assert paper.title == "Strategi Kampanye Daring Partai Politik"
    assert paper.authors == [Person(family="Fauzi", given="Ahmad")]
    assert paper.year is None  # the creation date (2024) is not taken for the publication year
    assert any("the PDF was created in 2024" in w for w in paper.warnings)


def test_encrypted_pdf_fails_with_advice() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_fixture("encrypted.pdf")
    assert caught.value.problem.startswith("is encrypted with a password")
    assert "print to PDF" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_blank_pdf_fails() -> None:
    with pytest.raises(ImportFailed, match="blank"):
        read_fixture("blank.pdf")


@pytest.mark.parametrize(
    "data",
    [b"\n", b"x", b"%PDF-1.4\n garbage that is no PDF at all", bytes(range(256)) * 4, b""],
)
def test_garbage_fails(data: bytes) -> None:
    with pytest.raises(ImportFailed) as caught:
        pdf.read(data, "broken.pdf")
    assert caught.value.path == "broken.pdf"
    assert "cannot be opened: damaged or not a PDF" in caught.value.problem


def _minimal_pdf(objects: list[bytes]) -> bytes:
    """A syntactically complete PDF (header, objects, xref, trailer)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_damaged_file_after_encrypted_one_is_not_called_encrypted() -> None:
    with pytest.raises(ImportFailed, match="encrypted"):
        read_fixture("encrypted.pdf")
    with pytest.raises(ImportFailed) as caught:
        pdf.read(
            _minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 0 >>"]), "z.pdf"
        )
    assert "encrypted" not in caught.value.problem


def test_zero_pages_fails() -> None:
    # PDFium refuses to load a document without pages (so the "has no pages"
    # check after loading is a guard): either way a one-line ImportFailed.
    data = _minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    with pytest.raises(ImportFailed, match="has no pages|cannot be opened"):
        pdf.read(data, "zero.pdf")
    one_page = _minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ]
    )
    with pytest.raises(ImportFailed, match="blank"):  # the same builder makes readable files
        pdf.read(one_page, "one.pdf")


def test_metadata_title_used_only_when_plausible() -> None:
    # The article's metadata says "manuscript-final-v3.docx" and author "admin": neither is used.
    article = read_fixture("bilingual_article.pdf")
    assert "docx" not in article.title
    assert all(p.literal != "admin" for p in article.authors)


# --------------------------------------------------------------------------- pieces


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Munadi", Person(literal="Munadi")),
        ("Mikhael Yulius Cobis", Person(family="Cobis", given="Mikhael Yulius")),
        ("HAVILUDDIN", Person(literal="Haviluddin")),
        ("MARTI A. HEARST", Person(family="Hearst", given="Marti A.")),
        ("Ana Cristina Franco da Silva", Person(family="Silva", given="Ana Cristina Franco", particle="da")),
        ("Martin Luther King Jr.", Person(family="King", given="Martin Luther", suffix="Jr.")),
    ],
)
def test_make_person(name: str, expected: Person) -> None:
    assert pdf_authors.make_person(name) == expected


def line(text: str, size: float = 10.0) -> pdf_layout.Line:
    return pdf_layout.Line(
        text=text, marked=text, plain=text, size=size, top=0, bottom=size, x0=0, x1=100, weight=len(text)
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Rina Wulandari|*, Munadi|, Bagus Hadi Saputra|",
            ["Rina Wulandari", "Munadi", "Bagus Hadi Saputra"],
        ),
        ("1)Kristoko Dwi Hartomo, 2)Theophilus Wellem", ["Kristoko Dwi Hartomo", "Theophilus Wellem"]),
        ("Achmad Ghozaly 1) Vivine Nurcahyawati 2)", ["Achmad Ghozaly", "Vivine Nurcahyawati"]),
        ("Eko Nursubiyantoro dan Puryani", ["Eko Nursubiyantoro", "Puryani"]),
        ("Retno Devita, S.Kom M.Kom, Sahari, S.Kom, M.Kom", ["Retno Devita", "Sahari"]),
        ("Dr. Ir. Budi Santoso, M.Si. and Jane Doe", ["Budi Santoso", "Jane Doe"]),
        ("TAL AUGUST, University of Washington, USA", ["TAL AUGUST"]),
        (
            "Ting Huang, Yue-Jiao Gong, Senior Member, IEEE, Sam Kwong, Fellow, IEEE, Hua Wang,",
            ["Ting Huang", "Yue-Jiao Gong", "Sam Kwong", "Hua Wang"],
        ),
        ("Jurusan Sistem Informasi", []),
        ("Program Studi Ilmu Komputer, Universitas Mulawarman", []),
        ("Email: rina@example.ac.id", []),
    ],
)
def test_author_line_names(text: str, names: list[str]) -> None:
    assert pdf_authors._author_line_names(line(text)) == names


@pytest.mark.parametrize(
    ("texts", "year"),
    [
        (["Jurnal Ilmu Politik, Vol. 3, No. 1, Maret 2019, hlm. 1-20", "ISSN 2089-9815"], 2019),
        (["Received: 19 July 2021 Revised: 2 May 2022 Accepted: 22 October 2022"], 2022),
        (["Seminar Nasional IENACO-2014 ISSN: 2337-4349"], 2014),
        (["Some footer (Wahyudi et al., 2018)", "\u00a9 2020 The Authors"], 2020),
        (["ISSN 2089-9815 only"], None),
        (["Diajukan: 29 Desember 2022; Direvisi: 3 Februari 2023; Diterima: 8 Februari 2023"], 2023),
    ],
)
def test_find_year(texts: list[str], year: int | None) -> None:
    lines = [line(t) for t in texts]
    assert pdf_banner.find_year(lines, height=842.0, skip=set()) == year


def test_strip_running_lines() -> None:
    pages = [
        ["JURNAL X Vol. 1 No. 2", "Isi halaman satu.", "1"],
        ["Penulis, Judul Pendek", "Isi halaman dua.", "2"],
        ["Penulis, Judul Pendek", "Isi halaman tiga.", "3"],
        ["Penulis, Judul Pendek", "Isi halaman empat.", "- 4 -"],
    ]
    assert pdf.strip_running_lines(pages) == [
        ["JURNAL X Vol. 1 No. 2", "Isi halaman satu."],
        ["Isi halaman dua."],
        ["Isi halaman tiga."],
        ["Isi halaman empat."],
    ]


def test_clean_pages_joins_pdfium_hyphens() -> None:
    pages = pdf.clean_pages(
        ["kampanye pemi\ufffelih muda\r\nCOVID\ufffe19 wave", "Akhir baris kam-", "panye lagi"]
    )
    assert pages[0] == "kampanye pemilih muda\nCOVID-\n19 wave"
    assert pages[1] == "Akhir baris"
    assert pages[2] == "kampanye lagi"


# --------------------------------------------------------------------------- real files from ../shared


def _real(folder: str) -> list[Path]:
    return sorted((REAL_PDFS / folder).glob("*.pdf")) if (REAL_PDFS / folder).is_dir() else []


needs_shared = pytest.mark.skipif(not REAL_PDFS.is_dir(), reason="../shared/data/pdf not present")


@needs_shared
@pytest.mark.parametrize("path", _real("indonesian"), ids=lambda p: p.name)
def test_real_indonesian_pdfs(path: Path) -> None:
    paper = pdf.read(path.read_bytes(), path.name).papers[0]
    assert paper.language == "id"
    assert len(paper.title) > 15 and paper.title.lower() != path.stem.lower()
    assert paper.authors, "no authors"
    first_page = paper.text[: paper.page_starts[1]] if paper.pages_count > 1 else paper.text
    assert paper.authors[0].surname.lower() in first_page.lower()
    assert len(paper.page_starts) == paper.pages_count
    assert paper.sections
    year_in_name = re.search(r"_((?:19|20)\d\d)_", path.name)
    if year_in_name:
        assert paper.year == int(year_in_name.group(1))


@needs_shared
@pytest.mark.parametrize("path", _real("nasty"), ids=lambda p: p.name)
def test_real_nasty_pdfs_import_or_fail_cleanly(path: Path) -> None:
    try:
        paper = pdf.read(path.read_bytes(), path.name).papers[0]
    except ImportFailed as exc:
        assert "\n" not in str(exc) and exc.problem
        return
    assert paper.title
    if "image" in path.name or "scanned" in path.name:
        assert pdf.NO_TEXT_WARNING in paper.warnings


@needs_shared
def test_real_encrypted_and_protected() -> None:
    nasty = REAL_PDFS / "nasty"
    for name in ("jabref_encrypted.pdf", "pdfplumber_password-example.pdf"):
        with pytest.raises(ImportFailed, match="encrypted with a password"):
            pdf.read((nasty / name).read_bytes(), name)
    for name in ("jabref_empty_870b.pdf",):
        with pytest.raises(ImportFailed, match="blank"):
            pdf.read((nasty / name).read_bytes(), name)
    protected = pdf.read((nasty / "jabref_LNCS-minimal-protected.pdf").read_bytes(), "p.pdf").papers[0]
    assert protected.text and not any("text layer" in w for w in protected.warnings)
    owner_locked = REAL_PDFS / "indonesian" / "id_dafpus_aiti_2009_mvc_orm.pdf"
    assert pdf.read(owner_locked.read_bytes(), owner_locked.name).papers[0].year == 2009


def test_inline_keywords_are_split_off_an_abstract() -> None:
    from litreview.ingest.pdf_abstract import split_inline_keywords

    body = (
        "The system ranks aid recipients by transparent criteria set by the village head."
        " Keywords: Decision Support System, funding control"
    )
    assert split_inline_keywords(body) == (
        "The system ranks aid recipients by transparent criteria set by the village head.",
        "Decision Support System, funding control",
        "en",
    )
    abstrak = "Sistem ini memeringkat penerima bantuan. Kata kunci: sistem pendukung keputusan, dana"
    assert split_inline_keywords(abstrak)[1:] == ("sistem pendukung keputusan, dana", "id")
    plain = "We count keywords: hoaks and kampanye appear often in the corpus"
    assert split_inline_keywords(plain) == (plain, "", "")


def _placed(text: str, size: float, top: float, x0: float = 100.0, x1: float = 480.0) -> pdf_layout.Line:
    return pdf_layout.Line(
        text=text, marked=text, plain=text, size=size, top=top, bottom=top + size, x0=x0, x1=x1, weight=len(text)
    )


def test_title_runs_on_to_a_heading_word_and_past_a_margin_box() -> None:
    from litreview.ingest.pdf_title import find_title, title_text

    lines = [
        _placed("Classifying Product Reviews With a Support", 20.0, 100.0),
        _placed("2021, Vol. 62(1) 89-104", 7.0, 102.0, x0=500.0, x1=580.0),  # margin box beside the title
        _placed("Vector Machine", 20.0, 124.0),
        _placed("Method", 20.0, 148.0, x0=250.0, x1=320.0),  # reads as a heading, but ends the title
        _placed("Rina Wulandari, Budi Santoso", 10.0, 190.0),
        _placed("Abstract", 10.0, 220.0),
    ] + [_placed("Body text of the paper goes on here at length. " * 2, 10.0, 240.0 + 12 * k) for k in range(8)]
    block = find_title(lines, 842.0)
    assert title_text(lines, block) == "Classifying Product Reviews With a Support Vector Machine Method"


def test_letter_spaced_banner_gives_year_and_journal() -> None:
    assert pdf_layout.despace("J u r n a l I D E A L I S V o l . 1 N o . 3 , J u l i 2 0 1 8") == (
        "Jurnal IDEALIS Vol.1 No.3, Juli 2018"
    )
    plain = "Jurnal Informatika Vol 6 No. 1 Februari 2011"
    assert pdf_layout.despace(plain) == plain
    banner = line("J u r n a l I D E A L I S V o l . 1 N o . 3 , J u l i 2 0 1 8 | 416")
    assert pdf_banner.find_year([banner], height=842.0, skip=set()) == 2018
    assert pdf_banner.find_container([banner], 842.0, set()).name == "Jurnal IDEALIS"


def test_missing_authors_and_year_are_warned_not_guessed() -> None:
    from litreview.ingest.pdf_metadata import fill_metadata

    lines = [_placed("A Study of Rainfall Prediction With Neural Networks", 18.0, 100.0)] + [
        _placed("the body of the paper runs on here in the usual size of print " * 2, 10.0, 200.0 + 12 * k)
        for k in range(10)
    ]
    paper = Paper(text="\n".join(ln.text for ln in lines), page_starts=[0])
    fill_metadata(paper, lines, 842.0, {}, "rain.pdf")
    assert paper.title == "A Study of Rainfall Prediction With Neural Networks"
    assert paper.authors == [] and paper.year is None
    assert any(w.startswith("no authors found on the first page") for w in paper.warnings)
    assert any(w.startswith("no publication year on the first page") for w in paper.warnings)


def test_journal_named_after_its_issn() -> None:
    footer = line("ISSN : 2442-5826 e-Proceeding of Applied Science : Vol.1, No.3 Desember 2015 | Page 1654")
    container = pdf_banner.find_container([footer], 842.0, set())
    assert (container.name, container.volume, container.issue) == ("e-Proceeding of Applied Science", "1", "3")


def test_misprinted_doi_link_is_repaired() -> None:
    page = "Digital Object Identifier: https://doi.org/10/25047/jtit.v11i2.5731\nTitle"
    assert pdf_banner.find_doi(page, "", "") == "10.25047/jtit.v11i2.5731"


def test_journal_in_a_margin_box_above_its_volume_line() -> None:
    box = [
        pdf_layout.Line(text=t, marked=t, plain=t, size=7.0, top=top, bottom=top + 7.0, x0=447.0, x1=560.0,
                        weight=len(t))
        for t, top in (("Cornell Hospitality Quarterly", 59.8), ("2021, Vol. 62(1) 89-104", 68.3))
    ]
    container = pdf_banner.find_container(box, 842.0, set())
    assert (container.name, container.volume) == ("Cornell Hospitality Quarterly", "62")
    homepage = line("journal homepage: www.elsevier.com/locate/joi")
    assert pdf_banner.find_container([homepage], 842.0, set()).name == ""


def test_journal_and_year_from_the_next_pages_running_header() -> None:
    page = "Jurnal Teknologi Informasi Dan Terapan (J-TIT) Vol. 11 No. 2 Tahun 2024 ISSN: 2580-2291\nbody text\n125"
    container = pdf_banner.running_container(page)
    assert container.name == "Jurnal Teknologi Informasi Dan Terapan (J-TIT)"
    assert (container.volume, container.year) == ("11", 2024)
    assert pdf_banner.running_container("A heading\nmetode ini (Wahyudi, Jurnal X Vol. 2, 2018)\n3").name == ""
    assert pdf_banner.running_container('[4] A. Budi, "Judul," Jurnal X, vol. 2, no. 1, 2018.\nbody').name == ""


def test_journal_known_by_its_acronym() -> None:
    header = line("JSIKA Vol. 5, No. 6. Tahun 2016 ISSN 2338-137X")
    container = pdf_banner.find_container([header], 842.0, set())
    assert (container.name, container.volume, container.issue) == ("JSIKA", "5", "6")
    assert pdf_banner.find_container([line("Vol. 5, No. 6. Tahun 2016")], 842.0, set()).name == ""


def test_cover_sheets_are_recognised() -> None:
    assert pdf.is_cover_page("See discussions, stats, and author profiles for this publication at: https://x")
    assert pdf.is_cover_page("This copy is for your personal, non-commercial use only.\nScience 321, 395 (2008)")
    assert pdf.is_cover_page("To cite this article: A. Khan (2020) ... Published online: 04 Dec 2020.")
    assert not pdf.is_cover_page("Abstract\nTo cite this work, use the DOI below.\nIntroduction")


@pytest.mark.parametrize(("body", "expected"), [
    # a keyword cut by the line end, its last words closing the list on the next line
    ("Kata Kunci: Kampanye Digital, Pemilih Muda, Relawan\nPolitik Daring.\nRiwayat Artikel:\nDiterima 2024",
     ["Kampanye Digital", "Pemilih Muda", "Relawan Politik Daring"]),
    # a list that ends on its first line: the next lines are not keywords
    ("Kata Kunci: kampanye; pemilih muda; relawan.\nCopyright Jurnal.\nPENDAHULUAN",
     ["kampanye", "pemilih muda", "relawan"]),
    ("Kata Kunci: kampanye; pemilih muda\nThis is an open access article\nI. PENDAHULUAN",
     ["kampanye", "pemilih muda"]),
])
def test_keyword_lines_carried_on(body: str, expected: list[str]) -> None:
    from litreview.ingest.pdf_abstract import _keyword_text
    from litreview.model import Section
    from litreview.text.sections import split_keywords

    section = Section("keywords", "Kata Kunci", 0, len(body))
    assert split_keywords(_keyword_text(body, section)) == expected
