"""Glued text (cells with no separator): the forms, the typed-piece DP and its doubts.

The tables are generated here with their own names, values and row counts (not the corpus
text): what is unambiguous must come back exact, what is not must come back as a doubt.
"""

from __future__ import annotations

import random

import pytest

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.ingest.grid import RowKind
from jixiao.ingest.pasted.glued_header import find_header_run, has_glued_header, scrambled_label
from jixiao.ingest.pasted.glued_rows import (
    Passage,
    Shape,
    Slot,
    digit_splits,
    grade_glued_to_name,
    scored_as_read,
    segment,
)
from jixiao.model import Finding, TableKind, TargetTable
from jixiao.model.labels import is_anagram, is_indicator_header
from jixiao.model.vocabulary import Field


def read(text: str) -> tuple[list[TargetTable], list[Finding]]:
    tables, findings = assemble_tables(read_grid(text.encode(), "glued.txt"))
    return tables, [f for f in findings if f.code not in ("PRS005", "PRS006")]


def rows(table: TargetTable) -> list[tuple[str, str, float | None]]:
    return [(i.name, i.target.raw, i.weight) for i in table.indicators]


def values(table: TargetTable) -> list[tuple[str, str, str | None]]:
    return [(i.name, i.target.raw, i.actual.raw if i.actual else None) for i in table.indicators]


NAMES = [
    "道路保洁覆盖率", "公共设施维修及时率", "困难群众救助发放率", "河道巡查里程",
    "社区活动开展次数", "绿化养护面积", "预算执行率", "信息公开及时率", "群众满意度",
    "安全事故发生率",
]  # fmt: skip
UNITS = [("%", "%"), ("公里", "公里"), ("次", "次"), ("平方米", "平方米"), ("个", "个")]
OPERATORS = ["=", "≥", "≤"]


def department_rows(seed: int, count: int) -> list[tuple[str, int, str, str, str]]:
    """(name, weight, unit, operator, value) for a 部门整体 form, all cells printed."""
    chooser = random.Random(seed)
    names = chooser.sample(NAMES, count)
    return [
        (
            name,
            chooser.choice([5, 10, 15, 20]),
            chooser.choice(UNITS)[0],
            chooser.choice(OPERATORS),
            str(chooser.choice([1, 3, 12, 95, 100, 125, 2000])),
        )
        for name in names
    ]


@pytest.mark.parametrize(("seed", "count"), [(1, 3), (2, 5), (3, 7), (4, 10)])
def test_department_form_one_glued_row_per_line(seed: int, count: int) -> None:
    table_rows = department_rows(seed, count)
    lines = [
        "2023年部门(单位)整体绩效目标表",
        "",
        "单位:万元",
        "部门(单位)名称某县某镇人民政府县级支出预算总量1234.5",
        "当年整体绩效目标保障机关正常运转;做好民生保障。",
        "绩效指标指标名称指标权重计量单位指标性质指标值",
        *(f"{n}{w}{u}{o}{v}" for n, w, u, o, v in table_rows),
        "",
        "",
        "",
        "2023年县级一般性项目绩效目标表",
        "单位:万元",
    ]
    (table,), findings = read("\n".join(lines))
    assert rows(table) == [(n, f"{o}{v}{u}", float(w)) for n, w, u, o, v in table_rows]
    assert table.kind is TableKind.DEPARTMENT_TARGET
    assert table.project is None
    assert table.department == "某县某镇人民政府"
    assert table.year == 2023
    assert table.budget.total == pytest.approx(12345000)
    assert not [f for f in findings if f.code in ("PRS003", "PRS010")]


def test_department_form_free_words_and_empty_cells() -> None:
    text = "\n".join(
        [
            "绩效指标指标名称指标权重计量单位指标性质指标值",
            "村居办公阵地保障有效性15有效保障",  # no unit, no operator: a value in words
            "文艺演出场次10次≥8",
            "林地火灾受害率5%2",  # no operator
        ]
    )
    (table,), _ = read(text)
    assert rows(table) == [
        ("村居办公阵地保障有效性", "有效保障", 15.0),
        ("文艺演出场次", "≥8次", 10.0),
        ("林地火灾受害率", "2%", 5.0),
    ]


def test_ambiguous_glued_numbers_are_a_doubt_not_a_row() -> None:
    # "1530": weight 15 and value 30, or no weight and value 1530? The text does not say.
    text = "\n".join(
        [
            "绩效指标指标名称指标权重计量单位指标性质指标值",
            "文艺演出场次10次≥8",
            "宣传活动开展场次1530",
        ]
    )
    (table,), findings = read(text)
    assert rows(table) == [("文艺演出场次", "≥8次", 10.0)]
    assert any(f.code == "PRS010" and "宣传活动开展场次" in f.message for f in findings)


SELF_HEADER = (
    "指标名称计量单位指标性质年初指标值调整指标值全年完成值"
    "得分系数(%)指标权重(分)指标得分(分)是否核心指标"
)


def self_evaluation_rows(seed: int, count: int) -> list[tuple[str, str, str, str, int]]:
    """(name, unit, target, actual, weight) with the unit printed in its own column."""
    chooser = random.Random(seed)
    result = []
    for name in chooser.sample(NAMES, count):
        unit = chooser.choice(["%", "次", "个"])
        target = chooser.choice(["90", "95", "100", "12", "30"])
        actual = chooser.choice(["92", "100", "97.5", "31"])
        result.append((name, unit, f"{target}{unit}", f"{actual}{unit}", chooser.choice([2, 5])))
    return result


