"""Turn the bytes of a text file into str, detecting the encoding when it is not UTF-8;
and file names into text that can be stored and printed."""

from __future__ import annotations

import codecs
import re

from litreview.errors import ImportFailed


def looks_binary(data: bytes) -> bool:
    """True for content no text format can hold: NUL bytes or mostly control bytes."""
    head = data[:4096]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding used).

    UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM are taken
    as they are; anything else is detected with charset-normalizer. Raises
    ImportFailed for binary content.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"  # (a cut-short last character: U+FFFD)
    if looks_binary(data):
        raise ImportFailed(name, "binary content, not a text file (is it corrupt or in another format?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailed(name, "cannot detect the text encoding; save the file as UTF-8 and add it again")
    return str(best), best.encoding


_NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAME_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable_name(name: str) -> str:
    """A file name (or path) as text that can be stored, encoded and printed on one line.

    Bytes that are not UTF-8 (which Python keeps as lone surrogates, b"\\xff" -> "\\udcff")
    become "\\xff"; line breaks, tabs and other control characters become "\\n", "\\t", "\\x07".
    A name that needs none of this is returned as it is. Only for showing and storing the name:
    the file itself is opened by its real name.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            raw = name.encode("utf-8", "backslashreplace")
        name = raw.decode("utf-8", "backslashreplace")
    if _NAME_CONTROLS.search(name):
        name = _NAME_CONTROLS.sub(lambda m: _NAME_ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"
                                  if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"), name)
    return name
