"""The dynamic-programming cell placement gives what the exhaustive search it replaced gave.

The reference below is the search :func:`place_cells` used before (every combination of
columns, scored by :func:`alignment_score`), kept here only as the reference. Its one change:
scores are compared in exact thousandths, as the new placement compares them, so that two
alignments exactly :data:`_TIE` apart are tied whatever the rounding of their float sums
(the old float comparison decided such a pair by the order of its additions).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.ingest.pasted import alignment
from jixiao.ingest.pasted.alignment import Placement, alignment_score, place_cells
from jixiao.model.vocabulary import Field


def exhaustive(texts: Sequence[str], fields: Sequence[Field | None]) -> Placement | None:
    if not texts or len(texts) > len(fields):
        return None
    scored = [
        (score, places)
        for places in itertools.combinations(range(len(fields)), len(texts))
        if (score := alignment_score(texts, fields, places)) is not None
    ]
    if not scored:
        return None
    exact = [(round(score * 1000), places) for score, places in scored]
    exact.sort(key=lambda item: -item[0])
    best_score, best = exact[0]
    tied = [places for score, places in exact if score >= best_score - 500]
    uncertain = tuple(i for i in range(len(texts)) if len({p[i] for p in tied}) > 1)
    places = tuple(None if i in uncertain else p for i, p in enumerate(best))
    choices = tuple(tuple(sorted({p[i] for p in tied})) for i in uncertain)
    score = alignment_score(texts, fields, best)
    assert score is not None
    return Placement(places, score, uncertain, choices)


# cells of every kind the recognizers tell apart: level names, names, values, operators,
# directions, units, scores, amounts, coded units, grades, labels, free text
TEXTS = [
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "数量指标",
    "质量指标",
    "社会效益指标",
    "满意度",
    "生态效益类指标",
    "培训人数",
    "车辆数",
    "供应时效",
    "≥80%",
    "100%",
    "100%(历史标准)",
    "10辆",
    "≤3天",
    "达标",
    "已完成",
    "效果显著",
    "≥",
    "=",
    "不低于",
    "正向",
    "反向指标",
    "定量",
    "%",
    "个",
    "人/次",
    "万元",
    "8",
    "10",
    "95.5",
    "44,561",
    "3,309,840.00",
    "820001-井研县马踏镇人民政府",
    "甲项目",
    "县教育局",
    "指标值",
    "三级指标",
    "备注",
    "abc",
    "——",
    "2024年12月31日前",
]
FIELDS: list[Field | None] = [
    Field.LEVEL1,
    Field.LEVEL2,
    Field.NAME,
    Field.DESCRIPTION,
    Field.TARGET,
    Field.OPERATOR,
    Field.DIRECTION,
    Field.UNIT,
    Field.ACTUAL,
    Field.WEIGHT,
    Field.SCORE,
    Field.DEVIATION,
    Field.REMARK,
    Field.PROJECT,
    Field.DEPARTMENT,
    Field.TOTAL,
    Field.GOALS,
    None,
]

# headers as the templates print them, and any sequence of columns
TEMPLATE_HEADERS = [
    [Field.LEVEL1, Field.LEVEL2, Field.NAME, Field.TARGET],
    [Field.LEVEL1, Field.LEVEL2, Field.NAME, Field.DESCRIPTION, Field.TARGET],
    [Field.LEVEL1, Field.LEVEL2, Field.NAME, Field.OPERATOR, Field.TARGET, Field.UNIT],
    [
        Field.LEVEL1,
        Field.LEVEL2,
        Field.NAME,
        Field.TARGET,
        Field.ACTUAL,
        Field.WEIGHT,
        Field.SCORE,
        Field.DEVIATION,
    ],
    [
        Field.PROJECT,
        Field.DEPARTMENT,
        Field.TOTAL,
        Field.LEVEL1,
        Field.LEVEL2,
        Field.NAME,
        Field.TARGET,
        Field.REMARK,
    ],
]
headers = st.one_of(
    st.sampled_from(TEMPLATE_HEADERS),
    st.lists(st.sampled_from(FIELDS), min_size=1, max_size=9),
)


@settings(max_examples=600, deadline=None)
@given(headers, st.lists(st.sampled_from(TEXTS), min_size=1, max_size=8))
def test_the_placement_is_the_exhaustive_search_s(
    fields: list[Field | None], texts: list[str]
) -> None:
    assert place_cells(texts, fields) == exhaustive(texts, fields)


@settings(max_examples=200, deadline=None)
@given(headers, st.data())
def test_rows_cut_from_a_row_of_the_header_are_placed_alike(
    fields: list[Field | None], data: st.DataObject
) -> None:
    # rows shaped like real ones: one cell per column, some dropped (vanished empty cells)
    texts = [data.draw(st.sampled_from(TEXTS)) for _ in fields]
    kept = [t for t in texts if data.draw(st.booleans())] or texts[:1]
    assert place_cells(kept, fields) == exhaustive(kept, fields)


def test_a_wide_row_costs_cells_times_columns_fit_calls(monkeypatch: object) -> None:
    calls = 0
    real = alignment.fit

    def counted(text: str, field: Field | None) -> float | None:
        nonlocal calls
        calls += 1
        return real(text, field)

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(alignment, "fit", counted)
    fields = [Field.LEVEL1, Field.LEVEL2] + [Field.NAME, Field.TARGET, Field.REMARK] * 10
    texts = ["数量指标", *(["培训人数", "≥80%"] * 8)]
    placement = place_cells(texts, fields)  # C(32, 17) ≈ 5.6e8 alignments
    assert placement is not None
    # the fits of the table (cells × columns at most) and one rescoring of the best alignment
    assert calls <= len(texts) * len(fields) + len(texts)
