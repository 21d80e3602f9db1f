"""Draw the PRISMA 2020 flow diagram (new reviews, databases and files) from a prisma ``Chart``.

The layout is the PRISMA 2020 template's: phases down the left edge (identification, screening,
included), the records' path in the left column, what left the path at each step in boxes on the
right, arrows between them. Sized for the text block of an A4 page (16 cm wide, as tall as the
reasons need, at most 24 cm); every number drawn is one of the chart's ``flow`` counts, which are
``litreview prisma --format json``'s. Called by ``render/chart.py`` (matplotlib is imported there).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from litreview.synthesis.charts import Chart

CM = 1 / 2.54
WIDTH_CM = 16.0
MAX_HEIGHT_CM = 24.0
LINE_CM = 0.36  # one line of 7.5 pt text with its spacing
PAD_CM = 0.2
GAP_CM = 0.55
PHASE = (0.0, 0.6)  # x range of the phase bars, cm
LEFT = (0.9, 7.6)
RIGHT = (8.4, 15.9)
SOURCES_SHOWN = 6  # sources listed one by one; the others are summed
REASONS_SHOWN = 8
PHASE_COLOUR = "#cfe2f3"
INK = "#1f2328"


def _n(value: int) -> str:
    return f"(n = {value})"


def _wrapped(text: str, width: int, indent: str = "") -> list[str]:
    lines = textwrap.wrap(text.replace("$", r"\$"), width, initial_indent=indent,
                          subsequent_indent=indent + "  ", break_long_words=True)
    return lines or [indent]


def _reasons(pairs: list[dict[str, Any]], width: int, other: str, indent: str = "   ") -> list[str]:
    lines: list[str] = []
    shown = pairs[:REASONS_SHOWN]
    for item in shown:
        lines += _wrapped(f"{item['reason']} {_n(item['n'])}", width, indent)
    if len(pairs) > REASONS_SHOWN:
        rest = sum(item["n"] for item in pairs[REASONS_SHOWN:])
        lines += _wrapped(f"{other.format(n=len(pairs) - REASONS_SHOWN)} {_n(rest)}", width, indent)
    return lines


def flow_boxes(chart: Chart) -> list[tuple[str, list[str], list[str]]]:
    """The diagram's rows: (phase, left box lines, right box lines), in the template's order."""
    f, w = chart.flow, chart.labels
    left_width, right_width = 44, 48
    other = w.get("other", "Other ({n})")
    sources = [(d["database"], d["records"]) for d in f["by_database"]]
    first = _wrapped(f"{w['identified']} {_n(f['identified'])}:", left_width)
    for name, count in sources[:SOURCES_SHOWN]:
        first += _wrapped(f"{name} {_n(count)}", left_width, "   ")
    if len(sources) > SOURCES_SHOWN:
        rest = sum(count for _, count in sources[SOURCES_SHOWN:])
        first += _wrapped(f"{other.format(n=len(sources) - SOURCES_SHOWN)} {_n(rest)}", left_width, "   ")
    removed = _wrapped(w["removed"], right_width)
    removed += _wrapped(f"{w['duplicates']} {_n(f['duplicates_removed'])}", right_width, "   ")
    removed += _wrapped(f"{w['rules']} {_n(f['removed_by_rules'])}", right_width, "   ")
    removed += _reasons(f["removed_by_rules_reasons"], right_width, other, "      ")
    screened = _wrapped(f"{w['screened']} {_n(f['records_screened'])}", left_width)
    if f["records_not_yet_screened"]:
        screened += _wrapped(f"{w['awaiting_screening']} {_n(f['records_not_yet_screened'])}", left_width, "   ")
    excluded = _wrapped(f"{w['excluded']} {_n(f['records_excluded'])}", right_width)
    excluded += _reasons(f["records_excluded_reasons"], right_width, other)
    sought = _wrapped(f"{w['sought']} {_n(f['reports_sought'])}", left_width)
    missing = _wrapped(f"{w['not_retrieved']} {_n(f['reports_not_retrieved'])}", right_width)
    assessed = _wrapped(f"{w['assessed']} {_n(f['reports_assessed'])}", left_width)
    if f["reports_not_yet_assessed"]:
        assessed += _wrapped(f"{w['awaiting_assessment']} {_n(f['reports_not_yet_assessed'])}", left_width, "   ")
    colon = ":" if f["reports_excluded_reasons"] else ""  # the reasons follow
    dropped = _wrapped(f"{w['reports_excluded'].rstrip(':')} {_n(f['reports_excluded'])}{colon}", right_width)
    dropped += _reasons(f["reports_excluded_reasons"], right_width, other)
    included = _wrapped(f"{w['studies']} {_n(f['studies_included'])}", left_width)
    included += _wrapped(f"{w['reports']} {_n(f['reports_of_included_studies'])}", left_width)
    return [("identification", first, removed), ("screening", screened, excluded), ("screening", sought, missing),
            ("screening", assessed, dropped), ("included_phase", included, [])]


def flow_notes(chart: Chart) -> list[str]:
    f, w = chart.flow, chart.labels
    notes = []
    if not f["screening_started"]:
        notes.append(w["not_started"])
    conflicts = {stage: n for stage, n in f["conflicts"].items() if n}
    if conflicts:
        notes.append(f"{w['conflicts']}: " + ", ".join(f"{stage} {_n(n)}" for stage, n in conflicts.items()))
    if f["possible_duplicates"]:
        notes.append(f"{w['possible']} {_n(f['possible_duplicates'])}")
    return notes


def draw_flow(chart: Chart) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, Rectangle

    rows = flow_boxes(chart)
    notes = flow_notes(chart)
    heights = [2 * PAD_CM + LINE_CM * max(len(left), len(right)) for _, left, right in rows]
    for index, (phase, _, _) in enumerate(rows):  # a phase of one row is as tall as its label needs
        if sum(p == phase for p, _, _ in rows) == 1:
            heights[index] = max(heights[index], 0.4 + 0.15 * len(chart.labels[phase]))
    title_cm, foot_cm = 1.0, 0.5 + LINE_CM * (len(notes) + 1)
    height = title_cm + sum(heights) + GAP_CM * (len(rows) - 1) + foot_cm
    scale = min(1.0, MAX_HEIGHT_CM / height)  # a very long list of reasons: everything a little smaller
    figure = Figure(figsize=(WIDTH_CM * CM, min(height, MAX_HEIGHT_CM) * CM))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, WIDTH_CM)
    ax.set_ylim(0, height)
    size = 7.5 * scale
    ax.text(LEFT[0], height - 0.3, chart.title.replace("$", r"\$"), fontsize=11 * scale, fontweight="bold",
            va="top", ha="left", color=INK)
    top = height - title_cm
    spans: dict[str, list[float]] = {}
    previous_bottom = None
    arrow: dict[str, Any] = {"arrowstyle": "-|>", "mutation_scale": 8, "color": INK, "linewidth": 0.8,
                             "shrinkA": 0, "shrinkB": 0}
    for (phase, left, right), box_height in zip(rows, heights, strict=True):
        bottom = top - box_height
        spans.setdefault(phase, [top, bottom])[1] = bottom
        for (x0, x1), lines in ((LEFT, left), (RIGHT, right)):
            if not lines:
                continue
            ax.add_patch(Rectangle((x0, bottom), x1 - x0, box_height, fill=False, edgecolor=INK, linewidth=0.8))
            ax.text(x0 + PAD_CM, top - PAD_CM, "\n".join(lines), fontsize=size, va="top", ha="left",
                    linespacing=1.35, color=INK)
        middle = (LEFT[0] + LEFT[1]) / 2
        if previous_bottom is not None:
            ax.add_patch(FancyArrowPatch((middle, previous_bottom), (middle, top), **arrow))
        if right:
            level = top - box_height / 2
            ax.add_patch(FancyArrowPatch((LEFT[1], level), (RIGHT[0], level), **arrow))
        previous_bottom = bottom
        top = bottom - GAP_CM
    for phase, (start, end) in spans.items():
        ax.add_patch(Rectangle((PHASE[0], end), PHASE[1] - PHASE[0], start - end, facecolor=PHASE_COLOUR,
                               edgecolor="none"))
        ax.text((PHASE[0] + PHASE[1]) / 2, (start + end) / 2, chart.labels[phase], rotation=90, ha="center",
                va="center", fontsize=8 * scale, fontweight="bold", color=INK)
    foot = notes + [chart.source]
    ax.text(LEFT[0], 0.2, "\n".join(n.replace("$", r"\$") for n in foot), fontsize=6.5 * scale, va="bottom",
            ha="left", color="#444444", linespacing=1.35)
    return figure
