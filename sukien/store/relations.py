"""A country pair's relationship read from the store (issue 16): the ladder of frameworks with dates, evidence and
sources; the channel of every exchange (party, state, government, legislature, military…) per year; the
engagement index per year. A country alone: every partner with its current framework."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select

from ..extract.relations import ladder
from . import schema as S
from .events import pair_key
from .queries import _event_rows, engagement_weights


def _steps(conn, where) -> list[dict]:
    rows = _event_rows(conn, conn.execute(select(S.events).where(S.events.c.type == "RELATIONSHIP", where)))
    for r in rows:
        # the newest report first: what the press says now is read before what it said then
        r["sources"].sort(key=lambda s: s["pub_date"] or "", reverse=True)
    return rows


def _step_view(r: dict) -> dict:
    names = {f.level: f for f in ladder()[0] if not f.special}
    first = r["sources"][0] if r["sources"] else {}
    return {"event_id": r["id"], "pair": r["pair_key"], "level": r["framework_level"],
            "level_name": (names.get(r["framework_level"]).english if r["framework_level"] in names else r["framework"]),
            "framework": r["framework"], "action": r["action"], "date_start": r["date_start"],
            "date_precision": r["date_precision"], "date_text": r["date_text"], "modality": r["modality"],
            "num_sources": r["num_sources"], "num_articles": r["num_articles"], "evidence": first.get("sentence"),
            "sources": [{"doc_key": s["doc_key"], "outlet": s["outlet"], "pub_date": s["pub_date"], "url": s["url"],
                         "sentence": s["sentence"]} for s in r["sources"]]}


def framework_ladder(steps: list[dict]) -> list[dict]:
    """Steps taken (not planned), lowest level first, then by date; a pair's history read as a ladder."""
    taken = [s for s in steps if s["modality"] != "planned"]
    return sorted(taken, key=lambda s: (s["level"] if s["level"] is not None else -1, s["date_start"] or "9999"))


def current_framework(steps: list[dict]) -> dict | None:
    ladder_ = framework_ladder(steps)
    return ladder_[-1] if ladder_ else None


def pair_relations(store, a: str, b: str) -> dict:
    key = pair_key(a.upper(), b.upper())
    weights = engagement_weights()
    with store.engine.connect() as conn:
        steps = [_step_view(r) for r in _steps(conn, S.events.c.pair_key == key)]
        exchanges = _event_rows(conn, conn.execute(
            select(S.events).where(S.events.c.pair_key == key, S.events.c.type != "RELATIONSHIP")))
    by_year: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    engagement: Counter = Counter()
    channels: Counter = Counter()
    latest = []
    for e in exchanges:
        year = (e["date_start"] or "")[:4] or "undated"
        channel = e["channel"]
        channels[channel] += 1
        by_year[year][channel] += 1
        types[year][e["type"]] += 1
        rank_w = weights["rank_weights"].get(e["max_rank"], weights["rank_weights"]["none"])
        engagement[year] += weights["type_weights"].get(e["type"], 0.5) * rank_w
        latest.append({"event_id": e["id"], "type": e["type"], "date_start": e["date_start"], "channel": channel,
                       "evidence": e["sources"][0]["sentence"] if e["sources"] else None,
                       "doc_key": e["sources"][0]["doc_key"] if e["sources"] else None})
    latest.sort(key=lambda x: x["date_start"] or "", reverse=True)
    steps_taken = framework_ladder(steps)
    return {"pair": key, "current": steps_taken[-1] if steps_taken else None, "ladder": steps_taken,
            "planned": [s for s in steps if s["modality"] == "planned"],
            "channels": dict(channels.most_common()),
            "years": [{"year": y, "channels": dict(by_year[y]), "types": dict(types[y]),
                       "engagement": round(engagement[y], 3)} for y in sorted(by_year)],
            "latest": latest[:20]}


def partners(store, a: str) -> list[dict]:
    """Every partner of a country with a framework step in the store, highest level first."""
    code = a.upper()
    with store.engine.connect() as conn:
        steps = [_step_view(r) for r in _steps(conn, (S.events.c.source_country == code)
                                                 | (S.events.c.target_country == code))]
    by_partner: dict[str, list] = defaultdict(list)
    for s in steps:
        other = [c for c in (s["pair"] or "").split("-") if c != code] or [code]
        by_partner[other[0]].append(s)
    out = []
    for partner, its in by_partner.items():
        cur = current_framework(its)
        if cur:
            out.append({"partner": partner, "framework": cur["framework"], "level": cur["level"],
                        "level_name": cur["level_name"], "since": cur["date_start"], "since_text": cur["date_text"],
                        "evidence": cur["evidence"], "num_sources": cur["num_sources"]})
    return sorted(out, key=lambda p: (-(p["level"] or 0), p["partner"]))
