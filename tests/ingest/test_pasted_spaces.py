"""Whitespace rows and cell-per-paragraph text: the shapes of an indented 自评表 and of
Sichuan/Anhui 申报表 pages, generated with varied names, values, order and row counts."""

from __future__ import annotations

import random

import pytest

from jixiao.assemble import assemble_tables
from jixiao.assemble.fields import table_kind
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable
from jixiao.model.labels import label_unit

NAMES = [
    "完成灌区节水改造项目数量",
    "新建村级道路里程",
    "培训基层干部人次",
    "工程验收合格率",
    "资金拨付及时率",
    "群众出行条件改善",
    "带动农户增收",
    "设施长期运行",
    "受益群众满意度",
    "服务对象投诉率",
]
TARGETS = ["≥95%", "100%", "≥20公里", "3个", "≤500元/人", "12月底前"]

# (二级, the 一级 the framework puts it under)
OUTPUT_LEVELS = [("数量指标", "产出指标"), ("质量指标", "产出指标"), ("时效指标", "产出指标")]
BENEFIT_LEVELS = [("社会效益指标", "效益指标"), ("经济效益指标", "效益指标")]


def read(text: str) -> tuple[list[TargetTable], list[Finding]]:
    tables, findings = assemble_tables(read_grid(text.encode(), "pasted.txt"))
    return tables, [f for f in findings if f.code not in ("PRS005", "PRS006")]


