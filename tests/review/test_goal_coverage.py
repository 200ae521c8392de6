"""GL02's keyword reading equals the plain definition: the bigrams of the goal's runs of
Chinese characters, read in order until the answer is settled."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from jixiao.review.rules.GL02 import _COMMON, is_uncovered


def plain_is_uncovered(goal: str, indicator_text: str, needed: int, minimum: int) -> bool:
    words = [
        run[i : i + 2] for run in re.findall(r"[\u4e00-\u9fff]+", goal) for i in range(len(run) - 1)
    ]
    keywords = list(dict.fromkeys(word for word in words if word not in _COMMON))
    shared = sum(1 for word in keywords if word in indicator_text)
    return len(keywords) >= minimum and shared < needed


_TEXT = st.text(alphabet="档案数字化工作完成提高社区党建 2024，A㐀𠀀", max_size=16)


@given(_TEXT, _TEXT, st.integers(1, 3), st.integers(0, 5))
def test_is_uncovered_is_the_plain_definition(
    goal: str, indicator_text: str, needed: int, minimum: int
) -> None:
    assert is_uncovered(goal, indicator_text, needed, minimum) == plain_is_uncovered(
        goal, indicator_text, needed, minimum
    )
