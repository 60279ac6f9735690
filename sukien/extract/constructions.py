"""Constructions kept as data (lexicons/constructions.yaml): each an id, the event types it applies to, the
windows of the sentence it reads and its examples, which run as tests. This module reads the entries and
applies the vetoes: the constructions that make a cue no event."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import HERE

_TESTS = ("search", "match", "absent")


@dataclass(frozen=True)
class Condition:
    window: str           # before | after | sentence_before | sentence_after | opening
    chars: int | None
    test: str             # search | match | absent
    pattern: re.Pattern

    def holds(self, text: str, cue_start: int, cue_end: int, clause_start: int, sentence: tuple[int, int]) -> bool:
        s_start, s_end = sentence
        if self.window == "before":
            window = text[max(clause_start, cue_start - self.chars):cue_start]
        elif self.window == "after":
            window = text[cue_end:cue_end + self.chars]
        elif self.window == "sentence_before":
            window = text[s_start:cue_start]
        elif self.window == "sentence_after":
            window = text[cue_end:s_end]
        else:
            window = text[s_start:s_start + self.chars]
        if self.test == "match":
            return self.pattern.match(window) is not None
        found = self.pattern.search(window) is not None
        return found if self.test == "search" else not found


@dataclass(frozen=True)
class Veto:
    id: str
    types: frozenset[str]
    says: str
    when: tuple[tuple[Condition, ...], ...]
    unless_dated: bool
    examples: tuple[dict, ...]

    def applies(self, text: str, cue_start: int, cue_end: int, clause_start: int, sentence: tuple[int, int],
                dated: bool) -> bool:
        if self.unless_dated and dated:
            return False
        return any(all(c.holds(text, cue_start, cue_end, clause_start, sentence) for c in alternative)
                   for alternative in self.when)


def _condition(entry_id: str, raw: dict) -> Condition:
    windows = [w for w in ("before", "after", "sentence_before", "sentence_after", "opening") if w in raw]
    tests = [t for t in _TESTS if t in raw]
    if len(windows) != 1 or len(tests) != 1:
        raise ValueError(f"constructions.yaml, {entry_id}: a condition needs one window and one of {_TESTS}: {raw}")
    window, test = windows[0], tests[0]
    chars = raw[window] if window in ("before", "after", "opening") else None
    return Condition(window, chars, test, re.compile(raw[test]))


@lru_cache(maxsize=1)
def vetoes() -> tuple[Veto, ...]:
    import yaml
    with open(HERE / "constructions.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    out = []
    for entry in data["vetoes"]:
        when = tuple(tuple(_condition(entry["id"], c) for c in alternative) for alternative in entry["when"])
        out.append(Veto(entry["id"], frozenset(entry["types"]), entry["says"], when,
                        bool(entry.get("unless_dated")), tuple(entry.get("examples", ()))))
    return tuple(out)


def veto_for(event_type: str, text: str, cue_start: int, cue_end: int, clause_start: int,
             sentence: tuple[int, int], dated: bool) -> Veto | None:
    """The first veto that makes this cue no event, or None."""
    return next((v for v in vetoes() if event_type in v.types and
                 v.applies(text, cue_start, cue_end, clause_start, sentence, dated)), None)
