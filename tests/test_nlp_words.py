"""Word segmentation: offsets exact and lossless, the name+verb glue repaired."""


import pytest

from sukien.nlp.words import word_spans


@pytest.mark.shared
def test_words_lossless_on_seed_sentences(seed_articles):
    for article in seed_articles.values():
        text = article.text
        spans = word_spans(text)
        assert spans
        pos = 0
        for s in spans:
            assert text[pos:s.start].strip() == "", text[pos:s.start]   # only whitespace between words
            assert text[s.start:s.end] == text[s.start:s.end].strip()
            pos = s.end
        assert text[pos:].strip() == ""


@pytest.mark.parametrize("sentence,word", [
    ("Tổng Bí thư Tô Lâm tiếp Đại sứ Lào.", "Tô Lâm"),
    ("Đồng chí Tô Lâm hội đàm với Thongloun Sisoulith.", "Tô Lâm"),
])
def test_words_glued_name_is_split(sentence, word):
    words = [sentence[s.start:s.end] for s in word_spans(sentence)]
    assert word in words
    assert not any(w.startswith(word + " ") for w in words)
