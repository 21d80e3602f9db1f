"""The citation finder's narrowed scans find exactly what a scan of the whole text finds."""

from __future__ import annotations

import pytest
from conftest import SHARED, needs_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.text import citations as C

# Pieces of prose, citations and the characters the scans key on, to be mixed at random.
PIECES = [
    "Sari", "Putra", "van Dijk", "Kompas.com", "A. B.", "J.", "dkk.", "et al.", "dan", "and", "&", ", ", " ",
    "2019", "2020a", "1998", "n.d.", "t.t.", "tanpa tahun", "in press", ": 45", ", hlm. 12-14", ", 45", "(", ")",
    ";", "; ", "\n", "-\n", "- \n", "-\r\n", "\u00ad", "\u200b", "\ufeff", "\u00a8", "\u00b4", " \u00b4 ", "o",
    "menurut", "pemilu", "Tabel", "x", "Smith-", "Jones", "ab-", "cd", "\t",
]


def matches(found):  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict(), m.group()) for m in found]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_bare_groups_as_a_whole_scan_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert matches(C._bare_matches(text)) == matches(C._BARE.finditer(text))


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_dropped_characters_as_a_whole_scan_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert matches(C._Cleaned.drops(text)) == matches(C._Cleaned._DROP.finditer(text))


@given(st.text(max_size=300))
def test_both_scans_on_any_text(text: str) -> None:
    assert matches(C._bare_matches(text)) == matches(C._BARE.finditer(text))
    assert matches(C._Cleaned.drops(text)) == matches(C._Cleaned._DROP.finditer(text))


def test_examples() -> None:
    text = ("Seperti ditulis Armanu & Solimun, 2011) dan (Leliana, 2008; Pipes, 1993). "
            "Far\u00a8ber \u00a8 (2019), Smith-\nJones")
    assert [m.group("authors") for m in C._bare_matches(text)] == ["Armanu & Solimun", "Pipes"]
    assert matches(C._Cleaned.drops(text)) == matches(C._Cleaned._DROP.finditer(text))
    assert len(matches(C._Cleaned.drops(text))) == 3


@needs_shared
@pytest.mark.parametrize("folder", ["texts", "samples"])
def test_shared_texts(folder: str) -> None:
    for path in sorted((SHARED / folder).rglob("*"))[:40]:
        if path.is_file() and path.suffix in {".txt", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert matches(C._bare_matches(text)) == matches(C._BARE.finditer(text)), path.name
            assert matches(C._Cleaned.drops(text)) == matches(C._Cleaned._DROP.finditer(text)), path.name


@given(st.text(alphabet=st.sampled_from("ab '\u2019\u2018\u02bc\u00a0\u2009\u202f\u00e9"), max_size=60))
def test_quotes_straightened_as_a_translation_table_does(text: str) -> None:
    assert C._straighten(text) == text.translate(str.maketrans(C._QUOTES))
