"""What rules ask of indicators and targets: block membership, name patterns, money.

Word lists live here so that each rule stays a few lines of logic and a change of vocabulary
is made once.
"""

from __future__ import annotations

import re
from typing import Final

from jixiao.model import TargetKind
from jixiao.model.framework import (
    BENEFIT,
    COST,
    COST_LEVEL2,
    FRAMEWORK,
    LEVEL1_ALIASES,
    LEVEL2_ALIASES,
    OUTPUT,
    SATISFACTION,
    clean_level_name,
)
from jixiao.model.vocabulary import (
    COUNT_UNITS,
    FORWARD_RATE_STEMS,
    LATIN_UNITS,
    MEASURE_UNITS,
    MONEY_UNITS,
    PLACEHOLDER_SYMBOLS,
    PLACEHOLDER_WORDS,
    REVERSE_NAME_WORDS,
    TIME_UNITS,
    UNIT_ALIASES,
    alternation,
)

SATISFACTION_LEVEL2: Final = "服务对象满意度指标"
# The target kinds by short names, as the rules compare them (``indicator.kind is NUMERIC``).
NUMERIC: Final = TargetKind.NUMERIC
RANGE: Final = TargetKind.RANGE
DEADLINE: Final = TargetKind.DEADLINE
PERIOD: Final = TargetKind.PERIOD
DURATION: Final = TargetKind.DURATION
QUALITATIVE: Final = TargetKind.QUALITATIVE
TREND: Final = TargetKind.TREND
COMPOUND: Final = TargetKind.COMPOUND
TEXT: Final = TargetKind.TEXT
EMPTY: Final = TargetKind.EMPTY
CATEGORY_NAMES: Final = frozenset(
    {*LEVEL1_ALIASES, *LEVEL2_ALIASES, *FRAMEWORK, *[n for v in FRAMEWORK.values() for n in v]}
)

# Names of measures where lower is better (domain.md §3.2).
REVERSE_WORDS: Final = re.compile(alternation(REVERSE_NAME_WORDS))
# Rates where higher is better: the common 三级 suffixes.
FORWARD_RATE: Final = re.compile(f"({'|'.join(FORWARD_RATE_STEMS)})率$")
GROWTH_WORDS: Final = re.compile("增长|增幅|增速|提升率|提高率|增加率|同比|环比")
RATE_NAME: Final = re.compile(r"(率|比例|占比|比重|覆盖面)$")
# Inputs and process measures (domain.md §3.5, §4.3, §8 PT-CAT-001).
INPUT_WORDS: Final = re.compile(
    "资金到位|经费到位|预算执行|执行率|拨付|支出进度|支出金额|结余|调整次数|合规|资金保障|"
    "经费保障|制度执行|资金支付|经费支付|支付率"
)
SATISFACTION_WORD: Final = "满意"
# A 三级 name that is a satisfaction measure (满意度, 服务对象满意度, 满意率).
SATISFACTION_MEASURE: Final = ("满意度", "满意率", "满意程度")
# The end of a name that names a measure (a rate, a degree, a count).
MEASURE_END: Final = re.compile(r"(?:率|度|程度|数|数量|次数|人数|金额|时间|比例|占比)$")
_CLAUSES: Final = re.compile(r"[，,；;]")


def names_a_measure(name: str) -> bool:
    """A name whose last clause names a measure and states no goal: 服务周期内,市民对空气质量
    改善的满意程度 (a qualifier, then the measure) — not 补充…人才，提升干部队伍专业化程度,
    whose last clause is a goal (提升…)."""
    last = _CLAUSES.split(name)[-1].strip()
    return bool(MEASURE_END.search(last)) and not last.startswith(GOAL_VERBS)


# The unit printed in the name's last brackets: 开展小型水利工程建设(个), 受益人口(万人).
_NAME_UNIT: Final = re.compile(r"[(（]\s*[万亿千]?([^()（）]{1,4}?)\s*[)）]$")
_UNITS: Final = frozenset(
    (*TIME_UNITS, *COUNT_UNITS, *MONEY_UNITS, *MEASURE_UNITS, *LATIN_UNITS, *UNIT_ALIASES)
)


def unit_in_name(name: str) -> bool:
    """True when the name ends with a unit in brackets: 开展小型水利工程建设(个), 资金(万元)."""
    match = _NAME_UNIT.search(name) if name.endswith((")", "）")) else None
    return match is not None and match.group(1) in _UNITS


