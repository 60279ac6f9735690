"""Events from one article: cue + who (subject, counterpart) + when + where + modality, per the contract."""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field

from ..lexicons.fold import fold
from ..lexicons.index import lexicon
from ..model import Actor, Article, Event, Mention, Sentence
from ..nlp import split_sentences
from .coref import DocumentPeople, Person, actor_for
from .cues import Cue, find_cues, modality_pattern, modality_words
from .dates import DateExpr, ResolvedDate, document_year, find_dates, resolve
from .mentions import analyse_sentence, introduce_people, written_as_places
from .relations import relationship_events
from .relevance import relevant
from .confidence import calibrated_confidence
from .constructions import veto_for

_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:và\s+|cùng\s+)?|và\s+|cùng\s+|cũng như\s+)(?:sau đó\s+|rồi\s+)?(?:với\s+)?"
                       r"(?:ngài\s+|ông\s+|bà\s+)?(?:Cộng hòa\s+|Vương quốc\s+|Liên bang\s+)?$")
_DESTINATION_GAP = re.compile(
    r"^(?:\s|,|chính thức|cấp Nhà nước|cấp nhà nước|hữu nghị|làm việc|và|tới|đến|sang|tại|ở|nước|các nước|"
    r"hai nước|ba nước|đất nước|rồi|Cộng hòa|Vương quốc|Liên bang|Hợp chủng quốc|Đại công quốc|thủ đô|thành phố|chuyến|"
    r"thăm|cấp cao|chính thức|song phương|lần đầu|đầu tiên|lần này|nhà nước|Nhà nước|kết hợp|dự|tham dự|của Ban Thư ký ASEAN|"
    r"\d+|gồm|bao gồm|:|Đại công quốc|Liên hiệp|châu Âu|châu Á|châu Phi|châu Mỹ|Trung Á|Bắc Âu|TP\.?|xã giao)*$",
    re.I)


@dataclass
class SentenceInfo:
    sentence: Sentence
    mentions: list[Mention]
    dates: list[DateExpr]
    resolved: list[ResolvedDate] = field(default_factory=list)
    masks: list = field(default_factory=list)      # lexicon matches of the sentence (places for locations)
    cues: list[Cue] = field(default_factory=list)  # the sentence's event cues, found once in `extract`


@dataclass
class _CueScope:
    """What one cue's roles are read from: its clause and the mentions left and right of it."""
    cue: Cue
    info: SentenceInfo
    index: int
    last_person: Person | None
    last_day: ResolvedDate | None
    c_start: int
    c_end: int
    mentions: list[Mention]
    left: list[Mention]
    right: list[Mention]
    between: bool


def _gap(text: str, a: int, b: int) -> str:
    return text[a:b] if a <= b else ""


