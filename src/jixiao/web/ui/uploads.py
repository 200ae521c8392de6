"""The upload page: several files at once (drag and drop), a result for each file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from jixiao.web.auth import PageUser
from jixiao.web.settings import database_of, settings_of
from jixiao.web.ui.rendering import render
from jixiao.web.uploads import receive_uploads

router = APIRouter()


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, user: PageUser) -> HTMLResponse:
    user.require_upload()
    return render(request, "upload.html", {"limit_mb": settings_of(request).max_upload_mb})


@router.post("/upload", response_class=HTMLResponse)
def upload(
    request: Request,
    user: PageUser,
    files: Annotated[list[UploadFile], File()],
    year: Annotated[int | None, Form(ge=1990, le=2100)] = None,
) -> HTMLResponse:
    results = receive_uploads(database_of(request), user, files, year)
    template = "_upload_results.html" if "hx-request" in request.headers else "upload.html"
    return render(
        request, template, {"results": results, "limit_mb": settings_of(request).max_upload_mb}
    )
