"""Text laid out in columns (pdftotext -layout): the lines of one table row found by position.

The reader (``ingest/columns.py`` with ``ingest/bands.py``) groups the physical lines of the
indicator rows into rows: a cell wraps only where its next word would not have fitted, a row's
cells start at its top or are centred on its middle, a merged level cell spans whole rows.
Lines it cannot group with confidence become a doubt naming them, and no row.
"""

# ruff: noqa: E501  (pdftotext output kept as printed, its lines as wide as the page)
from __future__ import annotations

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.ingest.bands import forced
from jixiao.model import TargetTable

HEADER = """\
                    项目支出绩效目标表
                    （2024年度）
项目名称        甲项目
主管部门        乙县卫生健康委员会
"""

# A Word table: every cell at the top of its row; a 指标值 wrapped with its name.
TOP = (
    HEADER
    + """\
一级指标        二级指标        三级指标        指标值
产出指标        数量指标        就业帮扶次数    4999次
                                信息系统运维    805套
                                数量
                时效指标        档案数字化完    2022年12月
                                成时间          底前完成
效益指标        社会效益指标    群众获得感      显著提升
"""
)

# An Excel form: short cells centred on their row, merged levels at the middle of their span.
MIDDLE = (
    HEADER
    + """\
一级指标        二级指标        三级指标        指标值
                                就业帮扶次数    4999次
                数量指标        信息系统运维    805套
                                数量
产出指标                        养老服务达标    ≥98%
                质量指标        率
                                宣传活动合格    ≥95%
                                率
效益指标        社会效益指标    群众获得感      显著提升
"""
)


def rows(table: TargetTable) -> list[tuple[str | None, str | None, str, str]]:
    return [(i.level1, i.level2, i.name, i.target.raw) for i in table.indicators]


def read(text: str) -> tuple[list[TargetTable], list[str]]:
    tables, findings = assemble_tables(read_grid(text.encode(), "layout.txt"))
    return tables, [f.code for f in findings if f.code not in ("PRS005", "PRS006", "PRS018")]


def test_cells_at_the_top_of_their_row_are_joined_down_their_column() -> None:
    (table,), codes = read(TOP)
    assert rows(table) == [
        ("产出指标", "数量指标", "就业帮扶次数", "4999次"),
        ("产出指标", "数量指标", "信息系统运维数量", "805套"),
        ("产出指标", "时效指标", "档案数字化完成时间", "2022年12月底前完成"),
        ("效益指标", "社会效益指标", "群众获得感", "显著提升"),
    ]
    assert codes == []


def test_levels_at_the_middle_of_their_span_cover_the_rows_around_them() -> None:
    """产出指标 is printed on the middle line of the seven its rows take; 数量指标 and 质量指标
    on the middle of theirs: each row gets the level whose span it lies in."""
    (table,), codes = read(MIDDLE)
    assert rows(table) == [
        ("产出指标", "数量指标", "就业帮扶次数", "4999次"),
        ("产出指标", "数量指标", "信息系统运维数量", "805套"),
        ("产出指标", "质量指标", "养老服务达标率", "≥98%"),
        ("产出指标", "质量指标", "宣传活动合格率", "≥95%"),
        ("效益指标", "社会效益指标", "群众获得感", "显著提升"),
    ]
    assert codes == []


def test_a_level_printed_where_no_span_can_centre_it_is_a_doubt_with_no_row() -> None:
    """产出指标 one line too high for the rows below it: which rows it spans cannot be
    told, so the lines are named in a doubt and no row is guessed."""
    text = MIDDLE.replace("产出指标                        养老服务达标", " " * 32 + "养老服务达标")
    text = text.replace(" " * 32 + "数量\n", "产出指标" + " " * 24 + "数量\n")
    tables, codes = read(text)
    assert [rows(table) for table in tables] == [[]] or not tables
    assert "PRS024" in codes


def test_a_short_line_ends_its_cell() -> None:
    """The next word fits after a short line: the line ended its cell there."""
    assert forced("信息系统运维", "数量", 12)
    assert not forced("群众获得感", "满意度", 12)
    assert forced("2022年12", "月底前", 8)
    assert not forced("≤30", "万元", 8)


