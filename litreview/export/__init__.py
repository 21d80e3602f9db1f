"""Exporters: papers to bibliographic files (BibTeX, RIS, CSL-JSON, YAML). Pure functions, str out.

Each format is one module with one ``export_<format>(papers) -> str``,
registered in ``EXPORTERS`` below.
"""

from __future__ import annotations

from collections.abc import Callable

from litreview.errors import UsageError
from litreview.export.bibtex import export_bibtex
from litreview.export.csljson import export_csljson
from litreview.export.ris import export_ris
from litreview.export.yaml import export_yaml
from litreview.i18n import tr
from litreview.model import Paper

EXPORTERS: dict[str, Callable[[list[Paper]], str]] = {
    "bibtex": export_bibtex,
    "ris": export_ris,
    "csljson": export_csljson,
    "yaml": export_yaml,
}

# File name endings, for commands that pick a format from an output path.
EXTENSIONS = {"bibtex": ".bib", "ris": ".ris", "csljson": ".json", "yaml": ".yaml"}


def export_papers(papers: list[Paper], fmt: str) -> str:
    """``papers`` in format ``fmt`` (a key of ``EXPORTERS``)."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        choices = ", ".join(EXPORTERS)
        raise UsageError(tr("unknown export format '{fmt}'; choose one of: {choices}", fmt=fmt,
                            choices=choices)) from None
    return exporter(papers)
