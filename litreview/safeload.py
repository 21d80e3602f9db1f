"""YAML and JSON from users' files, parsed with limits a crafted file cannot get past.

Every user YAML (Markdown front matter, CSL-YAML, the codebook, ``edit``'s buffer) and every
user JSON (CSL-JSON) is read through here. A "billion laughs" document (a few hundred bytes of
nested aliases that expand to billions of nodes) is refused after composing, before anything is
built from it: the expansion is counted on the node graph, each shared node once. Nesting deeper
than any bibliography needs is refused before the recursive parsers reach it. Each refusal is an
``InputTooComplex``: one line naming the file and the limit.

Syntax errors are left to the callers, as ``yaml.YAMLError`` and ``json.JSONDecodeError``, so each
can say where the mistake is in its own terms.
"""

from __future__ import annotations

import json
import re
from typing import Any

from litreview.errors import ImportFailed
from litreview.i18n import msg

MAX_YAML_DEPTH = 100  # nested collections; a CSL item needs about 5
MAX_YAML_ALIASES = 1_000  # alias uses (*name) in one document
MAX_YAML_EXPANSION = 100_000  # nodes that aliases add when expanded, beyond the document's own
MAX_JSON_DEPTH = 100


class InputTooComplex(ImportFailed):
    """A document past one of the limits above (an alias bomb, absurd nesting)."""


def load_yaml(text: str, name: str) -> Any:
    """The single YAML document in ``text`` (like ``yaml.safe_load``), within the limits."""
    loader = _loader(text, name)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml_all(text: str, name: str) -> list[Any]:
    """Every YAML document in ``text`` (like ``yaml.safe_load_all``), within the limits."""
    loader = _loader(text, name)
    try:
        documents = []
        while loader.check_data():
            documents.append(loader.get_data())
        return documents
    finally:
        loader.dispose()


def compose_yaml(text: str, name: str) -> Any:
    """The node tree of ``text`` (like ``yaml.compose``; nodes keep line numbers), within the limits."""
    loader = _loader(text, name)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def yaml_error_place(exc: Exception, line_offset: int = 0) -> str:
    """Where and what a YAML syntax error is, on one line: " at line 3: found character '@' ..."
    (``line_offset`` for YAML cut from a larger file, such as front matter)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if problem is None and getattr(exc, "reason", None) is not None:  # a ReaderError: a bad character
        problem = f"{exc.reason} (character {getattr(exc, 'position', 0) + 1})"  # type: ignore[attr-defined]
    text = " ".join(str(problem or exc).split())
    if mark is None:
        return f": {text}"
    return msg(" at line {line}: {problem}", line=mark.line + 1 + line_offset, problem=text)


def _loader(text: str, name: str) -> Any:
    import yaml

    class LimitedLoader(yaml.SafeLoader):
        """SafeLoader that counts nesting and aliases while composing and the expansion after."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0
            self.aliases = 0
            self.nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_YAML_ALIASES:
                    raise InputTooComplex(name, f"YAML with more than {MAX_YAML_ALIASES:,} aliases (*name); "
                                                "refused as a possible alias bomb")
                return super().compose_node(parent, index)
            self.depth += 1
            self.nodes += 1
            if self.depth > MAX_YAML_DEPTH:
                line = self.peek_event().start_mark.line + 1
                raise InputTooComplex(name, f"YAML nested more than {MAX_YAML_DEPTH} levels deep (line {line})")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def compose_document(self) -> Any:
            before = self.nodes
            node = super().compose_document()
            _check_expansion(node, self.nodes - before, name)
            return node

    return LimitedLoader(text)


def _check_expansion(root: Any, own_nodes: int, name: str) -> None:
    """Refuse a node graph whose tree, aliases expanded, is much larger than the document
    (or infinite: an alias inside the node it names). Iterative, each shared node sized once."""
    import yaml

    bound = own_nodes + MAX_YAML_EXPANSION
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # the nodes on the path from the root, being sized
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        ident = id(node)
        children = _children(node, yaml)
        if finished:
            sizes[ident] = min(bound + 1, 1 + sum(sizes[id(c)] for c in children))
            open_nodes.discard(ident)
            if sizes[ident] > bound:
                raise InputTooComplex(name, f"YAML aliases expand to more than {MAX_YAML_EXPANSION:,} nodes; "
                                            "refused as a possible alias bomb")
            continue
        if ident in sizes:
            continue
        if ident in open_nodes:
            line = node.start_mark.line + 1
            raise InputTooComplex(name, f"YAML alias at line {line} refers to the node that holds it")
        open_nodes.add(ident)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)


def _children(node: Any, yaml: Any) -> list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


# -- JSON ------------------------------------------------------------------------------------
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def load_json(text: str, name: str) -> Any:
    """``json.loads(text)`` once ``text`` is known to nest no deeper than MAX_JSON_DEPTH."""
    check_json_depth(text, name)
    return json.loads(text)


def check_json_depth(text: str, name: str) -> None:
    """Refuse JSON nested deeper than MAX_JSON_DEPTH, without recursion: strings are blanked,
    then innermost bracket pairs are peeled, one level a pass. Malformed bracketing is left
    for the JSON parser to report."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    for _ in range(MAX_JSON_DEPTH):
        if not brackets:
            return
        peeled = _INNERMOST.sub("", brackets)
        if len(peeled) == len(brackets):
            return  # unbalanced: not JSON, and json.loads will say where
        brackets = peeled
    if brackets and _INNERMOST.search(brackets):
        raise InputTooComplex(name, f"JSON nested more than {MAX_JSON_DEPTH} levels deep; refused")
