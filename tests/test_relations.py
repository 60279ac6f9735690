"""RELATIONSHIP events (events.md v2) as constructions: a verb of creating or raising linked to a framework of the
ladder (lexicons/frameworks.yaml). Invented sentences, each with distractors that name a framework without a step."""
from datetime import date

import pytest

from sukien.extract.relations import framework_of, ladder
from sukien.model import RawDocument
from sukien.pipeline import process


def steps(text: str, pub=date(2025, 5, 1)):
    events = process(RawDocument(key="k", source="k", kind="jsonl", raw_text=text, pub_date=pub)).events
    return [(e.source.country, e.target.country, e.action, e.framework_level, e.date_start, e.modality)
            for e in events if e.type == "RELATIONSHIP"]


def test_the_ladder_reads_every_spelling_of_a_level_as_one_step():
    assert framework_of("Đối tác Chiến lược Toàn diện").level == framework_of("đối tác chiến lược toàn diện").level == 3
    assert framework_of("quan hệ Đối tác toàn diện").level == 1
    assert framework_of("Đối tác chiến lược").level == 2
    assert framework_of("Đối tác hợp tác chiến lược toàn diện").level == 3
    assert framework_of("quan hệ ngoại giao").level == 0
    # the special forms keep their own names above the ladder's common steps
    special = [f for f in ladder()[0] if f.special]
    assert {f.name for f in special} == {"Cộng đồng chia sẻ tương lai", "quan hệ hữu nghị vĩ đại"}
    assert all(f.level > 3 for f in special)
    assert framework_of("quan hệ hữu nghị truyền thống") is None


@pytest.mark.parametrize("text,expected", [
    # verb first, the result after "lên"; a month written after it dates the step
    ("Bồ Đào Nha và Việt Nam đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào tháng 3/2024.",
     [("VNM", "PRT", "upgrade", 3, "2024-03-01", "occurred")]),
    # establishment of diplomatic relations with a full day
    ("Việt Nam và Chile thiết lập quan hệ ngoại giao ngày 25/3/1971.",
     [("VNM", "CHL", "establish", 0, "1971-03-25", "occurred")]),
    # "trở thành" and a year; two steps in one sentence, each with its own date
    ("Việt Nam - Hàn Quốc thiết lập quan hệ ngoại giao từ năm 1992 và trở thành Đối tác Chiến lược Toàn diện năm 2022.",
     [("VNM", "KOR", "establish", 0, "1992-01-01", "occurred"), ("VNM", "KOR", "upgrade", 3, "2022-01-01", "occurred")]),
    # the passive with the framework as subject
    ("Quan hệ Đối tác toàn diện Việt Nam - Ba Lan được xác lập năm 2019.",
     [("VNM", "POL", "upgrade", 1, "2019-01-01", "occurred")]),
    # the date before the verb
    ("Tháng 9/2023, Việt Nam và Hoa Kỳ nâng cấp quan hệ lên Đối tác chiến lược toàn diện.",
     [("VNM", "USA", "upgrade", 3, "2023-09-01", "occurred")]),
    # no country named: the article's own pair
    ("Thủ tướng Ấn Độ thăm Việt Nam. Hai nước thiết lập quan hệ ngoại giao năm 1972.",
     [("VNM", "IND", "establish", 0, "1972-01-01", "occurred")]),
    # scheduled: planned
    ("Việt Nam và Brazil sẽ nâng cấp quan hệ lên Đối tác chiến lược trong chuyến thăm.",
     [("VNM", "BRA", "upgrade", 2, None, "planned")]),
])
def test_a_verb_of_creating_or_raising_linked_to_a_framework_is_a_step(text, expected):
    assert steps(text) == expected


@pytest.mark.parametrize("text", [
    # a framework named as existing
    "Hai bên nhất trí tiếp tục làm sâu sắc quan hệ Đối tác chiến lược toàn diện Việt Nam - Nhật Bản.",
    "Quan hệ Đối tác chiến lược Việt Nam - Ý đang phát triển tốt đẹp.",
    # the framework is the object of another verb, newly established as a modifier
    "Hai bên sẽ triển khai quan hệ Đối tác chiến lược toàn diện Việt Nam - Úc mới được thiết lập giữa hai nước.",
    # an anniversary or a duration counts the step, it does not report it
    "Năm nay Việt Nam và Nga kỷ niệm 75 năm thiết lập quan hệ ngoại giao.",
    "Đây là chuyến thăm đầu tiên sau hơn 50 năm Việt Nam và Bỉ thiết lập quan hệ ngoại giao.",
    "Sau gần 2 năm nâng cấp quan hệ lên Đối tác chiến lược toàn diện, hợp tác Việt Nam - Nhật Bản phát triển mạnh.",
    "Hai nước chuẩn bị kỷ niệm Ngày thiết lập quan hệ ngoại giao Việt Nam - Campuchia.",
    # an aim or a wish is not a step announced
    "Thủ tướng Tây Ban Nha mong muốn nâng cấp quan hệ Việt Nam - Tây Ban Nha lên Đối tác chiến lược toàn diện.",
    "Hai bên hướng tới nâng tầm quan hệ Việt Nam - Thái Lan lên Đối tác chiến lược toàn diện vào thời gian thích hợp.",
    # negated
    "Việt Nam chưa thiết lập quan hệ ngoại giao với Bhutan.",
    # the framework the relationship is raised from, towards no named level
    "Lãnh đạo Việt Nam và Trung Quốc nhất trí sẽ nâng cấp quan hệ đối tác chiến lược song phương lên một tầm cao mới.",
    # "thành lập" (founding a body) is not "lập" of a relationship; a club's "quan hệ đối tác" is no framework
    "Câu lạc bộ Hà Nội thành lập quan hệ hợp tác với một đội bóng Nhật Bản.",
])
def test_a_framework_without_a_step_gives_no_event(text):
    assert steps(text) == []


def test_the_same_step_restated_in_one_article_is_one_event_with_the_dated_report_kept():
    text = ("Việt Nam và Malaysia đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện. "
            "Hai nước nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào tháng 11/2024.")
    assert steps(text) == [("VNM", "MYS", "upgrade", 3, "2024-11-01", "occurred")]


def test_relationship_events_carry_framework_and_action_in_json():
    events = process(RawDocument(key="k", source="k", kind="jsonl", pub_date=date(2025, 5, 1),
                                 raw_text="Việt Nam và Mông Cổ nâng cấp quan hệ lên Đối tác toàn diện.")).events
    (e,) = [e.as_json() for e in events if e.type == "RELATIONSHIP"]
    assert (e["framework"], e["action"], e["framework_level"], e["cameo"], e["plover"]) == \
        ("Đối tác toàn diện", "upgrade", 1, "057", "COOPERATE")
    assert e["sentence"].startswith("Việt Nam và Mông Cổ")
