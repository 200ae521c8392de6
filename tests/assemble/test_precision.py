"""Precision first: what is never an indicator or goal, and each table's confidence.

The garbage rows are inserted into generated tables (names, values, order and number of rows
vary) in every place they turn up in real documents: among the rows, after them, in the goals.
"""

from __future__ import annotations

import random

import pytest

from jixiao.assemble import assemble_tables
from jixiao.assemble.validate import CONFIDENCE_FLOOR, table_confidence
from jixiao.ingest import read_grid
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import Finding, Severity, SourceRef, TargetTable
from jixiao.model.labels import furniture_kind, not_a_name

HEADER = "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值"
LEVELS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标")]
STEMS = ["培训人次", "档案数字化数量", "系统运行率", "资金拨付及时率", "群众知晓率", "验收合格率"]
VALUES = ["≥16个", "100%", "≥95%", "2024年12月底前完成", "≤1.5万元", "效果显著"]

FURNITURE = [
    "扫一扫在手机打开当前页",
    "[下载] [打印] [关闭]",
    "【打印本页】",
    "发布时间：2024-03-01 10:00",
    "字体：大 中 小",
    "打印本页 关闭窗口",
    "首页>政务公开>财政预决算",
    "来源：区财政局",
    "浏览次数：1024",
    "版权所有©某某区人民政府",
]
FOOTERS = [
    "其他需说明的问题",
    "存在问题",
    "备注",
    "注：本表由项目单位填报",
    "填报人：张三",
    "联系电话：12345678",
    "审核人：李四",
    "单位负责人：王五",
    "2024年 月 日",
]
NOT_NAMES = ["10", "95%", "≥90%", "100分", "产出指标", "社会效益指标", "指标", "三级指标"]


def assemble(text: str) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "t.txt"), year=2024)


