"""The corpus's real tables as synthetic :class:`~synthetic.tables.Table` values.

The generator (:mod:`synthetic.tables`) draws names and 指标值 from a vocabulary; real forms
print longer names, digits and brackets in names (``项目(工程)验收合格率``, ``5G基站数``),
free-text values (``1600元/亩``, ``2020年1月--2020年11月``) and levels outside the framework.
This module takes each table of ``tests/corpus/gold`` as it is, so that every shape of
:mod:`synthetic.shapes` prints real content too: a real table in a shape it was never
published in is a document jixiao has never seen.

A gold row is kept when it has a 一级, a 二级, a 三级 name and a 指标值 (the rows a form prints
in full); a table with no such row is left out. A 指标值 that is one comparator, one number
and a unit (``≥100公里``) becomes a quantity, printable in split columns; any other value is
printed as text. Header values the gold does not give get neutral stand-ins (the table fields
are reported, not asserted). The 三级指标 and 指标值 columns are labelled as the forms in use
label them, one wording per table in turn (三级指标名称, 绩效目标值, 年度实际完成数,
偏差原因及改进措施 …); every second table prints its amounts in 万元, every third its 二级 on
every row.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from jixiao.model.characters import strip_pinyin_glosses
from synthetic.tables import DEPARTMENT_TARGET, KINDS, Row, Table, Value

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
_QUANTITY = re.compile(r"^(≥|≤|=|>|<|＞|＜)?(\d+(?:\.\d+)?)([^\d\s|]{0,8})$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def value_of(printed: str) -> Value:
    """``≥100公里`` → Value('≥', '100', '公里'); ``1600元/亩`` → a quantity too; else text."""
    match = _QUANTITY.match(printed)
    if match and match.group(1):
        return Value(match.group(1), match.group(2), match.group(3))
    return Value(text=printed)


def number_text(value: Any) -> str:
    """A gold weight or score as printed: 10.0 → '10', 9.5 → '9.5', None → ''."""
    if value is None:
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return text if _NUMBER.match(text) else ""


def printed(value: Any) -> Any:
    """A gold text without a web page's pinyin glosses (項(xiàng)): the ``traditional`` shape
    prints its own, every other shape the characters alone, as their sources do. Anything
    else as it is."""
    return strip_pinyin_glosses(value) if isinstance(value, str) else value


def row_of(indicator: dict[str, Any], evaluation: bool) -> Row | None:
    indicator = {key: printed(value) for key, value in indicator.items()}
    fields = [indicator.get(key) for key in ("level1", "level2", "name", "target")]
    if not all(isinstance(text, str) and text.strip() for text in fields):
        return None
    level1, level2, name, target = (str(text).strip() for text in fields)
    if "\n" in name or "\n" in target:
        return None
    return Row(
        level1=level1,
        level2=level2,
        name=name,
        target=value_of(target),
        description=(indicator.get("description") or "").replace("\n", ""),
        actual=(indicator.get("actual") or "") if evaluation else "",
        weight=number_text(indicator.get("weight")) if evaluation else "",
        score=number_text(indicator.get("score")) if evaluation else "",
    )


NAME_LABELS = ("三级指标", "指标名称", "三级指标名称", "绩效指标名称", "具体指标")
TARGET_LABELS = ("指标值", "目标值", "年度指标值", "绩效目标值", "指标目标值", "年度绩效指标值")
ACTUAL_LABELS = ("实际完成值", "全年实际值", "年度实际完成数", "实际值")
DEVIATION_LABELS = ("偏差原因分析及改进措施", "偏差原因及改进措施", "未完成原因分析和改进措施")


def table_of(gold: dict[str, Any], number: int = 0) -> Table | None:
    gold = {key: printed(value) for key, value in gold.items()}
    kind = gold.get("kind") if gold.get("kind") in KINDS else "project_target"
    evaluation = kind == "self_evaluation"
    rows = [row_of(indicator, evaluation) for indicator in gold.get("indicators", [])]
    kept = tuple(row for row in rows if row is not None)
    if not kept:
        return None
    total = Decimal(str(gold["budget_total"])) if gold.get("budget_total") else Decimal(100000)
    total = total.quantize(Decimal("0.01"))
    describe = any(row.description for row in kept)
    return Table(
        kind=kind,
        year=gold.get("year") or 2022,
        department=gold.get("department") or "某县某局",
        implementer="",
        project=None if kind == DEPARTMENT_TARGET else (gold.get("project") or "某项目"),
        department_code="",
        amount_unit="万元" if number % 2 else "元",
        total=total,
        fiscal=total,
        other=Decimal(0),
        executed=total if evaluation else Decimal(0),
        goals="；".join(map(printed, gold.get("goals") or [])) or "完成年度工作任务",
        done="已完成" if evaluation else "",
        rows=kept,
        describe=describe,
        repeat_level2=number % 3 == 1,  # 二级 printed on every row, not merged
        name_label=NAME_LABELS[number % len(NAME_LABELS)],
        target_label=TARGET_LABELS[number % len(TARGET_LABELS)],
        actual_label=ACTUAL_LABELS[number % len(ACTUAL_LABELS)],
        deviation_label=DEVIATION_LABELS[number % len(DEVIATION_LABELS)],
    )


@cache
def corpus_tables() -> tuple[tuple[str, Table], ...]:
    """(document name, table) for every corpus gold table with at least one full row."""
    found: list[tuple[str, Table]] = []
    for path in sorted(GOLD.glob("*.json")):
        for gold in json.loads(path.read_text("utf-8"))["tables"]:
            table = table_of(gold, len(found))
            if table is not None:
                found.append((path.stem, table))
    return tuple(found)
