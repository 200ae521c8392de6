"""The account page (API tokens, password), the users list (admins: enable, disable),
downloads and the API docs page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.errors import InvalidRequest
from jixiao.services import (
    TOKEN_DAYS,
    ExportFormat,
    TableFilter,
    User,
    change_password,
    create_api_token,
    list_api_tokens,
    list_users,
    readable_table,
    revoke_api_token,
    set_user_active,
)
from jixiao.web.api.exports import export_response
from jixiao.web.auth import PageUser
from jixiao.web.filters import Filter
from jixiao.web.params import MAX_ID, TableId
from jixiao.web.settings import SESSION_COOKIE, database_of, settings_of
from jixiao.web.ui.rendering import render

router = APIRouter()


def account_context(request: Request, user: User, **extra: Any) -> dict[str, Any]:
    tokens = list_api_tokens(database_of(request), user.name)
    return {"tokens": tokens, "token_days": TOKEN_DAYS, **extra}


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, user: PageUser) -> HTMLResponse:
    return render(request, "account.html", account_context(request, user))


@router.post("/account/tokens", response_class=HTMLResponse)
def new_token(
    request: Request,
    user: PageUser,
    label: Annotated[str, Form(max_length=200)] = "",
    days: Annotated[int, Form(ge=1, le=3650)] = TOKEN_DAYS,
) -> HTMLResponse:
    token = create_api_token(
        database_of(request), user.name, label=label.strip() or None, days=days
    )
    return render(request, "account.html", account_context(request, user, token=token))


@router.post("/account/tokens/revoke", response_class=Response)
def revoke_token(
    request: Request, user: PageUser, token_id: Annotated[int, Form(ge=1, le=MAX_ID)]
) -> Response:
    """Revoke one of the user's own tokens (another user's is not found)."""
    revoke_api_token(database_of(request), token_id, owner=user.name)
    return RedirectResponse("/account", status_code=303)


@router.post("/account/password", response_class=Response)
def new_password(
    request: Request,
    user: PageUser,
    current: Annotated[str, Form(max_length=1000)],
    password: Annotated[str, Form(max_length=1000)],
    repeat: Annotated[str, Form(max_length=1000)],
) -> Response:
    """Change the user's own password; every session ends, this one too: sign in again."""
    if password != repeat:
        return render(
            request,
            "account.html",
            account_context(request, user, problem="两次输入的新密码不一致"),
            422,
        )
    change_password(database_of(request), user.name, password, current=current)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, secure=settings_of(request).secure_cookies, httponly=True, samesite="lax"
    )
    return response


def admin_user(user: PageUser) -> User:
    user.require_admin()
    return user


AdminUser = Annotated[User, Depends(admin_user)]


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, user: AdminUser) -> HTMLResponse:
    database = database_of(request)
    users = list_users(database, user)
    return render(request, "users.html", {"users": users, "tokens": list_api_tokens(database)})


@router.post("/users/tokens/revoke", response_class=Response)
def revoke_any_token(
    request: Request, user: AdminUser, token_id: Annotated[int, Form(ge=1, le=MAX_ID)]
) -> Response:
    """Revoke any user's API token (admins)."""
    revoke_api_token(database_of(request), token_id)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/active", response_class=Response)
def user_active(
    request: Request,
    user: AdminUser,
    name: Annotated[str, Form(max_length=200)],
    active: Annotated[bool, Form()],
) -> Response:
    """Enable or disable a user (not oneself: an admin cannot lock itself out)."""
    if name == user.name and not active:
        raise InvalidRequest("不能停用自己的账户")
    set_user_active(database_of(request), name, active)
    return RedirectResponse("/users", status_code=303)


@router.get("/download", response_class=Response)
def download(
    request: Request,
    user: PageUser,
    wanted: Filter,
    output_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.JSON,
) -> Response:
    """The tables the list shows (its filters), as JSON, CSV or XLSX."""
    return export_response(request, user, wanted, output_format)


@router.get("/tables/{table_id}/download", response_class=Response)
def download_table(
    request: Request,
    user: PageUser,
    table_id: TableId,
    output_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.XLSX,
) -> Response:
    """This one table (its current revision), as XLSX, JSON or CSV."""
    readable_table(database_of(request), user, table_id)
    wanted = TableFilter(table_id=table_id)
    return export_response(request, user, wanted, output_format, name=f"jixiao-table-{table_id}")


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI document (no outside scripts)."""
    schema: dict[str, Any] = request.app.openapi()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": operation.get("description", ""),
            "parameters": operation.get("parameters", []),
        }
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api_docs.html", {"operations": operations, "info": schema["info"]})
