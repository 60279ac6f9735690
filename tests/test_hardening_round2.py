"""Hardening, round two (issue 14): each input here broke a batch before; now each is one line naming it and
the batch goes on."""
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import DATA as DATA_DIR, EXAMPLES as EXAMPLES_DIR, SEEDS as SEEDS_DIR
from sukien.cli import main
from sukien.ingest import iter_documents

GOOD = "Chiều 12/3/2025, Thủ tướng Đào Quốc Tuấn đã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội."


def _results(inputs):
    results = list(iter_documents([str(i) for i in inputs]))
    return [r.doc for r in results if r.doc], [str(r.error) for r in results if r.error]


def test_devices_and_fifos_are_never_read(tmp_path):
    fifo = tmp_path / "walk" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    (tmp_path / "walk" / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, errors = _results(["/dev/zero", tmp_path / "walk"])
    assert [d.key for d in docs] == ["good.txt"]
    assert errors == ["/dev/zero: not a regular file (a device), not read",
                      f"{fifo}: not a regular file (a FIFO), not read"]


def test_dangling_and_self_looping_symlinks_matched_by_a_glob(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    docs, errors = _results([str(tmp_path / "*.txt")])
    assert [d.key for d in docs] == ["good.txt"]
    assert len(errors) == 2 and all("\n" not in e for e in errors)
    assert any(e.startswith(str(tmp_path / "loop.txt")) for e in errors)


def test_a_file_name_that_is_not_utf8_is_stored_and_printed(tmp_path):
    name = os.fsdecode(b"b\xe1o-\xff.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    docs = CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).output
    assert "\ufffd" in json.loads(docs.splitlines()[0])["doc_key"]


def test_json_lines_with_wrong_field_types_and_deep_nesting(tmp_path):
    path = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD, "url": ["http://a", "http://b"]}),
             json.dumps({"id": "b", "text": GOOD, "outlet": {"name": "X"}}),
             "[" * 100_000 + "]" * 100_000,
             json.dumps({"id": "c", "text": GOOD})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _results([path])
    assert [d.key for d in docs] == ["c"]
    assert errors == [f"{path}:1: 'url' is a list, not text", f"{path}:2: 'outlet' is a dict, not text",
                      f"{path}:3: JSON nested too deeply"]


def test_a_closed_stdin_is_one_line():
    result = subprocess.run([sys.executable, "-m", "sukien.cli", "extract", "-"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=120, close_fds=True,
                            preexec_fn=lambda: os.close(0))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["error: <stdin>: standard input is closed"]


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u202e", "\u2066"])
def test_invisible_and_bidi_characters_inside_a_name(hidden):
    from sukien.model import RawDocument
    from sukien.pipeline import process
    text = f"Chiều 12/3/2025, Thủ tướng Trần{hidden}Đại Quang đã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội."
    processed = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text))
    assert "Trần Đại Quang" in [m.name for m in processed.mentions]


@pytest.mark.parametrize("backend", ["sqlite_store", "pg_store"])
def test_long_fields_and_nul_take_one_rule_on_both_backends(backend, request):
    from sukien.model import RawDocument
    from sukien.pipeline import process
    from sukien.store.writer import write_extraction
    store = request.getfixturevalue(backend)
    raw = RawDocument(key="k" * 600, source="s.jsonl:1", kind="jsonl", raw_text=GOOD + "\x00 Hết.",
                      title="Tiêu\x00 đề", outlet="Báo " * 80, url="http://example.vn/\x00a")
    processed = process(raw)
    processed.article.raw_text = raw.raw_text          # as read, NUL included
    res = store.store_article(processed.article,
                              writer=lambda conn, doc_id, dup: write_extraction(conn, doc_id, dup, processed))
    assert res.status == "new"
    doc = store.documents()[0]
    assert len(doc["doc_key"]) == 500 and len(doc["outlet"]) == 200 and "\x00" not in doc["url"]


def _store_line(args):
    result = CliRunner().invoke(main, args)
    lines = [line for line in result.output.splitlines() if line.strip()]
    return result.exit_code, lines


@pytest.mark.parametrize("make,why", [
    (lambda d: (d / "adir").mkdir() or d / "adir", "is a directory, not a store"),
    (lambda d: (d / "notes.db").write_text("hello") and d / "notes.db", "file is not a database"),
])
def test_a_bad_db_path_is_one_line(tmp_path, make, why):
    path = make(tmp_path)
    code, lines = _store_line(["docs", "--db", str(path)])
    assert code == 1 and lines == [f"Error: {path}: " + ("" if "directory" in why else "cannot open the store (")
                                   + why + ("" if "directory" in why else ")")]


@pytest.mark.shared
def test_a_truncated_store_is_one_line(tmp_path):
    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["ingest", str(SEEDS_DIR), "--db", str(db)]).exit_code == 0
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    for wal in (tmp_path / "s.db-wal", tmp_path / "s.db-shm"):
        wal.unlink(missing_ok=True)
    code, lines = _store_line(["events", "--db", str(db)])
    assert code == 1 and len(lines) == 1 and lines[0].startswith(f"Error: {db}: cannot open the store (")


