"""Everything the HTML review report shows, gathered from the corpus into one ``Report``.

The report reuses the other builders: the charts (``charts.py``), the theme synthesis and the
theme grid (``synthesize.py``, ``grid.py``), the reading list (``reading_list.py``) and the PRISMA
counts (``prisma.py``); what it adds is the overview and the rows of the evidence browser.
``render/report.py`` turns it into one self-contained HTML page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from litreview.errors import LitreviewError, ValidationError
from litreview.i18n import tr

if TYPE_CHECKING:
    from litreview.store import Corpus
    from litreview.synthesis.charts import Chart
    from litreview.synthesis.prisma import Identification
    from litreview.synthesis.reading_list import ReadingList
    from litreview.synthesis.table import Table
    from litreview.themes.codebook import Codebook

EVIDENCE_PER_THEME = 2  # sentences per paper and theme in the evidence browser (the strongest)
READING_TOP = 20  # papers per theme in the report's reading list (the strongest; formatting each costs ~4 ms)

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Literature review report", "overview": "Overview", "papers": "Papers", "tagged": "Tagged",
        "without_text": "Without text or abstract", "themes": "Themes discussed", "theme": "Theme",
        "discussed": "Discussed", "mentioned": "Only mentioned", "charts": "Figures", "synthesis": "Theme synthesis",
        "grid": "Themes by paper", "evidence": "Evidence browser", "reading": "Reading list",
        "prisma": "PRISMA 2020 flow", "citation": "Citation", "year": "Year", "source": "Source",
        "place": "Section / page", "sentence": "Evidence", "all": "All", "shown": "rows shown",
        "page": "p.", "left_out": "Not drawn", "database": "Database", "records": "Records",
        "evidence_note": "The {n} strongest sentences of each paper for each theme it discusses; "
                         "`litreview table evidence` lists them all. Choose a theme, a source or a year to filter.",
        "contents": "Contents", "no_year": "n.d.",
    },
    "id": {
        "title": "Laporan tinjauan pustaka", "overview": "Ikhtisar", "papers": "Artikel", "tagged": "Ditandai",
        "without_text": "Tanpa teks atau abstrak", "themes": "Tema yang dibahas", "theme": "Tema",
        "discussed": "Dibahas", "mentioned": "Hanya disebut", "charts": "Gambar", "synthesis": "Sintesis tema",
        "grid": "Tema per artikel", "evidence": "Penjelajah bukti", "reading": "Daftar bacaan",
        "prisma": "Alur PRISMA 2020", "citation": "Sitasi", "year": "Tahun", "source": "Sumber",
        "place": "Bagian / halaman", "sentence": "Bukti", "all": "Semua", "shown": "baris ditampilkan",
        "page": "hlm.", "left_out": "Tidak digambar", "database": "Basis data", "records": "Rekaman",
        "evidence_note": "{n} kalimat terkuat tiap artikel untuk tiap tema yang dibahasnya; "
                         "`litreview table evidence` memuat semuanya. Pilih tema, sumber atau tahun untuk menyaring.",
        "contents": "Isi", "no_year": "t.t.",
    },
}


@dataclass
class EvidenceRow:
    theme: str
    theme_label: str
    key: str
    citation: str
    year: str
    source: str
    place: str
    sentence: str


@dataclass
class ThemeCount:
    theme: str
    label: str
    discussed: int
    mentioned: int


@dataclass
class Report:
    lang: str
    title: str
    papers: int
    tagged: int
    without_text: int
    themes: list[ThemeCount]
    charts: list[Chart]
    prisma_chart: Chart | None
    skipped: list[tuple[str, str]]  # (chart kind, why it was not drawn)
    synthesis: Table | None
    grid: Table | None
    evidence: list[EvidenceRow]
    reading: ReadingList | None
    identification: Identification
    words: dict[str, str] = field(default_factory=dict)


def build_report(corpus: Corpus, codebook: Codebook, lang: str = "en", style: str = "apa",
                 reading_top: int | None = READING_TOP, within: set[str] | None = None) -> Report:
    """The report of the whole corpus (read only); the reading list holds each theme's
    ``reading_top`` strongest papers (None: all), each paper once, under its strongest theme."""
    from litreview.synthesis.charts import KINDS, build_chart, theme_counts_of
    from litreview.synthesis.prisma import corpus_identification, source_name
    from litreview.synthesis.review import ReviewFilter, evidence_by_paper, load_entries, theme_label

    lang = "id" if lang == "id" else "en"
    words = WORDS[lang]
    papers = corpus.count() if within is None else len(within)
    if papers == 0:
        raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
    tagged, without_text = corpus.tagged_count()
    counts = corpus.theme_counts() if within is None else theme_counts_of(
        {k: v for k, v in corpus.tags_by_key("mentioned").items() if k in within})
    ids = codebook.theme_ids + sorted(set(counts) - set(codebook.theme_ids))
    themes = [ThemeCount(t, theme_label(codebook, t, lang), counts[t]["auto"] + counts[t]["manual"],
                         counts[t]["mentioned"]) for t in ids if t in counts]
    charts: list[Chart] = []
    skipped: list[tuple[str, str]] = []
    for kind in KINDS:
        try:
            charts.append(build_chart(corpus, codebook, kind, lang, within=within))
        except LitreviewError as error:
            skipped.append((kind, str(error)))
    prisma_chart = next((c for c in charts if c.kind == "prisma"), None)
    charts = [c for c in charts if c.kind != "prisma"]
    entries = load_entries(corpus, codebook, ReviewFilter(within=within), lang)
    tagged_entries = [e for e in entries if e.tags]
    synthesis = grid = None
    rows: list[EvidenceRow] = []
    if tagged_entries:
        from litreview.synthesis.coverage import Coverage, add_note
        from litreview.synthesis.grid import build_theme_grid
        from litreview.synthesis.synthesize import build_synthesis

        evidence = evidence_by_paper(corpus, tagged_entries)
        covered = Coverage(corpus.count(), len(tagged_entries), screened=within is not None)
        synthesis = add_note(build_synthesis(tagged_entries, evidence, codebook, lang), covered)
        grid = add_note(build_theme_grid(tagged_entries, codebook, lang), covered)
        sources = {key: source_name(db, fmt, lang) for key, (db, fmt) in corpus.first_source_by_key().items()}
        labels = {t: theme_label(codebook, t, lang) for t in ids}
        order = {t: i for i, t in enumerate(ids)}
        for entry in tagged_entries:
            taken: dict[str, int] = {}
            for ev in sorted(evidence.get(entry.key, []), key=lambda e: order.get(e.theme, len(order))):
                taken[ev.theme] = taken.get(ev.theme, 0) + 1
                if taken[ev.theme] > EVIDENCE_PER_THEME:
                    continue
                place = ", ".join(x for x in (ev.section or ev.field,
                                              f"{words['page']} {ev.page}" if ev.page else "") if x)
                rows.append(EvidenceRow(
                    theme=ev.theme, theme_label=labels.get(ev.theme, ev.theme), key=entry.key,
                    citation=entry.citation, year=str(entry.year or words["no_year"]),
                    source=sources.get(entry.key, ""), place=place,
                    sentence=" ".join(ev.sentence.split())))
        rows.sort(key=lambda r: (order.get(r.theme, len(order)), r.citation.casefold(), r.key))
    return Report(lang=lang, title=words["title"], papers=papers, tagged=tagged, without_text=without_text,
                  themes=themes, charts=charts, prisma_chart=prisma_chart, skipped=skipped, synthesis=synthesis,
                  grid=grid, evidence=rows, reading=_reading_list(corpus, codebook, lang, style, reading_top, within),
                  identification=corpus_identification(corpus, lang), words=words)


def _reading_list(corpus: Corpus, codebook: Codebook, lang: str, style: str,
                  top: int | None, within: set[str] | None = None) -> ReadingList | None:
    """Tagged papers, each once under its strongest theme, with reference and annotation; with ``top``
    the strongest papers of each theme first, at most ``top``; else all, oldest first."""
    from litreview.synthesis.annotate import annotate
    from litreview.synthesis.reading_list import ReadingFilter, build_reading_list
    from litreview.synthesis.references import resolve_style

    tags = corpus.tags_by_key("discussed")
    if within is not None:
        tags = {k: v for k, v in tags.items() if k in within}
    if not any(tags.values()):
        return None
    from litreview.synthesis.citations import corpus_letters

    papers = [p for p in corpus.iter_papers() if p.key in tags]
    flt = ReadingFilter(primary_only=True, order="score" if top else "year", top=top)
    return build_reading_list(papers, tags, codebook, resolve_style(style), flt, lang,
                              annotator=lambda paper: annotate(corpus.get(paper.key), lang),
                              letters=corpus_letters(corpus, papers))
