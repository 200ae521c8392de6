"""The 指标值 grammar: every value of the example document, and the forms of real tables.

Each case is (printed text, expected fields). Only the fields named are asserted, exactly;
``kind`` is always named. The property tests live in ``test_targets_properties.py``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from jixiao.model.target import Comparator, Target, TargetComponent, TargetKind, TrendDirection
from jixiao.model.vocabulary import PLACEHOLDER_SYMBOLS, PLACEHOLDER_WORDS
from jixiao.targets import format_target, is_placeholder, parse_target

GE, LE, EQ, GT, LT = Comparator.GE, Comparator.LE, Comparator.EQ, Comparator.GT, Comparator.LT
NUMERIC, RANGE, DEADLINE = TargetKind.NUMERIC, TargetKind.RANGE, TargetKind.DEADLINE
PERIOD, DURATION, QUALITATIVE = TargetKind.PERIOD, TargetKind.DURATION, TargetKind.QUALITATIVE
TREND, COMPOUND, TEXT, EMPTY = (
    TargetKind.TREND,
    TargetKind.COMPOUND,
    TargetKind.TEXT,
    TargetKind.EMPTY,
)

Case = tuple[str, dict[str, Any]]


def num(op: Comparator, value: float, unit: str | None, **more: Any) -> dict[str, Any]:
    """Expected fields of a numeric target; op_implied is asserted too."""
    return {"kind": NUMERIC, "op": op, "value": value, "unit": unit, "op_implied": False} | more


def implied(value: float, unit: str | None, **more: Any) -> dict[str, Any]:
    """Expected fields of a numeric target printed without an operator."""
    return num(EQ, value, unit, op_implied=True) | more


def qual(*, vague: bool, grade: str | None = None) -> dict[str, Any]:
    return {"kind": QUALITATIVE, "vague": vague, "grade": grade}


def item(name: str | None, value: float, unit: str, **more: Any) -> TargetComponent:
    return TargetComponent(name=name, value=value, unit=unit, **more)


def check(text: str, expected: dict[str, Any], year: int | None = None) -> Target:
    target = parse_target(text, year=year)
    actual = {field: getattr(target, field) for field in expected}
    assert actual == expected, f"{text!r} -> {target!r}"
    return target


EXAMPLE_DOCUMENT: list[Case] = [
    ("≥16 个", num(GE, 16, "个", qualifier=None, unit_printed=None, factor=None)),
    ("100%", implied(100, "%")),
    ("98%", implied(98, "%")),
    ("≤50 元/人/年", num(LE, 50, "元/人/年")),
    ("≥95%", num(GE, 95, "%")),
    ("≥15 人", num(GE, 15, "人")),
    ("≥10 人", num(GE, 10, "人")),
    ("≥150 人", num(GE, 150, "人")),
    ("≥50000 份", num(GE, 50000, "份")),
    ("≥400 人", num(GE, 400, "人")),
    ("≥181 套", num(GE, 181, "套")),
    ("≥1800 人", num(GE, 1800, "人")),
    ("≥2000 人次", num(GE, 2000, "人次")),
    ("≥1000人", num(GE, 1000, "人")),
    ("≥95个直属单位", num(GE, 95, "个", qualifier="直属单位")),
    ("≤5%", num(LE, 5, "%")),
    ("≤300元", num(LE, 300, "元")),
    ("≤300000元", num(LE, 300000, "元")),
    ("45元/人", implied(45, "元/人")),
    ("130 元", implied(130, "元")),
    ("≤100 元", num(LE, 100, "元")),
    ("≥20人", num(GE, 20, "人")),
    ("≥98%", num(GE, 98, "%")),
    ("≥100%", num(GE, 100, "%")),
    ("95%", implied(95, "%")),
    ("≤1.5万元", num(LE, 15000.0, "元", unit_printed="万元", factor=10000.0)),
    ("效果显著", qual(vague=True, grade="显著")),
    ("有效提高", qual(vague=True)),
    ("进一步提升农村和社区以及国企党组织书记工作能力", qual(vague=True)),
    ("进一步提高了领导干部政治理论素质", qual(vague=True)),
    ("“两新”组织人士积极拥护党的路线、方针、政策", qual(vague=False)),
    ("为档案查阅、档案管理提供数据技术支持", qual(vague=False)),
    ("提高公务员和集体奖励、公务员年度考核工作规范性", qual(vague=True)),
    (
        "县处级以上领导班子带头落实好重点措施，主题教育开展走深走实、见行见效",
        qual(vague=False),
    ),
    ("2024年12月底前完成", {"kind": DEADLINE, "op": LE, "date": dt.date(2024, 12, 31)}),
    ("2024年11月底前完成", {"kind": DEADLINE, "op": LE, "date": dt.date(2024, 11, 30)}),
    ("2024年1月底", {"kind": DEADLINE, "op": LE, "date": dt.date(2024, 1, 31)}),
    ("1年", {"kind": DURATION, "op": EQ, "op_implied": True, "value": 1, "unit": "年"}),
    (
        "与上年度持平，无增长",
        {
            "kind": TREND,
            "baseline": "上年度",
            "direction": TrendDirection.FLAT,
            "vague": True,
            "value": None,
        },
    ),
    (
        "每人每天费用：主考官评审费 1200 元，考官评审费 1000 元，考务工作监督员 500 元",
        {
            "kind": COMPOUND,
            "basis": "每人每天",
            "components": (
                item("主考官评审费", 1200, "元"),
                item("考官评审费", 1000, "元"),
                item("考务工作监督员", 500, "元"),
            ),
        },
    ),
    (
        "每人每天费用：住宿费 80 元，餐费 90 元",
        {
            "kind": COMPOUND,
            "basis": "每人每天",
            "components": (item("住宿费", 80, "元"), item("餐费", 90, "元")),
        },
    ),
    (
        "参照2023年证书17元/本，奖章75元/枚，奖牌350元/个执行的费用标准",
        {
            "kind": COMPOUND,
            "basis": "参照2023年",
            "components": (
                item("证书", 17, "元/本"),
                item("奖章", 75, "元/枚"),
                item("奖牌", 350, "元/个"),
            ),
        },
    ),
    (
        "按照党委、党总支、党支部不同层级，每月给予党组织书记 500 元、300 元、200 元的岗位津贴",
        {
            "kind": COMPOUND,
            "basis": "每月",
            "components": (
                item("党委", 500, "元"),
                item("党总支", 300, "元"),
                item("党支部", 200, "元"),
            ),
        },
    ),
    ("", {"kind": EMPTY}),
]

OPERATORS: list[Case] = [
    (f"{word}95%", num(op, 95, "%"))
    for op, words in {
        GE: ["≥", "＞＝", ">=", "=>", "≧", "⩾", "大于等于", "不低于", "不少于", "不小于", "至少"],
        LE: ["≤", "<=", "＜＝", "≦", "⩽", "小于等于", "不高于", "不超过", "不大于", "不多于"],
        EQ: ["=", "＝", "﹦", "等于"],
        GT: [">", "＞", "大于", "高于", "超过"],
        LT: ["<", "＜", "小于", "低于", "少于"],
    }.items()
    for word in words
] + [
    ("95%以上", num(GE, 95, "%")),
    ("95%及以上", num(GE, 95, "%")),
    ("3%以内", num(LE, 3, "%")),
    ("3%以下", num(LE, 3, "%")),
    ("3%之内", num(LE, 3, "%")),
    ("≥95%以上", num(GE, 95, "%")),
    ("控制在100万元以内", num(LE, 1_000_000, "元", unit_printed="万元", factor=10000.0)),
    ("控制在5%", num(LE, 5, "%")),
    ("﹦72890元", num(EQ, 72890, "元")),
    ("=8", num(EQ, 8, None)),
    ("=24人/次", num(EQ, 24, "人/次")),
    ("=0万元/人", num(EQ, 0, "元/人", unit_printed="万元/人", factor=10000.0)),
    ("=44,561", num(EQ, 44561, None)),
    ("44,561,000元", implied(44_561_000, "元")),
    ("≥ 95 %", num(GE, 95, "%")),
    ("≥１６个", num(GE, 16, "个")),
    ("≥16个。", num(GE, 16, "个")),
    ("≥-5%", num(GE, -5, "%")),
    ("≥90%（含）", num(GE, 90, "%")),
    ("90%(含)以上", num(GE, 90, "%")),
]

UNITS: list[Case] = [
    ("250万", implied(2_500_000, None, unit_printed="万", factor=10000.0)),
    ("1.23万元", implied(12300.0, "元", unit_printed="万元", factor=10000.0)),
    ("2亿元", implied(200_000_000, "元", unit_printed="亿元", factor=100_000_000.0)),
    ("5千元", implied(5000, "元", unit_printed="千元", factor=1000.0)),
    ("3千米", implied(3, "千米", unit_printed=None, factor=None)),
    ("5万人次", implied(50000, "人次", unit_printed="万人次", factor=10000.0)),
    ("≥80M", num(GE, 80, "M")),
    ("≥80Mbps", num(GE, 80, "Mbps")),
    ("3500公斤", implied(3500, "公斤")),
    ("1600元/亩", implied(1600, "元/亩")),
    ("≥100公里", num(GE, 100, "公里")),
    ("≥20座", num(GE, 20, "座")),
    ("10辆", implied(10, "辆")),
    ("0起", implied(0, "起")),
    ("0%", implied(0, "%")),
    ("0", implied(0, None)),
    ("1", implied(1, None)),
    ("3", implied(3, None)),
    ("290%", implied(290, "%")),
    ("16.0个", implied(16, "个")),
    ("≥100百分比", num(GE, 100, "%", unit_printed="百分比", factor=None)),
    ("≥5个百分点", num(GE, 5, "个百分点")),
    ("≤2‰", num(LE, 2, "‰")),
    ("≥3班次", num(GE, 3, "班次")),
    ("≥10平方米", num(GE, 10, "平方米")),
    ("≥2kg", num(GE, 2, "kg")),
    ("≥5KM", num(GE, 5, "KM")),
    ("≤80元/人/天", num(LE, 80, "元/人/天")),
    ("≥3家", num(GE, 3, "家")),
    ("≥2倍", num(GE, 2, "倍")),
    ("≥90分", num(GE, 90, "分")),
]

DURATIONS: list[Case] = [
    ("3个月", {"kind": DURATION, "op": EQ, "op_implied": True, "value": 3, "unit": "个月"}),
    ("≥20年", {"kind": DURATION, "op": GE, "value": 20, "unit": "年"}),
    ("≥1年", {"kind": DURATION, "op": GE, "value": 1, "unit": "年"}),
    ("5个工作日内", {"kind": DURATION, "op": LE, "value": 5, "unit": "个工作日"}),
    ("≤2小时", {"kind": DURATION, "op": LE, "value": 2, "unit": "小时"}),
    ("30分钟", {"kind": DURATION, "op": EQ, "value": 30, "unit": "分钟"}),
    ("7天", {"kind": DURATION, "value": 7, "unit": "天"}),
    ("2周", {"kind": DURATION, "value": 2, "unit": "周"}),
    ("12月", {"kind": DURATION, "value": 12, "unit": "月"}),
    ("一年", {"kind": DURATION, "op": EQ, "op_implied": True, "value": 1, "unit": "年"}),
    ("三个月", {"kind": DURATION, "value": 3, "unit": "个月"}),
    ("十二个月", {"kind": DURATION, "value": 12, "unit": "个月"}),
    ("半年内", {"kind": DURATION, "op": LE, "value": 0.5, "unit": "年"}),
    ("≥5元/年", {"kind": NUMERIC, "unit": "元/年"}),  # a rate, not a duration
    ("2万年", {"kind": NUMERIC, "value": 20000, "unit": "年"}),  # scaled: not a time span
]

RANGES: list[Case] = [
    (text, {"kind": RANGE, "op": None, "low": low, "high": high, "unit": unit})
    for text, low, high, unit in [
        ("80%-90%", 80, 90, "%"),
        ("80-90%", 80, 90, "%"),
        ("3~5个", 3, 5, "个"),
        ("3～5个", 3, 5, "个"),
        ("3至5个", 3, 5, "个"),
        ("3—5个", 3, 5, "个"),
        ("3到5个", 3, 5, "个"),
        ("80%~90%之间", 80, 90, "%"),
        ("±3%以内", -3, 3, "%"),
        ("±3%", -3, 3, "%"),
        ("-3~3%", -3, 3, "%"),
        ("3-5", 3, 5, None),
        ("1-2万元", 10000, 20000, "元"),
    ]
]

DATES: list[tuple[str, int | None, dict[str, Any]]] = [
    (text, year, {"kind": DEADLINE, "op": LE, "date": date})
    for text, year, date in [
        ("12月31日前", 2024, dt.date(2024, 12, 31)),
        ("12月31日前", None, None),
        ("12月底前完成", 2023, dt.date(2023, 12, 31)),
        ("6月前完成", 2024, dt.date(2024, 6, 30)),
        ("2021年12月31日", None, dt.date(2021, 12, 31)),
        ("2024年6月30日前", None, dt.date(2024, 6, 30)),
        ("2024年底前", None, dt.date(2024, 12, 31)),
        ("2024年年底前完成", None, dt.date(2024, 12, 31)),
        ("年底前完成", 2024, dt.date(2024, 12, 31)),
        ("年底前完成", None, None),
        ("年内完成", 2025, dt.date(2025, 12, 31)),
        ("2024年上半年", None, dt.date(2024, 6, 30)),
        ("2024年下半年", None, dt.date(2024, 12, 31)),
        ("2024年第三季度", None, dt.date(2024, 9, 30)),
        ("2024年第1季度末", None, dt.date(2024, 3, 31)),
        ("第二季度", 2024, dt.date(2024, 6, 30)),
        ("上半年完成", 2024, dt.date(2024, 6, 30)),
        ("2024.12.31", None, dt.date(2024, 12, 31)),
        ("2024-12-31", None, dt.date(2024, 12, 31)),
        ("2024/6/1", None, dt.date(2024, 6, 1)),
        ("2024.06", None, dt.date(2024, 6, 30)),
        ("2024年2月", None, dt.date(2024, 2, 29)),
        ("2024年", None, dt.date(2024, 12, 31)),
        ("2024年度", None, dt.date(2024, 12, 31)),
        ("于2024年10月31日前全部完成", None, dt.date(2024, 10, 31)),
        ("2024年12月31日前完成全部建设任务", None, dt.date(2024, 12, 31)),
        ("截至2024年9月30日", None, dt.date(2024, 9, 30)),
        ("2月29日前", 2023, None),  # no such day in the budget year
        ("12月31日前", 99999, None),  # a budget year that cannot be printed back is ignored
    ]
] + [
    (
        text,
        None,
        {"kind": PERIOD, "op": None, "date_from": date_from, "date": date},
    )
    for text, date_from, date in [
        ("2023.07-2024.01", dt.date(2023, 7, 1), dt.date(2024, 1, 31)),
        ("2023年7月-2024年1月", dt.date(2023, 7, 1), dt.date(2024, 1, 31)),
        ("2024年1月至12月", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024年1月1日至2024年6月30日", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("2024-01-01至2024-06-30", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("2024-2025年", dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
    ]
]

TRENDS: list[Case] = [
    (
        "较上年增长≥5%",
        {
            "kind": TREND,
            "baseline": "上年",
            "direction": TrendDirection.INCREASE,
            "op": GE,
            "op_implied": False,
            "value": 5,
            "unit": "%",
            "vague": False,
        },
    ),
    (
        "比上年下降10%",
        {
            "kind": TREND,
            "baseline": "上年",
            "direction": TrendDirection.DECREASE,
            "op": EQ,
            "op_implied": True,
            "value": 10,
            "unit": "%",
            "vague": False,
        },
    ),
    (
        "较上年度提高5个百分点",
        {"kind": TREND, "direction": TrendDirection.INCREASE, "value": 5, "unit": "个百分点"},
    ),
    (
        "同比增长10%",
        {"kind": TREND, "baseline": "上年同期", "direction": TrendDirection.INCREASE},
    ),
    ("较2023年减少2万元", {"kind": TREND, "baseline": "2023年", "value": 20000, "unit": "元"}),
    (
        "较上年有所提高",
        {"kind": TREND, "direction": TrendDirection.INCREASE, "vague": True, "value": None},
    ),
    ("与上年持平", {"kind": TREND, "baseline": "上年", "direction": TrendDirection.FLAT}),
    ("与上年同期相比持平", {"kind": TREND, "baseline": "上年同期"}),
]

COMPOUNDS: list[Case] = [
    (
        "住宿费不超过80元，餐费不超过90元",
        {
            "kind": COMPOUND,
            "basis": None,
            "components": (
                item("住宿费", 80, "元", op=LE),
                item("餐费", 90, "元", op=LE),
            ),
        },
    ),
    (
        "每人每天住宿费80元、餐费90元",
        {
            "kind": COMPOUND,
            "basis": "每人每天",
            "components": (item("住宿费", 80, "元"), item("餐费", 90, "元")),
        },
    ),
    (
        "标准：讲课费0.1万元/学时，交通费1,200元",
        {
            "kind": COMPOUND,
            "basis": None,
            "components": (
                item("讲课费", 1000, "元/学时", unit_printed="万元/学时", factor=10000.0),
                item("交通费", 1200, "元"),
            ),
        },
    ),
    ("80%，90%", {"kind": COMPOUND, "components": (item(None, 80, "%"), item(None, 90, "%"))}),
    # One value with words around it is not a compound, and a label is not read as numeric.
    ("主考官评审费 1200 元", {"kind": TEXT}),
    ("覆盖率≥95%", {"kind": TEXT}),
    ("住宿费80元，餐费90", {"kind": TEXT}),
]

GRADE_TEXTS = (
    "达标", "合格", "优良", "优秀", "良好", "好", "较好", "一般", "高", "及时",
    "按期完成", "按时完成", "已完成", "完成", "达到", "达成", "部分达到", "未达到",
    "是", "否", "有", "优", "良", "中", "低",
)  # fmt: skip

STATEMENTS: list[Case] = [
    *[(text, qual(vague=False, grade=text)) for text in GRADE_TEXTS],
    ("效果明显", qual(vague=True, grade="明显")),
    ("达标。", qual(vague=False, grade="达标")),
    ("显著提升", qual(vague=True)),
    ("明显改善", qual(vague=True)),
    ("逐步提高", qual(vague=True)),
    ("不断加强", qual(vague=True)),
    ("保障工作正常运转", qual(vague=False)),
    ("持平", qual(vague=True)),
    *[
        (text, {"kind": TEXT})
        for text in ["无", "不涉及", "—", "——", "-", "*", "**", "/", "_", "N/A", "暂无"]
    ],
    ("完成2个项目的验收工作", {"kind": TEXT}),
    ("95%以上的项目按期完成并通过验收", {"kind": TEXT}),
    ("good", {"kind": TEXT}),
    ("🎉", {"kind": TEXT}),
    ("1e999", {"kind": TEXT}),
    ("1" + "0" * 400, {"kind": TEXT}),
    ("1" + "0" * 400 + "万元", {"kind": TEXT}),
    ("2024年2月30日", {"kind": TEXT}),
    ("1.2.3", {"kind": TEXT}),
    ("   ", {"kind": EMPTY}),
    ("\u200b\t\x00", {"kind": EMPTY}),
]


def case_id(value: object) -> str | None:
    """Name a case by its printed text; the expected fields get pytest's default id."""
    return value[:30] if isinstance(value, str) else None


