"""Use-case: import files uploaded through the web app (bytes, not paths), one by one.

Each file is read, reviewed and stored in its own transaction like ``jixiao import``; a file
that fails is reported with its reason and the others go on. A filler may only bring in
tables of its own departments (:mod:`jixiao.services.access`, checked on what would be
written): a file holding a table it may not write is refused whole, naming each such table,
so that its bytes stay unknown to the store and the rightful department can still upload it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from jixiao.errors import IngestError, UnreadableFile
from jixiao.model import Document, DocumentError
from jixiao.services.access import WriteGuard
from jixiao.services.documents import MAX_FILE_MB, document_from_bytes
from jixiao.services.imports import ImportOutcome, import_one, index_new_tables
from jixiao.services.review import rule_reviewer
from jixiao.services.users import User
from jixiao.store import Database


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def upload_name(name: str) -> str:
    """The file's own name, without any folder a browser or client sent with it."""
    base = PureWindowsPath(PurePosixPath(name).name).name.strip()
    return "".join(ch for ch in base if ch.isprintable())[:200] or "未命名文件"


def read_upload(upload: Upload, *, year: int | None = None) -> Document:
    """Read uploaded bytes into a document; a document carrying its error when unreadable."""
    file = upload_name(upload.name)
    try:
        if len(upload.data) > MAX_FILE_MB * 1024 * 1024:
            megabytes = len(upload.data) / 1024 / 1024
            raise UnreadableFile(file, f"文件过大（{megabytes:.0f} MB，上限 {MAX_FILE_MB} MB）")
        if not upload.data:
            raise UnreadableFile(file, "文件是空的")
    except IngestError as error:
        sha256 = hashlib.sha256(upload.data).hexdigest()
        return Document(
            file=file, sha256=sha256, error=DocumentError(code=error.code, message=error.message)
        )
    return document_from_bytes(upload.data, file, year=year)


def import_uploads(
    database: Database, user: User, uploads: Iterable[Upload], *, year: int | None = None
) -> list[ImportOutcome]:
    user.require_upload()
    review = rule_reviewer()
    outcomes: list[ImportOutcome] = []
    guard = WriteGuard(user)
    for upload in uploads:
        document = read_upload(upload, year=year)
        outcomes.append(import_one(database, document, review=review, user=user.name, guard=guard))
    index_new_tables(database)
    return outcomes
