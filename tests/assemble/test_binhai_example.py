"""The example document (examples/binhai-zuzhibu-2024.txt): four tables, 71 indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.model import Document, TableKind, TargetKind
from jixiao.services import read_document


@pytest.fixture(scope="module")
def document() -> Document:
    return read_document(Path(__file__).parents[2] / "examples" / "binhai-zuzhibu-2024.txt")


def test_four_tables_with_71_indicators(document: Document) -> None:
    assert [len(t.indicators) for t in document.tables] == [6, 10, 49, 6]
    assert sum(len(t.indicators) for t in document.tables) == 71


def test_header_blocks(document: Document) -> None:
    projects = [t.project for t in document.tables]
    assert projects == [
        "滨海新区社区党组织工作活动专项经费",
        "组织部招录及比选公务员专项经费",
        "组织工作专项经费",
        "选调生到村任职工作补助区配套资金",
    ]
    for table in document.tables:
        assert table.kind is TableKind.PROJECT_TARGET
        assert table.department_code == "503101"
        assert table.department == "中国共产党天津市滨海新区委员会组织部"
        assert table.year == 2024
        assert table.budget.unit_printed == "元"
        assert table.budget.other is None
    assert [(t.budget.total, t.budget.fiscal) for t in document.tables] == [
        (3300000.0, 3300000.0),
        (480000.0, 480000.0),
        (2150000.0, 2150000.0),
        (300000.0, 300000.0),
    ]
    assert document.tables[0].title == "滨海新区社区党组织工作活动专项经费绩效目标表"
    assert document.tables[0].purpose == "用于支付 2024 年滨海新区社区党组织工作和活动经费。"
    assert document.tables[3].purpose == "用于选调生到村任职工作补助经费"


def test_goals_are_split_and_unnumbered(document: Document) -> None:
    assert [len(t.goals) for t in document.tables] == [1, 2, 8, 2]
    second = document.tables[1].goals
    assert second[1] == "完成比选交流工作任务，进一步推动干部队伍人岗相适。"
    assert document.tables[2].goals[5] == "完成干部纸质档案材料数字化任务。"
    assert all(not goal[0].isdigit() for t in document.tables for goal in t.goals)


def test_rows_cut_by_page_breaks_are_joined(document: Document) -> None:
    names = [i.name for i in document.tables[2].indicators]
    assert "干部信息管理信息系统和干部档案管理信息系统运行率" in names
    assert "公务员、集体奖励、即时奖励工作效果" in names
    assert "干部信息管" not in names
    assert "效果" not in names
    joined = next(i for i in document.tables[2].indicators if i.name.startswith("干部信息管"))
    assert joined.description == "干部信息管理信息系统和干部档案管理信息系统运行率"
    assert joined.target.raw == "100%"
    assert (joined.source.line, joined.source.line_end) == (74, 77)
    codes = [(f.code, f.location.line) for f in document.findings if f.code == "PRS001"]
    assert codes == [("PRS001", 74), ("PRS001", 101)]


def test_continuation_pages_carry_the_level1_over(document: Document) -> None:
    third = document.tables[2].indicators
    by_line = {i.source.line: i for i in third}
    assert by_line[61].level1 == "产出指标"
    assert by_line[61].level2 == "数量指标"
    assert by_line[105].level1 == "效益指标"
    assert by_line[105].level2 == "可持续影响指标"
    assert by_line[106].level1 == "满意度指标"
    crossed = [f.location.line for f in document.findings if f.code == "PRS002"]
    assert crossed == [61, 78, 91, 105]


def test_levels_are_canonical(document: Document) -> None:
    level1 = {i.level1 for t in document.tables for i in t.indicators}
    level2 = {i.level2 for t in document.tables for i in t.indicators}
    assert level1 == {"产出指标", "效益指标", "满意度指标"}
    assert level2 == {
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "社会效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    }


def test_only_the_guesses_are_reported(document: Document) -> None:
    codes = sorted({f.code for f in document.findings})
    assert codes == ["PRS001", "PRS002", "PRS005"]


def test_tables_without_a_stated_year_take_the_document_year(document: Document) -> None:
    inferred = [f.project for f in document.findings if f.code == "PRS005"]
    assert inferred == ["组织工作专项经费", "选调生到村任职工作补助区配套资金"]


def test_every_target_is_parsed(document: Document) -> None:
    kinds = [i.target.kind for t in document.tables for i in t.indicators]
    assert TargetKind.TEXT not in kinds
    assert TargetKind.EMPTY not in kinds
    first = document.tables[0].indicators[0].target
    assert (first.op, first.value, first.unit) == ("≥", 16.0, "个")
    last = document.tables[3].indicators[3].target
    assert (last.op, last.value, last.unit, last.factor) == ("≤", 15000.0, "元", 10000.0)


def test_sources_name_the_file_and_lines(document: Document) -> None:
    table = document.tables[0]
    assert table.source.file is not None
    assert table.source.file.endswith("binhai-zuzhibu-2024.txt")
    assert (table.source.line, table.source.line_end) == (3, 19)
    assert [i.source.line for i in table.indicators] == [14, 15, 16, 17, 18, 19]
