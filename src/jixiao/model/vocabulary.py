"""The one vocabulary: every word jixiao recognises by name, for the readers, the assembler
and the review alike.

* **Fields and labels**: what a cell of the header block or an indicator column holds
  (:class:`Field`), the labels printed for each, and the column schema: the name each column
  prints under, the project columns of a multi-project sheet, the amount fields.
* **The 指标值 grammar**: operators and their spellings, units, amount units and their scale,
  dates, trends, compounds, grades, vague words and placeholders.
* **Name stems**: the rate stems of 三级 names.

Level names (一级/二级) are the framework's, in :mod:`jixiao.model.framework`; the functions
that clean and look up labels are in :mod:`jixiao.model.labels`. Adding a word is a one-line
change here, which the tests in ``tests/test_targets.py`` and ``tests/ingest`` then cover.
This module sits in the model layer so that every layer can import it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Final

from jixiao.model.target import Comparator, TrendDirection

# --- fields and labels ----------------------------------------------------------------------


class Field(StrEnum):
    """What a cell of the header block or an indicator column holds."""

    PROJECT = "project"
    DEPARTMENT = "department"
    DEPARTMENT_CODE = "department_code"  # 部门预算编码
    # 中央主管部门 of a 转移支付区域 form: the department of its target form, not of its 自评表
    # (assemble.fields.choose_department); not the 主管部门 field a form prints for its own unit
    CENTRAL_DEPARTMENT = "central_department"
    BUDGET_SECTION = "budget_section"  # 预算规模及资金用途: its continuation row is the purpose
    TOTAL = "total"
    FISCAL = "fiscal"
    FISCAL_PART = "fiscal_part"  # 其中：1.中央资金 | 2.市级资金 …: the 财政资金 printed by level
    # 地方资金 beside a transfer's 中央补助, 地方配套资金 beside 中央预算内投资: fiscal money too
    LOCAL_FISCAL = "local_fiscal"
    OTHER = "other"
    # the budget-execution block of a 自评表: 全年执行数, 执行率, and its 分值/得分
    INITIAL = "initial"  # 年初预算数
    EXECUTED = "executed"
    EXECUTION_RATE = "execution_rate"
    EXECUTION_WEIGHT = "execution_weight"
    EXECUTION_SCORE = "execution_score"
    PURPOSE = "purpose"
    GOALS = "goals"
    # 年度主要任务 of a 部门整体 form: 任务名称 | 主要内容 | 预算金额 rows, not kept (never goals,
    # never indicators, their amounts never the budget)
    TASKS = "tasks"
    IMPLEMENTER = "implementer"  # 实施单位: the department when no 主管部门/预算单位 is printed
    # indicator columns
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    NAME = "name"
    DESCRIPTION = "description"
    TARGET = "target"
    # a target for another period printed beside the year's (半年(程)指标值 beside 全年(程)指标值,
    # 实施期指标值 beside 年度指标值): a value column, not kept — the table's target is the year's
    OTHER_PERIOD_TARGET = "other_period_target"
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
    "主管部门名称": Field.DEPARTMENT,  # 主管部门（单位）名称
    "主管部门及代码": Field.DEPARTMENT,  # its value: 503101 中国共产党…组织部
    "主管部门及编码": Field.DEPARTMENT,  # [015001]武汉市青山区教育局
    "部门名称": Field.DEPARTMENT,
    "部门(单位)名称": Field.DEPARTMENT,
    "部门（单位）名称": Field.DEPARTMENT,
    "预算单位": Field.DEPARTMENT,
    "预算部门": Field.DEPARTMENT,
    "单位名称": Field.DEPARTMENT,
    "县级主管部门": Field.DEPARTMENT,
    "项目主管部门": Field.DEPARTMENT,  # glued after a project's name: ingest/pasted/glued.py
    "中央主管部门": Field.CENTRAL_DEPARTMENT,
    # a 转移支付 自评表 filled by the region: 中央主管部门 | 地方主管部门 | 资金使用单位
    "地方主管部门": Field.DEPARTMENT,
    "资金使用单位": Field.IMPLEMENTER,
    "项目单位": Field.DEPARTMENT,
    "填报单位": Field.DEPARTMENT,
    "实施单位": Field.IMPLEMENTER,
    "实施部门": Field.IMPLEMENTER,
    "项目实施单位": Field.IMPLEMENTER,
    "具体实施单位": Field.IMPLEMENTER,
    "项目执行单位": Field.IMPLEMENTER,
    "执行单位": Field.IMPLEMENTER,
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
    "年度金额": Field.TOTAL,  # 转移支付区域 forms: 资金情况 | 年度金额
    "总额": Field.TOTAL,  # a Sichuan 自评表's budget block: 总额 | 年初 | 调整后 …
    "当年年度预算": Field.TOTAL,  # Chongqing 审批表: 项目总预算 | 当年年度预算 | 其中：财政资金
    "总投资": Field.TOTAL,  # 中央预算内投资 project forms
    "项目总投资": Field.TOTAL,
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
    "上级资金": Field.FISCAL,  # 其中：上级资金 (a transfer from the level above)
    "财政拨款数": Field.FISCAL,
    "财政拨款小计": Field.FISCAL,
    "当年财政拨款": Field.FISCAL,
    "中央补助": Field.FISCAL,
    "中央预算内投资": Field.FISCAL,
    "中央投资": Field.FISCAL,
    "地方资金": Field.LOCAL_FISCAL,
    "地方配套资金": Field.LOCAL_FISCAL,
    "地方配套": Field.LOCAL_FISCAL,
    "中央资金": Field.FISCAL_PART,
    "省级资金": Field.FISCAL_PART,
    "市级资金": Field.FISCAL_PART,
    "区级资金": Field.FISCAL_PART,
    "县级资金": Field.FISCAL_PART,
    "其他资金": Field.OTHER,
    "其它资金": Field.OTHER,
    "自有资金小计": Field.OTHER,
    "全年执行数": Field.EXECUTED,
    "执行数": Field.EXECUTED,
    "预算执行数": Field.EXECUTED,
    "执行率": Field.EXECUTION_RATE,
    "资金用途": Field.PURPOSE,
    "项目概况": Field.PURPOSE,
    "项目内容": Field.PURPOSE,
    "项目总体概况": Field.PURPOSE,
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
    "主管部门编码": Field.DEPARTMENT_CODE,
    "转移支付名称": Field.PROJECT,  # 转移支付（项目）名称 of the 转移支付区域 forms
    # (as printed, for text whose cells are glued: a label found by name keeps its brackets)
    "转移支付(项目)名称": Field.PROJECT,
    "转移支付（项目）名称": Field.PROJECT,
    "转移支付项目名称": Field.PROJECT,
    "中长期目标": Field.GOALS,
    "年度主要任务": Field.TASKS,
}

# The column labels of a 部门整体 form's 年度主要任务 block (任务名称 | 主要内容 | 预算金额): in
# that block they head task rows, whatever else they label elsewhere (预算金额 is a 预算数).
TASK_LABELS: Final = frozenset({"任务名称", "主要内容", "预算金额", "任务内容", "主要任务"})

# Labels only a 部门整体支出绩效目标表 prints: the table is a department_target whatever its title.
DEPARTMENT_FORM_LABELS: Final = frozenset(
    {
        "部门预算编码",
        "年度履职目标",
        "部门职能",
        "部门职责",
        "整体支出规模",
        "部门整体支出",
        "年度主要任务",
    }
)

# Labels of a total that is all fiscal money (the 本级 budget, a 市财政 allocation): the amount is
# also the 财政资金 when no 财政资金 is printed.
FISCAL_TOTAL_LABELS: Final = frozenset(
    {"年度本级预算金额", "本年度申请市财政预算资金", "财政资金总额", "年度财政资金总额"}
)

# Sub-column headings of a 自评表's budget block (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 |
# 分值 | 执行率 | 得分), whose values follow on the 年度资金总额 row in the same order.
BUDGET_SUB_COLUMNS: Final[dict[str, Field]] = {
    "年初预算数": Field.INITIAL,
    "年初预算": Field.INITIAL,
    # a Hunan 整体支出绩效自评表: 资金情况(万元) | 年初预算资金总额 | 实际投入资金额 |
    # 产生差异的原因
    "年初预算资金总额": Field.INITIAL,
    "实际投入资金额": Field.EXECUTED,
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
# The last heading of a budget block over its note cell (… | 权重 | 得分 | 原因): no value column.
BUDGET_NOTE_LABELS: Final = frozenset(
    {"原因", "说明", "备注", "原因说明", "偏差原因", "产生差异的原因"}
)

# The total row of a 自评表 (总分 | 100 | 96 | 优: the label, the full marks, the score and
# perhaps the grade) and the labels of a total score printed alone (自评总分(分) 97.6). 合计 and
# 总计 also label subtotals of the budget block: they count only under the indicator rows.
TOTAL_ROW_LABELS: Final = frozenset({"总分", "合计", "总计"})
# Under a budget block's sub-columns (年初预算资金总额 | 实际投入资金额), 合计 is its total row.
BLOCK_TOTAL_LABELS: Final = frozenset({"合计", "总计"})
TOTAL_SCORE_LABELS: Final = frozenset({"自评总分", "总得分", "自评得分合计"})
# A label inside a total row before its score or grade (总分 | 100 | 得分 | 96 | 等级：优).
TOTAL_PART_LABELS: Final[dict[str, str]] = {
    "分值": "full",
    "满分": "full",
    "得分": "score",
    "自评得分": "score",
    "等级": "grade",
    "评价等级": "grade",
    "自评等级": "grade",
}
# The grades of a self-evaluation's total (优 ≥90, 良 80–90, 中 60–80, 差 <60).
EVALUATION_GRADES: Final = ("优", "良", "中", "差")

COLUMN_LABELS: Final[dict[str, Field]] = {
    "一级指标": Field.LEVEL1,
    "一级目标": Field.LEVEL1,
    "二级指标": Field.LEVEL2,
    # a 绩效评价指标表: 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值
    "评价指标": Field.LEVEL1,
    "评价内容": Field.LEVEL2,
    "三级指标": Field.NAME,
    "指标名称": Field.NAME,
    "三级指标名称": Field.NAME,
    "绩效指标名称": Field.NAME,
    "具体指标": Field.NAME,
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
    "绩效目标值": Field.TARGET,
    "指标目标值": Field.TARGET,
    "预期目标值": Field.TARGET,
    "全年目标值": Field.TARGET,
    "年度绩效指标值": Field.TARGET,
    "年度绩效目标值": Field.TARGET,
    "本年指标值": Field.TARGET,
    "本年目标值": Field.TARGET,
    # 湖北 forms: 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 (also matched as a wording;
    # listed for the glued reader, which finds labels by their spelling)
    "当年预期实现值": Field.TARGET,
    "预期实现值": Field.TARGET,
    "半年指标值": Field.OTHER_PERIOD_TARGET,
    "半年目标值": Field.OTHER_PERIOD_TARGET,
    "实施期指标值": Field.OTHER_PERIOD_TARGET,
    "实施期目标值": Field.OTHER_PERIOD_TARGET,
    "中长期指标值": Field.OTHER_PERIOD_TARGET,
    "中长期目标值": Field.OTHER_PERIOD_TARGET,
    "长期指标值": Field.OTHER_PERIOD_TARGET,
    "长期目标值": Field.OTHER_PERIOD_TARGET,
    # printed with the bracket inside (Jiangsu: 半年(程) 指标值 | 全年(程) 指标值): looked up
    # without it like every label, but a reader that finds labels by their spelling in text
    # with no cell boundaries (glued text) needs the printed form
    **{
        f"{period}{bracket}指标值": field
        for period, field in (("半年", Field.OTHER_PERIOD_TARGET), ("全年", Field.TARGET))
        for bracket in ("(程)", "（程）")
    },
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
    "年度完成值": Field.ACTUAL,
    "实际完成数": Field.ACTUAL,
    "年度实际完成数": Field.ACTUAL,
    "全年实际完成数": Field.ACTUAL,
    "分值": Field.WEIGHT,
    "权重": Field.WEIGHT,
    "指标权重": Field.WEIGHT,
    "指标分值": Field.WEIGHT,
    "标准分值": Field.WEIGHT,
    "得分": Field.SCORE,
    "指标得分": Field.SCORE,
    "评价得分": Field.SCORE,
    "实际得分": Field.SCORE,
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
    "偏差原因及改进措施": Field.DEVIATION,
    "偏差原因分析和改进措施": Field.DEVIATION,
    "未完成原因分析和改进措施": Field.DEVIATION,
    "未完成原因分析及改进措施": Field.DEVIATION,
    "原因分析及改进措施": Field.DEVIATION,
    "产生差异的原因及改进措施": Field.DEVIATION,  # a Hunan 整体支出绩效自评表
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
        "单位负责人及电话",
        "资金来源", "年初安排金额", "年初预算数", "全年执行数", "执行数", "执行率", "分值",
        "得分", "自评得分", "上年结转资金", "该项目支出上级资金", "地方资金/其他",
        "中期市财政预算", "中期滚动目标", "总体目标", "实施期绩效目标", "项目支出实施期",
        "全年实际完成情况", "年度总体目标完成情况综述", "年度总体目标完成情况", "绩效指标",
        "实际完成情况", "目标实际完成情况", "年度目标完成情况", "年度绩效指标完成情况",
        "省级财政部门", "省级主管部门", "市级主管部门", "区域", "地区", "区域名称", "填报类型",
        "任务名称", "主要内容", "实施期目标", "中期目标",
        "长期目标",
        "市级财政部门", "县级财政部门", "项目支出", "基本支出", "部门职能",
        "年度目标任务", "支出项目名称", "财政部门审核意见", "主管部门审核意见",
        "自评总分", "部门联系人", "财政处室",
        "填报日期", "下属单位个数", "整体支出规模",
        # the parts of a Sichuan 自评表's budget block besides 财政资金 and 其他资金
        "财政专户管理资金", "单位资金",
        # a Chongqing 审批表's header block (项目分类, 建设周期, 业务主管部门 beside 预算单位)
        "项目分类", "建设周期", "业务主管部门", "项目审批", "项目总预算", "财政资金预算分类",
        "财政资金科目代码",
        # the blank 申报表 template's labels (a county form: 项目属性 | 新增项目 □ 延续项目 □,
        # 项目起止时间, 单位职能概述, the 项目概况 block): a label, never the value of the one
        # before it where the form is left blank. Not its 开始时间 | 完成时间 or 自有资金 |
        # 事业收入: an indicator's name ends in them (项目完成时间: a wrapped name's rest read
        # as a label ended the table's rows; glued text is cut at labels)
        "项目属性", "项目起止时间", "单位职能概述", "部门职能概述", "项目立项情况",
        "项目立项的依据", "项目申报的可行性", "项目申报的必要性", "项目实施进度计划",
        "项目资金申请",
    }
)  # fmt: skip

# --- the column schema -----------------------------------------------------------------------

# The name each indicator column prints under on the official form: the column header the
# pasted-text reader writes, and the name a reading doubt gives a column.
COLUMN_NAMES: Final[dict[Field, str]] = {
    Field.LEVEL1: "一级指标",
    Field.LEVEL2: "二级指标",
    Field.NAME: "三级指标",
    Field.DESCRIPTION: "指标描述",
    Field.TARGET: "指标值",
    Field.OPERATOR: "指标性质",
    Field.DIRECTION: "指标方向",
    Field.UNIT: "度量单位",
    Field.ACTUAL: "实际完成值",
    Field.WEIGHT: "分值",
    Field.SCORE: "得分",
    Field.PROJECT: "项目名称",
    Field.DEPARTMENT: "单位名称",
    Field.TOTAL: "预算数",
    Field.GOALS: "年度目标",
}

# Header-block fields that a multi-project sheet prints as columns in front of the indicator
# columns (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | …).
PROJECT_COLUMNS: Final = (Field.DEPARTMENT, Field.PROJECT, Field.TOTAL, Field.GOALS)

# The header fields that print an amount, with the name a finding gives each.
AMOUNT_FIELDS: Final = (
    (Field.TOTAL, "预算数"),
    (Field.FISCAL, "财政资金"),
    (Field.OTHER, "其他资金"),
    (Field.EXECUTED, "全年执行数"),
)
# The header fields that print points (0..100), with the name a finding gives each.
POINT_FIELDS: Final = (
    (Field.EXECUTION_WEIGHT, "预算执行率分值"),
    (Field.EXECUTION_SCORE, "预算执行率得分"),
)

# --- operators -------------------------------------------------------------------------------

# Printed before the number. Symbols are already normalised (>=, ≧, ⩾ -> ≥ and so on).
PREFIX_OPERATORS: dict[str, Comparator] = {
    "≥": Comparator.GE,
    "大于等于": Comparator.GE,
    "大于或等于": Comparator.GE,
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "不小于": Comparator.GE,
    "至少": Comparator.GE,
    "≤": Comparator.LE,
    "小于等于": Comparator.LE,
    "小于或等于": Comparator.LE,
    "不高于": Comparator.LE,
    "不超过": Comparator.LE,
    "不大于": Comparator.LE,
    "不多于": Comparator.LE,
    "=": Comparator.EQ,
    "等于": Comparator.EQ,
    ">": Comparator.GT,
    "大于": Comparator.GT,
    "高于": Comparator.GT,
    "超过": Comparator.GT,
    "多于": Comparator.GT,
    "<": Comparator.LT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "不足": Comparator.LT,
}

# Printed after the number and unit: 95%以上, 3%以内, 3个工作日内.
SUFFIX_OPERATORS: dict[str, Comparator] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "之内": Comparator.LE,
    "内": Comparator.LE,
}

# "控制在100万元以内": a ceiling even when no other operator is printed.
CEILING_WORDS = ("控制在",)

# Spellings of ≥ and ≤ that NFKC leaves alone: read as the sign they stand for.
OPERATOR_SPELLINGS: Final = {
    ">=": "≥",
    "=>": "≥",
    "≧": "≥",
    "⩾": "≥",
    "<=": "≤",
    "=<": "≤",
    "≦": "≤",
    "⩽": "≤",
}
# An operator cell (指标性质, 计算符号) may also print a box-drawing double line for '='
# (Yunnan forms); in a 指标值 it is left alone.
OPERATOR_CELL_SPELLINGS: Final = {**OPERATOR_SPELLINGS, "═": "="}

# --- units -----------------------------------------------------------------------------------

# A target whose unit is one of these (and nothing else) is a duration.
TIME_UNITS = ("个工作日", "工作日", "个月", "年度", "年", "月", "天", "日", "周", "小时", "分钟")

COUNT_UNITS = (
    "个", "人", "人次", "次", "份", "套", "本", "枚", "件", "项", "场", "期", "批", "户", "家",
    "所", "座", "台", "辆", "条", "处", "名", "位", "册", "篇", "部", "张", "间", "栋", "株",
    "棵", "头", "只", "起", "例", "班", "班次", "课时", "学时", "人天", "人日", "户次", "台次",
    "架次", "车次", "床", "页",
)  # fmt: skip

MONEY_UNITS = ("元",)

MEASURE_UNITS = (
    "吨", "公斤", "千克", "克", "斤", "公里", "千米", "米", "厘米", "毫米", "平方米", "平方公里",
    "亩", "公顷", "立方米", "千瓦", "千瓦时", "度", "分", "倍", "级",
    "%", "‰", "百分比", "个百分点", "百分点",
)  # fmt: skip

# Letters OCR prints for the digits 0 and 1 (1OO%, l38元, 2〇23年): glued to a digit they are
# a misread number, never a unit or a word after it.
MISREAD_DIGITS = "OoIl〇"

# Latin units only count when no other latin letter follows (80M, not 80Mx).
LATIN_UNITS = ("km", "KM", "kg", "Mbps", "MB", "GB", "TB", "m2", "m3", "M", "m", "t")

# Words that may follow "/" in a compound unit but are not units on their own.
PER_ONLY_UNITS = ("学期", "季度", "生", "校", "村", "车", "床位")

UNIT_ALIASES = {"百分比": "%"}

# Scale words printed in front of a unit: the value is stored multiplied out (1.5万元 -> 15000 元).
# 千 only scales 元 (千米, 千克 and 千瓦 are units in their own right).
SCALE_EXPONENTS = {"万": 4, "亿": 8, "千": 3}

# The units an amount of money is printed in (a header amount, 单位：万元), with their factor
# to 元: 元 and the scaled 元 (千 scales only 元), and a bare 万 or 亿 after a number ('854万').
AMOUNT_UNIT_FACTORS: Final[dict[str, int]] = {
    "元": 1,
    **{f"{scale}元": 10**exponent for scale, exponent in SCALE_EXPONENTS.items()},
    **{scale: 10**exponent for scale, exponent in SCALE_EXPONENTS.items() if scale != "千"},
}
# The amount units that name 元: 元, 万元, 亿元, 千元.
AMOUNT_UNITS: Final = tuple(unit for unit in AMOUNT_UNIT_FACTORS if unit.endswith("元"))

# --- dates -----------------------------------------------------------------------------------

DEADLINE_PREFIXES = ("于", "在", "截至", "截止", "截至到", "截止到", "力争", "力争于", "计划于")
DEADLINE_SUFFIXES = ("前", "之前", "以前", "内", "以内", "之内", "止", "为止")
# A deadline may be followed by what is to be done by then: 2024年12月底前完成.
DEADLINE_VERBS = (
    "完成", "完工", "竣工", "建成", "交付", "上线", "投用", "投入使用", "办结", "实施", "验收",
    "到位", "发放", "拨付", "支付", "开工", "启动", "结束", "落实", "执行",
)  # fmt: skip
DEADLINE_ADVERBS = ("全部", "全面", "基本", "按期", "如期", "按时")
# Year-less phrases that mean the end of the budget year.
YEAR_END_WORDS = (
    "年底", "年末", "年内", "年终", "年度内", "年度末", "年度", "全年", "本年度", "本年度内",
    "本年内", "本年底", "本年末", "当年", "当年底", "当年内", "当年末",
)  # fmt: skip
HALF_YEAR_MONTHS = {"上半年": 6, "下半年": 12}
QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}
# Explicit years are accepted between these bounds (also for the budget year passed in).
FIRST_YEAR = 1900
LAST_YEAR = 2199

# --- trends ----------------------------------------------------------------------------------

BASELINES = (
    "上年同期", "去年同期", "历史同期", "上年度", "上一年度", "上一年", "上年", "去年", "往年",
    "前一年", "上期", "上一期", "基期", "基准年", "同期", "上季度", "上月",
)  # fmt: skip
# 同比 compares with the same period last year, 环比 with the previous period.
RELATIVE_BASELINES = {"同比": "上年同期", "环比": "上期"}
TREND_LEADS = ("较", "比", "与", "同", "相比")
DIRECTIONS: dict[str, TrendDirection] = {
    "持平": TrendDirection.FLAT,
    "增长": TrendDirection.INCREASE,
    "增加": TrendDirection.INCREASE,
    "提高": TrendDirection.INCREASE,
    "提升": TrendDirection.INCREASE,
    "上升": TrendDirection.INCREASE,
    "下降": TrendDirection.DECREASE,
    "减少": TrendDirection.DECREASE,
    "降低": TrendDirection.DECREASE,
    "缩减": TrendDirection.DECREASE,
}
# Canonical wording used when a trend is printed.
DIRECTION_WORDS = {
    TrendDirection.FLAT: "持平",
    TrendDirection.INCREASE: "增长",
    TrendDirection.DECREASE: "下降",
}
TREND_FILLERS = ("有所", "明显", "显著", "大幅", "稳步", "逐步", "进一步", "持续", "不断", "略有")

# Durations where longer is better: a "1年" target under such a name is a floor (≥), not the
# ceiling an implied "=" on a duration otherwise is (办理时限 1个工作日 is a ceiling).
FLOOR_DURATION_WORDS = (
    "有效期", "使用年限", "使用寿命", "使用期限", "设计寿命", "保修期", "质保期", "保质期",
    "保存期限", "保存年限", "保管期限", "存续期",
)  # fmt: skip

# --- compounds -------------------------------------------------------------------------------

# What a list of standards is per: 每人每天, 每月. Matched as 每 + one of these, repeated.
PER_WORDS = (
    "人次", "人", "天", "日", "月", "年", "次", "期", "场", "批", "户", "亩", "班", "课时", "学时",
    "学期", "季度", "周", "个", "件", "本", "台", "辆", "床", "生",
)  # fmt: skip
# What a list of standards is based on: 参照2023年, 按照.
REFERENCE_WORDS = ("参照", "按照", "依据", "根据", "执行")
# Trailing words dropped from a basis: 每人每天费用 -> 每人每天.
BASIS_TRAILERS = ("费用", "标准", "补助")
# Words around a list of names that is paired with a list of values (党委、党总支、党支部不同层级).
NAME_LIST_LEADS = ("按照", "参照", "根据", "依据", "区分", "按", "对", "分")
NAME_LIST_TRAILERS = ("层级", "级别", "类别", "档次", "类型", "等级", "层次")

# --- name stems ------------------------------------------------------------------------------

# What a rate measures, in 三级 names that end in 率, where more is better (合格率, 覆盖率).
FORWARD_RATE_STEMS: Final = (
    "合格", "覆盖", "完成", "及时", "达标", "满意", "知晓", "到位", "使用", "利用", "通过", "准确",
    "完好", "执行", "受益", "参与", "出勤", "入学", "就业", "回收", "处置", "办结", "验收合格",
    "运行", "上线", "发放", "兑现", "落实", "公开",
)  # fmt: skip
# Every stem a rate's name is known to end in before 率 (the forward ones, and the others).
RATE_STEMS: Final = (
    *FORWARD_RATE_STEMS,
    *("合规", "支付", "增长", "发生", "故障", "差错", "投诉", "正确", "达成"),
)

# Words of 三级 names that measure something where lower is better (domain.md §3.2): the
# review checks their comparator, the glued reader which way a 得分 follows the 实际值.
REVERSE_NAME_WORDS: Final = (
    "成本", "费用", "单价", "价格", "投诉", "事故", "发生率", "故障", "差错", "误差", "损耗",
    "违规", "违纪", "不合格", "争议", "时长", "逾期", "流失", "空置", "死亡", "辍学", "超支",
    "返工", "拥堵", "污染", "排放", "受害率", "成灾率",
)  # fmt: skip

# Rates that are a share of people or items, so never above 100% (a 完成率 can be): the stems
# before 率, and 满意 anywhere in the name (满意度).
SHARE_RATE_STEMS: Final = ("合格", "覆盖", "达标", "知晓", "满意", "合规", "准确", "正确", "及格")

# --- statements ------------------------------------------------------------------------------

# Exact phrases that are a qualitative grade, mapped to the canonical grade.
GRADES = {
    "达标": "达标",
    "合格": "合格",
    "优良": "优良",
    "优秀": "优秀",
    "良好": "良好",
    "好": "好",
    "较好": "较好",
    "一般": "一般",
    "较差": "较差",
    "差": "差",
    "高": "高",
    "较高": "较高",
    "低": "低",
    "较低": "较低",
    "优": "优",
    "良": "良",
    "中": "中",
    "及时": "及时",
    "准确": "准确",
    "按期完成": "按期完成",
    "按时完成": "按时完成",
    "如期完成": "按期完成",
    "已完成": "已完成",
    "完成": "完成",
    "达到": "达到",
    "达成": "达成",
    "达到预期": "达到预期",
    "达到预期目标": "达到预期",
    "部分达到": "部分达到",
    "未达到": "未达到",
    "达成年度指标": "达成年度指标",
    "部分达成年度指标并具有一定效果": "部分达成年度指标并具有一定效果",
    "未达成年度指标且效果较差": "未达成年度指标且效果较差",
    "是": "是",
    "否": "否",
    "有": "有",
    "效果显著": "显著",
    "显著": "显著",
    "效果明显": "明显",
    "明显": "明显",
}
# Qualitative 指标值 worded as how something is done: a lead (按规定, 按时, 已, 全部) and what is
# done (公开, 执行, 时限, 达成) — 按规定公开, 按规定时限, 已公开, 全部达成 (财预〔2020〕10号 allows
# 定性 indicators whose 指标值 is such a statement).
STATEMENT_LEADS = ("按规定", "按要求", "按计划", "按标准", "按时", "按期", "已", "全部", "全面")
STATEMENT_VERBS = (
    "公开", "执行", "时限", "完成", "达成", "达到", "落实", "到位", "发放", "拨付", "支付",
    "办结", "使用", "报送", "开展", "实施", "建立", "上报", "兑现", "验收",
)  # fmt: skip
# Whole qualitative wordings of a 指标值 that no lead + verb builds.
STATEMENT_PHRASES = ("专款专用", "不超过预算", "不超预算", "控制在预算内", "无超支")
# Grades of a tiered scale (好/较好/一般/较差) are never vague, whatever words they use.
TIER_GRADES = frozenset(GRADES) - {"效果显著", "显著", "效果明显", "明显"}

# domain.md §3.3, §3.5 and rule PT-VAL-005: wording that cannot be measured.
VAGUE_WORDS = (
    "提高", "改善", "明显", "显著", "较好", "有所", "进一步", "持平", "提升", "有效", "逐步",
    "不断", "加强", "增强",
)  # fmt: skip

# Cells that hold no value at all; they are kept as text for the review (PT-STRUCT-004).
PLACEHOLDER_WORDS = ("无", "不涉及", "无此项", "暂无", "不适用", "空", "略", "N/A", "n/a", "NA")
PLACEHOLDER_SYMBOLS = "-_*/\\.~·…"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that the longest match wins."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))
