"""Compiled lexicons: every phrase of titles, countries, places, organizations and honorifics, found in one
pass per kind with longest-match-first alternations. Built once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import read_tsv
from .fold import fold, lower_keeping_offsets


@dataclass(frozen=True)
class Title:
    text: str
    sector: str
    rank: int


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    national_day: date | None


@dataclass(frozen=True)
class Org:
    name: str
    country: str | None
    sector: str


@dataclass(frozen=True)
class KnownPerson:
    name: str
    country: str | None


@dataclass(frozen=True)
class Match:
    kind: str          # title | country | place | org | honorific
    start: int
    end: int
    text: str
    value: object


def phrase_alternation(phrases) -> str:
    """Literal phrases as one regex alternation, longest first, any run of spaces between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def phrase_pattern(phrases, flags=0) -> re.Pattern:
    """Any of the phrases as whole words."""
    return re.compile(rf"(?<![\w])(?:{phrase_alternation(phrases)})(?![\w])", flags)


_I_Y = {"sĩ": "sỹ", "sỹ": "sĩ", "kĩ": "kỹ", "kỹ": "kĩ", "lí": "lý", "lý": "lí"}


def _other_spelling(text: str) -> str:
    return " ".join(_I_Y.get(w, w) for w in text.split(" "))


class Lexicon:
    def __init__(self):
        self.titles: dict[str, Title] = {}
        rows = read_tsv("titles.tsv")
        for text, sector, rank, *_ in rows:
            self.titles.setdefault(text.lower(), Title(text, sector, int(rank)))
        for text, _sector, _rank, _note, same_as, *_ in (r for r in rows if len(r) > 4 and r[4]):
            self.titles[text.lower()] = self.titles[same_as.lower()]      # "Chủ tịch QH" is "Chủ tịch Quốc hội"
        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, str] = {}
        for row in read_tsv("countries.tsv"):
            iso3, names = row[0], row[1].split("|")
            day = None
            if len(row) > 2 and row[2]:
                y, m, d = map(int, row[2].split("-"))
                day = date(y, m, d)
            self.countries[iso3] = Country(iso3, names[0], day)
            for n in names:
                self.country_names[n] = iso3
        # a region ("Mỹ Latinh", "châu Âu") blocks a false name but stands for no country: ""
        self.places = {row[0]: ("" if row[1] == "-" else row[1]) for row in read_tsv("places.tsv")}
        self.orgs: dict[str, Org] = {}
        for row in read_tsv("organizations.tsv"):
            name, variants, iso3, sector = row[0], row[1], row[2] if len(row) > 2 else "", row[3] if len(row) > 3 else ""
            org = Org(name, iso3 or None, sector)
            for v in [name] + [v for v in variants.split("|") if v]:
                self.orgs[v] = org
        self.honorifics = {row[0] for row in read_tsv("honorifics.tsv")}
        self.persons: dict[str, KnownPerson] = {}
        for row in read_tsv("persons.tsv"):
            person = KnownPerson(row[0], (row[1] if len(row) > 1 else "").strip() or None)
            self.persons[fold(row[0])] = person
            if len(row) > 2:
                for v in row[2].split("|"):
                    if v.strip():
                        self.persons[fold(v)] = person

        self._title_variants = [row[0] for row in read_tsv("titles.tsv")]
        # A deputy is "Phó" + the office, for any office ("Phó Tổng Tham mưu trưởng", "Phó Đại sứ"); rows of
        # the file win (their rank is reviewed), the others are one rank lower than the office.
        for text in list(self._title_variants):
            deputy = "Phó " + text
            title = self.titles[text.lower()]
            if not text.startswith(("Phó", "Phu nhân", "Hoàng hậu")) and title.sector != "SPOUSE" \
                    and deputy.lower() not in self.titles:
                # the deputy of a variant is the deputy of the office: "Phó Chủ tịch QH" is "Phó Chủ tịch Quốc hội"
                same = self.titles.get(("Phó " + title.text).lower()) if title.text != text else None
                self.titles[deputy.lower()] = same or Title("Phó " + title.text, title.sector, min(title.rank + 1, 5))
                self._title_variants.append(deputy)
        # Both spellings of a final i/y are in print ("Thượng nghị sĩ" / "Thượng nghị sỹ"): each title in both.
        for text in list(self._title_variants):
            other = _other_spelling(text)
            if other != text and other.lower() not in self.titles:
                self.titles[other.lower()] = self.titles[text.lower()]
                self._title_variants.append(other)
        # titles also as one pattern: the actor layer asks "does a title start here?"
        self.title_re = phrase_pattern(self._title_variants, re.I)


    def title(self, text: str) -> Title | None:
        return self.titles.get(" ".join(text.split()).lower())

    def office(self, text: str) -> Title | None:
        """The title as written, else the office that opens it ("Thứ trưởng Bộ Ngoại giao" -> "Thứ trưởng")."""
        found = self.title(text)
        if found is None and (m := self.title_re.match(text)):
            found = self.title(m.group(0))
        return found

    KIND_ORDER = ("place", "title", "org", "region", "country", "honorific")

    def _automaton(self):
        """One Aho-Corasick automaton over every phrase of every kind, keyed on lower case: a sentence is
        scanned once whatever the size of the lexicons."""
        if getattr(self, "_ac", None) is None:
            import ahocorasick
            entries: dict[str, list] = {}
            sources = [("place", p, v) for p, v in self.places.items() if v] + \
                      [("region", p, v) for p, v in self.places.items() if not v] + \
                      [("title", t.text, t) for t in self.titles.values()] + \
                      [("title", t, self.titles[t.lower()]) for t in self._title_variants] + \
                      [("org", name, org) for name, org in self.orgs.items()] + \
                      [("country", name, iso) for name, iso in self.country_names.items()] + \
                      [("honorific", h, h) for h in self.honorifics]
            for kind, phrase, value in sources:
                key = " ".join(phrase.split()).lower()
                entries.setdefault(key, []).append((kind, phrase, value))
            ac = ahocorasick.Automaton()
            for key, items in entries.items():
                ac.add_word(key, (len(key), items))
            ac.make_automaton()
            self._ac = ac
        return self._ac

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """All lexicon matches in text[start:end]. Kinds take the text in priority order, each the longest
        phrase at each position of what is still free: places ("Phủ Chủ tịch"), then titles ("Trưởng Ban Đối
        ngoại Trung ương" before the party commission it heads), organizations, regions, countries, honorifics.
        Titles match in any case (old crawls write "Tổng bí thư"); names of places, bodies and countries only
        as capitalised in the lexicon."""
        end = len(text) if end is None else end
        chunk = text[start:end]
        lowered = lower_keeping_offsets(chunk)
        by_kind: dict[str, list] = {k: [] for k in self.KIND_ORDER}
        for last, (n, items) in self._automaton().iter(lowered):
            a, b = last - n + 1, last + 1
            if (a > 0 and (chunk[a - 1].isalnum() or chunk[a - 1] == "_")) or \
                    (b < len(chunk) and (chunk[b].isalnum() or chunk[b] == "_")):
                continue        # inside a longer word
            surface = chunk[a:b]
            for kind, phrase, value in items:
                if kind != "title" and surface != phrase and not (kind == "country" and _formal_variant(surface, phrase)):
                    continue    # case matters for names: "hà nội" is no place, "ông" and "Ông" are both listed
                by_kind[kind].append((a, b, surface, value))
        # A title that starts inside a name ("Ngoại trưởng Trung Quốc Vương Nghị": "Quốc Vương" overlaps "Trung
        # Quốc") is no title: titles match in any case, so they must not cut a name in two.
        names = [(a, b) for kind in ("place", "org", "region", "country") for a, b, *_ in by_kind[kind]]
        by_kind["title"] = [c for c in by_kind["title"] if not any(a < c[0] < b for a, b in names)]
        taken: list[tuple[int, int]] = []
        out: list[Match] = []
        for kind in self.KIND_ORDER:
            # leftmost first, longest at each position, never overlapping what a higher kind took
            for a, b, surface, value in sorted(by_kind[kind], key=lambda c: (c[0], -(c[1] - c[0]))):
                if all(b <= x or a >= y for x, y in taken):
                    taken.append((a, b))
                    out.append(Match("place" if kind == "region" else kind, start + a, start + b, surface,
                                     self.title(surface) if kind == "title" else value))
        return sorted(out, key=lambda m: m.start)


def _formal_variant(surface: str, phrase: str) -> bool:
    """A state's formal name with other capitals inside ("Cộng hòa nhân dân Trung Hoa", "Cộng hòa Xã hội Chủ
    nghĩa Việt Nam"): the press varies the inner words; the first and the name at the end are as listed."""
    words, listed = surface.split(), phrase.split()
    return len(listed) >= 3 and surface[:1] == phrase[:1] and words[-1] == listed[-1]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
