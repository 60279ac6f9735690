"""Coreference inside one document: bare titles ("Tổng Bí thư, Chủ tịch nước Lào"), honorific pronouns
("ông", "Đồng chí"), surnames alone ("ông Moon") resolved to the people the document names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicons.fold import fold
from ..lexicons.index import lexicon
from .names import is_foreign_token, surnames
from ..model import Actor, Mention

_GENERATIONS = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

# Offices Vietnam has: an unnamed holder with no country is Vietnam's (rule 13 of the annotation guide).
VIETNAMESE_OFFICES = {"tổng bí thư", "chủ tịch nước", "thủ tướng", "thủ tướng chính phủ", "phó thủ tướng",
                      "phó thủ tướng chính phủ", "chủ tịch quốc hội", "phó chủ tịch quốc hội", "bộ trưởng",
                      "thứ trưởng", "phó chủ tịch nước", "thường trực ban bí thư", "bộ trưởng ngoại giao",
                      "bộ trưởng bộ ngoại giao", "bộ trưởng quốc phòng", "bộ trưởng bộ quốc phòng",
                      "phó thủ tướng thường trực", "quyền chủ tịch nước"}


def title_heads(titles: list[str]) -> set[str]:
    """Comparable forms of titles: "Thứ trưởng Bộ Ngoại giao" also counts as "thứ trưởng"."""
    heads = set()
    lex = lexicon()
    for t in titles:
        low = " ".join(t.lower().split())
        heads.add(low)
        m = lex.title_re.match(t)
        if m:
            heads.add(" ".join(m.group(0).lower().split()))
    for h in list(heads):
        if h.startswith("thủ tướng"):
            heads.add("thủ tướng")
    return heads


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    org: str | None = None
    positions: list[int] = field(default_factory=list)   # sentence indexes where named
    offsets: list[int] = field(default_factory=list)     # character offsets where named

    def heads(self) -> set[str]:
        return title_heads(self.titles)


class DocumentPeople:
    """Everyone the document names, with the titles and country gathered from all their mentions."""

    def __init__(self):
        self.people: dict[str, Person] = {}

    @staticmethod
    def _initials_fit(folded: str, other: str) -> bool:
        """"n.sihamoni" is "norodom sihamoni", "v.v. volodin" is "vyacheslav victorovich volodin"."""
        initials = re.fullmatch(r"((?:[a-z]\.\s*)+)([a-z][\w-]+)", folded)
        words = other.split()
        letters = re.findall(r"[a-z]", initials.group(1)) if initials else []
        return bool(initials) and len(words) >= 2 and words[-1] == initials.group(2) and \
            [w[0] for w in words[:-1]][:len(letters)] == letters

    def _one_fuller(self, folded: str) -> str | None:
        """The one longer name of this document that holds the word ("anura" -> "Anura Kumara Dissanayaka");
        spellings of one person ("Dissanayaka" / "Disanayaka") count once, the first written."""
        from ..resolve.actors import same_person
        fits: list[str] = []
        for key, p in self.people.items():
            if len(key.split()) > 1 and folded in key.split() and not any(same_person(p.name, f) for f in fits):
                fits.append(p.name)
        return fits[0] if len(fits) == 1 else None

    def canonical(self, name: str) -> str:
        lex = lexicon()
        folded = fold(name)
        letters = re.sub(r"[^a-z]", "", folded)
        if len(name.split()) == 1 and (fuller := self._one_fuller(folded)) is not None:
            return fuller      # "Trump" written before "Donald Trump": the fullest form the article gives
        for p in self.people.values():
            other = fold(p.name)
            if other == folded:
                return p.name
            # "Eric G.John" ~ "Eric G. John"; "A. Tamugi", "N.Sihamoni" ~ "Abdullah Tamugi", "Norodom Sihamoni"
            if re.sub(r"[^a-z]", "", other) == letters:
                return p.name if len(p.name) >= len(name) else name
            if self._initials_fit(folded, other):
                return p.name
        known = lex.persons.get(folded)
        if known and len(name.split()) > 1:
            return known.name
        if len(name.split()) == 1:
            # "ông Moon", "Thủ tướng Medvedev": the fuller name the document gives, if exactly one fits;
            # otherwise the name as written (the contract keeps names as the text writes them)
            fits = [p.name for key, p in self.people.items() if folded in key.split() and len(key.split()) > 1]
            if len(set(fits)) == 1:
                return fits[0]
            return name
        # "Aleksandr Grigorievich Lukashenko" for "Alexander Lukashenko", "George W. Bush" for "George Bush":
        # one foreign family name with the same first initial is one person in one article
        words = folded.split()
        if len(words) > 1 and is_foreign_token(name.split()[-1]):
            same = [p.name for key, p in self.people.items() if len(key.split()) > 1 and key.split()[-1] == words[-1]
                    and key.split()[0][:1] == words[0][:1]]
            if len(set(same)) == 1:
                return same[0]
        fits = {p.name for key, p in self.people.items() if key.split()[:len(words)] == words and len(key.split()) > len(words)
                and not set(key.split()[len(words):]) & _GENERATIONS}         # "Donald Trump Jr." is his son
        if len(fits) == 1:
            return fits.pop()
        return name

    def fuller_tail(self, name: str) -> str:
        """'Von der Leyen', 'Minh Chính': the one fuller name of the document that ends with these words."""
        words = fold(name).split()
        tails = {p.name for key, p in self.people.items()
                 if len(key.split()) > len(words) and key.split()[-len(words):] == words}
        return tails.pop() if len(words) > 1 and len(tails) == 1 else name

    def settle_initials(self) -> dict[str, str]:
        """Names with initials written before the full name ("N.Sihamoni … Norodom Sihamoni"): once the
        whole document is read, one person under the full name. Returns old name -> full name."""
        renamed = {}
        for key, p in list(self.people.items()):
            if "." not in p.name:
                continue
            fits = [o for k, o in self.people.items() if k != key and self._initials_fit(key, k)]
            if len(fits) == 1:
                self._merge(key, fits[0])
                renamed[p.name] = fits[0].name
        return renamed

    def _merge(self, key: str, into: Person) -> None:
        p = self.people.pop(key)
        into.titles += [t for t in p.titles if t not in into.titles]
        into.country = into.country or p.country
        into.org = into.org or p.org
        into.positions = sorted(into.positions + p.positions)
        into.offsets = sorted(into.offsets + p.offsets)

    def settle_variants(self) -> dict[str, str]:
        """One foreign person written two ways in one article: a shorter form that opens the fuller one
        ("Raul Castro" … "Rául Castro Ruz", diacritics aside) takes the fuller; two spellings of one name
        ("Woo Won Sik" … "Woo Won Shik") take the first written. Vietnamese names, whose syllables tell people
        apart (Văn An, Văn Anh), are left alone. Returns old name -> kept name."""
        from ..resolve.actors import same_person
        renamed: dict[str, str] = {}
        foreign = sorted((p for p in self.people.values() if len(p.name.split()) >= 2 and
                          any(is_foreign_token(w) for w in p.name.split())), key=lambda p: min(p.offsets or [0]))
        for p in foreign:
            key = fold(p.name)
            if key not in self.people:
                continue
            words = key.split()
            for other in foreign:
                okey = fold(other.name)
                if other is p or okey not in self.people or (p.country and other.country and p.country != other.country):
                    continue
                fuller = len(okey.split()) > len(words) and okey.split()[:len(words)] == words and \
                    not set(okey.split()[len(words):]) & _GENERATIONS       # "Donald Trump Jr." is his son
                respelt = len(okey.split()) == len(words) and min(other.offsets or [0]) < min(p.offsets or [0]) \
                    and same_person(p.name, other.name)
                if fuller or respelt:
                    self._merge(key, other)
                    renamed[p.name] = other.name
                    break
        return renamed

    def add(self, mention: Mention, sentence_index: int) -> None:
        name = self.canonical(mention.name)
        mention.name = name
        key = fold(name)
        person = self.people.setdefault(key, Person(name))
        for t in mention.titles:
            if t not in person.titles:
                person.titles.append(t)
        person.country = person.country or mention.country
        person.org = person.org or mention.org
        person.positions.append(sentence_index)
        person.offsets.append(mention.span.start)

    def settle_countries(self) -> None:
        """A person the document never places in a country, with a Vietnamese name, is Vietnamese."""
        for p in self.people.values():
            words = p.name.split()
            if p.country is None and len(words) > 1:
                # "Phu nhân Naly Sisoulith": family shares a country with the named leader
                kin = [o.country for o in self.people.values() if o is not p and o.country and
                       len(o.name.split()) > 1 and o.name.split()[-1] == words[-1] and is_foreign_token(words[-1])]
                if kin:
                    p.country = kin[0]
            if p.country is None and words[0] in surnames() and not any(is_foreign_token(w) for w in words) \
                    and fold(p.name) not in lexicon().persons:
                p.country = "VNM"

    def fill(self, mention: Mention) -> None:
        """Give a named mention the country the document establishes for that person elsewhere."""
        person = self.people.get(fold(mention.name or ""))
        if person:
            mention.country = mention.country or person.country
            mention.org = mention.org or person.org

    def by_title(self, mention: Mention, sentence_index: int) -> Person | None:
        heads = title_heads(mention.titles)
        if not heads:
            return None
        best, best_key = None, None
        for p in self.people.values():
            shared = heads & p.heads()
            if not shared:
                continue
            if mention.country and p.country and p.country != mention.country:
                continue
            # the nearest naming before the title (in characters), else the first one after it
            before = [o for o in p.offsets if o < mention.span.start]
            recency = (0, mention.span.start - max(before)) if before else (1, min(p.offsets) - mention.span.start)
            key = (-len(shared),) + recency
            if best_key is None or key < best_key:
                best, best_key = p, key
        return best


def actor_for(mention: Mention, people: DocumentPeople, sentence_index: int, last_person: Person | None) -> Actor | None:
    """The contract's actor for a mention, resolving titles and pronouns; None when nothing fits."""
    if mention.kind in ("person", "spouse"):
        people.fill(mention)
        return Actor(mention.name, list(mention.titles), mention.country, mention.org)
    if mention.kind == "title":
        p = people.by_title(mention, sentence_index)
        if p is not None:
            return Actor(p.name, list(mention.titles) or list(p.titles), p.country or mention.country, p.org)
        country = mention.country
        if country is None and title_heads(mention.titles) & VIETNAMESE_OFFICES:
            country = "VNM"
        return Actor(None, list(mention.titles), country, mention.org) if country else None
    if mention.kind == "pronoun":
        if last_person is None:
            return None
        return Actor(last_person.name, list(last_person.titles), last_person.country, last_person.org)
    if mention.kind == "country":
        return Actor(None, list(mention.titles), mention.country, None)
    if mention.kind == "org":
        return Actor(None, [], mention.country, mention.org)
    return None
