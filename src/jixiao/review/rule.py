"""The rule base class: a rule documents itself and checks one table, without I/O.

A rule is a subclass of :class:`Rule` in ``jixiao/review/rules/<CODE>.py``::

    class VL04(Rule):
        \"\"\"指标值写成“≥100%”，应写“=100%”。

        Why: 比率不可能超过 100%，“≥100%”在逻辑上只能等于 100%…
        Bad example: 经费使用及时率 ≥100%
        Good example: 经费使用及时率 =100%
        Basis: 安徽省 2022 年县级项目支出绩效自评表（公开表格）中“≥100百分比”被列为错误写法。
        \"\"\"

        code = "VL04"
        name = "value.ge-100-percent"
        severity = Severity.ERROR
        dimension = Dimension.APPROPRIATENESS
        message = "“{indicator}”的指标值“{value}”应写为“=100%”"
        hint = "比率最多为 100%，请改为“=100%”或设定合理的目标值。"

        def check(self, table, options): ...  # table: a TableView (jixiao/review/view.py)

The first docstring line is the summary users see; the ``Why:``, ``Bad example:``,
``Good example:`` and ``Basis:`` paragraphs feed ``jixiao rules CODE`` and docs/rules.md.
Subclasses register themselves; the code is two letters for the family and two digits, never
reused.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from string import Formatter
from typing import Any, ClassVar, Final

from jixiao.model import Finding, Origin, Severity, TableKind
from jixiao.review.view import Family, Framework, IndicatorView, TableView

_CODE: Final = re.compile(r"^[A-Z]{2}\d{2}$")
_SECTIONS: Final = ("Why", "Bad example", "Good example", "Basis")

RULES: dict[str, type[Rule]] = {}
# What a finding may concern (Rule.field, Finding.field): an indicator's cells, or a part of
# the table's header.
INDICATOR_FIELDS: Final = frozenset(
    {"name", "description", "level1", "level2", "target", "actual", "weight", "score", "deviation"}
)
TABLE_FIELDS: Final = frozenset(
    {"project", "department", "year", "budget", "purpose", "goals", "indicators", "total_score"}
)
FIELDS: Final = INDICATOR_FIELDS | TABLE_FIELDS


class Dimension(StrEnum):
    """The four review dimensions of 财预〔2015〕88号, plus self-evaluation consistency."""

    COMPLETENESS = "完整性"
    RELEVANCE = "相关性"
    APPROPRIATENESS = "适当性"
    FEASIBILITY = "可行性"
    SELF_EVALUATION = "自评一致性"


@dataclass(frozen=True)
class Option:
    """A configurable threshold; the default and its source are documented."""

    default: Any
    description: str


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    why: str
    bad: str
    good: str
    basis: str


def join_wrapped(text: str, more: str) -> str:
    """Join a wrapped docstring line: no space between two CJK characters."""
    if text and (text[-1].isascii() or more[0].isascii()):
        return f"{text} {more}"
    return text + more


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    dimension: ClassVar[Dimension]
    message: ClassVar[str]
    hint: ClassVar[str]
    options: ClassVar[Mapping[str, Option]] = {}
    # The field its findings concern (Finding.field): one of FIELDS. The web page shows a
    # finding on that cell; the rule's cases (tests/review/cases/<CODE>.yml) state it too.
    field: ClassVar[str]
    # Where the rule applies (template-aware rules, docs/review.md#where-a-rule-applies): the
    # table kinds, the form families and the indicator frameworks it is written for, and the
    # header fields of which the form must print at least one (label printed, cell empty or
    # not); a form without any of them is not checked. A table whose levels are not printed
    # has no framework and is checked by every rule that accepts all three.
    kinds: ClassVar[frozenset[TableKind]] = frozenset(TableKind)
    families: ClassVar[frozenset[Family]] = frozenset(Family)
    frameworks: ClassVar[frozenset[Framework]] = frozenset(Framework)
    needs: ClassVar[frozenset[str]] = frozenset()
    # The rule compares the table with the same project's table of the year before
    # (TableView.previous): it finds something only where a store holds that table, so it runs
    # again when a table is stored (jixiao import, web uploads) and in ``jixiao review --stored``.
    across_years: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in vars(cls):
            return  # a shared base for several rules, not a rule itself
        if not _CODE.match(cls.code):
            raise TypeError(f"rule code {cls.code!r} must be two letters and two digits")
        if cls.code in RULES and RULES[cls.code] is not cls:
            raise TypeError(f"rule code {cls.code} is used twice")
        cls.doc()  # fail at import when the docstring lacks a section
        if getattr(cls, "field", None) not in FIELDS:
            raise TypeError(f"rule {cls.code} must declare its field, one of {sorted(FIELDS)}")
        RULES[cls.code] = cls

    @classmethod
    def doc(cls) -> RuleDoc:
        text = inspect.cleandoc(cls.__doc__ or "")
        summary, _, body = text.partition("\n")
        sections: dict[str, str] = {}
        current: str | None = None
        for line in body.splitlines():
            head, sep, rest = line.partition(":")
            if sep and head in _SECTIONS:
                current = head
                sections[current] = rest.strip()
            elif current is not None and line.strip():
                sections[current] = join_wrapped(sections[current], line.strip())
        missing = [s for s in _SECTIONS if not sections.get(s)]
        if not summary or missing:
            raise TypeError(f"rule {cls.code} docstring lacks: {', '.join(missing) or 'summary'}")
        return RuleDoc(
            summary=summary.strip(),
            why=sections["Why"],
            bad=sections["Bad example"],
            good=sections["Good example"],
            basis=sections["Basis"],
        )

    def __init__(
        self,
        severity: Severity | None = None,
        *,
        ruleset: str | None = None,
        config_digest: str | None = None,
    ) -> None:
        self.effective_severity = severity or self.severity
        self.origin = (
            Origin.EVALUATION if self.dimension is Dimension.SELF_EVALUATION else Origin.REVIEW
        )
        self.ruleset = ruleset
        self.config_digest = config_digest
        self.message_template = Template(self.message)
        self.hint_template = Template(self.hint)

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        """Yield findings for ``table``; ``options`` holds every option of the rule."""
        raise NotImplementedError

    @classmethod
    def applies_to(cls, table: TableView) -> bool:
        """Whether the rule is written for this table's kind, form family, framework and
        header fields (see the class attributes)."""
        if table.kind not in cls.kinds or table.family not in cls.families:
            return False
        framework = table.framework
        if framework is not None and framework not in cls.frameworks:
            return False
        return not cls.needs or table.printed(*cls.needs)

    def finding(
        self,
        table: TableView,
        indicator: IndicatorView | None = None,
        *,
        severity: Severity | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule, its message and hint built from the templates and ``fields``
        (and ``{project}``, and for an indicator ``{indicator}`` and ``{value}``)."""
        project = table.project
        if indicator is None:
            name, raw, location = None, None, table.source
        else:
            name, raw, location = indicator.name, indicator.raw, indicator.source
        return Finding(
            code=self.code,
            severity=severity or self.effective_severity,
            rule=self.name,
            message=self.message_template.render(project or "", name, raw, fields),
            hint=self.hint_template.render(project or "", name, raw, fields),
            project=project,
            indicator=name,
            location=location,
            fields=scalars_of(fields),
            origin=self.origin,
            field=self.field,
            table=table.position,
            row=None if indicator is None else indicator.position,
            ruleset=self.ruleset,
            config_digest=self.config_digest,
        )


