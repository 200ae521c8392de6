"""Parsers for header-block values: amounts, goals, department lines, years, kinds."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Final

from jixiao.model import TableKind

_AMOUNT: Final = re.compile(r"^\s*([-+]?\d[\d,，]*(?:\.\d+)?)\s*(亿元|万元|千元|元|亿|万)?")
_AMOUNT_FACTORS: Final[dict[str, Decimal]] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "万": Decimal(10000),
    "亿元": Decimal(100000000),
    "亿": Decimal(100000000),
}
_UNIT_LINE: Final = re.compile(r"^(?:金额|资金|预算)?单位\s*[:：]\s*(万元|元|千元|亿元)\s*$")
_DEPARTMENT_LINE: Final = re.compile(r"^(\d{3,12})\s*([\u3400-\u9fff（(].*)$")
_YEAR: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_GOAL_NUMBER: Final = re.compile(
    r"(?:^|(?<=[。；;！!\s]))\s*(?:目标\s*\d{1,2}\s*[:：、.．]?|[（(]\d{1,2}[)）]|\d{1,2}\s*[.．、](?!\d))"
)
_TITLE_NUMBER: Final = re.compile(r"^\s*[（(]?\d{1,3}[)）.．、]\s*")


def parse_amount(text: str | None, unit: str | None) -> float | None:
    """A printed amount in yuan: '3300000.00' (元), '7.29' with unit 万元, '854万'."""
    if not text:
        return None
    match = _AMOUNT.match(text)
    if not match:
        return None
    try:
        number = Decimal(match.group(1).replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    factor = _AMOUNT_FACTORS[match.group(2) or unit or "元"]
    return float((number * factor).quantize(Decimal("0.01")))


_NUMBER: Final = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*分?\s*$")


def parse_number(text: str | None) -> float | None:
    """A weight or score cell: '10', '10.00', '9.5分' → float; anything else → None."""
    match = _NUMBER.match(text or "")
    return float(match.group(1)) if match else None


def parse_unit_line(text: str) -> str | None:
    """'单位：元' → '元'; '金额单位：万元' → '万元'; anything else → None."""
    match = _UNIT_LINE.match(text.replace(" ", ""))
    return match.group(1) if match else None


def parse_department_line(text: str) -> tuple[str, str] | None:
    """'503101 中国共产党…组织部' → ('503101', '中国共产党…组织部')."""
    match = _DEPARTMENT_LINE.match(text.strip())
    return (match.group(1), match.group(2).strip()) if match else None


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


def table_kind(title: str | None, has_evaluation_columns: bool) -> TableKind:
    title = title or ""
    if has_evaluation_columns or "自评" in title:
        return TableKind.SELF_EVALUATION
    if "整体支出" in title or "部门整体" in title:
        return TableKind.DEPARTMENT_TARGET
    return TableKind.PROJECT_TARGET


def looks_like_title(text: str) -> bool:
    return bool(re.search(r"(绩效目标表|绩效目标申报表|绩效自评表|自评表|绩效目标批复表)$", text))
