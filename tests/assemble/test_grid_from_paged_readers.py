"""What the assembler does with grids from the paged and structured readers.

* ``Row.starts_page``: a row cut by a page break is joined back even when the next page
  repeats no header (PDF);
* positions in messages: page/row, sheet/cell, table/row instead of a text line;
* a target printed in parts (指标性质 | 指标值 | 度量单位) is put together before parsing.
"""

from __future__ import annotations

import pytest

from jixiao.assemble import assemble_tables
from jixiao.assemble.fields import compose_target, find_comparator
from jixiao.ingest import Cell, Grid, Row, RowKind, read_grid
from jixiao.model import SourceRef, TargetKind


def table_row(page: int, row: int, *texts: str, starts_page: bool = False) -> Row:
    cells = tuple(Cell(text, column) for column, text in enumerate(texts))
    source = SourceRef(file="p.pdf", page=page, row=row)
    return Row(RowKind.TABLE, cells, source, starts_page=starts_page)


def paged_grid(*, mark_the_page: bool) -> Grid:
    rows = [
        table_row(1, 1, "项目名称", "甲项目"),
        table_row(1, 2, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"),
        table_row(1, 3, "产出指标", "数量指标", "培训人数", "反映培训人数", "≥100人"),
        table_row(1, 4, "", "时效指标", "干部信息管", "干部信息管理系统", "100%"),
        table_row(2, 1, "", "", "理系统运行率", "运行率", "", starts_page=mark_the_page),
        table_row(2, 2, "", "时效指标", "培训完成时间", "培训完成时间", "2024年11月底前"),
    ]
    return Grid(file="p.pdf", format="pdf", rows=rows)


def test_a_row_cut_by_a_page_break_without_a_repeated_header_is_joined() -> None:
    (table,), findings = assemble_tables(paged_grid(mark_the_page=True))
    names = [i.name for i in table.indicators]
    assert names == ["培训人数", "干部信息管理系统运行率", "培训完成时间"]
    assert table.indicators[1].description == "干部信息管理系统运行率"
    (joined,) = [f for f in findings if f.code == "PRS001"]
    assert joined.message == (
        "第1页 第4行的三级指标“干部信息管”在分页处被截断，"
        "已与第2页 第1行合并为“干部信息管理系统运行率”"
    )
    (crossed,) = [f for f in findings if f.code == "PRS002"]
    assert (crossed.location.page, crossed.location.row) == (2, 2)


def test_without_the_page_marker_the_cut_row_stays_a_row_of_its_own() -> None:
    (table,), _ = assemble_tables(paged_grid(mark_the_page=False))
    assert [i.name for i in table.indicators][1:3] == ["干部信息管", "理系统运行率"]


def sheet_row(row: int, *texts: str) -> Row:
    cells = tuple(Cell(text, column) for column, text in enumerate(texts))
    column = next(i for i, text in enumerate(texts) if text)
    return Row(
        RowKind.TABLE, cells, SourceRef(sheet="表1", cell=f"{'ABCDE'[column]}{row}", row=row)
    )


def test_positions_in_messages_follow_the_source() -> None:
    rows = [
        sheet_row(4, "项目名称", "甲"),
        sheet_row(5, "一级指标", "二级指标", "三级指标", "指标值"),
        sheet_row(6, "产出指标", "数量指标", "甲数", "≥1个"),
        sheet_row(7, "", "", "", "", "备注：无"),
    ]
    _, findings = assemble_tables(Grid(file="a.xlsx", format="xlsx", rows=rows), year=2024)
    assert [f.message for f in findings if f.code == "PRS003"] == [
        "工作表 表1 单元格 E7 第7行未能识别，已跳过：“备注：无”"
    ]


@pytest.mark.parametrize(
    ("parts", "target"),
    [
        (("30", "≤", "", "万元"), "≤30万元"),
        (("95", "≥", "", "%"), "≥95%"),
        (("8", "正向", "=", ""), "=8"),  # Inner Mongolia: 指标性质 holds the direction
        (("24", "正向", "＝", "人/次"), "=24人/次"),
        (("230", "大于等于", "", "人"), "≥230人"),
        (("100%", "＝", "", "%"), "=100%"),  # the unit is already there
        (("效果显著", "定性", "", ""), "效果显著"),
        (("2023年12月31日", "≤", "", ""), "2023年12月31日"),  # a deadline needs no comparator
        (("44,561", "正向", "=", "44,561"), "=44,561"),  # a number in the unit column
        (("≥90%", "≥", "", "%"), "≥90%"),
        (("应保尽保", "定性", "", "%"), "应保尽保%"),  # printed so: kept for the review
        (("100", "═", "", "%"), "=100%"),  # a box-drawing double line printed for =
        (("", "≥", "", "%"), ""),
    ],
)
def test_targets_printed_in_parts(parts: tuple[str, str, str, str], target: str) -> None:
    assert compose_target(*parts) == target


def test_comparators() -> None:
    assert [find_comparator(t) for t in ("≥", "＞", "<=", "小于等于", "正向", "定性")] == [
        "≥",
        ">",
        "≤",
        "≤",
        None,
        None,
    ]


def test_operator_and_unit_columns_in_any_reader() -> None:
    text = "\n".join(
        [
            "项目名称\t出差经费",
            "一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值",
            "产出指标\t数量指标\t出差人次\t正向\t=\t24\t人/次\t4",
            "产出指标\t成本指标\t人均成本\t反向\t≤\t0.3\t万元/人\t4",
        ]
    )
    (table,), _ = assemble_tables(read_grid(text.encode(), "nm.txt"), year=2021)
    assert [(i.target.raw, i.target.kind, i.weight) for i in table.indicators] == [
        ("=24人/次", TargetKind.NUMERIC, 4.0),
        ("≤0.3万元/人", TargetKind.NUMERIC, 4.0),
    ]
