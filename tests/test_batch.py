"""The Dask path: same events as `sukien extract`, re-runs skip finished partitions, loads into SQLite and
into the real PostgreSQL server with the same result as `sukien ingest`."""
import json
import shutil

import pytest

from conftest import DATA, SEEDS

pytestmark = pytest.mark.shared
LEADS = DATA / "news_leads_dev" / "articles.jsonl"


def _key(e: dict) -> tuple:
    src, tgt = e["source"], e["target"] or {}
    return (e["doc"], e["type"], src["name"], src["country"], tgt.get("name"), tgt.get("country"), e["date_start"],
            e["char_start"])


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory):
    from sukien.batch import run
    out = tmp_path_factory.mktemp("batch")
    results = run([str(SEEDS), str(LEADS)], str(out), scheduler="local", workers=2, progress=False)
    assert results and not any(r.get("skipped") for r in results)
    return out


def test_batch_same_events_as_extract(batch_dir):
    import pyarrow.parquet as pq
    from sukien.pipeline import process_all
    expected = {_key(e.as_json()) for _, p in process_all([str(SEEDS), str(LEADS)]) if p for e in p.events}
    got = set()
    for f in (batch_dir / "events").glob("*.parquet"):
        t = pq.read_table(f)
        if "event" in t.column_names:
            got |= {_key(json.loads(r)) for r in t.column("event").to_pylist()}
    assert got == expected and len(got) > 100


def test_batch_rerun_redoes_only_what_is_missing(batch_dir, tmp_path):
    from sukien.batch import run
    copy = tmp_path / "copy"
    shutil.copytree(batch_dir, copy)
    victim = sorted((copy / "_done").iterdir())[0]
    victim.unlink()                                   # as if killed before this partition was committed
    (copy / "documents" / f"part-{victim.name}.parquet").unlink()
    results = run([str(SEEDS), str(LEADS)], str(copy), scheduler="sync")
    assert [r["partition"] for r in results if not r.get("skipped")] == [victim.name]
    assert sorted(p.name for p in (copy / "_done").iterdir()) == sorted(p.name for p in (batch_dir / "_done").iterdir())


def _load_and_compare(batch_dir, store, reference):
    from sukien.batch import load
    counts = load(str(batch_dir), store)
    assert counts["new"] == 203 and counts["errors"] == 0
    assert load(str(batch_dir), store)["unchanged"] == 203           # loading twice changes nothing
    c, r = store.counts(), reference.counts()
    assert (c["documents"], c["events"]) == (r["documents"], r["events"])


def test_batch_load_sqlite_matches_ingest(batch_dir, sqlite_store, tmp_path):
    from sukien.pipeline import ingest
    from sukien.store import open_store
    reference = open_store(str(tmp_path / "ref.db"))
    ingest([str(SEEDS), str(LEADS)], reference)
    _load_and_compare(batch_dir, sqlite_store, reference)


def test_batch_load_postgres_matches_ingest(batch_dir, pg_store, tmp_path):
    from sukien.pipeline import ingest
    from sukien.store import open_store
    reference = open_store(str(tmp_path / "ref.db"))
    ingest([str(SEEDS), str(LEADS)], reference)
    _load_and_compare(batch_dir, pg_store, reference)
