"""Use-case: import files uploaded through the web app (bytes, not paths), one by one.

Each file is read, reviewed and stored in its own transaction like ``jixiao import``; a file
that fails is reported with its reason and the others go on. A filler may only bring in
tables of its own departments: a file holding another department's table is refused whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from jixiao.errors import IngestError, UnreadableFile
from jixiao.model import Document, DocumentError
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


def foreign_tables(user: User, document: Document) -> list[str]:
    """The tables of the document the user may not bring in (other departments')."""
    return [
        f"《{table.project or table.title or '无名称'}》"
        f"（{table.department or table.department_code or '未填写部门'}）"
        for table in document.tables
        if not user.covers(table.department, table.department_code)
    ]


def import_uploads(
    database: Database, user: User, uploads: Iterable[Upload], *, year: int | None = None
) -> list[ImportOutcome]:
    user.require_upload()
    review = rule_reviewer()
    outcomes: list[ImportOutcome] = []
    for upload in uploads:
        document = read_upload(upload, year=year)
        foreign = foreign_tables(user, document) if document.error is None else []
        if foreign:
            listed = "、".join(foreign[:5]) + ("等" if len(foreign) > 5 else "")
            error = DocumentError(
                code="AUT002",
                message=f"{document.file}：含有不属于您部门的表 {listed}，整份文件未导入",
            )
            outcomes.append(ImportOutcome(document.file, error=error))
            continue
        outcomes.append(import_one(database, document, review=review, user=user.name))
    index_new_tables(database)
    return outcomes
