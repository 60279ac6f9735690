"""The shape of one Vietnamese syllable: what tells a Vietnamese word from a foreign one, Vietnamese text
from bytes read in the wrong code page, and two words run together from one.

Two models live here. `is_vietnamese_syllable` is the loose one on folded letters (no marks) that name
shapes and decoding were tuned with; `is_syllable` is the full model of `syllable.yaml` (onset, rhyme,
one tone mark, stop codas, case), which re-spacing relies on to never split a real syllable.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import load_yaml
from .fold import fold

# One Vietnamese syllable, folded (no marks): onset, glide, nucleus, coda.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(o|u)?(a|e|i|o|u|y|ie|ia|ua|uo|ye|ya|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|oa|oe|uy|uye|uya|ieu|yeu|uoi|uou|oai|oay|uay|uoi|oo)?"
    r"(ch|ng|nh|c|m|n|p|t|i|y|o|u)?$")


@lru_cache(maxsize=4096)
def is_vietnamese_syllable(token: str) -> bool:
    folded = fold(token)
    if not folded.isalpha() or len(folded) > 7:
        return False
    return bool(_SYLLABLE.match(folded)) and any(c in "aeiouy" for c in folded)


class SyllableModel:
    """onset + rhyme from the data file, at most one tone mark, no huyền/hỏi/ngã on a stop coda."""

    def __init__(self, data: dict):
        onsets = [""] + data["onsets"].split()
        rhymes = [r for group in data["rhymes"].values() for r in group.split()]
        needs = data.get("onset_needs", {})
        self.forms = frozenset(unicodedata.normalize("NFC", o + r) for o in onsets for r in rhymes
                               if r.startswith(needs.get(o, "")))
        self.stop_codas = tuple(data["stop_codas"].split())
        self.tone_marks = {mark: name for name, mark in data["tone_marks"].items()}
        self.never_on_stop = frozenset(data["tones_never_on_stop_codas"].split())
        self.unmarked_function_words = frozenset(data["unmarked_function_words"].split())

    def split_tone(self, token: str) -> tuple[str, list[str]]:
        """('quốc' -> 'quôc', ['sac']): the letters with their vowel marks, and the tone marks found."""
        tones, letters = [], []
        for ch in unicodedata.normalize("NFD", token.lower()):
            if ch in self.tone_marks:
                tones.append(self.tone_marks[ch])
            else:
                letters.append(ch)
        return unicodedata.normalize("NFC", "".join(letters)), tones

    def is_syllable(self, token: str) -> bool:
        if not (token.islower() or token.isupper() or (token[:1].isupper() and token[1:].islower())):
            return False            # "QuốcVương", "iPhone": no syllable changes case inside
        base, tones = self.split_tone(token)
        if len(tones) > 1 or base not in self.forms:
            return False
        return not (tones and tones[0] in self.never_on_stop and base.endswith(self.stop_codas))


@lru_cache(maxsize=1)
def syllable_model() -> SyllableModel:
    return SyllableModel(load_yaml("syllable.yaml"))


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    return bool(token) and syllable_model().is_syllable(token)


_STACKING = {"\u0302", "\u0306", "\u031b"}                 # circumflex, breve, horn
_VIETNAMESE_ONLY_TONES = {"\u0309", "\u0323"}              # hỏi, nặng
_TILDE_GRAVE = {"\u0303", "\u0300"}


def vietnamese_only(word: str) -> bool:
    """A letter or mark that Vietnamese writes and the Western European languages do not."""
    for ch in word:
        if ch in "đĐ":
            return True
        parts = unicodedata.normalize("NFD", ch)
        marks = set(parts[1:])
        if marks & _VIETNAMESE_ONLY_TONES or "\u031b" in marks or ("\u0306" in marks and parts[0] in "aA"):
            return True
        if marks & _STACKING and marks - _STACKING:           # "ế", "ồ": a vowel mark and a tone
            return True
        if marks & _TILDE_GRAVE and parts[0] in "iuyIUYeE" and "\u0303" in marks:   # ĩ ũ ỹ ẽ
            return True
        if "\u0300" in marks and parts[0] in "aiyAIY":         # à ì ỳ (Italian writes ò ù: "Niccolò")
            return True
    return False
