"""Reading the store: table lists, one table at a revision, revisions, history, exports.

Lists select tables at their *current* revision. Exports stream: revisions are read in
chunks (keyset pagination on document and position), each chunk's indicators and findings in
one query each, so that memory stays flat however large the database is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    and_,
    bindparam,
    false,
    func,
    or_,
    select,
    true,
    tuple_,
)

from jixiao.model import Document, Finding, TargetTable
from jixiao.store.cache import RevisionCache
from jixiao.store.records import (
    ChangeRecord,
    RevisionSummary,
    StoredTable,
    TableFilter,
    TableSummary,
)
from jixiao.store.rows import INDICATOR_COLUMNS, finding_from_row, table_from_rows
from jixiao.store.schema import changes, documents, findings, indicators, revisions, target_tables
from jixiao.store.search import is_indexed, search_clause, search_values

EXPORT_CHUNK: Final = 200
_CURRENT = and_(
    revisions.c.table_id == target_tables.c.id,
    revisions.c.number == target_tables.c.current_revision,
)
_INDICATOR_COLUMNS = [indicators.c[name] for name in INDICATOR_COLUMNS]


FilterShape = tuple[str, ...]
"""Which conditions a filter sets (not their values): statements are built once per shape."""


def filter_clause(wanted: TableFilter) -> ColumnElement[bool]:
    """The WHERE clause of a filter, over ``target_tables`` joined to current revisions."""
    shape, values = filter_values(wanted)
    return shape_clause(shape, values)


def filter_values(wanted: TableFilter) -> tuple[FilterShape, dict[str, Any]]:
    """The filter's shape and the values of its parameters (see :func:`shape_clause`)."""
    shape: list[str] = []
    values: dict[str, Any] = {}
    if wanted.department:
        shape.append("department")
        values["filter_department"] = wanted.department
        values["filter_department_like"] = f"%{like_escaped(wanted.department)}%"
    if wanted.departments is not None:
        shape.append("departments" if wanted.departments else "no_departments")
        if wanted.departments:
            values["filter_departments"] = list(wanted.departments)
    if wanted.table_id is not None:
        shape.append("table_id")
        values["filter_table_id"] = wanted.table_id
    if wanted.year is not None:
        shape.append("year")
        values["filter_year"] = wanted.year
    if wanted.kind is not None:
        shape.append("kind")
        values["filter_kind"] = wanted.kind.value
    if wanted.has_findings is not None:
        shape.append("with_findings" if wanted.has_findings else "without_findings")
    if wanted.search:
        # one row per table: the header, goals and indicators' text (rows.search_text)
        shape.append("indexed_search" if is_indexed(wanted.search) else "search")
        values.update(search_values(wanted.search))
    return tuple(shape), values


def shape_clause(shape: FilterShape, values: dict[str, Any] | None = None) -> ColumnElement[bool]:
    """The WHERE clause of a filter shape, its parameters bound to ``values`` or (None) left
    to be given at execution."""

    def parameter(name: str, *, expanding: bool = False) -> Any:
        if values is None:
            return bindparam(name, expanding=expanding)
        return bindparam(name, values[name], expanding=expanding)

    clauses: list[ColumnElement[bool]] = []
    for condition in shape:
        if condition == "department":
            clauses.append(
                or_(
                    target_tables.c.department.like(
                        parameter("filter_department_like"), escape="/"
                    ),
                    target_tables.c.department_code == parameter("filter_department"),
                )
            )
        elif condition == "departments":
            departments = parameter("filter_departments", expanding=True)
            clauses.append(
                or_(
                    target_tables.c.department.in_(departments),
                    target_tables.c.department_code.in_(departments),
                )
            )
        elif condition == "no_departments":
            clauses.append(false())
        elif condition == "table_id":
            clauses.append(target_tables.c.id == parameter("filter_table_id"))
        elif condition == "year":
            clauses.append(target_tables.c.year == parameter("filter_year"))
        elif condition == "kind":
            clauses.append(target_tables.c.kind == parameter("filter_kind"))
        elif condition in ("with_findings", "without_findings"):
            count = revisions.c.finding_count
            clauses.append(count > 0 if condition == "with_findings" else count == 0)
        else:
            clauses.append(search_clause(condition == "indexed_search", values))
    return and_(true(), *clauses)


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern with '/' as the escape character (as ``autoescape``)."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def summary_query() -> Select[Any]:
    return select(
        target_tables.c.id,
        target_tables.c.kind,
        target_tables.c.department_code,
        target_tables.c.department,
        target_tables.c.project,
        target_tables.c.year,
        target_tables.c.current_revision.label("revision"),
        revisions.c.indicator_count,
        revisions.c.finding_count,
        target_tables.c.updated_at,
    ).join(revisions, _CURRENT)


