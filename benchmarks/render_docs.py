"""Render the Word and Excel outputs as LibreOffice prints them and check them for broken words.

For each corpus given (default: the bundled sample corpus, imported into a temporary
folder), writes the literature matrix, theme grid, synthesis and evidence table as .docx, the
reading list as .docx, and the matrix and evidence table as .xlsx; converts them all to PDF with
LibreOffice (one headless run), and reports per file the pages, their size and orientation,
and every word of the table that the PDF does not hold whole (a word broken across lines; a
compound may break after its hyphen, as type allows).
With ``--png DIR`` it also writes page images (pdftoppm) to look at.

    python benchmarks/render_docs.py                          # the sample corpus
    python benchmarks/render_docs.py --corpus ../shared-corpus --png /tmp/pages
    python benchmarks/render_docs.py --add ../shared/data/pdf/indonesian --level mentioned

Needs ``soffice`` (LibreOffice writer and calc) and poppler's ``pdftotext``/``pdfinfo``
(``pdftoppm`` for images). Exits 1 when a word is broken.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SPLIT_WORD = re.compile(r"(\w)- (\w)")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)


def litreview(corpus: Path, *args: str) -> None:
    command = [sys.executable, "-m", "litreview", *args]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LITREVIEW_CORPUS": str(corpus)})
    if done.returncode != 0:
        raise SystemExit(f"litreview {' '.join(args)}: {done.stderr.strip()}")


def outputs(corpus: Path, folder: Path, level: str = "discussed") -> list[Path]:
    """Write the documents to check into ``folder``: tables and the reading list."""
    written = []
    for kind in ("matrix", "themes", "synthesis", "evidence"):
        path = folder / f"{kind}.docx"
        litreview(corpus, "table", kind, "--level", level, "-o", str(path))
        written.append(path)
    path = folder / "reading.docx"
    litreview(corpus, "reading-list", "--level", level, "-o", str(path))
    written.append(path)
    for kind in ("matrix", "evidence"):
        path = folder / f"{kind}-sheet.xlsx"
        litreview(corpus, "table", kind, "--level", level, "-o", str(path))
        written.append(path)
    return written


def to_pdf(files: list[Path], folder: Path) -> list[Path]:
    """One headless LibreOffice run for all the files, with a profile of its own."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), *map(str, files)], capture_output=True, check=True, timeout=300)
    return [folder / f"{f.stem}.pdf" for f in files]


def document_words(path: Path) -> set[str]:
    """The words of a .docx's table cells and captions, or of an .xlsx's cells."""
    texts: list[str] = []
    if path.suffix == ".docx":
        from docx import Document

        document = Document(str(path))
        texts += [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                texts += [cell.text for cell in row.cells]
    else:
        from openpyxl import load_workbook

        for sheet in load_workbook(str(path), read_only=True).worksheets:
            for row in sheet.iter_rows(values_only=True):
                texts += [str(v) for v in row if isinstance(v, str)]
    # "SCIB- ERT" (a PDF's line-end hyphen kept in the text) is printed "SCIB-" at a line end, which
    # pdftotext joins again: compare with the joined word.
    return {w for text in texts for w in _TOKEN.findall(_SPLIT_WORD.sub(r"\1-\2", text)) if len(w) > 1}


def pdf_facts(pdf: Path) -> tuple[int, str, set[str]]:
    """Pages, the first page's size and orientation, and the PDF's words."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?", info)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    shape = f"{size.group(3) or f'{width:.0f}x{height:.0f}pt'} {'landscape' if width > height else 'portrait'}"
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return pages, shape, set(_TOKEN.findall(text))


_HYPHENS = re.compile(r"[-\u2010\u2011/]")


def _whole(word: str, printed: set[str], parts: set[str]) -> bool:
    """Whether the PDF holds the word whole. A compound may break after its hyphen, as type does
    ("cross-" / "reference"; pdftotext then prints both halves, or joins them without the hyphen);
    a break anywhere else ("R/ea/ch", "20/14") loses the word."""
    if word in printed:
        return True
    pieces = [p for p in _HYPHENS.split(word) if p]
    return len(pieces) > 1 and (all(p in parts for p in pieces) or "".join(pieces) in parts)


def broken_words(source: Path, pdf: Path) -> tuple[int, str, int, list[str]]:
    """(pages, page shape, words checked, words the PDF does not hold whole)."""
    pages, shape, printed = pdf_facts(pdf)
    words = document_words(source)
    parts = {p for token in printed for p in _HYPHENS.split(token) if p} | {_HYPHENS.sub("", t) for t in printed}
    # A cell cut off by a page boundary or hidden by a column too narrow would lose the word too.
    missing = sorted(w for w in words if not _whole(w, printed, parts))
    return pages, shape, len(words), missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder (with .litreview/)")
    parser.add_argument("--add", nargs="*", default=[], help="files or folders to import into a new corpus")
    parser.add_argument("--level", default="discussed", help="discussed (default) or mentioned")
    parser.add_argument("--png", type=Path, help="write page images (first 3 pages of each file) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            litreview(corpus, "init", str(corpus))
            litreview(corpus, "add", *(args.add or [str(ROOT / "corpus")]))
        started = time.perf_counter()
        files = outputs(corpus, work, args.level)
        pdfs = to_pdf(files, work)
        print(f"{len(files)} files written and converted in {time.perf_counter() - started:.1f} s")
        failed = 0
        for source, pdf in zip(files, pdfs, strict=True):
            pages, shape, checked, missing = broken_words(source, pdf)
            failed += bool(missing)
            print(f"{source.name:22} {pages:3} pages  {shape:20} {checked:5} words  "
                  f"{'ok' if not missing else 'BROKEN: ' + ', '.join(missing[:12])}")
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                subprocess.run(["pdftoppm", "-r", "60", "-l", "3", "-png", str(pdf), str(args.png / source.stem)],
                               check=True)
        return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
