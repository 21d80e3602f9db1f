"""How often Python's cycle collector runs in a litreview process.

Tagging and table building allocate many short-lived containers (sentence spans, matches,
evidence rows) that reference counting frees at once (tagging 30,000 generated abstracts left the
collector nothing to collect).
CPython still starts a collection of its youngest generation every 700 allocations net, and
every tenth of those a collection of the middle one, each time walking every container still
alive. Raising the first threshold to ``FIRST_THRESHOLD`` makes those walks rarer; cyclic
garbage (PDF object graphs hold parent links) waits for at most that many allocations, a few
megabytes. Measured with ``benchmarks/bench_tag.py`` (``--default-gc`` for the comparison).
"""

from __future__ import annotations

import gc

FIRST_THRESHOLD = 10_000


def tune() -> None:
    """Collect cycles less often in this process (the command's, or a worker's)."""
    _, second, third = gc.get_threshold()
    gc.set_threshold(FIRST_THRESHOLD, second, third)
