"""Typed data model. One `Article` owns the cleaned text; everything else holds offsets into it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """A [start, end) range of characters in the owning article's cleaned text."""
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass
class RawDocument:
    """What a reader found: the raw text plus whatever metadata the container carried."""
    key: str                      # file name, JSONL id/url, or FILE:LINE
    source: str                   # where it came from (path, path:line, "-")
    raw_text: str
    kind: str = "text"            # text | html | jsonl
    title: str | None = None
    pub_date: date | None = None
    url: str | None = None
    outlet: str | None = None
    prepared_text: str | None = None   # body text already extracted from HTML (trafilatura)


@dataclass
class Removed:
    kind: str      # hotline, breadcrumb, related, tags, byline, caption, endmark, dateline, outlet
    text: str


@dataclass
class Article:
    """A cleaned document. `text` is the only text later steps read; spans point into it."""
    key: str
    source: str
    raw_text: str
    text: str
    paragraphs: list[Span]
    title: Span | None = None
    lead: Span | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    outlet: str | None = None
    pub_date: date | None = None
    url: str | None = None
    _raw_map: object = field(default=None, repr=False, compare=False)

    def raw_offset(self, offset: int) -> int | None:
        """Where the character at `offset` of `text` is in `raw_text` (None for what cleaning made: a title
        from metadata, a space put in). Computed on first use (clean/align.py)."""
        if self._raw_map is None:
            from .clean.align import align
            self._raw_map = align(self.text, self.raw_text, self.paragraphs, self.title)
        return self._raw_map.raw_offset(offset)

    def span_text(self, span: Span | None) -> str | None:
        return span.of(self.text) if span else None

    @property
    def title_text(self) -> str | None:
        return self.span_text(self.title)

    @property
    def lead_text(self) -> str | None:
        return self.span_text(self.lead)


@dataclass
class Sentence:
    span: Span
    paragraph: int
    is_title: bool = False


@dataclass
class Actor:
    """One side of an event, in the contract's shape."""
    name: str | None
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    org: str | None = None

    def as_json(self) -> dict:
        return {"name": self.name, "titles": list(self.titles), "country": self.country, "org": self.org}

    def key(self) -> str:
        return self.name or self.org or self.country or ""


@dataclass
class Mention:
    """A person (or organization/country) mention with the titles the text gives it."""
    span: Span                    # the name itself
    name: str | None
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    org: str | None = None
    kind: str = "person"          # person | org | country
    full_span: Span | None = None  # titles + name
    sector: str | None = None
    via: str = "explicit"         # explicit | coref
    sentence: Span | None = None  # the sentence that holds the mention

    def actor(self) -> Actor:
        return Actor(self.name, list(self.titles), self.country, self.org)


@dataclass
class Event:
    doc: str
    type: str
    cameo: str | None
    plover: str | None
    source: Actor
    target: Actor | None
    date_start: str | None
    date_end: str | None
    date_precision: str
    date_text: str | None
    location: dict | None
    modality: str
    sentence: str
    char_start: int
    char_end: int
    confidence: float
    cue: str = ""
    signals: str = ""          # what supports the event (named sides, own date, coreference): calibration key
    instrument: str | None = None   # what a signing signed ("bản ghi nhớ", "ý định thư"): two of them are two signings
    framework: str | None = None    # RELATIONSHIP: the framework as written ("Đối tác chiến lược toàn diện")
    action: str | None = None       # RELATIONSHIP: establish | upgrade
    framework_level: int | None = None   # RELATIONSHIP: its step on the ladder of lexicons/frameworks.yaml

    def as_json(self) -> dict:
        return {
            "doc": self.doc, "type": self.type, "cameo": self.cameo, "plover": self.plover,
            "source": self.source.as_json(),
            "target": self.target.as_json() if self.target else {"name": None, "titles": [], "country": None, "org": None},
            "date_start": self.date_start, "date_end": self.date_end,
            "date_precision": self.date_precision, "date_text": self.date_text,
            "location": self.location, "modality": self.modality,
            "sentence": self.sentence, "char_start": self.char_start, "char_end": self.char_end,
            "confidence": round(self.confidence, 3),
        } | ({"framework": self.framework, "action": self.action, "framework_level": self.framework_level}
             if self.type == "RELATIONSHIP" else {})
