"""A bounded fuzzer over every importer: mutated bytes of small fixture files go straight to the
importer's ``read`` (and the BibTeX lazy reader, and the text enrichment `add` runs after it).
Whatever the bytes, an importer either returns records or raises a LitreviewError: any other
exception is a bug (it would be a traceback in `litreview add`).
"""

from __future__ import annotations

import importlib

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litreview.errors import LitreviewError
from litreview.text.enrich import enrich

pytestmark = pytest.mark.reliability

SEEDS = {
    "bibtex": ["bib/zotero_pemilu.bib", "exports/pemilu_scopus.bib", "bib/wos_bom.bib"],
    "ris": ["ris/zotero_pemilu.ris", "exports/pemilu_garuda.ris"],
    "csljson": ["csljson/zotero_pemilu.json", "csljson/pandoc_refs.yaml"],
    "nbib": ["exports/pemilu_pubmed.nbib"],
    "enw": ["exports/pemilu_endnote.enw"],
    "wos": ["exports/wos_savedrecs_plain.txt", "exports/wos_savedrecs_utf16.txt"],
    "tabular": ["exports/pop_scholar_pemilu2024.csv", "exports/scopus_demokrasi.csv",
                "exports/penelitian_terdahulu_cp1252.csv"],
    "text": ["text/relawan-digital.md", "text/catatan-tanpa-metadata.txt"],
    "pdf": ["pdf/bilingual_article.pdf", "pdf/blank.pdf"],
}
# Tokens that parsers treat specially, spliced into the seeds.
TOKENS = [b"{", b"}", b"@", b"\\", b'"', b"[", b"]", b"---\n", b"&a ", b"*a", b"\n", b"\r", b"\x00", b"\xff\xfe",
          b"\xef\xbb\xbf", b"%", b",", b";", b"\t", b"TY  - ", b"ER  - ", b"PMID- ", b"%0 ", b"FN ", b"stream\n",
          b"endstream", b"obj", b"<<", b">>", b"\xc3", "é".encode(), b"=", b"'", b"9" * 30, b"-" * 40]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.sampled_from(TOKENS)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 64)),
    st.tuples(st.just("repeat"), st.integers(0, 10**6), st.integers(2, 50)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
)


def mutate(data: bytes, steps: list[tuple[str, int, object]]) -> bytes:
    out = bytearray(data)
    for kind, where, arg in steps:
        at = where % (len(out) + 1)
        if kind == "flip" and out:
            out[at % len(out)] ^= int(arg)  # type: ignore[call-overload]
        elif kind == "insert":
            out[at:at] = arg  # type: ignore[assignment]
        elif kind == "delete":
            del out[at : at + int(arg)]  # type: ignore[call-overload]
        elif kind == "repeat":
            out[at:at] = bytes(out[at : at + 16]) * int(arg)  # type: ignore[call-overload]
        elif kind == "cut":
            del out[at:]
    return bytes(out)


def exercise(fmt: str, name: str, data: bytes) -> None:
    module = importlib.import_module(f"litreview.ingest.{fmt}")
    try:
        result = module.read(data, name)
        for paper in result.papers:
            enrich(paper)
        if hasattr(module, "read_lazily"):
            _, papers = module.read_lazily(data, name)
            for paper in papers:
                enrich(paper)
    except LitreviewError:
        pass


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_importer_survives_mutated_input(fmt):
    seeds = [(FIXTURES / path).read_bytes() for path in SEEDS[fmt]]
    examples = 40 if fmt == "pdf" else 150

    @settings(max_examples=examples, deadline=3000, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(seed=st.sampled_from(range(len(seeds))), steps=st.lists(mutation, min_size=1, max_size=6))
    def run(seed: int, steps: list[tuple[str, int, object]]) -> None:
        name = SEEDS[fmt][seed].rsplit("/", 1)[1]
        exercise(fmt, name, mutate(seeds[seed], steps))

    run()


# Found by the fuzzer, kept as plain cases so they stay fixed whatever it draws.
def test_utf16_file_cut_mid_character():
    data = "\ufeffJudul catatan\n\nIsi catatan tentang pemilu. Kalimat kedua.\n".encode("utf-16-le") + b"x"
    for fmt in ("text", "nbib", "enw", "csljson"):
        exercise(fmt, "cut.txt", data)


def test_csv_header_with_a_stray_carriage_return():
    data = (FIXTURES / "exports" / "pop_scholar_pemilu2024.csv").read_bytes()
    exercise("tabular", "pop.csv", data[:10] + b"\r" + data[10:])
