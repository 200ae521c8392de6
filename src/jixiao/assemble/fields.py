"""Parsers for header-block values: amounts, goals, department lines, years, kinds."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Final

from jixiao.model import TableKind
from jixiao.model.labels import is_table_title
from jixiao.model.vocabulary import (
    AMOUNT_UNIT_FACTORS,
    AMOUNT_UNITS,
    OPERATOR_CELL_SPELLINGS,
    PREFIX_OPERATORS,
    Field,
    alternation,
)

# a number, with an exponent when a converter wrote one (1.5E+7): never read as its mantissa
# (a number that is a year or a date, 2021年实际执行数, is no amount; nor is a rate: '(1)财政拨款
# 103.21%', a percentage printed where the amount belongs)
_AMOUNT: Final = re.compile(
    r"^\s*([-+]?\d[\d,，]*(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\d,，.])(?!\s*[年月日%％])\s*"
    rf"({alternation(AMOUNT_UNIT_FACTORS)})?"
)
# 单位：元 — alone, or at the end of a line such as 填报单位：（盖章） 单位：万元
_UNIT_DECLARATION: Final = rf"(?:金额|资金|预算)?单位[:：]\s*({alternation(AMOUNT_UNITS)})\s*$"
_UNIT_LINE: Final = re.compile(rf"(?:^|(?<=[)）])){_UNIT_DECLARATION}")
# 单位：万元 at the end of a line that starts with something else: '114677 某县某局单位：万元'
# (a department line and the unit line run together when a scan or paste lost the break)
_UNIT_SUFFIX: Final = re.compile(_UNIT_DECLARATION)
# （2019年度） / 2019年度) / ( 2019 年度) printed under a title
_YEAR_LINE: Final = re.compile(r"^[（(]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$")
# the title may end in its year: 部门预算项目绩效目标申报表（2023年度）
# a code is never a year: '2023年项目支出绩效目标申报表' is a title
_DEPARTMENT_LINE: Final = re.compile(r"^(\d{3,12})\s*(?!年)([\u3400-\u9fff（(].*)$")
# 单位名称：… / 部门（单位）名称：… / 编制单位（盖章）：… — a department written with its label
_NAMED_DEPARTMENT: Final = re.compile(
    r"^(主管部门(?:及代码)?|预算单位|填报单位|编制单位|项目单位|(?:项目|具体)?实施单位|部门名称|单位名称|"
    r"部门[（(]单位[)）]名称|部门(?=\s*[:：]))"
    r"\s*(?:[（(]盖章[)）])?\s*[:：]\s*(?:(\d{3,12})(?=[\s\u3400-\u9fff（(])\s*)?(\S.*)$"
)
# '黄石市图书馆 主要领导签字:': another label after the unit's name on the same line (the
# space may be lost in pasted text: '黄石市图书馆主要领导签字:')
_NEXT_LABEL: Final = re.compile(
    r"(?:\s+\S{1,12}[:：]|(?:主要)?(?:领导|负责人)?(?:签字|签章|签名)\s*[:：]|(?:填报|编制)?日期\s*[:："
    r"]|填\s*报\s*人\s*[:：]|联系(?:人|电话)\s*[:：]).*$"
)
# '县(市、区)教育部门': a template's placeholder, not a unit's name
_PLACEHOLDER_UNIT: Final = re.compile(r"[(（]市、区[)）]|[×xX*＊]{2,}")
_YEAR: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_GOAL_NUMBER: Final = re.compile(
    r"(?:^|(?<=[。；;！!\s]))\s*(?:目标\s*\d{1,2}\s*[:：、.．]?|[（(]\d{1,2}[)）]|\d{1,2}\s*[.．、](?!\d))"
)
_TITLE_NUMBER: Final = re.compile(r"^\s*[（(]?\d{1,3}[)）.．、]\s*")


MAX_AMOUNT: Final = Decimal(10) ** 13
"""The largest amount read, in yuan (10 万亿元): beyond any one table's budget, and an amount
up to it keeps its fen exactly in a float (15 significant digits). Larger is a range doubt."""
MAX_POINTS: Final = 100.0
"""The largest weight (分值) or score (得分) read: the points of a whole table (0..100)."""


def read_amount(text: str | None, unit: str | None) -> Decimal | None:
    """The amount a cell prints, in yuan, unrounded and unchecked; None when it prints none.

    The exponent is checked before any arithmetic, so '1e99999' or 28 digits cost nothing
    and raise nothing (``decimal`` would round or overflow at its 28-digit precision); the
    callers compare its ``copy_abs()``, which applies no context (``abs`` of '1e999992020'
    overflows).
    """
    if not text:
        return None
    match = _AMOUNT.match(text)
    if not match:
        return None
    try:
        number = Decimal(match.group(1).replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    if number.adjusted() > 20:
        return number  # absurd whatever its unit: no arithmetic on it, the range check refuses it
    return number * AMOUNT_UNIT_FACTORS[match.group(2) or unit or "元"]


def amount_out_of_range(text: str | None, unit: str | None) -> bool:
    """True when the cell prints an amount, but one no table can hold (over MAX_AMOUNT)."""
    number = read_amount(text, unit)
    return number is not None and number.copy_abs() > MAX_AMOUNT


def parse_amount(text: str | None, unit: str | None) -> float | None:
    """A printed amount in yuan: '3300000.00' (元), '7.29' with unit 万元, '854万'.

    None when there is none, and when it is out of range (see :func:`amount_out_of_range`).
    """
    number = read_amount(text, unit)
    if number is None or number.copy_abs() > MAX_AMOUNT:
        return None
    return float(number.quantize(Decimal("0.01")))


_NUMBER: Final = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*分?\s*$")


def read_number(text: str | None) -> float | None:
    """A weight or score cell as printed: '10', '10.00', '9.5分' → float; else None."""
    match = _NUMBER.match(text or "")
    return float(match.group(1)) if match else None


def number_out_of_range(text: str | None) -> bool:
    """True when a weight or score cell prints a number outside 0..MAX_POINTS."""
    value = read_number(text)
    return value is not None and not 0 <= value <= MAX_POINTS


def parse_number(text: str | None) -> float | None:
    """A weight or score in 0..MAX_POINTS ('9.5分' → 9.5); None when absent or out of range."""
    value = read_number(text)
    return value if value is not None and 0 <= value <= MAX_POINTS else None


# a comparator word or sign in an operator cell, longest first ('大于等于' before '大于')
_COMPARATOR: Final = re.compile(alternation(PREFIX_OPERATORS))
_OPERATOR_SPELLING: Final = re.compile(alternation(OPERATOR_CELL_SPELLINGS))
_BARE_NUMBER: Final = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?$")
# a number with a unit but no further digits: '95%', '230人', '1年' (not '2023年12月31日')
_QUANTITY: Final = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*[^\d\s]{0,8}$")


def find_comparator(text: str) -> str | None:
    """The comparator in a 指标性质/指标方向 cell: '大于等于' → '≥'; '正向', '定性' → None."""
    text = unicodedata.normalize("NFKC", text)  # ＞ ＝ ﹦ → > =
    text = _OPERATOR_SPELLING.sub(lambda m: OPERATOR_CELL_SPELLINGS[m.group()], text)  # ≧ → ≥
    match = _COMPARATOR.search(text)
    return PREFIX_OPERATORS[match.group()].value if match else None


def compose_target(value: str, operator: str = "", direction: str = "", unit: str = "") -> str:
    """One target text from a value printed in parts: ('30', '≤', '', '万元') → '≤30万元'.

    The comparator comes from the 指标性质 cell, else from the 指标方向 cell (some templates
    swap them); the unit is appended as printed, unless the value already ends with it or the
    unit cell holds a number (Excel date serials exported as text); a unit after a value that
    is no number ('应保尽保' | '%') is kept too: the target is what the row prints, and the
    review judges it. The comparator is put only before a quantity (a date such as
    '2023年12月31日' is a deadline by itself).
    """
    value = value.strip()
    if not value:
        return value
    comparator = find_comparator(operator) or find_comparator(direction)
    unit = unit.strip()
    if unit and not value.endswith(unit) and not _BARE_NUMBER.match(unit):
        value += unit
    if comparator and _QUANTITY.match(value):
        value = comparator + value
    return value


def compose_actual(value: str, unit: str = "") -> str:
    """A 实际完成值 with the row's 度量单位: the unit completes a number ('100' | '%' →
    '100%', '≥95' | '%' → '≥95%') and nothing else — a worded 完成值 ('完成', '达成预期指标')
    is no quantity of the unit, and '完成万元' is no text the form prints."""
    value = value.strip()
    if not value[-1:].isdigit():
        return value
    return compose_target(value, unit=unit)


def parse_unit_line(text: str) -> str | None:
    """'单位：元' → '元'; '金额单位：万元' → '万元'; anything else → None."""
    match = _UNIT_LINE.search(re.sub(r"\s+", "", text))
    return match.group(1) if match else None


def split_unit_suffix(text: str) -> tuple[str, str] | None:
    """'114677 某县某局单位：万元' → ('114677 某县某局', '万元'): a line that ends in a unit
    declaration after other text; None for any other line (a unit line alone included)."""
    text = text.strip()
    match = _UNIT_SUFFIX.search(text)
    if match is None or not text[: match.start()].strip():
        return None
    return text[: match.start()].strip(), match.group(1)


def parse_year_line(text: str) -> int | None:
    """'（2019年度）' → 2019: a line that holds nothing but the table's year."""
    match = _YEAR_LINE.match(text.strip())
    return int(match.group(1)) if match else None


