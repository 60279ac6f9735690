"""Name boundaries and complete lexicons (issue 12): a person's name never holds an honorific, a degree, an
acronym, a firm or a ticker; every ISO 3166 country is in the country table. Sentences are invented."""
import pycountry
import pytest

from sukien.extract.mentions import sentence_mentions
from sukien.lexicons import read_tsv
from sukien.lexicons.index import lexicon


def people(sentence: str) -> list[tuple[str, list[str]]]:
    return [(m.name, m.titles) for m in sentence_mentions(sentence, 0, len(sentence)) if m.kind == "person"]


@pytest.mark.parametrize("sentence,expected", [
    ("Thủ tướng tiếp ông Datuk Lim Boon Keat, Chủ tịch Hiệp hội Doanh nghiệp.", "Lim Boon Keat"),
    ("GS Martin Kessler cho rằng quan hệ hai nước còn nhiều dư địa.", "Martin Kessler"),
    ("Bộ trưởng tiếp Tan Sri Dato' Azman Bin Hashim tại Hà Nội.", "Azman Bin Hashim"),
    ("Thủ tướng tiếp YB Steven Ooi, Bộ trưởng Đầu tư Malaysia.", "Steven Ooi"),
    ("TS Lê Văn Khánh, Viện trưởng Viện Nghiên cứu, phát biểu.", "Lê Văn Khánh"),
    ("Thủ tướng gặp Tổng thư ký Hội đồng Hợp tác vùng Vịnh (GCC) Hamad Al Mansouri.", "Hamad Al Mansouri"),
    ("Chủ tịch Quốc hội tiếp Ngài Omar al-Masri, Chủ tịch Thượng viện Jordan.", "Omar al-Masri"),
    ("Bộ trưởng gặp ông Peter de Roover tại Brussels.", "Peter de Roover"),
])
def test_honorifics_acronyms_and_particles(sentence, expected):
    assert expected in [name for name, _ in people(sentence)]
    assert not any(name != expected and expected in name for name, _ in people(sentence))


@pytest.mark.parametrize("sentence,expected", [
    ("CEO Orbis Tim Walker thăm nhà máy ở Bình Dương.", "Tim Walker"),
    ("Chủ tịch Tập đoàn Hòa Phát Trần Đình Long phát biểu.", "Trần Đình Long"),
    ("Tổng giám đốc Tập đoàn Nordic Steel Anna Berg ký bản ghi nhớ.", "Anna Berg"),
])
def test_a_firm_before_a_name_is_not_the_name(sentence, expected):
    assert [name for name, _ in people(sentence)] == [expected]


@pytest.mark.parametrize("sentence", [
    "bà Nguyễn Thị Lan - tổng giám đốc Secora - cho biết đơn hàng giảm.",
    "Theo CEO Secora, thuế quan sẽ làm giá tăng.",
    "Giá đồng $KIWI tăng 50% sau thông báo.",
])
def test_a_firm_or_a_ticker_after_a_business_title_is_no_person(sentence):
    assert all(name in ("Nguyễn Thị Lan",) for name, _ in people(sentence))


def test_a_common_noun_before_a_name_is_not_a_place_word():
    assert [n for n, _ in people("Chuyên gia Vũ Minh Khương cho biết thuế sẽ giảm.")] == ["Vũ Minh Khương"]
    assert people("Đoàn tham quan sân bay Long Thành.") == []


def test_every_iso_3166_country_is_in_the_table():
    ours = {row[0] for row in read_tsv("countries.tsv")}
    assert {c.alpha_3 for c in pycountry.countries} - ours == set()


def test_a_country_name_belongs_to_one_country():
    seen: dict[str, str] = {}
    for row in read_tsv("countries.tsv"):
        for name in row[1].split("|"):
            assert seen.setdefault(name, row[0]) == row[0], name


@pytest.mark.parametrize("written,iso3", [
    ("Litva", "LTU"), ("Séc", "CZE"), ("CH Czech", "CZE"), ("Austria", "AUT"), ("Ca-dắc-xtan", "KAZ"),
    ("Burundi", "BDI"), ("Đài Loan", "TWN"), ("Hồng Kông", "HKG"), ("Guinea Xích Đạo", "GNQ"), ("Nam Sudan", "SSD"),
])
def test_country_spellings_vietnamese_papers_use(written, iso3):
    sentence = f"Đoàn đại biểu {written} thăm Hà Nội."
    countries = [m.value for m in lexicon().find(sentence) if m.kind == "country"]
    assert countries == [iso3]


