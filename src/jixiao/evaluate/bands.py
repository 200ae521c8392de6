"""Qualitative tiers (达成 / 部分达成 / 未达成), domain.md §3.3 and §5.4.

The evaluator chooses the band, and may give a score inside it; a score outside the band's
range is refused (:class:`jixiao.errors.EvaluationError`), as deployed systems do [I]. Without
a choice the band is read from the actual text when it names one (达成年度指标, 部分达成目标并
具有一定效果, 未达到 …), or, when the profile says so, from an actual that repeats the text of a
qualitative target (显著提升 / 显著提升; also a trend without an amount, 与上年持平).
Without a score the band's ``default`` share is given if the profile defines one (达成 → 100%);
otherwise the score stays open (None) and the explanation asks for one.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.errors import EvaluationError
from jixiao.evaluate.display import number, percent, round_half_up
from jixiao.evaluate.profiles import TOLERANCE, Band, Profile
from jixiao.model.target import Target, TargetKind

SPACES_AND_PUNCTUATION = re.compile(r"[\s。.，,；;：:！!]+")


def normalized(text: str) -> str:
    """Text compared for band names: NFKC, no spaces or trailing punctuation."""
    return SPACES_AND_PUNCTUATION.sub("", unicodedata.normalize("NFKC", text))


def band_in_text(text: str, profile: Profile) -> Band | None:
    """The band whose name, label or alias is exactly ``text`` (normalised), if any."""
    key = normalized(text)
    if not key:
        return None
    for band in profile.qualitative.bands:
        if key in {normalized(word) for word in (band.name, band.label, *band.aliases)}:
            return band
    return None


def read_band(target: Target, actual: Target | None, profile: Profile) -> tuple[Band, str] | None:
    """The band an actual value names, and how it was found; None when it names none."""
    if actual is None:
        return None
    if (band := band_in_text(actual.raw, profile)) is not None:
        return band, "实际完成情况写明"
    same = profile.qualitative.same_text_band
    text = normalized(actual.raw)
    wordy = target.kind is TargetKind.QUALITATIVE or (
        target.kind is TargetKind.TREND and target.value is None
    )
    if same is not None and wordy and text and text == normalized(target.raw):
        return profile.band(same), f"实际完成情况“{actual.raw}”与指标值表述相同，视为"
    return None


def band_of_share(share: float, profile: Profile) -> Band | None:
    """The band a share of the weight falls in."""
    return next((band for band in profile.qualitative.bands if band.allows(share)), None)


def bounds(band: Band, weight: float) -> str:
    """The band's range in points: ``[6, 8)``."""
    close = "]" if band.high_inclusive else ")"
    return f"[{number(band.low * weight)}, {number(band.high * weight)}{close}"


def score_band(
    band: Band,
    how: str,
    weight: float,
    profile: Profile,
    manual_score: float | None,
    indicator: str,
) -> tuple[float | None, str]:
    """Points in ``band`` and the explanation; refuses a manual score outside the band."""
    shown_w = number(weight, profile.rounding)
    head = (
        f"定性指标：{how}“{band.label}”档，{band.describe()} × 分值 {shown_w} = "
        f"{bounds(band, weight)}"
    )
    if manual_score is not None:
        share = manual_score / weight if weight else 0.0
        inside = band.allows(share) if weight else abs(manual_score) <= TOLERANCE
        if not inside:
            raise EvaluationError(
                f"得分 {number(manual_score, 6)} 不在“{band.name}”档的范围 {bounds(band, weight)} "
                f"内（{band.describe()} × 分值 {shown_w}）",
                indicator=indicator,
            )
        return manual_score, f"{head}，评价人给分 {number(manual_score, profile.rounding)}"
    if band.default is None:
        return None, f"{head}；未给出档内得分，请在 {bounds(band, weight)} 内给分"
    score = weight if band.default >= 1 else round_half_up(band.default * weight, profile.rounding)
    score = min(score, weight)
    return score, f"{head}，未给出档内得分，按 {percent(band.default)} 计 = {number(score)}"
