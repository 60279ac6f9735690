"""All fixtures in one place: paths to ../shared, a fresh SQLite store, a real PostgreSQL store."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"
PG_URL = os.environ.get("SUKIEN_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pytest_collection_modifyitems(config, items):
    if not SHARED.exists():
        skip = pytest.mark.skip(reason="../shared is not beside this checkout")
        for item in items:
            if "shared" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def sqlite_store(tmp_path):
    from sukien.store import open_store
    store = open_store(str(tmp_path / "test.db"))
    yield store
    store.close()


@pytest.fixture
def pg_store():
    """A real PostgreSQL server, in a schema of its own that is dropped afterwards.
    Outside CI an unreachable server skips the test; in CI it fails it."""
    from sqlalchemy import create_engine, text
    from sukien.store import open_store

    admin_url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        admin = create_engine(admin_url)
        with admin.begin() as conn:
            schema = f"sukien_test_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # no server
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL not reachable at {PG_URL} in CI: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}")
    store = open_store(f"{PG_URL}?options=-csearch_path%3D{schema}")
    yield store
    store.close()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def read_seed(name: str):
    from sukien.ingest import iter_documents
    return next(iter(iter_documents([str(SEEDS / name)]))).doc


@pytest.fixture(scope="session")
def seed_articles():
    from sukien.clean import clean
    from sukien.ingest import iter_documents
    return {r.doc.key: clean(r.doc) for r in iter_documents([str(SEEDS)])}
