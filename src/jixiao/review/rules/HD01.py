from __future__ import annotations

from jixiao.model import Severity
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import Family, TableView


class HD01(MissingFieldRule):
    """没有填写项目名称。

    Why: 项目名称是目标表与预算项目对应的依据，缺少就无法审核、汇总和公开。
    Bad example: 项目名称一栏为空。
    Good example: 项目名称：滨海新区社区党组织工作活动专项经费。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 完整性审核（填报格式规范、内容完整）；
    附件 项目支出绩效目标申报表表头要素。
    """

    code = "HD01"
    name = "header.missing-project"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    field = "project"
    message = "缺少{field}"
    hint = "请填写与预算项目一致的项目名称。"
    field_label = "项目名称"
    families = frozenset({Family.PROJECT})  # a 部门整体 form has no 项目名称
    needs = frozenset({"project"})

    def is_missing(self, table: TableView) -> bool:
        return not table.project
