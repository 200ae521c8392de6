"""The account page (API tokens), the users list (admins), downloads and the API docs page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from jixiao.services import ExportFormat, create_api_token, list_users
from jixiao.web.api.exports import export_response
from jixiao.web.auth import PageUser
from jixiao.web.filters import Filter
from jixiao.web.settings import database_of
from jixiao.web.ui.rendering import render

router = APIRouter()


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, user: PageUser) -> HTMLResponse:
    return render(request, "account.html")


@router.post("/account/tokens", response_class=HTMLResponse)
def new_token(
    request: Request, user: PageUser, label: Annotated[str, Form(max_length=200)] = ""
) -> HTMLResponse:
    token = create_api_token(database_of(request), user.name, label=label.strip() or None)
    return render(request, "account.html", {"token": token})


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, user: PageUser) -> HTMLResponse:
    return render(request, "users.html", {"users": list_users(database_of(request), user)})


@router.get("/download", response_class=Response)
def download(
    request: Request,
    user: PageUser,
    wanted: Filter,
    output_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.JSON,
) -> Response:
    """The tables the list shows (its filters), as JSON, CSV or XLSX."""
    return export_response(request, user, wanted, output_format)


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
