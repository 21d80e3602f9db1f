"""BibTeX throughput on the real libraries in ../shared, against bibtexparser's parse of the same file.

    python benchmarks/bench_bibtex_real.py                  # both large libraries, 5 runs each
    python benchmarks/bench_bibtex_real.py --runs 3 path/to/library.bib

For each file (one that is absent is skipped): our parse (``litreview.ingest.bibtex.read``: entries
split, LaTeX decoded, names, dates, languages read; fresh caches each run, as a real import sees a
file once), bibtexparser's own parse (``bibtexparser.parse_string``, no middleware: entries and raw
fields only), then ``litreview add --no-tag`` and ``litreview add`` (tagging, the default) as a
user runs them: a fresh process into a fresh corpus, wall time with start-up. Each figure is the
best and the median of ``--runs`` runs, in entries per second; the last columns are the ratios of
our figures to bibtexparser's parse rate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.ingest import bibtex, fields  # noqa: E402
from litreview.text import latex, names  # noqa: E402

LARGE = ROOT.parent / "shared" / "data" / "bib" / "large"
DEFAULT_FILES = [LARGE / "rfc_9519_entries.bib", LARGE / "zbb_unabbreviate_1436-3_7166_entries.bib"]


def timed(action: Callable[..., int], runs: int, *arguments: object) -> tuple[list[float], int]:
    """Wall seconds of each run of ``action(*arguments)``, and the last run's result."""
    seconds, result = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        result = action(*arguments)
        seconds.append(time.perf_counter() - start)
    return seconds, result


def our_parse(data: bytes, name: str) -> int:
    latex._decode_cached.cache_clear()
    fields._clean_short.cache_clear()
    bibtex._text_cached.cache_clear()
    names._parse_cached.cache_clear()
    return len(bibtex.read(data, name).papers)


def their_parse(text: str) -> int:
    import bibtexparser

    return len(bibtexparser.parse_string(text).entries)


def add_once(path: Path, *options: str) -> float:
    """Wall seconds of ``litreview add PATH OPTIONS`` into a fresh corpus, start-up included."""
    work = Path(tempfile.mkdtemp(prefix="litreview-bib-"))
    try:
        env = dict(os.environ, LITREVIEW_LANG="")
        subprocess.run([sys.executable, "-m", "litreview", "init", str(work)], check=True, env=env,
                       capture_output=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "litreview", "add", str(path), *options, "--corpus", str(work)],
                              env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 3):
            raise SystemExit(f"litreview add {path.name} {' '.join(options)}: exit {proc.returncode}: "
                             f"{proc.stderr.strip()[-300:]}")
        return elapsed
    finally:
        shutil.rmtree(work, ignore_errors=True)


def rates(entries: int, seconds: list[float]) -> tuple[float, float]:
    """(best, median) entries per second."""
    return entries / min(seconds), entries / statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="BibTeX files (default: the two large shared libraries)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each step (best and median shown)")
    args = parser.parse_args()
    try:
        import bibtexparser  # noqa: F401
    except ImportError:
        raise SystemExit("bibtexparser is not installed: pip install -e '.[test]'") from None
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.runs} runs each; load average {load:.2f} on {os.cpu_count()} cores")
    for path in args.files or DEFAULT_FILES:
        if not path.is_file():
            print(f"{path}: absent, skipped")
            continue
        data = path.read_bytes()
        text = bibtex._file_text(data, path.name)
        ours, entries = timed(our_parse, args.runs, data, path.name)
        theirs, their_entries = timed(their_parse, args.runs, text)
        no_tag = [add_once(path, "--no-tag") for _ in range(args.runs)]
        tagged = [add_once(path) for _ in range(args.runs)]
        peer = rates(their_entries, theirs)
        print(f"\n{path.name}: {len(data) / 2**20:.1f} MiB, {entries:,} entries ({their_entries:,} for bibtexparser)")
        print(f"  {'step':34s} {'best':>9s} {'median':>9s}  entries/s   x bibtexparser (best, median)")
        for label, seconds, count in (("bibtexparser.parse_string", theirs, their_entries),
                                      ("our parse (bibtex.read)", ours, entries),
                                      ("litreview add --no-tag (process)", no_tag, entries),
                                      ("litreview add (with tagging)", tagged, entries)):
            best, median = rates(count, seconds)
            print(f"  {label:34s} {best:9,.0f} {median:9,.0f}  {min(seconds):6.2f} s   "
                  f"{best / peer[0]:5.2f}  {median / peer[1]:5.2f}")


if __name__ == "__main__":
    main()
