"""Use-cases of self-evaluation and monitoring over the store.

Actual values and budget execution are recorded per table (and month, for monitoring);
``evaluate`` scores a stored table under a profile and stores the result with the profile's
name and version; ``monitor`` lights every table at a month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from jixiao.assemble.fields import parse_amount
from jixiao.errors import EntryRefused, EvaluationError, NotFound
from jixiao.evaluate import Evaluation, Monitoring, Profile, evaluate_table, load_profile
from jixiao.evaluate import monitor_table as light_table
from jixiao.evaluate.display import money
from jixiao.evaluate.entries import check_actual, check_execution, score_share
from jixiao.model import Indicator, TableKind, TargetKind, TargetTable
from jixiao.review.printed import compare_printed
from jixiao.services.store import resolve_table
from jixiao.store import (
    Database,
    TableFilter,
    TableSummary,
    find_tables,
    list_tables,
    load_stored_table,
    write_transaction,
)
from jixiao.store.evaluations import (
    YEAR,
    ActualRecord,
    actuals_of,
    execution_of,
    save_evaluation,
    set_actual,
    set_execution,
)
from jixiao.targets import parse_target


@dataclass(frozen=True)
class TableRef:
    """How a user names a table: project (or its number from ``ls``), narrowed if needed."""

    name: str
    year: int | None = None
    department: str | None = None


@dataclass(frozen=True)
class ActualSet:
    table: TableSummary
    indicator: str
    value: str
    kind: TargetKind
    replaced: str | None


@dataclass(frozen=True)
class TableEvaluation:
    table: TableSummary
    evaluation: Evaluation


@dataclass(frozen=True)
class TableMonitoring:
    table: TableSummary
    monitoring: Monitoring | None
    missing: str | None = None  # why it could not be lit (no execution recorded …)


@dataclass(frozen=True)
class ExecutionInput:
    """The 执行数 to score: the one entered (``execution set``, the web form), else the one an
    imported 自评表 prints; ``printed`` names the printed text when that is used."""

    executed: float
    adjusted: float | None
    printed: str | None = None

    @property
    def note(self) -> str | None:
        if self.printed is None:
            return None
        return f"执行数取自表中所印全年执行数“{self.printed}”（未另行录入）"


def execution_input(
    connection: Connection, table_id: int, table: TargetTable
) -> ExecutionInput | None:
    """The whole-year execution to score ``table`` with, or None when none is known."""
    record = execution_of(connection, table_id, YEAR)
    if record is not None:
        return ExecutionInput(record.executed, record.adjusted)
    budget = table.budget
    if table.kind is TableKind.SELF_EVALUATION and budget.executed is not None:
        return ExecutionInput(budget.executed, None, money(budget.executed, budget.unit_printed))
    return None


def evaluate_with(
    table: TargetTable,
    execution: ExecutionInput,
    records: dict[str, ActualRecord],
    rules: Profile,
) -> Evaluation:
    """Score ``table`` with the recorded values and the execution, noting where it came from."""
    evaluation = evaluate_table(
        with_actuals(table, records),
        executed=execution.executed,
        adjusted=execution.adjusted,
        profile=rules,
        bands=keyed(table, records, "band"),
        manual=keyed(table, records, "score"),
        shares=keyed(table, records, "share"),
    )
    if execution.note:
        evaluation.notes.insert(0, execution.note)
    evaluation.findings = compare_printed(table, evaluation)
    return evaluation


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def find_indicator(table: TargetTable, wanted: str) -> Indicator:
    """By exact name, by number (1-based, as ``show`` prints), or by a unique part."""
    indicators = table.indicators
    exact = [i for i in indicators if i.name == wanted]
    if len(exact) == 1:
        return exact[0]
    if wanted.isdigit() and 1 <= int(wanted) <= len(indicators):
        return indicators[int(wanted) - 1]
    partial = [i for i in indicators if wanted in i.name]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFound(f"指标“{wanted}”（项目“{table.project}”）")
    names = "、".join(f"“{i.name}”" for i in partial[:5])
    raise EvaluationError(f"“{wanted}”对应多个指标：{names}；请写出完整名称或序号")


def check_month(month: int) -> int:
    if not 0 <= month <= 12:
        raise EvaluationError(f"月份 {month} 无效（0 表示全年，1–12 表示监控月份）")
    return month


def record_actual(
    database: Database,
    ref: TableRef,
    indicator: str,
    value: str,
    *,
    month: int = YEAR,
    band: str | None = None,
    score: float | None = None,
    note: str | None = None,
    user: str | None = None,
    profile: str | None = None,
) -> ActualSet:
    """Store an indicator's 实际完成值 (or its 1–m 月 value); recorded in the history.

    The value is checked first (:func:`check_entry`): one the indicator cannot have, or a
    ``score`` (points) outside [0, 分值] or outside ``band`` under ``profile``, is refused. The
    score is kept as a share of the weight, so that it holds under another profile."""
    check_month(month)
    if not value.strip():
        raise EvaluationError("实际完成值不能为空")
    rules = load_profile(profile)
    with write_transaction(database) as connection:
        summary, table = stored_table(connection, ref)
        chosen = find_indicator(table, indicator)
        position = next(i for i, row in enumerate(table.indicators) if row is chosen)
        share = check_entry(table, position, value, band, score, rules)
        parsed = parse_target(value, year=table.year)
        old = set_actual(
            connection,
            summary.id,
            chosen.name,
            month=month,
            value=value.strip(),
            band=band,
            share=share,
            note=note,
            user=user,
            now=now(),
        )
    return ActualSet(summary, chosen.name, value.strip(), parsed.kind, old.value if old else None)


def check_entry(
    table: TargetTable,
    position: int,
    value: str,
    band: str | None,
    score: float | None,
    rules: Profile,
) -> float | None:
    """Refuse an entry the indicator at ``position`` cannot have; the score (points) as the
    share of the indicator's weight that the store keeps (None when no score is given)."""
    indicator = table.indicators[position]
    if band:
        try:
            rules.band(band)
        except EvaluationError as error:
            raise EntryRefused(f"“{indicator.name}”：{error.message}") from None
    judged = bool(band) or score is not None
    check_actual(indicator, value.strip(), rules, year=table.year, judged=judged)
    if score is None:
        return None
    return score_share(table, position, score, band, rules)


