"""Level names in glued text: where the 一级/二级 cells are, and which levels a row is under.

Glued indicator rows are cut first at their level names, found by what the vocabulary knows:

* a level name ending in 指标 (产出指标, 数量指标, 管理指标 …), with the section weight some forms
  print after it — ``产出指标（70分）``, or bare digits (``管理指标30``) when the header has a
  weight column before the 二级 column (分解目标 | 自评权重 | 二级指标 …);
* a 一级 name whose characters a document preview printed out of order (``出标产指``: a vertical
  cell read column by column), read as the name it spells — only a 一级 name of four or more
  characters, so that two characters never make a level;
* a short 二级 (经济效益, 服务对象满意度) right after a level name.

Finding them is O(n · k) for ``n`` characters and level names of at most ``k`` characters (one
regular-expression scan, one sorted window per position).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from jixiao.ingest.pasted.cells import is_level_name
from jixiao.ingest.pasted.tokens import Token
from jixiao.model.framework import (
    FRAMEWORK,
    LEVEL1_ALIASES,
    LEVEL2_ALIASES,
    MANAGEMENT,
    normalize_level1,
    normalize_level2,
)
from jixiao.model.vocabulary import alternation

LEVEL_NAMES: Final = sorted(
    {
        name
        for name in [
            *LEVEL1_ALIASES,
            *LEVEL2_ALIASES,
            *(n for v in FRAMEWORK.values() for n in v),
            MANAGEMENT,
        ]
        if name.endswith("指标")
    }
)
# a level name, with the section weight some forms print after it: 产出指标（70分）
LEVEL: Final = re.compile(rf"(?:{alternation(LEVEL_NAMES)})(?:[（(]\d+(?:\.\d+)?分[)）])?")
_BARE_WEIGHT: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?(?=[\u3400-\u9fff])")
_LEGACY_LEVEL2: Final = frozenset({("效益指标", "服务对象满意度指标")})
# a 二级 printed short (经济效益, 服务对象满意度) right after a level name
_SHORT_LEVEL2: Final = re.compile(
    alternation(a for a in LEVEL2_ALIASES if len(a) >= 4 and not a.endswith("指标"))
)
SECTION_LABEL: Final = "绩效指标"  # the indicator block's own label, repeated after page breaks


@dataclass(frozen=True, slots=True)
class LevelMatch:
    """A level cell in glued text: ``start``–``end`` is all it covers (a printed weight
    included), ``name`` the level name it reads as and ``printed`` its printed span."""

    start: int
    end: int
    name: str
    printed: tuple[int, int]

    @property
    def is_section_label(self) -> bool:
        return self.name == SECTION_LABEL


@cache
def _scrambled_level1() -> dict[str, str]:
    """Sorted characters → the 一级 name they spell (four characters or more)."""
    names = [*LEVEL1_ALIASES, MANAGEMENT]
    return {"".join(sorted(n)): n for n in names if len(n) >= 4 and n.endswith("指标")}


def find_levels(text: str, start: int, stop: int, *, weighted: bool) -> list[LevelMatch]:
    """The level cells in ``text[start:stop]``, in order (see the module docstring);
    ``weighted``: a 一级 may be followed by its weight printed as bare digits."""
    found = [
        LevelMatch(m.start(), m.end(), m.group(), m.span())
        for m in LEVEL.finditer(text, start, stop)
    ]
    found = sorted([*found, *scrambled_levels(text, start, stop, found)], key=lambda m: m.start)
    result: list[LevelMatch] = []
    for level in found:
        end = level.end
        if weighted and is_level_one(level.name):
            weight = _BARE_WEIGHT.match(text, end, stop)
            end = weight.end() if weight is not None else end
        if end > level.end:
            level = LevelMatch(level.start, end, level.name, level.printed)
        result.append(level)
        if level.is_section_label:
            continue
        short = _SHORT_LEVEL2.match(text, level.end, stop)
        if short is not None:
            result.append(LevelMatch(short.start(), short.end(), short.group(), short.span()))
    return result


def scrambled_levels(text: str, start: int, stop: int, known: list[LevelMatch]) -> list[LevelMatch]:
    """一级 names printed out of order (出标产指 for 产出指标), outside the names ``known``."""
    spelled = _scrambled_level1()
    sizes = sorted({len(key) for key in spelled})
    taken = [False] * (stop - start)
    for match in known:
        for index in range(match.start, match.end):
            taken[index - start] = True
    found: list[LevelMatch] = []
    position = start
    while position < stop:
        for size in sizes:
            end = position + size
            if end > stop or any(taken[position - start : end - start]):
                continue
            window = text[position:end]
            name = spelled.get("".join(sorted(window)))
            if name is not None and window != name:
                found.append(LevelMatch(position, end, name, (position, end)))
                position = end - 1
                break
        position += 1
    return found


def level_token(text: str, match: LevelMatch, line: int) -> Token:
    """The level as a token: the name it reads as (出标产指 is printed 产出指标: a preview's
    reading order, not the form's wording)."""
    a, b = match.printed
    return Token(match.name, match.name if match.name != text[a:b] else text[a:b], line)


def is_level_one(text: str) -> bool:
    """A name that can only be, or can be, a 一级 (产出指标; 管理指标 of a 部门整体 form)."""
    return normalize_level1(text) is not None or re.sub(r"[（(].*", "", text) == MANAGEMENT


def has_level_one(text: str) -> bool:
    """Glued text that prints 一级指标 names (产出指标 …)."""
    return any(
        is_level_one(m.group()) and not is_level_two(m.group()) for m in LEVEL.finditer(text)
    )


def settle_levels(
    names: list[Token], level1: Token | None, level2: Token | None
) -> tuple[Token | None, Token | None]:
    """The 一级/二级 in force after a run of level names (the last one is the row's 二级,
    unless it can only be a 一级)."""
    for index, name in enumerate(names):
        followed = index + 1 < len(names)
        one = is_level_one(name.text)
        only_one = one and (not is_level_two(name.text) or not fits_under(name, level1))
        if only_one or (followed and one):
            level1, level2 = name, None
        else:
            level2 = name
    return level1, level2


def fits_under(name: Token, level1: Token | None) -> bool:
    """A name that can be a 二级 of the 一级 in force (成本指标 under 产出指标; 满意度指标 under
    效益指标, as the 2015 framework has it) — not 满意度指标 after 成本指标, a 一级 then."""
    parent = normalize_level1(level1.text) if level1 is not None else None
    if parent is None:
        return True
    child = normalize_level2(re.sub(r"[（(].*", "", name.text))
    return child in FRAMEWORK.get(parent, ()) or (parent, child) in _LEGACY_LEVEL2


def is_level_two(text: str) -> bool:
    return normalize_level2(re.sub(r"[（(].*", "", text)) is not None


def under_management(level1: Token | None) -> bool:
    """Rows under the 管理指标 of a 部门整体 form, whose 二级 are management areas."""
    return level1 is not None and re.sub(r"[（(].*", "", level1.text) == MANAGEMENT


__all__ = [
    "LEVEL",
    "SECTION_LABEL",
    "LevelMatch",
    "find_levels",
    "has_level_one",
    "is_level_name",
    "is_level_one",
    "level_token",
    "settle_levels",
    "under_management",
]
