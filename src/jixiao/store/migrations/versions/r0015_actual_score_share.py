"""An evaluator's score is kept as a share of the indicator's weight (0..1), so that it still
holds under a profile that weighs the indicator differently. The absolute ``score`` column of
values entered before stays, read as points as before.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 06:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actuals") as batch:
        batch.add_column(sa.Column("score_share", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("actuals") as batch:
        batch.drop_column("score_share")
