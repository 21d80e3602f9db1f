"""Writing a citation ``Network`` as GraphML (Gephi, yEd, Cytoscape), Graphviz DOT or VOSviewer
JSON. Each writer returns text; ids and attributes come out in a stable order."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

from litreview.errors import UsageError
from litreview.i18n import tr
from litreview.synthesis.network import Network

GRAPH_FORMATS = {".graphml": "graphml", ".dot": "dot", ".gv": "dot", ".json": "json"}

_NODE_ATTRS = (("label", "string"), ("kind", "string"), ("year", "string"), ("title", "string"),
               ("doi", "string"), ("cited_by", "int"))


def graph_format(path: Path) -> str:
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(tr("{path}: a graph is written as .graphml, .dot or .json (the file name says which)",
                              path=path))
    return fmt


def render_graph(network: Network, fmt: str) -> str:
    return {"graphml": render_graphml, "dot": render_dot, "json": render_vosviewer}[fmt](network)


def render_graphml(network: Network) -> str:
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for name, kind in _NODE_ATTRS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind})
    ET.SubElement(root, "key", {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "int"})
    graph = ET.SubElement(root, "graph", {"id": "citations", "edgedefault": "directed"})
    for node in network.nodes:
        element = ET.SubElement(graph, "node", {"id": node.id})
        for name, _ in _NODE_ATTRS:
            value = getattr(node, name)
            if value not in ("", None):
                ET.SubElement(element, "data", {"key": name}).text = str(value)
    for i, edge in enumerate(network.edges):
        element = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": edge.source, "target": edge.target})
        ET.SubElement(element, "data", {"key": "weight"}).text = str(edge.weight)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_dot(network: Network) -> str:
    lines = ["digraph citations {", "  node [shape=box];"]
    for node in network.nodes:
        shape = "box" if node.kind == "paper" else "ellipse"
        tooltip = f", tooltip={_dot_quote(node.title)}" if node.title else ""
        lines.append(f"  {_dot_quote(node.id)} [label={_dot_quote(node.label)}, shape={shape}{tooltip}];")
    for edge in network.edges:
        lines.append(f"  {_dot_quote(edge.source)} -> {_dot_quote(edge.target)} [weight={edge.weight}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_vosviewer(network: Network) -> str:
    """VOSviewer's JSON map format: items with numeric ids and weights, links with strengths."""
    numbers = {node.id: i for i, node in enumerate(network.nodes, start=1)}
    items = []
    for node in network.nodes:
        item: dict[str, object] = {
            "id": numbers[node.id],
            "label": node.label,
            "description": node.title,
            "weights": {"Citations": node.cited_by},
            "scores": {"Year": int(node.year)} if node.year.isdigit() else {},
            "cluster": 1 if node.kind == "paper" else 2,
            "key": node.id,
        }
        if node.doi:
            item["url"] = f"https://doi.org/{node.doi}"
        items.append(item)
    links = [{"source_id": numbers[e.source], "target_id": numbers[e.target], "strength": e.weight}
             for e in network.edges]
    return json.dumps({"network": {"items": items, "links": links}}, ensure_ascii=False, indent=1) + "\n"
