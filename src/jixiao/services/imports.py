"""Importing files into the store: each document in its own transaction, the batch goes on.

A file's bytes are hashed before anything else: bytes the store holds already are reported
unchanged (未变) without being read or reviewed.

Findings beyond the reader's own come from an optional ``review`` callable (a document in, its
findings out), so that the store never needs the review engine and the caller decides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sqlalchemy.exc import DBAPIError, IntegrityError

from jixiao.errors import IngestError, PermissionDenied
from jixiao.model import Document, DocumentError, Finding, Severity
from jixiao.services.access import WriteGuard
from jixiao.services.documents import FileBytes, internal_error, load_file, logger
from jixiao.services.evaluation import apply_self_evaluation
from jixiao.store import (
    Database,
    DocumentImport,
    TableStatus,
    import_document,
    stored_document_id,
    sync_search_index,
    write_transaction,
)

DOCUMENT_SUFFIXES: Final = frozenset(
    {".txt", ".md", ".markdown", ".pdf", ".xlsx", ".xls", ".docx", ".doc", ".html", ".htm"}
    | {".png", ".jpg", ".jpeg", ".tif", ".tiff"}  # scans
)
"""Files taken from a directory; files named on the command line are always tried."""

ReviewDocument = Callable[[Document], Sequence[Finding]]


@dataclass(frozen=True)
class ImportOutcome:
    """One file's import: what the store did, or why the file failed."""

    file: str
    result: DocumentImport | None = None
    error: DocumentError | None = None
    findings: tuple[Finding, ...] = ()  # the reader's and the review's, of this file


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
            self.findings.update(finding.severity for finding in outcome.findings)
            self.new_tables += result.count(TableStatus.NEW)
            self.revised_tables += result.count(TableStatus.REVISED)
            self.unchanged_tables += result.count(TableStatus.UNCHANGED)


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


def import_files(
    database: Database,
    paths: Sequence[Path],
    *,
    year: int | None = None,
    review: ReviewDocument | None = None,
    user: str | None = None,
    time_limit: float | None = None,
) -> Iterator[ImportOutcome]:
    """Read and store each file in turn; a file that fails is reported and skipped. A file
    whose bytes are stored already is reported unchanged without being read."""
    for path in paths:
        loaded = load_file(path)
        if isinstance(loaded, FileBytes):
            stored = stored_outcome(database, loaded)
            if stored is not None:
                yield stored
                continue
            document = loaded.read(year=year, time_limit=time_limit)
        else:
            document = loaded
        yield import_one(database, document, review=review, user=user)
    index_new_tables(database)


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
    *,
    review: ReviewDocument | None = None,
    user: str | None = None,
    guard: WriteGuard | None = None,
) -> ImportOutcome:
    """Store one read document in its own transaction; any failure leaves nothing behind.

    With a ``guard`` (web uploads), a document holding a table the user may not write is
    refused whole (``AUT002``), and a 自评表 feeds only target tables the user may edit.
    """
    if document.error is not None:
        return ImportOutcome(document.file, error=document.error)
    try:
        findings = reviewed(database, document, review)
    except DBAPIError as error:
        return ImportOutcome(document.file, error=store_error(document, database_reason(error)))
    except Exception as error:  # a bug in a rule: this file fails, the batch goes on
        failure = internal_error(document.file, "审核", error)
        return ImportOutcome(document.file, error=failure_of(failure))
    for attempt in (1, 2):
        try:
            with write_transaction(database) as connection:
                result = import_document(
                    connection,
                    document,
                    findings=findings,
                    user=user,
                    admit=guard.admit if guard else None,
                )
                if not result.already_imported:
                    for table in document.tables:  # a filled 自评表 feeds its target table
                        apply_self_evaluation(
                            connection,
                            table,
                            user=user,
                            may_write=guard.may_write if guard else None,
                        )
            found = (*document.findings, *findings)
            return ImportOutcome(document.file, result=result, findings=found)
        except PermissionDenied as error:
            refused = DocumentError(code=error.code, message=f"{document.file}：{error.message}")
            return ImportOutcome(document.file, error=refused)
        except IntegrityError:
            if attempt == 2:  # another import stored the same table or document meanwhile
                return ImportOutcome(document.file, error=store_error(document, "并发写入冲突"))
        except DBAPIError as error:
            return ImportOutcome(document.file, error=store_error(document, database_reason(error)))
        except Exception as error:  # a bug: the transaction is rolled back, the batch goes on
            failure = internal_error(document.file, "存入数据库", error)
            return ImportOutcome(document.file, error=failure_of(failure))
    raise AssertionError("unreachable")


def reviewed(
    database: Database, document: Document, review: ReviewDocument | None
) -> list[Finding]:
    """The review's findings; reviewed once, and not at all when these bytes are stored."""
    if review is None:
        return []
    with database.engine.connect() as connection:
        if stored_document_id(connection, document.sha256) is not None:
            return []
    return list(review(document))


def database_reason(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error)


def failure_of(error: IngestError) -> DocumentError:
    return DocumentError(code=error.code, message=error.message)


def store_error(document: Document, reason: str) -> DocumentError:
    return DocumentError(code="STO000", message=f"{document.file}：写入数据库失败（{reason}）")
