"""One bad file never loses the batch: parse, review, import and web uploads (issue 18).

Every batch holds the decimal case (an absurd 预算数: read, with a range doubt PRS017), a good file,
and a file that raises inside review (a rule made to raise) or inside reading (the assembler
made to raise): that file gets its ING999 error naming it, the traceback goes to the log, and
the other files go on and are listed in the summary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jixiao.assemble.build import RANGE_DOUBT
from jixiao.cli import app
from jixiao.errors import InternalError
from jixiao.review.rule import RULES

runner = CliRunner()
ERROR_CODE = InternalError.code


def by_name(items: list[dict[str, Any]], key: str = "file") -> dict[str, dict[str, Any]]:
    return {Path(item[key]).name: item for item in items}


@pytest.mark.usefixtures("raising_reader")
def test_parse_goes_on_after_a_file_that_raises(batch: list[Path]) -> None:
    result = runner.invoke(app, ["parse", "--format", "json", *map(str, batch)])
    assert result.exit_code == 2
    documents = by_name(json.loads(result.stdout)["documents"])
    assert list(documents) == [path.name for path in batch]
    failed = documents["4-read-bomb.txt"]["error"]
    assert failed["code"] == ERROR_CODE
    assert "4-read-bomb.txt" in failed["message"]
    assert "RecursionError" not in result.stdout + result.stderr  # no traceback for users
    decimal = documents["1-decimal.txt"]
    assert decimal["error"] is None
    assert decimal["tables"][0]["budget"]["total"] is None
    assert RANGE_DOUBT in {finding["code"] for finding in decimal["findings"]}
    for name in ("2-good.txt", "3-review-bomb.txt", "5-good.txt"):
        assert documents[name]["error"] is None
        assert len(documents[name]["tables"]) == 1
    human = runner.invoke(app, ["parse", *map(str, batch)], env={"COLUMNS": "200"})
    assert human.exit_code == 2
    assert "甲培训项目" in human.stdout
    assert "丁培训项目" in human.stdout
    assert "4-read-bomb.txt" in human.stderr


@pytest.mark.usefixtures("raising_reader")
def test_parse_debug_shows_the_traceback(batch: list[Path]) -> None:
    result = runner.invoke(app, ["parse", "--debug", str(batch[3])])
    assert result.exit_code == 2
    assert "RecursionError" in result.stderr


@pytest.mark.usefixtures("raising_rule")
def test_review_goes_on_after_a_rule_that_raises(batch: list[Path]) -> None:
    result = runner.invoke(app, ["review", "--format", "json", *map(str, batch)])
    assert result.exit_code == 2, result.stdout
    report = json.loads(result.stdout)
    errors = by_name(report["errors"])
    assert list(errors) == ["3-review-bomb.txt"]
    assert errors["3-review-bomb.txt"]["code"] == ERROR_CODE
    assert "审核" in errors["3-review-bomb.txt"]["message"]
    found = {(Path(f["file"]).name, f["code"]) for f in report["findings"]}
    assert ("1-decimal.txt", RANGE_DOUBT) in found
    assert {name for name, _ in found} >= {"1-decimal.txt", "2-good.txt", "5-good.txt"}
    assert "ZeroDivisionError" not in result.stdout + result.stderr
    human = runner.invoke(app, ["review", *map(str, batch)], env={"COLUMNS": "200"})
    assert "丁培训项目" in human.stdout
    assert "3-review-bomb.txt" in human.stderr


@pytest.mark.usefixtures("raising_rule", "raising_reader")
def test_import_goes_on_and_stores_nothing_of_the_failed_files(
    batch: list[Path], tmp_path: Path
) -> None:
    db = str(tmp_path / "jixiao.db")
    result = runner.invoke(app, ["import", "--db", db, "--format", "json", *map(str, batch)])
    assert result.exit_code == 2, result.stdout
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 5
    assert report["summary"]["imported"] == 3
    assert report["summary"]["failed"] == 2
    files = by_name(report["files"])
    assert files["3-review-bomb.txt"]["status"] == "failed"
    assert files["3-review-bomb.txt"]["error"]["code"] == ERROR_CODE
    assert files["4-read-bomb.txt"]["error"]["code"] == ERROR_CODE
    assert files["1-decimal.txt"]["status"] == "imported"
    listed = runner.invoke(app, ["ls", "--db", db])
    assert "甲培训项目" in listed.stdout
    assert "丁培训项目" in listed.stdout
    assert "审核引爆乙项目" not in listed.stdout  # nothing half-written
    assert "丙项目" not in listed.stdout
    human = runner.invoke(app, ["import", "--db", db, *map(str, batch)], env={"COLUMNS": "200"})
    assert human.exit_code == 2
    assert "失败" in human.stdout
    assert "3-review-bomb.txt" in human.stderr
    assert "ZeroDivisionError" not in human.stdout + human.stderr


@pytest.mark.usefixtures("raising_rule", "raising_reader")
def test_the_failed_files_import_once_they_can(batch: list[Path], tmp_path: Path) -> None:
    db = str(tmp_path / "jixiao.db")
    runner.invoke(app, ["import", "--db", db, *map(str, batch)])
    RULES.pop("ZZ99")
    again = runner.invoke(app, ["import", "--db", db, "--format", "json", str(batch[2])])
    assert again.exit_code == 0, again.stdout
    assert json.loads(again.stdout)["summary"]["imported"] == 1
