"""The cleaning step: RawDocument -> Article whose `text` all later offsets refer to."""
from __future__ import annotations

import re
from datetime import date

from ..lexicons import outlets
from ..model import Article, RawDocument, Removed, Span
from . import furniture as F
from .layouts import apply_layout
from .normalize import normalize_text
from .respace import respace

MAX_TITLE = 250


def _is_name_line(line: str) -> bool:
    """A byline: two to four capitalised words, no punctuation ("Dương Ngọc", "NGỌC ANH")."""
    words = line.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[.,:;!?()\d]", line)


def _outlet_for(marker: str) -> str | None:
    table = outlets()
    if marker in table:
        return table[marker]
    for key, name in table.items():
        if key.lower() == marker.lower():
            return name
    return None


class _Cleaner:
    def __init__(self, doc: RawDocument):
        self.doc = doc
        self.removed: list[Removed] = []
        self.captions: list[str] = []
        self.outlet = doc.outlet
        self.pub_date = doc.pub_date

    def drop(self, kind: str, text: str) -> None:
        if text.strip():
            self.removed.append(Removed(kind, text.strip()))

    # -- line level -------------------------------------------------------------------------------
    def strip_date_line(self, lines: list[str]) -> list[str]:
        if lines and (m := F.DATE_LINE.match(lines[0])):
            try:
                self.pub_date = self.pub_date or date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
            self.drop("dateline", m.group(0))
            lines[0] = lines[0][m.end():]
        return lines

    def strip_inline_furniture(self, line: str) -> str:
        def cut(m):
            self.drop("hotline", m.group(0))
            return " "
        return F.HOTLINE.sub(cut, line).strip(" -–")

    def take_captions(self, line: str) -> str:
        """Whole-line captions go to `captions`; run-in captions are cut out of the paragraph."""
        if "Ảnh" not in line:
            return line            # every caption pattern below needs the word: most lines are done here
        if F.CAPTION_LINE_END.search(line) and len(line) < 400:
            self.captions.append(line)
            return ""
        if line.startswith(("Ảnh:", "Ảnh minh họa", "(Ảnh")) and len(line) < 300:
            self.captions.append(line)
            return ""
        # Parenthesised credits inside a paragraph ("(Ảnh: Trí Dũng – TTXVN)"), then run-in ones.
        line = F.cut_credits(line, F.CAPTION_PAREN, self.captions)
        return F.cut_credits(line, F.CAPTION_RUN_IN, self.captions)

    def find_outlet(self, line: str) -> str:
        m = F.OUTLET_DATELINE.match(line)
        if m and (name := _outlet_for(m.group(1))):
            self.outlet = self.outlet or name
            self.drop("outlet", m.group(0))
            return line[m.end():]
        if not self.outlet:
            m = re.search(r"\b(?:phóng viên|PV|theo)\s+(TTXVN|VOV|VNA)\b", line[:200])
            if m:
                self.outlet = _outlet_for(m.group(1))
        return line

    # -- document level ---------------------------------------------------------------------------
    def run(self) -> Article:
        doc = self.doc
        raw = doc.prepared_text if doc.prepared_text is not None else doc.raw_text
        raw, cut = apply_layout(doc, raw)        # the crawl's own furniture, before spaces are collapsed
        self.captions.extend(normalize_text(r.text) for r in cut if r.kind == "caption")
        self.removed.extend(r for r in cut if r.kind != "caption")
        lines = normalize_text(raw).split("\n")
        lines = self.strip_date_line(lines)
        lines = [self.strip_inline_furniture(x) for x in lines]
        lines = [x for x in lines if x]

        title = normalize_text(doc.title).replace("\n", " ") if doc.title else None
        if title and lines and lines[0] == title:
            lines = lines[1:]
        body: list[str] = []
        in_related = False
        for i, line in enumerate(lines):
            if F.RELATED_HEADERS.match(line):
                in_related = True
                self.drop("related", line)
                continue
            if in_related:
                # The teaser block runs until real body text comes back (a long paragraph, no dateline).
                if len(line) > 300 and not F.OUTLET_DATELINE.match(line):
                    in_related = False
                else:
                    self.drop("related", line)
                    continue
            if F.TEASER_LINK.match(line):
                self.drop("related", line)
                continue
            if F.TAG_PREFIX.match(line):
                self.drop("tags", line)
                continue
            if F.BYLINE_PREFIX.match(line) and len(line) < 60:
                self.drop("byline", line)
                continue
            body.append(line)

        # Breadcrumbs and title at the top of a plain-text crawl.
        if not title and doc.kind == "text":
            while len(body) > 2 and len(body[0].split()) <= 5 and not F.TERMINAL.search(body[0]) \
                    and not _is_name_line(body[0]) and len(body[1]) <= MAX_TITLE and not F.TERMINAL.search(body[1]):
                self.drop("breadcrumb", body.pop(0))
            if len(body) > 1 and len(body[0]) <= MAX_TITLE and not F.TERMINAL.search(body[0]) \
                    and not F.OUTLET_DATELINE.match(body[0]):
                title = body.pop(0)
            elif body and (m := F.OUTLET_INLINE.search(body[0])) and m.start() <= MAX_TITLE \
                    and _outlet_for(m.group(1)) and not F.TERMINAL.search(body[0][:m.start()]):
                # Người Lao Động runs the title into the body: "Title (NLĐ)- Body".
                title = body[0][:m.start()].strip()
                body[0] = body[0][m.start():].strip()
        if title:
            title = F.CAPTION_NUMBERED.sub("", title).strip()

        # Bylines right under the title, tag lines at the very end.
        while body and _is_name_line(body[0]) and len(body) > 1:
            self.drop("byline", body.pop(0))
        if len(body) > 2 and not F.TERMINAL.search(body[-1]) and len(body[-1]) < 300:
            self.drop("tags", body.pop())
        if body and _is_name_line(body[-1]):
            self.drop("byline", body.pop())

        if body:
            m = F.TRAILING_BYLINE.search(body[-1])
            if m and len(m.group(1)) <= 40 and not re.search(r"[.!?…:;]\s*$", m.group(1)) and len(body[-1]) > len(m.group(0)) + 40:
                self.drop("byline", m.group(1))
                body[-1] = body[-1][:m.start()].rstrip()
        paragraphs: list[str] = []
        for line in body:
            line = self.find_outlet(line)
            line = self.take_captions(line)
            if F.END_MARK.search(line):
                self.drop("endmark", F.END_MARK.search(line).group(0))
                line = F.END_MARK.sub("", line)
            line = line.strip()
            if line and line != title and line not in paragraphs:
                paragraphs.append(line)
            elif line:
                self.drop("repeat", line)
        if title:
            self.find_outlet(title)

        parts = ([title] if title else []) + paragraphs
        text, spans, pos = "", [], 0
        for k, part in enumerate(parts):
            if k:
                text += "\n\n"
                pos += 2
            part = respace(part).text            # words a link or bold run glued together
            spans.append(Span(pos, pos + len(part)))
            text += part
            pos += len(part)
        title_span = spans[0] if title else None
        body_spans = spans[1:] if title else spans
        return Article(key=doc.key, source=doc.source, raw_text=doc.raw_text, text=text, paragraphs=spans,
                       title=title_span, lead=body_spans[0] if body_spans else None,
                       captions=self.captions, removed=self.removed, outlet=self.outlet,
                       pub_date=self.pub_date, url=doc.url)


def clean(doc: RawDocument) -> Article:
    return _Cleaner(doc).run()
