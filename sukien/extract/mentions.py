"""Actor mentions in one sentence: people with stacked titles, country and organization; bare titles
("Tổng Bí thư, Chủ tịch nước Lào"), pronoun-like honorifics ("ông"), countries and organizations."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons.fold import fold
from ..lexicons.index import Match, lexicon
from ..lexicons.syllable import is_syllable, vietnamese_only
from ..model import Mention, Span
from .organizations import find_organizations
from .names import is_foreign_token, looks_like_name, looks_like_organization, name_prefixes, stopwords, surnames

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*(?:\.[^\W\d_][\w’'-]*)*\.?")   # words; inner dots only before a letter
# Lower-case words and phrases that sit in front of a place, a body or a thing, never of a person. Phrases are
# whole: "gia" alone comes before a person ("Chuyên gia Vũ Minh Khương"), "hoàng gia" does not.
_WORDS_BEFORE_A_PLACE = (
    "tỉnh", "thành phố", "phố", "huyện", "xã", "thủ đô", "tại", "ở", "quận", "khu", "đường", "sông", "cửa khẩu",
    "thị trấn", "bang", "vùng", "đảo", "biển", "trường", "cung", "phường", "viện", "hãng", "tập đoàn", "tàu",
    "cảng", "sân bay", "máy bay", "chiến dịch", "hiệp định", "tuyên bố", "công ty", "báo", "tờ", "kênh", "đài",
    "tổ chức", "nhà khách", "dự án", "sáng kiến", "hội nghị", "kỳ họp", "diễn đàn", "chương trình", "quỹ",
    "giải thưởng", "huân chương", "núi", "đèo", "hồ", "vịnh", "tới", "đến", "sang", "về", "từ", "thăm", "quốc gia",
    "hoàng gia", "liên", "quảng", "lăng", "nghĩa trang", "đại lộ", "ngân hàng", "khu vực", "nhóm", "phái",
    "đại học", "học viện", "bệnh viện", "nhà máy", "studio", "thương hiệu", "ban nhạc", "nhóm nhạc", "phim",
    # vessels, aircraft and products: "xuồng tuần tra Metal Shark", "tàu lớp Hamilton"
    "xuồng", "tuần tra", "lớp", "mẫu", "hiệu", "dòng", "phi cơ", "thuyền",
    # landforms and settlements: "cao nguyên Y Tý", "thung lũng Silicon"
    "cao nguyên", "thung lũng", "bản", "làng", "thôn",
    # firms and services by what they are: "startup AI Anthropic", "ứng dụng Tinder"
    "startup", "ứng dụng", "nền tảng", "mạng xã hội",
    # a quay and a park: "bến Bạch Đằng", "công viên Thống Nhất"; what a thing is named: "đĩa đơn mang tên …"
    "bến", "công viên", "mang tên")
# Of those, the prepositions, verbs and prefixes: what follows them is not always a place ("về Trump", "thăm X").
_NOT_PLACE_NOUNS = {"tại", "ở", "tới", "đến", "sang", "về", "từ", "thăm", "liên", "quảng"}


def _words_before(words) -> re.Pattern:
    return re.compile(r"(?:^|\s)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\s+$")


_PLACE_BEFORE = _words_before(_WORDS_BEFORE_A_PLACE)
# The place nouns of that list without the prepositions and verbs ("ở", "về", "thăm"): a name written after one
# of these anywhere in an article is a place there ("cao nguyên Y Tý" … "Y Tý vào mùa mây").
_PLACE_WORDS = _words_before(w for w in _WORDS_BEFORE_A_PLACE if w not in _NOT_PLACE_NOUNS)
_PLACE_NOUN = re.compile(r"(?<!\w)(?:bang|tỉnh|thành phố|vùng|quận|huyện)\s+$")
_SECTORS_IN_TITLE = {"GOV", "LEG", "MIL", "JUD", "DIP", "BUS", "IGO", ""}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool          # starts with a capital letter


# "al-Masri", "el-Sisi", "bin-Salman", "d'Estaing": a particle joined to a capitalised name is part of the name
_PARTICLE_JOINED = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|bint|abu|d)[-’'][A-ZĐ]")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, t = m.start(), m.end(), m.group(0)
        if t.endswith(".") and not re.fullmatch(r"(?:[A-ZĐ]\.)+|Jr\.|Sr\.", t):   # "Marcos Jr." keeps its dot
            e -= 1
            t = t[:-1]
        if t.endswith(("'", "’")) and len(t) > 2 and t not in lexicon().honorifics:
            e -= 1          # "'Vua Tinder'": a closing quote, not a letter of the name (but "Dato'")
            t = t[:-1]
        if t.endswith("-") and len(t) > 1:
            e -= 1          # "hoa hậu Thanh Thủy- đương kim …": a dash the crawl glued on, not a hyphenated name
            t = t[:-1]
        out.append(Token(s, e, t, t[:1].isupper() or bool(_PARTICLE_JOINED.match(t))))
    return out


def _acronym(word: str) -> bool:
    """Capitals that are no Vietnamese syllable: an acronym ("GCC", "HĐQT"), not a name in capitals."""
    return len(word) >= 2 and word.isupper() and word.isalpha() and not is_syllable(word)


class SentenceMentions:
    """Finds the mentions of one sentence. Offsets are into the article text."""

    def __init__(self, text: str, start: int, end: int, known_names: dict[str, str] | None = None):
        self.text, self.start, self.end = text, start, end
        self.lex = lexicon()
        self.known = known_names if known_names is not None else {}
        self.masks: list[Match] = self._with_bodies([self._as_language(m) for m in self.lex.find(text, start, end)
                                                     if not self._inside_name(m)])
        self.tokens = self._split_at_masks(tokenize(text, start, end))
        self._mask_at = {}
        starts = [t.start for t in self.tokens]
        for m in self.masks:
            k = bisect.bisect_left(starts, m.start)
            while k < len(self.tokens) and self.tokens[k].end <= m.end:
                self._mask_at[self.tokens[k].start] = m
                k += 1
        self._index = {id(t): i for i, t in enumerate(self.tokens)}
        self.former: set[int] = set()      # starts of masks naming offices once held ("nguyên Thủ tướng …")

    def _with_bodies(self, masks: list[Match]) -> list[Match]:
        """The lexicon's matches and the bodies named around a head noun (organizations.py); a country or a
        place inside a body's name is the body's ("Phòng Thương mại Hà Lan - Việt Nam")."""
        bodies = find_organizations(self.text, self.start, self.end, masks, self.known)
        if not bodies:
            return masks
        kept = [m for m in masks if not any(b.start <= m.start and m.end <= b.end for b in bodies)]
        return sorted(kept + bodies, key=lambda m: m.start)

    def _as_language(self, m: Match) -> Match:
        """"tiếng Anh", "bằng tiếng Nhật": a language, neither a country nor anyone's nationality."""
        if m.kind == "country" and re.search(r"(?i)(?<!\w)tiếng\s+$", self.text[max(self.start, m.start - 8):m.start]):
            return Match("language", m.start, m.end, m.text, m.value)
        return m

    # One-syllable country names that are also given names ("Nguyễn Minh Đức", "Thúy Nga", "Tuấn Anh").
    AMBIGUOUS = {"Anh", "Đức", "Nga", "Ý", "Nhật", "Thái", "Áo", "Mỹ", "Séc", "Bỉ", "Hàn"}

    # Words written with a capital that start like a one-syllable country: "Ý định thư", "Ý kiến", "Anh em".
    COMPOUNDS = {"Ý": {"định", "kiến", "nghĩa", "thức", "chí", "tưởng", "đồ", "tứ", "muốn"}, "Anh": {"em", "hùng"}}

    def _inside_name(self, m: Match) -> bool:
        if m.kind == "place" and m.value == "VNM":
            return self._place_in_vietnamese_name(m)
        if m.kind != "country" or m.text not in self.AMBIGUOUS:
            return False
        after = re.match(r"\s([a-zà-ỹđ]+)", self.text[m.end:m.end + 12])
        if after and after.group(1) in self.COMPOUNDS.get(m.text, ()):
            return True
        # a surname before two capitalised syllables opens a name: "Xã trưởng Tân Hoa xã Thái Danh Chiếu"
        given = re.match(r"\s[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?![\w-])", self.text[m.end:m.end + 30])
        if m.text in surnames() and given and not self.lex.find(self.text, m.end, m.end + given.end()):
            return True
        if after and not self.text[max(self.start, m.start - 2):m.start].strip():
            return True     # sentence-initial "Ý định thư", "Anh em": a word, not a country
        before = self.text[max(self.start, m.start - 30):m.start]
        prev = re.search(r"([^\W\d_][\w-]*)\s$", before)
        if not prev or not prev.group(1)[0].isupper():
            return False
        # after a title ("Thủ tướng Đức") it is the country; after another capitalised word it ends a name
        return not self.lex.title_re.search(before[-len(prev.group(0)) - 25:]) or \
            not re.search(r"(?i)(" + "|".join(map(re.escape, ("thư", "tướng", "thống", "trưởng", "tịch", "nước",
                                                                "sứ", "vương", "hoàng", "giao", "phủ"))) + r")\s$", before)

    def _place_in_vietnamese_name(self, m: Match) -> bool:
        """Vietnamese given names are often place names: in "Nguyễn Thái Bình", "ông Trần Hòa Bình" the place
        follows a capitalised syllable of the name; "tỉnh Thái Bình", "UBND tỉnh Hà Nam", "tại Ninh Bình" do not."""
        prev = re.search(r"([^\W\d_]+)\s$", self.text[max(self.start, m.start - 12):m.start])
        if not prev or not prev.group(1)[:1].isupper() or not is_syllable(prev.group(1)):
            return False
        word = prev.group(1)
        return word in surnames() or bool(re.search(
            r"(?:^|\s)[A-ZĐÀ-Ỹ][^\W\d_]*\s$", self.text[max(self.start, m.start - 24):m.start - len(word) - 1] + " "))

    def _split_at_masks(self, tokens: list[Token]) -> list[Token]:
        """'Việt Nam-Lào' is one token for the regex but two actors: cut tokens where a lexicon match ends."""
        cuts = sorted({m.start for m in self.masks} | {m.end for m in self.masks})
        out = []
        for tok in tokens:
            k = bisect.bisect_right(cuts, tok.start)
            inner = []
            while k < len(cuts) and cuts[k] < tok.end:
                inner.append(cuts[k])
                k += 1
            if not inner:
                out.append(tok)
                continue
            bounds = [tok.start] + inner + [tok.end]
            for a, b in zip(bounds, bounds[1:]):
                piece = self.text[a:b].strip("-–")
                if piece:
                    s = a + self.text[a:b].index(piece)
                    out.append(Token(s, s + len(piece), piece, piece[:1].isupper()))
        return out

    # -- helpers ------------------------------------------------------------------------------------
    def mask_of(self, tok: Token) -> Match | None:
        return self._mask_at.get(tok.start)

    def gap(self, a: int, b: int) -> str:
        return self.text[a:b]

    # -- names --------------------------------------------------------------------------------------
    PLACE_TITLES = {"Thị trưởng", "Thống đốc", "Tỉnh trưởng", "Thủ hiến", "Bí thư Tỉnh ủy", "Bí thư Thành ủy",
                    "Chủ tịch UBND", "Chủ tịch Ủy ban nhân dân"}
    SENTENCE_STARTERS = {"Đây", "Đó", "Ông", "Bà", "Theo", "Trong", "Tại", "Sau", "Khi", "Hai", "Các", "Những",
                         "Về", "Với", "Ngày", "Sáng", "Chiều", "Tối", "Cùng", "Nhân", "Trước", "Tiếp"}
    FIRM_HEADS = ("tập đoàn", "công ty", "hãng")
    BODY_HEADS = {"Chủ tịch", "Lãnh đạo"}       # titles of any body's head (a state's too: "Chủ tịch Tập")
    PARTICLES = {"de", "van", "der", "von", "bin", "binti", "al", "da", "dos", "du", "di", "la", "le", "del", "ibni"}

    def name_runs(self) -> list[list[Token]]:
        runs, cur = [], []
        for i, tok in enumerate(self.tokens):
            joined = cur and self.gap(cur[-1].end, tok.start) in (" ",)
            if tok.cap and not self.mask_of(tok) and (not cur or joined):
                cur.append(tok)
                continue
            # "Peter de Roover", "Mohamed bin Zayed": a particle between two capitalised words
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            if cur and joined and tok.text in self.PARTICLES and nxt is not None and nxt.cap \
                    and self.gap(tok.end, nxt.start) == " " and not self.mask_of(nxt):
                cur.append(tok)
                continue
            # Malay royal names name the father: "Ibrahim Ibni Almarhum Sultan Iskandar" is one name
            if cur and joined and cur[-1].text in ("Almarhum", "Almarhumah") and tok.cap:
                cur.append(tok)
                continue
            if cur:
                runs.append(cur)
            cur = [tok] if tok.cap and not self.mask_of(tok) else []
        if cur:
            runs.append(cur)
        return runs

    def previous_token(self, tok: Token) -> Token | None:
        i = self._index[id(tok)]
        return self.tokens[i - 1] if i > 0 else None

    def _trim(self, run: list[Token]) -> list[Token]:
        """Words at either end of a capitalised run that are not the name's."""
        # a capitalised Vietnamese word before a foreign name starts the sentence, it is not the name's
        # ("Nếu Arsenal", "Vợ Mark Zuckerberg", "Bão Wipha"); so does a trade ("YouTuber Kwak Hyeol-soo")
        while len(run) > 1 and (run[0].text in name_prefixes() or (
                not run[0].text.isascii() and is_syllable(run[0].text) and run[0].text not in surnames()
                and any(is_foreign_token(t.text) for t in run[1:])
                and not self.mask_of(run[0]))):
            run = run[1:]
        while run and run[0].text in stopwords() and not (
                run[0].text in surnames() and len(run) >= 3 and all(is_syllable(t.text) for t in run[1:4])):
            run = run[1:]       # "Đoàn" is a delegation, but "Đoàn Thanh Song" a surname and two given names
        # An acronym is a body, never part of a person's name ("(GCC) Jasem Mohamed AlBudaiwi", "HĐQT VNVC");
        # a name in capitals is Vietnamese syllables ("NGÔ CHÍ DŨNG")
        while run and _acronym(run[0].text):
            run = run[1:]
        last = run[-1].text if run else ""
        if len(run) > 1 and (_acronym(last) or (last.isascii() and last.isupper() and len(last) > 1 and
                                                  not run[-2].text.isupper())) and "." not in last and \
                not re.fullmatch(r"[IVXL]+", run[-1].text):         # regnal numerals stay: "Leo XIV"
            return []       # "Scale AI", "Bentley EXP": a maker or a product ends in capitals, a person does not
        while len(run) > 1 and run[-1].text in self.SENTENCE_STARTERS and \
                re.match(r" [a-zà-ỹđ]", self.text[run[-1].end:run[-1].end + 2]) and \
                not re.match(r" (và|cùng|với|đã|sẽ|cũng|đang|vừa|nói|cho)(?!\w)", self.text[run[-1].end:run[-1].end + 6]):
            # "Norodom Sihamoni Đây là …": a sentence start glued to the name; "… Nguyễn Thiện Nhân và …",
            # "… Nhân." end a name
            run = run[:-1]
        # "Elon Musk Chẳng …": a word only Vietnamese writes, and no surname, does not end a foreign name
        # (syllables joined by hyphens are a transcription in Vietnamese letters: "Khăm-tày Xi-phăn-đon")
        while len(run) > 1 and is_foreign_token(run[0].text) and vietnamese_only(run[-1].text) and \
                "-" not in run[-1].text and not any(t.text in surnames() for t in run[1:]):
            run = run[:-1]     # (a Vietnamese surname inside makes it a firm and a name: "Vingroup Phạm Nhật Vượng")
        return run

    def _quoted(self, run: list[Token]) -> bool:
        start = run[0].start
        prev = self.previous_token(run[0])
        if prev is not None and (mask := self.mask_of(prev)) is not None and mask.kind == "title" and \
                self.gap(mask.end, start) == " ":
            start = mask.start
        closed = self.text[run[-1].end:run[-1].end + 1] in ("'", "’", '"', "”")
        if closed and (title := re.search(r"[\"“]([A-ZĐÀ-Ỹ][^\"“”.,:]{0,30})$", self.text[max(self.start, start - 32):start])):
            # a short quoted title that ends with the run, no office inside: "show mang tên “Sử thi Âu Lạc”"
            words = title.group(1).split()
            return len(words) <= 3 and not any(m.kind in ("title", "honorific") and start - 32 <= m.start < start
                                               for m in self.masks)
        return closed and self.text[start - 1:start] in ("'", "‘", '"', "“")

    def accept_name(self, run: list[Token]) -> list[Token] | None:
        """The tokens of a capitalised run that name a person, or None: the constructions around the run decide."""
        if self.text[run[0].start - 1:run[0].start] in ("$", "#", "@"):
            return None          # a ticker, hashtag or handle ("$TRUMP"), not a person
        if self._quoted(run):
            return None          # "'Vua Tinder'", "“Người Nhện”": a nickname or a title of a work in quotes
        # Leading function words ("Theo", "Sáng") never start a name, unless the whole run is a known person.
        folded_run = fold(" ".join(t.text for t in run))
        if folded_run in self.lex.persons or folded_run in self.known:
            return None if self._names_a_thing_or_a_body(run, *self._titled_by(run)) else run
        run = self._known_tail(run)
        if len(run) >= 3 and _PLACE_NOUN.search(self.text[max(self.start, run[0].start - 12):run[0].start]) and \
                not any(t.text in surnames() for t in run):
            run = run[-2:]      # "… bang Tây Bengal Geetesh Sharma": after a place noun the place, then the holder
        run = self._trim(run)
        if not run:
            return None
        prev = self.previous_token(run[0])
        prev_mask, titled = self._titled_by(run)
        if self._context_rejects(run, prev, prev_mask, titled):
            return None
        if prev is not None and prev_mask and prev_mask.kind == "place":
            if not self._title_before_place(prev_mask):
                return None
            titled = True
        if self._airport_or_gloss(run, prev):
            return None
        folded = fold(" ".join(t.text for t in run))
        if folded in self.lex.persons or folded in self.known:
            return run
        if len(run) == 1:
            return self._single_word_name(run, prev_mask)
        return self._longer_name(run, prev_mask, titled)

    def _context_rejects(self, run: list[Token], prev: Token | None, prev_mask: Match | None, titled: bool) -> bool:
        """A firm's or a body's shape, a thing or team by its construction, a place noun right before."""
        firm_title = prev_mask is not None and prev_mask.kind == "title" and \
            (prev_mask.value.sector == "BUS" or prev_mask.text.lower().endswith(self.FIRM_HEADS))
        if looks_like_organization([t.text for t in run], firm_first=firm_title):
            return True
        if self._names_a_thing_or_a_body(run, prev_mask, titled):
            return True
        return prev is not None and not prev.cap and not titled and \
            bool(_PLACE_BEFORE.search(self.text[max(self.start, run[0].start - 24):run[0].start].lower()))

    def _title_before_place(self, place: Match) -> bool:
        """"Bí thư Thành ủy Thành phố Hồ Chí Minh Nguyễn Thiện Nhân": after a title and its place, a name."""
        return any(m.kind == "title" and m.end <= place.start and
                   re.fullmatch(r"\s*(?:(?:tỉnh|thành phố|TP\.?|quận|huyện|bang)\s+)?", self.gap(m.end, place.start))
                   for m in self.masks)

    def _airport_or_gloss(self, run: list[Token], prev: Token | None) -> bool:
        if re.search(r"(?i)(?<!\w)sân bay(?:\s+quốc tế)?\s*$", self.text[max(self.start, run[0].start - 20):run[0].start]):
            return True      # "sân bay quốc tế McDonald Cartier": an airport
        # "Quy trình phản ứng nhanh (Fast Track)": a gloss in brackets after common words, no person
        return self.text[run[0].start - 1:run[0].start] == "(" and self.text[run[-1].end:run[-1].end + 1] == ")" \
            and prev is not None and not prev.cap

    def _single_word_name(self, run: list[Token], prev_mask: Match | None) -> list[Token] | None:
        """A single word is a name only after a title or honorific, and only if it is foreign-shaped or the
        surname/given name of someone already named in this document ("ông Tập", "ông Moon")."""
        word = run[0].text
        if word.isupper() and len(word) > 1:
            return None      # an acronym (EDF, WTO) is an organization, never a person
        strong = prev_mask is not None and (prev_mask.kind in ("title", "honorific") or (
            prev_mask.kind == "country" and re.search(r"\S\s*$", self.text[:prev_mask.start]) and
            any(m.kind == "title" and m.end <= prev_mask.start and prev_mask.start - m.end <= 2 for m in self.masks)))
        if strong and prev_mask.kind == "title" and prev_mask.value.text in self.PLACE_TITLES:
            return None      # "Thị trưởng Rotterdam", "Thống đốc California": the place, not a name
        named_before = any(fold(word) in k.split() for k in self.known)
        if strong and prev_mask.kind == "title" and (prev_mask.value.sector in ("BUS", "SPT") or
                                                      prev_mask.value.text in self.BODY_HEADS) and \
                not named_before and fold(word) not in self.lex.persons:
            # "tổng giám đốc Secoin", "CEO Grab", "cựu HLV Chelsea", "chủ tịch Fed", "ban lãnh đạo Napoli": one
            # word after a business or sports title, or a title that heads any body, is the firm, the club or
            # the body, unless it is the surname of someone named in full before ("HLV Amorim", "Chủ tịch Tập")
            return None
        if strong and (is_foreign_token(word) or named_before):
            return run      # a single word is a name only right after a title or honorific …
        if is_foreign_token(word) and any(len(k.split()) > 1 and fold(word) in k.split() for k in self.known):
            return run      # … or a foreign name's part already named in full ("Elon Musk" … "Musk nói")
        return None

    def _longer_name(self, run: list[Token], prev_mask: Match | None, titled: bool) -> list[Token] | None:
        firm_or_place = titled and prev_mask.kind == "title" and (
            prev_mask.value.text in self.PLACE_TITLES or prev_mask.value.sector == "BUS" or
            prev_mask.text.lower().endswith(self.FIRM_HEADS))
        if titled and prev_mask.kind == "title" and prev_mask.text.lower().endswith(self.FIRM_HEADS) and \
                len(run) <= 2 and run[0].text not in surnames():
            return None         # "ông Bill Winters, Tổng Giám đốc Tập đoàn Standard Chartered": the firm alone
        if firm_or_place and len(run) >= 3 and run[0].text not in surnames():
            # "Thị trưởng Rotterdam Ahmed Aboutaleb", "Chủ tịch tập đoàn Microsoft Bill Gates": the city or the
            # firm, then the name — from a Vietnamese surname on, else the last two words of a longer run
            # ("Standard Chartered Bill Winters")
            k = next((k for k in range(1, len(run) - 1) if run[k].text in surnames()), None)
            return run[k:] if k is not None else run[-2:] if len(run) >= 4 else run[1:]
        if titled and len(run) <= 6:
            return run
        return run if looks_like_name([t.text for t in run]) else None

    def _known_tail(self, run: list[Token]) -> list[Token]:
        """'Label Annie Moon' after 'Annie Moon' was named: a foreign word glued before a name the article already
        gave (a photo credit cut short, a label) is not part of it. Vietnamese surnames stay ('Vũ Văn Thanh'
        after 'Văn Thanh')."""
        if len(run) < 3 or run[0].text in surnames() or not is_foreign_token(run[0].text) or \
                run[1].text.lower() in self.PARTICLES:
            return run      # "Nasser Al Khelaifi" after "Al Khelaifi": a particle opens the surname
        return run[1:] if fold(" ".join(t.text for t in run[1:])) in self.known else run

    def _titled_by(self, run: list[Token]) -> tuple[Match | None, bool]:
        """The mask right before the run, and whether it is a title, honorific, country or body that introduces
        it (not across a comma: "tiếp các Đại sứ, Trưởng Cơ quan …" is a list of offices)."""
        prev = self.previous_token(run[0])
        prev_mask = self.mask_of(prev) if prev else None
        return prev_mask, prev_mask is not None and prev_mask.kind in ("title", "honorific", "country", "org") and \
            self.gap(prev.end, run[0].start) == " "

    def _names_a_thing_or_a_body(self, run: list[Token], prev_mask: Match | None, titled: bool) -> bool:
        """Constructions around a run that make it a product, a team or a body, never one person."""
        after = self.text[run[-1].end:min(self.end, run[-1].end + 40)]
        person_cue = prev_mask is not None and prev_mask.kind in ("title", "honorific")
        if not person_cue and re.match(r"\s\d+(?!\w)(?!\s*tuổi)", after):
            return True      # "Zenda Sealark 8": a model number after the run makes it a product
        if not titled or prev_mask.kind != "title":
            return False
        before_title = self.text[max(self.start, prev_mask.start - 8):prev_mask.start].lower()
        if re.search(r"(?<!\w)(?:các|những|ban|đội ngũ|tập thể)\s+$", before_title) and not re.match(r"\s*(?:,|và)\s*[A-ZĐ]", after):
            return True      # "các cầu thủ Al Qadisa", "ban lãnh đạo …": a plural or collective role names the team (a list would be its people)
        head = prev_mask.value.text in self.BODY_HEADS or prev_mask.value.sector in ("BUS", "SPT")
        words = [t.text for t in run]
        # "Chủ tịch Al Qadisa, Loay Nazir, …": the holder follows in apposition, so the run is the body
        return head and run[0].text not in surnames() and fold(" ".join(words)) not in self.lex.persons and \
            bool(re.match(r",\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+\s*,", after))

    # -- title chains -------------------------------------------------------------------------------
    def chain_before(self, index: int, taken: frozenset[int] = frozenset()) -> tuple[list[Match], int]:
        """Title/honorific/country/org masks that stack before token `index` ("Tổng Bí thư, Chủ tịch nước
        Lào Thongloun"), with free complements ("Bộ trưởng Phát triển Kinh tế Liên bang Nga Maxim"); a mask
        in `taken` describes an earlier person ("ông Bill Winters, Tổng Giám đốc Tập đoàn X, Thủ tướng Y")."""
        chain: list[Match] = []
        i = index - 1
        start = self.tokens[index].start
        complement = 0
        while i >= 0:
            tok = self.tokens[i]
            between = self.gap(tok.end, start)
            if between not in (" ", ", ") and not (between == " " or between.strip() in ("", ",")):
                break
            if tok.text == "kiêm" and chain and chain[-1].kind == "title" and i > 0 and self.mask_of(self.tokens[i - 1]):
                start = tok.start   # "Phó Tổng thống kiêm Chủ tịch Thượng viện Hamid Ansari"
                i -= 1
                continue
            if between.strip() == "," and not self._comma_inside_chain(tok, i, chain, complement):
                break
            m = self.mask_of(tok)
            if m is not None and m.start in taken:
                break
            if m:
                k0 = next((k for k, t in enumerate(self.tokens) if t.start == m.start), i)
                prev_tok = self.tokens[k0 - 1] if k0 > 0 else None
                if m.kind in ("country", "place") and prev_tok is not None and prev_tok.text in ("tại", "ở") \
                        and k0 > 1 and self.mask_of(self.tokens[k0 - 2]):
                    # "Đại sứ Cuba tại Việt Nam Orlando …": where an envoy is posted is not their country
                    start = prev_tok.start
                    i = k0 - 2
                    complement = 0
                    continue
                if not chain or chain[-1] is not m:
                    chain.append(m)
                start = m.start
                i = k0 - 1
                complement = 0
                continue
            if self._word_of_an_office(tok, i, chain, between):
                start = tok.start
                i -= 1
                continue
            if complement and tok.text == "và" and between == " " and i > 0 and self._reaches_title(i - 1):
                complement += 1     # "Bộ trưởng Kinh tế, Thương mại và Công nghiệp Nhật Bản Saito Ken"
                start = tok.start
                i -= 1
                continue
            if chain and chain[-1].kind == "honorific":
                break       # "… Thủ tướng Nguyễn Xuân Phúc thì ông Trump": only a title or a country stacks before "ông"
            if complement < 8 and self._free_complement(tok, i, chain, between, complement):
                complement += 1
                start = tok.start
                i -= 1
                continue
            break
        chain.reverse()
        # Free complement words only count when a title opens the chain.
        while chain and chain[0].kind not in ("title", "honorific", "country", "org"):
            chain.pop(0)
        return chain, (chain[0].start if chain else self.tokens[index].start)

    def _word_of_an_office(self, tok: Token, i: int, chain: list[Match], between: str) -> bool:
        """"nước" before an office's country ("Đại sứ đặc mệnh toàn quyền nước Cộng hòa … Hùng Ba"); the kind of
        place before the place ("Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Đức Long")."""
        if not chain or between != " ":
            return False
        if chain[-1].kind == "country" and tok.text == "nước" and i > 0 and \
                (prev_mask := self.mask_of(self.tokens[i - 1])) is not None and prev_mask.kind == "title":
            return True
        return chain[-1].kind == "place" and \
            tok.text.lower() in ("tỉnh", "thành", "phố", "tp", "quận", "huyện", "bang", "thủ", "đô")

    _NO_COMPLEMENT = frozenset(("đã", "sẽ", "đang", "vừa", "và", "với", "cùng", "tiếp", "của", "cho", "thì", "mà",
                                "là", "khi", "nhưng", "cũng", "được", "bị", "để", "rằng", "còn"))

    def _free_complement(self, tok: Token, i: int, chain: list[Match], between: str, complement: int) -> bool:
        """Free complement words between a title and the name: capitalised, or lower-case inside a capitalised
        phrase ("Phát triển Kinh tế"), never right before the title ("… Tô Lâm gặp phó thủ tướng X": "gặp" is a
        verb, "Tô Lâm" someone else)."""
        left_cap = i > 0 and self.tokens[i - 1].cap and not self.mask_of(self.tokens[i - 1])
        right = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        right_mask = self.mask_of(right) if right is not None else None
        inside = tok.cap or (left_cap and right is not None and (right.cap or right.text == "và") and
                             (right_mask is None or right_mask.kind != "title"))
        if not inside or not (between == " " or between.strip() == ","):
            return False
        if tok.text.lower() in self._NO_COMPLEMENT:
            return False
        # left of a title a complement belongs to an earlier title, which must be there: in "… tại Cộng hòa
        # Belarus Đón Chủ tịch nước X" (two lines run together) "Đón" is no complement
        return not (chain and chain[-1].kind == "title" and not complement and not self._reaches_title(i))

    def _comma_inside_chain(self, tok: Token, i: int, chain: list[Match], complement: int) -> bool:
        """A comma only separates stacked titles ("Tổng Bí thư, Chủ tịch nước Lào"), never a place or clause
        before the titles ("… tới Lào, Chủ tịch nước Tô Lâm"), and an institution from its state ("Chủ tịch Duma
        Quốc gia Quốc hội liên bang, Liên bang Nga X"); a country closes an office ("trong cuộc hội kiến Tổng
        thống Hungary, Tổng Bí thư Tô Lâm")."""
        held_by = self.mask_of(tok)
        of_state = chain and chain[-1].kind == "country" and held_by is not None and held_by.kind == "org"
        if held_by is not None and held_by.kind == "country" and chain and chain[-1].kind == "title":
            return False
        return bool((chain and chain[-1].kind in ("title", "org") or complement or of_state) and self._reaches_title(i))

    def _reaches_title(self, i: int) -> bool:
        """Walking left from token i over masks and capitalised words (a title's complement), is a title met
        before any other word or punctuation?"""
        steps = 0
        walked: list[Token] = []
        # two capitalised words right before the comma end a name ("… Mehdizade, Đại sứ …"): no complement
        if i >= 1 and all(self.tokens[k].cap and not self.mask_of(self.tokens[k]) for k in (i, i - 1)):
            return False
        while i >= 0 and steps < 12:
            tok = self.tokens[i]
            m = self.mask_of(tok)
            if m is not None and m.kind == "title":
                # capitalised words only ("Lương Cường") are a name closing a list item, not a complement
                return not walked or any(not t.cap for t in walked)
            if m is None:
                walked.append(tok)
            if m is None and not tok.cap and not (i > 0 and self.tokens[i - 1].cap):
                return False
            if i > 0 and self.gap(self.tokens[i - 1].end, tok.start) not in (" ", ", "):
                return False
            if i > 0 and self.gap(self.tokens[i - 1].end, tok.start) == ", " and \
                    all(self.tokens[k].cap and not self.mask_of(self.tokens[k]) for k in (i - 1, max(i - 2, 0))):
                return False     # a name before the comma ends the complement
            i -= 1
            steps += 1
        return False

    def chain_after(self, index: int) -> tuple[list[Match], int]:
        """Appositive titles after a name: "Tô Lâm, Tổng Bí thư Ban Chấp hành Trung ương Đảng ta"."""
        chain: list[Match] = []
        pos = self.tokens[index].end
        i = index + 1
        while i < len(self.tokens):
            between = self.gap(pos, self.tokens[i].start)
            if between.strip() in ("-", "–") and not chain:
                between = ","    # "Takebe Tsutomu - Cố vấn Đặc biệt …": a dash introduces the titles too
            if between.strip() not in ("", ","):
                break
            m = self.mask_of(self.tokens[i])
            if between.strip() == "," and self.tokens[i].text.lower() in ("nguyên", "cựu") and i + 1 < len(self.tokens) \
                    and (former := self.mask_of(self.tokens[i + 1])) is not None and former.kind == "title":
                # "Sergey Stepashin, nguyên Thủ tướng Chính phủ Liên bang Nga, đang thăm": an office once held is
                # part of the description (no actor of its own) but no title at this time
                self.former.add(former.start)
                pos, i = self.tokens[i].end, i + 1
                while i < len(self.tokens) and self.tokens[i].start < former.end:
                    i += 1
                pos = former.end
                while i < len(self.tokens) and self.gap(pos, self.tokens[i].start) == " ":
                    part = self.mask_of(self.tokens[i])          # the office's complement and country
                    if part is not None and part.kind in ("country", "org"):
                        self.former.add(part.start)
                        pos = part.end
                        while i < len(self.tokens) and self.tokens[i].start < part.end:
                            i += 1
                    elif part is None and self.tokens[i].cap:
                        pos = self.tokens[i].end
                        i += 1
                    else:
                        break
                continue
            if between.strip() == ",":
                if not (m and m.kind == "title"):
                    break
            if m and m.kind in ("title", "org", "country"):
                # stop before the titles of the next person in a list ("A, Thủ tướng B")
                j = i
                while j < len(self.tokens) and self.tokens[j].end <= m.end:
                    j += 1
                if m.kind == "title" and self._title_then_name(j):
                    break
                # "…Hoàng Hoa Hoa, Chủ tịch nước chúc mừng…": a bare title right before a verb is a new subject
                if m.kind == "title" and between.strip() == "," and j < len(self.tokens) and \
                        not self.tokens[j].cap and not self.mask_of(self.tokens[j]) and \
                        self.gap(m.end, self.tokens[j].start) == " " and \
                        self.tokens[j].text not in ("kiêm", "ta", "của", "về", "tại", "ở", "phụ", "thường", "đặc", "toàn"):
                    break
                chain.append(m)
                pos = m.end
                i = j
                continue
            tok = self.tokens[i]
            left_cap = self.tokens[i - 1].cap or self.tokens[i - 1].text == "ủy"
            if chain and between == " " and tok.text == "kiêm":
                pos = tok.end      # "Chủ tịch Thượng viện kiêm Chủ tịch Quốc hội Myanmar"
                i += 1
                continue
            if chain and between == " " and (tok.cap or tok.text.lower() in ("ta",) or
                                             (left_cap and tok.text in ("ủy", "sản", "dân", "hội", "giao", "tế"))):
                pos = tok.end
                i += 1
                continue
            break
        return chain, pos

    def _title_then_name(self, j: int) -> bool:
        """True when the tokens from j on (after a title) reach a person's name before a comma or a verb,
        passing over the title's complement ("Đại sứ Cộng hòa Kazakhstan Kanat Tumysh")."""
        pos = self.tokens[j - 1].end
        steps = 0
        while j < len(self.tokens) and steps < 12:
            tok = self.tokens[j]
            if self.gap(pos, tok.start).strip():
                return False
            m = self.mask_of(tok)
            if m is None and not tok.cap:
                if not (j > 0 and self.tokens[j - 1].cap):
                    return False        # a lower-case word outside a capitalised phrase: a verb
            elif m is None and tok.cap:
                run = [tok]
                k = j + 1
                while k < len(self.tokens) and self.tokens[k].cap and not self.mask_of(self.tokens[k]) \
                        and self.gap(self.tokens[k - 1].end, self.tokens[k].start) == " ":
                    run.append(self.tokens[k])
                    k += 1
                if self.accept_name(run) is not None and (len(run) > 1 or is_foreign_token(run[0].text)):
                    return True
                pos = run[-1].end
                j = k
                steps += 1
                continue
            pos = tok.end
            j += 1
            steps += 1
        return False

    # -- assembling ---------------------------------------------------------------------------------
    def describe(self, chain: list[Match], mention: Mention) -> None:
        titles, country, orgs = [], None, []
        for k, m in enumerate(chain):
            if m.kind == "title":
                text = m.value.text          # one form per office: "tổng bí thư", "Chủ tịch QH" as the lexicon writes them
                # "Thứ trưởng Bộ Ngoại giao": a ministry right after a generic title belongs to the title.
                nxt = chain[k + 1] if k + 1 < len(chain) else None
                between = self.gap(m.end, nxt.start).strip() if nxt is not None else ""
                if nxt is not None and nxt.kind == "org" and nxt.value.sector in ("GOV", "MIL") and \
                        len(between.split()) <= 3 and not re.search(r"[,;.()]", between):
                    # "Thứ trưởng Bộ Ngoại giao", "Phó Bí thư Thường trực Đảng ủy Bộ Ngoại giao"
                    text = " ".join(x for x in (text, between, nxt.value.name) if x)
                    # "Bộ trưởng Bộ Ngoại giao" is the lexicon's "Bộ trưởng Ngoại giao": one office, one spelling
                    same = self.lex.title(text.replace("Bộ trưởng Bộ ", "Bộ trưởng ", 1))
                    text = same.text if same is not None else text
                if text not in titles:
                    titles.append(text)
                mention.sector = mention.sector or m.value.sector
            elif m.kind == "country":
                country = country or m.value
            elif m.kind == "org":
                orgs.append(m.value)
        for org in orgs:
            if org.country and not country and org.sector != "IGO":
                country = org.country
        party = [o for o in orgs if o.sector == "PTY" and o.country]
        org = party[-1] if party else (orgs[0] if orgs else None)
        mention.titles = [t for t in titles if t.lower() not in ("phu nhân",)] or titles
        mention.country = mention.country or country
        mention.org = org.name if org else None

    def find(self) -> list[Mention]:
        mentions: list[Mention] = []
        used: set[int] = set()        # mask starts consumed by a person's chain
        for run in self.name_runs():
            name_tokens = self.accept_name(run)
            if not name_tokens:
                continue
            first = self._index[id(name_tokens[0])]
            last = self._index[id(name_tokens[-1])]
            name = self.text[name_tokens[0].start:name_tokens[-1].end]
            before, full_start = self.chain_before(first, frozenset(used))
            after, full_end = self.chain_after(last)
            mention = Mention(span=Span(name_tokens[0].start, name_tokens[-1].end), name=name,
                              full_span=Span(min(full_start, name_tokens[0].start), max(full_end, name_tokens[-1].end)))
            self.describe(before + after, mention)
            known = self.lex.persons.get(fold(name)) or self.lex.persons.get(fold(name.split()[-1])) \
                if len(name.split()) == 1 else self.lex.persons.get(fold(name))
            if known and not mention.country:
                mention.country = known.country
            if before and before[-1].kind == "title" and before[-1].value.sector == "SPOUSE":
                mention.kind = "spouse"
            if not before and not after and not known and name.split()[0] not in surnames() and \
                    any(is_foreign_token(w) for w in name.split()):
                mention.via = "shape"       # a foreign name by its shape alone: introduce_people() decides
            mentions.append(mention)
            used.update(m.start for m in before + after)
        mentions = self.merge_transcriptions(mentions)
        mentions.extend(self.bare_mentions(used | self.former, mentions))
        mentions.sort(key=lambda m: m.span.start)
        return mentions

    def _bare_title(self, masks: list[Match], i: int, out: list[Mention]) -> int:
        """A title with no name from masks[i] (with the titles, bodies and countries stacked after it): an
        unnamed office-holder of a country, one actor per country of a list, or nobody in particular. Appends to
        `out`; returns the index of the next mask to read."""
        m = masks[i]
        chain = [m]
        j = i + 1
        while j < len(masks) and (self.gap(chain[-1].end, masks[j].start).strip() in ("", ",") or
                                  (self.gap(chain[-1].end, masks[j].start).strip() == "và"
                                   and masks[j].kind == "title")) and \
                masks[j].kind in ("title", "org", "country"):
            if masks[j].kind == "title" and self.gap(chain[-1].end, masks[j].start).strip() and \
                    any(c.kind == "country" for c in chain):
                break   # "Thủ tướng Trung Quốc, Thủ tướng Lào": an office of a country closes; a list
            chain.append(masks[j])
            j += 1
        if m.value.sector in ("SPOUSE", "SPT", "ENT", "EDU", "MED", "BUS", "CVL") and m.value.rank > 5:
            return j    # a trade alone ("cầu thủ Brazil", "các ca sĩ") is nobody in particular
        # "Đại sứ các nước Pakistan, Mozambique và Timor Leste": one actor per country.
        tail = self.text[chain[-1].end:chain[-1].end + 12]
        if tail.startswith((" các nước", " các quốc gia")):
            k = j
            while k < len(masks) and masks[k].kind == "country" and \
                    re.fullmatch(r"\s*(?:các nước|các quốc gia)?:?\s*(?:Cộng hòa\s+|Vương quốc\s+)?|\s*,\s*(?:và\s+)?(?:Cộng hòa\s+|Vương quốc\s+)?|\s+và\s+(?:Cộng hòa\s+|Vương quốc\s+)?",
                                 self.gap(masks[k - 1].end if k > j else chain[-1].end, masks[k].start)):
                out.append(Mention(Span(masks[k].start, masks[k].end), None, [chain[0].text],
                                   masks[k].value, kind="country", via="list"))
                k += 1
            return k
        mention = Mention(span=Span(m.start, chain[-1].end), name=None,
                          full_span=Span(m.start, chain[-1].end), kind="title", via="title")
        self.describe(chain, mention)
        prev = self.text[max(self.start, m.start - 8):m.start].lower()
        # A junior title alone is no actor ("Đại sứ", "Nghị sĩ"), but with its country it is that country's
        # single office-holder ("tiếp Đại sứ Nhật Bản": the meeting is with Japan, guide rule 13).
        generic = (m.value.rank > 4 and not mention.country) or \
            m.value.text in ("Lãnh đạo", "Chủ tịch", "Trưởng đoàn", "Trưởng Ban")
        # several unnamed office-holders are a group, no side, with or without their country ("gặp gỡ một
        # số nghị sĩ và bộ trưởng Mỹ", "trao đổi với một số Bộ trưởng": guide rule 17); "hai vị Thủ tướng"
        # are two people named before (see plural sides in events)
        counted = re.search(r"(hai|ba|vị)\s+$", prev)
        plural = re.search(r"(các|những|nhiều|số|vài|mấy)\s+$", prev)
        if not generic and not counted and not plural:
            out.append(mention)
        return j

    _STATE_LIST_GAP = re.compile(r"[\s,]*(?:(?:và|nhân dân|Nhân dân|Đảng|Nhà nước|Chính phủ|Quốc hội)[\s,]+)*")

    def _country_of_the_list(self, masks: list[Match], i: int) -> str | None:
        """"Đảng, Nhà nước, Chính phủ và nhân dân Trung Quốc": the state's institutions listed with its people
        share the country that ends the list (guide rule 3)."""
        end = masks[i].end
        for nxt in masks[i + 1:]:
            gap = self.gap(end, nxt.start)
            if not self._STATE_LIST_GAP.fullmatch(gap) or "và" not in gap and "," not in gap and "nhân dân" not in gap.lower():
                return None
            if nxt.kind == "country":
                return nxt.value
            if nxt.kind != "org":
                return None
            end = nxt.end
        return None

    def merge_transcriptions(self, people: list[Mention]) -> list[Mention]:
        """'John Mc Cain (Giôn Mắc-Kên), Chủ tịch …': a name in brackets right after a name is its Vietnamese
        transcription (or the original), one person: its titles and its description go to the first."""
        out: list[Mention] = []
        for m in people:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "person" and m.kind == "person" and \
                    self.text[prev.span.end:m.span.start] in (" (", "(") and self.text[m.span.end:m.span.end + 1] == ")":
                prev.titles += [t for t in m.titles if t not in prev.titles]
                prev.country = prev.country or m.country
                prev.org = prev.org or m.org
                prev.full_span = Span((prev.full_span or prev.span).start,
                                      max((prev.full_span or prev.span).end, (m.full_span or m.span).end))
                continue
            out.append(m)
        return out

    def bare_mentions(self, used: set[int], people: list[Mention]) -> list[Mention]:
        """Titles with no name, honorific pronouns, countries and organizations acting on their own."""
        covered = [(m.full_span.start, m.full_span.end) for m in people]
        out: list[Mention] = []
        i = 0
        masks = [m for m in self.masks if m.start not in used and
                 not any(a <= m.start < b for a, b in covered)]
        while i < len(masks):
            m = masks[i]
            if m.kind == "title":
                i = self._bare_title(masks, i, out)
                continue
            if m.kind == "honorific":
                nxt = self.text[m.end:m.end + 2]
                if not nxt.strip() or nxt[1:2].islower() or nxt.startswith((" đã", " cũng", " nói", " cho")) \
                        or not nxt[1:2].isupper():
                    out.append(Mention(Span(m.start, m.end), None, [], None, kind="pronoun", via="pronoun"))
                i += 1
                continue
            if m.kind == "country":
                out.append(Mention(Span(m.start, m.end), None, [], m.value, kind="country"))
            elif m.kind == "org" and m.value.sector == "MED":
                pass        # a news agency or paper is where a report comes from, never a side of the event
            elif m.kind == "org":
                org = m.value
                country = org.country if org.sector != "IGO" else None
                nxt = masks[i + 1] if i + 1 < len(masks) else None
                if nxt is not None and nxt.kind == "country" and self.gap(m.end, nxt.start) == " " and org.sector != "IGO":
                    country = nxt.value     # "Quốc hội Lào"; "APEC Việt Nam 2017" is the year Việt Nam hosted it
                    i += 1
                elif org.sector != "IGO" and (shared := self._country_of_the_list(masks, i)) is not None:
                    country = shared        # "Chính phủ và nhân dân Singapore": the country closes the list
                out.append(Mention(Span(m.start, m.end), None, [], country, org.name, kind="org"))
            elif m.kind == "place":
                pass
            i += 1
        return out


