"""Person-mention precision/recall on a hand-checked sample, with underthesea's CRF `ner` (B-PER/I-PER) as
the baseline on the same cleaned text. Samples: `dev` (tests/data/person_mentions.jsonl: 16 documents of
seeds, news_dev and leads, checked while the rules were written) and `modern` (tests/data/
person_mentions_modern.jsonl: 30 articles of news_modern_dev drawn at random and checked in session 3
before any actor rule was changed for them).

Gold mentions are every occurrence of the annotated name strings in the cleaned text (longest first).
A predicted mention counts when its span equals a gold span.

    python bench/actors.py [--sample dev|modern] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SHARED, commit  # noqa: E402


SAMPLES = {"dev": "person_mentions.jsonl", "modern": "person_mentions_modern.jsonl"}


def load_sample(name: str = "dev"):
    from sukien.clean import clean
    from sukien.ingest import iter_documents
    sample = []
    for line in (ROOT / "tests" / "data" / SAMPLES[name]).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        path, _, key = rec["source"].partition("#")
        docs = [r.doc for r in iter_documents([str(SHARED / path)]) if r.doc and (not key or r.doc.key == key)]
        sample.append((clean(docs[0]), rec["people"]))
    return sample


def gold_spans(text: str, names: list[str]) -> set[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w-])", text):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                spans.add((m.start(), m.end()))
    return spans


def ours(article) -> set[tuple[int, int]]:
    from sukien.extract.events import ArticleExtractor
    x = ArticleExtractor(article)
    x.analyse()
    return {(m.span.start, m.span.end) for info in x.infos for m in info.mentions if m.kind in ("person", "spouse")}


def underthesea_ner(article) -> set[tuple[int, int]]:
    from underthesea import ner
    from sukien.nlp import split_sentences
    from sukien.nlp.words import _align
    spans = set()
    for s in split_sentences(article):
        tagged = ner(article.text[s.span.start:s.span.end])
        words = [t[0] for t in tagged]
        try:
            aligned = _align(article.text, s.span.start, s.span.end, words)
        except ValueError:
            continue
        cur = None
        for (word, _pos, _chunk, tag), span in zip(tagged, aligned):
            if tag == "B-PER" or (tag == "I-PER" and cur is None):
                if cur:
                    spans.add(cur)
                cur = (span.start, span.end)
            elif tag == "I-PER":
                cur = (cur[0], span.end)
            else:
                if cur:
                    spans.add(cur)
                cur = None
        if cur:
            spans.add(cur)
    return spans


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sample", choices=sorted(SAMPLES), default="dev")
    args = ap.parse_args()
    totals = {"sukien": [0, 0, 0], "underthesea_ner": [0, 0, 0]}
    errors = []
    sample = load_sample(args.sample)
    for article, names in sample:
        gold = gold_spans(article.text, names)
        for system, fn in (("sukien", ours), ("underthesea_ner", underthesea_ner)):
            pred = fn(article)
            t = totals[system]
            t[0] += len(pred & gold)
            t[1] += len(pred)
            t[2] += len(gold)
            if system == "sukien":
                errors += [(article.key, "spurious", article.text[a:b]) for a, b in sorted(pred - gold)]
                errors += [(article.key, "missed", article.text[a:b]) for a, b in sorted(gold - pred)]
    result = {"commit": commit(), "sample": args.sample, "documents": len(sample)}
    for system, (tp, n_pred, n_gold) in totals.items():
        p, r, f = prf(tp, n_pred, n_gold)
        result[system] = {"precision": p, "recall": r, "f1": f, "gold": n_gold, "pred": n_pred, "correct": tp}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"commit {result['commit']}, {result['documents']} hand-checked documents")
    for system in totals:
        s = result[system]
        print(f"  {system:16} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(gold {s['gold']}, predicted {s['pred']}, correct {s['correct']})")
    for e in errors:
        print("   ", *e)


if __name__ == "__main__":
    main()
