"""In Debian's chromium: an upload that takes long shows its progress (htmx polling the job's
status) and then each file's result. The job is held after its first file by
``upload_gate`` (conftest.py), so the progress is seen without waiting on the clock; the app
answers every upload from its job at once (``upload_wait=0``). Screenshot in test-artifacts/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from jixiao.web import create_app

PASSWORD = "correct-horse-battery"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "binhai-zuzhibu-2024.txt"


def test_an_upload_job_shows_progress_then_results(
    database_path: Path,
    tmp_path: Path,
    serve: Callable[[FastAPI], str],
    browser: Callable[..., Any],
    screenshot: Callable[[Any, str], Path],
    upload_gate: Any,
) -> None:
    from playwright.sync_api import expect

    revised = tmp_path / "修订版.txt"
    revised.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("≥16 个", "≥17 个", 1), encoding="utf-8"
    )
    broken = tmp_path / "损坏的表.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")

    page = browser(serve(create_app(str(database_path), upload_wait=0)))
    page.goto("/login")
    page.fill("input[name=name]", "filler")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    page.goto("/upload")
    page.set_input_files("#files", [str(revised), str(broken)])
    page.click("#upload-form button[type=submit]")

    job = page.locator("#upload-job")
    expect(job).to_have_attribute("data-status", "running")
    assert upload_gate.reached.wait(60)
    expect(job.locator(".job-progress")).to_contain_text("已处理 1 / 2 个文件")
    expect(job.locator(".job-progress")).to_contain_text("正在处理“损坏的表.xlsx”")
    expect(job.locator("progress")).to_have_attribute("value", "1")
    expect(job.locator("li.result.ok")).to_contain_text("新修订版")  # the first file's result
    screenshot(page, "upload-job-running")

    upload_gate.opened.set()  # the next poll finds the job done
    expect(job).to_have_attribute("data-status", "done")
    expect(job.locator("progress")).to_have_count(0)
    expect(job.locator("li.result.ok")).to_contain_text("修订版.txt")
    failed = job.locator("li.result.failed")
    expect(failed).to_contain_text("损坏的表.xlsx")
    expect(failed).to_contain_text("未导入")
    screenshot(page, "upload-job-done")
