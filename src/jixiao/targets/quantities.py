"""Numbers, units and single quantities: ``≥16个``, ``≤1.5万元``, ``80%-90%``, ``3个月``.

Numbers are read with :class:`decimal.Decimal` and scaled (万, 亿, 千元) in decimal arithmetic
before the one conversion to float, so ``1.23万元`` is exactly ``12300.0``. A number whose float
would not be finite (``10`` followed by 400 zeros) is not a quantity at all.
"""

from __future__ import annotations

import decimal
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model.target import Comparator, Target, TargetKind
from jixiao.model.vocabulary import (
    CEILING_WORDS,
    COUNT_UNITS,
    LATIN_UNITS,
    MEASURE_UNITS,
    MISREAD_DIGITS,
    MONEY_UNITS,
    PER_ONLY_UNITS,
    PER_WORDS,
    PREFIX_OPERATORS,
    SCALE_EXPONENTS,
    SUFFIX_OPERATORS,
    TIME_UNITS,
    UNIT_ALIASES,
    alternation,
)

# Scaling rounds only past 60 significant digits (a float keeps 17); no traps, so nothing raises.
DECIMAL_CONTEXT = decimal.Context(prec=60, traps=[])

# a number is not followed by a letter OCR prints for a digit (2O次 is no 2)
NUMBER = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    rf"(?![{MISREAD_DIGITS}])"
)
SIGNED_NUMBER = rf"-?(?:{NUMBER})"
CJK_UNITS = COUNT_UNITS + MONEY_UNITS + MEASURE_UNITS + TIME_UNITS
BASE_UNIT = rf"{alternation(CJK_UNITS)}|(?:{alternation(LATIN_UNITS)})(?![A-Za-z])"
PER_UNIT = rf"{alternation(CJK_UNITS + PER_ONLY_UNITS)}|(?:{alternation(LATIN_UNITS)})(?![A-Za-z])"
SCALE = r"[万亿]|千(?=元)"
# A per-unit may join two units with * or ·: 元/人*月 and 元/人·月 read as 元/人/月.
PER_UNITS = rf"(?:/(?:{PER_UNIT})(?:[*·](?:{PER_UNIT}))*)*"
# A bare scale may carry a per-unit too: ≤620万/月.
UNIT = rf"(?:(?:{SCALE})?(?:{BASE_UNIT}){PER_UNITS}|(?:{SCALE}){PER_UNITS})"
PREFIX_OPERATOR = alternation(PREFIX_OPERATORS)
SUFFIX_OPERATOR = alternation(SUFFIX_OPERATORS)
# Words after the unit that say what is counted: ≥95个直属单位.
QUALIFIER = r"[\u3400-\u9fffA-Za-z]{1,8}"
# "(含)" after the number says the bound itself counts, which ≥ and ≤ already say.
INCLUSIVE = r"\(含(?:本数)?\)"
# One quantity with the group names read_quantity expects. Used inside larger patterns too.
QUANTITY = (
    rf"(?P<ceiling>{alternation(CEILING_WORDS)})?(?P<op>{PREFIX_OPERATOR})?"
    rf"(?P<number>{SIGNED_NUMBER})(?P<unit>{UNIT})?(?:{INCLUSIVE})?(?P<suffix>{SUFFIX_OPERATOR})?"
)

