from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import jixiao.assemble
from jixiao.model import Finding, Severity
from jixiao.review.rule import RULES, Dimension, Rule
from jixiao.review.view import TableView

# The per-document reading budget (30 s by default) is a clock: on a shared, loaded machine one
# OCR page of a fixture can take longer, and a test would fail on the load, not on the code. The
# suite reads under a generous budget instead (a runaway still ends); the tests of the budget
# itself set theirs explicitly.
os.environ.setdefault("JIXIAO_TIME_LIMIT", "600")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def write_text(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a document into a temporary file and return its path."""

    def write(text: str, name: str = "doc.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


def absurd_budget_text(digits: int = 28) -> str:
    """The example with its first 预算数 printed as 1 and ``digits - 1`` zeros: the shape of
    ../shared/fuzz-cases/crash_decimal_budget.txt (once a decimal crash losing the batch)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    printed = "<b>预算数</b>\t3300000.00"
    assert printed in text
    return text.replace(printed, "<b>预算数</b>\t1" + "0" * (digits - 1), 1)


@pytest.fixture
def absurd_budget() -> str:
    return absurd_budget_text()


GOOD = """503101 某区委组织部
单位：元
项目名称\t{project}
预算规模及资金用途\t预算数\t300000.00\t其中：财政资金\t300000.00\t其他资金\t0
\t用于 2024 年{project}培训。
绩效目标\t1.完成入党积极分子培训。
一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值
产出指标\t数量指标\t入党积极分子培训人数\t年度参训人数\t≥1000人
满意度指标\t服务对象满意度指标\t参训人员满意度\t问卷调查\t≥90%
"""


@pytest.fixture
def raising_rule() -> Iterator[None]:
    """A rule that raises on projects named 审核引爆…, registered for this test only."""

    def check(self: Rule, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if "审核引爆" in (table.project or ""):
            raise ZeroDivisionError("a rule raised inside review")
        return iter(())

    doc = "测试用规则。\n\nWhy: 测试。\nBad example: 无。\nGood example: 无。\nBasis: 无。\n"
    attributes = {
        "__doc__": doc,
        "code": "ZZ99",
        "name": "test.raises",
        "severity": Severity.INFO,
        "dimension": Dimension.COMPLETENESS,
        "field": "name",
        "message": "不会出现",
        "hint": "不会出现",
        "check": check,
    }
    type("ZZ99", (Rule,), attributes)
    try:
        yield
    finally:
        RULES.pop("ZZ99", None)


@pytest.fixture
def raising_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The assembler raises on files named read-bomb…"""
    assemble = jixiao.assemble.assemble_tables

    def exploding(grid: Any, **kwargs: Any) -> Any:
        if "read-bomb" in grid.file:
            raise RecursionError("the reader raised")
        return assemble(grid, **kwargs)

    monkeypatch.setattr(jixiao.assemble, "assemble_tables", exploding)  # read_tables takes it


@pytest.fixture
def batch(tmp_path: Path, absurd_budget: str) -> list[Path]:
    """The decimal case, a good file, a file whose review raises, a file whose reading raises."""
    files = {
        "1-decimal.txt": absurd_budget,
        "2-good.txt": GOOD.format(project="甲培训项目"),
        "3-review-bomb.txt": GOOD.format(project="审核引爆乙项目"),
        "4-read-bomb.txt": GOOD.format(project="丙项目"),
        "5-good.txt": GOOD.format(project="丁培训项目"),
    }
    paths = []
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
