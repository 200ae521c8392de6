"""The review workflow's records (migration 0010): states, steps, decisions on findings.

A table without a ``review_states`` row is a draft. States are changed with a conditional
write (:func:`move_state`), so that of two reviewers acting on one table at once only the
first succeeds and the second finds the state already changed. States, actions and decisions
are stored as the strings the services' enums hold; this module gives them no meaning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from jixiao.model import Finding
from jixiao.store.queries import filter_clause, summary_query
from jixiao.store.records import TableFilter, TableSummary
from jixiao.store.rows import finding_from_row
from jixiao.store.schema import (
    finding_decisions,
    findings,
    review_states,
    review_steps,
    revisions,
    target_tables,
)

DRAFT = "draft"  # the state of a table with no review_states row
LOCKED_STATES = ("submitted", "approved")  # content frozen for fillers (services.workflow)


@dataclass(frozen=True)
class StateRecord:
    state: str
    revision: int
    changed_at: dt.datetime
    changed_by: str | None


@dataclass(frozen=True)
class StepRecord:
    id: int
    revision: int
    action: str
    from_state: str
    to_state: str
    actor: str
    role: str
    opinion: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class DecisionRecord:
    decision: str
    reason: str | None
    decided_by: str
    decided_at: dt.datetime


@dataclass(frozen=True)
class RevisionFinding:
    """A finding of one revision, numbered from 0 in report order, with its decision."""

    index: int
    finding_id: int
    finding: Finding
    decision: DecisionRecord | None


@dataclass(frozen=True)
class WaitingTable:
    """A table in a given state, with its current revision's finding counts by severity."""

    table: TableSummary
    state: StateRecord
    severities: dict[str, int]


REVIEW_STATE: Final = select(review_states).where(  # built once: the table page runs it
    review_states.c.table_id == bindparam("table_id")
)


def review_state(connection: Connection, table_id: int) -> StateRecord | None:
    row = connection.execute(REVIEW_STATE, {"table_id": table_id}).one_or_none()
    return state_record(row) if row else None


def is_locked(connection: Connection, table_id: int) -> bool:
    """Whether the table is in one of :data:`LOCKED_STATES`."""
    state = connection.scalar(
        select(review_states.c.state).where(review_states.c.table_id == table_id)
    )
    return state in LOCKED_STATES


def state_record(row: Any) -> StateRecord:
    return StateRecord(
        state=row.state, revision=row.revision, changed_at=row.changed_at, changed_by=row.changed_by
    )


def move_state(
    connection: Connection,
    table_id: int,
    *,
    expected: str,
    state: str,
    revision: int,
    user: str,
    now: dt.datetime,
) -> bool:
    """Set the state if it is still ``expected``; False when another writer moved it first."""
    values = {"state": state, "revision": revision, "changed_at": now, "changed_by": user}
    if expected == DRAFT:
        try:
            with connection.begin_nested():
                connection.execute(insert(review_states), {"table_id": table_id, **values})
        except IntegrityError:  # a row appeared: the table is no longer a draft
            return False
        return True
    moved = connection.execute(
        update(review_states)
        .where(review_states.c.table_id == table_id, review_states.c.state == expected)
        .values(**values)
    )
    return moved.rowcount == 1


def add_step(
    connection: Connection,
    table_id: int,
    *,
    revision: int,
    action: str,
    from_state: str,
    to_state: str,
    actor: str,
    role: str,
    opinion: str | None,
    now: dt.datetime,
) -> int:
    return int(
        connection.execute(
            insert(review_steps).returning(review_steps.c.id),
            {
                "table_id": table_id,
                "revision": revision,
                "action": action,
                "from_state": from_state,
                "to_state": to_state,
                "actor": actor,
                "role": role,
                "opinion": opinion,
                "created_at": now,
            },
        ).scalar_one()
    )


def list_steps(connection: Connection, table_id: int) -> list[StepRecord]:
    """Every step taken on the table, oldest first."""
    query = (
        select(review_steps).where(review_steps.c.table_id == table_id).order_by(review_steps.c.id)
    )
    return [
        StepRecord(
            id=row.id,
            revision=row.revision,
            action=row.action,
            from_state=row.from_state,
            to_state=row.to_state,
            actor=row.actor,
            role=row.role,
            opinion=row.opinion,
            created_at=row.created_at,
        )
        for row in connection.execute(query)
    ]


