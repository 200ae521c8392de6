"""The REST API under /api/v1: bearer tokens, one error envelope, OpenAPI."""

from fastapi import APIRouter

from jixiao.web.api import comments, documents, evaluations, exports, findings, tables
from jixiao.web.api.schemas import ErrorEnvelope

ERRORS = {
    status: {"model": ErrorEnvelope, "description": description}
    for status, description in (
        (401, "未登录：缺少或无效的 API 令牌"),
        (403, "无权访问"),
        (404, "未找到"),
        (422, "参数有误"),
    )
}

router = APIRouter(prefix="/api/v1", responses=ERRORS)  # type: ignore[arg-type]
router.include_router(tables.router)
router.include_router(findings.router)
router.include_router(documents.router)
router.include_router(exports.router)
router.include_router(evaluations.router)
router.include_router(comments.router)

__all__ = ["router"]
