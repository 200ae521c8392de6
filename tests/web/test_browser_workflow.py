"""The review workflow end to end in a real browser (Debian's chromium, driven by Playwright).

A filler uploads the example and submits the table; a reviewer finds it in the inbox, accepts
the VL04 finding with an opinion and returns the table; the filler reads what came back,
corrects the 指标值 and resubmits; the reviewer approves. Then the monitoring page at month 7
and the evaluation overview, and the pages at 390 px. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao.services import add_user, connect_store
from jixiao.services.evaluation import TableRef, record_actual, record_execution

from .test_browser import DOCUMENTS, PROJECT, TIMELY, page, serve, shot

__all__ = ["page"]  # the browser fixture, driving this module's ``server``

PASSWORD = "correct-horse-battery"
DEPARTMENT = "503101"
OPINION = "经费使用及时率应为 =100%，请修改后重新提交。"
RETURNED = "请按逐条审核意见修改。"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A new database with a filler and a reviewer of the example's department."""
    url = str(tmp_path / "workflow.db")
    database = connect_store(url)
    add_user(database, "filler", PASSWORD, "filler", [DEPARTMENT])
    add_user(database, "reviewer", PASSWORD, "reviewer", [DEPARTMENT])
    database.close()
    return url


@pytest.fixture
def server(database_url: str) -> Iterator[str]:
    """The app over that database (test_browser's ``page`` fixture drives chromium on it)."""
    yield from serve(database_url)


def sign_in(page: Any, name: str) -> None:
    page.context.clear_cookies()
    page.goto("/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: not url.endswith("/login"))


def open_from_inbox(page: Any) -> None:
    page.goto("/inbox")
    row = page.locator("#inbox tbody tr", has_text=PROJECT)
    row.locator("a").click()
    page.wait_for_url("**/tables/*")


def test_submit_return_fix_resubmit_approve_in_the_browser(page: Any, database_url: str) -> None:
    from playwright.sync_api import expect

    sign_in(page, "filler")
    page.goto("/upload")
    page.set_input_files("#files", [str(DOCUMENTS[0])])
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#upload-results li.result.ok")).to_have_count(1)

    # the filler submits the table with VL04 on 经费使用及时率
    page.goto(f"/tables?q={TIMELY}")
    page.click(f"text={PROJECT}")
    table_url = page.url
    expect(page.locator("#workflow-state")).to_have_text("草稿")
    page.fill("#workflow-submit textarea", "请审核。")
    page.click("#workflow-submit button[type=submit]")
    expect(page.locator("#workflow-state")).to_have_text("已提交")
    expect(page.locator("td.target button.edit")).to_have_count(0)  # locked under review
    expect(page.locator("#workflow-return")).to_have_count(0)  # fillers do not return
    shot(page, "workflow-1-submitted")

    # the reviewer finds it in the inbox, accepts VL04 with an opinion and returns the table
    sign_in(page, "reviewer")
    page.goto("/inbox")
    row = page.locator("#inbox tbody tr", has_text=PROJECT)
    expect(row).to_have_count(1)
    expect(row.locator("td[data-severity=warning]")).not_to_have_text("0")
    shot(page, "workflow-2-inbox")
    open_from_inbox(page)
    finding = page.locator(f'#decide-list li[data-code="VL04"][data-indicator="{TIMELY}"]')
    finding.locator("select[name=decision]").select_option("accepted")
    finding.locator("input[name=reason]").fill(OPINION)
    finding.locator("button[type=submit]").click()
    expect(finding.locator(".decided")).to_contain_text(OPINION)
    page.fill("#workflow-return textarea", RETURNED)
    page.click("#workflow-return button[type=submit]")
    expect(page.locator("#workflow-state")).to_have_text("退回")
    shot(page, "workflow-3-returned")

    # the filler sees what came back and why, fixes the 指标值 and resubmits
    sign_in(page, "filler")
    open_from_inbox(page)
    expect(page.locator("#review-opinion")).to_have_text(RETURNED)
    expect(page.locator('#feedback li[data-code="VL04"]')).to_contain_text(OPINION)
    shot(page, "workflow-4-filler-reads")
    row = page.locator(f'tr[data-indicator="{TIMELY}"]')
    row.locator("td.target button.edit").click()
    row.locator("input[name=target]").fill("=100%")
    expect(row.locator(".preview .ok")).to_be_visible()
    row.locator("button[type=submit]").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("审核发现已更新")
    expect(page.locator(f'tr[data-indicator="{TIMELY}"] li[data-code="VL04"]')).to_have_count(0)
    expect(page.locator('#feedback li[data-code="VL04"]')).to_contain_text(OPINION)
    page.click("#workflow-submit button[type=submit]")
    expect(page.locator("#workflow-state")).to_have_text("已提交")

    # the reviewer approves the corrected revision
    sign_in(page, "reviewer")
    page.goto(table_url)
    expect(page.locator('#decide-list li[data-code="VL04"]')).to_have_count(0)
    page.fill("#workflow-approve textarea", "同意。")
    page.click("#workflow-approve button[type=submit]")
    expect(page.locator("#workflow-state")).to_have_text("已审核")
    steps = page.locator("#workflow-steps tbody tr")
    expect(steps).to_have_count(4)
    expect(steps.nth(1)).to_contain_text("已提交 → 退回")
    expect(steps.nth(3)).to_contain_text("已提交 → 已审核")
    shot(page, "workflow-5-approved")
    with page.expect_download() as download:
        page.click("text=DOCX >> nth=0")
    assert download.value.suggested_filename.endswith(".docx")

    # monitoring at month 7: spending far behind the time elapsed lights the project red
    table_id = table_url.rsplit("/", 1)[-1].split("?")[0].split("#")[0]
    database = connect_store(database_url)
    try:
        record_execution(database, TableRef(table_id), "5万元", month=7)
        record_actual(database, TableRef(table_id), "工作经费补助人数", "5人", month=7)
    finally:
        database.close()
    page.goto("/monitoring?month=7")
    lit = page.locator(f'#monitoring tr[data-table="{table_id}"]')
    expect(lit).to_have_attribute("data-light", "red")
    expect(lit).to_contain_text("工作经费补助人数")
    expect(page.locator('#monitoring tr[data-light="none"]').first).to_contain_text("未录入")
    shot(page, "monitoring")
    page.goto("/evaluations")
    expect(page.locator("#departments tbody tr")).to_have_count(1)
    shot(page, "evaluations")

    # the new pages at 390 px: nothing wider than the screen but inside its scrolling frame
    page.set_viewport_size({"width": 390, "height": 844})
    for path, name in ((table_url, "workflow-390"), ("/monitoring?month=7", "monitoring-390")):
        page.goto(path)
        for selector in ("#workflow", ".scroll"):
            for box in [e.bounding_box() for e in page.locator(selector).all()]:
                assert box is None or box["x"] + box["width"] <= 391, (selector, box)
        shot(page, name)
    frame = page.locator(".scroll:has(#monitoring)")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")  # the list scrolls inside it
