"""Extraction quality on the shared gold: precision, recall, F1 overall and per type (with the shared
scorer's matching rules), the misses, and how well `confidence` is calibrated.

    python bench/extraction.py [--json] [--misses N]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, DEV_GOLD, DEV_INPUTS, commit, extract, load_gold, scorer  # noqa: E402

SETS = {
    "seeds": ([DATA.parent / "seeds"], [DATA / "seeds_gold.jsonl"]),
    "news_dev": ([DEV_INPUTS[0]], [DEV_GOLD[0]]),
    "news_leads_dev": ([DEV_INPUTS[1]], [DEV_GOLD[1]]),
    # 2025 articles exactly as a crawler saved them: held apart from the dev figures
    "news_modern_dev": ([DATA / "news_modern_dev" / "articles.jsonl"], [DATA / "news_modern_dev_gold.jsonl"]),
}
DEV_SETS = ("news_dev", "news_leads_dev")
NEGATIVE = DATA / "news_negative_dev" / "articles.jsonl"


def score(gold: dict, pred: list[dict], types) -> dict:
    sc = scorer()
    by_doc = defaultdict(list)
    for e in pred:
        by_doc[Path(str(e["doc"])).name].append(e)
    result = {}
    for with_date, label in ((False, "events"), (True, "events+date")):
        hits = n_gold = n_pred = 0
        per_type = defaultdict(lambda: [0, 0, 0])
        misses, matched = [], set()
        modality: dict[tuple, int] = defaultdict(int)
        for doc, rec in gold.items():
            g = [e for e in rec["events"] if e["type"] in types]
            p = [e for e in by_doc.get(doc, []) if e["type"] in types]
            h, missed, spurious = sc.match(g, p, with_date)
            hits, n_gold, n_pred = hits + h, n_gold + len(g), n_pred + len(p)
            for e in g:
                per_type[e["type"]][0] += 1
            for e in p:
                per_type[e["type"]][1] += 1
            spurious_ids = {id(e) for e in spurious}
            for e in p:
                if id(e) not in spurious_ids:
                    per_type[e["type"]][2] += 1
                    matched.add(id(e))
            if not with_date:
                # modality of matched events: each gold event against the first unused prediction it matches
                used: set[int] = set()
                for ge in g:
                    for pe in p:
                        if id(pe) not in used and sc.match([ge], [pe], False)[0] == 1:
                            used.add(id(pe))
                            modality[(ge.get("modality"), pe["modality"])] += 1
                            break
            misses += [(doc, "missed", e["type"], e["actors"], e.get("evidence", "")[:90]) for e in missed]
            misses += [(doc, "spurious", e["type"], [(e["source"] or {}).get("name") or (e["source"] or {}).get("country"),
                                                     (e["target"] or {}).get("name") or (e["target"] or {}).get("country")],
                        e["sentence"][:90]) for e in spurious]
        p, r, f = sc.prf(hits, n_gold, n_pred)
        result[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                         "gold": n_gold, "pred": n_pred, "hits": hits}
        if not with_date:
            result["per_type"] = {t: dict(zip(("gold", "pred", "hits"), v)) | dict(zip(
                ("precision", "recall", "f1"), [round(x, 3) for x in sc.prf(v[2], v[0], v[1])])) for t, v in sorted(per_type.items())}
            result["misses"] = misses
            pairs = sum(modality.values())
            result["modality"] = {"matched": pairs, "accuracy": round(sum(v for (a, b), v in modality.items() if a == b)
                                                                      / pairs, 4) if pairs else None,
                                  "confusion": {f"{a}->{b}": v for (a, b), v in sorted(modality.items())}}
            result["_matched"] = matched
    return result


def calibration(pred: list[dict], matched: set, bins=(0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> dict:
    """Observed precision per confidence bin and the expected calibration error (ECE)."""
    rows, ece, n = [], 0.0, len(pred)
    for lo, hi in zip(bins, bins[1:]):
        inside = [e for e in pred if lo <= e["confidence"] < hi]
        if not inside:
            continue
        observed = sum(1 for e in inside if id(e) in matched) / len(inside)
        mean_conf = sum(e["confidence"] for e in inside) / len(inside)
        ece += len(inside) / n * abs(observed - mean_conf)
        rows.append({"bin": f"[{lo:.1f},{min(hi, 1.0):.1f})", "events": len(inside),
                     "mean_confidence": round(mean_conf, 3), "observed_precision": round(observed, 3)})
    return {"bins": rows, "ece": round(ece, 4)}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", type=int, default=40, help="how many misses to list")
    args = ap.parse_args()
    types = set(scorer().CORE_TYPES)
    report = {"commit": commit(), "sets": {}}
    all_gold, all_pred = {}, []
    for name, (inputs, gold_files) in SETS.items():
        gold, pred = load_gold(gold_files), extract(inputs)
        s = score(gold, pred, types)
        report["sets"][name] = {k: v for k, v in s.items() if k not in ("misses", "_matched")}
        if name in DEV_SETS:
            all_gold.update(gold)
            all_pred += pred
    negative_docs = sum(1 for line in NEGATIVE.open(encoding="utf-8") if line.strip())
    negative_events = len(extract([NEGATIVE]))
    report["negative"] = {"articles": negative_docs, "events": negative_events,
                          "events_per_1000": round(1000 * negative_events / negative_docs, 1)}
    dev = score(all_gold, all_pred, types)
    scored = [e for e in all_pred if Path(str(e["doc"])).name in all_gold and e["type"] in types]
    report["dev"] = {k: v for k, v in dev.items() if k not in ("misses", "_matched")}
    report["calibration"] = calibration(scored, dev["_matched"])
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"commit {report['commit']}")
    for name, s in list(report["sets"].items()) + [("dev (articles + leads)", report["dev"])]:
        e, d = s["events"], s["events+date"]
        print(f"{name:24} events P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f} "
              f"(gold {e['gold']}, pred {e['pred']})  +date F1={d['f1']:.3f}")
    n = report["negative"]
    print(f"news_negative_dev        {n['events']} events in {n['articles']} articles with nothing to find "
          f"({n['events_per_1000']} per 1,000)")
    m = report["dev"]["modality"]
    print(f"\nmodality of matched dev events: accuracy {m['accuracy']:.3f} over {m['matched']} "
          f"(gold->predicted: {', '.join(f'{k} {v}' for k, v in m['confusion'].items())})")
    print("\nper type (dev):")
    for t, v in report["dev"]["per_type"].items():
        print(f"  {t:15} gold {v['gold']:4} pred {v['pred']:4} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f}")
    print(f"\ncalibration (dev, ECE {report['calibration']['ece']}):")
    for b in report["calibration"]["bins"]:
        print(f"  {b['bin']:12} {b['events']:4} events  mean conf {b['mean_confidence']:.3f}  observed {b['observed_precision']:.3f}")
    print(f"\nfirst {args.misses} misses:")
    for m in dev["misses"][:args.misses]:
        print("  ", *m)


if __name__ == "__main__":
    main()