class ArticleExtractor:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.lex = lexicon()
        self.people = DocumentPeople()
        self.sentences = split_sentences(article)
        self.infos: list[SentenceInfo] = []
        self.host_country: str | None = None      # where the document's visit takes place, once known
        self.visit_range: ResolvedDate | None = None   # its days, for the meetings held during it

    # -- pass 1: mentions and people ----------------------------------------------------------------
    def analyse(self) -> None:
        known: dict[str, str] = {}
        found = []
        for s in self.sentences:
            ms, masks = analyse_sentence(self.text, s.span.start, s.span.end, known)
            for m in ms:
                m.sentence = s.span
                if m.kind in ("person", "spouse") and m.name:
                    known[fold(m.name)] = m.name
            found.append((s, ms, masks))
        # a name taken by its shape alone that the article never introduces as someone's is no person
        every = [m for _, ms, _ in found for m in ms]
        unintroduced = introduce_people(self.text, every) | written_as_places(self.text, every)
        for index, (s, ms, masks) in enumerate(found):
            ms = [m for m in ms if id(m) not in unintroduced]
            for m in ms:
                if m.kind in ("person", "spouse") and m.name:
                    self.people.add(m, index)
            self.infos.append(SentenceInfo(s, ms, find_dates(self.text, s.span.start, s.span.end), masks=masks))
        renamed = self.people.settle_initials()
        renamed.update(self.people.settle_variants())
        self.people.settle_countries()
        # second look at single-word names and initials now that every full name is known ("ông Moon" before
        # "Moon Jae-in", "N.Sihamoni" before "Norodom Sihamoni")
        for info in self.infos:
            for m in info.mentions:
                if m.kind == "person" and m.name and m.name in renamed:
                    m.name = renamed[m.name]
                elif m.kind == "person" and m.name and len(m.name.split()) == 1:
                    m.name = self.people.canonical(m.name)
                elif m.kind == "person" and m.name:
                    m.name = self.people.fuller_tail(m.name)

    def _country_after(self, pos: int):
        for info in self.infos:
            for m in info.mentions:
                if m.span.start >= pos and m.span.start - pos < 80 and m.kind in ("country", "org", "title", "person") \
                        and m.country:
                    return self.lex.countries.get(m.country)
        return None

    # -- pass 2: events -----------------------------------------------------------------------------
    def extract(self) -> list[Event]:
        self.analyse()
        pub = self.article.pub_date
        doc_year = None if pub else document_year(self.text, self.article.captions, self._country_after,
                                                  [d for info in self.infos for d in info.dates])
        events: list[Event] = []
        last_person: Person | None = None
        last_day: ResolvedDate | None = None
        for index, info in enumerate(self.infos):
            s = info.sentence
            info.resolved = []
            day_so_far = last_day      # "Ngày 19-5, … điện đàm … cùng ngày": the day named earlier in the sentence
            for d in info.dates:
                r = resolve(d, pub, doc_year, day_so_far)
                info.resolved.append(r)
                if r.start and r.precision == "day" and not r.end and (pub is None or r.start <= pub.isoformat()):
                    day_so_far = r
            sentence_events = []
            self._consumed: set[int] = set()
            info.cues = find_cues(self.text, s.span.start, s.span.end)
            for cue in info.cues:
                sentence_events += self.events_for_cue(cue, info, index, last_person, last_day)
            events += self.prune_sentence(sentence_events)
            for e in sentence_events:
                if e.type == "VISIT" and e.target is not None and e.target.country and e.modality != "planned":
                    self.host_country = e.target.country
                    if e.date_start and e.date_end and e.date_text:
                        self.visit_range = ResolvedDate(e.date_start, e.date_end, "day", e.date_text)
            # the people and day this sentence establishes, for the sentences after it
            persons = [m for m in info.mentions if m.kind == "person"]
            if persons:
                last_person = self.people.people.get(fold(persons[0].name)) or last_person
            elif any(m.kind == "title" for m in info.mentions):
                for m in info.mentions:
                    if m.kind == "title":
                        p = self.people.by_title(m, index)
                        if p:
                            last_person = p
                            break
            for r in info.resolved:
                if r.start and r.precision == "day" and not r.end and (pub is None or r.start <= pub.isoformat()):
                    last_day = r
        events = drop_private(drop_subsumed(self.drop_title_restatements(dedupe(drop_discussions_of_meetings(events)))))
        return events + relationship_events(self)

    def drop_title_restatements(self, events: list[Event]) -> list[Event]:
        """A headline restates the lead with less detail ("tiếp các Đại sứ Kazakhstan…" vs the ambassadors'
        names): a title event goes when a body event of the same type shares a side or its country."""
        title = self.article.title
        if title is None:
            return events
        body = [e for e in events if e.char_start >= title.end]
        out = []
        for e in events:
            if e.char_start < title.end:
                keys = actor_set(e)
                countries = {a.country for a in (e.source, e.target) if a is not None and a.country}
                if any(b.type == e.type and (keys & actor_set(b) or
                                             countries & {a.country for a in (b.target,) if a is not None and a.country})
                       for b in body):
                    continue
            out.append(e)
        return out

    # -- one cue ------------------------------------------------------------------------------------
    def clause_bounds(self, cue: Cue, s: Sentence) -> tuple[int, int]:
        start = s.span.start
        end = s.span.end
        semi = self.text.rfind(";", s.span.start, cue.start)
        if semi != -1:
            start = semi + 1
        nxt = self.text.find(";", cue.end, s.span.end)
        if nxt != -1:
            end = nxt
        return start, end

    def negated(self, cue: Cue, clause_start: int) -> bool:
        before = self.text[max(clause_start, cue.start - 14):cue.start].lower()
        return bool(modality_pattern("negation").search(before)) and \
            not re.search(r"không\s+chỉ|không\s+ngừng|chưa\s+từng\s+có", before)

    _IRREALIS = re.compile(r"(?i)(?<!\w)(đề nghị|mong muốn|hy vọng|kêu gọi|hoan nghênh|sẵn sàng|nhất trí|thống nhất|đàm phán|"
                           r"tạo điều kiện|thúc đẩy|khuyến khích|đề xuất|cần|nên|tiến tới|hướng tới)(?!\w)[^.;,]{0,40}$")

    def irrealis(self, cue: Cue, clause_start: int) -> bool:
        """Wishes, proposals and agreements to do something are not events ("đề nghị … sớm ký kết")."""
        if cue.type.name in ("VISIT", "CONGRATULATE", "CONDOLENCE"):
            return False
        if cue.type.name in ("AID", "SUPPORT") and self._ASKED.search(self.text[max(clause_start, cue.start - 160):cue.start]):
            return True    # "đề nghị Chính phủ Bồ Đào Nha hỗ trợ … cũng như cung cấp học bổng": asked for, not given
        return bool(self._IRREALIS.search(self.text[max(clause_start, cue.start - 60):cue.start]))

    _ASKED = re.compile(r"(?i)(?<!\w)(đề nghị|kêu gọi|đề xuất|mong muốn|yêu cầu)(?!\w)[^.;]{0,140}$")

    def _said_done(self, cue: Cue, clause_start: int) -> bool:
        """"đã" or "vừa" right before the cue (or in it: "đã tiếp"), and no "sẽ"."""
        said = self.text[max(clause_start, cue.start - 18):cue.start].lower() + " " + cue.text.lower()
        return bool(re.search(r"(?<!\w)(đã|vừa)(?!\w)", said)) and not re.search(r"(?<!\w)(sẽ|sắp)(?!\w)", said)

    def modality(self, cue: Cue, clause_start: int, resolved: ResolvedDate | None, clause_end: int | None = None,
                 sentence_start: int | None = None) -> str:
        before = self.text[max(clause_start, cue.start - 60):cue.start].lower()
        near = self.text[max(clause_start, cue.start - 18):cue.start].lower()
        # what follows the cue up to the next comma: "chuyến thăm … sẽ diễn ra", "đến Bắc Kinh, bắt đầu …"
        after_end = min(clause_end or cue.end + 60, cue.end + 60)
        after = self.text[cue.end:after_end].lower()
        follow = after.split(",")[0]
        if modality_pattern("ongoing").search(near + cue.text.lower()):
            return "ongoing"
        if cue.type.name == "VISIT" and re.search(r"^[^.;]{0,60}?,?\s+bắt đầu\s+(?:chuyến\s+)?(?:thăm|công du|công tác)", after):
            return "ongoing"       # "đã đến Hà Nội, bắt đầu chuyến thăm …": the visit has begun
        if self._said_done(cue, clause_start):
            return "occurred"      # the text says it happened, whatever year the day was resolved to
        head = self.text[clause_start:clause_start + 24] if sentence_start is None else \
            self.text[sentence_start:sentence_start + 24]
        if any(head.startswith(w) for w in modality_words()["planned_sentence"]) or \
                modality_pattern("planned").search(before) or \
                re.search(r"(?<!\w)(sẽ|sắp|dự kiến)(?!\w)", self.text[cue.end:cue.end + 6].lower()) or \
                modality_pattern("planned_after").search(follow):
            return "planned"
        pub = self.article.pub_date
        if resolved and resolved.start and resolved.end and resolved.precision == "day" and pub and \
                resolved.start <= pub.isoformat() <= resolved.end:
            return "ongoing"       # the days of the event hold the day of the report
        if resolved and resolved.text and resolved.start and pub and resolved.start > pub.isoformat():
            return "planned"
        return "occurred"

    def pick_date(self, cue: Cue, info: SentenceInfo, last_day: ResolvedDate | None, kind: str) -> ResolvedDate:
        best, best_d = None, None
        others = [c for c in info.cues if c.start != cue.start] if len(info.dates) > 1 else []
        # "… trong chuyến thăm Hàn Quốc của Thủ tướng vừa qua", "cụ thể hóa nội dung cuộc điện đàm giữa A với B":
        # an event referred to inside another clause; the date at the head of the sentence is that clause's
        looking_back = (kind == "VISIT" and cue.text.lower().startswith("chuyến") and re.search(
            r"(?i)^[^.;,]{0,60}?(?<!\w)(vừa qua|trước đó|năm ngoái|năm trước)(?!\w)", self.text[cue.end:info.sentence.span.end])) \
            or re.search(r"(?i)(?<!\w)(nội dung|kết quả|tinh thần)\s+(?:các\s+)?(?:cuộc\s+|chuyến\s+)?$",
                         self.text[max(info.sentence.span.start, cue.start - 25):cue.start])
        for d, r in zip(info.dates, info.resolved):
            if looking_back and d.end <= cue.start:
                continue
            dist = cue.start - d.end if d.end <= cue.start else (d.start - cue.end) * 1.5 + 10
            if d.start > cue.end and d.start - cue.end > 120:
                continue
            # "tới Hà Nội chiều 10/12 và sẽ hội đàm … vào sáng 11/12": a date before "và" closes the
            # predicate before it, it is not the next verb's; nor is a date with another verb in between
            lo, hi = (d.end, cue.start) if d.end <= cue.start else (cue.end, d.start)
            if any(lo <= c.start and c.end <= hi for c in others) or \
                    (d.end <= cue.start and any(c.end <= d.start for c in others) and
                     re.search(r"(?<!\w)(và|rồi|sau đó)(?!\w)", self.text[d.end:cue.start])):
                dist += 200
            if best_d is None or dist < best_d:
                best, best_d = r, dist
        if best is not None:
            return best
        sentence = self.text[info.sentence.span.start:info.sentence.span.end].lower()
        if self.visit_range is not None and kind != "VISIT":
            # "Trong ngày làm việc đầu tiên, …", "Ngày cuối chuyến thăm, …": a day of the visit by its place
            if re.search(r"(?<!\w)ngày\s+(?:làm việc\s+|thăm\s+)?đầu\s+tiên(?!\w)", sentence):
                return ResolvedDate(self.visit_range.start, None, "day", None)
            if re.search(r"(?<!\w)ngày\s+(?:làm việc\s+)?cuối(?:\s+cùng)?(?!\w)", sentence) and self.visit_range.end:
                return ResolvedDate(self.visit_range.end, None, "day", None)
        if kind in ("TALKS", "MEETING") and self.visit_range is not None and \
                re.search(r"(?<!\w)(chuyến thăm|khuôn khổ|trong thời gian|nhân dịp)(?!\w)", sentence):
            # "Trong khuôn khổ chuyến thăm, X đã hội đàm với Y": the days of the visit it belongs to
            return ResolvedDate(self.visit_range.start, self.visit_range.end, "day", None)
        if kind != "VISIT" and last_day is not None and not info.sentence.is_title:
            return ResolvedDate(last_day.start, None, last_day.precision, None)
        return ResolvedDate(None, None, "unknown", None)

    def actor(self, m: Mention, index: int, last_person: Person | None) -> Actor | None:
        a = actor_for(m, self.people, index, last_person)
        if a is None and m.kind == "title" and self.host_country:
            # "tiếp Thống đốc tỉnh Ibaraki" during a visit to Japan: an official of the host country
            a = Actor(None, list(m.titles), self.host_country, m.org)
        return a

    def head_of_delegation(self, m: Mention, mentions: list[Mention], limit: int) -> Mention:
        """'Đoàn đại biểu ... Trung Quốc do Thượng tướng Ngụy Phượng Hòa (dẫn đầu|làm Trưởng đoàn)': the head."""
        if m.kind in ("person", "title", "pronoun"):
            return m
        for other in mentions:
            if other.span.start > m.span.end and other.span.start < limit and other.kind == "person":
                between = self.text[m.span.end:other.span.start]
                if re.search(r"(?<!\w)do\s+(?:\S+\s+){0,6}$", between) and len(between) < 120:
                    return other
        return m

    def events_for_cue(self, cue: Cue, info: SentenceInfo, index: int, last_person, last_day) -> list[Event]:
        """The events one cue states: vetoes first, then the sides from the clause, then one event per pair."""
        c_start, c_end = self.clause_bounds(cue, info.sentence)
        if self._cue_vetoed(cue, info, c_start):
            return []
        f = self._scope(cue, info, index, last_person, last_day, c_start, c_end)
        early = self._events_without_roles(f)
        if early is not None:
            return early
        ct = cue.type
        # the object of an earlier verb is no subject ("… hội đàm với B; hội kiến …"), except of a visit:
        # "tiếp ông X nhân chuyến thăm …" — X is the visitor
        subject = self.pick_subject(cue, [m for m in f.left if ct.name == "VISIT" or id(m) not in self._consumed], c_start)
        objects = self.pick_objects(cue, f.right, c_end)
        if ct.roles == "co_subjects" or (ct.roles == "symmetric" and re.search(
                r"(?i)(?<!\w)(?:đồng\s+|cùng\s+)?chủ\s+trì\s+(?:cuộc\s+|các\s+cuộc\s+)?$",
                self.text[max(c_start, cue.start - 30):cue.start])):
            # "A và B đã chủ trì cuộc hội đàm giữa Đoàn đại biểu cấp cao hai nước": the chairs are the sides
            return self.co_subject_events(cue, info, index, subject, f.left, c_start, last_day)
        if ct.name == "VISIT":
            return self.visit_events(cue, info, index, subject, f.right, c_start, c_end, last_person, last_day)
        subject, objects = self._main_clause_subject(f, subject, objects)
        subject, objects, framed_pairs = self._addressees(f, subject, objects)
        if ct.roles == "guests_before":
            return self._guest_events(f)
        pairs = self._side_pairs(f, subject, objects, framed_pairs)
        if pairs is None:
            return []
        return self._events_from_pairs(f, self._conveyed_sender(f, pairs))

    def _cue_vetoed(self, cue: Cue, info: SentenceInfo, c_start: int) -> bool:
        s = info.sentence
        if self.negated(cue, c_start) or self.irrealis(cue, c_start):
            return True
        if veto_for(cue.type.name, self.text, cue.start, cue.end, c_start, (s.span.start, s.span.end), bool(info.dates)):
            return True     # a tally, a reference back, the reason for congratulations (lexicons/constructions.yaml)
        return self._refers_back(cue, info, c_start)

    def _refers_back(self, cue: Cue, info: SentenceInfo, c_start: int) -> bool:
        """"Tại cuộc hội đàm, …" refers back to an event stated elsewhere; "Tại buổi hội kiến với X" states one."""
        return cue.type.name in ("TALKS", "MEETING", "PHONE_CALL") and \
            bool(re.search(r"(?i)(?<!\w)(tại|trong|sau|qua)\s+(các\s+)?(cuộc|buổi)\s*$",
                           self.text[max(c_start, cue.start - 20):cue.start])) \
            and not re.match(r"\s*(?:(?:sáng|chiều|tối|trưa|ngày|hôm)\s+[\d/-]+\s+)?(với|giữa)\s",
                             self.text[cue.end:cue.end + 30]) \
            and not cue.text.lower().endswith("với") \
            and not any(m.kind in ("person", "title") and 0 <= (m.full_span or m.span).start - cue.end <= 1
                        for m in info.mentions)

    def _scope(self, cue, info, index, last_person, last_day, c_start, c_end) -> "_CueScope":
        s = info.sentence
        mentions = [m for m in info.mentions if m.kind != "spouse"]
        frames = self.reporting_frames(s, cue.start)
        left = [m for m in mentions if m.span.end <= cue.start and m.span.start >= s.span.start and
                not any(a <= m.span.start < b for a, b in frames)]
        right = [m for m in mentions if m.span.start >= cue.end and m.span.end <= c_end]
        # "cuộc điện đàm (thứ hai) giữa A và B": both sides named after the cue
        between = bool(re.search(r"giữa\s*$", self.text[max(c_start, cue.end):cue.end + 8]) or
                       re.match(r"\s*(?:(?:thứ|lần)\s+\S+\s*)?(?:,\s*[\wà-ỹ ]{0,20})?\s*giữa\s",
                                self.text[cue.end:cue.end + 40]))
        return _CueScope(cue, info, index, last_person, last_day, c_start, c_end, mentions, left, right, between)

    def _events_without_roles(self, f: "_CueScope") -> list[Event] | None:
        """Sides that do not come from the clause: unnamed signatories of two countries ("Đại diện chính phủ hai
        nước đã ký"), a plural subject ("Hai Bộ trưởng đã hội đàm"). None when the clause must be read."""
        cue, ct, info = f.cue, f.cue.type, f.info
        if ct.name == "SIGN_AGREEMENT" and self._UNNAMED_SIGNATORIES.search(self.text[f.c_start:cue.start]):
            # unnamed signatories are their countries (rule 14)
            countries = self.main_countries()
            if len(countries) == 2:
                sides = [Actor(None, [], c, None) for c in countries]
                return [self.make_event(ct, cue, info, sides[0], sides[1],
                                        self.pick_date(cue, info, f.last_day, ct.name), f.c_start)]
        if ct.roles == "symmetric" and not f.between and not [o for o in f.right if o.span.start - cue.end < 12]:
            pair = self.plural_sides(cue, info, f.index, f.c_start)
            if pair is not None:
                if ct.name == "SIGN_AGREEMENT":     # "A và B chứng kiến doanh nghiệp hai bên ký kết": witnesses
                    pair = self.signatories(cue, pair[0], pair[1], info, f.c_start)
                resolved = self.pick_date(cue, info, f.last_day, ct.name)
                return [self.make_event(ct, cue, info, pair[0], pair[1], resolved, f.c_start)]
        return None

    def _main_clause_subject(self, f: "_CueScope", subject, objects):
        """A cue in a fronted phrase ("Chiều 14/3, tiếp ông X …, Thủ tướng Y đã …", "…, trong cuộc điện đàm với
        ông X, ông Y nhắc tới …"): the main clause's subject comes after it."""
        cue, s = f.cue, f.info.sentence
        fronted = re.search(r"(?i)(?<!\w)(?:trong|tại|qua|sau)\s+(?:các\s+)?(?:cuộc|buổi)\s*$",
                            self.text[max(s.span.start, cue.start - 25):cue.start])
        if subject is None and fronted and len(objects) >= 2 and \
                re.fullmatch(r"\s*,\s*(?:ông|bà|ngài)?\s*", self.text[(objects[-2].full_span or objects[-2].span).end:
                                                                   (objects[-1].full_span or objects[-1].span).start]) and \
                re.match(r"\s+[^\W\d_]", self.text[(objects[-1].full_span or objects[-1].span).end:][:3]):
            # the last of the list, followed by its verb, is the main clause's subject
            subject, objects = objects[-1], objects[:-1]
        if subject is None and objects and (len(self.text[s.span.start:cue.start]) < 30 or fronted):
            after = [m for m in f.right if m.kind in ("person", "title", "pronoun") and m not in objects and
                     "," in self.text[objects[-1].span.end:m.span.start]]
            after.sort(key=lambda m: m.kind != "person")
            subject = after[0] if after else None
        return subject, objects

    def _addressees(self, f: "_CueScope", subject, objects):
        """Whom congratulations or condolences go to when the clause does not name them after the cue."""
        cue, s, left, c_start = f.cue, f.info.sentence, f.left, f.c_start
        if cue.type.name not in ("CONGRATULATE", "CONDOLENCE"):
            return subject, objects, None
        # "X gửi tới Tổng thống Yemen Y lời thăm hỏi, chia sẻ": the addressee stands before the cue (and
        # wins over a country named after it: "… với những khó khăn của Yemen")
        sent_to = [m for m in left if m.kind in ("person", "title", "country") and
                   re.search(r"(?<!\w)(gửi|chuyển)\s+(tới|đến)\s+$",
                             self.text[max(c_start, (m.full_span or m.span).start - 12):(m.full_span or m.span).start])]
        if sent_to:
            objects = [sent_to[0]]
            if subject is sent_to[0]:
                earlier = [m for m in left if m.span.end <= sent_to[0].span.start and m.kind in ("person", "title", "pronoun")]
                subject = earlier[-1] if earlier else None
        framed_pairs = None
        if subject is not None and not objects:
            # "Nhân dịp Ngài X nhậm chức …, Chủ tịch nước Y đã gửi điện mừng."
            framed_pairs = self.framed_addressees(subject, left, s)
            framed = [m for m in left if m is not subject and m.kind in ("person", "title") and
                      re.match(r"(?i)\s*nhân\s+(dịp|kỷ niệm)?", self.text[s.span.start:m.span.start][:14])]
            if framed and not framed_pairs:
                objects = [framed[0]]
        return subject, objects, framed_pairs

    def _guest_events(self, f: "_CueScope") -> list[Event]:
        """Guests named before the cue, the host after it ("A và B được mời lên …")."""
        cue, ct = f.cue, f.cue.type
        host = [o for o in f.right if o.kind in ("person", "title") and
                re.match(r"\s*(lên|tới|cho|với)\s", self.text[cue.end:(o.full_span or o.span).start])]
        guests = [m for m in f.left if m.kind == "person" and m.span.start >= f.c_start]
        if not host or not guests:
            return []
        resolved = self.pick_date(cue, f.info, f.last_day, ct.name)
        out = []
        for g in guests:
            src, tgt = self.actor(host[0], f.index, f.last_person), self.actor(g, f.index, f.last_person)
            if src and tgt:
                out.append(self.make_event(ct, cue, f.info, src, tgt, resolved, f.c_start, via=(host[0], g)))
        return out

    def _side_pairs(self, f: "_CueScope", subject, objects, framed_pairs):
        """The (source, target) mentions of each event of the cue; None when the cue states no event."""
        ct, left, right = f.cue.type, f.left, f.right
        signers = self.coordinated(subject, left) if subject is not None and ct.name == "SIGN_AGREEMENT" else None
        if signers is not None and signers.kind == "person" and subject.kind == "person":
            # "A và B đã ký Tuyên bố chung … giữa Cộng hòa X và Cộng hòa Y": the signers are the sides
            return [(signers, subject)]
        if f.between and len(right) >= 2 and re.fullmatch(
                r"\s*(với|và)\s*", self.text[(right[0].full_span or right[0].span).end:(right[1].full_span or right[1].span).start]):
            return [(right[0], right[1])]
        if f.between and ct.name != "SIGN_AGREEMENT":
            return None    # (a signing "giữa tỉnh A và tỉnh B" is still witnessed by the subject: see signatories)
        if framed_pairs:
            return framed_pairs
        if ct.roles == "single":
            return [(subject, None)] if subject else []
        if objects:
            return [(h, o) for h in self._hosts(f, subject) for o in objects] if subject is not None else None
        partner = self.coordinated(subject, left) if subject and ct.roles == "symmetric" else None
        if partner is not None:
            return [(partner, subject)]
        if ct.name == "SIGN_AGREEMENT" and subject is not None:
            return [(subject, None)]
        return None

    def _hosts(self, f: "_CueScope", subject: Mention) -> list[Mention]:
        """"Tổng Bí thư A, Chủ tịch nước B và Thủ tướng C đã tiếp X": each named host meets X (guide rule 17);
        "A và Tổng thống Hoa Kỳ B tiến hành hội đàm": two countries are the two sides, not two hosts."""
        hosts = self.co_subjects_before(subject, f.mentions) + [subject] if subject.kind == "person" else [subject]
        if len({a.country for h in hosts if (a := self.actor(h, f.index, f.last_person)) and a.country}) > 1:
            return [subject]
        return hosts

    def _conveyed_sender(self, f: "_CueScope", pairs):
        """"chuyển lời chúc mừng của X đến Y": X is the sender."""
        cue, right = f.cue, f.right
        if cue.type.name != "CONGRATULATE" or not re.search(r"lời\s*$", self.text[max(f.c_start, cue.start - 8):cue.start]):
            return pairs
        conveyed = [o for o in right if o.kind in ("person", "title") and o.span.start - cue.end < 80 and
                    re.search(r"(?<!\w)của\s+(?:\S+\s+){0,4}$", self.text[cue.end:(o.full_span or o.span).start])]
        if conveyed:
            sender = conveyed[0]
            rest = [o for o in right if o.span.start > sender.span.end and
                    re.match(r"^[^.;]{0,60}?(?<!\w)(?:đến|tới|gửi)\s", self.text[sender.span.end:o.span.end])]
            if rest:
                return [(sender, rest[0])]
        return pairs

    def _events_from_pairs(self, f: "_CueScope", pairs) -> list[Event]:
        cue, ct, info = f.cue, f.cue.type, f.info
        out = []
        resolved = self.pick_date(cue, info, f.last_day, ct.name)
        for a, b in pairs:
            src = self.actor(a, f.index, f.last_person) if a else None
            tgt = self.actor(b, f.index, f.last_person) if b else None
            if ct.name == "SIGN_AGREEMENT":
                src, tgt = self.signatories(cue, src, tgt, info, f.c_start)
            if src is None or (tgt is None and ct.roles != "single"):
                continue
            if tgt is not None and src.key() and fold(src.key()) == fold(tgt.key()) and \
                    (src.name or not (src.country and tgt.country and src.country != tgt.country)):
                # the same side twice; two ministries of the same name in two countries are two sides
                continue
            if tgt is not None and not tgt.name and not tgt.org and tgt.country and tgt.country == src.country:
                continue    # an unnamed official of one's own country is no counterpart
            out.append(self.make_event(ct, cue, info, src, tgt, resolved, f.c_start, via=(a, b)))
            if b is not None:
                self._consumed.add(id(b))
        return out

    # "Theo trợ lý tổng thống Nga Yury Ushakov, …", "Theo lời ông X, …": who reports the event is no side of it
    _REPORTING_FRAME = re.compile(r"(?i)(?:^|[,;:]\s*)(theo\s+(?!lời\s+mời|kế\s+hoạch|đó|chương\s+trình|thỏa\s+thuận)"
                                  r"[^,;:]{2,120}),")

    def reporting_frames(self, s, cue_start: int) -> list[tuple[int, int]]:
        """Spans of the 'Theo …,' frames that close before the cue."""
        text = self.text[s.span.start:cue_start]
        return [(s.span.start + m.start(1), s.span.start + m.end(1)) for m in self._REPORTING_FRAME.finditer(text)]

    def co_subject_events(self, cue: Cue, info: SentenceInfo, index: int, subject: Mention | None,
                          left: list[Mention], c_start: int, last_day) -> list[Event]:
        """Co-chairs meet: the two sides are the coordinated subjects ("A và B đồng chủ trì") or the two
        people a plural subject refers to ("Hai Chủ tịch"); what they chair is no counterpart. Only leaders
        of two different countries: two ministers of one country co-chairing a conference met nobody."""
        pair = self.plural_sides(cue, info, index, c_start)
        if pair is None and subject is not None:
            partner = self.coordinated(subject, left)
            if partner is not None:
                pair = (self.actor(partner, index, None), self.actor(subject, index, None))
        if pair is None or None in pair or not pair[0].country or not pair[1].country \
                or pair[0].country == pair[1].country:
            return []
        return [self.make_event(cue.type, cue, info, pair[0], pair[1], self.pick_date(cue, info, last_day, cue.type.name),
                                c_start)]

    _UNNAMED_SIGNATORIES = re.compile(r"(?i)(?<!\w)(đại diện|các bộ|bộ,? ngành|các cơ quan|doanh nghiệp)[^,.;]{0,40}"
                                      r"(?<!\w)hai\s+(nước|bên|chính phủ)(?!\w)[^,.;]{0,30}$")

    _PLURAL = re.compile(r"(?i)(?<!\w)(hai|Hai)\s+(?:vị\s+)?(Bộ trưởng|Thủ tướng|Chủ tịch|Tổng thống|nhà lãnh đạo|Lãnh đạo|"
                         r"Ngoại trưởng|Chủ tịch Quốc hội|Tổng Bí thư|Phó Thủ tướng|bên|Trưởng đoàn)(?!\w)"
                         r"|(Bộ trưởng|Lãnh đạo|Ngoại trưởng|Thủ tướng)[\w\s]{0,20}?\s+hai\s+nước")

    def plural_sides(self, cue: Cue, info: SentenceInfo, index: int, c_start: int):
        """'Hai Bộ trưởng đã hội đàm', 'Bộ trưởng Ngoại giao hai nước đã ký', 'sau hội đàm, A và B …':
        the two people the document has just named, one of each country."""
        before = self.text[c_start:cue.start]
        after_talks = re.search(r"(?i)(sau|kết quả)\s+(các\s+cuộc\s+|cuộc\s+)?$", before)
        people = [m for m in info.mentions if m.kind == "person"]
        if after_talks:
            for a, b in zip(people, people[1:]):
                if re.fullmatch(r"\s*(và|cùng)\s*", self.text[(a.full_span or a.span).end:(b.full_span or b.span).start]):
                    return self.actor(a, index, None), self.actor(b, index, None)
            return None
        plural = self._PLURAL.search(before[-60:])
        if not plural:
            return None
        office = self._plural_office(plural, before[-60:])
        named = [p for p in self.people.people.values() if [i for i in p.positions if i <= index]]
        holders = [p for p in named if office is None or any(self._holds(t, office) for t in p.titles)]
        # two holders of the named office are its two holders even when one's country is unknown
        chosen = self._one_of_each_country(holders, index, unknown_differs=office is not None)
        if len(chosen) == 2:
            return tuple(Actor(p.name, list(p.titles), p.country, p.org) for p in chosen)
        if office is None:
            return None
        # "Hai Bộ trưởng Quốc phòng hai nước" named nowhere: the offices stand for the two countries (rule 13)
        chosen = self._one_of_each_country(named, index)
        if len(chosen) < 2 or not all(p.country for p in chosen):
            return None
        return tuple(Actor(None, [], p.country, None) for p in chosen)

    @staticmethod
    def _one_of_each_country(people: list[Person], index: int, unknown_differs: bool = False) -> list[Person]:
        """The two people named last before sentence `index`, of two different countries (a person of no
        known country is Vietnamese, or with `unknown_differs` of another country than the first)."""
        chosen: list[Person] = []
        for p in sorted(people, key=lambda p: -max([i for i in p.positions if i <= index] or [-1])):
            if chosen and unknown_differs and (p.country is None or chosen[0].country is None):
                pass
            elif chosen and (p.country or "VNM") == (chosen[0].country or "VNM"):
                continue
            chosen.append(p)
            if len(chosen) == 2:
                break
        return chosen

    # generic plurals: any two people of two countries ("hai bên", "hai nhà lãnh đạo")
    _ANY_OFFICE = {"bên", "nhà lãnh đạo", "lãnh đạo", "trưởng đoàn"}

    def _plural_office(self, plural: re.Match, text: str) -> str | None:
        """'Hai Bộ trưởng Quốc phòng hai nước' -> 'bộ trưởng quốc phòng': the office the plural names with its
        capitalised complement (up to a country: "hai vị Thủ tướng Việt Nam và Canada"), or None for a plural
        that names none ('hai bên', 'hai nhà lãnh đạo')."""
        title = plural.group(2) or plural.group(3)
        words = [title]
        rest = text[plural.start(2) + len(title) if plural.group(2) else plural.start(3) + len(title):]
        countries = [m.start for m in self.lex.find(rest) if m.kind == "country"]
        stop = min(countries) if countries else len(rest)
        for word in re.findall(r"\S+", rest[:stop]):
            if not word[:1].isupper():
                break
            words.append(word)
        office = " ".join(" ".join(words).lower().replace("bộ trưởng bộ ", "bộ trưởng ").split())
        return None if office in self._ANY_OFFICE else office

    @staticmethod
    def _holds(title: str, office: str) -> bool:
        """'Bộ trưởng Bộ Quốc phòng' holds 'bộ trưởng quốc phòng'; 'Thủ tướng Chính phủ' holds 'thủ tướng'."""
        held = " ".join(title.lower().replace("bộ trưởng bộ ", "bộ trưởng ").split())
        return held == office or held.startswith(office + " ") or office.startswith(held + " ")

    def framed_addressees(self, subject: Mention, left: list[Mention], s) -> list[tuple[Mention, Mention]] | None:
        """"Nhân dịp ngài A nhậm chức Tổng thống … và bà B được bổ nhiệm làm Thủ tướng …, Chủ tịch nước X và
        Thủ tướng Y đã gửi điện chúc mừng": the people of the occasion are the addressees; several senders
        and as many addressees go in order (protocol: president to president), one to many goes to each."""
        if not re.match(r"(?i)\s*nhân\s+(dịp|kỷ niệm)", self.text[s.span.start:s.span.start + 16]):
            return None
        senders = [subject]
        partner = self.coordinated(subject, left)
        if partner is not None and partner.kind in ("person", "title"):
            senders.insert(0, partner)
        frame_end = self.text.rfind(",", s.span.start, (senders[0].full_span or senders[0].span).start)
        framed = [m for m in left if m.kind == "person" and m.span.end <= frame_end]
        if not framed:
            return None
        if len(senders) == 1 or len(framed) == 1:
            return [(a, b) for a in senders for b in framed]
        return list(zip(senders, framed))

    def coordinated(self, subject: Mention, left: list[Mention]) -> Mention | None:
        """'A và B hội đàm': the other side standing before the subject, joined by 'và'/'cùng'/'với'."""
        i = left.index(subject) if subject in left else -1
        start = (subject.full_span or subject.span).start
        # "Chủ tịch Tập Cận Bình dẫn đầu đoàn … Trung Quốc và Chủ tịch nước Trần Đại Quang …": the head of the
        # other delegation, passing over the country of his delegation
        for prev in reversed(left[:max(i, 0)]):
            if prev.kind in ("person", "title"):
                gap = self.text[(prev.full_span or prev.span).end:start]
                if re.fullmatch(r"\s*dẫn đầu[^,;.]{0,60}?\s(?:và|cùng|với)\s*", gap):
                    return prev
                break
        if i > 0:
            prev = left[i - 1]
            gap = self.text[(prev.full_span or prev.span).end:start]
            # "Thủ tướng A đã cùng Tổng thống B hội đàm": an adverb of time before "cùng"/"với"
            if re.fullmatch(r"\s*(?:dẫn đầu[^,;.]{0,60}?)?\s*(?:(?:(?:đã|sẽ|đang|vừa)\s+)?(?:cùng|với)|và)\s*(?:Phu nhân\s*)?",
                            gap) and prev.kind != "spouse":
                return prev
        return None

    def pick_subject(self, cue: Cue, left: list[Mention], clause_start: int) -> Mention | None:
        people = [m for m in left if m.kind in ("person", "title", "pronoun")]
        # "… Bộ trưởng Sok Vanna, đang thăm chính thức Việt Nam": a relative clause on the name just before
        if people:
            last = people[-1]
            gap = self.text[(last.full_span or last.span).end:cue.start]
            # (a bare comma only when the name is no object of a verb with "với": "hội đàm với B, thăm chính thức
            # Nhật Bản và …" lists what the subject did)
            if re.fullmatch(r"\s*,?\s*(?:người\s+)?(?:đang|đã|vừa|sẽ)\s*(?:ở\s+)?(?:có\s+)?(?:chuyến\s+)?", gap) or \
                    (re.fullmatch(r"\s*,\s*", gap) and not re.search(
                        r"(?<!\w)với\s*$", self.text[max(0, (last.full_span or last.span).start - 8):(last.full_span or last.span).start])):
                return last
            # "… ông Philippe Tabarot, Bộ trưởng … (thuộc Bộ …) đang thăm": an appositive, then the clause
            m = re.fullmatch(r"\s*(,?)\s*(.{3,160}?)\s+(?:đang|vừa)\s*(?:ở\s+)?(?:có\s+)?(?:chuyến\s+)?", gap, re.S)
            appositive = m and (self.lex.title_re.match(re.sub(r"(?i)^(nguyên|cựu)\s+", "", m.group(2))) if m.group(1) else
                                last.full_span is not None and last.full_span.end > last.span.end)
            if appositive and cue.type.name == "VISIT" and not re.search(r"[;.]", m.group(2)):
                return last
        # skip mentions that are the object of an earlier verb in this clause ("… hội đàm với B; hội kiến …")
        for m in reversed(people):
            before = self.text[max(0, m.full_span.start - 12 if m.full_span else m.span.start - 12):
                               m.full_span.start if m.full_span else m.span.start]
            if re.search(r"(?<!\w)(với|tiếp|mời|gặp|kiến|chào|gửi\s+tới|gửi\s+đến|chuyển\s+tới|chuyển\s+đến)\s*$",
                         before) and m is not people[0]:
                continue
            start = (m.full_span or m.span).start
            if m is not people[0] and (m.kind == "title" and re.search(r"(?<!\w)của\s*$", before) or
                                       re.search(r"(?<!\w)mời\s+của\s*$", self.text[max(0, start - 20):start])):
                continue      # "Đặc phái viên của Tổng thống Mỹ", "theo lời mời của Thủ tướng X": not the subject
            return self.head_of_delegation(m, left, cue.start)
        others = [m for m in left if m.kind in ("country", "org")]
        if others:
            return self.head_of_delegation(others[-1], left + [], cue.start)
        return None

    def pick_objects(self, cue: Cue, right: list[Mention], clause_end: int) -> list[Mention]:
        """The counterparts after the cue: the first one, then everyone listed with it."""
        if not right:
            return []
        first = right[0]
        gap = self.text[cue.end:first.full_span.start if first.full_span else first.span.start]
        if self._no_counterpart(cue, first, gap):
            return []
        first, right = self._first_object(first, right)
        objs = [self.head_of_delegation(first, right, clause_end)]
        if cue.type.name in ("MEETING", "CONGRATULATE", "CONDOLENCE", "PHONE_CALL", "TALKS"):
            objs += self._listed_after(first, right)
        return objs

    _GROUP_AFTER_WITH = re.compile(
        r"(?i)(?:^|(?<!\w)với)\s+(?:các\s+|những\s+|một số\s+|đại diện\s+)*(cán bộ|nhân viên|cộng đồng|kiều bào|"
        r"bà con|lưu học sinh|sinh viên|cử tri|người dân|nhân dân|doanh nghiệp|phóng viên|báo chí)(?!\w)")

    def _no_counterpart(self, cue: Cue, first: Mention, gap: str) -> bool:
        """What stands between the cue and the first mention says it is no counterpart."""
        meeting = cue.type.name in ("MEETING", "TALKS", "PHONE_CALL")
        if len(gap) > 90 or re.search(r"[.;]|(?<!\w)(mời|nhân dịp|nhân chuyến|theo lời|trong khuôn khổ)(?!\w)", gap):
            return True
        if not meeting:
            return False
        if "," in gap and len(gap.rsplit(",", 1)[1]) > 12:
            return True
        # "cuộc gặp tại Hội đồng Liên bang": an institution after "tại"/"ở" is where, not whom
        if first.kind in ("org", "country") and re.search(r"(?<!\w)(tại|ở)\s*$", gap):
            return True
        # unnamed groups are no one to meet: "gặp cộng đồng người Việt Nam", "tiếp các doanh nghiệp"
        if re.search(r"(?<!\w)(người|cộng đồng|doanh nghiệp|kiều bào|bà con|sinh viên|nhân dân|cán bộ)\s*$", gap):
            return True
        # "gặp và nói chuyện với cán bộ nhân viên Đại sứ quán Việt Nam": a group, not a counterpart (the group
        # word heads the object; inside a title it does not count: "Chủ tịch … Chính trị nhân dân … X")
        return bool(self._GROUP_AFTER_WITH.search(gap))

    def _first_object(self, first: Mention, right: list[Mention]) -> tuple[Mention, list[Mention]]:
        # a country or body inside the title of the person named next ("Chủ tịch … toàn Trung Quốc (Chính hiệp)
        # Giả Khánh Lâm"): the person is the counterpart
        person_next = next((m for m in right[1:3] if m.kind == "person"), None)
        if first.kind in ("country", "org", "title") and person_next is not None:
            g = self.text[first.span.end:(person_next.full_span or person_next.span).start]
            joined_by_and = re.search(r"(?<!\w)và\s+(.*)$", g)
            if len(g) < 60 and not re.search(r"[,;]|(?<!\w)(với|cùng)(?!\w)", g) and \
                    not (joined_by_and and self.lex.title_re.match(joined_by_and.group(1))):
                first = person_next
        # "tiếp Đại sứ các nước … gồm Đại sứ A, Đại sứ B và Đại sứ C": the people after "gồm"
        if first.kind in ("country", "org", "title"):
            listed = [m for m in right if m.kind == "person" and
                      re.search(r"(?<!\w)(gồm|là|:)\s", self.text[first.span.end:(m.full_span or m.span).start])]
            if listed:
                first = listed[0]
                right = right[right.index(first):]
        return first, right

    def _listed_after(self, first: Mention, right: list[Mention]) -> list[Mention]:
        """Everyone listed after the first counterpart ("hội kiến A, B và C"), passing over a description between
        two listed people."""
        objs: list[Mention] = []
        last = first
        described = False
        for m in right[right.index(first) + 1:]:
            if described and m.kind == "person":
                objs.append(m)
                last, described = m, False
                continue
            g = self.text[(last.full_span or last.span).end:(m.full_span or m.span).start]
            # "…với Tổng thống A, Thủ tướng B đã trao đổi điện mừng với …": B starts a new clause
            if _CLAUSE_VERB.match(self.text[(m.full_span or m.span).end:(m.full_span or m.span).end + 16]):
                break
            if _LIST_GAP.match(g) and (m.kind == first.kind or (m.kind in ("person", "title") and
                                                               first.kind in ("person", "title"))):
                objs.append(m)
                last = m
            elif m.kind in ("country", "org", "title") and last.kind == "person" and \
                    (described or self._appositive_then_person(last, m, right)):
                described = True   # a country, body or title inside a description between two listed people
            else:
                break
        return objs

    def _appositive_then_person(self, last: Mention, m: Mention, right: list[Mention]) -> bool:
        """'… Saito Ken, đồng Chủ tịch Ủy ban … Việt Nam - Nhật Bản của … (KEIDANREN), Thống đốc … Hayashi': after a
        listed person comes a description of them (a title first) and then, after a comma, the next person."""
        nxt = next((p for p in right if p.span.start > m.span.end and p.kind == "person"), None)
        if nxt is None:
            return False
        gap = self.text[(last.full_span or last.span).end:(nxt.full_span or nxt.span).start]
        if re.search(r"[;.]", gap) or find_cues(self.text, (last.full_span or last.span).end, (nxt.full_span or nxt.span).start):
            return False

        def chain(text):   # the next person's title with its complement: "Thống đốc Ngân hàng … (JBIC)"
            return not text or (bool(self.lex.title_re.match(text)) and "," not in text)
        with_appositive = re.fullmatch(r"\s*,\s*(?:(?:đồng|nguyên|cựu)\s+)?(.{3,200}?),\s*(?:và\s+)?(.{0,160}?)\s*", gap, re.S)
        if with_appositive and self.lex.title_re.match(with_appositive.group(1)) and chain(with_appositive.group(2)):
            return True
        plain = re.fullmatch(r"\s*(?:,\s*)?(?:và\s+)?(.{3,160}?)\s*", gap, re.S)
        return bool(plain and chain(plain.group(1)))

    def visit_events(self, cue, info, index, subject, right, c_start, c_end, last_person, last_day) -> list[Event]:
        """A VISIT per destination and per named traveller: who travels, then where to."""
        if self._not_a_visit(cue, c_start):
            return []
        visitor = self._visitor(cue, info, subject, right)
        if visitor is None:
            return []
        listed = self.co_subjects_before(visitor, info.mentions)
        partner = self.coordinated(visitor, [m for m in info.mentions if m.span.end <= visitor.span.start] + [visitor])
        if listed:
            visitor, listed = listed[0], listed[1:] + [visitor]
        elif partner is not None and partner.kind in ("person", "title"):
            visitor = partner      # "Nhà Vua Philippe và Hoàng hậu Mathilde … đến": the first named leads
        visitor_actor = self.actor(visitor, index, last_person)
        if visitor_actor is None:
            return []
        fellows = [(m, a) for m in listed if (a := self.actor(m, index, last_person)) is not None]
        motion = cue.text.lower() in ("đến", "tới", "sang")
        if motion and self._nobody_travels(cue, subject, c_start):
            return []
        dests = self._destinations(cue, info, right, c_end, visitor_actor, motion)
        if dests is None:
            return []
        if dests and visitor_actor.country in dests and not motion:
            visitor, visitor_actor = self._foreign_visitor(cue, info, index, last_person, visitor, visitor_actor, dests)
        dests = [d for d in dests if d and d != visitor_actor.country]
        resolved = self.pick_date(cue, info, last_day, "VISIT")
        out = []
        for d in dests:
            if d.startswith("ORG:"):      # "thăm chính thức Ban Thư ký ASEAN": an international body as host
                host, where = Actor(None, [], None, d[4:]), None
            else:
                host = Actor(None, [], d, None)
                where = {"name": self.lex.countries[d].name if d in self.lex.countries else d, "country": d}
            for who, actor in [(visitor, visitor_actor)] + fellows:
                if actor.country != d:
                    out.append(self.make_event(cue.type, cue, info, actor, host, resolved, c_start,
                                               via=(who, None), location=where))
        return out

    def _not_a_visit(self, cue: Cue, c_start: int) -> bool:
        """An invitation, a wish or the members of a delegation (annotation guide, rule 8)."""
        text = self.text
        # "mời Chủ tịch nước sang thăm Cộng hòa Séc" is an invitation, not a visit
        inviting = list(re.finditer(r"(?i)(?<!\w)(lời\s+)?(mời)(?!\w)", text[max(c_start, cue.start - 90):cue.start]))
        since_invite = text[max(c_start, cue.start - 90):cue.start][inviting[-1].end():] if inviting else ""
        # "… gửi thư mời X thăm Mỹ khi Phó thủ tướng Y công du Mỹ": a clause of time starts another subject
        if inviting and not inviting[-1].group(1) and "," not in since_invite and \
                not re.search(r"(?<!\w)(khi|lúc|trong khi|sau khi)(?!\w)", since_invite):
            return True
        # "Tham gia Đoàn đại biểu … đi thăm Trung Quốc có …": the members of a delegation, not its head
        if re.search(r"(?i)^\s*tham\s+gia\s+đoàn", text[c_start:cue.start]):
            return True
        # "chuyển lời mời sang thăm Việt Nam" (the noun right before the verb), "mong muốn sớm sang thăm",
        # "hy vọng X có thể tới thăm": an invitation or a wish, no visit yet
        before = text[max(c_start, cue.start - 70):cue.start]
        return bool(re.search(r"(?i)(?<!\w)(lời\s+mời|mong\s+muốn|hy\s+vọng)(?!\w)[^,;.]{0,60}$", before)) \
            and not re.search(r"(?i)(?<!\w)của(?!\w)", before.rsplit("lời mời", 1)[-1])

    def _visitor(self, cue: Cue, info: SentenceInfo, subject: Mention | None, right: list[Mention]) -> Mention | None:
        text = self.text
        visitor = subject
        # "chuyến thăm chính thức VN của Thủ tướng Hun Sen": the visitor follows "của"
        for m in (m for m in right if m.kind in ("person", "title")):
            g = text[cue.end:(m.full_span or m.span).start]
            if re.search(r"(?<!\w)của\s*$", g) and len(g) < 60 and "," not in g and "mời" not in g:
                visitor = m
                break
        frame_start = max(info.sentence.span.start, self.text.rfind(",", info.sentence.span.start, cue.start) + 1)
        if visitor is not None and visitor.kind in ("country", "org") and \
                any(m.span.start > cue.end and m.kind in ("person", "title") for m in info.mentions):
            visitor = None      # "…chuyến thăm Indonesia, thăm … ASEAN, sáng 10/3, Tổng Bí thư Tô Lâm …": a person later
        # a frame may follow a verb of saying: "X nói với chuyến thăm tới Mỹ, Thủ tướng muốn …" (X only speaks)
        if visitor is None or (visitor.span.start < cue.start and re.match(
                r"(?i)(?:[^,;]*?(?<!\w)(?:nói|cho biết|cho rằng|khẳng định|nhấn mạnh|nêu rõ)(?:\s+rằng)?\s+)?"
                r"\s*(trong khuôn khổ|nhân dịp|nhân|trong|tiếp tục chương trình|kết thúc|với)\s*$",
                self.text[frame_start:cue.start]) is not None):
            # "Trong khuôn khổ chuyến thăm …, sáng 14/1, ông X …": the visitor is the main clause's subject
            later = [m for m in info.mentions if m.span.start > cue.end and m.kind in ("person", "title")]
            visitor = later[0] if later else visitor
        return visitor

    def _nobody_travels(self, cue: Cue, subject: Mention | None, c_start: int) -> bool:
        """"đến", "tới", "sang" with no one going there: coming home, goods or money, no traveller before it."""
        text = self.text
        if re.search(r"(?<!\w)về\s*$", text[max(c_start, cue.start - 6):cue.start]):
            return True      # "về đến Hà Nội": coming home
        if re.search(r"(?i)(?<!\w)(xuất khẩu|nhập khẩu|hàng hóa|kim ngạch|vận chuyển|đầu tư|du học|"
                     r"xuất|chuyển)(?!\w)[^,;.]{0,40}$", text[max(c_start, cue.start - 50):cue.start]):
            return True      # "xuất khẩu của Hoa Kỳ sang Việt Nam": goods or money go there, nobody travels
        return subject is None or subject.kind not in ("person", "title", "pronoun") or \
            subject.span.end < cue.start - 60 or bool(re.search(r"[,;]", text[subject.span.end:cue.start]))

    def _destinations(self, cue: Cue, info: SentenceInfo, right, c_end: int, visitor_actor: Actor,
                      motion: bool) -> list[str] | None:
        """Countries (or places and bodies standing for them) listed right after the cue, or counted ("thăm hai
        nước"), or after "lên đường … tại"; None when the cue itself says the visit is stated elsewhere."""
        text = self.text
        candidates = sorted(
            [(m.span.start, m.span.end, m.country) for m in right if m.kind == "country"] +
            [(m.span.start, m.span.end, "ORG:" + m.org) for m in right if m.kind == "org" and m.org and not m.country
             and self.lex.orgs.get(m.org) is not None and self.lex.orgs[m.org].sector == "IGO"] +
            [(p.start, p.end, p.value) for p in info.masks if p.kind == "place" and p.start >= cue.end and p.end <= c_end])
        bare = cue.text.lower() in ("thăm", "lên đường", "công du", "ở thăm", "đến", "tới", "sang")
        dests = self._listed_destinations(cue, candidates, motion, bare)
        if not dests:
            dests = self._counted_destinations(cue, info, visitor_actor)
        if not dests and cue.text.lower() == "lên đường":
            # "rời Hà Nội, lên đường tham dự Hội nghị G20 tại Brazil": a journey, whatever the occasion (rule 10)
            dests = [country for start, end, country in candidates if country and not country.startswith("ORG:") and
                     re.search(r"(?<!\w)(tại|ở|tới|đến|sang|đi)\s+(?:thủ đô\s+|nước\s+)?$", text[max(cue.end, start - 12):start])][:1]
        if not dests:
            # "trong khuôn khổ chuyến thăm và làm việc tại Lào", "đến Bắc Kinh, bắt đầu chuyến thăm"
            if bare or any(c.type.name == "VISIT" and c.start > cue.end for c in info.cues):
                return None
            sentence_places = [(m.span.start, m.country) for m in info.mentions if m.kind == "country"] + \
                [(p.start, p.value) for p in info.masks if p.kind == "place"]
            dests = [country for start, country in sorted(sentence_places)
                     if re.search(r"(?<!\w)(tại|tới|đến|sang|đi)\s+(?:thủ đô\s+|nước\s+)?$",
                                  text[max(info.sentence.span.start, start - 12):start])][:1]
        return dests

    def _listed_destinations(self, cue: Cue, candidates, motion: bool, bare: bool) -> list[str]:
        """The places right after the cue, joined by the words of a destination list (_DESTINATION_GAP)."""
        dests: list[str] = []
        pos = cue.end
        for start, end, country in candidates:
            g = self.text[pos:start]
            if motion and not dests and g.strip() not in ("", "thủ đô", "thành phố"):
                break
            if not _DESTINATION_GAP.match(g) or (bare and not dests and len(g) > 30):
                if dests or len(g) > 60:
                    break
                continue
            if country and country not in dests:
                dests.append(country)
            pos = end
        return dests

    def _counted_destinations(self, cue: Cue, info: SentenceInfo, visitor_actor: Actor) -> list[str]:
        """"nhận lời mời của Tổng thống Nga … và Tổng thống Belarus …, X sẽ thăm chính thức hai nước": the
        countries just named, as many as the text counts."""
        counted = re.match(r"(?i)\s*(hai|ba|bốn|năm)\s+nước(?!\w)", self.text[cue.end:cue.end + 16])
        if not counted:
            return []
        n = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}[counted.group(1).lower()]
        named: list[str] = []
        for m in info.mentions:
            if m.span.end <= cue.start and m.country and m.country != visitor_actor.country and m.country not in named:
                named.append(m.country)
        return named if len(named) == n else []

    def _foreign_visitor(self, cue, info, index, last_person, visitor, visitor_actor, dests):
        """"Chủ tịch nước Y hội kiến Tổng thống X đang thăm … Việt Nam": the visitor is the foreigner."""
        others = [m for m in info.mentions if m.kind in ("person", "title") and m is not visitor]
        others.sort(key=lambda m: abs(m.span.end - cue.start))
        for m in others:
            a = self.actor(m, index, last_person)
            if a is not None and a.country and a.country not in dests:
                return m, a
        return visitor, visitor_actor

    def co_subjects_before(self, subject: Mention, mentions: list[Mention]) -> list[Mention]:
        """'A, B và C tới thăm Kiev', 'A, B và C đã tiếp X': everyone named in the list that ends with the subject
        acts (guide rule 17: one event per named side); a spouse ('Nhà Vua A và Hoàng hậu B') accompanies."""
        before = [m for m in mentions if m.span.end <= subject.span.start and m.kind in ("person", "title", "country")]
        fellows: list[Mention] = []
        nxt = subject
        for m in reversed(before):
            gap = self.text[(m.full_span or m.span).end:(nxt.full_span or nxt.span).start]
            if not re.fullmatch(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:tân\s+)?", gap) or m.kind != "person" or not m.name:
                break
            fellows.append(m)
            nxt = m
        if not fellows or any(self._spouse(m) for m in fellows + [subject]):
            return []
        # the list is the sentence's subject, after at most a time and a place ("Ngày 10/5, A, B và C tới …"); a list
        # after "của", "mời" or a clause is someone else's ("nhận lời mời của A và B, C sẽ thăm …")
        first = fellows[-1]
        opening = self.text[first.sentence.start if first.sentence else 0:(first.full_span or first.span).start]
        if not re.fullmatch(r"\s*(?:(?:ngày|sáng|chiều|tối|trưa|hôm|đêm|tại|ở)\s[^,;]{0,40},\s*){0,2}", opening, re.I):
            return []
        return fellows[::-1]

    def _spouse(self, m: Mention) -> bool:
        return any((t := self.lex.title(title)) is not None and t.sector == "SPOUSE" for title in m.titles)

    def signatories(self, cue: Cue, src: Actor | None, tgt: Actor | None, info: SentenceInfo, clause_start: int):
        """Witnesses of a signing stand for their countries; unnamed signatories are countries too."""
        before = self.text[clause_start:cue.start].lower()     # "A và B đã chứng kiến … được ký kết …"
        if "chứng kiến" in before:
            src = Actor(None, [], src.country, None) if src and src.country else src
            tgt = Actor(None, [], tgt.country, None) if tgt and tgt.country else tgt
            # a witness whose country the sentence does not give: the document's other country
            known = [a.country for a in (src, tgt) if a is not None and a.country]
            other = [c for c in self.main_countries() if c not in known]
            if other and tgt is not None and tgt.name and not tgt.country:
                tgt = Actor(None, [], other[0], None)
            elif other and src is not None and src.name and not src.country:
                src = Actor(None, [], other[0], None)
        if tgt is None and src is not None:
            others = [m.country for m in info.mentions if m.country and m.country != src.country]
            if src.country and others:
                tgt = Actor(None, [], others[0], None)
            elif src.country:
                pair = self.main_countries()
                other = [c for c in pair if c != src.country]
                tgt = Actor(None, [], other[0], None) if other else None
        return src, tgt

    def main_countries(self) -> list[str]:
        return self.main_countries_ranked()[:2]

    def main_countries_ranked(self) -> list[str]:
        counts: dict[str, int] = {}
        for info in self.infos:
            for m in info.mentions:
                if m.country:
                    counts[m.country] = counts.get(m.country, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    def make_event(self, ct, cue: Cue, info: SentenceInfo, src: Actor, tgt: Actor | None, resolved: ResolvedDate,
                   c_start: int, via=(None, None), location=None) -> Event:
        s = info.sentence
        modality = self.modality(cue, c_start, resolved, self.clause_bounds(cue, s)[1], s.span.start)
        pub = self.article.pub_date
        if modality == "occurred" and resolved.start and pub and resolved.text and not re.search(r"\d{4}", resolved.text) \
                and (date.fromisoformat(resolved.start) - pub).days > 30 and self._said_done(cue, c_start):
            # "đã thăm … từ ngày 29 đến 30/1" in a report of November: the January before, not the next one (a few
            # days ahead is a publication date off by a little, not a year)
            resolved = _year_earlier(resolved)
        if location is None:
            location = self.location(info)
        explicit = sum(1 for m in via if m is not None and m.kind == "person")
        resolved_by_coref = any(m is not None and m.kind in ("title", "pronoun") for m in via)
        signals = f"{explicit}{'d' if resolved.text else ''}{'c' if resolved_by_coref else ''}{'t' if s.is_title else ''}"
        confidence = calibrated_confidence(ct.name, signals)
        return Event(doc=self.article.key, type=ct.name, cameo=ct.cameo, plover=ct.plover, source=src, target=tgt,
                     date_start=resolved.start, date_end=resolved.end,
                     date_precision=resolved.precision if resolved.start else "unknown",
                     date_text=resolved.text, location=location, modality=modality,
                     sentence=self.text[s.span.start:s.span.end], char_start=s.span.start, char_end=s.span.end,
                     confidence=confidence, cue=cue.text, signals=signals,
                     instrument=self.instrument(cue) if ct.name == "SIGN_AGREEMENT" else None)

    _INSTRUMENT = re.compile(r"(?i)\s*(?:lễ\s+)?(?:ký\s*(?:kết)?\s+)?(?:các\s+|một số\s+|\d+\s+)?(ý định thư|bản ghi nhớ|"
                             r"hiệp định|thỏa thuận|nghị định thư|tuyên bố chung|hợp đồng|công hàm|biên bản|chương trình|"
                             r"kế hoạch)")

    def instrument(self, cue: Cue) -> str | None:
        m = self._INSTRUMENT.match(self.text, cue.end, min(len(self.text), cue.end + 40))
        return m.group(1).lower() if m else None

    def location(self, info: SentenceInfo) -> dict | None:
        s = info.sentence
        for p in info.masks:
            if p.kind == "place":
                g = self.text[max(s.span.start, p.start - 14):p.start]
                if re.search(r"(?<!\w)(tại|ở)\s+(?:thủ đô\s+|thành phố\s+)?$", g):
                    return {"name": p.text, "country": p.value}
        for m in info.mentions:
            if m.kind == "country":
                g = self.text[max(s.span.start, m.span.start - 14):m.span.start]
                if re.search(r"(?<!\w)(tại|ở)\s+$", g):
                    return {"name": m.span.of(self.text), "country": m.country}
        return None

    def prune_sentence(self, events: list[Event]) -> list[Event]:
        """Within one sentence: talks absorb a meeting of the same pair; one congratulation per sender,
        addressed to a person rather than to a country when both are named."""
        out = []
        for e in events:
            key = actor_set(e)
            if e.type == "MEETING" and any(o.type == "TALKS" and actor_set(o) == key for o in events):
                continue
            if e.type == "CONGRATULATE" and (e.target is None or not e.target.name):
                if any(o.type == "CONGRATULATE" and o is not e and fold(o.source.key()) == fold(e.source.key())
                       and o.target is not None and o.target.name for o in events):
                    continue
            out.append(e)
        return out


def actor_key(a: Actor | None) -> str:
    if a is None:
        return ""
    return fold(a.name) if a.name else (a.org and fold(a.org)) or (a.country or "")


def actor_set(e: Event) -> frozenset:
    return frozenset(k for k in (actor_key(e.source), actor_key(e.target)) if k)


_PRECISION = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}


