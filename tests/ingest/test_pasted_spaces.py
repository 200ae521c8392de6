"""Whitespace rows and cell-per-paragraph text: the shapes of an indented 自评表 and of
Sichuan/Anhui 申报表 pages, generated with varied names, values, order and row counts."""

from __future__ import annotations

import random

import pytest

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable

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
    (table,), _ = read(text)
    first, second = table.indicators
    # 98 > 95 cannot be a score under a weight of 95: they stay target and actual
    assert (first.target.raw, first.actual and first.actual.raw, first.weight) == (
        "95",
        "98",
        None,
    )
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
    assert len([f for f in findings if f.code == "PRS014"]) == 2


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
