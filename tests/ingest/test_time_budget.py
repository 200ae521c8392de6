"""The per-document time budget: a document that spends it fails with ING007 naming the file,
the other files of the batch are read. No time is measured: the clock is a fake that moves one
second at every budget check, so a budget of N seconds is N checks of the readers' loops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.errors import ConfigError, ReadingTimeLimit
from jixiao.ingest import budget
from jixiao.services.documents import document_from_bytes, reading_time_limit

runner = CliRunner()
FUZZ = Path(__file__).parent / "fuzz_cases"
PATHOLOGICAL = FUZZ / "hang_segmentrows_f00765.txt"  # some 10,000 checks
# the example takes about 240 checks: a budget of 2,000 "seconds" reads it, not the other
BUDGET = 2000


class StepClock:
    """time.monotonic that moves one second per call."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def step_clock(monkeypatch: pytest.MonkeyPatch) -> StepClock:
    clock = StepClock()
    monkeypatch.setattr(budget, "time", clock)
    return clock


@pytest.mark.usefixtures("step_clock")
def test_a_check_past_the_deadline_raises_naming_the_file() -> None:
    with budget.time_budget("甲.txt", 3):  # starts at second 1: the deadline is second 4
        budget.check_budget()
        budget.check_budget()
        budget.check_budget()
        with pytest.raises(ReadingTimeLimit) as raised:
            budget.check_budget()
    assert raised.value.code == "ING007"
    assert raised.value.file == "甲.txt"
    assert raised.value.message.startswith("甲.txt：读取超过 3 秒")
    budget.check_budget()  # outside a budget: no limit


@pytest.mark.usefixtures("step_clock")
def test_no_limit_with_zero() -> None:
    with budget.time_budget("甲.txt", 0):
        for _ in range(100):
            budget.check_budget()


@pytest.mark.usefixtures("step_clock")
def test_a_pathological_document_fails_and_a_good_one_reads(example_path: Path) -> None:
    bad = document_from_bytes(PATHOLOGICAL.read_bytes(), PATHOLOGICAL.name, time_limit=BUDGET)
    assert bad.error is not None
    assert bad.error.code == "ING007"
    assert PATHOLOGICAL.name in bad.error.message
    assert not bad.tables
    good = document_from_bytes(example_path.read_bytes(), "example.txt", time_limit=BUDGET)
    assert good.error is None
    assert good.tables


@pytest.mark.usefixtures("step_clock")
def test_parse_reports_the_file_and_reads_the_others(example_path: Path) -> None:
    files = [str(PATHOLOGICAL), str(example_path)]
    result = runner.invoke(app, ["parse", "--format", "json", "--time-limit", str(BUDGET), *files])
    assert result.exit_code == 2
    documents = json.loads(result.stdout)["documents"]
    assert documents[0]["error"]["code"] == "ING007"
    assert str(PATHOLOGICAL) in documents[0]["error"]["message"]
    assert documents[1]["error"] is None
    assert documents[1]["tables"]


@pytest.mark.usefixtures("step_clock")
def test_the_environment_sets_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_TIME_LIMIT", str(BUDGET))
    assert reading_time_limit() == BUDGET
    result = runner.invoke(app, ["parse", "--format", "json", str(PATHOLOGICAL)])
    assert json.loads(result.stdout)["documents"][0]["error"]["code"] == "ING007"


def test_the_default_and_a_wrong_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JIXIAO_TIME_LIMIT", raising=False)
    assert reading_time_limit() == budget.DEFAULT_SECONDS == 30
    assert reading_time_limit(5) == 5
    monkeypatch.setenv("JIXIAO_TIME_LIMIT", "快")
    with pytest.raises(ConfigError):
        reading_time_limit()
    monkeypatch.setenv("JIXIAO_TIME_LIMIT", "-1")
    with pytest.raises(ConfigError):
        reading_time_limit()
