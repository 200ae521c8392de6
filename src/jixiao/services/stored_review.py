"""Use-case: review the tables already in the store again (``jixiao review --stored``).

Kept apart from :mod:`jixiao.services.review` (which reviews files) so that reviewing files
loads no database layer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection

from jixiao.model import Finding, TargetTable
from jixiao.review import ReviewConfig, Reviewer
from jixiao.services.review import RuleReview
from jixiao.services.store import resolve_table
from jixiao.store import (
    Database,
    DocumentRows,
    TableFilter,
    TableRows,
    TableSummary,
    find_tables,
    list_tables,
    load_stored_table,
    stored_projects,
)


@dataclass(frozen=True)
class ReviewedTable:
    """A stored table reviewed again: its findings, and the table of the year before that the
    cross-year rule compared it with (None when the store holds no single such table)."""

    table: TableSummary
    findings: list[Finding]
    previous: TableSummary | None


def review_stored(
    database: Database, names: list[str] | None, *, config: ReviewConfig | None = None
) -> Iterator[ReviewedTable]:
    """Review the current revision of each named stored table (a project name, a unique part
    of it, or ``#id``), or of every stored table when ``names`` is None, with the rules of
    ``config``. Rules that compare with the same project's table of the year before (YR01)
    run here, where the store holds it. The stored findings are not replaced: a review
    decision taken on them stays attached."""
    reviewer = Reviewer(config)
    with database.engine.connect() as connection:
        if names is None:
            summaries = list_tables(connection, TableFilter())
        else:
            summaries = [resolve_table(connection, name) for name in names]
        for summary in summaries:
            stored = load_stored_table(connection, summary.id)
            if stored is None:
                continue
            earlier = previous_year_table(connection, summary)
            previous = load_stored_table(connection, earlier.id) if earlier else None
            findings = reviewer.review_table(
                stored.table, previous=previous.table if previous else None
            )
            yield ReviewedTable(summary, findings, earlier)


def previous_year_table(
    connection: Connection, summary: TableSummary | TableRows | TargetTable
) -> TableSummary | None:
    """The table of the same kind, project and department for the year before, when the store
    holds exactly one (of a stored table, of one about to be stored, or of an edited one)."""
    if not summary.project or summary.year is None:
        return None
    found = [
        other
        for other in find_tables(connection, summary.project, year=summary.year - 1, exact=True)
        if other.project == summary.project
        and other.kind is summary.kind
        and same_department(other, summary)
    ]
    return found[0] if len(found) == 1 else None


def same_department(one: TableSummary, other: TableSummary | TableRows | TargetTable) -> bool:
    """By code when both print one, else by name (a table without either matches none)."""
    if one.department_code and other.department_code:
        return one.department_code == other.department_code
    return bool(one.department) and one.department == other.department


def review_across_years(
    connection: Connection, document: DocumentRows, review: RuleReview
) -> list[Finding]:
    """What the rules that compare with the year before (YR01) find in ``document``'s tables
    against the tables the store holds: run when the document is stored (``jixiao import``,
    web uploads), where a review of the file alone had no year before to look at. A table's
    model is rebuilt from its rows only when the store holds its year before."""
    wanted = [
        (table, (table.project, table.year - 1))
        for table in document.tables
        if table.project and table.year is not None
    ]
    stored = stored_projects(connection, [pair for _, pair in wanted])  # one query for all
    findings: list[Finding] = []
    for table, pair in wanted:
        if pair not in stored:  # most projects have no table of the year before
            continue
        earlier = previous_year_table(connection, table)
        previous = load_stored_table(connection, earlier.id) if earlier else None
        if previous is not None:
            findings += review.across_years(table.table(), table.position, previous.table)
    return findings


def last_years_table(database: Database, table: TargetTable) -> TargetTable | None:
    """The stored table of the year before that the cross-year rules compare ``table`` with
    (:func:`previous_year_table`), read in a connection of its own; None when there is none."""
    with database.engine.connect() as connection:
        earlier = previous_year_table(connection, table)
        previous = load_stored_table(connection, earlier.id) if earlier else None
    return previous.table if previous else None
