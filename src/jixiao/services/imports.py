"""Importing files into the store: each document in its own transaction, the batch goes on.

:func:`import_files` is the one import the command line and the web app call. It hashes a
file's bytes before anything else: bytes the store holds already are reported unchanged
(未变) without being read or reviewed. The other files are read and reviewed by ``workers``
processes (:mod:`jixiao.services.reading`; or any executor, a Dask cluster's), which send
back the rows to insert (:mod:`jixiao.store.prepared`), at most
:data:`AHEAD_PER_WORKER` × ``workers`` at a time so that memory stays flat however many
files there are (and a worker done with its file goes on while this process writes a long
one), while this process writes them in order, one transaction per document. Interrupted
(Ctrl-C), it cancels the files not read yet; every outcome yielded so far was committed,
nothing else was.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from jixiao.errors import IngestError, PermissionDenied
from jixiao.model import Document, DocumentError, Finding, Severity, TableKind
from jixiao.services.documents import FileBytes, internal_error, load_file
from jixiao.services.reading import Read, ReadTask, ReviewDocument, reading_pool
from jixiao.services.review import RuleReview
from jixiao.services.stored_review import review_across_years
from jixiao.services.uploads import Upload, load_upload
from jixiao.store import (
    Database,
    DocumentImport,
    DocumentRows,
    TableStatus,
    import_rows,
    prepare_document,
    stored_document_id,
    sync_search_index,
    write_transaction,
)

if TYPE_CHECKING:
    from jixiao.services.access import WriteGuard
    from jixiao.services.users import User

DOCUMENT_SUFFIXES: Final = frozenset(
    {".txt", ".md", ".markdown", ".pdf", ".xlsx", ".xls", ".docx", ".doc", ".html", ".htm"}
    | {".png", ".jpg", ".jpeg", ".tif", ".tiff"}  # scans
    | {".wps", ".et"}  # WPS 文字/表格, saved as Word/Excel 97-2003 (read by content)
)
"""Files taken from a directory; files named on the command line are always tried."""

AHEAD_PER_WORKER: Final = 8
"""Files read ahead of the one being written, per worker (``bench/bench_import.py``, 300 files
on 2 idle cores: ``--workers 2`` took 0.86× one worker's time with 2 ahead per worker, 0.77×
with 8)."""

Source = Path | Upload
"""A file to import: a path (the command line) or uploaded bytes (the web app)."""

logger = logging.getLogger("jixiao.services")


@dataclass(frozen=True)
class ImportOutcome:
    """One file's import: what the store did, or why the file failed."""

    file: str
    result: DocumentImport | None = None
    error: DocumentError | None = None
    findings: Counter[Severity] = field(default_factory=Counter)  # the reader's and review's


@dataclass
class ImportSummary:
    documents: int = 0
    imported: int = 0  # documents with new content stored
    already_imported: int = 0  # the same bytes were stored before
    failed: list[ImportOutcome] = field(default_factory=list)
    new_tables: int = 0
    revised_tables: int = 0
    unchanged_tables: int = 0
    findings: Counter[Severity] = field(default_factory=Counter)

    def add(self, outcome: ImportOutcome) -> None:
        self.documents += 1
        result = outcome.result
        if result is None:
            self.failed.append(outcome)
        elif result.already_imported:
            self.already_imported += 1
        else:
            self.imported += 1
            self.findings.update(outcome.findings)
            self.new_tables += result.count(TableStatus.NEW)
            self.revised_tables += result.count(TableStatus.REVISED)
            self.unchanged_tables += result.count(TableStatus.UNCHANGED)


def import_files(
    database: Database,
    sources: Iterable[Source],
    *,
    user: User | None = None,
    author: str | None = None,
    year: int | None = None,
    review: ReviewDocument | None = None,
    time_limit: float | None = None,
    workers: int = 1,
    executor: Executor | None = None,
) -> Generator[ImportOutcome, None, None]:
    """Import each file, yielding its outcome in the order given; a file that fails is
    reported and the next goes on.

    ``user``: who imports through the web app: it must be allowed to upload, a document
    holding a table it may not write is refused whole (``AUT002``) and its name is recorded
    in the history. Without a user (the command line), ``author`` is the name recorded.
    ``review``: the findings to store with each document (e.g. :func:`rule_reviewer`).
    ``workers``: reading processes (1: this process reads between writes); ``executor``: read
    there instead (a cluster's), ``workers`` then bounding the files in flight.
    The search index is brought up to date once at the end (or when interrupted).
    """
    guard = write_guard(user)
    if user is not None:
        author = user.name
    task = ReadTask(year=year, time_limit=time_limit, review=review)
    try:
        if executor is not None:
            yield from import_read(database, sources, task, executor, workers, author, guard)
        else:
            with reading_pool(workers) as pool:
                yield from import_read(database, sources, task, pool, workers, author, guard)
    finally:
        index_new_tables(database)


