"""The words of a text as ``morphology.WORD`` finds them, without an object per word.

The tagger looks up every word of a text but needs the offsets of only the few words a
codebook term matches, and, per sentence, how many words stand before it. Both come from the
text's *shape*: one byte per character, ``a`` for a word character (a letter or a digit),
a space for any other, behind one leading space. A word starts where the shape reads " a",
so the words before an offset are counted with ``bytes.count`` and the next word is found
with ``bytes.find``. The word strings come from the text with every other character blanked,
split at the blanks. An ASCII text is blanked by one byte translation; in another text the few
word characters beyond ASCII (é, ß, ı, 𝑥) are found by a regular expression, stand as a
placeholder letter in the translation, and their words are read again from the text itself.
"""

from __future__ import annotations

import re

_WORD_CHARACTER = [chr(c).isalnum() for c in range(128)]  # ASCII: what [^\W_] matches
_BLANKED = bytes(c if c < 128 and _WORD_CHARACTER[c] else 0x20 for c in range(256))
_SHAPE = bytes(0x61 if c < 128 and _WORD_CHARACTER[c] else 0x20 for c in range(256))
_OTHER_WORD_CHARACTER = re.compile(r"[^\W_\x00-\x7f]")
_START = b" a"  # in the shape, at index i: a word starts at offset i of the text


class Words:
    """The words of ``text``: ``strings`` in order; ``count_before`` and ``start_of`` for offsets.

    ``strings`` equals ``WORD.findall(text)``. Offsets are those of ``text``; shape index
    ``i + 1`` describes character ``i``, so the " a" of a word starting at ``i`` begins at
    shape index ``i``.
    """

    __slots__ = ("text", "strings", "shape")

    def __init__(self, text: str):
        self.text = text
        others: list[int] = []
        if text.isascii():
            raw = text.encode("ascii")
        else:
            raw = text.encode("ascii", "replace")  # one "?" for each other character: offsets stay
            others = [m.start() for m in _OTHER_WORD_CHARACTER.finditer(text)]
            if others:
                placeholder = bytearray(raw)
                for at in others:
                    placeholder[at] = 0x61  # a word character holds its word together
                raw = bytes(placeholder)
        self.shape = b" " + raw.translate(_SHAPE)
        self.strings: list[str] = raw.translate(_BLANKED).decode("ascii").split()
        if others:
            self._restore(others)

    def _restore(self, others: list[int]) -> None:
        """Read again from the text each word holding a placeholder (one per word)."""
        shape = self.shape
        seen = 0  # words starting at offsets below ``at``
        at = 0
        word_end = -1
        for offset in others:
            if offset < word_end:
                continue  # in the word just read
            seen += shape.count(_START, at, offset + 2)  # the words starting in [at, offset]
            at = offset + 1
            word_start = shape.rfind(_START, 0, offset + 2)
            blank = shape.find(b" ", offset + 1)
            word_end = len(self.text) if blank < 0 else blank - 1
            self.strings[seen - 1] = self.text[word_start:word_end]

    def count_before(self, offsets: list[int]) -> list[int]:
        """For each offset, how many words start before it (a word's index, for one starting there).
        Fastest with the offsets in ascending order, each counted on from the one before."""
        count = self.shape.count
        out = []
        at = 0
        seen = 0
        for offset in offsets:
            if offset < at:
                at, seen = 0, 0
            seen += count(_START, at, offset + 1)  # the words starting in [at, offset)
            at = offset
            out.append(seen)
        return out

    def start_of(self, index: int, offset: int, first: int) -> int:
        """The offset of word ``index``, word ``first`` being the first that starts at or after
        ``offset``: its string's first place from there where a word starts with ``index - first``
        words before it since ``offset``."""
        word = self.strings[index]
        shape = self.shape
        at = offset
        while True:
            at = self.text.find(word, at)
            if shape[at] == 0x20 and shape.count(_START, offset, at + 1) == index - first:
                return at
            at += 1

    def next_start(self, end: int) -> int:
        """The offset of the first word starting at or after ``end`` (-1 if none)."""
        return self.shape.find(_START, end)
