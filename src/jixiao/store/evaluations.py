"""Actual values, budget execution and stored evaluations of a table (migration 0003).

Every value set here is also written to ``changes`` (the history), with who and when, so that
``jixiao history`` shows what was entered after the import as well.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from jixiao.store.schema import (
    actuals,
    changes,
    evaluations,
    executions,
    revisions,
    target_tables,
)

YEAR = 0  # ``month`` of a whole-year value (自评); 1–12 are monitoring months


@dataclass(frozen=True)
class ActualRecord:
    indicator: str
    month: int
    value: str
    band: str | None
    score: float | None  # points, entered before migration 0015 (read as before)
    note: str | None
    recorded_at: dt.datetime
    recorded_by: str | None
    share: float | None = None  # the evaluator's score as a share of the weight (0..1)


@dataclass(frozen=True)
class ExecutionRecord:
    month: int
    executed: float
    adjusted: float | None
    note: str | None
    recorded_at: dt.datetime
    recorded_by: str | None


@dataclass(frozen=True)
class EvaluationRecord:
    id: int
    revision_id: int
    profile: str
    profile_version: str
    total: float | None
    grade: str | None
    complete: bool
    result_json: str
    evaluated_at: dt.datetime
    evaluated_by: str | None


def current_revision_id(connection: Connection, table_id: int) -> int:
    """The id of the table's current revision (``current_revision`` holds its number)."""
    revision_id = connection.scalar(
        select(revisions.c.id)
        .join(target_tables, target_tables.c.id == revisions.c.table_id)
        .where(
            target_tables.c.id == table_id,
            revisions.c.number == target_tables.c.current_revision,
        )
    )
    if revision_id is None:
        raise LookupError(f"table {table_id} has no revision")
    return int(revision_id)


def record_changes(
    connection: Connection,
    table_id: int,
    changed: list[tuple[str, str | None, str | None]],
    *,
    indicator: str | None,
    user: str | None,
    now: dt.datetime,
) -> None:
    """Write each (field, old, new) whose value changed to the history (``changes``)."""
    rows = [
        {
            "table_id": table_id,
            "changed_at": now,
            "changed_by": user,
            "indicator": indicator,
            "field": field,
            "old_value": old,
            "new_value": new,
        }
        for field, old, new in changed
        if old != new
    ]
    if rows:
        revision_id = current_revision_id(connection, table_id)
        connection.execute(insert(changes), [{**row, "revision_id": revision_id} for row in rows])


def set_actual(
    connection: Connection,
    table_id: int,
    indicator: str,
    *,
    month: int,
    value: str,
    band: str | None,
    share: float | None,
    note: str | None,
    user: str | None,
    now: dt.datetime,
) -> ActualRecord | None:
    """Store (or replace) an indicator's actual value; returns the one it replaced.

    ``share`` is the evaluator's score as a share of the indicator's weight (0..1). A note,
    band or share not given (None) keeps the one stored before; "" clears a note. A share
    given replaces a score stored in points before migration 0015.
    """
    old = actuals_of(connection, table_id, month).get(indicator)
    score: float | None = None
    if old is not None:
        note = old.note if note is None else (note or None)
        band = old.band if band is None else band
        score = old.score if share is None else None
        share = old.share if share is None else share
    connection.execute(
        delete(actuals).where(
            actuals.c.table_id == table_id,
            actuals.c.indicator == indicator,
            actuals.c.month == month,
        )
    )
    connection.execute(
        insert(actuals),
        {
            "table_id": table_id,
            "indicator": indicator,
            "month": month,
            "value": value,
            "band": band,
            "score": score,
            "score_share": share,
            "note": note,
            "recorded_at": now,
            "recorded_by": user,
        },
    )
    label = "实际完成值" if month == YEAR else f"{month}月执行情况"
    changed = [
        (label, old.value if old else None, value),
        (f"{label}·偏差原因", old.note if old else None, note),
        (f"{label}·定性档次", old.band if old else None, band),
        (f"{label}·评分", scored(old.score, old.share) if old else None, scored(score, share)),
    ]
    record_changes(connection, table_id, changed, indicator=indicator, user=user, now=now)
    return old


