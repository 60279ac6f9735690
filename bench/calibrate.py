"""Fit event confidence on the annotated dev data: for each (type, signals) the smoothed share of events
that match gold, written to sukien/lexicons/confidence.tsv. Reports the calibration error measured with
2-fold cross-validation over documents (fit on one half, measure on the other), so the figure is honest.

    python bench/calibrate.py [--write]
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEV_GOLD, DEV_INPUTS, ROOT, commit, extract, load_gold, scorer  # noqa: E402
from extraction import calibration, score  # noqa: E402

MIN_EVENTS = 5


def fit(events: list[dict], matched: set) -> dict:
    counts = defaultdict(lambda: [0, 0])
    for e in events:
        for key in ((e["type"], e["_signals"]), (e["type"], "*")):
            counts[key][0] += 1
            counts[key][1] += id(e) in matched
    # Laplace-smoothed precision; rows with too few events fall back to the type's row
    return {k: round((hits + 1) / (n + 2), 3) for k, (n, hits) in counts.items() if n >= MIN_EVENTS or k[1] == "*"}


def apply(events: list[dict], model: dict) -> list[dict]:
    out = []
    for e in events:
        c = model.get((e["type"], e["_signals"]), model.get((e["type"], "*"), e["confidence"]))
        out.append(e | {"confidence": c})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", action="store_true", help="write sukien/lexicons/confidence.tsv")
    args = ap.parse_args()
    types = set(scorer().CORE_TYPES)
    gold = load_gold(DEV_GOLD)
    pred = [e for e in extract(DEV_INPUTS) if Path(str(e["doc"])).name in gold and e["type"] in types]
    docs = sorted(gold)
    folds = [set(docs[0::2]), set(docs[1::2])]
    held_out = []
    for k in (0, 1):
        train_docs, test_docs = folds[k], folds[1 - k]
        train = [e for e in pred if Path(str(e["doc"])).name in train_docs]
        test = [e for e in pred if Path(str(e["doc"])).name in test_docs]
        m_train = score({d: gold[d] for d in train_docs}, train, types)["_matched"]
        model = fit(train, m_train)
        test_scored = apply(test, model)
        m_test = score({d: gold[d] for d in test_docs}, test_scored, types)["_matched"]
        held_out += [(e, id(e) in m_test) for e in test_scored]
    events = [e for e, _ in held_out]
    matched = {id(e) for e, ok in held_out if ok}
    before = calibration(pred, score(gold, pred, types)["_matched"])
    after = calibration(events, matched)
    print(f"commit {commit()}: ECE of the confidences now in use {before['ece']}, of a table fitted on one half and measured on the other "
          f"halves {after['ece']}")
    for b in after["bins"]:
        print(f"  {b['bin']:12} {b['events']:4} events  mean conf {b['mean_confidence']:.3f}  "
              f"observed {b['observed_precision']:.3f}")
    if args.write:
        model = fit(pred, score(gold, pred, types)["_matched"])
        path = ROOT / "sukien" / "lexicons" / "confidence.tsv"
        lines = [f"# type\tsignals\tconfidence\tevents — fitted by bench/calibrate.py on the shared dev gold at {commit()}",
                 "# signals: number of sides named as people (0-2), d = the sentence dates it, c = a side found by",
                 "# coreference, t = stated in the headline; '*' = any signals. Smoothed share of events matching gold."]
        counts = defaultdict(int)
        for e in pred:
            counts[(e["type"], e["_signals"])] += 1
            counts[(e["type"], "*")] += 1
        for (t, sig), c in sorted(model.items()):
            lines.append(f"{t}\t{sig}\t{c}\t{counts[(t, sig)]}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(model)} rows)")


if __name__ == "__main__":
    main()
