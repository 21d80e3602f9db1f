"""Reading lists: choosing and ordering the groups, annotations, renderers and the command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from litreview.errors import UsageError, ValidationError
from litreview.model import Paper, Person, Section, Tag
from litreview.synthesis.annotate import MAX_WORDS, Annotation, annotate
from litreview.synthesis.reading_list import ReadingFilter, build_reading_list
from litreview.synthesis.references import resolve_style
from litreview.themes.codebook import load_codebook

DAFTAR = FIXTURES / "reading" / "daftar.bib"


@pytest.fixture(scope="module")
def book():
    return load_codebook()


@pytest.fixture(scope="module")
def apa():
    return resolve_style("apa")


def _paper(key: str, surname: str, year: int | None, title: str) -> Paper:
    return Paper(key=key, authors=[Person(family=surname, given="A.")], year=year, title=title, language="id")


PAPERS = [
    _paper("dewi2019", "Dewi", 2019, "Hoaks di grup percakapan keluarga"),
    _paper("budi2022", "Budi", 2022, "Pemilih pemula dan TikTok"),
    _paper("citra2020", "Citra", 2020, "Literasi digital guru"),
    _paper("ahmad2021", "Ahmad", None, "Relawan daring partai"),
]
TAGS = {
    "dewi2019": [Tag("hoax", 6.0), Tag("literacy", 2.5)],
    "budi2022": [Tag("youth", 9.0), Tag("hoax", 3.0)],
    "citra2020": [Tag("literacy", 4.0, origin="manual")],
    "ahmad2021": [Tag("hoax", 3.0), Tag("youth", 3.0)],
}


def _no_annotation(paper: Paper) -> Annotation:
    return Annotation()


def _build(book, apa, **filters):
    lang = filters.pop("lang", "en")
    return build_reading_list(PAPERS, TAGS, book, apa, ReadingFilter(**filters), lang, annotator=_no_annotation)


def _keys(reading):
    return {g.theme: [e.key for e in g.entries] for g in reading.groups}


# -- choosing and ordering ---------------------------------------------------------------------
def test_groups_in_codebook_order_papers_under_each_theme_by_year(book, apa):
    reading = _build(book, apa, primary_only=False)
    assert [g.theme for g in reading.groups] == ["hoax", "youth", "literacy"]  # the codebook's order
    assert _keys(reading) == {
        "hoax": ["dewi2019", "budi2022", "ahmad2021"],  # by year; no year last
        "youth": ["budi2022", "ahmad2021"],
        "literacy": ["dewi2019", "citra2020"],
    }
    assert [g.label for g in reading.groups] == ["Hoaxes and disinformation", "Young voters",
                                                 "Digital and political literacy"]
    assert [p.key for p in reading.papers] == ["dewi2019", "budi2022", "ahmad2021", "citra2020"]
    entry = reading.groups[0].entries[0]
    assert entry.themes == ["Hoaxes and disinformation", "Digital and political literacy"]
    assert entry.score == 6.0 and entry.reference.text == "Dewi, A. (2019). Hoaks di grup percakapan keluarga."
    assert reading.notes == ["Style: APA Style 7th edition; 4 papers; ordered by year, oldest first; "
                             "each paper under every theme it has"]
    assert [e.number for g in reading.groups for e in g.entries] == list(range(1, 8))
    # the reference list at the end: each paper once, by author
    assert [r.text.split(",")[0] for r in reading.references] == ["Ahmad", "Budi", "Citra", "Dewi"]


def test_each_paper_once_by_default(book, apa):
    reading = _build(book, apa)
    assert _keys(reading) == {"hoax": ["dewi2019", "ahmad2021"], "youth": ["budi2022"], "literacy": ["citra2020"]}
    assert [e.number for g in reading.groups for e in g.entries] == [1, 2, 3, 4]
    assert reading.notes[0].endswith("; each paper under its strongest theme")


def test_order_by_score_and_author_top_and_years(book, apa):
    every = {"primary_only": False}
    assert _keys(_build(book, apa, order="score", **every))["hoax"] == ["dewi2019", "ahmad2021", "budi2022"]  # ties
    assert _keys(_build(book, apa, order="author", **every))["hoax"] == ["ahmad2021", "budi2022", "dewi2019"]
    assert _keys(_build(book, apa, order="score", top=1, **every)) == {
        "hoax": ["dewi2019"], "youth": ["budi2022"], "literacy": ["citra2020"]}
    assert _keys(_build(book, apa, year_from=2020, year_to=2021, **every)) == {"literacy": ["citra2020"]}


def test_primary_only_and_chosen_themes(book, apa):
    # ahmad2021 scores hoax and youth alike: the codebook's order decides (hoax comes first)
    assert _keys(_build(book, apa, primary_only=True)) == {
        "hoax": ["dewi2019", "ahmad2021"], "youth": ["budi2022"], "literacy": ["citra2020"]}
    # with --theme, the strongest of the themes shown
    assert _keys(_build(book, apa, themes=["literacy", "youth"], primary_only=True)) == {
        "youth": ["budi2022", "ahmad2021"], "literacy": ["dewi2019", "citra2020"]}


def test_only_kept_papers_are_annotated(book, apa):
    seen = []

    def note(paper):
        seen.append(paper.key)
        return Annotation(aim=f"Aim of {paper.key}.")

    reading = build_reading_list(PAPERS, TAGS, book, apa, ReadingFilter(themes=["youth"], top=1), annotator=note)
    assert seen == ["budi2022"] and reading.groups[0].entries[0].annotation.text == "Aim of budi2022."


def test_indonesian_labels(book, apa):
    reading = _build(book, apa, lang="id", order="score", top=2, primary_only=True)
    assert reading.title == "Daftar bacaan"
    assert reading.notes == ["Gaya: APA edisi ke-7; 4 artikel; diurutkan menurut skor bukti, tertinggi "
                             "dahulu; tiap artikel di bawah tema terkuatnya; paling banyak 2 per tema"]
    assert reading.groups[0].label == "Hoaks dan disinformasi"


def test_bad_filters_and_empty_lists(book, apa):
    with pytest.raises(UsageError, match="--order 'title': choose one of year, score, author"):
        _build(book, apa, order="title")
    with pytest.raises(UsageError, match="--top 0: give a number of papers per theme, 1 or more"):
        _build(book, apa, top=0)
    with pytest.raises(UsageError, match="unknown theme 'kampanye-hitam'; the codebook's themes are: reach"):
        _build(book, apa, themes=["kampanye-hitam"])
    with pytest.raises(ValidationError, match=r"empty for these filters \(theme reach; year 2030-; all themes\)"):
        _build(book, apa, themes=["reach"], year_from=2030, primary_only=False)
    with pytest.raises(ValidationError, match="no paper has a theme yet; run `litreview tag`"):
        build_reading_list(PAPERS, {}, book, apa)


# -- annotations -------------------------------------------------------------------------------
def _with_sections(parts: list[tuple[str, str, str]]) -> Paper:
    text, sections = "", []
    for kind, heading, body in parts:
        start = len(text)
        text += f"{heading}\n\n{body}\n\n"
        sections.append(Section(kind=kind, heading=heading, start=start, end=len(text)))
    return Paper(key="x", title="t", text=text, sections=sections, language="id")


def test_annotation_from_full_text_aim_then_finding_verbatim():
    paper = _with_sections([
        ("introduction", "Pendahuluan", "Kampanye daring makin ramai menjelang pemungutan suara. Tujuan penelitian "
                                        "ini adalah memahami cara relawan menyebarkan pesan kandidat di desa."),
        ("method", "Metode", "Data dikumpulkan melalui wawancara dengan tiga puluh relawan."),
        ("results", "Hasil", "Hasil penelitian menunjukkan bahwa pesan relawan lebih dipercaya\nwarga daripada "
                             "iklan berbayar. Tabel 2 merangkum jawaban."),
    ])
    note = annotate(paper)
    assert note.aim == ("Tujuan penelitian ini adalah memahami cara relawan menyebarkan pesan kandidat di desa.")
    assert note.finding == ("Hasil penelitian menunjukkan bahwa pesan relawan lebih dipercaya warga daripada "
                            "iklan berbayar.")  # the line break made a space, nothing else changed
    assert note.text == f"{note.aim} {note.finding}"


def test_annotation_from_the_abstract_in_the_lists_language():
    paper = Paper(key="b", title="t",
                  abstract_id="Artikel ini membahas peran influencer dalam kampanye. Hasilnya menunjukkan bahwa "
                              "pengikut muda lebih aktif berkomentar.",
                  abstract_en="This article examines the part influencers play in campaigns. The results show that "
                              "young followers comment more often.")
    paper.abstract = paper.abstract_id
    english = annotate(paper, "en")
    assert english.aim == "This article examines the part influencers play in campaigns."
    assert english.finding == "The results show that young followers comment more often."
    assert annotate(paper, "id").aim == "Artikel ini membahas peran influencer dalam kampanye."


def test_annotation_without_aim_and_long_sentences():
    long_finding = "We find that " + " ".join(["turnout"] * (MAX_WORDS + 10)) + "."
    paper = Paper(key="c", title="t", abstract=f"Elections are noisy affairs in many places. {long_finding}")
    note = annotate(paper)
    assert note.aim == ""
    assert note.finding.endswith("turnout\u2026") and len(note.finding.split()) == MAX_WORDS
    assert not annotate(Paper(key="d", title="Only a title"))


# -- renderers ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def odd_list(book, apa):
    papers = [Paper(key="odd", title="Pesan [bold]kampanye[/bold] <script>x</script>", year=2021, language="id",
                    authors=[Person(literal="Munadi")], journal="Jurnal Politik")]
    note = Annotation(aim="Penelitian ini bertujuan menguji [red]warna[/red] & *bintang*.")
    return build_reading_list(papers, {"odd": [Tag("hoax", 3.0)]}, book, apa, annotator=lambda p: note)


def test_terminal_prints_paper_text_as_written(odd_list):
    from litreview.render.reading_list import render_reading_list

    text = render_reading_list(odd_list, "terminal", width=200).decode()
    assert text.splitlines() == [
        "Reading list",
        "Style: APA Style 7th edition; 1 paper; ordered by year, oldest first; each paper under its strongest theme",
        "",
        "Hoaxes and disinformation (1 paper)",
        "  1. Munadi. (2021). Pesan [bold]kampanye[/bold] <script>x</script>. Jurnal Politik.",
        "      Penelitian ini bertujuan menguji [red]warna[/red] & *bintang*.",
        "      Themes: Hoaxes and disinformation",
        "",
        "References",
        "  Munadi. (2021). Pesan [bold]kampanye[/bold] <script>x</script>. Jurnal Politik.",
    ]
    coloured = render_reading_list(odd_list, "terminal", width=200, color=True).decode()
    assert "\x1b[3mJurnal Politik\x1b[0m" in coloured  # the journal in italics


def test_markdown_html_escape_and_italics(odd_list):
    from litreview.render.reading_list import render_reading_list

    markdown = render_reading_list(odd_list, "markdown").decode()
    assert ("1. Munadi. (2021). Pesan \\[bold\\]kampanye\\[/bold\\] \\<script\\>x\\</script\\>. *Jurnal Politik*.  "
            in markdown)
    assert "  Penelitian ini bertujuan menguji \\[red\\]warna\\[/red\\] & \\*bintang\\*.  " in markdown
    page = render_reading_list(odd_list, "html").decode()
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<i>Jurnal Politik</i>" in page and '<html lang="en">' in page


def test_docx_has_real_italic_runs_and_is_reproducible(odd_list):
    from docx import Document

    from litreview.render.reading_list import render_reading_list

    data = render_reading_list(odd_list, "docx")
    assert data == render_reading_list(odd_list, "docx")
    paragraphs = Document(io.BytesIO(data)).paragraphs
    reference = next(p for p in paragraphs if p.text.startswith("Munadi. (2021)."))
    assert [(r.text, bool(r.italic)) for r in reference.runs] == [
        ("Munadi. (2021). Pesan [bold]kampanye[/bold] <script>x</script>. ", False), ("Jurnal Politik", True),
        (".", False)]
    assert reference.style.name == "Reference"


# -- the command -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def daftar_dir(tmp_path_factory) -> Path:
    """A corpus of the fixture records with themes given by hand, built once (the tests only read it)."""
    from typer.testing import CliRunner

    from litreview.cli import app

    root = tmp_path_factory.mktemp("daftar")
    runner = CliRunner()
    commands = [["init", str(root)], ["add", "--no-tag", "--corpus", str(root), str(DAFTAR)]]
    for key, *themes in (("munadi2021", "youth", "mobilization"), ("putri2022", "hoax"), ("smith2020", "youth")):
        commands.append(["tag", "add", "--corpus", str(root), key, *themes])
    for command in commands:
        assert runner.invoke(app, command, catch_exceptions=False).exit_code == 0, command
    return root


@pytest.fixture
def read(run, daftar_dir):
    """Run a command on the fixture corpus."""
    return lambda *args: run(*args, "--corpus", daftar_dir)


def test_reading_list_command_terminal(read):
    result = read("reading-list", "--theme", "youth", "--theme", "hoax")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        'Reading list',
        'Covers all three records in the library (each tagged with at least one theme). Filters: themes Young',
        'voters, Hoaxes and disinformation.',
        'Style: APA Style 7th edition; 3 papers; ordered by year, oldest first; each paper under its',
        'strongest theme',
        '',
        'Hoaxes and disinformation (1 paper)',
        '  1. Putri, A. L., Nugroho, B., & Santoso, C. (2022). Hoaks politik [ulasan] dan <b>literasi</b>',
        '    warga. Jurnal Komunikasi.',
        '      Themes: Hoaxes and disinformation',
        '',
        'Young voters (2 papers)',
        '  2. Smith, J., & Doe, J. (2020). Social media and youth turnout. Journal of Political',
        '    Communication.',
        '      This study examines whether campaign posts on Instagram raise turnout among first-time voters.',
        '      We find that exposure to posts by peers increased reported turnout by six percentage points.',
        '      Themes: Young voters',
        '  3. Munadi. (2021). Relawan digital dan mobilisasi pemilih sebagai strategi kampanye. Jurnal ilmu',
        '    sosial dan politik, 4(1), 1–15.',
        '      Penelitian ini bertujuan untuk memahami peran relawan digital dalam kampanye pilkada. Hasil',
        '      penelitian menunjukkan bahwa relawan digital memperluas jangkauan pesan kandidat di kalangan',
        '      pemilih pemula.',
        '      Themes: Young voters, Mobilization',
        '',
        'References',
        '  Munadi. (2021). Relawan digital dan mobilisasi pemilih sebagai strategi kampanye. Jurnal ilmu',
        '    sosial dan politik, 4(1), 1–15.',
        '  Putri, A. L., Nugroho, B., & Santoso, C. (2022). Hoaks politik [ulasan] dan <b>literasi</b>',
        '    warga. Jurnal Komunikasi.',
        '  Smith, J., & Doe, J. (2020). Social media and youth turnout. Journal of Political Communication.',
    ]
    assert result.stderr == ""


def test_reading_list_in_indonesian(read):
    result = read("reading-list", "--lang", "id", "--order", "score", "--primary-only", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# Daftar bacaan"
    # munadi2021's evidence for mobilization outweighs its one sentence about young voters
    assert "## Pemilih muda (1 artikel)" in lines and "## Mobilisasi (1 artikel)" in lines
    assert "  *Tema:* Pemilih muda, Mobilisasi  " in lines


def test_reading_list_files_by_extension_and_same_bytes(read, tmp_path):
    from litreview.render.reading_list import format_for_path

    assert [format_for_path(Path(f"x{ext}")) for ext in (".txt", ".MD", ".htm", ".docx", ".bib", ".json", ".pdf")] == [
        "terminal", "markdown", "html", "docx", "bibtex", "csljson", None]
    for name in ("daftar.docx", "daftar.bib", "daftar.json"):
        result = read("reading-list", "-o", name)
        assert result.exit_code == 0 and result.stderr == f"Wrote {name}\n", result.output
    data = (tmp_path / "daftar.docx").read_bytes()
    assert read("reading-list", "-o", "daftar.docx").exit_code == 0
    assert (tmp_path / "daftar.docx").read_bytes() == data  # the same corpus gives the same bytes
    assert (tmp_path / "daftar.bib").read_text().count("@article{") == 3
    assert {i["id"] for i in json.loads((tmp_path / "daftar.json").read_text())} == {
        "munadi2021", "putri2022", "smith2020"}


def test_reading_list_bad_input_is_one_line(read):
    cases = [
        (("reading-list", "--theme", "reach"), 1,
         "error: the reading list is empty for these filters (theme reach)"),
        (("reading-list", "--year", "2030-", "--top", "2"), 1,
         "error: the reading list is empty for these filters (year 2030-; top 2)"),
        (("reading-list", "--theme", "kampanye-hitam"), 2, "error: unknown theme 'kampanye-hitam'"),
        (("reading-list", "--style", "harvard"), 2, "error: unknown citation style 'harvard'; did you mean "
                                                   "harvard-cite-them-right"),
        (("reading-list", "--style", "tidak/ada.csl"), 1, "error: tidak/ada.csl: no such style file"),
        (("reading-list", "--order", "judul"), 2, "error: --order 'judul': choose one of year, score, author"),
        (("reading-list", "-o", "daftar.pdf"), 2, "error: daftar.pdf: cannot tell the format"),
    ]
    for args, code, message in cases:
        result = read(*args)
        assert result.exit_code == code, (args, result.output)
        assert result.stderr.startswith(message), (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_reading_list_of_an_untagged_or_empty_corpus(run, tmp_path):
    assert run("init").exit_code == 0
    result = run("reading-list")
    assert result.exit_code == 1 and result.stderr.startswith("error: the corpus has no papers")
    assert run("add", "--no-tag", DAFTAR).exit_code == 0
    result = run("reading-list")
    assert result.exit_code == 1 and "no paper is tagged with a theme yet; run `litreview tag`" in result.stderr
    assert "--all" in result.stderr
    every = run("reading-list", "--all", "--format", "markdown")  # untagged papers follow in a group of their own
    assert every.exit_code == 0, every.output
    assert "## Not tagged with a theme" in every.stdout
    assert "Covers all" in every.stdout and "records in the library, tagged with a theme or not." in every.stdout


def test_sample_corpus_reading_list(run, sample_corpus):
    result = run("reading-list", "--theme", "youth", "--lang", "id")
    assert result.exit_code == 0, result.output
    # APA 7: the title in sentence case, proper nouns kept (stored in Title Case)
    assert "  Munadi. (2023). Pemilih milenial dan Gen Z: Perilaku politik kaum muda dalam Pemilu Indonesia." \
           in result.stdout
    assert "Munadi, ." not in result.stdout
    assert "Pemilih muda (3 artikel)" in result.stdout
