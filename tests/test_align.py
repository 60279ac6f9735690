"""Every span of the cleaned text points back into the raw text: NFD records, collapsed spaces, re-spacing,
captions and teasers cut out, HTML pages."""
import unicodedata

import pytest

from conftest import DATA, SEEDS
from sukien.clean import clean
from sukien.ingest import iter_documents
from sukien.ingest.readers import read_html
from sukien.model import RawDocument


def _base(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[:1].lower().replace("đ", "d")


def _body_offsets(article):
    for span in article.paragraphs:
        if span != article.title:
            yield from (i for i in range(span.start, span.end) if not article.text[i].isspace())


def test_an_nfd_record_with_runs_of_spaces_and_a_teaser_maps_back():
    body = "Chiều 12/3,   Thủ tướng Đào Quốc Tuấnđã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội. " * 3
    text = unicodedata.normalize("NFD", body.strip()) + "  Tin khác 6 giờ trước22:0023/4/2025Thế giớiThế giới 0 Một tin khác."
    raw = RawDocument(key="k", source="k", kind="jsonl", title="Hội đàm", raw_text=text, outlet="Znews")
    article = clean(raw)
    assert "Tin khác" not in article.text
    offsets = list(_body_offsets(article))
    for i in offsets:
        assert _base(text[article.raw_offset(i)]) == _base(article.text[i])
    assert all(article.raw_offset(i) is not None for i in offsets)


def test_an_html_page_maps_into_its_markup():
    html = ("<html><head><title>Hội đàm</title></head><body><article><h1>Hội đàm với Ba Lan</h1>"
            "<p>Chiều 12/3, Thủ tướng <b>Đào Quốc Tuấn</b>đã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội.</p>"
            "<p>Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư giữa hai nước.</p>"
            "</article></body></html>")
    doc = read_html(html, "page.html", "page.html")
    article = clean(doc)
    at = article.text.index("Jan Nowak")
    assert html[article.raw_offset(at):].startswith("Jan Nowak")
    at = article.text.index("đã hội đàm")
    assert html[article.raw_offset(at):].startswith("đã hội đàm")


@pytest.mark.shared
def test_cleaned_text_of_the_shared_data_maps_back_into_the_raw_text():
    inputs = [SEEDS, DATA / "news_dev", DATA / "news_leads_dev" / "articles.jsonl",
              DATA / "news_modern_dev" / "articles.jsonl"]
    mapped = total = 0
    for result in iter_documents([str(p) for p in inputs]):
        article = clean(result.doc)
        for i in _body_offsets(article):
            total += 1
            r = article.raw_offset(i)
            if r is not None:
                assert _base(article.raw_text[r]) == _base(article.text[i]), (article.key, i)
                mapped += 1
    assert total > 500_000
    assert mapped / total > 0.995
