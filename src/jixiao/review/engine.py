"""Run the selected rules over tables and documents. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jixiao.model import Document, Finding, TargetTable
from jixiao.review.config import ReviewConfig
from jixiao.review.registry import all_rules, ruleset_version
from jixiao.review.rule import Rule
from jixiao.review.view import TableView


class Reviewer:
    """The rules a configuration selects, instantiated once and run over many tables."""

    def __init__(self, config: ReviewConfig | None = None) -> None:
        self.config = config or ReviewConfig()
        self.ruleset = ruleset_version()
        self.config_digest = self.config.digest()
        self.rules: list[tuple[Rule, dict[str, Any]]] = [
            (
                rule(
                    self.config.severity.get(code),
                    ruleset=self.ruleset,
                    config_digest=self.config_digest,
                ),
                self.config.rule_options(code),
            )
            for code, rule in all_rules().items()
            if self.config.is_selected(code)
        ]
        # The rules that apply to a form (Rule.applies_to), by what decides it: tables of the
        # same form share one list, so a rule's applicability is asked once per form.
        self._rules_by_form: dict[tuple[object, ...], list[tuple[Rule, dict[str, Any]]]] = {}

    def rules_for(self, view: TableView) -> list[tuple[Rule, dict[str, Any]]]:
        key = (view.kind, view.family, view.framework, view.header_fields)
        rules = self._rules_by_form.get(key)
        if rules is None:
            rules = [(rule, options) for rule, options in self.rules if rule.applies_to(view)]
            self._rules_by_form[key] = rules
        return rules

    def review_table(
        self,
        table: TargetTable,
        position: int | None = None,
        previous: TargetTable | None = None,
    ) -> list[Finding]:
        """The findings of the selected rules that apply to ``table``; ``position`` is its
        place in its document (Finding.table); ``previous`` the same project's table of the
        year before, for the rules that compare with it (YR01)."""
        view = TableView(table, position, previous)
        findings: list[Finding] = []
        for rule, options in self.rules_for(view):
            findings.extend(rule.check(view, options))
        return findings

    def review_across_years(
        self, table: TargetTable, position: int | None, previous: TargetTable
    ) -> list[Finding]:
        """The findings of the selected rules that compare ``table`` with ``previous``, the
        same project's table of the year before (Rule.across_years): what a review that had
        no store to look in (a file read on its own) could not find."""
        view = TableView(table, position, previous)
        return [
            finding
            for rule, options in self.rules_for(view)
            if rule.across_years
            for finding in rule.check(view, options)
        ]

    def review_document(self, document: Document) -> list[Finding]:
        """Parse findings the configuration selects, then each table's rule findings."""
        overrides = self.config.severity
        findings = [
            f.model_copy(update={"severity": overrides[f.code]}) if f.code in overrides else f
            for f in document.findings
            if self.config.is_selected(f.code)
        ]
        for position, table in enumerate(document.tables):
            findings.extend(self.review_table(table, position))
        return findings


def review_tables(
    tables: Iterable[TargetTable], config: ReviewConfig | None = None
) -> list[Finding]:
    reviewer = Reviewer(config)
    return [
        finding
        for position, table in enumerate(tables)
        for finding in reviewer.review_table(table, position)
    ]
