"""RELATIONSHIP events (events.md v2) as constructions: a verb of creating or raising linked to a framework of the
ladder (lexicons/frameworks.yaml). Invented sentences, each with distractors that name a framework without a step."""
import json
from datetime import date

import pytest

from sukien.extract.relations import framework_of, ladder
from sukien.model import RawDocument
from sukien.pipeline import process


def steps(text: str, pub=date(2025, 5, 1)):
    events = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text, pub_date=pub)).events
    return [(e.source.country, e.target.country, e.action, e.framework_level, e.date_start, e.modality)
            for e in events if e.type == "RELATIONSHIP"]


def test_the_ladder_reads_every_spelling_of_a_level_as_one_step():
    assert framework_of("Đối tác Chiến lược Toàn diện").level == framework_of("đối tác chiến lược toàn diện").level == 3
    assert framework_of("quan hệ Đối tác toàn diện").level == 1
    assert framework_of("Đối tác chiến lược").level == 2
    assert framework_of("Đối tác hợp tác chiến lược toàn diện").level == 3
    assert framework_of("quan hệ ngoại giao").level == 0
    # the special forms keep their own names above the ladder's common steps
    special = [f for f in ladder()[0] if f.special]
    assert {f.name for f in special} == {"Cộng đồng chia sẻ tương lai", "quan hệ hữu nghị vĩ đại"}
    assert all(f.level > 3 for f in special)
    assert framework_of("quan hệ hữu nghị truyền thống") is None


@pytest.mark.parametrize("text,expected", [
    # verb first, the result after "lên"; a month written after it dates the step
    ("Bồ Đào Nha và Việt Nam đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào tháng 3/2024.",
     [("VNM", "PRT", "upgrade", 3, "2024-03-01", "occurred")]),
    # establishment of diplomatic relations with a full day
    ("Việt Nam và Chile thiết lập quan hệ ngoại giao ngày 25/3/1971.",
     [("VNM", "CHL", "establish", 0, "1971-03-25", "occurred")]),
    # "trở thành" and a year; two steps in one sentence, each with its own date
    ("Việt Nam - Hàn Quốc thiết lập quan hệ ngoại giao từ năm 1992 và trở thành Đối tác Chiến lược Toàn diện năm 2022.",
     [("VNM", "KOR", "establish", 0, "1992-01-01", "occurred"), ("VNM", "KOR", "upgrade", 3, "2022-01-01", "occurred")]),
    # the passive with the framework as subject
    ("Quan hệ Đối tác toàn diện Việt Nam - Ba Lan được xác lập năm 2019.",
     [("VNM", "POL", "upgrade", 1, "2019-01-01", "occurred")]),
    # the date before the verb
    ("Tháng 9/2023, Việt Nam và Hoa Kỳ nâng cấp quan hệ lên Đối tác chiến lược toàn diện.",
     [("VNM", "USA", "upgrade", 3, "2023-09-01", "occurred")]),
    # no country named: the article's own pair
    ("Thủ tướng Ấn Độ thăm Việt Nam. Hai nước thiết lập quan hệ ngoại giao năm 1972.",
     [("VNM", "IND", "establish", 0, "1972-01-01", "occurred")]),
    # scheduled: planned
    ("Việt Nam và Brazil sẽ nâng cấp quan hệ lên Đối tác chiến lược trong chuyến thăm.",
     [("VNM", "BRA", "upgrade", 2, None, "planned")]),
])
def test_a_verb_of_creating_or_raising_linked_to_a_framework_is_a_step(text, expected):
    assert steps(text) == expected


