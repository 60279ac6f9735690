"""RELATIONSHIP events (events.md v2): two countries establish diplomatic relations or raise them to a named
framework of the ladder in lexicons/frameworks.yaml.

The construction is a verb of creating or raising ("thiết lập", "nâng cấp … lên", "trở thành") linked to a
framework name, either verb first or framework first with "được + verb". A framework merely named as existing
("thúc đẩy quan hệ Đối tác chiến lược toàn diện") has no such verb and gives no event."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load_yaml
from ..lexicons.fold import lower_keeping_offsets
from ..lexicons.index import phrase_alternation, phrase_pattern
from ..model import Actor, Event, Mention

CAMEO = {"establish": "054", "upgrade": "057"}
HOME = "VNM"


@dataclass(frozen=True)
class Framework:
    name: str
    english: str
    level: int
    special: bool


@dataclass
class FrameworkMention:
    framework: Framework
    start: int
    end: int


@lru_cache(maxsize=1)
def ladder() -> tuple[list[Framework], re.Pattern, dict[str, Framework]]:
    data = load_yaml("frameworks.yaml")
    frameworks, by_variant = [], {}
    for spec in data["frameworks"]:
        f = Framework(spec["name"], spec["english"], spec["level"], bool(spec.get("special")))
        frameworks.append(f)
        for v in spec["variants"]:
            by_variant[" ".join(v.lower().split())] = f
    pattern = phrase_pattern(by_variant)
    return frameworks, pattern, by_variant


@lru_cache(maxsize=1)
def _grammar() -> dict[str, re.Pattern]:
    data = load_yaml("frameworks.yaml")

    def words(key, group=None):
        return [w.lower() for w in (data[group][key] if group else data[key])]
    return {
        "before": phrase_pattern(words("before", "verbs")),
        "not_with_special": re.compile(rf"(?:{phrase_alternation(words('not_with_special', 'verbs'))})$"),
        "passive": phrase_pattern(words("passive", "verbs")),
        "between": phrase_pattern(words("between")),
        "negation": re.compile(rf"(?<!\w)(?:{phrase_alternation(words('negation'))})\s+$"),
        "planned": phrase_pattern(words("planned")),
        "aim": phrase_pattern(words("aim")),
    }


def framework_of(text: str) -> Framework | None:
    """The ladder step a written framework name stands for ('Đối tác Chiến lược Toàn diện' -> level 3)."""
    _, pattern, by_variant = ladder()
    m = pattern.search(lower_keeping_offsets(text))
    return by_variant[" ".join(m.group(0).split())] if m else None


def find_frameworks(lowered: str, start: int, end: int) -> list[FrameworkMention]:
    _, pattern, by_variant = ladder()
    return [FrameworkMention(by_variant[" ".join(m.group(0).split())], m.start(), m.end())
            for m in pattern.finditer(lowered, start, end)]


_YEAR = re.compile(r"(?<!\w)(?:năm|từ năm|vào năm)\s+(1[89]\d\d|20\d\d)(?!\w)|\((1[89]\d\d|20\d\d)\)")
_GAP_NOISE = re.compile(r"[\s,\"“”'‘’«»()\-–—:\d/.]+")
_MAX_LOOSE_WORDS = 4      # words of the gap that are neither relationship words nor a country ("hai quốc gia")


def linked(lowered: str, a: int, b: int, country_spans: list[tuple[int, int]], loose: int = _MAX_LOOSE_WORDS) -> bool:
    """Whether the stretch between a verb and a framework only holds what a relationship phrase holds:
    'quan hệ hai nước lên', 'quan hệ Việt Nam - Nhật Bản lên tầm', a date."""
    if b < a or b - a > 90 or ";" in lowered[a:b]:
        return False
    gap = list(lowered[a:b])
    for s, e in country_spans:
        for i in range(max(s, a), min(e, b)):
            gap[i - a] = " "
    rest = _grammar()["between"].sub(" ", "".join(gap))
    return len(_GAP_NOISE.sub(" ", rest).split()) <= loose


@dataclass
class Step:
    """One verb–framework construction found in a sentence."""
    framework: FrameworkMention
    verb_start: int
    verb_end: int


# "kỷ niệm 75 năm (Ngày) thiết lập…", "sau gần 2 năm nâng cấp…", "hơn 50 năm thiết lập…": the step counted as
# a duration or an anniversary is a date to remember, not a report that it happened
# ("nhân kỷ niệm 30 năm hai nước thiết lập…": the subject may stand between the count and the verb)
_DURATION = re.compile(r"(?<!\w)(?:\d+|một|hai|ba|bốn|năm|mười)\s+(?:năm|thập kỷ|thập niên)\s+"
                       r"(?:[^\s,.;:()]+\s+){0,5}$")
# "Ngày thiết lập quan hệ ngoại giao" names the anniversary day
_ANNIVERSARY_DAY = re.compile(r"(?<!\w)(?:ngày|dịp)\s+$")
# where the clause of a passive framework begins: the framework must be its subject ("Quan hệ Đối tác toàn diện
# được thiết lập năm 2018"), not the object of another verb ("triển khai quan hệ X mới được thiết lập")
_CLAUSE_START = re.compile(r"[,;:.!?\n]|(?<!\w)(?:và|còn|trong khi|khi|nay)(?!\w)")


_FROM_LEVEL = re.compile(r"[\s\"”’»]*(?:song phương\s+|hai nước\s+)?lên(?!\w)")


def counted(lowered: str, start: int, verb_start: int) -> bool:
    before = lowered[max(start, verb_start - 40):verb_start]
    return bool(_DURATION.search(before) or _ANNIVERSARY_DAY.search(before))


def heads_clause(lowered: str, start: int, fm: FrameworkMention, country_spans) -> bool:
    boundaries = [m.end() for m in _CLAUSE_START.finditer(lowered, start, fm.start)]
    return linked(lowered, boundaries[-1] if boundaries else start, fm.start, country_spans, loose=1)


def steps_in(lowered: str, start: int, end: int, country_spans) -> list[Step]:
    g = _grammar()
    out = []
    for fm in find_frameworks(lowered, start, end):
        if _FROM_LEVEL.match(lowered, fm.end, end):
            continue    # "nâng cấp quan hệ đối tác chiến lược lên một tầm cao mới": the level raised from
        verbs = [v for v in g["before"].finditer(lowered, max(start, fm.start - 90), fm.start)
                 if linked(lowered, v.end(), fm.start, country_spans)]
        if verbs:
            v = verbs[-1]
            if fm.framework.special and g["not_with_special"].match(v.group(0)):
                continue
            if not counted(lowered, start, v.start()):
                out.append(Step(fm, v.start(), v.end()))
            continue
        after = g["passive"].search(lowered, fm.end, min(end, fm.end + 40))
        if after and linked(lowered, fm.end, after.start(), country_spans) \
                and heads_clause(lowered, start, fm, country_spans):
            out.append(Step(fm, after.start(), after.end()))
    return out


def modality_of(lowered: str, clause_start: int, verb_start: int) -> str | None:
    g = _grammar()
    if g["negation"].search(lowered, max(clause_start, verb_start - 14), verb_start):
        return None
    if g["aim"].search(lowered, max(clause_start, verb_start - 40), verb_start):
        return None
    if g["planned"].search(lowered, max(clause_start, verb_start - 40), verb_start):
        return "planned"
    return "occurred"


def pair_for(mentions: list[Mention], at: int, main_foreign: str | None) -> tuple[str, str] | None:
    """The two countries of the step: the ones the sentence names nearest the verb; one named beside Vietnam;
    none named ('hai nước') — the article's own pair."""
    codes = []
    for m in sorted((m for m in mentions if m.kind == "country" and m.country), key=lambda m: abs(m.span.start - at)):
        if m.country not in codes:
            codes.append(m.country)
    if len(codes) >= 2:
        a, b = codes[0], codes[1]
        return (a, b) if HOME not in (a, b) else (HOME, b if a == HOME else a)
    if len(codes) == 1 and codes[0] != HOME:
        return HOME, codes[0]
    return (HOME, main_foreign) if main_foreign and main_foreign != HOME else None


