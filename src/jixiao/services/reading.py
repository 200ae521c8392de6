"""Reading and reviewing files away from the process that writes: worker processes, or any
:class:`concurrent.futures.Executor` (a Dask cluster's, see docs/cluster.md).

:class:`ReadTask` is what a worker runs: bytes in; out, the rows the store will insert for
the document and its review findings (:class:`jixiao.store.DocumentRows`: plain values, cheap
to send back, leaving the writing process only what the database decides). It is picklable
and isolates each file as the batch commands do: a file whose reading, review or preparation
raises comes back as its ``ING999`` error (the traceback goes to the worker's log), a file
over its time budget as ``ING007``. :func:`reading_pool` is the
local pool: ``workers`` processes that ignore Ctrl-C (the main process decides what happens)
and load the readers as soon as they start;
when the import is interrupted, the files queued are cancelled and each worker ends after the
file it is reading; with one worker, files are read in the calling process between writes.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from jixiao.errors import IngestError
from jixiao.model import Document, DocumentError, Finding
from jixiao.services.documents import FileBytes, internal_error, load_readers
from jixiao.store.prepared import DocumentRows, prepare_document

ReviewDocument = Callable[[Document], Sequence[Finding]]
"""A review: a readable document in, the findings to store with it out."""

T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    """One file as a worker returns it: its rows, or why it could not be read."""

    file: str
    rows: DocumentRows | None = None
    error: DocumentError | None = None

    @classmethod
    def failed(cls, file: str, error: IngestError) -> Read:
        return cls(file, error=DocumentError(code=error.code, message=error.message))


@dataclass(frozen=True)
class ReadTask:
    """Read and review one file's bytes; picklable (the review too, see ``RuleReview``)."""

    year: int | None = None
    time_limit: float | None = None
    review: ReviewDocument | None = None

    def __call__(self, loaded: FileBytes, review: bool = True) -> Read:
        """``review=False``: the bytes are stored already; only what they hold is needed."""
        document = loaded.read(year=self.year, time_limit=self.time_limit)
        if document.error is not None:
            return Read(document.file, error=document.error)
        findings: Sequence[Finding] = ()
        if self.review is not None and review:
            try:
                findings = self.review(document)
            except Exception as error:  # a bug in a rule: this file fails, the batch goes on
                return Read.failed(document.file, internal_error(document.file, "审核", error))
        try:
            return Read(document.file, prepare_document(document, findings))
        except Exception as error:  # a bug: this file fails, the batch goes on
            return Read.failed(document.file, internal_error(document.file, "存入数据库", error))


class InlineExecutor(Executor):
    """Runs each call at once in the calling process: one worker, no process to start."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to whoever asks for the result
            future.set_exception(error)
        return future


def start_worker() -> None:
    """A worker leaves Ctrl-C to the main process, which ends the pool itself; it loads the
    readers at once, while the main process goes on (opens the database, hashes files)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_readers()


def pool_context() -> Any:
    """Fork where the platform has it: workers start at once, with the modules the caller
    has loaded. The workers only read bytes they are sent and never touch what
    other threads of the caller hold (the command line runs none: its progress bar refreshes
    in the main thread); elsewhere the platform's default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


@contextmanager
def reading_pool(workers: int) -> Iterator[Executor]:
    """``workers`` reading processes (one: the calling process), all started on entry.
    Leaving normally waits for them; leaving on an exception (Ctrl-C) cancels what is queued
    without waiting (see :func:`end_pool`)."""
    if workers <= 1:
        yield InlineExecutor()
        return
    pool = ProcessPoolExecutor(workers, mp_context=pool_context(), initializer=start_worker)
    try:
        pool.submit(int)  # every worker forks now, before the caller starts threads
        yield pool
    except BaseException:
        end_pool(pool)
        raise
    pool.shutdown(wait=True)


def end_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel the files queued and return at once; each worker ends after the file it is
    reading (within the time budget). Not terminated: a worker killed while sending its
    result would leave the pool's result pipe half-read, and the exit waiting forever."""
    pool.shutdown(wait=False, cancel_futures=True)
