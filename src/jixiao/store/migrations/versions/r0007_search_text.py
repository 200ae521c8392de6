"""Revisions keep the text a search looks in (one row per table instead of every indicator).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 15:40:00.000000
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 500


SQLITE_INDEX = (
    # FTS5 trigram index over revisions.search_text, filled in bulk by
    # jixiao.store.search.sync_search_index (after each import batch): rows not indexed yet,
    # those with ids above revisions_search_state.upto, are searched by scanning.
    "CREATE VIRTUAL TABLE revisions_search USING fts5("
    "search_text, content='revisions', content_rowid='id', tokenize='trigram')",
    "CREATE TABLE revisions_search_state (upto INTEGER NOT NULL)",
    "INSERT INTO revisions_search_state (upto) VALUES (0)",
)
POSTGRESQL_INDEX = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_revisions_search_text ON revisions USING gin (search_text gin_trgm_ops)",
)


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))
    backfill()
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_INDEX, "postgresql": POSTGRESQL_INDEX}.get(dialect, ()):
        op.execute(statement)
    if dialect == "sqlite":
        op.execute(
            "INSERT INTO revisions_search (rowid, search_text) "
            "SELECT id, search_text FROM revisions"
        )
        op.execute(
            "UPDATE revisions_search_state SET upto = (SELECT coalesce(max(id), 0) FROM revisions)"
        )


def backfill() -> None:
    """search_text of the revisions stored before this version (rows.search_text)."""
    connection = op.get_bind()
    revisions = sa.table(
        "revisions",
        sa.column("id", sa.Integer),
        sa.column("project", sa.Text),
        sa.column("title", sa.Text),
        sa.column("department", sa.Text),
        sa.column("department_code", sa.Text),
        sa.column("purpose", sa.Text),
        sa.column("goals_json", sa.Text),
        sa.column("search_text", sa.Text),
    )
    indicators = sa.table(
        "indicators",
        sa.column("revision_id", sa.Integer),
        sa.column("position", sa.Integer),
        sa.column("name", sa.Text),
        sa.column("description", sa.Text),
        sa.column("target_raw", sa.Text),
    )
    headers = connection.execute(sa.select(revisions).order_by(revisions.c.id)).all()
    for start in range(0, len(headers), BATCH):
        chunk = headers[start : start + BATCH]
        lines: dict[int, list[str]] = {}
        for row in chunk:
            parts = [row.project, row.title, row.department, row.department_code, row.purpose]
            parts += json.loads(row.goals_json or "[]")
            lines[row.id] = [part for part in parts if part]
        found = connection.execute(
            sa.select(indicators)
            .where(indicators.c.revision_id.in_(list(lines)))
            .order_by(indicators.c.revision_id, indicators.c.position)
        )
        for indicator in found:
            parts = [indicator.name, indicator.description, indicator.target_raw]
            lines[indicator.revision_id] += [part for part in parts if part]
        connection.execute(
            sa.update(revisions)
            .where(revisions.c.id == sa.bindparam("revision_id"))
            .values(search_text=sa.bindparam("text")),
            [
                {"revision_id": key, "text": "\n".join(dict.fromkeys(value))}
                for key, value in lines.items()
            ],
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS revisions_search")
        op.execute("DROP TABLE IF EXISTS revisions_search_state")
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_revisions_search_text")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("search_text")
