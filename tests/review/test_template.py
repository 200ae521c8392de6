"""Every rule's message and hint renders as ``str.format_map`` would render it."""

from __future__ import annotations

from string import Formatter

import pytest

from jixiao.review.registry import all_rules
from jixiao.review.rule import Template


def sample_fields(text: str) -> dict[str, object]:
    """A value for each field of ``text``: a number where the field has a format spec."""
    return {
        field: (0.25 if spec else f"〈{field}〉")
        for _, field, spec, _ in Formatter().parse(text)
        if field is not None
    }


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_rule_templates_render_as_format_map(code: str) -> None:
    rule = all_rules()[code]
    for text in (rule.message, rule.hint):
        fields = sample_fields(text)
        given = {k: v for k, v in fields.items() if k not in ("project", "indicator", "value")}
        rendered = Template(text).render("〈项目〉", "〈指标〉", "〈值〉", given)
        expected = text.format_map(
            {"project": "〈项目〉", "indicator": "〈指标〉", "value": "〈值〉", **given}
        )
        assert rendered == expected


def test_a_missing_field_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="goal"):
        Template("目标“{goal}”").render("项目", None, None, {})
    with pytest.raises(KeyError, match="indicator"):
        Template("“{indicator}”").render("项目", None, None, {})


def test_conversions_are_refused() -> None:
    with pytest.raises(TypeError, match="conversions"):
        Template("{indicator!r}")
