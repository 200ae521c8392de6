"""Revisions keep the table's confidence (0..1, from its parse findings; docs/json-format.md).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 01:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tables stored before this revision were read without a confidence: NULL, read as 1.0.
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("confidence", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("confidence")
