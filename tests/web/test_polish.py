"""What people read on the pages: Chinese names instead of codes and ids, amounts in 元 and
万元, 北京时间, findings by severity and in pages, the single table's download, a visible
message for an upload over the limit, the favicon."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
from fastapi.testclient import TestClient

from jixiao.services import profile_title, rule_title, web_hint
from jixiao.web import create_app
from jixiao.web.ui.rendering import money

SEVERITIES = ["错误", "警告", "提示"]


def test_money_has_separators_and_wan_yuan() -> None:
    assert money(2150000.0) == "2,150,000.00 元（215.00 万元）"
    assert money(9999.5) == "9,999.50 元"
    assert money(None) == ""


def test_every_finding_code_has_a_chinese_name() -> None:
    from jixiao.assemble.findings import PARSE_FINDINGS, PARSE_TITLES
    from jixiao.review.registry import all_rules

    for code in [*all_rules(), *PARSE_FINDINGS]:
        title = rule_title(code)
        assert title != code
        assert not title.isascii(), code
    assert set(PARSE_TITLES) == set(PARSE_FINDINGS)
    assert rule_title("NM02") == "绩效指标描述只是重复了指标名称"


def test_profiles_and_hints_in_web_words() -> None:
    assert profile_title("national").startswith("全国通用口径")
    assert profile_title("district-20").startswith("区级口径")
    assert web_hint("表内未写明预算年度，已按同一文档其他表推断；可用 --year 指定。") == (
        "表内未写明预算年度，已按同一文档其他表推断；可在上传时填写“预算年度”。"
    )
    assert "--" not in web_hint("请在表题或资金用途中写明预算年度，或读取时用 --year 指定。")
    from jixiao.assemble.findings import PARSE_FINDINGS

    for _severity, _rule, hint in PARSE_FINDINGS.values():
        assert "--" not in web_hint(hint), hint


def test_pages_show_no_rule_slugs_profile_ids_or_cli_options(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    login("admin")
    pages = ["/", "/findings", f"/tables/{vl04_table}", f"/tables/{vl04_table}/evaluation"]
    for path in pages:
        text = client.get(path).text
        for raw in ("name.description-repeats-name", "value.", "parse.", "--year", ">national<"):
            assert raw not in text, (path, raw)
    evaluation = client.get(f"/tables/{vl04_table}/evaluation").text
    assert "全国通用口径" in evaluation
    assert "区级口径" in evaluation
    dashboard = client.get("/").text
    assert rule_title("VL04") in dashboard


def test_table_page_amounts_and_beijing_time(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    login("admin")
    text = client.get(f"/tables/{vl04_table}").text
    assert "万元）" in text
    assert ",000.00 元" in text
    assert "北京时间" in text


def test_findings_sorted_by_severity_filtered_and_paged(
    client: TestClient, login: Callable[[str], str]
) -> None:
    login("admin")
    first = client.get("/findings").text
    total = int(first.split('id="finding-count">')[1].split("<")[0])
    assert total > 50  # the example has more findings than one page holds
    seen: list[str] = []
    page = 1
    while True:
        text = client.get("/findings", params={"page": page}).text
        rows = text.split('<td class="severity">')[1:]
        seen += [row.split("<")[0] for row in rows]
        if 'rel="next"' not in text:
            break
        assert len(rows) == 50
        page += 1
    assert len(seen) == total
    assert seen == sorted(seen, key=SEVERITIES.index)  # errors, then warnings, then notes
    only = client.get("/findings", params={"severity": "warning"}).text
    assert {row.split("<")[0] for row in only.split('<td class="severity">')[1:]} == {"警告"}


def test_download_of_one_table_holds_that_table_only(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    login("admin")
    answer = client.get(f"/tables/{vl04_table}/download", params={"format": "json"})
    assert answer.status_code == 200
    assert f"jixiao-table-{vl04_table}.json" in answer.headers["content-disposition"]
    document = json.loads(answer.text)
    tables = [table for doc in document["documents"] for table in doc["tables"]]
    assert len(tables) == 1
    assert tables[0]["project"] == "选调生到村任职工作补助区配套资金"
    workbook = client.get(f"/tables/{vl04_table}/download", params={"format": "xlsx"})
    assert len(openpyxl.load_workbook(io.BytesIO(workbook.content)).sheetnames) == 1
    assert client.get("/tables/999999/download").status_code == 404
    assert f"/tables/{vl04_table}/download?format=xlsx" in client.get(f"/tables/{vl04_table}").text


def test_download_of_one_table_respects_scope(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    login("outsider")
    assert client.get(f"/tables/{vl04_table}/download").status_code == 404


def test_upload_over_the_limit_says_so_on_the_page(
    database_path: Path, sign_in: Callable[..., str]
) -> None:
    """The page's htmx request gets a message it shows (413 is swapped in, not dropped)."""
    app = create_app(str(database_path), max_upload_mb=0.01)
    with TestClient(app, follow_redirects=False) as client:
        csrf = sign_in(client, "admin")
        answer = client.post(
            "/upload",
            files={"files": ("big.txt", b"x" * 20_000, "text/plain")},
            headers={"X-CSRF-Token": csrf, "HX-Request": "true"},
        )
        assert answer.status_code == 413
        assert 'role="alert"' in answer.text
        assert "上传内容过大" in answer.text
        assert "0.01 MB" in answer.text
        api = client.post("/api/v1/uploads", files={"files": ("big.txt", b"x" * 20_000)})
        assert api.status_code == 413
        assert api.json()["error"]["code"] == "REQ413"
        htmx_config = client.get("/upload").text.split('name="htmx-config" content=\'')[1]
        assert {"code": "413", "swap": True, "error": False} in json.loads(
            htmx_config.split("'")[0]
        )["responseHandling"]


def test_favicon_is_a_file_of_the_app(client: TestClient, login: Callable[[str], str]) -> None:
    login("admin")
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/").text
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg")
