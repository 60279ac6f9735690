"""Bodies named as Vietnamese writes them: a head noun ("Tập đoàn", "Phòng Thương mại", "Tòa án") and the name
after it, up to its last capitalised word ("Tập đoàn Boeing", "Phòng Thương mại Hà Lan - Việt Nam", "Viện Hàn
lâm Khoa học xã hội Việt Nam", "Công ty sản xuất gốm sứ Hao Canh"), with the country the text gives it.

Vietnamese capitalises the first syllable of each word of a name and writes the others in lower case
("Dầu khí", "Thương mại"), so where a name ends is a question of words, not of capitals: the sentence is
segmented and tagged by underthesea's offline CRF, and
- a lower-case syllable belongs to the name when it is inside a word whose first syllable does;
- lower-case words between the head and the first capital describe the body ("dược phẩm", "du lịch và dịch vụ
  bay") when they are content words; a function word ("này", "đã", "với") means the head names no one;
- inside the name, at most two lower-case nouns or adjectives ("quốc gia") when a capitalised word follows;
- a title, an honorific, a known person or a Vietnamese name (surname and given names) after the name ends it;
- "(Mỹ)" or "của Mỹ" right after the name, or one country inside it, is its country.
A body the lexicon knows (organizations.tsv) is the lexicon's; this only names the others."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicons import read_tsv
from ..lexicons.fold import fold
from ..lexicons.index import Match, Org, lexicon
from ..lexicons.syllable import is_syllable
from .names import described_heads, org_head, org_head_sectors, org_heads, stopwords, surnames

DESCRIBING_TAGS = {"N", "Nc", "V", "A"}      # content words that may describe a body before its name
INSIDE_TAGS = {"N", "A"}
NOUN_TAGS = {"N", "Nc", "Np", "Ny", "Nb"}                      # lower-case words inside a name: "Dầu khí quốc gia Việt Nam"
JOINING = {"và", "-", "–", "&"}                # join two capitalised parts: "Phòng Thương mại và Công nghiệp"
MAX_DESCRIBING_WORDS = 3
MAX_INSIDE_WORDS = 2
WINDOW = 80             # characters read from a head on: the longest names in the data are about 70
_COUNTRY_AFTER = re.compile(r"\s*(?:\(|,?\s*của\s+)$")


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern:
    """Each head in any case ("Tập đoàn", "tập đoàn", "Tổng Công ty") as a whole word."""
    alternatives = [r"\s+".join(map(re.escape, h.split(" "))) for h in org_heads()]
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.I)


@dataclass(slots=True)
class _Syllable:
    start: int
    end: int
    text: str
    word: int          # index of its word
    first: bool        # opens its word
    tag: str


def _syllables(text: str, words) -> list[_Syllable]:
    out = []
    for w, (span, tag) in enumerate(words):
        for k, m in enumerate(re.finditer(r"[^\s]+", text[span.start:span.end])):
            out.append(_Syllable(span.start + m.start(), span.start + m.end(), m.group(0), w, k == 0, tag))
    return out


@dataclass(slots=True)
class _Walk:
    """Where the walk over a body's name stands."""
    after: list[_Syllable]
    title_before: bool
    described: bool                 # words may describe the body before its name (org_heads.tsv)
    name_end: int | None
    last_word: int = -1
    named_for: bool = False         # lower-case inside words just passed: a person's name now is the body's
    after_place: bool = False       # a country or place just passed: after a title, a foreign name is the holder
    describing: list[_Syllable] = field(default_factory=list)


_STOP, _FAIL = -1, -2
BODY_PARTS = ("country", "place", "org")       # lexicon matches a body's name may hold


def _capitalised(s: _Syllable) -> bool:
    return s.text[:1].isupper()


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1)
def _reporting_verbs() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r[0].split()) for r in read_tsv("reporting_verbs.tsv"))


