"""Use-cases of the web app's reading side: dashboard counts, search, one table, findings.

Every function takes the acting :class:`User` and shows only the tables in its scope; asking
for a table outside it raises :class:`NotFound`, as for a table that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, TextIO

from sqlalchemy import Connection

from jixiao.errors import NotFound
from jixiao.services.store import ExportFormat, TableList, export_tables, export_workbook
from jixiao.services.users import User
from jixiao.store import (
    ChangeRecord,
    Database,
    FindingCount,
    RevisionSummary,
    StoredTable,
    TableCount,
    TableFilter,
    TableFinding,
    TableSummary,
    count_findings,
    count_findings_of,
    count_tables,
    count_tables_by_department,
    list_changes,
    list_findings,
    list_revisions,
    list_tables,
    load_stored_table,
    table_summary,
)
from jixiao.store import workflow as workflow_store
from jixiao.store.comments import CommentRecord, list_comments


@dataclass(frozen=True)
class Dashboard:
    tables: list[TableCount]
    findings: list[FindingCount]

    @property
    def table_total(self) -> int:
        return sum(count.tables for count in self.tables)

    @property
    def indicator_total(self) -> int:
        return sum(count.indicators for count in self.tables)

    def by_severity(self) -> dict[str, int]:
        totals = {"error": 0, "warning": 0, "info": 0}
        for count in self.findings:
            totals[count.severity.value] += count.count
        return totals

    def by_rule(self) -> list[tuple[str, str, int]]:
        """(code, rule, count), most frequent first (severities of one code added up)."""
        totals: dict[tuple[str, str], int] = {}
        for count in self.findings:
            totals[count.code, count.rule] = totals.get((count.code, count.rule), 0) + count.count
        return sorted(((c, r, n) for (c, r), n in totals.items()), key=lambda t: (-t[2], t[0]))

    def by_department(self) -> list[tuple[str, int, int]]:
        """(department, tables, findings), departments in name order."""
        totals: dict[str, tuple[int, int]] = {}
        for count in self.tables:
            name = count.department or count.department_code or "（未填写部门）"
            tables, found = totals.get(name, (0, 0))
            totals[name] = (tables + count.tables, found + count.findings)
        return [(name, t, f) for name, (t, f) in sorted(totals.items())]

    def by_year(self) -> list[tuple[int | None, int]]:
        totals: dict[int | None, int] = {}
        for count in self.tables:
            totals[count.year] = totals.get(count.year, 0) + count.tables
        return sorted(totals.items(), key=lambda item: (item[0] is None, item[0] or 0))


@dataclass(frozen=True)
class TablePage:
    """One table as its page shows it: a revision, its findings, revisions and history."""

    summary: TableSummary
    stored: StoredTable
    revisions: list[RevisionSummary]
    changes: list[ChangeRecord]
    can_edit: bool
    comments: list[CommentRecord]


@dataclass(frozen=True)
class FindingList:
    findings: list[TableFinding]
    total: int


def scoped(user: User, wanted: TableFilter) -> TableFilter:
    """The filter narrowed to the departments the user may see."""
    return wanted.model_copy(update={"departments": user.scope})


def dashboard(database: Database, user: User, wanted: TableFilter | None = None) -> Dashboard:
    wanted = scoped(user, wanted or TableFilter())
    with database.engine.connect() as connection:
        return Dashboard(
            count_tables_by_department(connection, wanted), count_findings(connection, wanted)
        )


def search_tables(
    database: Database, user: User, wanted: TableFilter, *, limit: int = 50, offset: int = 0
) -> TableList:
    wanted = scoped(user, wanted)
    with database.engine.connect() as connection:
        tables = list_tables(connection, wanted, limit=limit, offset=offset)
        if offset == 0 and len(tables) < limit:
            return TableList(tables, len(tables))
        return TableList(tables, count_tables(connection, wanted))


def readable_table(database: Database, user: User, table_id: int) -> TableSummary:
    """The table's summary if it exists and the user may read it."""
    with database.engine.connect() as connection:
        return readable_summary(connection, user, table_id)


def readable_summary(connection: Connection, user: User, table_id: int) -> TableSummary:
    found = table_summary(connection, table_id)
    if found is None:
        raise NotFound(f"编号为 {table_id} 的表")
    user.require_read(found)
    return found


def open_table(
    database: Database, user: User, table_id: int, revision: int | None = None
) -> TablePage:
    """Everything the table page shows, read in one transaction (one consistent snapshot);
    the revision itself comes from the database's revision cache when read before."""
    with database.engine.connect() as connection:
        summary = readable_summary(connection, user, table_id)
        locked = (
            user.can_edit(summary)
            and not user.is_admin
            and workflow_store.is_locked(connection, table_id)
        )
        return read_table_page(connection, database, user, summary, revision, locked=locked)


def read_table_page(
    connection: Connection,
    database: Database,
    user: User,
    summary: TableSummary,
    revision: int | None,
    *,
    locked: bool,
) -> TablePage:
    """The page's reads after the summary; ``locked``: the workflow freezes the table for
    the user (submitted or approved, and not an admin)."""
    stored = load_stored_table(
        connection, summary.id, revision, cache=database.revisions, current=summary.revision
    )
    if stored is None:
        raise NotFound(f"{summary.describe()} 的第 {revision} 版（共 {summary.revision} 版）")
    return TablePage(
        summary=summary,
        stored=stored,
        revisions=list_revisions(connection, summary.id),
        changes=list_changes(connection, summary.id),
        can_edit=user.can_edit(summary) and not locked,
        comments=list_comments(connection, summary.id),
    )


def search_findings(
    database: Database,
    user: User,
    wanted: TableFilter,
    *,
    code: str | None = None,
    severity: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> FindingList:
    wanted = scoped(user, wanted)
    with database.engine.connect() as connection:
        found = list_findings(
            connection, wanted, code=code, severity=severity, limit=limit, offset=offset
        )
        if offset == 0 and len(found) < limit:
            return FindingList(found, len(found))
        total = count_findings_of(connection, wanted, code=code, severity=severity)
        return FindingList(found, total)


def export_selected(
    database: Database, user: User, wanted: TableFilter, output_format: ExportFormat, out: TextIO
) -> int:
    """JSON or CSV of the tables the filter selects within the user's scope."""
    return export_tables(database, scoped(user, wanted), output_format, out)


def export_selected_workbook(
    database: Database, user: User, wanted: TableFilter, out: Path | IO[bytes]
) -> int:
    return export_workbook(database, scoped(user, wanted), out)
