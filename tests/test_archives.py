"""Readers for the archives users have: a CC-NEWS-style WARC.gz written here with warcio, and the crawl's
CSV layout (Source, URL, Category, Keyword, Time, Title, Content) read through --columns. Every article
below is invented."""
import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sukien.cli import main
from sukien.ingest import iter_documents

ARTICLE_1 = ("Chiều 12/3, Thủ tướng Đào Quốc Tuấn đã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội. "
             "Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư giữa hai nước trong thời gian tới.")
ARTICLE_2 = ("Sáng 14/3, Chủ tịch nước Lê Minh Khang đã tiếp Đại sứ Chile Pablo Ortega tới chào xã giao nhân dịp "
             "kết thúc nhiệm kỳ công tác tại Việt Nam. Chủ tịch nước đánh giá cao những đóng góp của Đại sứ.")
ENGLISH = ("Prime Minister Dao Quoc Tuan held talks with Polish Prime Minister Jan Nowak in Hanoi on Tuesday. "
           "The two sides agreed to boost cooperation in trade and investment in the coming years.")


def _page(title: str, body: str) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='2025-03-12T15:00:00+07:00'></head>"
            f"<body><nav>Trang chủ | Thế giới</nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Bản quyền thuộc về báo</footer></body></html>").encode("utf-8")


def _response(writer, url, payload, status="200 OK", ctype="text/html; charset=utf-8", date="2025-03-12T09:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


@pytest.fixture
def cc_news_warc(tmp_path):
    path = tmp_path / "CC-NEWS-20250312090000-00001.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test", "format": "WARC/1.1"}))
        _response(writer, "https://example.vn/the-gioi/hoi-dam-ba-lan-1.html", _page("Hội đàm với Ba Lan", ARTICLE_1))
        _response(writer, "https://example.vn/anh/logo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200, ctype="image/jpeg")
        _response(writer, "https://example.vn/khong-co.html", b"<html><body>Not found</body></html>", status="404 Not Found")
        _response(writer, "https://example.vn/en/talks-poland.html", _page("Talks with Poland", ENGLISH))
        _response(writer, "https://example.vn/chinh-tri/tiep-dai-su-chile-2.html", _page("Tiếp Đại sứ Chile", ARTICLE_2),
                  date="2025-03-14T02:00:00Z")
    return path


def test_warc_gz_documents_keep_their_url_and_date(cc_news_warc):
    results = list(iter_documents([str(cc_news_warc)]))
    docs = [r.doc for r in results if r.doc]
    assert [d.url for d in docs] == ["https://example.vn/the-gioi/hoi-dam-ba-lan-1.html",
                                     "https://example.vn/en/talks-poland.html",
                                     "https://example.vn/chinh-tri/tiep-dai-su-chile-2.html"]
    assert str(docs[0].pub_date) == "2025-03-12"
    assert "Jan Nowak" in docs[0].prepared_text and "Trang chủ" not in docs[0].prepared_text
    skipped = [r.skipped for r in results if r.skipped]
    assert [reason for _, reason in skipped] == ["not HTML (image/jpeg)", "HTTP status 404"]
    assert all("@" in record and record.startswith(str(cc_news_warc)) for record, _ in skipped)   # file@offset


def test_warc_gz_ingests_with_skips_counted(cc_news_warc, tmp_path):
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", str(cc_news_warc), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "new 2 · unchanged 0 · duplicate 0 · skipped 3 · failed 0" in result.output
    assert "skipped 1: not Vietnamese (language: en)" in result.output
    docs = CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).output
    urls = {json.loads(line)["url"] for line in docs.splitlines()}
    assert urls == {"https://example.vn/the-gioi/hoi-dam-ba-lan-1.html",
                    "https://example.vn/chinh-tri/tiep-dai-su-chile-2.html"}
    events = CliRunner().invoke(main, ["events", "--db", str(db), "--json"]).output
    assert {json.loads(line)["type"] for line in events.splitlines()} == {"TALKS", "MEETING"}


def test_a_truncated_warc_gives_one_line_and_keeps_what_came_before(cc_news_warc, tmp_path):
    data = cc_news_warc.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: len(data) - 300])
    results = list(iter_documents([str(broken)]))
    assert [r.doc.url for r in results if r.doc][:1] == ["https://example.vn/the-gioi/hoi-dam-ba-lan-1.html"]
    errors = [str(r.error) for r in results if r.error]
    assert len(errors) == 1 and errors[0].startswith(f"{broken}@") and "\n" not in errors[0]


