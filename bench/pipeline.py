"""Pipeline speed on ../shared data repeated to a target size, against underthesea's word_tokenize on the
same text (the yardstick of issue 6), single process.

    python bench/pipeline.py [--mb 20] [--json]
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, commit, report  # noqa: E402


def corpus(target_bytes: int):
    from sukien.ingest import iter_documents
    base = [r.doc for r in iter_documents([str(DATA.parent / "seeds"), str(DATA / "news_dev"),
                                           str(DATA / "news_leads_dev" / "articles.jsonl")]) if r.doc]
    if not base:
        sys.exit(f"bench/pipeline.py: no articles under {DATA} (../shared beside the repository?)")
    docs, size, round_ = [], 0, 0
    while size < target_bytes:
        for d in base:
            copy = type(d)(**{**d.__dict__, "key": f"{round_}:{d.key}"})
            docs.append(copy)
            size += len(d.raw_text.encode("utf-8"))
            if size >= target_bytes:
                break
        round_ += 1
    return docs, size


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from sukien.pipeline import process

    docs, size = corpus(int(args.mb * 1024 * 1024))
    process(docs[0])                        # load lexicons and compile patterns once, outside the timing
    t0 = time.perf_counter()
    chars = events = 0
    texts = []
    for d in docs:
        p = process(d)
        chars += len(p.article.text)
        events += len(p.events)
        texts.append(p.article.text)
    pipeline_s = time.perf_counter() - t0

    from underthesea import word_tokenize
    word_tokenize("Khởi động mô hình.")
    t0 = time.perf_counter()
    for t in texts:
        word_tokenize(t)
    segment_s = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "commit": commit(), "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "documents": len(docs), "input_mb": round(size / 1024 / 1024, 1), "clean_chars": chars, "events": events,
        "pipeline_s": round(pipeline_s, 2), "word_tokenize_s": round(segment_s, 2),
        "articles_per_s_per_core": round(len(docs) / pipeline_s, 1),
        "chars_per_s_per_core": round(chars / pipeline_s),
        "word_tokenize_chars_per_s": round(chars / segment_s),
        "segmentation_ratio": round(pipeline_s / segment_s, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    report(result, args.json)


if __name__ == "__main__":
    main()
