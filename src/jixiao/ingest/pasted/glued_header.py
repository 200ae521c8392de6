"""The indicator header of glued text: a run of column labels printed with nothing between them.

``绩效指标指标名称指标权重计量单位指标性质指标值`` or ``一级指标二级指标三级指标指标值…`` is
found by name from the one label vocabulary (:mod:`jixiao.model.labels`). A document preview may
print a label's characters out of order (``年成值全完值`` for 全年完成值, a vertical cell read
column by column): a short gap between two labels whose characters are those of a known label
(give or take one repeated character) is read as that label; any other gap ends the run.

A run is an indicator header when it names the 三级指标 (三级指标, 指标名称, or a stand-in such
as 指标内容 right after 二级指标) and the 指标值 and holds at least three labels. Finding it
costs O(n · g) for a text of ``n`` characters and gaps of at most ``g`` characters (each tried
against the vocabulary once).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jixiao.model.labels import column_label, implied_name_column, stand_in_name_column
from jixiao.model.vocabulary import COLUMN_LABELS, UNKEPT_COLUMNS, Field, alternation

_BRACKET: Final = r"(?:[（(][^（()）]{1,12}[)）])?"
_SECTION_LABEL: Final = "绩效指标"  # a label merged down the indicator rows, naming no column
_LABEL: Final = re.compile(
    rf"(?:{alternation([*COLUMN_LABELS, *UNKEPT_COLUMNS, _SECTION_LABEL])}){_BRACKET}"
)
_MAX_GAP: Final = 8


@dataclass(frozen=True, slots=True)
class LabelRun:
    start: int
    end: int
    labels: tuple[tuple[int, int, str], ...]  # (start, end, the label it reads as)


def label_run(text: str, start: int) -> LabelRun | None:
    """The labels glued together from ``start`` (None when no label starts there)."""
    labels: list[tuple[int, int, str]] = []
    position = start
    while True:
        match = _LABEL.match(text, position)
        if match is not None:
            labels.append((match.start(), match.end(), match.group()))
            position = match.end()
            continue
        if not labels:
            return None
        following = _LABEL.search(text, position, position + _MAX_GAP + 12)
        if following is None or following.start() - position > _MAX_GAP:
            break
        read_as = scrambled_label(text[position : following.start()])
        if read_as is None:
            break
        labels.append((position, following.start(), read_as))
        position = following.start()
    return LabelRun(start, position, tuple(labels))


@lru_cache(maxsize=1024)
def scrambled_label(text: str) -> str | None:
    """The column label whose characters ``text`` holds out of order (one extra allowed)."""
    if not text or len(text) < 2:
        return None
    have = Counter(text)
    for label in [*COLUMN_LABELS, *UNKEPT_COLUMNS]:
        if len(label) < 3 or not 0 <= len(text) - len(label) <= 1:
            continue
        need = Counter(label)
        if all(have[c] >= n for c, n in need.items()):
            return label
    return None


def run_fields(run: LabelRun) -> list[Field | None]:
    return [column_label(label) for _, _, label in run.labels]


def is_header_run(run: LabelRun) -> bool:
    fields = run_fields(run)
    texts = [label for _, _, label in run.labels]
    # the 三级 names under 三级指标, under no label after 二级指标, or under a stand-in label
    # after it (一级指标二级指标指标内容指标值)
    names = (
        Field.NAME in fields
        or implied_name_column(fields, texts) is not None
        or stand_in_name_column(fields, texts) is not None
    )
    return len(run.labels) >= 3 and names and Field.TARGET in fields


def is_region_run(run: LabelRun) -> bool:
    """A header naming the 三级 and another level column but no 指标值: a form with one value
    column per region or unit, whose names (no labels) follow the run."""
    fields = set(run_fields(run))
    levels = fields & {Field.LEVEL1, Field.LEVEL2, Field.NAME}
    return Field.NAME in levels and len(levels) >= 2 and Field.TARGET not in fields


def find_region_run(text: str, start: int = 0, end: int | None = None) -> LabelRun | None:
    """The first glued indicator header without a 指标值 column (:func:`is_region_run`),
    starting before ``end``."""
    for match in _LABEL.finditer(text, start, len(text) if end is None else end):
        run = label_run(text, match.start())
        if run is not None and is_region_run(run):
            return run
    return None


def find_header_run(text: str, start: int = 0) -> LabelRun | None:
    """The first glued indicator header in ``text`` from ``start``."""
    for match in _LABEL.finditer(text, start):
        run = label_run(text, match.start())
        if run is not None and is_header_run(run):
            return run
    return None


def has_glued_header(line: str) -> bool:
    """A line holding a glued indicator header (labels with no separator between them: labels
    separated by spaces are the whitespace form)."""
    if "|" in line or "\t" in line:
        return False
    return find_header_run(line) is not None
