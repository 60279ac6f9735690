"""Schema migrations: numbered steps, applied in order, each recorded in schema_version."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from . import schema


def _v1_documents(conn: Connection) -> None:
    for table in (schema.documents, schema.ingest_errors):
        table.create(conn, checkfirst=True)


def _v2_actors_events(conn: Connection) -> None:
    for table in (schema.actors, schema.actor_aliases, schema.observations, schema.events, schema.event_sources):
        table.create(conn, checkfirst=True)


MIGRATIONS = [(1, _v1_documents), (2, _v2_actors_events)]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(schema.schema_version.select().order_by(schema.schema_version.c.version.desc())).first()[0] \
        if conn.execute(schema.schema_version.select()).first() else 0


def migrate(conn: Connection) -> int:
    schema.schema_version.create(conn, checkfirst=True)
    version = current_version(conn)
    for number, step in MIGRATIONS:
        if number > version:
            step(conn)
            conn.execute(schema.schema_version.insert().values(version=number, applied_at=datetime.now(timezone.utc)))
            version = number
    return version
