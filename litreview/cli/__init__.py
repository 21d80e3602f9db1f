"""The `litreview` command: a Typer app; each command module registers its commands here."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

import typer
from rich.markup import escape
from typer._click import exceptions as click_errors
from typer.core import TyperGroup

from litreview import __version__
from litreview.errors import LitreviewError
from litreview.i18n import localize, tr


class _Group(TyperGroup):
    """Catches user errors once: one red line on stderr, the error's exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except click_errors.ClickException as exc:  # a sub-command's arguments Typer could not parse
            _localize_parse_error(exc, getattr(self, "_run_language", "en"))
            raise
        except LitreviewError as exc:
            from litreview.cli.common import err

            if (ctx.obj or {}).get("debug"):
                err.print_exception()
            err.print(f"[red]{tr('error:')}[/red] {escape(localize(str(exc)))}")
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt as exc:
            from litreview.cli.common import err
            from litreview.errors import Terminated

            how, code = (tr("terminated"), 143) if isinstance(exc, Terminated) else (tr("interrupted"), 130)
            err.print(f"[red]{how}[/red]: " + tr("stopped; nothing of the unfinished command was saved"))
            raise typer.Exit(code) from None
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as exc:  # a storage fault outside a transaction
            from litreview.cli.common import err

            if (ctx.obj or {}).get("debug"):
                err.print_exception()
            err.print(f"[red]{tr('error:')}[/red] " + tr("the corpus database failed: {problem}; `litreview doctor` "
                                                         "checks it", problem=escape(str(exc))))
            raise typer.Exit(1) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # in the order registered, not alphabetical

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        from litreview.i18n import language_of_args

        if parent is None:
            language = language_of_args(args)
            _panel_titles(language == "id")
            if getattr(self, "_help_language", "en") != language:  # a command tree built once serves many runs
                localize_help(self, language)
                self._help_language = language
            self._run_language = language
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click_errors.ClickException as exc:
            _localize_parse_error(exc, getattr(self, "_run_language", "en"))
            raise


def _localize_parse_error(exc: Any, language: str) -> None:
    """Typer's own message for arguments it cannot parse ("No such option: --x", "Missing argument
    'KEY'."), in the run's language: the exception formats its message when Typer prints it, so the
    translation wraps that."""
    if language != "id" or getattr(exc, "_localized", False):
        return
    from litreview.i18n import localize_parse_message

    english = exc.format_message
    exc.format_message = lambda: localize_parse_message(english())
    exc._localized = True


_PANEL_TITLES = {"ARGUMENTS_PANEL_TITLE": "Argumen", "OPTIONS_PANEL_TITLE": "Opsi",
                 "COMMANDS_PANEL_TITLE": "Perintah", "REQUIRED_LONG_STRING": "[wajib]",
                 "DEFAULT_STRING": "[bawaan: {}]", "ERRORS_PANEL_TITLE": "Galat",
                 "RICH_HELP": "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan."}
_ENGLISH_TITLES: dict[str, str] = {}


def _panel_titles(indonesian: bool) -> None:
    """Typer's own words in the help (panel titles, "[required]", "[default: ...]"), set for each run."""
    import sys

    if not indonesian and "typer.rich_utils" not in sys.modules:
        return  # still as Typer wrote them; importing it only to say so would cost every command 30 ms
    from typer import rich_utils

    for name, indonesian_text in _PANEL_TITLES.items():
        english = _ENGLISH_TITLES.setdefault(name, getattr(rich_utils, name))
        setattr(rich_utils, name, indonesian_text if indonesian else english)


def localize_help(root: Any, language: str = "id") -> None:
    """The help of the main commands, their sub-commands and their options and arguments in
    Indonesian (``--lang id`` on the command line, or ``LITREVIEW_LANG=id``), or back in English.
    Typer builds the click commands for each run; a caller that keeps them (the tests) gets the
    English texts back on the next English run."""
    from litreview.i18n_id import COMMAND_HELP, OPTION_HELP

    def swap(holder: Any, indonesian: str | None) -> None:
        english = holder.__dict__.setdefault("_english_help", holder.help)
        holder.help = indonesian if language == "id" and indonesian is not None else english

    def walk(command: Any, name: str) -> None:
        if name in COMMAND_HELP:
            swap(command, COMMAND_HELP[name])
            command.short_help = None
        for param in command.params:
            text = param.__dict__.get("_english_help", getattr(param, "help", None))
            if text and text in OPTION_HELP:
                swap(param, OPTION_HELP[text])
        subcommands = getattr(command, "commands", None)  # a group
        if isinstance(subcommands, dict):
            for sub_name, sub in subcommands.items():
                walk(sub, f"{name} {sub_name}".strip())

    walk(root, "")


app = typer.Typer(
    cls=_Group,
    name="litreview",
    help="Literature reviews from the command line: add papers, code themes, build review tables.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"litreview {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="en|id", show_default=False,
                     help="Language of messages, headings and help (default: $LITREVIEW_LANG, else en)."),
    ] = None,
    lock_timeout: Annotated[
        float | None,
        typer.Option(
            "--lock-timeout",
            min=0,
            metavar="SECONDS",
            help="How long a writing command waits for another litreview to finish "
            "(default: $LITREVIEW_LOCK_TIMEOUT, else 600).",
            show_default=False,
        ),
    ] = None,
) -> None:
    from litreview import i18n
    from litreview.cli.common import settings
    from litreview.errors import UsageError

    if lang is not None and i18n.normalize(lang) is None:
        i18n.set_lang(None)  # the message in the environment's language
        raise UsageError(tr("--lang {value}: choose en or id", value=repr(lang)))
    i18n.set_lang(lang)  # every run starts from this (or the environment's) language
    ctx.obj = {"debug": debug}
    settings.lock_timeout = lock_timeout


from litreview.cli import charts as _charts  # noqa: E402  (modules register their commands on import)
from litreview.cli import corpus as _corpus  # noqa: E402
from litreview.cli import dupes as _dupes  # noqa: E402
from litreview.cli import papers as _papers  # noqa: E402
from litreview.cli import prisma as _prisma  # noqa: E402
from litreview.cli import reading as _reading  # noqa: E402
from litreview.cli import refs as _refs  # noqa: E402
from litreview.cli import screen as _screen  # noqa: E402
from litreview.cli import search as _search  # noqa: E402
from litreview.cli import tables as _tables  # noqa: E402
from litreview.cli import themes as _themes  # noqa: E402

_corpus.register(app)
_papers.register(app)
_themes.register(app)
_tables.register(app)
_reading.register(app)
_refs.register(app)
_search.register(app)
_dupes.register(app)
_screen.register(app)
_prisma.register(app)
_charts.register(app)
_corpus.register_maintenance(app)  # last in --help: a command for when something went wrong




def _terminate(signum: int, frame: Any) -> None:
    from litreview.errors import Terminated

    raise Terminated()


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _terminate)  # stop like Ctrl-C: roll back, remove copies, exit 143
    app()