def printed_amount_unit(header: dict[Field, str]) -> str | None:
    """The unit printed after a header amount ('2.38万元') when the table names none."""
    for name in (Field.TOTAL, Field.FISCAL, Field.OTHER):
        match = _AMOUNT.match(header.get(name, ""))
        if match and match.group(2) in AMOUNT_UNITS and match.group(2) != "元":
            return match.group(2)
    return None


def parse_department_line(text: str) -> tuple[str | None, str] | None:
    """'503101 中国共产党…组织部' → ('503101', '中国共产党…组织部');
    '单位名称：某县财政局' → (None, '某县财政局')."""
    found = parse_unit_line_with_role(text)
    return (found[1], found[2]) if found else None


class UnitRole(StrEnum):
    """Which unit a department label names (see :func:`choose_department`)."""

    REPORTING = "reporting"  # 单位名称, 填报单位, 项目单位, 部门：, 预算单位, a '503101 名称' line
    SUPERVISOR = "supervisor"  # 主管部门
    IMPLEMENTER = "implementer"  # 实施单位, 项目实施单位, 具体实施单位
    CENTRAL = "central"  # 中央主管部门 of a 转移支付区域 form


def unit_role(label: str) -> UnitRole:
    """The role of a department label as printed: '主管部门及代码' → SUPERVISOR."""
    if label.startswith("中央"):
        return UnitRole.CENTRAL
    if "主管" in label:
        return UnitRole.SUPERVISOR
    if "实施" in label or "执行" in label or "使用" in label:
        # 项目执行单位, a 转移支付 自评表's 资金使用单位: the unit that carries it out
        return UnitRole.IMPLEMENTER
    return UnitRole.REPORTING


