"""The words of the 指标值 grammar: units, operators, dates, trends, grades and vague words.

Everything the grammar recognises by name is listed here, so that adding a unit or an
operator word is a one-line change that the tests in ``tests/test_targets.py`` then cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.model.target import Comparator, TrendDirection

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

# --- units -----------------------------------------------------------------------------------

# A target whose unit is one of these (and nothing else) is a duration.
TIME_UNITS = ("个工作日", "工作日", "个月", "年度", "年", "月", "天", "日", "周", "小时", "分钟")

COUNT_UNITS = (
    "个", "人", "人次", "次", "份", "套", "本", "枚", "件", "项", "场", "期", "批", "户", "家",
    "所", "座", "台", "辆", "条", "处", "名", "位", "册", "篇", "部", "张", "间", "栋", "株",
    "棵", "头", "只", "起", "例", "班", "班次", "课时", "学时", "人天", "人日", "户次", "台次",
    "架次", "车次", "床",
)  # fmt: skip

MONEY_UNITS = ("元",)

MEASURE_UNITS = (
    "吨", "公斤", "千克", "克", "斤", "公里", "千米", "米", "厘米", "毫米", "平方米", "平方公里",
    "亩", "公顷", "立方米", "千瓦", "千瓦时", "度", "分", "倍", "级",
    "%", "‰", "百分比", "个百分点", "百分点",
)  # fmt: skip

# Latin units only count when no other latin letter follows (80M, not 80Mx).
LATIN_UNITS = ("km", "KM", "kg", "Mbps", "MB", "GB", "TB", "m2", "m3", "M", "m", "t")

# Words that may follow "/" in a compound unit but are not units on their own.
PER_ONLY_UNITS = ("学期", "季度", "生", "校", "村", "车", "床位")

UNIT_ALIASES = {"百分比": "%"}

# Scale words printed in front of a unit: the value is stored multiplied out (1.5万元 -> 15000 元).
# 千 only scales 元 (千米, 千克 and 千瓦 are units in their own right).
SCALE_EXPONENTS = {"万": 4, "亿": 8, "千": 3}

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
