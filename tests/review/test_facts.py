"""The shared facts' shortcuts answer exactly as the plain definitions they stand for.

facts.py and targets.is_placeholder test cheap conditions first (``startswith``, a length,
``str.isalnum``) so that the regexes run only on the names that could match; these
properties check the shortcuts against the plain regex definitions on generated text.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from jixiao.model.framework import clean_level_name
from jixiao.model.vocabulary import PLACEHOLDER_SYMBOLS, PLACEHOLDER_WORDS, alternation
from jixiao.review.facts import (
    GOAL_VERBS,
    SENTENCE_PUNCTUATION,
    is_goal_sentence,
    level_keys,
    may_be_placeholder,
    name_key,
)
from jixiao.targets import is_placeholder

# Characters of the words the facts look for, of their near misses, and of what surrounds them.
_ALPHABET = (
    "执行支付到位保障结余调整合规资金经费成费单价投诉事故发生差错误损耗违纪争议时长逾期流失空置死亡辍学超返工拥堵污染排放"
    "增长幅速提升高加率同环比为促进推动保障确保强不断一步社区党建人数合格"
    "，,。；;！!？?（()） \t“”\"'產標質指标成本-_*/\\.~·…无不涉及暂适用空略NA/a2024"
)
texts = st.text(alphabet=_ALPHABET, max_size=12)


@given(texts)
def test_is_goal_sentence_is_verb_or_punctuation(text: str) -> None:
    plain = text.startswith(GOAL_VERBS) or re.search("[，,。；;！!？?]", text) is not None
    assert is_goal_sentence(text) == plain


def test_no_sentence_punctuation_is_alphanumeric() -> None:
    for mark in "，,。；;！!？?":
        assert SENTENCE_PUNCTUATION.search(f"名{mark}称")
        assert not f"名{mark}称".isalnum()


@given(texts)
def test_name_key_is_the_cleaned_name_without_quotes(text: str) -> None:
    assert name_key(text) == clean_level_name(text).strip("“”\"'")


@given(st.text(alphabet="產標質數社区党建指标成本率2024abcＡ", min_size=1, max_size=12))
def test_name_key_keeps_the_length_of_alphanumeric_text(text: str) -> None:
    assert text.isalnum()
    assert len(name_key(text)) == len(text)  # NM02 relies on it


@given(st.one_of(st.none(), texts), st.one_of(st.none(), texts), texts)
def test_level_keys_hold_each_name_with_and_without_its_suffix(
    level1: str | None, level2: str | None, name: str
) -> None:
    printed = [name_key(n) for n in (level1, level2) if n]
    key = name_key(name)
    expected = key in printed or f"{key}指标" in printed
    assert (key in level_keys(level1, level2)) == expected


_PLACEHOLDER = re.compile(rf"{alternation(PLACEHOLDER_WORDS)}|[{re.escape(PLACEHOLDER_SYMBOLS)}]+")


@given(texts)
def test_a_placeholder_may_be_a_placeholder(text: str) -> None:
    assert may_be_placeholder(text) or not is_placeholder(text)


@given(texts)
def test_is_placeholder_is_a_word_or_a_run_of_symbols(text: str) -> None:
    assert is_placeholder(text) == (_PLACEHOLDER.fullmatch(text.strip()) is not None)
