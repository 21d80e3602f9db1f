"""Coded texts ("gold" files): which themes readers found in each text, and the texts themselves.

A gold file is YAML::

    papers:
      - source: texts                  # where the text is: a root named when loading
        id: texts/some_file.txt        # its path under that root (for ``corpus``: the paper's key)
        lang: id
        offtopic: false
        themes: {hoax: "why, in a line", youth: "..."}   # present; a plain list is read too
        unsure: {democracy: "..."}                        # left out of every figure

``load_gold`` reads it; ``read_texts`` imports the texts (PDF, BibTeX, Markdown, plain text...)
into a corpus in memory and gives each entry its paper, so the tagger reads them exactly as
``litreview add`` would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litreview.errors import ValidationError
from litreview.model import Paper


@dataclass
class GoldEntry:
    source: str
    id: str
    present: dict[str, str]  # theme -> reason
    unsure: dict[str, str] = field(default_factory=dict)
    lang: str = "id"
    offtopic: bool = False
    title: str = ""

    @property
    def name(self) -> str:
        return f"{self.source}:{self.id}"


def _reasons(value: Any) -> dict[str, str]:
    if not value:
        return {}
    if isinstance(value, Mapping):
        return {str(k): str(v or "") for k, v in value.items()}
    return {str(v): "" for v in value}


def load_gold(path: Path, default_source: str = "") -> list[GoldEntry]:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValidationError(f"{path}: cannot read the gold file ({exc})") from None
    entries = []
    for item in (data or {}).get("papers", []):
        entries.append(GoldEntry(
            source=str(item.get("source") or default_source), id=str(item["id"]), present=_reasons(item.get("themes")),
            unsure=_reasons(item.get("unsure")), lang=str(item.get("lang") or "id"),
            offtopic=bool(item.get("offtopic", False)), title=str(item.get("title") or ""),
        ))
    return entries


def read_texts(entries: list[GoldEntry], roots: Mapping[str, Path]) -> list[tuple[GoldEntry, Paper]]:
    """Each entry whose text is present, with its paper as ``litreview add`` imports it.

    ``roots`` maps a source to the folder its ids are relative to; the source ``corpus`` is a
    folder of records whose keys are the ids. Entries whose root or file is missing are left out.
    """
    from litreview.add import AddOptions, add_paths
    from litreview.store import Corpus

    out: list[tuple[GoldEntry, Paper]] = []
    by_source: dict[str, list[GoldEntry]] = {}
    for entry in entries:
        by_source.setdefault(entry.source, []).append(entry)
    for source, group in sorted(by_source.items()):
        root = roots.get(source)
        if root is None or not Path(root).is_dir():
            continue
        corpus = Corpus.in_memory()
        try:
            if source == "corpus":
                add_paths(corpus, [str(root)])
                papers = {p.key: p for p in corpus.iter_papers(full=True)}
                out += [(e, papers[e.id]) for e in group if e.id in papers]
                continue
            files = {e.id: Path(root) / e.id for e in group if (Path(root) / e.id).is_file()}
            for entry in group:
                path = files.get(entry.id)
                if path is None:
                    continue
                before = {p.key for p in corpus.iter_papers()}
                report = add_paths(corpus, [str(path)], AddOptions(allow_duplicates=True))
                if report.failed:
                    continue
                new = [k for k in (p.key for p in corpus.iter_papers()) if k not in before]
                if new:
                    out.append((entry, next(corpus.iter_papers([new[0]], full=True))))
        finally:
            corpus.close()
    return out
