from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.model.vocabulary import RATE_STEMS
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView

# Near-misses of the standard suffixes 率 and 度 (same sound, wrong character): 律 after a
# rate stem (合规律 even though 规律 is a word), or after anything but a real 律 word.
# (A look-behind needs one width: the two-character stems; 验收合格 ends in 合格 anyway.)
_RATE_STEMS: Final = "|".join(stem for stem in RATE_STEMS if len(stem) == 2)
_NEAR_MISS: Final = re.compile(
    rf"(?<=(?:{_RATE_STEMS}))律$|(?<!规|纪|法|旋|定|戒|格|音)律$|(?<=满意)渡$|(?<=满意程)渡$"
)
_FIX: Final = {"律": "率", "渡": "度"}
_SUFFIXES: Final = tuple(_FIX)


class NM01(Rule):
    """三级指标名称以错别字结尾（合规律、及时律、满意渡……）。

    Why: “率”“度”是指标名称的标准后缀，写成同音的“律”“渡”是错别字，公开后影响单位形象，
    也让按名称汇总、检索的系统认不出指标。
    Bad example: 工作经费拨付合规律。
    Good example: 工作经费拨付合规率。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核（填报规范）；示例文档（天津
    市滨海新区委组织部 2024 年绩效目标表）第 126 行“合规律”的实例。
    """

    code = "NM01"
    name = "name.suffix-typo"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "name"
    message = "三级指标“{indicator}”的结尾“{wrong}”应为“{right}”"
    hint = "请改为“{fixed}”。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            name = indicator.name
            if not name.endswith(_SUFFIXES):
                continue
            match = _NEAR_MISS.search(name)
            if match:
                wrong = match.group(0)
                right = _FIX[wrong]
                fixed = name[: match.start()] + right
                yield self.finding(table, indicator, wrong=wrong, right=right, fixed=fixed)
