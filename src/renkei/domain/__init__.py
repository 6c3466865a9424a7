"""Pure-Python core: entities, commands and rules. Imports no Qt and no SQLAlchemy."""
