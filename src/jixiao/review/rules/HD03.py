from __future__ import annotations

from jixiao.model import Severity, TableKind
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import TableView


class HD03(MissingFieldRule):
    """没有填写资金用途（项目概况）。

    Why: 资金用途说明钱花在哪里，是判断指标是否覆盖主要支出方向的依据；不少模板没有这一栏，
    所以只是提示，且只用于项目支出绩效目标表。
    Bad example: 资金用途一栏为空。
    Good example: 用于支付 2024 年社区党组织工作和活动经费。
    Basis: 申报表表头要素（domain.md §2.5）。
    """

    code = "HD03"
    name = "header.missing-purpose"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    message = "缺少{field}"
    hint = "请简要写明资金的具体用途。"
    field_label = "资金用途"
    kinds = frozenset({TableKind.PROJECT_TARGET})

    def is_missing(self, table: TableView) -> bool:
        return not table.purpose
