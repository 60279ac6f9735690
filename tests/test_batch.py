"""The Dask path: same events as `sukien extract`, re-runs skip finished partitions, loads into SQLite and
into the real PostgreSQL server with the same result as `sukien ingest`."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import DATA, ROOT, SEEDS

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


def _documents_and_events(out):
    import pyarrow.parquet as pq
    done = {p.name for p in (out / "_done").iterdir()}
    keys, events = [], set()
    for pid in done:
        t = pq.read_table(out / "documents" / f"part-{pid}.parquet")
        keys += t.column("doc_key").to_pylist() if "doc_key" in t.column_names else []
        t = pq.read_table(out / "events" / f"part-{pid}.parquet")
        events |= {_key(json.loads(r)) for r in t.column("event").to_pylist()} if "event" in t.column_names else set()
    return keys, events


def test_batch_killed_halfway_reruns_to_the_same_result_without_duplicates(tmp_path, sqlite_store):
    """kill -9 of the whole batch (client, scheduler, Dask workers) once some partitions are committed."""
    from sukien.batch import load
    from sukien.pipeline import process_all
    inputs = [str(DATA / "news_dev"), str(LEADS)]
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "sukien.cli", "batch", *inputs, "--out", str(out), "--workers", "1",
           "--partition-size", "4"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / "_done").exists() and len(list((out / "_done").iterdir())) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    total = len(json.loads((out / "_plan.json").read_text())["partitions"])
    committed = len(list((out / "_done").iterdir()))
    assert 3 <= committed < total

    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-800:]
    assert f"({committed} already done)" in " ".join(rerun.stderr.split())     # the summary line
    assert len(list((out / "_done").iterdir())) == total
    keys, events = _documents_and_events(out)
    expected_docs, expected_events = [], set()
    for _, p in process_all(inputs):
        if p:
            expected_docs.append(p.article.key)
            expected_events |= {_key(e.as_json()) for e in p.events}
    assert sorted(keys) == sorted(expected_docs) and len(keys) == len(set(keys)) == 419
    assert events == expected_events
    counts = load(str(out), sqlite_store)
    assert counts["new"] + counts["duplicate"] == 419 and counts["errors"] == 0
    assert sqlite_store.counts()["documents"] == 419


def test_batch_refuses_an_output_directory_of_another_batch(tmp_path):
    from sukien.batch import BatchError, run
    out = tmp_path / "out"
    run([str(SEEDS)], str(out), scheduler="sync", partition_size=2)
    assert all(r.get("skipped") for r in run([str(SEEDS)], str(out), scheduler="sync", partition_size=2))
    with pytest.raises(BatchError, match="another partition size"):
        run([str(SEEDS)], str(out), scheduler="sync", partition_size=3)


def test_batch_on_a_remote_scheduler_by_address(tmp_path):
    """--scheduler tcp://…: the CLI, in another process, sends the work to a running Dask cluster."""
    from dask.distributed import LocalCluster
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        done = subprocess.run([sys.executable, "-m", "sukien.cli", "batch", str(SEEDS), "--out", str(out),
                               "--scheduler", cluster.scheduler_address, "--partition-size", "1"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-800:]
    assert "3 partitions (0 already done): 3 documents" in " ".join(done.stderr.split())
    keys, events = _documents_and_events(out)
    assert sorted(keys) == sorted(p.name for p in SEEDS.iterdir()) and len(events) >= 16


def test_two_files_of_one_name_in_two_folders_keep_their_own_events(tmp_path):
    """Crawl archives repeat basenames: each document keeps its events and evidence through batch + load."""
    from sukien.batch import load, run
    from sukien.store import open_store
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(
        "Hội đàm Việt Nam - Ba Lan\nChiều 12/3/2025, Thủ tướng Đào Quốc Tuấn đã hội đàm với Thủ tướng Ba Lan "
        "Jan Nowak tại Hà Nội.\n", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text(
        "Tiếp Đại sứ Chile\nSáng 14/3/2025, Chủ tịch nước Lê Minh Khang đã tiếp Đại sứ Chile Pablo Ortega tại "
        "Phủ Chủ tịch nhân dịp kết thúc nhiệm kỳ.\n", encoding="utf-8")
    out = tmp_path / "out"
    run([str(tmp_path / "a"), str(tmp_path / "b")], str(out), scheduler="sync", progress=False)
    store = open_store(str(tmp_path / "b.db"))
    load(str(out), store)
    with store.engine.connect() as conn:
        from sqlalchemy import text
        rows = conn.execute(text("select d.source, d.clean_text, es.char_start, es.char_end from event_sources es "
                                 "join documents d on d.id = es.document_id")).all()
    store.close()
    assert len(rows) == 2
    for source, clean_text, start, end in rows:
        sentence = clean_text[start:end]
        if source.endswith("a/same.txt"):
            assert "Jan Nowak" in sentence
        else:
            assert "Pablo Ortega" in sentence