def write_guard(user: User | None) -> WriteGuard | None:
    """What a user may write; None (no checks) for the command line."""
    if user is None:
        return None
    from jixiao.services.access import WriteGuard  # the web's users: not for the CLI

    user.require_upload()
    return WriteGuard(user)


Pending = ImportOutcome | tuple[FileBytes, "Future[Read]"]


def import_read(
    database: Database,
    sources: Iterable[Source],
    task: ReadTask,
    executor: Executor,
    workers: int,
    author: str | None,
    guard: WriteGuard | None,
) -> Iterator[ImportOutcome]:
    """Hash, hand out for reading, and write in order, with at most
    :data:`AHEAD_PER_WORKER` × ``workers`` files read or being read ahead of the one written."""
    ahead = max(AHEAD_PER_WORKER * workers, 1)
    pending: deque[Pending] = deque()
    try:
        for source in sources:
            pending.append(start(database, source, task, executor, guard))
            while len(pending) > ahead or (pending and finished(pending[0])):
                yield finish(database, pending.popleft(), task, author, guard)
        while pending:
            yield finish(database, pending.popleft(), task, author, guard)
    finally:  # stopped early (Ctrl-C): the files not being read yet are not read
        for left in pending:
            if not isinstance(left, ImportOutcome):
                left[1].cancel()


def start(
    database: Database,
    source: Source,
    task: ReadTask,
    executor: Executor,
    guard: WriteGuard | None,
) -> Pending:
    """The file's outcome when it needs no reading, or its reading under way."""
    loaded = load_file(source) if isinstance(source, Path) else load_upload(source)
    if isinstance(loaded, Document):  # could not be had at all
        return ImportOutcome(loaded.file, error=loaded.error)
    known = stored_outcome(database, loaded)
    if known is not None and (guard is None or guard.user.is_admin):
        return known
    # a filler's upload of stored bytes is read, to refuse what it may not write
    try:
        return loaded, executor.submit(task, loaded, known is None)
    except Exception as error:  # the pool is broken (a worker was killed) or shut down
        failure = internal_error(loaded.file, "读取", error)
        return ImportOutcome(loaded.file, error=failure_of(failure))


def finished(pending: Pending) -> bool:
    return isinstance(pending, ImportOutcome) or pending[1].done()


def finish(
    database: Database,
    pending: Pending,
    task: ReadTask,
    author: str | None,
    guard: WriteGuard | None,
) -> ImportOutcome:
    if isinstance(pending, ImportOutcome):
        return pending
    loaded, future = pending
    try:
        read = future.result()
    except Exception as error:  # a worker died, a result could not travel back: a bug
        failure = internal_error(loaded.file, "读取", error)
        return ImportOutcome(loaded.file, error=failure_of(failure))
    if read.rows is None:
        return ImportOutcome(read.file, error=read.error)
    return write_one(database, read.rows, author=author, guard=guard, review=task.review)


def stored_document(connection: Connection, sha256: str) -> bool:
    """The store holds these bytes already (the import changes nothing)."""
    return bool(sha256) and stored_document_id(connection, sha256) is not None


def stored_outcome(database: Database, loaded: FileBytes) -> ImportOutcome | None:
    """The outcome of bytes the store holds already (unchanged), or None: read them."""
    try:
        with database.engine.connect() as connection:
            known_id = stored_document_id(connection, loaded.sha256)
    except DBAPIError:
        return None  # the import itself says what is wrong with the database
    if known_id is None:
        return None
    result = DocumentImport(
        file=loaded.file, sha256=loaded.sha256, document_id=known_id, already_imported=True
    )
    return ImportOutcome(loaded.file, result=result)


