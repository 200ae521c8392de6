"""Value forms real 自评表 print that the grammar now reads (issue 15): periods with a doubled
dash, a bare scale with a per-unit (≤620万/月), per-units joined with * or ·, and the basis
printed first (每亩300元)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.model.target import Comparator, TargetKind
from jixiao.targets import format_target, parse_target


@pytest.mark.parametrize("dash", ["--", "——", "—", "-", "~", "至"])
def test_period_with_any_dash(dash: str) -> None:
    target = parse_target(f"2020年1月{dash}2020年11月", year=2020)
    assert target.kind is TargetKind.PERIOD
    assert target.date_from == dt.date(2020, 1, 1)
    assert target.date == dt.date(2020, 11, 30)


@given(
    first=st.integers(min_value=2000, max_value=2100),
    months=st.tuples(st.integers(1, 12), st.integers(1, 12)).map(sorted),
    dash=st.sampled_from(["--", "——", "-", "~"]),
)
def test_any_ordered_period_with_a_doubled_dash(first: int, months: list[int], dash: str) -> None:
    start, end = months
    target = parse_target(f"{first}年{start}月{dash}{first}年{end}月")
    assert target.kind is TargetKind.PERIOD
    assert target.date_from == dt.date(first, start, 1)
    assert target.date is not None
    assert (target.date.year, target.date.month) == (first, end)


def test_bare_scale_with_a_per_unit() -> None:
    target = parse_target("≤620万/月")
    assert target.kind is TargetKind.NUMERIC
    assert target.op is Comparator.LE
    assert target.value == pytest.approx(6_200_000)
    assert target.unit == "/月"
    assert target.factor == pytest.approx(10_000)
    assert format_target(target) == "≤620万/月"


@given(
    value=st.integers(min_value=1, max_value=99_999),
    joiner=st.sampled_from(["*", "·", "/"]),
    per=st.sampled_from(["人", "户", "床"]),
    period=st.sampled_from(["月", "年", "天"]),
)
def test_per_units_joined_with_a_star_or_a_dot_read_alike(
    value: int, joiner: str, per: str, period: str
) -> None:
    target = parse_target(f"≥{value}元/{per}{joiner}{period}")
    assert target.kind is TargetKind.NUMERIC
    assert target.value == pytest.approx(value)
    assert target.unit == f"元/{per}/{period}"
    assert parse_target(format_target(target)) == target


@given(
    value=st.integers(min_value=1, max_value=99_999),
    per=st.sampled_from(["亩", "人", "户", "月", "年", "人次"]),
    op=st.sampled_from(["", "≥", "≤"]),
    unit=st.sampled_from(["元", "万元", "公斤", "个"]),
)
def test_the_basis_printed_before_the_quantity(value: int, per: str, op: str, unit: str) -> None:
    target = parse_target(f"每{per}{op}{value}{unit}")
    assert target.kind is TargetKind.NUMERIC
    assert target.same_as(parse_target(f"{op}{value}{unit}/{per}"))


@pytest.mark.parametrize("text", ["每亩300", "每人300元/年", "每亩补助300元"])
def test_a_basis_before_a_quantity_that_does_not_say_its_unit_is_not_read(text: str) -> None:
    # 每亩300: 300 元 or 300 斤 per 亩? 每人300元/年: 元/人/年 or 元/年/人?
    assert parse_target(text).kind is TargetKind.TEXT
