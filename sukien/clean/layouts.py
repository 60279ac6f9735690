"""Per-outlet crawl layouts (lexicons/layouts.yaml): the teasers, promotion boxes and trailing leads a
crawler saved inside a record's text, cut off before cleaning and kept as furniture."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..lexicons import load_yaml
from ..model import Removed, RawDocument
from . import furniture as F


@dataclass(frozen=True)
class Layout:
    name: str
    outlets: frozenset[str]
    hosts: tuple[str, ...]
    rules: dict


@lru_cache(maxsize=1)
def _layouts() -> tuple[re.Pattern, tuple[Layout, ...], frozenset[str]]:
    data = load_yaml("layouts.yaml")
    layouts = tuple(Layout(row["name"], frozenset(o.lower() for o in row.get("outlets", [])),
                           tuple(row.get("hosts", [])),
                           {k: v for k, v in row.items() if k not in ("name", "outlets", "hosts")})
                    for row in data["layouts"])
    return re.compile(data["block_separator"]), layouts, frozenset(data["kinds"])


def layout_for(doc: RawDocument) -> Layout | None:
    _, layouts, kinds = _layouts()
    if doc.kind not in kinds:
        return None
    host = (urlsplit(doc.url).hostname or "") if doc.url else ""
    outlet = (doc.outlet or "").lower()
    for layout in layouts:
        if outlet in layout.outlets or (host and host.endswith(layout.hosts)):
            return layout
    return None


def _sentence_starts(text: str) -> list[int]:
    """Where sentences start; an initial ("Marc E. Knapper") is not a sentence end."""
    starts = [0]
    for m in F.SENTENCE_END.finditer(text):
        if re.search(r"(?:^|\s)[A-ZĐ]\.$", text[:m.start() + 1]):
            continue
        starts.append(m.end())
    return starts


class _Cutter:
    def __init__(self, text: str, layout: Layout):
        self.text = text
        self.layout = layout
        self.removed: list[Removed] = []
        separator = _layouts()[0]
        self.blocks = [m.end() for m in separator.finditer(text)]     # where each later block starts

    def cut_from(self, start: int, kind: str, pieces: list[tuple[int, int]] | None = None) -> None:
        for a, b in pieces or [(start, len(self.text))]:
            if self.text[a:b].strip():
                self.removed.append(Removed(kind, self.text[a:b].strip()))
        self.text = self.text[:start].rstrip()
        self.blocks = [b for b in self.blocks if b < start]

    def trailing_teasers(self, rule: dict) -> None:
        first, end = None, len(self.text)
        for start in reversed(self.blocks[-rule["max_blocks"]:]):
            if end - start > rule["max_chars"]:
                break
            first, end = start, start
        if first is not None:
            bounds = [b for b in self.blocks if b >= first] + [len(self.text)]
            self.cut_from(first, "related", list(zip(bounds, bounds[1:])))

    def book_box(self, rule: dict) -> None:
        window = max(0, len(self.text) - rule["within_chars"])
        heads = tuple(rule["heads"])
        for start in _sentence_starts(self.text):
            if start >= window and self.text.startswith(heads, start):
                self.cut_from(start, "promo")
                return

    def head_caption(self, rule: dict) -> None:
        m = F.CAPTION_RUN_IN.search(self.text, 0, rule["within_chars"])
        if not m or len(_sentence_starts(self.text[:m.start()])) > rule["max_sentences"]:
            return
        self.removed.append(Removed("caption", self.text[:m.end()].strip()))
        self.text = self.text[m.end():].lstrip(" .")
        self.blocks = [b - m.end() for b in self.blocks if b > m.end()]

    def trailing_lead(self, rule: dict) -> None:
        starts = _sentence_starts(self.text)
        if len(starts) < rule["min_body_sentences"]:
            return
        start = max(starts[-1], self.blocks[-1] if self.blocks else 0)
        for m in F.CAPTION_RUN_IN.finditer(self.text, start):
            start = m.end()                    # captions run into the lead: it starts after the last credit
        while start < len(self.text) and self.text[start] in " -–":
            start += 1
        if 0 < len(self.text) - start <= rule["max_chars"]:
            self.cut_from(start, "related")


def apply_layout(doc: RawDocument, text: str) -> tuple[str, list[Removed]]:
    """The record's text without what its outlet's layout says is not the article, and what was cut."""
    layout = layout_for(doc)
    if layout is None:
        return text, []
    cutter = _Cutter(unicodedata.normalize("NFC", text), layout)
    for name in ("trailing_teasers", "book_box", "trailing_lead", "head_caption"):   # the tail first, inwards
        if name in layout.rules:
            getattr(cutter, name)(layout.rules[name])
    return cutter.text, cutter.removed