@pytest.mark.parametrize("sentence,name,titles", [
    # a title is never taken from another person of the sentence
    ("Trong chuyến đi của Thủ tướng Đào Quốc Tuấn thì ông Harris cũng sẽ chứng kiến lễ ký.", "Harris", []),
    ("tổng bí thư Lê Minh Khang gặp phó thủ tướng Trịnh Minh Quang tại Hà Nội.", "Trịnh Minh Quang", ["Phó Thủ tướng"]),
    ("Chủ tịch nước Lê Minh Khang nói ông Jan Nowak là người bạn lớn.", "Jan Nowak", []),
    # variants of one office are one title
    ("Chủ tịch QH Trần Văn Hải tiếp đoàn.", "Trần Văn Hải", ["Chủ tịch Quốc hội"]),
    ("tổng bí thư Lê Minh Khang phát biểu.", "Lê Minh Khang", ["Tổng Bí thư"]),
    ("Thượng nghị sỹ Tom Becker đến Hà Nội.", "Tom Becker", ["Thượng nghị sĩ"]),
    # complements of a title still reach it
    ("Bộ trưởng Kinh tế, Thương mại và Công nghiệp Nhật Bản Kenji Mori đến Hà Nội.", "Kenji Mori", ["Bộ trưởng"]),
])
def test_titles_belong_to_their_own_person_and_one_form_per_office(sentence, name, titles):
    assert (name, titles) in people(sentence)


@pytest.mark.parametrize("sentence", [
    "Champions League mùa này có 36 đội, Premier League thì có 20.",
    "Man City thắng Leeds United 2-1 trên sân Old Trafford.",
    "Sở Giáo dục và Đào tạo thông báo lịch thi, Phòng Thương mại cũng vào cuộc.",
    "Toyota Supra và Galaxy Z Fold7 ra mắt cùng ngày; Mazda CX-8 giảm giá.",
    "The Coffee House mở thêm cửa hàng; My Life bán chạy; Miss Universe khởi tranh.",
    "Gen Z chuộng du lịch một mình.",
])
def test_bodies_teams_contests_works_and_products_are_no_people(sentence):
    assert people(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Ông Park Min-jun và tay đua Max Weber gặp nhau.", ["Park Min-jun", "Max Weber"]),
    ("Chủ tịch tập đoàn Microsoft Bill Gates và Chủ tịch Tập đoàn Samsung Lee Jae-yong đến Hà Nội.",
     ["Bill Gates", "Lee Jae-yong"]),
    ("Ông Nguyễn Thái Bình, Chủ tịch UBND tỉnh Thái Bình, tiếp đoàn.", ["Nguyễn Thái Bình"]),
    ("Bí thư Tỉnh ủy Hà Nam Lê Thị Thủy phát biểu.", ["Lê Thị Thủy"]),
    ("Tỷ phú Elon Musk Chẳng hạn đã nói như vậy.", ["Elon Musk"]),
])
def test_people_whose_names_look_like_those_things_stay_people(sentence, expected):
    assert [name for name, _ in people(sentence)] == expected


def test_a_foreign_surname_alone_is_the_person_named_before():
    from sukien.model import RawDocument
    from sukien.pipeline import process
    text = ("Tỷ phú Elon Weber gặp Tổng thống Mỹ Donald Harris tại Nhà Trắng. Weber cho biết cuộc gặp hiệu quả. "
            "Sau đó Weber rời Washington.")
    article = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text)).mentions
    assert [m.name for m in article if m.kind == "person"] == ["Elon Weber", "Donald Harris", "Elon Weber", "Elon Weber"]


@pytest.mark.parametrize("sentence,expected", [
    ("Theo Đại sứ Việt Nam tại Tây Ban Nha Đoàn Thanh Tùng, hai nước đang ở giai đoạn mới.", ["Đoàn Thanh Tùng"]),
    ("Đoàn Đại biểu Quốc hội do ông Trần Văn Hải dẫn đầu.", ["Trần Văn Hải"]),
    ("trung úy Phạm Khắc Minh chia sẻ niềm vinh dự.", ["Phạm Khắc Minh"]),
])
def test_a_surname_that_is_also_a_word_and_military_ranks(sentence, expected):
    assert [name for name, _ in people(sentence)] == expected


def test_two_private_people_make_no_event():
    from sukien.model import RawDocument
    from sukien.pipeline import process
    text = ("Chiều 12/3, tiền vệ Marco Bellini đã gặp huấn luyện viên Tomas Kral tại Milan. "
            "Chiều 13/3, Thủ tướng Đào Quốc Tuấn đã hội đàm với Thủ tướng Ba Lan Jan Nowak tại Hà Nội.")
    events = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text, pub_date=None)).events
    assert [(e.type, e.source.name, e.target.name) for e in events] == [("TALKS", "Đào Quốc Tuấn", "Jan Nowak")]