def rows(table: TargetTable) -> list[tuple[str | None, str | None, str, str]]:
    return [(i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in table.indicators]


def self_evaluation(seed: int) -> tuple[str, list[tuple[str, str, str, str, float, float]]]:
    """An indented 自评表 whose 一级 labels were lost (only （50分） left), with unfilled
    template lines, wrapped 二级 labels, rows with and without 指标值/实际完成值."""
    rng = random.Random(seed)
    names = rng.sample(NAMES, 6)
    lines = [
        "    项目支出绩效自评表",
        "    (2022年度)",
        f"    项目名称 {rng.choice(['防汛抗旱经费', '农村公路养护', '基层培训'])}",
        "    年度绩效指标完成情况 一级",
        "    指标",
        "    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "    (50分)",
    ]
    expected = []
    blocks = [rng.sample(OUTPUT_LEVELS, 2), rng.sample(BENEFIT_LEVELS, 1)]
    for block, weight in zip(blocks, ["(50分)", "(30分)"], strict=True):
        if weight != "(50分)":
            lines += ["", "", f"    {weight}"]
        for level2, level1 in block:
            count = rng.randint(1, 2)
            wrapped = rng.random() < 0.5
            if wrapped:  # 经济效益 / 指标 on lines of their own
                lines += [f"    {level2[:-2]}", "    指标"]
            for number in range(1, count + 1):
                name = f"指标{number}:{names.pop()}"
                w = float(rng.choice([5, 10, 15]))
                s = w - rng.choice([0, 1])
                if rng.random() < 0.5:
                    target, actual = rng.choice(TARGETS), "100%"
                    cells = [name, target, actual, f"{w:g}", f"{s:g}"]
                else:
                    target = ""
                    cells = [name, f"{w:g}", f"{s:g}"]
                if number == 1 and not wrapped:
                    cells.insert(0, level2)
                lines.append("    " + " ".join(cells))
                expected.append((level1, level2, name, target, w, s))
            lines += [f"    指标{count + 1}:", "    ……"]
    lines += ["    总分 100 100", "    注:1.一级指标分值统一设置为:产出指标50分。"]
    return "\n".join(lines), expected


@pytest.mark.parametrize("seed", range(12))
def test_indented_self_evaluation_with_lost_level1_cells(seed: int) -> None:
    text, expected = self_evaluation(seed)
    (table,), findings = read(text)
    assert [
        (i.level1_printed, i.level2_printed, i.name, i.target.raw, i.weight, i.score)
        for i in table.indicators
    ] == expected
    assert table.kind.value == "self_evaluation"
    # every 一级 filled in from its 二级 is said
    inferred = [f for f in findings if f.code == "PRS014"]
    assert inferred
    assert all("补为" in f.message for f in inferred)


def test_two_numbers_are_weight_and_score_only_when_score_fits() -> None:
    text = """项目名称 甲项目
二级指标 三级指标 年度指标值 实际完成值 分值 得分
数量指标 道路里程 95 98
质量指标 验收合格率 10 9
"""
    (table,), findings = read(text)
    first, second = table.indicators
    # 98 > 95 cannot be a score under a weight of 95; after the 指标值 95 it is its 实际完成值,
    # or a 分值 beside a blank 实际完成值 (a 自评表 before its actuals are filled): left out
    assert (first.target.raw, first.actual, first.weight, first.score) == ("95", None, None, None)
    assert any(f.code == "PRS010" and "98" in f.message for f in findings)
    assert (second.target.raw, second.weight, second.score) == ("", 10.0, 9.0)


@pytest.mark.parametrize("seed", range(8))
def test_sichuan_form_with_wrapped_level_labels(seed: int) -> None:
    """项目完成 / 指标 and 项目效益 / 指标 printed over two lines, a 绩效指标 label merged
    down the rows, 二级-only rows giving their name to the next row."""
    rng = random.Random(seed)
    names = rng.sample(NAMES, 5)
    targets = [rng.choice(TARGETS) for _ in names]
    text = "\n".join(
        [
            "项目支出绩效目标申报表",
            "(2021年度)",
            "项目名称 特困家庭扶助",
            "预算单位 区卫生健康局",
            "绩效指标 一级指标 二级指标 三级指标 指标值(包含数字及文字描述)",
            "绩效指标 项目完成",
            "指标",
            f"数量指标 {names[0]} {targets[0]}",
            f"{names[1]} {targets[1]}",
            "项目效益",
            "指标",
            "社会效益",
            "指标",
            f"{names[2]} {targets[2]}",
            "可持续影响",
            "指标",
            f"{names[3]} {targets[3]}",
            f"满意度指标 满意度指标 {names[4]} {targets[4]}",
        ]
    )
    (table,), findings = read(text)
    assert rows(table) == [
        ("项目完成指标", "数量指标", names[0], targets[0]),
        ("项目完成指标", "数量指标", names[1], targets[1]),
        ("项目效益指标", "社会效益指标", names[2], targets[2]),
        ("项目效益指标", "可持续影响指标", names[3], targets[3]),
        ("满意度指标", "满意度指标", names[4], targets[4]),
    ]
    assert [i.level1 for i in table.indicators][:2] == ["产出指标", "产出指标"]
    assert not [f for f in findings if f.code in ("PRS003", "PRS010", "PRS014")]


def test_a_bracket_split_at_spaces_stays_in_its_cell() -> None:
    text = """项目名称 甲项目
绩效指标 一级指标 二级指标 三级指标 指标值 备注
产出指标 数量指标 景点开发数量( ≥**个 ) >=4个
开发面积（ ≥** 平方米 ） >=20平方米
"""
    (table,), _ = read(text)
    assert [(i.name, i.target.raw) for i in table.indicators] == [
        ("景点开发数量(≥**个)", ">=4个"),
        ("开发面积（≥**平方米）", ">=20平方米"),
    ]


@pytest.mark.parametrize("seed", range(8))
def test_paragraphs_with_blank_level1_cells(seed: int) -> None:
    """One cell per paragraph, the 一级 cells of 产出/效益 blank (inferred from the 二级, with
    a finding), 服务对象 / 满意度指标 broken over two paragraphs."""
    rng = random.Random(seed)
    names = rng.sample(NAMES, 5)
    targets = [rng.choice(TARGETS) for _ in names]
    actuals = [rng.choice(["100%", "98%", "已完成"]) for _ in names]
    output = rng.choice(["数量指标", "质量指标", "时效指标"])
    benefit = rng.choice(["社会效益指标", "可持续影响指标"])
    cells = ["一级", "指标", "二级指标", "三级指标", "指标值", "全年实际完成值"]
    cells += ["未完成原因和改进措施"]
    cells += [output, names[0], targets[0], actuals[0]]
    cells += [names[1], targets[1], actuals[1]]
    cells += [benefit, names[2], targets[2], actuals[2]]
    cells += ["满意度指标", "服务对象", "满意度指标", names[3], targets[3], actuals[3]]
    cells += [names[4], targets[4], actuals[4]]
    text = "\n\n".join(["项目支出绩效自评表", *cells])
    (table,), findings = read(text)
    assert rows(table) == [
        ("产出指标", output, names[0], targets[0]),
        ("产出指标", output, names[1], targets[1]),
        ("效益指标", benefit, names[2], targets[2]),
        ("满意度指标", "服务对象满意度指标", names[3], targets[3]),
        ("满意度指标", "服务对象满意度指标", names[4], targets[4]),
    ]
    assert [i.actual.raw if i.actual else None for i in table.indicators] == actuals
    # the two rows whose 一级 is inferred, and the row under the first that carries it
    assert len([f for f in findings if f.code == "PRS014"]) == 3


def test_satisfaction_under_benefit_is_not_reassigned() -> None:
    """The 2015-era framework puts 满意度 under 效益: a carried 效益指标 stays."""
    text = """项目名称 甲项目
一级指标 二级指标 三级指标 指标值
效益指标 社会效益指标 群众出行条件改善 明显改善
服务对象满意度指标 群众满意度 ≥90%
"""
    (table,), findings = read(text)
    assert [i.level1_printed for i in table.indicators] == ["效益指标", "效益指标"]
    assert not [f for f in findings if f.code == "PRS014"]


# --- header fields ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "total", "executed"),
    [
        ("880 880 880 10 10", 8800000.0, 8800000.0),  # 执行率 vanished: amounts agree
        ("900 880 870 10 10", None, None),  # which cell vanished decides: not read
        ("900 880 870 10 98.86% 10", 8800000.0, 8700000.0),  # every cell printed
        ("120 120 96 - -", 1200000.0, None),  # one vanished: 全年 agrees either way, 执行 not
    ],
)
def test_self_evaluation_budget_row_in_whitespace_text(
    values: str, total: float | None, executed: float | None
) -> None:
    text = f"""    项目支出绩效自评表
    (2022年度)
    项目名称 河道整治经费
    主管部门 实施单位 某县水利局
    项目资金
    (万元)
    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
    年度资金总额: {values}
    二级指标 三级指标 年度指标值 实际完成值 分值 得分
    数量指标 整治河道长度 ≥5公里 6公里 10 10
"""
    (table,), _ = read(text)
    assert table.department == "某县水利局"  # 实施单位 when no 主管部门 is filled
    assert (table.budget.total, table.budget.executed) == (total, executed)


