"""Importers: one module per source format, chosen by sniffing content.

Each importer module defines:

- ``NAME``: the format's name ("pdf", "bibtex", ...)
- ``EXTENSIONS``: file name endings it usually has (a hint only)
- ``match(head: bytes, name: str) -> bool``: does this content look like the format?
- ``read(data: bytes, name: str) -> ImportResult``: parse it (pure; no corpus, no printing)

Importers are registered once, in ``_MODULES`` below, in sniffing order.
"""

from __future__ import annotations

import importlib
from pathlib import PurePath
from types import ModuleType

from litreview.errors import ImportFailed
from litreview.i18n import msg
from litreview.model import ImportResult
from litreview.text.encoding import looks_binary

# Sniffing order matters: the most specific signatures first, plain text last.
_MODULES = ("pdf", "bibtex", "ris", "csljson", "nbib", "enw", "wos", "tabular", "text")

SNIFF_BYTES = 8192
FORMAT_START_BYTES = 512  # how soon a .txt file must look like RIS/BibTeX/CSL to be read as one
MARKDOWN_EXTENSIONS = (".md", ".markdown")


def importers() -> list[ModuleType]:
    return [importlib.import_module(f"litreview.ingest.{name}") for name in _MODULES]


def supported_extensions() -> set[str]:
    exts: set[str] = set()
    for module in importers():
        exts.update(module.EXTENSIONS)
    return exts


def _by_extension(name: str) -> ModuleType | None:
    suffix = PurePath(name).suffix.lower()
    for module in importers():
        if suffix in module.EXTENSIONS:
            return module
    return None


def sniff(data: bytes, name: str) -> ModuleType:
    """Pick the importer for ``data`` by its content; the file name only breaks ties.

    A file whose extension promises a format its content does not have
    (binary garbage named ``.bib``, a text file named ``.pdf``) is refused with
    a message saying so.
    """
    if not data.strip():
        raise ImportFailed(name, msg("the file is empty"))
    head = data[:SNIFF_BYTES]
    by_ext = _by_extension(name)
    suffix = PurePath(name).suffix.lower()
    if suffix in MARKDOWN_EXTENSIONS and by_ext is not None:
        return by_ext  # Markdown is a paper, even with a pandoc references: list or a BibTeX snippet
    if by_ext is not None and by_ext.NAME != "text" and by_ext.match(head, name):
        return by_ext
    # ".txt" is not specific (RIS and MEDLINE exports are often saved so): another format
    # wins only when the file starts like it, so a paper that quotes a BibTeX entry stays a paper.
    probe = head.lstrip()[:FORMAT_START_BYTES] if by_ext is not None and by_ext.NAME == "text" else head
    for module in importers():
        if module is by_ext or module.NAME == "text":
            continue
        if module.match(probe, name):
            return module
    if by_ext is not None and by_ext.NAME != "text":
        raise ImportFailed(name, msg("does not look like a {format} file; is it corrupt or mis-named?",
                                      format=by_ext.DESCRIPTION))
    text = importlib.import_module("litreview.ingest.text")
    if suffix and suffix not in supported_extensions():
        raise ImportFailed(
            name, msg("unsupported file type {suffix} (litreview reads {known})", suffix=suffix,
                      known=", ".join(sorted(supported_extensions())))
        )
    if text.match(head, name):
        return text
    if looks_binary(head):
        raise ImportFailed(name, msg("binary content in no supported format (is the file corrupt?)"))
    raise ImportFailed(name, msg("unrecognised format (expected PDF, BibTeX, RIS, CSL-JSON, MEDLINE/nbib, EndNote, "
                                 "Web of Science, CSV or plain text)"))


def read_file_bytes(data: bytes, name: str) -> tuple[str, ImportResult]:
    """Sniff and read one file's bytes; returns (format name, result)."""
    module = sniff(data, name)
    result = module.read(data, name)
    for paper in result.papers:
        paper.source_format = paper.source_format or module.NAME
        paper.source_name = paper.source_name or PurePath(name).name
    return module.NAME, result
