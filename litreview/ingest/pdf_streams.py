"""A decompression-bomb check for PDFs, run before PDFium or pdfplumber see the file.

A 2 MB PDF can hold a Flate stream that inflates to gigabytes; PDFium inflates it whole
in memory, and under a memory limit the process dies without a word. ``check_streams``
inflates every zlib stream of the file itself, in small pieces and without keeping the
output, and refuses the file (ImportFailed, one line naming the file and the limit) when
one stream inflates past MAX_STREAM_BYTES or all of them together past MAX_TOTAL_BYTES.

Streams are found by their ``stream`` keyword; only those that start with a zlib header (or
whose ASCIIHex/ASCII85 layer covers one) count: images in DCT/JPX and other filters are
skipped at the cost of two bytes each, and only streams long enough to pass a limit are
inflated, so normal PDFs pass in milliseconds. LZW and run-length streams are not checked.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Any

from litreview.errors import ImportFailed
from litreview.i18n import msg

MAX_STREAM_BYTES = 256 * 2**20  # one stream, inflated
MAX_TOTAL_BYTES = 1024 * 2**20  # every stream of the file, inflated
MAX_RATIO = 1032  # the most deflate can inflate a byte to (258-byte copies coded in 2 bits)
_IN_PIECE = 64 * 2**10  # compressed bytes fed at a time
_OUT_PIECE = 2**20  # inflated bytes taken at a time (and forgotten)
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")  # (a literal first: the fast search; "endstream" is skipped)


def check_streams(data: bytes, name: str) -> int:
    """An upper bound of the inflated size of all of ``data``'s zlib streams (exact for those
    inflated), or ImportFailed past a limit.

    Deflate inflates at most MAX_RATIO times its size, so a stream too short to pass the
    per-stream limit is not inflated: it counts at that bound, and the short ones are
    inflated (largest first) only when their bounds would take the file past the total limit.
    A normal PDF costs a pass over its bytes and the inflating of its large streams.
    """
    view = memoryview(data)
    spans = []  # (start, end, the ASCII filter before Flate or "")
    for found in _STREAM.finditer(data):
        start = found.end()
        if data[found.start() - 3 : found.start()] == b"end":
            continue
        layer = "" if _zlib_header(data, start) else _ascii_layer(data, found.start())
        if layer is not None:
            end = data.find(b"endstream", start)
            spans.append((start, end if end >= 0 else len(data), layer))
    short: list[tuple[int, int, str]] = []
    total = 0
    for start, end, layer in spans:
        if _bound(start, end, layer) <= MAX_STREAM_BYTES:
            short.append((start, end, layer))
            total += _bound(start, end, layer)
            continue
        size = _inflated_size(_compressed(view, start, end, layer), MAX_STREAM_BYTES)
        if size > MAX_STREAM_BYTES:
            raise ImportFailed(name, msg("a compressed stream at byte {start} inflates past the {limit} MiB limit "
                                         "per stream (a decompression bomb?); refused", start=start,
                                         limit=MAX_STREAM_BYTES // 2**20))
        total += size
    short.sort(key=lambda span: -_bound(*span))  # the largest first
    for start, end, layer in short:
        if total <= MAX_TOTAL_BYTES:
            break
        total += _inflated_size(_compressed(view, start, end, layer), MAX_STREAM_BYTES) - _bound(start, end, layer)
    if total > MAX_TOTAL_BYTES:
        raise ImportFailed(name, msg("its compressed streams inflate past the {limit} MiB limit per file (a "
                                     "decompression bomb?); refused", limit=MAX_TOTAL_BYTES // 2**20))
    return total


def _bound(start: int, end: int, layer: str) -> int:
    """The most a stream of these bytes can inflate to (ASCII85 writes 4 zero bytes as one "z")."""
    return (end - start) * MAX_RATIO * (4 if layer == "a85" else 1)


def _ascii_layer(data: bytes, keyword: int) -> str | None:
    """"hex" or "a85" when the dictionary before the ``stream`` keyword at ``keyword`` puts an
    ASCII filter before FlateDecode ([/ASCII85Decode /FlateDecode]); None otherwise."""
    head = data[max(0, keyword - 2048) : keyword]
    head = head[head.rfind(b"obj") + 1 :]
    if b"/Fl" not in head:
        return None
    if b"/ASCIIHexDecode" in head or b"/AHx" in head:
        return "hex"
    if b"/ASCII85Decode" in head or b"/A85" in head:
        return "a85"
    return None


def _compressed(view: memoryview, start: int, end: int, layer: str) -> memoryview | bytes:
    """The Flate data of a stream: as it stands, or with its ASCII layer decoded ("" if broken)."""
    if not layer:
        return view[start:end]
    import base64
    import binascii

    text = bytes(view[start:end])
    try:
        if layer == "hex":
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", text.split(b">", 1)[0])
            decoded = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        else:
            decoded = base64.a85decode(text.split(b"~>", 1)[0].removeprefix(b"<~"), ignorechars=b" \t\n\r\x0c")
    except ValueError:
        return b""
    return decoded if _zlib_header(decoded, 0) else b""


def _zlib_header(data: bytes, at: int) -> bool:
    """Whether the two bytes at ``at`` are a zlib header (deflate, a valid check value)."""
    if at + 2 > len(data):
        return False
    first, second = data[at], data[at + 1]
    return first & 0x0F == 8 and (first << 8 | second) % 31 == 0


def _inflated_size(compressed: memoryview | bytes, limit: int) -> int:
    """How many bytes ``compressed`` inflates to, counting stops just past ``limit``.
    A stream that turns out not to be zlib counts what it gave before the error.

    ISA-L's inflater (the ``isal`` package), three times as fast as zlib's, counts first where it is
    installed; its count stands when the stream ended there with its checksum verified, which is
    the count zlib gives. Anything else (a broken or cut stream, one past the limit: where two
    inflaters may stop at different points) is counted again by zlib, whose count is the rule."""
    fast = _fast_zlib()
    if fast is not None:
        size, ended = _count(fast, compressed, limit)
        if ended:
            return size
    return _count(zlib, compressed, limit)[0]


def _count(library: Any, compressed: memoryview | bytes, limit: int) -> tuple[int, bool]:
    """(bytes inflated, whether the stream ended cleanly within the limit) with a zlib-like ``library``."""
    inflater = library.decompressobj()
    size = 0
    try:
        for offset in range(0, len(compressed), _IN_PIECE):
            piece: bytes | memoryview = compressed[offset : offset + _IN_PIECE]
            while piece:
                size += len(inflater.decompress(piece, _OUT_PIECE))
                if size > limit:
                    return size, False
                if inflater.eof:
                    return size, True
                piece = inflater.unconsumed_tail
    except library.error:
        pass
    return size, False


@lru_cache(maxsize=1)
def _fast_zlib() -> Any:
    try:
        from isal import isal_zlib
    except ImportError:
        return None
    return isal_zlib
