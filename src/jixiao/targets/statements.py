"""Values that are words: grades, qualitative statements, placeholders and other text.

* a known grade phrase (达标, 按期完成, 效果显著 …) is qualitative with its canonical grade;
* a placeholder (无, 不涉及, —, *, /) is text: the review decides what an empty row means;
* other Chinese wording without digits is a qualitative statement;
* wording with digits that no other rule read is text, so that a number inside a sentence
  (完成2个项目的验收工作) never becomes a numeric target by accident; so is a template's
  value whose number is left as stars or crosses (**人, ≥**%, XX万元): no statement;
* anything else (latin words, symbols, emoji) is text.

A qualitative value is vague when it uses a word of :data:`VAGUE_WORDS`, unless it is a grade of
a tiered scale such as 较好.
"""

from __future__ import annotations

import re

from jixiao.model.target import Target, TargetKind
from jixiao.model.vocabulary import (
    GRADES,
    PLACEHOLDER_SYMBOLS,
    PLACEHOLDER_WORDS,
    TIER_GRADES,
    VAGUE_WORDS,
    alternation,
)

_PLACEHOLDER_WORDS = frozenset(PLACEHOLDER_WORDS)
VAGUE_RE = re.compile(alternation(VAGUE_WORDS))
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
DIGIT_RE = re.compile(r"[0-9]")
# a reference template's number left unfilled: **人, ≥**%, XX万元, ××个
TEMPLATE_NUMBER_RE = re.compile(r"\*{2,}|＊{2,}|[Xx×]{2,}")


def read_statement(raw: str, text: str) -> Target:
    """A grade, a qualitative statement or text (see the module docstring). Never fails."""
    if is_placeholder(text):
        return Target(raw=raw, kind=TargetKind.TEXT)
    if (grade := GRADES.get(text)) is not None:
        vague = text not in TIER_GRADES and is_vague(text)
        return Target(raw=raw, kind=TargetKind.QUALITATIVE, grade=grade, vague=vague)
    if DIGIT_RE.search(text) or TEMPLATE_NUMBER_RE.search(text) or not HAN_RE.search(text):
        return Target(raw=raw, kind=TargetKind.TEXT)
    return Target(raw=raw, kind=TargetKind.QUALITATIVE, vague=is_vague(text))


def is_placeholder(text: str) -> bool:
    """True for a placeholder instead of a value: 无, 不涉及, —, *, / (domain.md §3.5).

    A placeholder word, or a run of placeholder symbols. Without a regex: the review asks this
    of every indicator name.
    """
    text = text.strip()
    return text in _PLACEHOLDER_WORDS or (text != "" and not text.strip(PLACEHOLDER_SYMBOLS))


def is_vague(text: str) -> bool:
    """True when ``text`` uses wording that cannot be measured (domain.md §3.3)."""
    return VAGUE_RE.search(text) is not None
