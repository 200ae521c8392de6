"""One table in the official layout, and editing its 指标值 in place (htmx)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.errors import InvalidRequest, StaleRevision
from jixiao.services import (
    can_comment,
    comment_on_table,
    edit_target,
    open_table,
    open_table_page,
    preview_target,
)
from jixiao.web.auth import PageUser
from jixiao.web.params import MAX_ID, MultiLine, OneLine, Position, Revision, TableId
from jixiao.web.settings import database_of
from jixiao.web.ui.layout import table_layout
from jixiao.web.ui.rendering import render

router = APIRouter()

TargetText = Annotated[str, Form(max_length=500), OneLine]


@router.get("/tables/{table_id}", response_class=HTMLResponse)
def table_page(
    request: Request,
    user: PageUser,
    table_id: TableId,
    revision: Revision = None,
    saved: Revision = None,
) -> HTMLResponse:
    view, workflow = open_table_page(database_of(request), user, table_id, revision)
    layout = table_layout(view.stored.table, view.stored.findings)
    context = {
        "view": view,
        "layout": layout,
        "saved": saved,
        "comments": view.comments,
        "can_comment": can_comment(user),
        "workflow": workflow,
    }
    return render(request, "table.html", context)


@router.post("/tables/{table_id}/comments", response_class=Response)
def post_comment(
    request: Request,
    user: PageUser,
    table_id: TableId,
    body: Annotated[str, Form(max_length=2000), MultiLine],
    position: Annotated[str, Form(max_length=6)] = "",
) -> Response:
    """A reviewer's comment (审核意见) on the table, or on one of its indicators."""
    if position and not position.isdigit():
        raise InvalidRequest("指标序号应为数字")
    chosen = int(position) - 1 if position else None
    comment_on_table(database_of(request), user, table_id, body, position=chosen)
    return RedirectResponse(f"/tables/{table_id}#comments", status_code=303)


def cell_context(
    request: Request, user: PageUser, table_id: TableId, position: int
) -> dict[str, object]:
    view = open_table(database_of(request), user, table_id)
    layout = table_layout(view.stored.table, view.stored.findings)
    if not 0 <= position < len(layout.rows):
        raise InvalidRequest(f"此表没有第 {position + 1} 个指标")
    return {"view": view, "row": layout.rows[position]}


@router.get("/tables/{table_id}/indicators/{position}", response_class=HTMLResponse)
def target_cell(
    request: Request, user: PageUser, table_id: TableId, position: Position
) -> HTMLResponse:
    """The 指标值 cell as shown (the edit form's 取消)."""
    return render(request, "_target_cell.html", cell_context(request, user, table_id, position))


@router.get("/tables/{table_id}/indicators/{position}/edit", response_class=HTMLResponse)
def target_form(
    request: Request, user: PageUser, table_id: TableId, position: Position
) -> HTMLResponse:
    context = cell_context(request, user, table_id, position)
    view = context["view"]
    assert hasattr(view, "summary")
    user.require_edit(view.summary)
    return render(request, "_target_edit.html", context)


@router.get("/tables/{table_id}/indicators/{position}/preview", response_class=HTMLResponse)
def target_preview(
    request: Request,
    user: PageUser,
    table_id: TableId,
    position: Position,
    target: Annotated[str, Query(max_length=500), OneLine] = "",
) -> HTMLResponse:
    """How the typed text reads, and what the review rules say about the row (as you type)."""
    preview = preview_target(database_of(request), user, table_id, position, target)
    return render(request, "_preview.html", {"preview": preview})


@router.post("/tables/{table_id}/indicators/{position}", response_class=Response)
def save_target(
    request: Request,
    user: PageUser,
    table_id: TableId,
    position: Position,
    target: TargetText,
    based_on: Annotated[int, Form(ge=1, le=MAX_ID)],
) -> Response:
    try:
        result = edit_target(
            database_of(request), user, table_id, position, target, based_on=based_on
        )
    except StaleRevision as error:
        if "hx-request" not in request.headers:
            raise
        context = cell_context(request, user, table_id, position)
        context.update(stale=error.message, typed=target, based_on=based_on)
        return render(request, "_target_edit.html", context, status=409)
    location = f"/tables/{table_id}?saved={result.revision}#row-{position}"
    if "hx-request" in request.headers:
        return Response(status_code=204, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)
