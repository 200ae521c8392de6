"""Shared check for the header rules HD01–HD06: a header field that is empty."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from jixiao.model import Finding
from jixiao.review.rule import Rule
from jixiao.review.view import TableView


class MissingFieldRule(Rule):
    """Base: subclasses set ``field_label`` and implement :meth:`is_missing`."""

    field_label: ClassVar[str]

    def is_missing(self, table: TableView) -> bool:
        raise NotImplementedError

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        # ``needs`` (Rule) names the field: a form that prints no label for it is not checked;
        # nor is a form whose header block has a line the reader skipped (it may hold it)
        if not table.header_skipped and self.is_missing(table):
            yield self.finding(table, field=self.field_label)
