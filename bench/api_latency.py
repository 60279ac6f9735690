"""Latency of the main API queries against a store (default: the 1,000,000-event store of gen_store.py),
through a real uvicorn server on 127.0.0.1 and an HTTP client: p50/p95 per query.

    python bench/api_latency.py --db bench/out/1m.db [--repeat 50] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def start(db: str):
    from sukien.api import create_app
    from sukien.api.local import serve_in_thread
    return serve_in_thread(create_app(db, cache_seconds=0))     # no response cache: every request queries


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default=str(Path(__file__).parent / "out" / "1m.db"))
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import httpx
    server, base = start(args.db)
    client = httpx.Client(base_url=base, timeout=30)
    first = client.get("/api/actors", params={"limit": 1}).json()["items"][0]
    name = first["name"]
    queries = {
        "events (newest 50)": ("/api/events", {}),
        "events by country pair": ("/api/events", {"country": "VNM-LAO"}),
        "events by type + date range": ("/api/events", {"type": "VISIT", "since": "2015-01-01", "until": "2016-12-31"}),
        "events by actor": ("/api/events", {"actor": name}),
        "event by id": ("/api/events/123456", {}),
        "actor page": (f"/api/actors/{first['id']}", {}),
        "timeline pair by month": ("/api/timeline", {"country": "VNM-LAO", "group": "pair"}),
        "search (diacritics off)": ("/api/search", {"q": "hoi dam"}),
    }
    results = {}
    for label, (path, params) in queries.items():
        for _ in range(3):
            client.get(path, params=params)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = client.get(path, params=params)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, (label, r.status_code, r.text[:200])
        times.sort()
        results[label] = {"p50_ms": round(statistics.median(times), 1),
                          "p95_ms": round(times[int(len(times) * 0.95) - 1], 1)}
    server.should_exit = True
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return
    for label, r in results.items():
        print(f"  {label:30} p50 {r['p50_ms']:8.1f} ms   p95 {r['p95_ms']:8.1f} ms")


if __name__ == "__main__":
    main()
