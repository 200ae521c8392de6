"""/api/v1/documents: upload documents (multipart), each read, reviewed and stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, Request, UploadFile

from jixiao.web.api.schemas import UploadResults
from jixiao.web.auth import ApiUser
from jixiao.web.settings import database_of
from jixiao.web.uploads import MAX_FILES, receive_uploads

router = APIRouter(tags=["documents"])


@router.post(
    "/documents",
    response_model=UploadResults,
    responses={413: {"description": "上传内容超过上限"}},
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
) -> UploadResults:
    """上传文件（txt、xlsx、xls、docx、pdf、html…）：逐个读取、审核、入库，返回每个文件的结果。"""
    return UploadResults(results=receive_uploads(database_of(request), user, files, year))