@pytest.mark.parametrize(("text", "expected"), EXAMPLE_DOCUMENT, ids=case_id)
def test_example_document(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), OPERATORS, ids=case_id)
def test_operators(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), UNITS, ids=case_id)
def test_units(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), DURATIONS, ids=case_id)
def test_durations(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), RANGES, ids=case_id)
def test_ranges(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "year", "expected"), DATES, ids=case_id)
def test_dates(text: str, year: int | None, expected: dict[str, Any]) -> None:
    check(text, expected, year=year)


@pytest.mark.parametrize(("text", "expected"), TRENDS, ids=case_id)
def test_trends(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), COMPOUNDS, ids=case_id)
def test_compounds(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), STATEMENTS, ids=case_id)
def test_statements(text: str, expected: dict[str, Any]) -> None:
    check(text, expected)


ALL_CASES = (
    [(text, None) for text, _ in EXAMPLE_DOCUMENT + OPERATORS + UNITS + DURATIONS + RANGES]
    + [(text, year) for text, year, _ in DATES]
    + [(text, None) for text, _ in TRENDS + COMPOUNDS + STATEMENTS]
)


@pytest.mark.parametrize(("text", "year"), ALL_CASES, ids=case_id)
def test_every_case_prints_back(text: str, year: int | None) -> None:
    target = parse_target(text, year=year)
    assert parse_target(format_target(target)).same_as(target)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("≥16 个", "≥16个"),
        ("≤1.5万元", "≤1.5万元"),
        ("100%", "100%"),
        ("﹦72890元", "=72890元"),
        ("=44,561", "=44561"),
        ("16.0个", "16个"),
        ("0.50%", "0.5%"),
        ("95%以上", "≥95%"),
        ("不超过300元", "≤300元"),
        ("控制在100万元以内", "≤100万元"),
        ("≥95个直属单位", "≥95个直属单位"),
        ("≥100百分比", "≥100百分比"),
        ("80%-90%", "80~90%"),
        ("±3%以内", "-3~3%"),
        ("2024年12月底前完成", "2024年12月31日前"),
        ("2023.07-2024.01", "2023年7月1日-2024年1月31日"),
        ("比上年下降10%", "较上年下降10%"),
        ("与上年度持平，无增长", "与上年度持平"),
        ("每人每天费用：住宿费 80 元，餐费 90 元", "每人每天:住宿费80元,餐费90元"),
        ("效果显著", "效果显著"),
        (" 无 ", "无"),
        ("", ""),
        ("一年", "1年"),
        ("10000000000000000元", "10000000000000000元"),
    ],
)
def test_canonical_text(text: str, canonical: str) -> None:
    assert format_target(parse_target(text)) == canonical