@pytest.mark.parametrize(("seed", "count"), [(5, 4), (6, 6), (7, 8)])
def test_self_evaluation_blob_with_page_marks(seed: int, count: int) -> None:
    table_rows = self_evaluation_rows(seed, count)
    cells = [
        f"{n}{u}{t}{a}100%{w}{w}{'是' if i % 2 else '否'}"
        for i, (n, u, t, a, w) in enumerate(table_rows)
    ]
    middle = len(cells) // 2
    text = (
        "1、部门整体绩效自评表主管部门某区融媒体中心"
        + SELF_HEADER
        + "".join(cells[:middle])
        + "绩效指标\n2、"  # the preview's page break, with the block's label repeated
        + "".join(cells[middle:])
        + "说明无"
    )
    (table,), findings = read(text)
    assert values(table) == [(n, t, a) for n, _, t, a, _ in table_rows]
    assert [(i.weight, i.score) for i in table.indicators] == [(w, w) for *_, w in table_rows]
    assert not [f for f in findings if f.code == "PRS010"]


def test_a_row_with_one_of_its_values_missing_is_a_doubt() -> None:
    # 100% could be the target, the actual or the score rate: not read, said
    text = (
        "部门整体绩效自评表"
        + SELF_HEADER
        + "会议费控制率%100%95%100%22否"
        + "公务接待费变动率%100%22否"
        + "资产利用率%90%91%100%33是说明无"
    )
    (table,), findings = read(text)
    assert [i.name for i in table.indicators] == ["会议费控制率", "资产利用率"]
    assert any(f.code == "PRS010" and "公务接待费变动率" in f.message for f in findings)


def test_a_label_printed_out_of_order_is_read() -> None:
    # a preview read a vertical cell column by column: 全年完成值 → 年成值全完值
    header = SELF_HEADER.replace("全年完成值", "年成值全完值")
    rows_text = "制度健全性性标定指高高100%33否资产安全好好100%55否说明无"
    (table,), _ = read("部门整体绩效自评表" + header + rows_text)
    assert values(table) == [
        ("制度健全性", "高", "高"),
        ("资产安全", "好", "好"),
    ]


def test_levels_in_the_forms_own_words_are_not_guessed() -> None:
    text = (
        "整体支出绩效自评表二级指标三级指标年度指标值全年完成值分值得分"
        "预算编制管理完整率100%100%44采购管理执行率100%100%55"
        "数量指标门诊人次增加增300人次55说明无"
    )
    grid = read_grid(text.encode(), "glued.txt")
    assert len([r for r in grid.rows if r.kind is RowKind.TABLE]) == 1  # the header alone
    doubted = [r.text for r in grid.rows if any(d.code == "PRS010" for d in r.doubts)]
    assert len(doubted) == 3


def test_the_row_an_excerpt_cuts_is_a_doubt() -> None:
    text = (
        "自评表一级指标二级指标三级指标年度指标值全年完成值得分"
        "产出指标数量指标培训人数≥50人≥50人10效益指标社会效益指标群众知晓率提高提高"
    )
    (table,), findings = read(text)
    assert [i.name for i in table.indicators] == ["培训人数"]
    assert any(f.code == "PRS010" and "群众知晓率" in f.message for f in findings)


# --- the pieces -------------------------------------------------------------------------------


def test_glued_header_vocabulary() -> None:
    assert has_glued_header("绩效指标指标名称指标权重计量单位指标性质指标值")
    assert has_glued_header("评价指标一级指标二级指标三级指标目标值分值备注")
    assert not has_glued_header("一级指标 二级指标 三级指标 指标值")  # the whitespace form
    assert not has_glued_header("指标名称|计量单位|指标值")
    run = find_header_run("xx指标名称计量单位年成值全完值指标值")
    assert run is not None
    assert [label for _, _, label in run.labels][-2:] == ["全年完成值", "指标值"]
    assert scrambled_label("性质标指") == "指标性质"
    assert scrambled_label("无关文字") is None
    assert is_anagram("性标定指", "定性指标")
    assert not is_anagram("定性指标", "定性指标")


def test_indicator_header_without_level_columns() -> None:
    assert is_indicator_header(["指标名称", "指标权重", "计量单位", "指标性质", "指标值"])
    assert not is_indicator_header(["指标名称", "指标值"])  # too little to be sure


def test_segment_reports_contested_cuts() -> None:
    slots = (
        Slot(Field.NAME, Shape.NAME),
        Slot(Field.WEIGHT, Shape.NUMBER),
        Slot(Field.TARGET, Shape.VALUE),
    )
    (sure,) = segment(Passage("培训人数10≥50人"), slots, whole=True)
    assert sure.doubtful is None
    assert sure.cells == ((0, 4), (4, 6), (6, 10))
    (unsure,) = segment(Passage("培训人数1530"), slots, whole=True)  # 15|30 or 1|530
    assert unsure.doubtful is not None


def test_a_column_every_sure_row_fills_decides_a_close_cut() -> None:
    # "场次1020": a unit 次 taken from the name and a value 1020 with no weight, or weight 10
    # and value 20? Every other row has its weight: the second.
    lines = [
        "绩效指标指标名称指标权重计量单位指标性质指标值",
        "河道巡查里程10公里≥30",
        "困难群众救助发放率20%=100",
        "绿化养护面积15平方米≥500",
        "群众满意度5%≥90",
        "文艺演出场次1020",
        "宣传活动开展场次1530",  # 15 | 30 or 1 | 530: both have a weight, still a doubt
    ]
    (table,), findings = read("\n".join(lines))
    assert rows(table)[-1] == ("文艺演出场次", "20", 10.0)
    assert len(table.indicators) == 5
    assert any(f.code == "PRS010" and "宣传活动开展场次" in f.message for f in findings)


