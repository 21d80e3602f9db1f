"""Throughput of the PDF importer, in pages per second, beside its peers on the same files.

    python benchmarks/bench_pdf.py [DIRECTORY] [--runs R] [--pool N] [--files]

DIRECTORY defaults to ../shared/data/pdf (next to the repository); every PDF under it is read.
Each figure is the best of R runs (default 3), the runs taken in turn so that a change in the
machine's load touches them all alike:

- pdftotext (poppler-utils, when installed): each file's text, one process at a time and N at once;
- pypdfium2 alone: each page's text and nothing more, in one process and in a pool of N;
- our reader (``ingest.pdf.read``: text, cleaning, sections, first-page metadata), the same two ways;
- end to end: ``litreview add DIRECTORY`` into a fresh corpus, as a user runs it (start-up, the
  pool of workers, enrichment, tagging and findings, storing), with the CPU seconds it took in all and
  on its critical path (the main process and its busiest worker: its time on two idle cores, a
  figure that holds while other programs load the machine).

Pages are those of the files our reader can read (the same count for every line), and each line
ends with its ratio to pdftotext and to pypdfium2 alone on as many processes: above 1.0x is faster.
``--files`` also lists each file's pages and seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.errors import ImportFailed  # noqa: E402
from litreview.ingest.pdf import read  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "pdf"


def timed_read(path: Path) -> tuple[str, int, float, str]:
    """(file name, pages, seconds, problem) for one file; safe to run in a worker process."""
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        paper = read(data, path.name).papers[0]
        pages, problem = paper.pages_count, "; ".join(paper.warnings)
    except ImportFailed as exc:  # reported as text: the exception does not cross processes intact
        pages, problem = 0, f"failed: {exc.problem}"
    return path.name, pages, time.perf_counter() - start, problem


def bare_text(path: Path) -> int:
    """pypdfium2 alone: every page's text, nothing done with it; the pages read."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(path.read_bytes())
    except (pdfium.PdfiumError, ValueError, OSError):
        return 0
    pages = 0
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
    except pdfium.PdfiumError:
        pass
    finally:
        doc.close()
    return pages


def pdftotext(path: Path) -> int:
    subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return 0


def run_each(function: Callable[[Path], object], files: list[Path], processes: int) -> float:
    """Seconds to run ``function`` over ``files``: here, or in a pool of ``processes`` (start-up included)."""
    start = time.perf_counter()
    if processes == 1:
        for path in files:
            function(path)
    elif function is pdftotext:  # separate processes already: threads only wait for them
        with ThreadPoolExecutor(processes) as threads:
            list(threads.map(function, files))
    else:
        with ProcessPoolExecutor(processes) as pool:
            list(pool.map(function, files, chunksize=1))
    return time.perf_counter() - start


def end_to_end(directory: Path) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds of all its processes, CPU seconds of its critical path, pages stored) of
    ``litreview add DIRECTORY``. The critical path is the main process's CPU and the busiest pool
    worker's: what the command takes on two idle cores, whatever else the machine is running."""
    import json
    import sqlite3

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "litreview", "init", tmp], check=True, capture_output=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--probe-add", str(directory), tmp],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 3):  # 3: some files failed, as the broken ones in the test set do
            sys.exit(f"litreview add failed ({done.returncode}): {done.stderr[-2000:]}")
        probe = json.loads(done.stdout.strip().splitlines()[-1])
        db = sqlite3.connect(Path(tmp) / ".litreview" / "corpus.db")
        pages = db.execute("SELECT COALESCE(SUM(pages_count), 0) FROM papers").fetchone()[0]
        db.close()
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, probe["main"] + max(probe["workers"] or [0.0]), int(pages)


_MARKER = "\x00cpu "
_real: dict[str, Any] = {}
_workers: dict[str, float] = {}


def _probe_parse(path: str) -> Any:
    """In a pool worker: the file read as add reads it, the worker's CPU so far riding back with it."""
    parsed = _real["parse"](path)
    parsed.warnings = [*parsed.warnings, f"{_MARKER}{os.getpid()} {time.process_time()}"]
    return parsed


