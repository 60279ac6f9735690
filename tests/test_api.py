"""REST API over a real SQLite store holding the seeds and the examples (FastAPI's TestClient)."""
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import EXAMPLES, SEEDS

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from sukien.pipeline import ingest
    from sukien.store import open_store
    path = str(tmp_path_factory.mktemp("api") / "api.db")
    store = open_store(path)
    ingest([str(SEEDS), str(EXAMPLES)], store)
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    from sukien.api import create_app
    return TestClient(create_app(db))


def test_api_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/documents/{doc_id}", "/api/timeline", "/api/search", "/api/network"):
        assert path in spec["paths"], path


def test_api_events_filters(client):
    all_events = client.get("/api/events").json()
    assert all_events["total"] >= 16
    pair = client.get("/api/events", params={"country": "VNM-LAO", "type": "VISIT"}).json()
    assert {(e["source"]["name"], e["target"]["country"]) for e in pair["items"]} >= {("Tô Lâm", "LAO")}
    assert all(e["type"] == "VISIT" for e in pair["items"])
    since = client.get("/api/events", params={"since": "2026-01-01"}).json()
    assert since["items"] and all(e["date_start"] >= "2026-01-01" for e in since["items"])
    by_actor = client.get("/api/events", params={"actor": "thongloun"}).json()
    assert by_actor["total"] >= 6
    text = client.get("/api/events", params={"q": "dien dam"}).json()
    assert text["items"] and {e["type"] for e in text["items"]} == {"PHONE_CALL"}
    assert client.get("/api/events", params={"since": "31/12/2024"}).status_code == 422
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_api_event_with_evidence_in_document(client):
    e = client.get("/api/events", params={"type": "PHONE_CALL"}).json()["items"][0]
    detail = client.get(f"/api/events/{e['id']}").json()
    src = detail["sources"][0]
    doc = client.get(f"/api/documents/{src['document_id']}").json()
    assert doc["clean_text"][src["char_start"]:src["char_end"]] == src["sentence"]
    assert any(ev["event_id"] == e["id"] for ev in doc["evidence"])
    assert client.get("/api/events/999999").status_code == 404


def test_api_actor_timeline_and_partners(client):
    actors = client.get("/api/actors", params={"q": "Thongloun Sisoulith"}).json()["items"]
    assert actors[0]["name"] == "Thongloun Sisoulith"
    a = client.get(f"/api/actors/{actors[0]['id']}").json()
    assert {"Tổng Bí thư", "Chủ tịch nước"} <= {t["title"] for t in a["titles"]}
    assert "Tô Lâm" in {p["name"] for p in a["co_participants"]}


def test_api_search_forgives_diacritics(client):
    for q in ("to lam", "Tô Lâm", "TO LAM", "thoong lun xi xu lit"):
        items = client.get("/api/search", params={"q": q}).json()["items"]
        labels = [i["label"] for i in items]
        assert any(label in ("Tô Lâm", "Thongloun Sisoulith") for label in labels), (q, labels)
    dd = client.get("/api/search", params={"q": "dang cong san"}).json()["items"]
    assert dd      # "đ" folds to "d"


def test_api_timeline_and_network(client):
    tl = client.get("/api/timeline", params={"group": "pair", "country": "VNM-LAO"}).json()
    assert tl["items"] and all(i["group"] == "LAO-VNM" for i in tl["items"])
    assert tl["weights"]["type_weights"]["VISIT"] == 1.0
    net = client.get("/api/network").json()
    assert {"LAO", "VNM"} <= {n["id"] for n in net["nodes"]}


@pytest.mark.parametrize("value", ["' OR 1=1 --", "\"; DROP TABLE events; --", "%' UNION SELECT * FROM actors --",
                                   "<script>alert(1)</script>", "\\x00", "é" * 150])
def test_api_injection_strings_are_data(client, value):
    for params in ({"actor": value}, {"q": value}, {"outlet": value}, {"country": value[:20]}):
        r = client.get("/api/events", params=params)
        assert r.status_code in (200, 422), r.text
    assert client.get("/api/search", params={"q": value}).status_code in (200, 422)
    assert client.get("/api/events").json()["total"] >= 16      # nothing dropped


def test_api_read_only_without_token(client):
    r = client.post("/api/documents", json={"id": "x", "text": "Thủ tướng tiếp Đại sứ."})
    assert r.status_code == 403


