"""The table page's database work is bounded: the statements one request runs are counted
(not timed), so that a change adding queries to the page is seen (issue 16 part 5)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event


@pytest.fixture
def statements(app: FastAPI) -> Iterator[list[str]]:
    """The SQL statements run through the app's engine (BEGIN included), as they run."""
    ran: list[str] = []

    def record(*arguments: Any) -> None:
        ran.append(arguments[2])

    engine = app.state.database.engine
    event.listen(engine, "before_cursor_execute", record)
    yield ran
    event.remove(engine, "before_cursor_execute", record)


@pytest.mark.parametrize("role", ["filler", "reviewer", "admin"])
def test_the_table_page_runs_eight_statements(
    role: str,
    client: TestClient,
    login: Callable[[str], str],
    vl04_table: int,
    statements: list[str],
) -> None:
    login(role)
    assert client.get(f"/tables/{vl04_table}").status_code == 200  # the revision cached
    statements.clear()
    assert client.get(f"/tables/{vl04_table}").status_code == 200
    # the session (BEGIN, one query); the page in one transaction (BEGIN, the table,
    # its review state, revisions, changes, comments)
    assert len(statements) == 8, statements


def test_a_submitted_tables_page_reads_its_steps_and_decisions(
    client: TestClient,
    api: Callable[..., Any],
    login: Callable[[str], str],
    vl04_table: int,
    statements: list[str],
) -> None:
    submitted = api("POST", f"/api/v1/tables/{vl04_table}/workflow", user="filler",
                    json={"action": "submit"})  # fmt: skip
    assert submitted.status_code == 200, submitted.text
    login("reviewer")
    assert client.get(f"/tables/{vl04_table}").status_code == 200  # the revision cached
    statements.clear()
    page = client.get(f"/tables/{vl04_table}")
    assert page.status_code == 200
    assert 'data-state="submitted"' in page.text
    assert len(statements) == 10, statements  # and the workflow's steps and decisions
