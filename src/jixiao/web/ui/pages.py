"""The dashboard, the table list (search, filters, pages) and the findings list."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from jixiao.model import Severity
from jixiao.services import (
    dashboard,
    rule_title,
    rule_titles,
    search_findings,
    search_tables,
)
from jixiao.web.auth import PageUser
from jixiao.web.filters import Filter
from jixiao.web.settings import database_of, settings_of
from jixiao.web.ui.rendering import SEVERITY_LABELS, render

router = APIRouter()

Page = Annotated[int, Query(ge=1, le=100_000)]


def script_json(value: object) -> str:
    """JSON safe inside a <script> element (no "</script>" can close it early)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@router.get("/", response_class=HTMLResponse)
def dashboard_page(request: Request, user: PageUser) -> HTMLResponse:
    board = dashboard(database_of(request), user)
    severities = board.by_severity()
    charts = {
        "severity": [
            {"name": SEVERITY_LABELS[key], "value": value} for key, value in severities.items()
        ],
        "rules": [[code, count, rule_title(code)] for code, _rule, count in board.by_rule()[:15]],
        "departments": [[name, tables, found] for name, tables, found in board.by_department()],
        "years": [[str(year or "未知"), count] for year, count in board.by_year()],
    }
    return render(
        request,
        "dashboard.html",
        {"board": board, "severities": severities, "charts": script_json(charts)},
    )


@router.get("/tables", response_class=HTMLResponse)
def tables_page(request: Request, user: PageUser, wanted: Filter, page: Page = 1) -> HTMLResponse:
    size = settings_of(request).page_size
    found = search_tables(database_of(request), user, wanted, limit=size, offset=(page - 1) * size)
    pages = max(1, -(-found.total // size))
    return render(
        request,
        "tables.html",
        {
            "found": found,
            "wanted": wanted,
            "page": page,
            "pages": pages,
            "query": request.url.query,
        },
    )


@router.get("/findings", response_class=HTMLResponse)
def findings_page(
    request: Request,
    user: PageUser,
    wanted: Filter,
    code: Annotated[str | None, Query(max_length=16)] = None,
    severity: Severity | None = None,
    page: Page = 1,
) -> HTMLResponse:
    size = settings_of(request).page_size
    found = search_findings(
        database_of(request),
        user,
        wanted,
        code=code.strip().upper() or None if code else None,
        severity=severity.value if severity else None,
        limit=size,
        offset=(page - 1) * size,
    )
    pages = max(1, -(-found.total // size))
    return render(
        request,
        "findings.html",
        {
            "found": found,
            "wanted": wanted,
            "code": code or "",
            "severity": severity.value if severity else "",
            "page": page,
            "pages": pages,
            "size": size,
            "rules": rule_titles(),
        },
    )
