"""What a person's name looks like: Vietnamese syllable shapes, surnames, foreign names in Latin script."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import read_tsv
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


@lru_cache(maxsize=1)
def _not_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rows = read_tsv("not_names.tsv")
    return (frozenset(r[0] for r in rows if r[1] == "org_word"), frozenset(r[0] for r in rows if r[1] == "opener"),
            frozenset(r[0] for r in read_tsv("brands.tsv")))


@lru_cache(maxsize=1)
def org_head_sectors() -> dict[str, str]:
    """The nouns that open a body's name ("Tập đoàn", "Phòng Thương mại") and the sector of such a body."""
    return {r[0]: r[1] for r in read_tsv("org_heads.tsv")}


@lru_cache(maxsize=1)
def described_heads() -> frozenset[str]:
    """Heads that words may describe before the body's name ("tập đoàn dầu khí Shell")."""
    return frozenset(r[0] for r in read_tsv("org_heads.tsv") if len(r) > 2 and r[2] == "y")


@lru_cache(maxsize=1)
def org_heads() -> tuple[str, ...]:
    """First words of a body's name, longest first."""
    return tuple(sorted(org_head_sectors(), key=len, reverse=True))


def org_head(name: str) -> str | None:
    """The head a body's name opens with, as org_heads.tsv writes it ("tập đoàn Boeing" -> "Tập đoàn")."""
    lowered = " ".join(name.split()).lower()
    for head in org_heads():
        if lowered.startswith(head.lower()) and (len(lowered) == len(head) or not lowered[len(head)].isalnum()):
            return head
    return None


def org_sector(name: str) -> str | None:
    """The sector of a body by the head its name opens with ("Tập đoàn Boeing" -> BUS), None if it has none."""
    head = org_head(name)
    return org_head_sectors()[head] if head is not None else None


@lru_cache(maxsize=1)
def name_prefixes() -> frozenset[str]:
    """Words of a trade written before a name ("YouTuber", "TikToker"), never part of it."""
    return frozenset(r[0] for r in read_tsv("not_names.tsv") if r[1] == "prefix")


def looks_like_organization(tokens: list[str], firm_first: bool = False) -> bool:
    """A body, team, contest, venue, work or product rather than a person (lexicons/not_names.tsv, brands.tsv):
    a word that names one anywhere ("Champions League", "Old Trafford"), an opener ("Sở Giáo dục", "The
    Coffee House"), a maker's name first ("Toyota Supra") unless a firm is expected there (`firm_first`: "Chủ tịch
    tập đoàn Samsung Lee Jae-yong"), or a digit ("Galaxy Z Fold7", "Mazda CX-8")."""
    org_words, openers, brands = _not_names()
    if any(t in org_words for t in tokens) or any(c.isdigit() for t in tokens for c in t):
        return True
    heads = set(org_heads())
    return tokens[0] in openers or " ".join(tokens[:2]) in openers or tokens[0] in heads or \
        " ".join(tokens[:2]) in heads or (tokens[0] in brands and not firm_first)
