"""standups held

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 12:00:00

Hand-written. One row per standup held; "since the last standup" starts at the latest.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("held_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["held_by"], ["people.id"], name=op.f("fk_standups_held_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standups")),
    )


def downgrade() -> None:
    op.drop_table("standups")
