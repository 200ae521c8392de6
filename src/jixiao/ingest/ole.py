"""OLE compound files (CFB): old .xls/.doc, and password-protected .xlsx/.docx.

jixiao reads none of them; this module only says which one a file is so that the message
tells the user what to do. Office stores an encrypted .xlsx/.docx as a compound file holding an
``EncryptedPackage`` stream; old binary workbooks hold ``Workbook`` (or ``Book``), old Word
files ``WordDocument``. Directory entry names are UTF-16LE, so a byte search finds them.
"""

from __future__ import annotations

from typing import Final, NoReturn

from jixiao.errors import EncryptedFile, UnsupportedFormat

_ENCRYPTED: Final = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK: Final = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
_WORD: Final = "WordDocument".encode("utf-16-le")


def refuse_ole(data: bytes, file: str) -> NoReturn:
    """Raise the error that explains what this compound file is and what to do with it."""
    if _ENCRYPTED in data:
        raise EncryptedFile(
            file,
            "文件设有打开密码（已加密），无法读取；请在 Excel/Word/WPS 中取消打开密码"
            "后另存为 .xlsx 或 .docx 再读取",
        )
    if any(name in data for name in _WORKBOOK):
        kind = "旧版 Excel 工作簿（.xls）"
        advice = "请在 Excel/WPS 中另存为 .xlsx 后再读取"
    elif _WORD in data:
        kind = "旧版 Word 文档（.doc）"
        advice = "请在 Word/WPS 中另存为 .docx 后再读取"
    else:
        kind = "旧版 Office 文件（.xls/.doc）"
        advice = "请另存为 .xlsx 或 .docx 后再读取"
    raise UnsupportedFormat(file, f"暂不支持读取{kind}；{advice}")
