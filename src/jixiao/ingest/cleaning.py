"""Cell text cleaning shared by all readers: tags, entities, whitespace, wrapped CJK lines."""

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


def clean_cell_text(text: str) -> str:
    """Markup removed, entities decoded, whitespace collapsed; paragraphs kept as newlines."""
    if "<" in text:
        text = _PARAGRAPH_BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            lines.append(_CJK_GAP.sub("", line))
    return "\n".join(lines)
