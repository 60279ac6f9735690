"""Events in the store: reports of the same event from several documents are merged into one event
(same type, same sides, overlapping dates), each document kept as a source (GDELT's NumSources/NumArticles)."""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, or_, and_, select

from ..extract.sectors import channel_of
from ..model import Event
from . import schema as S
from . import search
from .actors import actor_id

SYMMETRIC = {"TALKS", "MEETING", "PHONE_CALL", "SIGN_AGREEMENT", "RELATIONSHIP"}


def rank_of(*sides) -> int | None:
    """Highest rank (lowest number, titles.tsv) among the titles of the sides; None when no title is known."""
    from ..lexicons.index import lexicon
    lex = lexicon()
    ranks = []
    for side in sides:
        for t in (side or {}).get("titles") or []:
            title = lex.office(t)
            if title is not None:
                ranks.append(title.rank)
    return min(ranks) if ranks else None


def pair_key(a: str | None, b: str | None) -> str | None:
    return "-".join(sorted((a, b))) if a and b else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    a_end, b_end = a_end or a_start, b_end or b_start
    return a_start <= b_end and b_start <= a_end


MODALITY_ORDER = {"planned": 0, "ongoing": 1, "occurred": 2}
NEAR_DAYS = 45      # an undated report of a visit and a dated one are the same visit within this many days


def _reported_on(conn, event_id: int) -> date | None:
    """The earliest publication day of the documents reporting an event."""
    return conn.execute(select(func.min(S.documents.c.pub_date))
                        .select_from(S.event_sources.join(S.documents, S.documents.c.id == S.event_sources.c.document_id))
                        .where(S.event_sources.c.event_id == event_id)).scalar()


def _near(day: date | None, other: date | None) -> bool:
    return day is None or other is None or abs((day - other).days) <= NEAR_DAYS


def find_same_event(conn, ev: Event, src_id: int | None, tgt_id: int | None, pub: date | None = None) -> int | None:
    pairs = [(src_id, tgt_id)] + ([(tgt_id, src_id)] if ev.type in SYMMETRIC else [])
    cond = or_(*[and_(S.events.c.source_actor_id == a if a else S.events.c.source_actor_id.is_(None),
                      S.events.c.target_actor_id == b if b else S.events.c.target_actor_id.is_(None)) for a, b in pairs])
    if ev.type == "RELATIONSHIP":
        return _same_step(conn, ev, cond)
    rows = conn.execute(select(S.events.c.id, S.events.c.date_start, S.events.c.date_end, S.events.c.instrument)
                        .where(S.events.c.type == ev.type, cond).order_by(S.events.c.id)).all()
    start, end = _d(ev.date_start), _d(ev.date_end)
    for rid, r_start, r_end, r_instrument in rows:
        if ev.instrument and r_instrument and ev.instrument != r_instrument:
            continue        # a memorandum and a letter of intent signed the same day are two signings
        if start and r_start:
            if _overlap(start, end, r_start, r_end):
                return rid
        elif not start and not r_start:
            return rid
        elif ev.type == "VISIT":
            # one report dated, the other not: the same visit only when the dated day is near the day the
            # undated one was published (Tô Lâm's visits to Laos of 2024 and of 2026 stay two events)
            if start and _near(start, _reported_on(conn, rid)):
                return rid
            if r_start and _near(r_start, pub):
                return rid
    return None


def _same_step(conn, ev: Event, pair_condition) -> int | None:
    """Reports of one step of a pair's ladder: the same level, dated in the same year or undated in one of them.
    Reports that disagree on the year stay two steps (the store keeps both; the newest report is read first)."""
    rows = conn.execute(select(S.events.c.id, S.events.c.date_start)
                        .where(S.events.c.type == "RELATIONSHIP", S.events.c.framework_level == ev.framework_level,
                               pair_condition).order_by(S.events.c.id)).all()
    start = _d(ev.date_start)
    for rid, r_start in rows:
        if start is None or r_start is None or start.year == r_start.year:
            return rid
    return None


def store_events(conn, doc_id: int, processed, only_add_sources: bool = False) -> int:
    n = 0
    for ev in processed.events:
        src_id = actor_id(conn, ev.source)
        tgt_id = actor_id(conn, ev.target)
        source_json, target_json = ev.source.as_json(), ev.target.as_json() if ev.target else None
        existing = find_same_event(conn, ev, src_id, tgt_id, processed.article.pub_date)
        if existing is None and only_add_sources:
            continue
        if existing is None:
            existing = conn.execute(S.events.insert().values(
                type=ev.type, cameo=ev.cameo, plover=ev.plover, source_actor_id=src_id, target_actor_id=tgt_id,
                source_json=json.dumps(source_json, ensure_ascii=False),
                target_json=json.dumps(target_json, ensure_ascii=False),
                source_country=ev.source.country, target_country=ev.target.country if ev.target else None,
                date_start=_d(ev.date_start), date_end=_d(ev.date_end), date_precision=ev.date_precision,
                date_text=ev.date_text, location_name=(ev.location or {}).get("name"),
                location_country=(ev.location or {}).get("country"), modality=ev.modality,
                confidence=ev.confidence, num_sources=0, num_articles=0,
                max_rank=rank_of(source_json, target_json),
                instrument=ev.instrument, framework=ev.framework, framework_level=ev.framework_level, action=ev.action,
                channel=channel_of(source_json, target_json),
                pair_key=pair_key(ev.source.country, ev.target.country if ev.target else None))).inserted_primary_key[0]
        already = conn.execute(select(func.count()).select_from(S.event_sources).where(
            S.event_sources.c.event_id == existing, S.event_sources.c.document_id == doc_id)).scalar()
        if already:
            continue
        conn.execute(S.event_sources.insert().values(event_id=existing, document_id=doc_id, sentence=ev.sentence,
                                                     char_start=ev.char_start, char_end=ev.char_end,
                                                     confidence=ev.confidence))
        search.add(conn, "evidence", existing, ev.sentence)
        outlets = conn.execute(select(func.count(func.distinct(func.coalesce(S.documents.c.outlet, S.documents.c.doc_key))))
                               .select_from(S.event_sources.join(S.documents, S.documents.c.id == S.event_sources.c.document_id))
                               .where(S.event_sources.c.event_id == existing)).scalar()
        articles = conn.execute(select(func.count()).select_from(S.event_sources)
                                .where(S.event_sources.c.event_id == existing)).scalar()
        values = dict(num_sources=outlets, num_articles=articles)
        current = conn.execute(select(S.events.c.date_start, S.events.c.confidence, S.events.c.modality)
                               .where(S.events.c.id == existing)).first()
        # the status is the furthest any report gives: announced, then under way, then done
        if MODALITY_ORDER.get(ev.modality, 0) > MODALITY_ORDER.get(current.modality, 0):
            values["modality"] = ev.modality
        if current.date_start is None and ev.date_start:
            values.update(date_start=_d(ev.date_start), date_end=_d(ev.date_end), date_precision=ev.date_precision,
                          date_text=ev.date_text)
        values["confidence"] = max(current.confidence, ev.confidence)
        conn.execute(S.events.update().where(S.events.c.id == existing).values(**values))
        n += 1
    return n
