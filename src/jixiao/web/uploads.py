"""Uploaded files in, an upload job out: shared by the upload page and the API.

Every upload is imported in the background (:class:`jixiao.services.JobRunner`). The request
waits for its job up to ``Settings.upload_wait`` seconds: a job done by then is answered with
its results as before; a longer one with its status (202 and the status URL for the API, a
progress display that polls for the page). A client may ask not to wait at all with the
header ``Prefer: respond-async`` (RFC 7240).
"""

from __future__ import annotations

import re
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as WaitedEnough
from contextlib import suppress

from fastapi import Request, UploadFile

from jixiao.errors import InvalidRequest
from jixiao.services import Upload, UploadJob, User, upload_job, upload_name
from jixiao.web.settings import database_of, jobs_of, settings_of

MAX_FILES = 50
RESPOND_ASYNC = "respond-async"


def start_upload(
    request: Request, user: User, files: list[UploadFile], year: int | None
) -> UploadJob:
    """Start importing the files sent; the job once it is done or the wait is over."""
    user.require_upload()
    sent = [file for file in files if file.filename or file.size]
    if not sent:
        raise InvalidRequest("请选择要上传的文件")
    if len(sent) > MAX_FILES:
        raise InvalidRequest(f"一次最多上传 {MAX_FILES} 个文件")
    uploads = [Upload(upload_name(file.filename or ""), file.file.read()) for file in sent]
    job_id, running = jobs_of(request).submit(user, uploads, year)
    wait = 0.0 if asks_not_to_wait(request) else settings_of(request).upload_wait
    with suppress(WaitedEnough, CancelledError):  # not done: answered with its status
        running.result(timeout=wait)
    return upload_job(database_of(request), user, job_id)


def asks_not_to_wait(request: Request) -> bool:
    """``Prefer: respond-async``: answer with the job's status at once."""
    preferences = request.headers.get("prefer", "")
    return any(
        part.split("=")[0].strip().lower() == RESPOND_ASYNC
        for part in re.split(r"[,;]", preferences)
    )
