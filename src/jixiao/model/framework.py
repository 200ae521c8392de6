"""The canonical indicator framework (指标体系), domain.md §2, and its printed aliases.

Both the classic 88号 tree (成本指标 under 产出指标) and the 2021 101号 tree (成本指标 as a
一级指标 with 经济/社会/生态环境成本指标) are accepted. Printed names are normalised by removing
whitespace, explanatory brackets ("数量指标(或建筑规模指标)") and traditional characters, then
looked up in the alias tables below. Unknown names normalise to ``None``; the caller keeps the
printed name.
"""

from __future__ import annotations

import re
from typing import Final

OUTPUT: Final = "产出指标"
COST: Final = "成本指标"
BENEFIT: Final = "效益指标"
SATISFACTION: Final = "满意度指标"

FRAMEWORK: Final[dict[str, tuple[str, ...]]] = {
    OUTPUT: (
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
    ),
    COST: ("经济成本指标", "社会成本指标", "生态环境成本指标"),
    BENEFIT: ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    SATISFACTION: ("服务对象满意度指标",),
}

_LEVEL2_NAMES: Final = frozenset(name for names in FRAMEWORK.values() for name in names)

# The 二级 names of cost: 成本指标 (88号, under 产出指标) and the 101号 sub-types; of these,
# the ones that hold money (社会/生态环境成本 describe effects, 101号).
COST_LEVEL2: Final = frozenset({COST, *FRAMEWORK[COST]})
MONEY_COST_LEVEL2: Final = frozenset({COST, "经济成本指标"})
NON_MONEY_COST_LEVEL2: Final = COST_LEVEL2 - MONEY_COST_LEVEL2

# The 2015-era framework put satisfaction under benefit (效益指标 → 服务对象满意度指标).
ALSO_UNDER: Final[dict[str, tuple[str, ...]]] = {BENEFIT: ("服务对象满意度指标",)}

LEVEL1_ALIASES: Final[dict[str, str]] = {
    "产出": OUTPUT,
    "预期产出指标": OUTPUT,
    "项目完成指标": OUTPUT,  # Sichuan 2021 申报表
    "产出指标": OUTPUT,
    "成本": COST,
    "成本指标": COST,
    "效益": BENEFIT,
    "效益指标": BENEFIT,
    "效果指标": BENEFIT,
    "预期效果指标": BENEFIT,
    "项目效益指标": BENEFIT,  # Sichuan 2021 申报表
    "满意度": SATISFACTION,
    "满意度指标": SATISFACTION,
    "服务对象满意度指标": SATISFACTION,
}

LEVEL2_ALIASES: Final[dict[str, str]] = {
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "成本": "成本指标",
    "预算控制指标": "成本指标",
    "经济效益": "经济效益指标",
    "社会效益": "社会效益指标",
    "生态效益": "生态效益指标",
    "环境效益指标": "生态效益指标",
    "环境效益": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "服务对象满意度": "服务对象满意度指标",
    "满意度指标": "服务对象满意度指标",
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "社会公众满意度指标": "服务对象满意度指标",
}

# Traditional forms of the characters used in level names (the corpus has converted pages).
_TRADITIONAL: Final = str.maketrans(
    "產標質數時濟會態續響滿對務經個環資預總際與項兩",
    "产标质数时济会态续响满对务经个环资预总际与项两",
)
_TRADITIONAL_CHARACTERS: Final = "".join(chr(c) for c in _TRADITIONAL)
_HAS_TRADITIONAL: Final = re.compile(f"[{_TRADITIONAL_CHARACTERS}]")
_BRACKETED: Final = re.compile(r"[（(][^（()）]*[)）]")
# The points a form allots a level, printed after its name: 产出指标（70分）, 产出指标(40-50)分,
# 成本指标（0-20）分 (one pattern for the readers and the level lookup).
SECTION_POINTS: Final = re.compile(
    r"\s*[（(]\s*\d+(?:\.\d+)?(?:\s*[-－~～—至]\s*\d+(?:\.\d+)?)?\s*"
    r"(?:分\s*[)）]|[)）]\s*分)\s*$"
)
_SPACE: Final = re.compile(r"\s+")
# Every character \s matches (U+3000 is the last), listed: a class of listed characters is
# searched faster than one with \s.
WHITESPACE: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
# Anything clean_level_name would change; most names have none (one search instead of three).
# Public so that the review, which asks it of every indicator name, can skip the call.
UNCLEAN_CHARACTERS: Final = f"{WHITESPACE}（({_TRADITIONAL_CHARACTERS}"
_UNCLEAN: Final = re.compile(f"[{re.escape(UNCLEAN_CHARACTERS)}]")


