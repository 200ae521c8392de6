"""The monitoring and evaluation overviews: lights and scores of the tables a user may see."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jixiao.evaluate import Light
from jixiao.services import connect_store, evaluation_overview, monitoring_overview, user_named
from jixiao.services.evaluation import TableRef, record_actual, record_execution

from .conftest import DEPARTMENT
from .test_evaluation import entries


def test_monitoring_lights_the_users_tables_most_at_risk_first(
    database_path: Path, vl04_table: int
) -> None:
    database = connect_store(str(database_path))
    try:
        ref = TableRef(str(vl04_table))
        record_execution(database, ref, "5万元", month=7)  # of 30万元: far behind 7/12
        record_actual(database, ref, "工作经费补助人数", "18人", month=7)
        overview = monitoring_overview(database, user_named(database, "reviewer"), 7)
        first = overview.projects[0]
        assert first.table.id == vl04_table
        assert first.monitoring is not None
        assert first.monitoring.budget.light is Light.RED
        assert first.monitoring.light is Light.RED
        assert overview.count(Light.RED) == 1
        unlit = [p for p in overview.projects if p.monitoring is None]
        assert unlit
        assert all(p.missing == "未录入 1–7 月预算执行数" for p in unlit)
        assert monitoring_overview(database, user_named(database, "outsider"), 7).projects == []
    finally:
        database.close()


def test_evaluation_overview_by_department(
    api: Callable[..., Any],
    database_path: Path,
    vl04_table: int,
    position_of: Callable[[int, str], int],
) -> None:
    body = {"actuals": entries(position_of, vl04_table), "executed": "27万元"}
    assert api("PUT", f"/api/v1/tables/{vl04_table}/evaluation", json=body).status_code == 200
    database = connect_store(str(database_path))
    try:
        [department] = evaluation_overview(database, user_named(database, "filler"))
        assert department.department == DEPARTMENT
        assert len(department.evaluated) == 1
        assert department.average == 97.55
        assert department.grades() == {"优": 1}
        assert len(department.tables) == api("GET", "/api/v1/tables").json()["total"]
        assert evaluation_overview(database, user_named(database, "outsider")) == []
    finally:
        database.close()
