"""Worker processes that never outlive the command that started them.

A parsing worker that survives its parent (killed with ``kill -9``, or stopped by SIGTERM) is
re-parented and blocks forever, holding files open; one that takes Ctrl-C prints its own
traceback. So every worker: asks Linux to kill it when its parent dies (``PR_SET_PDEATHSIG`` through
prctl), watches its parent anyway (a thread that exits when the parent is gone, for other systems
and for the moment before prctl took effect), and ignores SIGINT (the parent handles Ctrl-C and stops
its workers itself).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

PR_SET_PDEATHSIG = 1
PARENT_CHECK_SECONDS = 1.0


def worker_init(parent_pid: int, setup: Callable[..., None] | None = None, setup_args: tuple[Any, ...] = ()) -> None:
    """Run first in every worker process (a pool's ``initializer``, or the target's first call);
    then ``setup(*setup_args)``, when given."""
    from litreview import collector

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    collector.tune()  # a forked worker has it already; a spawned one starts with the default
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if setup is not None:
        setup(*setup_args)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watching thread still ends the worker


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(1)


def parent_alive(parent_pid: int) -> bool:
    return os.getppid() == parent_pid


def forks() -> bool:
    """Do worker processes start as forks of this one (and so share its objects without pickling)?
    On Linux only: elsewhere the system's default way of starting them (spawn on macOS) is kept."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def worker_pool(max_workers: int, setup: Callable[..., None] | None = None,
                setup_args: tuple[Any, ...] = ()) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers die with this process and ignore Ctrl-C; when the block ends
    with an error (Ctrl-C, SIGTERM, a bug), running work is abandoned and the workers are stopped at
    once instead of being waited for. Workers are forked where the system can (``setup_args`` are
    then shared, not pickled) and each runs ``setup(*setup_args)`` first."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if forks() else None)
    pool = ProcessPoolExecutor(max_workers=max_workers, mp_context=context, initializer=worker_init,
                               initargs=(os.getpid(), setup, setup_args))
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    processes: dict[int, Any] = dict(getattr(pool, "_processes", None) or {})  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        if process.is_alive():
            process.kill()
    for process in processes.values():
        process.join(timeout=5)
