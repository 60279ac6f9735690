"""Page furniture: what a crawler saved around the article. Patterns, not article-specific strings."""
from __future__ import annotations

import re

# "date 2026-01-30" first line written by the seed crawler.
DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*")
# Hotline / subscription furniture inside a line: "HOTLINE: 0903.343.439 - HOTLINE Phát hành: ... - ĐẶT MUA BÁO".
HOTLINE = re.compile(
    r"(?:(?:HOTLINE|Hotline|Đường dây nóng)[^:]{0,30}:\s*[\d .\-]{6,}\s*-?\s*)+(?:ĐẶT MUA BÁO|Đặt mua báo)?"
    r"|ĐẶT MUA BÁO|Đăng ký nhận bản tin[^.]*|Tải ứng dụng[^.]*")
RELATED_HEADERS = re.compile(
    r"^(tin liên quan|tin cùng chuyên mục|bài liên quan|xem thêm|đọc thêm|tin mới|tin nổi bật|có thể bạn quan tâm"
    r"|tin khác|các tin khác|tin đọc nhiều)\s*:?\s*$", re.I)
TEASER_LINK = re.compile(r"^(>>|»|\+\+)\s*|^(xem thêm|đọc thêm|>> xem)\s*:", re.I)
TAG_PREFIX = re.compile(r"^(tags?|từ khóa|từ khoá|chủ đề)\s*:", re.I)
BYLINE_PREFIX = re.compile(r"^(theo\s+\S+(\s+\S+){0,3}|pv|nhóm pv|bài và ảnh:.*|ảnh:.*|nguồn:.*)$", re.I)
END_MARK = re.compile(r"(?<=\.)/\.\s*$|\s*\(\s*hết\s*\)\s*$", re.I)
# "(NLĐO)- ", "(Chinhphu.vn) – ", "NLĐO - " at the start of a lead.
OUTLET_DATELINE = re.compile(r"^\(([^()]{2,20})\)\s*[-–—]\s*")
OUTLET_INLINE = re.compile(r"\s*\(([^()]{2,20})\)\s*[-–—]\s*")