def test_year_completes_a_deadline_printed_without_one() -> None:
    target = parse_target("12月31日前", year=2024)
    assert format_target(target) == "2024年12月31日前"
    assert parse_target(format_target(target)).same_as(target)


def test_raw_is_the_printed_text_stripped() -> None:
    assert parse_target("  ≥ 16 个\n").raw == "≥ 16 个"


def test_scaled_values_are_exact() -> None:
    assert parse_target("1.23万元").value == 12300.0
    assert parse_target("0.07万元").value == 700.0
    assert parse_target("1.1亿元").value == 110_000_000.0


def test_format_target_falls_back_to_raw_for_targets_it_cannot_print() -> None:
    inf = Target(raw="≥∞", kind=NUMERIC, op=GE, value=float("inf"))
    assert format_target(inf) == "≥∞"
    assert format_target(Target(raw="x", kind=DEADLINE, op=LE)) == "x"


SYMBOL_RUNS = ["".join(p) for n in (1, 2) for p in itertools.product(PLACEHOLDER_SYMBOLS, repeat=n)]


@pytest.mark.parametrize("text", [*PLACEHOLDER_WORDS, *SYMBOL_RUNS, " 无 ", "……"])
def test_placeholder_parses_as_text_or_empty(text: str) -> None:
    """Review rule ST07 relies on this to look for placeholder values in those rows only."""
    assert is_placeholder(text)
    assert parse_target(text).kind in (TargetKind.TEXT, TargetKind.EMPTY)


@pytest.mark.parametrize("text", ["**人", "≥**%", "≥**元/人·月", "XX万元", "≤××个工作日"])
def test_a_template_number_left_unfilled_is_text_not_a_statement(text: str) -> None:
    # a reference 申报表 (参考模板) prints its example indicators with their numbers as stars:
    # **人 is no qualitative statement, ≥**% no percentage
    assert parse_target(text).kind is TargetKind.TEXT


@pytest.mark.parametrize("text", ["2O次", "1O个", "1OO%", "≥9O%", "l00%", "≤l38元/次", "1〇0%"])
def test_a_digit_misread_as_a_letter_is_no_number(text: str) -> None:
    """OCR prints O, l, I or 〇 for a digit: 2O次 is 20次 misread, never the number 2."""
    target = parse_target(text)
    assert target.kind is TargetKind.TEXT
    assert target.value is None


@pytest.mark.parametrize(
    ("text", "value"), [("１００％", 100.0), ("≥９９％", 99.0), ("ISO9001", None)]
)
def test_full_width_digits_read_as_digits(text: str, value: float | None) -> None:
    assert parse_target(text).value == value
