"""Cell text cleaning shared by all readers: tags, entities, whitespace, wrapped CJK lines.

* :func:`clean_cell_text` for text that may carry markup (converter text);
* :func:`normalize_cell_text` for the plain text of a cell (XLSX, DOCX, HTML): paragraphs kept
  as newlines, spaces collapsed, a space between two CJK characters dropped;
* :func:`join_wrapped_lines` for the lines of a PDF cell, which are wrapped by the layout, not
  paragraphs: joined without a space unless both sides are Latin letters.
"""

from __future__ import annotations

import html
import re
from typing import Final

_PARAGRAPH_BREAK: Final = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)
_TAG: Final = re.compile(r"</?[a-zA-Z][^<>]*>")
_SPACES: Final = re.compile(r"[ \t\u00a0\u3000]+")
# A space between two CJK characters is a line wrap of the original cell, not a word break.
_CJK: Final = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、]"
_CJK_GAP: Final = re.compile(rf"(?<={_CJK}) (?={_CJK})")
_LATIN: Final = re.compile(r"[A-Za-z]")


def clean_cell_text(text: str) -> str:
    """Markup removed, entities decoded, whitespace collapsed; paragraphs kept as newlines."""
    if "<" in text:
        text = _PARAGRAPH_BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return normalize_cell_text(text)


def normalize_cell_text(text: str) -> str:
    """Whitespace collapsed per line, empty lines dropped, CJK line-wrap gaps removed."""
    lines = []
    for line in text.replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            lines.append(_CJK_GAP.sub("", line))
    return "\n".join(lines)


def join_wrapped_lines(text: str) -> str:
    """The lines of a wrapped cell as one line: '干部信息管\n理信息系统' → '干部信息管理信息系统'.

    Wrapped CJK text has no space at the break; a space is put back only between two Latin
    letters ('PM\nvalue' → 'PM value'). Numbers broken across lines are joined as one.
    """
    joined = ""
    for line in normalize_cell_text(text).split("\n"):
        if joined and line and _LATIN.match(joined[-1]) and _LATIN.match(line[0]):
            joined += " "
        joined += line
    return joined
