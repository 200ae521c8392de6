"""The upload page: several files at once (drag and drop), imported in the background, with
a progress display while the job runs and a result for each file when it is done."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from jixiao.services import UploadJob, upload_job
from jixiao.web.auth import PageUser
from jixiao.web.params import JobId
from jixiao.web.settings import database_of, settings_of
from jixiao.web.ui.rendering import render
from jixiao.web.uploads import start_upload

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
    return render_job(request, start_upload(request, user, files, year))


@router.get("/upload/jobs/{job_id}", response_class=HTMLResponse)
def upload_job_page(request: Request, user: PageUser, job_id: JobId) -> HTMLResponse:
    """The job's progress (polled by htmx while it runs) or its results."""
    return render_job(request, upload_job(database_of(request), user, job_id))


def render_job(request: Request, job: UploadJob) -> HTMLResponse:
    template = "_upload_job.html" if "hx-request" in request.headers else "upload.html"
    return render(request, template, {"job": job, "limit_mb": settings_of(request).max_upload_mb})
