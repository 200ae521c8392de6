"""Scoring profiles: shipped as package data, named, versioned, sourced, validated."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from jixiao.errors import ConfigError, ProfileError
from jixiao.evaluate import DEFAULT_PROFILE, list_profiles, load_profile
from jixiao.evaluate.profiles import (
    CompoundMethod,
    Evidence,
    ReverseFormula,
    parse_profile,
    profile_folder,
)

SHIPPED = ["district-20", "national", "platform", "sichuan-2023"]


def test_shipped_profiles() -> None:
    assert list_profiles() == SHIPPED
    assert DEFAULT_PROFILE == "national"
    assert load_profile().name == "national"


def test_profiles_are_package_data() -> None:
    folder = resources.files("jixiao.evaluate").joinpath("profiles")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    assert names == [f"{name}.toml" for name in SHIPPED]
    assert profile_folder().joinpath("national.toml").is_file()


@pytest.mark.parametrize("name", SHIPPED)
def test_every_profile_is_named_versioned_and_sourced(name: str) -> None:
    profile = load_profile(name)
    assert profile.name == name
    assert profile.version
    assert profile.label == f"{name}@{profile.version}"
    assert profile.title
    assert profile.sources
    for source in profile.sources:
        assert source.reference
        assert source.evidence in Evidence
    assert abs(profile.execution.weight + profile.indicator_points - 100) < 1e-9
    assert [band.name for band in profile.qualitative.bands] == ["达成", "部分达成", "未达成"]
    assert [grade.min for grade in profile.grades] == [90, 80, 60, 0]


def test_what_differs_between_profiles() -> None:
    national, platform = load_profile("national"), load_profile("platform")
    sichuan, district = load_profile("sichuan-2023"), load_profile("district-20")
    # execution weight: 10 everywhere except the district template (20)
    assert [p.execution.weight for p in (national, platform, sichuan, district)] == [10, 10, 10, 20]
    # levels: 50/30/10 nationally; Sichuan and the district print per-row weights
    assert national.weights.levels == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    assert sichuan.weights.levels == {}
    assert district.weights.levels == {}
    # reverse formula: A/B except the deployed-system variant
    assert national.quantitative.reverse_formula is ReverseFormula.RATIO
    assert platform.quantitative.reverse_formula is ReverseFormula.LINEAR
    # qualitative partial band: [60%, 80%) except the district's [50%, 80%)
    assert national.band("部分达成").low == 0.6
    assert district.band("部分达成").low == 0.5
    # deviation reason for execution below 90% only in Sichuan
    assert sichuan.execution.reason_below == 0.9
    assert national.execution.reason_below is None
    # 先汇总完成数，再计算得分 only in the district template
    assert district.quantitative.compound is CompoundMethod.SUM_FIRST
    assert national.quantitative.compound is CompoundMethod.MEAN
    # over-achievement deduction: stated only in unverified wording of 10号, off everywhere
    assert not any(
        p.quantitative.over_achievement.enabled for p in (national, platform, sichuan, district)
    )


def test_unknown_profile() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile("guangdong")
    assert isinstance(caught.value, ConfigError)
    assert caught.value.profile == "guangdong"
    assert "可用的评分方案：district-20、national、platform、sichuan-2023" in caught.value.message


def test_profile_from_a_file(tmp_path: Path) -> None:
    text = profile_folder().joinpath("national.toml").read_text("utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(text.replace('name = "national"', 'name = "mine"'), "utf-8")
    assert load_profile(path).name == "mine"
    assert load_profile(str(path)).name == "mine"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="无法读取"):
        load_profile(tmp_path / "none.toml")


def test_invalid_toml() -> None:
    with pytest.raises(ProfileError, match="不是有效的 TOML"):
        parse_profile("name = ", "bad.toml")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"产出指标" = 50', '"产出指标" = 55', "不等于 100"),
        ('reverse_formula = "ratio"', 'reverse_formula = "odd"', "reverse_formula"),
        ("min = 90", "min = 50", "grades"),
        ("low = 0.6", "low = 0.9", "下限大于上限"),
        ('same_text_band = "达成"', 'same_text_band = "优"', "same_text_band"),
        ('version = "1.0"', 'version = "1.0"\nunknown = 1', "unknown"),
    ],
)
def test_invalid_profile_data(old: str, new: str, message: str) -> None:
    text = profile_folder().joinpath("national.toml").read_text("utf-8")
    assert old in text
    with pytest.raises(ProfileError, match=message):
        parse_profile(text.replace(old, new, 1), "changed.toml")


@pytest.mark.parametrize("name", list_profiles())
@pytest.mark.parametrize(
    ("wording", "band"),
    [
        ("达成预期指标", "达成"),  # Anhui 2022 自评表
        ("全部完成", "达成"),
        ("部分达成预期指标", "部分达成"),
        ("基本完成", "部分达成"),
        ("未达成预期指标", "未达成"),
        ("完成", None),  # no tier named
    ],
)
def test_provincial_tier_wordings(name: str, wording: str, band: str | None) -> None:
    from jixiao.evaluate.bands import band_in_text

    found = band_in_text(wording, load_profile(name))
    assert (found.name if found else None) == band
