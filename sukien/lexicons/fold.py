"""Folding for comparison: no diacritics, đ -> d, lower case, single spaces; and a lower case that keeps offsets."""
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)     # the same names and phrases are folded over and over
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D")
    return " ".join(text.lower().split())


def fold(text: str | None) -> str:
    return _fold(text or "") if text is None or len(text) < 400 else _fold.__wrapped__(text)


def lower_keeping_offsets(text: str) -> str:
    """Lower case of the same length, so offsets into it are offsets into `text` ('İ'.lower() is two
    characters: such a letter stays as it is). Patterns then run without the slower (?i)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
