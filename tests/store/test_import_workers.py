"""Parallel import (issue 17): worker processes read and review, the main process writes in
order; the result is the one of a single process, files stay isolated in workers (ING999,
the time budget's ING007), the files in flight are bounded, and Ctrl-C ends with a summary of
what was committed. Nothing here is timed: bench/bench_import.py measures the speed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any, TypeVar

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.ingest import budget
from jixiao.services import import_files, rule_reviewer
from jixiao.services.imports import AHEAD_PER_WORKER
from jixiao.store import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_import import example_like, write_documents

runner = CliRunner()
T = TypeVar("T")
PATHOLOGICAL = Path(__file__).parents[1] / "ingest" / "fuzz_cases" / "hang_segmentrows_f00765.txt"


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    return write_documents(tmp_path / "documents", 12)


def imported(database: str, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["import", "--db", database, "--format", "json", *args])
    assert result.exit_code in (0, 2), result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


TIMES = frozenset({"imported_at", "created_at", "updated_at", "changed_at"})


def stored_rows(database: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ids included (written in order, they are the same), times
    left out."""
    with sqlite3.connect(database) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            )
        ]
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            columns = [column[1] for column in connection.execute(f"PRAGMA table_info({name})")]
            kept = ", ".join(f'"{c}"' for c in columns if c not in TIMES)
            rows[name] = connection.execute(f"SELECT {kept} FROM {name} ORDER BY 1").fetchall()
    return rows


def test_two_workers_store_what_one_process_stores(documents: Path, tmp_path: Path) -> None:
    """Row for row, a revision within the batch included."""
    revised = example_like(0).replace("≥16 个", "≥18 个").replace("≥15 人", "≥12 人")
    (documents / "0012-revised.txt").write_text(revised, encoding="utf-8")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    first = imported(one, "--workers", "1", str(documents))
    second = imported(two, "--workers", "2", str(documents))
    assert first["summary"] == second["summary"]
    assert first["summary"]["imported"] == 13
    assert first["summary"]["revised_tables"] == 2
    assert [f["file"] for f in first["files"]] == [f["file"] for f in second["files"]]
    stored = stored_rows(one)
    assert len(stored["changes"]) == 2
    assert len(stored["findings"]) > 13 * 4
    assert stored == stored_rows(two)
    again = imported(two, "--workers", "2", str(documents))
    assert again["summary"]["already_imported"] == 13


WRITER_PROBE = """
import json, sys
from jixiao.cli import main
sys.argv = ["jixiao", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_the_writing_process_loads_no_reader(documents: Path, tmp_path: Path) -> None:
    """With reading workers, the main process hashes and writes: the readers, the 指标值
    grammar, the review rules' checks and the scoring load in the workers only."""
    database = str(tmp_path / "db.sqlite")
    command = ["import", str(documents), "--db", database, "--workers", "2"]
    done = subprocess.run(
        [sys.executable, "-c", WRITER_PROBE, *command], capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert committed(Path(database)) == 12
    assert "jixiao.store" in loaded
    readers = {"jixiao.assemble", "jixiao.targets", "jixiao.ingest.pasted", "jixiao.evaluate"}
    assert loaded & readers == set()


@pytest.mark.usefixtures("raising_rule", "raising_reader")
def test_a_file_failing_in_a_worker_fails_alone(batch: list[Path], tmp_path: Path) -> None:
    report = imported(str(tmp_path / "db.sqlite"), "--workers", "2", *map(str, batch))
    statuses = {Path(f["file"]).name: f["status"] for f in report["files"]}
    errors = {Path(f["file"]).name: f["error"] for f in report["files"] if f["error"]}
    assert report["summary"]["imported"] == 3
    assert statuses["3-review-bomb.txt"] == statuses["4-read-bomb.txt"] == "failed"
    assert errors["3-review-bomb.txt"]["code"] == errors["4-read-bomb.txt"]["code"] == "ING999"


class StepClock:
    """time.monotonic moving one second per call (tests/ingest/test_time_budget.py)."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 1.0
        return self.now


def test_the_time_budget_holds_in_workers(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "time", StepClock())  # the workers are forked with it
    files = [str(PATHOLOGICAL), str(example_path)]
    report = imported(str(tmp_path / "db.sqlite"), "--workers", "2", "--time-limit", "2000", *files)
    assert report["files"][0]["error"]["code"] == "ING007"
    assert report["files"][1]["status"] == "imported"


class Deferred(Future[T]):
    """A reading that runs only when its result is asked for: never done before."""

    def __init__(self, call: Callable[[], T]) -> None:
        super().__init__()
        self.call = call

    def result(self, timeout: float | None = None) -> T:
        if not self.done():
            self.set_result(self.call())
        return super().result(timeout)


class CountingExecutor(Executor):
    """Hands out deferred readings, counting them: the files handed out for reading."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        self.submitted += 1
        return Deferred(lambda: fn(*args, **kwargs))


def test_files_in_flight_are_bounded(
    database: Database, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However many files, at most AHEAD_PER_WORKER × workers are read ahead of the one being
    written."""
    executor = CountingExecutor()
    paths = sorted(documents.iterdir())
    taken = 0

    def sources() -> Iterator[Path]:
        nonlocal taken
        for path in paths:
            taken += 1
            yield path

    ahead = []
    assert len(paths) > AHEAD_PER_WORKER  # enough files to fill the window
    outcomes = import_files(database, sources(), workers=1, executor=executor)
    for written, outcome in enumerate(outcomes, start=1):
        assert outcome.result is not None
        ahead.append(executor.submitted - written)
    assert executor.submitted == len(paths) == taken
    assert max(ahead) <= AHEAD_PER_WORKER
    assert max(ahead) == AHEAD_PER_WORKER  # the executor was kept busy, too


def test_rule_review_travels_to_workers_by_its_configuration() -> None:
    import pickle

    from jixiao.review import ReviewConfig

    review = rule_reviewer(ReviewConfig(select=("CM",)))
    copy = pickle.loads(pickle.dumps(review))
    assert copy.config == review.config
    assert copy.reviewer() is review.reviewer()  # built once per process


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a process is POSIX")
def test_ctrl_c_ends_with_a_summary_of_what_was_committed(tmp_path: Path) -> None:
    documents = write_documents(tmp_path / "many", 400)
    database = tmp_path / "db.sqlite"
    command = [str(Path(sys.executable).parent / "jixiao"), "import", "--db", str(database)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--format", "json", str(documents)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while not committed(database):  # interrupt once something is in, well before the end
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    report = json.loads(stdout)
    assert "已中断" in stderr
    assert 0 < report["summary"]["imported"] < 400
    assert report["summary"]["imported"] == committed(database)
    assert report["summary"]["failed"] == 0


def committed(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=5) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not made yet
        return 0
