"""/api/v1/tables/{id}/comments: reviewers' comments (审核意见)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from jixiao.model.timestamps import Timestamp
from jixiao.services import comment_on_table, table_comments
from jixiao.web.auth import ApiUser
from jixiao.web.params import MAX_POSITION, MULTI_LINE_SCHEMA, MultiLine, TableId
from jixiao.web.settings import database_of

router = APIRouter(tags=["comments"])


class Comment(BaseModel):
    id: int
    revision: int = Field(description="意见针对的版本")
    indicator: str | None = Field(description="针对的三级指标；null 为针对整张表")
    body: str
    author: str
    created_at: Timestamp


class CommentInput(BaseModel):
    body: Annotated[
        str,
        Field(
            min_length=1,
            max_length=2000,
            json_schema_extra=MULTI_LINE_SCHEMA,
            description="审核意见（可换行；不能含其他控制字符）",
        ),
        MultiLine,
    ]
    position: int | None = Field(
        default=None, ge=0, le=MAX_POSITION, description="针对的指标序号（从 0 起）"
    )


class CommentList(BaseModel):
    comments: list[Comment]


@router.get("/tables/{table_id}/comments", response_model=CommentList)
def get_comments(request: Request, user: ApiUser, table_id: TableId) -> CommentList:
    """一张表的审核意见（按时间先后）。"""
    found = table_comments(database_of(request), user, table_id)
    return CommentList(comments=[Comment.model_validate(c, from_attributes=True) for c in found])


@router.post("/tables/{table_id}/comments", response_model=Comment, status_code=201)
def post_comment(request: Request, user: ApiUser, table_id: TableId, body: CommentInput) -> Comment:
    """填写审核意见（审核人员和管理员）。"""
    created = comment_on_table(
        database_of(request), user, table_id, body.body, position=body.position
    )
    return Comment.model_validate(created, from_attributes=True)