_ABSENT: Final = object()  # a template field the rule did not give


class Template:
    """A message or hint template, parsed once into literal text and the fields between.

    ``str.format_map`` parses its template on every call, which was a fifth of the cost of a
    finding. Renders like ``format_map`` over ``{"project": …, "indicator": …, "value": …,
    **fields}``; conversions (``!r``) and nested fields are not supported.
    """

    def __init__(self, text: str) -> None:
        self.parts: list[tuple[str, str | None, str]] = []
        for literal, field, spec, conversion in Formatter().parse(text):
            if conversion is not None or "{" in (spec or ""):
                raise TypeError(f"template {text!r}: conversions and nested fields are not used")
            self.parts.append((literal, field, spec or ""))
        self.fixed = "".join(literal for literal, _, _ in self.parts)
        self.plain = all(field is None for _, field, _ in self.parts)

    def render(
        self, project: str, indicator: str | None, value: str | None, fields: dict[str, Any]
    ) -> str:
        if self.plain:
            return self.fixed
        pieces: list[str] = []
        for literal, field, spec in self.parts:
            if literal:
                pieces.append(literal)
            if field is None:
                continue
            found: Any = fields.get(field, _ABSENT)
            if found is _ABSENT:
                found = standard_value(field, project, indicator, value)
            pieces.append(found if not spec and type(found) is str else format(found, spec))
        return "".join(pieces)


def standard_value(field: str, project: str, indicator: str | None, value: str | None) -> str:
    """What every template may use: ``{project}``, and for an indicator ``{indicator}`` and
    ``{value}`` (its 指标值 as printed)."""
    if field == "indicator" and indicator is not None:
        return indicator
    if field == "value" and value is not None:
        return value
    if field == "project":
        return project
    raise KeyError(field)


def scalars_of(fields: dict[str, Any]) -> dict[str, Any]:
    """The template values a finding keeps: ``fields`` itself when all are scalars (a rule's
    keyword arguments, a new dict each call), else a copy without the others."""
    for value in fields.values():
        if not is_scalar(value):
            return {k: v for k, v in fields.items() if is_scalar(v)}
    return fields


def is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float))
