"""Read-side queries over the store: events with filters, actors, an actor's role timeline."""
from __future__ import annotations

import json

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from ..lexicons.fold import fold
from ..resolve.actors import same_person
from . import schema as S


def list_events(store, actor: str | None = None, country: str | None = None, type_: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 200) -> list[dict]:
    src, tgt = aliased(S.actors), aliased(S.actors)
    q = (select(S.events, src.c.name.label("source_name"), tgt.c.name.label("target_name"))
         .join(src, src.c.id == S.events.c.source_actor_id, isouter=True)
         .join(tgt, tgt.c.id == S.events.c.target_actor_id, isouter=True))
    if actor:
        ids = [a["id"] for a in find_actors(store, actor)]
        q = q.where(or_(S.events.c.source_actor_id.in_(ids), S.events.c.target_actor_id.in_(ids)))
    if country:
        codes = [c.strip().upper() for c in country.split("-")]
        for code in codes:
            q = q.where(or_(S.events.c.source_country == code, S.events.c.target_country == code))
    if type_:
        q = q.where(S.events.c.type == type_.upper())
    if since:
        q = q.where(S.events.c.date_start >= since)
    if until:
        q = q.where(S.events.c.date_start <= until)
    q = q.order_by(S.events.c.date_start.desc().nulls_last(), S.events.c.id).limit(limit)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        for r in rows:
            r["source"] = json.loads(r.pop("source_json"))
            r["target"] = json.loads(r.pop("target_json") or "null")
            r["sources"] = [dict(s._mapping) for s in conn.execute(
                select(S.event_sources.c.document_id, S.documents.c.doc_key, S.documents.c.outlet,
                       S.documents.c.url, S.event_sources.c.sentence)
                .join(S.documents, S.documents.c.id == S.event_sources.c.document_id)
                .where(S.event_sources.c.event_id == r["id"]))]
    return rows


def find_actors(store, name: str) -> list[dict]:
    """Actors whose name or alias matches: exact fold first, then containment, then the same person."""
    folded = fold(name)
    with store.engine.connect() as conn:
        rows = conn.execute(select(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country,
                                   S.actor_aliases.c.folded)
                            .join(S.actor_aliases, S.actor_aliases.c.actor_id == S.actors.c.id)).all()
    exact = {r.id: r for r in rows if r.folded == folded}
    if not exact:
        exact = {r.id: r for r in rows if folded and folded in r.folded}
    if not exact:
        exact = {r.id: r for r in rows if r.kind == "person" and same_person(name, r.name)}
    return [{"id": r.id, "name": r.name, "kind": r.kind, "country": r.country} for r in exact.values()]


def list_actors(store, kind: str | None = "person", limit: int = 200) -> list[dict]:
    mentions = func.count(S.observations.c.id).label("mentions")
    q = (select(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country, mentions)
         .join(S.observations, S.observations.c.actor_id == S.actors.c.id, isouter=True)
         .group_by(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country)
         .order_by(mentions.desc(), S.actors.c.name).limit(limit))
    if kind:
        q = q.where(S.actors.c.kind == kind)
    with store.engine.connect() as conn:
        out = [dict(r._mapping) for r in conn.execute(q)]
    for a in out:
        timeline = actor_timeline(store, a["id"])
        a["current_titles"] = [t["title"] for t in timeline if t["last_seen"] == max((x["last_seen"] or "") for x in timeline)][:3] \
            if timeline else []
    return out


def actor_timeline(store, actor_id: int) -> list[dict]:
    """First and last seen per title, with the evidence sentence of the first observation."""
    q = (select(S.observations, S.documents.c.doc_key, S.documents.c.clean_text, S.documents.c.pub_date)
         .join(S.documents, S.documents.c.id == S.observations.c.document_id)
         .where(S.observations.c.actor_id == actor_id).order_by(S.observations.c.obs_date.nulls_last(), S.observations.c.id))
    per_title: dict[str, dict] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            for title in json.loads(r.titles or "[]"):
                key = fold(title)
                when = r.obs_date.isoformat() if r.obs_date else None
                entry = per_title.get(key)
                if entry is None:
                    per_title[key] = {"title": title, "country": r.country, "first_seen": when, "last_seen": when,
                                      "documents": {r.doc_key}, "evidence": r.clean_text[r.sent_start:r.sent_end],
                                      "evidence_doc": r.doc_key}
                else:
                    entry["documents"].add(r.doc_key)
                    if when and (entry["first_seen"] is None or when < entry["first_seen"]):
                        entry["first_seen"] = when
                    if when and (entry["last_seen"] is None or when > entry["last_seen"]):
                        entry["last_seen"] = when
    out = []
    for e in per_title.values():
        e["documents"] = len(e["documents"])
        out.append(e)
    return sorted(out, key=lambda e: (e["first_seen"] or "9999", e["title"]))