def test_api_write_needs_the_token(db):
    from sukien.api import create_app
    client = TestClient(create_app(db, write_token="s3cret"))
    doc = {"id": "api_1", "title": "Thủ tướng tiếp Đại sứ Nhật Bản",
           "text": "Chiều 3/3, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki.", "date": "2025-03-03"}
    assert client.post("/api/documents", json=doc).status_code == 401
    assert client.post("/api/documents", json=doc, headers={"Authorization": "Bearer nope"}).status_code == 403
    r = client.post("/api/documents", json=doc, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "new" and r.json()["events"] == 1
    again = client.post("/api/documents", json=doc, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["status"] == "unchanged"
    assert client.get("/api/events", params={"actor": "Ito Naoki"}).json()["total"] == 1
    big = client.post("/api/documents", content=b"x" * (3 * 1024 * 1024),
                      headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert big.status_code == 413


def test_cli_exports(db, tmp_path):
    from click.testing import CliRunner
    from sukien.cli import main
    runner = CliRunner()
    gd = tmp_path / "g.tsv"
    assert runner.invoke(main, ["export", "--db", db, "--format", "gdelt", "--out", str(gd)]).exit_code == 0
    rows = [l.split("\t") for l in gd.read_text(encoding="utf-8").splitlines()]
    header, body = rows[0], rows[1:]
    codes = [r[header.index("EventCode")] for r in body]
    assert "042" in codes and "043" in codes and codes.count("042") == codes.count("043")
    pl = runner.invoke(main, ["export", "--db", db, "--format", "plover"]).output.splitlines()
    rec = json.loads(pl[0])
    assert rec["event_type"] in ("CONSULT", "SUPPORT", "AID", "AGREE") and rec["source"]
    pq = tmp_path / "e.parquet"
    assert runner.invoke(main, ["export", "--db", db, "--format", "parquet", "--out", str(pq)]).exit_code == 0
    import pyarrow.parquet as papq
    assert papq.read_table(pq).num_rows == len([l for l in runner.invoke(
        main, ["export", "--db", db, "--format", "jsonl"]).output.splitlines() if l.startswith("{")])


def test_cli_csv_export_names_what_a_signing_signed(db, tmp_path):
    import csv
    from click.testing import CliRunner
    from sukien.cli import main
    out = tmp_path / "e.csv"
    assert CliRunner().invoke(main, ["export", "--db", db, "--format", "csv", "--out", str(out)]).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    signings = [r for r in rows if r["type"] == "SIGN_AGREEMENT"]
    assert signings and all(r["instrument"] for r in signings)
    assert not any(r["instrument"] for r in rows if r["type"] != "SIGN_AGREEMENT")


def test_head_on_get_routes_and_security_headers_on_every_answer(client):
    for path in ("/", "/api/events", "/api/actors", "/healthz", "/static/app.js"):
        head = client.head(path)
        assert head.status_code == 200 and head.content == b"", path
        get = client.get(path)
        for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"):
            assert name in get.headers and name in head.headers, (path, name)
    assert "frame-ancestors 'none'" in client.get("/api/events/999999").headers["Content-Security-Policy"]


def test_like_wildcards_are_characters(client):
    everyone = client.get("/api/actors", params={"limit": 200}).json()["items"]
    assert len(everyone) > 3
    assert client.get("/api/events", params={"actor": "%"}).json()["total"] == 0
    assert client.get("/api/events", params={"outlet": "_"}).json()["total"] == 0


def test_nan_in_a_posted_document_is_a_422_and_no_redirect_uses_the_host_header(db):
    from sukien.api import create_app
    writable = TestClient(create_app(db, write_token="s3cret"))
    answer = writable.post("/api/documents", content=b'{"text": NaN}',
                           headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert answer.status_code == 422
    moved = writable.get("/api/events/", headers={"Host": "evil.example"}, follow_redirects=False)
    assert "evil.example" not in moved.headers.get("location", "")


def test_the_write_token_can_come_from_a_file(tmp_path, db):
    from sukien.cli import main
    token = tmp_path / "token"
    token.write_text("s3cret\n", encoding="utf-8")
    missing = CliRunner().invoke(main, ["serve", "--db", db, "--write-token-file", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "cannot read a token" in missing.output


def test_the_token_is_checked_before_the_body_and_the_body_is_capped_while_read(db):
    from sukien.api import create_app
    writable = TestClient(create_app(db, write_token="s3cret"))

    def chunks(total):                       # chunked: no Content-Length for the server to check first
        for _ in range(total // 65536):
            yield b"x" * 65536
    refused = writable.post("/api/documents", content=chunks(8 * 1024 * 1024))
    assert refused.status_code == 401
    too_big = writable.post("/api/documents", content=chunks(8 * 1024 * 1024),
                            headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert too_big.status_code == 413
    ok = writable.post("/api/documents", json={"id": "t1", "text": "Chiều 12/3/2025, Thủ tướng Đào Quốc Tuấn "
                                                                  "đã hội đàm với Thủ tướng Ba Lan Jan Nowak."},
                       headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 201


def test_the_cache_is_bounded_by_bytes_and_drops_expired_answers():
    import time
    from sukien.api.app import ResponseCache
    cache = ResponseCache(ttl=0.05, max_bytes=8000)
    for i in range(100):
        cache.put(f"k{i}", b"x" * 900)
    assert cache.bytes <= 8000 and len(cache.items) < 10 and cache.get("k99") is not None
    time.sleep(0.06)
    cache.put("fresh", b"y")
    assert list(cache.items) == ["fresh"] and cache.bytes == 1


def test_clients_missing_together_cause_one_computation(db):
    import asyncio
    import httpx
    from sukien.api import create_app
    app = create_app(db, cache_seconds=30)

    async def together():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            answers = await asyncio.gather(*[client.get("/api/timeline?group=pair") for _ in range(8)])
        return [a.headers["X-Cache"] for a in answers], {a.text for a in answers}
    kinds, bodies = asyncio.run(together())
    assert kinds.count("miss") == 1 and len(bodies) == 1


def test_workers_share_one_response_cache_and_a_write_clears_it_for_all(tmp_path, db):
    """`sukien serve --workers 2`, real processes: a page computed by one worker is a hit in the other (each request
    on a new connection, so the kernel spreads them over both), and a document written through one worker clears
    the answers of both."""
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import urllib.request
    from sukien.api.local import free_port, wait_for_port
    store = tmp_path / "workers.db"
    shutil.copy(db, store)
    token = tmp_path / "token"
    token.write_text("s3cret\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sukien.cli", "serve", "--db", str(store), "--port", str(port),
                               "--workers", "2", "--cache-seconds", "60", "--write-token-file", str(token)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for_port(port, 60)

        def get(path):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
                return r.headers.get("X-Cache"), r.read()

        url = "/api/events?country=VNM-LAO&limit=5"
        answers = [get(url) for _ in range(24)]
        # sequential requests: the first computes, every other one (whichever worker) reads the shared answer
        assert [a[0] for a in answers].count("miss") == 1, [a[0] for a in answers]
        assert len({a[1] for a in answers}) == 1
        body = json.dumps({"id": "w1", "date": "2025-03-12", "text": "Chiều 12/3/2025, Thủ tướng Đào Quốc Tuấn "
                           "đã hội đàm với Thủ tướng Lào Sonexay Siphandone tại Hà Nội."}).encode()
        post = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents", data=body, method="POST",
                                      headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
        with urllib.request.urlopen(post, timeout=60) as r:
            assert r.status == 201
        after = [get(url) for _ in range(6)]
        assert after[0][0] == "miss" and after[0][1] != answers[0][1]
        assert [a[0] for a in after].count("miss") == 1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_answers_are_the_bytes_fastapis_own_encoding_wrote(client, db):
    """The routes render JSON in one call (speed); the bytes stay those of jsonable_encoder + JSONResponse."""
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse
    from sukien.store import open_store
    from sukien.store import queries as Q
    store = open_store(db)
    expected = {
        "/api/events?country=VNM-LAO&limit=20": {"total": Q.count_events(store, country="VNM-LAO"),
                                                 "items": Q.list_events(store, country="VNM-LAO", limit=20)},
        "/api/actors?limit=20": {"items": Q.list_actors(store, limit=20)},
        "/api/actors/1": Q.actor(store, 1),
    }
    store.close()
    for url, content in expected.items():
        assert client.get(url).content == JSONResponse(jsonable_encoder(content)).body, url
