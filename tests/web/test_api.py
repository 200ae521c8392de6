"""The REST API, endpoint by endpoint, against a real SQLite database holding the example."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from jixiao.model import Document
from jixiao.services import read_document

API = Callable[..., Any]
TIMELY = "经费使用及时率"
EXAMPLE = Path(__file__).parents[2] / "examples" / "binhai-zuzhibu-2024.txt"


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["error"]["message"]), body
    if code is not None:
        assert body["error"]["code"] == code
    error: dict[str, str] = body["error"]
    return error


def test_me(api: API) -> None:
    assert api("GET", "/api/v1/me", user="reviewer").json() == {
        "name": "reviewer",
        "role": "reviewer",
        "role_label": "审核",
        "departments": ["503101"],
    }


def test_list_search_filter_and_page(api: API) -> None:
    everything = api("GET", "/api/v1/tables").json()
    assert everything["total"] == 4
    assert {t["department_code"] for t in everything["tables"]} == {"503101"}
    found = api("GET", "/api/v1/tables", params={"q": TIMELY}).json()
    assert [t["project"] for t in found["tables"]] == ["选调生到村任职工作补助区配套资金"]
    assert api("GET", "/api/v1/tables", params={"q": "≥100%"}).json()["total"] >= 1
    assert api("GET", "/api/v1/tables", params={"year": 2023}).json()["total"] == 0
    assert api("GET", "/api/v1/tables", params={"has_findings": "true"}).json()["total"] == 4
    page = api("GET", "/api/v1/tables", params={"limit": 3, "offset": 3}).json()
    assert (page["total"], len(page["tables"])) == (4, 1)


def test_a_table_in_the_documented_json_format(api: API, vl04_table: int) -> None:
    body = api("GET", f"/api/v1/tables/{vl04_table}").json()
    assert (body["revision"], body["current_revision"]) == (1, 1)
    document: Document = read_document(
        Path(__file__).parents[2] / "examples/binhai-zuzhibu-2024.txt"
    )
    expected = next(t for t in document.tables if t.project == body["table"]["project"])
    assert body["table"] == json.loads(expected.model_dump_json())
    assert any(f["code"] == "VL04" and f["indicator"] == TIMELY for f in body["findings"])


def test_indicators_findings_and_history(
    api: API, vl04_table: int, position_of: Callable[[int, str], int]
) -> None:
    indicators = api("GET", f"/api/v1/tables/{vl04_table}/indicators").json()["indicators"]
    row = indicators[position_of(vl04_table, TIMELY)]
    assert row["indicator"]["target"]["raw"] == "≥100%"
    assert [f["code"] for f in row["findings"]] == ["VL04"]
    findings = api("GET", f"/api/v1/tables/{vl04_table}/findings").json()["findings"]
    assert "VL04" in {f["code"] for f in findings}
    history = api("GET", f"/api/v1/tables/{vl04_table}/history").json()
    assert [r["number"] for r in history["revisions"]] == [1]
    assert history["changes"] == []


def test_findings_across_tables(api: API) -> None:
    found = api("GET", "/api/v1/findings", params={"code": "vl04"}).json()
    assert found["total"] == 1
    assert found["findings"][0]["finding"]["indicator"] == TIMELY
    errors = api("GET", "/api/v1/findings", params={"severity": "error", "limit": 2}).json()
    assert errors["total"] >= 2
    assert len(errors["findings"]) == 2
    assert all(f["finding"]["severity"] == "error" for f in errors["findings"])


def test_edit_a_target_then_a_stale_edit_is_refused(
    api: API, vl04_table: int, position_of: Callable[[int, str], int]
) -> None:
    position = position_of(vl04_table, TIMELY)
    url = f"/api/v1/tables/{vl04_table}/indicators/{position}/target"
    edited = api("PUT", url, user="filler", json={"target": "=100%", "based_on": 1}).json()
    assert edited == {"table_id": vl04_table, "revision": 2, "changed": True, "findings": []}
    history = api("GET", f"/api/v1/tables/{vl04_table}/history").json()
    assert [(c["changed_by"], c["old"], c["new"]) for c in history["changes"]] == [
        ("filler", "≥100%", "=100%")
    ]
    assert "VL04" not in {
        f["code"] for f in api("GET", f"/api/v1/tables/{vl04_table}/findings").json()["findings"]
    }
    # the revision before is kept, with its finding
    old = api("GET", f"/api/v1/tables/{vl04_table}/findings", params={"revision": 1}).json()
    assert "VL04" in {f["code"] for f in old["findings"]}
    stale = api("PUT", url, user="admin", json={"target": "≥99%", "based_on": 1})
    assert "已被他人修改" in assert_error(stale, 409, "REQ002")["message"]
    same = api("PUT", url, json={"target": "=100%", "based_on": 2}).json()
    assert (same["changed"], same["revision"]) == (False, 2)


@pytest.mark.parametrize(
    ("user", "body", "status"),
    [
        ("reviewer", {"target": "=100%", "based_on": 1}, 403),
        ("outsider", {"target": "=100%", "based_on": 1}, 404),
        ("admin", {"target": "x" * 501, "based_on": 1}, 422),
        ("admin", {"target": "=100%"}, 422),
        ("admin", {"target": "=100%", "based_on": "one"}, 422),
    ],
)
def test_edits_refused(api: API, vl04_table: int, user: str, body: Any, status: int) -> None:
    url = f"/api/v1/tables/{vl04_table}/indicators/0/target"
    assert_error(api("PUT", url, user=user, json=body), status)


def test_edit_of_a_missing_indicator_or_table(api: API, vl04_table: int) -> None:
    body = {"target": "=1", "based_on": 1}
    assert_error(api("PUT", f"/api/v1/tables/{vl04_table}/indicators/999/target", json=body), 404)
    assert_error(api("PUT", "/api/v1/tables/999/indicators/0/target", json=body), 404)


def test_upload_documents(api: API, example_path: Any) -> None:
    text = example_path.read_bytes()
    changed = text.replace("≥100%".encode(), b"=100%")
    files = [
        ("files", ("first.txt", text, "text/plain")),  # imported before (by the fixture)
        ("files", ("../../etc/changed.txt", changed, "text/plain")),
        ("files", ("garbage.xlsx", b"PK\x03\x04 not a zip at all", "application/octet-stream")),
        ("files", ("notice.txt", "关于开展绩效自评的通知".encode(), "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    results = api("POST", "/api/v1/documents", user="filler", files=files).json()["results"]
    first, second, garbage, notice, empty = results
    assert (first["ok"], first["already_imported"]) == (True, True)
    assert second["file"] == "changed.txt"
    assert second["ok"]
    assert [t["status"] for t in second["tables"]].count("revised") >= 1
    for failed, code in ((garbage, None), (notice, "ING003"), (empty, "ING001")):
        assert not failed["ok"], failed
        assert failed["error"]["message"]
        assert code is None or failed["error"]["code"] == code


def test_upload_refusals(api: API, example_path: Any) -> None:
    text = example_path.read_bytes()
    other = api(
        "POST", "/api/v1/documents", user="outsider", files=[("files", ("a.txt", text))]
    ).json()["results"][0]
    assert other["error"]["code"] == "AUT002"
    assert "不属于您部门" in other["error"]["message"]
    assert_error(
        api("POST", "/api/v1/documents", user="reviewer", files=[("files", ("a.txt", text))]), 403
    )
    assert_error(api("POST", "/api/v1/documents", files=[]), 422)
    assert_error(api("POST", "/api/v1/documents", content=b"x", headers={"Content-Type": "x"}), 422)
    too_big = [("files", ("big.txt", b"0" * (1024 * 1024 + 1), "text/plain"))]
    assert_error(api("POST", "/api/v1/documents", files=too_big), 413, "REQ413")


def test_an_upload_without_a_declared_length_is_cut_off(api: API) -> None:
    def chunks() -> Any:
        for _ in range(40):
            yield b"0" * 32768

    response = api(
        "POST",
        "/api/v1/documents",
        content=chunks(),
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    assert_error(response, 413, "REQ413")


def test_exports(api: API) -> None:
    exported = api("GET", "/api/v1/exports", params={"format": "json"})
    assert exported.headers["content-type"] == "application/json"
    documents = exported.json()["documents"]
    assert sum(len(d["tables"]) for d in documents) == 4
    text = api("GET", "/api/v1/exports", params={"format": "csv", "q": TIMELY}).text
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert {row["项目"] for row in rows} == {"选调生到村任职工作补助区配套资金"}
    workbook = api("GET", "/api/v1/exports", params={"format": "xlsx"})
    assert workbook.content[:2] == b"PK"
    assert len(load_workbook(io.BytesIO(workbook.content)).sheetnames) == 4
    assert api("GET", "/api/v1/exports", user="outsider").json()["documents"] == []
    assert_error(api("GET", "/api/v1/exports", params={"format": "pdf"}), 422)


def test_errors_share_one_envelope(api: API, client: Any) -> None:
    assert_error(api("GET", "/api/v1/tables", user=None), 401, "AUT001")
    bad = client.get("/api/v1/tables", headers={"Authorization": "Bearer nope"})
    assert bad.headers["www-authenticate"] == "Bearer"
    assert_error(bad, 401)
    assert_error(api("GET", "/api/v1/tables/12345"), 404, "STO004")
    assert_error(api("GET", "/api/v1/tables/1", user="outsider"), 404, "STO004")
    assert_error(api("GET", "/api/v1/nothing-here"), 404, "not_found")
    assert_error(api("DELETE", "/api/v1/tables"), 405, "method_not_allowed")
    assert (
        "year" in assert_error(api("GET", "/api/v1/tables", params={"year": "abc"}), 422)["message"]
    )
    assert_error(api("GET", "/api/v1/tables", params={"limit": 0}), 422, "invalid")


def test_openapi_describes_every_endpoint(client: Any) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/v1/me",
        "/api/v1/tables",
        "/api/v1/tables/{table_id}",
        "/api/v1/tables/{table_id}/indicators",
        "/api/v1/tables/{table_id}/findings",
        "/api/v1/tables/{table_id}/history",
        "/api/v1/tables/{table_id}/indicators/{position}/target",
        "/api/v1/tables/{table_id}/evaluation",
        "/api/v1/tables/{table_id}/comments",
        "/api/v1/findings",
        "/api/v1/documents",
        "/api/v1/jobs/{job_id}",
        "/api/v1/exports",
        "/api/v1/tables/{table_id}/workflow",
        "/api/v1/tables/{table_id}/findings/{index}/decision",
        "/api/v1/inbox",
        "/api/v1/tables/{table_id}/opinions",
        "/api/v1/opinions",
    }
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/api/v1/tables/{table_id}" in docs.text
