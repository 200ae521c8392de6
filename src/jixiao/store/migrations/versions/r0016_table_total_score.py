"""Revisions keep the 总分 a 自评表 prints (TargetTable.total_score), which review and
evaluation compare with the total the formula gives.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tables stored before this revision: NULL, as for a form that prints no 总分 (the content
    # hash leaves a NULL total out, so their hashes stay valid).
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("total_score", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("total_score")