def _rank(e: Event) -> tuple:
    # a visit of several days is one event with its range, never one per day (issue 13, item 8)
    return (_PRECISION.get(e.date_precision, 0), e.type == "VISIT" and bool(e.date_end), e.confidence, -e.char_start)


# What follows a subject, never a listed object: "Tiếp ông A, Thủ tướng B đề nghị …"
_CLAUSE_VERB = re.compile(r"\s*(đã|sẽ|đang|cũng|vừa|đề nghị|đề xuất|nhấn mạnh|cho biết|cho rằng|khẳng định|bày tỏ|"
                          r"đánh giá|hoan nghênh|cảm ơn|chúc mừng|chào mừng|mong muốn|tin tưởng|thông báo|chia sẻ)(?!\w)")


def _year_earlier(r: ResolvedDate) -> ResolvedDate:
    def back(iso: str | None) -> str | None:
        if not iso:
            return iso
        d = date.fromisoformat(iso)
        try:
            return d.replace(year=d.year - 1).isoformat()
        except ValueError:          # 29 February
            return d.replace(year=d.year - 1, day=28).isoformat()
    return ResolvedDate(back(r.start), back(r.end), r.precision, r.text)


def drop_discussions_of_meetings(events: list[Event]) -> list[Event]:
    """"A và B thảo luận về …" is talks of its own only when the article reports no meeting of A and B: at a
    reception ("Thủ tướng tiếp Bộ trưởng X … hai bên thảo luận") it is what the meeting was about."""
    def discussion(e):
        return e.type == "TALKS" and e.cue.lower().endswith("thảo luận")
    met = [actor_set(e) for e in events if e.type in ("MEETING", "TALKS", "PHONE_CALL") and not discussion(e)]
    return [e for e in events if not (discussion(e) and actor_set(e) in met)]


