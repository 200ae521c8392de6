from __future__ import annotations

from jixiao.model import Severity
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import TableView


class HD05(MissingFieldRule):
    """没有填写主管部门（预算单位）。

    Why: 部门是汇总、审核分工和公开的依据。
    Bad example: 表头没有部门名称。
    Good example: 503101 中国共产党天津市滨海新区委员会组织部。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 附件 项目支出绩效目标申报表表头要素（
    主管部门、实施单位）。
    """

    code = "HD05"
    name = "header.missing-department"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "department"
    message = "缺少{field}"
    hint = "请填写主管部门或预算单位名称。"
    field_label = "主管部门"
    needs = frozenset({"department"})

    def is_missing(self, table: TableView) -> bool:
        return not table.department