@pytest.mark.parametrize(("fiscal", "other"), [("6.30", "0.00"), ("12", "3.5")])
def test_total_from_the_parts_of_a_funding_block(fiscal: str, other: str) -> None:
    text = f"""项目支出绩效目标申报表
(2021年度)
项目名称 特困家庭扶助
预算单位 区卫生健康局
项目资金(万元) 年度资金总额 金额(万元)
   (一)财政拨款小计 {fiscal}
       1、一般公共预算 {fiscal}
   (二)自有资金小计 {other}
绩效指标 一级指标 二级指标 三级指标 指标值
绩效指标 产出指标 数量指标 扶助人数 63人
"""
    (table,), findings = read(text)
    expected = round((float(fiscal) + float(other)) * 10000, 2)
    assert (table.budget.total, table.budget.fiscal) == (expected, float(fiscal) * 10000)
    assert [f.code for f in findings if f.code == "PRS015"] == ["PRS015"]


@pytest.mark.parametrize("label", ["年度本级预算金额", "本年度申请市财政预算资金"])
def test_a_total_of_fiscal_money_is_the_fiscal_amount(label: str) -> None:
    text = f"""项目名称 | 雾炮车降尘服务 ||
{label} | 250 | 单位 | 万元 ||
一级指标 | 二级指标 | 三级指标 | 指标值 ||
产出指标 | 数量指标 | 雾炮车数量 | 5台 ||
"""
    (table,), _ = read(text)
    assert table.budget.total is not None
    assert table.budget.fiscal == table.budget.total


