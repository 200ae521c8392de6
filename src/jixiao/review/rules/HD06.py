from __future__ import annotations

from jixiao.model import Severity
from jixiao.review.rule import Dimension
from jixiao.review.rules._header import MissingFieldRule
from jixiao.review.view import TableView


class HD06(MissingFieldRule):
    """无法确定预算年度。

    Why: 没有年度就无法核对截止日期是否在预算年度内，也无法与上年比较。
    Bad example: 表内和文档中都没有写明年度。
    Good example: 表题或资金用途写明“2024年”。
    Basis: 财预〔2015〕88号《中央部门预算绩效目标管理办法》 绩效目标按预算年度编制、随预算批复。
    """

    code = "HD06"
    name = "header.missing-year"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    field = "year"
    message = "缺少{field}"
    hint = "请在表题或资金用途中写明预算年度，或读取时用 --year 指定。"
    field_label = "预算年度"

    def is_missing(self, table: TableView) -> bool:
        return table.year is None
