"""The REST API under /api/v1: bearer tokens, one error envelope, OpenAPI."""

from fastapi import APIRouter

from jixiao.web.api import (
    comments,
    documents,
    evaluations,
    exports,
    findings,
    tables,
    workflow,
)
from jixiao.web.api.schemas import ErrorEnvelope

ERRORS = {
    status: {"model": ErrorEnvelope, "description": description}
    for status, description in (
        (400, "请求体无法解析（如损坏的 multipart 表单）"),
        (401, "未登录：缺少或无效的 API 令牌"),
        (403, "无权访问"),
        (404, "未找到（编号在范围内但不存在）"),
        (413, "请求体超过上传上限"),
        (422, "参数有误：格式、范围（编号 1–2^31−1）、控制字符、损坏的 JSON 请求体"),
        (500, "服务器内部错误（程序错误，已记入日志）"),
        (503, "数据库暂时不可用"),
    )
}

router = APIRouter(prefix="/api/v1", responses=ERRORS)  # type: ignore[arg-type]
router.include_router(tables.router)
router.include_router(findings.router)
router.include_router(documents.router)
router.include_router(exports.router)
router.include_router(evaluations.router)
router.include_router(comments.router)
router.include_router(workflow.router)

__all__ = ["router"]
