from __future__ import annotations

from jixiao.model import Severity
from jixiao.model.framework import BENEFIT
from jixiao.review.rule import Dimension
from jixiao.review.rules._blocks import MissingBlockRule


class ST02(MissingBlockRule):
    """缺少效益指标。

    Why: 效益指标说明产出带来的经济、社会、生态效益或可持续影响，是判断资金是否值得
    投入的依据；没有效益指标的目标表不完整。
    Bad example: 只有产出指标和满意度指标的目标表。
    Good example: 社会效益指标“受益脱贫人口数 ≥500 人”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核；申报表绩效指标须包括产出指
    标和效益指标。
    """

    code = "ST02"
    name = "structure.missing-benefit"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "indicators"
    message = "缺少{block}"
    hint = "请补充经济、社会、生态效益或可持续影响指标。"
    block = BENEFIT