def parse_unit_line_with_role(text: str) -> tuple[UnitRole, str | None, str] | None:
    """A line naming a unit: its role, code and name. '503101 中国共产党…组织部' →
    (REPORTING, '503101', '中国共产党…组织部'); '项目单位(盖章):黄石市图书馆 主要领导签字:' →
    (REPORTING, None, '黄石市图书馆'); '主管部门：某县教育局' → (SUPERVISOR, None, '某县教育局')."""
    text = text.strip()
    match = _DEPARTMENT_LINE.match(text)
    if match:
        return UnitRole.REPORTING, match.group(1), match.group(2).strip()
    match = _NAMED_DEPARTMENT.match(text)
    if not match:
        return None
    name = _NEXT_LABEL.sub("", match.group(3)).strip()
    return unit_role(match.group(1)), match.group(2), name


def choose_department(
    reporting: str | None,
    supervisor: str | None,
    implementer: str | None,
    central: str | None = None,
) -> str | None:
    """The table's department: the unit the table belongs to.

    The unit that reports (填报单位, 项目单位, 单位名称, '部门：' above the table) when one is
    printed — as the table's own 实施单位 or 主管部门 cell when the reporting name ends with it
    ('临沧市永德县明朗中学' above, 实施单位 '永德县明朗中学' → '永德县明朗中学'); else the 主管部门;
    else the 实施单位 (a form whose 主管部门 cell is empty); else ``central``, the 中央主管部门
    of a 转移支付区域 target form (the departments that set the regional targets, often
    several: 财政部、教育部、人力资源社会保障部) — the caller passes none for a form titled
    自评表, which the region fills and whose department the form does not name. Conventions of
    the corpus gold.
    """
    reporting, supervisor, implementer, central = (
        printed_unit(name) for name in (reporting, supervisor, implementer, central)
    )
    if reporting:
        for cell in (implementer, supervisor):
            if cell and _compact(reporting).endswith(_compact(cell)):
                return cell
        return reporting
    return supervisor or implementer or central