def record_execution(
    database: Database,
    ref: TableRef,
    executed: str,
    *,
    adjusted: str | None = None,
    month: int = YEAR,
    note: str | None = None,
    user: str | None = None,
) -> tuple[TableSummary, float, float | None]:
    """Store the amount spent (执行数) and the adjusted budget ('300000' or '30万元')."""
    check_month(month)
    spent = amount(executed)
    budget = amount(adjusted) if adjusted else None
    with write_transaction(database) as connection:
        summary, table = stored_table(connection, ref)
        check_execution(spent, budget or table.budget.total, table.budget.unit_printed)
        set_execution(
            connection,
            summary.id,
            month=month,
            executed=spent,
            adjusted=budget,
            note=note,
            user=user,
            now=now(),
        )
    return summary, spent, budget


def amount(text: str) -> float:
    value = parse_amount(text.strip(), "元")
    if value is None or value < 0:
        raise EvaluationError(f"金额“{text}”无效（写成 300000、300000.00 或 30万元）")
    return value


def evaluate_stored(
    database: Database,
    refs: list[TableRef] | None,
    *,
    profile: str | None = None,
    user: str | None = None,
) -> Iterator[TableEvaluation | TableMonitoring]:
    """Score each named table (or every table when ``refs`` is None) and store the result.

    A table with no recorded budget execution is yielded as a :class:`TableMonitoring` whose
    ``missing`` says so, instead of being scored with a made-up execution.
    """
    rules = load_profile(profile)
    with write_transaction(database) as connection:
        for summary, table in selected_tables(connection, refs):
            execution = execution_input(connection, summary.id, table)
            if execution is None:
                yield TableMonitoring(summary, None, "未录入全年预算执行数（jixiao execution set）")
                continue
            records = actuals_of(connection, summary.id, YEAR)
            try:
                evaluation = evaluate_with(table, execution, records, rules)
            except EvaluationError as error:
                # one table's bad input (a score outside its band) does not stop the others
                yield TableMonitoring(summary, None, f"无法评价：{error.message}")
                continue
            save_evaluation(
                connection,
                summary.id,
                profile=evaluation.profile,
                profile_version=evaluation.profile_version,
                total=evaluation.total,
                grade=evaluation.grade,
                complete=evaluation.complete,
                result_json=evaluation.model_dump_json(),
                user=user,
                now=now(),
            )
            yield TableEvaluation(summary, evaluation)


def monitor_stored(
    database: Database,
    month: int,
    *,
    profile: str | None = None,
    wanted: TableFilter | None = None,
) -> Iterator[TableMonitoring]:
    """Lights of every target table (that ``wanted`` selects) at ``month`` from the values
    recorded for that month."""
    if not 1 <= month <= 12:
        raise EvaluationError(f"监控月份 {month} 无效（应为 1–12）")
    rules: Profile = load_profile(profile)
    with database.engine.connect() as connection:
        for summary, table in selected_tables(connection, None, wanted):
            if summary.kind is not TableKind.PROJECT_TARGET:
                continue
            execution = execution_of(connection, summary.id, month)
            if execution is None:
                yield TableMonitoring(summary, None, f"未录入 1–{month} 月预算执行数")
                continue
            records = actuals_of(connection, summary.id, month)
            lights = light_table(
                with_actuals(table, records),
                month=month,
                executed=execution.executed,
                adjusted=execution.adjusted,
                profile=rules,
                bands=keyed(table, records, "band"),
            )
            yield TableMonitoring(summary, lights)


