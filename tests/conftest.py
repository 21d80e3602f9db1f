"""Shared fixtures: corpora, a CLI runner, and the path to ../shared when it is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from litreview.store import Corpus

# In CI the property tests draw the same examples every run: a gate that does not flake. Locally
# they draw new ones each run, to find what CI would then keep finding.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared is not present")


@pytest.fixture
def memory_corpus():
    corpus = Corpus.in_memory()
    yield corpus
    corpus.close()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """An initialised corpus in tmp_path/.litreview; returns tmp_path."""
    Corpus.init(tmp_path).close()
    return tmp_path


@pytest.fixture(scope="session", autouse=True)
def _one_command_tree():
    """Typer builds the click command tree on every CliRunner.invoke (about 25 ms); the tests
    build it once per process. The root group puts each run's help language back (see
    ``litreview.cli.localize_help``), so a run in Indonesian leaves nothing behind."""
    import typer.testing

    built: dict[int, object] = {}
    original = typer.testing._get_command

    def cached(app):  # type: ignore[no-untyped-def]
        if id(app) not in built:
            built[id(app)] = original(app)
        return built[id(app)]

    typer.testing._get_command = cached
    yield
    typer.testing._get_command = original


@pytest.fixture(autouse=True)
def _isolate(monkeypatch, tmp_path):
    """No test sees the developer's corpus or editor."""
    monkeypatch.delenv("LITREVIEW_CORPUS", raising=False)
    monkeypatch.delenv("LITREVIEW_LANG", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # files the commands keep (refused edits) stay here
    os.environ.setdefault("TERM", "dumb")
    from litreview import i18n

    i18n.set_lang(None)  # a command run with --lang id earlier in this process leaves its language set
    yield
    i18n.set_lang(None)


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Invoke the CLI (Typer's CliRunner) in tmp_path: run("add", "x.bib")."""
    from typer.testing import CliRunner

    from litreview.cli import app

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args, **kwargs):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return invoke


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The bundled sample corpus added and tagged once per test process; copy it, never change it
    (the ``sample_corpus`` fixture does)."""
    from typer.testing import CliRunner

    from litreview.cli import app

    root = tmp_path_factory.mktemp("sample-template")
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    added = runner.invoke(app, ["add", str(ROOT / "corpus"), "-C", str(root)])
    assert added.exit_code == 0, added.output
    return root / ".litreview"


@pytest.fixture
def sample_corpus(sample_template, tmp_path) -> Path:
    """tmp_path holding a fresh copy of the tagged sample corpus (what `litreview add corpus/` makes)."""
    import shutil

    shutil.copytree(sample_template, tmp_path / ".litreview")
    return tmp_path


def snapshot(corpus_root: Path) -> tuple:
    """Everything observable about a corpus: table contents and the files/ listing."""
    import sqlite3

    db = sqlite3.connect(corpus_root / "corpus.db")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    content = tuple((t, tuple(db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall())) for t in tables)
    db.close()
    files = tuple(sorted(p.name for p in (corpus_root / "files").iterdir()))
    return content, files


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def _chrome(javascript: bool = True):
    """Headless Chromium through selenium, or a skip when either is missing or cannot start here."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian: apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,800"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.common.exceptions import WebDriverException

    try:
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    except WebDriverException as error:  # the browser is there but cannot start here: not our code's fault
        pytest.skip(f"headless Chromium did not start: {error.msg}")
    driver.set_page_load_timeout(10)
    return driver


@pytest.fixture
def browser():
    driver = _chrome()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser_without_js():
    driver = _chrome(javascript=False)
    try:
        yield driver
    finally:
        driver.quit()
