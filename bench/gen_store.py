"""Generate a synthetic store of N events (default 1,000,000) for latency benchmarks: actors with titles and
countries, documents, events with one to three sources, and the search index — the same schema and indexes
as a real store. Names and sentences are drawn from small Vietnamese templates.

    python bench/gen_store.py --events 1000000 --db bench/out/1m.db
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sukien.lexicons.fold import fold  # noqa: E402
from sukien.store import open_store  # noqa: E402
from sukien.store import schema as S  # noqa: E402
from sukien.extract.sectors import channel_of  # noqa: E402

COUNTRIES = ["VNM", "LAO", "KHM", "CHN", "USA", "RUS", "JPN", "KOR", "THA", "SGP", "IDN", "IND", "FRA", "DEU", "AUS", "CUB"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Xuân", "Thu", "Hoài"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Lâm", "Long", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thắng", "Vinh"]
TITLES = ["Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Phó Thủ tướng", "Bộ trưởng Ngoại giao", "Thứ trưởng", "Đại sứ"]
RANKS = {"Tổng Bí thư": 1, "Chủ tịch nước": 1, "Thủ tướng": 2, "Phó Thủ tướng": 3, "Bộ trưởng Ngoại giao": 3,
         "Thứ trưởng": 4, "Đại sứ": 5}
TYPES = [("VISIT", "042", "CONSULT", "thăm chính thức"), ("TALKS", "040", "CONSULT", "hội đàm với"),
         ("MEETING", "040", "CONSULT", "tiếp"), ("PHONE_CALL", "041", "CONSULT", "điện đàm với"),
         ("CONGRATULATE", "051", "SUPPORT", "gửi điện mừng tới"), ("SIGN_AGREEMENT", "057", "AGREE", "ký với")]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default=str(Path(__file__).parent / "out" / "1m.db"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    if "://" not in args.db and Path(args.db).exists():
        Path(args.db).unlink()
    store = open_store(args.db)
    t0 = time.perf_counter()
    now = datetime.now(timezone.utc)
    n_actors, n_docs = max(200, args.events // 200), max(100, args.events // 3)
    actors = []
    with store.engine.begin() as conn:
        seen = set()
        for i in range(1, n_actors + 1):
            while True:
                name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)} {rnd.choice(GIVEN)}"
                if name not in seen:
                    seen.add(name)
                    break
            country = "VNM" if i % 3 else rnd.choice(COUNTRIES[1:])
            actors.append({"id": i, "name": name, "folded": fold(name), "kind": "person", "country": country,
                           "title": rnd.choice(TITLES)})
        conn.execute(S.actors.insert(), [{k: a[k] for k in ("id", "name", "folded", "kind", "country")} for a in actors])
        conn.execute(S.actor_aliases.insert(), [{"actor_id": a["id"], "alias": a["name"], "folded": a["folded"]} for a in actors])
        conn.exec_driver_sql("INSERT INTO search_index (kind, ref_id, body) VALUES (?, ?, ?)" if store.dialect == "sqlite"
                             else "INSERT INTO search_index (kind, ref_id, body) VALUES (%s, %s, %s)",
                             [("actor", a["id"], a["folded"]) for a in actors])
    start_day = date(2003, 1, 1)
    batch = 20_000
    doc_id = 0
    for first in range(1, args.events + 1, batch):
        docs, events, sources, index = [], [], [], []
        for eid in range(first, min(first + batch, args.events + 1)):
            etype, cameo, plover, verb = TYPES[eid % len(TYPES)]
            a, b = rnd.sample(actors, 2)
            day = start_day + timedelta(days=rnd.randrange(8400))
            sentence = f"Ngày {day.day}/{day.month}, {a['title']} {a['name']} {verb} {b['title']} {b['name']}."
            src = {"name": a["name"], "titles": [a["title"]], "country": a["country"], "org": None}
            tgt = {"name": b["name"], "titles": [b["title"]], "country": b["country"], "org": None}
            events.append({"id": eid, "type": etype, "cameo": cameo, "plover": plover, "source_actor_id": a["id"],
                           "target_actor_id": b["id"], "source_json": json.dumps(src, ensure_ascii=False),
                           "target_json": json.dumps(tgt, ensure_ascii=False), "source_country": a["country"],
                           "target_country": b["country"], "date_start": day, "date_end": None, "date_precision": "day",
                           "date_text": f"ngày {day.day}/{day.month}", "location_name": None, "location_country": None,
                           "modality": "occurred", "confidence": 0.9, "num_sources": 1, "num_articles": 1,
                           "max_rank": min(RANKS[a["title"]], RANKS[b["title"]]),
                           "channel": channel_of(src, tgt),      # as the store's writer sets it
                           "pair_key": "-".join(sorted((a["country"], b["country"])))})
            for _ in range(1 + (eid % 3 == 0)):
                if doc_id < n_docs and (rnd.random() < 0.5 or not docs):
                    doc_id += 1
                    text = f"{sentence} Hai bên trao đổi về quan hệ hợp tác."
                    docs.append({"id": doc_id, "doc_key": f"gen_{doc_id}", "source": "bench", "content_hash": f"{doc_id:064d}",
                                 "raw_text": text, "clean_text": text, "title": sentence[:80], "lead": sentence,
                                 "outlet": rnd.choice(["TTXVN", "Nhân Dân", "VnExpress", "Người Lao Động"]),
                                 "url": f"https://example.vn/{doc_id}", "pub_date": day, "captions": "[]",
                                 "removed": "[]", "paragraphs": "[]", "ingested_at": now})
                    index.append(("document", doc_id, fold(text)))
                sources.append({"event_id": eid, "document_id": max(1, doc_id - rnd.randrange(3)), "sentence": sentence,
                                "char_start": 0, "char_end": len(sentence), "confidence": 0.9})
            index.append(("evidence", eid, fold(sentence)))
        seen_pairs = set()
        sources = [s for s in sources if (s["event_id"], s["document_id"]) not in seen_pairs
                   and not seen_pairs.add((s["event_id"], s["document_id"]))]
        with store.engine.begin() as conn:
            if docs:
                conn.execute(S.documents.insert(), docs)
            conn.execute(S.events.insert(), events)
            conn.execute(S.event_sources.insert(), sources)
            conn.exec_driver_sql("INSERT INTO search_index (kind, ref_id, body) VALUES (?, ?, ?)" if store.dialect == "sqlite"
                                 else "INSERT INTO search_index (kind, ref_id, body) VALUES (%s, %s, %s)", index)
        print(f"\r{min(first + batch - 1, args.events):>9} events", end="", flush=True)
    print(f"\ngenerated {args.events} events, {doc_id} documents, {n_actors} actors in {time.perf_counter() - t0:.0f} s -> {args.db}")


if __name__ == "__main__":
    main()
