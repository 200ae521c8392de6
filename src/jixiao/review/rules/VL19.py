from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.vocabulary import COUNT_UNITS
from jixiao.review.facts import NUMERIC, RANGE
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import IndicatorView, TableView

# The units a count named by its last word is counted in.
NAMED_COUNTS: Final = (
    ("人数", frozenset({"人", "名", "位", "人次"})),
    ("人次", frozenset({"人次", "人"})),
    ("户数", frozenset({"户", "户次"})),
)
_COUNT_UNITS: Final = frozenset(COUNT_UNITS)
# A number and a count unit printed in the name: 村组干部230人.
_NAME_AMOUNT: Final = re.compile(
    r"(\d+(?:\.\d+)?)\s*("
    + "|".join(sorted(map(re.escape, COUNT_UNITS), key=len, reverse=True))
    + ")"
)


def named_unit(indicator: IndicatorView) -> str | None:
    """The unit the name gives the value, when it contradicts the value's unit, else None."""
    unit = indicator.unit
    if unit not in _COUNT_UNITS:
        return None
    for match in _NAME_AMOUNT.finditer(indicator.name):
        if float(match.group(1)) == indicator.value and match.group(2) != unit:
            return match.group(2)
    for ending, units in NAMED_COUNTS:
        if indicator.name.endswith(ending) and unit not in units:
            return ending
    return None


class VL19(Rule):
    """指标名称与指标值的计量单位不一致（“村组干部230人”的指标值写“≥230个”）。

    Why: 名称说的是人（人数、230人），指标值却以“个”计，读者不知道考核的是人数还是别的
    数量，年终也无法按单位核对完成值。
    Bad example: 村组干部230人 ≥230 个；受益人数 ≥500 户。
    Good example: 村组干部人数 ≥230 人；受益户数 ≥500 户。
    Basis: 预算管理一体化规范（财办〔2020〕13号）的绩效指标数据要素（计算符号、计量单位）：计量单
    位为必填项，须与指标含义一致；财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核（指
    标清晰、可衡量）。
    """

    code = "VL19"
    name = "value.unit-contradicts-name"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "target"
    message = "“{indicator}”的名称以“{named}”计，指标值“{value}”却以“{unit}”计"
    hint = "请统一名称与指标值的计量单位。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(NUMERIC, RANGE):
            named = named_unit(indicator)
            if named is not None:
                yield self.finding(table, indicator, named=named, unit=indicator.unit)
