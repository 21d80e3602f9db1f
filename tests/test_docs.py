"""The docs stay true: every command in docs/reference.md, the README's tour links to sections that
exist, CI runs the README's test command."""

import re

from conftest import ROOT
from typer.main import get_command

from litreview.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
REFERENCE = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_reference():
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert commands
    for name in commands:
        assert re.search(rf"`litreview {re.escape(name)}\b", REFERENCE), f"`litreview {name}` is not documented"


def _anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_readme_links_lead_to_existing_files_and_sections():
    anchors = {_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", REFERENCE, flags=re.MULTILINE)}
    links = re.findall(r"\]\(([^)#]+)(?:#([^)]+))?\)", README)
    assert links
    for path, anchor in links:
        assert (ROOT / path).is_file(), path
        if anchor and path == "docs/reference.md":
            assert anchor in anchors, anchor


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)\n```", quick, re.DOTALL)
    assert len(blocks) == 2
    main_job, tests = blocks
    assert "litreview add corpus/" in main_job
    assert "pytest" in tests
    assert tests.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_example_codebook_is_valid_and_tags():
    from litreview.model import Paper
    from litreview.themes.codebook import load_codebook
    from litreview.themes.tagger import Tagger

    book = load_codebook(ROOT / "examples" / "codebook-kampanye-digital.yaml")
    assert book.theme_ids == ["influencer", "money", "local"]
    paper = Paper(key="x", abstract="Kampanye pilkada memakai influencer politik dan pendengung. "
                                    "Para kandidat membayar influencer politik di TikTok.")
    assert [t.theme for t in Tagger(book).tag(paper).assigned] == ["influencer"]
