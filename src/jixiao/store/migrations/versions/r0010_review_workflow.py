"""The review workflow: table states, the steps taken, decisions on findings.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_states",
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["target_tables.id"],
            name=op.f("fk_review_states_table_id_target_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("table_id", name=op.f("pk_review_states")),
    )
    op.create_index("ix_review_states_state", "review_states", ["state"])
    op.create_table(
        "review_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=False),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["target_tables.id"],
            name=op.f("fk_review_steps_table_id_target_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_steps")),
    )
    op.create_index("ix_review_steps_table_id", "review_steps", ["table_id"])
    op.create_table(
        "finding_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_decisions_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["target_tables.id"],
            name=op.f("fk_finding_decisions_table_id_target_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_decisions")),
        sa.UniqueConstraint("finding_id", name=op.f("uq_finding_decisions_finding_id")),
    )
    op.create_index("ix_finding_decisions_table_id", "finding_decisions", ["table_id"])


def downgrade() -> None:
    op.drop_index("ix_finding_decisions_table_id", table_name="finding_decisions")
    op.drop_table("finding_decisions")
    op.drop_index("ix_review_steps_table_id", table_name="review_steps")
    op.drop_table("review_steps")
    op.drop_index("ix_review_states_state", table_name="review_states")
    op.drop_table("review_states")
