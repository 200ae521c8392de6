"""The printed labels of the header block and indicator columns (see :mod:`jixiao.model.labels`).

The vocabulary lives in the model layer, where the pasted-text reader can use it too; this
module keeps the assembler's imports short.
"""

from __future__ import annotations

from jixiao.model.labels import (
    BUDGET_SUB_COLUMNS,
    COLUMN_LABELS,
    DEPARTMENT_FORM_LABELS,
    FISCAL_TOTAL_LABELS,
    HEADER_LABELS,
    IGNORED_LABELS,
    Field,
    budget_sub_column,
    clean_label,
    column_label,
    header_label,
    is_header_without_target,
    is_indicator_header,
    is_known_label,
    label_unit,
    stands_alone,
)

__all__ = [
    "BUDGET_SUB_COLUMNS",
    "COLUMN_LABELS",
    "DEPARTMENT_FORM_LABELS",
    "FISCAL_TOTAL_LABELS",
    "HEADER_LABELS",
    "IGNORED_LABELS",
    "Field",
    "budget_sub_column",
    "clean_label",
    "column_label",
    "header_label",
    "is_header_without_target",
    "is_indicator_header",
    "is_known_label",
    "label_unit",
    "stands_alone",
]
