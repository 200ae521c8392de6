"""In Debian's chromium: a filler opens the 双监控 page, enters a table's values for the month
through its 录入 link, and sees the table lit on the page. Screenshot in test-artifacts/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from jixiao.web import create_app

PASSWORD = "correct-horse-battery"
PROJECT = "选调生到村任职工作补助区配套资金"


def test_a_filler_enters_monitoring_values(
    database_path: Path,
    serve: Callable[[FastAPI], str],
    browser: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
) -> None:
    from playwright.sync_api import expect

    page = browser(serve(create_app(str(database_path))))
    page.goto("/login")
    page.fill("input[name=name]", "filler")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    page.goto("/monitoring?month=9")
    row = page.locator("#monitoring tr", has_text=PROJECT)
    expect(row).to_have_attribute("data-light", "none")
    row.locator("a.entry").click()
    page.wait_for_url("**/monitoring?month=9")
    page.fill("#executed", "20万元")
    page.locator("#monthly-actuals input[name=actual-0]").fill("60%")
    page.locator("#monthly-actuals input[name=note-0]").fill("按进度完成")
    page.click("#monitoring-form button[type=submit]")
    expect(page.locator("#saved")).to_contain_text("已保存 2 项")
    expect(page.locator("#executed")).to_have_value("200000.00")
    screenshot(page, "monitoring-entry")
    page.locator("#saved a").click()
    row = page.locator("#monitoring tr", has_text=PROJECT)
    expect(row).not_to_have_attribute("data-light", "none")
