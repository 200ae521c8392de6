"""A multi-file upload answers for each file: one that fails on a bug is that file's error.

The batch (tests/conftest.py) holds the decimal case, good files, a file whose review raises
and a file whose reading raises; the API and the upload page answer 200 with a result per file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jixiao.errors import InternalError

ERROR_CODE = InternalError.code


def by_name(items: list[dict[str, Any]], key: str = "file") -> dict[str, dict[str, Any]]:
    return {Path(item[key]).name: item for item in items}


def upload_batch(batch: list[Path]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (path.name, path.read_bytes(), "text/plain")) for path in batch]


@pytest.mark.usefixtures("raising_rule", "raising_reader")
def test_api_upload_answers_for_each_file(api: Callable[..., Any], batch: list[Path]) -> None:
    response = api("POST", "/api/v1/documents", files=upload_batch(batch))
    assert response.status_code == 200, response.text
    results = by_name(response.json()["results"])
    assert list(results) == [path.name for path in batch]
    assert [results[p.name]["ok"] for p in batch] == [True, True, False, False, True]
    bomb = results["3-review-bomb.txt"]["error"]
    assert bomb["code"] == ERROR_CODE
    assert "3-review-bomb.txt" in bomb["message"]
    assert "ZeroDivisionError" not in response.text
    assert results["1-decimal.txt"]["findings"].get("warning", 0) >= 1
    found = api("GET", "/api/v1/tables", params={"q": "审核引爆"}).json()
    assert found["total"] == 0


@pytest.mark.usefixtures("raising_rule", "raising_reader")
def test_upload_page_answers_for_each_file(
    client: Any, login: Callable[[str], str], batch: list[Path]
) -> None:
    csrf = login("admin")
    response = client.post(
        "/upload", files=upload_batch(batch), headers={"X-CSRF-Token": csrf, "HX-Request": "true"}
    )
    assert response.status_code == 200, response.text
    for path in batch:
        assert path.name in response.text
    assert ERROR_CODE in response.text or "内部错误" in response.text
    assert "ZeroDivisionError" not in response.text
