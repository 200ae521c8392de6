"""OLE compound files (CFB): old .xls/.doc, and password-protected .xlsx/.docx.

A binary workbook (.xls) is read by :mod:`.xls`, a Word 97-2003 document (.doc) by :mod:`.doc`;
for an encrypted .xlsx/.docx this module says what to do. Office stores an encrypted .xlsx/.docx
as a compound file holding an ``EncryptedPackage`` stream; old binary workbooks hold
``Workbook`` (or ``Book``), old Word files ``WordDocument``. Directory entry names are
UTF-16LE, so a byte search finds them.
"""

from __future__ import annotations

from typing import Final, NoReturn

from jixiao.errors import EncryptedFile

_ENCRYPTED: Final = "EncryptedPackage".encode("utf-16-le")
_WORD: Final = "WordDocument".encode("utf-16-le")


def is_workbook(data: bytes) -> bool:
    """A binary Excel workbook, or a compound file too damaged to name its streams (a
    truncated download): not an encrypted .xlsx/.docx and not an old Word document."""
    return _ENCRYPTED not in data and _WORD not in data


def is_word_document(data: bytes) -> bool:
    """An old Word document (a ``WordDocument`` stream), not an encrypted .docx."""
    return _ENCRYPTED not in data and _WORD in data


def refuse_ole(data: bytes, file: str) -> NoReturn:
    """The error of a compound file that is neither workbook nor Word document: an
    encrypted .xlsx/.docx."""
    raise EncryptedFile(
        file,
        "文件设有打开密码（已加密），无法读取；请在 Excel/Word/WPS 中取消打开密码"
        "后另存为 .xlsx 或 .docx 再读取",
    )
