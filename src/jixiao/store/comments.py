"""Reviewers' comments (审核意见) on a table or one of its indicators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, bindparam, insert, select

from jixiao.store.evaluations import current_revision_id
from jixiao.store.schema import comments, revisions


@dataclass(frozen=True)
class CommentRecord:
    id: int
    revision: int
    indicator: str | None
    body: str
    author: str
    created_at: dt.datetime


def add_comment(
    connection: Connection,
    table_id: int,
    *,
    body: str,
    author: str,
    indicator: str | None,
    now: dt.datetime,
) -> int:
    """Store a comment on the table's current revision; returns its id."""
    return int(
        connection.execute(
            insert(comments).returning(comments.c.id),
            {
                "table_id": table_id,
                "revision_id": current_revision_id(connection, table_id),
                "indicator": indicator,
                "body": body,
                "author": author,
                "created_at": now,
            },
        ).scalar_one()
    )


COMMENTS: Final = (  # built once: the table page runs it (see queries.TABLE_SUMMARY)
    select(comments, revisions.c.number)
    .join(revisions, revisions.c.id == comments.c.revision_id)
    .where(comments.c.table_id == bindparam("table_id"))
    .order_by(comments.c.id)
)


def list_comments(connection: Connection, table_id: int) -> list[CommentRecord]:
    """A table's comments, oldest first, with the revision number each was made on."""
    return [
        CommentRecord(
            id=row.id,
            revision=row.number,
            indicator=row.indicator,
            body=row.body,
            author=row.author,
            created_at=row.created_at,
        )
        for row in connection.execute(COMMENTS, {"table_id": table_id})
    ]
