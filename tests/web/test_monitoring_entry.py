"""Entering a month's monitoring values in the web (issue 16 part 3): stored as the
``execution set --month`` / ``actual set --month`` commands store them, validated with Chinese
messages before anything is written, CSRF and access checked as on every form."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from jixiao.services import connect_store
from jixiao.store.evaluations import actuals_of, execution_of

PAGE = "/tables/{}/monitoring"


def form_of(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))


def test_a_filler_enters_the_month_and_the_monitoring_page_lights_it(
    client: TestClient, login: Callable[[str], str], vl04_table: int, database_path: Any
) -> None:
    csrf = login("filler")
    url = PAGE.format(vl04_table)
    before = client.get("/monitoring", params={"month": 6})
    row = re.search(rf'<tr data-table="{vl04_table}" data-light="([a-z]+)"', before.text)
    assert row
    assert row.group(1) == "none"
    assert f'href="{url}?month=6">录入</a>' in before.text

    page = client.get(url, params={"month": 6})
    assert page.status_code == 200
    assert "1–6 月完成值" in page.text
    assert 'id="monitoring-form"' in page.text
    sent = {
        "csrf_token": csrf,
        "month": "6",
        "executed": "15万元",
        "adjusted": "",
        "execution_note": "",
        "actual-0": "50%",
        "note-0": "按计划推进",
        "actual-1": "",
    }
    saved = client.post(url, data=sent)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"{url}?month=6&saved=2"
    shown = client.get(saved.headers["location"])
    assert "已保存 2 项" in shown.text
    assert form_of(shown.text)["executed"] == "150000.00"
    assert form_of(shown.text)["actual-0"] == "50%"

    after = client.get("/monitoring", params={"month": 6})
    row = re.search(rf'<tr data-table="{vl04_table}" data-light="([a-z]+)"', after.text)
    assert row
    assert row.group(1) != "none"

    database = connect_store(str(database_path))
    try:
        with database.engine.connect() as connection:
            execution = execution_of(connection, vl04_table, 6)
            actuals = actuals_of(connection, vl04_table, 6)
    finally:
        database.close()
    assert execution is not None
    assert (execution.executed, execution.recorded_by) == (150000.0, "filler")
    (record,) = actuals.values()
    assert (record.value, record.note, record.recorded_by) == ("50%", "按计划推进", "filler")

    again = client.post(url, data=sent)  # the same values again: nothing changed, nothing saved
    assert again.headers["location"] == f"{url}?month=6&saved=0"


def test_bad_values_are_refused_with_the_form_as_entered(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    csrf = login("filler")
    url = PAGE.format(vl04_table)
    cases = [
        ({"executed": "很多"}, "金额“很多”无效"),
        ({"executed": "", "adjusted": "20万元"}, "须同时填写截至本月的执行数"),
        ({"executed": "1" + "0" * 30}, "无效"),
        ({"actual-99": "5人"}, "此表没有第 100 个指标"),
    ]
    for fields, message in cases:
        data = {"csrf_token": csrf, "month": "3", "actual-0": "25%", **fields}
        refused = client.post(url, data=data)
        assert refused.status_code == 422, fields
        assert message in refused.text, (fields, refused.text[-2000:])
        assert form_of(refused.text)["actual-0"] == "25%"  # what was typed is kept
    shown = client.get(url, params={"month": 3})
    assert form_of(shown.text)["actual-0"] == ""  # nothing was written
    assert form_of(shown.text)["executed"] == ""
    assert client.post(url, data={"csrf_token": csrf, "month": "13"}).status_code == 422
    nul = {"csrf_token": csrf, "month": "3", "actual-0": "25%", "note-0": "a\x00b"}
    assert client.post(url, data=nul).status_code == 422


def test_access_and_csrf(
    app: Any, client: TestClient, login: Callable[[str], str], vl04_table: int, sign_in: Any
) -> None:
    url = PAGE.format(vl04_table)
    data = {"month": "6", "executed": "1000"}
    assert client.get(url).status_code in (303, 401)  # not signed in: to the login page
    csrf = login("reviewer")  # reads the table, may not enter values
    page = client.get(url, params={"month": 6})
    assert page.status_code == 200
    assert 'id="monitoring-form"' not in page.text
    assert client.post(url, data={**data, "csrf_token": csrf}).status_code == 403

    outsider = TestClient(app, follow_redirects=False)
    token = sign_in(outsider, "outsider")
    assert outsider.get(url).status_code == 404  # another department's table: not found
    hidden = outsider.post(url, data={**data, "csrf_token": token})
    assert hidden.status_code == 404
    assert "选调生" not in hidden.text

    filler = TestClient(app, follow_redirects=False)
    sign_in(filler, "filler")
    assert filler.post(url, data=data).status_code == 403  # no CSRF token
    assert filler.get(PAGE.format(99999999999)).status_code == 422
