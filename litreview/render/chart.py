"""Draw a ``Chart`` as SVG, PNG (300 dpi) or PDF with matplotlib (no pyplot, the Agg canvas).

Figures are sized for an A4 page (16 cm wide, the text width of a page with 2.5 cm margins),
use the Okabe-Ito palette (told apart with every common colour-vision deficiency), carry the
chart's title and its source note, and are byte-for-byte reproducible: the SVG id salt and the
files' date metadata are fixed. matplotlib and networkx are imported here only, when drawing.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from litreview.errors import UsageError
from litreview.i18n import tr

if TYPE_CHECKING:
    from litreview.synthesis.charts import Chart

FORMATS: tuple[str, ...] = ("svg", "png", "pdf")
_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WIDTH = 6.3  # inches: 16 cm
DPI = 300
MAX_TICKS = 24  # category labels on a vertical bar chart
_METADATA: dict[str, dict[str, Any]] = {
    "svg": {"Date": None, "Creator": "litreview"},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "litreview", "Producer": "litreview"},
    "png": {"Software": "litreview"},
}


def format_for_path(path: Path) -> str | None:
    return _SUFFIXES.get(Path(path).suffix.lower())


def render_chart(chart: Chart, fmt: str) -> bytes:
    """The chart drawn in ``fmt`` (svg, png or pdf)."""
    if fmt not in FORMATS:
        raise UsageError(tr("unknown figure format {fmt}; use one of: {formats}", fmt=repr(fmt),
                               formats=", ".join(FORMATS)))
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rc_context

    style: dict[str, Any] = {"svg.hashsalt": f"litreview-{chart.kind}", "font.size": 8, "axes.titlesize": 10,
             "axes.spines.top": False, "axes.spines.right": False, "font.family": "DejaVu Sans",
             "svg.fonttype": "path", "pdf.fonttype": 42}
    with rc_context(style), warnings.catch_warnings():  # type: ignore[arg-type]
        warnings.simplefilter("ignore")  # a glyph the font lacks is drawn as a box; not worth a warning
        figure = _draw(chart)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=DPI, metadata=_METADATA[fmt])
    data = buffer.getvalue()
    if fmt == "svg":
        data = _svg_title(data, chart.alt)
    return data


def _svg_title(data: bytes, alt: str) -> bytes:
    """Give the SVG a ``<title>`` (its accessible name) and ``role="img"``."""
    text = data.decode("utf-8")
    found = re.search(r"<svg\b[^>]*>", text)
    if found is None:  # pragma: no cover - matplotlib always writes one
        return data
    opening = found.group(0).replace("<svg ", '<svg role="img" ', 1)
    text = text[: found.start()] + opening + f"\n <title>{escape(alt, quote=False)}</title>" + text[found.end():]
    return text.encode("utf-8")


def _plain(text: str) -> str:
    """Text shown as written: a ``$`` would start matplotlib's math mode."""
    return text.replace("$", r"\$")


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(_plain(text), width, break_long_words=True)) or " "


def _figure(chart: Chart, height: float) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    engine: Any = figure.get_layout_engine()
    engine.set(rect=(0, 0.045 * 4.2 / height, 1, 1 - 0.045 * 4.2 / height))
    figure.suptitle(_wrap(chart.title, 80), fontsize=11, fontweight="bold", x=0.01, ha="left")
    notes = " ".join(chart.notes)
    foot = (_wrap(notes, 120) + "\n" if notes else "") + _plain(chart.source)
    figure.text(0.01, 0.01, foot, fontsize=6.5, color="#444444", ha="left", va="bottom")
    return figure


def _draw(chart: Chart) -> Any:
    if chart.kind == "prisma":
        return _prisma(chart)
    if chart.kind == "network":
        return _network(chart)
    if chart.matrix:
        return _heatmap(chart)
    return _bars(chart)


