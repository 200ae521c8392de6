from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.errors import ConfigError
from jixiao.model import Severity
from jixiao.review import ReviewConfig, Reviewer, load_config


def test_defaults_select_everything() -> None:
    config = ReviewConfig()
    assert config.is_selected("VL04")
    assert config.is_selected("PRS001")
    assert config.fail_on is Severity.ERROR
    assert config.rule_options("VL11") == {"floor": 80}


def test_jixiao_toml_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    (tmp_path / "jixiao.toml").write_text(
        '[review]\nselect = ["VL", "ST01"]\nignore = ["VL05"]\nfail-on = "warning"\n'
        '[review.severity]\nNM02 = "warning"\n[review.options.VL11]\nfloor = 90\n',
        encoding="utf-8",
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    config = load_config(start=sub)
    assert config.is_selected("VL04")
    assert config.is_selected("ST01")
    assert not config.is_selected("VL05")
    assert not config.is_selected("ST02")
    assert config.fail_on is Severity.WARNING
    assert config.severity == {"NM02": Severity.WARNING}
    assert config.rule_options("VL11") == {"floor": 90}


def test_pyproject_tool_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.jixiao.review]\nignore = ["NM"]\n', encoding="utf-8"
    )
    config = load_config(start=tmp_path)
    assert not config.is_selected("NM02")


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(start=tmp_path).source == "默认配置"


def test_severity_override_changes_findings() -> None:
    from jixiao.model import Budget, TargetTable

    table = TargetTable(project="甲", budget=Budget(total=100.0, fiscal=50.0))
    (finding,) = [
        f
        for f in Reviewer(ReviewConfig(severity={"BG01": Severity.INFO})).review_table(table)
        if f.code == "BG01"
    ]
    assert finding.severity is Severity.INFO


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("[review]\nselect = ['ZZ99']\n", "没有代码为“ZZ99”的规则"),
        ("[review]\nfail-on = 'fatal'\n", "级别“fatal”无效"),
        ("[review]\ncolour = 'red'\n", "未知的配置项：colour"),
        ("[review.options.VL11]\nceiling = 3\n", "规则 VL11 没有选项：ceiling"),
        ("[review.options.ZZ01]\nx = 1\n", "options 中的规则“ZZ01”不存在"),
        ("[review\n", "不是有效的 TOML"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "jixiao.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert error in caught.value.message
    assert str(path) in caught.value.message


def test_command_line_overrides() -> None:
    config = ReviewConfig(ignore=("NM",)).with_overrides(select=["VL04"], fail_on=Severity.INFO)
    assert config.select == ("VL04",)
    assert config.fail_on is Severity.INFO
    with pytest.raises(ConfigError):
        ReviewConfig().with_overrides(ignore=["QQ"])
