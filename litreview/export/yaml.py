"""Papers as YAML: ``Paper.metadata()`` of each, in a list; for reading, diffing and hand edits."""

from __future__ import annotations

from litreview.model import Paper


def export_yaml(papers: list[Paper]) -> str:
    """A YAML list with one mapping of metadata per paper (``Paper.from_metadata`` reads each back)."""
    import yaml

    data = [paper.metadata() for paper in papers]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
