"""The cleaning step on the three real seed articles: furniture out, captions apart, body kept."""
import re

import pytest

pytestmark = pytest.mark.shared

FURNITURE = ["HOTLINE", "ĐẶT MUA BÁO", "Thời sự Chính trị", "Tin liên quan", "Ảnh 1", "Ảnh: Hữu Hưng",
             "(Ảnh: TTXVN phát)", "Dương Ngọc", "Đặc phái viên của Tổng Bí thư, Chủ tịch Trung Quốc",
             "dâng hương tưởng niệm", "tổng bí thư, chủ tịch nước lào", "./.", "(NLĐO)"]


@pytest.mark.parametrize("name", ["000_b14b693744722153.txt", "001_9532068797d2caf4.txt", "002_e63822597abfa0e4.txt"])
def test_clean_seed_has_no_furniture(seed_articles, name):
    text = seed_articles[name].text
    for junk in FURNITURE:
        assert junk not in text, junk


def test_clean_seed_keeps_every_body_paragraph(seed_articles):
    from conftest import SEEDS
    for name, article in seed_articles.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        # every long line of the raw body that is not a teaser after "Tin liên quan" survives whole
        body = raw.split("Tin liên quan")[0]
        for line in body.splitlines():
            line = line.strip()
            if len(line) > 150 and "Ảnh" not in line and not line.startswith(" date"):
                line = re.sub(r"^\(NLĐO\)-\s*", "", re.sub(r"^date \S+ ", "", line)).removesuffix("/.")
                assert line in article.text, line[:60]


def test_clean_seed_metadata(seed_articles):
    a, b, c = (seed_articles[k] for k in sorted(seed_articles))
    assert str(a.pub_date) == "2026-01-30" and a.outlet == "Người Lao Động"
    assert a.title_text == "Chuyến công tác nước ngoài đầu tiên của Tổng Bí thư Tô Lâm sau Đại hội XIV"
    assert a.lead_text.startswith("Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước tới Lào")
    assert str(b.pub_date) == "2026-01-14" and b.outlet == "TTXVN" and b.title is None
    assert c.pub_date is None and c.title_text.startswith("Quan hệ Việt Nam - Lào là ưu tiên hàng đầu")


def test_clean_seed_captions_kept_apart(seed_articles):
    a = seed_articles["000_b14b693744722153.txt"]
    b = seed_articles["001_9532068797d2caf4.txt"]
    assert any(c.endswith("Ảnh: Hữu Hưng") for c in a.captions)
    assert any("- Ảnh 1." in c for c in a.captions)
    assert len([c for c in b.captions if "(Ảnh: TTXVN phát)" in c]) == 2
    kinds = {r.kind for r in a.removed}
    assert {"hotline", "breadcrumb", "byline", "related", "outlet"} <= kinds


def test_clean_offsets_point_into_cleaned_text(seed_articles):
    for article in seed_articles.values():
        for span in article.paragraphs:
            assert 0 <= span.start < span.end <= len(article.text)
            assert article.text[span.start:span.end].strip() == article.text[span.start:span.end]


def test_clean_runs_captions_out_of_baomoi_body():
    from conftest import DATA
    from sukien.clean import clean
    from sukien.ingest import iter_documents
    doc = next(iter(iter_documents([str(DATA / "news_dev" / "baomoi_22243492.txt")]))).doc
    article = clean(doc)
    assert "Ảnh: Yonhap" not in article.text
    assert article.captions == ["Tân Tổng thống Hàn Quốc Moon Jae-in. Ảnh: Yonhap."]
    assert "Văn phòng Tổng thống Moon cho biết" in article.text


def test_clean_nld_title_run_into_body_and_html_entity():
    from conftest import DATA
    from sukien.clean import clean
    from sukien.ingest import iter_documents
    d = DATA / "news_dev"
    nld = clean(next(iter(iter_documents([str(d / "vntc_test_XH_NLD_T_9239.txt")]))).doc)
    assert nld.outlet == "Người Lao Động"
    assert nld.lead_text.startswith("Ngày 16-1, tại Hà Nội, Tổng Bí thư Nông Đức Mạnh")
    tn = clean(next(iter(iter_documents([str(d / "vntc_train_XH_TN_1416.txt")]))).doc)
    assert "&gt;" not in tn.text and ">>" not in tn.text
    assert tn.lead_text.startswith("Sáng qua 14/4")


def test_normalize_tone_marks_one_placement():
    from sukien.clean.normalize import normalize_text
    assert normalize_text("hoà bình, thuỷ chung, Cộng hoà, quý") == "hòa bình, thủy chung, Cộng hòa, quý"
    assert normalize_text("hoàng, khoẻ") == "hoàng, khỏe"
    assert normalize_text("Ho\u0300a") == "Hòa"   # decomposed input
