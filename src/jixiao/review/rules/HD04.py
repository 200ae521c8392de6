from __future__ import annotations

from jixiao.model import Severity
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import TableView


class HD04(MissingFieldRule):
    """没有填写绩效目标。

    Why: 绩效目标是设置指标的出发点；没有目标，指标无从对应（相关性审核）。
    Bad example: 绩效目标一栏为空。
    Good example: 1.按每人每年 100 元标准发放社区党组织活动经费，保障 16 个街道党建工作。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性、相关性审核：申报表须填写年度绩
    效目标。
    """

    code = "HD04"
    name = "header.missing-goals"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "goals"
    message = "缺少{field}"
    hint = "请写明本年度要达到的产出和效果。"
    field_label = "绩效目标"
    needs = frozenset({"goals"})

    def is_missing(self, table: TableView) -> bool:
        return not table.goals
