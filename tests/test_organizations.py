"""Bodies named around a head noun (extract/organizations.py), on invented sentences with distractors."""
import pytest

from sukien.extract.mentions import sentence_mentions
from sukien.extract.sectors import actor_sector


def bodies(sentence: str) -> list[tuple[str, str | None]]:
    return [(m.org, m.country) for m in sentence_mentions(sentence, 0, len(sentence)) if m.kind == "org"]


def people(sentence: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.org) for m in sentence_mentions(sentence, 0, len(sentence)) if m.kind == "person"]


@pytest.mark.parametrize("sentence, expected", [
    # the name runs over the lower-case syllables of its words ("Dầu khí", "Thương mại")
    ("Tập đoàn Dầu khí quốc gia Việt Nam ký hợp đồng mới.", [("Tập đoàn Dầu khí quốc gia Việt Nam", "VNM")]),
    ("Phòng Thương mại Hà Lan - Việt Nam tổ chức diễn đàn.", [("Phòng Thương mại Hà Lan - Việt Nam", None)]),
    ("Viện Hàn lâm Khoa học xã hội Việt Nam công bố báo cáo.", [("Viện Hàn lâm Khoa học xã hội Việt Nam", "VNM")]),
    # words that describe the body before its name are part of it, as written
    ("Công ty sản xuất gốm sứ Hao Canh mở nhà máy.", [("Công ty sản xuất gốm sứ Hao Canh", None)]),
    ("Tập đoàn dược phẩm Sanofi tài trợ chương trình.", [("Tập đoàn dược phẩm Sanofi", None)]),
    # the country the text gives right after the name
    ("Bộ trưởng gặp đại diện Tập đoàn Boeing (Mỹ) tại Hà Nội.", [("Tập đoàn Boeing", "USA")]),
    ("Hợp đồng được ký với hãng Samsung của Hàn Quốc.", [("hãng Samsung", "KOR")]),
    # two bodies joined by "và" stay two; one body's name may hold "và"
    ("Tập đoàn Boeing và Tập đoàn Airbus cạnh tranh.", [("Tập đoàn Boeing", None), ("Tập đoàn Airbus", None)]),
    ("Phòng Thương mại và Công nghiệp Việt Nam chủ trì.", [("Phòng Thương mại và Công nghiệp Việt Nam", "VNM")]),
    # a person a body is named for is the body's
    ("Học viện Chính trị quốc gia Hồ Chí Minh khai giảng.", [("Học viện Chính trị quốc gia Hồ Chí Minh", None)]),
    # distractors: no name after the head, the verb "tổ chức", a word that only starts like a head,
    # a predicate before a capital, a body of a country left unnamed
    ("Công ty này hợp tác với nhiều đối tác.", []),
    ("Tập đoàn đã ký hợp đồng với Samsung.", []),
    ("Bộ Văn hóa tổ chức Ngày hội văn hóa.", []),
    ("Hội nghị Bộ trưởng diễn ra tại Hà Nội.", []),
    ("Công ty cho biết Apple sẽ mua lại.", []),
    ("Một tập đoàn Nhật Bản muốn đầu tư.", []),
])
def test_bodies_named_as_written(sentence, expected):
    assert [b for b in bodies(sentence) if b[0] != "Bộ Văn hóa"] == expected


def test_the_holder_after_a_title_is_a_person_not_part_of_the_body():
    assert people("Chủ tịch Tập đoàn Vingroup Phạm Nhật Vượng tiếp đoàn.") == [("Phạm Nhật Vượng", "Tập đoàn Vingroup")]
    assert people("Tổng Giám đốc Tập đoàn Standard Chartered Bill Winters phát biểu.") == \
        [("Bill Winters", "Tập đoàn Standard Chartered")]
    assert people("Chủ tịch Hội Luật gia Liên bang Nga Sergey Stepashin phát biểu.")[0][0] == "Sergey Stepashin"
    # without a title nothing says a person follows: "Boeing Stan Deal" could be a name of the body
    assert people("Quốc hội Lào tiếp Chủ tịch Quốc hội Trần Thanh Mẫn.") == [("Trần Thanh Mẫn", None)]


def test_a_body_has_the_sector_of_its_head():
    assert actor_sector(None, [], None, "Tập đoàn Boeing") == "BUS"
    assert actor_sector(None, [], None, "Đại học Rostock") == "EDU"
    assert actor_sector(None, [], None, "Tòa án Tối cao Ấn Độ") == "JUD"
    assert actor_sector(None, [], None, "Báo Nhân Dân") == "MED"
    assert actor_sector(None, [], None, "Bộ Ngoại giao") == "GOV"       # the lexicon's own


def test_a_paper_is_never_a_side_and_a_firm_alone_is_no_public_side():
    from sukien.extract.events import extract_events
    from sukien.clean import clean
    from sukien.model import RawDocument
    from datetime import date
    text = ("Báo Nhân Dân cho biết, ngày 3/5, Tập đoàn Boeing ký thỏa thuận hợp tác với Tập đoàn Vietjet.\n\n"
            "Cùng ngày, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên ký bản ghi nhớ với Tập đoàn Boeing (Mỹ).")
    article = clean(RawDocument("x.txt", "x.txt", text, pub_date=date(2025, 5, 3)))
    _, events = extract_events(article)
    sides = [(e.type, e.source.name or e.source.org, e.target.name or e.target.org or e.target.country) for e in events]
    assert all("Nhân Dân" not in str(s) for s in sides)
    assert ("SIGN_AGREEMENT", "Tập đoàn Boeing", "Tập đoàn Vietjet") not in sides
    assert any(t == "SIGN_AGREEMENT" and "Nguyễn Hồng Diên" in (a, b) and "Tập đoàn Boeing" in (a, b) for t, a, b in sides), sides


@pytest.mark.parametrize("sentence, expected", [
    # a head inside a longer name is no head; a sentence opener before it is no name
    ("Ban Tổ chức Trung ương tổ chức hội nghị.", [("Ban Tổ chức Trung ương", "VNM")]),   # the lexicon's
    ("Theo Tập đoàn Boeing, đơn hàng tăng.", [("Tập đoàn Boeing", None)]),
    # a lower-case head with a long description is a common noun phrase, not a name
    ("Ông gặp các tổ chức quốc tế nhân dịp tham dự Lễ kỷ niệm.", []),
    ("Ông gặp Tổ chức phi chính phủ Oxfam.", [("Tổ chức phi chính phủ Oxfam", None)]),
])
def test_where_a_body_starts(sentence, expected):
    assert bodies(sentence) == expected


def test_a_title_already_given_to_an_earlier_person_is_not_stacked_on_the_next():
    s = "Tối 2/4, tiếp ông Bill Winters, Tổng Giám đốc Tập đoàn Standard Chartered, Thủ tướng Phạm Minh Chính đề nghị."
    found = {m.name: (m.titles, m.org) for m in sentence_mentions(s, 0, len(s)) if m.kind == "person"}
    assert found["Phạm Minh Chính"] == (["Thủ tướng"], None)
    assert found["Bill Winters"][1] == "Tập đoàn Standard Chartered"


def test_a_head_in_any_case_and_the_country_of_a_city_in_the_name():
    assert bodies("Tổng Công ty Du lịch Sài Gòn ký bản ghi nhớ với đối tác Nga.") == [("Tổng Công ty Du lịch Sài Gòn", "VNM")]
    assert bodies("Đại diện TỔNG CÔNG TY phát biểu.") == []
