"""The scale run: import, tag and every table on generated libraries of 1k, 10k and 100k records.

    python benchmarks/bench_scale.py                       # 1,000, 10,000 and 100,000 records
    python benchmarks/bench_scale.py --sizes 1000,10000 --runs 3
    python benchmarks/bench_scale.py --sizes 10000 --keep /tmp/scale   # keep the corpora and libraries

Each size is one BibTeX library (``generate_library``) with realistic names and titles: about
600 surnames (Indonesian, Javanese mononyms, Chinese-Indonesian, Batak and Minang clan names,
Dutch and English ones) drawn with Zipf weights, as a real reference list draws them; given
names and initials; titles from a Zipf vocabulary of election and social-media studies with
invented place and group names; years weighted towards recent ones; abstracts as
``bench_tag.py`` makes them. About 8% of the records come again as another export writes them
(case changed, the DOI or the subtitle dropped, authors cut to initials), and a fifth name a
PDF that is not there (one warning each).

Every step runs as the installed command would, in a fresh process (``python -m litreview``), and
is timed with its peak memory (the child's maxrss): ``add --no-tag``, ``tag``, the first
``table matrix`` (it finds every paper's findings), a second one, then ``themes``,
``synthesis``, ``claims`` and ``evidence``, each written to a CSV file. With ``--runs R`` the
table steps run R times (the best time is shown; the peak is the largest seen). The last
lines give each step's growth exponent between sizes: log(t2/t1) / log(n2/n1), 1.0 is linear.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

# Surnames as reference lists of Indonesian politics and media studies hold them: common ones first
# (they get the largest Zipf weights), then rarer ones; ``surnames`` adds invented Javanese-like
# ones to reach the count asked for.
COMMON_SURNAMES = """
Nugroho Santoso Wibowo Setiawan Hidayat Saputra Kurniawan Pratama Wijaya Siregar Nasution Harahap
Lubis Simanjuntak Sitompul Hutapea Pangaribuan Panjaitan Sinaga Situmorang Tambunan Manurung Aspinall
Mietzner Tapsell Warburton Fossati Muhtadi Hicken Berenschot Sukmajati Tomsa Buehler Hadiz Robison
Slater Aminuddin Lim Tan Halim Gunawan Putri Ramadhan Lestari Rahmawati Wulandari Handayani Susanti
Kusuma Permana Firmansyah Hakim Maulana Syahputra Fauzi Rahman Abdullah Hasan Husain Iskandar Effendi
Suryadi Sutrisno Suharto Supriyadi Sudirman Subagyo Sulistyo Susilo Suwarno Purnomo Prasetyo Priyanto
Haryanto Hartono Budiman Darmawan Hermawan Irawan Kustiawan Mulyadi Nurhadi Rusdi Salim Syarif Yusuf
Zulkarnain Marpaung Tarigan Ginting Sembiring Karo Purba Damanik Saragih Napitupulu Silalahi Sihombing
Chaniago Piliang Koto Tanjung Caniago Sikumbang Jambak Pane Daulay Batubara Ritonga Hasibuan Pohan
Ong Kwee Liem Tjoa Goh Oey Sie Thio Chandra Hartanto Tanoto Kosasih Widjaja Salim Djojohadikusumo
Mangkusubroto Hadiningrat Kartasasmita Notonegoro Soekarno Sastrowardoyo Kusumaatmadja Wirahadikusumah
Fealy White Hefner Bush Liddle Mujani Ananta Arifin Pepinsky Kuipers Lindsey Butt Nooteboom Bakker
Kramer Visser Smit Jansen Dekker Vermeulen Schulte Nordholt Klinken Cribb Elson Ricklefs Feith
Anderson Kahin Geertz Bourchier Hadiwinata Nyman Sherlock Lane Davidson Hill Booth Thee Manning
Weiss Lim Ufen Schmidt Harjanto Ibrahim Ismail Osman Zain Omar Rashid Ahmad Aziz Bakar Karim
Lestariningsih Puspitasari Anggraini Damayanti Febriani Kartika Maharani Novitasari Oktaviani Pertiwi
Rachmawati Safitri Utami Yuliani Zahra Amalia Anjani Aulia Fitriani Hapsari Indrawati Juwita Kirana
Nabila Paramita Rosalina Sari Tiara Wardhani Yulianti
""".split()
SYLLABLES = "har su wi ja pra ta no mo di ya ko sa ri to wa ti na bu gi lu ra se man dar tri yan".split()
ENDINGS = ["", "to", "no", "di", "wan", "yanto", "sih", "man", "ati", "ningsih"]
GIVEN = """Budi Siti Ahmad Dewi Rizky Putri Agus Wahyu Eko Dian Fajar Galih Hendra Indah Joko Kurnia Lia
Made Nyoman Ketut Wayan Gede Ayu Nur Muhammad Dwi Tri Sri Yudi Arief Bambang Cahya Dimas Endah Fitri
Gita Hana Ilham Jihan Kevin Laras Maya Nadia Omar Prita Qori Rina Sinta Teguh Umar Vina Wulan Yoga Zaki
Edward Marcus Thomas Jennifer Sarah Michael David Laura Kevin Anna Paul Ward Meredith""".split()
# Surnames read alone (Javanese mononyms): BibTeX "{Sukarno}" has no given name.
MONONYMS = "Munadi Haviluddin Suharyanto Mardiyanto Sumarno Widodo Prabowo Sukardi Ngatimin Paiman".split()
ID_WORDS = """pemilu pemilihan umum politik media sosial kampanye partai demokrasi pemilih pilkada calon
legislatif presiden daerah analisis studi kasus peran pengaruh strategi komunikasi digital partisipasi
pemuda perempuan hoaks disinformasi polarisasi identitas agama populisme oligarki buzzer influencer
warganet literasi dan di dalam pada terhadap sebagai dengan yang untuk dari tahun era""".split()
EN_WORDS = """election elections political campaign social media voters democracy parties party local
candidates turnout participation youth women misinformation polarization identity religion populism
clientelism vote buying money politics governance decentralization legitimacy platforms online twitter
instagram tiktok whatsapp youtube the of and in on a for from to an evidence study""".split()
JOURNALS = ["Jurnal Ilmu Sosial dan Ilmu Politik", "Jurnal Komunikasi Politik Nusantara",
            "Journal of Current Southeast Asian Affairs", "Asian Journal of Political Science",
            "Contemporary Southeast Asia", "Jurnal Penelitian Politik", "Electoral Studies",
            "Jurnal Studi Komunikasi dan Media", "Journal of East Asian Studies", "Jurnal Politik"]


def surnames(rng: random.Random, count: int = 600) -> list[str]:
    names = list(dict.fromkeys(COMMON_SURNAMES))
    seen = set(names)
    while len(names) < count:
        made = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
        made = made.capitalize()
        if made not in seen and len(made) >= 4:
            seen.add(made)
            names.append(made)
    return names


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** s for rank in range(n)))


def _title(rng: random.Random, words: list[str], cum: list[float], places: list[str]) -> str:
    drawn = rng.choices(words, cum_weights=cum, k=rng.randint(5, 11))
    if rng.random() < 0.6:
        drawn.insert(rng.randrange(len(drawn) + 1), rng.choice(places))
    title = " ".join(drawn).capitalize()
    if rng.random() < 0.35:
        title += ": " + " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(3, 6))).capitalize()
    return title


def generate_library(path: Path, records: int, seed: int = 11, pool: str = "fixed") -> dict[str, int]:
    """Write a BibTeX library of ``records`` entries; returns counts of what it holds.

    ``pool``: "fixed" draws first authors from 600 surnames (Zipf 0.9), whatever the size, so the
    most common one heads about 9% of the records and a (year, first author) block grows with the
    library; "growing" draws them from max(600, records / 2) surnames (Zipf 0.75), as the two real
    libraries in ../shared/data/bib/large look (their commonest first author heads 1.5% and 2.1%
    of the entries, and distinct first authors are 27% and 47% of them)."""
    from bench_tag import abstracts

    rng = random.Random(seed)
    if pool == "growing":
        family = surnames(rng, max(600, records // 2))
        family_cum = _zipf(len(family), 0.75)
    else:
        family = surnames(rng)
        family_cum = _zipf(len(family), 0.9)
    words = ID_WORDS + EN_WORDS
    word_cum = _zipf(len(words), 0.7)
    places = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                     for _ in range(3000)})
    years = list(range(1995, 2026))
    year_cum = list(accumulate(1.0 + (y - 1995) ** 1.5 for y in years))
    texts = abstracts(records, seed=seed)
    counts = {"records": 0, "repeated": 0, "missing_files": 0}
    previous: list[dict[str, str]] = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            abstract = next(texts).abstract
            if previous and rng.random() < 0.08:
                fields = dict(rng.choice(previous[-5000:]))  # another export of a record met before
                change = rng.randrange(4)
                if change == 0:
                    fields["title"] = fields["title"].upper()
                elif change == 1:
                    fields.pop("doi", None)
                elif change == 2 and ": " in fields["title"]:
                    fields["title"] = fields["title"].split(": ")[0]
                else:
                    fields["author"] = " and ".join(
                        (a.split(", ")[0] + ", " + a.split(", ")[1][0] + ".") if ", " in a else a
                        for a in fields["author"].split(" and "))
                counts["repeated"] += 1
            else:
                authors = []
                for _ in range(rng.choices((1, 2, 3, 4, 5), (30, 30, 20, 12, 8))[0]):
                    if rng.random() < 0.08:
                        authors.append(rng.choice(MONONYMS))
                    else:
                        given = rng.choice(GIVEN)
                        if rng.random() < 0.3:
                            given = f"{given} {rng.choice(GIVEN)}"
                        authors.append(f"{rng.choices(family, cum_weights=family_cum)[0]}, {given}")
                fields = {"author": " and ".join(authors), "title": _title(rng, words, word_cum, places),
                          "year": str(rng.choices(years, cum_weights=year_cum)[0]),
                          "journal": rng.choice(JOURNALS), "volume": str(rng.randint(1, 30)),
                          "number": str(rng.randint(1, 4))}
                if rng.random() < 0.8:
                    start = rng.randint(1, 300)
                    fields["pages"] = f"{start}--{start + rng.randint(8, 25)}"
                if rng.random() < 0.6:
                    fields["doi"] = f"10.{rng.randint(1000, 9999)}/scale.{seed}.{i}"
                previous.append(fields)
            entry = dict(fields, abstract=abstract)
            if rng.random() < 0.2:
                entry["file"] = f"Full Text PDF:files/{i}/paper{i}.pdf:application/pdf"
                counts["missing_files"] += 1
            body = ",\n".join(f"  {name} = {{{value}}}" for name, value in entry.items())
            out.write(f"@article{{rec{i},\n{body}\n}}\n\n")
            counts["records"] += 1
    return counts


def run(args: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(seconds, peak MiB, exit code, stderr's last line) of one command in a fresh process. The
    seconds are wall-clock; ``cpu_seconds`` keeps the last run's CPU time (user + system, its worker
    processes included), steadier than wall time on a shared machine."""
    env = dict(os.environ, COLUMNS="160", LITREVIEW_LOCK_TIMEOUT="5")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "litreview", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in err.splitlines() if line.strip()]
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, (lines[-1] if lines else "")


