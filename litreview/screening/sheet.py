"""Screening sheets: the records of a stage as CSV for a reviewer who works in a spreadsheet, and
their decisions read back.

An exported sheet has one row per record with ``key, stage, reviewer, decision, reason`` and what
to decide on (title, authors, year, venue, doi, abstract, keywords). An imported sheet needs a
``key`` and a ``decision`` column (include, exclude, maybe, or i/e/m; a blank decision is skipped);
``reason`` (the words or the number of one of the review's reasons), ``stage`` and ``reviewer``
are optional and default to ``--stage`` and ``--reviewer``. Commas, semicolons (Excel in an
Indonesian locale) and tabs all separate columns. A sheet is checked whole before anything is
written: one bad row and nothing is.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from litreview.errors import ValidationError
from litreview.i18n import tr
from litreview.screening.decisions import (
    FULL_TEXT,
    TITLE_ABSTRACT,
    check_reason,
    parse_decision,
    parse_stage,
    reviewer_name,
    standings,
)
from litreview.store_screening import NewDecision

if TYPE_CHECKING:
    from litreview.store import Corpus

COLUMNS = ("key", "stage", "reviewer", "decision", "reason", "title", "authors", "year", "venue", "doi", "abstract",
           "keywords")


def stage_keys(corpus: Corpus, stage: str) -> list[str]:
    """The records screened at ``stage``: at title-abstract every record the rules left, at full text
    the records that passed title-abstract screening; in key order."""
    found = standings(corpus.screening_lanes())
    if stage == TITLE_ABSTRACT:
        return [k for k in corpus.all_keys() if not (k in found and found[k].removed_by_rules)]
    return [k for k in corpus.all_keys() if k in found and found[k].passed_title_abstract]


def export_sheet(corpus: Corpus, stage: str, reviewer: str) -> tuple[str, int]:
    """(CSV text, records) of the stage's records with ``reviewer``'s current decisions."""
    keys = stage_keys(corpus, stage)
    mine = {lane.key: lane for lane in corpus.screening_lanes(stage)
            if lane.role == "reviewer" and lane.reviewer == reviewer and lane.decision != "none"}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for paper in corpus.iter_papers(keys) if keys else iter(()):
        lane = mine.get(paper.key)
        writer.writerow([
            paper.key, stage, reviewer, lane.decision if lane else "", lane.reason if lane else "", paper.title,
            "; ".join(p.display() for p in paper.authors), paper.year or "", paper.journal, paper.doi,
            paper.abstract or paper.abstract_id or paper.abstract_en,
            "; ".join(paper.keywords or paper.keywords_id or paper.keywords_en),
        ])
    return buffer.getvalue(), len(keys)


@dataclass
class Imported:
    written: int
    unchanged: int
    blank: int


def import_sheet(corpus: Corpus, path: Path, stage: str, reviewer: str) -> Imported:
    """Record the decisions of a sheet, all or nothing."""
    from litreview.screening.actions import review_reasons
    from litreview.screening.decisions import resolve_reason
    from litreview.store import now

    rows = _read(path)
    with corpus.transaction():
        reasons = review_reasons(corpus)
        keys = set(corpus.all_keys())
        wanted: list[tuple[int, NewDecision]] = []
        blank = 0
        for line, row in rows:
            where = f"{path}:{line}"
            key = row.get("key", "").strip()
            if not key:
                raise ValidationError(tr("{where}: the key is empty", where=where))
            if key not in keys:
                raise ValidationError(tr("{where}: no paper with key {key} in this corpus", where=where, key=repr(key)))
            if not row.get("decision", "").strip():
                blank += 1
                continue
            decision = parse_decision(row["decision"], where)
            at = parse_stage(row["stage"]) if row.get("stage", "").strip() else stage
            who = reviewer_name(row["reviewer"]) if row.get("reviewer", "").strip() else reviewer
            reason = resolve_reason(row.get("reason", ""), reasons, where) if row.get("reason", "").strip() else ""
            check_reason(at, decision, reason, where)
            wanted.append((line, NewDecision(key, at, decision, who, reason, "reviewer", "import")))
        seen: dict[tuple[str, str, str], int] = {}
        for line, new in wanted:
            lane = (new.key, new.stage, new.reviewer)
            if lane in seen:
                raise ValidationError(tr("{path}:{line}: {key} is decided twice at {stage} by {reviewer} (also on "
                                         "line {other})", path=path, line=line, key=new.key, stage=new.stage,
                                         reviewer=new.reviewer, other=seen[lane]))
            seen[lane] = line
        written = unchanged = 0
        for wanted_stage in (TITLE_ABSTRACT, FULL_TEXT):  # full text after title-abstract: it needs those
            batch = [(line, n) for line, n in wanted if n.stage == wanted_stage]
            if wanted_stage == FULL_TEXT and batch:
                found = standings(corpus.screening_lanes())
                for line, new in batch:
                    if not (new.key in found and found[new.key].passed_title_abstract):
                        raise ValidationError(tr("{path}:{line}: {key} is not included at title-abstract "
                                                 "screening; decide it there first", path=path, line=line,
                                                 key=new.key))
            fresh = []
            for _, new in batch:
                _, decision, reason = corpus.lane_head(new.key, new.stage, new.reviewer)
                if (decision, reason) == (new.decision, new.reason):
                    unchanged += 1
                else:
                    fresh.append(new)
            corpus.record_decisions(fresh, now())
            written += len(fresh)
    return Imported(written, unchanged, blank)


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(tr("{path}: no such file", path=path)) from None
    except UnicodeDecodeError:
        raise ValidationError(tr("{path}: not UTF-8 text; save the sheet as CSV UTF-8", path=path)) from None
    except OSError as exc:
        raise ValidationError(tr("{path}: cannot read ({problem})", path=path, problem=exc.strerror or exc)) from None
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise ValidationError(tr("{path}: empty; a sheet needs a header row with key and decision", path=path))
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().casefold() for h in next(reader)]
        missing = [c for c in ("key", "decision") if c not in header]
        if missing:
            raise ValidationError(tr("{path}:1: no {column} column; the header row needs key and decision", path=path,
                                     column=repr(missing[0])))
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append((reader.line_num, {h: (values[i] if i < len(values) else "") for i, h in enumerate(header)}))
    except csv.Error as exc:
        raise ValidationError(tr("{path}:{line}: not a readable CSV row ({problem})", path=path, line=reader.line_num,
                                 problem=exc)) from None
    return rows
