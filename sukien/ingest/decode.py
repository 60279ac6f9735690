"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258 and TCVN3 (when they read as
Vietnamese); refuse the rest by name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import InputError
from ..lexicons import read_tsv
from ..lexicons.syllable import is_vietnamese_syllable

MAX_BYTES = 20 * 1024 * 1024   # one article is never this large; a bigger file is a mistake or a bomb

# Characters that only occur in Vietnamese text (precomposed letters with Vietnamese-specific marks).
_VIET_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ" "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_VIET_LETTERS |= {c.upper() for c in _VIET_LETTERS}


_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b)


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > len(sample) * 0.02


def vietnamese_ratio(text: str) -> float:
    """Share of Vietnamese-only letters; 0 when letters outside the Vietnamese alphabet show up (ñ, ø, Õ:
    what TCVN3 or VNI bytes look like through a Windows code page)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    foreign = sum(1 for c in letters if not c.isascii() and c not in _VIET_LETTERS)
    if foreign > len(letters) * 0.005:
        return 0.0
    return sum(1 for c in letters if c in _VIET_LETTERS) / len(letters)


def too_large(source: str, size: int) -> InputError:
    return InputError(source, f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB limit)")


def decode_bytes(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "broken UTF-16 text") from None
    if not data.strip():
        raise InputError(source, "empty file")
    if looks_binary(data):
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Not UTF-8: try the legacy Windows code page for Vietnamese, and keep it only if it reads as Vietnamese.
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and vietnamese_ratio(text) > 0.08:
        return text
    # The 8-bit code of the ABC fonts (.VnTime) of the 1990s-2000s, still in old archives.
    text = from_tcvn3(data)
    if _reads_as_vietnamese(text):
        return text
    raise InputError(source, f"not UTF-8 (byte {utf8_error.start}), nor Windows-1258 or TCVN3 Vietnamese; "
                             "possibly VNI: convert it to UTF-8 first")


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    return {int(byte, 16): char for byte, char, *_ in read_tsv("tcvn3.tsv")}


def from_tcvn3(data: bytes) -> str:
    """TCVN3 bytes to NFC text (lexicons/tcvn3.tsv; bytes 0xB0-0xB4 are tone marks after their letter)."""
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_tcvn3_table()))


def _reads_as_vietnamese(text: str) -> bool:
    """Vietnamese letters, and words shaped like Vietnamese syllables: bytes of another 8-bit code page
    (Cyrillic, Greek…) also become Vietnamese letters through the TCVN3 table, but not syllables."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 3 or vietnamese_ratio(text) <= 0.08:
        return False
    return sum(1 for w in words if is_vietnamese_syllable(w.lower())) >= 0.8 * len(words)
