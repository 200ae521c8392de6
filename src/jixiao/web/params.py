"""Bounds on what the API and the pages take in paths, queries and bodies (issue 18).

- Integers: ids and revision numbers are 32-bit integers in PostgreSQL (64-bit in SQLite), so
  ids, revisions and offsets are bounded to ``MAX_ID`` (2^31 − 1) and positions to
  ``MAX_POSITION``; anything larger is refused with 422 before it reaches the database (never
  a 500 from an integer overflow), and an id in range that names nothing is 404.
- Text: a one-line parameter (search text, department, codes, values) may hold no NUL and no
  other control character; multi-line text (comments, notes) may hold line breaks and tabs
  but no other control character. Both are 422 otherwise. The rule is declared as a
  ``pattern`` in the OpenAPI description and checked with the same (Python) regular
  expression, so what the description admits is exactly what the server takes.
"""

from __future__ import annotations

import re
from typing import Annotated, Final

from fastapi import Path, Query
from pydantic import AfterValidator
from pydantic.config import JsonDict

MAX_ID: Final = 2**31 - 1
MAX_POSITION: Final = 99_999
ONE_LINE_PATTERN: Final = r"^[^\x00-\x1f\x7f]*$"
MULTI_LINE_PATTERN: Final = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
# an amount as the self-evaluation takes it (empty for none): digits bounded per unit so that
# what the description admits is within the store's range (≤ 10 万亿元, MAX_AMOUNT)
AMOUNT_PATTERN: Final = (
    r"^\s*(?:(?:\d{1,13}(?:\.\d{1,2})?\s*元?|\d{1,9}(?:\.\d{1,6})?\s*万元?"
    r"|\d{1,5}(?:\.\d{1,10})?\s*亿元?)\s*)?$"
)
_AMOUNT: Final = re.compile(AMOUNT_PATTERN)
_ONE_LINE: Final = re.compile(ONE_LINE_PATTERN)
_MULTI_LINE: Final = re.compile(MULTI_LINE_PATTERN)


def one_line(value: str | None) -> str | None:
    if value is not None and not _ONE_LINE.search(value):
        raise ValueError("不能含有 NUL 或其他控制字符")
    return value


def multi_line(value: str | None) -> str | None:
    if value is not None and not _MULTI_LINE.search(value):
        raise ValueError("不能含有 NUL 或换行、制表符以外的控制字符")
    return value


def amount_text(value: str | None) -> str | None:
    if value is not None and not _AMOUNT.search(value):
        raise ValueError("金额应写成 300000、300000.00、30万元 或 1.2亿元（不超过 10 万亿元）")
    return value


AmountText = AfterValidator(amount_text)
AMOUNT_SCHEMA: Final[JsonDict] = {"pattern": AMOUNT_PATTERN}
OneLine = AfterValidator(one_line)
MultiLine = AfterValidator(multi_line)
ONE_LINE_SCHEMA: Final[JsonDict] = {"pattern": ONE_LINE_PATTERN}
MULTI_LINE_SCHEMA: Final[JsonDict] = {"pattern": MULTI_LINE_PATTERN}

TableId = Annotated[int, Path(ge=1, le=MAX_ID, description="表的编号")]
Position = Annotated[int, Path(ge=0, le=MAX_POSITION, description="指标的序号（从 0 起）")]
Revision = Annotated[int | None, Query(ge=1, le=MAX_ID, description="修订版本号（默认当前版本）")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="跳过的条数")]
JobId = Annotated[int, Path(ge=1, le=MAX_ID, description="上传任务的编号")]
