"""Document relevance: is an article about public affairs (the state, politics, diplomacy) at all?

A sports report's "trận gặp" or an actor's "ký hợp đồng" reads like a meeting or an agreement sentence by sentence;
the article as a whole does not read like public affairs. A logistic regression over hashed word uni- and bigrams
of the cleaned text, trained by `sukien train` on the shared sets (articles with annotated events against
articles from sections with no diplomacy) and shipped as `sukien/models/relevance.npz`. Events of an article
below `THRESHOLD` are dropped. Its held-out (5-fold, by document) figures are in BENCHMARKS.md
(bench/relevance.py).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parent.parent / "models" / "relevance.npz"
N_FEATURES = 2 ** 18
THRESHOLD = 0.2      # chosen by the held-out figures of bench/relevance.py (0.2, 0.35, 0.5 tried)
VERSION = 1


@lru_cache(maxsize=1)
def vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer
    # words are syllables in Vietnamese: bigrams of syllables carry most words ("ngoại giao", "trận đấu")
    return HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm="l2",
                             lowercase=True, token_pattern=r"(?u)\b[^\W\d_]+\b")


def fit(texts: list[str], labels: list[int]):
    """A fitted LogisticRegression; deterministic (liblinear, no shuffling)."""
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced")
    return model.fit(vectorizer().transform(texts), labels)


def save(model, path: Path = MODEL) -> None:
    weights = model.coef_[0].astype(np.float32)
    nonzero = np.flatnonzero(weights)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, index=nonzero.astype(np.int32), weight=weights[nonzero],
                        intercept=np.float32(model.intercept_[0]), version=np.int32(VERSION),
                        n_features=np.int32(N_FEATURES))


@lru_cache(maxsize=1)
def _weights() -> tuple[np.ndarray, float] | None:
    if not MODEL.exists():
        return None
    with np.load(MODEL) as data:
        if int(data["n_features"]) != N_FEATURES or int(data["version"]) != VERSION:
            return None
        dense = np.zeros(N_FEATURES, dtype=np.float32)
        dense[data["index"]] = data["weight"]
        return dense, float(data["intercept"])


def probability(text: str) -> float | None:
    """The probability that the article is about public affairs; None when no model is installed."""
    weights = _weights()
    if weights is None:
        return None
    dense, intercept = weights
    x = vectorizer().transform([text])
    z = float(x.data @ dense[x.indices]) + intercept
    return 1.0 / (1.0 + np.exp(-z))


def relevant(text: str) -> bool:
    p = probability(text)
    return p is None or p >= THRESHOLD


# The shared sets: where the articles are and the gold that says which of them report events.
SETS = {
    "news_dev": ("data/news_dev", "data/news_dev_gold.jsonl"),
    "news_leads_dev": ("data/news_leads_dev/articles.jsonl", "data/news_leads_dev_gold.jsonl"),
    "news_modern_dev": ("data/news_modern_dev/articles.jsonl", "data/news_modern_dev_gold.jsonl"),
    "news_negative_dev": ("data/news_negative_dev/articles.jsonl", None),
}


def training_set(shared: Path) -> list[tuple[str, str, str, int]]:
    """(set, document, text, label) for every article: 1 for an annotated article with at least one event, 0 for
    an article of the negative set; annotated articles without events are left out (public affairs with
    nothing to report are neither)."""
    import json

    from ..pipeline import process_all
    rows = []
    for name, (articles, gold_path) in SETS.items():
        with_events = None
        if gold_path is not None:
            with open(shared / gold_path, encoding="utf-8") as fh:
                gold = [json.loads(line) for line in fh if line.strip()]
            with_events = {Path(str(g["doc"])).name for g in gold if g.get("events")}
        for _, processed in process_all([str(shared / articles)], extract=False):
            if processed is None:
                continue
            key = Path(processed.article.key).name
            if with_events is None:
                rows.append((name, key, processed.article.text, 0))
            elif key in with_events:
                rows.append((name, key, processed.article.text, 1))
    return rows
