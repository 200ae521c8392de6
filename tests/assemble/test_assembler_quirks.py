"""One test per quirk the assembler handles, on small documents written for the purpose."""

from __future__ import annotations

import pytest

from jixiao.assemble import assemble_tables
from jixiao.assemble.fields import find_year, parse_amount, split_goals
from jixiao.ingest import read_grid
from jixiao.model import Finding, TableKind, TargetTable

HEADER = "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值"


def assemble(text: str, year: int | None = None) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "t.txt"), year=year)


def table_text(*rows: str, head: str = "", project: str = "甲项目") -> str:
    return "\n".join(
        [
            head,
            f"项目名称\t{project}",
            "预算规模及资金用途\t预算数\t100.00\t其中：财政资金\t100.00",
            "\t用于 2024 年甲工作。",
            "绩效目标\t1.完成甲。",
            HEADER,
            *rows,
        ]
    )


def test_merged_level_cells_are_filled_from_the_row_above() -> None:
    (table,), findings = assemble(
        table_text(
            "产出指标\t数量指标\t甲数\t甲\t≥1个", "\t\t乙数\t乙\t≥2个", "\t质量指标\t丙率\t丙\t100%"
        )
    )
    assert [(i.level1, i.level2) for i in table.indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
    ]
    assert findings == []


def test_repeated_header_without_markup_starts_a_continuation_page() -> None:
    (table,), findings = assemble(
        table_text("产出指标\t数量指标\t甲数\t甲\t≥1个", "", HEADER, "\t质量指标\t丙率\t丙\t100%")
    )
    assert len(table.indicators) == 2
    assert table.indicators[1].level1 == "产出指标"
    assert [f.code for f in findings] == ["PRS002"]


def test_a_row_cut_by_a_page_break_is_joined_back() -> None:
    (table,), findings = assemble(
        table_text("产出指标\t时效指标\t系统运\t系统\t100%", HEADER, "\t\t行率\t运行率\t")
    )
    (indicator,) = table.indicators
    assert indicator.name == "系统运行率"
    assert indicator.description == "系统运行率"
    assert (indicator.source.line, indicator.source.line_end) == (7, 9)
    assert [f.code for f in findings] == ["PRS001"]
    assert "系统运行率" in findings[0].message


def test_a_row_without_levels_but_with_a_target_is_not_joined() -> None:
    (table,), findings = assemble(
        table_text("产出指标\t数量指标\t甲数\t甲\t≥1个", HEADER, "\t\t乙数\t乙\t≥2个")
    )
    assert [i.name for i in table.indicators] == ["甲数", "乙数"]
    assert [f.code for f in findings] == ["PRS002"]


def test_unreadable_line_inside_a_table_is_reported_not_lost() -> None:
    (table,), findings = assemble(table_text("产出指标\t数量指标\t甲数\t甲\t≥1个", "详见附表三"))
    assert len(table.indicators) == 1
    assert [(f.code, f.location.line) for f in findings] == [("PRS003", 8)]


def test_a_page_number_between_rows_is_a_page_break_not_a_row() -> None:
    for furniture in ("第 3 页 共 8 页", "- 12 -", "3/8"):
        (table,), findings = assemble(
            table_text(
                "产出指标\t数量指标\t甲数\t甲\t≥1个", furniture, "\t质量指标\t乙率\t乙\t100%"
            )
        )
        assert [i.name for i in table.indicators] == ["甲数", "乙率"]
        assert table.indicators[1].level1 == "产出指标"
        # the 一级 carried across the page is said, as after a repeated header
        assert [f.code for f in findings] == ["PRS002"]


def test_the_title_of_another_table_ends_the_indicator_rows() -> None:
    rows = ("产出指标\t数量指标\t甲数\t甲\t≥1个", "“三公”经费支出预算表",
            "合计\t因公出国（境）费\t公务接待费", "12.30\t0.00\t1.20")  # fmt: skip
    (table,), _ = assemble(table_text(*rows))
    assert [i.name for i in table.indicators] == ["甲数"]


def test_amounts_in_wan_yuan_are_converted() -> None:
    text = table_text("产出指标\t数量指标\t甲数\t甲\t≥1个", head="单位：万元").replace(
        "100.00", "1.23"
    )
    (table,), _ = assemble(text)
    assert table.budget.total == 12300.0
    assert table.budget.total_printed == "1.23"
    assert table.budget.unit_printed == "万元"