def dedupe(events: list[Event]) -> list[Event]:
    """One real-world event per article: same type and sides (and no conflicting day) is the same event."""
    kept: list[Event] = []
    for e in events:
        same = None
        for k in kept:
            if k.type == e.type and actor_set(k) == actor_set(e):
                if k.instrument and e.instrument and k.instrument != e.instrument:
                    continue       # "ký Ý định thư" and "ký Bản ghi nhớ": two signings
                if k.date_start and e.date_start and k.date_start != e.date_start and k.date_text and e.date_text and \
                        k.date_precision == e.date_precision == "day" and not (k.date_end or e.date_end):
                    continue
                same = k
                break
        if same is None:
            kept.append(e)
        elif _rank(e) > _rank(same):
            # keep the better-supported statement but the stronger of the two dates
            kept[kept.index(same)] = e
    return kept


def drop_subsumed(events: list[Event]) -> list[Event]:
    """'Cộng hòa Séc … sang thăm Việt Nam' adds nothing when 'Tổng thống Séc Milos Zeman sang thăm Việt Nam'
    is there: a country-only side is subsumed by a named person of that country, in the same role, in the
    same kind of event with the same other side."""
    def vague(a):
        return a is not None and not a.name and not a.org and bool(a.country)

    def covered(a, b, e):     # side a (country only) of event e is covered by side b
        # at a meeting of a named person a bare country is a group ("lãnh đạo các đoàn kinh tế của Hoa Kỳ"),
        # another meeting than one with a named person; an unnamed office-holder ("Tổng thống Hàn Quốc") is
        # that person, and two bare countries restate the meeting of their leaders
        if e.type in ("MEETING", "TALKS", "PHONE_CALL") and not a.titles and not (vague(e.source) and vague(e.target)):
            return False
        return b is not None and bool(b.name) and b.country == a.country

    def same(a, b):
        return actor_key(a) == actor_key(b)

    out = []
    for e in events:
        if e.type in ("VISIT", "MEETING", "TALKS", "PHONE_CALL", "CONGRATULATE", "CONDOLENCE") and \
                (vague(e.source) or vague(e.target)):
            def covers(o):
                if o is e or o.type != e.type or o.target is None or e.target is None:
                    return False
                orientations = [(o.source, o.target)]
                if e.type in ("MEETING", "TALKS", "PHONE_CALL"):
                    orientations.append((o.target, o.source))
                for s_, t_ in orientations:
                    ok_s = same(e.source, s_) or (vague(e.source) and covered(e.source, s_, e))
                    ok_t = same(e.target, t_) or (vague(e.target) and covered(e.target, t_, e))
                    if ok_s and ok_t and not (same(e.source, s_) and same(e.target, t_)):
                        return True
                return False
            if any(covers(o) for o in events):
                continue
        out.append(e)
    return out


def _public(side: Actor | None) -> bool:
    from .sectors import actor_sector, is_public
    if side is None:
        return False
    sector = actor_sector(side.name, side.titles, side.country, side.org)
    # a person named with a country but no office ("ông X người Mỹ") is no public side either
    return is_public(sector) or (sector == "" and side.country is not None and side.name is None)


def drop_private(events: list[Event]) -> list[Event]:
    """An event of this dataset has a public side: someone holding an office, a state or a body (sectors.py).
    Two people known by name or trade only — a footballer and a coach, two actors, a singer and a fan — meet,
    sign and congratulate outside it ("HLV Ten Hag ký hợp đồng với Bayer Leverkusen", "Enzo Maresca gặp Cole Palmer")."""
    return [e for e in events if _public(e.source) or _public(e.target)]


def extract_events(article: Article) -> tuple[list[Mention], list[Event]]:
    x = ArticleExtractor(article)
    events = x.extract()
    mentions = [m for info in x.infos for m in info.mentions]
    if events and not relevant(article.text):
        events = []       # not an article about public affairs: its "meetings" are matches (relevance.py)
    return mentions, events
