"""The caption step on single-line files of 1, 5 and 20 MB with a photo credit every few words (issue 14, item 5:
it was about cubic in the line's length). Prints seconds per size; time should grow about linearly.

    python bench/captions.py [--json]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import commit, report  # noqa: E402

# captions that look like captions, and bare credits inside one endless sentence (the quadratic case before)
UNIT = ("Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội - Ảnh: TTXVN Hai bên trao đổi về hợp tác. (Ảnh: Trí Dũng) "
        "hai bên trao đổi về hợp tác kinh tế Ảnh: TTXVN hai bên trao đổi về hợp tác kinh tế Ảnh: TTXVN ")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from sukien.clean import clean
    from sukien.model import RawDocument
    result = {"commit": commit()}
    for mb in (1, 5, 20):
        line = UNIT * (mb * 1024 * 1024 // len(UNIT.encode("utf-8")))
        t0 = time.perf_counter()
        article = clean(RawDocument(key="one-line", source="one-line", raw_text=line, kind="text"))
        result[f"{mb}_mb_seconds"] = round(time.perf_counter() - t0, 2)
        result[f"{mb}_mb_captions"] = len(article.captions)
    report(result, args.json)


if __name__ == "__main__":
    main()