@pytest.mark.parametrize(
    ("title", "department"),
    [
        ("大英县民政局2022年度中央对地方转移支付项目绩效自评情况公示", "大英县民政局"),
        ("某市图书馆2023年项目绩效自评表", "某市图书馆"),
        ("2023年度项目支出绩效自评表", None),  # no department before the year
    ],
)
def test_department_and_year_from_the_title(title: str, department: str | None) -> None:
    cells = [title, "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]
    cells += ["产出指标", "数量指标", "助学人数", "应助尽助", "9"]
    (table,), findings = read("\n\n".join(cells))
    assert table.department == department
    assert table.year in (2022, 2023)
    assert any(f.code == "PRS016" for f in findings) == (department is not None)


# --- the evaluation framework and half-year columns ---------------------------------------

EVALUATION_ROWS = [
    ("决策", "项目立项", "立项程序规范性", "规范"),
    ("决策", "项目立项", "立项依据充分性", "充分"),
    ("决策", "绩效目标", "绩效指标明确性", "明确"),
    ("决策", "资金投入", "预算执行率", "≥95%"),
    ("过程", "资金管理", "资金使用合规性", "合规"),
    ("过程", "组织实施", "管理制度健全性", "健全"),
    ("产出", "产出数量", "开放天数", "≥300天"),
]


@pytest.mark.parametrize("seed", range(8))
def test_paragraphs_of_an_evaluation_framework_with_half_year_values(seed: int) -> None:
    """决策 / 过程 / 产出 levels (绩效目标 is one of them, not the header label), a 半年(程)
    and a 全年(程) 指标值 column; the text cut inside a last row that is then not read."""
    rng = random.Random(seed)
    count = rng.randint(3, len(EVALUATION_ROWS))
    chosen = EVALUATION_ROWS[:count]
    cells = ["2024年度某馆运转经费项目绩效公开", "项目名称", "某馆运转经费", "预算单位", "某博物馆"]
    cells += ["项目资金 (万元)", "资金总额", "80", "一级指标", "二级指标", "三级指标"]
    cells += ["半年(程) 指标值", "全年(程) 指标值"]
    previous: tuple[str, str] = ("", "")
    expected = []
    for level1, level2, name, target in chosen:
        half = rng.choice([target, "推进中"])
        if level1 != previous[0]:
            cells.append(level1)
        if (level1, level2) != previous:
            cells.append(level2)
        cells += [name, half, target]
        previous = (level1, level2)
        expected.append((level1, level2, name, target))
    cells += ["组织实施" if previous[1] != "组织实施" else "资金管理", "预算编制科学"]
    (table,), findings = read("\n\n".join(cells))
    assert rows(table) == expected
    assert (table.department, table.year, table.budget.total) == ("某博物馆", 2024, 800000.0)
    assert any(f.code == "PRS011" and "未读取" in f.message for f in findings)


# --- form families ----------------------------------------------------------------------------


@pytest.mark.parametrize("separator", [" | ", "\t"])
@pytest.mark.parametrize("title", ["2023年度部门绩效目标表", "某区财政局绩效目标表"])
def test_department_form_is_known_by_its_labels(separator: str, title: str) -> None:
    """A 部门整体 form whose title does not say so: 部门预算编码 and 年度履职目标 do."""
    lines = [
        [title],
        ["部门预算编码", "503101", "部门名称", "某区财政局"],
        ["年度履职目标", "1.保障机关正常运转。2.完成年度培训任务。"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥200人次"],
    ]
    end = " ||" if "|" in separator else ""  # a flattened HTML row ends in its empty cells
    text = "\n".join(separator.join(cells) + end for cells in lines)
    (table,), _ = read(text)
    assert table.kind.value == "department_target"
    assert (table.department_code, table.department, table.project) == (
        "503101",
        "某区财政局",
        None,
    )
    assert table.goals == ["保障机关正常运转。", "完成年度培训任务。"]


def test_transfer_payment_form_names_its_project() -> None:
    text = """中央对地方转移支付区域绩效目标表
转移支付（项目）名称 | 学生资助补助经费 ||
中央主管部门 | 教育部 | 地方主管部门 | 某县教育局 ||
一级指标 | 二级指标 | 三级指标 | 指标值 ||
产出指标 | 数量指标 | 受助学生人数 | ≥300人 ||
"""
    (table,), _ = read(text)
    assert (table.kind.value, table.project) == ("project_target", "学生资助补助经费")


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("预算执行情况(万元) (20分)", "万元"),
        ("资金情况（万元）", "万元"),
        ("项目资金（元）：", "元"),
        ("预算执行情况(20分)", None),
    ],
)
def test_amount_unit_in_a_label_before_a_section_score(label: str, unit: str | None) -> None:
    assert label_unit(label) == unit


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("某区价格认证中心2023年度整体绩效目标表", "department_target"),
        ("某区价格认证中心部门整体支出绩效目标表", "department_target"),
        ("某区价格认证中心2023年度项目支出绩效目标表", "project_target"),
    ],
)
def test_form_family_from_the_title(title: str, kind: str) -> None:
    assert table_kind(title, has_evaluation_columns=False).value == kind


