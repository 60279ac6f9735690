"""Read-side queries over the store: events with filters, actors and their role timelines, documents,
timelines with an engagement index, search. Parameterised SQLAlchemy Core only."""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, or_, select

from ..lexicons import load_yaml
from ..lexicons.fold import fold
from ..resolve.actors import same_person
from . import schema as S
from . import search as search_index

MAX_LIMIT = 500


def contains_pattern(text: str) -> str:
    """A LIKE pattern for 'contains `text`' in which % and _ are themselves, not wildcards ("actor=%" used to
    match every actor)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _limit(limit: int | None) -> int:
    return max(1, min(int(limit or 50), MAX_LIMIT))


def find_actors(store, name: str, fuzzy: bool = True) -> list[dict]:
    """Actors whose name or alias matches: exact fold first, then containment, then (fuzzy) the same person
    under another spelling ("Thoong-lun Xi-xu-lít")."""
    folded = fold(name)
    if not folded:
        return []
    cols = (S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country)
    base = select(*cols).join(S.actor_aliases, S.actor_aliases.c.actor_id == S.actors.c.id).distinct()
    with store.engine.connect() as conn:
        rows = conn.execute(base.where(S.actor_aliases.c.folded == folded)).all()
        if not rows:
            rows = conn.execute(base.where(S.actor_aliases.c.folded.like(contains_pattern(folded), escape="\\"))
                                .limit(50)).all()
        if not rows and fuzzy and 1 < len(folded.split()) <= 8:
            # only foreign names have spellings worth a fuzzy pass ("Thoong-lun Xi-xu-lít" ~ Thongloun Sisoulith)
            rows = [r for r in _foreign_people(store, conn) if same_person(name, r.name)]
    return [{"id": r.id, "name": r.name, "kind": r.kind, "country": r.country} for r in rows]


def _foreign_people(store, conn) -> list:
    """People with a foreign-shaped name, cached on the store until a new actor arrives."""
    from ..extract.names import is_foreign_token
    newest = conn.execute(select(func.max(S.actors.c.id))).scalar() or 0
    cached = getattr(store, "_foreign_people_cache", None)
    if cached is None or cached[0] != newest:
        people = conn.execute(select(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country)
                              .where(S.actors.c.kind == "person").order_by(S.actors.c.id)).all()
        cached = (newest, [r for r in people if any(is_foreign_token(w) for w in r.name.split())])
        store._foreign_people_cache = cached
    return cached[1]


def _event_filters(store, q, actor=None, country=None, type_=None, plover=None, modality=None, since=None,
                   until=None, outlet=None, text=None, actor_id=None, with_actor_id=None, channel=None):
    if actor_id is not None:
        q = q.where(or_(S.events.c.source_actor_id == actor_id, S.events.c.target_actor_id == actor_id))
    if with_actor_id is not None:
        q = q.where(or_(S.events.c.source_actor_id == with_actor_id, S.events.c.target_actor_id == with_actor_id))
    if actor:
        ids = [a["id"] for a in find_actors(store, actor)] or [-1]
        q = q.where(or_(S.events.c.source_actor_id.in_(ids), S.events.c.target_actor_id.in_(ids)))
    if country:
        codes = [c.strip().upper() for c in country.replace(",", "-").split("-") if c.strip()]
        if len(codes) == 2:
            q = q.where(S.events.c.pair_key == "-".join(sorted(codes)))
        elif codes:
            q = q.where(or_(S.events.c.source_country == codes[0], S.events.c.target_country == codes[0]))
    if type_:
        q = q.where(S.events.c.type == type_.upper())
    if plover:
        q = q.where(S.events.c.plover == plover.upper())
    if channel:
        q = q.where(S.events.c.channel == channel.lower())
    if modality:
        q = q.where(S.events.c.modality == modality.lower())
    if since:
        q = q.where(S.events.c.date_start >= date.fromisoformat(since))
    if until:
        q = q.where(S.events.c.date_start <= date.fromisoformat(until))
    if outlet:
        docs = select(S.event_sources.c.event_id).join(S.documents, S.documents.c.id == S.event_sources.c.document_id) \
            .where(func.lower(S.documents.c.outlet).like(contains_pattern(outlet.lower()), escape="\\"))
        q = q.where(S.events.c.id.in_(docs))
    if text:
        with store.engine.connect() as conn:
            ids = {r["ref_id"] for r in search_index.search(conn, text, kinds=["evidence"], limit=MAX_LIMIT * 4)}
        q = q.where(S.events.c.id.in_(list(ids) or [-1]))
    return q


def _event_rows(conn, rows) -> list[dict]:
    out = []
    for r in rows:
        r = dict(r._mapping)
        r["source"] = json.loads(r.pop("source_json"))
        r["target"] = json.loads(r.pop("target_json") or "null")
        for k in ("date_start", "date_end"):
            r[k] = r[k].isoformat() if r[k] else None
        r["sources"] = []
        out.append(r)
    by_id = {r["id"]: r for r in out}
    ids = list(by_id)
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for s in conn.execute(
                select(S.event_sources.c.event_id, S.event_sources.c.document_id, S.documents.c.doc_key,
                       S.documents.c.title, S.documents.c.outlet, S.documents.c.url, S.documents.c.pub_date,
                       S.event_sources.c.sentence, S.event_sources.c.char_start, S.event_sources.c.char_end)
                .join(S.documents, S.documents.c.id == S.event_sources.c.document_id)
                .where(S.event_sources.c.event_id.in_(chunk)).order_by(S.event_sources.c.document_id)):
            s = dict(s._mapping)
            s["pub_date"] = s["pub_date"].isoformat() if s["pub_date"] else None
            by_id[s.pop("event_id")]["sources"].append(s)
    return out


def _newest_first(store):
    # SQLite sorts NULL lowest (last in DESC) and can use the date index; PostgreSQL needs NULLS LAST
    if store.dialect == "postgresql":
        return (S.events.c.date_start.desc().nulls_last(), S.events.c.id.desc())
    return (S.events.c.date_start.desc(), S.events.c.id.desc())


def list_events(store, actor: str | None = None, country: str | None = None, type_: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 200, offset: int = 0,
                plover: str | None = None, modality: str | None = None, outlet: str | None = None,
                text: str | None = None, actor_id: int | None = None, with_actor_id: int | None = None,
                channel: str | None = None) -> list[dict]:
    q = select(S.events)
    q = _event_filters(store, q, actor, country, type_, plover, modality, since, until, outlet, text, actor_id,
                       with_actor_id, channel)
    q = q.order_by(*_newest_first(store)).limit(_limit(limit)).offset(max(0, offset))
    with store.engine.connect() as conn:
        return _event_rows(conn, conn.execute(q))


COUNT_CAP = 10_000


def count_events(store, cap: int | None = COUNT_CAP, **filters) -> int:
    """Number of matching events, counted up to `cap` (a page needs "more than 10,000", not the exact figure)."""
    inner = _event_filters(store, select(S.events.c.id), **filters)
    if cap:
        inner = inner.limit(cap)
    q = select(func.count()).select_from(inner.subquery())
    with store.engine.connect() as conn:
        return conn.execute(q).scalar()


def event(store, event_id: int) -> dict | None:
    with store.engine.connect() as conn:
        rows = _event_rows(conn, conn.execute(select(S.events).where(S.events.c.id == event_id)))
    return rows[0] if rows else None


def most_specific(titles: list[str]) -> list[str]:
    """"Bộ trưởng" says less than "Bộ trưởng Ngoại giao" held at the same time: keep the fuller one."""
    lowered = [" ".join(t.lower().split()) for t in titles]
    return [t for t, low in zip(titles, lowered)
            if not any(other != low and other.startswith(low + " ") for other in lowered)]


def list_actors(store, kind: str | None = "person", limit: int = 200, offset: int = 0, name: str | None = None) -> list[dict]:
    mentions = func.count(S.observations.c.id).label("mentions")
    q = (select(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country, mentions)
         .join(S.observations, S.observations.c.actor_id == S.actors.c.id, isouter=True)
         .group_by(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country)
         .order_by(mentions.desc(), S.actors.c.name).limit(_limit(limit)).offset(max(0, offset)))
    if kind:
        q = q.where(S.actors.c.kind == kind)
    if name:
        ids = [a["id"] for a in find_actors(store, name)] or [-1]
        q = q.where(S.actors.c.id.in_(ids))
    with store.engine.connect() as conn:
        out = [dict(r._mapping) for r in conn.execute(q)]
        current = _current_titles(conn, [a["id"] for a in out])
    for a in out:
        a["current_titles"] = current.get(a["id"], [])
    return out


def _titles_seen(entries: dict, title: str, when: str | None) -> dict:
    """First and last day a title was seen, its first spelling kept (observations arrive oldest first)."""
    key = fold(title)
    entry = entries.get(key)
    if entry is None:
        entry = entries[key] = {"title": title, "first_seen": when, "last_seen": when}
    else:
        if when and (entry["first_seen"] is None or when < entry["first_seen"]):
            entry["first_seen"] = when
        if when and (entry["last_seen"] is None or when > entry["last_seen"]):
            entry["last_seen"] = when
    return entry


def _current_titles(conn, actor_ids: list[int]) -> dict[int, list[str]]:
    """The titles each actor held when last seen, for a page of actors in one query over observations only (a
    timeline per actor read every article text of the actor: the actors page was the slowest of the API)."""
    per_actor: dict[int, dict] = {}
    q = (select(S.observations.c.actor_id, S.observations.c.titles, S.observations.c.obs_date)
         .where(S.observations.c.actor_id.in_(actor_ids or [-1]))
         .order_by(S.observations.c.obs_date.nulls_last(), S.observations.c.id))
    for r in conn.execute(q):
        entries = per_actor.setdefault(r.actor_id, {})
        for title in json.loads(r.titles or "[]"):
            _titles_seen(entries, title, r.obs_date.isoformat() if r.obs_date else None)
    out = {}
    for actor_id, entries in per_actor.items():
        timeline = sorted(entries.values(), key=lambda e: (e["first_seen"] or "9999", e["title"]))
        latest = max((t["last_seen"] or "") for t in timeline) if timeline else ""
        out[actor_id] = most_specific([t["title"] for t in timeline if (t["last_seen"] or "") == latest])[:3]
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
                entry = _titles_seen(per_title, title, r.obs_date.isoformat() if r.obs_date else None)
                if "documents" not in entry:       # first seen here: its evidence is this observation's sentence
                    entry.update(country=r.country, documents=set(), evidence=r.clean_text[r.sent_start:r.sent_end],
                                 evidence_doc=r.doc_key, evidence_document_id=r.document_id)
                entry["documents"].add(r.doc_key)
    fields = ("title", "country", "first_seen", "last_seen", "documents", "evidence", "evidence_doc", "evidence_document_id")
    out = [{k: (len(e[k]) if k == "documents" else e[k]) for k in fields} for e in per_title.values()]
    return sorted(out, key=lambda e: (e["first_seen"] or "9999", e["title"]))


def actor(store, actor_id: int) -> dict | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(S.actors).where(S.actors.c.id == actor_id)).first()
        if row is None:
            return None
        aliases = [r[0] for r in conn.execute(select(S.actor_aliases.c.alias).where(S.actor_aliases.c.actor_id == actor_id))]
    events = list_events(store, actor_id=actor_id, limit=50)      # newest; older ones page through /api/events
    with store.engine.connect() as conn:
        partner_counts = conn.execute(
            select(S.events.c.source_actor_id, S.events.c.target_actor_id, func.count().label("n"))
            .where(or_(S.events.c.source_actor_id == actor_id, S.events.c.target_actor_id == actor_id))
            .group_by(S.events.c.source_actor_id, S.events.c.target_actor_id)).all()
    partners: dict[int, dict] = {}
    for src, tgt, n in partner_counts:
        other = tgt if src == actor_id else src
        if other and other != actor_id:
            p = partners.setdefault(other, {"id": other, "events": 0})
            p["events"] += n
    with store.engine.connect() as conn:
        ids = list(partners)
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            for r in conn.execute(select(S.actors.c.id, S.actors.c.name, S.actors.c.kind, S.actors.c.country)
                                  .where(S.actors.c.id.in_(chunk))):
                partners[r.id].update(name=r.name, kind=r.kind, country=r.country)
    return {**dict(row._mapping), "aliases": aliases, "titles": actor_timeline(store, actor_id), "events": events,
            "co_participants": sorted(partners.values(), key=lambda p: -p["events"])}


def document(store, doc_id: int) -> dict | None:
    d = store.document(str(doc_id))
    if d is None:
        return None
    d.pop("raw_text", None)
    with store.engine.connect() as conn:
        d["evidence"] = [dict(r._mapping) for r in conn.execute(
            select(S.event_sources.c.event_id, S.event_sources.c.char_start, S.event_sources.c.char_end, S.events.c.type)
            .join(S.events, S.events.c.id == S.event_sources.c.event_id)
            .where(S.event_sources.c.document_id == doc_id).order_by(S.event_sources.c.char_start))]
    for k in ("pub_date", "ingested_at"):
        d[k] = d[k].isoformat() if d.get(k) else None
    return d


def engagement_weights() -> dict:
    return load_yaml("engagement.yaml")


def timeline(store, by: str = "month", group: str = "type", **filters) -> list[dict]:
    """Counts and engagement per period and group (event type, or country pair). The engagement index
    weighs each event by its type and the highest rank among its participants (lexicons/engagement.yaml);
    the weighting runs in SQL so that a store of millions of events answers quickly."""
    from sqlalchemy import case

    weights = engagement_weights()
    d = S.events.c.date_start
    if store.dialect == "postgresql":
        period = func.to_char(d, "YYYY-MM") if by == "month" else func.to_char(d, 'IYYY-"W"IW')
    else:   # SQLite keeps dates as ISO text: the month is its first seven characters
        period = func.substr(d, 1, 7) if by == "month" else func.strftime("%Y-W%W", d)
    if group == "pair":
        key = func.coalesce(S.events.c.pair_key, "?")
    else:
        key = S.events.c.type
    type_w = case(*[(S.events.c.type == t, w) for t, w in weights["type_weights"].items()], else_=0.5)
    ranks = {k: v for k, v in weights["rank_weights"].items() if isinstance(k, int)}
    rank_w = case(*[(S.events.c.max_rank == r, w) for r, w in ranks.items()], else_=weights["rank_weights"]["none"])
    q = select(period.label("period"), key.label("grp"), func.count().label("events"),
               func.sum(type_w * rank_w).label("engagement"))
    q = _event_filters(store, q, **filters).where(d.is_not(None)).group_by(period, key).order_by(period, key)
    with store.engine.connect() as conn:
        return [{"period": r.period, "group": r.grp, "events": r.events, "engagement": round(float(r.engagement or 0), 3)}
                for r in conn.execute(q)]


def search(store, query: str, limit: int = 50, offset: int = 0) -> list[dict]:
    """Documents, actors and evidence sentences matching the query, diacritics optional."""
    out = []
    if offset == 0:
        # a transliteration ("Thoong-lun Xi-xu-lít") is no full-text match but is the same person
        for a in find_actors(store, query, fuzzy=len(query) < 60)[:5]:
            out.append({"kind": "actor", "id": a["id"], "label": a["name"], "country": a["country"]})
    with store.engine.connect() as conn:
        for r in search_index.search(conn, query, limit=_limit(limit), offset=max(0, offset)):
            item = {"kind": r["kind"], "id": r["ref_id"]}
            if r["kind"] == "document":
                d = conn.execute(select(S.documents.c.doc_key, S.documents.c.title, S.documents.c.pub_date)
                                 .where(S.documents.c.id == r["ref_id"])).first()
                if d:
                    item.update(label=d.title or d.doc_key, date=d.pub_date.isoformat() if d.pub_date else None)
            elif r["kind"] == "actor":
                a = conn.execute(select(S.actors.c.name, S.actors.c.country).where(S.actors.c.id == r["ref_id"])).first()
                if a:
                    item.update(label=a.name, country=a.country)
            else:
                e = conn.execute(select(S.events.c.type, S.events.c.date_start, S.event_sources.c.sentence)
                                 .join(S.event_sources, S.event_sources.c.event_id == S.events.c.id)
                                 .where(S.events.c.id == r["ref_id"])).first()
                if e:
                    item.update(label=e.sentence, type=e.type, date=e.date_start.isoformat() if e.date_start else None)
            if "label" in item and item not in out:
                out.append(item)
    return out
