"""imported tasks remember their source once

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 13:20:00

Hand-written. ``tasks.source_id`` (there since 0001, unused until imports) names where an
imported task came from, e.g. ``trello:<card id>`` or ``jira:<issue key>``; a unique index
makes "import the same export twice" update tasks instead of doubling them, and makes the
lookup fast. NULLs (tasks made on the board) do not collide on SQLite or PostgreSQL.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tasks_source_id", "tasks", ["source_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_tasks_source_id", table_name="tasks")