def assemble_rows(text: str) -> tuple[list[TargetTable], list[Finding]]:
    """The assembler alone, on the tab-separated rows as they are (no reader's choices)."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        source = SourceRef(file="t.txt", line=number)
        if line.startswith("## "):
            rows.append(Row(RowKind.HEADING, (Cell(line[3:], 0),), source))
        else:
            cells = tuple(Cell(text, i) for i, text in enumerate(line.split("\t")))
            rows.append(Row(RowKind.TABLE, cells, source))
    return assemble_tables(Grid(file="t.txt", format="text", rows=rows), year=2024)


def generated_rows(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        level1, level2 = rng.choice(LEVELS)
        name = f"{rng.choice('甲乙丙丁戊')}{index}{rng.choice(STEMS)}"
        rows.append(f"{level1}\t{level2}\t{name}\t反映{name}\t{rng.choice(VALUES)}")
    return rows


def table_text(rows: list[str], goals: str = "1.完成甲工作。") -> str:
    return "\n".join(
        [
            "## 1.甲项目绩效目标表",
            "项目名称\t甲项目",
            "预算规模及资金用途\t预算数\t100.00\t其中：财政资金\t100.00",
            "\t用于甲工作。",
            f"绩效目标\t{goals}",
            HEADER,
            *rows,
        ]
    )


@pytest.mark.parametrize("text", FURNITURE + FOOTERS)
def test_the_vocabulary_knows_furniture_and_footers(text: str) -> None:
    assert furniture_kind(text) is not None
    assert not_a_name(text) is not None


@pytest.mark.parametrize(
    "name", ["存在问题整改率", "服务对象满意度", "备案登记完成率", "注册用户数量", "首页访问量提升"]
)
def test_indicator_names_that_contain_such_words_stay_names(name: str) -> None:
    assert not_a_name(name) is None


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("garbage", FURNITURE + FOOTERS + NOT_NAMES)
def test_a_garbage_row_is_dropped_with_a_finding_naming_its_line(seed: int, garbage: str) -> None:
    rng = random.Random(seed)
    rows = generated_rows(seed, rng.randint(3, 9))
    at = rng.randint(0, len(rows))
    level1, level2 = LEVELS[seed % len(LEVELS)]
    shapes = [
        f"{level1}\t{level2}\t{garbage}\t\t{rng.choice(VALUES)}",  # in the name column
        f"\t\t{garbage}",  # a line of its own under the table
        f"{garbage}\t\t\t\t",
    ]
    rows.insert(at, shapes[seed % len(shapes)])
    (table,), findings = assemble_rows(table_text(rows))
    kept = [row for index, row in enumerate(rows) if index != at]
    assert [i.name for i in table.indicators] == [row.split("\t")[2] for row in kept]
    line = 7 + at
    doubts = [f for f in findings if f.location.line == line]
    assert doubts, f"line {line} dropped silently: {findings}"
    assert {f.code for f in doubts} <= {"PRS003", "PRS020"}
    assert table.confidence >= CONFIDENCE_FLOOR


@pytest.mark.parametrize("footer", FURNITURE + FOOTERS)
def test_furniture_in_the_goals_is_no_goal(footer: str) -> None:
    (table,), findings = assemble(
        table_text(generated_rows(1, 4), goals=f"1.完成甲工作。<br>{footer}")
    )
    assert table.goals == ["完成甲工作。"]
    assert [f.code for f in findings] == ["PRS020"]


def test_an_empty_name_is_dropped() -> None:
    rows = generated_rows(3, 4)
    rows.insert(2, "产出指标\t数量指标\t\t\t≥3个")
    (table,), findings = assemble(table_text(rows))
    assert len(table.indicators) == 4
    assert [(f.code, f.location.line) for f in findings] == [("PRS020", 9)]


@pytest.mark.parametrize("seed", range(4))
def test_a_missing_target_column_is_an_error_not_goals(seed: int) -> None:
    rows = [row.rsplit("\t", 1)[0] for row in generated_rows(seed, 3 + seed)]
    text = table_text(rows).replace(HEADER, HEADER.rsplit("\t", 1)[0])
    (table,), findings = assemble(text)
    assert table.goals == ["完成甲工作。"]  # the rows did not become goals
    assert table.indicators == []
    assert table.confidence == 0.0
    codes = [f.code for f in findings]
    assert codes == ["PRS021", "PRS022"]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].location.line == 6
    assert f"第7行至第{6 + len(rows)}行" in findings[1].message


def test_level1_is_inferred_from_level2_with_a_doubt() -> None:
    rows = ["\t数量指标\t甲数\t甲\t≥1个", "\t\t乙数\t乙\t≥2个", *generated_rows(2, 3)]
    (table,), findings = assemble_rows(table_text(rows))
    first, second = table.indicators[:2]
    assert (first.level1, first.level1_printed) == ("产出指标", "产出指标")
    assert second.level1 == "产出指标"
    # the second row carries the first's inferred 一级: a guess too, said for each row
    assert [(f.code, f.indicator) for f in findings] == [("PRS014", "甲数"), ("PRS014", "乙数")]


def test_a_row_with_no_level_in_a_table_with_level_columns_is_dropped() -> None:
    rows = ["\t经济成本指标\t乙数\t乙\t≤1万元", *generated_rows(5, 3)]
    (table,), findings = assemble_rows(table_text(rows))
    assert "乙数" not in [i.name for i in table.indicators]  # under 产出 or 成本: no one parent
    assert [f.code for f in findings] == ["PRS020"]


def test_an_empty_target_is_reported() -> None:
    rows = generated_rows(4, 3)
    rows.append("效益指标\t社会效益指标\t群众知晓率\t反映群众知晓率\t")
    (table,), findings = assemble(table_text(rows))
    assert table.indicators[-1].name == "群众知晓率"
    assert [(f.code, f.indicator) for f in findings] == [("PRS011", "群众知晓率")]


@pytest.mark.parametrize("count", [1, 3, 10, 40])
def test_confidence_is_one_without_doubts(count: int) -> None:
    (table,), findings = assemble(table_text(generated_rows(count, count)))
    assert findings == []
    assert table.confidence == 1.0


def test_confidence_formula() -> None:
    rows = [(f"甲{n}", SourceRef(line=n)) for n in range(1, 20)]

    def finding(line: int, severity: Severity, code: str = "PRS010") -> Finding:
        return Finding(
            code=code,
            severity=severity,
            rule="r",
            message="m",
            location=SourceRef(line=line),
        )

    assert table_confidence(rows, []) == 1.0
    # one warning in 19 rows: 1 - 1/20
    assert table_confidence(rows, [finding(3, Severity.WARNING)]) == 0.95
    # two doubts at one place weigh once; an info a quarter
    assert table_confidence(rows, [finding(3, Severity.WARNING)] * 2) == 0.95
    assert table_confidence(rows, [finding(3, Severity.INFO)]) == 0.99
    # a header doubt (year) weighs a quarter, at a place of its own
    assert table_confidence(rows, [finding(40, Severity.WARNING, "PRS006")]) == 0.99
    assert table_confidence(rows, [finding(3, Severity.ERROR)]) == 0.0
    # glued text: 19 rows on one line; a doubt about the line is one place of its own
    glued = [(name, SourceRef(line=1)) for name, _ in rows]
    assert table_confidence(glued, [finding(1, Severity.WARNING)]) == 0.95


@pytest.mark.parametrize("seed", range(4))
def test_mostly_garbage_is_withheld(seed: int) -> None:
    rows = generated_rows(seed, 2)
    rows += [f"\t\t{text}\t\t" for text in FURNITURE[seed : seed + 4]]
    rows += ["\t\t\t\t95%"] * 2
    (table,), findings = assemble(table_text(rows))
    assert table.confidence < CONFIDENCE_FLOOR
    assert table.indicators == []
    assert findings[-1].code == "PRS022"
    assert f"第7行至第{6 + len(rows)}行" in findings[-1].message or "第7行" in findings[-1].message


# --- page breaks: joining needs evidence in the text ------------------------------------------


def broken_table(before: str, after: str) -> str:
    """A table whose page ends with a row named ``before`` and whose next page (after a
    repeated header) starts with a row with no levels and no 指标值, named ``after``."""
    rows = generated_rows(7, 3)
    rows.append(f"产出指标\t质量指标\t{before}\t{before}\t100%")
    rows += [HEADER, f"\t\t{after}\t{after}\t", *generated_rows(8, 2)]
    return table_text(rows)


@pytest.mark.parametrize("seed", range(8))
def test_two_whole_names_across_a_page_break_stay_two_rows(seed: int) -> None:
    rng = random.Random(seed)
    before, after = (f"{rng.choice('甲乙丙丁')}{n}{rng.choice(STEMS)}" for n in (1, 2))
    (table,), findings = assemble_rows(broken_table(before, after))
    names = [i.name for i in table.indicators]
    assert names[3:5] == [before, after]
    assert table.indicators[4].target.raw == ""
    assert table.indicators[4].level2 == "质量指标"  # the merged cells continue
    assert [f.code for f in findings] == ["PRS002", "PRS011"]  # levels carried over the page
    assert findings[1].indicator == after


@pytest.mark.parametrize("seed", range(8))
def test_a_name_cut_by_a_page_break_is_joined(seed: int) -> None:
    rng = random.Random(seed)
    whole = f"{rng.choice('甲乙丙丁')}{rng.choice(STEMS)}"
    # cut where the part before the break does not end as a name ends
    cuts = [n for n in range(2, len(whole) - 1) if not whole[:n].endswith(("率", "数", "量", "次"))]
    cut = rng.choice(cuts)
    (table,), findings = assemble_rows(broken_table(whole[:cut], whole[cut:]))
    assert [i.name for i in table.indicators][3] == whole
    assert len(table.indicators) == 6
    assert [f.code for f in findings] == ["PRS001"]


@pytest.mark.parametrize("rest", ["及满意度", "和覆盖率", "（含直属单位）", "、奖章发放率"])
def test_a_rest_that_starts_with_a_joining_word_is_joined(rest: str) -> None:
    (table,), findings = assemble_rows(broken_table("培训人数", rest))
    assert table.indicators[3].name == "培训人数" + rest
    assert [f.code for f in findings] == ["PRS001"]


def test_a_rest_without_a_name_of_its_own_is_joined() -> None:
    rows = generated_rows(7, 3)
    rows.append("产出指标\t质量指标\t系统运行率\t反映系统\t100%")
    rows += [HEADER, "\t\t\t运行情况\t", *generated_rows(8, 2)]
    (table,), findings = assemble_rows(table_text(rows))
    assert table.indicators[3].description == "反映系统运行情况"
    assert len(table.indicators) == 6
    assert [f.code for f in findings] == ["PRS001"]


def test_a_cost_level_printed_as_the_third_level_is_a_name() -> None:
    rows = generated_rows(9, 3)
    rows += [
        "产出指标\t成本指标\t社会成本指标\t无\t100%",
        "产出指标\t数量指标\t社会成本指标\t\t1个",
    ]
    (table,), findings = assemble_rows(table_text(rows))
    assert [i.name for i in table.indicators][3:] == ["社会成本指标"]  # not under 数量指标
    assert [f.code for f in findings] == ["PRS020"]


@pytest.mark.parametrize("fragment", ["效", "指标1:技", "指标2：率"])
def test_a_one_character_fragment_without_a_value_is_dropped(fragment: str) -> None:
    rows = [*generated_rows(6, 4), f"产出指标\t成本指标\t{fragment}\t\t"]
    (table,), findings = assemble_rows(table_text(rows))
    assert len(table.indicators) == 4
    assert [(f.code, f.location.line) for f in findings] == [("PRS020", 11)]


def test_a_one_character_name_with_a_value_is_kept() -> None:
    rows = [*generated_rows(6, 4), "产出指标\t数量指标\t甲\t\t≥1个"]
    (table,), findings = assemble_rows(table_text(rows))
    assert table.indicators[-1].name == "甲"
    assert findings == []


def test_level_names_of_another_framework_are_a_light_doubt() -> None:
    rows = [f"决策\t项目立项\t立项程序规范性{n}\t反映\t规范" for n in range(3)] + [
        f"过程\t资金管理\t资金使用合规性{n}\t反映\t合规" for n in range(3)
    ]
    (table,), findings = assemble_rows(table_text(rows))
    assert len(table.indicators) == 6
    assert {f.code for f in findings} == {"PRS004"}
    assert table.confidence >= CONFIDENCE_FLOOR


def test_names_shifted_into_the_level_columns_are_withheld() -> None:
    # the 三级 names in the 二级 column, a 二级 in the 一级 column: shifted columns
    rows = [f"时效指标\t{stem}{n}\t反映{stem}\t100%\t" for n, stem in enumerate(STEMS)]
    (table,), findings = assemble_rows(table_text(rows))
    assert table.indicators == []
    assert findings[-1].code == "PRS022"


@pytest.mark.parametrize(
    ("before", "rest"), [("档案数", "字化节约成本情况"), ("建设成本", "控制率")]
)
def test_a_rest_with_nothing_beside_its_name_is_joined(before: str, rest: str) -> None:
    """tests/synthetic ``tabs``: both parts read as whole names, but the row after the break
    prints nothing beside its name (a whole row prints its description), or only a measure
    with no object: the rest of the row cut before it."""
    rows = generated_rows(7, 3)
    rows.append(f"产出指标\t质量指标\t{before}\t\t100%")
    rows += [HEADER, f"\t\t{rest}\t\t", *generated_rows(8, 2)]
    (table,), findings = assemble_rows(table_text(rows))
    assert [i.name for i in table.indicators][3] == before + rest
    assert len(table.indicators) == 6
    assert [f.code for f in findings] == ["PRS001"]


@pytest.mark.parametrize(
    ("name", "target", "dropped"),
    [
        ("12月底之前完成", "", True),  # a 时效 value shifted into the 三级 column
        ("2023年6月30日前", "2023年6月30日前", True),
        ("12月底之前完成", "100%", False),  # a name worded as the deadline its rate measures
        ("12月底前完成率", "", False),  # a rate's name that holds a deadline
        ("年底前完工项目数", "≥3个", False),
    ],
)
def test_a_deadline_in_the_name_column_beside_no_value_is_no_indicator(
    name: str, target: str, dropped: bool
) -> None:
    rows = [*generated_rows(6, 3), f"产出指标\t时效指标\t{name}\t反映完成时间\t{target}"]
    (table,), findings = assemble(table_text(rows))
    assert (name not in [i.name for i in table.indicators]) is dropped
    assert ("PRS020" in [f.code for f in findings]) is dropped
