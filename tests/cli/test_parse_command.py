from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app

runner = CliRunner()


def test_human_view_shows_projects_budget_and_tree(example_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(example_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "4 张表" in out
    for text in (
        "滨海新区社区党组织工作活动专项经费",
        "选调生到村任职工作补助区配套资金",
        "3,300,000.00 元",
        "503101 中国共产党天津市滨海新区委员会组织部",
        "产出指标",
        "经费发放街道数",
        "截止 2024-12-31",
        "PRS001",
    ):
        assert text in out, text


def test_json_format(example_path: Path) -> None:
    result = runner.invoke(app, ["parse", "--format", "json", str(example_path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (document,) = data["documents"]
    assert set(document) >= {"file", "sha256", "tables", "findings"}
    assert len(document["sha256"]) == 64
    table = document["tables"][0]
    assert set(table) >= {
        "kind",
        "department_code",
        "department",
        "project",
        "year",
        "budget",
        "purpose",
        "goals",
        "indicators",
        "source",
    }
    assert set(table["budget"]) >= {"total", "fiscal", "other", "unit_printed"}
    indicator = table["indicators"][0]
    assert set(indicator) >= {
        "level1",
        "level2",
        "name",
        "description",
        "target",
        "actual",
        "weight",
        "score",
        "source",
    }
    assert indicator["target"]["op"] == "≥"
    assert {"raw", "kind", "op", "value", "low", "high", "unit"} <= set(indicator["target"])


def test_a_file_without_tables_fails_but_others_are_processed(
    example_path: Path, write_text: Callable[..., Path]
) -> None:
    notice = write_text("关于公开2024年部门预算的说明\n\n一、部门职责\n", name="notice.txt")
    result = runner.invoke(app, ["parse", "--format", "json", str(notice), str(example_path)])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    failed, parsed = data["documents"]
    assert failed["error"]["code"] == "ING003"
    assert failed["tables"] == []
    assert len(parsed["tables"]) == 4
    assert "notice.txt" in result.stderr
    assert "未找到绩效目标表" in result.stderr


def test_binary_file_gets_a_message_not_a_traceback(write_text: Callable[..., Path]) -> None:
    path = write_text("", name="program.txt")
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert "program.txt" in result.stderr
    assert "二进制" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_broken_image_gets_a_message_not_a_traceback(write_text: Callable[..., Path]) -> None:
    path = write_text("", name="image.txt")  # a PNG by its content, whatever its name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert "image.txt：图片已损坏或格式不受支持" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt：文件不存在" in result.stderr


def test_gbk_document(example_path: Path, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(example_path.read_text("utf-8").encode("gb18030"))
    result = runner.invoke(app, ["parse", "--format", "json", str(gbk)])
    assert result.exit_code == 0
    tables = json.loads(result.stdout)["documents"][0]["tables"]
    assert sum(len(t["indicators"]) for t in tables) == 71


def test_year_option(write_text: Callable[..., Path]) -> None:
    path = write_text(
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t时效指标\t完成时间\t12月31日前\n"
    )
    result = runner.invoke(app, ["parse", "--format", "json", "--year", "2025", str(path)])
    assert result.exit_code == 0
    table = json.loads(result.stdout)["documents"][0]["tables"][0]
    assert table["year"] == 2025
    assert table["indicators"][0]["target"]["date"] == "2025-12-31"


def test_schema_command() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "Target" in schema["$defs"]