# pdftotext -layout of a Word table printed to PDF (LibreOffice): one position per character,
# CJK or not, columns drifting by a character, a space inserted between digits and CJK text,
# a 指标值 wrapped inside a cell no wider than "≤2000".
PDFTOTEXT = (
    HEADER
    + """\
一级指标     二级指标     三级指标    年度指标值      实际完成值    分值      得分       偏差原因分析
                                                               及改进措施
产出指标     质量指标      高标准农田建   =80%     100%     5       3        资金拨付进度
                   设完成率                                        滞后
                   文物保护质量   良好       良好       5       3        受天气影响部
                                                               分工作延期
成本指标     经济成本指标    监督检查人均   ≤2000    2000     5       5
                   标准       元/次      元/次
                   信息系统运维   ≤1024    1024     15      14       受天气影响部
                   人均标准     元/次      元/次                       分工作延期
                   补助发放成本   ≤87%     87%      20      20
                   控制率
         社会成本指标    健康档案管理   低        低        10      9        部分对象外出
                   社会影响                                        务工未能覆盖
                   档案数字化社   无        无        10      8        受天气影响部
                   会影响                                         分工作延期
"""
)


def test_pdftotext_places_text_by_character() -> None:
    """The columns line up by character, not by display width (counted so, the cells of a
    row would fall in the wrong columns); each row is read, its 指标值 wrapped in a column no
    wider than "≤2000" joined down it, its figures in their columns."""
    (table,), codes = read(PDFTOTEXT)
    assert [(i.level1, i.level2, i.name, i.target.raw, i.weight) for i in table.indicators] == [
        ("产出指标", "质量指标", "高标准农田建设完成率", "=80%", 5),
        ("产出指标", "质量指标", "文物保护质量", "良好", 5),
        ("成本指标", "经济成本指标", "监督检查人均标准", "≤2000元/次", 5),
        ("成本指标", "经济成本指标", "信息系统运维人均标准", "≤1024元/次", 15),
        ("成本指标", "经济成本指标", "补助发放成本控制率", "≤87%", 20),
        ("成本指标", "社会成本指标", "健康档案管理社会影响", "低", 10),
        ("成本指标", "社会成本指标", "档案数字化社会影响", "无", 10),
    ]
    assert codes == []


def test_a_page_number_and_the_next_tables_title_end_the_rows() -> None:
    """A budget book printed by pdftotext: the page number under the last row, then another
    table's title (政府采购预算表, centred) and its rows: none of them is an indicator."""
    book = (
        TOP
        + """\



                                          - 27 -
表12

                      中国共产党天津市滨海新区委员会组织部2024年政府采购预算表
      编制部门：中国共产党天津市滨海新区委员会组织部                                             单位：万元

               采购项目              采购品目                   采购方式        数量   预算金额
      合计                                                                        86.40
"""
    )
    (table,), _ = read(book)
    assert [i.name for i in table.indicators] == [
        "就业帮扶次数",
        "信息系统运维数量",
        "档案数字化完成时间",
        "群众获得感",
    ]


# pdftotext -layout of tests/documents/binhai-zuzhibu-2024.pdf (poppler 22.12), its first
# table: cells centred exactly, so 产出指标 (the middle of four rows) is printed on a line of
# its own between them, and a name over two lines around its row's line, half a line off.
BINHAI = (
    "项目名称    滨海新区社区党组织工作活动专项经费\n"
    + """\
一级指标    二级指标      三级指标                 绩效指标描述                        指标值
        数量指标      经费发放街道数              反映社区党组织工作和活动经费发放的街道数量         ≥16 个
        质量指标      经费拨付合规率              反映经费拨付合规情况                    100%
产出指标
        时效指标      经费发放及时率              经费发放及时率                       98%
        成本指标      经费核算标准               反映社区党建工作运行费用情况                ≤50 元/人/年
                  为社区顺利开展党建工作提供资金保障
效益指标    社会效益指标                         反映经费拨付达到的具体效果                 效果显著
                  ，进一步提升社区党建工作水平
        服务对象满意度
满意度指标             街镇满意度                反映受益单位满意度情况                   ≥95%
        指标
"""
)


def test_pdftotext_prints_a_centred_cell_half_a_line_off_on_lines_of_its_own() -> None:
    (table,), codes = read(BINHAI)
    assert rows(table) == [
        ("产出指标", "数量指标", "经费发放街道数", "≥16 个"),
        ("产出指标", "质量指标", "经费拨付合规率", "100%"),
        ("产出指标", "时效指标", "经费发放及时率", "98%"),
        ("产出指标", "成本指标", "经费核算标准", "≤50 元/人/年"),
        (
            "效益指标",
            "社会效益指标",
            "为社区顺利开展党建工作提供资金保障，进一步提升社区党建工作水平",
            "效果显著",
        ),
        ("满意度指标", "服务对象满意度指标", "街镇满意度", "≥95%"),
    ]
    assert codes == []


