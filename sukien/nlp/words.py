"""Word segmentation with underthesea's offline CRF model, aligned to exact offsets in the article text.

underthesea glues a name to the verb after it ("Tô_Lâm_tiếp", "Tô_Lâm_hội_đàm"); `repair_glue` splits a
word whose capitalised syllables are followed by lower-case ones into the name and the rest.
"""
from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _pos_model():
    """underthesea's VLSP 2013 POS model on its compiled CRF (underthesea_core), shipped inside the package:
    nothing is downloaded, and it tags a window in well under a millisecond (pos_tag's Python features take
    several)."""
    from os.path import dirname, join

    import underthesea.pipeline.pos_tag as pos_package
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

    model = FastCRFSequenceTagger()
    model.load(join(dirname(pos_package.__file__), "models", "pos_crf_vlsp2013_20230303"))
    return model


def tagged_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[Span, str]]:
    """Words of text[start:end] with a part-of-speech tag (VLSP 2013 tag set: N, Np, V, A, E, Cc …), as spans
    of `text`. The text is segmented and tagged in lower case: on capitals the segmenter glues a name to the
    words around it ("và Công nghiệp Việt Nam", "Canh mở" as one word), in lower case it cuts where the words
    are. Words it cannot align back onto the text (it rewrites some quotes) leave the list empty."""
    from underthesea import word_tokenize

    from ..lexicons.fold import lower_keeping_offsets

    end = len(text) if end is None else end
    if not text[start:end].strip():
        return []
    lowered = lower_keeping_offsets(text[start:end])
    words = [w for w in word_tokenize(lowered) if w.split()]
    try:
        spans = _align(" " * start + lowered, start, end, words)
    except ValueError:
        return []
    tags = _pos_model().predict([[w] for w in words]) if words else []
    return list(zip(spans, (t[2:] if t.startswith(("B-", "I-")) else t for t in tags)))
