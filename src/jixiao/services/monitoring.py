"""Monthly monitoring values for a signed-in user (the web app): the entry form's data, and
saving it.

What is entered for a month (1–m 月): the budget executed so far (执行数, the adjusted budget
and why execution lags) and each indicator's value reached so far with its deviation reason.
They are stored by the same use-cases as ``jixiao execution set --month`` and ``jixiao actual
set --month`` (:func:`record_execution`, :func:`record_actual`), each a change in the history
by the user, and light the 双监控 page of that month. Anyone who may read a table sees its
values; entering them needs the right to edit the table (填报 of its department, or 管理员).
Every amount and indicator is checked before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.errors import EvaluationError
from jixiao.model import TableKind, TargetTable
from jixiao.services.browse import readable_table
from jixiao.services.evaluation import TableRef, amount, record_actual, record_execution
from jixiao.services.users import User
from jixiao.store import Database, TableSummary, load_stored_table
from jixiao.store.evaluations import ActualRecord, ExecutionRecord, actuals_of, execution_of


@dataclass(frozen=True)
class MonthlyActual:
    """One indicator's row of the form: its position (from 0), the value reached so far and
    the deviation reason (偏差原因); a blank value leaves the indicator as it was."""

    position: int
    value: str
    note: str | None = None


@dataclass(frozen=True)
class MonthlyValues:
    summary: TableSummary
    table: TargetTable
    month: int
    actuals: dict[str, ActualRecord]
    execution: ExecutionRecord | None
    can_edit: bool


def check_monitoring_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise EvaluationError(f"监控月份 {month} 无效（应为 1–12）")
    return month


def monthly_values(database: Database, user: User, table_id: int, month: int) -> MonthlyValues:
    """The table and what has been entered for 1–``month`` 月."""
    check_monitoring_month(month)
    summary = readable_table(database, user, table_id)
    with database.engine.connect() as connection:
        stored = load_stored_table(connection, table_id)
        if stored is None:
            raise EvaluationError(f"{summary.describe()} 没有可监控的版本")
        actuals = actuals_of(connection, table_id, month)
        execution = execution_of(connection, table_id, month)
    return MonthlyValues(
        summary=summary,
        table=stored.table,
        month=month,
        actuals=actuals,
        execution=execution,
        can_edit=user.can_edit(summary) and summary.kind is TableKind.PROJECT_TARGET,
    )


def save_monthly_values(
    database: Database,
    user: User,
    table_id: int,
    month: int,
    actuals: Sequence[MonthlyActual],
    *,
    executed: str | None = None,
    adjusted: str | None = None,
    note: str | None = None,
) -> int:
    """Record the month's execution and indicator values that changed; how many were.

    A month outside 1–12, an amount that cannot be read, an adjusted budget without the
    executed amount, or an indicator the table lacks is refused before anything is written.
    """
    current = monthly_values(database, user, table_id, month)
    user.require_edit(current.summary)
    if current.summary.kind is not TableKind.PROJECT_TARGET:
        raise EvaluationError(f"{current.summary.describe()} 不是项目支出绩效目标表，无需监控")
    executed = (executed or "").strip()
    adjusted = (adjusted or "").strip() or None
    note = (note or "").strip() or None
    spent = amount(executed) if executed else None
    budget = amount(adjusted) if adjusted else None
    if spent is None and budget is not None:
        raise EvaluationError("填写调整后预算数时，须同时填写截至本月的执行数")
    indicators = current.table.indicators
    changed: list[MonthlyActual] = []
    for entry in actuals:
        if not 0 <= entry.position < len(indicators):
            raise EvaluationError(f"此表没有第 {entry.position + 1} 个指标")
        value = entry.value.strip()
        if not value:
            continue
        before = current.actuals.get(indicators[entry.position].name)
        entry_note = (entry.note or "").strip() or None
        if before is None or (before.value, before.note) != (value, entry_note):
            changed.append(MonthlyActual(entry.position, value, entry_note))
    ref = TableRef(f"#{table_id}")
    known = current.execution
    saves = 0
    if spent is not None and (
        known is None or (known.executed, known.adjusted, known.note) != (spent, budget, note)
    ):
        record_execution(
            database, ref, executed, adjusted=adjusted, month=month, note=note, user=user.name
        )
        saves += 1
    for entry in changed:  # by number (1-based): names may repeat within a table
        record_actual(
            database,
            ref,
            str(entry.position + 1),
            entry.value,
            month=month,
            note=entry.note,
            user=user.name,
        )
        saves += 1
    return saves
