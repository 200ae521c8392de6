"""Use-cases of the monitoring and evaluation pages: 双监控 lights and self-evaluation scores
of the tables a user may see.

- :func:`monitoring_overview`: every project target table in the user's scope lit at a month
  (1–12) from the values recorded for it, or the reason it cannot be lit;
- :func:`evaluation_overview`: the newest stored self-evaluation of each table in the scope,
  grouped by department, with the department's average score and count per grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from jixiao.evaluate import Light
from jixiao.model import TableKind
from jixiao.services.browse import scoped
from jixiao.services.evaluation import TableMonitoring, monitor_stored
from jixiao.services.users import User
from jixiao.store import Database, TableFilter, TableSummary, list_tables
from jixiao.store.evaluations import EvaluationRecord, latest_evaluations

LIGHTS: Final = (Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN)
"""The lights in the order a page lists them: most at risk first."""


@dataclass(frozen=True)
class MonitoringOverview:
    month: int
    projects: list[TableMonitoring]

    def count(self, light: Light | None) -> int:
        """Projects whose overall light is ``light`` (None: not lit, data missing)."""
        return sum(
            1 for p in self.projects if (p.monitoring.light if p.monitoring else None) is light
        )


def monitoring_overview(
    database: Database,
    user: User,
    month: int,
    *,
    wanted: TableFilter | None = None,
    profile: str | None = None,
) -> MonitoringOverview:
    """Lights of the user's project target tables at ``month``, most at risk first."""
    chosen = scoped(user, (wanted or TableFilter()).model_copy(update={"kind": None}))
    projects = list(monitor_stored(database, month, profile=profile, wanted=chosen))
    projects.sort(key=risk_order)
    return MonitoringOverview(month, projects)


def risk_order(project: TableMonitoring) -> tuple[int, int]:
    light = project.monitoring.light if project.monitoring else None
    rank = -light.rank if light is not None else 1  # red first, unlit last
    return (rank, project.table.id)


@dataclass
class DepartmentScores:
    department: str
    tables: list[tuple[TableSummary, EvaluationRecord | None]] = field(default_factory=list)

    @property
    def evaluated(self) -> list[EvaluationRecord]:
        return [record for _, record in self.tables if record is not None]

    @property
    def average(self) -> float | None:
        totals = [r.total for r in self.evaluated if r.complete and r.total is not None]
        return sum(totals) / len(totals) if totals else None

    def grades(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.evaluated:
            if record.grade:
                counts[record.grade] = counts.get(record.grade, 0) + 1
        return counts


def evaluation_overview(
    database: Database, user: User, wanted: TableFilter | None = None
) -> list[DepartmentScores]:
    """The project target tables in the user's scope by department (name order), each with
    its newest stored self-evaluation (None when it was not evaluated yet)."""
    chosen = scoped(
        user, (wanted or TableFilter()).model_copy(update={"kind": TableKind.PROJECT_TARGET})
    )
    with database.engine.connect() as connection:
        tables = list_tables(connection, chosen)
        latest = latest_evaluations(connection, {t.id: None for t in tables})
    departments: dict[str, DepartmentScores] = {}
    for table in tables:
        name = table.department or table.department_code or "（未填写部门）"
        departments.setdefault(name, DepartmentScores(name)).tables.append(
            (table, latest.get(table.id))
        )
    return [departments[name] for name in sorted(departments)]
