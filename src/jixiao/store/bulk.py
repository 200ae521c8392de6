"""Bulk row writes: ``COPY`` on PostgreSQL, one ``executemany`` on SQLite.

Rows are tuples in ``columns`` order; they go to the driver as they are, inside the caller's
transaction. On SQLite, date-times are first formatted the way SQLAlchemy stores them (the
driver binds every other value of ours natively). Ids that callers need beforehand come from
:func:`allocate_ids`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, DateTime, Table, func, select, text


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    dialect = connection.dialect.name
    names = ", ".join(columns)
    if dialect == "postgresql":
        driver = connection.connection.driver_connection
        assert driver is not None
        with (
            driver.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    batch = list(rows)
    if not batch:
        return
    if dialect != "sqlite":
        connection.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in batch])
        return
    converters = datetime_converters(connection, table, columns)
    if converters:
        batch = [
            tuple(
                value if i not in converters else converters[i](value)
                for i, value in enumerate(row)
            )
            for row in batch
        ]
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", batch)


def datetime_converters(
    connection: Connection, table: Table, columns: Sequence[str]
) -> dict[int, Callable[[Any], Any]]:
    converters: dict[int, Callable[[Any], Any]] = {}
    for index, name in enumerate(columns):
        column_type = table.c[name].type
        if isinstance(column_type, DateTime):
            process = column_type.bind_processor(connection.dialect)
            if process is not None:
                converters[index] = process
    return converters


def allocate_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` new primary keys for ``table``, to write rows that refer to each other.

    PostgreSQL draws them from the column's sequence. On SQLite the transaction must already
    hold the write lock (it has written a row), so that nobody else can take the same ids.
    """
    if count == 0:
        return []
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
        )
        return list(connection.scalars(query, {"table": table.name, "n": count}))
    start = connection.scalar(select(func.max(table.c.id))) or 0
    return list(range(start + 1, start + 1 + count))
