"""every change carries its own id; boards written under the cross-machine lock file

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 16:00:00

Hand-written.

* ``activity.change_id``: the id of the change that wrote the row (a uuid4's 32 hex digits,
  made before the first try of a change and kept by its retries; a script may give its own
  with ``--change-id``). Indexed: after an error at COMMIT, Renkei opens a new connection and
  looks for the id to learn whether the change landed, and a change whose id is already on
  the board is not applied again. NULL for rows written before this revision (and for
  changes that wrote no rows).
* Revision 0006 also marks a board written under the cross-machine lock file
  (``team.renkei.lock`` beside the board, see store/database.py): an older Renkei refuses a
  board whose revision it does not know, so no build that ignores the lock file ever writes
  a 0006 board. Mixing lock schemes on one file is how SQLite databases get corrupted.
* PostgreSQL: adding a column is an ALTER TABLE, not an UPDATE, so the append-only trigger
  of 0005 (BEFORE UPDATE OR DELETE OR TRUNCATE, per statement) neither fires nor changes; the
  existing rows keep NULL without being rewritten.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.add_column(sa.Column("change_id", sa.String(length=64), nullable=True))
        batch.create_index("ix_activity_change_id", ["change_id"])


def downgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.drop_index("ix_activity_change_id")
        batch.drop_column("change_id")
