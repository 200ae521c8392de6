"""Pipe-printed tables: rows per line padded to the table's width, cells per line with lone
bars, rows cut where the excerpt ends, and the header vocabulary of these templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"


def read(text: str) -> tuple[list[TargetTable], list[Finding]]:
    tables, findings = assemble_tables(read_grid(text.encode(), "pasted.txt"))
    return tables, [f for f in findings if f.code not in ("PRS005", "PRS006")]


def rows(table: TargetTable) -> list[tuple[str | None, str | None, str, str]]:
    return [(i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in table.indicators]


def padded(cells: list[str], width: int) -> str:
    """A row as the flattener prints it: a bar after every cell, padded to the width."""
    return " | ".join(cells) + " |" + "|" * (width - len(cells) - 1) if cells else "|" * width


@pytest.mark.parametrize("width", [8, 9, 12])
def test_rows_per_line_with_left_shifted_rowspans(width: int) -> None:
    header = ["一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位", "指标值内容"]
    lines = [
        padded(["2026年项目支出绩效目标表"], width),
        padded(["项目支出名称", "乙街道环卫保洁"], width),
        padded(header, width),
        padded(["成本指标", "经济成本指标", "保洁经费", "≤", "45", "万元", "反映经费"], width),
        padded(["社会成本指标", "对居民出行的影响", "定性", "降低", "反映影响"], width),
        padded(["产出指标", "数量指标", "清扫道路长度", "≥", "12", "公里", "反映长度"], width),
        padded(["质量指标", "保洁达标率", "≥", "98", "%", "反映质量"], width),
        padded(["作业完成及时率", "=", "100", "%", "反映时效"], width),
    ]
    (table,), findings = read("\n".join(lines) + "\n")
    assert table.project == "乙街道环卫保洁"
    assert rows(table) == [
        ("成本指标", "经济成本指标", "保洁经费", "≤45万元"),
        ("成本指标", "社会成本指标", "对居民出行的影响", "降低"),
        ("产出指标", "数量指标", "清扫道路长度", "≥12公里"),
        ("产出指标", "质量指标", "保洁达标率", "≥98%"),
        ("产出指标", "质量指标", "作业完成及时率", "=100%"),
    ]
    assert not findings


def test_a_full_row_ends_with_one_bar_and_a_header_may_break_over_lines() -> None:
    # the header's cells are broken over lines that each end in a bar: the row ends only
    # when it holds as many bars as the padded rows above it
    text = """项目名称 | 丙工程 | ||||
绩效指标 | 一级 指标 |
二级 指标 |
三级 指标 |
指标值 | ||
产出指标 | 数量指标 | 新建泵站 | 3座 | |
质量指标 | 验收合格率 | 100% | ||
"""
    (table,), findings = read(text)
    assert rows(table) == [
        ("产出指标", "数量指标", "新建泵站", "3座"),
        ("产出指标", "质量指标", "验收合格率", "100%"),
    ]
    assert not findings


@pytest.mark.parametrize("last", ["丁指标 | ≥9", "丁指标 | 1", "丁指标"])
def test_a_row_the_excerpt_cuts_is_a_finding_not_an_indicator(last: str) -> None:
    text = f"""项目名称 | 戊项目 | |||
