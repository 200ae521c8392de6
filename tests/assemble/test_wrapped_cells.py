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


def test_a_header_printed_centred_over_three_lines_is_one_header() -> None:
    """A converter prints a centred header's labels around the line of the level labels
    (年度指标 | 值 above and on it, 未完成原 | 因分析及 | 改进措施 over three lines), and a
    level cut by its column (满意度指 | 标): the tab reading holds, the lines are one header."""
    text = "\n".join([
        HEAD,
        "\t\t\t年度指标\t实际完成\t\t\t未完成原",
        "一级指标\t二级指标\t三级指标\t值\t值\t分值\t得分\t因分析及",
        "\t\t\t\t\t\t\t改进措施",
        "产出指标\t时效指标\t文物保护\t≤18天\t18天\t10\t10\t",
        "\t\t办理时限\t\t\t\t\t",
        "满意度指\t服务对象\t受益群众\t100%\t96%\t20\t18\t无",
        "标\t满意度\t满意度\t\t\t\t\t",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert rows(table) == [("时效指标", "文物保护办理时限", "≤18天"),
                           ("服务对象满意度", "受益群众满意度", "100%")]  # fmt: skip
    assert [i.level1 for i in table.indicators] == ["产出指标", "满意度指标"]
    assert table.indicators[1].actual is not None
    assert table.indicators[1].actual.raw == "96%"
    assert not [f for f in findings if f.code == "PRS024"]


def test_a_line_above_the_header_is_not_taken_for_its_labels() -> None:
    """Only pieces that start or continue a column label join the header: the 年度目标 line
    above it stays the goal."""
    text = "\n".join([
        "项目名称\t甲项目",
        "年度目标\t完成甲。",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t培训人次\t≥95人次",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert rows(table) == [("数量指标", "培训人次", "≥95人次")]
    assert table.goals
    assert "完成甲" in table.goals[0]


def test_two_whole_names_in_one_cell_are_two_rows_pieces() -> None:
    """Cells centred: 县级储备粮 | 应急保障率 is a whole row, 国家政策性 starts the next (its
    二级 on its middle line); never one row 县级储备粮应急保障率国家政策性."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值",
        "\t\t县级储备粮\t",
        "产出指标\t时效指标\t贷款付息及\t100%",
        "\t\t时率\t",
        "\t\t县级储备粮\t100%",
        "\t\t应急保障率\t",
        "\t\t国家政策性\t",
        "\t成本指标\t粮收购价格\t100%",
        "\t\t执行率\t",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    read = rows(table)
    assert ("时效指标", "县级储备粮应急保障率国家政策性", "100%") not in read
    assert ("时效指标", "县级储备粮贷款付息及时率", "100%") in read
    for row in read:  # every row read is one of the table's, the others doubted
        assert row in [("时效指标", "县级储备粮贷款付息及时率", "100%"),
                       ("时效指标", "县级储备粮应急保障率", "100%"),
                       ("成本指标", "国家政策性粮收购价格执行率", "100%")]  # fmt: skip
    assert len(read) == 3 or [f for f in findings if f.code == "PRS024"]


def test_a_month_cut_before_its_end_joins_its_row() -> None:
    """2019年6月 | 底前完成 beside 困难群众救助完 | 成时间, the descriptions starting with 反映
    on the first line of each row: one row."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值",
        "产出指标\t时效指标\t业务培训办理时\t反映业务培训办\t≤20天",
        "\t\t限\t理时限情况\t",
        "\t\t困难群众救助完\t反映困难群众救\t2019年6月",
        "\t\t成时间\t助完成时间情况\t底前完成",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert rows(table) == [("时效指标", "业务培训办理时限", "≤20天"),
                           ("时效指标", "困难群众救助完成时间", "2019年6月底前完成")]  # fmt: skip
    assert not [f for f in findings if f.code == "PRS024"]


def test_a_header_label_word_in_the_name_column_is_a_piece_of_a_name() -> None:
    """执行率 names a budget column in the header block; on a line of its own in the 三级
    column it is the end of a wrapped name, not the next table's header block."""
    text = "\n".join([
        HEAD,
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t成本指标\t国家政策性粮\t100%",
        "\t\t收购价格执行率\t",
        "\t\t县级储备粮库存成本核算率\t100%",
    ])  # fmt: skip
    text = text.replace("收购价格执行率", "收购价格\n\t\t执行率")
    (table,), _ = assemble(text)
    assert rows(table) == [("成本指标", "国家政策性粮收购价格执行率", "100%"),
                           ("成本指标", "县级储备粮库存成本核算率", "100%")]  # fmt: skip


def test_two_characters_after_a_page_break_end_the_name_cut_before_it() -> None:
    """情况 on the first line of a page, under the repeated header, with the rest of the
    description: no name (two characters end a cut name), so the row before the break is
    joined with it — not read as a whole row and a row named 情况."""
    header = "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值"
    text = "\n".join([
        HEAD,
        header,
        "效益指标\t经济效益指标\t业务培训经济效益\t反映业务培训经济效益情况\t明显改善",
        "\t\t疫苗接种节约成本\t反映疫苗接种节约成本\t有效提高",
        "",
        header,
        "\t\t情况\t情况\t",
        "\t可持续影响指标\t森林防火巡查制度建设\t反映森林防火巡查制度建设情况\t中",
    ])  # fmt: skip
    (table,), findings = assemble(text)
    assert [name for _, name, _ in rows(table)] == [
        "业务培训经济效益", "疫苗接种节约成本情况", "森林防火巡查制度建设"
    ]  # fmt: skip
    assert [f for f in findings if f.code == "PRS001"]


def test_header_block_cells_wrapped_over_lines_are_joined() -> None:
    """Converter tab text prints a header block's long cells over lines, under their columns:
    the unit of 年度预算安排（万 / 元）, the department 乌海市民 / 政局 and a label cut in its
    cell (部门预算 / 编码) are joined; a sub-item (项目支出) and a finished sentence stay rows."""
    text = "\n".join([
        "部门整体支出绩效目标表",
        "部门名称\t乌海市民\t部门预算\t345743",
        "\t政局\t编码\t",
        "年度预算\t资金总额\t17.91\t",
        "安排（万\t\t\t",
        "元）\t\t\t",
        "\t项目支出\t0\t",
        "\t基本支出\t17.91\t",
        "年度总体\t完成设备维护工作任务。\t\t",
        "目标\t\t\t",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t质量指标\t补助发放质量\t合格",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert table.department == "乌海市民政局"
    assert table.department_code == "345743"
    assert table.budget.total == 179100.0
    assert table.goals == ["完成设备维护工作任务。"]
    assert rows(table) == [("质量指标", "补助发放质量", "合格")]


def test_a_whole_unit_name_is_not_joined_with_the_line_below() -> None:
    """…项目 ends as project names end: the next line's 财政局、教育 is another cell's."""
    text = "\n".join([
        "项目名称\t文物保护能力提升项目\t",
        "\t财政局、教育\t",
        "主管部门\t局\t",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t质量指标\t补助发放质量\t合格",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert table.project is not None
    assert not table.project.startswith("文物保护能力提升项目财政局")


def test_a_unit_broken_inside_its_bracket_is_the_tables_unit() -> None:
    """Converter markdown breaks a label's cell with <br> inside the bracket (年度预算安排（万<br>
    元）): the amounts are 万元 — 0.01 is 100 yuan, not 0.01."""
    text = "\n".join([
        "| 部门名称 | 滨海新区卫生健康<br>委员会 | 部门预算编码 | 100001 |",
        "|---|---|---|---|",
        "| 年度预算安排（万<br>元） | 资金总额 | 0.01 |  |",
        "|  | 项目支出 | 0 |  |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 数量指标 | 业务培训人数 | ≥1人 |",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert table.budget.total == 100.0


def test_the_blocks_unit_wrapped_onto_its_second_row_is_the_tables_unit() -> None:
    """Pasted text: 项目资金 | 年度资金总额 | 0.64 / (万元) | 其中：财政资金 | 0.64 — the unit of
    the merged label printed on the block's second row: 6,400 yuan, not 0.64."""
    text = "\n".join([
        "项目支出绩效目标批复表",
        "（2020年度）",
        "项目名称 食品安全抽检运行维护经费",
        "主管部门 宁晋县教育体育局 实施单位 宁晋县教育体育局",
        "项目资金 年度资金总额 0.64",
        "（万元） 其中：财政资金 0.64",
        "其他资金",
        "年度目标 完成食品安全抽检工作任务。",
        "一级指标 二级指标 三级指标 实施期指标值 年度指标值",
        "产出指标 成本指标 文物保护成本控制率 ≤66% ≤66%",
    ])  # fmt: skip
    (table,), _ = assemble(text)
    assert table.budget.total == 6400.0
    assert table.budget.fiscal == 6400.0
