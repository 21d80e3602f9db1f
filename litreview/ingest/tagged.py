"""Splitting tagged bibliographic exports (MEDLINE ``.nbib``, EndNote ``.enw``) into records.

Both formats put one field per line, a tag then its value, with records separated by blank
lines (or by a record-opening tag) and long values continued on the following lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from litreview.i18n import msg

Record = tuple[int, list[tuple[str, str]]]  # (first line number, [(tag, value)])


def split_records(
    text: str,
    tag: re.Pattern[str],
    paragraph_tags: Collection[str],
    opens_record: Callable[[str, list[tuple[str, str]]], bool],
    indented_continues: bool = False,
    warn_unterminated: bool = False,
) -> tuple[list[Record], list[str]]:
    """Records of ``text`` and layout warnings. ``tag`` matches a field line (groups: tag,
    value); ``opens_record(tag, fields so far)`` says a field starts a new record even without a
    blank line; a line that is not a field continues the last one (joined by a line break in
    ``paragraph_tags``, else a space); with ``indented_continues`` an indented line is always a
    continuation. ``warn_unterminated`` warns when the file ends inside a record without a final
    line break (a download cut short)."""
    records: list[Record] = []
    warnings: list[str] = []
    current: list[tuple[str, str]] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.replace("\ufeff", "").rstrip("\r")
        if not line.strip():
            if current:
                records.append((start, current))
            current = []
            continue
        found = None if indented_continues and line[:1].isspace() else tag.match(line)
        if found is None:
            if current:
                name, value = current[-1]
                joiner = "\n" if name in paragraph_tags and not value.endswith(" ") else " "
                current[-1] = (name, f"{value}{joiner}{line.strip()}" if value else line.strip())
            else:
                warnings.append(msg("line {line}: text outside any record ignored: {text}", line=number,
                                    text=line.strip()[:60]))
            continue
        name, value = found.group(1), found.group(2) or ""
        if current and opens_record(name, current):
            records.append((start, current))
            current = []
        if not current:
            start = number
        current.append((name, value))
    if current:
        records.append((start, current))
        if warn_unterminated and not text.endswith("\n"):
            warnings.append(msg("line {line}: the file ends inside this record; it may be cut short", line=start))
    return records, warnings