def printed_unit(name: str | None) -> str | None:
    """A unit's name as printed, or None for a template's placeholder ('（市、区）…', '××单位')."""
    return None if name is None or _PLACEHOLDER_UNIT.search(name) else name


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def split_goals(text: str) -> list[str]:
    """Split a 绩效目标 cell into items and drop their numbering (1. 2、 （3） 目标4：)."""
    items: list[str] = []
    for paragraph in text.split("\n"):
        starts = [m.start() for m in _GOAL_NUMBER.finditer(paragraph) if m.end() > m.start()]
        bounds = [0, *[s for s in starts if s > 0], len(paragraph)]
        for begin, end in itertools.pairwise(bounds):
            item = _GOAL_NUMBER.sub("", paragraph[begin:end], count=1).strip()
            if item:
                items.append(item)
    return items


def strip_title_number(title: str) -> str:
    """'1.滨海新区…绩效目标表' → '滨海新区…绩效目标表'."""
    return _TITLE_NUMBER.sub("", title).strip()


def find_year(*texts: str | None) -> int | None:
    """The most frequent 4-digit year written as '2024年' in the texts (the latest on ties)."""
    counts = Counter(int(y) for text in texts if text for y in _YEAR.findall(text))
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


_DEPARTMENT_FORM: Final = re.compile(r"整体支出|部门(?:[（(]单位[)）])?整体|年度整体绩效")


def table_kind(
    title: str | None, has_evaluation_columns: bool, department_form: bool = False
) -> TableKind:
    """The form family: a 自评表 (its title, or 实际完成值/得分 columns), a 部门整体支出绩效目标表
    (its title, or a label only that form prints: 部门预算编码, 年度履职目标, 部门职能), else a
    项目支出绩效目标表 (also the 转移支付区域 target forms)."""
    title = title or ""
    if has_evaluation_columns or "自评" in title:
        return TableKind.SELF_EVALUATION
    if is_department_form(title) or department_form:
        return TableKind.DEPARTMENT_TARGET
    return TableKind.PROJECT_TARGET


def is_department_form(title: str) -> bool:
    """A title of a department's whole-budget form (部门整体, 部门(单位)整体, 整体支出)."""
    return bool(_DEPARTMENT_FORM.search(title))


def looks_like_title(text: str) -> bool:
    return is_table_title(text)
