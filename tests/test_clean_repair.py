"""text.clean's repair gives what ftfy itself gives, though it hands ftfy only the lines that need it."""

from __future__ import annotations

import ftfy
from hypothesis import given
from hypothesis import strategies as st

from litreview.text.clean import _fix_text, clean_text

CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC")


def ftfy_alone(text: str) -> str:
    return ftfy.fix_text(text, config=CONFIG)


# Pieces that ftfy changes (mojibake, entities, ligatures, widths, escapes, controls, line breaks)
# and pieces it leaves, mixed into lines: where a "<" stands decides whether later entities are read.
PIECES = [
    "plain words", "caf\u00c3\u00a9", "\u00e2\u20ac\u2122", "&amp;", "&lt;b&gt;", "&eacute;", "<", ">",
    "\ufb01rst", "\uff21\uff22", "\x1b[31m", "\x07", "\r", "\u2028", "\u0085", "\u00c2\u00a0x", "\u00e9",
    "\u201cquoted\u201d", "\u2013", "A&B", "x < y", "\t", " ", "\n", "\n\n", "\ufffe",
]


@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_same_as_ftfy_on_mixed_lines(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _fix_text(text) == ftfy_alone(text)


@given(st.text(max_size=200))
def test_same_as_ftfy_on_any_text(text: str) -> None:
    assert _fix_text(text) == ftfy_alone(text)


def test_html_entities_after_a_less_than_sign_are_left_as_ftfy_leaves_them() -> None:
    text = "caf\u00c3\u00a9 &amp; tea\nplain line with <tag>\nnext &amp; caf\u00c3\u00a9\n"
    assert _fix_text(text) == ftfy_alone(text) == "caf\u00e9 & tea\nplain line with <tag>\nnext &amp; caf\u00e9\n"


def test_plain_ascii_comes_back_as_it_was() -> None:
    text = "A plain line.\nAnother, with (brackets) and 50% of it.\n"
    assert _fix_text(text) is text
    assert clean_text("Ta\ufb01l  line \n\n\n\nnext") == "Tafil line\n\nnext"
