"""Every date form of the contract, resolved against a publication date (or not, and then never a year)."""
from datetime import date

import pytest

from sukien.extract.dates import document_year, find_dates, resolve

PUB = date(2026, 1, 30)


@pytest.mark.parametrize("text,start,end,precision", [
    ("ngày 5-2-2026", "2026-02-05", None, "day"),
    ("5/2/2026", "2026-02-05", None, "day"),
    ("19-25/1/2026", "2026-01-19", "2026-01-25", "day"),
    ("từ ngày 26 đến 27-1", "2026-01-26", "2026-01-27", "day"),
    ("từ ngày 11 - 15/5/2017", "2017-05-11", "2017-05-15", "day"),
    ("từ 26/6 đến 1/7/2017", "2017-06-26", "2017-07-01", "day"),
    ("sáng 14/1", "2026-01-14", None, "day"),
    ("chiều 26-1", "2026-01-26", None, "day"),
    ("ngày 5 tháng 2 năm 2026", "2026-02-05", None, "day"),
    ("hôm qua", "2026-01-29", None, "day"),
    ("sáng nay", "2026-01-30", None, "day"),
    ("trong tuần tới", "2026-02-02", "2026-02-08", "week"),
    ("tháng 3-2005", "2005-03-01", None, "month"),
    ("Ngày 2/1", "2026-01-02", None, "day"),
    ("ngày 28/12", "2025-12-28", None, "day"),   # late December in a January article is last year
    ("trong hai ngày 14 và 15-1", "2026-01-14", "2026-01-15", "day"),
    ("ngày 14 và 25/1/2026", "2026-01-25", None, "day"),       # two days by "và" alone: the date written whole
])
def test_dates_resolve_each_form(text, start, end, precision):
    found = find_dates(text)
    assert len(found) == 1, found
    r = resolve(found[0], PUB, None)
    assert (r.start, r.end, r.precision) == (start, end, precision)
    assert r.text == found[0].text


def test_dates_without_year_stay_unknown():
    r = resolve(find_dates("Ngày 1/12, đồng chí Tô Lâm")[0], None, None)
    assert r.start is None and r.precision == "unknown" and r.text == "Ngày 1/12"


def test_dates_year_from_anniversary():
    from sukien.lexicons.index import lexicon
    text = "nhân dịp kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào"
    year = document_year(text, [], lambda pos: lexicon().countries["LAO"])
    assert year == 2024


def test_dates_year_from_caption_when_no_publication_date():
    assert document_year("Chiều 12/5, tại Bắc Kinh", ["Chiều 12/5/2017, tại Đại Lễ đường. Ảnh: TTXVN"],
                         lambda pos: None) == 2017


@pytest.mark.parametrize("text", ["ngày 31/2", "ngày 99-99-2026", "tỷ số 2-1", "50/50"])
def test_dates_invalid_never_crash_nor_invent(text):
    for e in find_dates(text):
        r = resolve(e, PUB, None)
        assert r.start is None or date.fromisoformat(r.start)


def test_dates_year_the_text_names_as_its_present():
    text = ("Chiều 21/5, Chủ tịch nước tiếp Bộ trưởng. Hai bên nhất trí tổ chức thành công năm nay (2017) "
            "và hướng tới mục tiêu đến năm 2030.")
    assert document_year(text, [], lambda pos: None) == 2017          # not the target year 2030
    assert document_year("45 năm thiết lập quan hệ ngoại giao (1972 - nay)", [], lambda pos: None) == 2017
    assert document_year("kim ngạch năm 2016 tăng; 45 năm thiết lập quan hệ ngoại giao, giai đoạn 2018-2020",
                         [], lambda pos: None) is None                 # no year the text calls its own
    assert document_year("Chiều 21/5, hai bên hội đàm.", [], lambda pos: None) is None


def test_dates_first_day_of_the_visit():
    from test_events_extract import events_of
    evs = events_of("Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn thăm chính thức Liên bang Nga từ ngày 2-4/4. Trong "
                    "ngày làm việc đầu tiên, Bộ trưởng Ngoại giao hai nước đã hội đàm tại trụ sở Bộ Ngoại giao Nga.",
                    pub="2025-04-02")
    visit = [e for e in evs if e["type"] == "VISIT"][0]
    assert (visit["date_start"], visit["date_end"], visit["modality"]) == ("2025-04-02", "2025-04-04", "ongoing")
    talks = [e for e in evs if e["type"] == "TALKS"]
    assert len(talks) == 1 and talks[0]["date_start"] == "2025-04-02" and talks[0]["date_end"] is None


def test_dates_belong_to_their_own_verb():
    from test_events_extract import events_of
    evs = events_of("Thủ tướng Campuchia Hun Manet tới Hà Nội chiều 10/12 và sẽ hội đàm với Thủ tướng Phạm Minh Chính vào "
                    "sáng 11/12.", pub="2024-12-09")
    assert [(e["type"], e["date_start"], e["modality"]) for e in evs] == [("VISIT", "2024-12-10", "planned"),
                                                                          ("TALKS", "2024-12-11", "planned")]
    evs = events_of("Trong khuôn khổ chuyến thăm từ ngày 10 đến 12/3, chiều 11/3, Thủ tướng Phạm Minh Chính đã gặp Tổng "
                    "thống Pháp Emmanuel Macron.", pub="2025-03-12")
    assert [(e["type"], e["date_start"]) for e in evs if e["type"] == "MEETING"] == [("MEETING", "2025-03-11")]


def test_dates_said_done_with_a_day_after_the_report_is_the_year_before():
    from test_events_extract import events_of
    evs = events_of("Tổng thống Philippines Ferdinand Marcos đã thăm cấp Nhà nước Việt Nam từ ngày 29 đến 30/1.",
                    pub="2024-11-20")
    assert [(e["date_start"], e["date_end"], e["modality"]) for e in evs] == [("2024-01-29", "2024-01-30", "occurred")]
    evs = events_of("Tổng thống Philippines Ferdinand Marcos sẽ thăm cấp Nhà nước Việt Nam từ ngày 29 đến 30/1.",
                    pub="2024-11-20")
    assert [(e["date_start"], e["modality"]) for e in evs] == [("2025-01-29", "planned")]


def test_dates_events_referred_to_do_not_take_the_sentence_day():
    from test_events_extract import events_of
    evs = events_of("Chiều 6/9, Thủ tướng Phạm Minh Chính đã có buổi làm việc với Đại sứ Hàn Quốc Choi Young-Sam nhằm cụ "
                    "thể hóa nội dung cuộc điện đàm giữa Tổng Bí thư Tô Lâm với Tổng thống Hàn Quốc Yoon Suk Yeol, cũng "
                    "như các thỏa thuận đạt được trong chuyến thăm Hàn Quốc của Thủ tướng vừa qua.", pub="2024-09-06")
    assert sorted((e["type"], e["date_start"]) for e in evs) == [
        ("MEETING", "2024-09-06"), ("PHONE_CALL", None), ("VISIT", None)]