UNIT_PARTS_RE = re.compile(rf"(?P<scale>{SCALE})?(?P<base>{BASE_UNIT})?(?P<per>.*)", re.DOTALL)
NUMERIC_RE = re.compile(rf"{QUANTITY}(?P<qualifier>{QUALIFIER})?")
RANGE_RE = re.compile(
    rf"(?:{alternation(CEILING_WORDS)})?(?P<low>{SIGNED_NUMBER})(?P<low_unit>{UNIT})?(?:-|~|至|到)"
    rf"(?P<high>{SIGNED_NUMBER})(?P<high_unit>{UNIT})?(?:之间)?(?P<qualifier>{QUALIFIER})?"
)
PLUS_MINUS_RE = re.compile(
    rf"(?:{alternation(CEILING_WORDS)})?±(?P<number>{NUMBER})(?P<unit>{UNIT})?"
    rf"(?:以内|之内|内)?(?P<qualifier>{QUALIFIER})?"
)
CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
CHINESE_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMBER = r"半|[一二两三四五六七八九]?十[一二三四五六七八九]?|[零一二两三四五六七八九]"
CHINESE_DURATION_RE = re.compile(
    rf"(?P<ceiling>{alternation(CEILING_WORDS)})?(?P<op>{PREFIX_OPERATOR})?"
    rf"(?P<number>{CHINESE_NUMBER})(?P<unit>{alternation(TIME_UNITS)})"
    rf"(?P<suffix>{SUFFIX_OPERATOR})?"
)


@dataclass(frozen=True)
class Unit:
    """A printed unit split into what is stored (``unit``) and how it was printed."""

    unit: str | None
    unit_printed: str | None
    exponent: int  # the value printed is multiplied by 10**exponent

    @property
    def factor(self) -> float | None:
        return float(10**self.exponent) if self.exponent else None


@dataclass(frozen=True)
class Quantity:
    """An operator, a value and a unit: the measurable part of a target."""

    op: Comparator
    op_implied: bool
    value: float
    unit: Unit


NO_UNIT = Unit(unit=None, unit_printed=None, exponent=0)


def read_unit(printed: str | None) -> Unit:
    """Split a printed unit: ``万元/人`` is 元/人 printed as 万元/人 with exponent 4."""
    if not printed:
        return NO_UNIT
    match = UNIT_PARTS_RE.fullmatch(printed)
    assert match is not None  # the pattern accepts any string
    base = match["base"] or ""
    per = re.sub(r"[*·]", "/", match["per"])
    unit = UNIT_ALIASES.get(base, base) + per or None
    exponent = SCALE_EXPONENTS[match["scale"]] if match["scale"] else 0
    return Unit(unit=unit, unit_printed=None if printed == unit else printed, exponent=exponent)


def read_number(printed: str, exponent: int = 0) -> float | None:
    """The float of a printed number times 10**exponent, or None when it is not finite."""
    number = Decimal(printed.replace(",", ""))
    value = float(DECIMAL_CONTEXT.scaleb(number, exponent))
    return value if math.isfinite(value) else None


def read_operator(match: re.Match[str]) -> tuple[Comparator, bool] | None:
    """The operator a quantity match prints, and whether it was implied; None on a conflict."""
    found = set()
    if match["ceiling"]:
        found.add(Comparator.LE)
    if match["op"]:
        found.add(PREFIX_OPERATORS[match["op"]])
    if match["suffix"]:
        found.add(SUFFIX_OPERATORS[match["suffix"]])
    if len(found) > 1:
        return None
    return (found.pop(), False) if found else (Comparator.EQ, True)


def read_quantity(match: re.Match[str]) -> Quantity | None:
    """The quantity of a match of :data:`QUANTITY`, or None when it cannot be one."""
    operator = read_operator(match)
    unit = read_unit(match["unit"])
    value = read_number(match["number"], unit.exponent)
    if operator is None or value is None:
        return None
    return Quantity(op=operator[0], op_implied=operator[1], value=value, unit=unit)


def kind_of(unit: Unit) -> TargetKind:
    """Duration when the unit is a plain time unit, numeric otherwise."""
    is_time = unit.unit in TIME_UNITS and not unit.exponent
    return TargetKind.DURATION if is_time else TargetKind.NUMERIC


