"""Store: SQLite file by default, PostgreSQL by URL; one transaction per document."""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..model import Article
from ..resolve.duplicates import DuplicateIndex, from_bytes, minhash_of, shingles, to_bytes
from . import schema as S
from . import search
from ..errors import StoreError
from .migrations import current_version, migrate

DEFAULT_DB = "sukien.db"


def default_db_url(value: str | None = None) -> str:
    value = value or os.environ.get("SUKIEN_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def content_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


@dataclass
class StoreResult:
    status: str                 # new | unchanged | duplicate
    document_id: int
    duplicate_of: int | None = None
    similarity: float | None = None
    events: int = 0
    extras: dict = field(default_factory=dict)


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=10000")   # first: a writer beside us makes us wait, not fail
    for attempt in range(100):
        try:
            cur.execute("PRAGMA journal_mode=WAL")     # readers never block the writer; a crash loses no commit
            break
        except sqlite3.OperationalError:
            if attempt == 99:                          # switching a new file to WAL does not wait by itself
                raise
            time.sleep(0.1)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _shown(url: str) -> str:
    """The store as the user named it: a path for SQLite, the URL without a password otherwise."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def _why(exc: Exception) -> str:
    """The first line of a driver's message, without SQLAlchemy's background link."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


MIGRATION_LOCK = 727_274       # PostgreSQL advisory lock key of sukien's schema migrations


def _lock_for_migration(conn) -> None:
    """Hold the store for the migration: an advisory lock on PostgreSQL, the write lock on SQLite (the other
    process waits, then finds the schema current)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _read_only_sqlite(path: Path) -> bool:
    """A store file we may read but not write (a read-only medium, a file of another user)."""
    return path.is_file() and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK))


class Store:
    def __init__(self, url: str):
        self.url = default_db_url(url)
        self.read_only = False
        self.shown = shown = _shown(self.url)
        kwargs: dict = {}
        if self.url.startswith("postgresql://"):
            self.url = "postgresql+psycopg://" + self.url[len("postgresql://"):]
            kwargs["pool_pre_ping"] = True        # a restarted server: reconnect instead of failing a request
        path = Path(shown) if self.url.startswith("sqlite:///") else None
        if path is not None and path.is_dir():
            raise StoreError(f"{shown}: is a directory, not a store")
        if path is not None and _read_only_sqlite(path):
            # read it as it is: no journal, no migration, nothing written
            self.read_only = True
            self.url = f"sqlite:///file:{path}?immutable=1&uri=true"
        try:
            self.engine: Engine = create_engine(self.url, future=True, **kwargs)
            if self.engine.dialect.name == "sqlite" and not self.read_only:
                event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as conn:
                if not self.read_only:
                    _lock_for_migration(conn)      # two processes opening a new store migrate it once
                self.version = current_version(conn) if self.read_only else migrate(conn)
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(f"{shown}: cannot open the store ({_why(exc)})") from None
        self._dup_index: DuplicateIndex | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # -- duplicates ---------------------------------------------------------------------------------
    def _clean_text(self, doc_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(S.documents.c.clean_text).where(S.documents.c.id == doc_id)).scalar()

    def duplicate_index(self) -> DuplicateIndex:
        if self._dup_index is None:
            index = DuplicateIndex(self._clean_text)
            with self.engine.connect() as conn:
                rows = conn.execute(select(S.documents.c.id, S.documents.c.minhash)
                                    .where(S.documents.c.duplicate_of.is_(None), S.documents.c.minhash.is_not(None)))
                for doc_id, blob in rows:
                    index.add(doc_id, from_bytes(blob))
            self._dup_index = index
        return self._dup_index

    # -- writes -------------------------------------------------------------------------------------
    def store_article(self, article: Article, writer=None) -> StoreResult:
        """Store one cleaned article in its own transaction. `writer(conn, doc_id)` adds what was extracted
        from it (mentions, events) inside the same transaction, so a document is stored whole or not at all."""
        digest = content_hash(article)
        with self.engine.connect() as conn:
            existing = conn.execute(select(S.documents.c.id, S.documents.c.duplicate_of)
                                    .where(S.documents.c.content_hash == digest)).first()
        if existing:
            return StoreResult("unchanged", existing.id, existing.duplicate_of)
        own_shingles = shingles(article.text)
        m = minhash_of(own_shingles)
        index = self.duplicate_index()
        dup = index.find(article.text, m)
        row = dict(
            doc_key=article.key, source=article.source, content_hash=digest, raw_text=article.raw_text,
            clean_text=article.text, title=article.title_text, lead=article.lead_text, outlet=article.outlet,
            url=article.url, pub_date=article.pub_date, captions=json.dumps(article.captions, ensure_ascii=False),
            removed=json.dumps([{"kind": r.kind, "text": r.text} for r in article.removed], ensure_ascii=False),
            paragraphs=json.dumps([[p.start, p.end] for p in article.paragraphs]),
            minhash=to_bytes(m), duplicate_of=dup[0] if dup else None, similarity=dup[1] if dup else None,
            ingested_at=datetime.now(timezone.utc),
        )
        extras: dict = {}
        if self.read_only:
            raise StoreError(f"{self.shown}: the store is read-only, nothing can be written")
        try:
            with self.engine.begin() as conn:
                doc_id = conn.execute(S.documents.insert().values(**row)).inserted_primary_key[0]
                search.add(conn, "document", doc_id, f"{article.title_text or ''} {article.text}")
                if writer is not None:
                    extras = writer(conn, doc_id, dup[0] if dup else None) or {}
        except IntegrityError:
            # another writer stored the same text between our look and our write: it is there, once
            with self.engine.connect() as conn:
                existing = conn.execute(select(S.documents.c.id, S.documents.c.duplicate_of)
                                        .where(S.documents.c.content_hash == digest)).first()
            if existing is None:
                raise
            return StoreResult("unchanged", existing.id, existing.duplicate_of)
        except OperationalError as exc:      # the store itself failed (disk full, locked, gone): stop, in one line
            raise StoreError(f"{self.shown}: cannot write ({_why(exc)})") from None
        if not dup:
            index.add(doc_id, m, own_shingles)
        return StoreResult("duplicate" if dup else "new", doc_id, dup[0] if dup else None,
                           dup[1] if dup else None, extras=extras)

    def record_error(self, source: str, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(S.ingest_errors.insert().values(source=source, reason=reason,
                                                         created_at=datetime.now(timezone.utc)))

    # -- reads --------------------------------------------------------------------------------------
    def documents(self, include_duplicates: bool = True) -> list[dict]:
        cols = [S.documents.c.id, S.documents.c.doc_key, S.documents.c.source, S.documents.c.title,
                S.documents.c.outlet, S.documents.c.url, S.documents.c.pub_date, S.documents.c.duplicate_of,
                S.documents.c.similarity, S.documents.c.content_hash, func.length(S.documents.c.clean_text).label("chars")]
        q = select(*cols).order_by(S.documents.c.id)
        if not include_duplicates:
            q = q.where(S.documents.c.duplicate_of.is_(None))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def document(self, ref: str) -> dict | None:
        q = select(S.documents)
        q = q.where(S.documents.c.id == int(ref)) if str(ref).isdigit() else q.where(S.documents.c.doc_key == ref)
        with self.engine.connect() as conn:
            row = conn.execute(q.order_by(S.documents.c.id)).first()
        if not row:
            return None
        doc = dict(row._mapping)
        for k in ("captions", "removed", "paragraphs"):
            doc[k] = json.loads(doc[k] or "[]")
        doc.pop("minhash", None)
        return doc

    def errors(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(S.ingest_errors).order_by(S.ingest_errors.c.id))]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {}
            for name, table in (("documents", S.documents), ("errors", S.ingest_errors), ("events", S.events),
                                ("actors", S.actors), ("observations", S.observations)):
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar()
            out["duplicates"] = conn.execute(select(func.count()).select_from(S.documents)
                                             .where(S.documents.c.duplicate_of.is_not(None))).scalar()
            return out


def open_store(url: str | None = None) -> Store:
    return Store(default_db_url(url))
