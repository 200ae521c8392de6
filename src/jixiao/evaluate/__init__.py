"""Self-evaluation (绩效自评) scoring and in-year monitoring (绩效运行监控), pure functions.

* :func:`evaluate_table` — budget execution score, weights, every indicator's score with its
  explanation, total and grade under a named, versioned :class:`Profile`;
* :func:`score_indicator` — one indicator's score;
* :func:`monitor_table` / :func:`light_indicator` — red/yellow/green/blue lights at a month;
* :func:`load_profile` / :func:`list_profiles` — the scoring profiles (TOML data in
  ``profiles/``; see docs/evaluation.md).

Nothing here reads a database or a file other than the profile data.
"""

from jixiao.evaluate.evaluation import evaluate_table
from jixiao.evaluate.models import (
    BudgetLight,
    Evaluation,
    ExecutionScore,
    IndicatorLight,
    IndicatorScore,
    LevelWeight,
    Light,
    Method,
    Monitoring,
)
from jixiao.evaluate.monitoring import light_indicator, monitor_table
from jixiao.evaluate.profiles import DEFAULT_PROFILE, Profile, list_profiles, load_profile
from jixiao.evaluate.scoring import score_indicator

__all__ = [
    "DEFAULT_PROFILE",
    "BudgetLight",
    "Evaluation",
    "ExecutionScore",
    "IndicatorLight",
    "IndicatorScore",
    "LevelWeight",
    "Light",
    "Method",
    "Monitoring",
    "Profile",
    "evaluate_table",
    "light_indicator",
    "list_profiles",
    "load_profile",
    "monitor_table",
    "score_indicator",
]