@pytest.mark.parametrize("sentence,expected", [
    ("Nếu Marco Bellini ghi bàn, đội sẽ thắng.", ["Marco Bellini"]),
    ("Vợ Tom Becker cho biết ông đã về nhà.", ["Tom Becker"]),
    ("YouTuber Park Min-jun có 3 triệu người theo dõi.", ["Park Min-jun"]),
    ("Chủ tịch Quốc hội Campuchia Heng Sarin và Thủ tướng Hun Sok hội đàm.", ["Heng Sarin", "Hun Sok"]),
])
def test_a_vietnamese_word_or_a_trade_before_a_foreign_name_is_not_the_name(sentence, expected):
    assert [name for name, _ in people(sentence)] == expected


@pytest.mark.parametrize("sentence", ["Bão Wipha đổ bộ vào Quảng Ninh.", "Real Sociedad thắng Borussia Mönchengladbach.",
                                      "La Liga và Serie A khởi tranh."])
def test_storms_clubs_and_leagues_are_no_people(sentence):
    assert people(sentence) == []


@pytest.mark.parametrize("name,titles,country,org,sector", [
    ("Lê Minh Khang", ["Chủ tịch nước"], "VNM", None, "GOV"),
    ("Trần Văn Hải", ["Chủ tịch Quốc hội"], "VNM", None, "LEG"),
    ("Ngô Đức Hải", ["Thường trực Ban Bí thư"], "VNM", None, "PTY"),
    ("Kenji Mori", ["Đô đốc"], "JPN", None, "MIL"),
    ("Tim Walker", ["CEO"], None, None, "BUS"),
    ("Marco Bellini", ["tiền vệ"], "ITA", None, "SPT"),
    ("Lan Anh", ["ca sĩ"], None, None, "ENT"),
    (None, [], "LAO", None, "STATE"),
    (None, [], None, "Liên Hợp Quốc", "IGO"),
    (None, [], "JPN", "Thông tấn xã Kyodo", "ORG"),
    ("Tom Becker", [], None, None, ""),
])
def test_every_actor_has_a_sector(name, titles, country, org, sector):
    from sukien.extract.sectors import actor_sector
    assert actor_sector(name, titles, country, org) == sector


def test_athletes_and_artists_make_no_event_but_their_names_are_found():
    from sukien.model import RawDocument
    from sukien.pipeline import process
    text = ("Chiều 12/3, HLV Tomas Kral đã gặp tiền vệ Marco Bellini tại Milan. Ca sĩ Lan Anh gửi lời chúc mừng "
            "tới diễn viên Minh Thu. Chiều 13/3, Thủ tướng Đào Quốc Tuấn đã tiếp cầu thủ Marco Bellini.")
    processed = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text))
    assert {m.name for m in processed.mentions if m.kind == "person"} >= {"Tomas Kral", "Marco Bellini", "Lan Anh"}
    assert [(e.type, e.source.name, e.target.name) for e in processed.events] == \
        [("MEETING", "Đào Quốc Tuấn", "Marco Bellini")]


def test_sectors_reach_the_gdelt_and_plover_exports():
    from sukien.exports import _actor_type, plover_record
    assert _actor_type({"name": "Tim Walker", "titles": ["CEO"], "country": None, "org": None}) == "BUS"
    assert _actor_type({"name": "Lê Minh Khang", "titles": ["Tổng Bí thư"], "country": "VNM", "org": None}) == "GOV"
    assert _actor_type({"name": None, "titles": [], "country": "LAO", "org": None}) == ""
    record = plover_record({"id": 1, "plover": "CONSULT", "type": "MEETING", "date_start": None, "date_end": None,
                            "date_precision": "unknown", "modality": "occurred", "location_name": None,
                            "location_country": None, "confidence": 0.9, "num_sources": 1, "num_articles": 1,
                            "sources": [], "source": {"name": "Kenji Mori", "titles": ["Đô đốc"], "country": "JPN"},
                            "target": {"name": None, "titles": [], "country": "VNM"}})
    assert record["source"][0]["sector"] == "MIL" and record["recipient"][0]["sector"] == "STATE"


@pytest.mark.parametrize("sentence", ["Trường Đại học Y Dược tuyển sinh năm nay.", "Bệnh viện Bạch Mai quá tải.",
                                      "nhóm nhạc Big Bang trở lại sân khấu.", "bộ phim John Wick ra mắt tuần này."])
def test_a_name_after_a_school_hospital_band_or_film_word_is_theirs(sentence):
    assert people(sentence) == []