def _dates_between(text, lowered, resolved, dates, a: int, b: int) -> list[tuple]:
    found = [(d.start, r.start, r.precision, r.text) for d, r in zip(dates, resolved)
             if a <= d.start <= b and r.start and r.precision in ("day", "month")]
    for y in _YEAR.finditer(lowered, a, b):
        year = y.group(1) or y.group(2)
        found.append((y.start(), f"{year}-01-01", "year", text[y.start():y.end()].strip("()")))
    return found


def date_of(text: str, lowered: str, resolved, dates, step: Step, s_start: int, s_end: int):
    """The step's date: the first day, month or year ('năm 1977') written after the verb, within reach; else
    one written just before it ('Năm 1977, hai nước thiết lập…')."""
    after = _dates_between(text, lowered, resolved, dates, step.verb_start,
                           min(s_end, max(step.verb_end, step.framework.end) + 60))
    before = _dates_between(text, lowered, resolved, dates, max(s_start, step.verb_start - 40), step.verb_start - 1)
    if after:
        # a day inside the year phrase ("ngày 5/9/1962" holds "1962") is the finer of the two
        _, start, precision, date_text = min(after, key=lambda f: (f[0], f[2] == "year"))
    elif before:
        _, start, precision, date_text = max(before, key=lambda f: (f[0], f[2] != "year"))
    else:
        return None, "unknown", None
    return start, precision, date_text


