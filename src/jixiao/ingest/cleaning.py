"""Cell text cleaning shared by all readers: tags, entities, whitespace, wrapped CJK lines.

* :func:`canonical_characters` for any text a reader takes in (a decoded text file, a cell):
  invisible format characters removed, full-width digits as ASCII digits;
* :func:`close_spaced_labels` for lines of text: a form's label typed with spaces between its
  characters for alignment (项 目 名 称, 一 级 指 标) as the one word;
* :func:`clean_cell_text` for text that may carry markup (converter text);
* :func:`normalize_cell_text` for the plain text of a cell (XLSX, DOCX, HTML): paragraphs kept
  as newlines, spaces collapsed, a space between two CJK characters dropped;
* :func:`join_wrapped_lines` for the lines of a PDF cell, which are wrapped by the layout, not
  paragraphs: joined without a space unless both sides are Latin letters.
"""

from __future__ import annotations

import html
import re
from functools import cache, partial
from typing import Final

from jixiao.model.framework import FRAMEWORK, LEVEL1_ALIASES, LEVEL2_ALIASES
from jixiao.model.vocabulary import BUDGET_SUB_COLUMNS, COLUMN_LABELS, HEADER_LABELS

_PARAGRAPH_BREAK: Final = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)
_TAG: Final = re.compile(r"</?[a-zA-Z][^<>]*>")
_SPACES: Final = re.compile(r"[ \t\u00a0\u3000]+")
# A space between two CJK characters is a line wrap of the original cell, not a word break.
_CJK: Final = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、]"
_CJK_GAP: Final = re.compile(rf"(?<={_CJK}) (?={_CJK})")
_LATIN: Final = re.compile(r"[A-Za-z]")
# Any character str.strip removes or a line break splits at (\s is exactly str.isspace).
_WHITESPACE: Final = re.compile(r"\s")
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
_NONCANONICAL: Final = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE | _FULL_WIDTH_DIGITS)) + "]"
)
# A full-width full stop between two digits is a decimal point (１２．５ → 12.5).
_DECIMAL_POINT: Final = re.compile(r"(?<=[0-9])．(?=[0-9])")


def canonical_characters(text: str) -> str:
    """Invisible format characters removed; full-width digits, percent sign and decimal point
    as ASCII. Idempotent, and a no-op on text without them."""
    if not _NONCANONICAL.search(text):  # nearly every text: a scan, no copy
        return text
    text = text.translate(_CHARACTERS)
    return _DECIMAL_POINT.sub(".", text) if "．" in text else text


# A run of CJK words separated by one to three spaces: where a spaced-out label may be
# (and the colon after it, if any). It starts only where a CJK run starts and never gives back
# (possessive): linear in the line, where a plain pattern retries every start of a long sentence.
_SPACED_RUN: Final = re.compile(
    r"(?<![\u3400-\u9fff])"
    r"(?P<run>[\u3400-\u9fff]++(?:[ \u3000\u00a0]{1,3}[\u3400-\u9fff]++)+)(?P<colon>[:：]?)"
)
_GAP: Final = re.compile(r"[ \u3000\u00a0]{1,3}")
_MAX_LABEL_LENGTH: Final = 16


@cache
def label_words() -> frozenset[str]:
    """The printed labels and level names of three or more characters (vocabulary, framework)."""
    words = {*HEADER_LABELS, *COLUMN_LABELS, *BUDGET_SUB_COLUMNS, *LEVEL1_ALIASES, *LEVEL2_ALIASES}
    words.update(FRAMEWORK, *FRAMEWORK.values())
    return frozenset(word for word in words if len(word) >= 3)


def close_spaced_labels(text: str, *, keep_positions: bool = False) -> str:
    """Every line's labels typed with spaces between their characters or halves (项 目 名 称,
    项目 名称, 一  级  指  标) as the words. With ``keep_positions`` the removed spaces are put
    after the label (after its colon, if any), so that every later character keeps its
    position (pdftotext -layout columns); else they are dropped.

    A label is closed when its pieces make it exactly (项目 名称: spaces only at its ends and
    inside), or when a space stands between every two of its characters (一 级 指 标二 级 指 标,
    glued to the next cell). So '三级指标 指标值' stays, and so does a name ending in 满意度
    before a cell 指标值 (满意度 指标 is not spaced out)."""
    if " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return text
    return _SPACED_RUN.sub(partial(_close_run, keep_positions=keep_positions), text)


def _close_run(match: re.Match[str], *, keep_positions: bool) -> str:
    run = match.group("run")
    pieces = _GAP.split(run)
    gaps = _GAP.findall(run)
    text = "".join(pieces)
    gap_after = [""] * len(text)  # the spaces printed after each character
    position = 0
    for piece, gap in zip(pieces, gaps, strict=False):
        position += len(piece)
        gap_after[position - 1] = gap
    words = label_words()
    out: list[str] = []
    index = 0
    while index < len(text):
        length = _spaced_label_at(text, gap_after, index, words)
        if not length:
            out.append(text[index] + gap_after[index])
            index += 1
            continue
        last = index + length - 1
        padding = "".join(gap_after[index:last]) if keep_positions else ""
        out.append(text[index : last + 1] + padding + gap_after[last])
        index = last + 1
    closed = "".join(out)
    colon = match.group("colon")
    if not keep_positions:
        return closed + colon
    if colon:  # a label's padding after its colon: 实施单位：   某局, not 实施单位   ：某局
        label = closed.rstrip(" \u3000\u00a0")
        return label + colon + closed[len(label) :]
    return closed


def _spaced_label_at(text: str, gap_after: list[str], index: int, words: frozenset[str]) -> int:
    """The length of the longest spaced label starting at ``index`` (0: none)."""
    for length in range(min(_MAX_LABEL_LENGTH, len(text) - index), 2, -1):
        last = index + length - 1
        inside = gap_after[index:last]
        if not any(inside) or text[index : last + 1] not in words:
            continue
        if all(inside):  # spaced out: a space between every two characters
            return length
        starts = index == 0 or bool(gap_after[index - 1])
        # whole pieces, one space apart (a wider gap parts two cells: 服务对象满   意度 is a
        # level wrapped in its column beside a name's rest in the next one)
        single = all(len(gap) <= 1 for gap in inside)
        if single and starts and (last == len(text) - 1 or gap_after[last]):
            return length
    return 0


def clean_cell_text(text: str, *, canonical: bool = True) -> str:
    """Markup removed, entities decoded, whitespace collapsed; paragraphs kept as newlines.
    ``canonical=False``: the text's characters are canonical already (decoded text, made
    canonical whole), unless an entity decoded here brings others."""
    if not text:
        return text
    if "<" in text:
        text = _PARAGRAPH_BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
        canonical = True
    return normalize_cell_text(text, canonical=canonical)


def normalize_cell_text(text: str, *, canonical: bool = True) -> str:
    """Whitespace collapsed per line, empty lines dropped, CJK line-wrap gaps removed (and the
    characters made canonical: :func:`canonical_characters`, unless ``canonical`` is False:
    they are already)."""
    if canonical:
        text = canonical_characters(text)
    if _WHITESPACE.search(text) is None:
        return text  # most cells: nothing to collapse, strip or join
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
