"""Inputs that once made the reader hang or crash (tests/ingest/fuzz_cases, from issue 18)
read with bounded work: no time is measured, the calls of the reader's two searches are
counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.ingest.pasted import alignment, tokens

CASES = sorted(
    p for p in (Path(__file__).parent / "fuzz_cases").iterdir() if p.suffix in (".txt", ".html")
)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_a_fuzz_case_reads_with_bounded_work(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"fit": 0, "label": 0}
    fit, is_level_name = alignment.fit, tokens.is_level_name

    def counted_fit(text: str, field: alignment.Field | None) -> float | None:
        calls["fit"] += 1
        return fit(text, field)

    def counted_level_name(text: str) -> bool:
        calls["label"] += 1
        return is_level_name(text)

    monkeypatch.setattr(alignment, "fit", counted_fit)
    monkeypatch.setattr(tokens, "is_level_name", counted_level_name)
    data = path.read_bytes()
    tables, _ = assemble_tables(read_grid(data, path.name))
    assert tables  # each still holds its table
    lines = data.count(b"\n") + 1
    # the exhaustive searches made millions of fit calls (11.8 million for the yunnan case)
    # and 499,500 level-name look-ups on the vertical-join case
    # (a header line carrying its rows is read as a stream of cells: segment_rows tries
    # O(cells × columns) rows, each placed in O(cells × columns), about 15,000 calls here)
    assert calls["fit"] <= 40_000
    assert calls["label"] <= 32 * lines


STREAM = """项目名称
甲项目
一级指标
二级指标
三级指标
{repeated}指标值
产出指标
数量指标
培训人数
≥100人
质量指标
合格率
100%
"""


@pytest.mark.parametrize("label", ["项目名称", "三级指标", "指标值"])
@pytest.mark.parametrize("times", [2, 30, 3000])
def test_a_label_repeated_in_a_header_is_one_column(label: str, times: int) -> None:
    once, _ = assemble_tables(read_grid(STREAM.format(repeated="").encode(), "a.txt"))
    text = STREAM.format(repeated="").replace(f"{label}\n", f"{label}\n" * times, 1)
    if label == "项目名称":  # inside the indicator header, not the project's own label
        text = STREAM.format(repeated=f"{label}\n" * times)
        once, _ = assemble_tables(read_grid(STREAM.format(repeated=label + "\n").encode(), "a.txt"))
    repeated, _ = assemble_tables(read_grid(text.encode(), "a.txt"))
    assert [i.name for i in repeated[0].indicators] == [i.name for i in once[0].indicators]
    assert [i.target.raw for i in repeated[0].indicators] == ["≥100人", "100%"]
