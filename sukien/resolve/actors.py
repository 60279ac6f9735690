"""Actor resolution across documents: one canonical actor per person, with aliases.

Names are compared on a phonetic skeleton that survives the ways Vietnamese press spells foreign names:
diacritics, spacing and hyphenated transliterations ("Thoong-lun Xi-xu-lít" ~ "Thongloun Sisoulith").
rapidfuzz scores the skeletons; a match also needs compatible countries.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..lexicons.fold import fold

_RULES = [("ph", "f"), ("th", "t"), ("kh", "k"), ("ch", "c"), ("x", "s"), ("z", "d"), ("j", "d"), ("w", "u"),
          ("y", "i"), ("ou", "u"), ("oo", "o"), ("ee", "i"), ("q", "k"), ("ck", "k")]
MATCH_SCORE = 90


def skeleton(name: str) -> str:
    s = re.sub(r"[^a-z]", "", fold(name))
    for a, b in _RULES:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def same_person(a: str, b: str, country_a: str | None = None, country_b: str | None = None) -> bool:
    if country_a and country_b and country_a != country_b:
        return False
    if fold(a) == fold(b):
        return True
    initials_a = {w[0].lower() for w in a.split()[1:-1] if re.fullmatch(r"[A-Z]\.?", w)}
    initials_b = {w[0].lower() for w in b.split()[1:-1] if re.fullmatch(r"[A-Z]\.?", w)}
    if initials_a != initials_b and (initials_a or initials_b):
        return False        # George H. W. Bush and George W. Bush, George Bush and George W. Bush: two people
    from ..extract.names import is_foreign_token
    if not any(is_foreign_token(w) for w in a.split()) and not any(is_foreign_token(w) for w in b.split()):
        # Vietnamese names differ by one syllable between different people (Văn An / Văn Anh)
        return re.sub(r"[^a-z]", "", fold(a)) == re.sub(r"[^a-z]", "", fold(b))
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb or min(len(sa), len(sb)) < 6:
        return False
    return fuzz.ratio(sa, sb) >= MATCH_SCORE
