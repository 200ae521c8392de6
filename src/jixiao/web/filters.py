"""The table filter both the pages and the API take from the query string."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from jixiao.model import TableKind
from jixiao.services import TableFilter
from jixiao.web.params import ONE_LINE_SCHEMA, OneLine


def table_filter(
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            json_schema_extra=ONE_LINE_SCHEMA,
            description="项目名称、指标名称、指标值等文字中含有的内容（不能含控制字符）",
        ),
        OneLine,
    ] = None,
    department: Annotated[
        str | None,
        Query(
            max_length=200,
            json_schema_extra=ONE_LINE_SCHEMA,
            description="部门名称的一部分或部门编码",
        ),
        OneLine,
    ] = None,
    year: Annotated[int | None, Query(ge=1990, le=2100, description="预算年度")] = None,
    kind: Annotated[TableKind | None, Query(description="表的种类")] = None,
    has_findings: Annotated[bool | None, Query(description="只看有（或没有）审核发现的表")] = None,
) -> TableFilter:
    return TableFilter(
        search=q.strip() or None if q else None,
        department=department.strip() or None if department else None,
        year=year,
        kind=kind,
        has_findings=has_findings,
    )


Filter = Annotated[TableFilter, Depends(table_filter)]
