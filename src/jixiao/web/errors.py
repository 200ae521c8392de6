"""The one place that maps errors to HTTP: typed exceptions in, a status and a body out.

API requests (``/api/…``) get the error envelope ``{"error": {"code", "message"}}`` with a
Chinese message, whatever went wrong (404, 405, 413, 422, 401, 403, 409, 500); pages get an
HTML error page, and a visitor who is not signed in is sent to the login page.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from jixiao.errors import (
    Ambiguous,
    ConfigError,
    EntryRefused,
    EvaluationError,
    IngestError,
    InvalidRequest,
    InvalidTransition,
    JixiaoError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ProfileError,
    StaleRevision,
    StoreError,
    TooManyAttempts,
)

logger = logging.getLogger("jixiao.web")


class RequestTooLarge(JixiaoError):
    """The request body is over the upload limit (raised while it is being received)."""

    code = "REQ413"

    def __init__(self, limit_mb: float) -> None:
        super().__init__(f"上传内容过大（上限 {limit_mb:g} MB），请分批上传")


class CsrfFailed(JixiaoError):
    code = "AUT003"

    def __init__(self) -> None:
        super().__init__("表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")


STATUS: Final[Sequence[tuple[type[JixiaoError], int]]] = (
    (NotAuthenticated, 401),
    (PermissionDenied, 403),
    (CsrfFailed, 403),
    (NotFound, 404),
    (StaleRevision, 409),
    (InvalidTransition, 409),
    (Ambiguous, 409),
    (EntryRefused, 409),  # a well-formed value the table's indicator cannot have
    (RequestTooLarge, 413),
    (TooManyAttempts, 429),
    (InvalidRequest, 422),
    (IngestError, 422),
    (EvaluationError, 422),  # a value that cannot be scored (score outside its band …)
    (StoreError, 503),
    (ProfileError, 422),  # an unknown scoring profile asked for
    (ConfigError, 500),
)

HTTP_MESSAGES: Final = {
    400: ("bad_request", "请求格式错误（请求体无法解析）"),
    401: ("not_authenticated", "请先登录"),
    403: ("forbidden", "没有权限执行此操作"),
    404: ("not_found", "未找到请求的地址"),
    405: ("method_not_allowed", "不支持此请求方法"),
    413: ("too_large", "上传内容过大"),
    422: ("invalid", "请求参数有误"),
    429: ("too_many_requests", "请求过于频繁，请稍后再试"),
}


def status_of(error: JixiaoError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 500


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def envelope(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


METHODS: Final = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> str:
    """Every method the request's path takes, over all routes: Starlette names only those of
    the first route whose path matched (GET /x is left out when PUT /x was matched first)."""
    from starlette.routing import Match

    allowed = []
    for method in METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The envelope for the API; for pages, the login page or an HTML error page."""
    extra = dict(headers or {})
    if status == 405:
        extra["Allow"] = allowed_methods(request) or extra.get("Allow", "")
    if is_api(request):
        if status == 401:
            extra["WWW-Authenticate"] = "Bearer"
        return envelope(status, code, message, **extra)
    if status == 401:
        target = "/login"
        if request.method == "GET" and "hx-request" not in request.headers:
            target += f"?next={request.url.path}"
        if "hx-request" in request.headers:
            return Response(status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    from jixiao.web.ui.rendering import render_error  # pages import the app's templates

    response = render_error(request, status, code, message)
    response.headers.update(extra)
    return response


def field_errors(errors: Sequence[Any]) -> str:
    parts = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        parts.append(f"{where or '请求'}：{error.get('msg', '无效')}")
    return "请求参数有误（" + "；".join(parts[:5]) + "）"


def install_error_handlers(app: FastAPI) -> None:
    async def jixiao_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, JixiaoError)
        status = status_of(error)
        if status == 500:
            logger.error("request failed: %s", error.message)
        response = error_response(request, status, error.code, error.message)
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        return response

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if isinstance(error.__cause__, JixiaoError):  # raised while the body was parsed
            return await jixiao_error(request, error.__cause__)
        code, message = HTTP_MESSAGES.get(error.status_code, ("http_error", "请求失败"))
        if isinstance(error.detail, str) and any("\u4e00" <= ch <= "\u9fff" for ch in error.detail):
            message = error.detail
        return error_response(request, error.status_code, code, message, error.headers)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return error_response(request, 422, "invalid", field_errors(error.errors()))

    async def server_error(request: Request, error: Exception) -> Response:
        logger.exception("unexpected error", exc_info=error)
        return error_response(request, 500, "internal", "服务器内部错误，请稍后重试或联系管理员")

    app.add_exception_handler(JixiaoError, jixiao_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)
