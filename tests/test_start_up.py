"""Start-up: `--help` imports only what it shows, and the command tree reads evaluated annotations."""

from __future__ import annotations

import subprocess
import sys

import typer.main

import litreview.cli as cli


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_help_leaves_out_rich_markdown_and_traceback() -> None:
    code = ("import sys, io, contextlib\n"
            "from litreview.cli import app\n"
            "sys.argv = ['litreview', '--help']\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n"
            "        app()\n"
            "    except SystemExit:\n"
            "        pass\n"
            "print('Usage' in out.getvalue(), 'typer.rich_utils' in sys.modules,\n"
            "      [m for m in ('rich.markdown', 'rich.traceback', 'markdown_it') if m in sys.modules])\n")
    assert run_python(code).strip() == "True True []"


def test_the_stand_ins_hand_over_to_the_real_classes() -> None:
    code = ("import sys\n"
            "from litreview.cli import import_rich_utils\n"
            "rich_utils = import_rich_utils()\n"
            "assert 'rich.markdown' not in sys.modules\n"
            "shown = rich_utils._make_rich_text(text='**bold**', style='', markup_mode='markdown')\n"
            "from rich.markdown import Markdown\n"
            "from rich.traceback import Traceback\n"
            "try:\n"
            "    raise ValueError('x')\n"
            "except ValueError as exc:\n"
            "    traced = rich_utils.Traceback.from_exception(type(exc), exc, exc.__traceback__)\n"
            "print(type(shown) is Markdown, isinstance(shown, rich_utils.Markdown), type(traced) is Traceback)\n")
    assert run_python(code).strip() == "True True True"


def test_annotations_are_evaluated_once_and_give_the_same_parameters() -> None:
    for command in cli.app.registered_commands:
        assert not any(isinstance(a, str) for a in command.callback.__annotations__.values()), command.name
    add = typer.main.get_command(cli.app).commands["add"]  # type: ignore[attr-defined]
    options = {p.name: p for p in add.params}
    assert options["allow_duplicates"].is_flag
    assert options["attachments"].multiple
