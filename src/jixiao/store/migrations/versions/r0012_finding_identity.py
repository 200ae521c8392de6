"""Findings keep their identity: the stage that found them (origin: parse, review,
evaluation), the field they concern, their table's and row's positions, and the version of
the rule set and the digest of the review configuration they were found with.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 04:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("origin", sa.String(16), nullable=True))
        batch.add_column(sa.Column("field", sa.String(16), nullable=True))
        batch.add_column(sa.Column("table_position", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("indicator_position", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ruleset", sa.Text(), nullable=True))
        batch.add_column(sa.Column("config_digest", sa.String(64), nullable=True))
    # Findings stored before: a parse finding is one whose code starts with PRS; the rest
    # were found by the review rules (self-evaluation checks included). Field, positions,
    # rule set and configuration were not recorded and stay NULL.
    op.execute(
        "UPDATE findings SET origin = CASE WHEN code LIKE 'PRS%' THEN 'parse' ELSE 'review' END"
    )


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        for name in (
            "config_digest",
            "ruleset",
            "indicator_position",
            "table_position",
            "field",
            "origin",
        ):
            batch.drop_column(name)
