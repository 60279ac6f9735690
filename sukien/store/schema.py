"""Explicit schema, one Table per entity. Migrations in migrations.py build it version by version."""
from sqlalchemy import (Column, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint, Index)
from sqlalchemy.types import TypeDecorator


class BoundedString(TypeDecorator):
    """String(n) with one rule on both backends: a NUL is dropped and a longer value cut to n characters
    (PostgreSQL refuses both with DataError and aborts the batch; SQLite took them as they were)."""
    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if isinstance(value, str):
            value = value.replace("\x00", "")
            if self.impl.length is not None and len(value) > self.impl.length:
                value = value[:self.impl.length]
        return value


class CleanText(TypeDecorator):
    """Text without NUL characters, which PostgreSQL refuses."""
    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.replace("\x00", "") if isinstance(value, str) else value

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_key", BoundedString(500), nullable=False),
    Column("source", CleanText, nullable=False),
    Column("content_hash", BoundedString(64), nullable=False, unique=True),
    Column("raw_text", CleanText, nullable=False),
    Column("clean_text", CleanText, nullable=False),
    Column("title", CleanText),
    Column("lead", CleanText),
    Column("outlet", BoundedString(200)),
    Column("url", CleanText),
    Column("pub_date", Date),
    Column("captions", CleanText, nullable=False, default="[]"),       # JSON list of caption strings
    Column("removed", CleanText, nullable=False, default="[]"),        # JSON list of {kind, text}
    Column("paragraphs", CleanText, nullable=False, default="[]"),     # JSON list of [start, end]
    Column("minhash", LargeBinary),
    Column("duplicate_of", Integer, ForeignKey("documents.id")),
    Column("similarity", Float),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_documents_doc_key", documents.c.doc_key)
Index("ix_documents_duplicate_of", documents.c.duplicate_of)

ingest_errors = Table(
    "ingest_errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", CleanText, nullable=False),
    Column("reason", CleanText, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", BoundedString(300), nullable=False),
    Column("folded", BoundedString(300), nullable=False, unique=True),
    Column("kind", BoundedString(20), nullable=False),                   # person | org | country
    Column("country", BoundedString(3)),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("alias", BoundedString(300), nullable=False),
    Column("folded", BoundedString(300), nullable=False),
    UniqueConstraint("actor_id", "folded"),
)
Index("ix_actor_aliases_folded", actor_aliases.c.folded)

observations = Table(   # one per mention: the actor, the titles the text gives, when and where it says so
    "observations", metadata,
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("name_as_written", BoundedString(300)),
    Column("titles", CleanText, nullable=False, default="[]"),
    Column("country", BoundedString(3)),
    Column("org", BoundedString(300)),
    Column("obs_date", Date),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("sent_start", Integer, nullable=False),
    Column("sent_end", Integer, nullable=False),
)
Index("ix_observations_actor", observations.c.actor_id)
Index("ix_observations_document", observations.c.document_id)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", BoundedString(30), nullable=False),
    Column("cameo", BoundedString(4)),
    Column("plover", BoundedString(20)),
    Column("source_actor_id", Integer, ForeignKey("actors.id")),
    Column("target_actor_id", Integer, ForeignKey("actors.id")),
    Column("source_json", CleanText, nullable=False),
    Column("target_json", CleanText, nullable=False),
    Column("source_country", BoundedString(3)),
    Column("target_country", BoundedString(3)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", BoundedString(10), nullable=False),
    Column("date_text", CleanText),
    Column("location_name", BoundedString(200)),
    Column("location_country", BoundedString(3)),
    Column("modality", BoundedString(10), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("num_sources", Integer, nullable=False, default=1),
    Column("num_articles", Integer, nullable=False, default=1),
    Column("max_rank", Integer),     # highest rank (1 = party/state leader) among the sides, for the engagement index
    Column("pair_key", BoundedString(8)),   # the two countries sorted, "LAO-VNM": country-pair queries read one index range
    Column("instrument", BoundedString(40)),  # what a signing signed ("bản ghi nhớ"): two instruments, two signings
    Column("framework", BoundedString(160)),  # RELATIONSHIP: the framework as written
    Column("framework_level", Integer),       # RELATIONSHIP: its step on the ladder (lexicons/frameworks.yaml)
    Column("action", BoundedString(10)),      # RELATIONSHIP: establish | upgrade
    Column("channel", BoundedString(20)),     # party | state | government | legislature | military | … (sectors.py)
)
Index("ix_events_type_date", events.c.type, events.c.date_start)
Index("ix_events_countries", events.c.source_country, events.c.target_country)
Index("ix_events_target_country", events.c.target_country, events.c.source_country)
Index("ix_events_date", events.c.date_start)
Index("ix_events_pair_date", events.c.pair_key, events.c.date_start)
# covers the timeline of a country pair (period, type and rank read from the index alone)
Index("ix_events_pair_cover", events.c.pair_key, events.c.date_start, events.c.type, events.c.max_rank)
Index("ix_events_pair_channel", events.c.pair_key, events.c.channel)
Index("ix_events_source_actor", events.c.source_actor_id)
Index("ix_events_target_actor", events.c.target_actor_id)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("sentence", CleanText, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    UniqueConstraint("event_id", "document_id"),
)
Index("ix_event_sources_document", event_sources.c.document_id)
