"""Scoring profiles: the formulas that differ between sources, as named, versioned data.

A profile is a TOML file in ``jixiao/evaluate/profiles/`` (shipped) or anywhere on disk (a
user's own). ``load_profile("national")`` reads the shipped one; ``load_profile(path)`` reads a
file. Every field is documented in ``docs/evaluation.md``; every formula choice names the
primary source it follows (regulation, published form or template) and its evidence tag
([V] official, [S] secondary, [I] deployed systems, [U] unverified), so that a reviewer can
see why a score is what it is.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from jixiao.errors import EvaluationError, ProfileError

DEFAULT_PROFILE = "national"
LightName = Literal["green", "blue", "yellow", "red"]
# The shipped TOML files live in the folder profiles/ beside this module.
PROFILE_FOLDER = "profiles"
TOLERANCE = 1e-9


class Evidence(StrEnum):
    """How well a formula is attested (domain.md, opening paragraph)."""

    V = "V"  # an official text or a real government table
    S = "S"  # a secondary source
    I = "I"  # noqa: E741 - deployed finance-system software
    U = "U"  # widely stated, not verified


class ReverseFormula(StrEnum):
    """How a 反向 (≤) indicator is scored when the actual B exceeds the target A."""

    RATIO = "ratio"  # A/B × w, the 自评表 template note [S]
    LINEAR = "linear"  # (1 − (B−A)/A) × w, 0 from B ≥ 2A, deployed systems [I]


class EqualFormula(StrEnum):
    """How an "=" indicator is scored when the target is not 0."""

    POSITIVE = "positive"  # as 正向: B/A × w capped at w [I]
    DEVIATION = "deviation"  # (1 − |B−A|/A) × w: any deviation costs points [S]


class CompoundMethod(StrEnum):
    """How the components of a compound standard (住宿费 80 元，餐费 90 元) are combined."""

    MEAN = "mean"  # each component scored as a ceiling, then the fractions averaged
    SUM_FIRST = "sum_first"  # 先汇总完成数，再计算得分: totals compared as one ceiling


class LateMethod(StrEnum):
    """What a deadline indicator earns when the work was finished late."""

    ZERO = "zero"
    LINEAR = "linear"  # from w at the deadline down to 0 after ``late_window_days``


class MissingLevel(StrEnum):
    """What happens to the weight of a 一级指标 that has no indicators in the table."""

    PROPORTIONAL = "proportional"  # moved into the other levels in proportion (domain.md §5.1)
    DROP = "drop"  # lost: the total maximum falls below 100


class Source(BaseModel):
    """Where one part of a profile comes from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    topic: str
    reference: str
    evidence: Evidence


class Cap(BaseModel):
    """Below an execution rate of ``below``, the total may not exceed ``max_total``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    below: float = Field(gt=0)
    max_total: float = Field(ge=0)


class ExecutionRules(BaseModel):
    """Budget execution (预算执行率): weight, required reasons, caps on the total."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weight: float = Field(ge=0, le=100)
    reason_below: float | None = Field(
        default=None, description="A reason is required when the rate is below this (0.9)."
    )
    caps: tuple[Cap, ...] = ()


class WeightRules(BaseModel):
    """How the indicator points (100 − execution weight) are split when none are printed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    levels: dict[str, float] = Field(
        default_factory=dict, description="一级指标 → points; empty: no split by level."
    )
    level_of: dict[str, str] = Field(
        default_factory=dict, description="Other 一级指标 counted inside a level (成本 → 产出)."
    )
    missing_level: MissingLevel = MissingLevel.PROPORTIONAL
    use_printed: bool = Field(
        default=True, description="Use the table's 分值 when every indicator prints one."
    )


class OverAchievement(BaseModel):
    """Deduction when B greatly exceeds A because A was set too low (10号 wording, [U])."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    enabled: bool = False
    threshold: float = Field(default=1.5, gt=1, description="B/A above which points are lost.")
    rate: float = Field(default=0.5, ge=0, description="Share of w lost per 100% above it.")
    max_deduction: float = Field(default=0.5, ge=0, le=1, description="Share of w at most.")


class QuantitativeRules(BaseModel):
    """Formulas for numeric, range, duration, trend and compound indicators."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reverse_formula: ReverseFormula = ReverseFormula.RATIO
    equal_formula: EqualFormula = EqualFormula.POSITIVE
    equal_zero_rule: bool = Field(
        default=True, description="Target 0 with '=': B ≤ 0 earns w, anything else 0 [I]."
    )
    implied_equal_as_ceiling: tuple[str, ...] = Field(
        default=("cost", "duration"),
        description="Targets printed without an operator read as ≤ for these: cost, duration.",
    )
    compound: CompoundMethod = CompoundMethod.MEAN
    over_achievement: OverAchievement = OverAchievement()


class DeadlineRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    late: LateMethod = LateMethod.ZERO
    late_window_days: int = Field(default=90, gt=0)


class Band(BaseModel):
    """A qualitative tier and the share of the weight it allows: [low, high] or [low, high)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    label: str
    low: float = Field(ge=0, le=1)
    high: float = Field(ge=0, le=1)
    high_inclusive: bool = False
    default: float | None = Field(
        default=None, description="Share of w given when the evaluator picks no score."
    )
    aliases: tuple[str, ...] = ()
    light: LightName = Field(description="Monitoring light of this tier: green, yellow or red.")

    @model_validator(mode="after")
    def check_range(self) -> Self:
        if self.low > self.high:
            raise ValueError(f"档次“{self.name}”的下限大于上限")
        if self.default is not None and not self.allows(self.default):
            raise ValueError(f"档次“{self.name}”的默认得分率不在档内")
        return self

    def allows(self, share: float) -> bool:
        """True when ``share`` (score / weight) lies inside the band."""
        if share < self.low - TOLERANCE:
            return False
        if self.high_inclusive:
            return share <= self.high + TOLERANCE
        return share < self.high - TOLERANCE

    def describe(self) -> str:
        """``[80%, 100%]`` or ``[60%, 80%)``."""
        close = "]" if self.high_inclusive else ")"
        return f"[{self.low * 100:g}%, {self.high * 100:g}%{close}"


class QualitativeRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    bands: tuple[Band, ...]
    same_text_band: str | None = Field(
        default=None,
        description="Band given when the actual text repeats the target text (显著提升/显著提升).",
    )

    @model_validator(mode="after")
    def check_bands(self) -> Self:
        names = [band.name for band in self.bands]
        if len(set(names)) != len(names) or not names:
            raise ValueError("定性档次名称必须唯一且至少一个")
        if self.same_text_band is not None and self.same_text_band not in names:
            raise ValueError(f"same_text_band“{self.same_text_band}”不是已定义的档次")
        return self


class GradeRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    min: float


class DeviationRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    indicator_reason_below: float = Field(
        default=1.0, description="偏差原因 is required when score < this share of the weight."
    )


class MonitoringRules(BaseModel):
    """Lights of 双监控 (domain.md §6, [I])."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    budget_red_below: float = 0.6
    budget_yellow_below: float = 0.8
    indicator_red_below: float = 0.6
    indicator_yellow_below: float = 0.8
    indicator_blue_from: float = 1.2
    prorate_rates: bool = Field(
        default=False, description="Prorate % and per-unit targets by m/12 like cumulative ones."
    )
    reason_lights: tuple[LightName, ...] = ("red", "yellow")


class Profile(BaseModel):
    """A named, versioned scoring profile. Loaded from TOML; see docs/evaluation.md."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: str
    title: str
    description: str = ""
    sources: tuple[Source, ...]
    rounding: int = Field(default=2, ge=0, le=6)
    execution: ExecutionRules
    weights: WeightRules
    quantitative: QuantitativeRules = QuantitativeRules()
    deadline: DeadlineRules = DeadlineRules()
    qualitative: QualitativeRules
    deviation: DeviationRules = DeviationRules()
    grades: tuple[GradeRule, ...]
    monitoring: MonitoringRules = MonitoringRules()

    @model_validator(mode="after")
    def check_totals(self) -> Self:
        levels = sum(self.weights.levels.values())
        if self.weights.levels and abs(levels + self.execution.weight - 100) > 1e-6:
            raise ValueError(
                f"一级指标分值 {levels:g} 加预算执行 {self.execution.weight:g} 不等于 100"
            )
        for target in self.weights.level_of.values():
            if target not in self.weights.levels:
                raise ValueError(f"level_of 指向未定义的一级指标“{target}”")
        minimums = [grade.min for grade in self.grades]
        if not minimums or minimums != sorted(minimums, reverse=True):
            raise ValueError("grades 须按 min 从高到低排列")
        return self

    @property
    def indicator_points(self) -> float:
        """Points for all indicators together: 100 − the execution weight."""
        return 100 - self.execution.weight

    @property
    def label(self) -> str:
        """``national@1.0``: what is stored with an evaluation."""
        return f"{self.name}@{self.version}"

    def band(self, name: str) -> Band:
        """The band called ``name`` (or whose label or alias is ``name``)."""
        for band in self.qualitative.bands:
            if name in (band.name, band.label, *band.aliases):
                return band
        known = "、".join(band.name for band in self.qualitative.bands)
        raise EvaluationError(f"没有名为“{name}”的定性档次（本评分方案的档次：{known}）")


def profile_folder() -> Traversable:
    """The folder of shipped profiles, inside the installed package."""
    return resources.files("jixiao.evaluate").joinpath(PROFILE_FOLDER)


def list_profiles() -> list[str]:
    """The names of the shipped profiles, sorted."""
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in profile_folder().iterdir()
        if entry.name.endswith(".toml")
    )


def load_profile(name: str | Path | None = None) -> Profile:
    """The shipped profile ``name`` (default ``national``), or the profile in a TOML file.

    A string ending in ``.toml`` or an existing :class:`~pathlib.Path` is read as a file.
    Raises :class:`jixiao.errors.ProfileError` for unknown names and invalid files.
    """
    if name is None:
        name = DEFAULT_PROFILE
    if isinstance(name, Path) or name.endswith(".toml"):
        return read_profile_file(Path(name))
    return shipped_profile(name)


@cache
def shipped_profile(name: str) -> Profile:
    if name not in list_profiles():
        known = "、".join(list_profiles())
        raise ProfileError(name, f"不存在（可用的评分方案：{known}；也可给出 .toml 文件路径）")
    text = profile_folder().joinpath(f"{name}.toml").read_text("utf-8")
    profile = parse_profile(text, name)
    if profile.name != name:
        raise ProfileError(name, f"文件中的 name 为“{profile.name}”，应与文件名相同")
    return profile


def read_profile_file(path: Path) -> Profile:
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise ProfileError(str(path), f"无法读取（{error.strerror or error}）") from None
    except UnicodeDecodeError:
        raise ProfileError(str(path), "不是 UTF-8 文本") from None
    return parse_profile(text, str(path))


def parse_profile(text: str, source: str) -> Profile:
    """A profile from TOML text; ``source`` names it in error messages."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(source, f"不是有效的 TOML：{error}") from None
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        problems = "；".join(
            f"{'.'.join(str(part) for part in item['loc']) or '（顶层）'}: {item['msg']}"
            for item in error.errors()
        )
        raise ProfileError(source, f"内容无效：{problems}") from None
