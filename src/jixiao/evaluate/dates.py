"""Deadlines and periods: finished on or before the date earns the weight.

A period target (2023.07-2024.01) is scored by its end date. The actual is a date (``2024年11月
20日完成``), a period (its end), or the grade 按期完成/按时完成. Late work earns 0, or, when the
profile says ``late = "linear"``, loses the weight evenly over ``late_window_days`` days.
"""

from __future__ import annotations

import datetime as dt

from jixiao.evaluate.formulas import Share, full, nothing
from jixiao.evaluate.profiles import LateMethod, Profile
from jixiao.evaluate.readings import Unscorable
from jixiao.model.target import Target, TargetKind

ON_TIME_GRADES = frozenset({"按期完成", "按时完成"})


def day(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def completion_date(actual: Target) -> dt.date | None:
    """The date an actual says the work was finished; None for 按期完成 (on time, no date)."""
    if actual.kind in (TargetKind.DEADLINE, TargetKind.PERIOD):
        if actual.date is None:
            raise Unscorable(f"实际完成值“{actual.raw}”未写明年份")
        return actual.date
    if actual.kind is TargetKind.QUALITATIVE and actual.grade in ON_TIME_GRADES:
        return None
    raise Unscorable(f"实际完成值“{actual.raw}”不是完成日期，请写明日期或选择定性档次")


def score_deadline(target: Target, actual: Target, profile: Profile) -> Share:
    if target.date is None:
        raise Unscorable(f"指标值“{target.raw}”未写明年份（表中也无预算年度），无法判断是否按期")
    done = completion_date(actual)
    if done is None:
        return full(f"实际“{actual.raw}”，目标 {day(target.date)}前")
    if done <= target.date:
        return full(f"实际 {day(done)} 完成，不晚于目标 {day(target.date)}")
    late = (done - target.date).days
    verdict = f"实际 {day(done)} 完成，晚于目标 {day(target.date)} {late} 天"
    rules = profile.deadline
    if rules.late is LateMethod.LINEAR and late < rules.late_window_days:
        share = 1 - late / rules.late_window_days
        return Share(
            share,
            formula=f"{verdict}，按 (1 − {late} / {rules.late_window_days})",
            raw=share,
        )
    return nothing(verdict)
