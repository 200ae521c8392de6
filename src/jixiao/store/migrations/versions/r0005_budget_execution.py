"""Revisions keep a 自评表's budget-execution block: 全年执行数, 执行率, 分值, 得分.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 15:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

AMOUNTS = ("budget_executed", "budget_execution_weight", "budget_execution_score")
TEXTS = ("budget_executed_printed", "budget_execution_rate_printed")


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        for name in AMOUNTS:
            batch.add_column(sa.Column(name, sa.Double(), nullable=True))
        for name in TEXTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        for name in (*AMOUNTS, *TEXTS):
            batch.drop_column(name)
