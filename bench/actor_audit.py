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


def alias_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of the top names that look like one person written two ways (the same foreign surname with a
    compatible first name or initial, or skeletons 85 % alike) and that the store would keep apart: it merges
    a pair only through resolve.same_person or a short form that the fuller name of the pair explains."""
    from rapidfuzz import fuzz

    from sukien.extract.names import is_foreign_token
    from sukien.lexicons.fold import fold
    from sukien.resolve.actors import same_person, skeleton
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            fa, fb = fold(a).split(), fold(b).split()
            if not any(is_foreign_token(w) for w in a.split() + b.split()):
                continue        # Vietnamese names one syllable apart are different people (Văn An / Văn Anh)
            short, long_ = sorted((fa, fb), key=len)
            looks_alike = (fa[-1] == fb[-1] and short[0][:1] == long_[0][:1] and short != long_) or \
                (len(short) == 1 < len(long_) and short[0] == long_[-1]) or \
                fuzz.ratio(skeleton(a), skeleton(b)) >= 85
            if looks_alike and not same_person(a, b) and not _short_form_merged(a, b, names):
                out.append((a, b))
    return out


def _short_form_merged(a: str, b: str, names: list[str]) -> bool:
    """The store's rule for a surname alone or after an initial ('Putin', 'V. Volodin'): it joins the one
    fuller name with that surname and initial (store/actors.py _short_form_of)."""
    from sukien.lexicons.fold import fold
    from sukien.resolve.actors import same_person
    from sukien.store.actors import _short_parts
    short, full = sorted((a, b), key=lambda n: (len(n.split()), len(n)))
    parts = _short_parts(short)
    if parts is None or len(full.split()) < 2:
        return False
    initial, surname = parts
    candidates = [n for n in names if n != short and len(n.split()) >= 2 and fold(n).split()[-1] == surname
                  and (not initial or fold(n)[:1] == initial)]
    distinct: list[str] = []         # spellings of one person are one stored actor ("Donal Trump")
    for n in candidates:
        if not any(same_person(n, d) for d in distinct):
            distinct.append(n)
    return len(distinct) == 1 and same_person(distinct[0], full)


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
    pairs = alias_pairs([name for name, _ in top])
    result = {"commit": commit(), "people": len(counts), "top": len(top), "flagged": len(flagged),
              "flagged_names": [f"{name} ({', '.join(f)})" for name, _, f in flagged],
              "alias_pairs_unmerged": len(pairs), "alias_pairs": [f"{a} / {b}" for a, b in pairs]}
    report(result, args.json)
    if args.list:
        print("; ".join(f"{name} ({n})" for name, n in top))


if __name__ == "__main__":
    main()
