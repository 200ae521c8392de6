"""The review of the example document finds its real defects, and only real ones."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from jixiao.model import Finding, Severity
from jixiao.review import Reviewer
from jixiao.services import read_document

EXAMPLE = Path(__file__).parents[2] / "examples" / "binhai-zuzhibu-2024.txt"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return Reviewer().review_document(read_document(EXAMPLE))


def pairs(findings: list[Finding], code: str) -> set[str | None]:
    return {f.indicator for f in findings if f.code == code}


@pytest.mark.parametrize(
    ("code", "indicators"),
    [
        # goal promises 年人均不低于 100 元, cost indicator says ≤50 元/人/年
        ("GL01", {"经费核算标准"}),
        ("VL04", {"经费使用及时率"}),  # ≥100%
        ("NM01", {"工作经费拨付合规律"}),  # 合规律 → 合规率
        ("NM05", {"参加考试培训的处科级干部"}),  # satisfaction name without 满意度
        (
            "VL08",
            {
                "公务员面试考官及工作人员标准",
                "招录及比选公务员餐费和住宿费标准",
                "公务员奖励证书、奖章和奖牌费用",
                "“两新”兼职党务干部岗位津贴标准",
            },
        ),
        (
            "VL11",
            {
                "参加考试培训的处科级干部",
                "公务员工资系统使用部门满意度",
                "获奖公务员和集体满意度",
                "基层党组织满意度",
            },
        ),
        ("VL12", {"公务员工资系统年度维护成本增长率"}),
        ("VL16", {"公务员工资系统年度维护成本增长率"}),
        (
            "VL17",
            {"经费发放及时率", "处科级干部参加政治理论考试费用", "市委主题教育督导工作人员住宿费"},
        ),
        (
            "CT01",
            {
                "经费拨付合规率",
                "工作经费拨付合规律",
                "“两新”组织党建工作经费发放合规率",
                "为社区顺利开展党建工作提供资金保障，进一步提升社区党建工作水平",
            },
        ),
    ],
)
def test_real_defects_are_found(findings: list[Finding], code: str, indicators: set[str]) -> None:
    assert pairs(findings, code) == indicators


def test_errors_are_only_the_clear_cut_ones(findings: list[Finding]) -> None:
    errors = sorted((f.code, f.indicator) for f in findings if f.severity is Severity.ERROR)
    assert errors == [
        ("CT01", "为社区顺利开展党建工作提供资金保障，进一步提升社区党建工作水平"),
        ("GL01", "经费核算标准"),
        ("VL04", "经费使用及时率"),
    ]


def test_goal_sentences_used_as_indicator_names(findings: list[Finding]) -> None:
    assert len(pairs(findings, "NM04")) == 8


def test_budget_reconciliation(findings: list[Finding]) -> None:
    # 1.5万元/人 × 20 人 = 300,000 = the budget: consistent, so nothing is said about it;
    # the other two unit costs cannot be tied to one quantity and say so.
    bg03 = [f for f in findings if f.code == "BG03"]
    assert {f.indicator for f in bg03} == {"经费核算标准", "举办培训班人均标准"}
    assert all(f.severity is Severity.INFO and "无法核对" in f.message for f in bg03)


def test_nothing_is_said_of_what_is_fine(findings: list[Finding]) -> None:
    codes = Counter(f.code for f in findings)
    for silent in ("ST01", "ST02", "ST05", "ST06", "BG01", "BG02", "VL01", "VL02", "VL09"):
        assert codes[silent] == 0, silent
