"""Progress of reading a long document (a scan's pages), for whoever shows it.

Like the time budget (:mod:`jixiao.ingest.budget`), the listener lives in a context variable:
the command line sets one while it reads files and draws a progress bar; elsewhere (the web
server, tests) nobody listens and reporting costs one lookup. Readers call
:func:`report_progress` after each page whose reading takes noticeable time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (file, pages done, pages in all)
ProgressListener = Callable[[str, int, int], None]

_listener: ContextVar[ProgressListener | None] = ContextVar("jixiao_progress", default=None)


@contextmanager
def listening(listener: ProgressListener | None) -> Iterator[None]:
    """Send the progress of the documents read inside the block to ``listener``."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def report_progress(file: str, done: int, total: int) -> None:
    listener = _listener.get()
    if listener is not None:
        listener(file, done, total)