@pytest.mark.parametrize("text", [
    # a framework named as existing
    "Hai bên nhất trí tiếp tục làm sâu sắc quan hệ Đối tác chiến lược toàn diện Việt Nam - Nhật Bản.",
    "Quan hệ Đối tác chiến lược Việt Nam - Ý đang phát triển tốt đẹp.",
    # the framework is the object of another verb, newly established as a modifier
    "Hai bên sẽ triển khai quan hệ Đối tác chiến lược toàn diện Việt Nam - Úc mới được thiết lập giữa hai nước.",
    # an anniversary or a duration counts the step, it does not report it
    "Năm nay Việt Nam và Nga kỷ niệm 75 năm thiết lập quan hệ ngoại giao.",
    "Đây là chuyến thăm đầu tiên sau hơn 50 năm Việt Nam và Bỉ thiết lập quan hệ ngoại giao.",
    "Sau gần 2 năm nâng cấp quan hệ lên Đối tác chiến lược toàn diện, hợp tác Việt Nam - Nhật Bản phát triển mạnh.",
    "Hai nước chuẩn bị kỷ niệm Ngày thiết lập quan hệ ngoại giao Việt Nam - Campuchia.",
    # an aim or a wish is not a step announced
    "Thủ tướng Tây Ban Nha mong muốn nâng cấp quan hệ Việt Nam - Tây Ban Nha lên Đối tác chiến lược toàn diện.",
    "Hai bên hướng tới nâng tầm quan hệ Việt Nam - Thái Lan lên Đối tác chiến lược toàn diện vào thời gian thích hợp.",
    # "trở thành" with a special form praises what the relationship is
    "Tình cảm gắn bó Việt Nam - Lào đã trở thành mối quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt hiếm có.",
    # negated
    "Việt Nam chưa thiết lập quan hệ ngoại giao với Bhutan.",
    # the framework the relationship is raised from, towards no named level
    "Lãnh đạo Việt Nam và Trung Quốc nhất trí sẽ nâng cấp quan hệ đối tác chiến lược song phương lên một tầm cao mới.",
    # "thành lập" (founding a body) is not "lập" of a relationship; a club's "quan hệ đối tác" is no framework
    "Câu lạc bộ Hà Nội thành lập quan hệ hợp tác với một đội bóng Nhật Bản.",
])
def test_a_framework_without_a_step_gives_no_event(text):
    assert steps(text) == []


def test_the_same_step_restated_in_one_article_is_one_event_with_the_dated_report_kept():
    text = ("Việt Nam và Malaysia đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện. "
            "Hai nước nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào tháng 11/2024.")
    assert steps(text) == [("VNM", "MYS", "upgrade", 3, "2024-11-01", "occurred")]


def test_relationship_events_carry_framework_and_action_in_json():
    events = process(RawDocument(key="k", source="k", kind="jsonl", pub_date=date(2025, 5, 1),
                                 raw_text="Việt Nam và Mông Cổ nâng cấp quan hệ lên Đối tác toàn diện.")).events
    (e,) = [e.as_json() for e in events if e.type == "RELATIONSHIP"]
    assert (e["framework"], e["action"], e["framework_level"], e["cameo"], e["plover"]) == \
        ("Đối tác toàn diện", "upgrade", 1, "057", "COOPERATE")
    assert e["sentence"].startswith("Việt Nam và Mông Cổ")


# -- the store: a pair's ladder, sources and channels ------------------------------------------------------------

ARTICLES = [
    # three outlets restate one upgrade; one also gives the establishment with its day
    {"id": "a1", "outlet": "Báo A", "date": "2024-11-22T08:00:00+07:00", "title": "Việt Nam - Malaysia nâng cấp quan hệ",
     "text": "Chiều 21/11, Tổng Bí thư Tô Lâm hội đàm với Thủ tướng Malaysia Anwar Ibrahim tại Kuala Lumpur. "
             "Hai nhà lãnh đạo ra Tuyên bố chung. Việt Nam và Malaysia đã nâng cấp quan hệ lên Đối tác chiến lược "
             "toàn diện vào tháng 11/2024."},
    {"id": "a2", "outlet": "Báo B", "date": "2024-11-23T08:00:00+07:00", "title": "Quan hệ Việt Nam - Malaysia",
     "text": "Việt Nam và Malaysia thiết lập quan hệ ngoại giao ngày 30/3/1973. Hai nước nâng cấp quan hệ lên "
             "Đối tác Chiến lược Toàn diện vào tháng 11/2024."},
    {"id": "a3", "outlet": "Báo C", "date": "2025-05-20T08:00:00+07:00", "title": "Thủ tướng Malaysia thăm Việt Nam",
     "text": "Sáng 19/5, Chủ tịch Quốc hội Trần Thanh Mẫn hội kiến Chủ tịch Hạ viện Malaysia Johari Abdul tại Hà Nội. "
             "Cũng là chuyến thăm cấp cao đầu tiên kể từ khi Việt Nam và Malaysia nâng cấp quan hệ lên Đối tác "
             "chiến lược toàn diện tháng 11/2024."},
    # an earlier step of the ladder
    {"id": "a4", "outlet": "Báo A", "date": "2015-08-28T08:00:00+07:00", "title": "Đối tác chiến lược",
     "text": "Việt Nam và Malaysia thiết lập quan hệ Đối tác chiến lược vào tháng 8/2015."},
]


