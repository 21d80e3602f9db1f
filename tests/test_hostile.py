"""Hostile input: crafted files that once copied secrets, hung, crashed or leaked tracebacks.

Each refusal is one line naming the file and the limit; a bad file in a batch is skipped while
the good ones land.
"""

from __future__ import annotations

from litreview.text.sentences import split_sentences


# -- item 4: no recursion in the text functions ------------------------------------------
def test_sentences_of_a_huge_run_without_full_stops():
    text = "Judul\n\n" + "kata " * 200_000 + "akhir."
    spans = split_sentences(text)
    assert len(spans) > 1000
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in spans)
    assert spans[-1].end == len(text)
