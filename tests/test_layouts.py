"""Crawl layouts per outlet: teasers, promotion boxes and trailing leads go to the furniture, never lost,
never a source of events. Every record here is invented in the shape of the 2025 crawl."""
import pytest

from sukien.clean import clean
from sukien.model import RawDocument
from sukien.pipeline import process

BODY = ("Chiều 12/3, Thủ tướng Đào Quốc Tuấn đã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội. "
        "Hai bên nhất trí tăng cường hợp tác kinh tế. Hai Thủ tướng cũng trao đổi về các vấn đề quốc tế.")
TEASERS = ("  Tổng thống Pháp thăm Ấn Độ 13:45 25/4/202513:4525/4/2025Thế giớiThế giới 0 Tổng thống Pháp Alain "
           "Mercier đã hội kiến Thủ tướng Ấn Độ tại New Delhi."
           "  Hàn Quốc ký thỏa thuận với Mỹ 6 giờ trước22:0023/4/2025Thế giớiThế giới 0 Hàn Quốc và Mỹ đã ký "
           "thỏa thuận thương mại.")
BOOK_BOX = (" Những cuốn sách hay về châu Âu Tri Thức - Znews giới thiệu tới độc giả các cuốn sách hay "
            "nên đọc để hiểu thêm về châu Âu.")


def _record(text, outlet, kind="jsonl", url=None):
    return RawDocument(key="k", source="test:1", raw_text=text, kind=kind, title="Tiêu đề", outlet=outlet,
                       url=url)


def test_znews_teasers_and_book_box_become_furniture():
    article = clean(_record(BODY + BOOK_BOX + TEASERS, "Znews"))
    assert article.text.endswith("các vấn đề quốc tế.")
    kinds = [r.kind for r in article.removed]
    assert kinds.count("related") == 2 and kinds.count("promo") == 1
    assert any("Alain Mercier" in r.text for r in article.removed)        # kept, not lost


def test_teasers_give_no_events_names_or_dates():
    processed = process(_record(BODY + BOOK_BOX + TEASERS, "Znews"))
    sides = {e.source.name for e in processed.events} | {e.target.name for e in processed.events}
    assert "Alain Mercier" not in sides and "KOR" not in {e.target.country for e in processed.events}
    assert [e.type for e in processed.events] == ["TALKS"]


def test_the_layout_is_found_by_url_host_too():
    article = clean(_record(BODY + TEASERS, None, url="https://znews.vn/bai-viet-post123.html"))
    assert "Alain Mercier" not in article.text


def test_a_long_block_after_two_spaces_is_body_not_a_teaser():
    long_block = "  Trong chuyến thăm, " + "hai bên đã thảo luận nhiều nội dung hợp tác cụ thể. " * 15
    article = clean(_record(BODY + long_block, "Znews"))
    assert "hai bên đã thảo luận" in article.text


def test_two_spaces_inside_a_sentence_or_a_hard_wrap_are_no_block():
    text = BODY + " Ông Nowak  cho biết Ba Lan coi trọng quan hệ với Việt Nam     trong mọi lĩnh vực."
    article = clean(_record(text, "Znews"))
    assert "coi trọng quan hệ với Việt Nam trong mọi lĩnh vực." in article.text


TRAILING_LEAD = " Sáng 4-4, Chủ tịch nước Lê Minh Khang đón Tổng thống Peru Luis Cardenas tại Phủ Chủ tịch."


def test_tuoitre_trailing_lead_of_another_article_is_cut():
    article = clean(_record(BODY + TRAILING_LEAD, "Tuổi Trẻ"))
    assert article.text.endswith("các vấn đề quốc tế.")
    assert [r.kind for r in article.removed if "Luis Cardenas" in r.text] == ["related"]


def test_tuoitre_trailing_lead_after_captions_starts_after_the_last_credit():
    captions = (" Thiếu nhi tặng hoa cho Thủ tướng - Ảnh: TTXVN Đội danh dự báo cáo hai nhà lãnh đạo - Ảnh: TTXVN"
                " Sáng 4-4, Thủ tướng Ba Lan Jan Nowak rời Hà Nội, kết thúc chuyến thăm.")
    article = clean(_record(BODY + captions, "Tuổi Trẻ"))
    assert "kết thúc chuyến thăm" not in article.text
    assert any(r.text.startswith("Sáng 4-4, Thủ tướng Ba Lan") for r in article.removed)


def test_a_short_record_keeps_its_last_sentence():
    text = "Chiều 12/3, Thủ tướng Đào Quốc Tuấn đã hội đàm với Thủ tướng Ba Lan Jan Nowak."
    assert clean(_record(text, "Tuổi Trẻ")).text.endswith("Jan Nowak.")


@pytest.mark.parametrize("kind", ["html", "text"])
def test_pages_and_plain_files_are_not_cut_by_a_crawl_layout(kind):
    # trafilatura finds the body of a page; the last sentence of a Tuổi Trẻ page is the story's own
    article = clean(_record(BODY + TRAILING_LEAD, "Tuổi Trẻ", kind=kind))
    assert "Luis Cardenas" in article.text


def test_other_outlets_are_left_alone():
    article = clean(_record(BODY + TEASERS, "VnExpress"))
    assert "Alain Mercier" in article.text


def test_tuoitre_caption_at_the_head_goes_to_the_captions_with_its_whole_credit():
    head = ("Lãnh đạo hai bộ đã ký bản ghi nhớ. Sự kiện được chứng kiến bởi Thủ tướng Đào Quốc Tuấn và Thủ tướng "
            "Ba Lan Jan Nowak - Ảnh: QUANG ĐỊNH ")
    article = clean(_record(head + BODY + TRAILING_LEAD, "Tuổi Trẻ"))
    assert article.text.startswith("Tiêu đề\n\nChiều 12/3, Thủ tướng Đào Quốc Tuấn")
    assert article.captions[0].startswith("Lãnh đạo hai bộ đã ký bản ghi nhớ.")
    assert article.captions[0].endswith("Ảnh: QUANG ĐỊNH")
    assert [e.type for e in process(_record(head + BODY + TRAILING_LEAD, "Tuổi Trẻ")).events] == ["TALKS"]


def test_a_lead_before_a_one_sentence_caption_stays_in_the_body():
    text = ("Sáng 25/4, Chủ tịch nước Lê Minh Khang đã hội đàm với Tổng thống Chile Pablo Ortega tại Santiago. "
            "Hai nhà lãnh đạo bắt tay. Ảnh:Lâm Khánh/TTXVN. " + BODY)
    article = clean(_record(text, "Znews"))
    assert article.text.startswith("Tiêu đề\n\nSáng 25/4, Chủ tịch nước Lê Minh Khang đã hội đàm")
    assert "Hai nhà lãnh đạo bắt tay" not in article.text
