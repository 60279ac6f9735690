"""Vietnamese date expressions and their resolution against the publication date.

Forms: "ngày 5-2-2026", "5/2/2026", "19-25/1/2026", "từ ngày 26 đến 27-1", "26/6-1/7", "sáng 14/1",
"chiều 26-1", "hôm qua", "sáng nay", "trong tuần tới", "tháng 3-2005", "ngày 5 tháng 2 năm 2026".
A year is never invented: without a publication date or a year the document gives, precision is `unknown`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicons.fold import lower_keeping_offsets

_PART = r"(?:(?:rạng\s+)?(?:sáng|chiều|tối|trưa|đêm|hôm)\s+)?"
_SEP = r"\s*[/.-]\s*"
_D, _M, _Y = r"(\d{1,2})", r"(\d{1,2})", r"(\d{4})"

# They run on lower-cased text (see find_dates), so they are written in lower case without (?i).
PATTERNS: list[tuple[str, re.Pattern]] = [
    # "ngày 5 tháng 2 năm 2026"
    ("dmy_words", re.compile(rf"ngày\s+{_D}\s+tháng\s+{_M}(?:\s+năm\s+{_Y})?")),
    # ranges with year or not: "từ ngày 26 đến 27-1", "19-25/1/2026", "11 - 15/5/2017", "từ 29 đến 31- 5-2017"
    ("range_dd_m", re.compile(rf"(?:từ\s+(?:ngày\s+)?)?{_D}\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?{_D}{_SEP}{_M}(?:{_SEP}{_Y})?(?![\d/])")),
    # "trong hai ngày 14 và 15-4": two days named, a range (two days apart by "và" alone are two dates)
    ("range_dd_m", re.compile(rf"(?<=hai ngày ){_D}\s+và\s+{_D}{_SEP}{_M}(?:{_SEP}{_Y})?(?![\d/])")),
    # "từ 26/6 đến 1/7/2017", "26/6-1/7"
    ("range_dm_dm", re.compile(rf"(?:từ\s+(?:ngày\s+)?)?{_D}/{_M}\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?{_D}/{_M}(?:/{_Y})?(?![\d/])")),
    ("dmy", re.compile(rf"(?<![\d/.-]){_D}{_SEP}{_M}{_SEP}{_Y}(?![\d/])")),
    ("dm_slash", re.compile(rf"(?<![\d/.,-]){_D}/{_M}(?![\d/]|\.\d|,\d)")),
    # "chiều 26-1", "ngày 13-5": a dash needs a date word before it (else it is a score or a range of numbers)
    ("dm_dash", re.compile(rf"(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|nay|qua)\s+{_D}\s?-\s?{_M}(?![\d/-])")),
    ("month_year", re.compile(rf"tháng\s+{_M}(?:{_SEP}|\s+năm\s+){_Y}")),
    ("relative", re.compile(r"\b(hôm nay|sáng nay|chiều nay|tối nay|trưa nay|đêm nay|hôm qua|sáng qua|chiều qua|"
                            r"tối qua|đêm qua|ngày mai|sáng mai|chiều mai|hôm kia|trong tuần tới|tuần tới|tuần sau|"
                            r"tuần này|trong tuần này|cuối tuần này|cuối tuần tới|tháng tới|cùng ngày|ngày hôm sau)\b")),
]
_OFFSETS = {"hôm nay": 0, "sáng nay": 0, "chiều nay": 0, "tối nay": 0, "trưa nay": 0, "đêm nay": 0,
            "hôm qua": -1, "sáng qua": -1, "chiều qua": -1, "tối qua": -1, "đêm qua": -1, "hôm kia": -2,
            "ngày mai": 1, "sáng mai": 1, "chiều mai": 1}


@dataclass
class DateExpr:
    start: int
    end: int
    text: str
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    relative: str | None = None

    @property
    def has_year(self) -> bool:
        return self.year is not None


@dataclass
class ResolvedDate:
    start: str | None
    end: str | None
    precision: str          # day | week | month | year | unknown
    text: str | None


def _valid(d, m) -> bool:
    return d is not None and m is not None and 1 <= d <= 31 and 1 <= m <= 12


_NEEDS = {"dmy_words": ("tháng",), "month_year": ("tháng",), "range_dm_dm": ("/",), "dm_slash": ("/",),
          "dm_dash": ("-",), "dmy": ("/", "-", "."), "range_dd_m": ("/", "-", "."),
          "relative": ("nay", "qua", "mai", "kia", "tuần", "tháng tới", "cùng ngày", "hôm sau")}


def _could_match(kind: str, lowered: str) -> bool:
    """A cheap look for the characters a pattern cannot do without."""
    return any(n in lowered for n in _NEEDS.get(kind, ("",)))


_MAYBE_DATE = re.compile(r"\d|(?<!\w)(hôm|nay|qua|mai|tuần|tháng tới|cùng ngày)(?!\w)")
# A part of day or "ngày" right before a date belongs to its text ("sáng 14/1", "chiều nay ngày 5-2").
_PART_BEFORE = re.compile(r"(?:(?:rạng\s+)?(?:sáng|chiều|tối|trưa|đêm|hôm)\s+(?:nay\s+|qua\s+)?)?(?:ngày\s+)?$")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    end = len(text) if end is None else end
    # One character before the sentence too: the patterns' look-behinds see it, as with finditer(pos).
    base = max(0, start - 1)
    lowered = lower_keeping_offsets(text[base:end])
    if not _MAYBE_DATE.search(lowered, start - base):
        return []          # most sentences hold no date: one cheap look instead of eight patterns
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    chunk = lowered[start - base:]
    for kind, rx in PATTERNS:
        if not _could_match(kind, chunk):
            continue
        for lm in rx.finditer(lowered, start - base):
            ms, me = base + lm.start(), base + lm.end()
            if any(not (me <= a or ms >= b) for a, b in taken):  # earlier patterns win
                continue
            g = [int(x) if x and x.isdigit() else None for x in lm.groups()] if kind != "relative" else []
            e = DateExpr(ms, me, text[ms:me], kind)
            if kind == "dmy_words":
                e.day, e.month, e.year = g[0], g[1], g[2]
            elif kind == "range_dd_m":
                e.day, e.end_day, e.month, e.year = g[0], g[1], g[2], g[3]
                e.end_month, e.end_year = e.month, e.year
                if not (e.day < e.end_day):
                    continue
            elif kind == "range_dm_dm":
                e.day, e.month, e.end_day, e.end_month, e.year = g
                e.end_year = e.year
                if e.year and (e.end_month, e.end_day) < (e.month, e.day):
                    e.year -= 1
            elif kind == "dmy":
                e.day, e.month, e.year = g
            elif kind in ("dm_slash", "dm_dash"):
                e.day, e.month = g
            elif kind == "month_year":
                e.month, e.year = g
            elif kind == "relative":
                e.relative = lm.group(1)
            if kind not in ("relative", "month_year") and not _valid(e.day, e.month):
                continue
            if e.end_day is not None and not _valid(e.end_day, e.end_month):
                continue
            if e.year is not None and not 1900 <= e.year <= 2100:
                continue
            # a part of day or "ngày" just before belongs to the expression's text
            pre = _PART_BEFORE.search(lowered, max(start, ms - 20) - base, ms - base)
            if pre and pre.group(0) and kind not in ("dmy_words", "relative"):
                e.start -= len(pre.group(0))
                e.text = text[e.start:e.end]
            found.append(e)
            taken.append((min(e.start, ms), me))
    return sorted(found, key=lambda x: x.start)


def _safe(y, m, d) -> date | None:
    try:
        return date(y, m, d)
    except (TypeError, ValueError):
        return None


def _nearest_year(month: int, day: int, ref: date) -> int:
    best = ref.year
    best_gap = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = _safe(y, month, day)
        if d is None:
            continue
        gap = abs((d - ref).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def resolve(expr: DateExpr, pub: date | None, doc_year: int | None, previous: ResolvedDate | None = None) -> ResolvedDate:
    """Turn an expression into ISO dates. `doc_year` is a year the document itself establishes."""
    if expr.kind == "relative":
        rel = expr.relative
        if rel in ("cùng ngày", "ngày hôm sau"):
            if previous and previous.start and previous.precision == "day":
                d = date.fromisoformat(previous.start) + timedelta(days=1 if rel == "ngày hôm sau" else 0)
                return ResolvedDate(d.isoformat(), None, "day", expr.text)
            return ResolvedDate(None, None, "unknown", expr.text)
        if pub is None:
            return ResolvedDate(None, None, "unknown", expr.text)
        if rel in _OFFSETS:
            return ResolvedDate((pub + timedelta(days=_OFFSETS[rel])).isoformat(), None, "day", expr.text)
        if "tuần" in rel:
            monday = pub - timedelta(days=pub.weekday())
            if "tới" in rel or "sau" in rel:
                monday += timedelta(days=7)
            return ResolvedDate(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week", expr.text)
        if rel == "tháng tới":
            y, m = (pub.year + 1, 1) if pub.month == 12 else (pub.year, pub.month + 1)
            return ResolvedDate(date(y, m, 1).isoformat(), None, "month", expr.text)
        return ResolvedDate(None, None, "unknown", expr.text)
    if expr.kind == "month_year":
        return ResolvedDate(date(expr.year, expr.month, 1).isoformat(), None, "month", expr.text)
    year = expr.year
    if year is None:
        if pub is not None:
            year = _nearest_year(expr.month, expr.day, pub)
        elif doc_year is not None:
            year = doc_year
        else:
            return ResolvedDate(None, None, "unknown", expr.text)
    start = _safe(year, expr.month, expr.day)
    if start is None:
        return ResolvedDate(None, None, "unknown", expr.text)
    end = None
    if expr.end_day is not None:
        end_year = expr.end_year or year
        if expr.end_year is None and (expr.end_month, expr.end_day) < (expr.month, expr.day):
            end_year = year + 1
        e = _safe(end_year, expr.end_month, expr.end_day)
        end = e.isoformat() if e else None
    return ResolvedDate(start.isoformat(), end, "day", expr.text)


_ANNIVERSARY = re.compile(r"(?i)(\d{1,3})\s+năm\s+(?:ngày\s+)?(?:Quốc\s+khánh|Ngày\s+Độc\s+lập|Độc\s+lập)")
_ANNIVERSARY_ORD = re.compile(r"(?i)Quốc\s+khánh\s+(?:lần\s+thứ\s+)(\d{1,3})")


def document_year(text: str, captions: list[str], countries_after, found: list[DateExpr] | None = None) -> int | None:
    """A year the document establishes without a publication date: from full dates it writes (text first,
    then photo captions), else from an anniversary ("49 năm Quốc khánh" of Laos, founded 1975 -> 2024).
    `found`: the date expressions of the text when they are already known."""
    years: list[int] = []
    expressions = (found if found is not None else find_dates(text)) + [e for c in captions for e in find_dates(c)]
    for e in expressions:
        if e.kind in ("dmy", "range_dd_m", "range_dm_dm", "dmy_words") and e.year:
            years.append(e.year)
    if years:
        return max(set(years), key=lambda y: (years.count(y), y))
    for rx in (_ANNIVERSARY, _ANNIVERSARY_ORD):
        for m in rx.finditer(text):
            country = countries_after(m.end())
            if country is not None and country.national_day is not None:
                return country.national_day.year + int(m.group(1))
    # "N năm thiết lập quan hệ ngoại giao (1972 - 2017)", "APEC 2017", "quý I năm 2017": the year the text
    # itself writes as its present — the latest year it names that is not a target ("đến năm 2030")
    for m in _RELATIONS.finditer(text):
        # "45 năm thiết lập quan hệ ngoại giao (1972 - 2017)": the founding year opens a span right after
        founded = re.match(r"[^.;]{0,40}?\(\s*(?:\d{1,2}/\d{1,2}/)?(19[4-9]\d|20[0-2]\d)\s*[-–]", text[m.end():m.end() + 80])
        if founded:
            return int(founded.group(1)) + int(m.group(1))
    present = [int(m.group(1) or m.group(2)) for m in _THIS_YEAR.finditer(text)]
    if present:
        return max(present)
    return None


_RELATIONS = re.compile(r"(?i)(\d{1,3})\s+năm\s+(?:ngày\s+)?thiết\s+lập\s+quan\s+hệ")
# "năm nay (2017)", "năm 2017 này", "Năm APEC 2017" (the host year the press names as the current one)
_THIS_YEAR = re.compile(r"(?i)năm\s+nay\s*\(\s*(199\d|20[0-3]\d)\s*\)|năm\s+(199\d|20[0-3]\d)\s+này")