def _ladder_store(tmp_path, store=None):
    from sukien.pipeline import ingest
    from sukien.store import open_store
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    store = store or open_store(str(tmp_path / "ladder.db"))
    ingest([str(path)], store)
    return store


def _check_ladder(store):
    from sukien.store.relations import pair_relations, partners
    view = pair_relations(store, "VNM", "MYS")
    ladder = [(s["level"], s["action"], s["date_start"], s["num_sources"]) for s in view["ladder"]]
    assert ladder == [(0, "establish", "1973-03-30", 1), (2, "upgrade", "2015-08-01", 1),
                      (3, "upgrade", "2024-11-01", 3)]
    top = view["ladder"][-1]
    # one step restated by three outlets, the newest report first
    assert [s["doc_key"] for s in top["sources"]] == ["a3", "a2", "a1"]
    assert "Đối tác" in top["evidence"] and "tháng 11/2024" in top["evidence"]
    assert view["current"]["level"] == 3
    # the exchanges by channel: a party leader's talks, two speakers of parliament, a prime minister's visit to a
    # country named alone (the country says nothing of the channel)
    assert view["channels"] == {"party": 1, "legislature": 1, "government": 1}
    assert [p["partner"] for p in partners(store, "VNM")] == ["MYS"]


def test_a_pairs_ladder_from_articles_with_one_step_per_upgrade_however_many_outlets(tmp_path):
    store = _ladder_store(tmp_path)
    _check_ladder(store)
    # re-running changes nothing
    _ladder_store(tmp_path, store)
    _check_ladder(store)
    store.close()


def test_the_ladder_on_postgresql(tmp_path, pg_store):
    _check_ladder(_ladder_store(tmp_path, pg_store))


