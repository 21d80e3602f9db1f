"""The numbers behind each figure: one ``Chart`` model for every kind, built from the corpus.

A chart is plain data (title, axis labels, categories and series, or a matrix, or nodes and
edges, or the boxes of a flow) and a source note; ``render/chart.py`` draws it and
``Chart.to_dict()`` is what ``litreview chart --format json`` prints. Nothing here imports
matplotlib or networkx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from litreview.errors import UsageError, ValidationError
from litreview.i18n import tr

if TYPE_CHECKING:
    from litreview.model import Facets, Tag
    from litreview.store import Corpus
    from litreview.synthesis.prisma import Flow
    from litreview.themes.codebook import Codebook

KINDS: tuple[str, ...] = ("years", "themes", "themes-by-year", "cooccurrence", "platforms", "methods", "network",
                          "prisma")
THEME_KINDS = ("themes", "themes-by-year", "cooccurrence")
TOP_FACETS = 20  # bars shown at most in a facet chart; the rest are counted in a note
TOP_WORKS = 25  # cited works outside the corpus kept in the network
TOP_LABELS = 12  # nodes of the network that carry a label
NO_YEAR = "n.d."
MAX_SERIES = 7  # stacks told apart by colour; the smaller sources are summed as "other"

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "source": "Source: litreview corpus, {n} papers",
        "source_included": "Source: litreview corpus, the {n} papers included by screening",
        "papers": "Papers", "year": "Year", "theme": "Theme",
        "years": "Papers per year by source", "years_type": "Papers per year by document type",
        "themes": "Papers per theme", "discussed": "Discussed", "mentioned": "Only mentioned",
        "themes-by-year": "Papers discussing each theme, per year", "cooccurrence": "Themes discussed together",
        "cooccurrence_note": "Cells: papers discussing both themes; the diagonal: papers discussing the theme.",
        "platforms": "Platforms named in the papers", "methods": "Research methods named in the papers",
        "platform": "Platform", "method": "Method", "more": "{n} more not shown", "other": "Other ({n})",
        "network": "Citation network: corpus papers and their most cited works",
        "network_note": "{papers} corpus papers, {works} most cited other works, {edges} citation links; "
                        "labels on the {labels} most cited where they do not overlap.",
        "corpus_paper": "Corpus paper", "cited_work": "Cited work",
        "prisma": "PRISMA 2020 flow diagram", "identified": "Records identified",
        "duplicates": "Duplicate records removed", "screen": "Records to screen",
        "possible": "Possible duplicates still to review", "removed": "Records removed before screening",
    },
    "id": {
        "source": "Sumber: korpus litreview, {n} artikel",
        "source_included": "Sumber: korpus litreview, {n} artikel yang lolos penyaringan",
        "papers": "Artikel", "year": "Tahun", "theme": "Tema",
        "years": "Artikel per tahun menurut sumber", "years_type": "Artikel per tahun menurut jenis dokumen",
        "themes": "Artikel per tema", "discussed": "Dibahas", "mentioned": "Hanya disebut",
        "themes-by-year": "Artikel yang membahas tiap tema, per tahun", "cooccurrence": "Tema yang dibahas bersama",
        "cooccurrence_note": "Sel: artikel yang membahas kedua tema; diagonal: artikel yang membahas tema itu.",
        "platforms": "Platform yang disebut dalam artikel", "methods": "Metode penelitian yang disebut dalam artikel",
        "platform": "Platform", "method": "Metode", "more": "{n} lainnya tidak ditampilkan", "other": "Lainnya ({n})",
        "network": "Jaringan sitasi: artikel korpus dan karya yang paling banyak dirujuk",
        "network_note": "{papers} artikel korpus, {works} karya lain yang paling banyak dirujuk, {edges} tautan "
                        "sitasi; label pada {labels} yang paling banyak dirujuk bila tidak bertumpuk.",
        "corpus_paper": "Artikel korpus", "cited_work": "Karya yang dirujuk",
        "prisma": "Diagram alir PRISMA 2020", "identified": "Rekaman teridentifikasi",
        "duplicates": "Rekaman duplikat dihapus", "screen": "Rekaman untuk disaring",
        "possible": "Kemungkinan duplikat yang belum ditinjau", "removed": "Rekaman dihapus sebelum penyaringan",
    },
}


@dataclass
class Series:
    name: str
    values: list[int]
    other: bool = False  # the sum of the smaller groups, drawn in grey


@dataclass
class ChartNode:
    id: str
    label: str
    kind: str  # "paper" (in the corpus) or "work" (cited, outside it)
    cited_by: int = 0
    labelled: bool = False  # the renderer writes its label


@dataclass
class ChartEdge:
    source: str
    target: str
    weight: int


@dataclass
class Chart:
    """One figure's content; which fields are filled depends on ``kind``:
    bars (years, themes, platforms, methods): ``categories`` and ``series``;
    heatmaps (themes-by-year, cooccurrence): ``rows``, ``columns`` and ``matrix``;
    network: ``nodes`` and ``edges``; prisma: ``boxes`` (id -> count) and ``categories``/``series``
    (the records per source)."""

    kind: str
    title: str
    lang: str
    papers: int
    source: str
    x_label: str = ""
    y_label: str = ""
    categories: list[str] = field(default_factory=list)
    category_ids: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    stacked: bool = True
    horizontal: bool = False
    rows: list[str] = field(default_factory=list)
    row_ids: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    matrix: list[list[int]] = field(default_factory=list)
    nodes: list[ChartNode] = field(default_factory=list)
    edges: list[ChartEdge] = field(default_factory=list)
    boxes: dict[str, int] = field(default_factory=dict)
    flow: dict[str, Any] = field(default_factory=dict)  # prisma: the whole flow as `prisma --format json` gives it
    labels: dict[str, str] = field(default_factory=dict)  # words the renderer needs (legend, box texts)
    notes: list[str] = field(default_factory=list)

    @property
    def alt(self) -> str:
        """A one-sentence description for screen readers and the SVG ``<title>``."""
        return f"{self.title}. {' '.join(self.notes)} {self.source}".replace("  ", " ").strip()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "title": self.title, "lang": self.lang, "papers": self.papers,
                                "source": self.source}
        if self.series:
            data["categories"] = [
                {"id": cid, "label": label} for cid, label in zip(self.category_ids or self.categories,
                                                                  self.categories, strict=True)]
            data["series"] = [{"name": s.name, "values": s.values} for s in self.series]
        if self.matrix:
            data["rows"] = [{"id": rid, "label": label} for rid, label in zip(self.row_ids or self.rows, self.rows,
                                                                              strict=True)]
            data["columns"] = self.columns
            data["matrix"] = self.matrix
        if self.nodes:
            data["nodes"] = [{"id": n.id, "label": n.label, "kind": n.kind, "cited_by": n.cited_by,
                              "labelled": n.labelled} for n in self.nodes]
            data["edges"] = [{"source": e.source, "target": e.target, "weight": e.weight} for e in self.edges]
        if self.boxes:
            data["boxes"] = self.boxes
        if self.flow:
            data["flow"] = self.flow
        if self.notes:
            data["notes"] = self.notes
        return data


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UsageError(tr("unknown chart kind {kind}; choose one of: {kinds}", kind=repr(kind),
                            kinds=", ".join(KINDS)))


def build_chart(corpus: Corpus, codebook: Codebook, kind: str, lang: str = "en", by: str = "source",
                within: set[str] | None = None) -> Chart:
    """The chart ``kind`` of the corpus (read only). ``by`` (years only): "source" or "type";
    ``within``: only these papers (those screening included; the PRISMA flow always counts every record)."""
    check_kind(kind)
    lang = "id" if lang == "id" else "en"
    if kind == "prisma":
        return prisma_chart(corpus, lang)
    papers = corpus.count() if within is None else len(within)
    if papers == 0:
        raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
    words = WORDS[lang]
    shown = f"{papers:,}" if lang == "en" else f"{papers:,}".replace(",", ".")
    source = words["source" if within is None else "source_included"].format(n=shown)
    chart = Chart(kind=kind, title=words[kind], lang=lang, papers=papers, source=source)
    if kind in THEME_KINDS:
        tagged, _ = corpus.tagged_count()
        if tagged == 0:
            raise ValidationError(tr("no paper is tagged yet; run `litreview tag` before drawing theme charts"))

    def kept(found: dict[str, Any]) -> dict[str, Any]:
        return found if within is None else {k: v for k, v in found.items() if k in within}

    if kind == "years":
        years = kept({p.key: p.year for p in corpus.iter_papers()})
        if by == "type":
            groups = {p.key: p.entry_type or "other" for p in corpus.iter_papers()}
            chart.title = words["years_type"]
        else:
            groups = _sources(corpus.first_source_by_key(), lang)
        return _years_chart(chart, years, groups, words)
    if kind == "themes":
        counts = corpus.theme_counts() if within is None else theme_counts_of(kept(corpus.tags_by_key("mentioned")))
        return _themes_chart(chart, counts, codebook, words)
    if kind in ("themes-by-year", "cooccurrence"):
        tags = kept(corpus.tags_by_key("discussed"))
        if kind == "cooccurrence":
            return _cooccurrence_chart(chart, tags, codebook, words)
        years = {p.key: p.year for p in corpus.iter_papers()}
        return _themes_by_year_chart(chart, tags, years, codebook, words)
    if kind in ("platforms", "methods"):
        return _facet_chart(chart, kept(corpus.facets_by_key()), kind, words)
    return _network_chart(chart, corpus, lang, words, within)


def theme_counts_of(tags: dict[str, list[Tag]]) -> dict[str, dict[str, int]]:
    """Papers discussing and only mentioning each theme, as ``Corpus.theme_counts`` gives them."""
    out: dict[str, dict[str, int]] = {}
    for found in tags.values():
        for tag in found:
            counts = out.setdefault(tag.theme, {"auto": 0, "manual": 0, "mentioned": 0})
            if tag.level == "discussed":
                counts["manual" if tag.origin == "manual" else "auto"] += 1
            elif tag.level == "mentioned":
                counts["mentioned"] += 1
    return out


def _sources(first: dict[str, tuple[str, str]], lang: str) -> dict[str, str]:
    from litreview.synthesis.prisma import source_name

    return {key: source_name(database, fmt, lang) for key, (database, fmt) in first.items()}


def _year_text(year: int | None) -> str:
    return str(year) if year else NO_YEAR


def _year_order(years: set[str]) -> list[str]:
    """Years in time order, the years between them with no paper filled in (when they span at most
    a century), papers without a year last."""
    known = sorted(int(y) for y in years if y != NO_YEAR)
    if known and known[-1] - known[0] <= 100:
        known = list(range(known[0], known[-1] + 1))
    return [str(y) for y in known] + ([NO_YEAR] if NO_YEAR in years else [])


def _years_chart(chart: Chart, years: dict[str, int | None], groups: dict[str, str],
                 words: dict[str, str]) -> Chart:
    counts: dict[tuple[str, str], int] = {}
    for key, year in years.items():
        pair = (_year_text(year), groups.get(key, "?"))
        counts[pair] = counts.get(pair, 0) + 1
    columns = _year_order({y for y, _ in counts})
    totals: dict[str, int] = {}
    for (_, group), n in counts.items():
        totals[group] = totals.get(group, 0) + n
    names = sorted(totals, key=lambda g: (-totals[g], g))
    chart.categories = columns
    chart.series = [Series(name, [counts.get((y, name), 0) for y in columns]) for name in names[:MAX_SERIES - 1]]
    rest = names[MAX_SERIES - 1:] if len(names) > MAX_SERIES else []
    if rest:
        chart.series.append(Series(words["other"].format(n=len(rest)),
                                   [sum(counts.get((y, name), 0) for name in rest) for y in columns], other=True))
    else:
        chart.series += [Series(name, [counts.get((y, name), 0) for y in columns]) for name in names[MAX_SERIES - 1:]]
    chart.x_label, chart.y_label = words["year"], words["papers"]
    return chart


def _label(codebook: Codebook, theme: str, lang: str) -> str:
    found = codebook.theme(theme)
    return found.label_in(lang) if found else theme


def _theme_ids(codebook: Codebook, present: set[str]) -> list[str]:
    return codebook.theme_ids + sorted(present - set(codebook.theme_ids))


def _themes_chart(chart: Chart, counts: dict[str, dict[str, int]], codebook: Codebook,
                  words: dict[str, str]) -> Chart:
    ids = _theme_ids(codebook, set(counts))
    empty = {"auto": 0, "manual": 0, "mentioned": 0}
    discussed = {t: counts.get(t, empty)["auto"] + counts.get(t, empty)["manual"] for t in ids}
    mentioned = {t: counts.get(t, empty)["mentioned"] for t in ids}
    order = {t: i for i, t in enumerate(ids)}
    ids.sort(key=lambda t: (-discussed[t], -mentioned[t], order[t]))
    chart.category_ids = ids
    chart.categories = [_label(codebook, t, chart.lang) for t in ids]
    chart.series = [Series(words["discussed"], [discussed[t] for t in ids]),
                    Series(words["mentioned"], [mentioned[t] for t in ids])]
    chart.horizontal = True
    chart.x_label, chart.y_label = words["papers"], ""
    return chart


def _present_themes(tags: dict[str, list[Tag]], codebook: Codebook) -> list[str]:
    present = {t.theme for found in tags.values() for t in found}
    if not present:
        raise ValidationError(tr("no paper discusses any theme; check the codebook or tag papers by hand "
                                 "(`litreview tag add KEY THEME`)"))
    return [t for t in _theme_ids(codebook, present) if t in present]


def _themes_by_year_chart(chart: Chart, tags: dict[str, list[Tag]], years: dict[str, int | None],
                          codebook: Codebook, words: dict[str, str]) -> Chart:
    ids = _present_themes(tags, codebook)
    columns = _year_order({_year_text(years.get(key)) for key in tags})
    index = {y: i for i, y in enumerate(columns)}
    matrix = {t: [0] * len(columns) for t in ids}
    for key, found in tags.items():
        column = index[_year_text(years.get(key))]
        for tag in found:
            matrix[tag.theme][column] += 1
    chart.row_ids, chart.rows = ids, [_label(codebook, t, chart.lang) for t in ids]
    chart.columns, chart.matrix = columns, [matrix[t] for t in ids]
    chart.x_label, chart.y_label = words["year"], words["theme"]
    return chart


def _cooccurrence_chart(chart: Chart, tags: dict[str, list[Tag]], codebook: Codebook,
                        words: dict[str, str]) -> Chart:
    ids = _present_themes(tags, codebook)
    index = {t: i for i, t in enumerate(ids)}
    matrix = [[0] * len(ids) for _ in ids]
    for found in tags.values():
        themes = sorted({index[t.theme] for t in found})
        for a in themes:
            for b in themes:
                matrix[a][b] += 1
    labels = [_label(codebook, t, chart.lang) for t in ids]
    chart.row_ids, chart.rows, chart.columns, chart.matrix = ids, labels, labels, matrix
    chart.notes = [words["cooccurrence_note"]]
    return chart


def _facet_chart(chart: Chart, facets: dict[str, Facets], kind: str, words: dict[str, str]) -> Chart:
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for found in facets.values():
        for value in {v.name: v for v in getattr(found, kind)}.values():
            counts[value.name] = counts.get(value.name, 0) + 1
            names[value.name] = (value.label_id if chart.lang == "id" and value.label_id else value.label) or value.name
    if not counts:
        if not facets:
            raise ValidationError(tr("no paper is tagged yet; run `litreview tag` before drawing the {kind} chart",
                                     kind=kind))
        raise ValidationError(tr("no tagged paper names any of the codebook's {kind}; nothing to draw", kind=kind))
    ordered = sorted(counts, key=lambda n: (-counts[n], names[n].casefold()))
    if len(ordered) > TOP_FACETS:
        chart.notes = [words["more"].format(n=len(ordered) - TOP_FACETS)]
        ordered = ordered[:TOP_FACETS]
    chart.category_ids = ordered
    chart.categories = [names[n] for n in ordered]
    chart.series = [Series(words["papers"], [counts[n] for n in ordered])]
    chart.horizontal = True
    chart.x_label = words["papers"]
    chart.y_label = words["platform" if kind == "platforms" else "method"]
    return chart


def _network_chart(chart: Chart, corpus: Corpus, lang: str, words: dict[str, str],
                   within: set[str] | None = None) -> Chart:
    from litreview.synthesis.cited import index_corpus
    from litreview.synthesis.network import build_network

    index = index_corpus(corpus, sorted(within) if within is not None else None)
    if not index.works:
        raise ValidationError(tr("no citations found in the corpus; the network needs papers with full text "
                                 "(add PDFs or text files)"))
    wanted = {c.paper for w in index.works for c in w.citing} | {w.corpus_key for w in index.works if w.corpus_key}
    papers = {p.key: p for p in corpus.iter_papers(sorted(wanted))}
    return network_chart(chart, build_network(index, papers), words)


def network_chart(chart: Chart, network: Any, words: dict[str, str]) -> Chart:
    """Corpus papers that cite or are cited, and the ``TOP_WORKS`` works outside it cited most."""
    mentions: dict[str, int] = {}
    for edge in network.edges:
        mentions[edge.target] = mentions.get(edge.target, 0) + edge.weight
    works = sorted((n for n in network.nodes if n.kind == "work"),
                   key=lambda n: (-n.cited_by, -mentions.get(n.id, 0), n.id))[:TOP_WORKS]
    kept = {n.id for n in network.nodes if n.kind == "paper"} | {n.id for n in works}
    nodes = [ChartNode(n.id, n.label, n.kind, n.cited_by) for n in network.nodes if n.id in kept]
    edges = [ChartEdge(e.source, e.target, e.weight) for e in network.edges if e.source in kept and e.target in kept]
    linked = {e.source for e in edges} | {e.target for e in edges}
    nodes = [n for n in nodes if n.id in linked]
    ranked = sorted(nodes, key=lambda n: (-n.cited_by, -mentions.get(n.id, 0), n.kind != "paper", n.id))
    for node in ranked[:TOP_LABELS]:
        node.labelled = True
    chart.nodes, chart.edges = nodes, edges
    chart.labels = {"paper": words["corpus_paper"], "work": words["cited_work"]}
    chart.notes = [words["network_note"].format(papers=sum(n.kind == "paper" for n in nodes),
                                                works=sum(n.kind == "work" for n in nodes), edges=len(edges),
                                                labels=min(TOP_LABELS, len(nodes)))]
    return chart


def _prisma_chart(chart: Chart, corpus: Corpus, lang: str, words: dict[str, str]) -> Chart:
    from litreview.synthesis.prisma import corpus_flow

    return flow_chart(chart, corpus_flow(corpus, lang), words)


def prisma_chart(corpus: Corpus, lang: str = "en") -> Chart:
    """The PRISMA 2020 flow diagram of the corpus (``chart prisma``, ``prisma --diagram``)."""
    lang = "id" if lang == "id" else "en"
    papers = corpus.count()
    if papers == 0:
        raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
    words = WORDS[lang]
    shown = f"{papers:,}" if lang == "en" else f"{papers:,}".replace(",", ".")
    chart = Chart(kind="prisma", title=words["prisma"], lang=lang, papers=papers,
                  source=words["source"].format(n=shown))
    return _prisma_chart(chart, corpus, lang, words)


def flow_chart(chart: Chart, result: Flow, words: dict[str, str]) -> Chart:
    """The flow's counts as the chart's ``boxes`` (every whole number of ``prisma --format json``), its
    records per source as ``categories``/``series``, and the whole flow (reasons too) as ``flow``."""
    from litreview.synthesis.prisma import FLOW_WORDS

    data = result.to_dict()
    ident = result.identification
    chart.boxes = {k: v for k, v in data.items() if isinstance(v, int) and not isinstance(v, bool)}
    chart.categories = [name for name, _ in ident.by_database]
    chart.series = [Series(words["identified"], [n for _, n in ident.by_database])]
    chart.labels = dict(FLOW_WORDS[chart.lang])
    chart.labels["other"] = words["other"]
    chart.flow = data
    return chart
