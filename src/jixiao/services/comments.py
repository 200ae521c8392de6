"""Use-case: reviewers' comments (审核意见) on the tables of the departments they review.

审核 reviewers comment on the tables they may read, 管理员 on any; 填报 fillers read the
comments on their own tables (to fix what the reviewer asks) but do not write them.
"""

from __future__ import annotations

from jixiao.errors import InvalidRequest, PermissionDenied
from jixiao.services.browse import readable_table
from jixiao.services.evaluation import now
from jixiao.services.users import Role, User
from jixiao.store import Database, load_stored_table, write_transaction
from jixiao.store.comments import CommentRecord, add_comment, list_comments

MAX_COMMENT = 2000


def can_comment(user: User) -> bool:
    return user.role in (Role.REVIEWER, Role.ADMIN)


def table_comments(database: Database, user: User, table_id: int) -> list[CommentRecord]:
    readable_table(database, user, table_id)
    with database.engine.connect() as connection:
        return list_comments(connection, table_id)


def comment_on_table(
    database: Database, user: User, table_id: int, body: str, *, position: int | None = None
) -> CommentRecord:
    """Store a comment on the table (or on its indicator at ``position``, from 0)."""
    summary = readable_table(database, user, table_id)
    if not can_comment(user):
        raise PermissionDenied(f"{user.role.label}角色不能填写审核意见（{summary.describe()}）")
    text = body.strip()
    if not text:
        raise InvalidRequest("审核意见不能为空")
    if len(text) > MAX_COMMENT:
        raise InvalidRequest(f"审核意见过长（最多 {MAX_COMMENT} 字）")
    with write_transaction(database) as connection:
        indicator = None
        if position is not None:
            stored = load_stored_table(connection, table_id)
            indicators = stored.table.indicators if stored else []
            if not 0 <= position < len(indicators):
                raise InvalidRequest(f"此表没有第 {position + 1} 个指标")
            indicator = indicators[position].name
        comment_id = add_comment(
            connection, table_id, body=text, author=user.name, indicator=indicator, now=now()
        )
        created = list_comments(connection, table_id)
    return next(comment for comment in created if comment.id == comment_id)
