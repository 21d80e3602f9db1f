"""Throughput of in-text citation extraction and reference-list parsing on long texts.

    python benchmarks/bench_citations.py            # texts of 0.1, 0.5, 1 and 2 million characters
    python benchmarks/bench_citations.py --real     # also every PDF in ../shared/data/pdf

Generated texts repeat a paragraph of mixed citation forms with numbers that are not citations
(dates, percentages, laws, tables) and end with a reference list; characters per second should
stay flat as the text grows (extraction runs on every added paper and on every `litreview refs`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.model import Section  # noqa: E402
from litreview.text.citations import extract_citations  # noqa: E402
from litreview.text.references import parse_reference_list  # noqa: E402

PARAGRAPH = (
    "Media sosial mengubah kampanye pada Pemilu 2024 (Wibowo, 2019; Lim, Tan, & Wong, 2018). "
    "Kruikemeyer dkk. (2013) berpendapat bahwa 45% pemilih muda (Tabel 2) aktif sejak 14 Februari 2024; "
    "menurut UU No. 7 Tahun 2017, Bawaslu mengawasi. Castells (dalam Nasrullah, {n}) menyebut jaringan, "
    "dan penelitian Cobis dan Rusadi tahun 2023 (hlm. 4) mengukur peluang menang (Hidayat, 2015:45).\n"
)
REFERENCE = "{name}, {initial}. ({year}). {topic} dan {other} di {place}. Jurnal {journal}, {n}(2), 1-10.\n"
TOPICS = ("Kampanye digital", "Hoaks politik", "Pemilih muda", "Polarisasi", "Buzzer politik", "Literasi digital",
          "Partisipasi politik", "Citra kandidat", "Iklan politik", "Relawan daring", "Politik identitas")
PLACES = ("Jawa Barat", "Sumatra Utara", "Makassar", "Bali", "Jakarta", "Papua", "Aceh", "Surabaya", "Medan")
JOURNALS = ("Politik", "Komunikasi", "Ilmu Sosial", "Demokrasi", "Pemerintahan", "Studi Pemilu", "Media")
NAMES = ("Wibowo", "Santoso", "Lestari", "Hidayat", "Nugroho", "Rahman", "Putri", "Siregar", "Nasution", "Sari")


def text_of(chars: int) -> str:
    body, n = [], 0
    while sum(map(len, body)) < chars * 0.8:
        body.append(PARAGRAPH.format(n=1990 + n % 30))
        n += 1
    refs = [REFERENCE.format(name=NAMES[i % len(NAMES)], initial="ABCDEFGHIJKLMNOPRSTUW"[i % 21], year=1990 + i % 30,
                             topic=TOPICS[i % len(TOPICS)], other=TOPICS[(i // 7) % len(TOPICS)].lower(),
                             place=PLACES[(i // 3) % len(PLACES)], journal=JOURNALS[(i // 5) % len(JOURNALS)], n=i)
            for i in range(max(1, chars // 500))]
    return "".join(body) + "\nDaftar Pustaka\n" + "".join(refs)


def measure(label: str, text: str, sections: list[Section] | None = None) -> None:
    started = time.perf_counter()
    citations = extract_citations(text, sections)
    middle = time.perf_counter()
    references = parse_reference_list(text, sections)
    done = time.perf_counter()
    print(f"{label:<48} {len(text):>10,} chars  citations {len(citations):>7,} in {middle - started:6.2f} s "
          f"({len(text) / max(middle - started, 1e-9):>10,.0f} chars/s)  references {len(references):>6,} "
          f"in {done - middle:5.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", action="store_true", help="also the PDFs in ../shared/data/pdf")
    args = parser.parse_args()
    for size in (100_000, 500_000, 1_000_000, 2_000_000):
        measure(f"generated, {size:,} characters", text_of(size))
    if args.real:
        from litreview.add import parse_path

        shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "pdf"
        total, seconds = 0, 0.0
        for path in sorted(shared.glob("*/*.pdf")):
            parsed = parse_path(str(path))  # broken PDFs are part of the folder: they fail here
            papers = list(parsed.papers)
            if papers and papers[0].text:
                started = time.perf_counter()
                measure(path.name[:48], papers[0].text, papers[0].sections)
                seconds += time.perf_counter() - started
                total += len(papers[0].text)
        print(f"all real texts: {total:,} chars in {seconds:.2f} s ({total / max(seconds, 1e-9):,.0f} chars/s, "
              "both steps)")


if __name__ == "__main__":
    main()
