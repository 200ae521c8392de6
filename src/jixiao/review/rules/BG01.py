from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.review.facts import describe_yuan
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


class BG01(Rule):
    """财政资金与其他资金之和不等于预算数。

    Why: 预算数（年度资金总额）应等于各资金来源之和；不相等说明表头数字填错，后续
    成本核对也会失真。
    Bad example: 年度资金总额 0，其中本年财政拨款 90 万元。
    Good example: 预算数 300000.00 = 财政资金 300000.00 + 其他资金 0。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核（资金来源与预算数一致）；安
    徽省 2022 年县级项目支出绩效自评表（公开表格）中“年度资金总额 0、本年财政拨款 90”的不一致实例
    。
    """

    code = "BG01"
    name = "budget.split-mismatch"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "budget"
    message = "财政资金 {fiscal} + 其他资金 {other} ≠ 预算数 {total}"
    hint = "请核对预算数及其资金来源。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        budget = table.budget
        if budget.total is None or (budget.fiscal is None and budget.other is None):
            return
        fiscal, other = budget.fiscal or 0.0, budget.other or 0.0
        if abs(fiscal + other - budget.total) > 0.5:
            yield self.finding(
                table,
                fiscal=describe_yuan(fiscal),
                other=describe_yuan(other),
                total=describe_yuan(budget.total),
            )
