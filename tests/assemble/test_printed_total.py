"""A 自评表's printed 总分 (TargetTable.total_score), read in every shape of the total row: a
row of cells (总分 | 100 | 96 | 优), a line of words (总分 100 96), one cell per line or
paragraph, and the 自评总分 of a department self-evaluation's header; never a number the row
leaves unclear. The corpus documents that print one are read here, and each is printed again
with other totals, labels and grades (the rest of the document unchanged: the same rows and
findings, and no total where the row does not say which number is the score)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable
from jixiao.model.labels import printed_total

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
ZHONGJIANG = CORPUS / "sichuan-zhongjiang-2022-water-gauge-selfeval-glued.txt"
YONGDE = CORPUS / "yunnan-lincang-yongde-2022-school-nutrition-selfeval-splitcols.txt"
TIANCHANG = CORPUS / "anhui-chuzhou-tianchang-2022-flood-control-selfeval-indented.txt"
DAYING = (
    CORPUS / "sichuan-suining-daying-2022-orphan-college-grant-transfer-selfeval-paragraphs.txt"
)


def read(text: str, name: str = "pasted.txt") -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), name))


def shape(tables: list[TargetTable], findings: list[Finding]) -> tuple[object, ...]:
    """What must not change with the total row: the rows and the findings."""
    rows = [(i.name, i.target.raw, i.weight, i.score) for t in tables for i in t.indicators]
    return rows, sorted((f.code, f.message) for f in findings)


@pytest.mark.parametrize(
    ("document", "total"),
    [
        (YONGDE, 96.0),  # | 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |
        (TIANCHANG, 100.0),  # 总分 100 100, indented words
        (ZHONGJIANG, 100.0),  # ……总分100100注:…, glued
        (CORPUS / "chongqing-kexuecheng-2021-media-center-dept-selfeval-ocr-glued.txt", 97.6),
        (CORPUS / "chongqing-liangping-2023-forestry-dept-selfeval-glued.txt", 97.93),
    ],
)
def test_corpus_totals(document: Path, total: float) -> None:
    (table,), _ = read(document.read_text("utf-8"), document.name)
    assert table.total_score == total


_LABELS = st.sampled_from(["总分", "总 分", "总分(分)", "合计", "总计"])
_SCORES = st.decimals(min_value=0, max_value=100, places=1).map(lambda d: f"{d.normalize():f}")
_GRADES = st.sampled_from(["", "优", "良", "中", "差", "等级：优"])


@settings(max_examples=60, deadline=None)
@given(label=_LABELS, score=_SCORES, grade=_GRADES)
def test_a_pipe_total_row(label: str, score: str, grade: str) -> None:
    text = YONGDE.read_text("utf-8")
    printed = f"| 其他需要说明事项 | 无 | {label} | 100 | {score} |"
    printed += f" {grade} |" if grade else ""
    changed = text.replace("| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |", printed)
    before = read(text.replace("| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |", ""))
    tables, findings = read(changed)
    assert tables[0].total_score == float(score)
    assert shape(tables, findings) == shape(*before)


@settings(max_examples=60, deadline=None)
@given(label=_LABELS.filter(lambda label: " " not in label), score=_SCORES, grade=_GRADES)
def test_a_line_of_words(label: str, score: str, grade: str) -> None:
    text = TIANCHANG.read_text("utf-8")
    changed = text.replace("    总分 100 100", f"    {label} 100 {score} {grade}".rstrip())
    before = read(text.replace("    总分 100 100", ""))
    tables, findings = read(changed)
    assert tables[0].total_score == float(score)
    assert shape(tables, findings) == shape(*before)


@settings(max_examples=30, deadline=None)
@given(score=_SCORES)
def test_one_cell_per_paragraph(score: str) -> None:
    text = DAYING.read_text("utf-8")
    changed = text.replace("qrcode", f"总分\n\n100\n\n{score}\n\nqrcode")
    tables, findings = read(changed)
    assert tables[0].total_score == float(score)
    rows, said = shape(tables, findings)
    rows_before, said_before = shape(*read(text))
    assert rows == rows_before
    # the site's footer after the table (qrcode …) is no longer read into a last row
    assert set(said) <= set(said_before)


@pytest.mark.parametrize(
    "row",
    [
        "| 其他需要说明事项 | 无 | 总分 | 96 |",  # full marks or score?
        "| 其他需要说明事项 | 无 | 总分 | 90 | 86 |",  # the indicators alone, without execution?
        "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 见说明 |",  # other text
        "| 其他需要说明事项 | 无 | 总分 | 100 | 104 |",  # above the full marks
    ],
)
def test_a_total_row_that_does_not_say_which_number_is_the_score(row: str) -> None:
    text = YONGDE.read_text("utf-8")
    tables, findings = read(text.replace("| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |", row))
    assert tables[0].total_score is None
    # as without the row: no row read from it, no doubt about it
    before = read(text.replace("| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |", ""))
    assert shape(tables, findings) == shape(*before)


def test_tab_separated_rows() -> None:
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "项目名称\t甲项目",
            "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t8\t8\t8\t10\t100%\t10",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t50\t50\t",
            "效益指标\t社会效益指标\t知晓率\t≥90%\t80%\t40\t30\t宣传不足",
            "总分\t\t\t\t\t100\t90\t",
        ]
    )
    (table,), findings = read(text)
    assert table.total_score == 90
    assert [i.name for i in table.indicators] == ["培训人次", "知晓率"]
    assert not findings


@pytest.mark.parametrize(
    ("cells", "under", "score"),
    [
        (["总分", "100", "得分", "96", "等级：优"], True, 96),  # jixiao evaluate --output
        (["合计", "100", "96"], False, None),  # in the budget block: amounts
        (["合计", "100", "96"], True, 96),
        (["自评总分(分)", "97.6"], False, 97.6),
        (["总分", "100", "得分", "", "等级：待定"], True, None),
    ],
)
def test_printed_total(cells: list[str], under: bool, score: float | None) -> None:
    total = printed_total(cells, under_indicators=under)
    assert (total.score if total else None) == score


@settings(max_examples=40, deadline=None)
@given(score=_SCORES, after=st.sampled_from(["注:", "优", "说明", ""]))
def test_a_glued_total(score: str, after: str) -> None:
    text = ZHONGJIANG.read_text("utf-8")
    head, _, _ = text.partition("总分100100")
    tables, findings = read(f"{head}总分100{score}{after}", ZHONGJIANG.name)
    assert tables[0].total_score == float(score)
    assert shape(tables, findings) == shape(*read(head, ZHONGJIANG.name))


@pytest.mark.parametrize("glued", ["总分100分注:", "总分1001.一级指标", "总分96注:", "总分100注:"])
def test_a_glued_total_that_does_not_split_as_100_and_a_score(glued: str) -> None:
    text = ZHONGJIANG.read_text("utf-8")
    (table,), _ = read(text.replace("总分100100注:", glued), ZHONGJIANG.name)
    assert table.total_score is None
