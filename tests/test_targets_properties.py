"""Properties of the 指标值 grammar: total, finite, and printing back to the same target."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model.target import Comparator, Target, TargetKind
from jixiao.targets import format_target, parse_target

EXAMPLES = settings(max_examples=300, deadline=None)
WIDE = decimal.Context(prec=100)

OPERATORS: dict[str, Comparator | None] = {
    "≥": Comparator.GE,
    "≤": Comparator.LE,
    "=": Comparator.EQ,
    ">": Comparator.GT,
}
OPERATORS |= {"<": Comparator.LT, "不低于": Comparator.GE, "不超过": Comparator.LE, "": None}
UNITS = {"个": 0, "人": 0, "人次": 0, "%": 0, "元": 0, "元/人/年": 0, "份": 0, "套": 0}
UNITS |= {"万元": 4, "亿元": 8, "千元": 3, "万": 4, "万元/人": 4, "": 0, "km": 0}
TIME_UNITS = ("年", "个月", "天", "小时", "个工作日")
# Pieces of real values, so that random joins often come close to something readable.
TOKENS = (
    *"0123456789", "0.5", "1,000", "2024", "12", "31", ".", ",", "，", "、", ":", "：", "-", "~",
    "至", "±", "≥", "≤", "=", "<", ">", "＞＝", "﹦", "%", "万", "元", "万元", "个", "人", "/",
    "年", "月", "日", "底", "前", "上半年", "季度", "第三", "以上", "以内", "内", "控制在", "每人",
    "每天", "费用", "住宿费", "餐费", "较", "上年", "增长", "持平", "下降", "同比", "效果显著",
    "提高", "达标", "无", "—", "完成", "直属单位", " ", "\u3000", "\u200b", "参照", "按照",
    "不超过", "元/人", "百分比", "一", "十", "半", "个月", "M", "m", "e",
)  # fmt: skip
structured_text = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)
any_text = st.text() | structured_text
years = st.none() | st.integers(min_value=-(10**6), max_value=10**6)
numbers = st.decimals(min_value=0, max_value=10**15, places=4) | st.decimals(0, 10**20, places=0)


def printed(number: Decimal) -> str:
    return format(number, "f")


def scaled(number: Decimal, exponent: int) -> float:
    return float(WIDE.scaleb(number, exponent))


def assert_prints_back(target: Target) -> None:
    again = parse_target(format_target(target))
    assert again.same_as(target), f"{target!r} printed {format_target(target)!r} -> {again!r}"


def floats_of(target: Target) -> list[float]:
    found = [target.value, target.low, target.high, target.factor]
    for component in target.components:
        found += [component.value, component.factor]
    return [number for number in found if number is not None]


@EXAMPLES
@given(any_text, years)
def test_parse_is_total_and_finite(text: str, year: int | None) -> None:
    target = parse_target(text, year=year)
    assert target.raw == text.strip()
    assert all(math.isfinite(number) for number in floats_of(target))


@EXAMPLES
@given(any_text)
def test_every_text_prints_back(text: str) -> None:
    assert_prints_back(parse_target(text))


@EXAMPLES
@given(any_text, st.integers(min_value=1900, max_value=2199))
def test_every_text_prints_back_with_a_budget_year(text: str, year: int) -> None:
    target = parse_target(text, year=year)
    again = parse_target(format_target(target))
    assert again.same_as(target)


@EXAMPLES
@given(any_text)
def test_canonical_text_is_a_fixed_point(text: str) -> None:
    canonical = format_target(parse_target(text))
    assert format_target(parse_target(canonical)) == canonical


@EXAMPLES
@given(st.sampled_from(sorted(OPERATORS)), numbers, st.sampled_from(sorted(UNITS)), st.booleans())
def test_quantities(operator: str, number: Decimal, unit: str, spaced: bool) -> None:
    space = " " if spaced else ""
    target = parse_target(f"{operator}{space}{printed(number)}{space}{unit}")
    assert target.kind is TargetKind.NUMERIC
    assert target.op is (OPERATORS[operator] or Comparator.EQ)
    assert target.op_implied is (OPERATORS[operator] is None)
    assert target.value == scaled(number, UNITS[unit])
    assert (target.unit_printed or target.unit or "") == unit
    assert_prints_back(target)


@EXAMPLES
@given(st.integers(min_value=1000, max_value=10**15), st.sampled_from(["元", "人", ""]))
def test_thousands_separators(number: int, unit: str) -> None:
    target = parse_target(f"≥{number:,}{unit}")
    assert target.value == float(number)
    assert_prints_back(target)


@EXAMPLES
@given(st.sampled_from(["", "≥", "≤"]), st.integers(1, 100), st.sampled_from(TIME_UNITS))
def test_durations(operator: str, number: int, unit: str) -> None:
    target = parse_target(f"{operator}{number}{unit}")
    assert target.kind is TargetKind.DURATION
    assert (target.value, target.unit) == (number, unit)
    assert_prints_back(target)


@EXAMPLES
@given(
    numbers,
    numbers,
    st.sampled_from(["-", "~", "至", "—", "～"]),
    st.sampled_from(["%", "个", "万元"]),
    st.booleans(),
)
def test_ranges(low: Decimal, high: Decimal, separator: str, unit: str, both: bool) -> None:
    first_unit = unit if both else ""
    text = f"{printed(low)}{first_unit}{separator}{printed(high)}{unit}"
    target = parse_target(text)
    exponent = 4 if unit == "万元" else 0
    assert target.kind is TargetKind.RANGE
    assert (target.low, target.high) == (scaled(low, exponent), scaled(high, exponent))
    assert_prints_back(target)


@EXAMPLES
@given(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)), st.sampled_from(["", "前", "前完成"]))
def test_deadlines(date: dt.date, suffix: str) -> None:
    for text in (
        f"{date.year}年{date.month}月{date.day}日{suffix}",
        f"{date.year}.{date.month:02}.{date.day:02}{suffix}",
    ):
        target = parse_target(text)
        assert (target.kind, target.op, target.date) == (TargetKind.DEADLINE, Comparator.LE, date)
        assert_prints_back(target)


@EXAMPLES
@given(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))
def test_year_less_deadlines(date: dt.date) -> None:
    target = parse_target(f"{date.month}月{date.day}日前", year=date.year)
    assert target.date == date
    assert_prints_back(target)
    assert parse_target(f"{date.month}月{date.day}日前").date is None


@EXAMPLES
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
    st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
)
def test_periods(first: dt.date, second: dt.date) -> None:
    start, end = sorted((first, second))
    target = parse_target(f"{start.year}.{start.month:02}-{end.year}.{end.month:02}")
    assert target.kind is TargetKind.PERIOD
    assert target.date_from == start.replace(day=1)
    assert target.date is not None
    assert (target.date.year, target.date.month) == (end.year, end.month)
    assert (target.date + dt.timedelta(days=1)).day == 1
    assert_prints_back(target)


names = st.text(alphabet="住宿餐交通讲课考官评审证书奖章牌监督员", min_size=1, max_size=6)


@EXAMPLES
@given(
    st.sampled_from(["", "每人每天费用：", "每月", "参照2023年", "标准:"]),
    st.lists(
        st.tuples(names, numbers, st.sampled_from(["元", "万元", "元/本"])), min_size=2, max_size=5
    ),
    st.sampled_from(["，", ",", "、", "；"]),
    st.sampled_from(["", "的标准", "执行"]),
)
def test_compounds(
    basis: str, items: list[tuple[str, Decimal, str]], separator: str, tail: str
) -> None:
    text = basis + separator.join(f"{n} {printed(v)} {u}" for n, v, u in items) + tail
    target = parse_target(text)
    assert target.kind is TargetKind.COMPOUND
    assert [(c.name, c.value) for c in target.components] == [
        (name, scaled(value, 4 if unit == "万元" else 0)) for name, value, unit in items
    ]
    assert_prints_back(target)


@EXAMPLES
@given(
    st.sampled_from(["较上年", "比上年度", "较2023年", "同比"]),
    st.sampled_from(["增长", "提高", "下降", "减少", "持平"]),
    st.sampled_from(["", "≥", "≤"]),
    numbers,
    st.sampled_from(["%", "个百分点", "万元"]),
)
def test_trends(lead: str, direction: str, operator: str, number: Decimal, unit: str) -> None:
    target = parse_target(f"{lead}{direction}{operator}{printed(number)}{unit}")
    assert target.kind is TargetKind.TREND
    assert target.value == scaled(number, 4 if unit == "万元" else 0)
    assert not target.vague
    assert_prints_back(target)
