"""Events: the seeds against their gold with the shared scorer, the contract's fields, constructions."""
import json
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from conftest import DATA, SEEDS, SHARED

CONTRACT = {"doc", "type", "cameo", "plover", "source", "target", "date_start", "date_end", "date_precision",
            "date_text", "location", "modality", "sentence", "char_start", "char_end", "confidence"}
TYPES = {"VISIT", "TALKS", "MEETING", "PHONE_CALL", "CONGRATULATE", "CONDOLENCE", "SIGN_AGREEMENT", "AID",
         "SUPPORT", "ROLE_CHANGE"}


def extract_json(*paths):
    from sukien.cli import main
    result = CliRunner().invoke(main, ["extract", "--json", *map(str, paths)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


@pytest.mark.shared
def test_events_seeds_score_perfect(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in extract_json(SEEDS)), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(DATA / "seeds_gold.jsonl"),
                          str(pred), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["events"]["f1"] == 1.0
    assert scores["events+date"]["f1"] >= 0.9


@pytest.mark.shared
def test_events_seed_contract_fields():
    from sukien.clean import clean
    from sukien.ingest import iter_documents
    texts = {r.doc.key: clean(r.doc).text for r in iter_documents([str(SEEDS)])}
    events = extract_json(SEEDS)
    assert events
    for e in events:
        assert set(e) == CONTRACT
        assert e["type"] in TYPES
        assert e["modality"] in {"occurred", "planned", "ongoing"}
        assert e["date_precision"] in {"day", "week", "month", "year", "unknown"}
        for side in ("source", "target"):
            assert set(e[side]) == {"name", "titles", "country", "org"}
            assert e[side]["country"] is None or (len(e[side]["country"]) == 3 and e[side]["country"].isupper())
        for d in ("date_start", "date_end"):
            assert e[d] is None or date.fromisoformat(e[d])
        assert texts[e["doc"]][e["char_start"]:e["char_end"]] == e["sentence"]
        assert 0 < e["confidence"] <= 1
        if e["location"] is not None:
            assert set(e["location"]) == {"name", "country"}


@pytest.mark.shared
def test_events_seed_facts():
    events = extract_json(SEEDS)
    by = {(e["type"], e["source"]["name"] or e["source"]["country"], e["target"]["name"] or e["target"]["country"]): e
          for e in events}
    visit = by[("VISIT", "Tô Lâm", "LAO")]
    assert (visit["date_start"], visit["modality"]) == ("2026-02-05", "planned")
    assert visit["source"]["titles"][0] == "Tổng Bí thư" and visit["source"]["country"] == "VNM"
    back = by[("VISIT", "Thongloun Sisoulith", "VNM")]
    assert (back["date_start"], back["date_end"], back["modality"]) == ("2026-01-26", "2026-01-27", "occurred")
    call = by[("PHONE_CALL", "Tô Lâm", "Thongloun Sisoulith")]
    assert call["date_start"] == "2024-12-01"          # year from "49 năm Quốc khánh" of Laos
    talks = [e for e in events if e["type"] == "TALKS"]
    assert len(talks) == 1 and {talks[0]["source"]["name"], talks[0]["target"]["name"]} == {"Thongloun Sisoulith", "Tô Lâm"}
    met = {e["target"]["name"] for e in events if e["type"] == "MEETING" and e["source"]["name"] == "Thongloun Sisoulith"}
    assert met == {"Lương Cường", "Phạm Minh Chính", "Trần Thanh Mẫn"}
    courtesy = by[("MEETING", "Nguyễn Mạnh Cường", "Vilay Lakhamphong")]
    assert courtesy["date_start"] == "2026-01-14"
    # nothing from the "Tin liên quan" teasers (China's envoy, Nghệ An)
    assert not any("Đặc phái viên" in e["sentence"] or "Nghệ An" in e["sentence"] for e in events)


def events_of(text, pub="2025-03-10", title=None):
    from sukien.model import RawDocument
    from sukien.pipeline import process
    doc = RawDocument(key="t.txt", source="t.txt", raw_text=text, title=title,
                      pub_date=date.fromisoformat(pub) if pub else None)
    return [e.as_json() for e in process(doc).events]


def sides(e):
    return {e["source"]["name"] or e["source"]["country"], e["target"]["name"] or e["target"]["country"]}


def test_events_list_of_meetings():
    evs = events_of("Trong khuôn khổ chuyến thăm, Tổng thống Indonesia Prabowo Subianto đã hội kiến với Chủ tịch "
                    "nước Lương Cường, Thủ tướng Chính phủ Phạm Minh Chính và Chủ tịch Quốc hội Trần Thanh Mẫn.")
    meetings = [e for e in evs if e["type"] == "MEETING"]
    assert [sides(e) for e in meetings] == [{"Prabowo Subianto", "Lương Cường"}, {"Prabowo Subianto", "Phạm Minh Chính"},
                                           {"Prabowo Subianto", "Trần Thanh Mẫn"}]


def test_a_list_of_offices_of_countries_is_one_counterpart_per_country():
    evs = events_of("Ngày 27/5, tại Kuala Lumpur, Thủ tướng Phạm Minh Chính có các cuộc gặp song phương với lãnh đạo "
                    "nhiều nước như: Thủ tướng Trung Quốc, Thủ tướng Lào, Quốc vương Brunei, Tổng thống Philippines.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [
        {"Phạm Minh Chính", c} for c in ("CHN", "LAO", "BRN", "PHL")]
    evs = events_of("Ngày 27/5, Thủ tướng Phạm Minh Chính hội kiến Thủ tướng Lào và Thủ tướng Campuchia tại Viêng Chăn.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [{"Phạm Minh Chính", "LAO"}, {"Phạm Minh Chính", "KHM"}]
    # twin: offices stacked before one country are one person
    evs = events_of("Ngày 27/5, Thủ tướng Phạm Minh Chính hội kiến Tổng Bí thư, Chủ tịch nước Lào tại Viêng Chăn.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [{"Phạm Minh Chính", "LAO"}]


def test_bilateral_contacts_with_a_list_are_one_meeting_each():
    evs = events_of("Ngày 8/5, Tổng Bí thư Tô Lâm đã có các cuộc tiếp xúc song phương với Thủ tướng Slovakia Robert "
                    "Fico, Tổng thống Brazil Luiz Inácio Lula da Silva và Thủ tướng Armenia Nikol Pashinyan.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [
        {"Tô Lâm", "Robert Fico"}, {"Tô Lâm", "Luiz Inácio Lula da Silva"}, {"Tô Lâm", "Nikol Pashinyan"}]
    # twin: contact by telephone is no meeting
    evs = events_of("Ngày 8/5, Tổng Bí thư Tô Lâm đã điện đàm với Thủ tướng Slovakia Robert Fico.")
    assert [e["type"] for e in evs] == ["PHONE_CALL"]


def test_each_named_host_of_a_subject_list_meets_the_guest():
    evs = events_of("Ngày 16/1, tại Hà Nội, Tổng Bí thư Nông Đức Mạnh, Chủ tịch nước Trần Đức Lương và Thủ tướng Phan "
                    "Văn Khải đã tiếp thân mật Chủ tịch Quốc hội Hàn Quốc Kim Won Ki.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [
        {h, "Kim Won Ki"} for h in ("Nông Đức Mạnh", "Trần Đức Lương", "Phan Văn Khải")]
    # twin: two leaders of two countries before a symmetric cue are its two sides
    evs = events_of("Ngày 16/1, Tổng Bí thư Tô Lâm và Tổng thống Mông Cổ Ukhnaagiin Khurelsukh đã hội đàm tại Hà Nội.")
    assert [sides(e) for e in evs if e["type"] == "TALKS"] == [{"Tô Lâm", "Ukhnaagiin Khurelsukh"}]


def test_two_leaders_who_sign_a_declaration_between_their_states_are_its_sides():
    evs = events_of("Ngày 5/3, Chủ tịch nước Trần Đại Quang và Tổng thống Belarus Alexander Lukashenko đã ký Tuyên bố "
                    "chung về quan hệ đối tác giữa Cộng hòa xã hội chủ nghĩa Việt Nam và Cộng hòa Belarus.")
    assert [sides(e) for e in evs if e["type"] == "SIGN_AGREEMENT"] == [{"Trần Đại Quang", "Alexander Lukashenko"}]
    # twin: leaders who witness a signing stand for their countries
    evs = events_of("Ngày 5/3, Chủ tịch nước Trần Đại Quang và Tổng thống Belarus Alexander Lukashenko đã chứng kiến lễ "
                    "ký kết 9 văn kiện hợp tác giữa hai nước.")
    assert [sides(e) for e in evs if e["type"] == "SIGN_AGREEMENT"] == [{"VNM", "BLR"}]


def test_several_unnamed_office_holders_are_a_group_and_no_side():
    evs = events_of("Ngày 29/5, tại Washington, Thủ tướng Nguyễn Xuân Phúc đã hội đàm với Tổng thống Mỹ Donald Trump, "
                    "gặp gỡ một số nghị sĩ và bộ trưởng Mỹ.")
    assert [(e["type"], sides(e)) for e in evs if e["type"] in ("TALKS", "MEETING")] == [
        ("TALKS", {"Nguyễn Xuân Phúc", "Donald Trump"})]
    # twin: one unnamed office-holder with a country stands for it (guide rule 13)
    evs = events_of("Ngày 29/5, Thủ tướng Nguyễn Xuân Phúc đã tiếp Đại sứ Nhật Bản tại Hà Nội.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [{"Nguyễn Xuân Phúc", "JPN"}]


def test_a_visit_of_several_days_is_one_event_with_its_range():
    evs = events_of("Chiều 23/5, Thủ tướng Phạm Minh Chính lên đường thăm chính thức Malaysia.\n\n"
                    "Thủ tướng Phạm Minh Chính thăm chính thức Malaysia từ ngày 24 đến 28/5 theo lời mời của Thủ tướng "
                    "Anwar Ibrahim.", pub="2025-05-23")
    assert [(e["type"], e["date_start"], e["date_end"]) for e in evs] == [("VISIT", "2025-05-24", "2025-05-28")]
    # twin: two meetings on two days stay two events
    evs = events_of("Ngày 24/5, Thủ tướng Phạm Minh Chính hội kiến Quốc vương Malaysia.\n\n"
                    "Ngày 26/5, Thủ tướng Phạm Minh Chính hội kiến Quốc vương Malaysia lần thứ hai.", pub="2025-05-27")
    assert [(e["type"], e["date_start"]) for e in evs] == [("MEETING", "2025-05-24"), ("MEETING", "2025-05-26")]


def test_cung_ngay_takes_the_day_named_earlier_in_its_sentence():
    evs = events_of("Ngày 19/5, Tổng thống Pháp Emmanuel Macron thăm Đức; Tổng thống Mỹ Donald Trump điện đàm với Tổng "
                    "thống Nga Vladimir Putin cùng ngày.", pub="2025-05-20")
    call = [e for e in evs if e["type"] == "PHONE_CALL" and "Vladimir Putin" in sides(e)]
    assert [e["date_start"] for e in call] == ["2025-05-19"]
    # twin: with no day before it in the article, "cùng ngày" stays undated
    evs = events_of("Tổng thống Mỹ Donald Trump điện đàm với Tổng thống Nga Vladimir Putin cùng ngày.", pub="2025-05-20")
    assert [e["date_start"] for e in evs if e["type"] == "PHONE_CALL"] == [None]


def test_the_institutions_and_people_of_a_state_share_the_country_that_ends_their_list():
    evs = events_of("Ngày 12/5, Tổng Bí thư Nguyễn Phú Trọng chúc mừng những thành tựu to lớn mà Chính phủ và nhân dân "
                    "Singapore đạt được.", pub="2025-05-12")
    assert [sides(e) for e in evs if e["type"] == "CONGRATULATE"] == [{"Nguyễn Phú Trọng", "SGP"}]
    # twin: bodies named each with its own country keep it
    evs = events_of("Ngày 12/5, Chính phủ Việt Nam và Chính phủ Lào ký Hiệp định hợp tác lao động.", pub="2025-05-12")
    assert [{e["source"]["country"], e["target"]["country"]} for e in evs if e["type"] == "SIGN_AGREEMENT"] == [
        {"VNM", "LAO"}]


def test_a_cung_b_with_an_adverb_before_cung_are_the_two_sides():
    evs = events_of("Ngày 31/5, tại Washington, Thủ tướng Nguyễn Xuân Phúc đã cùng Tổng thống Mỹ Donald Trump hội đàm.")
    assert [sides(e) for e in evs if e["type"] == "TALKS"] == [{"Nguyễn Xuân Phúc", "Donald Trump"}]
    # twin: "đã cùng Phu nhân" is company on a trip, no counterpart
    evs = events_of("Ngày 31/5, Thủ tướng Nguyễn Xuân Phúc đã cùng Phu nhân thăm chính thức Hoa Kỳ.")
    assert [e["type"] for e in evs] == ["VISIT"]


def calls(text):
    return [sides(e) for e in events_of(text) if e["type"] == "PHONE_CALL"]


def test_who_reports_a_call_is_no_side_of_it():
    assert calls("Ngày 19/5, theo trợ lý Tổng thống Nga Yury Ushakov, trong cuộc điện đàm với Tổng thống Nga Vladimir "
                 "Putin, Tổng thống Mỹ Donald Trump nhắc tới các biện pháp trừng phạt mới.") == [
        {"Donald Trump", "Vladimir Putin"}]
    assert calls("Ngày 19/5, theo trợ lý Tổng thống Nga Yury Ushakov, Tổng thống Nga Vladimir Putin đã điện đàm với "
                 "Tổng thống Mỹ Donald Trump.") == [{"Vladimir Putin", "Donald Trump"}]
    # twin: a call with no frame keeps its subject
    assert calls("Ngày 19/5, Tổng thống Nga Vladimir Putin đã điện đàm với Tổng thống Mỹ Donald Trump.") == [
        {"Vladimir Putin", "Donald Trump"}]


def test_a_fronted_meeting_with_a_list_then_the_main_subject():
    evs = events_of("Ngày 19/5, trong cuộc gặp với Thủ tướng Anh Keir Starmer, Tổng thống Pháp Emmanuel Macron và "
                    "Thủ tướng Ba Lan Donald Tusk, Tổng thống Ukraine Volodymyr Zelensky kêu gọi ngừng bắn.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == [
        {"Volodymyr Zelensky", p} for p in ("Keir Starmer", "Emmanuel Macron", "Donald Tusk")]


def test_a_call_between_two_named_sides_leaves_out_those_who_joined_it():
    assert calls("Ngày 19/5, cuộc điện đàm thứ hai giữa Tổng thống Ukraine Volodymyr Zelensky và Tổng thống Mỹ Donald "
                 "Trump kéo dài hơn 1 tiếng, có sự tham dự của Thủ tướng Ý Giorgia Meloni, Tổng thống Pháp Emmanuel "
                 "Macron.") == [{"Volodymyr Zelensky", "Donald Trump"}]


def visits(text):
    return [sides(e) for e in events_of(text) if e["type"] == "VISIT"]


def test_everyone_named_in_the_list_that_travels_visits():
    assert visits("Ngày 10/5, Tổng thống Pháp Emmanuel Macron, tân Thủ tướng Đức Friedrich Merz và Thủ tướng Ba Lan "
                  "Donald Tusk tới thăm Kiev.") == [{"Emmanuel Macron", "UKR"}, {"Friedrich Merz", "UKR"},
                                                    {"Donald Tusk", "UKR"}]
    # twins: a spouse accompanies; a list after "lời mời của" is the hosts, not the travellers
    assert visits("Nhà Vua Philippe và Hoàng hậu Mathilde tới Hà Nội từ sáng 31/3, bắt đầu chuyến thăm cấp nhà nước "
                  "đến Việt Nam.") == [{"Philippe", "VNM"}]
    assert visits("Nhận lời mời của Tổng thống Nga Vladimir Putin và Tổng thống Belarus Alexander Lukashenko, Chủ tịch "
                  "nước Trần Đại Quang sẽ thăm chính thức hai nước từ 26/6-1/7.") == [{"Trần Đại Quang", "RUS"},
                                                                                    {"Trần Đại Quang", "BLR"}]


def test_destinations_joined_by_roi_and_a_country_called_dat_nuoc():
    assert visits("Sau Việt Nam, Tổng thống Pháp Emmanuel Macron sẽ đến Indonesia rồi Singapore.") == [
        {"Emmanuel Macron", "IDN"}, {"Emmanuel Macron", "SGP"}]
    assert visits("Ngày 8/5, Tổng Bí thư Tô Lâm đã thăm đất nước Azerbaijan.") == [{"Tô Lâm", "AZE"}]
    assert visits("Ngày 5/3, Thủ tướng Nguyễn Xuân Phúc đã rời Hamburg, Đức để lên đường đi Hà Lan.") == [
        {"Nguyễn Xuân Phúc", "NLD"}]
    assert visits("Chiều 25/4, Chủ tịch nước Lương Cường kết thúc chuyến thăm cấp nhà nước đầu tiên đến Lào.") == [
        {"Lương Cường", "LAO"}]


@pytest.mark.parametrize("sentence,modality", [
    ("Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản từ ngày 20 đến 22/3.", "planned"),
    ("Thủ tướng Phạm Minh Chính thăm chính thức Nhật Bản vào tuần tới.", "planned"),
    ("Dự kiến, trong thời gian ở Tokyo, Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Ishiba Shigeru, thăm "
     "chính thức Nhật Bản và gặp gỡ doanh nghiệp.", "planned"),
    ("Thủ tướng Phạm Minh Chính đang thăm chính thức Nhật Bản.", "ongoing"),
    ("Sáng 8/3, Thủ tướng Phạm Minh Chính đã thăm chính thức Nhật Bản.", "occurred"),
])
def test_events_modality(sentence, modality):
    evs = [e for e in events_of(sentence) if e["type"] == "VISIT"]
    assert len(evs) == 1 and evs[0]["modality"] == modality and sides(evs[0]) == {"Phạm Minh Chính", "JPN"}


@pytest.mark.parametrize("sentence", [
    "Thủ tướng Phạm Minh Chính không hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru.",
    "Chủ tịch nước Lương Cường chưa gặp Tổng thống Indonesia Prabowo Subianto.",
])
def test_events_negation_gives_no_event(sentence):
    assert events_of(sentence) == []


@pytest.mark.parametrize("sentence,etype,expected", [
    ("Chiều 5/3, Chủ tịch nước Lương Cường tiếp Đại sứ Lào Khamphao Ernthavanh.", "MEETING", {"Lương Cường", "Khamphao Ernthavanh"}),
    ("Ngày 5/3, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Thái Lan Paetongtarn Shinawatra.", "PHONE_CALL", {"Phạm Minh Chính", "Paetongtarn Shinawatra"}),
    ("Ngày 5/3, Chủ tịch nước Lương Cường gửi điện mừng tới Tổng thống Hàn Quốc Lee Jae-myung.", "CONGRATULATE", {"Lương Cường", "Lee Jae-myung"}),
    ("Ngày 5/3, Chủ tịch nước Lương Cường gửi điện chia buồn tới Tổng thống Myanmar Min Aung Hlaing.", "CONDOLENCE", {"Lương Cường", "Min Aung Hlaing"}),
    ("Ngày 5/3, Chủ tịch nước Trần Đại Quang gửi tới Tổng thống Yemen Abdrabbuh Mansur Hadi lời thăm hỏi, chia sẻ với "
     "những khó khăn của Yemen.", "CONDOLENCE", {"Trần Đại Quang", "Abdrabbuh Mansur Hadi"}),
    ("Ngày 5/3, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore Lawrence Wong.", "TALKS", {"Phạm Minh Chính", "Lawrence Wong"}),
    # an unnamed office-holder is their country (guide rule 13), a junior one too when the country is given
    ("Chiều 5/3, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản.", "MEETING", {"Phạm Minh Chính", "JPN"}),
    ("Chiều 5/3, Chủ tịch nước Lương Cường đã hội kiến Thủ tướng Campuchia.", "MEETING", {"Lương Cường", "KHM"}),
    ("Ngày 5/3, Nhật Bản viện trợ cho Việt Nam 2 triệu USD khắc phục hậu quả bão.", "AID", {"JPN", "VNM"}),
    ("Ngày 5/3, Chủ tịch nước Lương Cường và Tổng thống Chile Gabriel Boric chứng kiến lễ ký các văn kiện hợp tác.", "SIGN_AGREEMENT", {"VNM", "CHL"}),
])
def test_events_each_type(sentence, etype, expected):
    evs = [e for e in events_of(sentence) if e["type"] == etype]
    assert len(evs) == 1, events_of(sentence)
    assert sides(evs[0]) == expected
    assert evs[0]["date_start"] == "2025-03-05"


def test_events_none_from_furniture():
    text = (" date 2025-03-10 HOTLINE: 0903.343.439 - ĐẶT MUA BÁO\nThời sự\n\nTiêu đề bài\n\n"
            "Nội dung chính của bài báo không có sự kiện nào cả, chỉ là bình luận chung.\n\nTin liên quan\n\n"
            "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore Lawrence Wong\n\n"
            "Tổng Bí thư Tô Lâm tiếp Đại sứ Lào")
    assert events_of(text, pub=None) == []


def test_events_list_of_people_with_descriptions():
    evs = events_of("Ngày 5/3, Phó Thủ tướng Lê Minh Khái đã tiếp Bộ trưởng Kinh tế, Thương mại và Công nghiệp Nhật Bản "
                    "Saito Ken, đồng Chủ tịch Ủy ban hợp tác kinh tế Việt Nam - Nhật Bản của Liên đoàn các tổ chức kinh tế "
                    "Nhật Bản (KEIDANREN), Thống đốc Ngân hàng hợp tác quốc tế Nhật Bản (JBIC) Hayashi Nobumitsu và Chủ "
                    "tịch điều hành Hội đồng thúc đẩy Ngoại giao nhân dân Nhật Bản (FEC) Matsuzawa Ken.")
    met = [e["target"]["name"] for e in evs if e["type"] == "MEETING" and e["source"]["name"] == "Lê Minh Khái"]
    assert met == ["Saito Ken", "Hayashi Nobumitsu", "Matsuzawa Ken"]


@pytest.mark.parametrize("sentence,visits", [
    ("Ngày 5/3, Phó Thủ tướng Phạm Bình Minh đã chuyển tới Nhà Vua Tây Ban Nha lời mời sang thăm Việt Nam.", 0),
    ("Ngày 5/3, Tổng thống Hàn Quốc Moon Jae-in bày tỏ mong muốn sớm sang thăm Việt Nam.", 0),
    ("Theo lời mời của Chủ tịch nước Lương Cường, Tổng thống Hàn Quốc Moon Jae-in sẽ thăm cấp Nhà nước Việt Nam.", 1),
    # the invitation is not a visit, the trip during which it was handed over is
    ("Ông Donald Trump đã gửi thư mời Thủ tướng Nguyễn Xuân Phúc thăm Mỹ khi Phó Thủ tướng Phạm Bình Minh công du Mỹ.", 1),
    # "nước này" after the country one travels to
    ("Hôm nay, Tổng Bí thư Nông Đức Mạnh rời Đức đi Cuba, bắt đầu chuyến thăm chính thức nước này.", 1),
    # goods and money go somewhere, nobody travels
    ("Ông Anthony Nelson nhấn mạnh xuất khẩu của Hoa Kỳ sang Việt Nam đã tăng mạnh.", 0),
])
def test_events_invitations_and_wishes_are_no_visits(sentence, visits):
    assert len([e for e in events_of(sentence) if e["type"] == "VISIT"]) == visits


def test_events_co_chairs_of_two_countries_meet():
    evs = events_of("Ngày 5/3, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội đàm với Chủ tịch Duma Quốc gia Nga "
                    "Vyacheslav Volodin. Hai Chủ tịch cũng đồng chủ trì Phiên họp thứ 3 của Ủy ban Hợp tác Liên nghị "
                    "viện Quốc hội Việt Nam - Duma Quốc gia Nga.")
    assert sorted((e["type"], tuple(sorted(sides(e)))) for e in evs) == [
        ("MEETING", ("Trần Thanh Mẫn", "Vyacheslav Volodin")), ("TALKS", ("Trần Thanh Mẫn", "Vyacheslav Volodin"))]
    # two ministers of one country co-chairing a conference met nobody
    assert events_of("Ngày 5/3, Bộ trưởng Bùi Thanh Sơn và Bộ trưởng Nguyễn Hồng Diên đồng chủ trì Hội nghị "
                     "Ngoại giao kinh tế.") == []


def test_events_a_meeting_at_an_institution_is_no_meeting_with_it():
    evs = events_of("Bà Matvienko cho biết cuộc gặp tại Hội đồng Liên bang Nga là hoạt động đầu tiên của Chủ tịch nước.")
    assert [e for e in evs if e["type"] == "MEETING"] == []


def test_events_the_speaker_of_a_visit_frame_is_not_the_visitor():
    evs = events_of("Bộ trưởng Kế hoạch và Đầu tư Nguyễn Chí Dũng nói với chuyến thăm tới Mỹ, Thủ tướng Nguyễn Xuân Phúc "
                    "muốn truyền tải thông điệp hợp tác.")
    assert [sides(e) for e in evs if e["type"] == "VISIT"] == [{"Nguyễn Xuân Phúc", "USA"}]


def test_events_initials_before_the_full_name_are_the_same_person():
    evs = events_of("Quốc vương Campuchia N.Sihamoni sẽ thăm Việt Nam từ ngày 16 đến 18/3. Người phát ngôn cho biết "
                    "Quốc vương Campuchia Norodom Sihamoni sẽ sang thăm Việt Nam theo lời mời của Chủ tịch nước.")
    visits = [e for e in evs if e["type"] == "VISIT"]
    assert [sides(e) for e in visits] == [{"Norodom Sihamoni", "VNM"}]


def test_events_congratulations_to_the_people_of_the_occasion_in_order():
    evs = events_of("Nhân dịp ngài Daniel Chapo tuyên thệ nhậm chức Tổng thống Cộng hòa Mozambique và bà Maria Levi "
                    "được bổ nhiệm làm Thủ tướng Cộng hòa Mozambique, ngày 5/3, Chủ tịch nước Lương Cường và Thủ tướng "
                    "Chính phủ Phạm Minh Chính đã gửi thư và điện chúc mừng.")
    assert [(e["type"], e["source"]["name"], e["target"]["name"]) for e in evs] == [
        ("CONGRATULATE", "Lương Cường", "Daniel Chapo"), ("CONGRATULATE", "Phạm Minh Chính", "Maria Levi")]
    # the occasion of congratulations is no ROLE_CHANGE (guide rule 12); a Malay royal name is one name
    evs = events_of("Nhân dịp ngài Sultan Ibrahim Ibni Almarhum Sultan Iskandar đăng quang ngôi vị Quốc vương thứ 17 "
                    "của Malaysia, ngày 5/3, Chủ tịch nước Võ Văn Thưởng đã gửi điện chúc mừng.")
    assert [(e["type"], e["target"]["name"]) for e in evs] == [
        ("CONGRATULATE", "Ibrahim Ibni Almarhum Sultan Iskandar")]


def test_events_predicates_after_semicolons_share_the_subject_and_groups_are_no_side():
    evs = events_of("Sáng 5/3, Thủ tướng Nguyễn Xuân Phúc đã hội đàm với Thủ tướng Hà Lan Mark Rutte; trao đổi với một "
                    "số Bộ trưởng; làm việc với Thị trưởng Rotterdam. Hai Thủ tướng đã ký Ý định thư về hợp tác.")
    got = sorted((e["type"], tuple(sorted(sides(e)))) for e in evs)
    assert got == [("SIGN_AGREEMENT", ("Mark Rutte", "Nguyễn Xuân Phúc")), ("TALKS", ("Mark Rutte", "Nguyễn Xuân Phúc"))]
    # guide rule 17: an unnamed group is no side, with its country too
    evs = events_of("Ngày 5/3, Thủ tướng Nguyễn Xuân Phúc đã gặp gỡ một số nghị sĩ và Bộ trưởng Hoa Kỳ.")
    assert [sides(e) for e in evs if e["type"] == "MEETING"] == []


def test_events_the_chairs_of_talks_are_its_sides():
    evs = events_of("Sáng 11/7, Chủ tịch nước Tô Lâm đã đến Thủ đô Vientiane. Ngay sau lễ đón chính thức, Chủ tịch nước Tô "
                    "Lâm và Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith đã chủ trì cuộc hội đàm giữa Đoàn đại "
                    "biểu cấp cao hai nước.", pub="2024-07-11")
    talks = [e for e in evs if e["type"] == "TALKS"]
    assert [sides(e) for e in talks] == [{"Tô Lâm", "Thongloun Sisoulith"}]
    assert talks[0]["date_start"] == "2024-07-11" and talks[0]["modality"] == "occurred"


@pytest.mark.parametrize("sentence", [
    "Đến nay, Nhật Bản là nước tài trợ vốn ODA lớn nhất cho Việt Nam với 20 tỷ USD.",
    "Đức còn là nhà viện trợ ODA lớn cho Việt Nam.",
    "Hai Thủ tướng hài lòng về việc Hà Lan hỗ trợ 5 triệu euro cho Việt Nam.",
    "Phó Thủ tướng đề nghị Chính phủ Bồ Đào Nha hỗ trợ khoa tiếng Bồ Đào Nha cũng như cung cấp học bổng cho sinh viên Việt Nam.",
])
def test_events_donors_described_and_aid_asked_for_are_no_aid(sentence):
    assert [e for e in events_of(sentence) if e["type"] == "AID"] == []


def test_events_witnesses_of_a_signing_are_their_countries_and_a_group_meeting_stays():
    evs = events_of("Ngày 5/3, Thủ tướng Nguyễn Xuân Phúc đã tiếp Bộ trưởng Thương mại Hoa Kỳ Wilbur Ross. Sau buổi tiếp, "
                    "Thủ tướng Nguyễn Xuân Phúc và Bộ trưởng Wilbur Ross đã cùng chứng kiến doanh nghiệp hai bên trao "
                    "các văn bản hợp tác thương mại - đầu tư được ký kết trong khuôn khổ chuyến thăm. * Cùng ngày, Thủ "
                    "tướng cũng đã tiếp lãnh đạo các đoàn kinh tế lớn của Hoa Kỳ.")
    got = sorted((e["type"], tuple(sorted(sides(e)))) for e in evs if e["type"] != "VISIT")
    assert got == [("MEETING", ("Nguyễn Xuân Phúc", "USA")), ("MEETING", ("Nguyễn Xuân Phúc", "Wilbur Ross")),
                   ("SIGN_AGREEMENT", ("USA", "VNM"))]
    group = [e for e in evs if e["type"] == "MEETING" and e["target"]["name"] is None][0]
    assert group["sentence"].startswith("* Cùng ngày")


def test_events_coordination_with_cung():
    evs = events_of("Ngày 5/3, Thủ tướng Phạm Minh Chính cùng Thủ tướng Singapore Lawrence Wong chứng kiến lễ ký Bản ghi "
                    "nhớ về hợp tác kinh tế số.")
    assert [(e["type"], sides(e)) for e in evs] == [("SIGN_AGREEMENT", {"VNM", "SGP"})]
    # two officials of one side talking to reporters on the phone is no call between them
    assert events_of("Chiều nay 1/10, Đặc phái viên Marshall Billingslea cùng Trung tướng Thomas A. Bussiere đã có cuộc "
                     "trao đổi qua điện thoại với các phóng viên.", pub="2020-10-01") == []


def test_events_da_in_the_cue_says_it_happened():
    evs = events_of("Chiều 15/3, Tổng Bí thư Tô Lâm đã tiếp Đại sứ Trung Quốc tại Việt Nam Hà Vĩ đến chào.")
    assert [(e["type"], e["modality"], e["date_start"]) for e in evs] == [("MEETING", "occurred", "2025-03-15")]


def test_events_host_named_after_the_received_guest():
    evs = events_of("Tiếp Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen, Thủ tướng Phạm Minh Chính đề nghị hai bên tăng "
                    "cường hợp tác.")
    assert [(e["type"], e["source"]["name"], e["target"]["name"]) for e in evs] == [
        ("MEETING", "Phạm Minh Chính", "Nakatani Gen")]


def test_events_unnamed_signatories_are_the_two_countries():
    evs = events_of("Ngày 5/3, Thủ tướng Phan Văn Khải đã hội đàm với Thủ tướng Morocco Driss Jettou tại Rabat. Đại diện "
                    "chính phủ hai nước đã ký 6 văn kiện quan trọng.")
    assert [sides(e) for e in evs if e["type"] == "SIGN_AGREEMENT"] == [{"VNM", "MAR"}]


@pytest.mark.parametrize("sentence,etype", [
    ("Thủ tướng Phan Văn Khải hoan nghênh việc hai nước đi vào trao đổi các vấn đề kinh tế và tiến tới ký hiệp định "
     "đối tác kinh tế với Nhật Bản.", "SIGN_AGREEMENT"),
    ("Phó Thủ tướng đề nghị Bồ Đào Nha, với tư cách là nước thành viên EU, ủng hộ lập trường của ASEAN và Việt Nam.",
     "SUPPORT"),
])
def test_events_steps_toward_and_requests_are_no_events(sentence, etype):
    assert [e for e in events_of(sentence) if e["type"] == etype] == []


@pytest.mark.parametrize("sentence", [
    "Việt Nam là nền kinh tế mở với 12 hiệp định thương mại tự do đã được ký kết.",
    "Việt Nam đã ký với Séc nhiều hiệp định khung về hợp tác kinh tế.",
    "Hai bên đang đàm phán ký Thỏa thuận hợp tác về giáo dục.",
])
def test_events_tallies_and_negotiations_are_no_signings(sentence):
    assert events_of(sentence) == []


def test_events_airports_and_witnesses_without_a_country():
    evs = events_of("6h30 ngày 26/6, Thủ tướng Phan Văn Khải đã đến sân bay quốc tế McDonald Cartier, bắt đầu chuyến thăm "
                    "Canada.", pub="2004-06-26")
    assert [(e["type"], sides(e)) for e in evs] == [("VISIT", {"Phan Văn Khải", "CAN"})]
    evs = events_of("Chiều 27-6, Thủ tướng Phan Văn Khải và Thủ tướng Canada Paul Martin đã hội đàm. Sau đó, Thủ tướng "
                    "Phan Văn Khải và Thủ tướng Paul Martin đã chứng kiến lễ ký hiệp định giữa hai nước.",
                    pub="2004-06-27")
    assert [sides(e) for e in evs if e["type"] == "SIGN_AGREEMENT"] == [{"VNM", "CAN"}]


def test_events_a_visit_to_the_countries_just_named():
    evs = events_of("Nhận lời mời của Tổng thống Nga Vladimir Putin và Tổng thống Belarus Alexander Lukashenko, Chủ tịch nước "
                    "Trần Đại Quang sẽ thăm chính thức hai nước từ 26/6-1/7.", pub="2017-06-20")
    assert [(e["target"]["country"], e["date_start"], e["date_end"], e["modality"]) for e in evs] == [
        ("RUS", "2017-06-26", "2017-07-01", "planned"), ("BLR", "2017-06-26", "2017-07-01", "planned")]


def test_events_list_of_counterparts_continued_by_sau_do_voi():
    evs = events_of("Chiều 5/3, Thủ tướng Phan Văn Khải đã làm việc với ngài Dan Hays, Chủ tịch Thượng viện Canada, sau đó "
                    "với ngài Peter Milliken, Chủ tịch Hạ viện Canada.")
    assert [e["target"]["name"] for e in evs if e["type"] == "MEETING"] == ["Dan Hays", "Peter Milliken"]


def test_events_meeting_named_before_its_host():
    evs = events_of("Tại buổi hội kiến với Chủ tịch Hội nghị Hiệp thương Chính trị nhân dân toàn Trung Quốc (Chính hiệp) Giả "
                    "Khánh Lâm sáng 5/3 tại Bắc Kinh, Chủ tịch nước Trần Đức Lương khẳng định Việt Nam coi trọng quan hệ.")
    assert [(e["type"], e["source"]["name"], e["target"]["name"], e["date_start"]) for e in evs] == [
        ("MEETING", "Trần Đức Lương", "Giả Khánh Lâm", "2025-03-05")]


def test_events_inviters_are_not_visitors_and_agreements_to_implement_are_not_signed():
    evs = events_of("Sáng 12/7, Thủ tướng Nguyễn Xuân Phúc đã về đến Hà Nội, kết thúc chuyến thăm chính thức Cộng hòa Liên "
                    "bang Đức; dự Hội nghị Thượng đỉnh G20 theo lời mời của Thủ tướng Angela Merkel và thăm chính thức Vương "
                    "quốc Hà Lan theo lời mời của Thủ tướng Mark Rutte.", pub="2017-07-12")
    assert sorted((e["source"]["name"], e["target"]["country"]) for e in evs if e["type"] == "VISIT") == [
        ("Nguyễn Xuân Phúc", "DEU"), ("Nguyễn Xuân Phúc", "NLD")]
    assert events_of("Chủ tịch nước đề nghị hai bên thực hiện nghiêm túc nhận thức chung, các thỏa thuận, cam kết đã ký "
                     "kết giữa Việt Nam và Trung Quốc.") == []


def test_events_former_office_and_firm_names_in_appositions():
    evs = events_of("Chiều 23/4, Thủ tướng Phạm Minh Chính tiếp Chủ tịch Hội Luật gia Liên bang Nga Sergey Stepashin, nguyên "
                    "Thủ tướng Chính phủ Liên bang Nga, đang thăm và làm việc tại Việt Nam.", pub="2024-04-23")
    assert sorted((e["type"], e["source"]["name"], e["target"]["name"] or e["target"]["country"]) for e in evs) == [
        ("MEETING", "Phạm Minh Chính", "Sergey Stepashin"), ("VISIT", "Sergey Stepashin", "VNM")]
    stepashin = [e for e in evs if e["type"] == "VISIT"][0]["source"]
    assert "Thủ tướng Chính phủ" not in stepashin["titles"]        # an office once held is no title at this time
    evs = events_of("Tối 2/4, tiếp ông Bill Winters, Tổng Giám đốc Tập đoàn Standard Chartered, Thủ tướng Chính phủ Phạm "
                    "Minh Chính đề nghị Tập đoàn hỗ trợ Việt Nam.", pub="2025-04-02")
    assert [(e["source"]["name"], e["target"]["name"]) for e in evs] == [("Phạm Minh Chính", "Bill Winters")]


def test_events_discussion_is_talks_unless_it_is_what_a_meeting_was_about():
    evs = events_of("Ngày 5/3, Thủ tướng Phan Văn Khải và Thủ tướng Singapore Goh Chok Tong đã thảo luận các biện pháp mở "
                    "rộng quan hệ song phương.")
    assert [(e["type"], sides(e)) for e in evs] == [("TALKS", {"Phan Văn Khải", "Goh Chok Tong"})]
    evs = events_of("Chiều 6/7, Thủ tướng Nguyễn Xuân Phúc đã tiếp Bộ trưởng Kinh tế Đức Brigitte Zypries. Thủ tướng Nguyễn "
                    "Xuân Phúc và Bộ trưởng Brigitte Zypries thảo luận về tăng hợp tác thương mại.")
    assert [e["type"] for e in evs] == ["MEETING"]


def test_a_plural_office_resolves_to_its_holders_or_to_their_countries():
    named = ("Chiều 12/3, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Malaysia Anwar Ibrahim. "
             "Cùng ngày, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội kiến Bộ trưởng Ngoại giao Malaysia Mohamad Hasan. "
             "Hai Thủ tướng đã điện đàm hôm 1/3.")
    calls = [sides(e) for e in events_of(named, pub="2025-03-12") if e["type"] == "PHONE_CALL"]
    # the prime ministers, not the last two people named
    assert calls == [{"Phạm Minh Chính", "Anwar Ibrahim"}]
    unnamed = ("Chiều 12/3, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Malaysia Anwar Ibrahim. "
               "Hai Bộ trưởng Quốc phòng hai nước cũng đã điện đàm ngày 10/3.")
    calls = [sides(e) for e in events_of(unnamed, pub="2025-03-12") if e["type"] == "PHONE_CALL"]
    # the defence ministers are named nowhere: their countries stand for them
    assert calls == [{"VNM", "MYS"}]


def test_one_foreign_person_written_two_ways_in_one_article_is_one_side():
    text = ("Sáng 12/3, Thủ tướng Phạm Minh Chính đã tiếp Chủ tịch Cuba Rául Castro Ruzo tại Hà Nội. "
            "Chiều cùng ngày, Thủ tướng Chính hội kiến Bộ trưởng Ngoại giao Hàn Quốc Woo Won Sik. "
            "Trước đó, ông Woo Won Shik đã hội đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn. "
            "Tối 12/3, ông Raul Castro đã điện đàm với Tổng Bí thư Tô Lâm. "
            "Ông Donald Tramp Jr. đã gặp Bộ trưởng Công Thương. Tổng thống Donald Tramp đã điện đàm với Chủ tịch nước.")
    found = {(e["type"], frozenset(sides(e))) for e in events_of(text, pub="2025-03-12")}
    assert ("TALKS", frozenset({"Woo Won Sik", "Bùi Thanh Sơn"})) in found          # the first spelling
    assert ("PHONE_CALL", frozenset({"Rául Castro Ruzo", "Tô Lâm"})) in found       # the fullest form
    names = {n for _, pair in found for n in pair}
    assert "Donald Tramp" in names and "Woo Won Shik" not in names and "Raul Castro" not in names
