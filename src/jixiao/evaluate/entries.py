"""What an evaluator enters, checked before it is stored: never silent acceptance.

``check_actual`` refuses a 实际完成值 that cannot be what the indicator measures (text for a
numeric target, a satisfaction rate above 100%); ``score_share`` turns the points an evaluator
gives into the share of the indicator's weight that the store keeps, refusing a score outside
[0, 分值] or outside the chosen band; ``check_execution`` refuses an 执行数 far above the budget
(a unit slip: 元 for 万元). Each raises :class:`EntryRefused` with a Chinese message naming
the indicator and both numbers.
"""

from __future__ import annotations

import math
import re
from typing import Final

from jixiao.errors import EntryRefused
from jixiao.evaluate.bands import band_in_text
from jixiao.evaluate.display import money, number, percent
from jixiao.evaluate.profiles import Profile
from jixiao.evaluate.weights import allocate_weights
from jixiao.model import Indicator, TargetKind, TargetTable
from jixiao.model.vocabulary import SHARE_RATE_STEMS
from jixiao.targets import parse_target

# Targets whose actual must be a number to be scored by formula.
NUMERIC_TARGETS: Final = frozenset({TargetKind.NUMERIC, TargetKind.RANGE})
NUMERIC_ACTUALS: Final = frozenset({TargetKind.NUMERIC, TargetKind.RANGE})
# A share of people or items (满意度, 合格率 …) cannot exceed 100%; a completion rate can.
SHARE_NAME: Final = re.compile(f"满意|(?:{'|'.join(SHARE_RATE_STEMS)})率")
# An 执行数 above this multiple of the budget is taken for a unit slip and refused.
EXECUTION_MULTIPLE: Final = 2.0


def check_actual(
    indicator: Indicator,
    value: str,
    profile: Profile,
    *,
    year: int | None = None,
    judged: bool = False,
) -> None:
    """Refuse a 实际完成值 the indicator cannot have. ``judged``: a band or score is entered with
    it, so a text actual of a numeric target is scored by that judgement."""
    actual = parse_target(value, year=year)
    target = indicator.target
    name = indicator.name
    if (
        target.kind in NUMERIC_TARGETS
        and actual.kind not in NUMERIC_ACTUALS
        and not judged
        and band_in_text(value, profile) is None
    ):
        raise EntryRefused(
            f"“{name}”的指标值“{target.raw}”是数值，实际完成值“{value}”读不出数值："
            "请写成 18人、95% 这样的数值，或同时选定性档次并给出得分"
        )
    shares = actual.unit == "%" or (actual.unit is None and target.unit == "%")
    if shares and actual.value is not None and actual.value > 100 and SHARE_NAME.search(name or ""):
        raise EntryRefused(
            f"“{name}”是比例，实际完成值 {number(actual.value)}% 超过 100%：请核对后重新填写"
        )


def score_share(
    table: TargetTable,
    position: int,
    points: float,
    band: str | None,
    profile: Profile,
) -> float:
    """The evaluator's ``points`` for the indicator at ``position`` as a share of its weight
    under ``profile``; refused outside [0, 分值] or outside ``band``'s range."""
    indicator = table.indicators[position]
    weight = allocate_weights(table, profile).weights[position]
    if weight is None or weight <= 0:
        raise EntryRefused(f"“{indicator.name}”在评分口径 {profile.name} 下没有分值，不能打分")
    if not math.isfinite(points) or points < 0 or points > weight + 1e-9:
        raise EntryRefused(
            f"“{indicator.name}”的得分 {number(points)} 超出 [0, 分值 {number(weight)}]"
            f"（评分口径 {profile.name}）"
        )
    share = points / weight
    if band:
        chosen = profile.band(band)
        if not chosen.allows(share):
            raise EntryRefused(
                f"“{indicator.name}”选了“{chosen.name}”档（{chosen.describe()}），"
                f"得分 {number(points)} / 分值 {number(weight)} = {percent(share)} 不在档内"
            )
    return share


def check_execution(executed: float, basis: float | None, unit_printed: str | None) -> None:
    """Refuse an 执行数 more than twice the budget: most likely 元 entered for 万元."""
    if basis is None or basis <= 0:
        return
    if executed > basis * EXECUTION_MULTIPLE:
        raise EntryRefused(
            f"执行数 {money(executed, unit_printed)} 是预算数 {money(basis, unit_printed)} 的 "
            f"{number(executed / basis)} 倍：请核对金额和单位（元/万元）；预算有调整的请同时填写"
            "调整后预算数"
        )
