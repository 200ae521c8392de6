"""The pages: sign in and out, dashboard, list, table layout, in-place edits, uploads, tokens,
and injection attempts in every text field (stored and shown as text, never executed)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "binhai-zuzhibu-2024.txt"
XLSX = Path(__file__).resolve().parents[2] / "tests" / "documents" / "binhai-zuzhibu-2024.xlsx"
TIMELY = "经费使用及时率"
SCRIPT = "<script>alert('x')</script>"
SQL = "'; DROP TABLE users; --"
IMG = '<img src=x onerror="alert(1)">'


def test_sign_in_failures_and_sign_out(client: TestClient, login: Callable[[str], str]) -> None:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    wrong = client.post(
        "/login", data={"name": SQL, "password": "nope", "csrf_token": token.group(1)}
    )
    assert wrong.status_code == 401
    assert "用户名或密码错误" in wrong.text
    assert SQL not in wrong.text  # escaped when shown back
    assert "&#39;; DROP TABLE users; --" in wrong.text
    csrf = login("filler")
    session = client.cookies.get("jixiao_session")
    assert session
    assert client.get("/").status_code == 200
    assert client.post("/logout", headers={"X-CSRF-Token": csrf}).status_code == 303
    assert client.get("/").status_code == 303
    client.cookies.set("jixiao_session", session)  # the old cookie no longer works
    assert client.get("/").headers["location"] == "/login?next=/"


def test_session_cookie_flags(client: TestClient) -> None:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    response = client.post(
        "/login",
        data={"name": "admin", "password": "correct-horse-battery", "csrf_token": token.group(1)},
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie


def test_login_redirects_only_to_this_site(client: TestClient) -> None:
    page = client.get("/login", params={"next": "//evil.example/x"})
    assert 'name="next" value="/"' in page.text


def test_dashboard_list_and_findings(client: TestClient, login: Callable[[str], str]) -> None:
    login("reviewer")
    home = client.get("/")
    assert '<strong id="total-tables">4</strong>' in home.text
    assert "/static/vendor/echarts.min.js" in home.text
    assert "VL04" in home.text
    listed = client.get("/tables", params={"q": TIMELY})
    assert '<strong id="table-count">1</strong>' in listed.text
    assert "选调生到村任职工作补助区配套资金" in listed.text
    paged = client.get("/tables", params={"page": 2})
    assert paged.status_code == 200
    found = client.get("/findings", params={"code": "VL04"})
    assert 'id="finding-count">1<' in found.text
    assert client.get("/download", params={"format": "csv"}).text.startswith('\ufeff"文件",')


def test_vendored_assets_are_served(client: TestClient) -> None:
    for name in ("htmx.min.js", "echarts.min.js"):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200, f"{name}: run scripts/vendor_assets.sh (make does)"
        assert len(response.content) > 10_000


def test_table_page_layout_and_findings_on_their_cells(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    login("filler")
    page = client.get(f"/tables/{vl04_table}").text
    assert "项目支出绩效目标表" in page
    assert re.search(r'<td class="level1" rowspan="\d+">产出指标', page)
    row = re.search(rf'<tr id="row-\d+" data-indicator="{TIMELY}">(.*?)</tr>', page, re.S)
    assert row
    target = re.search(r'<td class="target".*?</td>', row.group(1), re.S)
    assert target
    assert 'data-code="VL04"' in target.group(0)
    assert "修改" in target.group(0)
    assert "单元格" in row.group(1) or "行" in row.group(1)  # the source location
    assert "修订版本" in page


def test_edit_in_place_preview_save_and_stale(
    client: TestClient,
    login: Callable[[str], str],
    vl04_table: int,
    position_of: Callable[[int, str], int],
) -> None:
    csrf = login("filler")
    position = position_of(vl04_table, TIMELY)
    base = f"/tables/{vl04_table}/indicators/{position}"
    form = client.get(f"{base}/edit")
    assert 'name="based_on" value="1"' in form.text
    preview = client.get(f"{base}/preview", params={"target": "=100%"})
    assert "此行没有审核问题" in preview.text
    assert 'data-code="VL04"' in client.get(f"{base}/preview", params={"target": "≥100%"}).text
    htmx = {"X-CSRF-Token": csrf, "HX-Request": "true"}
    saved = client.post(base, data={"target": "=100%", "based_on": "1"}, headers=htmx)
    assert saved.status_code == 204
    assert saved.headers["hx-redirect"].startswith(f"/tables/{vl04_table}?saved=2")
    page = client.get(f"/tables/{vl04_table}").text
    row = re.search(rf'data-indicator="{TIMELY}">(.*?)</tr>', page, re.S)
    assert row
    assert "VL04" not in row.group(1)
    assert "≥100%" in page  # in the history
    stale = client.post(base, data={"target": "≥98%", "based_on": "1"}, headers=htmx)
    assert stale.status_code == 409
    assert "已被他人修改" in stale.text
    plain = client.post(base, data={"target": "≥98%", "based_on": "2", "csrf_token": csrf})
    assert plain.status_code == 303
    assert client.get(f"/tables/{vl04_table}", params={"revision": 1}).status_code == 200
    assert client.get(f"/tables/{vl04_table}", params={"revision": 9}).status_code == 404


def test_upload_page_explains_each_file(client: TestClient, login: Callable[[str], str]) -> None:
    csrf = login("admin")
    files = [
        ("files", ("binhai.txt", EXAMPLE.read_bytes(), "text/plain")),
        ("files", ("broken.pdf", b"%PDF-1.4 broken", "application/pdf")),
    ]
    page = client.post("/upload", files=files, headers={"X-CSRF-Token": csrf, "HX-Request": "1"})
    assert page.status_code == 200
    assert "以前已导入" in page.text
    assert re.search(r'class="result failed" data-file="broken.pdf".*?未导入', page.text, re.S)
    too_big = [("files", ("big.txt", b"0" * (2 * 1024 * 1024), "text/plain"))]
    refused = client.post("/upload", files=too_big, headers={"X-CSRF-Token": csrf})
    assert refused.status_code == 413


def test_api_token_from_the_account_page(client: TestClient, login: Callable[[str], str]) -> None:
    csrf = login("reviewer")
    page = client.post("/account/tokens", data={"label": SCRIPT, "csrf_token": csrf})
    token = re.search(r'<code id="new-token">([^<]+)</code>', page.text)
    assert token
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token.group(1)}"})
    assert me.json()["name"] == "reviewer"


def test_error_pages_are_html_in_chinese(client: TestClient, login: Callable[[str], str]) -> None:
    login("outsider")
    hidden = client.get("/tables/1")  # another department's: not found, named nowhere
    assert hidden.status_code == 404
    assert "未找到编号为 1 的表" in hidden.text
    missing = client.get("/no-such-page")
    assert missing.status_code == 404
    assert "未找到" in missing.text
    assert client.get("/tables", params={"year": "abc"}).status_code == 422


@pytest.mark.parametrize("text", [SCRIPT, SQL, IMG])
def test_injection_in_every_text_field(
    text: str,
    client: TestClient,
    api: Callable[..., Any],
    login: Callable[[str], str],
    position_of: Callable[[int, str], int],
) -> None:
    """A document whose project, department, goal, indicator and target carry the text."""
    workbook = load_workbook(XLSX)
    replaced = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                for old, new in [
                    ("选调生到村任职工作补助区配套资金", f"选调生{text}资金"),
                    ("用于选调生到村任职工作补助经费", f"用途{text}"),
                    (TIMELY, f"及时率{text}"),
                ]:
                    if isinstance(cell.value, str) and old in cell.value:
                        cell.value = cell.value.replace(old, new)
                        replaced.add(old)
    assert len(replaced) == 3
    data = io.BytesIO()
    workbook.save(data)
    upload = [("files", (f"{text}.xlsx", data.getvalue(), "application/octet-stream"))]
    result = api("POST", "/api/v1/documents", files=upload).json()["results"][0]
    assert result["ok"], result
    project = f"选调生{text}资金"
    found = api("GET", "/api/v1/tables", params={"q": text}).json()
    assert project in {t["project"] for t in found["tables"]}
    table_id = next(t["id"] for t in found["tables"] if t["project"] == project)
    table = api("GET", f"/api/v1/tables/{table_id}").json()["table"]
    assert table["purpose"] == f"用途{text}"
    position = position_of(table_id, f"及时率{text}")
    edited = api(
        "PUT",
        f"/api/v1/tables/{table_id}/indicators/{position}/target",
        json={"target": text, "based_on": 1},
    ).json()
    assert edited["changed"]
    assert api("GET", "/api/v1/me", user="filler").status_code == 200  # users still there
    login("admin")
    for path in (f"/tables/{table_id}", f"/tables?q={text}", "/", "/findings"):
        page = client.get(path, params={"q": text} if path == "/findings" else None).text
        assert text not in page, path
    page = client.get(f"/tables/{table_id}").text
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped.replace("'", "&#39;").replace('"', "&#34;") in page
