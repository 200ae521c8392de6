"""A smoke test of the web app on PostgreSQL: the same requests as on SQLite work."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url

from jixiao.services import add_user, connect_store, create_api_token
from jixiao.web import create_app

POSTGRES = os.environ.get("JIXIAO_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")


def admin_dsn() -> str:
    url = make_url(POSTGRES).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    name = f"jixiao_web_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        psycopg.connect(admin_dsn(), autocommit=True, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES} ({error})", pytrace=False)
    yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_api_on_postgresql(postgres_url: str) -> None:
    database = connect_store(postgres_url)
    add_user(database, "filler", "correct-horse-battery", "filler", ["503101"])
    token = create_api_token(database, "filler")
    database.close()
    example = os.path.join(os.path.dirname(__file__), "..", "..", "examples")
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(postgres_url, upload_wait=None)) as client:
        with open(os.path.join(example, "binhai-zuzhibu-2024.txt"), "rb") as stream:
            uploaded = client.post(
                "/api/v1/documents", headers=headers, files=[("files", ("a.txt", stream.read()))]
            ).json()["results"][0]
        assert uploaded["ok"], uploaded
        found = client.get("/api/v1/findings", headers=headers, params={"code": "VL04"}).json()
        assert found["total"] == 1
        table_id = found["findings"][0]["table_id"]
        indicators = client.get(f"/api/v1/tables/{table_id}/indicators", headers=headers).json()
        position = next(
            i["position"]
            for i in indicators["indicators"]
            if i["indicator"]["name"] == "经费使用及时率"
        )
        url = f"/api/v1/tables/{table_id}/indicators/{position}/target"
        edit = {"target": "=100%", "based_on": 1}
        assert client.put(url, headers=headers, json=edit).json()["revision"] == 2
        assert client.put(url, headers=headers, json=edit).status_code == 409
        assert (
            client.get("/api/v1/tables", headers=headers, params={"q": "及时率"}).json()["total"]
            >= 1
        )


def test_the_review_workflow_on_postgresql(postgres_url: str) -> None:
    """States move by a conditional write on PostgreSQL too: a second submit is 409."""
    database = connect_store(postgres_url)
    add_user(database, "filler", "correct-horse-battery", "filler", ["503101"])
    add_user(database, "reviewer", "correct-horse-battery", "reviewer", ["503101"])
    tokens = {name: create_api_token(database, name) for name in ("filler", "reviewer")}
    database.close()
    example = os.path.join(os.path.dirname(__file__), "..", "..", "examples")

    def headers(name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[name]}"}

    with TestClient(create_app(postgres_url, upload_wait=None)) as client:
        with open(os.path.join(example, "binhai-zuzhibu-2024.txt"), "rb") as stream:
            client.post(
                "/api/v1/documents",
                headers=headers("filler"),
                files=[("files", ("a.txt", stream.read()))],
            )
        table_id = client.get("/api/v1/tables", headers=headers("filler")).json()["tables"][0]["id"]
        url = f"/api/v1/tables/{table_id}/workflow"
        submit = {"action": "submit"}
        assert client.post(url, headers=headers("filler"), json=submit).status_code == 200
        assert client.post(url, headers=headers("filler"), json=submit).status_code == 409
        decision = f"/api/v1/tables/{table_id}/findings/0/decision"
        body = {"decision": "accepted", "reason": "请修改"}
        assert client.put(decision, headers=headers("reviewer"), json=body).status_code == 200
        assert client.put(decision, headers=headers("reviewer"), json=body).status_code == 200
        approve = {"action": "approve", "opinion": "同意"}
        done = client.post(url, headers=headers("reviewer"), json=approve).json()
        assert done["state"] == "approved"
        assert [s["to_state"] for s in done["steps"]] == ["submitted", "approved"]
        assert done["findings"][0]["reason"] == "请修改"
