"""Importing one document: new tables, new revisions of known tables, their findings, history.

The caller owns the transaction (one per document), so that a document either goes in whole or
leaves nothing behind. A document is known by the SHA-256 of its bytes: the same bytes again
write nothing. A table is known by its *identity* (kind, department, project, year; see
:func:`jixiao.store.prepared.table_identity`); when its content differs from its current
revision it becomes the next revision, and every changed value is written to ``changes``.
The rows come prepared (:mod:`jixiao.store.prepared`, where the document was read): this
module adds what only the database knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from jixiao.model import Document, Finding, TargetTable
from jixiao.store.prepared import DocumentRows, TableRows, prepare_document
from jixiao.store.queries import load_table
from jixiao.store.records import DocumentImport, TableImport, TableStatus
from jixiao.store.rows import FindingValues
from jixiao.store.schema import documents, revisions, target_tables
from jixiao.store.writes import (
    Stamp,
    TablePlan,
    write_changes,
    write_findings,
    write_revisions,
    write_tables,
)

_CHUNK = 500

Admit = Callable[[Connection, Sequence[tuple[TargetTable, int | None]]], None]
"""Asked before anything of a document is written: each table with the id of the stored table
it would revise (None: a new table); raises to refuse the document (the caller's policy)."""


@dataclass
class Known:
    """A table identity as it stands while the document is planned: stored (its current
    revision's id) or met earlier in the same document (its rows)."""

    table_id: int | None
    number: int
    content: str
    revision_id: int | None = None
    rows: TableRows | None = None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def stored_document_id(connection: Connection, sha256: str) -> int | None:
    """The id of the stored document with these bytes, if there is one."""
    found = connection.scalar(select(documents.c.id).where(documents.c.sha256 == sha256))
    return None if found is None else int(found)


def is_imported(connection: Connection, sha256: str) -> bool:
    return stored_document_id(connection, sha256) is not None


def import_document(
    connection: Connection,
    document: Document,
    *,
    findings: Sequence[Finding] = (),
    user: str | None = None,
    now: dt.datetime | None = None,
    admit: Admit | None = None,
) -> DocumentImport:
    """Store a readable document; ``findings`` are added to its own (e.g. from a review).
    See :func:`import_rows`."""
    rows = prepare_document(document, findings)
    return import_rows(connection, rows, user=user, now=now, admit=admit)


def import_rows(
    connection: Connection,
    document: DocumentRows,
    *,
    user: str | None = None,
    now: dt.datetime | None = None,
    admit: Admit | None = None,
) -> DocumentImport:
    """Store a document prepared by :func:`jixiao.store.prepared.prepare_document`.

    Findings are attached to the table they concern; those of a table that is unchanged are
    not stored again. ``admit`` sees what each table would write (inside the transaction, so
    what it checks is what is written) and may raise.
    """
    known_id = stored_document_id(connection, document.sha256)
    if known_id is not None:
        if admit is not None:  # the same bytes tell the caller nothing it may not know
            admit(connection, admitted(plan_tables(connection, document)))
        return DocumentImport(
            file=document.file, sha256=document.sha256, document_id=known_id, already_imported=True
        )
    now = now or utc_now()
    document_id = connection.execute(
        insert(documents).returning(documents.c.id),
        {
            "sha256": document.sha256,
            "file": document.file,
            "format": document.format,
            "imported_at": now,
            "imported_by": user,
        },
    ).scalar_one()  # from here on, the transaction holds the write lock (SQLite)
    stamp = Stamp(document_id, now, user)
    plans = plan_tables(connection, document)
    if admit is not None:
        admit(connection, admitted(plans))
    stored = [plan for plan in plans if plan.status is not TableStatus.UNCHANGED]
    orphans = attach_findings(plans, document.findings)
    table_ids = write_tables(connection, plans, now)
    write_revisions(connection, stored, table_ids, stamp)
    write_findings(connection, stored, orphans, stamp)
    write_changes(connection, stored, table_ids, stamp)
    return DocumentImport(
        file=document.file,
        sha256=document.sha256,
        document_id=document_id,
        tables=tuple(
            TableImport(
                position=plan.rows.position,
                project=plan.rows.project,
                status=plan.status,
                table_id=table_ids[plan.identity],
                revision=plan.number,
            )
            for plan in plans
        ),
    )


def admitted(plans: list[TablePlan]) -> list[tuple[TargetTable, int | None]]:
    return [(plan.rows.table(), plan.known_id) for plan in plans]


def plan_tables(connection: Connection, document: DocumentRows) -> list[TablePlan]:
    plans = [TablePlan(rows) for rows in document.tables]
    known = known_tables(connection, {plan.identity for plan in plans})
    for plan in plans:
        state = known.get(plan.identity)
        plan.known_id = None if state is None else state.table_id
        if state is None:
            known[plan.identity] = Known(None, 1, plan.rows.content, rows=plan.rows)
            continue
        if state.content == plan.rows.content:
            plan.status = TableStatus.UNCHANGED
            plan.number = state.number
            continue
        plan.status = TableStatus.REVISED
        plan.number = state.number + 1
        if state.rows is not None:
            plan.previous = state.rows.table()
        elif state.revision_id is not None:
            plan.previous = load_table(connection, state.revision_id)
        state.number, state.content, state.rows = plan.number, plan.rows.content, plan.rows
    return plans


def known_tables(connection: Connection, identities: Iterable[str]) -> dict[str, Known]:
    wanted = sorted(identities)
    known: dict[str, Known] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = (
            select(
                target_tables.c.identity,
                target_tables.c.id,
                target_tables.c.current_revision,
                revisions.c.id.label("revision_id"),
                revisions.c.content_sha256,
            )
            .join(
                revisions,
                (revisions.c.table_id == target_tables.c.id)
                & (revisions.c.number == target_tables.c.current_revision),
            )
            .where(target_tables.c.identity.in_(wanted[start : start + _CHUNK]))
        )
        for row in connection.execute(query):
            known[row.identity] = Known(
                row.id, row.current_revision, row.content_sha256, row.revision_id
            )
    return known


def attach_findings(
    plans: list[TablePlan], found: Sequence[tuple[int | None, FindingValues]]
) -> list[tuple[int, FindingValues]]:
    """Give each finding (numbered in report order) to its table; return the rest."""
    orphans: list[tuple[int, FindingValues]] = []
    for number, (owner, values) in enumerate(found):
        if owner is None:
            orphans.append((number, values))
        else:
            plans[owner].findings.append((number, values))
    return orphans
