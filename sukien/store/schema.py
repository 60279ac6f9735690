"""Explicit schema, one Table per entity. Migrations in migrations.py build it version by version."""
from sqlalchemy import (Column, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint, Index)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_key", String(500), nullable=False),
    Column("source", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("raw_text", Text, nullable=False),
    Column("clean_text", Text, nullable=False),
    Column("title", Text),
    Column("lead", Text),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("pub_date", Date),
    Column("captions", Text, nullable=False, default="[]"),       # JSON list of caption strings
    Column("removed", Text, nullable=False, default="[]"),        # JSON list of {kind, text}
    Column("paragraphs", Text, nullable=False, default="[]"),     # JSON list of [start, end]
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
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("folded", String(300), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),                   # person | org | country
    Column("country", String(3)),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("alias", String(300), nullable=False),
    Column("folded", String(300), nullable=False),
    UniqueConstraint("actor_id", "folded"),
)
Index("ix_actor_aliases_folded", actor_aliases.c.folded)

observations = Table(   # one per mention: the actor, the titles the text gives, when and where it says so
    "observations", metadata,
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("name_as_written", String(300)),
    Column("titles", Text, nullable=False, default="[]"),
    Column("country", String(3)),
    Column("org", String(300)),
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
    Column("type", String(30), nullable=False),
    Column("cameo", String(4)),
    Column("plover", String(20)),
    Column("source_actor_id", Integer, ForeignKey("actors.id")),
    Column("target_actor_id", Integer, ForeignKey("actors.id")),
    Column("source_json", Text, nullable=False),
    Column("target_json", Text, nullable=False),
    Column("source_country", String(3)),
    Column("target_country", String(3)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(10), nullable=False),
    Column("date_text", Text),
    Column("location_name", String(200)),
    Column("location_country", String(3)),
    Column("modality", String(10), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("num_sources", Integer, nullable=False, default=1),
    Column("num_articles", Integer, nullable=False, default=1),
    Column("max_rank", Integer),     # highest rank (1 = party/state leader) among the sides, for the engagement index
    Column("pair_key", String(8)),   # the two countries sorted, "LAO-VNM": country-pair queries read one index range
    Column("instrument", String(40)),  # what a signing signed ("bản ghi nhớ"): two instruments, two signings
)
Index("ix_events_type_date", events.c.type, events.c.date_start)
Index("ix_events_countries", events.c.source_country, events.c.target_country)
Index("ix_events_target_country", events.c.target_country, events.c.source_country)
Index("ix_events_date", events.c.date_start)
Index("ix_events_pair_date", events.c.pair_key, events.c.date_start)
# covers the timeline of a country pair (period, type and rank read from the index alone)
Index("ix_events_pair_cover", events.c.pair_key, events.c.date_start, events.c.type, events.c.max_rank)
Index("ix_events_source_actor", events.c.source_actor_id)
Index("ix_events_target_actor", events.c.target_actor_id)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    UniqueConstraint("event_id", "document_id"),
)
Index("ix_event_sources_document", event_sources.c.document_id)
