"""Reviewers' comments (审核意见): written by 审核 and 管理员, read by the table's 填报."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient


def test_reviewer_comments_and_the_filler_reads(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    csrf = login("reviewer")
    posted = client.post(
        f"/tables/{vl04_table}/comments",
        data={"csrf_token": csrf, "body": "经费使用及时率请改为 =100%。", "position": "3"},
    )
    assert posted.status_code == 303
    client.post("/logout", data={"csrf_token": csrf})
    login("filler")
    page = client.get(f"/tables/{vl04_table}")
    assert "经费使用及时率请改为 =100%。" in page.text
    assert "reviewer" in page.text
    assert 'id="comment-form"' not in page.text  # fillers read, they do not write


def test_api_comments_on_an_indicator(
    api: Callable[..., Any], vl04_table: int, position_of: Callable[[int, str], int]
) -> None:
    position = position_of(vl04_table, "经费使用及时率")
    body = {"body": "≥100% 应写为 =100%", "position": position}
    created = api("POST", f"/api/v1/tables/{vl04_table}/comments", json=body, user="reviewer")
    assert created.status_code == 201, created.text
    assert created.json()["indicator"] == "经费使用及时率"
    assert created.json()["author"] == "reviewer"
    listed = api("GET", f"/api/v1/tables/{vl04_table}/comments", user="filler").json()
    assert [c["body"] for c in listed["comments"]] == ["≥100% 应写为 =100%"]


def test_comments_are_refused_to_fillers_and_checked(
    api: Callable[..., Any], vl04_table: int
) -> None:
    path = f"/api/v1/tables/{vl04_table}/comments"
    assert api("POST", path, json={"body": "x"}, user="filler").status_code == 403
    assert api("POST", path, json={"body": "   "}, user="reviewer").status_code == 422
    assert api("POST", path, json={"body": "x", "position": 999}).status_code == 422


def test_hostile_comment_is_stored_and_shown_as_text(
    client: TestClient, login: Callable[[str], str], vl04_table: int
) -> None:
    csrf = login("admin")
    hostile = "<img src=x onerror=alert(1)>'); DROP TABLE comments; --"
    client.post(f"/tables/{vl04_table}/comments", data={"csrf_token": csrf, "body": hostile})
    page = client.get(f"/tables/{vl04_table}")
    assert "<img src=x onerror=alert(1)>" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.text
