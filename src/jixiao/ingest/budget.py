"""The per-document time budget: a cooperative deadline the readers' loops check.

A document is read under :func:`time_budget`; every loop of the readers and the assembler
whose work grows with the input calls :func:`check_budget` once per step (a row, a line, a
placement, a cut), which raises :class:`~jixiao.errors.ReadingTimeLimit` naming the file once
the budget is spent. The deadline lives in a context variable: each thread (a web request)
and each file has its own, nothing runs in the background, and nothing is left running when
a document is stopped — the exception unwinds the reader like any other error.

Why cooperative rather than a worker process: reading is pure Python over bytes already in
memory, every search in it is polynomial (docs/formats.md, Bounds), so a step between two
checks is short; a worker process per document would cost a process start (or a pool to
keep alive in the web server) for every file, to guard against what the bounds already
exclude. What a check cannot interrupt is one long call into C (lxml parsing a huge HTML
file, a regular expression): the file size limit (64 MB) bounds those.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Final

from jixiao.errors import ReadingTimeLimit

DEFAULT_SECONDS: Final = 30.0


@dataclass(frozen=True, slots=True)
class _Deadline:
    at: float  # time.monotonic()
    file: str
    seconds: float


_deadline: ContextVar[_Deadline | None] = ContextVar("jixiao_reading_deadline", default=None)


@contextmanager
def time_budget(file: str, seconds: float | None) -> Iterator[None]:
    """Read ``file`` within ``seconds`` (None or 0: no limit)."""
    deadline = _Deadline(time.monotonic() + seconds, file, seconds) if seconds else None
    token = _deadline.set(deadline)
    try:
        yield
    finally:
        _deadline.reset(token)


def restart_budget() -> None:
    """Give the document a whole budget again from now: a scan's reader calls it before each
    page, so that the limit bounds one page's recognition (seconds of OCR, whatever is on
    it) rather than the number of pages a long scan has."""
    deadline = _deadline.get()
    if deadline is not None:
        _deadline.set(
            _Deadline(time.monotonic() + deadline.seconds, deadline.file, deadline.seconds)
        )


def remaining_seconds() -> float | None:
    """Seconds left of the document's budget (0 when spent), None without a budget: what a
    step that cannot check as it goes (an external converter) may take at most."""
    deadline = _deadline.get()
    return None if deadline is None else max(0.0, deadline.at - time.monotonic())


def check_budget() -> None:
    """Raise :class:`ReadingTimeLimit` when the document being read has spent its budget.
    O(1): one clock read."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline.at:
        raise ReadingTimeLimit(deadline.file, deadline.seconds)