def summary(row: Row[Any]) -> TableSummary:
    return TableSummary.model_validate(row._asdict())


def list_tables(
    connection: Connection, wanted: TableFilter, *, limit: int | None = None, offset: int = 0
) -> list[TableSummary]:
    shape, values = filter_values(wanted)
    statement = tables_statement(shape, limited=limit is not None)
    rows = connection.execute(statement, {**values, "offset": offset, "limit": limit})
    return [summary(row) for row in rows]


@functools.lru_cache(maxsize=128)
def tables_statement(shape: FilterShape, *, limited: bool) -> Select[Any]:
    """The table list's statement for a filter shape, built once (the search page runs it
    on every request; see :data:`TABLE_SUMMARY`)."""
    query = (
        summary_query()
        .where(shape_clause(shape))
        .order_by(
            target_tables.c.department,
            target_tables.c.year,
            target_tables.c.project,
            target_tables.c.id,
        )
        .offset(bindparam("offset"))
    )
    return query.limit(bindparam("limit")) if limited else query


def count_tables(connection: Connection, wanted: TableFilter) -> int:
    shape, values = filter_values(wanted)
    return connection.scalar(count_statement(shape), values) or 0


@functools.lru_cache(maxsize=128)
def count_statement(shape: FilterShape) -> Select[Any]:
    """How many tables a filter shape selects (built once, like :func:`tables_statement`).
    Every table has exactly one current revision: it is joined only when the filter needs it."""
    needs_revision = any(
        condition in ("with_findings", "without_findings", "search", "indexed_search")
        for condition in shape
    )
    source = target_tables.join(revisions, _CURRENT) if needs_revision else target_tables
    return select(func.count()).select_from(source).where(shape_clause(shape))


# The queries of every table page are built once, with their parameters bound at execution:
# SQLAlchemy then reuses the statement's cache key and compiled form instead of building and
# hashing a new statement per request (about 40 µs per query instead of 240 µs).
TABLE_SUMMARY: Final = summary_query().where(target_tables.c.id == bindparam("table_id"))


def table_summary(connection: Connection, table_id: int) -> TableSummary | None:
    """The table with this id at its current revision, or None."""
    row = connection.execute(TABLE_SUMMARY, {"table_id": table_id}).one_or_none()
    return summary(row) if row else None


def current_revision(connection: Connection, table_id: int) -> int | None:
    """The number of the table's current revision, or None if there is no such table."""
    number: int | None = connection.scalar(
        select(target_tables.c.current_revision).where(target_tables.c.id == table_id)
    )
    return number


def find_tables(
    connection: Connection,
    name: str,
    *,
    year: int | None = None,
    department: str | None = None,
    exact: bool = False,
) -> list[TableSummary]:
    """Tables named ``name`` (exactly, else containing it), or with the id ``name``/``#name``;
    with ``exact``, only the tables of the project ``name`` (an index lookup)."""
    narrowed = filter_clause(TableFilter(year=year, department=department))
    if exact:
        query = summary_query().where(target_tables.c.project == name, narrowed)
        return [summary(row) for row in connection.execute(query.order_by(target_tables.c.id))]
    number = name.removeprefix("#")
    if number.isdigit():
        query = summary_query().where(target_tables.c.id == int(number), narrowed)
        found = [summary(row) for row in connection.execute(query)]
        if found:
            return found
    for match in (
        target_tables.c.project == name,
        target_tables.c.project.contains(name, autoescape=True),
    ):
        query = summary_query().where(match, narrowed).order_by(target_tables.c.id)
        found = [summary(row) for row in connection.execute(query)]
        if found:
            return found
    return []