@pytest.mark.parametrize("reason", ["受天气影响", "汛期推迟开工", "资金未到位"])
def test_self_evaluation_row_with_a_deviation_after_its_score(reason: str) -> None:
    text = f"""    项目名称 河道整治经费
    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    数量指标 指标1:整治河道长度 ≥5公里 4公里 10 8 {reason}
    指标2:清淤量 10 9 {reason}
    质量指标 指标1:验收合格率 100% 100% 10 10
"""
    (table,), findings = read(text)
    assert [(i.name, i.target.raw, i.weight, i.score, i.deviation) for i in table.indicators] == [
        ("指标1:整治河道长度", "≥5公里", 10.0, 8.0, reason),
        ("指标2:清淤量", "", 10.0, 9.0, reason),
        ("指标1:验收合格率", "100%", 10.0, 10.0, None),
    ]
    assert not [f for f in findings if f.code == "PRS010"]


@pytest.mark.parametrize("none", ["无", "暂无"])
def test_a_value_of_none_is_a_value_not_a_name(none: str) -> None:
    """Paragraphs of a 自评表 whose 指标值 is 无 and whose row has a 偏差原因: the reason is the
    row's, the next name is a name."""
    cells = ["项目名称", "甲项目", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
    cells += ["分值", "得分", "偏差原因分析及改进措施"]
    cells += ["成本指标", "社会成本指标", "农田建设社会影响", none, none, "10", "8", "资金拨付滞后"]
    cells += ["业务培训社会影响", none, none, "10", "10", " "]
    cells += ["文物保护社会影响", "减少", "减少", "10", "10", " "]
    (table,), _ = read("\n\n".join(cells))
    assert [(i.name, i.target.raw, i.deviation) for i in table.indicators] == [
        ("农田建设社会影响", none, "资金拨付滞后"),
        ("业务培训社会影响", none, None),
        ("文物保护社会影响", "减少", None),
    ]


@pytest.mark.parametrize("label", ["总 分", "合 计", "总  计"])
def test_a_total_label_spaced_out_is_the_total_row_not_an_indicator(label: str) -> None:
    text = "\n".join(
        [
            "项目支出绩效自评表",
            "项目名称 甲项目",
            "二级指标 三级指标 年度指标值 实际完成值 分值 得分",
            "数量指标 道路里程 ≥95公里 98公里 50 50",
            "质量指标 验收合格率 ≥95% 96% 40 40",
            f"{label} 100 90",
        ]
    )
    (table,), _ = read(text)
    assert [i.name for i in table.indicators] == ["道路里程", "验收合格率"]
    assert table.total_score == 90.0


def test_single_letter_values_are_not_joined_into_a_label() -> None:
    text = "\n".join(
        [
            "项目名称 甲项目",
            "二级指标 三级指标 年度指标值 实际完成值",
            "质量指标 服务质量 高 高",
        ]
    )
    (table,), _ = read(text)
    (row,) = table.indicators
    assert (row.target.raw, row.actual and row.actual.raw) == ("高", "高")


SPACED_TABLE = """\
项目支出绩效目标表
项目名称 基本公共卫生服务
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 适龄儿童接种率 ≥90%
{row}
效益指标 社会效益指标 居民健康水平 逐步提高
"""


@pytest.mark.parametrize("run_on", [False, True])
@pytest.mark.parametrize(
    ("row", "name", "target"),
    [
        ("7 岁以下儿童健康管理率 ≥85%", "7 岁以下儿童健康管理率", "≥85%"),
        ("PM2.5 浓度下降比例 ≥5%", "PM2.5 浓度下降比例", "≥5%"),
        ("65 岁以上老年人体检率 ≥70%", "65 岁以上老年人体检率", "≥70%"),
        ("开发数量( ≥**个 ) ≥4个", "开发数量(≥**个)", "≥4个"),
    ],
)
def test_a_name_printed_with_a_space_inside_is_one_cell(
    row: str, name: str, target: str, run_on: bool
) -> None:
    # the split that places the row as its columns allow: 7 alone fits no column after ≥90%
    text = SPACED_TABLE.format(row=row)
    if run_on:  # a converter's dump of the document on one line
        text = " ".join(text.split())
    tables, findings = read(text)
    assert rows(tables[0])[1][2:] == (name, target)
    assert len(tables[0].indicators) == 3
    assert not [f for f in findings if f.code in ("PRS003", "PRS010", "PRS020")]


def test_a_number_and_its_unit_under_a_unit_column_stay_two_cells() -> None:
    text = """\
项目支出绩效目标表
项目名称 农村公路养护
一级指标 二级指标 三级指标 指标值 度量单位
产出指标 数量指标 养护里程 100 公里
时效指标 完工时间 12 月
"""
    tables, _ = read(text)
    assert [(i.name, i.target.unit) for i in tables[0].indicators] == [
        ("养护里程", "公里"),
        ("完工时间", "月"),
    ]


def test_a_run_on_table_whose_rows_start_under_management_levels_is_read() -> None:
    # a 部门整体 自评表 dumped on one line: 管理指标 and its areas are level cells
    text = (
        "部门整体支出绩效自评表 部门名称 某卫生院 一级指标 二级指标 三级指标 指标值 "
        "管理指标 预算执行管理 预算执行率 ≥90% 资产管理 资产利用率 ≥80% "
        "产出指标 数量指标 门诊人次 ≥5000人次"
    )
    tables, _ = read(text)
    assert [(i.level2_printed, i.name, i.target.raw) for i in tables[0].indicators] == [
        ("预算执行管理", "预算执行率", "≥90%"),
        ("资产管理", "资产利用率", "≥80%"),
        ("数量指标", "门诊人次", "≥5000人次"),
    ]


def test_a_first_level_printed_as_a_quantitative_target_block_is_a_level_cell() -> None:
    # a Hebei form's 一级: 项目年度绩效目标(定量指标), its 二级 产出数量指标
    text = """\
项目支出绩效目标表
项目名称 高中助学金项目
一级指标 二级指标 绩效指标名称 绩效指标描述 年度指标值
项目年度绩效目标(定量指标) 产出数量指标 享受资助人数 达到预计值 2100
资金支出率 达到目标值 95%
质量指标 资助对象满意度 达到目标值 95%以上
"""
    tables, _ = read(text)
    assert [
        (i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in tables[0].indicators
    ] == [
        ("项目年度绩效目标(定量指标)", "产出数量指标", "享受资助人数", "2100"),
        ("项目年度绩效目标(定量指标)", "产出数量指标", "资金支出率", "95%"),
        ("项目年度绩效目标(定量指标)", "质量指标", "资助对象满意度", "95%以上"),
    ]
