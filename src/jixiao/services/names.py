"""The Chinese names people read for what the code calls by id: rules, scoring profiles.

Rule codes and slugs (``NM02``, ``name.description-repeats-name``) and profile ids
(``national``) are for configuration files and the API; pages and reports show these names.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from jixiao.assemble.findings import PARSE_TITLES
from jixiao.evaluate import list_profiles, load_profile
from jixiao.review.registry import all_rules

CLI_HINTS: Final = (
    # the parse and review hints name the command-line option; on the web the same choice
    # is the upload form's 预算年度 field
    (re.compile(r"或读取时用 ?--year ?指定"), "或在上传时填写“预算年度”"),
    (re.compile(r"可用 ?--year ?指定"), "可在上传时填写“预算年度”"),
    # the OCR debug image is a command-line option only
    (re.compile(r"；可用 ?--debug-image ?查看识别结果"), ""),
)


@cache
def rule_titles() -> dict[str, str]:
    """Code -> Chinese name of every review rule (its summary) and parse finding."""
    titles = {code: rule.doc().summary.rstrip("。") for code, rule in all_rules().items()}
    return {**titles, **PARSE_TITLES}


def rule_title(code: str) -> str:
    """The Chinese name of a finding's code; the code itself if jixiao has no such rule."""
    return rule_titles().get(code, code)


@cache
def profile_titles() -> dict[str, str]:
    """Profile id -> its title, e.g. ``national`` -> 全国通用口径（财预〔2020〕10号 …）."""
    return {name: load_profile(name).title for name in list_profiles()}


def profile_title(name: str) -> str:
    return profile_titles().get(name, name)


def web_hint(hint: str | None) -> str:
    """A finding's hint as the web pages show it: the upload form instead of ``--year``."""
    text = hint or ""
    for pattern, replacement in CLI_HINTS:
        text = pattern.sub(replacement, text)
    return text