def test_stream_with_descriptions_short_level_names_and_a_2021_tree() -> None:
    text = (
        "部门整体支出绩效目标表（2022年度）部门名称某县文化馆"
        "一级指标二级指标三级指标绩效指标描述指标值"
        "产出指标数量指标演出场次反映演出场次情况≥12场"
        "成本指标经济成本指标演出经费反映演出经费情况≤30万元"
        "效益指标社会效益群众参与率反映群众参与率情况显著提升"
        "满意度指标服务对象满意度观众满意度反映观众满意度情况≥90%"
    )
    (table,), _ = read(text)
    assert [
        (i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in table.indicators
    ] == [
        ("产出指标", "数量指标", "演出场次", "≥12场"),
        ("成本指标", "经济成本指标", "演出经费", "≤30万元"),
        ("效益指标", "社会效益", "群众参与率", "显著提升"),
        ("满意度指标", "服务对象满意度", "观众满意度", "≥90%"),
    ]


def test_a_reason_after_a_missed_score_may_run_into_the_next_name() -> None:
    text = (
        "项目支出绩效自评表一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
        "产出指标质量指标验收合格率≥95%96%1010"
        "巡查覆盖率100%80%53人员不足培训完成率100%100%55说明无"
    )
    (table,), findings = read(text)
    assert [i.name for i in table.indicators] == ["验收合格率", "巡查覆盖率"]
    assert any(f.code == "PRS010" and "培训完成率" in f.message for f in findings)


def test_rows_under_a_doubted_row_keep_the_levels_it_printed_surely() -> None:
    lines = [
        "一级指标二级指标三级指标指标值",
        "产出指标数量指标培训人数≥50人",
        "产出指标质量指标成效明显改善情况明显改善明显改善",  # not one reading after its levels
        "合格率≥95%",  # under 质量指标, not the 数量指标 of the row before the doubted one
    ]
    (table,), findings = read("\n".join(lines))
    assert [(i.level2_printed, i.name) for i in table.indicators] == [
        ("数量指标", "培训人数"),
        ("质量指标", "合格率"),
    ]
    assert any(f.code == "PRS010" and "成效明显改善" in f.message for f in findings)


# --- 部门整体 self-evaluation with a 管理指标 block (jiangxi-nanchang-county-cancha) ---------

AREAS = ["预算编审管理", "预算执行管理", "政府采购管理", "资产管理", "内部控制管理"]
RATES = ["执行率", "完整率", "控制率", "资产利用率", "公开率"]


def management_text(seed: int, count: int) -> tuple[str, list[tuple[str, str, str]]]:
    """A glued 部门整体支出绩效自评表 whose 管理指标 rows each print their area (二级), then a
    产出指标 printed out of order (出标产指) with numbered names; and the rows expected."""
    chooser = random.Random(seed)
    areas, rates = chooser.sample(AREAS, count), chooser.sample(RATES, count)
    text = "分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析管理指标30"
    expected = []
    for area, rate in zip(areas, rates, strict=True):
        target, weight = chooser.choice(["100%", "≥95%", "小于5%"]), chooser.choice([4, 5, 6])
        text += f"{area}{rate}{target}{chooser.choice(['100%', '按规定执行'])}{weight}{weight}"
        expected.append((area, rate, target))
    text += "出标产指25数量指标"
    for number in (1, 2):
        name = f"任务{number}:{chooser.choice(['门诊人次', '体检人数'])}完成率"
        text += f"{name}≥{chooser.choice([90, 95])}%{chooser.choice([96, 98])}%55"
        expected.append(("数量指标", name, ""))
    return text, expected


@pytest.mark.parametrize(("seed", "count"), [(1, 2), (2, 3), (3, 4), (4, 5)])
def test_management_areas_are_read_as_the_rows_level2(seed: int, count: int) -> None:
    text, expected = management_text(seed, count)
    (table,), findings = read("部门整体支出绩效自评表\n" + text + "满意度指标")
    got = [(i.level2_printed, i.name) for i in table.indicators]
    assert got == [(level2, name) for level2, name, _ in expected], findings
    assert [i.level1_printed for i in table.indicators] == ["管理指标"] * count + ["产出指标"] * 2
    assert [i.target.raw for i in table.indicators[:count]] == [t for *_, t in expected[:count]]


@pytest.mark.parametrize(
    "row",
    [
        "绿化、节能绿化良好水电支出减少01万元1010",  # 0|1万元: the name took the value
    ],
)
def test_values_of_free_words_without_a_shown_boundary_are_doubted(row: str) -> None:
    header = "一级指标二级指标三级指标年度指标值全年完成值分值得分"
    tables, findings = read(f"自评表\n{header}产出指标数量指标{row}")
    assert all(not t.indicators for t in tables)
    assert any(f.code == "PRS010" for f in findings)


# --- 绩效评价指标表: 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 (hebei-xingtai) ----


@pytest.mark.parametrize("seed", range(6))
def test_repeated_descriptions_show_where_names_end(seed: int) -> None:
    chooser = random.Random(seed)
    names = chooser.sample(["资金支出率", "及时发放率", "资助对象满意度", "覆盖率", "达标率"], 3)
    description = chooser.choice(["达到目标值", "符合要求"])
    lines = ["评价指标评价内容指标名称指标说明目标值分值备注"]
    lines.append(f"项目年度绩效目标(定量指标)产出数量指标{names[0]}{description}95%10")
    for name in names[1:]:
        lines.append(f"{chooser.choice(['质量指标', '时效指标'])}{name}{description}100%20")
    lines.append("建档立卡学生全面覆盖100%10")  # said once, no name ending: not known
    (table,), findings = read("\n".join(lines))
    assert [(i.name, i.description) for i in table.indicators] == [(n, description) for n in names]
    assert {i.level1_printed for i in table.indicators} == {"项目年度绩效目标(定量指标)"}
    assert any(f.code == "PRS010" and "建档立卡学生" in f.message for f in findings)


def test_a_table_whose_rows_are_all_doubted_keeps_its_doubts() -> None:
    """Not “未找到绩效目标表”: the table, with no rows, and the doubts naming its lines."""
    header = "一级指标二级指标三级指标年度指标值全年完成值分值得分"
    rows = [
        "资产安全无资产损失、利用率高于80%达成目标55",
        "绿化、节能绿化良好水电支出减少01万元1010",
    ]
    (table,), findings = read("自评表\n" + header + "产出指标数量指标" + "".join(rows))
    assert table.indicators == []
    assert table.confidence == 0.0
    assert sum(f.code == "PRS010" for f in findings) >= 1


# --- several tables, quantities kept whole, doubts about text that became no row ------------

TARGET_HEADER = "一级指标二级指标三级指标指标值"


def target_table(title: str, project: str, rows: list[tuple[str, str]]) -> str:
    """A 项目支出绩效目标表 glued into one stream (a preview with no line breaks)."""
    body = "".join(f"{name}{value}" for name, value in rows)
    return (
        f"{title}项目名称{project}主管部门某某县财政局项目资金（万元）年度资金总额10"
        f"{TARGET_HEADER}产出指标数量指标{body}"
    )


@pytest.mark.parametrize("seed", range(4))
def test_tables_glued_one_after_another_are_cut_at_the_next_title(seed: int) -> None:
    chooser = random.Random(seed)
    names = chooser.sample(NAMES, 4)
    first = [(names[0], "≥12个"), (names[1], "≤3次")]
    second = [(names[2], "=100%"), (names[3], "≥2000平方米")]
    title = chooser.choice(["项目支出绩效目标表（2023年度）", "2023年度项目支出绩效目标表"])
    text = target_table(title, "道路养护项目", first) + target_table(title, "河道整治项目", second)
    tables, _ = read(text)
    assert [t.project for t in tables] == ["道路养护项目", "河道整治项目"]
    assert [rows(t)[:2] for t in tables] == [
        [(n, v, None) for n, v in first],
        [(n, v, None) for n, v in second],
    ]


@pytest.mark.parametrize(
    ("value", "following"),
    [
        ("≤26个工作日", "信息公开及时率=100%"),  # not ≤26个 | 工作日信息公开…
        ("2021年8月底前完成", "社区活动开展次数≥3次"),  # not 2021 | 年8月底前…
        ("2023年12月31日前", "绿化养护面积≥12平方米"),
    ],
)
def test_quantities_and_deadlines_stay_whole(value: str, following: str) -> None:
    text = f"自评表\n{TARGET_HEADER}产出指标时效指标办理时限{value}{following}"
    (table,), _ = read(text)
    assert [i.target.raw for i in table.indicators][:1] == [value]
    assert all(not i.name.startswith(("年", "工作日", "个")) for i in table.indicators)


def test_a_doubt_about_text_that_became_no_row_names_no_row() -> None:
    """On one glued line, a row read and text left out as a doubt: the doubt (PRS010) names
    no indicator and does not withhold the row read beside it."""
    header = "一级指标二级指标三级指标年度指标值全年完成值分值得分"
    rows = "社区活动开展次数≥3次5次1010绿化、节能绿化良好水电支出减少01万元1010"
    text = f"自评表\n{header}产出指标数量指标{rows}"
    (table,), findings = read(text)
    assert values(table) == [("社区活动开展次数", "≥3次", "5次")]
    doubts = [f for f in findings if f.code == "PRS010"]
    assert doubts
    assert all(f.indicator is None for f in doubts)
    assert table.confidence is not None
    assert table.confidence >= 0.5


# --- values worded by the vocabulary, numbered rows, a blank 实际值 --------------------------

SCORED_HEADER = "一级指标二级指标三级指标年度指标值全年完成值分值得分偏差原因"


@pytest.mark.parametrize("seed", range(6))
def test_statement_values_bound_themselves(seed: int) -> None:
    """按规定公开 | 已公开, 超上年度 | 增收27万元, 增加 | 增372人次: the vocabulary's wordings
    (lead + verb, a baseline, a change by a quantity) show where a glued value starts and ends."""
    chooser = random.Random(seed)
    names = chooser.sample(["信息公开完善", "资料报送", "经费拨付", "业务收入", "服务人次"], 3)
    pairs = [
        (
            chooser.choice(["按规定公开", "按要求执行", "按时完成"]),
            chooser.choice(["已公开", "全部达成"]),
        ),
        (chooser.choice(["超上年度", "超上年"]), f"增收{chooser.randint(2, 90)}万元"),
        ("增加", f"增{chooser.randint(10, 900)}人次"),
    ]
    weights = [chooser.choice([4, 5, 8]) for _ in names]
    body = "".join(f"{n}{t}{a}{w}{w}" for n, (t, a), w in zip(names, pairs, weights, strict=True))
    (table,), findings = read(f"自评表\n{SCORED_HEADER}产出指标数量指标{body}满意度指标")
    assert values(table) == [(n, t, a) for n, (t, a) in zip(names, pairs, strict=True)], findings
    assert [i.weight for i in table.indicators] == [float(w) for w in weights]


@pytest.mark.parametrize("seed", range(4))
def test_numbered_rows_end_a_deviation_reason_and_a_blank_actual_is_read(seed: int) -> None:
    """任务1:…|按规定时限|(blank)|4|3|个别人未及时完成 任务2:…: the next numbered name ends the
    reason; the worded 指标值 and the filled 分值/得分 leave only the 实际值 blank."""
    chooser = random.Random(seed)
    stems = chooser.sample(["医疗文书及时率", "档案更新率", "资料归档率", "报表报送率"], 3)
    reasons = ["个别人未及时完成", "录入有延迟", "部分资料未归档"]
    body = "".join(
        f"任务{k}:{stem}按规定时限{w}{w - 1}{reason}"
        for k, (stem, w, reason) in enumerate(zip(stems, (4, 3, 5), reasons, strict=True), 1)
    )
    # rows that fill every column first: the table shows its 分值 and 得分 are always printed
    full = "".join(f"{n}{v}{v}55" for n, v in [("诊断准确率", "100%"), ("维修次数", "≥3次")])
    full += "培训合格率95%以上97%55"
    text = f"自评表\n{SCORED_HEADER}产出指标质量指标{full}时效指标{body}满意度指标"
    (table,), findings = read(text)
    assert values(table)[3:] == [
        (f"任务{k}:{stem}", "按规定时限", None) for k, stem in enumerate(stems, 1)
    ], findings
    got = [(i.weight, i.score) for i in table.indicators[3:]]
    assert got == [(4.0, 3.0), (3.0, 2.0), (5.0, 4.0)]


def test_a_blank_actual_beside_a_quantity_is_still_doubted() -> None:
    """≥95%|(blank): the quantity could be the 实际值 with the 指标值 blank — a doubt."""
    body = "任务1:资料归档率≥95%43个别资料未归档任务2:报表报送率100%98%55"
    (table,), findings = read(f"自评表\n{SCORED_HEADER}产出指标时效指标{body}满意度指标")
    assert [i.name for i in table.indicators] == ["任务2:报表报送率"]
    assert any(f.code == "PRS010" and "资料归档率" in f.message for f in findings)


# --- digits glued across 指标值 | 分值 | 实际值 | 得分 ------------------------------------------

DIGITS_HEADER = "指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明"


def test_scored_as_read_follows_the_achievement() -> None:
    def row(target: str, weight: str, actual: str, score: str, *, reverse: bool = False) -> bool:
        values = {
            Field.TARGET: target,
            Field.WEIGHT: weight,
            Field.ACTUAL: actual,
            Field.SCORE: score,
        }
        return scored_as_read(values, reverse=reverse)

    assert row("90", "10", "100", "10")  # reached: the full weight
    assert not row("90", "10", "1001", "0")  # ten times the target
    assert not row("28", "10", "8", "10")  # a third of the target, full marks
    assert not row("28", "10", "81", "0")  # reached, no score
    assert row("0.9", "10", "0", "10", reverse=True)  # lower is better: 0 reaches it
    assert not row("0.9", "10", "0", "10")
    assert row("80", "10", "60", "7.5")  # a share of the target, a share of the weight
    assert not row("0.9", "100", "1", "0")  # one indicator of several never weighs 100


def test_digit_splits_print_numbers_as_numbers() -> None:
    assert list(digit_splits("0.4100.110", 4)) == [
        ("0.4", "10", "0.1", "10"),
        ("0.4", "10", "0.11", "0"),
        ("0.4", "100.1", "1", "0"),
        ("0.41", "0", "0.1", "10"),
        ("0.41", "0", "0.11", "0"),
    ]  # not 0.410 | 0.1 …: a decimal printed with a trailing 0 is a shorter cut


@pytest.mark.parametrize("seed", range(5))
def test_a_glued_digit_run_with_one_consistent_split_is_read(seed: int) -> None:
    """指标值|分值|实际值|得分 glued into one run of digits: the split that scores the row as
    its values say is read; a run with no such split, or two, is a doubt."""
    chooser = random.Random(seed)
    weight = chooser.choice([5, 10, 15])
    sure = [  # (name, unit, target, actual): one consistent split each
        ("垃圾清运完成率", "%", "90", "100"),
        (chooser.choice(["安全事故发生率", "设备故障率"]), "%", "0.5", "0"),
        ("病虫害成灾率", "%", chooser.choice(["0.4", "0.6"]), "0.2"),
    ]
    unsure = ("道路养护面积", "万平方米", "28", "8")  # 28|w|8|w or 28|w|81|0 …: none scores so
    rows = [*sure[:2], unsure, sure[2]]
    chooser.shuffle(rows)
    body = "".join(f"{n}{u}{t}{weight}{a}{weight}" for n, u, t, a in rows)
    (table,), findings = read(f"部门整体绩效自评表\n{DIGITS_HEADER}{body}说明无")
    got = [(i.name, i.target.raw, i.actual.raw if i.actual else None) for i in table.indicators]
    assert got == [(n, f"{t}{u}", f"{a}{u}") for n, u, t, a in rows if (n, u, t, a) in sure]
    assert all(i.weight == i.score == weight for i in table.indicators)
    assert any(f.code == "PRS010" and unsure[0] in f.message for f in findings)


def test_words_after_the_last_row_of_a_cut_text_without_remarks_are_left_out() -> None:
    """A table whose rows print no 说明: words after the last row's 得分 at the end of a cut
    text start a row the cut lost — the row is read, the words are a doubt."""
    body = "垃圾清运完成率%901010010设备故障率%0.510010公共厕所新建"
    (table,), findings = read(f"部门整体绩效自评表\n{DIGITS_HEADER}{body}")
    assert [i.name for i in table.indicators] == ["垃圾清运完成率", "设备故障率"]
    assert any(f.code == "PRS010" and "公共厕所新建" in f.message for f in findings)


def test_a_name_right_after_its_printed_level2_may_start_with_a_level_word() -> None:
    """数量指标|成本控制…: the 二级 is printed right before, so 成本 is the name's own word;
    a name starting so in mid-stream (no 二级 before it) stays a doubt."""
    header = "一级指标二级指标三级指标年度指标值全年完成值得分"
    rows = "产出指标数量指标成本控制不超过预算不超过预算10质量指标验收合格率100%100%10"
    rows += "成本节约额≥5万元6万元10"
    (table,), findings = read(f"自评表\n{header}{rows}效益指标")
    assert [(i.level2_printed, i.name) for i in table.indicators] == [
        ("数量指标", "成本控制"),
        ("质量指标", "验收合格率"),
    ]
    assert any(f.code == "PRS010" and "成本节约额" in f.message for f in findings)


# --- a table printed one row per line, with a line that holds no value ------------------------


@pytest.mark.parametrize(("seed", "gap"), [(1, 1), (2, 2), (3, 3)])
def test_a_row_line_without_a_value_is_reported_and_the_rows_after_it_are_read(
    seed: int, gap: int
) -> None:
    """A line between rows that reads as no row with a value (its 指标值 lost) does not end
    the table silently: the rows after it are read, and the line is a doubt (PRS010)."""
    table_rows = department_rows(seed, 6)
    printed = [f"{n}{w}{u}{o}{v}" for n, w, u, o, v in table_rows]
    lost = "档案整理归档规范"  # the name, its cells lost
    lines = [
        "2023年部门(单位)整体绩效目标表",
        "部门(单位)名称某县某镇人民政府县级支出预算总量1234.5",
        "绩效指标指标名称指标权重计量单位指标性质指标值",
        *printed[:gap],
        lost,
        *printed[gap:],
        "",
        "",
        "",
        "填表人：某某",
    ]
    (table,), findings = read("\n".join(lines))
    assert rows(table) == [(n, f"{o}{v}{u}", float(w)) for n, w, u, o, v in table_rows]
    assert any(f.code == "PRS010" and lost in f.message for f in findings)


def test_a_line_without_a_value_after_the_last_row_ends_the_table() -> None:
    table_rows = department_rows(5, 3)
    lines = [
        "2023年部门(单位)整体绩效目标表",
        "绩效指标指标名称指标权重计量单位指标性质指标值",
        *(f"{n}{w}{u}{o}{v}" for n, w, u, o, v in table_rows),
        "单位：万元",
    ]
    (table,), findings = read("\n".join(lines))
    assert rows(table) == [(n, f"{o}{v}{u}", float(w)) for n, w, u, o, v in table_rows]
    assert not [f for f in findings if f.code == "PRS010"]


# --- a value listing one clause per item of the name -----------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_a_value_listing_one_clause_per_name_item_is_read(seed: int) -> None:
    """安全性、利用率 | 无资产损失、利用率高于80%: a negation, or a subject the name holds with
    what it is (a grade, a trend, a quantity), one clause per item: the list bounds itself."""
    chooser = random.Random(seed)
    level = chooser.randint(60, 95)
    rows = [
        ("人员控制、支出规范", "不超编、无违规支出", "全部达成"),
        ("安全性、利用率", f"无资产损失、利用率高于{level}%", "达成目标"),
        ("绿化、节能", "绿化良好、水电费开支有下降", "水电支出减少1万元"),
    ]
    chooser.shuffle(rows)
    body = "".join(f"{n}{t}{a}55" for n, t, a in rows)
    (table,), findings = read(f"自评表\n{SCORED_HEADER}效益指标生态效益指标{body}满意度指标")
    assert values(table) == rows, findings


def test_a_listed_value_under_a_name_of_another_count_is_doubted() -> None:
    body = "资产安全无资产损失、利用率高于80%达成目标55验收合格率100%100%55"
    (table,), findings = read(f"自评表\n{SCORED_HEADER}产出指标质量指标{body}满意度指标")
    assert [i.name for i in table.indicators] == ["验收合格率"]
    assert any(f.code == "PRS010" and "资产安全" in f.message for f in findings)


# --- OCR noise in a unit cell, a 得分 of 0 cut from one number --------------------------------


def test_ocr_noise_in_the_unit_cell_gives_way_to_the_values_unit() -> None:
    """``tot扁`` where the unit 篇 is printed: the 指标值 carries its unit, the row is read
    without the noise; with a value of no unit the row is a doubt."""
    rows = [
        ("宣传报道数量", "tot扁", "150篇", "162篇"),
        ("培训开展次数", "次", "12次", "12次"),
        ("志愿服务人数", "lx", "300", "320"),  # noise, and no unit in the value
    ]
    body = "".join(f"{n}{u}{t}{a}100%55是" for n, u, t, a in rows)
    title = "1、部门整体绩效自评表主管部门某区融媒体中心"
    (table,), findings = read(f"{title}{SELF_HEADER}{body}说明无")
    assert values(table) == [(n, t, a) for n, _, t, a in rows[:2]]
    assert table.indicators[0].target.unit == "篇"
    assert any(f.code == "PRS010" and "志愿服务人数" in f.message for f in findings)


def test_a_zero_score_cut_from_one_number_is_doubted() -> None:
    """Under 分值 | 得分, ``…10`` at a row's end read as 1 | 0 (nothing earned, no reason
    given) is more likely one number: a doubt. 5 | 5 and 4 | 3 with a reason are read."""
    header = "一级指标二级指标三级指标年度指标值全年完成值分值得分偏差原因"
    body = "验收合格率100%100%55维修及时率100%90%43个别维修延迟资料归档规范按规定执行已执行10"
    (table,), findings = read(f"自评表\n{header}产出指标质量指标{body}满意度指标")
    assert [(i.name, i.weight, i.score) for i in table.indicators] == [
        ("验收合格率", 5.0, 5.0),
        ("维修及时率", 4.0, 3.0),
    ]
    assert any(f.code == "PRS010" and "资料归档规范" in f.message for f in findings)


def test_figures_no_column_can_be_sure_of_are_left_out_with_a_doubt() -> None:
    """A 自评表 printed before its actuals are filled in (分值 only), glued into one stream:
    ``≥1人10`` could be 分值 10, or 实际值 1 and 得分 0; ``≤2万元5`` the 分值 5 or a bare 实际值.
    No figure is read in another's place: the rows keep their names and 指标值, the figures
    are left out with a doubt about them alone (PRS010, part "values")."""
    header = "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
    body = (
        "产出指标数量指标业务培训人数≥1人10设备维修次数≥2次10成本指标经济成本指标"
        "设备维护经费≤2万元5档案数字化经费≤1万元10"
    )
    (table,), findings = read(f"项目支出绩效自评表\n{header}{body}满意度指标")
    assert rows(table) == [
        ("业务培训人数", "≥1人", None),
        ("设备维修次数", "≥2次", None),
        ("设备维护经费", "≤2万元", None),
        ("档案数字化经费", "≤1万元", None),
    ]
    assert all(i.actual is None and i.score is None for i in table.indicators)
    doubts = [f for f in findings if f.code == "PRS010"]
    assert len(doubts) == 4
    assert all(f.fields.get("part") == "values" for f in doubts)


def test_a_value_printed_in_both_target_columns_shows_its_own_ends() -> None:
    """实施期指标值 | 年度指标值 printing the same words (持续发挥作用持续发挥作用), glued: the
    repetition is where the value is, though the vocabulary has no word for it — not a name
    running on into the next row's."""
    header = "一级指标二级指标三级指标实施期指标值年度指标值"
    body = (
        "产出指标数量指标道路养护里程≥30公里≥10公里效益指标社会效益指标"
        "群众获得感持续发挥作用持续发挥作用文物保护政策知晓度提升率≥10%≥10%"
    )
    (table,), findings = read(f"项目绩效目标申报表\n项目名称道路养护\n{header}{body}")
    assert rows(table) == [
        ("道路养护里程", "≥10公里", None),
        ("群众获得感", "持续发挥作用", None),
        ("文物保护政策知晓度提升率", "≥10%", None),
    ]
    assert not [f for f in findings if f.code == "PRS010"]


@pytest.mark.parametrize(
    ("label", "break_before", "project", "department"),
    [
        ("主管部门", "", "道路养护项目", "某某县交通运输局"),  # 道路养护项目|主管部门
        ("项目主管部门", "", "道路养护项目", "某某县交通运输局"),  # …项目项目主管部门
        ("项目主管部门", "\n", "道路养护专项资金", "某某县交通运输局"),  # the label starts a line
    ],
)
def test_a_unit_label_glued_after_a_project_name_leaves_it_its_xiangmu(
    label: str, break_before: str, project: str, department: str
) -> None:
    """道路养护项目主管部门 is ambiguous: the name keeps its 项目 (names end in 项目 as often as
    forms print that label), unless the label starts a printed line or the name has its own."""
    text = (
        f"项目支出绩效目标表项目名称{project}{break_before}{label}{department}"
        f"项目资金（万元）年度资金总额10{TARGET_HEADER}产出指标数量指标道路保洁覆盖率≥95%"
    )
    tables, _ = read(text)
    assert [(t.project, t.department) for t in tables] == [(project, department)]


# --- OCR text: misread characters and values the vocabulary does not word -----------------------

OCR_HEADER = "项目支出绩效自评表一级指标二级指标三级指标年度指标值实际完成值分值得分"


@pytest.mark.parametrize(
    ("misread", "printed"),
    [("≥9O%", "≥90%"), ("l00%", "100%"), ("≥1O次", "≥10次"), ("I人", "1人")],
)
def test_a_digit_misread_as_a_letter_is_a_doubt_never_a_number(misread: str, printed: str) -> None:
    text = (
        f"{OCR_HEADER}产出指标数量指标培训人数≥50人≥50人1010"
        f"质量指标验收合格率{misread}{printed}1010"
        "时效指标完成及时率100%100%1010说明无"
    )
    (table,), findings = read(text)
    assert [i.name for i in table.indicators if i.name != "验收合格率"] == [
        "培训人数",
        "完成及时率",
    ]
    read_rows = {i.name: i for i in table.indicators}
    if "验收合格率" in read_rows:  # read only as what was printed before the scan
        assert read_rows["验收合格率"].target.raw == printed
    else:
        assert any(f.code == "PRS010" and "验收合格率" in f.message for f in findings)


def test_full_width_digits_and_a_misread_day_read_as_printed() -> None:
    text = (
        f"{OCR_HEADER}产出指标质量指标验收合格率≥９５％９８％1010"
        "时效指标完成时间2024年12月31口前2024年12月20日1010说明无"
    )
    (table,), _ = read(text)
    assert values(table) == [
        ("验收合格率", "≥95%", "98%"),
        ("完成时间", "2024年12月31日前", "2024年12月20日"),
    ]


def test_a_name_holding_a_whole_description_is_a_doubt() -> None:
    # 持续发挥作用 is no value the vocabulary words: printed once, nothing shows where its row
    # ends, and the reading that runs two rows into one name is not emitted
    text = (
        "项目支出绩效目标表一级指标二级指标三级指标绩效指标描述指标值"
        "产出指标数量指标信息系统运维场次反映信息系统运维场次情况=3576场"
        "效益指标经济效益监督检查节约成本情况反映监督检查节约成本情况情况显著提升"
        "文物保护带动增收成效反映文物保护带动增收成效情况持续发挥作用"
        "就业帮扶带动增收成效反映就业帮扶带动增收成效情况达标说明无"
    )
    (table,), findings = read(text)
    assert rows(table)[:2] == [
        ("信息系统运维场次", "=3576场", None),
        ("监督检查节约成本情况", "显著提升", None),
    ]
    assert all("反映" not in i.name for i in table.indicators)
    assert any(f.code == "PRS010" and "就业帮扶带动增收成效" in f.message for f in findings)


def test_a_name_does_not_end_inside_a_worded_value() -> None:
    # 改善情况有效提|高: 高 is a grade, but 有效提高 is one value
    text = (
        "项目支出绩效自评表一级指标二级指标三级指标年度指标值实际完成值分值得分"
        "偏差原因分析及改进措施产出指标质量指标信息系统运维质量合格5"
        "效益指标生态效益指标乡村道路硬化环境改善情况有效提高10道路养护生态保护成效有效提高5"
        "疫苗接种生态保护成效良好10满意度指标服务对象满意度指标村民满意度≥90%5"
    )
    tables, _ = read(text)
    assert all(not i.name.endswith("有效提") for t in tables for i in t.indicators)


def test_a_target_over_region_columns_glued_is_doubted_not_read() -> None:
    # the national 区域绩效目标表: 指标值 over one column per region, their names on the
    # header's second line; glued, each region's value runs into the next one's
    text = (
        "专项名称乡村道路硬化补助经费\n中央主管部门财政局区域天长市\n"
        "一级指标二级指标三级指标指标值\n龙泉乡石桥镇\n"
        "效益指标社会效益指标补助发放服务水平高高\n"
        "满意度指标服务对象满意度指标村民满意度≥90%≥90%\n"
    )
    tables, findings = read(text)
    assert [i for t in tables for i in t.indicators] == []
    assert any(f.code == "PRS010" and "按地区" in f.message for f in findings)


# --- rows glued so that a value hides in a name: doubted, never read -------------------------

TARGET_SCORE_HEADER = "一级指标二级指标三级指标指标值分值"


@pytest.mark.parametrize(
    ("rows", "doubted"),
    [
        # a worded value between two names (…机制 | 持续发挥作用 | 就业帮扶…提升率)
        (
            "效益指标可持续影响指标设备维护长效管护机制持续发挥作用就业帮扶制度建设提升率≥8%5",
            "管护机制持续发挥作用",
        ),
        # a date range between two names (项目实施时间 | 2021年1月-12月 | 资金拨付)
        ("产出指标时效指标项目实施时间2021年1月-12月资金拨付12月底到位5", "项目实施时间2021年"),
    ],
)
def test_a_value_hidden_in_a_glued_name_is_a_doubt(rows: str, doubted: str) -> None:
    tables, findings = read(f"项目支出绩效目标表\n{TARGET_SCORE_HEADER}{rows}")
    for table in tables:
        for indicator in table.indicators:
            assert doubted not in indicator.name + indicator.target.raw
    assert any(f.code == "PRS010" and doubted[:4] in f.message for f in findings)


def test_a_name_of_two_characters_doubts_the_name_cut_before_it() -> None:
    """义务教育营养改善完成时间2018年11月19日前按期完成: never 义务教育营养 | 改善 | 完成 and a row
    named 时间."""
    header = "一级指标二级指标三级指标年度指标值全年实际完成值"
    row = "产出指标时效指标义务教育营养改善完成时间2018年11月19日前按期完成"
    tables, findings = read(f"自评表\n{header}{row}")
    names = [i.name for t in tables for i in t.indicators]
    assert "时间" not in names
    assert "义务教育营养" not in names
    assert any(f.code == "PRS010" for f in findings)


def test_a_level_no_framework_has_before_a_bare_measure_is_a_doubt() -> None:
    """食品安全指标 | 达标率: rather one name cut at its 指标 than a level and a row named 达标率;
    a form's own area before a measure stays (政府采购管理 | 执行率, tests above)."""
    header = "一级指标二级指标指标名称年度绩效指标值实际值"
    text = f"自评表\n{header}\n效益指标生态效益指标科学保粮率100%100%\n食品安全指标达标率100%100%"
    tables, findings = read(text)
    assert ("达标率", "100%", None) not in [row for t in tables for row in rows(t)]
    assert any(f.code == "PRS010" and "食品安全指标" in f.message for f in findings)


def test_a_description_lead_cut_into_the_name_is_a_doubt() -> None:
    """该指 | 标主要考察…: a description where the 三级 name is empty, never a row named 该指."""
    header = "一级指标二级指标三级指标绩效指标描述绩效目标值"
    row = "成本指标社会成本指标该指标主要考察总成本控制情况100%"
    tables, findings = read(f"项目支出绩效目标表\n{header}{row}")
    assert not [i for t in tables for i in t.indicators if i.name.startswith("该指")]
    assert any(f.code == "PRS010" and "该指标主要考察" in f.message for f in findings)


@pytest.mark.parametrize(
    ("name", "value", "glued"),
    [
        ("图书采购带动增收成效高", "15", True),
        ("义务教育营养改善社会影响无", "10", True),
        ("图书采购带动增收成效", "15", False),  # the name reads whole
        ("图书采购带动增收成效高", "≥15次", False),  # a 指标值 of its own
        ("建设质量优良率", "98", False),
    ],
)
def test_a_grade_glued_to_a_name_before_a_bare_number(name: str, value: str, glued: bool) -> None:
    assert grade_glued_to_name(name, value) is glued


@pytest.mark.parametrize("title", ["项目支出绩效目标批复表", "中央预算内投资项目绩效目标表"])
def test_a_title_starting_with_a_label_word_keeps_its_year(title: str) -> None:
    """项目支出 and 中央预算内投资 are labels of budget blocks; at the start of a title they
    are its words: the title and its year line (（2025年度）) stay the table's."""
    text = f"{title}\n（2025年度）\n项目名称甲项目\n{TARGET_HEADER}产出指标数量指标培训人次≥95人次"
    tables, _ = read(text)
    assert [t.year for t in tables] == [2025]
    assert [t.project for t in tables] == ["甲项目"]
