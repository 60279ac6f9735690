"""The store: the only package that writes SQL (through SQLAlchemy Core), SQLite or PostgreSQL."""
from .db import Store, open_store, default_db_url  # noqa: F401
