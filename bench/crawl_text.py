"""Text as crawlers break it: glued words in the 2025 crawl before and after re-spacing, false splits on a
Vietnamese syllable list, and what the crawl layouts moved to the furniture.

    python bench/crawl_text.py [--json]

"glued" counts letter runs the re-spacer splits, on the records as saved (NFC) and on the cleaned text.
"suspect" is an independent count of runs that still look glued after cleaning: a lower-to-upper change of
case after a Vietnamese syllable, or a run that is not one syllable but holds a mark only Vietnamese writes;
it includes what re-spacing leaves on purpose ("Chelseatrong", "Malaysiaở") and foreign names ("McNamara").
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, commit, report  # noqa: E402

SETS = {"news_modern_dev": DATA / "news_modern_dev" / "articles.jsonl",
        "news_negative_dev": DATA / "news_negative_dev" / "articles.jsonl"}


def _letter_runs(text: str):
    return re.findall(r"[^\W\d_]{3,}", text)


def _suspect(run: str) -> bool:
    from sukien.clean.respace import vietnamese_only
    from sukien.lexicons.syllable import is_syllable
    if is_syllable(run):
        return False
    for i in range(1, len(run)):
        if run[i - 1].islower() and run[i].isupper() and is_syllable(run[:i]) and not run[:i].isascii():
            return True
    return vietnamese_only(run)


def glued_counts(path: Path) -> dict:
    from sukien.clean import clean
    from sukien.clean.respace import split_token
    from sukien.ingest.readers import read_jsonl_file

    before = after = suspect_before = suspect_after = records = 0
    moved = Counter()
    for result in read_jsonl_file(path):
        if not result.doc:
            continue
        records += 1
        raw = unicodedata.normalize("NFC", result.doc.raw_text)
        runs = _letter_runs(raw)
        before += sum(1 for r in runs if len(split_token(r)) > 1)
        suspect_before += sum(1 for r in runs if _suspect(r))
        article = clean(result.doc)
        runs = _letter_runs(article.text)
        after += sum(1 for r in runs if len(split_token(r)) > 1)
        suspect_after += sum(1 for r in runs if _suspect(r))
        moved.update(r.kind for r in article.removed)
        moved["caption"] += len(article.captions)
    return {"records": records, "glued_before": before, "glued_after": after,
            "suspect_before": suspect_before, "suspect_after": suspect_after, "furniture": dict(moved)}


def false_splits() -> dict:
    """Syllables of underthesea's Viet74K word list (pieces of its words of two or more syllables, one run
    of vowels, at most one tone mark) that re-spacing would split: must be 0."""
    import underthesea
    from sukien.clean.respace import respace
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    syllables = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        pieces = unicodedata.normalize("NFC", line).split()
        if len(pieces) > 1:
            for p in pieces:
                d = unicodedata.normalize("NFD", p.lower())
                letters = "".join(c for c in d if not unicodedata.combining(c))
                if re.fullmatch(r"[^\W\d_]+", p) and len(re.findall("[aeiouy]+", letters)) == 1 \
                        and sum(c in "\u0300\u0301\u0303\u0309\u0323" for c in d) <= 1:
                    syllables.add(p)
    return {"syllables": len(syllables), "split": sum(1 for s in syllables if respace(s).text != s)}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = {"commit": commit(), **{name: glued_counts(path) for name, path in SETS.items()},
              "viet74k": false_splits()}
    report(result, args.json)


if __name__ == "__main__":
    main()
