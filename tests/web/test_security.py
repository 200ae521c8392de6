"""The security findings of issue 16, each tried the hostile way, on SQLite and PostgreSQL.

Table takeover: a filler of department A uploads a file whose header prints department B's
name (beside A's code, or B's code beside A's name); before the fix the upload became a new
revision of B's table (or a new table in B's view) and A could read and edit it from then on.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import make_url, text

from jixiao.services import (
    Role,
    Upload,
    User,
    add_user,
    connect_store,
    create_api_token,
    import_files,
    list_api_tokens,
    save_self_evaluation,
    self_evaluation_file,
)
from jixiao.services.users import ACCOUNT_LIMIT, ADDRESS_LIMIT, LOCKOUT
from jixiao.web import create_app

from .conftest import DEPARTMENT, EXAMPLE, PASSWORD, PROJECT_WITH_VL04, prepare_database

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
    with TestClient(create_app(store_url, upload_wait=None), follow_redirects=False) as client:
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
    assert "不属于您部门" in result["error"]["message"]
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
    assert "不属于您部门" in result["error"]["message"], result
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


def sign_in(client: TestClient, name: str, password: str) -> Any:
    """One try of the login form (a fresh form, so its CSRF cookie is right)."""
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    data = {"name": name, "password": password, "csrf_token": token.group(1)}
    return client.post("/login", data=data)


def page_csrf(client: TestClient) -> str:
    found = re.search(r'"X-CSRF-Token": "([^"]+)"', client.get("/").text)
    assert found
    return found.group(1)


def set_all(store_url: str, statement: str) -> None:
    database = connect_store(store_url)
    try:
        with database.engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        database.close()


def test_sign_in_is_throttled_per_account_then_locked(
    server: tuple[TestClient, dict[str, str]], store_url: str
) -> None:
    client, _ = server
    for _ in range(ACCOUNT_LIMIT):
        assert sign_in(client, "filler", "wrong-password").status_code == 401
    locked = sign_in(client, "filler", PASSWORD)  # the right password, during the lockout
    assert locked.status_code == 429, locked.text
    assert 0 < int(locked.headers["Retry-After"]) <= LOCKOUT.total_seconds() + 1
    assert "登录失败次数过多" in locked.text
    assert "jixiao_session" not in locked.headers.get("set-cookie", "")
    admin = TestClient(client.app, follow_redirects=False)
    assert sign_in(admin, "admin", PASSWORD).status_code == 303  # other accounts go on
    set_all(store_url, "UPDATE login_failures SET locked_until = first_at")  # the lockout ends
    assert sign_in(client, "filler", PASSWORD).status_code == 303


def test_sign_in_is_throttled_per_client_address(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    client, _ = server
    for number in range(ADDRESS_LIMIT):  # a different name each time: no account is locked
        assert sign_in(client, f"guess-{number}", "wrong-password").status_code == 401
    locked = sign_in(client, "admin", PASSWORD)
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0


def test_expired_and_revoked_tokens_are_refused(
    server: tuple[TestClient, dict[str, str]], store_url: str
) -> None:
    client, _ = server
    assert call(server, "filler", "GET", "/api/v1/me").status_code == 200
    set_all(store_url, "UPDATE api_tokens SET expires_at = created_at")
    expired = call(server, "filler", "GET", "/api/v1/me")
    assert expired.status_code == 401
    assert "过期" in expired.json()["error"]["message"]
    assert sign_in(client, "filler", PASSWORD).status_code == 303
    csrf = page_csrf(client)
    made = client.post("/account/tokens", data={"csrf_token": csrf, "label": "报表", "days": "7"})
    secret = re.search(r'id="new-token">([^<]+)<', made.text)
    assert secret
    headers = {"Authorization": f"Bearer {secret.group(1)}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    listed = client.get("/account").text
    assert "报表" in listed
    assert secret.group(1) not in listed  # shown once, never listed
    ids = re.findall(r'name="token_id" value="(\d+)"', listed)
    assert len(ids) == 2  # the expired one from the fixture and the new one
    others = re.findall(r'name="token_id" value="(\d+)"', listed)
    admin_token = call(server, "admin", "GET", "/api/v1/me")
    assert admin_token.status_code == 401  # expired too (every token was set to expire)
    for token_id in ids:
        revoked = client.post(
            "/account/tokens/revoke", data={"csrf_token": csrf, "token_id": token_id}
        )
        assert revoked.status_code == 303
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    assert others  # someone else's token is not found, and stays
    database = connect_store(store_url)
    try:
        admins = list_api_tokens(database, "admin")
    finally:
        database.close()
    stranger = client.post(
        "/account/tokens/revoke", data={"csrf_token": csrf, "token_id": str(admins[0].id)}
    )
    assert stranger.status_code == 404
    database = connect_store(store_url)
    try:
        assert len(list_api_tokens(database, "admin")) == 1
    finally:
        database.close()


def test_a_disabled_user_is_out_at_once(server: tuple[TestClient, dict[str, str]]) -> None:
    client, _ = server
    filler = TestClient(client.app, follow_redirects=False)
    assert sign_in(filler, "filler", PASSWORD).status_code == 303
    assert filler.get("/").status_code == 200
    assert sign_in(client, "admin", PASSWORD).status_code == 303
    csrf = page_csrf(client)
    for name in ("filler", "admin"):
        form = {"csrf_token": csrf, "name": name, "active": "false"}
        answer = client.post("/users/active", data=form)
        assert answer.status_code == (303 if name == "filler" else 422), answer.text
    assert filler.get("/").status_code == 303  # its session ended
    assert call(server, "filler", "GET", "/api/v1/me").status_code == 401
    assert sign_in(filler, "filler", PASSWORD).status_code == 401
    assert "已停用" in client.get("/users").text
    form = {"csrf_token": csrf, "name": "filler", "active": "true"}
    assert client.post("/users/active", data=form).status_code == 303
    assert call(server, "filler", "GET", "/api/v1/me").status_code == 200
    assert sign_in(filler, "filler", PASSWORD).status_code == 303


def test_a_user_changes_its_own_password(server: tuple[TestClient, dict[str, str]]) -> None:
    client, _ = server
    other = TestClient(client.app, follow_redirects=False)
    assert sign_in(other, "filler", PASSWORD).status_code == 303
    assert sign_in(client, "filler", PASSWORD).status_code == 303
    csrf = page_csrf(client)
    form = {"csrf_token": csrf, "current": "wrong-password", "password": "new-password-1"}
    wrong = client.post("/account/password", data={**form, "repeat": "new-password-1"})
    assert wrong.status_code == 422
    assert "当前密码不正确" in wrong.text
    form["current"] = PASSWORD
    assert client.post("/account/password", data={**form, "repeat": "other"}).status_code == 422
    changed = client.post("/account/password", data={**form, "repeat": "new-password-1"})
    assert changed.status_code == 303
    assert changed.headers["location"] == "/login"
    assert client.get("/").status_code == 303  # every session ended, this one too
    assert other.get("/").status_code == 303
    assert sign_in(client, "filler", PASSWORD).status_code == 401
    assert sign_in(client, "filler", "new-password-1").status_code == 303


def test_every_cookie_is_secure_when_configured(tmp_path: Path) -> None:
    url = str(tmp_path / "jixiao.db")
    prepare_database(url, with_example=False)
    app = create_app(url, secure_cookies=True)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        answers = [client.get("/login"), sign_in(client, "admin", "wrong-password")]
        answers.append(sign_in(client, "admin", PASSWORD))
        answers.append(client.post("/logout", data={"csrf_token": page_csrf(client)}))
    cookies = [c for answer in answers for c in answer.headers.get_list("set-cookie")]
    assert answers[1].status_code == 401
    assert len(cookies) >= 5
    for cookie in cookies:
        assert "; secure" in cookie.lower(), cookie
        assert "httponly" in cookie.lower(), cookie


def test_tables_of_other_departments_are_not_found_and_named_nowhere(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    """Walking the ids as an outsider: every answer is the one for an id that does not exist."""
    tables = tables_of(server, "admin")
    projects = [t["project"] for t in tables if t["project"]]
    client, _ = server
    assert sign_in(client, "outsider", PASSWORD).status_code == 303
    missing = 10**6
    for table_id in [*(t["id"] for t in tables), missing]:
        for path in (f"/tables/{table_id}", f"/tables/{table_id}/evaluation"):
            page = client.get(path)
            assert page.status_code == 404
            absent = client.get(path.replace(str(table_id), str(missing)))
            assert page.text.replace(f"编号为 {table_id} ", "编号为 N ") == absent.text.replace(
                f"编号为 {missing} ", "编号为 N "
            )
        answer = call(server, "outsider", "GET", f"/api/v1/tables/{table_id}")
        assert answer.status_code == 404
        assert answer.json()["error"]["code"] == "STO004"
        body = answer.text + page.text
        assert not [project for project in projects if project in body]
        assert DEPARTMENT not in body


def test_every_answer_carries_the_security_headers(
    client: TestClient, login: Callable[[str], str], api: Callable[..., Any]
) -> None:
    answers = {
        "login": client.get("/login"),
        "static": client.get("/static/app.css"),
        "api-401": client.get("/api/v1/tables"),
        "api": api("GET", "/api/v1/tables"),
        "api-404": api("GET", "/api/v1/tables/99999"),
    }
    login("filler")
    answers["page"] = client.get("/")
    answers["page-404"] = client.get("/nowhere")
    answers["download"] = client.get("/download", params={"format": "csv"})
    for name, answer in answers.items():
        headers = answer.headers
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy, name
        assert "script-src 'self'" in policy, name
        assert "unsafe-inline" not in policy, name
        assert headers["x-content-type-options"] == "nosniff", name
        assert headers["referrer-policy"] == "same-origin", name
        assert headers["x-frame-options"] == "DENY", name
        if name != "static":
            assert headers["cache-control"] == "no-store", name


def test_a_server_error_carries_the_security_headers(database_path: Path) -> None:
    app = create_app(str(database_path))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/boom")
    assert answer.status_code == 500
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["cache-control"] == "no-store"


def test_the_pages_have_no_inline_script_style_or_handler() -> None:
    """What the Content-Security-Policy forbids is not in any template."""
    templates = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "web" / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text("utf-8")
        for script in re.findall(r"<script([^>]*)>", text):
            assert "src=" in script or 'type="application/json"' in script, template.name
        assert "<style" not in text, template.name
        assert not re.search(r"\sstyle=", text), template.name
        assert not re.search(r"\son[a-z]+=", text), template.name
        assert "hx-on" not in text, template.name


def test_a_filled_self_evaluation_feeds_only_tables_the_filler_may_edit(
    store_url: str, tmp_path: Path
) -> None:
    """A table stored without a department (admins only see it) is not fed by a filler's 自评表
    naming the same project under the filler's own department."""
    tokens = prepare_database(store_url, with_example=False)
    database = connect_store(store_url)
    admin = User(1, "admin", Role.ADMIN)
    try:
        text = EXAMPLE.read_text("utf-8").replace(HEADER, "")  # no department printed
        (stored,) = import_files(database, [Upload("plain.txt", text.encode())], user=admin)
        assert stored.result is not None, stored.error
        table_id = next(t.table_id for t in stored.result.tables if t.project == PROJECT_WITH_VL04)
        save_self_evaluation(database, admin, table_id, [], executed="27万元")
        workbook_path = self_evaluation_file(database, admin, table_id, tmp_path / "self.xlsx")
    finally:
        database.close()
    workbook = load_workbook(workbook_path)
    sheet = workbook.active
    assert sheet is not None
    assert (sheet["A5"].value, sheet["D6"].value, sheet["D7"].value) == (
        "主管部门及代码",
        "全年执行数",
        270000,
    )
    sheet["B5"] = "某某区财政局"  # the outsider's own department
    sheet["D7"] = 100000
    hostile = tmp_path / "hostile.xlsx"
    workbook.save(hostile)
    with TestClient(create_app(store_url, upload_wait=None)) as client:
        headers = {"Authorization": f"Bearer {tokens['outsider']}"}
        files = [("files", ("self.xlsx", hostile.read_bytes()))]
        result = client.post("/api/v1/documents", headers=headers, files=files).json()
        assert result["results"][0]["ok"], result  # the 自评表 itself is the outsider's
        admin_headers = {"Authorization": f"Bearer {tokens['admin']}"}
        evaluation = client.get(f"/api/v1/tables/{table_id}/evaluation", headers=admin_headers)
    assert evaluation.status_code == 200, evaluation.text
    assert evaluation.json()["evaluation"]["execution"]["executed"] == 270000