def read_numeric(raw: str, text: str) -> Target | None:
    """``≥16个``, ``100%``, ``控制在100万元以内``, ``≥95个直属单位``, ``3个月``."""
    match = NUMERIC_RE.fullmatch(text)
    quantity = read_quantity(match) if match else None
    if match is None or quantity is None:
        return None
    return Target(
        raw=raw,
        kind=kind_of(quantity.unit),
        op=quantity.op,
        op_implied=quantity.op_implied,
        value=quantity.value,
        unit=quantity.unit.unit,
        unit_printed=quantity.unit.unit_printed,
        factor=quantity.unit.factor,
        qualifier=match["qualifier"],
    )


PER_BASIS_RE = re.compile(rf"每(?P<per>{alternation(PER_WORDS)})(?P<quantity>.+)")


def read_per_basis(raw: str, text: str) -> Target | None:
    """``每亩300元``, ``每人≥500元``: the basis printed before a quantity with its unit, read
    as ``300元/亩``. A quantity without a unit (``每亩300``: 元? 斤?) is not read: what is
    counted per 亩 is not printed; nor one with a per-unit of its own (``每人300元/年``)."""
    match = PER_BASIS_RE.fullmatch(text)
    if match is None:
        return None
    quantity = read_numeric(raw, match["quantity"])
    if quantity is None or quantity.unit is None or "/" in quantity.unit or quantity.qualifier:
        return None  # 每人300元/年: which per-unit comes first is not printed
    return read_numeric(raw, f"{match['quantity']}/{match['per']}")


def read_chinese_duration(raw: str, text: str) -> Target | None:
    """``一年``, ``三个月``, ``半年内``: a duration counted in Chinese numerals."""
    match = CHINESE_DURATION_RE.fullmatch(text)
    operator = read_operator(match) if match else None
    if match is None or operator is None:
        return None
    return Target(
        raw=raw,
        kind=TargetKind.DURATION,
        op=operator[0],
        op_implied=operator[1],
        value=read_chinese_number(match["number"]),
        unit=match["unit"],
    )


def read_chinese_number(printed: str) -> float:
    """半 is 0.5; otherwise a number below 100 in Chinese numerals (两, 十二, 二十三)."""
    if printed == "半":
        return 0.5
    if "十" not in printed:
        return float(CHINESE_DIGITS[printed])
    tens, _, ones = printed.partition("十")
    return float(CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0))


def read_range(raw: str, text: str) -> Target | None:
    """``80%-90%``, ``80-90%``, ``3~5个``, ``3至5个``, ``±3%以内``."""
    if match := RANGE_RE.fullmatch(text):
        if match["low_unit"] and match["low_unit"] != match["high_unit"]:
            return None
        unit = read_unit(match["high_unit"])
        low = read_number(match["low"], unit.exponent)
        high = read_number(match["high"], unit.exponent)
    elif match := PLUS_MINUS_RE.fullmatch(text):
        unit = read_unit(match["unit"])
        high = read_number(match["number"], unit.exponent)
        low = None if high is None else -high
    else:
        return None
    if low is None or high is None:
        return None
    return Target(
        raw=raw,
        kind=TargetKind.RANGE,
        low=low,
        high=high,
        unit=unit.unit,
        unit_printed=unit.unit_printed,
        factor=unit.factor,
        qualifier=match["qualifier"],
    )


def format_number(value: float, factor: float | None = None) -> str:
    """``value`` divided by ``factor`` as plain decimal digits, without trailing zeros."""
    number = Decimal(repr(value))
    if factor is not None and math.isfinite(factor) and factor != 0:
        number = DECIMAL_CONTEXT.divide(number, Decimal(repr(factor)))
    return format(DECIMAL_CONTEXT.normalize(number), "f")


def format_quantity(
    op: Comparator | None,
    op_implied: bool,
    value: float,
    unit: str | None,
    unit_printed: str | None,
    factor: float | None,
) -> str:
    """The canonical text of a quantity: ``≥16个``, ``≤1.5万元``, ``100%``."""
    symbol = "" if op is None or (op_implied and op is Comparator.EQ) else op.value
    return f"{symbol}{format_number(value, factor)}{unit_printed or unit or ''}"
