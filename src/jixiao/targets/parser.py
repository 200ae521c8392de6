"""Read a printed 指标值 into a :class:`Target`: the entry point of the grammar."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from jixiao.model.target import Target, TargetKind
from jixiao.targets.compounds import read_compound
from jixiao.targets.dates import read_deadline, read_period
from jixiao.targets.normalization import normalize_text
from jixiao.targets.printer import canonical_text
from jixiao.targets.quantities import (
    read_chinese_duration,
    read_numeric,
    read_per_basis,
    read_range,
)
from jixiao.targets.statements import read_statement
from jixiao.targets.trends import read_trend

# Longer cells are statements: real values are far shorter, and the patterns stay linear.
MAX_STRUCTURED_LENGTH = 300

# Tried in order after the deadline forms; the first that reads the text wins.
STRUCTURE_READERS: tuple[Callable[[str, str], Target | None], ...] = (
    read_period,
    read_trend,
    read_numeric,
    read_per_basis,
    read_chinese_duration,
    read_range,
    read_compound,
)


def parse_target(text: str, *, year: int | None = None) -> Target:
    """Read a printed 指标值; never raises. ``year`` completes dates printed without one.

    Cached: tables repeat the same values ("100%", "≥95%") and a Target is immutable. A value
    is read again with the year only when, read without it, it is a deadline with no date
    (12月31日前): any other reads the same in every year (the assembler's row typing reads
    values before the table's year is known).
    """
    target = read_target(text, None)
    if year is None or target.kind is not TargetKind.DEADLINE or target.date is not None:
        return target
    return read_target(text, year)


@lru_cache(maxsize=16384)
def read_target(text: str, year: int | None) -> Target:
    raw = text.strip()
    normalized = normalize_text(raw)
    if not normalized:
        return Target(raw=raw, kind=TargetKind.EMPTY)
    target = read_structure(raw, normalized, year)
    if target is None or not prints_back(target):
        return read_statement(raw, normalized)
    return target


def read_structure(raw: str, text: str, year: int | None) -> Target | None:
    """The first structured reading of ``text`` (already normalised), if any."""
    if len(text) > MAX_STRUCTURED_LENGTH:
        return None
    if target := read_deadline(raw, text, year):
        return target
    for reader in STRUCTURE_READERS:
        if target := reader(raw, text):
            return target
    return None


def prints_back(target: Target) -> bool:
    """True when the canonical text of ``target`` reads back as the same target.

    This is the guarantee behind :func:`jixiao.targets.format_target`: a reading whose
    canonical text would parse differently (an odd qualifier swallowing a unit, say) is not
    trusted, and the value is kept as a statement instead.
    """
    canonical = canonical_text(target)
    if canonical is None:
        return True
    again = read_structure(canonical, normalize_text(canonical), None)
    return again is not None and again.same_as(target)