def test_an_admin_revokes_anyones_token_and_others_cannot(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    client, _ = server
    filler = TestClient(client.app, follow_redirects=False)
    assert sign_in(filler, "filler", PASSWORD).status_code == 303
    assert sign_in(client, "admin", PASSWORD).status_code == 303
    listed = client.get("/users").text
    rows = re.findall(r"<tr><td>(\d+)</td><td>([^<]+)</td>", listed)
    token_of = {user: token_id for token_id, user in rows}
    assert set(token_of) >= {"admin", "filler", "reviewer"}
    for secret in server[1].values():
        assert secret not in listed
    form = {"csrf_token": page_csrf(filler), "token_id": token_of["reviewer"]}
    assert filler.post("/users/tokens/revoke", data=form).status_code == 403
    assert call(server, "reviewer", "GET", "/api/v1/me").status_code == 200
    form = {"csrf_token": page_csrf(client), "token_id": token_of["filler"]}
    assert client.post("/users/tokens/revoke", data=form).status_code == 303
    assert call(server, "filler", "GET", "/api/v1/me").status_code == 401
    assert call(server, "reviewer", "GET", "/api/v1/me").status_code == 200


def test_an_absurd_token_id_is_refused_not_a_server_error(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    """Ids beyond PostgreSQL's 32-bit integers are a 422, on both revoke forms."""
    client, _ = server
    assert sign_in(client, "admin", PASSWORD).status_code == 303
    for path in ("/account/tokens/revoke", "/users/tokens/revoke"):
        for token_id in (2**31, 2**62, 10**30):
            form = {"csrf_token": page_csrf(client), "token_id": str(token_id)}
            assert client.post(path, data=form).status_code == 422, (path, token_id)


def test_guessing_the_current_password_on_the_account_page_is_throttled(
    server: tuple[TestClient, dict[str, str]],
) -> None:
    """A stolen session cannot try passwords faster than the login form allows."""
    client, _ = server
    assert sign_in(client, "filler", PASSWORD).status_code == 303
    csrf = page_csrf(client)
    form = {"csrf_token": csrf, "password": "new-password-1", "repeat": "new-password-1"}
    for number in range(ACCOUNT_LIMIT):
        guess = client.post("/account/password", data={**form, "current": f"guess-{number}"})
        assert guess.status_code == 422
    locked = client.post("/account/password", data={**form, "current": PASSWORD})
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    assert "登录失败次数过多" in locked.text
    other = TestClient(client.app, follow_redirects=False)
    assert sign_in(other, "filler", PASSWORD).status_code == 429  # the account is locked