def stored_table(connection: Connection, ref: TableRef) -> tuple[TableSummary, TargetTable]:
    summary = resolve_table(connection, ref.name, year=ref.year, department=ref.department)
    stored = load_stored_table(connection, summary.id)
    if stored is None:
        raise NotFound(summary.describe())
    return summary, stored.table


def selected_tables(
    connection: Connection, refs: list[TableRef] | None, wanted: TableFilter | None = None
) -> Iterator[tuple[TableSummary, TargetTable]]:
    if refs is not None:
        for ref in refs:
            yield stored_table(connection, ref)
        return
    for summary in list_tables(connection, wanted or TableFilter()):
        stored = load_stored_table(connection, summary.id)
        if stored is not None:
            yield summary, stored.table


def with_actuals(table: TargetTable, records: dict[str, ActualRecord]) -> TargetTable:
    """The table with each recorded value as its indicators' ``actual``."""
    indicators = [
        indicator.model_copy(
            update={"actual": parse_target(records[indicator.name].value, year=table.year)}
        )
        if indicator.name in records
        else indicator
        for indicator in table.indicators
    ]
    return table.model_copy(update={"indicators": indicators})


def keyed(table: TargetTable, records: dict[str, ActualRecord], field: str) -> dict[int | str, Any]:
    """Bands (or manual scores, or their shares) by indicator position, for the scoring
    engine."""
    chosen: dict[int | str, Any] = {}
    for index, indicator in enumerate(table.indicators):
        record = records.get(indicator.name)
        value = getattr(record, field) if record else None
        if value is not None:
            chosen[index] = value
    return chosen


def export_self_evaluations(database: Database, results: list[TableEvaluation], path: Path) -> int:
    """Write the 自评表 of ``results`` to ``path``: .xlsx (official layout), .json or .csv."""
    from jixiao.export.self_evaluation import (  # openpyxl: only when asked
        SelfEvaluation,
        write_self_evaluations_csv,
        write_self_evaluations_json,
        write_self_evaluations_xlsx,
    )

    writers = {".json": write_self_evaluations_json, ".csv": write_self_evaluations_csv}
    suffix = path.suffix.lower()
    if suffix != ".xlsx" and suffix not in writers:
        raise EvaluationError(f"{path}：不支持的导出格式（可用 .xlsx、.json、.csv）")
    items: list[SelfEvaluation] = []
    with database.engine.connect() as connection:
        for result in results:
            stored = load_stored_table(connection, result.table.id)
            if stored is None:
                raise NotFound(result.table.describe())
            records = actuals_of(connection, result.table.id, YEAR)
            notes = {i.name: i.deviation for i in stored.table.indicators if i.deviation}
            notes |= {name: record.note for name, record in records.items() if record.note}
            items.append(SelfEvaluation(stored.table, result.evaluation, notes))
    if suffix == ".xlsx":
        return write_self_evaluations_xlsx(items, path)
    with path.open("w", encoding="utf-8", newline="") as out:
        return writers[suffix](items, out)


def apply_self_evaluation(
    connection: Connection,
    table: TargetTable,
    *,
    user: str | None = None,
    may_write: Callable[[TableSummary], bool] | None = None,
) -> tuple[TableSummary, int] | None:
    """Copy the 实际完成值 (and 全年执行数) of an imported 自评表 to its stored target table.

    The target table is the project_target of the same project and year (and department, when
    printed). Returns it and how many actual values were recorded, or None when there is no
    single such table, or when ``may_write`` does not allow writing to it. Values already
    entered by hand are replaced (the history keeps both).
    """
    if table.kind is not TableKind.SELF_EVALUATION or not table.project:
        return None
    found = [
        summary
        for summary in find_tables(connection, table.project, year=table.year)
        if summary.kind is TableKind.PROJECT_TARGET
        and summary.project == table.project
        and (not table.department or summary.department in (None, table.department))
    ]
    if len(found) != 1:
        return None
    target = found[0]
    if may_write is not None and not may_write(target):
        return None
    if table.budget.executed is not None:
        set_execution(
            connection,
            target.id,
            month=YEAR,
            executed=table.budget.executed,
            adjusted=None,
            note=None,
            user=user,
            now=now(),
        )
    stored = load_stored_table(connection, target.id)
    names = {indicator.name for indicator in stored.table.indicators} if stored else set()
    recorded = 0
    for indicator in table.indicators:
        if indicator.actual is None or not indicator.actual.raw or indicator.name not in names:
            continue
        set_actual(
            connection,
            target.id,
            indicator.name,
            month=YEAR,
            value=indicator.actual.raw,
            band=None,
            share=None,
            note=None,
            user=user,
            now=now(),
        )
        recorded += 1
    return target, recorded