def clean_level_name(printed: str) -> str:
    """Printed level name → lookup key: no spaces, brackets (nor the points printed after a
    bracketed range: 成本指标(0-20)分) or traditional characters."""
    if _UNCLEAN.search(printed) is None:
        return printed
    key = _SPACE.sub("", printed)
    if _HAS_TRADITIONAL.search(key) is not None:  # translate costs more than the search
        key = key.translate(_TRADITIONAL)
    return _BRACKETED.sub("", SECTION_POINTS.sub("", key))


def normalize_level1(printed: str | None) -> str | None:
    """Canonical 一级指标 name for a printed one, or None if it is not in the framework."""
    if not printed:
        return None
    return LEVEL1_ALIASES.get(clean_level_name(printed))


def normalize_level2(printed: str | None) -> str | None:
    """Canonical 二级指标 name for a printed one, or None if it is not in the framework."""
    if not printed:
        return None
    key = clean_level_name(printed)
    if key in LEVEL2_ALIASES:
        return LEVEL2_ALIASES[key]
    return key if key in _LEVEL2_NAMES else None


# The evaluation framework (项目支出绩效评价指标体系, 财预〔2020〕10号) that some target forms
# reuse: 决策 / 过程 / 产出 / 效益 with their own 二级 names. Its names are level names for the
# readers (a 决策 cell is a 一级 cell), but they are not canonical: the table keeps them as
# printed and the review sees a level outside the target framework.
EVALUATION_FRAMEWORK: Final[dict[str, tuple[str, ...]]] = {
    "决策": ("项目立项", "绩效目标", "资金投入"),
    "过程": ("资金管理", "组织实施"),
    "产出": ("产出数量", "产出质量", "产出时效", "产出成本"),
    "效益": ("项目效益", "实施效益", "社会效益", "经济效益", "生态效益", "可持续影响", "满意度"),
}
_EVALUATION_LEVEL2: Final = frozenset(n for names in EVALUATION_FRAMEWORK.values() for n in names)


# 部门整体支出 self-evaluation forms add a 一级 for the department's own management, whose 二级
# are management areas printed without 指标 (预算编审管理, 预算执行管理, 资产管理 …). Neither is
# in the target framework: the table keeps them as printed (the assembler's PRS004).
MANAGEMENT: Final = "管理指标"
_MANAGEMENT_AREA: Final = re.compile(r"[\u4e00-\u9fff]{2,10}管理")


def is_management_area(printed: str) -> bool:
    """A 二级 of the 管理指标 of a 部门整体 form: a management area (预算执行管理)."""
    return _MANAGEMENT_AREA.fullmatch(printed) is not None


def evaluation_level(printed: str) -> int | None:
    """1 or 2 when a printed name is a 一级 or 二级 of the evaluation framework, else None."""
    key = clean_level_name(printed)
    if key in EVALUATION_FRAMEWORK:
        return 1
    return 2 if key in _EVALUATION_LEVEL2 else None


def can_be_under(level1: str, level2: str) -> bool:
    """Whether a canonical 二级 may sit under a canonical 一级 in one of the frameworks."""
    return level2 in FRAMEWORK.get(level1, ()) or level2 in ALSO_UNDER.get(level1, ())


def is_level1_name(text: str) -> bool:
    return normalize_level1(text) is not None


def is_level2_name(text: str) -> bool:
    return normalize_level2(text) is not None
