"""The quantitative formulas of domain.md §5.3, as shares of the weight with their wording.

Let A = 年度指标值, B = 实际完成值, w = 分值. Each function returns a :class:`Share`: the part of
w earned (0–1) and the words that show how, e.g. ``实际 18人 / 目标 ≥20人`` to be multiplied by
w. :func:`award` turns a share into points and the full explanation.

* 正向 (≥, >): B/A × w, at most w. A = 0: B ≥ 0 earns w.
* 反向 (≤, <), ``ratio``: B ≤ A earns w, else A/B × w [S]; ``linear`` [I]: B ≤ A → w,
  A < B < 2A → (1 − (B−A)/A) × w, B ≥ 2A → 0. A = 0: B ≤ 0 earns w, else 0.
* "=": with A = 0, B ≤ 0 earns w, else 0 [I]; otherwise as 正向 (``positive``) or
  (1 − |B−A|/A) × w (``deviation``).
* Over-achievement (off unless the profile enables it): when B/A exceeds the threshold t, the
  score loses min(max_deduction, rate × (B/A − t)) × w.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.evaluate.display import number, percent, round_half_up
from jixiao.evaluate.profiles import EqualFormula, Profile, ReverseFormula
from jixiao.evaluate.readings import Unscorable


@dataclass(frozen=True)
class Share:
    """Part of the weight earned.

    ``formula`` is text to be multiplied by w, and ``raw`` its value (may exceed 1 before the
    cap); ``verdict`` replaces the formula when the share needs no arithmetic (满分, 0 分).
    ``deductions`` are further texts already applied to ``value``.
    """

    value: float
    formula: str | None = None
    raw: float | None = None
    verdict: str | None = None
    ratio: float | None = None
    deductions: tuple[str, ...] = field(default=())


def plain(shown: str) -> str:
    """A shown target without its operator, for comparisons: ``≤20万元`` → ``20万元``."""
    return shown.lstrip("≥≤=<>")


def full(verdict: str, ratio: float | None = None) -> Share:
    return Share(1.0, verdict=verdict, ratio=ratio)


def nothing(verdict: str, ratio: float | None = None) -> Share:
    return Share(0.0, verdict=verdict, ratio=ratio)


def by_formula(formula: str, raw: float, ratio: float | None = None) -> Share:
    return Share(max(0.0, min(raw, 1.0)), formula=formula, raw=raw, ratio=ratio)


def positive(b: float, a: float, shown_b: str, shown_a: str, profile: Profile) -> Share:
    """正向: B/A, capped at 1; over-achievement deduction when the profile asks for it."""
    if a < 0:
        raise Unscorable(f"指标值 {shown_a} 为负数，无法按比例计分")
    if a == 0:
        if b >= 0:
            return full(f"目标为 0，实际 {shown_b} ≥ 0")
        return nothing(f"实际 {shown_b} 为负数")
    if b < 0:
        return nothing(f"实际 {shown_b} 为负数", ratio=b / a)
    ratio = b / a
    share = by_formula(f"实际 {shown_b} / 目标 {shown_a}", ratio, ratio)
    return deduct_over_achievement(share, ratio, profile)


def deduct_over_achievement(share: Share, ratio: float, profile: Profile) -> Share:
    rule = profile.quantitative.over_achievement
    if not rule.enabled or ratio <= rule.threshold:
        return share
    lost = min(rule.max_deduction, rule.rate * (ratio - rule.threshold))
    text = (
        f"超额完成（完成率 {percent(ratio)} 高于 {percent(rule.threshold)}），视为目标设定偏低，"
        f"扣 min({percent(rule.max_deduction)}, {number(rule.rate)} × ({percent(ratio)} − "
        f"{percent(rule.threshold)})) = {percent(lost)} × 分值"
    )
    return Share(
        max(0.0, share.value - lost),
        formula=share.formula,
        raw=share.raw,
        ratio=ratio,
        deductions=(text,),
    )


def reverse(b: float, a: float, shown_b: str, shown_a: str, profile: Profile) -> Share:
    """反向: full when B ≤ A; otherwise by the profile's reverse formula."""
    if a < 0:
        raise Unscorable(f"指标值 {shown_a} 为负数，无法按比例计分")
    ratio = b / a if a else None
    if b <= a:
        return full(f"实际 {shown_b} ≤ 目标 {plain(shown_a)}", ratio)
    if a == 0:
        return nothing(f"目标为 0，实际 {shown_b} > 0")
    assert ratio is not None
    if profile.quantitative.reverse_formula is ReverseFormula.LINEAR:
        if b >= 2 * a:
            return nothing(f"实际 {shown_b} ≥ 2 × 目标 {plain(shown_a)}", ratio)
        a_text = plain(shown_a)
        formula = f"(1 − (实际 {shown_b} − 目标 {a_text}) / 目标 {a_text})"
        return by_formula(formula, 1 - (b - a) / a, ratio)
    return by_formula(f"目标 {shown_a} / 实际 {shown_b}", a / b, ratio)


def equal(b: float, a: float, shown_b: str, shown_a: str, profile: Profile) -> Share:
    """Equality: the target-0 rule, then as 正向 or by the deviation from A."""
    rules = profile.quantitative
    if a == 0 and rules.equal_zero_rule:
        if b <= 0:
            return full(f"目标为 0，实际 {shown_b} ≤ 0")
        return nothing(f"目标为 0，实际 {shown_b} > 0")
    if rules.equal_formula is EqualFormula.DEVIATION and a != 0:
        a_text = plain(shown_a)
        formula = f"(1 − |实际 {shown_b} − 目标 {a_text}| / 目标 {a_text})"
        return by_formula(formula, 1 - abs(b - a) / abs(a), b / a)
    return positive(b, a, shown_b, shown_a, profile)


def award(share: Share, weight: float, profile: Profile) -> tuple[float, str]:
    """Points for ``share`` of ``weight`` and the sentence that shows the arithmetic.

    Partial points are rounded half up to the profile's digits and never exceed the weight;
    full marks are the weight itself.
    """
    digits = profile.rounding
    shown_w = number(weight, digits)
    # Full marks are the weight itself, unrounded, so that an even share such as 50/3 adds up.
    full_marks = share.value >= 1
    score = weight if full_marks else min(round_half_up(share.value * weight, digits), weight)
    if share.formula is not None:
        assert share.raw is not None
        raw_points = share.raw * weight
        text = f"{share.formula} × 分值 {shown_w} = {number(raw_points, digits)}"
        if raw_points > weight:
            text += f"，超过分值，按 {shown_w} 计"
        elif raw_points < 0:
            text += "，按 0 计"
    elif share.value >= 1:
        text = f"{share.verdict}，得满分 {shown_w}"
    elif share.value <= 0:
        text = f"{share.verdict}，得 0 分"
    else:
        text = f"{share.verdict}，得 {percent(share.value)} × 分值 {shown_w} = {number(score)}"
    for deduction in share.deductions:
        text += f"；{deduction} {shown_w}，得 {number(score, digits)}"
    return score, text
