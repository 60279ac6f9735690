"""Analyse: sentences and words with exact offsets into the cleaned text."""
from .sentences import split_sentences  # noqa: F401
