from __future__ import annotations

from jixiao.model import Severity, TableKind
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import Family, TableView


class HD03(MissingFieldRule):
    """没有填写资金用途（项目概况）。

    Why: 资金用途说明钱花在哪里，是判断指标是否覆盖主要支出方向的依据。财预〔2020〕10号
    的项目支出绩效目标表没有这一栏，只有部分地方模板（如“预算规模及资金用途”）印了它，
    所以只是提示，只用于项目支出绩效目标表，且只在表头确实印了这一栏而内容为空时提示；
    表头没有这一栏（读表未记录该字段）时不提示。
    Bad example: 表头印有“资金用途”一栏，但内容为空。
    Good example: 用于支付 2024 年社区党组织工作和活动经费。
    Basis: 地方项目支出绩效目标申报表表头要素（如“预算规模及资金用途”）；财预〔2020〕10号《项目支
    出绩效评价管理办法》 附件 项目支出绩效自评表无此栏。
    """

    code = "HD03"
    name = "header.missing-purpose"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    field = "purpose"
    message = "缺少{field}"
    hint = "请简要写明资金的具体用途。"
    field_label = "资金用途"
    kinds = frozenset({TableKind.PROJECT_TARGET})
    families = frozenset({Family.PROJECT})
    needs = frozenset({"purpose"})

    def is_missing(self, table: TableView) -> bool:
        # The form printed a 资金用途 label (``needs``) and its cell is empty. A table not read
        # from a document (no reading) says so with an empty, not a missing, purpose.
        if table.header_fields is None and table.purpose is None:
            return False
        return not (table.purpose or "").strip()
