"""Every rule, loaded from ``jixiao/review/rules/`` (each module registers its rule)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from functools import cache
from hashlib import sha256
from pathlib import Path

from jixiao import __version__
from jixiao.review import rules as rules_package
from jixiao.review.rule import RULES, Rule


def all_rules() -> dict[str, type[Rule]]:
    """All rules by code, in code order."""
    for module in pkgutil.iter_modules(rules_package.__path__):
        importlib.import_module(f"{rules_package.__name__}.{module.name}")
    return dict(sorted(RULES.items()))


@cache
def ruleset_version() -> str:
    """The version of the rule set: jixiao's version and a digest of every rule's code, name,
    severity, field, templates, options and source file, so that findings stored with it say
    which rules found them (``1.2.0+3f9a…``)."""
    digest = sha256()
    for code, rule in all_rules().items():
        options = sorted((name, repr(option.default)) for name, option in rule.options.items())
        described = (code, rule.name, str(rule.severity), rule.field, rule.message, rule.hint)
        digest.update(repr((described, options)).encode())
        module_file = getattr(sys.modules.get(rule.__module__), "__file__", None)
        if module_file is not None:
            source = Path(module_file).with_name(rule.__module__.rpartition(".")[2] + ".py")
            if source.is_file():
                digest.update(source.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
