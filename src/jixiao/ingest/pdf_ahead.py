"""Pages of a long PDF read ahead by forked processes, while the caller reads the first ones.

Only the command line asks for it (:func:`reading_pages_ahead`, set by ``jixiao parse``): the
web server reads uploads in threads, where forking is unsafe, and ``jixiao import`` already
reads one file per worker process. Everywhere else, and for a PDF too short to give each
reader :data:`PAGES_PER_READER` pages, nothing is forked: every page is read in the calling
process.

With ``processes`` readers, the calling process reads the first share of the pages as usual;
each helper, forked when reading starts, opens the PDF itself and reads one of the later
shares: every page there that may start a target table (the book scan's test, which depends
on nothing read before it). When the caller's reading reaches a helper's share it takes the
pages the helper read; a page the helper did not read (a continuation page in a book) is read
by the caller as usual. Reading a page depends on that page alone, so the grid is the one the
calling process alone would read. A helper that fails in any way (a damaged page, the time
budget, a crash) gives nothing, and the caller reads its pages itself, which raises the same
error. A helper inherits the document's time budget (the deadline is on the machine's
monotonic clock); when the caller stops early (an error, Ctrl-C) its helpers are ended.

What it saves is wall time on idle cores (see docs/formats.md, Speed): each helper costs a
fork and a second opening of the PDF; on a machine whose cores are busy it saves nothing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

PAGES_PER_READER: Final = 8  # fewer: a helper's fork and opening of the PDF cost more

_processes: ContextVar[int] = ContextVar("jixiao_pdf_readers", default=1)


@contextmanager
def reading_pages_ahead(processes: int | None = None) -> Iterator[None]:
    """Read long PDFs with ``processes`` readers inside the block (default: one per CPU this
    process may run on)."""
    token = _processes.set(processes or _cpus())
    try:
        yield
    finally:
        _processes.reset(token)


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


ReadShare = Callable[[list[int]], dict[int, Any]]
"""Reads the pages numbered (from 1) that may start a target table: {number: PageContent}."""


class PagesAhead:
    """The helpers reading a document's later pages; :meth:`take` a page's content."""

    def __init__(self, helpers: list[tuple[range, BaseProcess, Connection]]) -> None:
        self._helpers = helpers
        self._read: dict[int, Any] = {}

    def take(self, number: int) -> Any | None:
        """Page ``number``'s content as a helper read it (waiting for its share), None when
        no helper read it."""
        for share, process, connection in self._helpers:
            if number in share:
                self._helpers.remove((share, process, connection))
                self._read.update(_receive(process, connection))
                break
        return self._read.pop(number, None)

    def close(self) -> None:
        """End the helpers still reading (the caller stopped early)."""
        for _, process, connection in self._helpers:
            process.terminate()
            process.join()
            connection.close()
        self._helpers = []


def read_ahead(pages: int, read_share: ReadShare) -> PagesAhead:
    """Fork the helpers for a document of ``pages`` pages, when the command line asked for
    them and forking is safe; else a :class:`PagesAhead` with none."""
    processes = min(_processes.get(), pages // PAGES_PER_READER)
    # a fork copies the calling thread only: a lock another thread holds stays held in a helper
    if processes < 2 or threading.active_count() > 1:
        return PagesAhead([])
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return PagesAhead([])
    context = multiprocessing.get_context("fork")
    bounds = [1 + pages * share // processes for share in range(processes + 1)]
    helpers: list[tuple[range, BaseProcess, Connection]] = []
    for start, end in pairwise(bounds[1:]):  # the first share is the caller's
        share = range(start, end)
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_help, args=(read_share, share, sending), daemon=True)
        process.start()
        sending.close()
        helpers.append((share, process, receiving))
    return PagesAhead(helpers)


def _help(read_share: ReadShare, share: range, connection: Connection) -> None:
    """A helper: its share's pages, or None when reading them failed in any way."""
    try:
        read: dict[int, Any] | None = read_share(list(share))
    except BaseException:  # the caller reads these pages itself and meets the same error
        read = None
    connection.send(read)
    connection.close()


def _receive(process: BaseProcess, connection: Connection) -> dict[int, Any]:
    try:
        read = connection.recv()
    except (EOFError, OSError):  # the helper died: the caller reads its pages
        read = None
    connection.close()
    process.join()
    return read or {}