一级指标 | 二级指标 | 三级指标 | 指标值 | |
产出指标 | 数量指标 | 丙指标 | 5个 | |
时效指标 | {last}"""
    (table,), findings = read(text)
    assert rows(table) == [("产出指标", "数量指标", "丙指标", "5个")]
    assert [f.code for f in findings] == ["PRS011"]
    assert findings[0].location.line == 4


def test_the_start_of_a_row_the_excerpt_cuts_is_no_indicator() -> None:
    """anhui-huaibei-suixi: cells one per line ending ``|``, the excerpt cut inside the last
    row's 指标值 (``>=9``): the row's beginning (name | 分值 10) was split off and read as
    name | 指标值 '10'. Every other row fills 分值, 实际值 and 得分; this one does not: it is
    the start of the cut row, a doubt and no indicator."""
    path = CORPUS / "anhui-huaibei-suixi-2019-temporary-relief-selfeval-pipecells.txt"
    (table,), findings = read(path.read_text("utf-8"))
    assert len(table.indicators) == 9
    assert all("受助对象满意度" not in i.name for i in table.indicators)
    assert any(f.code == "PRS011" and "受助对象满意度" in f.message for f in findings)


def test_a_markdown_row_may_leave_out_its_closing_bar() -> None:
    text = """| 项目名称 | 己项目 | ||
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 培训人次 | ≥300人次 | |
| 产出指标 | 质量指标 | 合格率 | ≥90%"""
    (table,), _ = read(text)
    assert rows(table)[-1] == ("产出指标", "质量指标", "合格率", "≥90%")


@pytest.mark.parametrize("operator", ["≧", "≥"])
def test_one_cell_per_line_with_a_lone_bar_after_each_cell(operator: str) -> None:
    cells = [
        "(1)项目概况:本项目由某县卫健委实施。",
        "项目名称", "|", "庚项目", "|", "主管部门", "|", "|", "实施单位", "|", "某县卫健委", "|",
        "年度资金总额", "|", "120 万元", "|",
        "绩效 指标", "|", "一级 指标", "|", "二级指标", "|", "三级指标", "|", "指标值", "|",
        "产出 指标", "|", "数量指标", "|", "随访人数", "|", f"{operator}500人", "|",
        "建档率", "|", f"{operator}95%", "|",
        "效益 指标", "|", "社会效益指标", "|", "群众健康水平", "|", "提高", "|",
    ]  # fmt: skip
    (table,), findings = read("\n".join(cells) + "\n")
    assert table.project == "庚项目"
    assert rows(table) == [
        ("产出指标", "数量指标", "随访人数", f"{operator}500人"),
        ("产出指标", "数量指标", "建档率", f"{operator}95%"),
        ("效益指标", "社会效益指标", "群众健康水平", "提高"),
    ]
    assert not findings


@pytest.mark.parametrize(
    ("level1", "target"),
    [("一级目标", "指标值"), ("一级指标", "*指标值"), ("一级指标", "年初目标值(A)")],
)
def test_header_label_variants(level1: str, target: str) -> None:
    text = f"""项目名称 | 辛项目 | ||
{level1} | 二级指标 | 三级指标 | {target} |
产出指标 | 数量指标 | 受助学生数 | 100% |
"""
    (table,), _ = read(text)
    assert rows(table) == [("产出指标", "数量指标", "受助学生数", "100%")]


@pytest.mark.parametrize("standard", ["未达指标值酌情扣分", "按完成比例计分"])
def test_a_department_table_with_value_type_and_a_repeated_scoring_standard(
    standard: str,
) -> None:
    width = 9
    header = ["一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位"]
    header += ["*指标解释", "*评(扣)分标准", "备注"]
    lines = [
        padded(["某中心2027年度整体绩效目标表"], width),
        padded(["部门(单位)名称", "某中心"], width),
        padded(header, width),
        padded(
            ["产出指标", "数量指标", "鉴定案件数", "定量", "120", "件", "考察数量", standard],
            width,
        ),
        padded(["时效指标", "办结时间", "定量", "按期办结", "考察时效", standard], width),
        # a level name printed as the 三级指标 (成本指标 is the 二级 here)
        padded(["成本指标", "经济成本指标", "定量", "30", "万元", "考察成本", standard], width),
        # a level with no indicator under it: only the repeated standard
        padded(["效益指标", "经济效益指标", standard], width),
        padded(["社会效益指标", "群众满意程度", "定性", "明显提升", "考察效益", standard], width),
    ]
    (table,), findings = read("\n".join(lines) + "\n")
    assert rows(table) == [
        ("产出指标", "数量指标", "鉴定案件数", "120件"),
        ("产出指标", "时效指标", "办结时间", "按期办结"),
        ("产出指标", "成本指标", "经济成本指标", "30万元"),
        ("效益指标", "社会效益指标", "群众满意程度", "明显提升"),
    ]
    assert not [f for f in findings if f.code != "PRS008"]  # the project is the title's


def test_a_unit_printed_after_a_value_that_is_no_number_is_kept() -> None:
    # as printed: the review, not the reader, says that '应保尽保%' is odd
    text = """项目名称 | 壬项目 | ||||
