"""The self-evaluation page of a table (自评): enter actual values and execution, see the score.

Every score is shown with its explanation; the 自评表 downloads in the official layout.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.errors import InvalidRequest
from jixiao.services import (
    ActualInput,
    save_self_evaluation,
    self_evaluation_file,
    self_evaluation_view,
)
from jixiao.web.auth import PageUser
from jixiao.web.settings import database_of
from jixiao.web.ui.rendering import render

router = APIRouter()

ProfileQuery = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z0-9-]+$")]
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


@router.get("/tables/{table_id}/evaluation", response_class=HTMLResponse)
def evaluation_page(
    request: Request,
    user: PageUser,
    table_id: int,
    profile: ProfileQuery = None,
    saved: Annotated[int | None, Query(ge=0, le=1)] = None,
) -> HTMLResponse:
    view = self_evaluation_view(database_of(request), user, table_id, profile=profile)
    return render(request, "evaluation.html", {"view": view, "saved": saved})


@router.post("/tables/{table_id}/evaluation", response_class=Response)
async def save_evaluation(request: Request, user: PageUser, table_id: int) -> Response:
    form = await request.form()

    def text(name: str, limit: int = 500) -> str:
        value = form.get(name)
        if value is not None and not isinstance(value, str):
            raise InvalidRequest(f"字段 {name} 应为文字")
        if value is not None and len(value) > limit:
            raise InvalidRequest(f"字段 {name} 过长（最多 {limit} 字）")
        return value or ""

    positions = sorted(
        int(key.removeprefix("actual-"))
        for key in form
        if key.startswith("actual-") and key.removeprefix("actual-").isdigit()
    )
    entries = [
        ActualInput(
            position=position,
            value=text(f"actual-{position}"),
            note=text(f"note-{position}", 1000),
            band=text(f"band-{position}", 20) or None,
            score=points(text(f"score-{position}", 20), position),
        )
        for position in positions
    ]
    profile = text("profile", 40) or None
    revision = text("revision", 12)
    save_self_evaluation(
        database_of(request),
        user,
        table_id,
        entries,
        executed=text("executed", 40),
        adjusted=text("adjusted", 40),
        profile=profile,
        based_on=int(revision) if revision.isdigit() else None,
    )
    suffix = f"&profile={profile}" if profile else ""
    return RedirectResponse(f"/tables/{table_id}/evaluation?saved=1{suffix}", status_code=303)


def points(text: str, position: int) -> float | None:
    """The score typed for the indicator at ``position`` (blank: none)."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InvalidRequest(f"第 {position + 1} 个指标的评分“{text}”不是数字") from None
    if not math.isfinite(value):
        raise InvalidRequest(f"第 {position + 1} 个指标的评分“{text}”不是数字")
    return value


@router.get("/tables/{table_id}/evaluation/download", response_class=Response)
def download_evaluation(
    request: Request,
    user: PageUser,
    table_id: int,
    format: Literal["xlsx", "json", "csv"] = "xlsx",
    profile: ProfileQuery = None,
) -> Response:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"self-evaluation-{table_id}.{format}"
        self_evaluation_file(database_of(request), user, table_id, path, profile=profile)
        content = path.read_bytes()
    filename = f"self-evaluation-{table_id}.{format}"
    return Response(
        content,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
