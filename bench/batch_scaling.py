"""Scaling of `sukien batch` on a Dask LocalCluster with 1 and 2 workers, on ../shared data repeated to a
target size (written once as JSON Lines shards), with the peak memory of the workers.

    python bench/batch_scaling.py [--mb 5] [--partition-size 100] [--json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import commit, report  # noqa: E402
from pipeline import corpus  # noqa: E402


def worker_peak_mb(client) -> float:
    import resource

    def peak():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return max(client.run(peak).values())


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--partition-size", type=int, default=100, help="JSON Lines lines per partition")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster
    from sukien.batch import plan, process_partition

    docs, size = corpus(int(args.mb * 1024 * 1024))
    tmp = Path(tempfile.mkdtemp(prefix="sukien-scaling-"))
    shard = tmp / "in.jsonl"
    with shard.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"id": d.key, "text": d.raw_text if d.kind != "html" else d.prepared_text,
                                 "title": d.title, "date": d.pub_date.isoformat() if d.pub_date else None,
                                 "url": d.url, "outlet": d.outlet}, ensure_ascii=False) + "\n")
    parts = plan([str(shard)], shard=args.partition_size)
    result = {"commit": commit(), "documents": len(docs), "input_mb": round(size / 1024 / 1024, 1),
              "partitions": len(parts), "partition_size": args.partition_size}
    for workers in (1, 2):
        out = tmp / f"out{workers}"
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.run(lambda: __import__("sukien.pipeline"))
            t0 = time.perf_counter()
            client.gather(client.map(process_partition, parts, [str(out)] * len(parts), range(len(parts)), pure=False))
            seconds = time.perf_counter() - t0
            result[f"workers_{workers}"] = {"seconds": round(seconds, 2), "articles_per_s": round(len(docs) / seconds, 1),
                                            "peak_rss_mb_per_worker": round(worker_peak_mb(client), 1)}
    result["speedup_2_workers"] = round(result["workers_1"]["seconds"] / result["workers_2"]["seconds"], 2)
    shutil.rmtree(tmp, ignore_errors=True)
    report(result, args.json)


if __name__ == "__main__":
    main()
