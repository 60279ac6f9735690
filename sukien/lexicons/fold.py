"""Folding for comparison: no diacritics, đ -> d, lower case, single spaces."""
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
