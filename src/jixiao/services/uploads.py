"""Files uploaded through the web app: bytes and a name sent by a browser or client.

They are imported by :func:`jixiao.services.imports.import_files` like files named on the
command line, with the uploading user: a filler may only bring in tables of its own
departments (:mod:`jixiao.services.access`, checked on what would be written): a file
holding a table it may not write is refused whole, naming each such table, so that its bytes
stay unknown to the store and the rightful department can still upload it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from pydantic import BaseModel

from jixiao.errors import IngestError, UnreadableFile
from jixiao.model import Document, DocumentError
from jixiao.services.documents import MAX_FILE_MB, FileBytes

if TYPE_CHECKING:
    from jixiao.services.imports import ImportOutcome


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def upload_name(name: str) -> str:
    """The file's own name, without any folder a browser or client sent with it."""
    base = PureWindowsPath(PurePosixPath(name).name).name.strip()
    return "".join(ch for ch in base if ch.isprintable())[:200] or "未命名文件"


def load_upload(upload: Upload) -> FileBytes | Document:
    """The upload's bytes, hashed, under its own name; a Document carrying the error when it
    is empty or over the size limit."""
    file = upload_name(upload.name)
    sha256 = hashlib.sha256(upload.data).hexdigest()
    try:
        if len(upload.data) > MAX_FILE_MB * 1024 * 1024:
            megabytes = len(upload.data) / 1024 / 1024
            raise UnreadableFile(file, f"文件过大（{megabytes:.0f} MB，上限 {MAX_FILE_MB} MB）")
        if not upload.data:
            raise UnreadableFile(file, "文件是空的")
    except IngestError as error:
        return Document(
            file=file, sha256=sha256, error=DocumentError(code=error.code, message=error.message)
        )
    return FileBytes(file, upload.data, sha256)


class UploadedTable(BaseModel):
    table_id: int
    revision: int
    project: str | None
    status: str


class UploadResult(BaseModel):
    """One uploaded file's result as the page and the API show it: the tables stored (new,
    revised or unchanged) and its findings by severity, or the error naming the file (and the
    table or row when the error concerns one)."""

    file: str
    ok: bool
    already_imported: bool = False
    tables: list[UploadedTable] = []
    findings: dict[str, int] = {}
    error: DocumentError | None = None


def upload_result(outcome: ImportOutcome) -> UploadResult:
    if outcome.result is None:
        return UploadResult(file=outcome.file, ok=False, error=outcome.error)
    severities = {severity.value: count for severity, count in outcome.findings.items()}
    return UploadResult(
        file=outcome.file,
        ok=True,
        already_imported=outcome.result.already_imported,
        tables=[
            UploadedTable(
                table_id=table.table_id,
                revision=table.revision,
                project=table.project,
                status=table.status.value,
            )
            for table in outcome.result.tables
        ],
        findings=severities,
    )