def sentence_mentions(text: str, start: int, end: int, known: dict[str, str] | None = None) -> list[Mention]:
    return SentenceMentions(text, start, end, known).find()


def analyse_sentence(text: str, start: int, end: int, known: dict[str, str] | None = None):
    """The sentence's mentions and its lexicon matches (places, titles, …), computed once."""
    sm = SentenceMentions(text, start, end, known)
    return sm.find(), sm.masks


# "anh Lennon", "chị Grace", "Jamo Lennon (25 tuổi)", "Liu Grace, 28 tuổi": words Vietnamese writes only around a
# person (lexicons/person_cues.tsv)
@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern, re.Pattern]:
    from ..lexicons import read_tsv
    rows = read_tsv("person_cues.tsv")
    before = [re.escape(r[0]) for r in rows if r[1] == "before"]
    before_re = [r[0] for r in rows if r[1] == "before_re"]
    # what follows a speaker's name: an age, or a verb of saying ("Musk nói", "Elon Musk nhấn mạnh")
    after = [r[0] for r in rows if r[1] == "after"] + \
        [r"\s".join(map(re.escape, r[0].split())) + r"(?!\w)" for r in read_tsv("reporting_verbs.tsv")]
    return (re.compile(r"(?:(?<!\w)(?:" + "|".join(before) + r")\s+|" + "|".join(before_re) + r")$"),
            re.compile(r"^\s*(?:" + "|".join(after) + r")"))



