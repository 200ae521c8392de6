"""Spreadsheet cell values as the text a reader sees in Excel.

Workbooks store numbers as numbers and dates as serial numbers with a date format; what the
user reads is the value shown through the cell's number format. jixiao reads that shown text,
so that every reader hands the assembler the same strings:

* ``0.98`` with ``0%`` → ``98%``; ``0.955`` with ``0.0%`` → ``95.5%``;
* ``3300000`` with ``#,##0.00`` → ``3,300,000.00``; with ``General`` → ``3300000``;
* ``16`` with ``"≥"0"个"`` → ``≥16个`` (quoted literals in the format are shown);
* a date → ``2024年12月31日`` (the form the 指标值 grammar reads), a time → ``18:00``.

Only the first (positive) section of a format is used; scientific and fraction formats fall
back to the plain number.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

_BRACKETS: Final = re.compile(r"\[[^\]]*\]")
_LITERAL: Final = re.compile(r'"([^"]*)"|\\(.)|_.|\*.')
_PLACEHOLDERS: Final = re.compile(r"[#0?][#0?,]*(?:\.[#0?]*)?|\.[#0?]+")


def format_cell_value(value: object, number_format: str | None) -> str:
    """The text a cell shows: its value through its number format."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        return format_number(value, number_format or "General")
    return str(value)


def format_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def format_datetime(value: dt.datetime) -> str:
    if value.date() <= dt.date(1900, 1, 1) and value.time() != dt.time(0):
        return f"{value.hour:02d}:{value.minute:02d}"  # a time of day stored as a datetime
    text = format_date(value.date())
    if value.time() != dt.time(0):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def plain_number(value: int | float | Decimal) -> str:
    """A number without float noise: 3300000.0 → '3300000', 0.30000000000000004 → '0.3'."""
    if isinstance(value, int):
        return str(value)
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else value
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def format_number(value: int | float, number_format: str) -> str:
    section = number_format.split(";")[0]
    if section in ("General", "@", "") or "E+" in section.upper() or "/" in section:
        return plain_number(value)
    section = _BRACKETS.sub("", section)
    match = _PLACEHOLDERS.search(_LITERAL.sub(lambda m: " " * len(m.group(0)), section))
    if match is None:
        return plain_number(value)
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    if "%" in section:
        number *= 100
    shown = format_placeholders(number, match.group(0))
    before = render_literals(section[: match.start()])
    after = render_literals(section[match.end() :])
    return f"{before}{shown}{after}"


def format_placeholders(number: Decimal, placeholders: str) -> str:
    integer, _, fraction = placeholders.partition(".")
    trailing_commas = len(integer) - len(integer.rstrip(","))  # '#,##0,' shows thousands
    if trailing_commas and not fraction:
        number /= Decimal(1000) ** trailing_commas
    decimals = len(fraction)
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    grouping = "," if "," in integer.rstrip(",") else ""
    return format(rounded, f"{grouping}.{decimals}f")


def render_literals(part: str) -> str:
    def literal(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)
        if match.group(2) is not None:
            return match.group(2)
        return ""  # _x (space the width of x) and *x (repeat x to fill) show nothing useful

    return _LITERAL.sub(literal, part).strip()
