"""Alembic environment: always run programmatically by renkei.store.migrate, which hands
over an open connection (so SQLite locking and PostgreSQL advisory locks stay in its hands)."""

from alembic import context

from renkei.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
