"""Compiled lexicons: every phrase of titles, countries, places, organizations and honorifics, found in one
pass per kind with longest-match-first alternations. Built once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import read_tsv
from .fold import fold


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


def _alternation(phrases, flags=0) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


class Lexicon:
    def __init__(self):
        self.titles: dict[str, Title] = {}
        for text, sector, rank, *_ in read_tsv("titles.tsv"):
            self.titles.setdefault(text.lower(), Title(text, sector, int(rank)))
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

        self.title_re = _alternation(self.titles_variants(), re.I)
        self.country_re = _alternation(self.country_names)
        self.place_re = _alternation([p for p, c in self.places.items() if c])
        self.region_re = _alternation([p for p, c in self.places.items() if not c])
        self.org_re = _alternation(self.orgs)
        self.honorific_re = _alternation(self.honorifics)

    def titles_variants(self):
        for t in self.titles.values():
            yield t.text

    def title(self, text: str) -> Title | None:
        return self.titles.get(" ".join(text.split()).lower())

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """All lexicon matches in text[start:end]. Kinds take the text in priority order, each the longest
        phrase at each position of what is still free: places ("Phủ Chủ tịch"), then titles ("Trưởng Ban Đối
        ngoại Trung ương" before the party commission it heads), organizations, countries, honorifics."""
        end = len(text) if end is None else end
        kinds = (("place", self.place_re, lambda s: self.places[s]),
                 ("title", self.title_re, lambda s: self.title(s)),
                 ("org", self.org_re, lambda s: self.orgs[s]),
                 ("place", self.region_re, lambda s: self.places[s]),     # regions yield to names of bodies
                 ("country", self.country_re, lambda s: self.country_names[s]),
                 ("honorific", self.honorific_re, lambda s: s))
        taken: list[Match] = []
        for kind, rx, value in kinds:
            segments, pos = [], start
            for t in sorted(taken, key=lambda x: x.start):
                if t.start > pos:
                    segments.append((pos, t.start))
                pos = max(pos, t.end)
            if pos < end:
                segments.append((pos, end))
            for a, b in segments:
                for m in rx.finditer(text, a, b):
                    key = " ".join(m.group(0).split())
                    try:
                        v = value(key)
                    except KeyError:
                        continue
                    if v is not None:
                        taken.append(Match(kind, m.start(), m.end(), m.group(0), v))
        return sorted(taken, key=lambda x: x.start)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
