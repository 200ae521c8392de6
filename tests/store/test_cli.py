"""The store's commands end to end: import, ls, show, history, diff, export, db upgrade."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from jixiao.cli import app
from jixiao.export.json import documents_to_json
from jixiao.model import Document
from jixiao.store import head_revision

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "binhai-zuzhibu-2024.txt"
DOCUMENTS = EXAMPLE.parent.parent / "tests" / "documents"
runner = CliRunner()


def jixiao(*args: str, db: str | None = None, **env: str) -> Result:
    options = ["--db", db] if db else []
    return runner.invoke(app, [*args, *options], env={"COLUMNS": "200", **env})


def test_import_prints_a_summary_and_is_idempotent(new_database_url: str) -> None:
    first = jixiao("import", str(EXAMPLE), db=new_database_url)
    assert first.exit_code == 0, first.output
    assert "已导入" in first.stdout
    assert "审核发现：错误/警告/提示" in first.stdout
    summary = json.loads(
        jixiao("import", "--format", "json", str(EXAMPLE), db=new_database_url).stdout
    )["summary"]
    assert summary == {
        "files": 1,
        "imported": 0,
        "already_imported": 1,
        "failed": 0,
        "new_tables": 0,
        "revised_tables": 0,
        "unchanged_tables": 0,
        "findings": {"error": 0, "warning": 0, "info": 0},
    }


def test_import_stores_the_review_findings(database_url: str) -> None:
    summary = json.loads(jixiao("import", "-f", "json", str(EXAMPLE), db=database_url).stdout)
    assert summary["summary"]["findings"]["error"] == 3  # GL01, VL04 and CT01 (see review tests)
    listed = json.loads(jixiao("ls", "--format", "json", db=database_url).stdout)
    assert sum(table["finding_count"] for table in listed["tables"]) == 91
    bare = jixiao("import", "--no-review", "-f", "json", str(EXAMPLE), db=database_url)
    assert bare.exit_code == 0


def test_import_a_directory_goes_on_past_broken_files(
    database_url: str, tmp_path: Path, edited_copy: Callable[..., Path]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-notice.txt").write_text("关于公开2024年部门预算的说明\n", "utf-8")
    (folder / "b-binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "c-example.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "d-edited.md").write_bytes(edited_copy(("≥16 个", "≥18 个")).read_bytes())
    (folder / "notes.json").write_text("{}", "utf-8")  # not a document: not taken from a folder
    result = jixiao("import", "--format", "json", str(folder), db=database_url)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [Path(f["file"]).name for f in data["files"]] == [
        "a-notice.txt",
        "b-binary.txt",
        "c-example.txt",
        "d-edited.md",
    ]
    assert [f["status"] for f in data["files"]] == ["failed", "failed", "imported", "imported"]
    assert data["summary"]["new_tables"] == 4
    assert data["summary"]["revised_tables"] == 1
    assert data["summary"]["unchanged_tables"] == 3
    assert "a-notice.txt：未找到绩效目标表" in result.stderr
    assert "b-binary.txt" in result.stderr


def test_a_directory_import_takes_wps_files(database_url: str, tmp_path: Path) -> None:
    """WPS 表格 saves .et files in the Excel 97-2003 format: read by content, like .xls."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "example.et").write_bytes((DOCUMENTS / "binhai-zuzhibu-2024.xls").read_bytes())
    result = jixiao("import", "--no-review", "--format", "json", str(folder), db=database_url)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [Path(f["file"]).name for f in data["files"]] == ["example.et"]
    assert data["summary"]["new_tables"] == 4


def test_ls_show_history_diff(database_url: str, edited_copy: Callable[..., Path]) -> None:
    # without the review, only the parse findings (PRS…) of two tables are stored
    jixiao("import", "--no-review", str(EXAMPLE), db=database_url)
    edited = edited_copy(("≥16 个", "≥18 个"))
    imported = jixiao("import", "--no-review", str(edited), "--user", "李四", db=database_url)
    assert imported.exit_code == 0
    listed = jixiao("ls", "--has-findings", db=database_url)
    assert listed.exit_code == 0, listed.output
    assert "共 2 张表" in listed.stdout
    assert "组织工作专项经费" in listed.stdout
    assert "滨海新区社区党组织工作活动专项经费" not in listed.stdout
    rows = json.loads(jixiao("ls", "--format", "json", "--limit", "2", db=database_url).stdout)
    assert rows["total"] == 4
    assert len(rows["tables"]) == 2
    shown = jixiao("show", "组织工作专项经费", db=database_url)
    assert shown.exit_code == 0, shown.output
    assert "第 1 版（共 1 版）" in shown.stdout
    assert "PRS001" in shown.stdout
    history = jixiao("history", "社区党组织", db=database_url)
    assert history.exit_code == 0, history.output
    assert "2 个修订版" in history.stdout
    assert "李四" in history.stdout
    assert "≥18 个" in history.stdout
    diff = jixiao("diff", "社区党组织", "1", "2", db=database_url)
    assert "经费发放街道数" in diff.stdout
    assert "1 处变化" in diff.stdout
    as_json = json.loads(jixiao("diff", "社区党组织", "--format", "json", db=database_url).stdout)
    assert as_json["changes"] == [
        {"indicator": "经费发放街道数", "field": "target", "old": "≥16 个", "new": "≥18 个"}
    ]
    old = json.loads(jixiao("show", "社区党组织", "-r", "1", "-f", "json", db=database_url).stdout)
    assert old["table"]["indicators"][0]["target"]["raw"] == "≥16 个"