def _bars(chart: Chart) -> Any:
    count = len(chart.categories)
    if chart.horizontal:
        height = min(9.5, max(3.0, 1.3 + 0.28 * count))
    else:
        height = 4.2
    figure = _figure(chart, height)
    ax = figure.add_subplot()
    positions = list(range(count))
    base = [0] * count
    for number, series in enumerate(chart.series):
        colour = "#999999" if series.other else OKABE_ITO[number % len(OKABE_ITO)]
        if chart.horizontal:
            ax.barh(positions, series.values, left=base, color=colour, label=_plain(series.name), height=0.7)
        else:
            ax.bar(positions, series.values, bottom=base, color=colour, label=_plain(series.name), width=0.75,
                   edgecolor="white", linewidth=0.4)
        base = [b + v for b, v in zip(base, series.values, strict=True)]
    if chart.horizontal:
        ax.set_yticks(positions, [_wrap(c, 34) for c in chart.categories])
        ax.invert_yaxis()  # the largest on top
        for y, total in zip(positions, base, strict=True):
            if total:
                ax.text(total, y, f" {total}", va="center", ha="left", fontsize=7)
        ax.set_xlim(0, max(base or [1]) * 1.12 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(_plain(chart.x_label))
    else:
        step = -(-count // MAX_TICKS)  # a label on every step-th bar, at most MAX_TICKS of them
        rotate = count > 12 or max((len(c) for c in chart.categories), default=0) > 6
        ax.set_xticks(positions[::step], [_plain(c) for c in chart.categories][::step], rotation=45 if rotate else 0,
                      ha="right" if rotate else "center", rotation_mode="anchor" if rotate else "default")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(_plain(chart.x_label))
        ax.set_ylabel(_plain(chart.y_label))
        if count <= MAX_TICKS:  # totals on top of the bars while they have room
            for x, total in zip(positions, base, strict=True):
                if total:
                    ax.text(x, total, str(total), ha="center", va="bottom", fontsize=7)
        ax.set_ylim(0, max(base or [1]) * 1.1 + 0.5)
    if len(chart.series) > 1:
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(len(chart.series), 4), frameon=False,
                  fontsize=7.5, handlelength=1.2)
    return figure


def _heatmap(chart: Chart) -> Any:
    rows, columns = len(chart.rows), len(chart.columns)
    height = min(9.5, max(3.2, 1.6 + 0.3 * rows + (1.2 if chart.kind == "cooccurrence" else 0)))
    figure = _figure(chart, height)
    ax = figure.add_subplot()
    peak = max((v for row in chart.matrix for v in row), default=0) or 1
    ax.imshow(chart.matrix, cmap="Blues", vmin=0, vmax=peak, aspect="auto", interpolation="nearest")
    size = 7 if max(rows, columns) <= 20 else 5
    for r, row in enumerate(chart.matrix):
        for c, value in enumerate(row):
            if value or chart.kind == "cooccurrence":
                ax.text(c, r, str(value), ha="center", va="center", fontsize=size,
                        color="white" if value > peak * 0.55 else "#1f2328")
    ax.set_yticks(range(rows), [_wrap(r, 30) for r in chart.rows])
    rotate = chart.kind == "cooccurrence" or columns > 12
    ax.set_xticks(range(columns), [_plain(_short(c, 30)) for c in chart.columns],
                  rotation=45 if rotate else 0, ha="right" if rotate else "center",
                  rotation_mode="anchor" if rotate else "default")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if chart.x_label:
        ax.set_xlabel(_plain(chart.x_label))
    return figure


def _network(chart: Chart) -> Any:
    import networkx as nx

    figure = _figure(chart, 6.0)
    ax = figure.add_subplot()
    ax.set_axis_off()
    graph = nx.Graph()
    for node in chart.nodes:
        graph.add_node(node.id)
    for edge in chart.edges:
        graph.add_edge(edge.source, edge.target)
    positions = _packed_layout(graph)
    for edge in chart.edges:
        (x1, y1), (x2, y2) = positions[edge.source], positions[edge.target]
        ax.plot([x1, x2], [y1, y2], color="#9aa0a6", linewidth=0.3 + 0.25 * min(edge.weight, 6), alpha=0.6,
                zorder=1)
    for kind, colour, marker in (("paper", OKABE_ITO[0], "o"), ("work", OKABE_ITO[1], "s")):
        chosen = [n for n in chart.nodes if n.kind == kind]
        if not chosen:
            continue
        ax.scatter([positions[n.id][0] for n in chosen], [positions[n.id][1] for n in chosen],
                   s=[18 + 22 * n.cited_by for n in chosen], c=colour, marker=marker, edgecolors="white",
                   linewidths=0.5, zorder=2, label=_plain(chart.labels.get(kind, kind)))
    ranked = sorted((n for n in chart.nodes if n.labelled), key=lambda n: (-n.cited_by, n.kind != "paper", n.id))
    labels = [ax.annotate(_wrap(node.label, 26), positions[node.id], xytext=(0, 6), textcoords="offset points",
                          ha="center", va="bottom", fontsize=6.5, zorder=3,
                          bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
              for node in ranked]
    ax.margins(0.12)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=7.5, markerscale=0.6)
    _drop_overlapping(figure, labels)
    return figure


def _packed_layout(graph: Any) -> dict[Any, tuple[float, float]]:
    """Each connected part laid out on its own (spring layout, fixed seed) and the parts set in rows,
    biggest first, each in a cell sized by its number of nodes: a spring layout of the whole graph
    pushes unconnected parts to the edges and crowds each part into a knot."""
    import math

    import networkx as nx

    parts = sorted((sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), str(c[0])))
    columns = max(1, math.ceil(math.sqrt(len(parts))))
    positions: dict[Any, tuple[float, float]] = {}
    for index, part in enumerate(parts):
        row, column = divmod(index, columns)
        sub = graph.subgraph(part)
        layout = nx.spring_layout(sub, seed=7, iterations=100) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        scale = 0.42 * min(1.0, 0.45 + 0.12 * len(part) ** 0.5)  # bigger parts fill more of their cell
        for node, (x, y) in layout.items():
            positions[node] = (column + 0.5 + scale * float(x), -(row + 0.5) + scale * float(y))
    return positions


def _drop_overlapping(figure: Any, labels: list[Any]) -> None:
    """Remove each label that would cover one placed before it (the labels come most cited first)."""
    figure.draw_without_rendering()  # lays the figure out, so that the labels' extents are final
    placed: list[Any] = []
    for label in labels:
        extent = label.get_window_extent().expanded(1.05, 1.1)
        if any(extent.overlaps(other) for other in placed):
            label.remove()
        else:
            placed.append(extent)


def _prisma(chart: Chart) -> Any:
    """The PRISMA 2020 flow diagram (``render/prisma_flow.py``)."""
    from litreview.render.prisma_flow import draw_flow

    return draw_flow(chart)