CRAWL_HEADER = ["Source", "URL", "Category", "Keyword", "Time", "Title", "Content"]


def _crawl_rows():
    return [
        ["Tuổi Trẻ", "https://tuoitre.vn/hoi-dam-1.htm", "Thế giới", "ba lan", "Thứ ba, 12/3/2025 19:27 (GMT+7)",
         "Hội đàm với Ba Lan", ARTICLE_1],
        ["Znews", "https://znews.vn/tiep-dai-su-post2.html", "Chính trị", "chile", "14/03/2025 20:01 GMT+7",
         "Tiếp Đại sứ Chile", ARTICLE_2],
        ["Znews", "https://znews.vn/bad-post3.html", "Chính trị", "", "hôm qua", "Ngày lạ", ARTICLE_2],
        ["Znews", "https://znews.vn/empty-post4.html", "Chính trị", "", "14/03/2025", "Trống", ""],
    ]


@pytest.fixture
def crawl_csv(tmp_path):
    path = tmp_path / "dataset_paper_2025.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CRAWL_HEADER)
        writer.writerows(_crawl_rows())
    return path


COLUMNS = "text=Content,title=Title,date=Time,url=URL,outlet=Source"


def test_crawl_csv_ingests_through_columns(crawl_csv, tmp_path):
    db = tmp_path / "c.db"
    result = CliRunner().invoke(main, ["ingest", str(crawl_csv), "--db", str(db), "--columns", COLUMNS])
    assert result.exit_code == 1                      # two bad rows, each named, the others stored
    assert "new 2 · unchanged 0 · duplicate 0 · skipped 0 · failed 2" in result.output
    assert f"error: {crawl_csv}:row 4: unreadable date 'hôm qua'" in result.output
    assert f"error: {crawl_csv}:row 5: empty text" in result.output
    docs = [json.loads(line) for line in CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).output.splitlines()]
    assert {(d["outlet"], str(d["pub_date"]), d["title"]) for d in docs} == {
        ("Tuổi Trẻ", "2025-03-12", "Hội đàm với Ba Lan"), ("Znews", "2025-03-14", "Tiếp Đại sứ Chile")}


def test_a_tsv_and_a_parquet_export_read_like_the_csv(tmp_path):
    tsv = tmp_path / "export.tsv"
    tsv.write_text("\t".join(CRAWL_HEADER) + "\n" + "\n".join("\t".join(r) for r in _crawl_rows()[:2]) + "\n",
                   encoding="utf-8")
    parquet = tmp_path / "export.parquet"
    pq.write_table(pa.table({h: [r[i] for r in _crawl_rows()[:2]] for i, h in enumerate(CRAWL_HEADER)}), parquet)
    for path in (tsv, parquet):
        docs = [r.doc for r in iter_documents([str(path)], {"text": "Content", "date": "Time", "url": "URL",
                                                              "outlet": "Source", "title": "Title"})]
        assert [(d.outlet, str(d.pub_date), d.url) for d in docs] == [
            ("Tuổi Trẻ", "2025-03-12", "https://tuoitre.vn/hoi-dam-1.htm"),
            ("Znews", "2025-03-14", "https://znews.vn/tiep-dai-su-post2.html")], path


def test_usual_headers_need_no_mapping_and_a_wrong_mapping_is_one_line(crawl_csv):
    docs = [r.doc for r in iter_documents([str(crawl_csv)]) if r.doc]
    assert [d.title for d in docs] == ["Hội đàm với Ba Lan", "Tiếp Đại sứ Chile"]
    errors = [str(r.error) for r in iter_documents([str(crawl_csv)], {"text": "Body"})]
    assert errors == [f"{crawl_csv}: no column 'Body' (columns: {', '.join(CRAWL_HEADER)})"]
    bad = CliRunner().invoke(main, ["extract", str(crawl_csv), "--columns", "txt=Content"])
    assert bad.exit_code == 2 and "is not FIELD=COLUMN" in bad.output


def test_batch_reads_the_crawl_csv_with_the_same_mapping(crawl_csv, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(crawl_csv), "--out", str(out), "--scheduler", "sync",
                                       "--columns", COLUMNS])
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.output and "2 errors" in result.output
    db = tmp_path / "b.db"
    assert CliRunner().invoke(main, ["load", str(out), "--db", str(db)]).exit_code == 0
    docs = [json.loads(line) for line in CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).output.splitlines()]
    assert sorted(d["url"] for d in docs) == ["https://tuoitre.vn/hoi-dam-1.htm", "https://znews.vn/tiep-dai-su-post2.html"]
