"""Revisions keep what the reader saw of the form (TargetTable.reading: the header fields it
printed, whether its text was cut, whether a header line was skipped, whether it is a 部门整体
form) and which rows it doubted, so that a stored table is reviewed as the file it came from.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 03:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tables stored before this revision: NULL, the reading is not known (rules assume the
    # form printed every header field, as they did then).
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("reading_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("reading_json")
