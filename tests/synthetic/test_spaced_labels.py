"""Labels typed with spaces between their characters (项 目 名 称, 一 级 指 标) for alignment, as
forms often print them, in every text shape: every row still exact or doubted, none wrong or
spurious (the readers close them: ``ingest/cleaning.close_spaced_labels``).

The generated document is printed in the shape, then its labels are spaced out in the text:
with one space between characters, except in ``layout`` (pdftotext -layout), where a label
takes its spaces from the padding after it, so that every column keeps its position as a PDF
with spaced labels prints it, and a column gap of two spaces at least is left after it, as a
PDF cell's padding leaves (a label without the room is left as it is).
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic.scoring import score
from synthetic.shapes import SHAPES, Rendered
from synthetic.tables import Table, documents

LABELS = ("项目名称", "主管部门", "实施单位", "一级指标", "二级指标", "三级指标", "年度目标")
TEXT_SHAPES = ("tabs", "pipes", "cell_lines", "paragraphs", "spaces", "glued", "webpage", "layout")


def space_out(text: str, *, keep_positions: bool) -> str:
    for label in LABELS:
        spaced = " ".join(label)
        if not keep_positions:
            text = text.replace(label, spaced)
            continue
        room = " " * (len(label) - 1 + 2)
        text = re.sub(re.escape(label + room), spaced + "  ", text)
    return text


def spaced_rendering(rendered: Rendered, shape: str) -> Rendered:
    text = space_out(rendered.data.decode(), keep_positions=shape == "layout")
    return replace(rendered, data=text.encode(), lines=text.splitlines())


def test_spacing_keeps_a_layout_line_in_place() -> None:
    line = "项目名称     甲项目    主管部门  乙局"
    spaced = space_out(line, keep_positions=True)
    assert spaced == "项 目 名 称  甲项目    主管部门  乙局"  # 主管部门 has no room
    assert len(spaced) == len(line)


@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_spaced_labels_are_read_as_the_labels(shape: str) -> None:
    @settings(
        max_examples=60,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(documents(), st.integers(0, 2**16))
    def check(tables: tuple[Table, ...], variant: int) -> None:
        printed = SHAPES[shape].render(tables, variant)
        rendered = spaced_rendering(printed, shape)
        outcome = score(rendered)
        if shape == "layout":
            # these draws meet a layout the reader gets wrong with its labels unspaced too
            # (a 二级 cell wrapped between two rows' names): spacing must change nothing
            if outcome.details != score(printed).details:
                pytest.fail("\n".join([rendered.data.decode(), "---", *outcome.details]))
        elif not outcome.passed:
            pytest.fail("\n".join([rendered.data.decode(), "---", *outcome.details]))

    check()
