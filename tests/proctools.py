"""Looking at processes through /proc (Linux): who is alive in a process group, whose parent is whom."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

HAVE_PROC = Path("/proc/self/stat").exists()


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, process group) of a live process, None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[2])


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    out = []
    for pid in _pids():
        stat = _stat(pid)
        if stat is not None and stat[2] == pgid and stat[0] not in ("Z", "X"):
            out.append(pid)
    return out


def children(pid: int) -> list[int]:
    out = []
    for child in _pids():
        stat = _stat(child)
        if stat is not None and stat[1] == pid and stat[0] not in ("Z", "X"):
            out.append(child)
    return out


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
