from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app

runner = CliRunner()
CLEAN = """503101 某区委组织部
单位：元
项目名称\t甲项目
预算规模及资金用途\t预算数\t300000.00\t其中：财政资金\t300000.00\t其他资金\t0
\t用于 2024 年甲项目培训。
绩效目标\t1.完成入党积极分子培训。
一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值
产出指标\t数量指标\t入党积极分子培训人数\t年度参训人数\t≥1000人
\t质量指标\t入党积极分子考试合格率\t考试合格人数/参训人数\t≥95%
\t成本指标\t人均培训成本\t总成本/参训人数\t≤300元/人
效益指标\t社会效益指标\t入党积极分子党内知识测试平均分\t培训后测试平均分\t≥80分
满意度指标\t服务对象满意度指标\t参训人员满意度\t问卷调查\t≥90%
"""


def test_review_example_exits_1_on_errors(example_path: Path) -> None:
    result = runner.invoke(app, ["review", str(example_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "GL01" in result.stdout
    assert "经费核算标准" in result.stdout
    assert "共审核 4 张表、71 个指标" in result.stdout


def test_clean_table_exits_0(write_text: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["review", str(write_text(CLEAN))])
    assert result.exit_code == 0, result.stdout
    assert "未发现问题" in result.stdout


def test_fail_on_warning(example_path: Path) -> None:
    result = runner.invoke(app, ["review", "--select", "VL17", str(example_path)])
    assert result.exit_code == 0
    result = runner.invoke(
        app, ["review", "--select", "VL17", "--fail-on", "warning", str(example_path)]
    )
    assert result.exit_code == 1


def test_json_report(example_path: Path) -> None:
    result = runner.invoke(app, ["review", "--format", "json", str(example_path)])
    data = json.loads(result.stdout)
    assert data["errors"] == []
    keys = {"code", "severity", "rule", "message", "hint", "file", "project", "indicator"}
    keys |= {"origin", "field", "table", "row"}
    for finding in data["findings"]:
        assert keys | {"location"} == set(finding)
    vl04 = next(f for f in data["findings"] if f["code"] == "VL04")
    assert vl04["severity"] == "error"
    assert vl04["project"] == "选调生到村任职工作补助区配套资金"
    assert vl04["location"]["line"] == 127
    assert vl04["file"].endswith("binhai-zuzhibu-2024.txt")


def test_select_and_ignore(example_path: Path) -> None:
    result = runner.invoke(
        app, ["review", "-f", "json", "--select", "VL,NM01", "--ignore", "VL17", str(example_path)]
    )
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes == {"NM01", "VL04", "VL06", "VL08", "VL11", "VL12", "VL16", "VL20"}


def test_unknown_code_is_a_usage_error(example_path: Path) -> None:
    result = runner.invoke(app, ["review", "--select", "ZZ", str(example_path)])
    assert result.exit_code == 2
    assert "没有代码为“ZZ”的规则" in result.stderr


def test_config_file(example_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "jixiao.toml"
    config.write_text('[review]\nselect = ["VL11"]\n[review.options.VL11]\nfloor = 96\n', "utf-8")
    result = runner.invoke(
        app, ["review", "-f", "json", "--config", str(config), str(example_path)]
    )
    low = [f for f in json.loads(result.stdout)["findings"] if "低于" in f["message"]]
    assert {f["indicator"] for f in low} >= {"街镇满意度", "档案管理部门组织人事干部满意度"}


def test_unreadable_file_exits_2_and_others_are_reviewed(
    example_path: Path, write_text: Callable[..., Path]
) -> None:
    empty = write_text("没有表格\n", name="empty.txt")
    result = runner.invoke(app, ["review", "-f", "json", str(empty), str(example_path)])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["errors"][0]["code"] == "ING003"
    assert data["findings"]


def test_rules_lists_and_explains() -> None:
    listing = runner.invoke(app, ["rules"], env={"COLUMNS": "200"})
    assert listing.exit_code == 0
    assert "VL04" in listing.stdout
    assert "GL01" in listing.stdout
    one = runner.invoke(app, ["rules", "vl04"], env={"COLUMNS": "200"})
    assert one.exit_code == 0
    for text in ("比率写成", "错误示例", "正确示例", "依据"):
        assert text in one.stdout
    missing = runner.invoke(app, ["rules", "ZZ01"])
    assert missing.exit_code == 2


def test_rules_explains_parse_findings() -> None:
    one = runner.invoke(app, ["rules", "prs011"], env={"COLUMNS": "200"})
    assert one.exit_code == 0
    for text in ("PRS011", "parse.row-incomplete", "读取疑点", "警告", "处理建议"):
        assert text in one.stdout


def test_review_writes_the_opinion_workbook(example_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    missing = tmp_path / "missing.txt"
    missing.write_bytes(b"\x00\x01binary")
    output = tmp_path / "审核意见表.xlsx"
    args = ["review", str(example_path), str(missing), "--output", str(output)]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2  # the unreadable file
    sheet = load_workbook(output)["审核意见表"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("序号", "文件", "项目", "级别", "代码", "位置", "指标", "问题", "修改建议")
    findings = [row for row in rows[1:] if row[0] is not None]
    levels = [row[3] for row in findings]
    assert levels == sorted(levels, key=["错误", "警告", "提示"].index)  # errors first
    assert "GL01" in {row[4] for row in findings}
    assert all(row[7] for row in findings)  # every finding says what is wrong
    unread = [row for row in rows[1:] if row[0] is None]
    assert [row[1] for row in unread] == [str(missing)]
    assert unread[0][7].startswith("未能读取：")


def test_review_refuses_another_opinion_format(example_path: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(example_path), "-o", str(tmp_path / "a.csv")])
    assert result.exit_code == 2
    assert not (tmp_path / "a.csv").exists()
