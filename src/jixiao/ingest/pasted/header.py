"""The header block of pasted text: labels paired with their values, title lines kept.

The header block (项目名称, 主管部门, 资金情况, 年度目标 …) is printed as label/value pairs. In text
that lost its table, a label is recognised from the vocabulary (:mod:`jixiao.model.labels`)
and owns the values after it. Several labels in a row are a sub-table's column headings
(全年预算数 | 全年执行数 | 执行率) followed by the row label that owns the values (年度资金总额),
or a label followed by its sub-headings (年度总体目标 | 年初设定目标 | 全年实际完成情况): the
owner is the last label the model keeps a value for.
"""

from __future__ import annotations

import re
from typing import Final

from jixiao.ingest.pasted.tokens import Token
from jixiao.model.labels import budget_sub_column, header_label, is_known_label
from jixiao.model.vocabulary import Field

_NUMBER: Final = re.compile(r"^[\d.,%]+$")

# An amount, rate or score printed under a budget sub-column, or a dash for an empty one.
_FIGURE: Final = re.compile(r"^(?:[-+]?\d[\d,，]*(?:\.\d+)?%?|[-—/])$")


def is_label(token: Token) -> bool:
    return is_known_label(token.text)


def group_label_runs(tokens: list[Token]) -> list[list[Token]]:
    """Header rows from a stream of cells: ``[label, value, …]``, ``[label]`` or ``[text]``."""
    groups: list[list[Token]] = []
    index = 0
    while index < len(tokens):
        if not is_label(tokens[index]):
            groups.append([tokens[index]])
            index += 1
            continue
        run_end = index
        while run_end < len(tokens) and is_label(tokens[run_end]):
            run_end += 1
        values_end = run_end
        while values_end < len(tokens) and not is_label(tokens[values_end]):
            values_end += 1
        run = tokens[index:run_end]
        values = tokens[run_end:values_end]
        owner = max(
            (i for i, token in enumerate(run) if owns(token, values)),
            default=len(run) - 1,
        )
        for i, label in enumerate(run):
            groups.append([label, *values] if i == owner else [label])
        index = values_end
    return groups


def owns(label: Token, values: list[Token]) -> bool:
    """A label the model keeps a value for, and whose value these can be: a number is no
    project or department name (自评总分 97.6 after 主管部门 with its cell empty)."""
    field = header_label(label.text)
    if field is None:
        return False
    if field in (Field.PROJECT, Field.DEPARTMENT, Field.CENTRAL_DEPARTMENT) and values:
        return not _NUMBER.match(values[0].text)
    return True


def group_whitespace_row(tokens: list[Token]) -> list[Token]:
    """A space-separated header row: each label followed by its value, the value's words
    joined with a space (年度目标 围绕… 目标1:… 目标2:… → 年度目标 | 围绕… 目标1:… 目标2:…);
    a run of figures stays one cell each (年度资金总额: 880 880 880 10 10)."""
    cells: list[Token] = []
    words: list[Token] = []

    def flush() -> None:
        if words and all(_FIGURE.match(w.text) for w in words):
            cells.extend(words)  # amounts under sub-columns: 880 880 880 10 10
            words.clear()
        if words:
            text = " ".join(w.text for w in words)
            printed = " ".join(w.printed for w in words)
            cells.append(Token(text, printed, words[0].line))
            words.clear()

    for token in tokens:
        # a budget block's sub-column heading is a cell of its own (年度预算数 年初预算 调整后
        # 预算数 预算执行数 …: the headings, not one value of 年度预算数)
        if is_label(token) or budget_sub_column(token.text) is not None:
            flush()
            cells.append(token)
        else:
            words.append(token)
    flush()
    return cells