一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 |
产出指标 | 数量指标 | 保障范围 | 定性 | 应保尽保 | % |
质量指标 | 支出安排金额 | 定量 | 28.8万元 | % | |
"""
    (table,), _ = read(text)
    assert [i.target.raw for i in table.indicators] == ["应保尽保%", "28.8万元%"]


@pytest.mark.parametrize(("equal", "at_least"), [("═", "≧"), ("=", "≥"), ("＝", ">=")])
def test_rows_run_together_with_the_header_are_cut_by_what_the_cells_say(
    equal: str, at_least: str
) -> None:
    # the header line carries the goals before its labels and the first row after them
    # (a two-row header: 年度指标值 spans 指标性质 | 指标值 | 度量单位); later rows break
    # over lines, and an empty level row leaves lone bars
    text = f"""2023年度项目支出绩效自评表 | 部门:某县第二小学 |
| 公开14表 | 项目名称 | 学生饮用奶补助资金 | 主管部门 | 某县教育局 | 实施单位 | 某县第二小学 |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 保障学生营养 | 保障学生营养 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 受益学生人数 | {at_least} | 420 | 人 | 431 | 20 | 20 |
| 质量指标 | 饮用奶合格率 | {equal} | 100 | % | 100% | 20 | 18 |
| 效益指标 | 社会效益 指标 | 学生体质改善 |
| 明显 |
| 明显 | 20 | 20 |
| 生态效益 指标 |
|
|
| 满意度指标 | 服务对象满意度指标等 | 家长满意度 | {at_least} | 90 | % | 96% | 20 | 20 |
| 其他需要说明事项 | 无 | 总分 | 100 | 98 | 优 |
|"""  # noqa: E501
    (table,), findings = read(text)
    assert table.project == "学生饮用奶补助资金"
    assert rows(table) == [
        ("产出指标", "数量指标", "受益学生人数", "≥420人"),
        ("产出指标", "质量指标", "饮用奶合格率", "=100%"),
        ("效益指标", "社会效益指标", "学生体质改善", "明显"),
        ("满意度指标", "服务对象满意度指标等", "家长满意度", "≥90%"),
    ]
    assert [(i.actual.raw if i.actual else None, i.weight, i.score) for i in table.indicators] == [
        ("431人", 20, 20),
        ("100%", 20, 18),
        ("明显", 20, 20),
        ("96%", 20, 20),
    ]
    # the lone '—' of the budget block is skipped; 服务对象满意度指标等 is no framework name
    assert {(f.code, f.location.line) for f in findings} == {("PRS003", 3), ("PRS004", 11)}


LIJIANG = CORPUS / "yunnan-lijiang-gucheng-2020-satellite-enforcement-selfeval-trad.md"


def lijiang_ending_with(last: str) -> str:
    """The yunnan-lijiang 自评表 (pipe rows, a two-row header broken over lines) with its last
    line, the 满意度 row, replaced."""
    lines = LIJIANG.read_text("utf-8").rstrip("\n").split("\n")
    return "\n".join([*lines[:-1], last])


@pytest.mark.parametrize(
    ("actual", "weight"), [("95", "10.00"), ("98", "20"), ("100", "5"), ("96.5", "8")]
)
def test_a_last_row_cut_after_its_weight_leaves_its_numbers_out(actual: str, weight: str) -> None:
    """yunnan-lijiang: the text ends on ``… | ≥ | 95 | % | 95 | 10.00 |``, its 得分 cut off.
    Read as 分值 | 得分 that is a weight of 95: the two numbers are 实际完成值 | 分值 as well,
    so neither is read, and the row says why (PRS010)."""
    last = f"| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % | {actual} | {weight} |"
    (table,), findings = read(lijiang_ending_with(last))
    row = table.indicators[-1]
    assert (row.name, row.target.raw) == ("满意度", "≥95%")
    assert (row.actual, row.weight, row.score) == (None, None, None)
    assert [f.code for f in findings] == ["PRS010"]
    assert f"“{actual}”（分值或实际完成值）、“{weight}”（分值或得分）" in findings[0].message
    # the rows before it keep their figures
    assert [i.weight for i in table.indicators[:-1]] == [10, 20, 20, 30]
    assert [i.score for i in table.indicators[:-1]] == [9, 19, 19, 27]


@pytest.mark.parametrize(
    "last",
    [
        "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % | 96 | 10.00 | 9.00 |",
        "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % | 96 | 10.00 | 9.00 | ||\n"
        "| 总分 | 100 | 93 | |||||||",
    ],
)
def test_a_last_row_with_its_actual_weight_and_score_is_read_whole(last: str) -> None:
    (table,), findings = read(lijiang_ending_with(last))
    row = table.indicators[-1]
    assert (row.actual and row.actual.raw, row.weight, row.score) == ("96%", 10, 9)
    assert not findings


def cell_lines(rows: list[list[str]], width: int) -> str:
    """A table printed one cell per line (``a |``), rows padded to the width with bars."""
    lines: list[str] = []
    for row in rows:
        lines.extend(f"{cell} |" for cell in row)
        if len(row) < width:
            lines.append("|" * (width - len(row)))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("towns", [["东坑镇甲村", "西坑乡乙村"], ["城关镇", "北岭乡", "南岭乡"]])
def test_one_value_column_per_town(towns: list[str]) -> None:
    width = 5 + len(towns)
    same = ["1"] * len(towns)
    differ = [str(n + 2) for n in range(len(towns))]
    text = "2024年省级农田水利资金绩效目标表\n" + cell_lines(
        [
            ["项目名称", "省级农田水利资金", "主管部门(单位)名称", "某县水利局"],
            ["资金情况(万元)", "资金总额", "60", "其中:财政拨款", "60", "其他资金"],
            ["绩效 指标", "一级指标", "二级指标", "三级指标", "指标 解释", *towns],
            ["产出 指标", "数量指标", "新建灌渠(条)", "反映灌渠建设", *same],
            ["修复堰坝(座)", "反映堰坝修复", *differ],
            ["效益指标", "社会效益指标", "受益群众满意度", "反映满意度", *(["≥90%"] * len(towns))],
        ],
        width,
    )
    (table,), findings = read(text)
    assert (table.project, table.department, table.budget.total) == (
        "省级农田水利资金",
        "某县水利局",
        600000,
    )
    assert rows(table) == [
        ("产出指标", "数量指标", "新建灌渠(条)", "1"),
        ("产出指标", "数量指标", "修复堰坝(座)", ""),  # the towns' values differ: not read
        ("效益指标", "社会效益指标", "受益群众满意度", "≥90%"),
    ]
    (doubt,) = [f for f in findings if f.code == "PRS010"]
    assert doubt.indicator == "修复堰坝(座)"
    assert all(town in doubt.message for town in towns)


@pytest.mark.parametrize("lead", ["| ", ""])
def test_a_department_table_whose_continuing_rows_are_shifted_left(lead: str) -> None:
    # every row is closed; a row continuing a merged 一级/二级 cell has fewer cells, so its
    # 三级指标 is printed where the 一级 column is: placed by what the cells are
    text = f"""{lead}部门名称 | 某区档案馆 | ||||
{lead}一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 |
{lead}产出指标 | 数量指标 | 档案数字化页数 | ≥ | 12 | 万页 |
{lead}馆藏档案接收卷数 | ≥ | 3000 | 卷 | ||
{lead}质量指标 | 档案完好率 | = | 100 | % | |
{lead}效益指标 | 社会效益指标 | 档案查阅利用人次 | ≥ | 5000 | 人次 |
{lead}满意度指标 | 服务对象满意度指标 | 查档群众满意度 | ≥ | 95 | % |
"""
    (table,), findings = read(text)
    assert rows(table) == [
        ("产出指标", "数量指标", "档案数字化页数", "≥12万页"),
        ("产出指标", "数量指标", "馆藏档案接收卷数", "≥3000卷"),
        ("产出指标", "质量指标", "档案完好率", "=100%"),
        ("效益指标", "社会效益指标", "档案查阅利用人次", "≥5000人次"),
        ("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥95%"),
    ]
    assert not [f for f in findings if f.code != "PRS008"]


STAND_IN_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥100人次"),
    ("", "质量指标", "培训合格率", "≥95%"),
    ("效益指标", "社会效益指标", "群众获得感", "显著提升"),
]


@pytest.mark.parametrize("label", ["指标内容", "绩效指标"])
@pytest.mark.parametrize("separator", ["\t", " | "])
def test_names_under_a_stand_in_label_after_the_level2_column(label: str, separator: str) -> None:
    """一级指标 | 二级指标 | 指标内容 | 指标值: a form naming no 三级 column prints the names in
    the column after the 二级; the text ends with the last row, which is whole (a | b | c rows
    do not close their cells, so no bar is missing)."""
    header = ["一级指标", "二级指标", label, "指标值"]
    lines = ["项目支出绩效目标表", f"项目名称{separator}甲项目", separator.join(header)]
    lines += [separator.join(row) for row in STAND_IN_ROWS]
    (table,), findings = read("\n".join(lines) + "\n")
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in table.indicators] == [
        ("产出指标", "数量指标", "培训人次", "≥100人次"),
        ("产出指标", "质量指标", "培训合格率", "≥95%"),
        ("效益指标", "社会效益指标", "群众获得感", "显著提升"),
    ]
    assert findings == []


def cell_per_line(*cells: str) -> str:
    """One cell per line closed by its bar, an empty cell a bare bar (sichuan-qingshen)."""
    return "\n".join(f"{cell} |" if cell else "|" for cell in cells)


def test_a_title_run_into_the_header_cells_and_figures_left_blank() -> None:
    # a 自评表 published before its actuals are filled: 完成值 and 得分 blank, 权重 printed;
    # the title runs into the header block's cells (no row breaks in a cell-per-line text)
    header = [
        "部门预算项目支出绩效自评表(2023年度)",
        "项目名称",
        "工资性支出",
        "主管部门",
        "某县发展和改革局",
        "实施单位 (盖章)",
        "某县发展和改革局机关",
        "项目年度目标",
        "年度目标完成情况",
        "保障工资及时足额发放。",
        "",
    ]
    columns = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
        "未完成原因分析",
    ]
    rows = [
        "产出指标", "数量指标", "发放覆盖率", "=", "100", "%", "", "60", "", "",
        "效益指标", "社会效益指标", "足额保障率", "=", "100", "%", "", "30", "", "",
    ]  # fmt: skip
    text = cell_per_line(*header, *columns, *rows)
    (table,), findings = read(text)
    assert (table.project, table.department, table.year) == ("工资性支出", "某县发展和改革局", 2023)
    assert [(i.name, i.target.raw) for i in table.indicators] == [
        ("发放覆盖率", "=100%"),
        ("足额保障率", "=100%"),
    ]
    # 60 after the 指标值 is the 权重 beside a blank 完成值, or the 完成值: left out, said
    assert all(i.actual is None and i.weight is None for i in table.indicators)
    assert sum(f.code == "PRS010" for f in findings) == 2
    assert table.confidence >= 0.5  # a figure left out is no doubt about the rows
