"""Amounts, weights and scores out of range: a range doubt (PRS017) naming the line, never a crash.

The shapes are generated (which field, how many digits, exponent or plain, unit, project name),
so that the check holds for the shape and not for the one fuzz case that found it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.assemble import assemble_tables
from jixiao.assemble.build import RANGE_DOUBT
from jixiao.assemble.fields import (
    MAX_AMOUNT,
    amount_out_of_range,
    number_out_of_range,
    parse_amount,
    parse_number,
)
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable

HEADER = "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值"


def assemble(text: str) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "t.txt"), year=2024)


def budget_table(project: str, total: str, fiscal: str, other: str, unit: str) -> str:
    return "\n".join(
        [
            f"单位：{unit}",
            f"项目名称\t{project}",
            f"预算规模及资金用途\t预算数\t{total}\t其中：财政资金\t{fiscal}\t其他资金\t{other}",
            "\t用于 2024 年甲工作。",
            "绩效目标\t1.完成甲。",
            HEADER,
            "产出指标\t数量指标\t培训人数\t反映培训人数\t≥20人",
        ]
    )


@pytest.mark.parametrize(
    ("text", "unit", "yuan"),
    [
        ("1" + "0" * 27, "元", None),  # the fuzz case: 28 digits
        ("1e99999", "元", None),
        ("1E+99999", "万元", None),
        ("9" * 5000, "元", None),
        ("10000000000000", "元", 1e13),  # the bound itself is read
        ("10000000000000.01", "元", None),
        ("1000000000", "万元", 1e13),
        ("1000000000.01", "万元", None),
        ("1.5E+7", "元", 15000000.0),  # an exponent is read as one, never as its mantissa
        ("3300000.00", "元", 3300000.0),
    ],
)
def test_amount_bounds(text: str, unit: str, yuan: float | None) -> None:
    assert parse_amount(text, unit) == yuan
    assert amount_out_of_range(text, unit) is (yuan is None)


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0.0), ("100", 100.0), ("9.5分", 9.5), ("100.5", None), ("9" * 400, None), ("-1", None)],
)
def test_points_bounds(text: str, value: float | None) -> None:
    assert parse_number(text) == value
    assert number_out_of_range(text) is (value is None)


def test_not_a_number_is_not_out_of_range() -> None:
    assert not amount_out_of_range("无", "元")
    assert not amount_out_of_range(None, "元")
    assert not number_out_of_range("十分")


huge_amounts = st.one_of(
    st.integers(min_value=14, max_value=400).map(lambda n: "1" + "0" * n),
    st.integers(min_value=14, max_value=999_999).map(lambda n: f"1e{n}"),
    st.integers(min_value=28, max_value=60).map(lambda n: "9" * n + ".00"),
)
names = st.text(alphabet="甲乙丙丁经费项目培训建设", min_size=2, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    project=names,
    field=st.sampled_from(["total", "fiscal", "other"]),
    huge=huge_amounts,
    unit=st.sampled_from(["元", "万元"]),
)
def test_an_absurd_amount_is_a_doubt_and_left_out(
    project: str, field: str, huge: str, unit: str
) -> None:
    amounts = {"total": "300.00", "fiscal": "200.00", "other": "100.00", field: huge}
    (table,), findings = assemble(budget_table(project, unit=unit, **amounts))
    assert getattr(table.budget, field) is None
    assert getattr(table.budget, f"{field}_printed") == huge
    (doubt,) = [f for f in findings if f.code == RANGE_DOUBT]
    assert doubt.location.line == 3
    assert "第3行" in doubt.message
    assert doubt.project == project
    for other in {"total", "fiscal", "other"} - {field}:  # the sane amounts are still read
        assert getattr(table.budget, other) is not None
    assert [i.name for i in table.indicators] == ["培训人数"]


@settings(max_examples=30, deadline=None)
@given(
    weight=st.one_of(st.sampled_from(["101", "1000", "9" * 400]), st.just("10")),
    score=st.one_of(st.sampled_from(["100.01", "-3", "9" * 60]), st.just("9")),
)
def test_absurd_weights_and_scores_are_doubts(weight: str, score: str) -> None:
    text = "\n".join(
        [
            "## 甲项目绩效自评表",
            "项目名称\t甲项目",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
            f"产出指标\t数量指标\t甲数\t≥20人\t18人\t{weight}\t{score}",
        ]
    )
    (table,), findings = assemble(text)
    (indicator,) = table.indicators
    doubts = [f for f in findings if f.code == RANGE_DOUBT]
    weight_ok, score_ok = weight == "10", score == "9"
    assert indicator.weight == (10.0 if weight_ok else None)
    assert indicator.score == (9.0 if score_ok else None)
    assert len(doubts) == (not weight_ok) + (not score_ok)
    assert all(d.indicator == "甲数" and d.location.line == 4 for d in doubts)


def test_the_fuzz_case_reads_with_a_doubt(absurd_budget: str) -> None:
    data = absurd_budget.encode()
    tables, findings = assemble_tables(read_grid(data, "crash_decimal_budget.txt"))
    assert len(tables) == 4
    assert tables[0].budget.total is None
    assert tables[0].budget.fiscal == 3300000.0
    assert all(t.budget.total is not None for t in tables[1:])
    (doubt,) = [f for f in findings if f.code == RANGE_DOUBT]
    assert "预算数" in doubt.message
    assert doubt.location.line is not None


def test_the_bound_keeps_fen_exact() -> None:
    largest = MAX_AMOUNT - Decimal("0.01")
    assert Decimal(repr(float(largest))) == largest
