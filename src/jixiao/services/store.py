"""Use-cases over the store: open it, list and show tables, history, diff, export, upgrade.

A table is named by its project (exactly, or a unique part of it) or its number from ``ls``
(``12`` or ``#12``); ``year`` and ``department`` narrow the choice when a name is shared.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, TextIO

from sqlalchemy import Connection

from jixiao.errors import Ambiguous, NotFound
from jixiao.export.json import write_documents_json
from jixiao.model import Document
from jixiao.store import (
    POOL_SIZE,
    Change,
    ChangeRecord,
    Database,
    RevisionSummary,
    StoredTable,
    TableFilter,
    TableSummary,
    check_schema,
    compare_tables,
    count_tables,
    find_tables,
    iter_documents,
    list_changes,
    list_revisions,
    list_tables,
    load_stored_table,
    open_database,
    prepare_for_writes,
    upgrade_database,
)


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True)
class TableList:
    tables: list[TableSummary]
    total: int


@dataclass(frozen=True)
class TableHistory:
    table: TableSummary
    revisions: list[RevisionSummary]
    changes: list[ChangeRecord]


@dataclass(frozen=True)
class TableDiff:
    table: TableSummary
    old: int
    new: int
    changes: list[Change]


@contextmanager
def open_store(url: str | None, *, for_writes: bool = False) -> Iterator[Database]:
    """The database at ``url`` (default ``jixiao.db``), checked to have this jixiao's schema.

    ``for_writes`` creates and sets up a new database; otherwise a missing one is an error.
    """
    database = open_database(url, create=for_writes)
    try:
        if for_writes:
            prepare_for_writes(database)
        else:
            check_schema(database)
        yield database
    finally:
        database.close()


def upgrade_store(url: str | None) -> tuple[str | None, str]:
    """Create the database if needed and run its migrations: (version before, after)."""
    database = open_database(url, create=True)
    try:
        return upgrade_database(database)
    finally:
        database.close()


def list_stored_tables(
    database: Database, wanted: TableFilter, *, limit: int | None = None, offset: int = 0
) -> TableList:
    with database.engine.connect() as connection:
        tables = list_tables(connection, wanted, limit=limit, offset=offset)
        if limit is None or (offset == 0 and len(tables) < limit):
            total = offset + len(tables)
        else:
            total = count_tables(connection, wanted)
        return TableList(tables, total)


def resolve_table(
    connection: Connection, name: str, *, year: int | None = None, department: str | None = None
) -> TableSummary:
    """The one table ``name`` means; :class:`NotFound` or :class:`Ambiguous` otherwise."""
    found = find_tables(connection, name, year=year, department=department)
    if not found:
        narrowed = "".join(
            f"（{part}）" for part in (f"{year}年" if year else None, department) if part
        )
        raise NotFound(f"项目“{name}”{narrowed}")
    if len(found) > 1:
        raise Ambiguous(name, [table.describe() for table in found])
    return found[0]


def show_stored_table(
    database: Database,
    name: str,
    *,
    revision: int | None = None,
    year: int | None = None,
    department: str | None = None,
) -> StoredTable:
    with database.engine.connect() as connection:
        table = resolve_table(connection, name, year=year, department=department)
        stored = load_stored_table(connection, table.id, revision)
        if stored is None:
            raise NotFound(f"{table.describe()} 的第 {revision} 版")
        return stored


def table_history(
    database: Database, name: str, *, year: int | None = None, department: str | None = None
) -> TableHistory:
    with database.engine.connect() as connection:
        table = resolve_table(connection, name, year=year, department=department)
        return TableHistory(
            table, list_revisions(connection, table.id), list_changes(connection, table.id)
        )


def diff_revisions(
    database: Database,
    name: str,
    old: int | None = None,
    new: int | None = None,
    *,
    year: int | None = None,
    department: str | None = None,
) -> TableDiff:
    """Changes from revision ``old`` to ``new`` (default: the previous one to the current)."""
    with database.engine.connect() as connection:
        table = resolve_table(connection, name, year=year, department=department)
        new = new or table.revision
        old = old or max(new - 1, 1)
        tables = []
        for number in (old, new):
            stored = load_stored_table(connection, table.id, number)
            if stored is None:
                raise NotFound(f"{table.describe()} 的第 {number} 版（共 {table.revision} 版）")
            tables.append(stored.table)
        return TableDiff(table, old, new, compare_tables(tables[0], tables[1]))


def export_tables(
    database: Database, wanted: TableFilter, output_format: ExportFormat, out: TextIO
) -> int:
    """Write the selected tables (current revisions) as JSON or CSV text; returns how many."""
    with database.engine.connect() as connection:
        documents = map(reader_findings_only, iter_documents(connection, wanted))
        if output_format is ExportFormat.CSV:
            from jixiao.export.csv import write_indicators_csv

            return write_indicators_csv(documents, out)
        if output_format is ExportFormat.JSON:
            tables = TableCounter()
            write_documents_json(tables.count(documents), out)
            return tables.total
    raise ValueError(f"{output_format} is not a text format; use export_workbook")


def reader_findings_only(document: Document) -> Document:
    """The JSON format's ``findings`` are the reader's (PRS…); review findings are stored
    beside them but reported by ``jixiao review``, so an export equals ``parse --format json``."""
    kept = [finding for finding in document.findings if finding.code.startswith("PRS")]
    return document.model_copy(update={"findings": kept})


@dataclass
class TableCounter:
    total: int = 0

    def count(self, documents: Iterator[Document]) -> Iterator[Document]:
        for document in documents:
            self.total += len(document.tables)
            yield document


def export_workbook(database: Database, wanted: TableFilter, out: Path | IO[bytes]) -> int:
    """Write the selected tables to an XLSX workbook, one sheet per table."""
    from jixiao.export.xlsx import write_tables_xlsx  # openpyxl: only when asked

    with database.engine.connect() as connection:
        return write_tables_xlsx(iter_documents(connection, wanted), out)


def connect_store(url: str | None, *, connections: int = POOL_SIZE) -> Database:
    """The database for a long-running process (the web app): created and set up when new,
    refused when its schema is not this jixiao's, keeping ``connections`` open. The caller
    closes it."""
    database = open_database(url, create=True, connections=connections)
    try:
        prepare_for_writes(database)
    except BaseException:
        database.close()
        raise
    return database
