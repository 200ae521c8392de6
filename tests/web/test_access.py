"""Every route, walked as each role and as an anonymous visitor: the expected status.

A route added without an entry here fails the test, so that nobody adds a page or an
endpoint without deciding who may use it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from starlette.routing import Mount

ROLES = ("anonymous", "filler", "reviewer", "admin", "outsider")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "binhai-zuzhibu-2024.txt"


def statuses(
    anonymous: int, filler: int, reviewer: int, admin: int, outsider: int
) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, filler, reviewer, admin, outsider), strict=True))


PAGE = statuses(303, 200, 200, 200, 200)  # any signed-in user
# the table is in the filler's department; to others it is not found (nothing of it is named)
OWN_TABLE_PAGE = statuses(303, 200, 200, 200, 404)
EDIT_PAGE = statuses(303, 200, 403, 200, 404)
API = statuses(401, 200, 200, 200, 200)
OWN_TABLE_API = statuses(401, 200, 200, 200, 404)

EXPECTED: dict[tuple[str, str], dict[str, int]] = {
    ("GET", "/login"): statuses(200, 303, 303, 303, 303),
    ("POST", "/login"): statuses(403, 403, 403, 403, 403),  # no login form: CSRF fails
    ("POST", "/logout"): statuses(303, 303, 303, 303, 303),
    ("GET", "/"): PAGE,
    ("GET", "/tables"): PAGE,
    ("GET", "/findings"): PAGE,
    ("GET", "/tables/{table_id}"): OWN_TABLE_PAGE,
    ("GET", "/tables/{table_id}/indicators/{position}"): OWN_TABLE_PAGE,
    ("GET", "/tables/{table_id}/indicators/{position}/edit"): EDIT_PAGE,
    ("GET", "/tables/{table_id}/indicators/{position}/preview"): EDIT_PAGE,
    ("POST", "/tables/{table_id}/indicators/{position}"): statuses(303, 303, 403, 303, 404),
    ("POST", "/tables/{table_id}/comments"): statuses(303, 403, 303, 303, 404),
    ("GET", "/tables/{table_id}/evaluation"): OWN_TABLE_PAGE,
    ("GET", "/tables/{table_id}/download"): OWN_TABLE_PAGE,
    ("POST", "/tables/{table_id}/evaluation"): statuses(303, 303, 403, 303, 404),
    # walked before any execution is entered: the 自评表 cannot be computed yet (422)
    ("GET", "/tables/{table_id}/evaluation/download"): statuses(303, 422, 422, 422, 404),
    ("GET", "/upload"): statuses(303, 200, 403, 200, 200),
    ("POST", "/upload"): statuses(303, 200, 403, 200, 200),
    # the filler's upload job (made before the walk): its owner's and the admins'
    ("GET", "/upload/jobs/{job_id}"): statuses(303, 200, 404, 200, 404),
    ("GET", "/api/v1/jobs/{job_id}"): statuses(401, 200, 404, 200, 404),
    ("GET", "/tables/{table_id}/monitoring"): OWN_TABLE_PAGE,
    ("POST", "/tables/{table_id}/monitoring"): statuses(303, 303, 403, 303, 404),
    ("GET", "/account"): PAGE,
    ("POST", "/account/tokens"): PAGE,
    # walked without a form: nothing is revoked or changed, signed-in users get 422
    ("POST", "/account/tokens/revoke"): statuses(303, 422, 422, 422, 422),
    ("POST", "/account/password"): statuses(303, 422, 422, 422, 422),
    ("GET", "/users"): statuses(303, 403, 403, 200, 403),
    ("POST", "/users/active"): statuses(303, 403, 403, 422, 403),
    ("POST", "/users/tokens/revoke"): statuses(303, 403, 403, 422, 403),
    ("GET", "/download"): PAGE,
    ("GET", "/api/docs"): statuses(200, 200, 200, 200, 200),
    ("GET", "/api/v1/openapi.json"): statuses(200, 200, 200, 200, 200),
    ("GET", "/api/v1/me"): API,
    ("GET", "/api/v1/tables"): API,
    ("GET", "/api/v1/tables/{table_id}"): OWN_TABLE_API,
    ("GET", "/api/v1/tables/{table_id}/indicators"): OWN_TABLE_API,
    ("GET", "/api/v1/tables/{table_id}/findings"): OWN_TABLE_API,
    ("GET", "/api/v1/tables/{table_id}/history"): OWN_TABLE_API,
    ("PUT", "/api/v1/tables/{table_id}/indicators/{position}/target"): statuses(
        401, 200, 403, 200, 404
    ),
    ("GET", "/api/v1/tables/{table_id}/comments"): OWN_TABLE_API,
    ("POST", "/api/v1/tables/{table_id}/comments"): statuses(401, 403, 201, 201, 404),
    ("GET", "/api/v1/tables/{table_id}/evaluation"): OWN_TABLE_API,
    ("PUT", "/api/v1/tables/{table_id}/evaluation"): statuses(401, 200, 403, 200, 404),
    ("GET", "/api/v1/findings"): API,
    ("POST", "/api/v1/documents"): statuses(401, 200, 403, 200, 200),
    ("GET", "/api/v1/exports"): API,
    ("GET", "/api/v1/tables/{table_id}/workflow"): OWN_TABLE_API,
    # walked with an approval of the draft: fillers may not approve (403), reviewers and
    # admins may, but not a draft (409); nothing changes, so the other routes see a draft
    ("POST", "/api/v1/tables/{table_id}/workflow"): statuses(401, 403, 409, 409, 404),
    ("PUT", "/api/v1/tables/{table_id}/findings/{index}/decision"): statuses(
        401, 403, 409, 409, 404
    ),
    ("GET", "/api/v1/inbox"): API,
    ("GET", "/api/v1/tables/{table_id}/opinions"): OWN_TABLE_API,
    ("GET", "/api/v1/opinions"): API,
    # the pages' forms, walked like the API (an approval of the draft, a decision on it)
    ("POST", "/tables/{table_id}/workflow"): statuses(303, 403, 409, 409, 404),
    ("POST", "/tables/{table_id}/findings/{index}/decision"): statuses(303, 403, 409, 409, 404),
    ("GET", "/inbox"): PAGE,
    ("GET", "/monitoring"): PAGE,
    ("GET", "/evaluations"): PAGE,
    ("GET", "/opinions/download"): PAGE,
    ("GET", "/tables/{table_id}/opinions/download"): OWN_TABLE_PAGE,
}


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route, through the routers the app includes."""
    found = set()
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, Mount):  # /static: files, no access control
            continue
        assert context.path is not None
        for method in context.methods or ():
            if method != "HEAD":
                found.add((method, context.path))
    return found


