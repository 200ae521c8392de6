"""The rows one document's import writes: tables, revisions, indicators, findings, changes.

:mod:`jixiao.store.imports` decides what to write (a :class:`TablePlan` per table, around the
rows prepared by :mod:`jixiao.store.prepared`); these functions write it, in bulk, with ids
allocated up front so that rows can refer to each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, update

from jixiao.model import TargetTable
from jixiao.store.bulk import allocate_ids, insert_rows
from jixiao.store.diff import compare_tables
from jixiao.store.prepared import TableRows
from jixiao.store.records import TableStatus
from jixiao.store.rows import FINDING_COLUMNS, INDICATOR_COLUMNS, FindingValues
from jixiao.store.schema import changes, findings, indicators, revisions, target_tables


@dataclass
class TablePlan:
    """What will be written for one table of the document."""

    rows: TableRows
    status: TableStatus = TableStatus.NEW
    number: int = 1
    previous: TargetTable | None = None
    known_id: int | None = None  # the stored table's id, if it was stored before
    findings: list[tuple[int, FindingValues]] = field(default_factory=list)
    revision_id: int = 0

    @property
    def identity(self) -> str:
        return self.rows.identity


@dataclass(frozen=True)
class Stamp:
    """Who writes, when, and into which document."""

    document_id: int
    now: dt.datetime
    user: str | None


def write_tables(
    connection: Connection, plans: list[TablePlan], now: dt.datetime
) -> dict[str, int]:
    """Insert new identities and move known ones to their new revision; identity → id."""
    latest = {plan.identity: plan for plan in plans}
    table_ids = {plan.identity: plan.known_id for plan in plans if plan.known_id is not None}
    new = [plan for identity, plan in latest.items() if identity not in table_ids]
    ids = allocate_ids(connection, target_tables, len(new))
    table_ids.update(zip((plan.identity for plan in new), ids, strict=True))
    columns = ["id", "identity", "kind", "department_code", "department", "project", "year"]
    columns += ["current_revision", "created_at", "updated_at"]
    insert_rows(
        connection,
        target_tables,
        columns,
        [
            (
                table_ids[plan.identity],
                plan.identity,
                plan.rows.header["kind"],
                plan.rows.header["department_code"],
                plan.rows.header["department"],
                plan.rows.name,
                plan.rows.header["year"],
                plan.number,
                now,
                now,
            )
            for plan in new
        ],
    )
    revised = {plan.identity for plan in plans if plan.status is TableStatus.REVISED}
    for identity in revised:
        plan = latest[identity]
        connection.execute(
            update(target_tables)
            .where(target_tables.c.id == table_ids[identity])
            .values(
                current_revision=plan.number,
                updated_at=now,
                department_code=plan.rows.header["department_code"],
                department=plan.rows.header["department"],
                project=plan.rows.name,
            )
        )
    return table_ids


def write_revisions(
    connection: Connection, stored: list[TablePlan], table_ids: dict[str, int], stamp: Stamp
) -> None:
    """Insert a revision per stored plan, with its indicators; sets ``plan.revision_id``."""
    if not stored:
        return
    for plan, revision_id in zip(
        stored, allocate_ids(connection, revisions, len(stored)), strict=True
    ):
        plan.revision_id = revision_id
    rows = [
        {
            **plan.rows.header,
            "id": plan.revision_id,
            "table_id": table_ids[plan.identity],
            "number": plan.number,
            "document_id": stamp.document_id,
            "position": plan.rows.position,
            "content_sha256": plan.rows.content,
            "created_at": stamp.now,
            "created_by": stamp.user,
            "indicator_count": len(plan.rows.contents),
            "finding_count": len(plan.findings),
            "search_text": plan.rows.search_text,
        }
        for plan in stored
    ]
    insert_rows(connection, revisions, list(rows[0]), [tuple(row.values()) for row in rows])
    insert_rows(
        connection,
        indicators,
        INDICATOR_COLUMNS,
        (
            (plan.revision_id, *content, *source)
            for plan in stored
            for content, source in zip(plan.rows.contents, plan.rows.sources, strict=True)
        ),
    )


def write_findings(
    connection: Connection,
    stored: list[TablePlan],
    orphans: list[tuple[int, FindingValues]],
    stamp: Stamp,
) -> None:
    """The findings of stored tables, and those of the document that concern no table."""
    owners: list[tuple[int | None, int, FindingValues]] = [(None, n, f) for n, f in orphans]
    owners += [(plan.revision_id, n, f) for plan in stored for n, f in plan.findings]
    rows = [
        (stamp.document_id, revision_id, n, *values)
        for revision_id, n, values in sorted(owners, key=lambda item: item[1])
    ]
    insert_rows(connection, findings, FINDING_COLUMNS, rows)


def write_changes(
    connection: Connection, stored: list[TablePlan], table_ids: dict[str, int], stamp: Stamp
) -> None:
    """The history: every value a new revision changed, against the revision before it."""
    columns = ["table_id", "revision_id", "changed_at", "changed_by", "indicator", "field"]
    columns += ["old_value", "new_value"]
    rows = [
        (
            table_ids[plan.identity],
            plan.revision_id,
            stamp.now,
            stamp.user,
            change.indicator,
            change.field,
            change.old,
            change.new,
        )
        for plan in stored
        if plan.previous is not None
        for change in compare_tables(plan.previous, plan.rows.table())
    ]
    insert_rows(connection, changes, columns, rows)
