"""OLE compound files (CFB): old .xls/.doc, and password-protected .xlsx/.docx.

A binary workbook (.xls) is read (:mod:`.xls`); for the others this module says which one a
file is so that the message tells the user what to do. Office stores an encrypted .xlsx/.docx
as a compound file holding an ``EncryptedPackage`` stream; old binary workbooks hold
``Workbook`` (or ``Book``), old Word files ``WordDocument``. Directory entry names are
UTF-16LE, so a byte search finds them.
"""

from __future__ import annotations

from typing import Final, NoReturn

from jixiao.errors import EncryptedFile, UnsupportedFormat

_ENCRYPTED: Final = "EncryptedPackage".encode("utf-16-le")
_WORD: Final = "WordDocument".encode("utf-16-le")


def is_workbook(data: bytes) -> bool:
    """A binary Excel workbook, or a compound file too damaged to name its streams (a
    truncated download): not an encrypted .xlsx/.docx and not an old Word document."""
    return _ENCRYPTED not in data and _WORD not in data


def refuse_ole(data: bytes, file: str) -> NoReturn:
    """Raise the error that explains what this compound file is and what to do with it:
    an encrypted .xlsx/.docx, or an old Word document (anything else is read as a workbook)."""
    if _ENCRYPTED in data:
        raise EncryptedFile(
            file,
            "文件设有打开密码（已加密），无法读取；请在 Excel/Word/WPS 中取消打开密码"
            "后另存为 .xlsx 或 .docx 再读取",
        )
    raise UnsupportedFormat(
        file, "暂不支持读取旧版 Word 文档（.doc）；请在 Word/WPS 中另存为 .docx 后再读取"
    )
