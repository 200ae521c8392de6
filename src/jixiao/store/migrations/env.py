"""Alembic environment: runs on the connection :mod:`jixiao.store.migrate` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from jixiao.store.schema import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through `jixiao db upgrade`, not the alembic command")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
