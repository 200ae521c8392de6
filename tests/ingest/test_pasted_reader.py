"""The pasted-web-text reader: each printing of a flattened table, and its doubts."""

from __future__ import annotations

import pytest

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.ingest.pasted.alignment import place_cells, segment_rows
from jixiao.ingest.pasted.glued import split_numbers
from jixiao.model import Finding, TargetTable
from jixiao.model.characters import is_traditional, strip_pinyin_glosses
from jixiao.model.vocabulary import Field

L1, L2, NAME, TARGET = Field.LEVEL1, Field.LEVEL2, Field.NAME, Field.TARGET


def read(text: str) -> tuple[list[TargetTable], list[Finding]]:
    """Tables and findings (the year findings aside: these snippets print no year)."""
    tables, findings = assemble_tables(read_grid(text.encode(), "pasted.txt"))
    return tables, [f for f in findings if f.code not in ("PRS005", "PRS006")]


def rows(table: TargetTable) -> list[tuple[str | None, str | None, str, str]]:
    return [(i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in table.indicators]


def test_tab_text_is_not_read_as_pasted_text() -> None:
    text = (
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲\t≥1个\n\t质量指标\t乙\t100%\n"
    )
    grid = read_grid(text.encode(), "a.txt")
    assert [r.texts for r in grid.rows][2] == ["", "质量指标", "乙", "100%"]


def test_whitespace_rows_whose_empty_cells_vanished() -> None:
    text = """项目名称 甲项目
一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注
产出指标 数量指标 出差人数 正向 = 8 4
产出指标 时效指标 到位时间 正向 = 44,561 44,561 10
"""
    (table,), _ = read(text)
    assert [(i.name, i.target.raw, i.weight) for i in table.indicators] == [
        ("出差人数", "=8", 4.0),  # 4 is the weight: the unit cell is empty
        ("到位时间", "=44,561", 10.0),  # an Excel date serial in the unit column
    ]


def test_one_cell_per_line_is_cut_into_rows() -> None:
    text = "\n".join(
        [
            "项目名称",
            "甲项目",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "产出指标",
            "数量指标",
            "道路硬化里程",
            "≥100公里",
            "供水设施数量",
            "≥20座",
            "效益指标",
            "经济效益",  # a level name broken over two paragraphs
            "",
            "指标",
            "年增粮食",
            "3500公斤",
            "注:各地请根据实际情况填报。",
        ]
    )
    (table,), findings = read(text)
    assert rows(table) == [
        ("产出指标", "数量指标", "道路硬化里程", "≥100公里"),
        ("产出指标", "数量指标", "供水设施数量", "≥20座"),
        ("效益指标", "经济效益指标", "年增粮食", "3500公斤"),
    ]
    assert not findings


def test_pipe_rows_with_rowspan_cells_missing_and_an_empty_level_row() -> None:
    text = """|
项目名称 |
甲项目 |
||
|
一级指标 |
二级指标 |
三级指标 |
指标值 |
||
|
产出指标 |
数量指标 |
车辆数 |
10辆 |
||
|
射程 |
≥80M |
||||
|
效益指标 |
经济效益指标 |
|
|
||
|
社会效益指标 |
满意程度 |
≥85% |
|||
"""
    (table,), _ = read(text)
    assert rows(table) == [
        ("产出指标", "数量指标", "车辆数", "10辆"),
        ("产出指标", "数量指标", "射程", "≥80M"),
        # the 一级 of the empty 经济效益指标 row carries to the next row
        ("效益指标", "社会效益指标", "满意程度", "≥85%"),
    ]


def test_an_ambiguous_cell_is_left_out() -> None:
    # 100%(历史标准) is neither clearly a 指标解释 nor clearly a 目标值
    fields = [L1, L2, NAME, Field.DESCRIPTION, TARGET]
    placement = place_cells(["数量指标", "供应时效", "100%(历史标准)"], fields)
    assert placement is not None
    assert placement.uncertain == (2,)
    assert placement.places == (1, 2, None)


def test_an_ambiguous_cell_becomes_a_parse_finding() -> None:
    text = """项目名称 甲项目
一级指标 二级指标 三级指标 指标解释 目标值
产出指标 数量指标 发放及时率 100%(历史标准) 100%
数量指标 供应时效 100%(历史标准)
"""
    (table,), findings = read(text)
    second = table.indicators[1]
    assert second.name == "供应时效"
    assert second.target.raw == ""  # never guessed into a field
    assert second.description is None
    (doubt,) = findings
    assert doubt.code == "PRS010"
    assert doubt.indicator == "供应时效"
    assert "100%(历史标准)" in doubt.message


def test_a_row_cut_off_at_the_end_is_a_finding() -> None:
    text = (
        "项目名称 甲项目\n一级指标 二级指标 三级指标 指标值\n"
        "产出指标 数量指标 甲 1个\n成本指标 办公经费\n"
    )
    (table,), findings = read(text)
    # the text ends inside the row: it is said, not read as an indicator without a target
    assert [f.code for f in findings] == ["PRS011"]
    assert "办公经费" in findings[0].message
    assert [i.name for i in table.indicators] == ["甲"]


def test_traditional_text_with_pinyin_glosses() -> None:
    text = """| 項(xiàng)目名稱 | 衛(wèi)片執(zhí)法補(bǔ)助 | |||
| 一級指標(biāo) | 二級指標(biāo) | 三級指標(biāo) | 指標(biāo)性質(zhì) | 指標(biāo)值 | 度量單位 |
| 產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 項(xiàng)目驗(yàn)收合格率 | ﹦ | 100 | % | |
"""
    (table,), _ = read(text)
    (indicator,) = table.indicators
    assert table.project == "卫片执法补助"
    assert indicator.level1_printed == "產出指標"  # printed, glosses dropped
    assert indicator.level1 == "产出指标"
    assert indicator.name == "项目验收合格率"
    assert indicator.target.raw == "=100%"


def test_glosses_and_script_detection() -> None:
    assert strip_pinyin_glosses("項(xiàng)目(km)(万元)") == "項目(km)(万元)"
    assert is_traditional("項目驗收合格率與滿意度指標")
    assert not is_traditional("项目验收合格率与满意度指标")


def test_glued_cells_are_split_by_vocabulary_and_number_formats() -> None:
    text = (
        "项目名称甲工程资金情况(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额"
        "194.9194.9100%其他资金绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分"
        "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10质量指标项目(工程)验收合格率"
        "20100%100%20效益指标(20分)经济效益指标社会效益指标群众生活条件改善10显著提升显著提升10"
        "……总分100100"
    )
    (table,), findings = read(text)
    assert table.budget.total == 1949000
    assert [
        (i.level1_printed, i.level2_printed, i.name, i.target.raw) for i in table.indicators
    ] == [
        ("产出指标", "数量指标", "安装坡面水标尺", "≥266米"),
        ("产出指标", "质量指标", "项目(工程)验收合格率", "100%"),
        ("效益指标", "社会效益指标", "群众生活条件改善", "显著提升"),
    ]
    assert [(i.weight, i.score) for i in table.indicators] == [(10, 10), (20, 20), (10, 10)]
    assert {f.code for f in findings} == {"PRS012"}  # the digit and repeat cuts were guesses


@pytest.mark.parametrize(
    ("run", "kinds", "pieces"),
    [
        ("194.9194.9100%", ("amount", "executed", "rate"), ("194.9", "194.9", "100%")),
        (
            "202010100.00%10",
            ("amount", "executed", "score", "rate", "score"),
            ("20", "20", "10", "100.00%", "10"),
        ),
        ("2020", ("amount", "executed", "score", "rate", "score"), None),  # 20|20 or 202|0
    ],
)
def test_glued_budget_numbers(
    run: str, kinds: tuple[str, ...], pieces: tuple[str, ...] | None
) -> None:
    assert split_numbers(run, kinds) == pieces


def test_parallel_column_groups_keep_the_annual_group() -> None:
    text = """项目名称 | 甲 | ||
绩效指标 | 一级 指标 | 二级 指标 | 三级 指标 | 指标值 | 二级 指标 | 三级 指标 | 计划指标值 | ||
预期产出指标 | 时效指标(工期指标) | 支付及时性 | 及时 | 时效指标 | 支付及时性 | 按期 | |||
"""
    (table,), findings = read(text)
    assert rows(table) == [("预期产出指标", "时效指标", "支付及时性", "按期")]
    assert "PRS009" in {f.code for f in findings}


def test_a_multi_project_sheet_gives_one_table_per_project() -> None:
    text = """| 金额单位:元 | |||
| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |
| 820-某镇部门 | 8,827,620.53 | ||||
| 820001-某镇人民政府 | 甲项目 | 3,309,840.00 | 按时发放 | 效益指标 | 社会效益指标 | 稳定 | ≥95% | |
| 产出指标 | 时效指标 | 时效 | ≥1年 | |||
| 乙项目 | 660,000.00 | 运转经费 | 满意度指标 | 服务对象满意度指标 | 满意度 | ≥95% | ||
"""
    tables, findings = read(text)
    assert [(t.project, t.department, t.budget.total) for t in tables] == [
        ("甲项目", "820001-某镇人民政府", 3309840.0),
        ("乙项目", "820001-某镇人民政府", 660000.0),
    ]
    assert [len(t.indicators) for t in tables] == [2, 1]
    assert [f.code for f in findings] == ["PRS003"]  # the department subtotal row


def test_a_stream_of_cells_is_cut_where_the_rows_fit() -> None:
    texts = ["产出指标", "数量指标", "甲", "1个", "乙", "2个", "质量指标", "丙", "100%"]
    assert segment_rows(texts, [L1, L2, NAME, TARGET]) == [(0, 4), (4, 6), (6, 9)]
