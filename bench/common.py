"""Helpers shared by the bench scripts: where ../shared is, the scorer, extraction over a corpus."""
from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
DEV_INPUTS = [DATA / "news_dev", DATA / "news_leads_dev" / "articles.jsonl"]
DEV_GOLD = [DATA / "news_dev_gold.jsonl", DATA / "news_leads_dev_gold.jsonl"]


def scorer():
    spec = importlib.util.spec_from_file_location("score_events", SHARED / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except Exception:
        return "unknown"


def extract(paths) -> list[dict]:
    from sukien.pipeline import process_all
    out = []
    for result, processed in process_all([str(p) for p in paths]):
        if processed is not None:
            out += [e.as_json() | {"_signals": e.signals} for e in processed.events]
    return out


def load_gold(paths) -> dict[str, dict]:
    gold = {}
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    gold[Path(rec["doc"]).name] = rec
    return gold


def report(result: dict, as_json: bool) -> None:
    """The figures one per line (unless --json), then always one JSON object last (what scripts read)."""
    import json
    if not as_json:
        width = max(len(k) for k in result) + 2
        for k, v in result.items():
            print(f"{k:{width}} {v}")
    print(json.dumps(result))
