"""projects get a due date

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 22:00:00

Hand-written. ``projects.due``: the project's deadline, which the forecast ("will it finish in
time?") weighs its open work against. NULL for every existing project: such a project's
deadline is its latest task's due date until someone sets one, so old boards read as before.
An older Renkei refuses a 0007 board (unknown revision), so none writes a project without
knowing the column is there.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("due", sa.Date(), nullable=True))


def downgrade() -> None:
    # Not a batch: on SQLite that copies the table, which the tasks' foreign keys forbid;
    # SQLite (3.35+) and PostgreSQL both drop a plain column in place.
    op.execute("ALTER TABLE projects DROP COLUMN due")
