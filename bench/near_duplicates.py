"""Near-duplicate check on many small similar articles (issue 14, item 6): documents from one template with
their names, places, dates and numbers varied, so that most pairs are LSH candidates but few are copies;
every 10th is a truncated copy of an earlier one. Stored into a fresh SQLite store without extraction.

    python bench/near_duplicates.py [--docs 2000] [--json]

Prints documents/s per block of 500 and how many copies were linked (should be every one of them).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import commit, report  # noqa: E402

NAMES = ["Đào Quốc Tuấn", "Lê Minh Khang", "Trần Văn Hải", "Ngô Đức Hải", "Phạm Thu Hà", "Vũ Thanh Bình"]
PARTNERS = ["Jan Nowak", "Pablo Ortega", "Kenji Mori", "Anna Berg", "Omar Haddad", "Tom Becker", "Luis Cardenas"]
PLACES = ["Hà Nội", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Nha Trang"]
TOPICS = ["thương mại", "đầu tư", "giáo dục", "y tế", "năng lượng", "nông nghiệp", "du lịch", "quốc phòng"]


def article(rng: random.Random, i: int) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    a, b, p = rng.choice(NAMES), rng.choice(PARTNERS), rng.choice(PLACES)
    topics = rng.sample(TOPICS, 4)
    return (f"Chiều {day}/{month}, tại {p}, Bộ trưởng {a} đã tiếp ông {b} nhân dịp sang làm việc lần thứ {i}. "
            f"Hai bên trao đổi về hợp tác {topics[0]} và {topics[1]}, nhất trí thúc đẩy các dự án {topics[2]}. "
            f"Bộ trưởng {a} đề nghị hai bên tăng cường {topics[3]}, ông {b} cảm ơn sự đón tiếp của phía Việt Nam "
            f"và khẳng định sẽ báo cáo kết quả cuộc gặp ngày {day}/{month} tại {p} với lãnh đạo. Mã tin {i * 7919}.")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from sukien.clean import clean
    from sukien.model import RawDocument
    from sukien.store import open_store
    rng = random.Random(7)
    texts: list[str] = []
    for i in range(args.docs):
        if i % 10 == 9:
            texts.append(texts[rng.randrange(len(texts))][:-60])        # a copy cut short
        else:
            texts.append(article(rng, i))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "dup.db"))
        rates, linked, t0 = [], 0, time.perf_counter()
        block = time.perf_counter()
        for i, text in enumerate(texts, 1):
            res = store.store_article(clean(RawDocument(key=f"d{i}", source=f"d{i}", raw_text=text)))
            linked += res.status == "duplicate"
            if i % 500 == 0:
                rates.append(round(500 / (time.perf_counter() - block), 1))
                block = time.perf_counter()
        store.close()
    report({"commit": commit(), "documents": args.docs, "seconds": round(time.perf_counter() - t0, 1),
            "docs_per_s_per_500": rates, "copies": args.docs // 10, "linked": linked}, args.json)


if __name__ == "__main__":
    main()