def stored_projects(
    connection: Connection, wanted: Iterable[tuple[str, int]]
) -> set[tuple[str, int]]:
    """Which of the (project, year) pairs the store holds a table of, in one query."""
    pairs = set(wanted)
    if not pairs:
        return set()
    query = (
        select(target_tables.c.project, target_tables.c.year)
        .where(
            target_tables.c.project.in_(sorted({project for project, _ in pairs})),
            target_tables.c.year.in_(sorted({year for _, year in pairs})),
        )
        .distinct()
    )
    return {(row.project, row.year) for row in connection.execute(query)} & pairs


def load_table(connection: Connection, revision_id: int) -> TargetTable:
    revision = connection.execute(select(revisions).where(revisions.c.id == revision_id)).one()
    return table_from_rows(revision._mapping, indicator_rows_of(connection, [revision_id]))


def load_stored_table(
    connection: Connection,
    table_id: int,
    number: int | None = None,
    *,
    cache: RevisionCache[StoredTable] | None = None,
    current: int | None = None,
) -> StoredTable | None:
    """A table at revision ``number`` (default: current), or None if there is no such one.

    ``current`` is the table's current revision if the caller has just read it in this
    transaction. With a ``cache``, a revision read before is taken from it (revisions never
    change); give one only outside a write transaction, whose uncommitted revision may yet
    be rolled back."""
    if current is None:
        current = connection.scalar(
            select(target_tables.c.current_revision).where(target_tables.c.id == table_id)
        )
    if current is None:
        return None
    number = number or current
    kept = cache.get(table_id, number) if cache is not None else None
    if kept is None:
        kept = load_revision(connection, table_id, number, current)
        if kept is not None and cache is not None:
            cache.put(table_id, number, kept)
    if kept is None or kept.current_revision == current:
        return kept
    return kept.model_copy(update={"current_revision": current})


def load_revision(
    connection: Connection, table_id: int, number: int, current: int
) -> StoredTable | None:
    query = (
        select(revisions, documents.c.file.label("document_file"))
        .join(documents, documents.c.id == revisions.c.document_id)
        .where(revisions.c.table_id == table_id, revisions.c.number == number)
    )
    revision = connection.execute(query).one_or_none()
    if revision is None:
        return None
    found = connection.execute(
        select(findings).where(findings.c.revision_id == revision.id).order_by(findings.c.position)
    )
    return StoredTable(
        id=table_id,
        revision=revision.number,
        current_revision=current,
        created_at=revision.created_at,
        file=revision.document_file,
        table=table_from_rows(revision._mapping, indicator_rows_of(connection, [revision.id])),
        findings=tuple(finding_from_row(row._mapping) for row in found),
    )


def indicator_rows_of(connection: Connection, revision_ids: Sequence[int]) -> list[Row[Any]]:
    query = (
        select(*_INDICATOR_COLUMNS)
        .where(indicators.c.revision_id.in_(revision_ids))
        .order_by(indicators.c.revision_id, indicators.c.position)
    )
    return list(connection.execute(query))


REVISIONS: Final = (
    select(
        revisions.c.number,
        revisions.c.created_at,
        revisions.c.created_by,
        documents.c.file,
        documents.c.sha256,
        revisions.c.content_sha256,
        revisions.c.indicator_count,
        revisions.c.finding_count,
    )
    .join(documents, documents.c.id == revisions.c.document_id)
    .where(revisions.c.table_id == bindparam("table_id"))
    .order_by(revisions.c.number)
)
CHANGES: Final = (
    select(
        revisions.c.number.label("revision"),
        changes.c.changed_at,
        changes.c.changed_by,
        changes.c.indicator,
        changes.c.field,
        changes.c.old_value.label("old"),
        changes.c.new_value.label("new"),
    )
    .join(revisions, revisions.c.id == changes.c.revision_id)
    .where(changes.c.table_id == bindparam("table_id"))
    .order_by(changes.c.id)
)


