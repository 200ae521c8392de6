"""An upload holding a pathological file: that file fails with ING007 (the per-document time
budget, JIXIAO_TIME_LIMIT), the others are imported, and no thread is left running. The clock
is a fake moving one second per budget check (see tests/ingest/test_time_budget.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jixiao.ingest import budget

PATHOLOGICAL = Path(__file__).parents[1] / "ingest" / "fuzz_cases" / "hang_segmentrows_f00765.txt"


class StepClock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 1.0
        return self.now


def test_an_upload_over_its_budget_fails_alone(
    api: Callable[..., Any], example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "time", StepClock())
    monkeypatch.setenv("JIXIAO_TIME_LIMIT", "2000")
    before = set(threading.enumerate())
    files = [
        ("files", (PATHOLOGICAL.name, PATHOLOGICAL.read_bytes(), "text/plain")),
        ("files", ("example.txt", example_path.read_bytes(), "text/plain")),
    ]
    response = api("POST", "/api/v1/documents", files=files)
    assert response.status_code == 200, response.text
    results = {item["file"]: item for item in response.json()["results"]}
    assert results[PATHOLOGICAL.name]["ok"] is False
    assert results[PATHOLOGICAL.name]["error"]["code"] == "ING007"
    assert PATHOLOGICAL.name in results[PATHOLOGICAL.name]["error"]["message"]
    assert results["example.txt"]["ok"] is True
    # nothing of the reading is left running (the server's own worker and job threads aside)
    left = [t for t in threading.enumerate() if t not in before]
    own = ("AnyIO worker", "jixiao-upload-job")
    assert [t.name for t in left if not t.name.startswith(own)] == []