LAST_CPU = [0.0]  # CPU seconds of the last command run
TABLES = ("matrix", "themes", "synthesis", "claims", "evidence")


def scale_run(size: int, work: Path, runs: int, pool: str = "fixed") -> dict[str, tuple[float, float, float]]:
    work.mkdir(parents=True, exist_ok=True)
    library = work / f"library-{size}.bib"
    t0 = time.perf_counter()
    counts = generate_library(library, size, pool=pool)
    print(f"\n{size:,} records: {library.stat().st_size / 2**20:.0f} MiB of BibTeX, {counts['repeated']:,} "
          f"repeated, {counts['missing_files']:,} naming a missing PDF (generated in {time.perf_counter() - t0:.0f} s)")
    corpus = work / f"corpus-{size}"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir()
    run(["init", str(corpus)], corpus)
    steps: list[tuple[str, list[str], int]] = [
        ("add --no-tag", ["add", str(library), "--no-tag"], 1),
        ("tag", ["tag"], 1),
        ("table matrix (first)", ["table", "matrix", "-o", "matrix.csv"], 1),
        ("table matrix", ["table", "matrix", "-o", "matrix.csv"], runs),
    ] + [(f"table {kind}", ["table", kind, "-o", f"{kind}.csv"], runs) for kind in TABLES[1:]]
    results: dict[str, tuple[float, float, float]] = {}
    for name, command, repeat in steps:
        best, cpu, peak = math.inf, math.inf, 0.0
        for _ in range(repeat):
            elapsed, mib, code, last = run([*command, "--corpus", str(corpus)], corpus)
            if code not in (0, 3):
                print(f"  {name}: exit {code}: {last}")
                break
            best, cpu, peak = min(best, elapsed), min(cpu, LAST_CPU[0]), max(peak, mib)
        else:
            results[name] = (best, peak, cpu)
            print(f"  {name:22s} {best:8.2f} s wall {cpu:8.2f} s CPU {peak:7.0f} MiB  {size / best:9,.0f} records/s"
                  f"   {last[:60]}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated record counts")
    parser.add_argument("--runs", type=int, default=1, help="runs of each table step (best time kept)")
    parser.add_argument("--keep", type=Path, help="work here and keep the corpora (default: a temporary folder)")
    parser.add_argument("--surname-pool", choices=("fixed", "growing"), default="fixed",
                        help="first authors from 600 surnames whatever the size (fixed, as before), or from a "
                             "pool that grows with the library, as real libraries do (see generate_library)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="litreview-scale-"))
    try:
        results = {size: scale_run(size, work, args.runs, args.surname_pool) for size in sizes}
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\ngrowth exponents (time; peak memory ratio):")
    for small, large in zip(sizes, sizes[1:], strict=False):
        ratio = math.log(large / small)
        print(f"  {small:,} -> {large:,}:")
        for name, (t_large, m_large, c_large) in results[large].items():
            if name in results[small]:
                t_small, m_small, c_small = results[small][name]
                print(f"    {name:22s} exponent {math.log(t_large / t_small) / ratio:5.2f} wall, "
                      f"{math.log(c_large / c_small) / ratio:5.2f} CPU   peak memory x{m_large / m_small:4.2f}")


if __name__ == "__main__":
    main()