# Names of dates: a bare number there is a date the export printed as a serial (44,561).
DATE_NAME: Final = re.compile(r"(?:时间|日期|时限|期限)$")
COST_NAME: Final = re.compile(r"成本|费用|单价|人均标准|补助标准|费标准|经费标准|价格|造价")
TOTAL_COST_NAME: Final = re.compile(
    r"总成本|总投资|总金额|总额|总费用|总经费|预算总|项目成本|成本总"
)
# Names that state a goal instead of naming a measure: a goal verb first, or a sentence.
GOAL_VERBS: Final = (
    "为",
    "提高",
    "提升",
    "促进",
    "推进",
    "推动",
    "保障",
    "确保",
    "加强",
    "增强",
    "不断",
    "进一步",
)
_LONGEST_PLACEHOLDER_WORD: Final = max(len(word) for word in PLACEHOLDER_WORDS)
_PLACEHOLDER_STARTS: Final = tuple(PLACEHOLDER_SYMBOLS)
SENTENCE_PUNCTUATION: Final = re.compile("[，,。；;！!？?]")


def blocks_of(level1: str | None, level2: str | None) -> frozenset[str]:
    """The canonical 一级 blocks a row is in: by its 一级, or by a 二级 that only exists under
    one block (a table that printed no 一级); 成本指标 also by any cost 二级."""
    under_level1 = _BLOCKS.get(level1)
    if under_level1 is None:
        under_level1 = _BLOCKS[level1] = {}
    blocks = under_level1.get(level2)
    if blocks is None:
        blocks = under_level1[level2] = _blocks_of(level1, level2)
    return blocks


# Remembered answers: canonical level names make a few dozen pairs; printed ones, a few hundred.
_BLOCKS: Final[dict[str | None, dict[str | None, frozenset[str]]]] = {}
_LEVEL_KEYS: Final[dict[str | None, dict[str | None, frozenset[str]]]] = {}
_REMEMBERED: Final = 4096


def _blocks_of(level1: str | None, level2: str | None) -> frozenset[str]:
    blocks = {
        block
        for block in (OUTPUT, COST, BENEFIT, SATISFACTION)
        if level1 == block or (level1 is None and level2 in FRAMEWORK[block])
    }
    if level2 in COST_LEVEL2:
        blocks.add(COST)
    return frozenset(blocks)


def is_money(
    kind: TargetKind, value: float | None, unit: str | None, unit_printed: str | None
) -> bool:
    """A target (given by its fields) that is a single amount in yuan: 万元 already converted;
    a bare 万 as in "250万" counts."""
    if kind is not NUMERIC or value is None:
        return False
    return unit == "元" or (unit is None and unit_printed in ("万", "亿"))


def per_unit_money(kind: TargetKind, unit: str | None) -> str | None:
    """'人' for 元/人 or 元/人/年, '本' for 元/本 …; None when not an amount per unit."""
    if kind is NUMERIC and unit is not None and unit.startswith("元/"):
        return unit.split("/")[1] or None
    return None


def may_be_placeholder(text: str) -> bool:
    """False for text that cannot be a placeholder (see :func:`jixiao.targets.is_placeholder`):
    longer than any placeholder word, and not starting with a placeholder symbol. It saves
    most names the call to is_placeholder."""
    text = text.strip()
    return len(text) <= _LONGEST_PLACEHOLDER_WORD or text.startswith(_PLACEHOLDER_STARTS)


def is_goal_sentence(name: str) -> bool:
    """True for a name that is a goal sentence (为…, 提高…, or with sentence punctuation)."""
    if name.startswith(GOAL_VERBS):
        return True
    # A name of letters, digits and Chinese characters only has no punctuation (see name_key).
    return not name.isalnum() and SENTENCE_PUNCTUATION.search(name) is not None


def name_key(text: str) -> str:
    """A name as compared: no spaces, brackets, quotes or traditional characters.

    Not cached: published tables rarely share an indicator name, and the view computes each
    name's key once per review. Most names need no cleaning, which one pass tells.
    """
    text = clean_level_name(text)  # returns most names unchanged after one search
    # A name of letters, digits and Chinese characters only (most names) has no quotes to strip.
    return text if text.isalnum() else text.strip("“”\"'")


def level_keys(level1_printed: str | None, level2_printed: str | None) -> frozenset[str]:
    """The keys of a row's printed 一级 and 二级 names, each also without its 指标 suffix, so
    that the 三级 name 社会成本 matches a printed 二级 社会成本指标 (tables print few distinct
    pairs, so the answers are remembered)."""
    under_level1 = _LEVEL_KEYS.get(level1_printed)
    if under_level1 is None:
        if len(_LEVEL_KEYS) >= _REMEMBERED:
            _LEVEL_KEYS.clear()
        under_level1 = _LEVEL_KEYS[level1_printed] = {}
    keys = under_level1.get(level2_printed)
    if keys is None:
        names = [name_key(n) for n in (level1_printed, level2_printed) if n]
        keys = under_level1[level2_printed] = frozenset(
            [*names, *[n.removesuffix("指标") for n in names]]
        )
    return keys


def is_growth(name: str) -> bool:
    return GROWTH_WORDS.search(name) is not None


def describe_yuan(amount: float) -> str:
    """12345.5 → '12,345.5 元'; 3300000.0 → '3,300,000 元'."""
    text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return f"{text} 元"
