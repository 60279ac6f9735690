"""Ingest into a real SQLite file (and the same code on PostgreSQL): idempotence, duplicates, bad input."""
import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, SEEDS

pytestmark = pytest.mark.shared


def run(*args):
    from sukien.cli import main
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def ingest_into(store, *paths):
    from sukien.pipeline import ingest
    return ingest([str(p) for p in paths], store)


def check_idempotent_and_duplicates(store, tmp_path):
    first = ingest_into(store, SEEDS)
    assert (first.new, first.failed) == (3, 0)
    before = store.counts()
    again = ingest_into(store, SEEDS)
    assert (again.new, again.unchanged) == (0, 3)
    assert store.counts() == before

    seed = (SEEDS / "000_b14b693744722153.txt").read_text(encoding="utf-8")
    edited = seed.replace("Chuyến thăm đã thành công tốt đẹp", "Chuyến thăm thành công rất tốt đẹp")
    truncated = seed[: len(seed) * 3 // 5]
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    (tmp_path / "truncated.txt").write_text(truncated, encoding="utf-8")
    res = ingest_into(store, tmp_path / "edited.txt", tmp_path / "truncated.txt")
    assert (res.duplicate, res.new) == (2, 0)
    docs = {d["doc_key"]: d for d in store.documents()}
    original = docs["000_b14b693744722153.txt"]["id"]
    assert docs["edited.txt"]["duplicate_of"] == original
    assert docs["truncated.txt"]["duplicate_of"] == original
    # a duplicate adds a source to the original's events, never a new event
    assert store.counts()["events"] == before["events"]


def test_store_sqlite_idempotent_and_duplicates(sqlite_store, tmp_path):
    check_idempotent_and_duplicates(sqlite_store, tmp_path)


def test_store_postgres_idempotent_and_duplicates(pg_store, tmp_path):
    assert pg_store.dialect == "postgresql"
    check_idempotent_and_duplicates(pg_store, tmp_path)


def test_store_postgres_same_events_as_sqlite(pg_store, sqlite_store):
    ingest_into(pg_store, SEEDS)
    ingest_into(sqlite_store, SEEDS)
    assert pg_store.counts() == sqlite_store.counts()


BAD_INPUTS = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "empty.txt": (b"   \n", "empty file"),
    # an 8-bit code page that is not Vietnamese (Cyrillic): not taken for TCVN3 gibberish
    "cp1251.txt": ("Президент Вьетнама принял посла Лаоса в Ханое.".encode("cp1251"), "possibly VNI"),
    "truncated.html": (b"<html><head><title>x</title></head><body><div><p>", "HTML page with no article text"),
}


