"""Failed sign-ins (login throttling); API tokens without an end get one.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 01:00:00.000000
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TOKEN_DAYS = 90  # jixiao.services.users.TOKEN_DAYS when this migration was written


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(length=320), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failures")),
    )
    # Tokens issued before tokens expired: they end TOKEN_DAYS days after this upgrade.
    tokens = sa.table("api_tokens", sa.column("expires_at", sa.DateTime()))
    ends = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=TOKEN_DAYS)
    op.execute(tokens.update().where(tokens.c.expires_at.is_(None)).values(expires_at=ends))


def downgrade() -> None:
    op.drop_table("login_failures")
