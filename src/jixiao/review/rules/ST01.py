from __future__ import annotations

from jixiao.model import Severity
from jixiao.model.framework import OUTPUT
from jixiao.review.rule import Dimension
from jixiao.review.rules._blocks import MissingBlockRule


class ST01(MissingBlockRule):
    """缺少产出指标。

    Why: 产出指标（数量、质量、时效、成本）是绩效目标的主体，没有产出指标就无法衡量资金
    买到了什么；审核时按“完整性”要求退回。
    Bad example: 只有效益指标和满意度指标的目标表。
    Good example: 至少设置一条数量指标，如“培训人次 ≥2000 人次”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核；申报表绩效指标须包括产出指
    标和效益指标。
    """

    code = "ST01"
    name = "structure.missing-output"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "indicators"
    message = "缺少{block}"
    hint = "请补充数量、质量、时效、成本等产出指标。"
    block = OUTPUT
