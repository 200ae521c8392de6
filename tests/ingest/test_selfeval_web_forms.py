"""自评表 pages pasted from government sites: a header wrapped over two lines, the budget
block's unit and total rows, the Hunan 整体支出 form's budget block, a rate where an amount
belongs. Generated with varied names, values and row counts."""

from __future__ import annotations

import random

import pytest

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable

NAMES = ["补助发放人数", "展演活动场次", "验收合格率", "资金拨付及时率", "群众满意度"]
TARGETS = ["≥95%", "12场", "100%", "3个", "2022年12月31日前"]


def read(text: str) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "pasted.txt"))


def web_page(seed: int, *, lower: str) -> tuple[str, list[tuple[str, str, str]]]:
    """A 自评表 pasted from a web page: furniture, the budget label's unit on the total row,
    the indicator header wrapped, with ``lower`` its second line."""
    rng = random.Random(seed)
    total = rng.randint(10, 900)
    names = rng.sample(NAMES, rng.randint(2, 5))
    lines = [
        "某专项经费绩效自评表(2022年度)",
        "发布时间:2023-05-22 16:35 信息来源:某区文旅局 阅读次数:",
        "字号: 打印",
        f"项目名称 {rng.choice(['文物保护专项经费', '非遗传承补助经费'])}",
        "主管部门 某区文化和旅游局 实施单位 某区文化馆",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        f"(万元) 年度资金总额 {total} {total} {total} 10 100% 10",
        f"其中:当年财政拨款 {total} {total} {total} 10 100% 10",
        "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施",
        lower,
    ]
    expected = []
    for index, name in enumerate(names):
        target = rng.choice(TARGETS)
        level = "产出指标 数量指标 " if index == 0 else ""
        lines.append(f"{level}{name} {target} {target} 10 10")
        expected.append((name, target, target))
    return "\n".join(lines) + "\n总分 100 100\n", expected


@pytest.mark.parametrize("seed", range(6))
def test_a_header_wrapped_over_two_lines_is_read(seed: int) -> None:
    text, expected = web_page(seed, lower="指标值 完成值")
    tables, _ = read(text)
    (table,) = tables
    assert [
        (i.name, i.target.raw, i.actual.raw if i.actual else None) for i in table.indicators
    ] == expected
    total = float(text.split("年度资金总额 ")[1].split()[0]) * 10000
    assert table.budget.total == total
    assert table.budget.fiscal == total
    assert table.budget.unit_printed == "万元"


@pytest.mark.parametrize("seed", range(3))
def test_a_second_line_that_completes_no_label_is_not_joined(seed: int) -> None:
    # 指标值 completes 年度, but 说明 completes no label of the line above: the header is not
    # read as one, and no row comes out with a guessed column
    text, _ = web_page(seed, lower="指标值 说明")
    tables, _ = read(text)
    assert all(not t.indicators for t in tables)


def hunan_form(seed: int, note: str) -> tuple[str, float, float]:
    rng = random.Random(seed)
    budget = rng.randint(100, 9000) / 10
    done = budget - rng.randint(0, 50) / 10
    lines = [
        f"2021年烈士陵园免费开放经费{budget}万元部门整体支出绩效自评表 |",
        "单位名称 | 某区退役军人事务局 | 单位负责人及电话 | 张某0734-5550123 |",
        "主管部门 | 某区退役军人事务局 | 实施单位 | 某区烈士陵园管理所 |",
        "资金情况(万元) | | 年初预算资金总额: | 实际投入资金额 | 产生差异的原因 |",
        f"合计 | {budget} | {done} | {note} |",
        f"其中:财政拨款 | {budget} | {done} | |",
        "其他资金 | | | |",
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 |"
        " 产生差异的原因及改进措施 |",
        "产出指标 | 数量指标 | 陵园免费开放天数 | =360天 | =362天 | |",
        "聘用讲解员 | 18人 | 16人 | 岗位空缺,已补招 |",
        "效益指标 | 社会效益指标 | 红色教育参与人次 | ≥2万人次 | 2.3万人次 | |",
    ]
    return "\n".join(lines) + "\n", budget * 10000, done * 10000


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("note", ["", "岗位空缺两个月"])
def test_the_hunan_budget_block_and_its_total_row(seed: int, note: str) -> None:
    text, budget, done = hunan_form(seed, note)
    tables, _ = read(text)
    (table,) = tables
    assert table.budget.total == pytest.approx(budget)
    assert table.budget.fiscal == pytest.approx(budget)
    assert table.budget.executed == pytest.approx(done)
    assert table.department == "某区退役军人事务局"
    rows = [(i.name, i.target.raw, i.actual.raw if i.actual else None) for i in table.indicators]
    assert rows[1] == ("聘用讲解员", "18人", "16人")
    assert table.indicators[1].deviation == "岗位空缺,已补招"
    assert len(rows) == 3


def test_a_rate_printed_where_the_amount_belongs_is_no_amount() -> None:
    text = (
        "项目名称 某项目\n主管部门 某局\n项目资金 年度资金总额 103.21%\n其中:财政拨款 103.21%\n"
        "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 培训人次 100人次\n"
    )
    tables, _ = read(text)
    (table,) = tables
    assert table.budget.total is None
    assert table.budget.fiscal is None
