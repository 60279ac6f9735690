"""Load: `sukien serve` on 127.0.0.1 over a store of >= 100,000 events, driven by wrk (Debian package) with
concurrent connections for a bounded time while `sukien ingest` writes into the same store.
Reports requests/s, p95 latency, errors and whether every write landed.

    python bench/load.py [--events 100000] [--seconds 20] [--connections 16]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--cache-seconds", type=float, default=2.0, help="the server's response cache (0: off)")
    ap.add_argument("--reuse", action="store_true", help="reuse the generated store if it exists")
    ap.add_argument("--workers", type=int, default=1, help="worker processes of the server (they share its cache)")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    db = HERE / "out" / f"load-{args.events}.db"
    if not (args.reuse and db.exists()):
        subprocess.run([sys.executable, str(HERE / "gen_store.py"), "--events", str(args.events), "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)
    from sukien.api.local import free_port, wait_for_port
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sukien.cli", "serve", "--db", str(db), "--port", str(port),
                               "--cache-seconds", str(args.cache_seconds), "--workers", str(args.workers)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, 60)
        before = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
        writer = subprocess.Popen([sys.executable, "-m", "sukien.cli", "ingest", str(SHARED / "seeds"),
                                   str(SHARED / "data" / "news_dev"), "--db", str(db)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wrk = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s",
                              "-s", str(HERE / "load.lua"), f"http://127.0.0.1:{port}"],
                             capture_output=True, text=True, check=True)
        writer_rc = writer.wait(timeout=600)
        after = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        server.terminate()
        server.wait(timeout=10)
    stats = json.loads([l for l in wrk.stdout.splitlines() if l.startswith("{")][-1])
    stats.update(events_in_store=args.events, connections=args.connections, cache_seconds=args.cache_seconds,
                 workers=args.workers,
                 ingest_exit_code=writer_rc,
                 documents_written=after - before, writes_expected=3 + len(list((SHARED / "data" / "news_dev").glob("*.txt"))))
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
