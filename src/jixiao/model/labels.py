"""The printed labels of a target table's header block and indicator columns.

Labels are compared after :func:`clean_label`: no whitespace, no trailing colon, no leading
"其中：", brackets such as "（万元）" dropped, traditional characters converted.

This vocabulary sits in the model layer because two layers read it: the assembler (to map a
grid's cells to fields) and the pasted-text reader (to find cell boundaries in text that lost
them). ``jixiao.assemble.vocabulary`` re-exports it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Final

from jixiao.model.framework import clean_level_name


class Field(StrEnum):
    """What a cell of the header block or an indicator column holds."""

    PROJECT = "project"
    DEPARTMENT = "department"
    DEPARTMENT_CODE = "department_code"  # 部门预算编码
    BUDGET_SECTION = "budget_section"  # 预算规模及资金用途: its continuation row is the purpose
    TOTAL = "total"
    FISCAL = "fiscal"
    OTHER = "other"
    # the budget-execution block of a 自评表: 全年执行数, 执行率, and its 分值/得分
    INITIAL = "initial"  # 年初预算数
    EXECUTED = "executed"
    EXECUTION_RATE = "execution_rate"
    EXECUTION_WEIGHT = "execution_weight"
    EXECUTION_SCORE = "execution_score"
    PURPOSE = "purpose"
    GOALS = "goals"
    IMPLEMENTER = "implementer"  # 实施单位: the department when no 主管部门/预算单位 is printed
    # indicator columns
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    NAME = "name"
    DESCRIPTION = "description"
    TARGET = "target"
    HALF_YEAR_TARGET = "half_year_target"  # 半年(程)指标值 beside 全年(程)指标值: not kept
    # a target printed in parts (Sichuan, Inner Mongolia): 指标性质 ≥ | 指标值 30 | 度量单位 万元
    OPERATOR = "operator"
    DIRECTION = "direction"  # 指标方向: 正向/反向, and in some templates the comparator
    UNIT = "unit"
    ACTUAL = "actual"
    WEIGHT = "weight"
    SCORE = "score"
    DEVIATION = "deviation"  # 偏差原因分析及改进措施, 未完成原因…
    REMARK = "remark"  # 备注, 未完成原因…: free text the model does not keep


HEADER_LABELS: Final[dict[str, Field]] = {
    "项目名称": Field.PROJECT,
    "项目支出名称": Field.PROJECT,
    "专项名称": Field.PROJECT,
    "专项资金名称": Field.PROJECT,
    "主管部门": Field.DEPARTMENT,
    "部门名称": Field.DEPARTMENT,
    "部门(单位)名称": Field.DEPARTMENT,
    "部门（单位）名称": Field.DEPARTMENT,
    "预算单位": Field.DEPARTMENT,
    "预算部门": Field.DEPARTMENT,
    "单位名称": Field.DEPARTMENT,
    "县级主管部门": Field.DEPARTMENT,
    "实施单位": Field.IMPLEMENTER,
    "实施部门": Field.IMPLEMENTER,
    "预算规模及资金用途": Field.BUDGET_SECTION,
    "资金情况": Field.BUDGET_SECTION,
    "项目资金": Field.BUDGET_SECTION,
    "年度预算安排": Field.BUDGET_SECTION,
    "投入目标": Field.BUDGET_SECTION,
    "预算执行情况": Field.BUDGET_SECTION,
    "预算数": Field.TOTAL,
    "预算金额": Field.TOTAL,
    "年度预算数": Field.TOTAL,
    "全年预算数": Field.TOTAL,
    "资金总额": Field.TOTAL,
    "年度资金总额": Field.TOTAL,
    "财政资金总额": Field.TOTAL,
    "年度财政资金总额": Field.TOTAL,
    "项目总金额": Field.TOTAL,
    "年度本级预算金额": Field.TOTAL,
    "本年度申请市财政预算资金": Field.TOTAL,
    "支出预算总量": Field.TOTAL,
    "区级支出预算总量": Field.TOTAL,
    "县级支出预算总量": Field.TOTAL,
    "市级支出预算总量": Field.TOTAL,
    "财政资金": Field.FISCAL,
    "财政拨款": Field.FISCAL,
    "本年财政拨款": Field.FISCAL,
    "财政拨款资金": Field.FISCAL,
    "财政拨款数": Field.FISCAL,
    "财政拨款小计": Field.FISCAL,
    "当年财政拨款": Field.FISCAL,
    "中央补助": Field.FISCAL,
    "其他资金": Field.OTHER,
    "自有资金小计": Field.OTHER,
    "全年执行数": Field.EXECUTED,
    "执行数": Field.EXECUTED,
    "预算执行数": Field.EXECUTED,
    "执行率": Field.EXECUTION_RATE,
    "资金用途": Field.PURPOSE,
    "项目概况": Field.PURPOSE,
    "项目内容": Field.PURPOSE,
    "绩效目标": Field.GOALS,
    "年度绩效目标": Field.GOALS,
    "年度目标": Field.GOALS,
    "项目年度目标": Field.GOALS,
    "年度总体目标": Field.GOALS,
    "本年度绩效目标": Field.GOALS,
    "预期目标": Field.GOALS,
    "年初设定目标": Field.GOALS,
    "当年整体绩效目标": Field.GOALS,
    "整体绩效目标": Field.GOALS,
    "年度履职目标": Field.GOALS,
    "部门预算编码": Field.DEPARTMENT_CODE,
    "转移支付名称": Field.PROJECT,  # 转移支付（项目）名称 of the 转移支付区域 forms
    "转移支付项目名称": Field.PROJECT,
    "中长期目标": Field.GOALS,
}

# Labels only a 部门整体支出绩效目标表 prints: the table is a department_target whatever its title.
DEPARTMENT_FORM_LABELS: Final = frozenset(
    {"部门预算编码", "年度履职目标", "部门职能", "部门职责", "整体支出规模", "部门整体支出"}
)

# Labels of a total that is all fiscal money (the 本级 budget, a 市财政 allocation): the amount is
# also the 财政资金 when no 财政资金 is printed.
FISCAL_TOTAL_LABELS: Final = frozenset({"年度本级预算金额", "本年度申请市财政预算资金"})

# Sub-column headings of a 自评表's budget block (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 |
# 分值 | 执行率 | 得分), whose values follow on the 年度资金总额 row in the same order.
BUDGET_SUB_COLUMNS: Final[dict[str, Field]] = {
    "年初预算数": Field.INITIAL,
    "年初预算": Field.INITIAL,
    "全年预算数": Field.TOTAL,
    "预算数": Field.TOTAL,
    "调整后预算数": Field.TOTAL,
    "全年执行数": Field.EXECUTED,
    "执行数": Field.EXECUTED,
    "预算执行数": Field.EXECUTED,
    "执行率": Field.EXECUTION_RATE,
    "预算执行率": Field.EXECUTION_RATE,
    "分值": Field.EXECUTION_WEIGHT,
    "权重": Field.EXECUTION_WEIGHT,
    "得分": Field.EXECUTION_SCORE,
}

COLUMN_LABELS: Final[dict[str, Field]] = {
    "一级指标": Field.LEVEL1,
    "一级目标": Field.LEVEL1,
    "二级指标": Field.LEVEL2,
    "三级指标": Field.NAME,
    "指标名称": Field.NAME,
    "绩效指标描述": Field.DESCRIPTION,
    "指标描述": Field.DESCRIPTION,
    "指标解释": Field.DESCRIPTION,
    "指标内容": Field.DESCRIPTION,
    "指标值内容": Field.DESCRIPTION,
    "指标说明": Field.DESCRIPTION,
    "绩效标准": Field.DESCRIPTION,
    "指标值": Field.TARGET,
    "年初指标值": Field.TARGET,
    "目标值": Field.TARGET,
    "年度指标值": Field.TARGET,
    "预期指标值": Field.TARGET,
    "绩效指标值": Field.TARGET,
    "年度目标值": Field.TARGET,
    "计划指标值": Field.TARGET,
    "年初目标值": Field.TARGET,
    "指标值及单位": Field.TARGET,
    "全年指标值": Field.TARGET,  # 全年(程) 指标值, beside 半年(程) 指标值
    "半年指标值": Field.HALF_YEAR_TARGET,
    "指标性质": Field.OPERATOR,
    "指标值类型": Field.OPERATOR,
    "计算符号": Field.OPERATOR,
    "比较符号": Field.OPERATOR,
    "运算符号": Field.OPERATOR,
    "符号": Field.OPERATOR,
    "指标方向": Field.DIRECTION,
    "指标方向性": Field.DIRECTION,
    "度量单位": Field.UNIT,
    "计量单位": Field.UNIT,
    "指标值单位": Field.UNIT,
    "单位": Field.UNIT,
    "实际完成值": Field.ACTUAL,
    "全年实际值": Field.ACTUAL,
    "全年完成值": Field.ACTUAL,
    "实际值": Field.ACTUAL,
    "完成值": Field.ACTUAL,
    "实际完成指标值": Field.ACTUAL,
    "全年实际完成值": Field.ACTUAL,
    "年度实际完成值": Field.ACTUAL,
    "分值": Field.WEIGHT,
    "权重": Field.WEIGHT,
    "指标权重": Field.WEIGHT,
    "得分": Field.SCORE,
    "指标得分": Field.SCORE,
    "备注": Field.REMARK,
    "评分标准": Field.REMARK,
    "评扣分标准": Field.REMARK,
    "未完成原因和改进措施": Field.DEVIATION,
    "未完成原因及拟采取的改进措施": Field.DEVIATION,
    "偏差原因分析及改进措施": Field.DEVIATION,
    "偏差原因分析": Field.DEVIATION,
    "偏差及原因分析": Field.DEVIATION,
    "偏差原因": Field.DEVIATION,
    "未完成原因分析": Field.DEVIATION,
    "未完成原因": Field.DEVIATION,
}

# Indicator columns whose values the model does not keep, with the shape of their cells (what
# the glued-text reader needs to cut them out): a value, a rate, 是/否, free text.
UNKEPT_COLUMNS: Final[dict[str, str]] = {
    "调整指标值": "spare_value",
    "全年调整指标值": "spare_value",
    "得分系数": "rate",
    "是否核心指标": "yes_no",
    "说明": "text",
}

# Header-block labels of values the model does not keep (contacts, execution, sub-column
# headings). Knowing them stops a label from being read as the value of the label before it.
IGNORED_LABELS: Final = frozenset(
    {
        "项目负责人及电话", "负责人及电话", "项目负责人", "项目类别", "归口科室", "金额", "小计",
        "资金来源", "年初安排金额", "年初预算数", "全年执行数", "执行数", "执行率", "分值",
        "得分", "自评得分", "上年结转资金", "该项目支出上级资金", "地方资金/其他",
        "中期市财政预算", "中期滚动目标", "总体目标", "实施期绩效目标", "项目支出实施期",
        "全年实际完成情况", "年度总体目标完成情况综述", "绩效指标",
        "实际完成情况", "目标实际完成情况", "年度目标完成情况", "年度绩效指标完成情况",
        "中央主管部门", "省级财政部门", "省级主管部门", "项目支出", "基本支出", "部门职能",
        "年度目标任务", "支出项目名称", "财政部门审核意见", "自评总分", "部门联系人", "财政处室",
        "填报日期",
    }
)  # fmt: skip

# An indicator header row names at least these many of the level columns.
_LEVEL_COLUMNS: Final = frozenset({Field.LEVEL1, Field.LEVEL2, Field.NAME})
# ... or names the 三级指标 and 指标值 with at least two of these
_VALUE_COLUMNS: Final = frozenset(
    {Field.UNIT, Field.OPERATOR, Field.WEIGHT, Field.ACTUAL, Field.SCORE, Field.DIRECTION}
)

# '*指标值', '★三级指标': a required-field mark before the label
_LEADING_QUALIFIER: Final = re.compile(r"^[*＊★☆]*(?:其中[:：]?)?")
_TRAILING_COLON: Final = re.compile(r"[:：]+$")
_BRACKETED: Final = re.compile(r"[（(][^（()）]*[)）]")
# '资金情况（万元）', '预算执行情况(万元) (20分)': the unit, perhaps before a section's score
_UNIT_IN_BRACKETS: Final = re.compile(
    r"[（(]\s*(万元|元|千元|亿元)\s*[)）](?:\s*[（(][^（()）]{0,12}[)）])*\s*[:：]?\s*$"
)


@lru_cache(maxsize=4096)
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


def is_known_label(text: str) -> bool:
    """A header-block label, whether or not the model keeps its value."""
    if not text or len(text) > 24:
        return False
    label = clean_label(text)
    return label in HEADER_LABELS or label in IGNORED_LABELS


def budget_sub_column(text: str) -> Field | None:
    """The budget-block sub-column a cell heads (全年执行数, 执行率 …), or None."""
    if not text or len(text) > 24:
        return None
    return BUDGET_SUB_COLUMNS.get(clean_label(text))


def label_unit(text: str) -> str | None:
    """The amount unit a label prints in brackets: '资金情况（万元）' → '万元'."""
    match = _UNIT_IN_BRACKETS.search(text)
    return match.group(1) if match else None


def column_label(text: str) -> Field | None:
    """The indicator column a header cell names, or None."""
    if not text or len(text) > 24:
        return None
    return COLUMN_LABELS.get(clean_label(text))


def unkept_column_shape(text: str) -> str | None:
    """The cell shape of an indicator column the model does not keep (调整指标值 …), or None."""
    if not text or len(text) > 24:
        return None
    return UNKEPT_COLUMNS.get(clean_label(text))


def is_anagram(text: str, word: str) -> bool:
    """``text`` holds the characters of ``word`` out of order: a vertical label a document
    preview read column by column (性标定指 for 定性指标)."""
    return len(text) == len(word) and text != word and sorted(text) == sorted(word)


def is_indicator_header(texts: list[str]) -> bool:
    """True for a row such as 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值, or
    指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值 (a form with no level columns)."""
    fields = {column_label(text) for text in texts}
    if Field.TARGET not in fields:
        return False
    if len(fields & _LEVEL_COLUMNS) >= 2:
        return True
    # a form without level columns (部门整体: 指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值)
    return Field.NAME in fields and len(fields & _VALUE_COLUMNS) >= 2
