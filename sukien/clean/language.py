"""Is a cleaned article Vietnamese? A crawl of a Vietnamese site still holds English, Chinese or French
pages (foreign-language editions, press releases); those are skipped with their reason, not read for
Vietnamese events.

Vietnamese prose is about one letter in five with a mark of its alphabet, so a clear share of such letters
decides at once; anything less clear is asked of py3langid, whose model ships inside the package."""
from __future__ import annotations

from ..ingest.decode import vietnamese_ratio

CLEARLY_VIETNAMESE = 0.08      # share of letters; English or French news stays under 0.02
SAMPLE_CHARS = 3000


def language_of(text: str) -> str:
    """'vi' or another ISO 639-1 code; '' when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < 20:
        return ""
    if vietnamese_ratio(sample) >= CLEARLY_VIETNAMESE:
        return "vi"
    import py3langid          # loaded on the first unclear text only
    return py3langid.classify(sample)[0]


def not_vietnamese_reason(text: str) -> str | None:
    lang = language_of(text)
    return None if lang in ("vi", "") else f"not Vietnamese (language: {lang})"
