"""The printed labels of a target table's header block and indicator columns.

Labels are compared after :func:`clean_label`: no whitespace, no trailing colon, no leading
"其中：", brackets such as "（万元）" dropped, traditional characters converted.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from jixiao.model.framework import clean_level_name


class Field(StrEnum):
    """What a cell of the header block or an indicator column holds."""

    PROJECT = "project"
    DEPARTMENT = "department"
    BUDGET_SECTION = "budget_section"  # 预算规模及资金用途: its continuation row is the purpose
    TOTAL = "total"
    FISCAL = "fiscal"
    OTHER = "other"
    PURPOSE = "purpose"
    GOALS = "goals"
    # indicator columns
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    NAME = "name"
    DESCRIPTION = "description"
    TARGET = "target"
    ACTUAL = "actual"
    WEIGHT = "weight"
    SCORE = "score"


HEADER_LABELS: Final[dict[str, Field]] = {
    "项目名称": Field.PROJECT,
    "主管部门": Field.DEPARTMENT,
    "部门名称": Field.DEPARTMENT,
    "预算单位": Field.DEPARTMENT,
    "预算规模及资金用途": Field.BUDGET_SECTION,
    "资金情况": Field.BUDGET_SECTION,
    "项目资金": Field.BUDGET_SECTION,
    "预算数": Field.TOTAL,
    "预算金额": Field.TOTAL,
    "年度预算数": Field.TOTAL,
    "全年预算数": Field.TOTAL,
    "资金总额": Field.TOTAL,
    "年度资金总额": Field.TOTAL,
    "项目总金额": Field.TOTAL,
    "财政资金": Field.FISCAL,
    "财政拨款": Field.FISCAL,
    "本年财政拨款": Field.FISCAL,
    "财政拨款资金": Field.FISCAL,
    "其他资金": Field.OTHER,
    "资金用途": Field.PURPOSE,
    "项目概况": Field.PURPOSE,
    "项目内容": Field.PURPOSE,
    "绩效目标": Field.GOALS,
    "年度绩效目标": Field.GOALS,
    "年度目标": Field.GOALS,
    "项目年度目标": Field.GOALS,
    "年度总体目标": Field.GOALS,
    "本年度绩效目标": Field.GOALS,
}

COLUMN_LABELS: Final[dict[str, Field]] = {
    "一级指标": Field.LEVEL1,
    "二级指标": Field.LEVEL2,
    "三级指标": Field.NAME,
    "指标名称": Field.NAME,
    "绩效指标描述": Field.DESCRIPTION,
    "指标描述": Field.DESCRIPTION,
    "指标解释": Field.DESCRIPTION,
    "指标内容": Field.DESCRIPTION,
    "指标值": Field.TARGET,
    "目标值": Field.TARGET,
    "年度指标值": Field.TARGET,
    "预期指标值": Field.TARGET,
    "绩效指标值": Field.TARGET,
    "年度目标值": Field.TARGET,
    "实际完成值": Field.ACTUAL,
    "全年实际值": Field.ACTUAL,
    "全年完成值": Field.ACTUAL,
    "实际值": Field.ACTUAL,
    "完成值": Field.ACTUAL,
    "分值": Field.WEIGHT,
    "权重": Field.WEIGHT,
    "得分": Field.SCORE,
}

# An indicator header row names at least these many of the level columns.
_LEVEL_COLUMNS: Final = frozenset({Field.LEVEL1, Field.LEVEL2, Field.NAME})

_LEADING_QUALIFIER: Final = re.compile(r"^其中[:：]?")
_TRAILING_COLON: Final = re.compile(r"[:：]+$")
_BRACKETED: Final = re.compile(r"[（(][^（()）]*[)）]")


def clean_label(text: str) -> str:
    label = clean_level_name(text)  # whitespace and traditional characters
    label = _LEADING_QUALIFIER.sub("", label)
    label = _BRACKETED.sub("", label)
    return _TRAILING_COLON.sub("", label)


def header_label(text: str) -> Field | None:
    """The header-block field a cell labels, or None."""
    if not text or len(text) > 24:
        return None
    return HEADER_LABELS.get(clean_label(text))


def column_label(text: str) -> Field | None:
    """The indicator column a header cell names, or None."""
    if not text or len(text) > 24:
        return None
    return COLUMN_LABELS.get(clean_label(text))


def is_indicator_header(texts: list[str]) -> bool:
    """True for a row such as 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值."""
    fields = {column_label(text) for text in texts}
    return len(fields & _LEVEL_COLUMNS) >= 2 and Field.TARGET in fields
