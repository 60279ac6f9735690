"""Folding for comparison: no diacritics, đ -> d, lower case, single spaces."""
import unicodedata


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D")
    return " ".join(text.lower().split())