def _as_written(name: str) -> str:
    # "quan hệ Đối tác toàn diện" is the framework "Đối tác toàn diện"; "quan hệ ngoại giao" is its own name
    return re.sub(r"(?i)^(?:mối\s+)?quan\s+hệ\s+(?=đối tác)", "", name)


def relationship_events(x) -> list[Event]:
    """RELATIONSHIP events of an analysed article (an ArticleExtractor after `extract`), one per pair and step."""
    text = x.text
    lowered = lower_keeping_offsets(text)
    if not ladder()[1].search(lowered):
        return []       # most articles name no framework: nothing to walk sentence by sentence
    main = [c for c in x.main_countries_ranked() if c != HOME]
    out: dict[tuple, Event] = {}
    for info in x.infos:
        s = info.sentence.span
        spans = [(m.span.start, m.span.end) for m in info.mentions if m.kind == "country"]
        for step in steps_in(lowered, s.start, s.end, spans):
            modality = modality_of(lowered, s.start, step.verb_start)
            pair = pair_for(info.mentions, step.verb_start, main[0] if main else None)
            if modality is None or pair is None:
                continue
            f = step.framework.framework
            action = "establish" if f.level == 0 else "upgrade"
            start, precision, date_text = date_of(text, lowered, info.resolved, info.dates, step, s.start, s.end)
            key = (frozenset(pair), f.name, modality)
            if key in out and (out[key].date_start or not start):
                continue
            out[key] = Event(doc=x.article.key, type="RELATIONSHIP", cameo=CAMEO[action], plover="COOPERATE",
                             source=Actor(None, country=pair[0]), target=Actor(None, country=pair[1]),
                             date_start=start, date_end=None, date_precision=precision, date_text=date_text,
                             location=None, modality=modality, sentence=text[s.start:s.end],
                             char_start=s.start, char_end=s.end, confidence=0.8,
                             cue=text[step.verb_start:step.framework.end] if step.verb_start < step.framework.start
                             else text[step.framework.start:step.verb_end],
                             framework=_as_written(text[step.framework.start:step.framework.end]), action=action,
                             framework_level=f.level)
    return list(out.values())
