"""The header block's amounts before they are read: their unit, and what their cells hold.

Two doubts are settled here, each with a finding, before
:func:`jixiao.assemble.build.build_table` reads the amounts in yuan:

* **The unit** (``PRS018``). A table's amounts are in the unit it prints (单位：万元,
  项目资金（万元）, or after the number: ``2.38万元``). When it prints none, a bare
  ``500`` could be 元 or 万元 — a factor of 10 000. The text around the table may say
  which: a finance notice that sends a table as its attachment states the same amount
  with its unit (``现将…资金500万元下达你们``); then that unit is used, with the
  finding. Otherwise 元 is assumed, the unit in which the official template prints its
  amounts (``3300000.00``), without a finding.
* **What a printed amount or rate cell holds** (``PRS019``). Text that is no amount (a paragraph
  of goals that ran into the 其他资金 cell, OCR garbage in the 执行率 cell) is no printed amount:
  the field is left empty and the finding quotes the text. A dash (—, -) is an empty cell.

Linear in the document's lines and the header fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Final

from jixiao.assemble.drafts import TableDraft
from jixiao.assemble.fields import printed_amount_unit, read_amount
from jixiao.assemble.findings import parse_finding
from jixiao.model import Finding
from jixiao.model.vocabulary import AMOUNT_FIELDS, AMOUNT_UNITS, Field, alternation

UNIT_DOUBT: Final = "PRS018"
NOT_AN_AMOUNT: Final = "PRS019"

# an amount with its unit in running text: 资金500万元, 1,200.5 万元
_STATED_AMOUNT: Final = re.compile(
    rf"(?<![\d.])(\d[\d,，]*(?:\.\d+)?)\s*({alternation(AMOUNT_UNITS)})"
)
# a bare amount: digits only, no unit after them
_BARE_AMOUNT: Final = re.compile(r"^\s*[-+]?\d[\d,，]*(?:\.\d+)?\s*$")
_DASH: Final = re.compile(r"^\s*[—–\-－/／]+\s*$")
# an execution rate as printed: 100%, 98.5 %, 100.00％
_RATE: Final = re.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*[%％]\s*$")


def stated_amounts(lines: Iterable[str]) -> dict[Decimal, set[str]]:
    """Amounts stated with their unit in running text: number → the units printed after it."""
    found: dict[Decimal, set[str]] = {}
    for line in lines:
        for match in _STATED_AMOUNT.finditer(line):
            number = to_number(match.group(1))
            if number is not None:
                found.setdefault(number, set()).add(match.group(2))
    return found


def to_number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def settle_amount_unit(draft: TableDraft, stated: dict[Decimal, set[str]]) -> list[Finding]:
    """The unit of a table that prints none, from the text around it (sets
    ``draft.unit_printed``); none found: 元 is assumed (no finding)."""
    if draft.unit_printed is not None or printed_amount_unit(draft.header) is not None:
        return []
    bare = [
        (label, draft.header[name])
        for name, label in AMOUNT_FIELDS
        if _BARE_AMOUNT.match(draft.header.get(name, ""))
    ]
    if not bare:
        return []
    units: set[str] = set()
    for _, printed in bare:
        number = to_number(printed.strip())
        units |= stated.get(number, set()) if number is not None else set()
    if len(units) != 1:
        return []  # not stated, or stated with two units: the template's 元
    label, printed = bare[0]
    unit = units.pop()
    draft.unit_printed = unit
    message = (
        f"表内未注明金额单位；正文写明了同一金额“{printed.strip()}{unit}”，"
        f"{label}等金额按{unit}读取"
    )
    return [parse_finding(UNIT_DOUBT, message, draft.source, project=draft.project, part="header")]


def screen_printed_values(draft: TableDraft) -> list[Finding]:
    """Clear the amount and rate cells whose text is no amount (a dash silently: an empty
    cell), with a finding quoting the text."""
    findings: list[Finding] = []
    checks = [(name, label, is_amount_text) for name, label in AMOUNT_FIELDS]
    checks.append((Field.EXECUTION_RATE, "执行率", is_rate_text))
    for name, label, fits in checks:
        text = draft.header.get(name)
        if text is None or fits(text):
            continue
        del draft.header[name]
        if _DASH.match(text):
            continue
        source = draft.header_sources.get(name, draft.source)
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 30 else f"{shown[:30]}…"
        findings.append(
            parse_finding(
                NOT_AN_AMOUNT,
                f"{label}栏的“{shown}”不是金额或比率，未读取",
                source,
                project=draft.project,
                part="header",
            )
        )
    return findings


def is_amount_text(text: str) -> bool:
    """A cell that starts with an amount: '3300000.00', '2.38 万元', '854万(高标准农田…)'."""
    return read_amount(text, None) is not None


def is_rate_text(text: str) -> bool:
    """An execution rate cell: '100%', '98.50%'."""
    return bool(_RATE.match(text))
