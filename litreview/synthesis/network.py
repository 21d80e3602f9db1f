"""The citation network: corpus papers and the works they cite, as nodes and weighted edges.

A node is a corpus paper (``kind`` "paper") or a cited work outside the corpus ("work"); a
cited work that is in the corpus is that paper's node. An edge goes from a citing paper to
what it cites, weighted by its in-text mentions (1 for a work only in the reference list).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from litreview.model import Paper
from litreview.synthesis.citations import in_text
from litreview.synthesis.cited import CitationIndex


@dataclass
class Node:
    id: str
    label: str
    kind: str  # "paper" or "work"
    year: str = ""
    title: str = ""
    doi: str = ""
    cited_by: int = 0  # papers of the corpus citing it


@dataclass
class Edge:
    source: str
    target: str
    weight: int


@dataclass
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def build_network(index: CitationIndex, papers: dict[str, Paper], letters: dict[str, str] | None = None) -> Network:
    """``papers``: the corpus papers that cite or are cited, by key (their metadata is enough);
    ``letters``: their year letters (``citations.corpus_letters``)."""
    nodes: dict[str, Node] = {}
    letters = letters or {}

    def paper_node(key: str) -> Node:
        if key not in nodes:
            paper = papers.get(key)
            nodes[key] = Node(
                id=key, label=in_text(paper, letter=letters.get(key, "")) if paper else key, kind="paper",
                year=str(paper.year or "") if paper else "", title=paper.title if paper else "",
                doi=paper.doi if paper else "")
        return nodes[key]

    weights: dict[tuple[str, str], int] = {}
    for work in index.works:
        for citing in work.citing:
            paper_node(citing.paper)
        if work.corpus_key:
            target = paper_node(work.corpus_key)
        else:
            target = nodes.setdefault(f"work:{work.id}", Node(
                id=f"work:{work.id}", label=work.label(), kind="work", year=work.year, title=work.title,
                doi=work.doi))
        target.cited_by += work.papers
        for citing in work.citing:
            pair = (citing.paper, target.id)
            weights[pair] = weights.get(pair, 0) + max(1, citing.mentions)
    edges = [Edge(source=s, target=t, weight=w) for (s, t), w in sorted(weights.items())]
    return Network(nodes=sorted(nodes.values(), key=lambda n: (n.kind != "paper", n.id)), edges=edges)
