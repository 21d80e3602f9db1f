"""Time to build the HTML review report of a large tagged corpus, and to open it in Chromium.

    python benchmarks/bench_report.py                  # 10,000 tagged papers
    python benchmarks/bench_report.py --papers 2000

Generates abstracts (as bench_tag.py does, with the authors and years of bench_table.py and one
of five source databases each), adds and tags them in a corpus in a temporary directory, then
times each chart, the whole report (build and render) and, when /usr/bin/chromium and
chromedriver are there, loading the page until its script has run. Target: the report in
under 10 seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_table import make_corpus as make_table_corpus  # noqa: E402

from litreview.render.chart import render_chart  # noqa: E402
from litreview.render.report import render_report  # noqa: E402
from litreview.store import Corpus  # noqa: E402
from litreview.synthesis.charts import KINDS, build_chart  # noqa: E402
from litreview.synthesis.report import build_report  # noqa: E402
from litreview.themes.codebook import load_codebook  # noqa: E402

DATABASES = ["Scopus", "Google Scholar", "Web of Science", "Crossref", ""]  # "" : a file that names none


def make_corpus(root: Path, papers: int) -> Corpus:
    return make_table_corpus(root, papers, DATABASES)


def open_in_chromium(page: Path) -> float | None:
    """Seconds from asking Chromium to load the page to its evidence filter being ready, or None."""
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not (chromium.exists() and driver_path.exists()):
        return None
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(driver_path)))
    try:
        driver.set_page_load_timeout(120)
        t0 = time.perf_counter()
        driver.get(page.as_uri())  # returns after the load event: parsed, laid out, scripts run
        driver.execute_script("return document.getElementById('evidence-count').textContent")
        return time.perf_counter() - t0
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        corpus = make_corpus(Path(tmp), args.papers)
        print(f"{args.papers:,} papers added and tagged in {time.perf_counter() - t0:.1f} s")
        codebook = load_codebook()
        for kind in KINDS:
            t0 = time.perf_counter()
            try:
                chart = build_chart(corpus, codebook, kind)
            except Exception as error:  # noqa: BLE001 - a kind this corpus cannot draw (no full texts: network)
                print(f"chart {kind:15s} not drawn: {error}")
                continue
            built = time.perf_counter() - t0
            t1 = time.perf_counter()
            render_chart(chart, "svg")
            print(f"chart {kind:15s} {built:5.2f} s build, {time.perf_counter() - t1:5.2f} s SVG")
        t0 = time.perf_counter()
        report = build_report(corpus, codebook)
        built = time.perf_counter() - t0
        t1 = time.perf_counter()
        page = render_report(report)
        rendered = time.perf_counter() - t1
        print(f"report: {built:.2f} s build, {rendered:.2f} s render, {built + rendered:.2f} s in all "
              f"(target < 10 s); {len(page) / 1e6:.1f} MB, {len(report.evidence):,} evidence rows")
        target = Path(tmp) / "review.html"
        target.write_bytes(page)
        opened = open_in_chromium(target)
        print("open in Chromium: " + (f"{opened:.2f} s" if opened is not None else "skipped (no Chromium)"))
        corpus.close()


if __name__ == "__main__":
    main()
