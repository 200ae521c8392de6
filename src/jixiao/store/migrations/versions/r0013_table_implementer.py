"""Revisions keep the 实施单位 printed on the form (TargetTable.implementer), which the
official-layout export prints beside the 主管部门.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 06:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tables stored before this revision: NULL, as for a form that prints no 实施单位 (the
    # content hash leaves a NULL implementer out, so their hashes stay valid).
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("implementer", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("implementer")
