"""Exports in the formats event-data people use: our events as CSV / JSON Lines / Parquet, a GDELT-style
event table (CAMEO codes, QuadClass, NumSources/NumArticles; VISIT as 042 plus the mirrored 043) and PLOVER
JSON (event, mode, source/recipient). Columns are documented in docs/exports.md."""
from __future__ import annotations

import csv
import json
from typing import Iterable, Iterator

from .store.queries import MAX_LIMIT, list_events

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
PLOVER_MODE = {"VISIT": "visit", "TALKS": "meet", "MEETING": "meet", "PHONE_CALL": "phone"}
CSV_COLUMNS = ["id", "type", "cameo", "plover", "date_start", "date_end", "date_precision", "date_text", "modality",
               "source_name", "source_titles", "source_country", "source_org", "target_name", "target_titles",
               "target_country", "target_org", "location_name", "location_country", "confidence", "num_sources",
               "num_articles", "instrument", "channel", "framework", "framework_level", "action", "first_source_url",
               "evidence"]
GDELT_COLUMNS = ["GlobalEventID", "Day", "DateEnd", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
                 "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode",
                 "EventRootCode", "QuadClass", "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName",
                 "ActionGeo_CountryCode", "Modality", "Confidence", "SOURCEURL"]


def all_events(store, **filters) -> Iterator[dict]:
    offset = 0
    while True:
        page = list_events(store, limit=MAX_LIMIT, offset=offset, **filters)
        yield from page
        if len(page) < MAX_LIMIT:
            return
        offset += MAX_LIMIT


def flat(e: dict) -> dict:
    src, tgt = e["source"] or {}, e["target"] or {}
    first = e["sources"][0] if e["sources"] else {}
    return {"id": e["id"], "type": e["type"], "cameo": e["cameo"], "plover": e["plover"], "date_start": e["date_start"],
            "date_end": e["date_end"], "date_precision": e["date_precision"], "date_text": e["date_text"],
            "modality": e["modality"], "source_name": src.get("name"), "source_titles": "; ".join(src.get("titles") or []),
            "source_country": src.get("country"), "source_org": src.get("org"), "target_name": tgt.get("name"),
            "target_titles": "; ".join(tgt.get("titles") or []), "target_country": tgt.get("country"),
            "target_org": tgt.get("org"), "location_name": e["location_name"], "location_country": e["location_country"],
            "confidence": e["confidence"], "num_sources": e["num_sources"], "num_articles": e["num_articles"],
            "instrument": e.get("instrument"), "channel": e.get("channel"), "framework": e.get("framework"),
            "framework_level": e.get("framework_level"), "action": e.get("action"), "first_source_url": first.get("url") or first.get("doc_key"), "evidence": first.get("sentence")}


def _sector(a: dict) -> str:
    from .extract.sectors import actor_sector
    return actor_sector(a.get("name"), a.get("titles") or [], a.get("country"), a.get("org"))


def _actor_type(a: dict) -> str:
    """CAMEO actor type code from the actor's sector (GOV, LEG, MIL, BUS, SPT, …); '' for a country alone."""
    from .extract.sectors import cameo_type
    return cameo_type(_sector(a))


def _quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def gdelt_rows(events: Iterable[dict]) -> Iterator[dict]:
    for e in events:
        if not e["cameo"]:
            continue
        src, tgt = e["source"] or {}, e["target"] or {}
        first = e["sources"][0] if e["sources"] else {}
        pairs = [(e["cameo"], src, tgt, 1)]
        if e["type"] == "VISIT":
            pairs.append(("043", tgt, src, 0))     # the host receives the visit
        for code, a1, a2, root in pairs:
            yield {"GlobalEventID": f"{e['id']}{'' if root else '-043'}",
                   "Day": (e["date_start"] or "").replace("-", ""), "DateEnd": (e["date_end"] or "").replace("-", ""),
                   "Actor1Name": a1.get("name") or a1.get("org") or a1.get("country") or "",
                   "Actor1CountryCode": a1.get("country") or "", "Actor1Type1Code": _actor_type(a1),
                   "Actor2Name": a2.get("name") or a2.get("org") or a2.get("country") or "",
                   "Actor2CountryCode": a2.get("country") or "", "Actor2Type1Code": _actor_type(a2),
                   "IsRootEvent": root, "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
                   "QuadClass": _quad(code[:2]), "NumMentions": e["num_articles"], "NumSources": e["num_sources"],
                   "NumArticles": e["num_articles"], "ActionGeo_FullName": e["location_name"] or "",
                   "ActionGeo_CountryCode": e["location_country"] or "", "Modality": e["modality"],
                   "Confidence": e["confidence"], "SOURCEURL": first.get("url") or first.get("doc_key") or ""}


def plover_record(e: dict) -> dict:
    src, tgt = e["source"] or {}, e["target"] or {}

    def actor(a):
        return {"name": a.get("name") or a.get("org") or a.get("country"), "country": a.get("country"),
                "titles": a.get("titles") or [], "org": a.get("org"), "sector": _sector(a)}

    return {"id": f"sukien-{e['id']}", "event_type": e["plover"], "mode": PLOVER_MODE.get(e["type"], ""),
            "context": [], "sukien_type": e["type"], "event_date": e["date_start"], "event_date_end": e["date_end"],
            "date_precision": e["date_precision"], "modality": e["modality"],
            "source": [actor(src)], "recipient": [actor(tgt)] if tgt else [],
            "location": {"name": e["location_name"], "country": e["location_country"]},
            "confidence": e["confidence"], "num_sources": e["num_sources"], "num_articles": e["num_articles"],
            "channel": e.get("channel"),
            "sources": [{"doc": s["doc_key"], "url": s["url"], "outlet": s["outlet"], "sentence": s["sentence"]}
                        for s in e["sources"]]}


def export(store, fmt: str, out, **filters) -> int:
    """Write events in `fmt` to the binary or text stream `out`; returns the number of records."""
    events = list(all_events(store, **filters))
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
        return len(events)
    if fmt == "plover":
        for e in events:
            if e["plover"]:
                out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
        return sum(1 for e in events if e["plover"])
    if fmt in ("csv", "gdelt"):
        rows = [flat(e) for e in events] if fmt == "csv" else list(gdelt_rows(events))
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS if fmt == "csv" else GDELT_COLUMNS,
                                delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return len(rows)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        rows = [flat(e) for e in events]
        table = pa.Table.from_pylist(rows, schema=pa.schema([(c, pa.float64() if c == "confidence" else
                                                              pa.int64() if c in ("id", "num_sources", "num_articles")
                                                              else pa.string()) for c in CSV_COLUMNS]))
        pq.write_table(table, out)
        return len(rows)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