def test_every_route_has_an_expectation(app: FastAPI) -> None:
    assert app_routes(app) == set(EXPECTED)


def request_arguments(method: str, path: str, revision: int) -> dict[str, Any]:
    """A valid request body (edits are based on the current revision, ``revision``)."""
    if path.endswith("/workflow") and method == "POST":
        key = "json" if path.startswith("/api/") else "data"
        return {key: {"action": "approve", "opinion": "同意"}}
    if path.endswith("/decision"):
        key = "json" if path.startswith("/api/") else "data"
        return {key: {"decision": "accepted"}}
    if path.endswith("/target"):
        return {"json": {"target": "≥99%", "based_on": revision}}
    if path.endswith("/comments"):
        key = "json" if path.startswith("/api/") else "data"
        return {key: {"body": "请补充满意度调查的方法。"}}
    if path.endswith("/evaluation") and method == "PUT":
        return {"json": {"executed": "27万元", "actuals": [{"position": 0, "value": "20人"}]}}
    if path.endswith("/monitoring") and method == "POST":
        return {"data": {"month": "6", "executed": "15万元", "actual-0": "50%"}}
    if path.endswith("/evaluation") and method == "POST":
        return {"data": {"executed": "27万元", "actual-0": "20人"}}
    if path.endswith("{position}") and method == "POST":
        return {"data": {"target": "=100%", "based_on": str(revision)}}
    if path in ("/upload", "/api/v1/documents"):
        return {"files": [("files", ("binhai.txt", EXAMPLE.read_bytes(), "text/plain"))]}
    if path == "/login":
        return {"data": {"name": "admin", "password": "x"}}
    if path.endswith("/preview"):
        return {"params": {"target": "=100%"}}
    return {}


@pytest.mark.parametrize("role", ROLES)
def test_every_route_as_every_role(
    role: str,
    app: FastAPI,
    client: TestClient,
    jobs_idle: Callable[[FastAPI], None],
    tokens: dict[str, str],
    login: Callable[[str], str],
    vl04_table: int,
    position_of: Callable[[int, str], int],
) -> None:
    position = position_of(vl04_table, "经费使用及时率")
    filler = {"Authorization": f"Bearer {tokens['filler']}", "Prefer": "respond-async"}
    upload = [("files", ("binhai.txt", EXAMPLE.read_bytes(), "text/plain"))]
    job_id = client.post("/api/v1/documents", headers=filler, files=upload).json()["id"]
    jobs_idle(app)
    headers = {}
    if role != "anonymous":
        headers["X-CSRF-Token"] = login(role)
    wrong = []
    for (method, template), expected in sorted(EXPECTED.items()):
        path = template.format(table_id=vl04_table, position=position, index=0, job_id=job_id)
        request_headers = dict(headers)
        if path.startswith("/api/v1/") and role != "anonymous":
            request_headers["Authorization"] = f"Bearer {tokens[role]}"
        if path.startswith("/api/v1/"):
            request_headers.pop("X-CSRF-Token", None)
        admin = {"Authorization": f"Bearer {tokens['admin']}"}
        revision = client.get(f"/api/v1/tables/{vl04_table}", headers=admin).json()["revision"]
        arguments = request_arguments(method, template, revision)
        response = client.request(method, path, headers=request_headers, **arguments)
        if response.status_code != expected[role]:
            wrong.append((method, template, expected[role], response.status_code))
        if template == "/logout" and role != "anonymous":
            headers["X-CSRF-Token"] = login(role)  # signed out: sign in again
    assert wrong == []


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/account/tokens"), ("POST", "/logout"), ("POST", "/upload")],
)
def test_unsafe_page_requests_need_the_csrf_token(
    client: TestClient, login: Callable[[str], str], method: str, path: str
) -> None:
    login("admin")
    missing = client.request(method, path, data={"label": "x"})
    assert missing.status_code == 403
    assert "CSRF" in missing.text
    forged = client.request(method, path, headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403


def test_api_ignores_session_cookies(client: TestClient, login: Callable[[str], str]) -> None:
    login("admin")
    assert client.get("/api/v1/tables").status_code == 401
