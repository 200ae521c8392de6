"""Reading files into documents: bytes in (from a path or an upload), tables and parse
findings out, under the per-document time budget; any failure is the document's error.

The readers and the assembler load with the first file read (or :func:`load_readers`), not
with this module: a process that only hashes files and writes what others read (``jixiao
import``'s main process, beside its reading workers) never loads them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import ConfigError, IngestError, InternalError, NoTableFound, UnreadableFile
from jixiao.ingest.budget import DEFAULT_SECONDS, time_budget
from jixiao.model import Document, DocumentError

MAX_FILE_MB = 64
TIME_LIMIT_VARIABLE = "JIXIAO_TIME_LIMIT"
DEFAULT_TIME_LIMIT = DEFAULT_SECONDS
logger = logging.getLogger("jixiao.services")


def reading_time_limit(seconds: float | None = None) -> float:
    """The per-document reading budget in seconds (0: none): ``seconds`` when given (the
    command line's ``--time-limit``), else the environment's ``JIXIAO_TIME_LIMIT`` (the web
    app), else 30 s."""
    if seconds is not None:
        return seconds
    value = os.environ.get(TIME_LIMIT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_TIME_LIMIT
    try:
        limit = float(value)
    except ValueError:
        limit = -1.0
    if not limit >= 0:  # also NaN
        raise ConfigError(TIME_LIMIT_VARIABLE, f"“{value}”不是秒数（0 表示不限时）")
    return limit


def internal_error(file: str, stage: str, error: BaseException) -> InternalError:
    """The file's error for an unexpected exception; its traceback goes to the log."""
    logger.error("%s: unexpected error while %s", file, stage, exc_info=error)
    return InternalError(file, stage)


def failed_document(document: Document, error: IngestError) -> Document:
    """The document as a failure: its error, nothing of what was read (the file failed whole)."""
    return Document(
        file=document.file,
        sha256=document.sha256,
        format=document.format,
        error=DocumentError(code=error.code, message=error.message),
    )


def document_from_bytes(
    data: bytes,
    file: str,
    *,
    year: int | None = None,
    time_limit: float | None = None,
    sha256: str | None = None,
) -> Document:
    """Read bytes into a document; any failure, a bug included, is the document's error.
    Reading runs under the per-document time budget (:func:`reading_time_limit`): a document
    that spends it fails with ``ING007``. ``sha256``: the bytes' hash, when known already."""
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    try:
        return read_tables(data, file, year=year, time_limit=time_limit, sha256=sha256)
    except IngestError as error:
        failure = error
    except Exception as error:  # a bug: this file fails, the batch goes on
        failure = internal_error(file, "读取", error)
    return Document(
        file=file, sha256=sha256, error=DocumentError(code=failure.code, message=failure.message)
    )


def read_tables(
    data: bytes,
    file: str,
    *,
    year: int | None = None,
    time_limit: float | None = None,
    sha256: str | None = None,
) -> Document:
    """Detect, read and assemble under the per-document time budget; raises the typed
    :class:`IngestError` (``NoTableFound`` when nothing was found)."""
    from jixiao.assemble import assemble_tables
    from jixiao.ingest import read_grid

    with time_budget(file, reading_time_limit(time_limit)):
        grid = read_grid(data, file)
        tables, findings = assemble_tables(grid, year=year)
    if not tables:
        raise NoTableFound(file)
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    return Document(file=file, sha256=sha256, format=grid.format, tables=tables, findings=findings)


def load_readers() -> None:
    """Load the assembler (and with it the 指标值 grammar and the vocabulary) now rather than
    with the first file; each format's reader still loads with its first file."""
    import jixiao.assemble  # noqa: F401


def read_document(path: Path, *, year: int | None = None) -> Document:
    """Read one file into a :class:`Document`; raises :class:`IngestError` when it cannot."""
    return read_tables(read_bytes(path), str(path), year=year)


def read_documents(
    paths: Iterable[Path], *, year: int | None = None, time_limit: float | None = None
) -> Iterator[Document]:
    """Read every file; a file that cannot be read, for whatever reason (a bug included),
    yields a Document carrying its error, and the next file is read."""
    for path in paths:
        loaded = load_file(path)
        if isinstance(loaded, Document):
            yield loaded
        else:
            yield loaded.read(year=year, time_limit=time_limit)


@dataclass(frozen=True)
class FileBytes:
    """A file's bytes and their SHA-256, not read yet: what the store is asked about first."""

    file: str
    data: bytes
    sha256: str

    def read(self, *, year: int | None = None, time_limit: float | None = None) -> Document:
        return document_from_bytes(
            self.data, self.file, year=year, time_limit=time_limit, sha256=self.sha256
        )


def load_file(path: Path) -> FileBytes | Document:
    """The file's bytes, hashed; a Document carrying the error when they cannot be had."""
    try:
        data = read_bytes(path)
    except IngestError as error:
        return Document(
            file=str(path),
            sha256=file_sha256(path),
            error=DocumentError(code=error.code, message=error.message),
        )
    return FileBytes(str(path), data, hashlib.sha256(data).hexdigest())


def write_debug_images(path: Path, directory: Path) -> list[Path]:
    """PNG images of what the PDF or scan reader found on each page; [] for a file that is
    neither a PDF nor an image."""
    from jixiao.ingest import detect_format

    data = read_bytes(path)
    kind = detect_format(data)
    if kind not in ("pdf", "image"):
        return []
    # pdfplumber, OpenCV: imported only when asked
    from jixiao.ingest.pdf_debug import write_debug_images as write_pdf_debug_images
    from jixiao.ingest.scan import has_text_layer
    from jixiao.ingest.scan_debug import write_scan_debug_images

    if kind == "pdf" and has_text_layer(data, str(path)):
        return write_pdf_debug_images(data, str(path), directory)
    return write_scan_debug_images(data, str(path), directory, is_pdf=kind == "pdf")


def read_bytes(path: Path) -> bytes:
    file = str(path)
    try:
        if path.is_dir():
            raise UnreadableFile(file, "这是一个目录，不是文件")
        size = path.stat().st_size
        if size > MAX_FILE_MB * 1024 * 1024:
            megabytes = size / 1024 / 1024
            raise UnreadableFile(file, f"文件过大（{megabytes:.0f} MB，上限 {MAX_FILE_MB} MB）")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(file, "文件不存在") from None
    except PermissionError:
        raise UnreadableFile(file, "没有读取权限") from None
    except IsADirectoryError:
        raise UnreadableFile(file, "这是一个目录，不是文件") from None
    except OSError as error:
        raise UnreadableFile(file, f"读取失败（{error.strerror or error}）") from None


def file_sha256(path: Path) -> str:
    """Hash of a file's bytes, or '' when it cannot be read or is over the size limit."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_MB * 1024 * 1024:
            return ""
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return ""
