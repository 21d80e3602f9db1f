"""Throughput of the BibTeX importer on a generated 20,000-entry library.

Usage: python benchmarks/bench_bibtex.py [--entries N] [--repeat R] [--seed S]

The file mixes what Zotero, Mendeley and JabRef exports hold: several entry
types, @string journal macros, LaTeX accents next to plain UTF-8, Indonesian
and English titles and abstracts, keywords, DOIs, URLs and file fields. It is
written to a temporary directory and parsed with ``litreview.ingest.bibtex.read``;
the best of R runs is reported in entries per second.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litreview.ingest import bibtex, fields  # noqa: E402
from litreview.text import latex  # noqa: E402

GIVEN = [
    "Mikhael Yulius",
    "Budi",
    "Siti Nur",
    "Ahmad",
    "Dewi",
    "Rizky",
    "Putri Ayu",
    "Agus",
    "Jean-Luc",
    "Fran{\\c{c}}ois",
    'J{\\"o}rg',
    "Ren{\\'e}e",
    "María José",
    "Søren",
    "Lukas",
    "Anna",
    "Wei",
    "Kenji",
]
FAMILY = [
    "Cobis",
    "Santoso",
    "Rahadi",
    "Abdillah",
    "Nugroho",
    "Wijaya",
    "Hidayat",
    "Saputra",
    "Kurniawan",
    'M{\\"u}ller',
    "Dupont",
    "Garc{\\'\\i}a",
    "van der Berg",
    "Nielsen",
    "Schmidt",
    "Tanaka",
    "Chen",
    "Lim",
    "O'Brien",
    "Kowalski",
]
MONONYMS = ["Munadi", "Haviluddin", "Sukarno", "Priyanto", "Suharyanto"]
ID_WORDS = (
    "media sosial kampanye politik pemilu pemilih partai warga negara penelitian analisis pengaruh "
    "terhadap dalam pada dan yang untuk dengan di Indonesia Jakarta Jawa Barat 2019 2024 Twitter "
    "Instagram TikTok buzzer hoaks polarisasi demokrasi digital partisipasi generasi muda"
).split()
EN_WORDS = (
    "social media campaign political election voters party citizens study analysis effect of the "
    "in on and for with Indonesia Jakarta 2019 2024 Twitter Instagram TikTok buzzers hoaxes "
    "polarization democracy digital participation young generation evidence from"
).split()
JOURNALS = {
    "jkp": "Jurnal Komunikasi Politik",
    "jsp": "Jurnal Ilmu Sosial dan Ilmu Politik",
    "pq": "Political Quarterly",
    "nms": "New Media \\& Society",
    "ajps": "Asian Journal of Political Science",
}
TYPES = (
    ["article"] * 12
    + ["inproceedings"] * 3
    + ["book"] * 2
    + ["incollection", "phdthesis", "mastersthesis", "techreport", "misc", "online"]
)


def _words(rng: random.Random, pool: list[str], n: int) -> str:
    return " ".join(rng.choice(pool) for _ in range(n))


def _author(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.12:
        return rng.choice(MONONYMS)
    if roll < 0.55:
        return f"{rng.choice(FAMILY)}, {rng.choice(GIVEN)}"
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _entry(rng: random.Random, i: int) -> str:
    kind = rng.choice(TYPES)
    indonesian = rng.random() < 0.5
    words = ID_WORDS if indonesian else EN_WORDS
    title = _words(rng, words, rng.randint(6, 16)).capitalize()
    if rng.random() < 0.3:
        title = title.replace("Indonesia", "{Indonesia}", 1) + " {(Studi Kasus)}"
    authors = " and ".join(_author(rng) for _ in range(rng.randint(1, 6)))
    year = rng.randint(1995, 2025)
    fields = [("author", "{" + authors + "}"), ("title", "{" + title + "}"), ("year", str(year))]
    if kind == "article":
        fields.append(("journal", rng.choice(list(JOURNALS))))
        fields += [("volume", f"{{{rng.randint(1, 40)}}}"), ("number", f"{{{rng.randint(1, 4)}}}")]
    elif kind in ("inproceedings", "incollection"):
        fields.append(
            ("booktitle", "{Proceedings of the " + _words(rng, EN_WORDS, 5).title() + " Conference}")
        )
    elif kind in ("phdthesis", "mastersthesis"):
        fields.append(
            ("school", "{Universitas " + rng.choice(["Indonesia", "Gadjah Mada", "Airlangga"]) + "}")
        )
    if rng.random() < 0.8:
        start = rng.randint(1, 300)
        fields.append(("pages", f"{{{start}--{start + rng.randint(5, 25)}}}"))
    if rng.random() < 0.5:
        fields.append(
            ("publisher", "{" + rng.choice(["Universitas Indonesia Press", "Springer", "Sage"]) + "}")
        )
    if rng.random() < 0.7:
        fields.append(("doi", f"{{10.{rng.randint(1000, 9999)}/jkp.v{rng.randint(1, 9)}i{i}}}"))
    if rng.random() < 0.5:
        fields.append(("url", f"{{https://journal.example.ac.id/index.php/jkp/article/view/{i}}}"))
    if rng.random() < 0.7:
        abstract = ". ".join(
            _words(rng, words, rng.randint(12, 25)).capitalize() for _ in range(rng.randint(5, 9))
        )
        fields.append(("abstract", "{" + abstract.replace("%", "\\%") + ".}"))
    if rng.random() < 0.8:
        fields.append(
            ("keywords", "{" + ", ".join(_words(rng, words, 2) for _ in range(rng.randint(3, 6))) + "}")
        )
    if rng.random() < 0.4:
        fields.append(("langid", "{indonesian}" if indonesian else "{english}"))
    if rng.random() < 0.3:
        fields.append(("file", f"{{Full Text PDF:files/{i}/paper{i}.pdf:application/pdf}}"))
    if rng.random() < 0.3:
        fields.append(("month", rng.choice(["jan", "mar", "jun", "sep", "dec"])))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{key{i},\n{body}\n}}\n"


def generate(path: Path, entries: int, seed: int) -> None:
    rng = random.Random(seed)
    header = "".join(f"@string{{{k} = {{{v}}}}}\n" for k, v in JOURNALS.items())
    path.write_text(header + "\n".join(_entry(rng, i) for i in range(entries)), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.bib"
        generate(path, args.entries, args.seed)
        data = path.read_bytes()
        print(f"generated {args.entries} entries, {len(data) / 1e6:.1f} MB")
        best = float("inf")
        for _ in range(args.repeat):
            # Fresh caches each run: a real import sees each file once.
            latex._decode_cached.cache_clear()
            fields._clean_short.cache_clear()
            bibtex._text_cached.cache_clear()
            from litreview.text import names

            names._parse_cached.cache_clear()
            start = time.perf_counter()
            result = bibtex.read(data, path.name)
            best = min(best, time.perf_counter() - start)
        print(
            f"read(): {len(result.papers)} papers, {len(result.errors)} errors, "
            f"{len(result.warnings)} file warnings"
        )
        print(f"best of {args.repeat}: {best:.2f} s = {len(result.papers) / best:,.0f} entries/s")


if __name__ == "__main__":
    main()
