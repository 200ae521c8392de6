"""Times as jixiao shows them: Beijing time (UTC+08:00), converted from what is stored.

The store keeps times in UTC without a zone (SQLite has none); every time leaving jixiao in
JSON is ISO 8601 with its offset (``2024-03-01T09:30:00+08:00``), and pages show 北京时间.
China has kept +08:00 without daylight saving since 1991, so a fixed offset named
Asia/Shanghai is exact and needs no time-zone database.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final

from pydantic import PlainSerializer, WithJsonSchema

BEIJING: Final = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def beijing_time(value: dt.datetime) -> dt.datetime:
    """A time in Beijing time, aware; a naive one is a stored time, in UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(BEIJING)


def iso_beijing(value: dt.datetime) -> str:
    return beijing_time(value).isoformat()


Timestamp = Annotated[
    dt.datetime,
    PlainSerializer(iso_beijing, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date-time",
            "description": "ISO 8601 with its offset, in Beijing time (+08:00)",
        }
    ),
]
"""A stored time: a datetime in Python (naive UTC), ISO 8601 at +08:00 in JSON."""
