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

from jixiao.errors import IngestError, UnreadableFile
from jixiao.model import Document, DocumentError
from jixiao.services.documents import MAX_FILE_MB, FileBytes


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
