"""The security findings of issue 16, each tried the hostile way, on SQLite and PostgreSQL.

Table takeover: a filler of department A uploads a file whose header prints department B's
name (beside A's code, or B's code beside A's name); before the fix the upload became a new
revision of B's table (or a new table in B's view) and A could read and edit it from then on.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url

from jixiao.services import add_user, connect_store, create_api_token
from jixiao.web import create_app

from .conftest import DEPARTMENT, EXAMPLE, prepare_database

POSTGRES = os.environ.get("JIXIAO_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")
HEADER = "503101 " + DEPARTMENT  # the example's department line: code, then name
ATTACKER_CODE = "888888"


def postgres_admin_dsn() -> str:
    url = make_url(POSTGRES).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database on each backend (the example imported by admin, the usual users)."""
    if request.param == "sqlite":
        yield str(tmp_path / "jixiao.db")
        return
    name = f"jixiao_sec_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        psycopg.connect(postgres_admin_dsn(), autocommit=True, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES} ({error})", pytrace=False)
    yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(postgres_admin_dsn(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server(store_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    tokens = prepare_database(store_url)
    database = connect_store(store_url)
    try:
        add_user(database, "attacker", "correct-horse-battery", "filler", [ATTACKER_CODE])
        tokens["attacker"] = create_api_token(database, "attacker")
    finally:
        database.close()
    with TestClient(create_app(store_url), follow_redirects=False) as client:
        yield client, tokens


def call(
    server: tuple[TestClient, dict[str, str]], user: str, method: str, path: str, **kwargs: Any
) -> Any:
    client, tokens = server
    headers = {"Authorization": f"Bearer {tokens[user]}"}
    return client.request(method, path, headers=headers, **kwargs)


def upload(server: tuple[TestClient, dict[str, str]], user: str, text: str) -> dict[str, Any]:
    files = [("files", ("hostile.txt", text.encode(), "text/plain"))]
    response = call(server, user, "POST", "/api/v1/documents", files=files)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["results"][0]
    return result


def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8").replace("≥16 个", "≥17 个")  # new content


def tables_of(server: tuple[TestClient, dict[str, str]], user: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = call(server, user, "GET", "/api/v1/tables").json()["tables"]
    return found


def test_a_filler_cannot_take_over_another_departments_table(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    before = {t["id"]: (t["revision"], t["department_code"]) for t in tables_of(server, "admin")}
    hostile = example().replace(HEADER, f"{ATTACKER_CODE} {DEPARTMENT}")  # B's name, A's code
    result = upload(server, "attacker", hostile)
    assert not result["ok"], result
    assert result["error"]["code"] == "AUT002"
    assert "与其他部门已有的表同名" in result["error"]["message"]
    assert "整份文件未导入" in result["error"]["message"]
    after = {t["id"]: (t["revision"], t["department_code"]) for t in tables_of(server, "admin")}
    assert after == before
    assert tables_of(server, "attacker") == []
    for table_id in before:
        assert call(server, "attacker", "GET", f"/api/v1/tables/{table_id}").status_code in (
            403,
            404,
        )


@pytest.mark.parametrize(
    ("user", "header"),
    [
        ("attacker", f"{ATTACKER_CODE} {DEPARTMENT}"),  # B's name beside A's code
        ("outsider", "503101 某某区财政局"),  # B's code beside A's name
    ],
)
def test_a_filler_cannot_plant_a_table_in_another_department(
    server: tuple[TestClient, dict[str, str]], user: str, header: str
) -> None:
    hostile = example().replace(HEADER, header).replace("专项经费", "专项资金")  # new projects
    result = upload(server, user, hostile)
    assert not result["ok"], result
    assert "属于其他部门" in result["error"]["message"], result
    admin_view = tables_of(server, "admin")
    assert not [t for t in admin_view if "专项资金" in (t["project"] or "")]


def test_a_filler_may_bring_in_its_own_departments_tables(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    own = example().replace(HEADER, f"{ATTACKER_CODE} 滨海新区某新设部门")  # unknown name
    result = upload(server, "attacker", own)
    assert result["ok"], result
    assert {t["status"] for t in result["tables"]} == {"new"}
    mine = tables_of(server, "attacker")
    assert len(mine) == len(result["tables"])
    revised = upload(server, "attacker", own.replace("≥17 个", "≥18 个"))
    assert revised["ok"], revised
    assert "revised" in {t["status"] for t in revised["tables"]}
    legit = upload(server, "filler", example())  # B's own filler revises B's table
    assert legit["ok"], legit
    assert "revised" in {t["status"] for t in legit["tables"]}