def test_year_inferred_from_other_tables_is_reported() -> None:
    first = table_text("产出指标\t数量指标\t甲数\t甲\t≥1个", head="## 1.甲绩效目标表")
    second = table_text(
        "产出指标\t数量指标\t乙数\t乙\t≥1个", head="## 2.乙绩效目标表", project="乙"
    ).replace("用于 2024 年甲工作。", "用于乙工作。")
    tables, findings = assemble(first + "\n" + second)
    assert [t.year for t in tables] == [2024, 2024]
    assert [(f.code, f.project) for f in findings] == [("PRS005", "乙")]


def test_year_option_overrides_the_document() -> None:
    (table,), findings = assemble(table_text("产出指标\t数量指标\t甲数\t甲\t≥1个"), year=2025)
    assert table.year == 2025
    assert findings == []


def test_unknown_level_names_are_kept_and_reported() -> None:
    (table,), findings = assemble(table_text("产出指标\t规模指标\t甲数\t甲\t≥1个"))
    indicator = table.indicators[0]
    assert (indicator.level2, indicator.level2_printed) == (None, "规模指标")
    assert [f.code for f in findings] == ["PRS004"]


def test_level_aliases_are_normalised_and_printed_names_kept() -> None:
    (table,), _ = assemble(
        table_text(
            "效益指标\t环境效益指标\t甲\t甲\t有效改善",
            "满意度指标\t社会公众或服务对象满意度指标\t乙\t乙\t≥90%",
        )
    )
    assert [(i.level2, i.level2_printed) for i in table.indicators] == [
        ("生态效益指标", "环境效益指标"),
        ("服务对象满意度指标", "社会公众或服务对象满意度指标"),
    ]


def test_self_evaluation_columns() -> None:
    text = "\n".join(
        [
            "## 甲项目绩效自评表",
            "项目名称\t甲项目",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
            "产出指标\t数量指标\t甲数\t≥20人\t18人\t10\t9",
        ]
    )
    (table,), _ = assemble(text, year=2023)
    assert table.kind is TableKind.SELF_EVALUATION
    (indicator,) = table.indicators
    assert indicator.actual is not None
    assert indicator.actual.value == 18.0
    assert (indicator.weight, indicator.score) == (10.0, 9.0)


def test_text_without_a_table_gives_no_tables() -> None:
    assert assemble("这是一份通知。\n\n没有表格。") == ([], [])


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        ("1.甲。 2.乙。", ["甲。", "乙。"]),
        ("1、甲；2、乙", ["甲；", "乙"]),
        ("（1）甲。（2）乙。", ["甲。", "乙。"]),
        ("目标1:甲 目标2:乙", ["甲", "乙"]),
        ("甲\n乙", ["甲", "乙"]),
        ("完成 1.5 万人次培训。", ["完成 1.5 万人次培训。"]),
    ],
)
def test_goals_split(text: str, goals: list[str]) -> None:
    assert split_goals(text) == goals


@pytest.mark.parametrize(
    ("text", "unit", "yuan"),
    [
        ("3300000.00", "元", 3300000.0),
        ("3,309,840.00", None, 3309840.0),
        ("7.29", "万元", 72900.0),
        ("854万", None, 8540000.0),
        ("250万元", "元", 2500000.0),
        ("", "元", None),
        ("无", "元", None),
    ],
)
def test_amounts(text: str, unit: str | None, yuan: float | None) -> None:
    assert parse_amount(text, unit) == yuan


def test_year_prefers_the_most_frequent() -> None:
    assert find_year("用于 2024 年", "2023年结转，2024年支付") == 2024
    assert find_year("无年份") is None


def test_a_readers_unread_row_is_never_a_department_line() -> None:
    """1109元/次≤1109元/次, a row a reader left unread with a doubt, reads like '<code>
    <department>': the table goes on, and the doubts of the rows below it reach the user."""
    from jixiao.ingest.grid import Cell, Grid, ReadingDoubt, Row, RowKind
    from jixiao.model import SourceRef

    row = "产出指标\t数量指标\t培训人次\t反映培训人次\t≥95人次"
    grid = read_grid(table_text(row).encode(), "t.txt")
    doubt = ReadingDoubt("PRS010", "的文字未读取为指标")
    for number, text in enumerate(["1109元/次≤1109元/次", "参训人员满意度≥85%"], start=20):
        source = SourceRef(file="t.txt", line=number)
        grid.rows.append(Row(RowKind.LINE, (Cell(text, 0),), source, doubts=(doubt,)))
    (table,), findings = assemble_tables(Grid(file="t.txt", format="text", rows=grid.rows))
    assert table.department is None
    assert [f.location.line for f in findings if f.code == "PRS010"] == [20, 21]
