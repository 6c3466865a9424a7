"""who acted: the login behind each change, people linked to logins, an append-only trail

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 13:30:00

Hand-written.

* ``activity.login``: the operating-system login (on a shared file) or the server login role
  (on PostgreSQL) that wrote the row; NULL for rows written before this revision and for
  history an import or the demo brings with its own author.
* ``people.login``: the login role (or OS login) a person uses, set with ``renkei board
  people link NAME --role ROLE``. Unique: one login is one person. On PostgreSQL, once any
  person is linked, a write's actor is the person linked to ``current_user``.
* On PostgreSQL only, a trigger makes ``activity`` append-only: UPDATE and DELETE raise,
  whatever the client (SQLite has no roles to keep apart; the file system is its only gate).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION renkei_activity_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the activity history is append-only: % of its rows is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""

APPEND_ONLY_TRIGGER = """
CREATE TRIGGER activity_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON activity
FOR EACH STATEMENT EXECUTE FUNCTION renkei_activity_append_only()
"""


def upgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.add_column(sa.Column("login", sa.String(length=100), nullable=True))
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("login", sa.String(length=100), nullable=True))
        batch.create_index("ix_people_login", ["login"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPEND_ONLY_FUNCTION)
        op.execute(APPEND_ONLY_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS activity_append_only ON activity")
        op.execute("DROP FUNCTION IF EXISTS renkei_activity_append_only()")
    with op.batch_alter_table("people") as batch:
        batch.drop_index("ix_people_login")
        batch.drop_column("login")
    with op.batch_alter_table("activity") as batch:
        batch.drop_column("login")
