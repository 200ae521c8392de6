"""/api/v1/exports: the selected tables as JSON (the documented format), CSV or XLSX."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from jixiao.services import ExportFormat, export_selected, export_selected_workbook
from jixiao.web.auth import ApiUser
from jixiao.web.filters import Filter
from jixiao.web.settings import database_of

router = APIRouter(tags=["exports"])

MEDIA_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_response(
    request: Request,
    user: ApiUser,
    wanted: Filter,
    output_format: ExportFormat,
    name: str = "jixiao-tables",
) -> Response:
    database = database_of(request)
    if output_format is ExportFormat.XLSX:
        binary = io.BytesIO()
        export_selected_workbook(database, user, wanted, binary)
        body = binary.getvalue()
    else:
        text = io.StringIO()
        export_selected(database, user, wanted, output_format, text)
        body = text.getvalue().encode("utf-8")
    return Response(
        body,
        media_type=MEDIA_TYPES[output_format],
        headers={"Content-Disposition": f'attachment; filename="{name}.{output_format.value}"'},
    )


@router.get(
    "/exports",
    response_class=Response,
    responses={200: {"content": {media: {} for media in MEDIA_TYPES.values()}}},
)
def export(
    request: Request,
    user: ApiUser,
    wanted: Filter,
    output_format: Annotated[
        ExportFormat, Query(alias="format", description="json、csv 或 xlsx")
    ] = ExportFormat.JSON,
) -> Response:
    """导出所选的表（当前版本）：JSON（文档规定的格式）、CSV（每行一个指标）或 XLSX（官方版式）。"""
    return export_response(request, user, wanted, output_format)