def test_budget_headings_over_the_total_row_that_prints_the_blocks_label() -> None:
    # pdftotext prints the tall 项目资金 cell's label on its middle line: on the total row,
    # under the sub-column headings printed right of an empty cell
    text = """\
                    项目支出绩效自评表
项目名称          甲项目
主管部门          乙县民政局
                                    年初预算数        全年预算数        全年执行数        执行率
项目资金（元）    年度资金总额      100.00            120.00            108.00            90.00%
                  其中：财政拨款    100.00            120.00
一级指标          二级指标          三级指标          年度指标值        实际完成值        分值
产出指标          数量指标          培训人数          ≥10人             12人              10
"""
    tables, _ = read(text)
    budget = tables[0].budget
    assert budget is not None
    assert (budget.total, budget.executed, budget.unit_printed) == (120.0, 108.0, "元")


def test_header_values_wrapped_in_their_columns_are_joined_and_the_next_row_is_not() -> None:
    text = """\
                    项目支出绩效目标表
项目名称           业务培训专项经费
主管部门           滨海新区卫生健康   实施单位           滨海新区卫生健康
                   委员会                                委员会办公室
项目资金（万元）   年度资金总额       0.01
                   其中：财政资金     0.01
                   其他资金
一级指标           二级指标           三级指标           指标值
产出指标           数量指标           业务培训人数       ≥1人
"""
    tables, _ = read(text)
    table = tables[0]
    assert (table.project, table.department) == ("业务培训专项经费", "滨海新区卫生健康委员会")
    assert table.budget is not None
    assert (table.budget.total, table.budget.fiscal) == (100.0, 100.0)
    assert rows(table) == [("产出指标", "数量指标", "业务培训人数", "≥1人")]


CENTRED_HEADER = """\
                    中央对地方转移支付区域绩效目标表
专项名称        高标准农田建设能力提升项目
                财政局、教育
主管部门        局、人力资源    区域            中江县
                和社会保障局
一级指标        二级指标        三级指标        指标值
产出指标        数量指标        建设面积        ≥100亩
"""

# cells at the top of their rows: the line between two labelled lines is the rest above
STACKED_HEADER = """\
                    项目支出绩效目标表
项目名称        某项目
主管部门        乙县卫生健康    实施单位        乙县人民医院
                委员会
资金来源        财政局、教育    区域            中江县
                局专项
一级指标        二级指标        三级指标        指标值
产出指标        数量指标        建设面积        ≥100亩
"""


def test_a_header_value_centred_on_its_label_keeps_its_first_line() -> None:
    # pdftotext prints a three-line value centred on its label's line: its first line is
    # between the label above and its own, and fills its column, as the line after does
    tables, _ = read(CENTRED_HEADER)
    assert (tables[0].project, tables[0].department) == (
        "高标准农田建设能力提升项目",
        "财政局、教育局、人力资源和社会保障局",
    )


def test_a_short_line_between_two_labelled_lines_is_the_rest_of_the_value_above() -> None:
    tables, _ = read(STACKED_HEADER)
    assert (tables[0].project, tables[0].department) == ("某项目", "乙县卫生健康委员会")


LAYOUT_BLOCKS = """\
                    项目支出绩效目标批复表
                    （2020年度）
项目名称              食品安全抽检运行维护经费
主管部门              宁晋县教育体育局      实施单位              宁晋县教育体育局
                      年度资金总额          0.64
项目资金（万元）      其中：财政资金        0.64
                      其他资金
年度目标              完成食品安全抽检工作任务。
一级指标              二级指标              三级指标              年度指标值
产出指标              成本指标              文物保护成本控制率    ≤66%

                    项目支出绩效目标批复表
                    （2020年度）
项目名称       森林防火巡查运行维护经费
主管部门       天长市水利局   实施单位       天长市水利工程管理站
               年度资金总额   8.37
项目资金（万   其中：财政资   4.19
元）           金
               其他资金       4.18
年度目标       完成森林防火巡查工作任务。
一级指标       二级指标       三级指标       指标值
产出指标       数量指标       课程建设人数   883人

                    部门整体支出绩效目标表
                    （2023年度）
部门名称      乌海市林业局  部门预算编码  708126
年度预算安排  资金总额      237.79
（万元）      项目支出      118.89
              基本支出      118.9
年度总体目标  完成污水处理工作任务。
一级指标      二级指标      三级指标      指标值
产出指标      数量指标      课程建设人数  883人
"""


def test_a_budget_block_laid_out_around_its_merged_label_keeps_its_unit() -> None:
    """The total above the merged label (centred on the block's lines), the label's bracket
    wrapped onto the next line (项目资金（万 / 元）) and the unit alone on the second row:
    the amounts are 万元 in all three, never read as yuan."""
    tables, _ = assemble_tables(read_grid(LAYOUT_BLOCKS.encode(), "layout.txt"))
    assert [t.budget.total for t in tables] == [6400.0, 83700.0, 2377900.0]
    assert [t.budget.fiscal for t in tables[:2]] == [6400.0, 41900.0]
