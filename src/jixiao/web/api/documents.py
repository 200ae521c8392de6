"""/api/v1/documents: upload documents (multipart), each read, reviewed and stored in the
background; /api/v1/jobs/{id}: how far an upload has got, and its per-file results."""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, File, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from jixiao.services import UploadJob, upload_job
from jixiao.web.api.schemas import UploadResults
from jixiao.web.auth import ApiUser
from jixiao.web.params import JobId
from jixiao.web.settings import database_of
from jixiao.web.uploads import MAX_FILES, RESPOND_ASYNC, asks_not_to_wait, start_upload

router = APIRouter(tags=["documents"])

POLL_SECONDS: Final = 1
LOCATION: Final[dict[str, Any]] = {
    "Location": {
        "description": "上传任务的状态地址 /api/v1/jobs/{id}",
        "schema": {"type": "string"},
    }
}
RETRY_AFTER: Final[dict[str, Any]] = {
    "Retry-After": {
        "description": "任务尚未结束时：建议多少秒后再查询",
        "schema": {"type": "integer"},
    }
}


def job_url(job: UploadJob) -> str:
    return f"/api/v1/jobs/{job.id}"


@router.post(
    "/documents",
    response_model=UploadResults,
    responses={
        202: {
            "model": UploadJob,
            "description": "处理时间较长（或请求头 Prefer: respond-async）：已转为后台任务，"
            "Location 为其状态地址",
            "headers": LOCATION,
        },
        413: {"description": "上传内容超过上限"},
    },
)
def upload_documents(
    request: Request,
    user: ApiUser,
    files: Annotated[
        list[UploadFile],
        File(
            min_length=1,
            max_length=MAX_FILES,
            description=f"一个或多个文件（字段名 files，至多 {MAX_FILES} 个）",
        ),
    ],
    year: Annotated[int | None, Query(ge=1990, le=2100, description="表内未写明时的年度")] = None,
) -> Any:
    """上传文件（txt、xlsx、xls、docx、pdf、html…）：逐个读取、审核、入库。

    在后台处理：几秒内处理完时返回 200 和每个文件的结果；否则返回 202、任务状态和
    Location（/api/v1/jobs/{id}），按其查询进度与结果。请求头 `Prefer: respond-async`
    表示不等待，立即返回 202。同一用户同时至多 3 个未完成的上传（否则 422）。
    """
    job = start_upload(request, user, files, year)
    if job.complete:
        return UploadResults(results=job.results)
    headers = {"Location": job_url(job)}
    if asks_not_to_wait(request):
        headers["Preference-Applied"] = RESPOND_ASYNC
    return JSONResponse(job.model_dump(mode="json"), status_code=202, headers=headers)


@router.get(
    "/jobs/{job_id}",
    response_model=UploadJob,
    responses={200: {"headers": RETRY_AFTER}},
)
def get_job(job_id: JobId, user: ApiUser, request: Request, response: Response) -> UploadJob:
    """上传任务的状态（排队中、处理中、已完成、已中断）、进度和已处理文件的结果。

    只有上传者本人和管理员可以查看（其他人得到 404）。服务重启时未完成的任务标为已中断，
    并说明哪些文件已处理完毕。
    """
    job = upload_job(database_of(request), user, job_id)
    if not job.finished:
        response.headers["Retry-After"] = str(POLL_SECONDS)
    return job
