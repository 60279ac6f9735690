"""Document relevance (sukien/extract/relevance.py) by 5-fold cross-validation over documents: every article's
probability comes from a model trained on the other four folds, so no figure here is in-sample. Then the events
that extraction finds with the filter off are filtered by those held-out probabilities and scored per set, with
events per 1,000 articles of news_negative_dev.

    python bench/relevance.py [--json] [--threshold 0.5]

Articles annotated without events are not training rows; their probability comes from the model trained on
all rows, which never saw them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, SHARED, commit, extract, load_gold, report, scorer  # noqa: E402
from extraction import score  # noqa: E402

SCORED = {
    "seeds": ([DATA.parent / "seeds"], [DATA / "seeds_gold.jsonl"]),
    "news_dev": ([DATA / "news_dev"], [DATA / "news_dev_gold.jsonl"]),
    "news_leads_dev": ([DATA / "news_leads_dev" / "articles.jsonl"], [DATA / "news_leads_dev_gold.jsonl"]),
    "news_modern_dev": ([DATA / "news_modern_dev" / "articles.jsonl"], [DATA / "news_modern_dev_gold.jsonl"]),
}
NEGATIVE = DATA / "news_negative_dev" / "articles.jsonl"


def held_out_probabilities(rows, folds: int = 5) -> dict[str, float]:
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from sukien.extract import relevance
    texts = [r[2] for r in rows]
    labels = np.array([r[3] for r in rows])
    X = relevance.vectorizer().transform(texts)
    held: dict[str, float] = {}
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(X, labels):
        model = relevance.fit([texts[i] for i in train], labels[train].tolist())
        for i, p in zip(test, model.predict_proba(X[test])[:, 1]):
            held[rows[i][1]] = float(p)
    return held


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args()
    from sukien.extract import relevance
    threshold = args.threshold if args.threshold is not None else relevance.THRESHOLD
    rows = relevance.training_set(SHARED)
    held = held_out_probabilities(rows)
    full = relevance.fit([r[2] for r in rows], [r[3] for r in rows])

    relevance.MODEL = Path("/nonexistent")          # extraction with the filter off, filtered below
    relevance._weights.cache_clear()
    from sukien.pipeline import process_all

    def probability(key: str, text: str) -> float:
        return held[key] if key in held else float(full.predict_proba(relevance.vectorizer().transform([text]))[0, 1])

    result = {"commit": commit(), "threshold": threshold, "training_rows": len(rows),
              "positives": sum(r[3] for r in rows), "sets": {}}
    labels = {r[1]: r[3] for r in rows}
    kept_pos = sum(1 for k, p in held.items() if labels[k] == 1 and p >= threshold)
    passed_neg = sum(1 for k, p in held.items() if labels[k] == 0 and p >= threshold)
    result["documents"] = {"articles with events kept": f"{kept_pos}/{result['positives']}",
                           "negative articles passed": f"{passed_neg}/{len(rows) - result['positives']}"}
    types = set(scorer().CORE_TYPES)
    for name, (inputs, gold_files) in list(SCORED.items()) + [("news_negative_dev", ([NEGATIVE], []))]:
        p_of = {Path(proc.article.key).name: probability(Path(proc.article.key).name, proc.article.text)
                for _, proc in process_all([str(p) for p in inputs], extract=False) if proc is not None}
        pred = extract(inputs)
        kept = [e for e in pred if p_of.get(Path(str(e["doc"])).name, 1.0) >= threshold]
        if not gold_files:
            result["sets"][name] = {"articles": len(p_of), "events_off": len(pred), "events_on": len(kept),
                                    "per_1000_on": round(1000 * len(kept) / len(p_of), 1)}
            continue
        gold = load_gold(gold_files)
        off, on = score(gold, pred, types)["events"], score(gold, kept, types)
        result["sets"][name] = {"off": off, "on": on["events"], "on+date": on["events+date"]}
    report(result, args.json)


if __name__ == "__main__":
    main()
