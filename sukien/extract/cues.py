"""Event cue lexicon (lexicons/event_cues.yaml) compiled once; finds cue occurrences in a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import ahocorasick

from ..lexicons import load_yaml
from ..lexicons.fold import lower_keeping_offsets


@dataclass(frozen=True)
class CueType:
    name: str            # the contract type (HOST_MEETING -> MEETING)
    key: str
    cameo: str | None
    plover: str | None
    roles: str
    # Runs on lower-cased text, and has no leading look-behind: both let the regex engine skip ahead to
    # the first letters of the cues (a case-insensitive pattern or a look-behind first is ~2x slower).
    # The start of a word is checked by `word_starts`.
    pattern: re.Pattern
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    requires: re.Pattern | None


@dataclass
class Cue:
    type: CueType
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def cue_types() -> list[CueType]:
    data = load_yaml("event_cues.yaml")
    out = []
    for key, spec in data["types"].items():
        cues = sorted(spec["cues"], key=len, reverse=True)
        body = "|".join(c.replace(" ", r"\s+") for c in cues)
        out.append(CueType(spec.get("as", key), key, spec.get("cameo"), spec.get("plover"), spec["roles"],
                           re.compile(rf"(?:{body.lower()})(?![\w])"),
                           tuple(w.lower() for w in spec.get("not_before", [])),
                           tuple(w.lower() for w in spec.get("not_after", [])),
                           re.compile(rf"(?i)\b{spec['requires']}\b") if spec.get("requires") else None))
    return out


@lru_cache(maxsize=1)
def modality_words() -> dict[str, list[str]]:
    return load_yaml("event_cues.yaml")["modality"]


@lru_cache(maxsize=None)
def modality_pattern(kind: str) -> re.Pattern:
    """One pattern for the words of a modality list ("planned", "planned_after", "ongoing", "negation").
    A negation stands right before the cue, at most one word between ("không có cuộc gặp", "hủy chuyến")."""
    words = "|".join(map(re.escape, modality_words()[kind]))
    tail = r"(?:\s+\w+)?\s*$" if kind == "negation" else r"(?!\w)"
    return re.compile(rf"(?<!\w)(?:{words}){tail}")


@lru_cache(maxsize=1)
def stems_by_type() -> dict[str, tuple[str, ...]]:
    """For each cue type, the first content word of each of its cues, lower case: a sentence holding none
    of them cannot hold a cue of that type, and its patterns are not run."""
    function_words = {"đã", "sẽ", "có", "đang", "ở", "cuộc", "lễ", "được", "buổi", "lời", "gửi", "các", "nhiều"}
    out = {}
    for key, spec in load_yaml("event_cues.yaml")["types"].items():
        stems = set()
        for cue in spec["cues"]:
            words = [w.split("(")[0].lower() for w in cue.split() if w.split("(")[0]]
            content = [w for w in words if w not in function_words] or words
            stems.add(content[0])
        out[key] = tuple(sorted(stems))
    return out


@lru_cache(maxsize=1)
def stem_automaton() -> ahocorasick.Automaton:
    """One pass over a sentence tells which cue types can occur in it (every stem, as a substring)."""
    keys_of: dict[str, set[str]] = {}
    for key, stems in stems_by_type().items():
        for stem in stems:
            keys_of.setdefault(stem, set()).add(key)
    automaton = ahocorasick.Automaton()
    for stem, keys in keys_of.items():
        automaton.add_word(stem, frozenset(keys))
    automaton.make_automaton()
    return automaton


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"          # what the regex engine takes for \w


def word_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """The non-overlapping matches of `pattern` that begin a word, as finditer would give them with a
    leading (?<!\\w): a match inside a word is dropped and the search resumes one character later."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start > 0 and _is_word_char(text[start - 1]):
            pos = start + 1
            continue
        yield m
        pos = m.end() if m.end() > start else start + 1


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    lowered = lower_keeping_offsets(text[start:end])
    present: set[str] = set()
    for _, keys in stem_automaton().iter(lowered):
        present |= keys
    if not present:
        return []
    found: list[Cue] = []
    for ct in cue_types():
        if ct.key not in present:
            continue
        for m in word_starts(ct.pattern, lowered):
            cs, ce = start + m.start(), start + m.end()
            before = lowered[max(0, m.start() - 40):m.start()].rstrip()
            after = lowered[m.end():m.end() + 20].lstrip()
            if any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
                   for w in ct.not_before):
                continue
            if any(after.startswith(w) and (len(after) == len(w) or not after[len(w)].isalnum())
                   for w in ct.not_after):
                continue
            if ct.requires is not None and not ct.requires.search(text, max(start, cs - 40), min(end, ce + 100)):
                continue
            found.append(Cue(ct, cs, ce, text[cs:ce]))
    # overlapping cues: the longer wins ("hội đàm trực tuyến" is a phone call, not talks)
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Cue] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
