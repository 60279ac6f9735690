"""Re-spacing by the structure of the Vietnamese syllable: glued words split, nothing else touched."""
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from sukien.clean import clean
from sukien.clean.respace import respace, split_token
from sukien.lexicons.syllable import is_syllable
from sukien.model import RawDocument

# Invented sentences in the shape of the 2025 crawl: a link or bold run ended without its space.
GLUED = [
    ("Thủ tướng Đào Quốc Tuấnđã hội kiến", "Thủ tướng Đào Quốc Tuấn đã hội kiến"),
    ("Bộ trưởng Ngoại giao Trung QuốcVương Hải", "Bộ trưởng Ngoại giao Trung Quốc Vương Hải"),
    ("điện đàm với Tổng thống MỹAlan Brooksvề thuế quan", "điện đàm với Tổng thống Mỹ Alan Brooks về thuế quan"),
    ("quản lýtài sản sốtại Việt Namlà", "quản lý tài sản số tại Việt Nam là"),
    ("bàNgô Thị Hạnh nói", "bà Ngô Thị Hạnh nói"),
    ("Cơ quan (MAS) vàỦy ban Chứng khoán", "Cơ quan (MAS) và Ủy ban Chứng khoán"),
    ("được nâng tầm làĐối tác chiến lược toàn diện", "được nâng tầm là Đối tác chiến lược toàn diện"),
    ("ÔngKarl Weber phát biểu", "Ông Karl Weber phát biểu"),
    ("theoTTXVN, TheoReuters", "theo TTXVN, Theo Reuters"),
    ("giá 20 USDvào tháng 5", "giá 20 USD vào tháng 5"),
    ("Chủ tịch CubaMiguel Herrera", "Chủ tịch Cuba Miguel Herrera"),
    ("Tổng thốngMỹAlan Brooks", "Tổng thống Mỹ Alan Brooks"),          # three words, two changes of case
    ("ở đâuvàBạn đọc", "ở đâu và Bạn đọc"),
    ("giá1,32 triệu USDvà30 triệu USD", "giá 1,32 triệu USD và 30 triệu USD"),
    ("ngày20/5, năm2025", "ngày 20/5, năm 2025"),
    ("phế truất Tổng thống Park Jun Seokliên quan", "phế truất Tổng thống Park Jun Seok liên quan"),  # a circumflex
]

# Foreign names, codes and addresses that must stay as written.
NEVER_SPLIT = ["Kuwait", "Ramaphosa", "McNamara", "AlBudaiwi", "LeCun", "DeSantis", "iPhone", "VinFast",
               "TikTok", "YouTube", "José", "João", "Martín", "Ramón", "Rubén", "Bogotá", "Perú", "Niccolò",
               "Forêt", "Bellême", "Crêpes", "Hélène", "Gaëlle", "Françoise", "Désiré",
               "U23", "COVID-19", "G20", "F16", "H5N1", "km2", "iPhone16", "Motor1", "https://tuoitre.vn/ChinhPhu-va", "ban.doc@TuoiTre.vn",
               "Tiếng Việt", "Nguyễn", "nghiêng", "khuỷu", "quỳnh", "Quốc", "QUỐC"]


@pytest.mark.parametrize("glued,spaced", GLUED)
def test_glued_words_of_the_crawl_are_split(glued, spaced):
    assert respace(glued).text == spaced


@pytest.mark.parametrize("text", NEVER_SPLIT)
def test_foreign_names_codes_and_addresses_are_never_split(text):
    assert respace(text).text == text


def test_two_readings_are_left_as_written():
    # "sốtại" has one reading with an onset on the second syllable; "thanhoa" has two ("than hoa",
    # "thanh oa") and no mark only Vietnamese writes: left alone
    assert split_token("sốtại") == ("số", "tại")
    assert split_token("thanhoa") == ("thanhoa",)


def _one_syllable_shape(word: str) -> bool:
    """Independent of the syllable model: one run of vowels and at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(c in "\u0300\u0301\u0303\u0309\u0323" for c in decomposed)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tones <= 1 and len(re.findall("[aeiouy]+", letters)) == 1


def _dictionary_syllables() -> set[str]:
    """The syllables of underthesea's Viet74K word list: pieces of its words of two or more syllables."""
    import underthesea
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    syllables = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        pieces = unicodedata.normalize("NFC", line).split()
        if len(pieces) > 1:
            syllables.update(p for p in pieces if re.fullmatch(r"[^\W\d_]+", p) and _one_syllable_shape(p))
    return syllables


def test_no_syllable_of_a_vietnamese_word_list_is_split():
    syllables = _dictionary_syllables()
    assert len(syllables) > 8000
    split = sorted(s for s in syllables if respace(s).text != s)
    assert split == []
    # and the model knows nearly all of them; the rest are misspellings in the list ("lưòi", "trưởnc"),
    # loans ("jeep", "volt") and names in minority languages ("Krông", "Phlắc")
    unknown = [s for s in syllables if not is_syllable(s)]
    assert len(unknown) < 0.015 * len(syllables), unknown[:20]


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_WORDS = st.text(alphabet=_ALPHABET + _ALPHABET.upper() + "AZWJF0123456789-.@/:_", min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12))
def test_respacing_only_inserts_spaces_and_maps_every_offset_back(words):
    text = " ".join(words)
    result = respace(text)
    assert all(result.text[i] == " " for i in result.inserted)
    kept = [c for i, c in enumerate(result.text) if i not in set(result.inserted)]
    assert "".join(kept) == text
    for offset, ch in enumerate(result.text):
        if offset not in result.inserted:
            assert text[result.to_source(offset)] == ch


def test_cleaned_article_names_are_whole_and_offsets_map_back_to_the_raw_text():
    raw = RawDocument(key="k", source="k", kind="jsonl", title="Thủ tướng tiếp Đại sứ",
                      raw_text="Chiều 3/4,  Thủ tướng Đào Quốc Tuấnđã tiếp Đại sứ Nhật BảnIto Kenji tại Hà Nội.")
    article = clean(raw)
    assert "Đào Quốc Tuấn đã tiếp Đại sứ Nhật Bản Ito Kenji" in article.text
    for word in ("Chiều", "Tuấn", "đã", "Ito", "Nội."):
        at = article.text.index(word)
        assert raw.raw_text[article.raw_offset(at):].startswith(word)
    assert article.raw_offset(article.text.index("đã") - 1) is None       # the space re-spacing put in
    assert article.raw_offset(0) is None                                   # the title came from metadata


def test_an_unmarked_syllable_glued_to_a_marked_capitalised_one_is_two_words():
    assert respace("Bộ trưởng Ngoại giaoBùi Thanh Sơn").text == "Bộ trưởng Ngoại giao Bùi Thanh Sơn"
    assert respace("quan hệ ngoại giaoViệt Nam").text == "quan hệ ngoại giao Việt Nam"
    # twins: brands and names that change case inside stay whole
    for word in ("macOS", "iPhone", "eBay", "YouTube", "McDonald", "LeBron", "DeSantis", "webVnExpress", "giaoBui"):
        assert respace(f"dùng {word} mỗi ngày").text == f"dùng {word} mỗi ngày"