def list_revisions(connection: Connection, table_id: int) -> list[RevisionSummary]:
    rows = connection.execute(REVISIONS, {"table_id": table_id})
    return [RevisionSummary.model_validate(row._asdict()) for row in rows]


def list_changes(connection: Connection, table_id: int) -> list[ChangeRecord]:
    rows = connection.execute(CHANGES, {"table_id": table_id})
    return [ChangeRecord.model_validate(row._asdict()) for row in rows]


def iter_documents(connection: Connection, wanted: TableFilter) -> Iterator[Document]:
    """The selected tables at their current revision, grouped by the document that brought
    each revision, in import order; with the findings of those tables and documents."""
    pending: DocumentPart | None = None
    for part in iter_document_parts(connection, wanted):
        if pending is not None and part.document_id == pending.document_id:
            pending.tables += part.tables
            pending.findings += part.findings
            continue
        if pending is not None:
            yield pending.document()
        pending = part
    if pending is not None:
        yield pending.document()


@dataclass
class DocumentPart:
    """Some of a document's selected tables, with their findings numbered in report order."""

    document_id: int
    file: str
    sha256: str
    format: str | None
    tables: list[TargetTable]
    findings: list[tuple[int, Finding]]

    def document(self) -> Document:
        return Document(
            file=self.file,
            sha256=self.sha256,
            format=self.format,
            tables=self.tables,
            findings=[finding for _, finding in sorted(self.findings, key=lambda f: f[0])],
        )


def iter_document_parts(connection: Connection, wanted: TableFilter) -> Iterator[DocumentPart]:
    """One part per selected revision, read in chunks ordered by document and position."""
    after: tuple[int, int] | None = None
    seen_documents: set[int] = set()
    while True:
        query = (
            select(revisions, documents.c.file, documents.c.sha256, documents.c.format)
            .join(target_tables, _CURRENT)
            .join(documents, documents.c.id == revisions.c.document_id)
            .where(filter_clause(wanted))
            .where(
                tuple_(revisions.c.document_id, revisions.c.position) > tuple_(*after)
                if after
                else true()
            )
            .order_by(revisions.c.document_id, revisions.c.position)
            .limit(EXPORT_CHUNK)
        )
        chunk = list(connection.execute(query))
        if not chunk:
            return
        after = (chunk[-1].document_id, chunk[-1].position)
        ids = [row.id for row in chunk]
        by_revision: dict[int, list[Row[Any]]] = {revision_id: [] for revision_id in ids}
        for row in indicator_rows_of(connection, ids):
            by_revision[row.revision_id].append(row)
        new_documents = sorted({row.document_id for row in chunk} - seen_documents)
        seen_documents.update(new_documents)
        found = findings_of(connection, ids, new_documents)
        for row in chunk:
            yield DocumentPart(
                document_id=row.document_id,
                file=row.file,
                sha256=row.sha256,
                format=row.format,
                tables=[table_from_rows(row._mapping, by_revision[row.id])],
                findings=found.pop((row.document_id, row.id), [])
                + found.pop((row.document_id, None), []),
            )


def findings_of(
    connection: Connection, revision_ids: list[int], document_ids: list[int]
) -> dict[tuple[int, int | None], list[tuple[int, Finding]]]:
    """Findings of these revisions, and those of these documents that belong to no table."""
    of_documents = (
        and_(findings.c.document_id.in_(document_ids), findings.c.revision_id.is_(None))
        if document_ids
        else false()
    )
    query = select(findings).where(or_(findings.c.revision_id.in_(revision_ids), of_documents))
    grouped: dict[tuple[int, int | None], list[tuple[int, Finding]]] = {}
    for row in connection.execute(query):
        key = (row.document_id, row.revision_id)
        grouped.setdefault(key, []).append((row.position, finding_from_row(row._mapping)))
    return grouped
