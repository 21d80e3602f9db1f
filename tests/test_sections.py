"""Section headings in Indonesian and English, and keyword lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.model import SECTION_KINDS
from litreview.text.sections import detect_sections, section_body, split_keywords

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples"


def kinds(text: str) -> list[str]:
    return [s.kind for s in detect_sections(text)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Abstrak", "abstract"),
        ("ABSTRACT", "abstract"),
        ("Intisari", "abstract"),
        ("Ringkasan:", "abstract"),
        ("Kata kunci", "keywords"),
        ("Key words", "keywords"),
        ("Index Terms", "keywords"),
        ("1. PENDAHULUAN", "introduction"),
        ("BAB I PENDAHULUAN", "introduction"),
        ("Bab 1: Latar Belakang", "introduction"),
        ("I. INTRODUCTION", "introduction"),
        ("1 Introduction", "introduction"),
        ("Background", "introduction"),
        ("II. TINJAUAN PUSTAKA", "literature_review"),
        ("Kajian Pustaka", "literature_review"),
        ("2.1 Landasan Teori", "literature_review"),
        ("Kerangka Teori", "literature_review"),
        ("Related Work", "literature_review"),
        ("Theoretical Framework", "literature_review"),
        ("A. Metode Penelitian", "method"),
        ("Metodologi", "method"),
        ("3. Research Methods", "method"),
        ("Materials and Methods", "method"),
        ("Hasil", "results"),
        ("4. HASIL DAN PEMBAHASAN", "results"),
        ("Analisis dan Pembahasan", "results"),
        ("Results and Discussion", "results"),
        ("Findings", "results"),
        ("Pembahasan", "discussion"),
        ("5 Discussion", "discussion"),
        ("KESIMPULAN DAN SARAN", "conclusion"),
        ("Simpulan", "conclusion"),
        ("Penutup", "conclusion"),
        ("Concluding Remarks", "conclusion"),
        ("Ucapan Terima Kasih", "acknowledgements"),
        ("Acknowledgements", "acknowledgements"),
        ("Acknowledgments", "acknowledgements"),
        ("DAFTAR PUSTAKA", "references"),
        ("Daftar Rujukan", "references"),
        ("Referensi", "references"),
        ("References:", "references"),
        ("Bibliography", "references"),
        ("Lampiran 2", "appendix"),
        ("Appendix A", "appendix"),
        ("Tinjauan Pustaka\u00c2", "literature_review"),  # mojibake left at the line end
        ("\u00a0Metode\u00a0", "method"),
    ],
)
def test_heading_lines(line: str, kind: str) -> None:
    sections = detect_sections(f"Teks sebelumnya.\n{line}\nIsi bagian ini.")
    assert [s.kind for s in sections] == [kind]
    assert sections[0].kind in SECTION_KINDS
    assert sections[0].heading == line.strip(" \u00a0\u00c2:")


@pytest.mark.parametrize(
    "line",
    [
        "Hasil penelitian menunjukkan bahwa media sosial berpengaruh.",
        "Metode yang dipakai adalah analisis isi.",
        "pembahasan",  # a wrapped word, not a heading
        "Metode.",  # a sentence end
        "Results of the survey are mixed",
        "Daftar pustaka yang dipakai dalam penelitian ini cukup banyak",
        "BAB I PENDAHULUAN ..................................... 1",  # table of contents
        "2.1",
    ],
)
def test_sentences_are_not_headings(line: str) -> None:
    assert detect_sections(f"Awal.\n{line}\nLanjutan.") == []


def test_inline_abstract_and_keywords() -> None:
    text = (
        "Abstract\u2014We study campaign posts.\n"
        "Index Terms\u2014social media, elections\n"
        "Abstrak: Kami meneliti unggahan kampanye.\n"
        "Kata kunci - media sosial, pemilu\n"
        "Keywords. a, b\n"
    )
    sections = detect_sections(text)
    assert [(s.kind, s.heading) for s in sections] == [
        ("abstract", "Abstract"),
        ("keywords", "Index Terms"),
        ("abstract", "Abstrak"),
        ("keywords", "Kata kunci"),
        ("keywords", "Keywords"),
    ]
    assert section_body(text, sections[3]) == "media sosial, pemilu"
    assert section_body(text, sections[0]) == "We study campaign posts."


def test_bare_abstract_only_in_front_matter() -> None:
    assert kinds("ABSTRACT This paper studies voters.\n1. Introduction\nText.") == [
        "abstract",
        "introduction",
    ]
    assert kinds("Abstract This paper studies voters.") == ["abstract"]
    # After the body has begun, "Abstract ideas ..." is a sentence.
    assert kinds("1. Introduction\nAbstract ideas matter here.") == ["introduction"]


def test_spans_offsets_and_pages() -> None:
    text = (
        "Judul\nAbstrak\nIsi abstrak.\n1. Pendahuluan\nIsi pendahuluan.\n\n"
        "2. Metode\nIsi metode.\nDaftar Pustaka\nA. (2020)."
    )
    page_starts = [0, text.index("2. Metode")]
    sections = detect_sections(text, page_starts)
    assert [s.kind for s in sections] == ["abstract", "introduction", "method", "references"]
    for section, following in zip(sections, sections[1:] + [None], strict=True):
        assert text[section.start :].startswith(section.heading)
        assert section.end == (following.start if following else len(text))
    assert [s.page for s in sections] == [1, 1, 2, 2]
    assert detect_sections(text)[0].page is None


def test_empty_text() -> None:
    assert detect_sections("") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Kata kunci: media sosial, pemilu, kampanye politik.",
            ["media sosial", "pemilu", "kampanye politik"],
        ),
        ("Keywords: social media; elections; TikTok.", ["social media", "elections", "TikTok"]),
        ("media sosial \u00b7 pemilu \u00b7 Gen Z", ["media sosial", "pemilu", "Gen Z"]),
        ("kampanye - polarisasi - e-voting", ["kampanye", "polarisasi", "e-voting"]),
        ("Index Terms\u2014Twitter, Pilkada DKI 2017", ["Twitter", "Pilkada DKI 2017"]),
        ("Kata Kunci : OOP, UML,, OOP", ["OOP", "UML"]),
        ("KATA KUNCI:\u00a0hoaks;\u00a0literasi digital\u00c2", ["hoaks", "literasi digital"]),
        ("", []),
    ],
)
def test_split_keywords(line: str, expected: list[str]) -> None:
    assert split_keywords(line) == expected


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples not present")
def test_real_indonesian_samples() -> None:
    found = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sections = detect_sections(text)
        found[path.name[:3]] = [s.kind for s in sections]
        for section in sections:
            assert text[section.start : section.end].startswith(section.heading)
            assert not section.heading.endswith("\u00c2")
        # Sentences that start like headings stay in their sections.
        for section in sections:
            assert "menunjukkan" not in section.heading
    assert found["000"] == ["literature_review", "method", "results"]
    assert found["002"] == ["abstract", "introduction", "method", "results"]
