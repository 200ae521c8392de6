"""Counts for a dashboard, and findings across tables: current revisions only.

Every query takes a :class:`TableFilter`, so that a user sees the counts of the tables in
their scope (``TableFilter.departments``) and nothing else.
"""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import Connection, Select, and_, case, func, select

from jixiao.model import Severity
from jixiao.store.queries import filter_clause
from jixiao.store.records import FindingCount, TableCount, TableFilter, TableFinding
from jixiao.store.rows import finding_from_row
from jixiao.store.schema import findings, revisions, target_tables

SEVERITY_ORDER: Final = tuple(enumerate(severity.value for severity in Severity))
"""(rank, stored name) of each severity, the most severe first."""

_CURRENT = and_(
    revisions.c.table_id == target_tables.c.id,
    revisions.c.number == target_tables.c.current_revision,
)


def count_tables_by_department(connection: Connection, wanted: TableFilter) -> list[TableCount]:
    """Tables, indicators and findings per department and year."""
    query = (
        select(
            target_tables.c.department,
            target_tables.c.department_code,
            target_tables.c.year,
            func.count().label("tables"),
            func.coalesce(func.sum(revisions.c.indicator_count), 0).label("indicators"),
            func.coalesce(func.sum(revisions.c.finding_count), 0).label("findings"),
        )
        .select_from(target_tables.join(revisions, _CURRENT))
        .where(filter_clause(wanted))
        .group_by(target_tables.c.department, target_tables.c.department_code, target_tables.c.year)
        .order_by(target_tables.c.department, target_tables.c.year)
    )
    return [TableCount.model_validate(row._asdict()) for row in connection.execute(query)]


def count_findings(connection: Connection, wanted: TableFilter) -> list[FindingCount]:
    """Findings of the current revisions per code (rule) and severity, most frequent first."""
    count = func.count().label("count")
    query = (
        select(findings.c.code, findings.c.rule, findings.c.severity, count)
        .select_from(target_tables.join(revisions, _CURRENT))
        .join(findings, findings.c.revision_id == revisions.c.id)
        .where(filter_clause(wanted))
        .group_by(findings.c.code, findings.c.rule, findings.c.severity)
        .order_by(count.desc(), findings.c.code)
    )
    return [FindingCount.model_validate(row._asdict()) for row in connection.execute(query)]


def findings_query(
    wanted: TableFilter, *, code: str | None = None, severity: str | None = None
) -> Select[Any]:
    query = (
        select(
            findings,
            target_tables.c.id.label("table_id"),
            target_tables.c.department.label("table_department"),
            target_tables.c.year.label("table_year"),
            target_tables.c.project.label("table_project"),
        )
        .select_from(target_tables.join(revisions, _CURRENT))
        .join(findings, findings.c.revision_id == revisions.c.id)
        .where(filter_clause(wanted))
    )
    if code:
        query = query.where(findings.c.code.startswith(code, autoescape=True))
    if severity:
        query = query.where(findings.c.severity == severity)
    return query


def list_findings(
    connection: Connection,
    wanted: TableFilter,
    *,
    code: str | None = None,
    severity: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[TableFinding]:
    """Findings of the selected tables' current revisions: errors first, then warnings, then
    notes; within a severity table by table in report order."""
    rank = case(*((findings.c.severity == name, place) for place, name in SEVERITY_ORDER))
    query = (
        findings_query(wanted, code=code, severity=severity)
        .order_by(rank, target_tables.c.id, findings.c.position)
        .offset(offset)
        .limit(limit)
    )
    return [
        TableFinding(
            table_id=row.table_id,
            department=row.table_department,
            year=row.table_year,
            project=row.table_project,
            finding=finding_from_row(row._mapping),
        )
        for row in connection.execute(query)
    ]


def count_findings_of(
    connection: Connection,
    wanted: TableFilter,
    *,
    code: str | None = None,
    severity: str | None = None,
) -> int:
    query = select(func.count()).select_from(
        findings_query(wanted, code=code, severity=severity).subquery()
    )
    return connection.scalar(query) or 0
