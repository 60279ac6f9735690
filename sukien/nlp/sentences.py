"""Sentence segmentation with exact offsets (a Sentence is a Span of the article text).

Own rules rather than underthesea's sent_tokenize: it returns strings, not offsets, and splits after
initials such as "A. Tamugi". Splits at . ! ? … followed by space and a capital, a quote or a digit.
"""
from __future__ import annotations

import re

from ..model import Article, Sentence, Span

# … or a bullet ("… chuyến thăm. * Cùng ngày, …", "… . - Khi …"): the bullet starts the next sentence
_BOUNDARY = re.compile(r"(?<=[.!?…])['\"”’)]*\s+(?=[\"“(]?[^\W\d_a-zđà-ỹ])|(?<=[.!?…])['\"”’)]*\s+(?=\d)"
                       r"|(?<=[.!?…])['\"”’)]*\s+(?=[*•+-]\s+[^\W\d_a-zđà-ỹ])")
_NO_SPLIT_BEFORE = re.compile(r"(?:\b[A-ZĐ]|\bTP|\bTp|\bSt|\bMr|\bDr|\bThS|\bTS|\bPGS|\bGS|\bNxb)\.$")
# The run-on glue of some crawls: "…Trưởng đoàn.Sau khi…" — a period between a lower-case and an upper-case letter.
_GLUED = re.compile(r"(?<=[a-zà-ỹđ)])\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹ])")


def _split_paragraph(text: str, start: int, end: int) -> list[Span]:
    spans, cur = [], start
    chunk = text[start:end]
    cuts = []
    for m in _BOUNDARY.finditer(chunk):
        if _NO_SPLIT_BEFORE.search(chunk[max(0, m.start() - 12):m.start()]):   # only the word before the stop
            continue
        cuts.append((m.start(), m.end()))
    for m in _GLUED.finditer(chunk):
        cuts.append((m.start() + 1, m.start() + 1))
    for a, b in sorted(cuts):
        if start + a > cur:
            spans.append(Span(cur, start + a))
        cur = start + b
    if cur < end:
        spans.append(Span(cur, end))
    out = []
    for s in spans:
        seg = text[s.start:s.end]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if seg.strip():
            out.append(Span(s.start + lead, s.end - trail))
    return out


def split_sentences(article: Article) -> list[Sentence]:
    sentences = []
    for index, para in enumerate(article.paragraphs):
        is_title = article.title is not None and para == article.title
        for span in _split_paragraph(article.text, para.start, para.end):
            sentences.append(Sentence(span, index, is_title))
    return sentences
