"""Crafted hostile files for tests/test_hostile.py, built in code (nothing of them is stored)."""

from __future__ import annotations

import zlib


def flate_bomb(inflated: int, piece: int = 16 * 2**20) -> bytes:
    """A valid zlib stream of ``inflated`` bytes of spaces (rounded up to ``piece``), built in a
    blink: after the first piece every fully flushed piece compresses to the same bytes, so it
    is repeated rather than compressed again, and the Adler-32 of n spaces is worked out."""
    deflater = zlib.compressobj(9)
    first = deflater.compress(b" " * piece) + deflater.flush(zlib.Z_FULL_FLUSH)
    again = deflater.compress(b" " * piece) + deflater.flush(zlib.Z_FULL_FLUSH)
    count = max(1, -(-inflated // piece))
    n = count * piece
    a, b = (1 + 32 * n) % 65521, (n + 32 * n * (n + 1) // 2) % 65521
    return first + again * (count - 1) + deflater.flush()[:-4] + (b << 16 | a).to_bytes(4, "big")


def pdf_with_content(stream: bytes, flate: bool = True) -> bytes:
    """A one-page PDF whose page content is ``stream`` (FlateDecode when ``flate``)."""
    filter_entry = b" /Filter /FlateDecode" if flate else b""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filter_entry) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def bomb_pdf(inflated: int = 2 * 2**30) -> bytes:
    """A ~2 MB PDF whose page content inflates to ``inflated`` bytes (2 GiB by default)."""
    return pdf_with_content(flate_bomb(inflated))