def revision_findings(connection: Connection, table_id: int, number: int) -> list[RevisionFinding]:
    """The findings of the table's revision ``number`` in report order, with decisions."""
    query = (
        select(
            findings,
            finding_decisions.c.decision,
            finding_decisions.c.reason,
            finding_decisions.c.decided_by,
            finding_decisions.c.decided_at,
        )
        .join(revisions, revisions.c.id == findings.c.revision_id)
        .outerjoin(finding_decisions, finding_decisions.c.finding_id == findings.c.id)
        .where(revisions.c.table_id == table_id, revisions.c.number == number)
        .order_by(findings.c.position)
    )
    return [
        RevisionFinding(
            index=index,
            finding_id=row.id,
            finding=finding_from_row(row._mapping),
            decision=DecisionRecord(row.decision, row.reason, row.decided_by, row.decided_at)
            if row.decision
            else None,
        )
        for index, row in enumerate(connection.execute(query))
    ]


def set_decision(
    connection: Connection,
    table_id: int,
    finding_id: int,
    *,
    decision: str,
    reason: str | None,
    user: str,
    now: dt.datetime,
) -> None:
    """Store (or replace) the decision on a finding."""
    connection.execute(
        delete(finding_decisions).where(finding_decisions.c.finding_id == finding_id)
    )
    connection.execute(
        insert(finding_decisions),
        {
            "finding_id": finding_id,
            "table_id": table_id,
            "decision": decision,
            "reason": reason,
            "decided_by": user,
            "decided_at": now,
        },
    )


def tables_in_state(
    connection: Connection, wanted: TableFilter, state: str, *, limit: int | None = None
) -> list[WaitingTable]:
    """The selected tables in ``state`` (oldest change first), with finding counts."""
    query = (
        summary_query()
        .add_columns(
            review_states.c.state,
            review_states.c.revision.label("state_revision"),
            review_states.c.changed_at,
            review_states.c.changed_by,
        )
        .join(review_states, review_states.c.table_id == target_tables.c.id)
        .where(review_states.c.state == state, filter_clause(wanted))
        .order_by(review_states.c.changed_at, target_tables.c.id)
        .limit(limit)
    )
    rows = list(connection.execute(query))
    counts = severity_counts(connection, [row.id for row in rows])
    return [
        WaitingTable(
            table=summary_of(row),
            state=StateRecord(row.state, row.state_revision, row.changed_at, row.changed_by),
            severities=counts.get(row.id, {}),
        )
        for row in rows
    ]


def summary_of(row: Any) -> TableSummary:
    fields = set(TableSummary.model_fields)
    return TableSummary.model_validate({k: v for k, v in row._asdict().items() if k in fields})


def severity_counts(connection: Connection, table_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """Findings of each table's current revision, counted by severity."""
    if not table_ids:
        return {}
    current = and_(
        revisions.c.table_id == target_tables.c.id,
        revisions.c.number == target_tables.c.current_revision,
    )
    query = (
        select(target_tables.c.id, findings.c.severity, func.count().label("found"))
        .select_from(target_tables.join(revisions, current))
        .join(findings, findings.c.revision_id == revisions.c.id)
        .where(target_tables.c.id.in_(table_ids))
        .group_by(target_tables.c.id, findings.c.severity)
    )
    counts: dict[int, dict[str, int]] = {}
    for row in connection.execute(query):
        counts.setdefault(row.id, {})[row.severity] = row.found
    return counts


def states_of(connection: Connection, table_ids: Sequence[int]) -> dict[int, StateRecord]:
    if not table_ids:
        return {}
    rows = connection.execute(select(review_states).where(review_states.c.table_id.in_(table_ids)))
    return {row.table_id: state_record(row) for row in rows}


__all__ = [
    "DRAFT",
    "LOCKED_STATES",
    "DecisionRecord",
    "RevisionFinding",
    "StateRecord",
    "StepRecord",
    "WaitingTable",
    "add_step",
    "is_locked",
    "list_steps",
    "move_state",
    "review_state",
    "revision_findings",
    "set_decision",
    "states_of",
    "tables_in_state",
]
