"""/api/v1/tables: list and search, one table, its indicators, findings, history; edits."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from jixiao.services import edit_target, open_table, search_tables
from jixiao.web.api.schemas import (
    EditOutcome,
    FindingList,
    IndicatorList,
    Me,
    NumberedIndicator,
    TableDetail,
    TableHistory,
    TablePage,
    TargetEdit,
)
from jixiao.web.auth import ApiUser
from jixiao.web.filters import Filter
from jixiao.web.params import Offset, Position, Revision, TableId
from jixiao.web.settings import database_of

router = APIRouter(tags=["tables"])

Limit = Annotated[int, Query(ge=1, le=500, description="每页条数")]


@router.get("/me", response_model=Me, tags=["users"])
def me(user: ApiUser) -> Me:
    """当前令牌对应的用户、角色和部门。"""
    return Me(
        name=user.name,
        role=user.role.value,
        role_label=user.role.label,
        departments=list(user.departments),
    )


@router.get("/tables", response_model=TablePage)
def list_tables(
    request: Request, user: ApiUser, wanted: Filter, limit: Limit = 50, offset: Offset = 0
) -> TablePage:
    """按条件查询绩效目标表（当前版本），只含您有权查看的部门。"""
    found = search_tables(database_of(request), user, wanted, limit=limit, offset=offset)
    return TablePage(total=found.total, limit=limit, offset=offset, tables=found.tables)


@router.get("/tables/{table_id}", response_model=TableDetail)
def get_table(
    request: Request, user: ApiUser, table_id: TableId, revision: Revision = None
) -> TableDetail:
    """一张表的一个版本：table 为文档规定的 JSON 格式，附审核发现。"""
    view = open_table(database_of(request), user, table_id, revision)
    stored = view.stored
    return TableDetail(
        id=stored.id,
        revision=stored.revision,
        current_revision=stored.current_revision,
        created_at=stored.created_at,
        file=stored.file,
        table=stored.table,
        findings=list(stored.findings),
    )


@router.get("/tables/{table_id}/indicators", response_model=IndicatorList)
def list_indicators(
    request: Request, user: ApiUser, table_id: TableId, revision: Revision = None
) -> IndicatorList:
    """三级指标（按印刷顺序），每个附其审核发现。"""
    stored = open_table(database_of(request), user, table_id, revision).stored
    return IndicatorList(
        table_id=table_id,
        revision=stored.revision,
        indicators=[
            NumberedIndicator(
                position=position,
                indicator=indicator,
                findings=[f for f in stored.findings if f.indicator == indicator.name],
            )
            for position, indicator in enumerate(stored.table.indicators)
        ],
    )


@router.get("/tables/{table_id}/findings", response_model=FindingList)
def list_table_findings(
    request: Request, user: ApiUser, table_id: TableId, revision: Revision = None
) -> FindingList:
    """一张表的审核发现（含解析发现 PRS…）。"""
    stored = open_table(database_of(request), user, table_id, revision).stored
    return FindingList(table_id=table_id, revision=stored.revision, findings=list(stored.findings))


@router.get("/tables/{table_id}/history", response_model=TableHistory)
def table_history(request: Request, user: ApiUser, table_id: TableId) -> TableHistory:
    """修订版本与修改记录（谁、何时、改了什么）。"""
    view = open_table(database_of(request), user, table_id)
    return TableHistory(table_id=table_id, revisions=view.revisions, changes=view.changes)


@router.put(
    "/tables/{table_id}/indicators/{position}/target",
    response_model=EditOutcome,
    responses={409: {"description": "表已被他人修改（based_on 不是当前版本）"}},
)
def put_target(
    request: Request, user: ApiUser, table_id: TableId, position: Position, edit: TargetEdit
) -> EditOutcome:
    """修改一个指标值（position 从 0 起）；based_on 为修改所依据的版本，过期则拒绝（409）。"""
    result = edit_target(
        database_of(request), user, table_id, position, edit.target, based_on=edit.based_on
    )
    return EditOutcome(
        table_id=result.table_id,
        revision=result.revision,
        changed=result.changed,
        findings=result.findings,
    )
