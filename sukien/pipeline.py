"""The visible pipeline: ingest -> clean -> analyse -> extract -> resolve -> store.

Each step is a plain function; `process` runs the per-document steps, `ingest` adds the store.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .clean import clean
from .clean.language import not_vietnamese_reason
from .errors import InputError, SkippedDocument
from .ingest import ReadResult, iter_documents
from .model import Article, Event, Mention, RawDocument


@dataclass
class Processed:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def analyse_and_extract(article: Article) -> tuple[list[Mention], list[Event]]:
    from .extract import extract_article   # the NLP models load on first use
    return extract_article(article)


def process(raw: RawDocument, extract: bool = True) -> Processed:
    article = clean(raw)
    if not article.text.strip():
        raise InputError(raw.source, "no article text left after removing page furniture")
    if reason := not_vietnamese_reason(article.text):
        raise SkippedDocument(raw.source, reason)
    if not extract:
        return Processed(article)
    mentions, events = analyse_and_extract(article)
    return Processed(article, mentions, events)


def process_all(inputs: Iterable[str], extract: bool = True,
                columns: dict[str, str] | None = None) -> Iterator[tuple[ReadResult, Processed | None]]:
    """Read and process every document; an error in one document is yielded, never raised (a record skipped
    with its reason comes as a `SkippedDocument` error)."""
    for result in iter_documents(inputs, columns):
        if result.skipped:
            result = ReadResult(error=SkippedDocument(*result.skipped))
        if result.error:
            yield result, None
            continue
        try:
            yield result, process(result.doc, extract)
        except InputError as exc:
            yield ReadResult(error=exc), None


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    skip_reasons: Counter = field(default_factory=Counter)   # reason -> records, for the summary line

    @property
    def ok(self) -> bool:
        return self.failed == 0


def ingest(inputs: Iterable[str], store, on_document: Callable[[str, str], None] | None = None,
           extract: bool = True, columns: dict[str, str] | None = None) -> IngestSummary:
    from .store.writer import write_extraction

    summary = IngestSummary()
    for result, processed in process_all(inputs, extract, columns):
        if isinstance(result.error, SkippedDocument):
            summary.skipped += 1
            summary.skip_reasons[result.error.reason] += 1
            if on_document:
                on_document(result.error.source, "skipped")
            continue
        if processed is None:
            err = result.error
            summary.failed += 1
            summary.errors.append(str(err))
            store.record_error(err.source, err.reason)
            if on_document:
                on_document(err.source, "failed")
            continue
        res = store.store_article(processed.article,
                                  writer=lambda conn, doc_id, dup_of: write_extraction(conn, doc_id, dup_of, processed))
        setattr(summary, res.status, getattr(summary, res.status) + 1)
        summary.events += res.extras.get("events", 0)
        if on_document:
            on_document(processed.article.source, res.status)
    return summary
