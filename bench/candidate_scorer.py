"""A trained scorer over event candidates (issue 13, item 5), tried by 5-fold cross-validation over documents:
LogisticRegression on the type, cue, signals, kinds of the sides, modality, date precision and position of
each event extraction gives on dev and news_modern_dev, labelled by the shared scorer's matching. Prints P, R,
F1 per set when events below each threshold are dropped (threshold 0.0 is extraction as it is). Not shipped:
see BENCHMARKS.md.

    python bench/candidate_scorer.py
"""
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, load_gold, scorer  # noqa: E402
from sukien.pipeline import process_all
import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

SETS = {"dev": ([DATA/"news_dev", DATA/"news_leads_dev"/"articles.jsonl"], [DATA/"news_dev_gold.jsonl", DATA/"news_leads_dev_gold.jsonl"]),
        "modern": ([DATA/"news_modern_dev"/"articles.jsonl"], [DATA/"news_modern_dev_gold.jsonl"])}
sc = scorer()
def kind(a):
    if not a: return "none"
    return "person" if a.get("name") else "org" if a.get("org") else "country"
rows = []
for set_name, (inputs, golds) in SETS.items():
    gold = load_gold(golds)
    for _, p in process_all([str(x) for x in inputs]):
        if p is None: continue
        doc = Path(p.article.key).name
        if doc not in gold: continue
        evs = [e for e in p.events if e.type in sc.CORE_TYPES]
        js = [e.as_json() for e in evs]
        g = [e for e in gold[doc]["events"] if e["type"] in sc.CORE_TYPES]
        _, _, spurious = sc.match(g, js, False)
        sp = {id(e) for e in spurious}
        per_sentence = collections.Counter(j["char_start"] for j in js)
        for e, j in zip(evs, js):
            f = {"type": e.type, "cue": e.cue.lower(), "type_cue": e.type + ":" + e.cue.lower(), "modality": j["modality"],
                 "src": kind(j["source"]), "tgt": kind(j["target"]), "pair": kind(j["source"]) + "-" + kind(j["target"]),
                 "prec": j["date_precision"], "conf": j["confidence"], "same_sentence": min(per_sentence[j["char_start"]], 4),
                 "n_events": min(len(js), 20) / 20, "pos": j["char_start"] / max(1, len(p.article.text)),
                 "src_titles": bool(j["source"].get("titles")), "tgt_titles": bool((j["target"] or {}).get("titles"))}
            for ch in e.signals: f["sig_" + ch] = 1
            rows.append((set_name, doc, f, 0 if id(j) in sp else 1, len(g)))
print(len(rows), sum(r[3] for r in rows))
X = DictVectorizer().fit_transform([r[2] for r in rows]); y = np.array([r[3] for r in rows]); groups = [r[1] for r in rows]
prob = np.zeros(len(rows))
for tr, te in GroupKFold(5).split(X, y, groups):
    m = LogisticRegression(C=1.0, max_iter=2000).fit(X[tr], y[tr]); prob[te] = m.predict_proba(X[te])[:, 1]
gold_n = {}
for set_name, (inputs, golds) in SETS.items():
    gold = load_gold(golds); gold_n[set_name] = sum(len([e for e in r["events"] if e["type"] in sc.CORE_TYPES]) for r in gold.values())
for t in (0.0, 0.2, 0.3, 0.4, 0.5):
    out = []
    for s in SETS:
        idx = [i for i, r in enumerate(rows) if r[0] == s]
        kept = [i for i in idx if prob[i] >= t]; hits = sum(y[i] for i in kept)
        P, R, F = sc.prf(hits, gold_n[s], len(kept))
        out.append(f"{s}: P={P:.3f} R={R:.3f} F1={F:.3f}")
    print(t, " | ".join(out))
