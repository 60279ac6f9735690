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


def _v3_search(conn: Connection) -> None:
    """Diacritic-free search over documents, actors and evidence; backfills what is already stored."""
    from sqlalchemy import select
    from . import search
    search.create(conn)
    for row in conn.execute(select(schema.documents.c.id, schema.documents.c.title, schema.documents.c.clean_text)):
        search.add(conn, "document", row.id, f"{row.title or ''} {row.clean_text}")
    for row in conn.execute(select(schema.actor_aliases.c.actor_id, schema.actor_aliases.c.alias)):
        search.add(conn, "actor", row.actor_id, row.alias)
    for row in conn.execute(select(schema.event_sources.c.event_id, schema.event_sources.c.sentence)):
        search.add(conn, "evidence", row.event_id, row.sentence)


def _v4_query_speed(conn: Connection) -> None:
    """Indexes for actor and date queries, and the rank of each event's highest participant."""
    from sqlalchemy import text
    cols = {c["name"] for c in inspect(conn).get_columns("events")}
    if "max_rank" not in cols:
        conn.execute(text("ALTER TABLE events ADD COLUMN max_rank INTEGER"))
    if "pair_key" not in cols:
        conn.execute(text("ALTER TABLE events ADD COLUMN pair_key VARCHAR(8)"))
    for index in schema.events.indexes:
        index.create(conn, checkfirst=True)
    from .events import pair_key, rank_of
    import json
    rows = conn.execute(text("SELECT id, source_json, target_json, source_country, target_country FROM events "
                             "WHERE max_rank IS NULL OR pair_key IS NULL")).all()
    for r in rows:
        rank = rank_of(json.loads(r.source_json), json.loads(r.target_json or "null"))
        conn.execute(text("UPDATE events SET max_rank = :r, pair_key = :p WHERE id = :i"),
                     {"r": rank, "p": pair_key(r.source_country, r.target_country), "i": r.id})


def _v5_timeline_index(conn: Connection) -> None:
    for index in schema.events.indexes:
        index.create(conn, checkfirst=True)


def _v6_bodies_by_country(conn: Connection) -> None:
    """Bodies are keyed by name and country (two ministries of foreign affairs are two actors)."""
    from sqlalchemy import select
    from .actors import stored_key
    rows = conn.execute(select(schema.actors.c.id, schema.actors.c.name, schema.actors.c.folded, schema.actors.c.country)
                        .where(schema.actors.c.kind == "org", schema.actors.c.country.is_not(None))).all()
    for r in rows:
        key = stored_key("org", r.name, r.country)
        conn.execute(schema.actors.update().where(schema.actors.c.id == r.id).values(folded=key))
        conn.execute(schema.actor_aliases.update().where(schema.actor_aliases.c.actor_id == r.id,
                                                         schema.actor_aliases.c.folded == r.folded).values(folded=key))


def _add_event_columns(conn: Connection, columns: tuple[tuple[str, str], ...]) -> None:
    """Columns added to events when missing (a store created after them already has them from the schema)."""
    from sqlalchemy import text
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for name, kind in columns:
        if name not in have:
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {name} {kind}"))


def _v7_signed_instrument(conn: Connection) -> None:
    _add_event_columns(conn, (("instrument", "VARCHAR(40)"),))


def _v8_relationship_frameworks(conn: Connection) -> None:
    """RELATIONSHIP events keep their framework, its level on the ladder and the action."""
    _add_event_columns(conn, (("framework", "VARCHAR(160)"), ("framework_level", "INTEGER"), ("action", "VARCHAR(10)")))


def _v9_exchange_channel(conn: Connection) -> None:
    """Every event keeps the channel of the exchange (party, state, government…), filled in for stored events."""
    import json
    from sqlalchemy import select, text
    from ..extract.sectors import channel_of
    _add_event_columns(conn, (("channel", "VARCHAR(20)"),))
    if "ix_events_pair_channel" not in {i["name"] for i in inspect(conn).get_indexes("events")}:
        conn.execute(text("CREATE INDEX ix_events_pair_channel ON events (pair_key, channel)"))
    e = schema.events
    rows = conn.execute(select(e.c.id, e.c.source_json, e.c.target_json).where(e.c.channel.is_(None))).all()
    for r in rows:
        channel = channel_of(json.loads(r.source_json), json.loads(r.target_json or "null"))
        conn.execute(e.update().where(e.c.id == r.id).values(channel=channel))


MIGRATIONS = [(1, _v1_documents), (2, _v2_actors_events), (3, _v3_search), (4, _v4_query_speed),
              (5, _v5_timeline_index), (6, _v6_bodies_by_country), (7, _v7_signed_instrument),
              (8, _v8_relationship_frameworks), (9, _v9_exchange_channel)]
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
