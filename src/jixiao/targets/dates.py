"""Deadlines and periods: ``2024年12月底前完成``, ``12月31日前``, ``2023.07-2024.01``.

A deadline is always "by then" (op ≤) and resolves to the last day of what is printed: the
day, the month (月底, 月末, 月份 or a bare month), the half year, the quarter or the year.
Phrases without a year (``12月31日前``, ``年底前完成``, ``上半年``) take the budget year passed
to :func:`jixiao.targets.parse_target`; without one the target is a deadline with no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from jixiao.model.target import Comparator, Target, TargetKind
from jixiao.model.vocabulary import (
    DEADLINE_ADVERBS,
    DEADLINE_PREFIXES,
    DEADLINE_SUFFIXES,
    DEADLINE_VERBS,
    FIRST_YEAR,
    HALF_YEAR_MONTHS,
    LAST_YEAR,
    QUARTER_NUMBERS,
    YEAR_END_WORDS,
    alternation,
)

YEAR = r"(?P<year>(?:19|20|21)[0-9]{2})"
MONTH = r"(?P<month>[0-9]{1,2})"
TWO_DIGIT_MONTH = r"(?P<month>0[1-9]|1[0-2])"
DAY = r"(?P<day>[0-9]{1,2})"
HALF = rf"(?P<half>{alternation(HALF_YEAR_MONTHS)})"
QUARTER = rf"第?(?P<quarter>{alternation(QUARTER_NUMBERS)})季度(?:末|底)?"

# The ways a deadline names its day. Each form is matched on its own, in this order.
DEADLINE_FORMS = (
    rf"{YEAR}年{MONTH}月{DAY}[日号]",
    rf"{YEAR}[./-]{MONTH}[./-]{DAY}日?",
    rf"{YEAR}年{MONTH}月(?:份|底|末)?",
    rf"{YEAR}[./]{TWO_DIGIT_MONTH}",
    rf"{YEAR}年?{HALF}",
    rf"{YEAR}年?{QUARTER}",
    rf"{YEAR}年(?:年底|年末|度末|度内|全年|底|末|度|内|终)?",
    rf"{MONTH}月{DAY}[日号]",
    rf"{MONTH}月(?:份|底|末)",
    rf"{MONTH}月(?=前|之前|以前)",
    HALF,
    rf"(?:本年度?|当年|年度)?{QUARTER}",
    alternation(YEAR_END_WORDS),
)
DEADLINE_WORDS = rf"(?:{alternation(DEADLINE_ADVERBS)})?(?:{alternation(DEADLINE_VERBS)})"
DEADLINE_RES = tuple(
    re.compile(
        rf"(?:{alternation(DEADLINE_PREFIXES)})?(?:{form})(?:{alternation(DEADLINE_SUFFIXES)})?"
        rf"(?:{DEADLINE_WORDS}[\u3400-\u9fff]{{0,10}})?"
    )
    for form in DEADLINE_FORMS
)

# The ends of a period: 2023.07, 2023年7月1日, 2024-01-31, 2025年; the end may omit its year.
PERIOD_START_RES = tuple(
    re.compile(form)
    for form in (
        rf"{YEAR}年{MONTH}月(?:{DAY}[日号])?",
        rf"{YEAR}[./]{MONTH}(?:[./]{DAY})?",
        rf"{YEAR}-{MONTH}-{DAY}",
        rf"{YEAR}年?",
    )
)
PERIOD_END_RES = (
    *PERIOD_START_RES[:3],
    re.compile(rf"{YEAR}年"),
    re.compile(rf"{MONTH}月(?:{DAY}[日号])?"),
)
# "--" is a doubled dash (—— after normalisation): 2020年1月--2020年11月.
PERIOD_SEPARATORS = ("至", "到", "~", "--", "-")


def budget_year(year: int | None) -> int | None:
    """The budget year if it is one the grammar can print back, else None."""
    return year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else None


def make_date(year: int, month: int, day: int | None) -> dt.date | None:
    """The date, or the last day of the month when ``day`` is None; None when invalid."""
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        day = last
    return dt.date(year, month, day) if 1 <= day <= last else None


def resolve_end(groups: dict[str, str | None], year: int | None) -> dt.date | None:
    """The last day a deadline match names, in ``year`` unless it prints its own."""
    printed_year = groups.get("year")
    if printed_year is not None:
        year = int(printed_year)
    if year is None:
        return None
    if (month := groups.get("month")) is not None:
        day = groups.get("day")
        return make_date(year, int(month), None if day is None else int(day))
    if (half := groups.get("half")) is not None:
        return make_date(year, HALF_YEAR_MONTHS[half], None)
    if (quarter := groups.get("quarter")) is not None:
        return make_date(year, QUARTER_NUMBERS[quarter] * 3, None)
    return dt.date(year, 12, 31)


def read_deadline(raw: str, text: str, year: int | None) -> Target | None:
    """``2024年12月底前完成``, ``2024.12.31``, ``2024年第三季度``, ``12月31日前``."""
    for pattern in DEADLINE_RES:
        if match := pattern.fullmatch(text):
            groups = match.groupdict()
            date = resolve_end(groups, budget_year(year))
            if date is None and groups.get("year") is not None:
                return None  # an impossible printed date, such as 2024年2月30日
            return Target(raw=raw, kind=TargetKind.DEADLINE, op=Comparator.LE, date=date)
    return None


def read_period(raw: str, text: str) -> Target | None:
    """``2023.07-2024.01`` (from the first to the last day), ``2024年1月至12月``."""
    for separator in PERIOD_SEPARATORS:
        start = text.find(separator)
        while start > 0:
            if target := read_period_at(raw, text[:start], text[start + len(separator) :]):
                return target
            start = text.find(separator, start + 1)
    return None


def read_period_at(raw: str, left: str, right: str) -> Target | None:
    """The period from ``left`` to ``right``, if both are dates and in order."""
    first = next(filter(None, (pattern.fullmatch(left) for pattern in PERIOD_START_RES)), None)
    last = next(filter(None, (pattern.fullmatch(right) for pattern in PERIOD_END_RES)), None)
    if first is None or last is None:
        return None
    start = resolve_start(first.groupdict())
    end = resolve_end(last.groupdict(), int(first["year"]))
    if start is None or end is None or start > end:
        return None
    return Target(raw=raw, kind=TargetKind.PERIOD, date_from=start, date=end)


def resolve_start(groups: dict[str, str | None]) -> dt.date | None:
    """The first day a period's start point names."""
    year = int(groups["year"] or 0)
    month = groups.get("month")
    day = groups.get("day")
    if month is None:
        return dt.date(year, 1, 1)
    return make_date(year, int(month), 1 if day is None else int(day))


def format_deadline(date: dt.date) -> str:
    """``2024年12月31日前``."""
    return f"{format_day(date)}前"


def format_period(date_from: dt.date, date: dt.date) -> str:
    """``2023年7月1日-2024年1月31日``."""
    return f"{format_day(date_from)}-{format_day(date)}"


def format_day(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"
