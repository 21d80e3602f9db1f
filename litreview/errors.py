"""Errors a user can fix. Each carries a message that says what is wrong and what to do.

The CLI catches LitreviewError once, prints its message on one line and exits
with its ``exit_code``; anything else is a bug and shows a traceback only with
``--debug``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # input or data problem
    USAGE = 2  # wrong command line
    PARTIAL = 3  # a batch where some items failed


class LitreviewError(Exception):
    """Base class: a problem the user can fix."""

    exit_code = ExitCode.ERROR

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(LitreviewError):
    """The command line asks for something impossible."""

    exit_code = ExitCode.USAGE


class CorpusError(LitreviewError):
    """No corpus, not a corpus, or a corpus this version cannot open."""


class NotFound(LitreviewError):
    """A key or file that does not exist."""


class ImportFailed(LitreviewError):
    """A whole file could not be imported (unreadable, wrong format, empty)."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Rebuildable in a parent process when raised in a worker.
        return (type(self), (self.path, self.problem))


class ValidationError(LitreviewError):
    """Edited or given metadata that does not make sense."""


class StorageError(LitreviewError):
    """The corpus cannot be written: disk full, no permission, a read-only corpus."""


class LockTimeout(LitreviewError):
    """Another litreview held the corpus's write lock for longer than the user lets us wait."""


class EditConflict(LitreviewError):
    """A paper changed (another litreview wrote to it) between reading it for an edit and saving."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread (like Ctrl-C) so that the transaction rolls back and the
    copies it wrote are removed before the command exits with 143."""
