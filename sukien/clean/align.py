"""Where each character of the cleaned text came from in the raw text.

Cleaning keeps the article's characters in order and only drops (furniture, captions, markup entities),
normalises (NFC, tone-mark placement, spaces) or inserts (paragraph breaks, re-spacing). So the cleaned
text is aligned to the raw text by walking both at once, comparing characters folded to their base letter;
where they part, the next stretch of cleaned text is searched for further on in the raw text. Runs that
align become segments (clean start, raw start, length); a character inside none of them (a title taken
from metadata, an inserted space) maps to nothing.

The raw text may be NFD (decomposed) where the cleaned one is NFC: raw characters are read as clusters of
a base character and its combining marks, each cluster one character of the alignment.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

RESYNC = 16          # characters of cleaned text searched for when the two texts part
MIN_RUN = 8          # equal characters that must follow a jump ahead in the raw text


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[:1].lower()
    return "d" if base == "đ" else base


def _folded(text: str) -> tuple[str, list[int]]:
    """The text folded one cluster (base + combining marks) per character, without white space (cleaning
    makes, moves and removes spaces: they say nothing about where a character came from), and the offset in
    `text` of each folded character."""
    folded, starts = [], []
    for i, ch in enumerate(text):
        if (unicodedata.combining(ch) and starts) or ch.isspace():
            continue
        folded.append(_fold_char(ch))
        starts.append(i)
    return "".join(folded), starts


@dataclass
class RawMap:
    segments: list[tuple[int, int, int]]      # (clean offset, raw offset, length) of runs that align, ascending

    def raw_offset(self, clean_offset: int) -> int | None:
        k = bisect_right(self.segments, (clean_offset, float("inf"), 0)) - 1
        if k < 0:
            return None
        start, raw_start, length = self.segments[k]
        return raw_start + clean_offset - start if clean_offset < start + length else None

    def coverage(self, clean_text: str) -> float:
        """Share of the cleaned text's non-space characters that map to the raw text."""
        mapped = sum(1 for i, ch in enumerate(clean_text) if not ch.isspace() and self.raw_offset(i) is not None)
        return mapped / max(1, sum(1 for ch in clean_text if not ch.isspace()))


def align(clean_text: str, raw_text: str, paragraphs: list | None = None, title=None) -> RawMap:
    """Align paragraph by paragraph (spans of `clean_text`); the title may come from metadata or repeat a
    line of the body, so it never moves the point the body is searched from."""
    raw, raw_at = _folded(raw_text)
    clean, clean_at = _folded(clean_text)
    folded_index = {offset: k for k, offset in enumerate(clean_at)}
    spans = paragraphs or [type("S", (), {"start": 0, "end": len(clean_text)})()]
    matched: list[tuple[int, int]] = []
    j = 0
    for span in spans:
        lo = _folded_position(folded_index, clean_at, span.start)
        hi = _folded_position(folded_index, clean_at, span.end)
        pairs, end = _walk(clean, raw, lo, hi, j)
        matched += pairs
        if span is not title:
            j = end
    return RawMap(_segments([(clean_at[a], raw_at[b]) for a, b in sorted(matched)]))


def _folded_position(folded_index: dict[int, int], clean_at: list[int], offset: int) -> int:
    while offset not in folded_index and offset < (clean_at[-1] if clean_at else 0):
        offset += 1                               # a span starting on a space starts at its next letter
    return folded_index.get(offset, len(clean_at))


def _walk(clean: str, raw: str, i: int, end: int, j: int) -> tuple[list[tuple[int, int]], int]:
    """Equal characters of clean[i:end] and raw[j:], in order; a jump ahead in the raw text counts only when
    a run of MIN_RUN characters follows it (a few words of a title occur anywhere in the body)."""
    matched: list[tuple[int, int]] = []
    while i < end:
        found = raw.find(clean[i:min(end, i + RESYNC)], j)
        if found < 0:
            i += 1                                # a character cleaning made (a title from metadata)
            continue
        run, i2, j2 = [], i, found
        while i2 < end and j2 < len(raw) and clean[i2] == raw[j2]:
            run.append((i2, j2))
            i2, j2 = i2 + 1, j2 + 1
        if len(run) < MIN_RUN and i2 < end:
            i += 1
            continue
        matched += run
        i, j = i2, j2
    return matched, j


def _segments(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Runs of consecutive offsets on both sides (one raw character per cleaned one) as segments."""
    segments: list[list[int]] = []
    for a, b in pairs:
        if segments and a == segments[-1][0] + segments[-1][2] and b == segments[-1][1] + segments[-1][2]:
            segments[-1][2] += 1
        else:
            segments.append([a, b, 1])
    return [tuple(s) for s in segments]
