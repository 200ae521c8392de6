"""In a real browser (Debian's chromium, driven by Playwright): sign in, upload the example in
two forms, see VL04 on 经费使用及时率, correct it in place and see the finding go, then enter
what was achieved and see the self-evaluation's grade.

The server is uvicorn on a free loopback port, started by the test. Screenshots of the main
pages go to ``test-artifacts/`` (ignored by git). Playwright's own browser downloads are
never used; when /usr/bin/chromium cannot be launched the test is skipped, saying why
(``make test`` installs chromium first).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from jixiao.services import add_user, connect_store
from jixiao.web import create_app

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DOCUMENTS = [
    ROOT / "examples" / "binhai-zuzhibu-2024.txt",
    ROOT / "tests" / "documents" / "binhai-zuzhibu-2024.xlsx",
]
PROJECT = "选调生到村任职工作补助区配套资金"
TIMELY = "经费使用及时率"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    url = str(tmp_path / "browser.db")
    database = connect_store(url)
    add_user(database, "admin", "correct-horse-battery", "admin")
    database.close()
    yield from serve(url)


def serve(url: str) -> Iterator[str]:
    """uvicorn serving the app over the database ``url`` on a free loopback port."""
    config = uvicorn.Config(
        create_app(url), host="127.0.0.1", port=free_port(), log_level="warning", lifespan="on"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{config.port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import Error, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (make test installs it: apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Error as error:
            pytest.skip(f"chromium cannot be launched here: {error.message.splitlines()[0]}")
        context = browser.new_context(
            base_url=server, locale="zh-CN", viewport={"width": 1280, "height": 900}
        )
        opened = context.new_page()
        opened.set_default_timeout(10_000)
        violations: list[str] = []  # the pages must satisfy their Content-Security-Policy
        opened.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        yield opened
        assert violations == []
        context.close()
        browser.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_upload_review_and_correct_in_the_browser(page: Any) -> None:
    from playwright.sync_api import expect

    page.goto("/tables")
    assert page.url.endswith("/login?next=/tables")
    page.fill("input[name=name]", "admin")
    page.fill("input[name=password]", "correct-horse-battery")
    page.click("button[type=submit]")
    expect(page.locator("#table-count")).to_have_text("0")

    page.goto("/upload")
    page.set_input_files("#files", [str(path) for path in DOCUMENTS])
    expect(page.locator("#chosen li")).to_have_count(2)
    page.click("#upload-form button[type=submit]")
    results = page.locator("#upload-results li.result")
    expect(results).to_have_count(2)
    expect(page.locator("#upload-results li.result.ok")).to_have_count(2)
    shot(page, "upload")

    page.goto("/")
    expect(page.locator("body[data-charts=drawn]")).to_have_count(1)
    shot(page, "dashboard")

    page.goto(f"/tables?q={TIMELY}")
    shot(page, "tables")
    page.click(f"text={PROJECT}")
    row = page.locator(f'tr[data-indicator="{TIMELY}"]')
    expect(row.locator('td.target li[data-code="VL04"]')).to_have_count(1)
    expect(page.locator("td.level1[rowspan]").first).to_be_visible()
    shot(page, "table")

    row.locator("td.target button.edit").click()
    field = row.locator("input[name=target]")
    expect(field).to_have_value("≥100%")
    expect(row.locator('.preview li[data-code="VL04"]')).to_have_count(1)
    field.fill("=100%")
    expect(row.locator(".preview .ok")).to_be_visible()
    shot(page, "editing")
    row.locator("button[type=submit]").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("审核发现已更新")
    row = page.locator(f'tr[data-indicator="{TIMELY}"]')
    expect(row.locator("td.target .value")).to_have_text("=100%")
    expect(row.locator('li[data-code="VL04"]')).to_have_count(0)
    expect(page.locator("#changes")).to_contain_text("admin")
    shot(page, "table-corrected")

    # enter what was achieved and the money spent, and see the self-evaluation's grade
    page.click("#self-evaluation-link")
    expect(page.locator("#problem")).to_contain_text("尚未录入全年执行数")
    achieved = {
        "工作经费补助人数": "18人",
        "工作经费拨付合规律": "100%",
        TIMELY: "100%",
        "工作经费拨付人均标准": "1.5万元",
        "提高到村任职选调生工作开展质量": "达成年度指标",
        "到村任职选调生满意度": "96%",
    }
    for name, value in achieved.items():
        page.locator(f'#actuals tr[data-indicator="{name}"] input[name^=actual-]').fill(value)
    page.fill("#executed", "27万元")
    page.click("#evaluation-form button[type=submit]")
    expect(page.locator("#grade")).to_have_text("优")
    expect(page.locator("#total")).to_have_text("97.55")
    expect(page.locator('#scores tr[data-indicator="工作经费补助人数"]')).to_contain_text("11.25")
    # a 部分达成 judged within its band: 21 of the 30 points (70%), and the total is known
    quality = page.locator('#actuals tr[data-indicator="提高到村任职选调生工作开展质量"]')
    quality.locator("input[name^=actual-]").fill("基本完成")
    quality.locator("select[name^=band-]").select_option("部分达成")
    quality.locator("input[name^=score-]").fill("21")
    page.click("#evaluation-form button[type=submit]")
    expect(page.locator("#total")).to_have_text("88.55")
    expect(page.locator("#grade")).to_have_text("良")
    shot(page, "self-evaluation")
    # choosing another scoring profile reloads the page (a script file: no inline handler)
    other = page.locator("select[name=profile] option:not([selected])").first
    chosen = other.get_attribute("value")
    page.select_option("select[name=profile]", chosen)
    page.wait_for_url(f"**profile={chosen}*")
