"""Rows ↔ model objects without a database: every field stored, every value read back exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Document, Indicator, SourceRef, Target, TargetKind
from jixiao.store.rows import (
    SOURCE_FIELDS,
    TABLE_ONLY_SOURCE_FIELDS,
    TARGET_FIELDS,
    content_sha256,
    indicator_from_row,
    indicator_rows,
    revision_values,
    target_columns,
    target_from_columns,
)
from jixiao.targets import parse_target

TOKENS = (
    "≥", "≤", "<", "=", "16", "1.5", "万元", "个", "%", "80%-90%", "2024年12月底前完成",
    "12月31日前", "2023.07-2024.01", "效果显著", "较上年增长≥5%", "与上年度持平",
    "每人每天费用：住宿费 80 元，餐费 90 元", "直属单位", "3个月", "以上", "，", "详见附件", " ",
)  # fmt: skip
target_texts = st.text() | st.lists(st.sampled_from(TOKENS), max_size=6).map("".join)


def test_every_target_and_source_field_has_a_column() -> None:
    assert set(TARGET_FIELDS) == set(Target.model_fields)
    assert set(SOURCE_FIELDS) == set(SourceRef.model_fields) - TABLE_ONLY_SOURCE_FIELDS


@settings(max_examples=300, deadline=None)
@given(text=target_texts, year=st.none() | st.integers(2000, 2100))
def test_targets_read_back_exactly(text: str, year: int | None) -> None:
    target = parse_target(text, year=year)
    assert target_from_columns(target_columns(target)) == target


def test_example_indicators_read_back_exactly(example: Document) -> None:
    for table in example.tables:
        contents, sources = indicator_rows(table.indicators)
        rows = [(0, *c, *s) for c, s in zip(contents, sources, strict=True)]
        assert [indicator_from_row(row) for row in rows] == table.indicators


def test_self_evaluation_fields_read_back_exactly() -> None:
    indicator = Indicator(
        level1="产出指标",
        name="完成率",
        target=parse_target("≥95%"),
        actual=Target(raw="2024-06-30", kind=TargetKind.DEADLINE, date=dt.date(2024, 6, 30)),
        weight=10.0,
        score=9.5,
        source=SourceRef(file="自评.xlsx", sheet="Sheet1", cell="E7", row=7, column=5),
    )
    contents, sources = indicator_rows([indicator])
    assert indicator_from_row((1, *contents[0], *sources[0])) == indicator


def test_a_table_with_no_implementer_hashes_as_before_the_column_existed(
    example: Document,
) -> None:
    """Tables stored before migration 0013 have no implementer: read again unchanged, their
    content hash is the one stored then (a header without the key)."""
    table = example.tables[0]
    header = revision_values(table)
    contents, _ = indicator_rows(table.indicators)
    before = {key: value for key, value in header.items() if key != "implementer"}
    assert content_sha256(header, contents) == content_sha256(before, contents)
    named = revision_values(table.model_copy(update={"implementer": "某中心"}))
    assert content_sha256(named, contents) != content_sha256(header, contents)


def test_a_table_with_no_printed_total_hashes_as_before_the_column_existed(
    example: Document,
) -> None:
    """Tables stored before migration 0016 have no total_score: read again unchanged (none
    printed), their content hash is the one stored then."""
    table = example.tables[0]
    header = revision_values(table)
    contents, _ = indicator_rows(table.indicators)
    before = {key: value for key, value in header.items() if key != "total_score"}
    assert content_sha256(header, contents) == content_sha256(before, contents)
    printed = revision_values(table.model_copy(update={"total_score": 96.0}))
    assert content_sha256(printed, contents) != content_sha256(header, contents)
