"""The review workflow's pages: steps and decisions posted from the table page, the inbox
(待办), the 审核意见表 downloads, and the monitoring and self-evaluation overviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.model.timestamps import beijing_time
from jixiao.services import (
    Action,
    Decision,
    OpinionFormat,
    ReviewState,
    batch_opinions,
    decide_finding,
    evaluation_overview,
    monitoring_overview,
    review_inbox,
    table_opinions,
    take_action,
)
from jixiao.services.overview import LIGHTS
from jixiao.services.users import utc_now
from jixiao.services.workflow import MAX_INBOX, is_reviewer
from jixiao.web.api.workflow import FormatQuery, opinion_file
from jixiao.web.auth import PageUser
from jixiao.web.filters import Filter
from jixiao.web.params import MAX_ID, MAX_POSITION, MultiLine, TableId
from jixiao.web.settings import database_of
from jixiao.web.ui.rendering import render

router = APIRouter()

OpinionForm = Annotated[str, Form(max_length=2000), MultiLine]
GRADES = ("优", "良", "中", "差")


@router.post("/tables/{table_id}/workflow", response_class=Response)
def post_step(
    request: Request,
    user: PageUser,
    table_id: TableId,
    action: Annotated[Action, Form()],
    opinion: OpinionForm = "",
    based_on: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
) -> Response:
    """提交、退回或审核通过（表页上的按钮）。"""
    take_action(database_of(request), user, table_id, action, opinion, based_on=based_on)
    return RedirectResponse(f"/tables/{table_id}#workflow", status_code=303)


@router.post("/tables/{table_id}/findings/{index}/decision", response_class=Response)
def post_decision(
    request: Request,
    user: PageUser,
    table_id: TableId,
    index: Annotated[int, Path(ge=0, le=MAX_POSITION)],
    decision: Annotated[Decision, Form()],
    reason: OpinionForm = "",
) -> Response:
    """逐条审核发现：认可，或不予认可并说明理由。"""
    decide_finding(database_of(request), user, table_id, index, decision, reason)
    return RedirectResponse(f"/tables/{table_id}#finding-{index}", status_code=303)


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(request: Request, user: PageUser, wanted: Filter) -> HTMLResponse:
    items = review_inbox(database_of(request), user, wanted)
    reviewer = is_reviewer(user)
    context = {
        "items": items,
        "wanted": wanted,
        "reviewer": reviewer,
        "state": ReviewState.SUBMITTED if reviewer else ReviewState.RETURNED,
        "query": request.url.query,
        "limited": len(items) >= MAX_INBOX,
    }
    return render(request, "inbox.html", context)


@router.get("/tables/{table_id}/opinions/download", response_class=Response)
def download_table_opinions(
    request: Request,
    user: PageUser,
    table_id: TableId,
    output_format: FormatQuery = OpinionFormat.DOCX,
) -> Response:
    sheets = table_opinions(database_of(request), user, table_id)
    return opinion_file(sheets, output_format, f"opinions-{table_id}")


@router.get("/opinions/download", response_class=Response)
def download_opinions(
    request: Request,
    user: PageUser,
    wanted: Filter,
    output_format: FormatQuery = OpinionFormat.DOCX,
    state: ReviewState | None = None,
) -> Response:
    sheets = batch_opinions(database_of(request), user, wanted, state)
    return opinion_file(sheets, output_format, "opinions")


@router.get("/monitoring", response_class=HTMLResponse)
def monitoring_page(
    request: Request,
    user: PageUser,
    wanted: Filter,
    month: Annotated[int | None, Query(ge=1, le=12)] = None,
) -> HTMLResponse:
    """双监控：所选月份各项目的预算执行与指标完成进度灯，及需说明偏差原因的指标。"""
    chosen = month or beijing_time(utc_now()).month
    overview = monitoring_overview(database_of(request), user, chosen, wanted=wanted)
    return render(
        request, "monitoring.html", {"overview": overview, "wanted": wanted, "lights": LIGHTS}
    )


@router.get("/evaluations", response_class=HTMLResponse)
def evaluations_page(request: Request, user: PageUser, wanted: Filter) -> HTMLResponse:
    """各部门的自评：项目数、已自评数、平均分和各等级的项目数。"""
    departments = evaluation_overview(database_of(request), user, wanted)
    return render(
        request,
        "evaluations.html",
        {"departments": departments, "wanted": wanted, "grades": GRADES},
    )
