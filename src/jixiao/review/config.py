"""Review configuration: which rules run, at what severity, with which options.

Read from ``jixiao.toml`` (``[review]``) or ``pyproject.toml`` (``[tool.jixiao.review]``),
looked up from the working directory upwards::

    [tool.jixiao.review]
    select = ["ST", "VL", "BG01"]     # codes or family prefixes; default: all
    ignore = ["NM02"]
    fail-on = "warning"               # error (default) | warning | info

    [tool.jixiao.review.severity]
    NM02 = "warning"

    [tool.jixiao.review.options.VL11]
    floor = 85
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.errors import ConfigError
from jixiao.model import Severity
from jixiao.review.registry import all_rules

PARSE_PREFIX = "PRS"
_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def severity_at_least(severity: Severity, floor: Severity) -> bool:
    return _SEVERITY_RANK[severity] >= _SEVERITY_RANK[floor]


@dataclass(frozen=True)
class ReviewConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    source: str = "默认配置"

    def digest(self) -> str:
        """A digest of what decides the findings: the selection, severities and options (not
        where the configuration was read from, nor the fail-on level)."""
        said = {
            "select": sorted(self.select),
            "ignore": sorted(self.ignore),
            "severity": {code: str(s) for code, s in sorted(self.severity.items())},
            "options": {code: dict(sorted(o.items())) for code, o in sorted(self.options.items())},
        }
        text = json.dumps(said, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def is_selected(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(s) for s in self.select)
        return selected and not any(code.startswith(s) for s in self.ignore)

    def rule_options(self, code: str) -> dict[str, Any]:
        rule = all_rules()[code]
        given = self.options.get(code, {})
        return {name: given.get(name, option.default) for name, option in rule.options.items()}

    def with_overrides(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: Severity | None = None,
    ) -> ReviewConfig:
        """Command-line options win over the file."""
        return ReviewConfig(
            select=check_codes(tuple(select), "--select") if select else self.select,
            ignore=self.ignore + check_codes(tuple(ignore or ()), "--ignore"),
            severity=self.severity,
            options=self.options,
            fail_on=fail_on or self.fail_on,
            source=self.source,
        )


def check_codes(codes: tuple[str, ...], source: str) -> tuple[str, ...]:
    known = [*all_rules(), PARSE_PREFIX]
    for code in codes:
        if not any(k.startswith(code) for k in known) and not code.startswith(PARSE_PREFIX):
            raise ConfigError(source, f"没有代码为“{code}”的规则（用 jixiao rules 查看全部规则）")
    return codes


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest jixiao.toml, or pyproject.toml with [tool.jixiao.review]."""
    for directory in [start, *start.parents]:
        for name in ("jixiao.toml", "pyproject.toml"):
            path = directory / name
            if not path.is_file():
                continue
            data = read_toml(path)
            section = (
                data.get("review", {})
                if name == "jixiao.toml"
                else data.get("tool", {}).get("jixiao", {}).get("review")
            )
            if section is not None:
                return path, section
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> ReviewConfig:
    """The configuration from ``path`` or found from ``start`` (default: working directory)."""
    if path is not None:
        data = read_toml(path)
        section = data.get("review", data.get("tool", {}).get("jixiao", {}).get("review", {}))
        return parse_config(section, str(path))
    found = find_config(start or Path.cwd())
    return parse_config(found[1], str(found[0])) if found else ReviewConfig()


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(str(path), f"无法读取（{error.strerror or error}）") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"不是有效的 TOML：{error}") from None


def parse_config(section: Mapping[str, Any], source: str) -> ReviewConfig:
    unknown = set(section) - {"select", "ignore", "severity", "options", "fail-on"}
    if unknown:
        raise ConfigError(source, f"未知的配置项：{', '.join(sorted(unknown))}")
    rules = all_rules()
    severity = {
        code: parse_severity(value, f"{source} severity.{code}")
        for code, value in section.get("severity", {}).items()
        if check_codes((code,), source)
    }
    options: dict[str, dict[str, Any]] = {}
    for code, values in section.get("options", {}).items():
        if code not in rules:
            raise ConfigError(source, f"options 中的规则“{code}”不存在")
        extra = set(values) - set(rules[code].options)
        if extra:
            raise ConfigError(source, f"规则 {code} 没有选项：{', '.join(sorted(extra))}")
        options[code] = dict(values)
    return ReviewConfig(
        select=check_codes(tuple(section.get("select", ())), source),
        ignore=check_codes(tuple(section.get("ignore", ())), source),
        severity=severity,
        options=options,
        fail_on=parse_severity(section.get("fail-on", "error"), f"{source} fail-on"),
        source=source,
    )


def parse_severity(value: object, source: str) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        raise ConfigError(source, f"级别“{value}”无效（可用 error、warning、info）") from None
