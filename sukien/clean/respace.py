"""Re-spacing: put back the space a crawler lost where a link or a bold run ended.

"Thủ tướng Phạm Minh Chínhđã hội kiến" -> "Chính đã", "Trung QuốcVương Nghị" -> "Quốc Vương",
"Tổng thống MỹDonald Trumpvề" -> "Mỹ Donald Trump về". A run of letters that is not one syllable of
`lexicons/syllable.yaml` is split in two when the halves are one of these shapes:

- two syllables, with a mark only Vietnamese writes (đ ă ơ ư, hook or dot below, two stacked marks,
  a grave on a i y) somewhere in the run — "Chínhđã", "sốtại"; Spanish "Ramón" or "Rubén" has only acutes;
- a syllable, then a capitalised word or an acronym at a lower-to-upper change of case — "MỹDonald",
  "theoTTXVN" — when the syllable carries a mark or is an unmarked function word ("theo"), or a
  one-word country name of `countries.tsv` then a capitalised word ("CubaMiguel");
  "LeCun", "DeSantis", "iPhone" are left alone;
- a capitalised name or acronym, then a syllable that starts with a consonant and carries a mark only
  Vietnamese writes — "Trumpvề", "USDvào" (never "José", "João", "Martín");
- an acronym, then a capitalised syllable — "TTXVNTổng".

Numbers, codes (U23, COVID-19, G20), URLs and e-mail addresses are never touched, and the only edit
is an inserted space: `Respaced.inserted` maps every offset of the new text back to the old one.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicons import read_tsv
from ..lexicons.syllable import is_syllable, syllable_model, vietnamese_only

# A chunk of non-space text holding one of these is an address, not words.
_ADDRESS = re.compile(r"@|://|www\.|\.(?:com|vn|net|org|gov|edu|int)\b", re.I)


def _letter_classes() -> tuple[str, str, str]:
    """Character classes of Vietnamese vowels, lower-case and upper-case letters (every tone on every vowel)."""
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    vowels = {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in tones}
    lower = set("abcdefghijklmnopqrstuvwxyzđ") | vowels
    return ("".join(sorted(vowels | {v.upper() for v in vowels})), "".join(sorted(lower)),
            "".join(sorted(c.upper() for c in lower)))


_V, _LOWER, _UPPER = _letter_classes()
# What shows a letter run may hold two words: a change of case inside ("MỹDonald", "TTXVNTổng"), two vowel
# groups with a consonant between ("Chínhđã": one Vietnamese syllable has one), or a number right after.
# Runs without any of these (nearly all) are never looked at in Python.
_HINT = re.compile(rf"[{_LOWER}][{_UPPER}]|[{_UPPER}]{{2}}[{_LOWER}]|[{_V}][^\W\d_{_V}]+[{_V}]|[^\W\d_](?=\d)")


def _candidate_runs(text: str):
    """(start, end) of each letter run holding a hint, once."""
    run_end = -1
    for m in _HINT.finditer(text):
        if m.start() < run_end:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        run_end = end
        if end - start >= 2:
            yield start, end


@dataclass
class Respaced:
    text: str
    inserted: list[int] = field(default_factory=list)   # offsets in `text` of the spaces put in

    def to_source(self, offset: int) -> int:
        """The offset in the text before re-spacing that `offset` of the new text came from."""
        return offset - bisect_right(self.inserted, offset - 1)


def _marked(word: str) -> bool:
    return not word.isascii()


def _stacked(word: str) -> bool:
    """A circumflex, breve or horn ("ê", "ă", "ơ"): Spanish and Italian never write one."""
    return any(set(unicodedata.normalize("NFD", ch)[1:]) & {"\u0302", "\u0306", "\u031b"} for ch in word)


def _capitalised(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and (word[1:].islower() or word.isupper())


def _opens_word(right: str) -> bool:
    """The right part starts a word: a capital and a lower-case letter ("Donald…"), or an acronym ("BBC…")."""
    return len(right) >= 2 and right[0].isupper() and (right[1].islower() or right[1].isupper())


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _is_vowel(letter: str) -> bool:
    return unicodedata.normalize("NFD", letter.lower())[0] in "aeiouy"


def _has_onset(word: str) -> bool:
    return not _is_vowel(word[0])


def _split_at(token: str, i: int) -> int:
    """0 when `token` must not be split at i; otherwise a preference (higher is better)."""
    left, right = token[:i], token[i:]
    if left[-1].islower() and right[0].isupper():           # a change of case: "MỹDonald", "theoBBC"
        if not _opens_word(right):
            return 0
        word = split_token(left)[-1]          # "đâuvàBạn": the word before the capital is "và"
        function_word = word.lower() in syllable_model().unmarked_function_words
        if is_syllable(word) and (_marked(word) or function_word):
            return 3
        if word in _one_word_countries():
            return 3        # "CubaMiguel Díaz-Canel": a country's name is a word however it is spelt
        first = split_token(right)[0]
        if word.islower() and len(word) >= 3 and is_syllable(word) and is_syllable(first) and _marked(first):
            return 2        # "Ngoại giaoBùi": an unmarked syllable, then a marked syllable with a capital
        return 0
    if _acronym(left) and right[0].isupper() and right[1:].islower() and \
            (is_syllable(right) or (right.isascii() and len(right) >= 3)):
        return 3            # "TTXVNTổng", "HLVCarlo": the last capital opens the next word
    if not right.islower():
        return 0
    left_is_word = left.islower() or (_capitalised(left) and not left.isupper())
    if left_is_word and is_syllable(left) and is_syllable(right) and vietnamese_only(token):
        if _has_onset(right):
            return 2
        # "sốtại" reads "số tại", not "sốt ại"; two vowels meeting ("ngồí", "lưòi") are a misspelt syllable
        return 1 if not _is_vowel(left[-1]) else 0
    if _capitalised(left) and any(_is_vowel(c) for c in left) and not is_syllable(left) and is_syllable(right) \
            and _has_onset(right) and vietnamese_only(right):
        return 2            # "Trumpvề", "USDvào"
    if _capitalised(left) and len(left) >= 3 and any(_is_vowel(c) for c in left) and not is_syllable(left) and \
            is_syllable(right) and len(right) >= 3 and _has_onset(right) and _stacked(right):
        return 1            # "Yeolliên": a circumflex French also writes, weaker evidence than "Trumpvề"
    return 0


@lru_cache(maxsize=1)
def _one_word_countries() -> frozenset[str]:
    names = (name for row in read_tsv("countries.tsv") for name in row[1].split("|"))
    return frozenset(n for n in names if n.isalpha() and n[0].isupper() and len(n) >= 3)


@lru_cache(maxsize=65536)
def split_token(token: str, depth: int = 0) -> tuple[str, ...]:
    """The words a run of letters was made of: one when it is a syllable or cannot be told apart."""
    if depth > 2 or len(token) < 3 or is_syllable(token):
        return (token,)
    scored = [(_split_at(token, i), i) for i in range(1, len(token))]
    best = max(score for score, _ in scored)
    if best == 0:
        return (token,)
    points = [i for score, i in scored if score == best]
    if len(points) > 1 and best < 3:
        return (token,)     # two readings: leave it as written
    i = points[0]           # several changes of case: split at the first, the rest splits in turn
    return split_token(token[:i], depth + 1) + split_token(token[i:], depth + 1)


def respace(text: str) -> Respaced:
    inserted: list[int] = []
    pieces: list[str] = []
    out_len = 0          # length of "".join(pieces)
    last = 0
    for start, end in _candidate_runs(text):
        token = text[start:end]
        if token.isascii() and (token.islower() or token.isupper()):
            continue                                   # English words and acronyms: nothing to split
        parts = list(split_token(token))
        if end < len(text) and text[end].isdigit() and _glued_to_number(parts[-1]):
            parts.append("")                           # "giá1,32 triệu", "từ82.000": a space before the number
        if len(parts) == 1 or _in_address(text, start, end):
            continue
        pieces.append(text[last:start])
        out_len += start - last
        for k, part in enumerate(parts):
            if k:
                inserted.append(out_len)
                pieces.append(" ")
                out_len += 1
            pieces.append(part)
            out_len += len(part)
        last = end
    if not inserted:
        return Respaced(text)
    pieces.append(text[last:])
    return Respaced("".join(pieces), inserted)


def _glued_to_number(word: str) -> bool:
    """A lower-case syllable with a Vietnamese mark never runs into a number ("U23", "km2" are ASCII)."""
    return word.islower() and not word.isascii() and is_syllable(word)


def _in_address(text: str, start: int, end: int) -> bool:
    """Letters inside a URL, an e-mail address or an identifier (snake_case)."""
    if (start > 0 and text[start - 1] == "_") or (end < len(text) and text[end] == "_"):
        return True
    chunk_start = text.rfind(" ", 0, start) + 1
    chunk_end = text.find(" ", end)
    chunk = text[chunk_start:chunk_end if chunk_end >= 0 else len(text)]
    return bool(_ADDRESS.search(chunk))
