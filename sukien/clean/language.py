"""Is a cleaned article Vietnamese? A crawl of a Vietnamese site still holds English, Chinese or French
pages (foreign-language editions, press releases); those are skipped with their reason, not read for
Vietnamese events.

Letters only Vietnamese writes (ă ơ ư đ, the hook and the dot below, a vowel mark with a tone) are some
8-12 % of the letters of Vietnamese prose and none of English or French, so a clear share of them decides at
once; anything less clear is asked of py3langid, whose model ships inside the package."""
from __future__ import annotations

import re

SAMPLE_CHARS = 1500
CLEARLY_VIETNAMESE = 0.03      # share of letters
_VIETNAMESE_ONLY = re.compile(
    "[ăđơưằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữựảạẻẹỉịỏọủụỷỵỳỹĩũẽ"
    "ĂĐƠƯẰẮẲẴẶẦẤẨẪẬỀẾỂỄỆỒỐỔỖỘỜỚỞỠỢỪỨỬỮỰẢẠẺẸỈỊỎỌỦỤỶỴỲỸĨŨẼ]")
_LETTER = re.compile(r"[^\W\d_]")


def language_of(text: str) -> str:
    """'vi' or another ISO 639-1 code; '' when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < 20:
        return ""
    if len(_VIETNAMESE_ONLY.findall(sample)) >= CLEARLY_VIETNAMESE * letters:
        return "vi"
    import py3langid          # loaded on the first unclear text only
    return py3langid.classify(text[:3 * SAMPLE_CHARS])[0]


def not_vietnamese_reason(text: str) -> str | None:
    lang = language_of(text)
    return None if lang in ("vi", "") else f"not Vietnamese (language: {lang})"
