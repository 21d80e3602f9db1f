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
            if not args or "--help" in args or "-h" in args:
                import_rich_utils()  # before Typer imports it for the help, at its full cost
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


def import_rich_utils() -> Any:
    """Typer's help formatter (``typer.rich_utils``), imported without the two rich modules it
    imports but does not use here, about 30 ms of the start-up of ``--help``: ``rich.markdown``
    (for help written in Markdown; this help is written in rich markup) and ``rich.traceback`` (for
    Typer's pretty exceptions, which are off). Stand-ins take their place while it is imported; each
    loads the real module if it is ever called."""
    import sys

    if "typer.rich_utils" in sys.modules:
        return sys.modules["typer.rich_utils"]
    stand_ins = {name: _stand_in(name, cls) for name, cls in (("rich.markdown", "Markdown"),
                                                               ("rich.traceback", "Traceback"))
                 if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        from typer import rich_utils
    except ImportError:  # a Typer that needs more of them than the stand-ins give: the real modules
        sys.modules.pop("typer.rich_utils", None)
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        from typer import rich_utils
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return rich_utils


def _stand_in(module_name: str, class_name: str) -> Any:
    """A module holding a class that stands for ``module_name.class_name``: calling it, or asking it
    for an attribute, imports the real module and hands over to the real class."""
    import importlib
    import types

    def real() -> Any:
        return getattr(importlib.import_module(module_name), class_name)

    class _Lazy(type):
        def __call__(cls, *args: Any, **kwargs: Any) -> Any:
            return real()(*args, **kwargs)

        def __getattr__(cls, name: str) -> Any:
            return getattr(real(), name)

        def __instancecheck__(cls, instance: Any) -> bool:
            return isinstance(instance, real())

    module = types.ModuleType(module_name)
    setattr(module, class_name, _Lazy(class_name, (), {"__module__": module_name}))
    return module


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
    rich_utils = import_rich_utils()

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


def _resolve_annotations(typer_app: typer.Typer) -> None:
    """Evaluate the commands' annotations once, as Typer would. The modules postpone them (``from
    __future__ import annotations``), and Typer reads each command's twice to build the command tree
    of every run (``inspect.signature(eval_str=True)``, then ``typing.get_type_hints``), compiling
    every string each time: 650 compilations, a fifth of the start-up of ``--help``. The same string
    in the same module is evaluated once here; one that does not evaluate is left for Typer to report."""
    done: dict[tuple[int, str], Any] = {}

    def resolve(function: Any) -> None:
        annotations = getattr(function, "__annotations__", None) or {}
        scope = getattr(function, "__globals__", None)
        if scope is None:
            return
        for name, value in annotations.items():
            if isinstance(value, str):
                key = (id(scope), value)
                if key not in done:
                    try:
                        done[key] = eval(value, scope)  # noqa: S307 (the module's own annotation)
                    except Exception:
                        continue
                annotations[name] = done[key]

    def walk(instance: typer.Typer) -> None:
        if instance.registered_callback is not None:
            resolve(instance.registered_callback.callback)
        for command in instance.registered_commands:
            resolve(command.callback)
        for group in instance.registered_groups:
            if group.callback is not None:
                resolve(group.callback)
            if group.typer_instance is not None:
                walk(group.typer_instance)

    walk(typer_app)


_resolve_annotations(app)




def _terminate(signum: int, frame: Any) -> None:
    from litreview.errors import Terminated

    raise Terminated()


def main() -> None:
    import signal

    from litreview import collector

    collector.tune()  # fewer cycle collections: tagging and tables allocate many short-lived objects
    signal.signal(signal.SIGTERM, _terminate)  # stop like Ctrl-C: roll back, remove copies, exit 143
    app()