def test_events_carry_the_fullest_name_the_article_gives():
    from sukien.model import RawDocument
    from sukien.pipeline import process
    text = ("Chiều 12/3/2025, Thủ tướng Đào Quốc Tuấn đã điện đàm với Tổng thống Harris. "
            "Hôm 8-3, Tổng thống Mỹ Donald Harris đã kêu gọi ngừng bắn. "
            "Sáng 14/3/2025, Chủ tịch nước Lê Minh Khang đã hội đàm với Tổng thống Sri Lanka Anura Kumara "
            "Dissanayaka. Tổng thống Sri Lanka Anura Kumara Disanayaka cảm ơn. Chiều 14/3/2025, Thủ tướng Đào Quốc "
            "Tuấn đã hội kiến Tổng thống Anura.")
    events = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text)).events
    sides = {(e.type, e.source.name, e.target.name) for e in events}
    assert ("PHONE_CALL", "Đào Quốc Tuấn", "Donald Harris") in sides
    assert ("MEETING", "Đào Quốc Tuấn", "Anura Kumara Dissanayaka") in sides


def test_a_short_name_two_people_share_stays_as_written():
    from sukien.extract.coref import DocumentPeople
    from sukien.model import Mention, Span
    people = DocumentPeople()
    for i, name in enumerate(["Kim Jong Un", "Kim Yo Jong"]):
        people.add(Mention(Span(0, len(name)), name), i)
    assert people.canonical("Kim") == "Kim"
    assert people.canonical("Jong") == "Jong"


def test_the_end_of_a_fuller_name_is_that_person():
    from sukien.extract.coref import DocumentPeople
    from sukien.model import Mention, Span
    people = DocumentPeople()
    for i, name in enumerate(["Ursula von der Leyen", "Đào Quốc Tuấn", "Lê Quốc Tuấn"]):
        people.add(Mention(Span(0, len(name)), name), i)
    assert people.fuller_tail("Von der Leyen") == "Ursula von der Leyen"
    assert people.fuller_tail("Quốc Tuấn") == "Quốc Tuấn"          # two people end so: left as written


def test_a_country_closes_an_office_before_the_next_title_and_name():
    from sukien.extract.mentions import sentence_mentions
    s = "Ngày 8/5, trong cuộc hội kiến Tổng thống Hungary, Tổng Bí thư Tô Lâm nhấn mạnh quan hệ hai nước."
    people = [(m.name, m.titles, m.country) for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"]
    assert people == [("Tô Lâm", ["Tổng Bí thư"], None)]      # the country comes from the document
    # twin: offices stacked before their country and the name stay one person's
    s = "Thủ tướng hội kiến Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith."
    people = [(m.name, m.titles, m.country) for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"]
    assert people == [("Thongloun Sisoulith", ["Tổng Bí thư", "Chủ tịch nước"], "LAO")]


def test_a_formal_state_name_with_other_inner_capitals_is_the_state_and_nuoc_joins_it_to_the_office():
    from sukien.extract.mentions import sentence_mentions
    s = "Thủ tướng đã tiếp Đại sứ đặc mệnh toàn quyền nước Cộng hòa nhân dân Trung Hoa tại Việt Nam Hùng Ba."
    people = [(m.name, m.titles, m.country) for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"]
    assert people == [("Hùng Ba", ["Đại sứ đặc mệnh toàn quyền"], "CHN")]
    s = "Chủ tịch nước bắt đầu chuyến thăm chính thức Vương Quốc Anh."
    assert [m.country for m in sentence_mentions(s, 0, len(s)) if m.kind == "country"] == ["GBR"]
    # twin: the inner words in lower case do not make a state of a common phrase
    s = "Ông nói về cộng hòa nhân dân trung hoa trong lịch sử."
    assert not [m for m in sentence_mentions(s, 0, len(s)) if m.kind == "country"]


def test_a_generational_suffix_keeps_its_dot():
    from sukien.extract.mentions import sentence_mentions
    s = "Chủ tịch nước tiếp Tổng thống Philippines Ferdinand Marcos Jr. đang thăm Việt Nam."
    assert [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"] == ["Ferdinand Marcos Jr."]
    # twin: a sentence-final dot after a name is no part of it
    s = "Chủ tịch nước tiếp Tổng thống Philippines Ferdinand Marcos."
    assert [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"] == ["Ferdinand Marcos"]


def test_a_name_transcribed_in_hyphenated_vietnamese_syllables_stays_whole():
    from sukien.extract.mentions import sentence_mentions
    s = "Đã diễn ra cuộc hội đàm giữa Tổng Bí thư Nông Đức Mạnh và Chủ tịch Lào Khăm-tày Xi-phăn-đon."
    assert [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"] == [
        "Nông Đức Mạnh", "Khăm-tày Xi-phăn-đon"]
    # twin: a Vietnamese word glued after a foreign name still ends it
    s = "Tỷ phú Elon Musk Chẳng hạn đã nói như vậy."
    assert [m.name for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"] == ["Elon Musk"]
