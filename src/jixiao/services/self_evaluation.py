"""Self-evaluation for a signed-in user (the web app): the page's data, and saving its form.

The same store functions as the ``jixiao actual``/``execution``/``evaluate`` commands, with the
user's rights checked: anyone who may read a table sees its self-evaluation; entering values
needs the right to edit it (填报 of its department, or 管理员).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import EntryRefused, EvaluationError, JixiaoError, StaleRevision
from jixiao.evaluate import Evaluation, Profile, list_profiles, load_profile
from jixiao.evaluate.entries import check_execution
from jixiao.evaluate.weights import allocate_weights
from jixiao.model import TargetTable
from jixiao.services.browse import readable_table
from jixiao.services.evaluation import (
    TableEvaluation,
    TableRef,
    amount,
    check_entry,
    evaluate_stored,
    evaluate_with,
    execution_input,
    export_self_evaluations,
    now,
)
from jixiao.services.users import User
from jixiao.store import Database, TableSummary, load_stored_table, write_transaction
from jixiao.store.evaluations import (
    YEAR,
    ActualRecord,
    ExecutionRecord,
    actuals_of,
    execution_of,
    set_actual,
    set_execution,
)


@dataclass(frozen=True)
class ActualInput:
    """One row of the form: the indicator by position (from 0) and what was entered."""

    position: int
    value: str
    note: str | None = None
    band: str | None = None
    score: float | None = None  # the evaluator's points (a band's score), under the profile


@dataclass(frozen=True)
class SelfEvaluationView:
    summary: TableSummary
    table: TargetTable
    revision: int  # the revision the form is built on (a save names it: stale saves refused)
    actuals: dict[str, ActualRecord]
    execution: ExecutionRecord | None
    profile: str
    profiles: list[str]
    evaluation: Evaluation | None
    problem: str | None  # why there is no evaluation yet (no execution, a band error …)
    can_edit: bool
    scores: dict[int, float]  # the evaluator's scores entered, in points under ``profile``


def self_evaluation_view(
    database: Database, user: User, table_id: int, *, profile: str | None = None
) -> SelfEvaluationView:
    """The table, the values entered so far and the evaluation they give now (not stored)."""
    summary = readable_table(database, user, table_id)
    rules = load_profile(profile)
    with database.engine.connect() as connection:
        stored = load_stored_table(connection, table_id)
        if stored is None:
            raise EvaluationError(f"{summary.describe()} 没有可评价的版本")
        actuals = actuals_of(connection, table_id, YEAR)
        execution = execution_of(connection, table_id, YEAR)
        used = execution_input(connection, table_id, stored.table)
    evaluation: Evaluation | None = None
    problem: str | None = None
    if used is None:
        problem = "尚未录入全年执行数，录入后即可计算自评得分。"
    else:
        try:
            evaluation = evaluate_with(stored.table, used, actuals, rules)
        except JixiaoError as error:
            problem = error.message
    return SelfEvaluationView(
        summary=summary,
        table=stored.table,
        revision=stored.revision,
        actuals=actuals,
        execution=execution,
        profile=rules.name,
        profiles=list_profiles(),
        evaluation=evaluation,
        problem=problem,
        can_edit=user.can_edit(summary),
        scores=entered_scores(stored.table, actuals, rules),
    )


def entered_scores(
    table: TargetTable, actuals: dict[str, ActualRecord], rules: Profile
) -> dict[int, float]:
    """Each score an evaluator entered, in points of the indicator's weight under ``rules``."""
    weights = allocate_weights(table, rules).weights
    scores: dict[int, float] = {}
    for position, (indicator, weight) in enumerate(zip(table.indicators, weights, strict=True)):
        record = actuals.get(indicator.name)
        if record is None:
            continue
        if record.share is not None and weight is not None:
            scores[position] = round(record.share * weight, 4)
        elif record.score is not None:
            scores[position] = record.score
    return scores


def save_self_evaluation(
    database: Database,
    user: User,
    table_id: int,
    actuals: Sequence[ActualInput],
    *,
    executed: str | None = None,
    adjusted: str | None = None,
    profile: str | None = None,
    based_on: int | None = None,
) -> Evaluation | None:
    """Record the entered values (each a change in the history, by ``user``) and, once the
    execution is known, evaluate and store the result.

    ``based_on`` is the revision the form was built on: when the table has a newer one (its
    indicators may have moved), the save is refused (:class:`StaleRevision`), as table edits
    are. An amount, indicator, profile or value that cannot be used (text for a numeric
    target, a rate above 100%, a score outside [0, 分值] or outside its band, an 执行数 far
    above the budget) is refused before anything is written. A band's score is given in
    points under ``profile`` and kept as a share of the weight."""
    summary = readable_table(database, user, table_id)
    user.require_edit(summary)
    rules = load_profile(profile)  # an unknown profile is refused before anything is written
    spent = amount(executed) if executed and executed.strip() else None
    budget = amount(adjusted) if adjusted and adjusted.strip() else None
    with write_transaction(database) as connection:
        stored = load_stored_table(connection, table_id)
        if stored is None:
            raise EvaluationError(f"{summary.describe()} 没有可评价的版本")
        if based_on is not None and stored.revision != based_on:
            raise StaleRevision(summary.describe(), based_on, stored.revision)
        table = stored.table
        indicators = table.indicators
        known = actuals_of(connection, table_id, YEAR)
        if spent is not None:
            check_execution(spent, budget or table.budget.total, table.budget.unit_printed)
        changes: list[tuple[str, ActualInput, float | None]] = []
        for entry in actuals:
            if not 0 <= entry.position < len(indicators):
                raise EntryRefused(f"此表没有第 {entry.position + 1} 个指标")
            name = indicators[entry.position].name
            value = entry.value.strip()
            if not value:
                continue  # a blank field leaves the value as it was
            share = check_entry(table, entry.position, value, entry.band, entry.score, rules)
            before = known.get(name)
            unchanged = before is not None and (
                before.value,
                before.note,
                before.band,
            ) == (value, entry.note or None, entry.band or None)
            if unchanged and before is not None and same_share(share, before.share):
                continue
            changes.append((name, entry, share))
        for name, entry, share in changes:
            set_actual(
                connection,
                table_id,
                name,
                month=YEAR,
                value=entry.value.strip(),
                band=entry.band or None,
                share=share,
                note=entry.note,
                user=user.name,
                now=now(),
            )
        if spent is not None:
            set_execution(
                connection,
                table_id,
                month=YEAR,
                executed=spent,
                adjusted=budget,
                note=None,
                user=user.name,
                now=now(),
            )
    results = list(evaluate_stored(database, [TableRef(f"#{table_id}")], profile=profile))
    found = [r for r in results if isinstance(r, TableEvaluation)]
    return found[0].evaluation if found else None


def same_share(entered: float | None, stored: float | None) -> bool:
    """No new score: none entered, or the one stored, as the form shows it (rounded)."""
    if entered is None:
        return True
    return stored is not None and abs(entered - stored) < 1e-4


def self_evaluation_file(
    database: Database, user: User, table_id: int, path: Path, *, profile: str | None = None
) -> Path:
    """Write the table's 自评表 (.xlsx, .json or .csv by ``path``'s suffix) and return it."""
    view = self_evaluation_view(database, user, table_id, profile=profile)
    if view.evaluation is None:
        raise EvaluationError(view.problem or "尚不能计算自评得分")
    export_self_evaluations(database, [TableEvaluation(view.summary, view.evaluation)], path)
    return path


def evaluation_profiles() -> list[str]:
    """The names of the scoring profiles jixiao ships (the API declares them as an enum)."""
    return list_profiles()
