"""The parsed form of a 指标值 (indicator target value).

The grammar that fills these models lives in :mod:`jixiao.targets`; this module only defines
the shapes, so that every other layer can use them without importing the parser.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Comparator(StrEnum):
    """The comparison a target asks for (计算符号 / 指标性质)."""

    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


class TargetKind(StrEnum):
    """What sort of value a 指标值 is."""

    NUMERIC = "numeric"  # ≥16个, 100%, ≤50元/人/年
    RANGE = "range"  # 80%-90%, 3~5个
    DEADLINE = "deadline"  # 2024年12月底前完成
    PERIOD = "period"  # 2023.07-2024.01
    DURATION = "duration"  # 1年, 3个月
    QUALITATIVE = "qualitative"  # 效果显著, 有效提高, 达标
    TREND = "trend"  # 与上年度持平，无增长; 较上年增长≥5%
    COMPOUND = "compound"  # 住宿费 80 元，餐费 90 元
    TEXT = "text"  # anything else, kept as printed
    EMPTY = "empty"  # nothing printed


class TrendDirection(StrEnum):
    """How a trend target relates to its baseline."""

    FLAT = "flat"  # 持平
    INCREASE = "increase"  # 增长, 提高
    DECREASE = "decrease"  # 下降, 减少


class TargetComponent(BaseModel):
    """One named value inside a compound standard, e.g. ``住宿费 80 元``."""

    model_config = ConfigDict(frozen=True)

    name: str | None = None
    op: Comparator = Comparator.EQ
    value: float
    unit: str | None = None
    unit_printed: str | None = None
    factor: float | None = None


class Target(BaseModel):
    """A 指标值 parsed into a comparable structure, with the printed text kept in ``raw``.

    Amounts printed in 万元 are converted to yuan: ``value`` is in ``unit`` (元) while
    ``unit_printed`` (万元) and ``factor`` (10000) record what was printed.
    """

    model_config = ConfigDict(frozen=True)

    raw: str
    kind: TargetKind
    op: Comparator | None = None
    op_implied: bool = Field(
        default=False, description="True when no operator was printed and '=' is assumed."
    )
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_printed: str | None = None
    factor: float | None = None
    qualifier: str | None = Field(
        default=None, description="Words printed after the unit, e.g. 直属单位 in ≥95个直属单位."
    )
    date: dt.date | None = None
    date_from: dt.date | None = None
    grade: str | None = Field(
        default=None, description="Canonical qualitative grade, e.g. 显著, 达标, 按期完成."
    )
    vague: bool = Field(
        default=False, description="Qualitative wording that cannot be measured (domain.md §3.3)."
    )
    baseline: str | None = Field(default=None, description="Trend baseline, e.g. 上年度.")
    direction: TrendDirection | None = None
    basis: str | None = Field(
        default=None, description="What a compound standard is per or based on, e.g. 每人每天."
    )
    components: tuple[TargetComponent, ...] = ()

    def same_as(self, other: Target) -> bool:
        """Equal in everything but the printed text."""
        return self.model_dump(exclude={"raw"}) == other.model_dump(exclude={"raw"})
