"""Entering a month's monitoring values (双监控) for one table: the budget executed so far and
each indicator's value reached so far, with the reasons for deviations. The 双监控 page of
that month is lit from them; the form is the ``jixiao execution set --month`` and ``jixiao
actual set --month`` commands for people."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from jixiao.errors import EvaluationError, InvalidRequest
from jixiao.model.timestamps import beijing_time
from jixiao.services import MonthlyActual, monthly_values, save_monthly_values
from jixiao.services.users import utc_now
from jixiao.web.auth import PageUser
from jixiao.web.params import MAX_POSITION, TableId, multi_line, one_line
from jixiao.web.settings import database_of
from jixiao.web.ui.rendering import render

router = APIRouter()

Month = Annotated[int | None, Query(ge=1, le=12, description="监控月份（1–12）")]


def this_month() -> int:
    return beijing_time(utc_now()).month


@router.get("/tables/{table_id}/monitoring", response_class=HTMLResponse)
def monitoring_entry_page(
    request: Request,
    user: PageUser,
    table_id: TableId,
    month: Month = None,
    saved: Annotated[int | None, Query(ge=0, le=MAX_POSITION)] = None,
) -> HTMLResponse:
    values = monthly_values(database_of(request), user, table_id, month or this_month())
    return render(request, "monitoring_entry.html", {"values": values, "saved": saved})


@router.post("/tables/{table_id}/monitoring", response_class=Response)
async def save_monitoring(request: Request, user: PageUser, table_id: TableId) -> Response:
    form = await request.form()
    month = form_month(form)
    entries = [
        MonthlyActual(
            position=position,
            value=form_text(form, f"actual-{position}", 500),
            note=form_text(form, f"note-{position}", 1000, multi=True),
        )
        for position in sorted(
            int(key.removeprefix("actual-"))
            for key in form
            if key.startswith("actual-")
            and key.removeprefix("actual-").isdecimal()
            and len(key) <= 13
        )
    ]
    database = database_of(request)
    try:
        saves = save_monthly_values(
            database,
            user,
            table_id,
            month,
            entries,
            executed=form_text(form, "executed", 40),
            adjusted=form_text(form, "adjusted", 40),
            note=form_text(form, "execution_note", 1000, multi=True),
        )
    except (EvaluationError, InvalidRequest) as error:  # the form again, as entered, with why
        values = monthly_values(database, user, table_id, month)
        context = {"values": values, "problem": error.message, "entered": dict(form)}
        return render(request, "monitoring_entry.html", context, status=422)
    return RedirectResponse(
        f"/tables/{table_id}/monitoring?month={month}&saved={saves}", status_code=303
    )


def form_month(form: FormData) -> int:
    value = form.get("month")
    if not isinstance(value, str) or not value.isdecimal() or not 1 <= int(value) <= 12:
        raise InvalidRequest("监控月份应为 1–12")
    return int(value)


def form_text(form: FormData, name: str, limit: int, *, multi: bool = False) -> str:
    value = form.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRequest(f"字段 {name} 应为文字")
    if len(value) > limit:
        raise InvalidRequest(f"字段 {name} 过长（最多 {limit} 字）")
    try:
        (multi_line if multi else one_line)(value)
    except ValueError as error:
        raise InvalidRequest(f"字段 {name} {error}") from None
    return value
