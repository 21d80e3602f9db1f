"""What every command shares: consoles, option aliases, opening the corpus, output helpers."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from litreview.errors import CorpusError
from litreview.store import Corpus, find_corpus_dir

# Data on stdout, messages on stderr; never wrap a message line.
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        "-C",
        help="Corpus directory (default: .litreview/ here or above; or $LITREVIEW_CORPUS).",
        show_default=False,
    ),
]


def open_corpus(corpus_dir: Path | None) -> Corpus:
    """The corpus the user means, or a clear error when there is none."""
    found = find_corpus_dir(explicit=corpus_dir)
    if found is None:
        raise CorpusError("no corpus here or in any parent directory; run `litreview init` or pass --corpus DIR")
    return Corpus(found)


def open_or_create_corpus(corpus_dir: Path | None) -> tuple[Corpus, bool]:
    """For `add`: the corpus found, or a new one in the current directory (True when created)."""
    found = find_corpus_dir(explicit=corpus_dir)
    if found is not None:
        return Corpus(found), False
    return Corpus.init(Path.cwd()), True


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def write_output(data: str, output: Path | None) -> None:
    """Print ``data`` or write it atomically to ``output``."""
    if output is None:
        sys.stdout.write(data)
        if data and not data.endswith("\n"):
            sys.stdout.write("\n")
        return
    import tempfile

    output = output.expanduser()
    if not output.parent.exists():
        raise CorpusError(f"{output}: the directory {output.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
