from __future__ import annotations

from jixiao.model import Severity
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import TableView


class HD02(MissingFieldRule):
    """没有填写预算数（年度资金总额）。

    Why: 没有预算数就无法判断目标与资金规模是否匹配（适当性审核）。
    Bad example: 预算规模一栏为空。
    Good example: 预算数 3300000.00，其中财政资金 3300000.00。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性、适当性审核；申报表“资金情况（
    年度资金总额）”为必填要素。
    """

    code = "HD02"
    name = "header.missing-budget"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "budget"
    message = "缺少{field}"
    hint = "请填写预算数及其中财政资金、其他资金。"
    field_label = "预算数"
    needs = frozenset({"total", "fiscal", "budget_section"})

    def is_missing(self, table: TableView) -> bool:
        return table.budget.total is None