@pytest.mark.parametrize("url", ["postgresql://postgres@127.0.0.1:1/test", "postgresql://postgres@127.0.0.1:5432/no_such_db"])
def test_an_unreachable_or_missing_postgresql_is_one_line(url):
    code, lines = _store_line(["docs", "--db", url])
    assert code == 1 and len(lines) == 1 and lines[0].startswith(f"Error: {url}: cannot open the store (")


def _mount(*args) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.mark.shared
def test_a_store_on_a_read_only_medium_is_read_and_never_written(tmp_path):
    src, ro = tmp_path / "src", tmp_path / "ro"
    src.mkdir()
    ro.mkdir()
    assert CliRunner().invoke(main, ["ingest", str(SEEDS_DIR), "--db", str(src / "s.db")]).exit_code == 0
    if not (_mount("--bind", str(src), str(ro)) and _mount("-o", "remount,ro,bind", str(ro))):
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)
        pytest.skip("no bind mount here (not root)")
    try:
        docs = CliRunner().invoke(main, ["docs", "--db", str(ro / "s.db"), "--json"])
        assert docs.exit_code == 0 and len(docs.output.splitlines()) == 3
        assert CliRunner().invoke(main, ["events", "--db", str(ro / "s.db")]).exit_code == 0
        code, lines = _store_line(["ingest", str(EXAMPLES_DIR), "--db", str(ro / "s.db")])
        assert code == 1 and lines[-1] == f"Error: {ro / 's.db'}: the store is read-only, nothing can be written"
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)


@pytest.mark.shared
def test_a_full_disk_stops_the_ingest_in_one_line(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=600k", "tmpfs", str(small)):
        pytest.skip("no tmpfs mount here (not root)")
    try:
        code, lines = _store_line(["ingest", str(SEEDS_DIR), str(DATA_DIR / "news_dev"), "--db", str(small / "s.db")])
        assert code == 1 and lines[-1].startswith(f"Error: {small / 's.db'}: ")
        assert "full" in lines[-1] or "disk" in lines[-1]
    finally:
        subprocess.run(["umount", "-l", str(small)], capture_output=True)


def _two_ingests(db_url: str, first: list[str], second: list[str]) -> list[subprocess.CompletedProcess]:
    """Two `sukien ingest` processes started together on one store."""
    cmd = [sys.executable, "-m", "sukien.cli", "ingest"]
    procs = [subprocess.Popen(cmd + files + ["--db", db_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for files in (first, second)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for p in procs]


def _halves():
    files = sorted(str(p) for p in (DATA_DIR / "news_dev").glob("baomoi_*.txt"))[:40]
    return files[:20], files[20:]


@pytest.mark.shared
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_writers_side_by_side_lose_nothing(backend, tmp_path, request):
    first, second = _halves()
    if backend == "sqlite":
        url = str(tmp_path / "fresh.db")          # a fresh store: both processes migrate it at once
    else:
        store = request.getfixturevalue("pg_store")
        url = store.url.replace("postgresql+psycopg://", "postgresql://", 1)
    runs = _two_ingests(url, first, second)
    assert [r.returncode for r in runs] == [0, 0], [r.stderr[-500:] for r in runs]
    again = _two_ingests(url, first, first)         # the same files twice at once: stored once
    assert [r.returncode for r in again] == [0, 0], [r.stderr[-500:] for r in again]
    docs = CliRunner().invoke(main, ["docs", "--db", url, "--json"]).output.splitlines()
    assert len(docs) == 40


def test_the_near_duplicate_check_reads_each_stored_text_at_most_once():
    """Many similar articles (one template, names and numbers varied): each stored text is loaded and cut into
    shingles once, not once per new document (2,000 files made 948,000 such reads before)."""
    import random
    import sys as _sys
    from pathlib import Path as _Path
    _sys.path.insert(0, str(_Path(__file__).resolve().parent.parent / "bench"))
    from near_duplicates import article
    from sukien.resolve.duplicates import DuplicateIndex, minhash_of, shingles
    rng = random.Random(3)
    texts = {i: article(rng, i) for i in range(300)}
    texts[300] = texts[17][:-60]                                    # a copy cut short
    loads: list[int] = []
    index = DuplicateIndex(lambda doc_id: loads.append(doc_id) or texts[doc_id])
    for doc_id in range(300):                                       # as read back from a store: no shingles
        index.add(doc_id, minhash_of(shingles(texts[doc_id])))
    found = [index.find(texts[i], minhash_of(shingles(texts[i]))) for i in (300, 300, 300)]
    assert all(f is not None and f[0] == 17 for f in found)
    assert len(loads) == len(set(loads))


def test_the_first_request_after_the_database_dropped_its_connections_succeeds(pg_store):
    """What a PostgreSQL restart looks like to the server's pool: every connection it holds is gone."""
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, text
    from sukien.api import create_app
    url = pg_store.url.replace("postgresql+psycopg://", "postgresql://", 1) + "&application_name=sukien_dropped"
    client = TestClient(create_app(url, cache_seconds=0))
    assert client.get("/api/events").status_code == 200
    admin = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    with admin.begin() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'sukien_dropped'"))
    admin.dispose()
    assert client.get("/api/events").status_code == 200