def introduce_people(text: str, mentions: list[Mention]) -> set[int]:
    """A foreign name taken by its shape alone ("Aston Villa", "Scale AI", "John Wick") is a person only when
    the article introduces someone by it somewhere: a title, an honorific or a country before one of its
    mentions, a kinship word ("anh", "chị"), an age or a verb of saying after it, a bracket after an introduced
    name (its transcription); or a short form of it is introduced so ("HLV
    Amorim" … "Ruben Amorim"). Returns the ids of the shape-only mentions that stay unintroduced."""
    people = [m for m in mentions if m.kind == "person" and m.name]
    introduced: set[str] = set()
    ends = {m.span.end for m in people if m.via != "shape"}
    for m in people:
        bracketed = text[m.span.start - 2:m.span.start] == " (" and m.span.start - 2 in ends   # "ông Lôi Quân (Lei Jun)"
        if m.via != "shape" or bracketed or _person_cue(text, m):
            introduced.add(fold(m.name))
    words = {w for name in introduced for w in name.split()}
    return {id(m) for m in people if m.via == "shape" and fold(m.name) not in introduced
            and not any(w in words for w in fold(m.name).split() if len(w) > 2)}


def _person_cue(text: str, m: Mention) -> bool:
    """A kinship word before the mention, an age or a verb of saying after it (lexicons/person_cues.tsv); a
    possessor is no speaker ("Trang web của Harbour Gin xác nhận": the thing possessed is the subject)."""
    before_cue, after_cue = _cue_patterns()
    if before_cue.search(text[max(0, m.span.start - 16):m.span.start]):
        return True
    possessor = re.search(r"(?<!\w)của\s+$", text[max(0, m.span.start - 8):m.span.start])
    return not possessor and bool(after_cue.match(text[m.span.end:m.span.end + 24]))


def _introduced_as_someone(text: str, m: Mention) -> bool:
    return bool(m.titles) or (m.full_span is not None and m.full_span.start < m.span.start) or _person_cue(text, m)


def written_as_places(text: str, mentions: list[Mention]) -> set[int]:
    """A name the article writes after a place noun somewhere ("cao nguyên Ta Xùa", "bến Bạch Liêu") is that
    place wherever it stands without one ("Ta Xùa vào mùa mây"), unless the article also introduces someone by
    it (a title, an honorific, an age, a verb of saying). Returns the ids of the mentions that are places."""
    people = [m for m in mentions if m.kind == "person" and m.name and len(m.name.split()) >= 2]
    by_name: dict[str, list[Mention]] = {}
    for m in people:
        by_name.setdefault(m.name, []).append(m)
    places: set[int] = set()
    for name, ms in by_name.items():
        if any(_introduced_as_someone(text, m) for m in ms):
            continue
        for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if _PLACE_WORDS.search(text[max(0, hit.start() - 24):hit.start()].lower()):
                places.update(id(m) for m in ms)
                break
    return places
