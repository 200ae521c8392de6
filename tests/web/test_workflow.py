"""The review workflow over the API: 草稿 → 已提交 → 退回 → 已提交 → 已审核, by role.

The filler (填报) submits; the reviewer (审核) decides on findings, returns with an opinion or
approves; the filler sees what came back, fixes the table and resubmits. Every step is in the
history; steps the state or the role does not allow are 409 / 403, never 500.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from .conftest import EXAMPLE, PROJECT_WITH_VL04

Api = Callable[..., Any]
OPINION = "经费使用及时率写成 ≥100% 不妥，请改为 =100% 后重新提交。"


def flow(api: Api, table_id: int, user: str = "admin") -> dict[str, Any]:
    response = api("GET", f"/api/v1/tables/{table_id}/workflow", user=user)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def act(api: Api, table_id: int, user: str, action: str, opinion: str | None = None) -> Any:
    body = {"action": action, "opinion": opinion}
    return api("POST", f"/api/v1/tables/{table_id}/workflow", json=body, user=user)


def vl04_index(workflow: dict[str, Any]) -> int:
    indexes = [f["index"] for f in workflow["findings"] if f["finding"]["code"] == "VL04"]
    assert len(indexes) == 1, workflow["findings"]
    return int(indexes[0])


def test_the_whole_cycle_by_role(
    api: Api, vl04_table: int, position_of: Callable[[int, str], int]
) -> None:
    start = flow(api, vl04_table, "filler")
    assert start["state"] == "draft"
    assert start["state_label"] == "草稿"
    assert start["actions"] == ["submit"]
    assert flow(api, vl04_table, "reviewer")["actions"] == []

    submitted = act(api, vl04_table, "filler", "submit", "请审核")
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["state"] == "submitted"
    assert flow(api, vl04_table, "reviewer")["actions"] == ["return", "approve"]
    assert flow(api, vl04_table, "reviewer")["can_decide"] is True

    # while submitted the filler cannot change the table
    position = position_of(vl04_table, "经费使用及时率")
    edit = {"target": "=100%", "based_on": 1}
    url = f"/api/v1/tables/{vl04_table}/indicators/{position}/target"
    locked = api("PUT", url, json=edit, user="filler")
    assert locked.status_code == 409
    assert "已提交" in locked.json()["error"]["message"]

    index = vl04_index(submitted.json())
    decision_url = f"/api/v1/tables/{vl04_table}/findings/{index}/decision"
    decided = api(
        "PUT", decision_url, json={"decision": "accepted", "reason": OPINION}, user="reviewer"
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["decision_label"] == "认可"
    returned = act(api, vl04_table, "reviewer", "return", "请按逐条意见修改。")
    assert returned.status_code == 200, returned.text
    assert returned.json()["state_label"] == "退回"

    # the filler sees what came back and why
    seen = flow(api, vl04_table, "filler")
    assert seen["actions"] == ["submit"]
    assert seen["steps"][-1]["opinion"] == "请按逐条意见修改。"
    assert seen["steps"][-1]["actor"] == "reviewer"
    assert [f["reason"] for f in seen["feedback"] if f["decision"]] == [OPINION]
    inbox = api("GET", "/api/v1/inbox", user="filler").json()["tables"]
    assert [item["table"]["id"] for item in inbox] == [vl04_table]

    fixed = api("PUT", url, json=edit, user="filler")
    assert fixed.status_code == 200, fixed.text
    after_fix = flow(api, vl04_table, "filler")
    assert after_fix["current_revision"] == 2
    assert not [f for f in after_fix["findings"] if f["finding"]["code"] == "VL04"]
    # the feedback stays that of the revision returned
    assert [f["reason"] for f in after_fix["feedback"] if f["decision"]] == [OPINION]

    assert act(api, vl04_table, "filler", "submit").status_code == 200
    approved = act(api, vl04_table, "reviewer", "approve", "同意。")
    assert approved.status_code == 200, approved.text
    final = approved.json()
    assert final["state"] == "approved"
    assert final["revision"] == 2
    steps = [(s["action"], s["from_state"], s["to_state"], s["actor"]) for s in final["steps"]]
    assert steps == [
        ("submit", "draft", "submitted", "filler"),
        ("return", "submitted", "returned", "reviewer"),
        ("submit", "returned", "submitted", "filler"),
        ("approve", "submitted", "approved", "reviewer"),
    ]
    assert all(s["created_at"].endswith("+08:00") for s in final["steps"])
    assert final["actions"] == []


def test_steps_the_state_does_not_allow_are_409(api: Api, vl04_table: int) -> None:
    approve_draft = act(api, vl04_table, "reviewer", "approve")
    assert approve_draft.status_code == 409
    assert "草稿" in approve_draft.json()["error"]["message"]
    decide = api(
        "PUT",
        f"/api/v1/tables/{vl04_table}/findings/0/decision",
        json={"decision": "accepted"},
        user="reviewer",
    )
    assert decide.status_code == 409
    assert act(api, vl04_table, "filler", "submit").status_code == 200
    assert act(api, vl04_table, "filler", "submit").status_code == 409
    no_opinion = act(api, vl04_table, "reviewer", "return", "  ")
    assert no_opinion.status_code == 409
    assert "退回意见" in no_opinion.json()["error"]["message"]
    override = api(
        "PUT",
        f"/api/v1/tables/{vl04_table}/findings/0/decision",
        json={"decision": "overridden"},
        user="reviewer",
    )
    assert override.status_code == 409
    assert "理由" in override.json()["error"]["message"]
    beyond = api(
        "PUT",
        f"/api/v1/tables/{vl04_table}/findings/999/decision",
        json={"decision": "accepted"},
        user="reviewer",
    )
    assert beyond.status_code == 404
    stale = api(
        "POST",
        f"/api/v1/tables/{vl04_table}/workflow",
        json={"action": "approve", "based_on": 7},
        user="reviewer",
    )
    assert stale.status_code == 409


@pytest.mark.parametrize(
    ("user", "action", "status"),
    [
        ("reviewer", "submit", 403),  # reviewers do not submit
        ("filler", "approve", 403),  # fillers do not approve
        ("filler", "return", 403),
        ("outsider", "submit", 404),  # another department's table is not found
        ("outsider", "approve", 404),
    ],
)
def test_roles_are_checked_on_the_table_written(
    api: Api, vl04_table: int, user: str, action: str, status: int
) -> None:
    if action != "submit":
        assert act(api, vl04_table, "filler", "submit").status_code == 200
    response = act(api, vl04_table, user, action, "意见")
    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]
    state = flow(api, vl04_table)["state"]
    assert state == ("draft" if action == "submit" else "submitted")


def test_fillers_do_not_decide_on_findings(api: Api, vl04_table: int) -> None:
    assert act(api, vl04_table, "filler", "submit").status_code == 200
    response = api(
        "PUT",
        f"/api/v1/tables/{vl04_table}/findings/0/decision",
        json={"decision": "accepted"},
        user="filler",
    )
    assert response.status_code == 403


def test_an_upload_cannot_revise_a_submitted_table(api: Api, vl04_table: int) -> None:
    assert act(api, vl04_table, "filler", "submit").status_code == 200
    changed = EXAMPLE.read_text("utf-8").replace("≥100%", "=100%")
    uploaded = api(
        "POST",
        "/api/v1/documents",
        files=[("files", ("revised.txt", changed.encode("utf-8")))],
        user="filler",
    )
    result = uploaded.json()["results"][0]
    assert not result["ok"], result
    assert "已提交审核" in result["error"]["message"]
    assert flow(api, vl04_table)["current_revision"] == 1


def test_the_reviewers_inbox_counts_findings_by_severity(api: Api, vl04_table: int) -> None:
    assert api("GET", "/api/v1/inbox", user="reviewer").json() == {"tables": []}
    assert act(api, vl04_table, "filler", "submit").status_code == 200
    items = api("GET", "/api/v1/inbox", user="reviewer").json()["tables"]
    assert [item["table"]["project"] for item in items] == [PROJECT_WITH_VL04]
    counts = items[0]["findings"]
    findings = api("GET", f"/api/v1/tables/{vl04_table}/findings", user="reviewer").json()
    for severity in ("error", "warning", "info"):
        expected = sum(1 for f in findings["findings"] if f["severity"] == severity)
        assert counts[severity] == expected
    assert counts["warning"] >= 1  # VL04
    assert items[0]["by"] == "filler"
    assert api("GET", "/api/v1/inbox", user="outsider").json() == {"tables": []}


def returned_with_opinions(api: Api, table_id: int) -> None:
    assert act(api, table_id, "filler", "submit").status_code == 200
    index = vl04_index(flow(api, table_id, "reviewer"))
    api(
        "PUT",
        f"/api/v1/tables/{table_id}/findings/{index}/decision",
        json={"decision": "overridden", "reason": '=HYPERLINK("http://x","点击")'},
        user="reviewer",
    )
    assert act(api, table_id, "reviewer", "return", "=1+1 请修改").status_code == 200


def test_the_opinion_sheet_as_xlsx_keeps_text_as_text(api: Api, vl04_table: int) -> None:
    returned_with_opinions(api, vl04_table)
    response = api(
        "GET", f"/api/v1/tables/{vl04_table}/opinions", params={"format": "xlsx"}, user="filler"
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    findings = workbook["审核意见表"]
    rows = list(findings.iter_rows(min_row=3, values_only=True))
    decided = [row for row in rows if row[4] == "VL04"]
    assert decided
    assert decided[0][9] == "不予认可"
    assert decided[0][10] == '=HYPERLINK("http://x","点击")'
    assert all(cell.data_type != "f" for row in findings.iter_rows() for cell in row)
    conclusion = list(workbook["审核结论"].iter_rows(min_row=3, values_only=True))
    assert conclusion[0][6:10] == ("退回", "退回", "=1+1 请修改", "reviewer")
    assert all(cell.data_type != "f" for row in workbook["审核结论"].iter_rows() for cell in row)


def test_the_opinion_sheet_as_docx_and_in_a_batch(api: Api, vl04_table: int) -> None:
    returned_with_opinions(api, vl04_table)
    response = api(
        "GET", "/api/v1/opinions", params={"format": "docx", "state": "returned"}, user="reviewer"
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = WordDocument(io.BytesIO(response.content))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert PROJECT_WITH_VL04 in text
    assert "=1+1 请修改" in text
    assert "不予认可" in text
    assert len(document.tables) == 2  # one table: its header and its findings
    everything = api("GET", "/api/v1/opinions", params={"format": "xlsx"}, user="reviewer")
    sheet = load_workbook(io.BytesIO(everything.content))["审核结论"]
    assert sheet.max_row - 2 == api("GET", "/api/v1/tables").json()["total"]
    outsider = api("GET", "/api/v1/opinions", params={"format": "docx"}, user="outsider")
    assert "没有可导出的表" in WordDocument(io.BytesIO(outsider.content)).paragraphs[0].text


def test_the_workflow_on_the_command_line(
    database_path: Any, vl04_table: int, tmp_path: Any
) -> None:
    from typer.testing import CliRunner

    from jixiao.cli import app as cli

    def run(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, [*args, "--db", str(database_path)])
        return result.exit_code, result.stdout, result.stderr

    table = str(vl04_table)
    code, _, err = run("workflow", "approve", table, "--as", "reviewer")
    assert code == 2
    assert "草稿" in err
    code, _, err = run("workflow", "submit", table, "--as", "reviewer")
    assert code == 2
    assert "只有本部门的填报用户可以提交" in err
    assert run("workflow", "submit", table, "--as", "filler")[0] == 0
    code, out, err = run("workflow", "decide", table, "0", "overridden", "--as", "reviewer")
    assert code == 2
    assert "理由" in err
    code, out, err = run(
        "workflow", "decide", table, "0", "overridden", "--as", "reviewer", "--reason", "不影响"
    )
    assert code == 0, err
    assert "不予认可，不影响" in out
    code, out, err = run("workflow", "inbox", "--as", "reviewer", "--format", "json")
    assert code == 0, err
    assert [t["table_id"] for t in json.loads(out)["tables"]] == [vl04_table]
    code, out, err = run(
        "workflow", "return", table, "--as", "reviewer", "--opinion", "请修改", "--format", "json"
    )
    assert code == 0, err
    shown = json.loads(out)
    assert shown["state"] == "returned"
    assert shown["steps"][-1]["created_at"].endswith("+08:00")
    assert shown["findings"][0]["decision"] == "overridden"
    output = tmp_path / "审核意见表.docx"
    code, _, err = run("workflow", "export", table, "--as", "filler", "--output", str(output))
    assert code == 0, err
    assert "请修改" in "\n".join(
        c.text for t in WordDocument(str(output)).tables for r in t.rows for c in r.cells
    )
    code, _, err = run("workflow", "export", "--as", "filler", "--output", str(tmp_path / "x.pdf"))
    assert code == 2
    assert ".docx" in err
    code, _, err = run("workflow", "status", table, "--as", "nobody")
    assert code == 2
    assert "nobody" in err
