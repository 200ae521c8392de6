"""Form families beyond the plain 项目支出绩效目标表, written small in the shapes they are met in.

Each family is also drawn by the generator (tests/synthetic/tables.py) and printed in every
shape; these cases pin what each reading must give, in the formats where the cells are known
(tabs) and where they are not (pipes with vanished cells, one cell per line, glued text).
"""

from __future__ import annotations

import pytest

from jixiao.assemble import assemble_tables
from jixiao.errors import JixiaoError
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable
from jixiao.model.labels import column_label, entity_columns, is_indicator_header, is_table_title


def read(text: str) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "t.txt"))


def rows(table: TargetTable) -> list[tuple[str | None, str | None, str, str]]:
    return [(i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in table.indicators]


# --- 转移支付区域绩效目标表 ---------------------------------------------------------------------

TRANSFER = """转移支付区域绩效目标表
（2021年度）
专项名称\t学生资助补助经费
中央主管部门\t财政局、教育局、人力资源和社会保障局\t区域\t某县
资金情况（万元）\t年度金额\t120
\t其中：中央补助\t100
\t地方资金\t20
年度目标\t目标1：资助政策落实。目标2：资金及时拨付。
一级指标\t二级指标\t三级指标\t{values}
产出指标\t数量指标\t受助学生人数\t{first}
\t质量指标\t资助政策落实率\t{second}
"""


def test_a_transfer_form_names_its_departments_region_and_amounts() -> None:
    (table,), findings = read(TRANSFER.format(values="指标值", first="≥300人", second="100%"))
    assert (table.project, table.department, table.year) == (
        "学生资助补助经费",
        "财政局、教育局、人力资源和社会保障局",
        2021,
    )
    # 中央补助 and 地方资金 are both fiscal money: 财政资金 + 其他资金 = 预算数 holds
    assert (table.budget.total, table.budget.fiscal, table.budget.other) == (
        1_200_000,
        1_200_000,
        None,
    )
    assert table.budget.fiscal_printed == "100 + 20"
    assert rows(table) == [
        ("产出指标", "数量指标", "受助学生人数", "≥300人"),
        ("产出指标", "质量指标", "资助政策落实率", "100%"),
    ]
    assert not [f for f in findings if f.code == "PRS003"]  # 区域, 地方资金: known labels


def test_the_central_department_of_a_self_evaluation_is_not_its_department() -> None:
    # sichuan-suining-anju: the region fills the 区域绩效目标自评表; the form names only the
    # central and provincial authorities
    text = TRANSFER.format(values="指标值", first="≥300人", second="100%").replace(
        "转移支付区域绩效目标表", "转移支付区域绩效目标自评表"
    )
    (table,), _ = read(text)
    assert table.department is None


def test_one_value_column_per_region_gives_the_value_all_print() -> None:
    values, first, second = "城关镇\t新河乡\t石桥镇", "1\t1\t1", "100%\t100%\t100%"
    text = TRANSFER.format(values=values, first=first, second=second)
    (table,), findings = read(text)
    assert [i.target.raw for i in table.indicators] == ["1", "100%"]
    assert not [f for f in findings if f.code == "PRS010"]


def test_region_values_that_differ_are_doubted_not_chosen() -> None:
    text = TRANSFER.format(values="城关镇\t新河乡", first="300人\t280人", second="100%\t100%")
    tables, findings = read(text)
    read_rows = {i.name: i.target.raw for t in tables for i in t.indicators}
    assert read_rows.get("受助学生人数", "") == ""  # never 300人 or 280人
    (doubt,) = [f for f in findings if f.code == "PRS010"]
    assert "城关镇“300人”" in doubt.message
    assert doubt.indicator == "受助学生人数"


def test_rows_whose_regions_differ_leave_the_other_rows_read() -> None:
    # a doubt about a row's 指标值 alone weighs like an empty 指标值: the table is not withheld
    text = TRANSFER.format(values="城关镇\t新河乡", first="300人\t280人", second="90%\t95%")
    text += "\t时效指标\t资金拨付时间\t2021年6月底前\t2021年6月底前\n"
    (table,), findings = read(text)
    assert [(i.name, i.target.raw) for i in table.indicators] == [
        ("受助学生人数", ""),
        ("资助政策落实率", ""),
        ("资金拨付时间", "2021年6月底前"),
    ]
    assert {f.fields.get("part") for f in findings if f.code == "PRS010"} == {"target"}
    assert not [f for f in findings if f.code == "PRS022"]


@pytest.mark.parametrize("inline", [True, False])
def test_region_columns_in_pasted_cells(inline: bool) -> None:
    # fujian-anxi: one cell per line (``cell |`` and ``||||`` row ends, or lone ``|`` lines),
    # the region names after 指标解释
    table_rows = [
        ["项目名称", "水利专项资金"],
        ["主管部门", "某县水利局"],
        ["一级指标", "二级指标", "三级指标", "指标解释", "城关镇", "新河乡"],
        ["产出指标", "数量指标", "开展工程建设数量", "反映工程建设开展情况", "1个", "1个"],
    ]
    if inline:
        lines = [line for row in table_rows for line in [*(f"{c} |" for c in row), "||||"]]
    else:
        lines = [line for row in table_rows for c in row for line in (c, "|")]
    (table,), _ = read("\n".join(lines))
    assert rows(table) == [("产出指标", "数量指标", "开展工程建设数量", "1个")]


# The national 区域绩效目标表 prints 指标值 over the regions' columns, their names on a second
# header row; one cell per line or paragraph, the two rows run together (指标值 | 禾川镇 | …).
TWO_ROW_HEADER = [
    ["专项名称", "林业改革发展资金"],
    ["主管部门", "某县林业局"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["禾川镇", "石桥镇"],
    ["产出指标", "数量指标", "森林抚育面积", "≥1200亩", "≥800亩"],
    ["", "质量指标", "抚育作业验收合格率", "≥95%", "≥95%"],
    ["满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "≥90%"],
]


LAYOUT_TWO_ROW_HEADER = """\
专项名称    林业改革发展资金
主管部门    某县林业局
一级指标    二级指标            三级指标            指标值
                                                    禾川镇      石桥镇
产出指标    数量指标            森林抚育面积        ≥1200亩     ≥800亩
            质量指标            抚育作业验收合格率  ≥95%        ≥95%
满意度指标  服务对象满意度指标  林农满意度          ≥90%        ≥90%
"""


@pytest.mark.parametrize(
    "printing", ["tabs", "pipe_lines", "cell_lines", "paragraphs", "layout", "run_on"]
)
def test_target_printed_over_the_region_columns(printing: str) -> None:
    table_rows = TWO_ROW_HEADER
    if printing == "tabs":
        below = table_rows.index(["禾川镇", "石桥镇"])
        shifted = ["", "", "", "禾川镇", "石桥镇"]  # under the 指标值, in their columns
        table_rows = [*table_rows[:below], shifted, *table_rows[below + 1 :]]
        text = "\n".join("\t".join(row) for row in table_rows)
    elif printing == "pipe_lines":  # fujian-anxi's printing: ``cell |``, rows ended by ``||||``
        lines = [line for row in table_rows for line in [*(f"{c} |" for c in row if c), "||||"]]
        text = "\n".join(lines)
    elif printing == "layout":  # pdftotext -layout: the names under the 指标值, in their columns
        text = LAYOUT_TWO_ROW_HEADER
    else:  # a cell per line or paragraph, or the whole table on one line (run_on)
        cells = [c for row in table_rows for c in row if c]
        text = {"paragraphs": "\n\n", "run_on": " "}.get(printing, "\n").join(cells)
    (table,), findings = read(text)
    assert rows(table)[1:] == [
        ("产出指标", "质量指标", "抚育作业验收合格率", "≥95%"),
        ("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%"),
    ]
    assert table.indicators[0].target.raw == ""  # the regions print different values: doubted
    (doubt,) = [f for f in findings if f.code == "PRS010"]
    assert "禾川镇“≥1200亩”" in doubt.message


def test_region_columns_glued_are_doubted() -> None:
    # glued text gives no boundary between region names and values: the rows are not read,
    # and one doubt names their lines
    text = "\n".join(
        [
            "项目名称水利专项资金",
            "主管部门某县水利局",
            "一级指标二级指标三级指标城关镇新河乡",
            "产出指标数量指标开展工程建设数量1个1个",
            "时效指标完工时间2022年底前2022年底前",
        ]
    )
    tables, findings = read(text)
    assert not [i for t in tables for i in t.indicators]
    (doubt,) = [f for f in findings if f.code == "PRS010"]
    assert (doubt.location.line, doubt.location.line_end) == (3, 5)


def test_entity_columns_need_a_header_without_a_target() -> None:
    labels = ["一级指标", "二级指标", "三级指标", "城关镇", "新河乡"]
    assert is_indicator_header(labels)
    assert entity_columns([None] * 5, labels) == []  # no level column named
    with_target = [*labels[:3], "指标值", "城关镇"]
    assert entity_columns([column_label(t) for t in with_target], with_target) == []


# --- value columns for two periods --------------------------------------------------------


@pytest.mark.parametrize(
    ("other", "year"),
    [
        ("实施期指标值", "年度指标值"),
        ("中长期指标值", "年度指标值"),
        ("半年(程)指标值", "全年(程)指标值"),
    ],
)
def test_the_target_is_the_years_value(other: str, year: str) -> None:
    # jiangsu-zhenjiang: 半年(程) and 全年(程) 指标值; the gold takes the 全年 value
    text = "\n".join(
        [
            "项目支出绩效目标表",
            "项目名称\t甲项目",
            f"一级指标\t二级指标\t三级指标\t{other}\t{year}",
            "产出指标\t数量指标\t培训人次\t≥900人次\t≥300人次",
        ]
    )
    (table,), _ = read(text)
    assert rows(table) == [("产出指标", "数量指标", "培训人次", "≥300人次")]


def test_the_years_value_in_glued_text() -> None:
    text = "\n".join(
        [
            "项目名称甲项目",
            "一级指标二级指标三级指标半年（程）指标值全年（程）指标值",
            "产出指标数量指标培训人次≥150人次≥300人次",
        ]
    )
    (table,), findings = read(text)
    exact = [i for i in table.indicators if i.target.raw == "≥300人次"]
    doubted = [f for f in findings if f.code == "PRS010" and f.location.line == 3]
    assert exact or doubted  # the 全年 value, or a doubt about the line: never the 半年 one
    assert all(i.target.raw != "≥150人次" for i in table.indicators)


# --- 中央预算内投资 ------------------------------------------------------------------------------


def test_an_investment_project_budget_is_its_total_investment() -> None:
    text = "\n".join(
        [
            "中央预算内投资项目绩效目标表",
            "项目名称\t乡村道路硬化工程",
            "主管部门\t某县交通运输局",
            "项目资金（万元）\t总投资\t500",
            "\t其中：中央预算内投资\t300",
            "\t地方配套资金\t200",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t硬化道路里程\t≥12公里",
        ]
    )
    (table,), findings = read(text)
    assert (table.budget.total, table.budget.fiscal) == (5_000_000, 5_000_000)
    assert not [f for f in findings if f.code == "PRS003"]


# --- 部门整体支出绩效目标表 with 年度主要任务 ---------------------------------------------------

TASKS = [
    "部门名称\t某县民政局\t部门预算编码\t301001",
    "年度履职目标\t保障困难群众基本生活。",
    "年度主要任务\t任务名称\t主要内容\t预算金额（万元）",
    "\t困难群众救助工作\t开展困难群众救助\t50",
    "\t养老服务工作\t推进养老服务\t30",
    "一级指标\t二级指标\t三级指标\t指标值",
    "产出指标\t数量指标\t救助人次\t≥500人次",
]


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_task_rows_are_no_goals_indicators_or_budget(separator: str) -> None:
    lines = [line.replace("\t", separator).strip(" |") for line in TASKS]
    if separator != "\t":
        lines = [line + " ||" for line in lines]
    (table,), _ = read("\n".join(lines))
    assert table.kind.value == "department_target"
    expected = ("某县民政局", "301001", None)
    assert (table.department, table.department_code, table.project) == expected
    assert table.goals == ["保障困难群众基本生活。"]
    assert [i.name for i in table.indicators] == ["救助人次"]
    assert table.budget.total is None  # no 预算金额 of a task


def test_a_task_block_ends_at_the_next_label() -> None:
    lines = [*TASKS[:5], "年度总体目标\t完成救助任务。", *TASKS[5:]]
    (table,), _ = read("\n".join(lines))
    assert table.goals == ["保障困难群众基本生活。", "完成救助任务。"]


# --- titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "项目绩效目标申报表",
        "项目支出绩效目标批复表",
        "项目支出绩效目标表（本次下达）",
        "项目支出绩效目标表(2023年度)",
    ],
)
def test_titles_of_target_forms(title: str) -> None:
    assert is_table_title(title)


def test_a_form_without_a_title_starts_at_its_header_block() -> None:
    text = "\n".join(
        [
            "附件2",
            "项目名称\t甲项目",
            "主管部门\t某局",
            "年度目标\t2023年完成甲项目。",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t甲数\t≥1个",
            "项目名称\t乙项目",
            "主管部门\t某局",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t乙数\t≥2个",
        ]
    )
    tables, _ = read(text)
    assert [(t.project, t.year, [i.name for i in t.indicators]) for t in tables] == [
        ("甲项目", 2023, ["甲数"]),
        ("乙项目", 2023, ["乙数"]),
    ]


# --- 自评表 footer and the 2015 framework -----------------------------------------------------


def test_a_total_score_line_is_no_indicator() -> None:
    text = "\n".join(
        [
            "项目支出绩效自评表",
            "项目名称\t甲项目",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因及改进措施",
            "产出指标\t数量指标\t甲数\t≥1个\t1个\t50\t50\t",
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t50\t45\t宣传不足",
            "总分\t\t\t\t\t100\t95\t",
        ]
    )
    (table,), _ = read(text)
    assert [i.name for i in table.indicators] == ["甲数", "群众满意度"]
    assert table.indicators[1].deviation == "宣传不足"


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_satisfaction_under_benefit_in_the_2015_framework(separator: str) -> None:
    # hunan-xiangtan (财预〔2015〕88号 申报表): 满意度 is a 二级 of 效益指标
    lines = [
        "项目名称\t甲项目",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t甲数\t≥1个",
        "效益指标\t社会效益指标\t群众获得感\t显著提升",
        "\t社会公众或服务对象满意度指标\t群众满意度\t≥90%",
    ]
    if separator != "\t":
        lines = [" | ".join(c for c in line.split("\t") if c) + " ||" for line in lines]
    (table,), _ = read("\n".join(lines))
    assert rows(table)[-1] == ("效益指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%")


# --- a header whose 二级 label spans the unlabelled 三级 column (绩效标准 | 当年预期实现值) ---

UNLABELLED_ROWS = [
    ["一级指标", "二级指标", "", "绩效标准", "当年预期实现值"],
    ["", "数量指标", "档案扫描页数", "反映档案扫描完成情况", "≥12000页"],
    ["", "", "馆藏目录录入条数", "反映目录录入情况", "≥3000条"],
    ["", "质量指标", "扫描图像合格率", "反映扫描质量情况", "≥98%"],
]


def unlabelled_names(printing: str) -> str:
    """The form with its cells tab-separated (the 二级 label's second column an empty cell),
    as pipes whose empty cells vanished, or glued with nothing between the cells or the rows
    (a document preview)."""
    lines = ["2023年部门预算项目支出绩效目标表", "项目名称\t档案数字化保障", "绩效指标"]
    for cells in UNLABELLED_ROWS:
        if printing == "tabs":
            lines.append("\t".join(cells))
        elif printing == "pipes":
            lines.append(" | ".join(c for c in cells if c) + " |")
        else:
            lines.append("".join(cells))
    if printing == "glued":
        lines[3:] = ["".join(lines[3:])]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("printing", ["tabs", "pipes", "glued"])
def test_a_header_without_a_third_level_label_reads_the_names_beside_the_descriptions(
    printing: str,
) -> None:
    # the 二级 label was printed over the 二级 and 三级 columns; 绩效标准 heads descriptions
    (table,), _ = read(unlabelled_names(printing))
    assert [(i.level2_printed, i.name, i.target.raw) for i in table.indicators] == [
        ("数量指标", "档案扫描页数", "≥12000页"),
        ("数量指标", "馆藏目录录入条数", "≥3000条"),
        ("质量指标", "扫描图像合格率", "≥98%"),
    ]
    # no 一级 is printed anywhere: each row's follows from its 二级
    assert {i.level1 for i in table.indicators} == {"产出指标"}


def test_a_description_label_after_the_names_is_not_read_as_an_unlabelled_name_column() -> None:
    # 三级指标 printed: the 绩效标准 column is the descriptions', no column is implied
    text = unlabelled_names("tabs").replace("二级指标\t\t", "二级指标\t三级指标\t")
    (table,), _ = read(text)
    assert table.indicators[0].description == "反映档案扫描完成情况"


# --- a 自评表 whose text runs on one line, cells separated by spaces (a converter's dump) -----

RUN_ON = (
    "附件: 项目支出绩效自评表 (2022年度) 项目名称 乡村道路养护 主管部门 某镇人民政府 "
    "实施单位 某镇人民政府 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
    "偏差原因分析及改进措施 产出指标(50分) 数量指标 养护道路里程 ≥12公里 12 20 20 "
    "质量指标 养护验收合格率 ≥95% 96% 20 20 效益指标(30分) 社会效益指标 群众出行便利程度 "
    "明显改善 达成预期指标 30 30\n"
)


def test_a_self_evaluation_on_one_line_is_read_cell_by_cell() -> None:
    (table,), _ = read(RUN_ON)
    assert rows(table) == [
        ("产出指标", "数量指标", "养护道路里程", "≥12公里"),
        ("产出指标", "质量指标", "养护验收合格率", "≥95%"),
        ("效益指标", "社会效益指标", "群众出行便利程度", "明显改善"),
    ]
    assert [(i.weight, i.score) for i in table.indicators] == [(20, 20), (20, 20), (30, 30)]


# --- the national 自评表 template's empty rows (指标2 | | …) under a filled one -------------

TEMPLATE_ROWS = "\n\n".join(
    [
        "项目支出绩效自评表",
        "项目名称",
        "食堂设备更新",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
        "产出指标",
        "数量指标",
        "指标1设备更新台数",
        "12",
        "10",
        "20",
        "16",
        "两台设备到货延迟，已督促供应商。",
        "指标2",
        " ",
        " ",
        "……",
        " ",
        "质量指标",
        "指标1设备验收合格率",
        "100",
        "100",
        "20",
        "20",
        " ",
        "指标2",
        " ",
    ]
)


def test_a_template_empty_row_after_a_reason_is_no_indicator() -> None:
    (table,), _ = read(TEMPLATE_ROWS)
    names = [i.name for i in table.indicators]
    assert "两台设备到货延迟，已督促供应商。" not in names
    assert all(i.target.raw.strip() != "指标2" for i in table.indicators)
    assert "指标1设备验收合格率" in names


# a converter that printed the table column by column (the names first, the values after) or
# wrapped the cells' text at spaces: the spaces are no cell boundaries, nothing is read
COLUMN_ORDER = (
    "附件 2 养老服务补助资金区域绩效目标表 ( 2021 年度) 专项名称 养老服务补助资金 主管部门 "
    "省民政厅 资金额度 2380 万 年 度 总 体 目 标 目标 1:为失能老人提供护理补贴。 目标 2:支持"
    "社区养老服务设施建设。 一级 指标 二级指标 三级指标 护理补贴发放人数 社区养老服务站数 "
    "绩 效 指 标 产 出 指 标 数量指标 养老护理员培训人数 居家上门服务 人次 补贴标准执行 "
    "达标率 质量指标 服务设施验收合格率 效果指 标 社会效益 指标 满意度 指标 服务对象 "
    "失能老人家庭满意程度 满意度指标 接受上门服务的老人满意度 指标值\n"
)
WRAPPED_AT_SPACES = (
    "2021 年养老服务资金项目自评表 单位名称:区民政局 项目名称 2021 年养老服务资金 主管部门 "
    "区民政局 预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 预算数 (A) 执行数(B) "
    "执行率(B/A) 得分 120.5 120.5 100% 20 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
    "养老机构床位数(张) 1200 1250 10 居家养老服务人次(人次) 30000 31000 10 支持养老服务 "
    "机构数量 8 8 10 护理服务质量 达到省定 标准 达到省定 标准以上 10 补贴发放及时率 95% 100% 10 "
    "社会效益 指标 老年人生活质量 改善情况 明显 改善 改善 明显 二级指标 数量指标 年度 绩效 "
    "目标 (80 分) 产出指标 (60 分) 时效指标 效益指标 (40 分) 总分 质量指标 20 100\n"
)


@pytest.mark.parametrize("text", [COLUMN_ORDER, WRAPPED_AT_SPACES], ids=["columns", "wrapped"])
def test_spaces_that_are_no_cell_boundaries_give_no_rows(text: str) -> None:
    tables, _ = read_or_refuse(text)
    assert not [i for t in tables for i in t.indicators]


def read_or_refuse(text: str) -> tuple[list[TargetTable], list[Finding]]:
    try:
        return read(text)
    except JixiaoError:
        return [], []


# --- blank and half-filled 申报表 templates -------------------------------------------------
# A county's 财政支出项目绩效目标申报表 as a document-sharing preview prints it before anyone
# filled it: labels only, 新增项目 □ 延续项目 □, numbered 1、 2、 lines, the title again on each
# page. Nothing on it is a value.

BLANK_PAGES = [
    "某县财政支出项目绩效目标申报表 ( 年度) 填报单位(盖章) 项目名称 项目属性 新增项目 □ "
    "延续项目 □ 主管部门 主管部门 编码 项目实施单位 项目负责人 联系电话 项目起止时间 "
    "项目资金申请(万元) 资金总额: 财政拨款: 自有资金: 事业收入: 其他: 单位职能概述",
    "项目概况 项目立项情况 项目立项的依据 项目申报的可行性 项目申报的必要性 项目实施进度计划 "
    "项目实施内容 开始时间 完成时间 1、 2、 3、 …… 项目绩效目标 长期目标 年度目标",
    "年度绩效指标 一级指标 二级指标 指标内容 指标值 备注 产出指标 数量指标 质量指标 时效指标 "
    "成本指标 … 效益指标 经济效益指标 社会效益指标 可持续影响指标 … 服务对象满意度指标 "
    "具体指标 ……",
]
BLANK_FORM = "\n某县财政支出项目绩效目标申报表\n".join(BLANK_PAGES) + "\n"


def test_a_blank_template_is_no_table() -> None:
    # before: a table 项目属性 of 主管部门 “编码”, 实施单位 联系电话, 资金用途 项目立项情况 and
    # the title as its goal
    tables, _ = read(BLANK_FORM)
    assert [(t.project, t.department, t.implementer, t.purpose, t.goals) for t in tables] == []


def test_a_filled_form_keeps_its_values_beside_the_template_options() -> None:
    text = (
        "项目支出绩效目标申报表\n"
        "项目名称\t乡村道路养护\t项目属性\t新增项目 □\t延续项目 √\n"
        "主管部门\t某县交通运输局\t主管部门编码\t301001\n"
        "项目概况\t1、\t2、\n"
        "年度目标\t完成乡村道路养护。\n"
        "一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t养护里程\t≥120公里\n"
    )
    (table,), _ = read(text)
    assert (table.project, table.department, table.department_code, table.purpose) == (
        "乡村道路养护",
        "某县交通运输局",
        "301001",
        None,
    )
    assert rows(table) == [("产出指标", "数量指标", "养护里程", "≥120公里")]


LAYOUT_WRAPPED_LABEL = """\
专项名称    水旱灾害防御专项经费
主管部门    某县水利局
一级指标    二级指标    三级指标    绩效指标描  指标值
                                    述          新河乡      石桥镇
产出指标    时效指标    设备维护办  反映设备维  ≤22天       ≤21天
                        理时限      护办理时限
效益指标    社会效益    宣传活动政  反映宣传活  有效提高    有效提高
                        策知晓度    动政策知晓
            可持续影响  课程建设长  反映课程建  高          高
                        效管护机制  设长效管护
"""


def test_region_names_beside_a_wrapped_label_rest_in_layout_text() -> None:
    # the names share their line with the rest of a wrapped label (绩效指标描 / 述): before,
    # each row's regions were read as one value (有效提高有效提高)
    (table,), _ = read(LAYOUT_WRAPPED_LABEL)
    assert [(i.name, i.target.raw) for i in table.indicators] == [
        ("设备维护办理时限", ""),
        ("宣传活动政策知晓度", "有效提高"),
        ("课程建设长效管护机制", "高"),
    ]
