from __future__ import annotations

import re

import pytest

from jixiao.model.framework import WHITESPACE, normalize_level1, normalize_level2


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("产出指标", "产出指标"),
        ("产 出 指 标", "产出指标"),
        ("預期產出指標", "产出指标"),
        ("预期产出指标", "产出指标"),
        ("產出指標", "产出指标"),
        ("效果指标", "效益指标"),
        ("满意度指标", "满意度指标"),
        ("成本指标", "成本指标"),
        ("其他", None),
        ("", None),
        (None, None),
    ],
)
def test_level1(printed: str | None, canonical: str | None) -> None:
    assert normalize_level1(printed) == canonical


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("数量指标", "数量指标"),
        ("数量指标(或建筑规模指标)", "数量指标"),
        ("时效指标（工期指标、形象进度指标）", "时效指标"),
        ("预算(或投资规模)控制指标", "成本指标"),
        ("环境效益指标", "生态效益指标"),
        ("社会公众或服务对象满意度指标", "服务对象满意度指标"),
        ("服务对象满意度指标", "服务对象满意度指标"),
        ("經濟效益指標", "经济效益指标"),
        ("经济成本指标", "经济成本指标"),
        ("社会、经济、生态效益指标", None),
        ("规模指标", None),
    ],
)
def test_level2(printed: str, canonical: str | None) -> None:
    assert normalize_level2(printed) == canonical


def test_whitespace_is_every_character_backslash_s_matches() -> None:
    matched = {c for c in map(chr, range(0x110000)) if re.fullmatch(r"\s", c)}
    assert set(WHITESPACE) == matched
