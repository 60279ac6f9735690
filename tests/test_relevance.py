"""Document relevance (extract/relevance.py): the shipped model, its file format, and what it does to events.
Invented articles."""
from datetime import date

import numpy as np
import pytest

from sukien.clean import clean
from sukien.extract import relevance
from sukien.extract.events import extract_events
from sukien.model import RawDocument

SPORTS = ("Trận gặp Hải Phòng diễn ra trên sân Lạch Tray. HLV Nguyễn Văn Tâm gặp chấn thương ở hiệp hai, "
          "tiền đạo ghi bàn ở phút 90 và đội khách giành ba điểm. Câu lạc bộ ký hợp đồng ba năm với thủ môn.")
DIPLOMACY = ("Chiều 5/3, tại Hà Nội, Thủ tướng Phạm Minh Chính hội kiến Bộ trưởng Ngoại giao Lào. Hai bên nhất trí "
             "tăng cường quan hệ đối tác chiến lược, thúc đẩy hợp tác kinh tế, thương mại và đầu tư giữa hai nước.")


def test_the_shipped_model_tells_a_match_report_from_a_state_visit():
    assert relevance.MODEL.exists(), "run `sukien train` to build sukien/models/relevance.npz"
    assert relevance.probability(SPORTS) < relevance.THRESHOLD <= relevance.probability(DIPLOMACY)
    assert not relevance.relevant(SPORTS) and relevance.relevant(DIPLOMACY)


def test_events_of_an_article_that_is_not_about_public_affairs_are_dropped(monkeypatch):
    text = ("Đội tuyển thắng 2-0 ở vòng bảng.\n\nTiền đạo ghi bàn ở phút 90 sau đường chuyền của tiền vệ, đội khách "
            "giành ba điểm và vươn lên nhì bảng. Theo thể thức vòng tròn, Indonesia còn hai trận nữa gặp Nhật Bản và "
            "Australia. HLV trưởng cho biết các cầu thủ đã sẵn sàng cho trận đấu tới trên sân nhà.")
    article = clean(RawDocument("x.txt", "x.txt", text, pub_date=date(2025, 5, 3)))
    assert extract_events(article)[1] == []
    # the sentences alone read as meetings of states: the article is what tells
    monkeypatch.setattr(relevance, "THRESHOLD", 0.0)
    assert {e.type for e in extract_events(article)[1]} == {"MEETING"}
    monkeypatch.undo()
    # twin: a state visit in the same shape keeps its event
    article = clean(RawDocument("y.txt", "y.txt", DIPLOMACY, pub_date=date(2025, 3, 5)))
    assert [e.type for e in extract_events(article)[1]] == ["MEETING"]


def test_a_saved_model_gives_the_probabilities_of_the_fitted_one(tmp_path, monkeypatch):
    texts = [SPORTS, DIPLOMACY, "Bóng đá: đội nhà thắng 2-0 trên sân khách.", "Chủ tịch nước tiếp Đại sứ Nhật Bản."]
    model = relevance.fit(texts, [0, 1, 0, 1])
    path = tmp_path / "relevance.npz"
    relevance.save(model, path)
    monkeypatch.setattr(relevance, "MODEL", path)
    relevance._weights.cache_clear()
    try:
        for t in texts + ["Thủ tướng gặp cầu thủ."]:
            expected = model.predict_proba(relevance.vectorizer().transform([t]))[0, 1]
            assert relevance.probability(t) == pytest.approx(expected, abs=1e-5)
    finally:
        relevance._weights.cache_clear()


@pytest.mark.shared
def test_training_on_the_shared_sets_reproduces_the_shipped_model():
    from conftest import SHARED
    rows = relevance.training_set(SHARED)
    model = relevance.fit([r[2] for r in rows], [r[3] for r in rows])
    with np.load(relevance.MODEL) as shipped:
        weights = model.coef_[0].astype(np.float32)
        assert np.array_equal(np.flatnonzero(weights), shipped["index"])
        assert np.allclose(weights[shipped["index"]], shipped["weight"])
