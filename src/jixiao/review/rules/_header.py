"""Shared check for the header rules HD01–HD06: a header field that is empty."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from jixiao.model import Finding, TargetTable
from jixiao.review.rule import Rule


class MissingFieldRule(Rule):
    """Base: subclasses set ``field_label`` and implement :meth:`is_missing`."""

    field_label: ClassVar[str]

    def is_missing(self, table: TargetTable) -> bool:
        raise NotImplementedError

    def check(self, table: TargetTable, options: Mapping[str, Any]) -> Iterator[Finding]:
        if self.is_missing(table):
            yield self.finding(table, field=self.field_label)
