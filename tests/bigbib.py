"""A large generated BibTeX library for the process and reliability tests (distinct records: unique
titles, authors and DOIs, so a clean import adds every one)."""

from __future__ import annotations

from pathlib import Path

WORDS = ("kampanye media sosial pemilih muda partisipasi politik hoaks literasi digital demokrasi "
         "polarisasi relawan daring platform regulasi pengawasan citra partai kandidat").split()


def entry(i: int) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(6)]
    title = f"{' '.join(words).capitalize()} studi nomor {i}"
    abstract = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(45))
    return (f"@article{{rec{i},\n  title = {{{title}}},\n"
            f"  author = {{Penulis{i:05d}, Ahmad and Rekan{i:05d}, Budi}},\n"
            f"  year = {{{2000 + i % 25}}},\n  journal = {{Jurnal Ilmu Politik {i % 30}}},\n"
            f"  volume = {{{i % 12 + 1}}},\n  pages = {{{i % 90 + 1}--{i % 90 + 15}}},\n"
            f"  doi = {{10.5555/lr.{i}}},\n  abstract = {{{abstract}}},\n}}\n")


def write_big_bib(path: Path, n: int = 7000, start: int = 0) -> Path:
    path.write_text("\n".join(entry(i) for i in range(start, start + n)), encoding="utf-8")
    return path
