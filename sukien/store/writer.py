"""Writes what was extracted from one document, inside that document's transaction."""
from __future__ import annotations


def write_extraction(conn, doc_id: int, duplicate_of: int | None, processed) -> dict:
    """Mentions become observations of resolved actors; events are merged with reports already stored."""
    from .events import store_events
    from .actors import store_mentions

    if duplicate_of is not None:
        # A copy of a stored story adds its document as one more source of the same events.
        return {"events": store_events(conn, doc_id, processed, only_add_sources=True)}
    store_mentions(conn, doc_id, processed)
    return {"events": store_events(conn, doc_id, processed)}
