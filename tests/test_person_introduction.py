"""A foreign name taken by its shape alone is a person only when the article introduces someone by it
(extract/mentions.py introduce_people); place nouns and sports or business titles before a name. Invented text."""
from datetime import date

from sukien.clean import clean
from sukien.extract.events import extract_events
from sukien.extract.mentions import sentence_mentions
from sukien.model import RawDocument


def people_of(text: str) -> set[str]:
    article = clean(RawDocument("x.txt", "x.txt", text, pub_date=date(2025, 5, 3)))
    mentions, _ = extract_events(article)
    return {m.name for m in mentions if m.kind == "person"}


def test_a_club_or_a_firm_never_introduced_as_someone_is_no_person():
    text = ("Aston Harbour thắng đậm trên sân nhà.\n\n"
            "Sau trận, Aston Harbour đứng thứ ba. Nhà đầu tư Lumen Ridge cũng rót vốn vào Scale Loop.")
    assert not people_of(text) & {"Aston Harbour", "Lumen Ridge", "Scale Loop"}


def test_a_person_introduced_anywhere_in_the_article_stays():
    text = ("Jamo Lennox nhận nhiều lời bàn tán khi đăng ảnh.\n\n"
            "Jamo Lennox (25 tuổi, sống ở Perth) cho biết anh không bận tâm.")
    assert "Jamo Lennox" in people_of(text)
    text = "Tạm biệt chính trị, Elan Moskovitz về lại công ty.\n\n\"Chúng tôi sẽ làm robot,\" Moskovitz nói."
    assert "Elan Moskovitz" in people_of(text)
    text = "Kiran Patelle gửi thư.\n\nTrong thư, chị Patelle nhắc lại đề nghị."
    assert "Kiran Patelle" in people_of(text)
    # a title anywhere before one mention introduces all of them
    text = "Dân biểu Ronny Jacksen từ bang Texas lên tiếng.\n\nRonny Jacksen nói thêm về đạo luật."
    assert "Ronny Jacksen" in people_of(text)


def test_a_bracketed_body_or_a_dash_between_office_and_holder_still_introduces():
    text = ("Thủ tướng tiếp Tổng Thư ký Hội đồng Hợp tác Vùng Vịnh (GCC) Jasem Albadawi nhân dịp hội nghị.")
    assert "Jasem Albadawi" in people_of(text)
    text = "Thủ tướng gặp Chủ tịch Quốc hội bang Hessen - Norbert Kartmayer tại Wiesbaden."
    assert "Norbert Kartmayer" in people_of(text)


def test_one_word_after_a_sports_title_is_the_club_unless_someone_of_that_name_was_named():
    s = "Ông từng là cựu HLV Chelsford và Tottenham."
    assert [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"] == []
    assert "Rubio Amorin" in people_of("HLV Rubio Amorin nhận việc.\n\nHLV Amorin cho biết đội sẽ thay đổi.")


def test_after_a_place_noun_a_long_run_is_the_place_then_the_holder():
    s = "Ông tiếp Chủ tịch Ủy ban Đoàn kết bang Tây Bengal Geetesh Sharman và phu nhân."
    assert "Geetesh Sharman" in [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"]
    s = "Bang Hessen là đối tác quan trọng của Việt Nam."
    assert [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"] == []


def test_products_studios_quotes_and_landforms_are_no_people_but_regnal_numerals_stay():
    def names(s):
        return [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"]
    assert names("Khoản đầu tư vào Scale Loop AI gây chú ý.") == []
    assert names("Mới đây, startup AI Anthropica thông báo.") == []
    assert names("Mẫu Bentwood EXP ra mắt tại Ấn Độ.") == []
    assert names("Anh được gọi là 'Vua Tinderly' trên mạng.") == []
    assert names("Chuyến đi lên cao nguyên Y Tý rất đẹp.") == []
    assert names("Chủ tịch nước gửi điện mừng Giáo hoàng Leo XIV.") == ["Leo XIV"]
    assert names("Kế nhiệm hoa hậu Thanh Thúy- đương kim hoa hậu, Kiều Vy gặp thử thách.")[0] == "Thanh Thúy"
    assert names("Ông Trump đã tăng áp lực lên chủ tịch Fedro.") == ["Trump"]