# Captions. An agency or a two-word pen name, joined by "/" or dashes: "VGP/Quang Hiếu", "Trí Dũng – TTXVN".
_AGENCY = r"(?:[A-ZĐ][A-ZĐ0-9+]{1,9}(?:\.(?:vn|VN|com))?|Reuters|Yonhap|Xinhua|Getty(?: Images)?|Internet|internet|baoquocte\.vn|Tuổi Trẻ|Kyodo|Sputnik|Tân Hoa Xã|Bloomberg)"
_NAME2 = r"(?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*\s[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*)"
_CREDIT_PART = rf"(?:{_AGENCY}(?![\wÀ-ỹ])|{_NAME2})"
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# A credit in capitals runs on over the next words in capitals: "Ảnh: QUANG ĐỊNH", "Ảnh: THE NEW ZEALAND HERALD".
_CAPITALS_RUN = rf"(?:\s+[{_UPPER}][{_UPPER}]+(?=\s|$)){{0,3}}"
CREDIT = rf"{_CREDIT_PART}{_CAPITALS_RUN}(?:\s*(?:/|-|–|,|và)\s*{_CREDIT_PART}{_CAPITALS_RUN}){{0,3}}(?:\s+phát)?"
CAPTION_PAREN = re.compile(r"\s*\(\s*Ảnh\s*:[^()]{0,80}\)\s*\.?")
CAPTION_RUN_IN = re.compile(rf"(?<![\wÀ-ỹ])Ảnh\s*:\s*{CREDIT}\.?")
CAPTION_NUMBERED = re.compile(r"\s+-\s+Ảnh\s+\d+\.?\s*$")
CAPTION_LINE_END = re.compile(r"(?:\.\s*|\s)Ảnh\s*:\s*[^.]{1,60}\.?$|\(\s*Ảnh\s*:[^()]{0,80}\)\s*\.?$|\s+-\s+Ảnh\s+\d+\.?$")
SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\s+(?=[A-ZĐÀ-Ỹ\"“(])")
TERMINAL = re.compile(r"[.!?…:;'\"”’)]\s*$")


def caption_start(text: str, marker: int) -> int:
    """Where the caption that ends at `marker` (a run-in 'Ảnh:' credit) begins: the sentence before it."""
    head = text[:marker].rstrip()
    if head.endswith((".", "!", "?")):
        head = head[:-1]
    start = 0
    for m in SENTENCE_END.finditer(head):
        if re.search(r"(?:^|\s)[A-ZĐ]\.$", head[:m.start() + 1]):
            continue   # "John F. Kennedy": an initial, not a sentence end
        start = m.end()
    return start


def looks_like_caption(sentence: str) -> bool:
    """Captions describe a photo: short, and never announce what will happen."""
    return len(sentence) <= 250 and not re.search(r"(?<!\w)(sẽ|dự kiến|cho biết|nhấn mạnh)(?!\w)", sentence)

# A byline run onto the last sentence of a crawl: "… Việt Nam. D.Ngọc", "…./. Đức Tuân",
# "… Biển Đông. Nguyễn Hồng Điệp (TTXVN)", "… tỉnh Vitebsk. TTXVN/Tin Tức".
TRAILING_BYLINE = re.compile(
    r"(?<=[.!?”\"])(?:/\.)?\s+((?:[A-ZĐ][\wÀ-ỹ]*\.?\s?){1,4}(?:\s*[(/]\s*[\wÀ-ỹ .]{2,20}\)?)?|[A-ZĐ]{2,}(?:/[\wÀ-ỹ ]{2,20})?)\s*$")


CAPTION_LOOKBACK = 300      # a caption is a sentence of at most 250 characters: no need to look further back


def cut_credits(line: str, pattern: re.Pattern, captions: list[str]) -> str:
    """Cut every run-in caption matching `pattern` out of `line`, left to right, in one pass: the caption is the
    sentence before its credit when it looks like one, else the credit alone. Linear in the line's length
    (a line of 20 MB with a credit every few words used to take hours: each cut searched and copied the whole
    line again)."""
    kept: list[str] = []          # the line so far, after the cuts
    tail = ""                     # its last CAPTION_LOOKBACK characters
    pos = 0
    while (m := pattern.search(line, pos)) is not None:
        before = line[pos:m.start()]
        window = (tail + before)[-CAPTION_LOOKBACK:]
        at = caption_start(window, len(window))
        if at == 0 and len(tail) + len(before) > CAPTION_LOOKBACK:
            at = len(window)      # no sentence start within reach: longer than a caption
        if not looks_like_caption(window[at:]):
            at = len(window)      # a body sentence before a bare credit: drop the credit only
        cut = len(window) - at    # characters of the window that belong to the caption
        caption = window[at:] + m.group(0)
        captions.append(caption.strip())
        if cut <= len(before):
            kept.append(before[:len(before) - cut])
        else:
            _drop_last(kept, cut - len(before))
        _rstrip(kept)
        kept.append(" ")
        pos = m.end()
        while pos < len(line) and line[pos].isspace():
            pos += 1
        tail = _last_chars(kept, CAPTION_LOOKBACK)
    if not kept:
        return line               # nothing cut: the line as it was
    kept.append(line[pos:])
    return "".join(kept).strip()


def _drop_last(pieces: list[str], n: int) -> None:
    while n > 0 and pieces:
        last = pieces.pop()
        if len(last) > n:
            pieces.append(last[:len(last) - n])
            return
        n -= len(last)


def _rstrip(pieces: list[str]) -> None:
    while pieces and not pieces[-1].rstrip():
        pieces.pop()
    if pieces:
        pieces[-1] = pieces[-1].rstrip()


def _last_chars(pieces: list[str], n: int) -> str:
    out: list[str] = []
    size = 0
    for piece in reversed(pieces):
        out.append(piece)
        size += len(piece)
        if size >= n:
            break
    return "".join(reversed(out))[-n:]
