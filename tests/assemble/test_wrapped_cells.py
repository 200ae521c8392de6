"""Cells printed over several lines (a converter's tab text, pdftotext -layout): the rest of a
cell on a line of its own is joined to its row when the text shows it, doubted otherwise."""

from __future__ import annotations

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable

HEAD = "项目名称\t甲项目\n预算规模及资金用途\t预算数\t100.00\n绩效目标\t1.完成甲。"


def assemble(text: str) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "t.txt"))


def rows(table: TargetTable) -> list[tuple[str, str, str]]:
    return [(i.level2_printed or "", i.name, i.target.raw) for i in table.indicators]


def test_the_rest_of_a_cut_name_is_joined_to_its_row() -> None:
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t质量指标\t食品安全抽检完\t≥98%",
        "\t\t成率\t",
        "\t\t文物保护达标率\t=100%",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert rows(table) == [("质量指标", "食品安全抽检完成率", "≥98%"),
                           ("质量指标", "文物保护达标率", "=100%")]  # fmt: skip
    assert table.indicators[0].source.line_end == 6
    assert not [f for f in findings if f.code == "PRS024"]


def test_a_piece_above_the_short_cells_starts_the_row_below() -> None:
    """A PDF centres a tall row's short cells: the piece after a whole row, with no 指标值, is
    the start of the row below when only that join reads (宣传活动及 | 时率; 业务培训场次宣传活动及
    is no name)."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t业务培训场次\t≥1场",
        "\t\t宣传活动及\t",
        "\t\t时率\t100%",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert rows(table) == [("数量指标", "业务培训场次", "≥1场"),
                           ("数量指标", "宣传活动及时率", "100%")]  # fmt: skip
    assert table.indicators[1].source.line == 6
    assert table.indicators[1].source.line_end == 7


def test_a_value_wrapped_with_its_name_and_level_joins_its_row() -> None:
    """经济成本指 | 标 and ≤2000 | 元/次: pieces that are no level and no 指标值 alone, whole
    when joined — one row, not a row of its own."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值",
        "成本指标\t经济成本指\t监督检查人\t≤2000",
        "\t标\t均标准\t元/次",
        "\t\t补助发放成本控制率\t≤87%",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert rows(table) == [("经济成本指标", "监督检查人均标准", "≤2000元/次"),
                           ("经济成本指标", "补助发放成本控制率", "≤87%")]  # fmt: skip
    assert not [f for f in findings if f.code == "PRS024"]


def test_lines_whose_row_the_text_does_not_settle_are_doubted_not_read() -> None:
    """No name ends as names end: 进工作 may end the row above (cells aligned to the top) or
    start the row below with 社区治理推 (cells centred) — no row is guessed, PRS024 names the
    lines, and the level cells are kept for the rows below."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值\t分值\t得分",
        "产出指标\t数量指标\t公共服务推\t达标\t10\t10",
        "\t\t进工作\t\t\t",
        "\t\t社区治理推\t达标\t10\t9",
        "\t\t进工作\t\t\t",
        "\t\t宣传活动覆盖率\t≥95%\t10\t10",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert rows(table) == [("数量指标", "宣传活动覆盖率", "≥95%")]
    doubts = [f for f in findings if f.code == "PRS024"]
    assert doubts
    assert {f.location.line for f in doubts} >= {5}
    assert max(f.location.line_end or f.location.line or 0 for f in doubts) == 8


def test_a_date_cut_inside_joins_its_row() -> None:
    """2018年 | 12月31日前: a date cut by its column, with the name cut beside it."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t时效指标\t业务培训完\t2018年",
        "\t\t成时间\t12月31",
        "\t\t\t日前",
        "\t\t经费发放及时率\t98%",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert rows(table) == [("时效指标", "业务培训完成时间", "2018年12月31日前"),
                           ("时效指标", "经费发放及时率", "98%")]  # fmt: skip
    assert not [f for f in findings if f.code == "PRS024"]


def test_wrapped_header_labels_are_joined() -> None:
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t年度指标\t偏差原因",
        "\t\t\t值\t分析及改进措施",
        "产出指标\t数量指标\t培训人次\t≥95人次\t无",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert rows(table) == [("数量指标", "培训人次", "≥95人次")]
    assert table.indicators[0].deviation == "无"


LAYOUT = """\
                    项目支出绩效目标表
                    （2024年度）
项目名称        甲项目
主管部门        乙县卫生健康委员会
一级指标        二级指标        三级指标        指标值
产出指标        数量指标        就业帮扶次数    4999次
                                信息系统运维    805套
                                数量
                质量指标        养老服务达标    ≥98%
                                率
"""


def test_text_laid_out_in_columns_keeps_its_empty_cells() -> None:
    """pdftotext -layout: each stretch in the column it starts under; a wrapped rest joins."""
    grid = read_grid(LAYOUT.encode(), "layout.txt")
    assert grid.merged_at_middle
    (table,), _ = assemble_tables(grid)
    assert rows(table) == [
        ("数量指标", "就业帮扶次数", "4999次"),
        ("数量指标", "信息系统运维数量", "805套"),
        ("质量指标", "养老服务达标率", "≥98%"),
    ]
    assert table.project == "甲项目"


def test_levels_printed_where_no_span_centres_them_are_doubted() -> None:
    """The first row's 一级 printed lower down, but not at the middle of the rows it could
    span (tests/ingest/test_column_layout.py reads those that are): which rows it covers is
    a guess, so the lines are a doubt (PRS024) and no row is read from them."""
    text = LAYOUT.replace("产出指标        数量指标        就业帮扶次数", " " * 32 + "就业帮扶次数")
    text = text.replace(
        "                                信息系统运维",
        "产出指标        数量指标        信息系统运维",
    )
    (table,), findings = assemble_tables(read_grid(text.encode(), "layout.txt"))
    assert table.indicators == []
    (doubt,) = [f for f in findings if f.code == "PRS024"]
    assert (doubt.location.line, doubt.location.line_end) == (6, 10)
