"""The indicator column header: which grid column holds which field.

Besides the usual 一级指标 | 二级指标 | 三级指标 | … | 指标值 row, two layouts need care:

* a multi-project sheet puts the project's own cells in front of the indicator columns
  (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | …): these are the *project columns*;
* an approval form (批复表) prints two parallel groups side by side — 中期 and 年度 —
  (一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值): only the last group is
  read, and the assembler records that it did so;
* a form for several towns or regions prints one 指标值 column per region, named after it
  (… | 三级指标 | 指标解释 | 城关镇 | 新河乡 | 石桥镇): :func:`region_columns`.
"""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.ingest.grid import Cell
from jixiao.model.framework import SECTION_POINTS
from jixiao.model.labels import (
    column_field,
    entity_columns,
    implied_name_column,
    spanned_entity_columns,
    stand_in_name_column,
)
from jixiao.model.vocabulary import Field

# '产出指标（70分）': the section's weight printed in the level cell


def map_columns(cells: Iterable[Cell]) -> dict[Field, list[int]]:
    """Field → grid columns; an empty header cell continues the label on its left (colspan).
    A header naming no 三级 column has its names under 指标内容 or 绩效指标 after the 二级
    (:func:`~jixiao.model.labels.stand_in_name_column`)."""
    listed = list(cells)
    fields = [column_field(cell.text) if cell.text else None for cell in listed]
    stand_in = stand_in_name_column(fields, [cell.text for cell in listed])
    if stand_in is not None:
        fields[stand_in] = Field.NAME  # 一级指标 | 二级指标 | 指标内容 | 指标值
    labelled = [i for i, cell in enumerate(listed) if cell.text]
    implied = implied_name_column([fields[i] for i in labelled], [listed[i].text for i in labelled])
    if implied is not None and labelled[implied] - labelled[implied - 1] > 1:
        # 一级指标 | 二级指标 (over two columns) | 绩效标准 | 当年预期实现值: the cell the
        # 二级 label spans last holds the 三级 names
        fields[labelled[implied] - 1] = Field.NAME
    columns: dict[Field, list[int]] = {}
    previous: Field | None = None
    for cell, field in zip(listed, fields, strict=True):
        name = field if cell.text or field is not None else previous
        if name is not None:
            columns.setdefault(name, []).append(cell.column)
        previous = name
    return columns


def region_columns(cells: Iterable[Cell]) -> list[int]:
    """The grid columns of a header's per-region 指标值 columns
    (:func:`~jixiao.model.labels.entity_columns`), [] when it has none."""
    listed = list(cells)
    fields = [column_field(cell.text) if cell.text else None for cell in listed]
    return [listed[i].column for i in entity_columns(fields, [cell.text for cell in listed])]


def regions_under_target(header: Iterable[Cell], below: Iterable[Cell]) -> dict[int, str]:
    """The region columns a two-row header names on its second row (指标值 over 禾川镇 |
    石桥镇: :func:`~jixiao.model.labels.spanned_entity_columns`): grid column → region, from
    the 指标值 column on — at the names' own columns when they stand there, else in order from
    it (a reader that shifted the row left, the merged labels beside it printing nothing).
    {} when ``below`` is no such row or a column the header maps follows the 指标值."""
    cells = list(header)
    names = [cell for cell in below if cell.text]
    texts = [cell.text for cell in cells]
    fields = [column_field(text) if text else None for text in texts]
    if not spanned_entity_columns(
        [*fields, *([None] * len(names))], [*texts, *(cell.text for cell in names)]
    ):
        return {}
    mapped = map_columns(cells)
    start = min(mapped[Field.TARGET])
    if any(c > start for f, columns in mapped.items() if f is not Field.TARGET for c in columns):
        return {}  # columns after the 指标值 (实际完成值 …): not where the names go
    own = [cell.column for cell in names]
    if own == list(range(start, start + len(names))):
        return {cell.column: cell.text for cell in names}
    return {start + offset: cell.text for offset, cell in enumerate(names)}


def shared_value(texts: list[str], labels: list[str]) -> tuple[str, str | None]:
    """The 指标值 of a row with one value column per region: the value every region prints;
    when they differ (or one is empty), no value and what each printed, for the doubt."""
    if len(set(texts)) == 1 and texts[0]:
        return texts[0], None
    return "", "、".join(f"{label}“{text}”" for label, text in zip(labels, texts, strict=True))


def runs(columns: list[int]) -> list[list[int]]:
    """Contiguous runs of column numbers: [2, 3, 6] → [[2, 3], [6]]."""
    found: list[list[int]] = []
    for column in sorted(columns):
        if found and column == found[-1][-1] + 1:
            found[-1].append(column)
        else:
            found.append([column])
    return found


def is_parallel_group(columns: dict[Field, list[int]]) -> bool:
    """True when 三级指标 and 指标值 are each printed twice, apart (two column groups)."""
    return all(len(runs(columns.get(name, []))) >= 2 for name in (Field.NAME, Field.TARGET))


def keep_last_group(columns: dict[Field, list[int]]) -> dict[Field, list[int]]:
    """Each field printed in several separate places keeps only its last place."""
    return {name: runs(places)[-1] for name, places in columns.items()}


def strip_section_weight(text: str) -> str:
    """'产出指标（70分）', '产出指标(40-50)分' → '产出指标' (the section weight is not part of
    the name)."""
    return SECTION_POINTS.sub("", text)
