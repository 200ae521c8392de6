"""The workflow's pages without a browser: forms, the inbox, downloads, monitoring, evaluations."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from jixiao.services import connect_store
from jixiao.services.evaluation import TableRef, record_execution

from .conftest import PROJECT_WITH_VL04


def step(client: TestClient, csrf: str, table_id: int, action: str, opinion: str = "") -> Any:
    data = {"csrf_token": csrf, "action": action, "opinion": opinion}
    return client.post(f"/tables/{table_id}/workflow", data=data)


def test_forms_move_the_table_and_the_page_shows_it(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    csrf = login("filler")
    page = client.get(f"/tables/{vl04_table}").text
    assert 'id="workflow-state">草稿<' in page
    assert 'id="workflow-submit"' in page
    assert 'id="workflow-approve"' not in page
    posted = step(client, csrf, vl04_table, "submit")
    assert posted.status_code == 303
    assert posted.headers["location"] == f"/tables/{vl04_table}#workflow"
    page = client.get(f"/tables/{vl04_table}").text
    assert 'id="workflow-state">已提交<' in page
    assert 'class="edit link"' not in page
    again = step(client, csrf, vl04_table, "submit")
    assert again.status_code == 409
    assert "不能提交" in again.text
    client.post("/logout", data={"csrf_token": csrf})

    csrf = login("reviewer")
    page = client.get(f"/tables/{vl04_table}").text
    assert 'id="decide-list"' in page
    decided = client.post(
        f"/tables/{vl04_table}/findings/0/decision",
        data={"csrf_token": csrf, "decision": "overridden", "reason": ""},
    )
    assert decided.status_code == 409
    assert "理由" in decided.text
    decided = client.post(
        f"/tables/{vl04_table}/findings/0/decision",
        data={"csrf_token": csrf, "decision": "overridden", "reason": "<b>不影响</b>"},
    )
    assert decided.status_code == 303
    assert step(client, csrf, vl04_table, "return", "").status_code == 409
    assert step(client, csrf, vl04_table, "return", "请修改").status_code == 303
    page = client.get(f"/tables/{vl04_table}").text
    assert 'id="workflow-state">退回<' in page
    assert "&lt;b&gt;不影响&lt;/b&gt;" in page
    assert 'id="review-opinion">请修改<' in page


def test_inbox_counts_and_batch_download(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    csrf = login("filler")
    assert "没有待办的表" in client.get("/inbox").text
    step(client, csrf, vl04_table, "submit")
    client.post("/logout", data={"csrf_token": csrf})
    login("reviewer")
    page = client.get("/inbox").text
    assert PROJECT_WITH_VL04 in page
    assert 'id="inbox-count">1<' in page
    download = client.get("/opinions/download", params={"format": "xlsx", "state": "submitted"})
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content))["审核结论"]
    assert [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)] == [PROJECT_WITH_VL04]
    single = client.get(f"/tables/{vl04_table}/opinions/download")
    assert single.headers["content-disposition"].endswith('.docx"')


def test_monitoring_and_evaluation_pages(
    client: TestClient, login: Callable[[str], str], vl04_table: int, database_path: Path
) -> None:
    database = connect_store(str(database_path))
    try:
        record_execution(database, TableRef(str(vl04_table)), "5万元", month=7)
    finally:
        database.close()
    login("reviewer")
    page = client.get("/monitoring", params={"month": 7}).text
    assert f'data-table="{vl04_table}" data-light="red"' in page
    assert "未录入 1–7 月预算执行数" in page
    assert client.get("/monitoring", params={"month": 13}).status_code == 422
    assert client.get("/monitoring").status_code == 200  # this month (北京时间)
    page = client.get("/evaluations").text
    assert "尚未自评" in page
    assert PROJECT_WITH_VL04 in page