def _probe_add_file(corpus: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
    for warning in [w for w in item.warnings if w.startswith(_MARKER)]:
        pid, used = warning[len(_MARKER):].split()
        _workers[pid] = max(_workers.get(pid, 0.0), float(used))
        item.warnings.remove(warning)
    return _real["add"](corpus, item, *args, **kwargs)


def probe_add(directory: str, corpus: str) -> None:
    """Run ``litreview add DIRECTORY --corpus CORPUS`` in this process as the command does, and print
    (as JSON) this process's CPU seconds and each pool worker's at its last file."""
    import contextlib
    import io
    import json

    import litreview.add as add_module

    _real.update(parse=add_module._parse_pdf, add=add_module._add_parsed_file)
    add_module._parse_pdf, add_module._add_parsed_file = _probe_parse, _probe_add_file  # type: ignore[assignment]
    from litreview.cli import main as cli_main

    sys.argv = ["litreview", "add", directory, "--corpus", corpus]
    code = 0
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            cli_main()
        except SystemExit as exc:
            code = int(exc.code or 0)
    print(json.dumps({"main": time.process_time(), "workers": sorted(_workers.values())}))
    sys.exit(code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure; the best is kept")
    parser.add_argument("--pool", type=int, default=2, help="processes for the parallel figures (default 2)")
    parser.add_argument("--files", action="store_true", help="list each file's pages and seconds")
    parser.add_argument("--probe-add", nargs=2, metavar=("DIRECTORY", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe_add:
        probe_add(*args.probe_add)
        return
    files = sorted(args.directory.rglob("*.pdf"))
    if not files:
        sys.exit(f"no PDF files under {args.directory}")
    results = [timed_read(path) for path in files]  # also warms the caches and the imports
    if args.files:
        for name, pages, seconds, problem in results:
            note = f"  ({problem})" if problem else ""
            print(f"{name[:60]:60} {pages:4d} pages {seconds:7.3f} s{note}")
        print()
    pages = sum(r[1] for r in results)
    print(f"{len(files)} files, {pages} pages read ({sum(1 for r in results if r[1])} files with pages); "
          f"best of {args.runs} runs; load average {os.getloadavg()[0]:.1f}")

    n = args.pool
    figures: dict[str, list[float]] = {}
    plan: list[tuple[str, Callable[[], float]]] = []
    if shutil.which("pdftotext"):
        plan += [("pdftotext, 1 process", lambda: run_each(pdftotext, files, 1)),
                 (f"pdftotext, {n} processes", lambda: run_each(pdftotext, files, n))]
    else:
        print("pdftotext: not installed (poppler-utils); no ratio to it")
    plan += [("pypdfium2 text alone, 1 process", lambda: run_each(bare_text, files, 1)),
             (f"pypdfium2 text alone, {n} processes", lambda: run_each(bare_text, files, n)),
             ("our reader, 1 process", lambda: run_each(timed_read, files, 1)),
             (f"our reader, {n} processes", lambda: run_each(timed_read, files, n))]
    cpu: list[float] = []
    critical: list[float] = []

    def whole_add() -> float:
        seconds, used, path, stored = end_to_end(args.directory)
        cpu.append(used)
        critical.append(path)
        if stored != pages:
            print(f"note: litreview add stored {stored} pages, the reader read {pages}")
        return seconds

    plan.append(("litreview add, end to end (2 cores)", whole_add))
    for _ in range(args.runs):
        for label, run in plan:
            figures.setdefault(label, []).append(run())

    best = {label: min(values) for label, values in figures.items()}

    def peer(kind: str, label: str) -> float | None:
        processes = 1 if "1 process" in label else n
        name = f"{kind}, 1 process" if processes == 1 else f"{kind}, {n} processes"
        return best.get(name)

    for label, seconds in best.items():
        ratios = []
        for kind in ("pdftotext", "pypdfium2 text alone"):
            if label.startswith(kind):
                continue
            if label.startswith("litreview add"):  # against both: the peer on one process and on n
                for processes, other in ((1, best.get(f"{kind}, 1 process")), (n, best.get(f"{kind}, {n} processes"))):
                    if other:
                        ratios.append(f"{other / seconds:.2f}x {kind.split()[0]} on {processes}")
                continue
            other = peer(kind, label)
            if other:
                ratios.append(f"{other / seconds:.2f}x {kind.split()[0]}")
        extra = ""
        if label.startswith("litreview add"):
            path = min(critical)
            extra = (f", {min(cpu):.2f} CPU s; main + busiest worker {path:.2f} CPU s"
                     f" = {pages / path:.0f} pages/s on two idle cores")
        print(f"{label:40} {seconds:6.2f} s = {pages / seconds:5.0f} pages/s{extra}"
              + (f"   ({', '.join(ratios)})" if ratios else ""))


if __name__ == "__main__":
    main()
