"""/api/v1/findings: findings of the current revisions across tables."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from jixiao.model import Severity
from jixiao.services import search_findings
from jixiao.web.api.schemas import FindingPage, FoundFinding
from jixiao.web.auth import ApiUser
from jixiao.web.filters import Filter
from jixiao.web.params import ONE_LINE_SCHEMA, Offset, OneLine
from jixiao.web.settings import database_of

router = APIRouter(tags=["findings"])


@router.get("/findings", response_model=FindingPage)
def list_findings(
    request: Request,
    user: ApiUser,
    wanted: Filter,
    code: Annotated[
        str | None,
        Query(
            max_length=16,
            json_schema_extra=ONE_LINE_SCHEMA,
            description="规则代码或其前缀，如 VL04、VL",
        ),
        OneLine,
    ] = None,
    severity: Annotated[Severity | None, Query(description="级别")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Offset = 0,
) -> FindingPage:
    """审核发现（各表当前版本），可按规则、级别和表的条件筛选。"""
    found = search_findings(
        database_of(request),
        user,
        wanted,
        code=code.strip().upper() or None if code else None,
        severity=severity.value if severity else None,
        limit=limit,
        offset=offset,
    )
    return FindingPage(
        total=found.total,
        limit=limit,
        offset=offset,
        findings=[FoundFinding.model_validate(item.model_dump()) for item in found.findings],
    )
