"""Event cue lexicon (lexicons/event_cues.yaml) compiled once; finds cue occurrences in a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load_yaml


@dataclass(frozen=True)
class CueType:
    name: str            # the contract type (HOST_MEETING -> MEETING)
    key: str
    cameo: str | None
    plover: str | None
    roles: str
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
                           re.compile(rf"(?i)(?<![\w])(?:{body})(?![\w])"),
                           tuple(spec.get("not_before", [])), tuple(spec.get("not_after", [])),
                           re.compile(rf"(?i)\b{spec['requires']}\b") if spec.get("requires") else None))
    return out


@lru_cache(maxsize=1)
def modality_words() -> dict[str, list[str]]:
    return load_yaml("event_cues.yaml")["modality"]


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
def cue_stems() -> tuple[str, ...]:
    return tuple(sorted({s for stems in stems_by_type().values() for s in stems}))


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    lowered = text[start:end].lower()
    if not any(stem in lowered for stem in cue_stems()):
        return []
    found: list[Cue] = []
    stems = stems_by_type()
    for ct in cue_types():
        if not any(stem in lowered for stem in stems[ct.key]):
            continue
        for m in ct.pattern.finditer(text, start, end):
            before = text[max(start, m.start() - 40):m.start()].rstrip().lower()
            after = text[m.end():min(end, m.end() + 20)].lstrip().lower()
            if any(before.endswith(w.lower()) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
                   for w in ct.not_before):
                continue
            if any(after.startswith(w.lower()) and (len(after) == len(w) or not after[len(w)].isalnum())
                   for w in ct.not_after):
                continue
            if ct.requires is not None and not ct.requires.search(text, max(start, m.start() - 40), min(end, m.end() + 100)):
                continue
            found.append(Cue(ct, m.start(), m.end(), m.group(0)))
    # overlapping cues: the longer wins ("hội đàm trực tuyến" is a phone call, not talks)
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Cue] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
