"""Cell text cleaning shared by all readers: tags, entities, whitespace, wrapped CJK lines.

* :func:`canonical_characters` for any text a reader takes in (a decoded text file, a cell):
  invisible format characters removed, full-width digits as ASCII digits;
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
# Characters of Unicode category Cf that web pages and word processors leave in text: zero-width
# space, non-joiner and joiner, the direction marks and embeddings, the word joiner and invisible
# operators, a BOM inside the text, the soft hyphen, the Mongolian vowel separator. They print
# nothing, so a reader must not see them: a zero-width space before 项目名称 hides the label.
_INVISIBLE: Final = dict.fromkeys(
    [0x00AD, 0x180E, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065)]
)
# Full-width digits and percent sign (typed in a Chinese input method's full-width mode):
# "１００％" is the number 100%, which every number pattern and the targets grammar read in ASCII.
_FULL_WIDTH_DIGITS: Final = {0xFF10 + digit: ord("0") + digit for digit in range(10)} | {
    ord("％"): ord("%")
}
_CHARACTERS: Final = str.maketrans(_INVISIBLE | _FULL_WIDTH_DIGITS)
# A full-width full stop between two digits is a decimal point (１２．５ → 12.5).
_DECIMAL_POINT: Final = re.compile(r"(?<=[0-9])．(?=[0-9])")


def canonical_characters(text: str) -> str:
    """Invisible format characters removed; full-width digits, percent sign and decimal point
    as ASCII. Idempotent, and a no-op on text without them."""
    text = text.translate(_CHARACTERS)
    return _DECIMAL_POINT.sub(".", text) if "．" in text else text


def clean_cell_text(text: str) -> str:
    """Markup removed, entities decoded, whitespace collapsed; paragraphs kept as newlines."""
    if "<" in text:
        text = _PARAGRAPH_BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return normalize_cell_text(text)


def normalize_cell_text(text: str) -> str:
    """Whitespace collapsed per line, empty lines dropped, CJK line-wrap gaps removed (and the
    characters made canonical: :func:`canonical_characters`)."""
    lines = []
    for line in canonical_characters(text).replace("\r", "\n").split("\n"):
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
