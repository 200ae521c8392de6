"""How well a piece of pasted text fits an indicator column — the reader's cell recognizers.

A fit is a score (higher is better) or ``None`` when the text cannot be that column's cell:
a level name is never a 三级指标, a number is never a 一级指标, ``≥`` is only an operator. The
scores only rank alternatives; what matters is that a strong, vocabulary-based fit (a level
name, an operator, a unit, a target the 指标值 grammar reads) beats free text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from jixiao.model import TargetKind
from jixiao.model.framework import (
    MANAGEMENT,
    clean_level_name,
    evaluation_level,
    is_management_area,
    normalize_level1,
    normalize_level2,
)
from jixiao.model.labels import budget_sub_column, column_label, is_known_label
from jixiao.model.vocabulary import OPERATOR_CELL_SPELLINGS, PREFIX_OPERATORS, Field
from jixiao.targets import parse_target

_NUMBER: Final = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?$")
_SCORE: Final = re.compile(r"^(?:100|[1-9]?\d)(?:\.\d{1,2})?$")
_CJK_OR_LETTER: Final = re.compile(r"[\u3400-\u9fffA-Za-z]")
# '820001-井研县马踏镇人民政府': a unit name with its budget code (Sichuan sheets)
_CODED_UNIT: Final = re.compile(r"^\d{3,12}\s*[-－—]\s*[\u3400-\u9fff]")
# '3,309,840.00': an amount as a budget prints it (targets are rarely printed so)
_AMOUNT: Final = re.compile(r"^\d{1,3}(?:,\d{3})+\.\d{2}$")
_LONGEST_COMPARATOR: Final = max(map(len, [*PREFIX_OPERATORS, *OPERATOR_CELL_SPELLINGS]))
# A value cell saying there is none: never a 三级指标's name.
_NONE_VALUES: Final = frozenset({"无", "没有", "暂无"})
_DIRECTION: Final = re.compile(r"^(?:正向|反向|中性)(?:指标)?$")
_QUALITY: Final = frozenset({"定性", "定量"})
# a level name outside the framework; a template may end it in 等 (服务对象满意度指标等)
_SHORT_WORD: Final = re.compile(r"^[\u3400-\u9fff]{1,3}(?:/[\u3400-\u9fff]{1,2})?$")
_LEVEL_LIKE: Final = re.compile(r"^.{2,16}(?:指标等?|[（(]定[量性]指标[)）])$")
# A 绩效指标描述 (指标解释) sentence: 反映实施项目对社会产生的不利影响, 该指标主要考察…情况 —
# what the template asks that column to say. One that speaks of "this indicator" (该指标…) is
# never a 三级指标's name; one opening 反映/考察 rarely is.
_DESCRIPTION: Final = re.compile(r"^(?:[该該本此]指[标標]|反映|主要考察|考察)")
_SELF_REFERENCE: Final = re.compile(r"^[该該本此]指[标標]")
_VALUE_KINDS: Final = frozenset(
    {
        TargetKind.NUMERIC,
        TargetKind.RANGE,
        TargetKind.DEADLINE,
        TargetKind.PERIOD,
        TargetKind.DURATION,
        TargetKind.TREND,
        TargetKind.COMPOUND,
    }
)

# Columns a row may leave empty at its start because a merged cell covers them.
MERGED_COLUMNS: Final = frozenset(
    {Field.LEVEL1, Field.LEVEL2, Field.PROJECT, Field.DEPARTMENT, Field.TOTAL, Field.GOALS}
)


def is_level_name(text: str) -> bool:
    return (
        normalize_level1(text) is not None
        or normalize_level2(text) is not None
        or evaluation_level(text) is not None
    )


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def is_score(text: str) -> bool:
    """A number that can be a 分值 or 得分: 0-100, at most two decimals."""
    return bool(_SCORE.match(text))


def is_comparator(text: str) -> bool:
    """A cell that is only a comparator: a sign in any spelling (≥, >=, ≧, ＞) or a word
    (大于等于, 不低于 …)."""
    if len(text) > _LONGEST_COMPARATOR:
        return False
    text = unicodedata.normalize("NFKC", text)
    return OPERATOR_CELL_SPELLINGS.get(text, text) in PREFIX_OPERATORS


def is_direction(text: str) -> bool:
    return bool(_DIRECTION.match(text))


@lru_cache(maxsize=4096)
def target_kind(text: str) -> TargetKind:
    return parse_target(text).kind


@lru_cache(maxsize=4096)
def is_grade(text: str) -> bool:
    """A qualitative grade of the 指标值 grammar: 达标, 已完成, 高, 效果显著."""
    return parse_target(text).grade is not None


@lru_cache(maxsize=1024)
def is_unit(text: str) -> bool:
    """'%', '个', '人/次', '万元/人': what the 指标值 grammar reads as a unit after a number."""
    if not text or len(text) > 8 or _NUMBER.match(text):
        return False
    target = parse_target("1" + text)
    return target.kind in (TargetKind.NUMERIC, TargetKind.DURATION) and text in (
        target.unit,
        target.unit_printed,
    )


def level_fit(text: str, level: Field) -> float | None:
    one = normalize_level1(text) is not None
    two = normalize_level2(text) is not None
    if one and two:
        return 5.0  # 成本指标, 满意度指标: either level; the row's other cells decide
    if (one and level is Field.LEVEL1) or (two and level is Field.LEVEL2):
        return 6.0
    if one or two:
        return None
    evaluation = evaluation_level(text)
    if evaluation is not None:
        return 6.0 if evaluation == (1 if level is Field.LEVEL1 else 2) else None
    if clean_level_name(text) == clean_level_name(MANAGEMENT):
        return 6.0 if level is Field.LEVEL1 else None  # a 部门整体 form's 管理指标
    if is_management_area(text):
        # its 二级: a management area (预算执行管理); a 三级 may end in 管理 as well
        return 3.0 if level is Field.LEVEL2 else None
    if _LEVEL_LIKE.match(text) and not is_known_label(text) and column_label(text) is None:
        return 1.0  # a level name outside the framework, e.g. 社会、经济、生态效益指标
    return None


def is_description(text: str) -> bool:
    """A 绩效指标描述 sentence (反映…, 该指标主要考察…), by its opening words."""
    return len(text) >= 6 and bool(_DESCRIPTION.match(text))


def is_measured_value(text: str) -> bool:
    """A 指标值 that measures: a number with its unit, a range, a rate, a deadline (≧85%,
    ≤30万元, 12月底前) — not a grade or a free word."""
    return target_kind(text) in _VALUE_KINDS


def value_fit(text: str) -> float | None:
    """A 指标值 or 实际完成值 cell."""
    kind = target_kind(text)
    if kind is TargetKind.EMPTY:
        return None
    if _AMOUNT.match(text):
        return 1.0
    if text in _NONE_VALUES:
        return 2.5  # 无: a value stating there is none (安全事故数 无), as a grade would
    if kind in _VALUE_KINDS:
        return 3.0
    if kind is TargetKind.QUALITATIVE:
        return 2.5
    return 0.5


def name_fit(text: str) -> float | None:
    if not _CJK_OR_LETTER.search(text) or is_comparator(text) or is_direction(text):
        return None
    if is_description(text):
        return None if _SELF_REFERENCE.match(text) else 0.3
    if text in _QUALITY or text in _NONE_VALUES:
        return None  # 定性/定量: the value type; 无: a value; never a name
    if _CODED_UNIT.match(text):
        return 0.3
    if target_kind(text) in _VALUE_KINDS or is_unit(text):
        return 0.3
    if is_grade(text):
        return 0.5  # 已完成, 达标: more likely a value
    return 2.0


def fit(text: str, field: Field | None) -> float | None:
    """The score of ``text`` as the cell of a column holding ``field`` (None: a column whose
    label the model does not know); ``None`` when it cannot be."""
    if field in (Field.LEVEL1, Field.LEVEL2):
        return level_fit(text, field)
    if column_label(text) is not None:
        return None
    if is_known_label(text):
        # a budget block's sub-column label is also how a 管理指标 row names its 三级
        # (政府采购管理 | 执行率 | 100%): a weak name, never another cell
        return 0.5 if field is Field.NAME and budget_sub_column(text) is not None else None
    if is_level_name(text):
        # a short alias (满意度, 产出) may well be a 三级指标's own name; 满意度指标 rarely is,
        # but some tables print a level name there (成本指标 | 社会成本指标 | 定量 | 100 | %):
        # a weak fit, taken only when the row would otherwise have no 三级指标
        if field is not Field.NAME:
            return None
        return 0.5 if text.endswith("指标") else 1.0
    match field:
        case Field.NAME:
            return name_fit(text)
        case Field.TARGET | Field.ACTUAL | Field.OTHER_PERIOD_TARGET:
            return value_fit(text)
        case Field.OPERATOR:
            if is_comparator(text) or text in _QUALITY:
                return 5.0
            return 4.0 if is_direction(text) else None
        case Field.DIRECTION:
            if is_direction(text):
                return 5.0
            return 4.0 if is_comparator(text) else None
        case Field.UNIT:
            if is_unit(text):
                return 5.0
            if is_number(text):
                return 0.5  # an Excel date serial in the unit column
            # a unit the grammar does not know (万页, 卷, 台套): short, no digits
            return 0.3 if _SHORT_WORD.match(text) and not is_grade(text) else None
        case Field.WEIGHT | Field.SCORE:
            return 3.0 if _SCORE.match(text) else None
        case Field.TOTAL:
            return 3.0 if is_number(text) else None
        case Field.DEPARTMENT if _CODED_UNIT.match(text):
            return 5.0
        case Field.PROJECT | Field.DEPARTMENT:
            return 1.5 if _CJK_OR_LETTER.search(text) and not is_number(text) else None
        case Field.GOALS:
            return 1.0 if _CJK_OR_LETTER.search(text) else None
        case _:
            if field is Field.DESCRIPTION:
                return 3.0 if is_description(text) else 1.0
            return 0.3
