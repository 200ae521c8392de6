"""What changed between two versions of a table (pure: no database)."""

from __future__ import annotations

from jixiao.model import Budget, Document, Indicator, TargetTable
from jixiao.store import Change, compare_tables
from jixiao.targets import parse_target


def indicator(name: str, target: str, level2: str = "数量指标") -> Indicator:
    return Indicator(
        level1="产出指标",
        level1_printed="产出指标",
        level2=level2,
        level2_printed=level2,
        name=name,
        target=parse_target(target),
    )


def table(*indicators: Indicator, **header: object) -> TargetTable:
    return TargetTable.model_validate({"project": "甲", "indicators": list(indicators), **header})


def test_the_same_table_has_no_changes(example: Document) -> None:
    for stored in example.tables:
        assert compare_tables(stored, stored.model_copy(deep=True)) == []


def test_header_budget_and_goals() -> None:
    old = table(budget=Budget(total=100.0), goals=["甲"], purpose="用途")
    new = table(budget=Budget(total=120.5), goals=["甲", "乙"], purpose="用途")
    assert compare_tables(old, new) == [
        Change("budget.total", "100", "120.5"),
        Change("goals", "1. 甲", "1. 甲\n2. 乙"),
    ]
    assert compare_tables(old, new)[0].label == "预算数"


def test_indicators_added_removed_changed_and_moved() -> None:
    old = table(indicator("甲", "≥1 个"), indicator("乙", "100%"), indicator("丙", "效果显著"))
    new = table(
        indicator("乙", "100%", level2="质量指标"),
        indicator("甲", "≥2 个"),
        indicator("丁", "≥95%"),
    )
    assert compare_tables(old, new) == [
        Change("indicator", None, "≥95%", "丁"),
        Change("target", "≥1 个", "≥2 个", "甲"),
        Change("level", "产出指标/数量指标", "产出指标/质量指标", "乙"),
        Change("indicator", "效果显著", None, "丙"),
        Change("indicator.order", "甲、乙", "乙、甲"),
    ]


def test_repeated_names_are_told_apart() -> None:
    old = table(indicator("甲", "1 个"), indicator("甲", "2 个"))
    new = table(indicator("甲", "1 个"), indicator("甲", "3 个"))
    assert compare_tables(old, new) == [Change("target", "2 个", "3 个", "甲#2")]


def test_same_text_read_differently_shows_the_readings() -> None:
    old = table(indicator("完成时间", "12月31日前"))
    new = table(indicator("完成时间", "12月31日前"))
    new.indicators[0].target = parse_target("12月31日前", year=2025)
    (change,) = compare_tables(old, new)
    assert change.field == "target"
    assert change.old is not None
    assert change.new is not None
    assert "2025-12-31" in change.new
