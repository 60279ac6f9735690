"""Unicode NFC, one placement of Vietnamese tone marks, whitespace."""
from __future__ import annotations

import html
import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"   # huyền, sắc, hỏi, ngã, nặng


def _tone_moves() -> dict[str, str]:
    """'oà' -> 'òa', 'oé' -> 'óe', 'uỷ' -> 'ủy' (the placement most Vietnamese newspapers print)."""
    moves = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in _TONES:
                    new_style = unicodedata.normalize("NFC", f + s + tone)
                    old_style = unicodedata.normalize("NFC", f + tone + s)
                    moves[new_style] = old_style
    return moves


_MOVES = _tone_moves()


def _tone_pattern() -> re.Pattern:
    """One branch per first letter with a character class for the second: 'o[àá…]|u[ỳý…]' is several
    times faster than an alternation of every pair."""
    seconds: dict[str, set[str]] = {}
    for pair in _MOVES:
        seconds.setdefault(pair[0], set()).add(pair[1])
    branches = "|".join(f"{re.escape(f)}[{''.join(sorted(s))}]" for f, s in sorted(seconds.items()))
    # Only at the end of a syllable (hoà, thuỷ) and not after q (quý keeps its mark on y).
    return re.compile(r"(?<![qQ])(" + branches + r")(?!\w)")


_TONE_RE = _tone_pattern()
# zero-width characters, the soft hyphen and the bidirectional controls (an RTL override would reorder a name)
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE_CLASS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# Runs to become one plain space; a single plain space is left alone (most of the text: nothing to rewrite).
_SPACES = re.compile(rf" {_SPACE_CLASS}+|(?! ){_SPACE_CLASS}{_SPACE_CLASS}*")


def normalize_text(text: str) -> str:
    text = html.unescape(text) if "&" in text else text
    text = unicodedata.normalize("NFC", text)
    text = _TONE_RE.sub(lambda m: _MOVES[m.group(1)], text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _SPACES.sub(" ", text)           # the class holds no newline: lines stay apart
    return "\n".join(line.strip() for line in text.split("\n"))