def test_cli_and_api_show_the_pair(tmp_path):
    from click.testing import CliRunner
    from fastapi.testclient import TestClient
    from sukien.api import create_app
    from sukien.cli import main
    _ladder_store(tmp_path).close()
    db = str(tmp_path / "ladder.db")
    result = CliRunner().invoke(main, ["relations", "VNM", "MYS", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.output)
    assert view["current"]["framework"].lower() == "đối tác chiến lược toàn diện"
    listing = CliRunner().invoke(main, ["relations", "VNM", "--db", db])
    assert "MYS" in listing.output and listing.exit_code == 0
    bad = CliRunner().invoke(main, ["relations", "Vietnam", "--db", db])
    assert bad.exit_code != 0 and "not a country code" in bad.output
    client = TestClient(create_app(db))
    api = client.get("/api/pairs/VNM-MYS").json()
    assert [s["level"] for s in api["ladder"]] == [0, 2, 3]
    assert client.get("/api/pairs/VNM-Malaysia").status_code == 422
    assert client.get("/api/partners/VNM").json()["items"][0]["partner"] == "MYS"


@pytest.mark.parametrize("source,target,channel", [
    ({"titles": ["Tổng Bí thư"]}, {"titles": ["Tổng Bí thư", "Chủ tịch nước"]}, "party"),
    ({"titles": ["Chủ tịch nước"]}, {"titles": ["Tổng thống"]}, "state"),
    ({"titles": ["Thủ tướng"]}, {"titles": ["Thủ tướng"]}, "government"),
    ({"titles": ["Chủ tịch Quốc hội"]}, {"titles": ["Chủ tịch Hạ viện"]}, "legislature"),
    ({"titles": ["Bộ trưởng Quốc phòng"]}, {"titles": ["Bộ trưởng Quốc phòng"]}, "military"),
    ({"titles": ["Thủ tướng"]}, {"country": "VNM", "titles": []}, "government"),
    ({"country": "VNM", "titles": []}, {"country": "LAO", "titles": []}, "state"),
])
def test_the_channel_of_an_exchange_is_the_sector_its_sides_share_or_lead(source, target, channel):
    from sukien.extract.sectors import channel_of
    assert channel_of(source, target) == channel


def test_a_store_of_before_the_ladder_gets_its_columns_and_keeps_its_events(tmp_path):
    import sqlite3
    from sukien.store import open_store
    from sukien.store.migrations import LATEST
    store = _ladder_store(tmp_path)
    store.close()
    db = tmp_path / "ladder.db"
    with sqlite3.connect(db) as conn:     # as a store of migration 7 was: no framework or channel, no RELATIONSHIP
        conn.execute("DELETE FROM event_sources WHERE event_id IN (SELECT id FROM events WHERE type = 'RELATIONSHIP')")
        conn.execute("DELETE FROM events WHERE type = 'RELATIONSHIP'")
        conn.execute("DROP INDEX ix_events_pair_channel")
        for column in ("framework", "framework_level", "action", "channel"):
            conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
        conn.execute("DELETE FROM schema_version WHERE version >= 8")
        before = conn.execute("SELECT type, source_country, target_country FROM events ORDER BY id").fetchall()
    store = open_store(str(db))
    store.close()
    with sqlite3.connect(db) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
        after = conn.execute("SELECT type, source_country, target_country FROM events ORDER BY id").fetchall()
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        channels = dict(conn.execute("SELECT type, channel FROM events").fetchall())
    assert {"framework", "framework_level", "action", "channel"} <= columns
    assert after == before and len(before) == 3 and version == LATEST
    # the channel of the events already stored is filled in
    assert channels == {"TALKS": "party", "MEETING": "legislature", "VISIT": "government"}


def test_the_channel_is_stored_filterable_and_exported(tmp_path):
    from click.testing import CliRunner
    from fastapi.testclient import TestClient
    from sukien.api import create_app
    from sukien.cli import main
    from sukien.store.queries import list_events
    store = _ladder_store(tmp_path)
    assert [e["type"] for e in list_events(store, country="VNM-MYS", channel="legislature")] == ["MEETING"]
    assert {e["channel"] for e in list_events(store, country="VNM-MYS")} >= {"party", "legislature", "government"}
    store.close()
    db = str(tmp_path / "ladder.db")
    client = TestClient(create_app(db))
    items = client.get("/api/events", params={"country": "VNM-MYS", "channel": "party"}).json()["items"]
    assert [e["type"] for e in items] == ["TALKS"]
    assert client.get("/api/events", params={"channel": "church"}).status_code == 422
    out = tmp_path / "events.csv"
    assert CliRunner().invoke(main, ["export", "--db", db, "--format", "csv", "--out", str(out)]).exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "channel" in header and "framework_level" in header
    cli = CliRunner().invoke(main, ["events", "--db", db, "--channel", "legislature", "--json"])
    assert [json.loads(line)["type"] for line in cli.output.splitlines()] == ["MEETING"]


def test_articles_that_disagree_on_a_steps_year_are_both_kept_the_newest_report_first(tmp_path):
    from sukien.pipeline import ingest
    from sukien.store import open_store
    from sukien.store.relations import pair_relations
    reports = [
        {"id": "old", "outlet": "Báo A", "date": "2019-03-01", "title": "Quan hệ Việt Nam - Ba Lan",
         "text": "Việt Nam và Ba Lan nâng cấp quan hệ lên Đối tác chiến lược năm 2018."},
        {"id": "new", "outlet": "Báo B", "date": "2025-03-01", "title": "Quan hệ Việt Nam - Ba Lan",
         "text": "Chiều 28/2, Bộ trưởng Ngoại giao Ba Lan gặp Đại sứ Việt Nam tại Warsaw. Ông nhắc lại rằng Ba Lan "
                 "và Việt Nam đã xác lập quan hệ Đối tác chiến lược từ năm 2017, và hai bên còn nhiều dư địa."},
        {"id": "undated", "outlet": "Báo C", "date": "2025-04-01", "title": "Ba Lan",
         "text": "Thương mại song phương tăng mạnh trong quý I. Doanh nghiệp hai nước hưởng lợi nhiều từ việc Việt "
                 "Nam và Ba Lan đã nâng tầm quan hệ thành Đối tác chiến lược."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in reports) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "d.db"))
    ingest([str(path)], store)
    steps = pair_relations(store, "VNM", "POL")["ladder"]
    # two years, two entries of the same level; the undated report joins the first it meets, never a third entry
    assert sorted((s["level"], s["date_start"]) for s in steps) == [(2, "2017-01-01"), (2, "2018-01-01")]
    assert sum(s["num_articles"] for s in steps) == 3
    dated_2018 = next(s for s in steps if s["date_start"] == "2018-01-01")
    assert [x["doc_key"] for x in dated_2018["sources"]] == ["undated", "old"]
    store.close()
