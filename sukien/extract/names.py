"""What a person's name looks like: Vietnamese syllable shapes, surnames, foreign names in Latin script."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import read_tsv
from ..lexicons.fold import fold
from ..lexicons.syllable import is_vietnamese_syllable

@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("surnames.tsv"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("stopwords.tsv"))


def is_foreign_token(token: str) -> bool:
    """A token that cannot be one Vietnamese syllable: Thongloun, Putin, Jae-in, A.Méc-ken."""
    parts = [p for p in re.split(r"[-.’']", token) if p]
    if len(parts) > 1:
        return True
    return not is_vietnamese_syllable(token)


def looks_like_name(tokens: list[str]) -> bool:
    """An untitled capitalised run that is a person's name on its own."""
    if len(tokens) < 2 or len(tokens) > 6:
        return False
    if tokens[0] in surnames() and len(tokens) <= 4 and all(not is_foreign_token(t) for t in tokens):
        return True
    return any(is_foreign_token(t) for t in tokens) and sum(is_foreign_token(t) for t in tokens) >= len(tokens) - 1


# Words that end company and organization names written in Latin script ("Murphy Oil", "General Electric").
ORG_WORDS = {"Oil", "Electric", "Electrics", "Group", "Corporation", "Corp", "Inc", "Company", "Co", "Bank", "Airlines",
             "Airways", "Motors", "Energy", "Holdings", "Capital", "Foundation", "Institute", "University", "Ltd",
             "Limited", "Systems", "Technologies", "Partners", "Fund", "Airbus", "Boeing", "Exxon", "Mobil", "Fleet",
             "Agency", "Association", "Council", "Forum", "Summit", "Daily", "Times", "Post", "News", "Press"}


def looks_like_organization(tokens: list[str]) -> bool:
    return any(t in ORG_WORDS for t in tokens)