def test_export_formats(database_url: str, example: Document, tmp_path: Path) -> None:
    jixiao("import", str(EXAMPLE), db=database_url)
    exported = jixiao("export", "--format", "json", db=database_url)
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout) == json.loads(documents_to_json([example]))
    table = jixiao("export", "-f", "csv", "--year", "2024", "--search", "招录", db=database_url)
    assert len(list(csv.DictReader(io.StringIO(table.stdout.removeprefix("\ufeff"))))) == 10
    path = tmp_path / "out" / "tables.xlsx"
    path.parent.mkdir()
    workbook = jixiao("export", "-f", "xlsx", "-o", str(path), db=database_url)
    assert workbook.exit_code == 0, workbook.output
    assert "已导出 4 张表" in workbook.stderr
    assert len(load_workbook(path).sheetnames) == 4
    refused = jixiao("export", "-f", "xlsx", db=database_url)
    assert refused.exit_code == 2
    assert "--output" in refused.stderr


def test_round_trip_parse_import_export(database_url: str) -> None:
    parsed = jixiao("parse", "--format", "json", str(EXAMPLE))
    jixiao("import", str(EXAMPLE), db=database_url)
    exported = jixiao("export", "--format", "json", db=database_url)
    assert exported.stdout == parsed.stdout


def test_jixiao_db_environment_variable(new_database_url: str) -> None:
    assert jixiao("import", str(EXAMPLE), JIXIAO_DB=new_database_url).exit_code == 0
    assert "共 4 张表" in jixiao("ls", JIXIAO_DB=new_database_url).stdout


def test_default_database_is_jixiao_db_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JIXIAO_DB", raising=False)
    assert runner.invoke(app, ["import", str(EXAMPLE)]).exit_code == 0
    assert (tmp_path / "jixiao.db").is_file()


def test_reading_commands_do_not_create_a_database(new_database_url: str) -> None:
    for command in (
        ["ls"],
        ["show", "x"],
        ["history", "x"],
        ["diff", "x"],
        ["export", "-f", "csv"],
    ):
        result = jixiao(*command, db=new_database_url)
        assert result.exit_code == 2, command
        assert "不存在或尚未初始化" in result.stderr
        assert "Traceback" not in result.output
    if "://" not in new_database_url:
        assert not Path(new_database_url).exists()


def test_unknown_project_and_bad_diff_arguments(database_url: str) -> None:
    jixiao("import", str(EXAMPLE), db=database_url)
    missing = jixiao("show", "不存在的项目", db=database_url)
    assert missing.exit_code == 2
    assert "未找到项目“不存在的项目”" in missing.stderr
    ambiguous = jixiao("history", "专项经费", db=database_url)
    assert ambiguous.exit_code == 2
    assert "对应 3 张表" in ambiguous.stderr
    assert jixiao("diff", "组织工作专项经费", "1", db=database_url).exit_code == 2


def test_db_upgrade(new_database_url: str) -> None:
    created = jixiao("db", "upgrade", db=new_database_url)
    assert created.exit_code == 0, created.output
    assert f"升级到 {head_revision()}" in created.stdout
    again = jixiao("db", "upgrade", db=new_database_url)
    assert "已是最新结构" in again.stdout
    assert "没有符合条件的表" in jixiao("ls", db=new_database_url).stdout


@pytest.mark.parametrize(
    "command", ["import", "ls", "show", "history", "diff", "export", "db upgrade"]
)
def test_every_store_command_is_documented(command: str) -> None:
    docs = EXAMPLE.parent.parent / "docs"
    assert f"jixiao {command}" in (docs / "cli.md").read_text("utf-8")
    assert f"jixiao {command}" in (docs / "store.md").read_text("utf-8")
    assert runner.invoke(app, [*command.split(), "--help"]).exit_code == 0
