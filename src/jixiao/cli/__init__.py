"""The ``jixiao`` command: a thin Typer skin over :mod:`jixiao.services`."""

from __future__ import annotations

import typer

from jixiao.cli import parse, review, rules, schema

app = typer.Typer(
    name="jixiao",
    help="绩效目标表的读取、审核与评价工具（jixiao）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command(name="parse")(parse.parse_command)
app.command(name="schema")(schema.schema_command)
app.command(name="review")(review.review_command)
app.command(name="rules")(rules.rules_command)


def main() -> None:
    app()
