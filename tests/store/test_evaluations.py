"""Self-evaluation and monitoring over the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.errors import EvaluationError, NotFound
from jixiao.evaluate import Light
from jixiao.model import Document
from jixiao.services import open_store, table_history
from jixiao.services.evaluation import (
    TableEvaluation,
    TableMonitoring,
    TableRef,
    evaluate_stored,
    export_self_evaluations,
    monitor_stored,
    record_actual,
    record_execution,
)
from jixiao.store import Database, TableFilter, import_document, list_tables, write_transaction
from jixiao.store.schema import actuals

PROJECT = TableRef("选调生到村任职")
runner = CliRunner()


@pytest.fixture
def stored(database: Database, example: Document) -> Database:
    with write_transaction(database) as connection:
        import_document(connection, example)
    return database


def fill_actuals(database: Database) -> None:
    # 产出 50 over four indicators (12.5 each), 效益 30, 满意度 10, execution 10
    for indicator, value in (
        ("工作经费补助人数", "18人"),  # 18/20 × 12.5 = 11.25
        ("合规律", "100%"),  # ≥98%: 100/98 capped → 12.5
        ("经费使用及时率", "100%"),  # ≥100%: 12.5
        ("人均标准", "1.5万元"),  # ≤1.5万元: 12.5
        ("开展质量", "达成年度指标"),  # 达成 band, no score given: 100% × 30
        ("满意度", "96%"),  # 96/98 × 10 = 9.80
    ):
        note = "2 名选调生年中调离" if indicator == "工作经费补助人数" else None
        record_actual(database, PROJECT, indicator, value, note=note, user="张三")
    record_execution(database, PROJECT, "27万元", user="张三")  # 90% × 10 = 9


def test_evaluation_is_computed_stored_and_explained(stored: Database) -> None:
    fill_actuals(stored)
    (result,) = evaluate_stored(stored, [PROJECT], user="李四")
    assert isinstance(result, TableEvaluation)
    evaluation = result.evaluation
    assert (evaluation.profile, evaluation.profile_version) == ("national", "1.0")
    assert evaluation.execution.score == 9.0
    scores = {s.name: s.score for s in evaluation.indicators}
    assert scores["工作经费补助人数"] == 11.25
    assert scores["到村任职选调生满意度"] == 9.8
    # 9 + 11.25 + 12.5 + 12.5 + 12.5 + 30 + 9.8 = 97.55
    assert evaluation.total == 97.55
    assert evaluation.grade == "优"
    first = next(s for s in evaluation.indicators if s.name == "工作经费补助人数")
    assert "18人" in first.explanation
    assert "11.25" in first.explanation


def test_entered_values_are_in_the_history(stored: Database) -> None:
    fill_actuals(stored)
    record_actual(stored, PROJECT, "工作经费补助人数", "19人", user="王五")
    history = table_history(stored, "选调生到村任职")
    changed = [c for c in history.changes if c.indicator == "工作经费补助人数"]
    assert [(c.old, c.new, c.changed_by) for c in changed][-1] == (
        "18人",
        "19人",
        "王五",
    )


def test_a_table_without_execution_is_not_scored(stored: Database) -> None:
    (result,) = evaluate_stored(stored, [PROJECT])
    assert isinstance(result, TableMonitoring)
    assert result.missing is not None
    assert "执行数" in result.missing


def test_unknown_indicator_and_bad_band_score(stored: Database) -> None:
    with pytest.raises(NotFound):
        record_actual(stored, PROJECT, "不存在的指标", "1个")
    fill_actuals(stored)
    with pytest.raises(EvaluationError, match=r"得分 29 / 分值 30 = 96\.67% 不在档内"):
        record_actual(stored, PROJECT, "开展质量", "部分达成", band="部分达成", score=29)
    # a score stored in points before migration 0015, outside its band: that table is listed
    # as not evaluated, with the reason; every other table is still evaluated
    with write_transaction(stored) as connection:
        (summary,) = [s for s in list_tables(connection, TableFilter()) if "选调生" in s.project]
        connection.execute(
            update(actuals)
            .where(actuals.c.table_id == summary.id, actuals.c.indicator.contains("开展质量"))
            .values(band="部分达成", score=29, score_share=None)
        )
    record_execution(stored, TableRef("组织工作专项经费"), "100万元")
    results = list(evaluate_stored(stored, None))
    failed = [r for r in results if isinstance(r, TableMonitoring) and r.table.id == summary.id]
    assert failed[0].missing is not None
    assert "不在" in failed[0].missing
    assert any(isinstance(r, TableEvaluation) for r in results)


def test_monitoring_lights(stored: Database) -> None:
    record_execution(stored, PROJECT, "10万元", month=7)  # 1/3 spent after 7/12 of the year
    record_actual(stored, PROJECT, "工作经费补助人数", "8人", month=7)
    results = {r.table.project: r for r in monitor_stored(stored, 7)}
    lit = results["选调生到村任职工作补助区配套资金"].monitoring
    assert lit is not None
    # execution rate 33.3% against 58.3% of the year elapsed: 57% of the pace → red
    assert lit.budget.light is Light.RED
    assert lit.at_risk
    missing = results["组织工作专项经费"]
    assert missing.monitoring is None
    assert "7" in (missing.missing or "")


def test_self_evaluation_workbook(stored: Database, tmp_path: Path) -> None:
    fill_actuals(stored)
    results = [r for r in evaluate_stored(stored, [PROJECT]) if isinstance(r, TableEvaluation)]
    path = tmp_path / "自评表.xlsx"
    assert export_self_evaluations(stored, results, path) == 1
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == "项目支出绩效自评表"
    assert [sheet.cell(row, 1).value for row in (4, 5, 6, 7, 8)] == [
        "项目名称",
        "主管部门及代码",  # once, with 实施单位 beside it: as in `jixiao export`
        "项目资金（元）",
        "年度资金总额",
        "年度总体目标",
    ]
    assert sheet["G5"].value == "实施单位"
    assert sheet["A10"].value == "一级指标"
    assert sheet["H10"].value == "偏差原因分析及改进措施"
    rows = {row[2]: row for row in sheet.iter_rows(min_row=11, values_only=True)}
    assert rows["工作经费补助人数"][6] == 11.25
    assert rows["工作经费补助人数"][7] == "2 名选调生年中调离"
    assert any(str(merged) == "A11:A14" for merged in sheet.merged_cells.ranges)
    total_row = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "总分")
    assert total_row[6] == 97.55


def test_cli_round_trip(stored: Database, database_url: str, tmp_path: Path) -> None:
    fill_actuals(stored)
    result = runner.invoke(app, ["evaluate", "--db", database_url, "选调生到村任职", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["evaluations"][0]["total"] == 97.55
    missing = runner.invoke(app, ["actual", "set", "--db", database_url, "选调生", "没有", "1"])
    assert missing.exit_code == 2
    assert "未找到指标“没有”" in missing.stderr
    both = runner.invoke(app, ["evaluate", "--db", database_url])
    assert both.exit_code == 2
    with open_store(database_url) as database:
        assert database.name


def test_an_imported_self_evaluation_feeds_its_target_table(
    stored: Database, tmp_path: Path
) -> None:
    from jixiao.services import import_files

    filled = tmp_path / "自评表.txt"
    filled.write_text(
        "\n".join(
            [
                "## 选调生到村任职工作补助区配套资金绩效自评表",
                "项目名称\t选调生到村任职工作补助区配套资金",
                "项目资金（万元）\t全年预算数\t全年执行数\t分值\t执行率\t得分",
                "年度资金总额\t30\t27\t10\t90%\t9",
                "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
                "产出指标\t数量指标\t工作经费补助人数\t≥20人\t19人\t10\t9.5",
                "\t质量指标\t不在目标表中的指标\t100%\t100%\t10\t10",
            ]
        ),
        encoding="utf-8",
    )
    (outcome,) = import_files(stored, [filled], year=2024)
    assert outcome.error is None
    target = TableRef("选调生到村任职", department="503101")  # the 自评表 is a table too
    (result,) = evaluate_stored(stored, [target])  # its 全年执行数 came with the 自评表
    assert isinstance(result, TableEvaluation)
    assert result.evaluation.execution.executed == 270000.0
    actuals = {s.name: s.actual for s in result.evaluation.indicators}
    assert actuals["工作经费补助人数"] == "19人"
    assert actuals["经费使用及时率"] is None


SELF_EVALUATION = [
    "## 样例项目绩效自评表",
    "项目名称\t样例项目",
    "主管部门\t样例局",
    "项目资金（万元）\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t100\t80.45\t10\t100%\t10",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t数量指标\t培训人数\t≥100人\t100人\t30\t30",
    "\t质量指标\t合格率\t≥100%\t83.5%\t20\t18",
    "\t时效指标\t完成及时率\t≥95%\t95%\t\t",
    "效益指标\t社会效益指标\t受益人数\t≥50人\t50人\t30\t30",
    "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t90%\t10\t10",
]


def import_self_evaluation(database: Database, tmp_path: Path) -> TableRef:
    from jixiao.services import import_files

    path = tmp_path / "样例自评表.txt"
    path.write_text("\n".join(SELF_EVALUATION), encoding="utf-8")
    (outcome,) = import_files(database, [path], year=2024)
    assert outcome.error is None
    return TableRef("样例项目")


def test_an_imported_self_evaluation_is_scored_with_its_own_figures(
    database: Database, tmp_path: Path
) -> None:
    ref = import_self_evaluation(database, tmp_path)
    (result,) = evaluate_stored(database, [ref])  # no execution set: the printed one is used
    assert isinstance(result, TableEvaluation)
    evaluation = result.evaluation
    assert evaluation.execution.executed == pytest.approx(804_500)
    assert "执行数取自表中所印全年执行数" in evaluation.notes[0]
    # the stray row without a 分值 does not discard the printed weights: it gets what is left
    weights = {s.name: (s.weight, s.weight_source) for s in evaluation.indicators}
    assert weights["合格率"] == (20, "printed")
    assert weights["完成及时率"] == (0, "remainder")
    assert any("“完成及时率”未印分值" in note for note in evaluation.notes)
    # printed against computed, each difference naming both numbers
    messages = [f.message for f in evaluation.findings]
    assert any("18" in m and "16.7" in m for m in messages), messages
    assert any("100%" in m and "80.45%" in m for m in messages), messages
    assert any("10" in m and "8.05" in m for m in messages), messages
    assert {f.origin for f in evaluation.findings} == {"evaluation"}


def test_an_entered_execution_overrides_the_printed_one(database: Database, tmp_path: Path) -> None:
    ref = import_self_evaluation(database, tmp_path)
    record_execution(database, ref, "100万元")
    (result,) = evaluate_stored(database, [ref])
    assert isinstance(result, TableEvaluation)
    assert result.evaluation.execution.executed == 1_000_000
    assert not any("所印全年执行数" in note for note in result.evaluation.notes)
