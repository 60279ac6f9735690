"""Word segmentation with underthesea's offline CRF model, aligned to exact offsets in the article text.

underthesea glues a name to the verb after it ("Tô_Lâm_tiếp", "Tô_Lâm_hội_đàm"); `repair_glue` splits a
word whose capitalised syllables are followed by lower-case ones into the name and the rest.
"""
from __future__ import annotations

import re

from ..model import Span

_SPACE = re.compile(r"\s+")


def _align(text: str, start: int, end: int, words: list[str]) -> list[Span]:
    """Map each segmented word back onto text[start:end]; spaces inside a word may be any whitespace."""
    spans, pos = [], start
    for word in words:
        syllables = word.split()
        if not syllables:
            continue
        first = text.find(syllables[0], pos, end)
        if first == -1:
            raise ValueError(f"cannot align {word!r} at {pos}")
        cur = first + len(syllables[0])
        for syl in syllables[1:]:
            m = _SPACE.match(text, cur)
            cur = m.end() if m else cur
            if not text.startswith(syl, cur):
                raise ValueError(f"cannot align {word!r} at {cur}")
            cur += len(syl)
        spans.append(Span(first, cur))
        pos = cur
    return spans


def repair_glue(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        syllables = list(re.finditer(r"\S+", text[span.start:span.end]))
        caps = [s.group(0)[:1].isupper() for s in syllables]
        # "Tô Lâm tiếp": capitalised run, then lower-case syllables -> two words
        if len(syllables) > 2 and caps[0] and caps[1] and not caps[-1]:
            cut = next(i for i, c in enumerate(caps) if not c)
            split_at = span.start + syllables[cut].start()
            name_end = span.start + syllables[cut - 1].end()
            out.append(Span(span.start, name_end))
            out.append(Span(split_at, span.end))
        else:
            out.append(span)
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Words of text[start:end] as spans of `text` (lossless: the text between spans is whitespace only)."""
    from underthesea import word_tokenize

    end = len(text) if end is None else end
    chunk = text[start:end]
    if not chunk.strip():
        return []
    return repair_glue(text, _align(text, start, end, word_tokenize(chunk)))
