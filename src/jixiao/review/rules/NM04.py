from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import is_goal_sentence, names_a_measure
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class NM04(Rule):
    """三级指标名称是一句目标表述，不是可衡量的指标。

    Why: 三级指标应是一个可以计量的对象（如“档案查阅服务人次”）；把“提高……水平”“为……提供
    保障”这样的目标句子当作指标名称，指标值就只能写成“效果显著”“有效提高”。
    Bad example: 为社区顺利开展党建工作提供资金保障，进一步提升社区党建工作水平 → 效果显著。
    Good example: 社区党组织活动开展覆盖率 → ≥95%。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 绩效指标应细化、量化，可衡量；赤峰市审
    计局 2023 年预算绩效管理审计发现（http://sjj.chifeng.gov.cn/sjdt/202305/t20230517_2051216.html
    ）列出“指标模糊、难以衡量”。
    """

    code = "NM04"
    name = "name.is-goal-sentence"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    field = "name"
    message = "三级指标“{indicator}”是目标表述，不是可衡量的指标名称"
    hint = "请把它改写成可以计量的对象（数量、比率、金额、时间），目标表述放在绩效目标中。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.indicators:
            if is_goal_sentence(indicator.name) and not names_a_measure(indicator.name):
                yield self.finding(table, indicator)
