"""The review engine (绩效目标审核): coded, documented rules over target tables.

Rules are pure functions of a table (no I/O), so the same engine serves the CLI, the
database and the web UI. See :mod:`jixiao.review.rule` for how a rule is written, and
:mod:`jixiao.review.compiled` for how the same rules also run compiled.
"""

from jixiao.review.compiled import choose_build, is_compiled

choose_build(__path__)

from jixiao.review import engine  # noqa: E402  (after choose_build, which decides the build)
from jixiao.review.config import ReviewConfig, load_config, severity_at_least  # noqa: E402
from jixiao.review.engine import Reviewer, review_tables  # noqa: E402
from jixiao.review.registry import all_rules  # noqa: E402
from jixiao.review.rule import Dimension, Option, Rule  # noqa: E402

#: True when the rules run compiled by mypyc (see jixiao.review.compiled).
COMPILED = is_compiled(engine.__file__)

__all__ = [
    "COMPILED",
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