def test_ingest_bad_input_one_line_each_and_batch_goes_on(sqlite_store, tmp_path):
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "broken.jsonl").write_text('{"id": "ok1", "text": "Ngày 2/4, Thủ tướng Phạm Minh Chính tiếp Đại sứ Lào.", "date": "2025-04-02"}\n'
                                           '{"id": "bad", "text": \n'
                                           '{"id": "notext", "title": "x"}\n', encoding="utf-8")
    shutil.copy(SEEDS / "001_9532068797d2caf4.txt", tmp_path / "good.txt")
    db = tmp_path / "cli.db"
    result = run("ingest", str(tmp_path), "--db", str(db))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, (_, reason) in BAD_INPUTS.items():
        lines = [l for l in result.output.splitlines() if name in l]
        assert lines and reason in lines[0], (name, result.output)
    assert "broken.jsonl:2: invalid JSON" in result.output
    assert "broken.jsonl:3: no 'text' or 'html' field" in result.output
    assert "new 2" in result.output and "failed 6" in result.output
    from sukien.store import open_store
    store = open_store(str(db))
    assert len(store.errors()) == 6
    assert {d["doc_key"] for d in store.documents()} == {"good.txt", "ok1"}
    store.close()


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as combining characters after a base letter."""
    import unicodedata
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def test_ingest_windows_1258_is_converted(sqlite_store, tmp_path):
    text = "Chủ tịch nước Lương Cường tiếp Đại sứ Lào tại Hà Nội ngày 5/3/2025."
    (tmp_path / "cp1258.txt").write_bytes(to_cp1258(text))
    res = ingest_into(sqlite_store, tmp_path / "cp1258.txt")
    assert res.failed == 0
    stored = sqlite_store.documents()[0]
    assert sqlite_store.document(str(stored["id"]))["clean_text"] == text


def to_tcvn3(text: str) -> bytes:
    """The inverse of the shipped table, for lower-case text (TCVN3 writes capitals with another font)."""
    from sukien.ingest.decode import _tcvn3_table
    inverse = {char: byte for byte, char in _tcvn3_table().items() if len(char) == 1 and not char.isupper()}
    return bytes(inverse.get(c, ord(c)) for c in text)


def test_ingest_tcvn3_is_converted(sqlite_store, tmp_path):
    text = "Ngày 5/3/2025, Thủ tướng Chính phủ Phạm Minh Chính đã tiếp đại sứ Lào tại Hà Nội."
    (tmp_path / "tcvn3.txt").write_bytes(to_tcvn3(text))
    assert b"H\xb5 N\xe9i" in (tmp_path / "tcvn3.txt").read_bytes()        # "Hµ Néi", as ABC fonts wrote it
    res = ingest_into(sqlite_store, tmp_path / "tcvn3.txt")
    assert res.failed == 0
    stored = sqlite_store.documents()[0]
    assert sqlite_store.document(str(stored["id"]))["clean_text"] == text


def test_cli_ingest_docs_show_on_examples(tmp_path):
    db = str(tmp_path / "ex.db")
    result = run("ingest", str(EXAMPLES), "--db", db)
    assert result.exit_code == 0, result.output
    assert "duplicate 1" in result.output and "failed 0" in result.output
    listed = run("docs", "--db", db, "--json")
    rows = [json.loads(l) for l in listed.output.splitlines()]
    assert {r["doc_key"] for r in rows} >= {"2025-03-ngoai-truong-campuchia.txt", "2025-03-dien-dam-thai-lan.html",
                                           "example_lead_1"}
    html = next(r for r in rows if r["doc_key"].endswith(".html"))
    assert html["outlet"] == "Báo Ví Dụ" and html["pub_date"] == "2025-03-20"
    shown = run("show", "2025-03-ngoai-truong-campuchia.txt", "--db", db)
    assert "Chiều 11/3, tại Hà Nội" in shown.output
    assert "hotline" in shown.output and "HOTLINE" not in shown.output.split("Removed")[0]


def test_jsonl_doc_key_is_id_url_or_file_line(tmp_path):
    from sukien.ingest import iter_documents
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "x1", "text": "a b"}\n{"url": "https://e.vn/1", "text": "c d"}\n{"text": "e f"}\n',
                 encoding="utf-8")
    keys = [r.doc.key for r in iter_documents([str(p)])]
    assert keys == ["x1", "https://e.vn/1", f"{p}:3"]


def test_store_duplicate_index_survives_reopening(tmp_path):
    """The MinHash index is rebuilt from the stored signatures: a copy ingested later, in a new process, is linked."""
    from sukien.store import open_store
    db = str(tmp_path / "re.db")
    first = open_store(db)
    ingest_into(first, SEEDS / "000_b14b693744722153.txt")
    first.close()
    seed = (SEEDS / "000_b14b693744722153.txt").read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_text(seed.replace("thành công tốt đẹp", "thành công rất tốt đẹp"), encoding="utf-8")
    second = open_store(db)
    res = ingest_into(second, tmp_path / "copy.txt")
    assert res.duplicate == 1
    second.close()


def _reports(tmp_path):
    rows = [
        {"id": "announce", "date": "2026-01-20", "outlet": "Báo A", "title": "Tổng Bí thư sẽ thăm Lào",
         "text": "Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước tới Lào ngày 5-2-2026, theo lời mời của Tổng Bí thư, Chủ "
                 "tịch nước Lào Thongloun Sisoulith."},
        {"id": "arrival", "date": "2026-02-05", "outlet": "Báo B", "title": "Tổng Bí thư Tô Lâm đến Viêng Chăn",
         "text": "Sáng 5/2, Tổng Bí thư Tô Lâm đã đến Thủ đô Viêng Chăn, bắt đầu chuyến thăm cấp Nhà nước tới Lào."},
        {"id": "older", "date": "2024-08-10", "outlet": "Báo C", "title": "Chuyến thăm Lào",
         "text": "Chủ tịch nước Tô Lâm thăm cấp Nhà nước tới Lào theo lời mời của Tổng Bí thư, Chủ tịch nước Lào "
                 "Thongloun Sisoulith."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def check_reports_merge(store, tmp_path):
    from sukien.store.queries import list_events
    ingest_into(store, _reports(tmp_path))
    visits = [e for e in list_events(store, type_="VISIT") if e["target"]["country"] == "LAO"]
    by_day = {str(e["date_start"]): e for e in visits}
    assert sorted(by_day, key=str) == ["2026-02-05", "None"] and len(visits) == 2
    merged = by_day["2026-02-05"]
    # two outlets, one event; its status is the furthest reported (announced, then under way)
    assert (merged["num_sources"], merged["num_articles"], merged["modality"]) == (2, 2, "ongoing")
    assert by_day["None"]["num_articles"] == 1        # the visit of 2024 is another visit


def test_store_reports_of_one_visit_merge_and_years_apart_do_not(sqlite_store, tmp_path):
    check_reports_merge(sqlite_store, tmp_path)


def test_store_reports_merge_on_postgres(pg_store, tmp_path):
    check_reports_merge(pg_store, tmp_path)


def check_bodies_by_country(store, tmp_path):
    from sukien.store.queries import list_events
    path = tmp_path / "ministries.jsonl"
    path.write_text(json.dumps({"id": "mou", "date": "2024-11-05", "text": "Ngày 5/11, Bộ Ngoại giao Việt Nam và Bộ "
                               "Ngoại giao Campuchia đã ký Bản ghi nhớ về hợp tác đào tạo cán bộ."}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    ingest_into(store, path)
    [ev] = list_events(store, type_="SIGN_AGREEMENT")
    assert {ev["source"]["country"], ev["target"]["country"]} == {"VNM", "KHM"}
    assert ev["source_actor_id"] != ev["target_actor_id"]     # two ministries, two actors


def test_store_bodies_of_two_countries_are_two_actors(sqlite_store, tmp_path):
    check_bodies_by_country(sqlite_store, tmp_path)


def test_store_bodies_of_two_countries_on_postgres(pg_store, tmp_path):
    check_bodies_by_country(pg_store, tmp_path)


def test_store_migration_rekeys_bodies_of_an_older_store(tmp_path):
    """A store written before migration 6 keeps working: its bodies get the key with their country."""
    from datetime import datetime, timezone
    from sqlalchemy import create_engine, select
    from sukien.store import schema as S
    from sukien.store.migrations import LATEST, MIGRATIONS, migrate
    from sukien.store import open_store
    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        S.schema_version.create(conn, checkfirst=True)
        for number, step in MIGRATIONS[:5]:
            step(conn)
            conn.execute(S.schema_version.insert().values(version=number, applied_at=datetime.now(timezone.utc)))
        aid = conn.execute(S.actors.insert().values(name="Bộ Ngoại giao", folded="bo ngoai giao", kind="org",
                                                     country="VNM")).inserted_primary_key[0]
        conn.execute(S.actor_aliases.insert().values(actor_id=aid, alias="Bộ Ngoại giao", folded="bo ngoai giao"))
    engine.dispose()
    store = open_store(str(db))
    with store.engine.begin() as conn:
        assert migrate(conn) == LATEST
        assert conn.execute(select(S.actors.c.folded)).scalar() == "bo ngoai giao @vnm"
        assert conn.execute(select(S.actor_aliases.c.folded)).scalar() == "bo ngoai giao @vnm"
    store.close()


def test_store_two_instruments_signed_the_same_day_are_two_signings(sqlite_store, tmp_path):
    from sukien.store.queries import list_events
    path = tmp_path / "signings.jsonl"
    path.write_text(json.dumps({"id": "nl", "date": "2017-07-11", "text": (
        "Sáng 11/7, Thủ tướng Nguyễn Xuân Phúc đã hội đàm với Thủ tướng Hà Lan Mark Rutte. Hai Thủ tướng đã ký Ý định "
        "thư về hợp tác thích ứng với biến đổi khí hậu ở đồng bằng sông Cửu Long. Hai Thủ tướng và đại diện Ngân hàng "
        "Thế giới cũng đã ký Bản ghi nhớ về hợp tác quản lý an toàn thực phẩm.")}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    ingest_into(sqlite_store, path)
    signings = list_events(sqlite_store, type_="SIGN_AGREEMENT")
    assert sorted(e["instrument"] for e in signings) == ["bản ghi nhớ", "ý định thư"]
    assert all(e["date_start"] == "2017-07-11" for e in signings)