class OrganizationFinder:
    """Named bodies of one sentence, as `Match`es of kind "org" the actor layer treats like the lexicon's."""

    def __init__(self, text: str, start: int, end: int, masks: list[Match], known: dict[str, str] | None = None):
        self.text, self.start, self.end = text, start, end
        self.masks = masks
        self.known = known or {}
        self._windows: dict[int, list[_Syllable]] = {}

    def find(self) -> list[Match]:
        heads = list(_head_pattern().finditer(self.text, self.start, self.end))
        out: list[Match] = []
        for head in heads:
            if out and head.start() < out[-1].end:
                continue
            written = " ".join(head.group(0).split())
            canonical = org_head(written)
            sector = org_head_sectors()[canonical]
            described = canonical in described_heads() and (written[0].isupper() or sector == "BUS")
            named = any(_capitalised_word(w) for w in written.split()[1:])     # "Phòng Thương mại": begun
            if not named and not self._capital_follows(head.end(), described):
                continue
            found = self._body_at(head.start(), head.end(), sector, described, named)
            if found is not None:
                out.append(found)
        return out

    # -- one head -----------------------------------------------------------------------------------
    def _mask_over(self, start: int, end: int) -> Match | None:
        return next((m for m in self.masks if m.start < end and start < m.end), None)

    def _head_context(self, head_start: int, head_end: int) -> tuple[bool, bool] | None:
        """(embedded, held) for a head that may open a body: embedded in a firm's title ("Chủ tịch Tập đoàn" +
        "Vingroup"), held by a title before it, whose holder's name may follow the body's; None when the
        lexicon has the words already ("Ngân hàng Thế giới", "Hội An", "Chủ tịch Quốc hội") or the head is
        inside a longer name ("Ban Tổ chức Trung ương")."""
        cover = self._mask_over(head_start, head_end)
        embedded = cover is not None and cover.kind == "title" and cover.end == head_end and \
            lexicon().title(self.text[cover.start:head_start]) is not None
        if (cover is not None and not embedded) or self._inside_longer_name(head_start):
            return None
        held = embedded or any(m.kind == "title" and m.end <= head_start and not self.text[m.end:head_start].strip()
                               for m in self.masks)
        return embedded, held

    def _body_at(self, head_start: int, head_end: int, sector: str, described: bool, named: bool) -> Match | None:
        context = self._head_context(head_start, head_end)
        if context is None:
            return None
        embedded, held = context
        syllables = self.syllables(head_start)
        after = [s for s in syllables if s.start >= head_end]
        if not after or not self._head_is_word(syllables, head_start, head_end):
            return None
        if self.text[head_end:after[0].start].strip():
            return None         # "Công ty," "Hội:": no name follows
        lower_head = self.text[head_start].islower()
        if lower_head and not any(s.start == head_start and s.tag in NOUN_TAGS for s in syllables):
            return None         # "tổ chức hội nghị", "tổ chức Ngày hội": the verb, not the noun
        # a head ending in a capitalised word ("Phòng Thương mại") is the first word of the name already
        name_end = self._name_end(after, head_end, held, named, described)
        if name_end is None or name_end <= head_end:
            return None
        name_end = self._without_final_stop(head_end, name_end)
        if self._only_a_country(after, name_end) and (lower_head or not _capitalised(after[0])):
            return None         # "tập đoàn Nhật Bản", "CLB hàng đầu châu Âu": a body of a country or region, unnamed
        name = " ".join(self.text[head_start:name_end].split())
        span_start = head_start if not embedded else after[0].start
        return Match("org", span_start, name_end, self.text[span_start:name_end],
                     Org(name, self._country(head_end, name_end), sector))

    def _inside_longer_name(self, head_start: int) -> bool:
        """A capitalised word right before the head, no title, place or sentence opener ("Theo", "Sáng"),
        makes the head part of a longer name."""
        window = max(self.start, head_start - 20)
        before = re.search(r"([^\W\d_]+) $", self.text[window:head_start])
        if before is None or not before.group(1)[0].isupper() or before.group(1) in stopwords():
            return False
        return self._mask_over(window + before.start(1), head_start) is None

    def _reports(self, after: list[_Syllable], k: int) -> bool:
        words = [s.text.lower() for s in after[k:k + 3]]
        return any(tuple(words[:len(v)]) == v for v in _reporting_verbs())

    def _only_a_country(self, after: list[_Syllable], name_end: int) -> bool:
        capitals = [s for s in after if s.end <= name_end and _capitalised(s)]
        return bool(capitals) and all((m := self._mask_over(s.start, s.end)) is not None and m.kind in ("country", "place")
                                      for s in capitals)

    def _without_final_stop(self, head_end: int, name_end: int) -> int:
        """"CLB TP.HCM. Đội …": a sentence's full stop inside a syllable ends the name before it."""
        stop = self.text.find(". ", head_end, name_end)
        return stop if stop != -1 else name_end

    def _head_is_word(self, syllables: list[_Syllable], head_start: int, head_end: int) -> bool:
        """"Hội nghị", "Công tác", "Đài Loan" are words of their own: the head must end a word of the
        segmentation, or be glued only to a capitalised syllable ("Viện Hàn lâm" tagged as one word)."""
        first = next((s for s in syllables if s.start == head_start), None)
        last = next((k for k, s in enumerate(syllables) if s.end == head_end), None)
        if first is None or not first.first or last is None:
            return False        # "Quốc hội": the head's syllable inside another word
        nxt = syllables[last + 1] if last + 1 < len(syllables) else None
        return nxt is None or nxt.first or _capitalised(nxt)

    def _name_end(self, after: list[_Syllable], head_end: int, title_before: bool,
                  capitalised_head: bool, described: bool) -> int | None:
        """Where the body's name ends, or None if no capitalised word names it: a walk over the syllables
        after the head, one step per syllable (or per lexicon match, or per run of lower-case inside words)."""
        walk = _Walk(after, title_before, described, head_end if capitalised_head else None)
        k = 0
        while 0 <= k < len(after):
            k = self._step(walk, k)
        if k == _FAIL:
            return None
        if walk.name_end is not None and title_before:
            return self._before_holder(after, walk.name_end)
        return walk.name_end

    def _step(self, walk: "_Walk", k: int) -> int:
        """The next index of the walk, or _STOP (the name ended before k) or _FAIL (the head names no one)."""
        s = walk.after[k]
        gap = self.text[walk.after[k - 1].end:s.start].strip() if k else ""
        if gap and not (walk.name_end is not None and gap in JOINING):
            return _STOP                                # a comma, a bracket: the name is over
        mask = self._mask_over(s.start, s.end)
        if mask is not None and mask.kind in ("title", "honorific"):
            return _STOP
        if _capitalised(s) or (mask is not None and mask.kind in BODY_PARTS):
            return self._capital(walk, k, mask)
        if not s.first and s.word == walk.last_word:
            walk.name_end, walk.named_for = s.end, False     # "Dầu khí": the rest of a capitalised word
            return k + 1
        if s.text in JOINING and walk.name_end is not None:
            if not (k + 1 < len(walk.after) and _capitalised(walk.after[k + 1])) or \
                    _head_pattern().match(self.text, walk.after[k + 1].start):
                return _STOP        # "Tập đoàn Boeing và Tập đoàn Airbus": two bodies
            walk.named_for = False
            return k + 1
        if walk.name_end is None:
            return self._describing(walk, k)
        end = self._inside_words(walk.after, k)
        if end is None:
            return _STOP
        walk.named_for = True       # after lower-case words a name is the body's ("… quốc gia Hồ Chí Minh")
        return end

    def _capital(self, walk: "_Walk", k: int, mask: Match | None) -> int:
        s, after = walk.after[k], walk.after
        if walk.name_end is not None and not walk.named_for and (
                self._person_starts(after, k, walk.title_before) or
                (walk.title_before and walk.after_place and not is_syllable(s.text) and mask is None)):
            return _STOP            # the holder's name after the body's
        if mask is not None and mask.kind in BODY_PARTS:
            walk.name_end = mask.end
            while k < len(after) and after[k].start < mask.end:
                k += 1
            walk.last_word, walk.after_place = after[k - 1].word, mask.kind in ("country", "place")
            return k
        walk.name_end, walk.last_word, walk.after_place, walk.named_for = s.end, s.word, False, False
        return k + 1

    def _describing(self, walk: "_Walk", k: int) -> int:
        s = walk.after[k]
        if s.tag not in DESCRIBING_TAGS and s.text not in ("và", "các") or self._reports(walk.after, k):
            return _FAIL            # "Công ty này", "Tập đoàn đã", "Công ty cho biết": the head names no one
        walk.describing.append(s)
        if not walk.described or sum(d.first for d in walk.describing) > MAX_DESCRIBING_WORDS:
            return _FAIL
        walk.named_for = False
        return k + 1

    def _before_holder(self, after: list[_Syllable], name_end: int) -> int:
        """After a title that names the body ("Tổng Giám đốc Tập đoàn Standard Chartered Bill Winters") a
        foreign name of three words or more ends with the holder's name: its last two words."""
        tail: list[_Syllable] = []
        for s in reversed([s for s in after if s.end <= name_end]):
            if not _capitalised(s) or self._mask_over(s.start, s.end) is not None or \
                    (tail and self.text[s.end:tail[-1].start] != " "):
                break
            tail.append(s)
        if len(tail) >= 3 and not is_syllable(tail[0].text):
            return tail[2].end
        return name_end

    def _inside_words(self, after: list[_Syllable], k: int) -> int | None:
        """'Dầu khí quốc gia Việt Nam': a few lower-case nouns inside a name, when a capital follows."""
        words = set()
        j = k
        while j < len(after) and not _capitalised(after[j]) and after[j].tag in INSIDE_TAGS:
            words.add(after[j].word)
            if len(words) > MAX_INSIDE_WORDS or self.text[after[j - 1].end:after[j].start].strip():
                return None
            j += 1
        if j == k or j >= len(after) or not _capitalised(after[j]) or self.text[after[j - 1].end:after[j].start].strip():
            return None
        mask = self._mask_over(after[j].start, after[j].end)
        if mask is not None and mask.kind in ("title", "honorific"):
            return None
        return j

    def _person_starts(self, after: list[_Syllable], k: int, title_before: bool) -> bool:
        """A person's name right after the body's: a known person, or (after a title that named the body)
        a Vietnamese surname and given names ("Chủ tịch Tập đoàn Vingroup Phạm Nhật Vượng")."""
        run = []
        for s in after[k:k + 5]:
            if not _capitalised(s) or (run and self.text[run[-1].end:s.start] != " "):
                break
            run.append(s)
        for n in range(len(run), 0, -1):
            folded = fold(" ".join(s.text for s in run[:n]))
            if folded in self.known or (n > 1 and folded in lexicon().persons):
                return True
        vietnamese = len(run) >= 2 and run[0].text in surnames() and all(is_syllable(s.text) for s in run[:3])
        return vietnamese and (title_before or len(run) >= 3)

    def _country(self, head_end: int, name_end: int) -> str | None:
        """The country right after the name ("Tập đoàn Boeing (Mỹ)", "hãng Samsung của Hàn Quốc"), else the
        one country (or a place of one) inside it ("Tập đoàn Dầu khí Việt Nam"); two inside ("Hà Lan - Việt
        Nam") say none."""
        for m in self.masks:
            if m.kind == "country" and m.start >= name_end and _COUNTRY_AFTER.fullmatch(self.text[name_end:m.start]):
                return m.value
            if m.start >= name_end:
                break
        inside = {m.value for m in self.masks if m.kind in ("country", "place") and m.value
                  and head_end <= m.start and m.end <= name_end}
        return inside.pop() if len(inside) == 1 else None     # ("Tổng Công ty Du lịch Sài Gòn": a city's country)

    def _capital_follows(self, head_end: int, described: bool) -> bool:
        """Cheap test before the tagger runs: a capitalised word right after the head, or within the next few
        words when the head may be described, no punctuation between ("hội đàm", "báo cáo", "viện trợ" fail)."""
        words = self.text[head_end:min(self.end, head_end + WINDOW)].split()
        for word in words[:MAX_DESCRIBING_WORDS * 2 + 1 if described else 1]:
            if word[:1].isupper():
                return True
            if not word.isalpha():
                return False
        return False

    def syllables(self, head_start: int) -> list[_Syllable]:
        """The tagged syllables of a window from the head on (the tagger costs a few ms a sentence: only the
        window is read)."""
        if head_start not in self._windows:
            from ..nlp.words import tagged_words
            end = min(self.end, head_start + WINDOW)
            if end < self.end:
                end = self.text.rfind(" ", head_start, end) if " " in self.text[head_start:end] else end
            self._windows[head_start] = _syllables(self.text, tagged_words(self.text, head_start, end))
        return self._windows[head_start]


def find_organizations(text: str, start: int, end: int, masks: list[Match],
                       known: dict[str, str] | None = None) -> list[Match]:
    return OrganizationFinder(text, start, end, masks, known).find()
