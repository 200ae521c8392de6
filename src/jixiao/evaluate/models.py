"""What a self-evaluation and a monitoring run produce: plain, JSON-serialisable records.

Every number that is given or withheld carries a Chinese ``explanation`` with the arithmetic,
so that a reviewer can check it by hand. A score that cannot be computed is ``None`` with the
reason in its explanation; it is never a silent 0.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from jixiao.model.finding import Finding
from jixiao.model.table import Indicator
from jixiao.model.target import TargetKind


class Method(StrEnum):
    """Which formula gave an indicator its score."""

    POSITIVE = "positive"  # 正向: B/A × w
    REVERSE = "reverse"  # 反向: A/B × w, or the linear variant
    EQUAL = "equal"  # "="
    RANGE = "range"
    DEADLINE = "deadline"
    DURATION = "duration"
    TREND = "trend"
    COMPOUND = "compound"
    QUALITATIVE = "qualitative"  # a band chosen or read from the actual text
    MANUAL = "manual"  # the evaluator's score
    NONE = "none"  # could not be scored


class Light(StrEnum):
    """Monitoring warning lights (预警灯), domain.md §6."""

    GREEN = "green"
    BLUE = "blue"  # over-run: ≥ 120% of the time-prorated target
    YELLOW = "yellow"
    RED = "red"

    @property
    def chinese(self) -> str:
        return LIGHT_NAMES[self]

    @property
    def rank(self) -> int:
        """Severity: green < blue < yellow < red; a project shows its worst light."""
        return LIGHT_ORDER.index(self)


LIGHT_ORDER = (Light.GREEN, Light.BLUE, Light.YELLOW, Light.RED)
LIGHT_NAMES = {Light.GREEN: "绿灯", Light.BLUE: "蓝灯", Light.YELLOW: "黄灯", Light.RED: "红灯"}


class IndicatorScore(BaseModel):
    """The score of one 三级指标, with its formula and explanation."""

    index: int | None = Field(default=None, description="Position in the table, from 0.")
    name: str
    level1: str | None = None
    level2: str | None = None
    kind: TargetKind
    target: str = Field(description="The 指标值 as printed.")
    actual: str | None = Field(default=None, description="The 实际完成值 as printed.")
    weight: float | None = Field(description="分值 used; None when none could be assigned.")
    weight_source: str = Field(
        description="printed, remainder, profile, redistributed, given or none."
    )
    score: float | None
    method: Method
    ratio: float | None = Field(default=None, description="Completion ratio (B/A), if any.")
    band: str | None = Field(default=None, description="Qualitative band, e.g. 部分达成.")
    explanation: str
    reason_required: bool = Field(
        default=False, description="偏差原因分析 is required (score below the profile's share)."
    )
    printed_score: float | None = Field(default=None, description="得分 printed in the table.")


class ExecutionScore(BaseModel):
    """Budget execution (预算执行率) and its score."""

    budget: float | None = Field(description="预算数 / 全年预算数, yuan.")
    adjusted: float | None = Field(description="调整后预算数, yuan.")
    executed: float = Field(description="执行数, yuan.")
    basis: float | None = Field(description="The denominator used: adjusted, else budget.")
    rate: float | None
    weight: float
    score: float | None
    explanation: str
    reason_required: bool = False


class LevelWeight(BaseModel):
    """The points of one 一级指标 and how they were found."""

    level: str
    weight: float
    indicators: int
    explanation: str


class Evaluation(BaseModel):
    """A self-evaluation (绩效自评) of one table under one profile."""

    profile: str
    profile_version: str
    project: str | None = None
    department: str | None = None
    year: int | None = None
    execution: ExecutionScore
    levels: list[LevelWeight]
    indicators: list[IndicatorScore]
    maximum: float = Field(description="Sum of the execution weight and all indicator weights.")
    total: float | None = Field(description="总分; None while an indicator is unscored.")
    scored_total: float = Field(description="Sum of the scores that could be computed.")
    complete: bool
    grade: str | None = Field(description="优/良/中/差; None when the total is not known.")
    explanation: str
    notes: list[str] = Field(default_factory=list, description="Warnings about the inputs.")
    findings: list[Finding] = Field(
        default_factory=list,
        description="Printed against computed: each figure an imported 自评表 prints (得分, "
        "执行率 and its 得分, the weights' sum) that the profile's formula does not give "
        "(rules SE08, SE07, SE01; origin evaluation).",
    )


class IndicatorLight(BaseModel):
    """One indicator's progress light at a month."""

    index: int | None = None
    name: str
    level1: str | None = None
    level2: str | None = None
    kind: TargetKind
    target: str
    actual: str | None = None
    expected: float | None = Field(
        default=None, description="The target prorated to the month (年度指标值 × m/12)."
    )
    progress: float | None = Field(default=None, description="p = 完成值 / expected.")
    light: Light | None
    explanation: str
    reason_required: bool = False


class BudgetLight(BaseModel):
    """Budget execution against elapsed time: r = 执行率 / (m/12)."""

    executed: float
    basis: float | None
    rate: float | None
    progress: float | None
    light: Light | None
    explanation: str
    reason_required: bool = False


class Monitoring(BaseModel):
    """双监控 of one table at month ``month`` (1–12)."""

    profile: str
    profile_version: str
    project: str | None = None
    department: str | None = None
    year: int | None = None
    month: int
    budget: BudgetLight
    indicators: list[IndicatorLight]
    target_light: Light | None = Field(description="Worst light of the indicators.")
    light: Light | None = Field(description="Worst of the budget and target lights.")
    at_risk: bool = Field(description="True when any light is yellow or red.")
    explanation: str


def described(indicator: Indicator) -> dict[str, Any]:
    """The fields that say which indicator a score or light is about."""
    return {
        "name": indicator.name,
        "level1": indicator.level1 or indicator.level1_printed,
        "level2": indicator.level2 or indicator.level2_printed,
        "kind": indicator.target.kind,
        "target": indicator.target.raw,
        "actual": None if indicator.actual is None else indicator.actual.raw,
    }