def actuals_of(connection: Connection, table_id: int, month: int) -> dict[str, ActualRecord]:
    rows = connection.execute(
        select(actuals).where(actuals.c.table_id == table_id, actuals.c.month == month)
    )
    return {
        row.indicator: ActualRecord(
            indicator=row.indicator,
            month=row.month,
            value=row.value,
            band=row.band,
            score=row.score,
            note=row.note,
            recorded_at=row.recorded_at,
            recorded_by=row.recorded_by,
            share=row.score_share,
        )
        for row in rows
    }


def set_execution(
    connection: Connection,
    table_id: int,
    *,
    month: int,
    executed: float,
    adjusted: float | None,
    note: str | None,
    user: str | None,
    now: dt.datetime,
) -> ExecutionRecord | None:
    """Store (or replace) the amount spent by ``month`` (0: the whole year)."""
    old = execution_of(connection, table_id, month)
    connection.execute(
        delete(executions).where(executions.c.table_id == table_id, executions.c.month == month)
    )
    connection.execute(
        insert(executions),
        {
            "table_id": table_id,
            "month": month,
            "executed": executed,
            "adjusted": adjusted,
            "note": note,
            "recorded_at": now,
            "recorded_by": user,
        },
    )
    label = "全年执行数" if month == YEAR else f"1–{month}月执行数"
    changed = [
        (label, fmt(old.executed) if old else None, fmt(executed)),
        ("调整后预算数", fmt(old.adjusted) if old else None, fmt(adjusted)),
    ]
    record_changes(connection, table_id, changed, indicator=None, user=user, now=now)
    return old


def execution_of(connection: Connection, table_id: int, month: int) -> ExecutionRecord | None:
    row = connection.execute(
        select(executions).where(executions.c.table_id == table_id, executions.c.month == month)
    ).first()
    if row is None:
        return None
    return ExecutionRecord(
        month=row.month,
        executed=row.executed,
        adjusted=row.adjusted,
        note=row.note,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
    )


def save_evaluation(
    connection: Connection,
    table_id: int,
    *,
    profile: str,
    profile_version: str,
    total: float | None,
    grade: str | None,
    complete: bool,
    result_json: str,
    user: str | None,
    now: dt.datetime,
) -> int:
    """Store an evaluation of the table's current revision; earlier ones are kept."""
    return int(
        connection.execute(
            insert(evaluations).returning(evaluations.c.id),
            {
                "table_id": table_id,
                "revision_id": current_revision_id(connection, table_id),
                "profile": profile,
                "profile_version": profile_version,
                "total": total,
                "grade": grade,
                "complete": complete,
                "result_json": result_json,
                "evaluated_at": now,
                "evaluated_by": user,
            },
        ).scalar_one()
    )


def latest_evaluations(
    connection: Connection, table_ids: Mapping[int, object] | None = None
) -> dict[int, EvaluationRecord]:
    """The newest stored evaluation of each table (of the given ones)."""
    query = select(evaluations).order_by(evaluations.c.table_id, evaluations.c.id)
    if table_ids is not None:
        query = query.where(evaluations.c.table_id.in_(list(table_ids)))
    latest: dict[int, EvaluationRecord] = {}
    for row in connection.execute(query):
        latest[row.table_id] = EvaluationRecord(
            id=row.id,
            revision_id=row.revision_id,
            profile=row.profile,
            profile_version=row.profile_version,
            total=row.total,
            grade=row.grade,
            complete=row.complete,
            result_json=row.result_json,
            evaluated_at=row.evaluated_at,
            evaluated_by=row.evaluated_by,
        )
    return latest


def scored(points: float | None, share: float | None) -> str | None:
    """The evaluator's score as the history shows it: 分值的 70%, or points entered before."""
    if share is not None:
        return f"分值的 {fmt(share * 100)}%"
    return fmt(points)


def fmt(value: float | None) -> str | None:
    return None if value is None else f"{value:.2f}".rstrip("0").rstrip(".")
