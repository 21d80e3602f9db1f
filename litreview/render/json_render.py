"""JSON: a list with one ``Table.to_dict()`` per table (UTF-8, indented, marks kept as data)."""

from __future__ import annotations

import json
import math
from typing import Any

from litreview.synthesis.table import Table


def render_json(tables: list[Table], **options: Any) -> bytes:
    data = _finite([table.to_dict() for table in tables])
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    # A lone surrogate cannot be encoded; it becomes "?" rather than failing the export.
    return text.encode("utf-8", errors="replace")


def _finite(data: Any) -> Any:
    """``data`` with NaN and infinities as null (JSON has no spelling for them)."""
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_finite(value) for value in data]
    return data
