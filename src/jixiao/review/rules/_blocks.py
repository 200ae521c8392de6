"""Shared check for the block rules ST01–ST03: a 一级 block with no indicator.

Only a block the table certainly lacks (:meth:`TableView.block_known_missing`): not in a table
without level columns, nor in a table cut off where its text ends before the block could come.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from jixiao.model import Finding
from jixiao.review.rule import Rule
from jixiao.review.view import TableView


class MissingBlockRule(Rule):
    """Base: subclasses set ``block`` to the canonical 一级 name."""

    block: ClassVar[str]

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        if table.block_known_missing(self.block):
            yield self.finding(table, block=self.block)
