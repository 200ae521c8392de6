"""In Debian's chromium: the dashboard's charts readable (every department named, the donut's
numbers shown), a visible message for an upload over the limit, findings most severe first,
and the pages usable on a 390 px wide phone (the menu folds, the table scrolls inside its
frame, the page itself does not scroll sideways). Screenshots go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from jixiao.web import create_app

PASSWORD = "correct-horse-battery"
PROJECT = "选调生到村任职工作补助区配套资金"


def signed_in(page: Any, name: str = "admin") -> Any:
    page.goto("/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    return page


def test_dashboard_charts_and_findings_order(
    database_path: Path,
    serve: Callable[[FastAPI], str],
    browser: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
) -> None:
    from playwright.sync_api import expect

    page = signed_in(browser(serve(create_app(str(database_path)))))
    expect(page.locator("body[data-charts=drawn]")).to_have_count(1)
    departments = page.locator("table.grid caption:text('部门与年度') ~ tbody tr td:first-child a")
    names = {text.strip() for text in departments.all_inner_texts()}
    assert names
    chart_text = page.locator("#chart-departments svg").text_content() or ""
    for name in names:  # no department's label dropped
        assert name in chart_text.replace("\n", ""), name
    donut = page.locator("#chart-severity svg").text_content() or ""
    for key in ("error", "warning", "info"):
        count = page.locator(f".totals li.sev-{key} strong").inner_text()
        if count != "0":
            assert f"{count} 个" in donut, (key, count, donut)
    screenshot(page, "dashboard-charts")

    page.goto("/findings")
    severities = page.locator("#findings td.severity").all_inner_texts()
    order = ["错误", "警告", "提示"]
    assert severities
    assert severities == sorted(severities, key=order.index)
    expect(page.locator(".pager a[rel=next]")).to_be_visible()


def test_upload_over_the_limit_is_refused_with_a_message(
    database_path: Path,
    serve: Callable[[FastAPI], str],
    browser: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
) -> None:
    from playwright.sync_api import expect

    example = Path(__file__).resolve().parents[2] / "examples" / "binhai-zuzhibu-2024.txt"
    assert example.stat().st_size > 0.01 * 1024 * 1024
    page = signed_in(browser(serve(create_app(str(database_path), max_upload_mb=0.01))))
    page.goto("/upload")
    page.set_input_files("#files", [str(example)])
    page.click("#upload-form button[type=submit]")
    alert = page.locator("#upload-results [role=alert]")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("超过上限 0.01 MB")
    screenshot(page, "upload-too-large")


def test_a_390_px_phone(
    database_path: Path,
    serve: Callable[[FastAPI], str],
    browser: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
) -> None:
    from playwright.sync_api import expect

    page = signed_in(browser(serve(create_app(str(database_path))), width=390, height=844))
    menu = page.locator("#menu-button")
    nav = page.locator("#top-menu")
    expect(menu).to_be_visible()
    expect(nav).to_be_hidden()
    menu.click()
    expect(nav).to_be_visible()
    for link in nav.locator("a").all():  # each link on one line, not one character a line
        box = link.bounding_box()
        assert box is not None
        assert box["height"] < 40, (link.inner_text(), box)
    nav.locator("a[href='/tables']").click()
    page.wait_for_url("**/tables")
    page.locator("table.list a", has_text=PROJECT).first.click()
    expect(page.locator("#sheet")).to_be_visible()
    widths = page.evaluate(
        """() => {
            const frame = document.getElementById("sheet").closest(".frame");
            return {
                page: document.documentElement.scrollWidth,
                viewport: window.innerWidth,
                frame: frame.clientWidth,
                table: frame.scrollWidth,
            };
        }"""
    )
    assert widths["page"] <= widths["viewport"], widths  # the page does not scroll sideways
    assert widths["table"] > widths["frame"], widths  # the table scrolls inside its frame
    screenshot(page, "mobile-390-table")
    page.goto("/")
    expect(page.locator("body[data-charts=drawn]")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "mobile-390-dashboard")
