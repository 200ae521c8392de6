"""The official template's layout of one target table, for scripts/make_fixtures.py.

Seven grid columns::

    A 一级指标 | B 二级指标 | C 三级指标 | D–E 绩效指标描述 | F–G 指标值

with the header block above (项目名称; 预算规模及资金用途 over two rows: 预算数, 其中：财政资金,
其他资金, then the purpose; 绩效目标). A layout is a list of :class:`Placed` cells with row and
column spans, which each writer (XLSX, DOCX, HTML, PDF) renders in its own way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from jixiao.model import Indicator, TargetTable

COLUMN_HEADER = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值")
Part = Literal["whole", "head", "tail"]


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    label: bool = False  # a printed label (bold in the template)
    amount: bool = False  # an amount in yuan (a number in XLSX)


@dataclass(frozen=True)
class Entry:
    """One printed indicator row: a whole indicator, or one part of a row cut by a page break."""

    indicator: Indicator
    part: Part = "whole"
    cut_name: str = ""  # for a cut row: the name and description printed before the break
    cut_description: str = ""

    @property
    def name(self) -> str:
        return self.printed(self.indicator.name, self.cut_name)

    @property
    def description(self) -> str:
        return self.printed(self.indicator.description or "", self.cut_description)

    def printed(self, text: str, before_break: str) -> str:
        if self.part == "head":
            return before_break
        if self.part == "tail":
            return text[len(before_break) :]
        return text

    @property
    def target(self) -> str:
        return "" if self.part == "tail" else self.indicator.target.raw


def whole(indicator: Indicator) -> Entry:
    return Entry(indicator)


def title_lines(table: TargetTable, number: int) -> tuple[str, str, str]:
    """The three lines above a table: numbered title, department line, amount unit."""
    return (
        f"{number}.{table.title}",
        f"{table.department_code} {table.department}",
        f"单位：{table.budget.unit_printed or '元'}",
    )


def table_block(
    table: TargetTable,
    entries: list[Entry],
    *,
    header_block: bool,
    column_header: bool = True,
) -> list[Placed]:
    """The cells of one printed table (or one page's part of it), rows from 0."""
    placed: list[Placed] = []
    row = 0
    if header_block:
        budget = table.budget
        placed += [
            Placed(0, 0, "项目名称", label=True),
            Placed(0, 1, table.project or "", colspan=6),
            Placed(1, 0, "预算规模及资金用途", rowspan=2, label=True),
            Placed(1, 1, "预算数", label=True),
            Placed(1, 2, budget.total_printed or "", amount=True),
            Placed(1, 3, "其中：财政资金", label=True),
            Placed(1, 4, budget.fiscal_printed or "", amount=True),
            Placed(1, 5, "其他资金", label=True),
            Placed(1, 6, budget.other_printed or "", amount=True),
            Placed(2, 1, table.purpose or "", colspan=6),
            Placed(3, 0, "绩效目标", label=True),
            Placed(3, 1, goals_text(table.goals), colspan=6),
        ]
        row = 4
    if column_header:
        placed += header_cells(row)
        row += 1
    placed += indicator_cells(table, entries, row)
    return placed


def goals_text(goals: list[str]) -> str:
    return "\n".join(f"{n}.{goal}" for n, goal in enumerate(goals, start=1))


def header_cells(row: int) -> list[Placed]:
    level1, level2, name, description, target = COLUMN_HEADER
    return [
        Placed(row, 0, level1, label=True),
        Placed(row, 1, level2, label=True),
        Placed(row, 2, name, label=True),
        Placed(row, 3, description, colspan=2, label=True),
        Placed(row, 5, target, colspan=2, label=True),
    ]


def indicator_cells(table: TargetTable, entries: list[Entry], first_row: int) -> list[Placed]:
    """Indicator rows with merged 一级/二级 cells; a level continued from an earlier page is
    an empty merged cell, and the rest of a cut row gets an empty 二级 cell of its own."""
    starts1 = level_starts(table.indicators, by_level2=False)
    placed: list[Placed] = []
    for begin, end in groups(entries, level1_key):
        first = entries[begin]
        label = first.indicator.level1_printed or ""
        printed = first.part != "tail" and id(first.indicator) in starts1
        placed.append(Placed(first_row + begin, 0, label if printed else "", rowspan=end - begin))
        for begin2, end2 in groups(entries[begin:end], level2_key):
            entry = entries[begin + begin2]
            text = "" if entry.part == "tail" else entry.indicator.level2_printed or ""
            placed.append(Placed(first_row + begin + begin2, 1, text, rowspan=end2 - begin2))
    for offset, entry in enumerate(entries):
        row = first_row + offset
        placed += [
            Placed(row, 2, entry.name),
            Placed(row, 3, entry.description, colspan=2),
            Placed(row, 5, entry.target, colspan=2),
        ]
    return placed


def level_starts(indicators: list[Indicator], *, by_level2: bool) -> set[int]:
    starts: set[int] = set()
    previous: Indicator | None = None
    for indicator in indicators:
        key = (indicator.level1_printed, indicator.level2_printed if by_level2 else None)
        if previous is None or key != (
            previous.level1_printed,
            previous.level2_printed if by_level2 else None,
        ):
            starts.add(id(indicator))
        previous = indicator
    return starts


def level1_key(entry: Entry) -> str:
    return entry.indicator.level1_printed or ""


def level2_key(entry: Entry) -> str:
    return f"tail:{id(entry)}" if entry.part == "tail" else entry.indicator.level2_printed or ""


def groups(entries: list[Entry], key: Callable[[Entry], str]) -> list[tuple[int, int]]:
    """[begin, end) ranges of consecutive entries with the same key."""
    ranges: list[tuple[int, int]] = []
    begin = 0
    for index in range(1, len(entries) + 1):
        if index == len(entries) or key(entries[index]) != key(entries[begin]):
            ranges.append((begin, index))
            begin = index
    return ranges


def block_height(placed: list[Placed]) -> int:
    return max(p.row + p.rowspan for p in placed)
