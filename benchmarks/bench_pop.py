"""End-to-end throughput of `litreview add` on a large Publish or Perish (Google Scholar) export.

Usage: python benchmarks/bench_pop.py [--rows N] [--runs R] [--profile]

Generates a realistic PoPCites.csv (default 10,000 rows, the 26 columns of a Google Scholar
search, UTF-8 with BOM; Indonesian and English titles, truncated author lists and venues,
snippet abstracts, about 5% near-duplicate rows), then times the installed `litreview add`
on it in a fresh temporary corpus, as a user would run it: with theme tagging (the default)
and with --no-tag. Prints rows/s, seconds and the peak memory of the process tree. Also times
the importer alone (tabular.read) and, with --profile, profiles `add` in-process by phase.
Target: under 5 s end to end.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.ingest.csv_sources import POP_COLUMNS  # noqa: E402

TOPICS_ID = [
    ("Polarisasi politik", "media sosial", "Pemilu 2024"), ("Politik uang", "pemilih muda", "Pilkada serentak"),
    ("Politik identitas", "kampanye digital", "Pilpres 2019"), ("Netralitas ASN", "pengawasan Bawaslu", "Pemilu 2024"),
    ("Keterwakilan perempuan", "kuota gender", "DPRD"), ("Oligarki", "partai politik", "demokrasi lokal"),
    ("Hoaks", "literasi digital", "pemilih pemula"), ("Golput", "partisipasi politik", "mahasiswa"),
    ("Dinasti politik", "desentralisasi", "Pilkada"), ("Buzzer", "opini publik", "Twitter"),
]
TOPICS_EN = [
    ("Democratic backsliding", "executive aggrandizement", "Indonesia"), ("Clientelism", "vote buying", "Java"),
    ("Populism", "religious mobilization", "the 2019 election"), ("Electoral management", "KPU", "Southeast Asia"),
    ("Social media campaigns", "TikTok", "young voters"), ("Local elections", "dynasties", "Indonesian districts"),
]
PLACES = ["Jawa Barat", "Jawa Timur", "DKI Jakarta", "Sumatera Utara", "Sulawesi Selatan", "Bali", "Papua",
          "Kalimantan Timur", "Aceh", "Yogyakarta", "Makassar", "Medan", "Surabaya", "Bandung"]
SURNAMES = ("Munadi Wulandari Pratama Santoso Siregar Nasution Hidayat Saputra Lestari Kurniawan Rahmawati "
            "Nugroho Aspinall Mietzner Warburton Fossati Muhtadi Sukmajati Berenschot Tomsa Hadiz Robison "
            "Fitriani Maulana Hasanah Putra Sari Harahap Simanjuntak Wibowo").split()
VENUES = ["Jurnal Ilmu Sosial dan Ilmu Politik", "Jurnal Politik", "Journal of Democracy",
          "Jurnal Ilmu Pemerintahan", "Asian Journal of Comparative Politics", "Jurnal Penelitian Politik",
          "Bulletin of Indonesian Economic Studies", "Jurnal Komunikasi Politik", "Contemporary Southeast Asia",
          "Jurnal Bawaslu"]
HOSTS = ["journal.ugm.ac.id", "ejournal.undip.ac.id", "jurnal.unpad.ac.id", "muse.jhu.edu", "tandfonline.com",
         "ejournal.lipi.go.id", "jurnal.ui.ac.id", "ojs.unud.ac.id", "books.google.com", "researchgate.net"]
ABSTRACT_ID = ("… Penelitian ini menganalisis {a} dalam konteks {c} di {p}. Data dikumpulkan melalui wawancara "
               "mendalam dan survei terhadap {n} responden. Hasil penelitian menunjukkan bahwa {b} berpengaruh "
               "terhadap perilaku pemilih …")
ABSTRACT_EN = ("… This article examines {a} and {b} in {c}, drawing on fieldwork in {p} and a survey of {n} "
               "respondents. We find that {b} shapes voter behaviour and party strategies …")


def _authors(rng: random.Random) -> str:
    names = [f"{rng.choice('ABDEFHIMNRSTWY')} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 4))]
    return ", ".join(names) + (", ..." if rng.random() < 0.3 else "")


def generate(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(POP_COLUMNS)
    made: list[list[str]] = []
    for rank in range(1, rows + 1):
        if made and rng.random() < 0.05:  # a near-duplicate: the same work seen again with small differences
            row = list(rng.choice(made))
            row[POP_COLUMNS.index("Title")] = row[POP_COLUMNS.index("Title")].replace(":", " -").upper()
            row[POP_COLUMNS.index("GSRank")] = str(rank)
            row[POP_COLUMNS.index("Cites")] = str(int(row[0]) + rng.randint(0, 3))
            writer.writerow(row)
            continue
        english = rng.random() < 0.35
        a, b, c = rng.choice(TOPICS_EN if english else TOPICS_ID)
        place = rng.choice(PLACES)
        if english:
            title = f"{a} and {b.lower()} in {c}: evidence from {place} ({rank})"
            abstract = ABSTRACT_EN.format(a=a.lower(), b=b, c=c, p=place, n=rng.randint(100, 2000))
        else:
            title = f"{a} dan {b} pada {c}: studi kasus {place} ({rank})"
            abstract = ABSTRACT_ID.format(a=a.lower(), b=b, c=c, p=place, n=rng.randint(100, 2000))
        year = rng.randint(2005, 2025)
        cites = int(rng.paretovariate(1.2)) - 1
        host = rng.choice(HOSTS)
        doi = f"10.{rng.randint(1000, 99999)}/jsp.{rank}" if rng.random() < 0.5 else ""
        venue = rng.choice(VENUES)
        if len(venue) > 24 and rng.random() < 0.5:
            venue = venue[:22].rstrip() + " …"
        cluster = rng.getrandbits(48)
        values = {
            "Cites": str(cites), "Authors": _authors(rng), "Title": title, "Year": str(year), "Source": venue,
            "Publisher": host, "ArticleURL": f"https://{host}/article/view/{rank}",
            "CitesURL": f"https://scholar.google.com/scholar?cites={cluster}&as_sdt=2005&sciodt=0,5&hl=en"
            if cites else "",
            "GSRank": str(rank), "QueryDate": "2025-03-14 09:12:44", "Type": rng.choice(["", "", "PDF", "HTML",
                                                                                        "BOOK", "CITATION"]),
            "DOI": doi, "ECC": str(cites), "CitesPerYear": f"{cites / max(1, 2025 - year):.2f}",
            "CitesPerAuthor": str(cites), "AuthorCount": str(rng.randint(1, 4)), "Age": str(2025 - year),
            "Abstract": abstract,
            "FullTextURL": f"https://{host}/article/download/{rank}/pdf" if rng.random() < 0.4 else "",
            "RelatedURL": f"https://scholar.google.com/scholar?q=related:{cluster:x}:scholar.google.com/"
                          "&scioq=pemilu+indonesia&hl=en&as_sdt=0,5",
        }
        row = [values.get(name, "") for name in POP_COLUMNS]
        made.append(row)
        writer.writerow(row)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak, done.returncode)
sys.stderr.write(done.stderr[-2000:])
"""


