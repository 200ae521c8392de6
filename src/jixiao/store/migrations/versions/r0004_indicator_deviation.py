"""Indicators keep their 偏差原因分析及改进措施 (deviation) column.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 14:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.add_column(sa.Column("deviation", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.drop_column("deviation")
