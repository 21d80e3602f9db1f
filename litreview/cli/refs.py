"""`refs`: the works the corpus cites, one paper's citations, and the citation network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli.common import (
    CorpusOpt,
    check_writable,
    choose_format,
    err,
    open_corpus,
    out,
    stdout_is_terminal,
    write_bytes,
)
from litreview.cli.themes import Lang, LangOpt
from litreview.errors import CorpusError, UsageError
from litreview.i18n import tr


def refs(
    key: Annotated[str | None, typer.Option("--key", "-k", help="Only this paper's citations.")] = None,
    top: Annotated[int | None, typer.Option(help="Show only the N most cited works.", min=1)] = None,
    min_papers: Annotated[int, typer.Option(help="Only works cited by at least N papers.", min=1)] = 1,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="terminal (default), markdown, csv, json, latex, html, docx, xlsx."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE; the format follows its extension.")
    ] = None,
    graph: Annotated[
        Path | None,
        typer.Option("--graph", help="Also write the citation network to FILE.graphml, .dot or .json (VOSviewer)."),
    ] = None,
    lang: LangOpt = Lang.en,
    corpus_dir: CorpusOpt = None,
) -> None:
    """The works the papers cite, from their in-text citations and reference lists, most cited first;
    name variants of one author ("Kruikemeyer"/"Kruikemeier", same year) count as one work, and a
    cited work that is in the corpus shows its key.

    Examples: [cyan]litreview refs --top 20[/cyan]   [cyan]litreview refs --key munadi2023[/cyan]
    [cyan]litreview refs --graph sitasi.graphml[/cyan]
    """
    from litreview.render import FORMATS, format_for_path, render
    from litreview.render.graph import graph_format, render_graph
    from litreview.synthesis.cited import index_corpus
    from litreview.synthesis.refs import paper_refs_table, refs_table

    chosen = choose_format(fmt, output, FORMATS, format_for_path)
    graph_fmt = graph_format(graph) if graph is not None else None
    for target in (output, graph):
        if target is not None:
            check_writable(target)
    with open_corpus(corpus_dir) as corpus:
        if key is not None:
            paper = corpus.get(key)  # an unknown key is a clear error with close keys
            if not paper.text:
                raise CorpusError(tr("{key}: has no full text, so no citations to read; add its PDF or text file",
                                    key=key))
        index = index_corpus(corpus, [key] if key else None)
        network = _network(corpus, index) if graph_fmt else None
        labels = _labels(corpus, index, lang.value)
    if network is not None and graph is not None and graph_fmt is not None:
        write_bytes(render_graph(network, graph_fmt).encode("utf-8"), graph, "graph")
        err.print(tr("{n} node", "{n} nodes", n=len(network.nodes)) + ", "
                  + tr("{n} citation link", "{n} citation links", n=len(network.edges)))
    if not index.works:
        where = key or tr("the corpus")
        if index.papers_read:
            raise CorpusError(tr("{where}: no citations found", where=where))
        raise CorpusError(tr("{where}: no citations found; no paper has full text (add PDFs or text files)",
                             where=where))
    if chosen == "json":
        works = [w for w in index.works if w.papers >= min_papers][: top or None]
        data = json.dumps({"papers_read": index.papers_read, "citing_papers": index.citing_papers,
                           "works": [w.to_dict() for w in works]}, ensure_ascii=False, indent=2) + "\n"
        write_bytes(data.encode("utf-8"), output, chosen)
        return
    table = (paper_refs_table(key, index, lang.value, top, labels) if key
             else refs_table(index, lang.value, top, min_papers, labels))
    if not table.rows:
        raise UsageError(tr("no cited work is cited by {n} papers or more; lower --min-papers", n=min_papers))
    width = out.width if stdout_is_terminal() else 160
    color = chosen == "terminal" and output is None and stdout_is_terminal()
    write_bytes(render([table], chosen, width=width, color=color), output, chosen)


def _labels(corpus, index, lang: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The in-text citations of the cited works that are corpus papers, with their year letters."""
    from litreview.synthesis.citations import citations_for, corpus_letters

    keys = sorted({w.corpus_key for w in index.works if w.corpus_key})
    papers = list(corpus.iter_papers(keys)) if keys else []
    return citations_for(papers, lang, letters=corpus_letters(corpus, papers))


def _network(corpus, index):  # type: ignore[no-untyped-def]
    from litreview.synthesis.citations import corpus_letters
    from litreview.synthesis.network import build_network

    wanted = {c.paper for w in index.works for c in w.citing} | {w.corpus_key for w in index.works if w.corpus_key}
    papers = {p.key: p for p in corpus.iter_papers(sorted(wanted))} if wanted else {}
    return build_network(index, papers, corpus_letters(corpus, papers.values()))


def register(app: typer.Typer) -> None:
    app.command()(refs)
