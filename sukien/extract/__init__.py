"""Extract: actor mentions and events from a cleaned article."""
from __future__ import annotations

from ..model import Article, Event, Mention


def extract_article(article: Article) -> tuple[list[Mention], list[Event]]:
    from .events import extract_events
    return extract_events(article)
