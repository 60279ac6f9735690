"""The people sukien finds over all of ../shared/data: the N most-mentioned person names (after the
document's own coreference) and the ones that are plainly not a person by the lexicons — a place, a
country or an organization's name, an honorific or degree left on, a glued word.

    python bench/actor_audit.py [--top 500] [--list] [--json]

What the lexicons cannot tell (a club, a product, a film) is left to the reader of --list.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, commit, report  # noqa: E402

INPUTS = [DATA.parent / "seeds", DATA / "news_dev", DATA / "news_leads_dev" / "articles.jsonl",
          DATA / "news_modern_dev" / "articles.jsonl", DATA / "news_negative_dev" / "articles.jsonl"]


def flags(name: str) -> list[str]:
    from sukien.clean.respace import split_token
    from sukien.lexicons.index import lexicon
    lex = lexicon()
    out = []
    words = name.split()
    if any(len(split_token(w)) > 1 for w in re.findall(r"[^\W\d_]+", name)):
        out.append("glued")
    if words[0] in lex.honorifics or " ".join(words[:2]) in lex.honorifics:
        out.append("honorific")
    if name in lex.places or name in lex.country_names or name in lex.orgs:
        out.append("place/country/org")
    elif any(" ".join(words[:k]) in lex.country_names and not lexicon().title(" ".join(words[:k]))
             for k in (1, 2, 3) if k < len(words) and " ".join(words[:k]) not in ("Đức", "Thái", "Anh", "Nga", "Mỹ", "Ý")):
        out.append("country in name")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--top", type=int, default=500)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from sukien.pipeline import process_all
    counts: Counter = Counter()
    for _, processed in process_all([str(p) for p in INPUTS]):
        for m in processed.mentions if processed else []:
            if m.kind == "person" and m.name:
                counts[m.name] += 1
    top = counts.most_common(args.top)
    flagged = [(name, n, flags(name)) for name, n in top if flags(name)]
    result = {"commit": commit(), "people": len(counts), "top": len(top), "flagged": len(flagged),
              "flagged_names": [f"{name} ({', '.join(f)})" for name, _, f in flagged]}
    report(result, args.json)
    if args.list:
        print("; ".join(f"{name} ({n})" for name, n in top))


if __name__ == "__main__":
    main()
