"""What every command shares: consoles, option aliases, opening the corpus, output helpers."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer
from rich.console import Console

from litreview.errors import CorpusError, UsageError
from litreview.i18n import tr

if TYPE_CHECKING:
    from litreview.render.docx import PageSetup
    from litreview.store import Corpus
    from litreview.synthesis.coverage import Coverage

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


AllOpt = Annotated[
    bool,
    typer.Option("--all", help="Every record in the corpus; by default, once screening has begun, only the papers "
                               "it included."),
]
CoverAllOpt = Annotated[
    bool,
    typer.Option("--all", help="Every record in the corpus; by default only the papers tagged with a theme (and, "
                               "once screening has begun, included by it)."),
]


class Settings:
    """Global options (set by the root callback for the command about to run)."""

    lock_timeout: float | None = None  # --lock-timeout; None: $LITREVIEW_LOCK_TIMEOUT or the default


settings = Settings()


def _say_waiting() -> None:
    err.print(tr("waiting for another litreview to finish…"))


def open_corpus(corpus_dir: Path | None) -> Corpus:
    """The corpus the user means, or a clear error when there is none."""
    from litreview.store import Corpus, find_corpus_dir  # here: `--help` need not load the store

    found = find_corpus_dir(explicit=corpus_dir)
    if found is None:
        raise CorpusError(tr("no corpus here or in any parent directory; run `litreview init` or pass --corpus DIR"))
    return Corpus(found, lock_timeout=settings.lock_timeout, on_wait=_say_waiting)


def open_or_create_corpus(corpus_dir: Path | None) -> tuple[Corpus, bool]:
    """For `add`: the corpus found, or a new one in the current directory (True when created)."""
    from litreview.store import Corpus, find_corpus_dir

    found = find_corpus_dir(explicit=corpus_dir)
    if found is not None:
        return Corpus(found, lock_timeout=settings.lock_timeout, on_wait=_say_waiting), False
    corpus = Corpus.init(Path.cwd())
    corpus.lock_timeout = settings.lock_timeout if settings.lock_timeout is not None else corpus.lock_timeout
    corpus.on_wait = _say_waiting
    return corpus, True


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


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
        raise CorpusError(tr("{output}: the directory {folder} does not exist", output=output, folder=output.parent))
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    try:
        os.chmod(tmp, _file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode() -> int:
    """The mode a new file gets under the user's umask (mkstemp makes 0600 files)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def choose_format(fmt: str | None, output: Path | None, formats: tuple[str, ...],
                  format_for_path: Callable[[Path], str | None]) -> str:
    """--format when given, else the format the output file's extension names, else terminal."""
    if fmt is not None:
        if fmt not in formats:
            raise UsageError(tr("--format {value}: choose one of {formats}", value=repr(fmt),
                                formats=", ".join(formats)))
        return fmt
    if output is not None:
        found = format_for_path(output)
        if found is None:
            raise UsageError(tr("{output}: cannot tell the format from the extension; give --format", output=output))
        return found
    return "terminal"


def check_writable(output: Path) -> None:
    """Fail before any work when ``output`` cannot be written."""
    target = output.expanduser()
    if target.is_dir():
        raise CorpusError(tr("{output}: is a directory; give a file name", output=output))
    if not target.parent.exists():
        raise CorpusError(tr("{output}: the directory {folder} does not exist", output=output, folder=target.parent))
    if not os.access(target.parent, os.W_OK):
        raise CorpusError(tr("{output}: cannot write in {folder} (permission denied)", output=output,
                                folder=target.parent))


def write_bytes(data: bytes, output: Path | None, fmt: str) -> None:
    """To stdout, or atomically to ``output`` (a temporary file renamed: no partial file is left)."""
    write_with(lambda handle: handle.write(data), output, fmt)


def write_with(write: Callable[[BinaryIO], object], output: Path | None, fmt: str) -> None:
    """``write`` writes to stdout, or atomically to ``output`` (a temporary file renamed when it is
    done: no partial file is left, even when it fails half-way through)."""
    if output is None:
        if fmt in ("docx", "xlsx") and sys.stdout.isatty():
            raise UsageError(tr("{fmt} is a binary format; give --output FILE", fmt=fmt))
        write(sys.stdout.buffer)
        sys.stdout.flush()
        return
    target = output.expanduser()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        os.chmod(tmp, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CorpusError(tr("{output}: cannot write ({problem})", output=output, problem=exc.strerror or exc)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    err.print(tr("Wrote {target}", target=target))


PaperOpt = Annotated[
    str | None, typer.Option("--paper", help="docx/xlsx: a4 (default) or letter.", show_default=False)
]
MarginsOpt = Annotated[
    str | None,
    typer.Option("--margins", help="docx: page margins in cm, left,top,right,bottom (default 4,3,3,3).",
                 show_default=False),
]
TemplateOpt = Annotated[
    Path | None,
    typer.Option("--template", help="docx: a Word document whose styles, page size and margins to use.",
                 show_default=False),
]


def page_setup(paper: str | None, margins: str | None, template: Path | None) -> PageSetup:
    """The Word/Excel page options, checked before any work is done."""
    from litreview.errors import ValidationError
    from litreview.render.docx import PageSetup, parse_margins, parse_paper

    if template is not None and not template.expanduser().is_file():
        raise ValidationError(tr("{template}: no such template file; give a Word document (.docx)", template=template))
    return PageSetup(paper=parse_paper(paper), margins=parse_margins(margins),
                     template=template.expanduser() if template is not None else None)
def screening_scope(corpus: Corpus, all_records: bool = False) -> set[str] | None:
    """The papers a table, chart, reading list or report covers: once any paper has a screening
    decision, the papers included so far (said on stderr); else, or with ``--all``, every paper (None)."""
    if all_records:
        return None
    from litreview.errors import ValidationError
    from litreview.screening.actions import included_scope

    found = included_scope(corpus)
    if found is None:
        return None
    keys, total = found
    if not keys:
        raise ValidationError(tr("screening has begun and no paper is included yet; include some with "
                                 "`litreview screen`, or give --all for every record"))
    err.print("[dim]" + tr("covering the papers screening included: {n} of {total}; --all for every record",
                           n=len(keys), total=total) + "[/dim]")
    return keys


def review_scope(corpus: Corpus, level: str = "discussed", all_records: bool = False
                 ) -> tuple[set[str] | None, Coverage]:
    """The papers a review table or reading list covers: those tagged with a theme at ``level`` and,
    once screening has begun, included by it; with ``--all`` every record (None)."""
    from litreview.synthesis.coverage import scope

    included = None
    if not all_records:
        from litreview.errors import ValidationError
        from litreview.screening.actions import included_scope

        found = included_scope(corpus)
        if found is not None:
            included = found[0]
            if not included:
                raise ValidationError(tr("screening has begun and no paper is included yet; include some with "
                                         "`litreview screen`, or give --all for every record"))
    return scope(corpus, level, all_records, included)


def say_coverage(coverage: Coverage) -> None:
    """On stderr, once the output is written: how many records it covers, when some are left out."""
    if not coverage.left_out:
        return
    if coverage.screened:
        message = tr("covering {n} of {total} records: the papers tagged with a theme and included by "
                     "screening; --all for every record", n=coverage.covered, total=coverage.library)
    else:
        message = tr("covering {n} of {total} records: the papers tagged with a theme; --all for every record",
                     n=coverage.covered, total=coverage.library)
    err.print("[dim]" + message + "[/dim]")
