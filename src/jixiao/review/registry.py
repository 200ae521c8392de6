"""Every rule, loaded from ``jixiao/review/rules/`` (each module registers its rule)."""

from __future__ import annotations

import importlib
import pkgutil

from jixiao.review import rules as rules_package
from jixiao.review.rule import RULES, Rule


def all_rules() -> dict[str, type[Rule]]:
    """All rules by code, in code order."""
    for module in pkgutil.iter_modules(rules_package.__path__):
        importlib.import_module(f"{rules_package.__name__}.{module.name}")
    return dict(sorted(RULES.items()))
