"""The review engine (绩效目标审核): coded, documented rules over target tables.

Rules are pure functions of a table (no I/O), so the same engine serves the CLI, the
database and the web UI. See :mod:`jixiao.review.rule` for how a rule is written.
"""

from jixiao.review.config import ReviewConfig, load_config, severity_at_least
from jixiao.review.engine import Reviewer, review_tables
from jixiao.review.registry import all_rules
from jixiao.review.rule import Dimension, Option, Rule

__all__ = [
    "Dimension",
    "Option",
    "ReviewConfig",
    "Reviewer",
    "Rule",
    "all_rules",
    "load_config",
    "review_tables",
    "severity_at_least",
]