def litreview_exe() -> str:
    exe = Path(sys.executable).parent / "litreview"
    found = str(exe) if exe.exists() else shutil.which("litreview")
    if not found:
        sys.exit("the litreview command is not installed (pip install -e .)")
    return found


def run_add(csv_path: Path, rows: int, tag: bool) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([litreview_exe(), "init", tmp], check=True, capture_output=True)
        command = [litreview_exe(), "add", str(csv_path), "--corpus", tmp] + ([] if tag else ["--no-tag"])
        done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True)
        elapsed, peak, code = done.stdout.split()
        summary = next((line for line in reversed(done.stderr.splitlines()) if " added, " in line), "")
        label = "with tagging" if tag else "--no-tag"
        print(f"litreview add ({label}): {rows} rows in {float(elapsed):.2f} s = {rows / float(elapsed):,.0f} rows/s "
              f"end to end; peak memory {int(peak) / 1024:.0f} MiB; exit {code}; {summary}")
        return float(elapsed), int(peak)


def time_importer(csv_path: Path, rows: int) -> None:
    from litreview.ingest import tabular

    data = csv_path.read_bytes()
    start = time.perf_counter()
    result = tabular.read(data, str(csv_path))
    elapsed = time.perf_counter() - start
    print(f"importer alone (tabular.read): {len(result.papers)} papers in {elapsed:.2f} s = "
          f"{rows / elapsed:,.0f} rows/s")


def profile_add(csv_path: Path) -> None:
    import cProfile
    import pstats

    from litreview.add import add_paths
    from litreview.store import Corpus

    with tempfile.TemporaryDirectory() as tmp, Corpus.init(Path(tmp)) as corpus:
        profiler = cProfile.Profile()
        profiler.enable()
        add_paths(corpus, [str(csv_path)])
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(
        r"add\.py:\d+\((_add_parsed_file|_find_duplicate|parse_path|_prepared)\)|tabular|enrich|store\.py.*add_paper"
        r"|dedup\.py.*(index_fields|judge)|block_titles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="profile `add` in-process (no tagging)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "PoPCites.csv"
        generate(csv_path, args.rows)
        print(f"generated {csv_path.name}: {args.rows} rows, {csv_path.stat().st_size / 2**20:.1f} MiB")
        time_importer(csv_path, args.rows)
        for _ in range(args.runs):
            run_add(csv_path, args.rows, tag=False)
            run_add(csv_path, args.rows, tag=True)
        if args.profile:
            profile_add(csv_path)


if __name__ == "__main__":
    main()
