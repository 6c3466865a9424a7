"""Storage: the SQLAlchemy schema, migrations, opening boards and applying commands."""