def index_new_tables(database: Database) -> None:
    """Add the tables just stored to the search index (in bulk, once per batch).

    A failure here loses nothing: tables not indexed yet are found by scanning, and the next
    batch indexes them; so it is logged and the batch's outcomes stand.
    """
    try:
        with write_transaction(database) as connection:
            sync_search_index(connection)
    except Exception:
        logger.exception("the search index could not be brought up to date")


def import_one(
    database: Database,
    document: Document,
    findings: Sequence[Finding] = (),
    *,
    author: str | None = None,
    guard: WriteGuard | None = None,
    review: ReviewDocument | None = None,
) -> ImportOutcome:
    """Store one read document and its review ``findings`` in its own transaction; any
    failure leaves nothing behind (see :func:`write_one`)."""
    if document.error is not None:
        return ImportOutcome(document.file, error=document.error)
    try:
        rows = prepare_document(document, findings)
    except Exception as error:  # a bug: the batch goes on
        failure = internal_error(document.file, "存入数据库", error)
        return ImportOutcome(document.file, error=failure_of(failure))
    return write_one(database, rows, author=author, guard=guard, review=review)


def write_one(
    database: Database,
    document: DocumentRows,
    *,
    author: str | None = None,
    guard: WriteGuard | None = None,
    review: ReviewDocument | None = None,
) -> ImportOutcome:
    """Store one document's rows in its own transaction; any failure leaves nothing behind.

    ``review`` (a :class:`~jixiao.services.review.RuleReview`): its rules that compare a table
    with the same project's table of the year before (YR01) run here, against the store the
    document goes into; their findings are stored with the others.

    With a ``guard`` (web uploads), a document holding a table the user may not write is
    refused whole (``AUT002``), and a 自评表 feeds only target tables the user may edit.
    The database failing (unreachable, locked, full) is the file's ``STO000`` error; any
    other exception is a bug: its traceback goes to the log and the file fails with the
    internal error's code (``ING999``), never passed off as a database failure.
    """
    for attempt in (1, 2):
        try:
            with write_transaction(database) as connection:
                rows = document
                if isinstance(review, RuleReview) and not stored_document(
                    connection, document.sha256
                ):
                    rows = document.adding(review_across_years(connection, document, review))
                result = import_rows(
                    connection, rows, user=author, admit=guard.admit if guard else None
                )
                if not result.already_imported:
                    feed_target_tables(connection, document, author, guard)
            return ImportOutcome(document.file, result=result, findings=rows.severities())
        except PermissionDenied as error:
            refused = DocumentError(code=error.code, message=f"{document.file}：{error.message}")
            return ImportOutcome(document.file, error=refused)
        except IntegrityError:
            if attempt == 2:  # another import stored the same table or document meanwhile
                conflict = store_error(document.file, "并发写入冲突")
                return ImportOutcome(document.file, error=conflict)
        except (OperationalError, InterfaceError) as error:  # the database, not this file
            reason = database_reason(error)
            return ImportOutcome(document.file, error=store_error(document.file, reason))
        except Exception as error:  # a bug: the transaction is rolled back, the batch goes on
            failure = internal_error(document.file, "存入数据库", error)
            return ImportOutcome(document.file, error=failure_of(failure))
    raise AssertionError("unreachable")


def feed_target_tables(
    connection: Connection, document: DocumentRows, author: str | None, guard: WriteGuard | None
) -> None:
    """A filled 自评表 feeds its target table (its actual values and execution)."""
    evaluations = [table for table in document.tables if table.kind is TableKind.SELF_EVALUATION]
    if not evaluations:
        return
    from jixiao.services.evaluation import apply_self_evaluation  # scoring: only for a 自评表

    for table in evaluations:
        may_write = guard.may_write if guard else None
        apply_self_evaluation(connection, table.table(), user=author, may_write=may_write)


def collect_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and documents found in directories (recursively, sorted, no hidden)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def database_reason(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error)


def failure_of(error: IngestError) -> DocumentError:
    return DocumentError(code=error.code, message=error.message)


def store_error(file: str, reason: str) -> DocumentError:
    return DocumentError(code="STO000", message=f"{file}：写入数据库失败（{reason}）")
