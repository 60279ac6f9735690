"""The shortcuts taken for speed give what the plain way gives."""
import re

from hypothesis import given, settings, strategies as st

from sukien.clean.normalize import _MOVES, _SPACE_CLASS, _SPACES, _TONE_RE, normalize_text
from sukien.extract.cues import cue_types, find_cues, word_starts
from sukien.lexicons.fold import lower_keeping_offsets

# Letters and words that make cue matches inside and at the start of words likely.
_PIECES = st.sampled_from(["thăm", "hội", "đàm", "kiến", "tiếp", "điện", "chúc", "mừng", "ký", "kết", "x", "a", "_",
                           " ", " ", ",", "-", "İ", "Hội", "THĂM", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_word_starts_equals_finditer_with_a_look_behind(text):
    lowered = lower_keeping_offsets(text)
    for ct in cue_types():
        plain = re.compile(r"(?<![\w])" + ct.pattern.pattern)
        assert [m.span() for m in word_starts(ct.pattern, lowered)] == [m.span() for m in plain.finditer(lowered)]


def test_lower_keeping_offsets_keeps_offsets():
    text = "Tiếp kiến İstanbul HỘI ĐÀM"
    lowered = lower_keeping_offsets(text)
    assert len(lowered) == len(text)
    assert lowered.endswith("hội đàm") and "İ" in lowered


def test_cues_are_found_in_any_case_and_only_at_word_starts():
    text = "Thủ tướng HỘI ĐÀM với Tổng thống; không phải xhội đàm."
    cues = find_cues(text, 0, len(text))
    assert [(c.type.name, c.text) for c in cues] == [("TALKS", "HỘI ĐÀM")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(_MOVES) + ["q", "Q", " ", "h", "th", "x", "."]), max_size=20).map("".join))
def test_tone_placement_equals_the_pairwise_rule(text):
    pairwise = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _MOVES)) + r")(?!\w)")
    assert _TONE_RE.sub(lambda m: _MOVES[m.group(1)], text) == pairwise.sub(lambda m: _MOVES[m.group(1)], text)


def test_normalize_moves_tones_and_collapses_spaces_per_line():
    assert normalize_text("  Hoà   bình\u00a0\u200bthuỷ \n\n  quý  ") == "Hòa bình thủy\n\nquý"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\u00a0", "\u3000", "a", "b", "\n"]), max_size=25).map("".join))
def test_space_runs_equal_the_plain_rule(text):
    assert _SPACES.sub(" ", text) == re.sub(_SPACE_CLASS + "+", " ", text)


def _captions_the_plain_way(line: str) -> tuple[str, list[str]]:
    """The caption step before session 3: search the whole line again after each cut (cubic on long lines)."""
    from sukien.clean import furniture as F
    captions = []
    while (m := F.CAPTION_PAREN.search(line)) or (m := F.CAPTION_RUN_IN.search(line)):
        start = F.caption_start(line, m.start())
        if not F.looks_like_caption(line[start:m.start()]):
            start = m.start()
        captions.append(line[start:m.end()].strip())
        line = (line[:start].rstrip() + " " + line[m.end():].lstrip()).strip()
    return line, captions


def _captions_in_one_pass(line: str) -> tuple[str, list[str]]:
    from sukien.clean import furniture as F
    captions: list[str] = []
    line = F.cut_credits(line, F.CAPTION_PAREN, captions)
    return F.cut_credits(line, F.CAPTION_RUN_IN, captions), captions


_CAPTION_PIECES = st.sampled_from(["Ảnh: TTXVN", "Ảnh:Reuters.", "(Ảnh: Trí Dũng – TTXVN)", " - Ảnh: AFP ",
                                   "Thủ tướng tiếp Đại sứ. ", "Hai bên ký kết văn kiện", ". ", " ", "  ", "sẽ ",
                                   "Chiều 24-4, Chủ tịch nước lên đường.", "QUANG ĐỊNH ", "Ảnh ", "x" * 120, "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CAPTION_PIECES, max_size=25).map("".join))
def test_captions_in_one_pass_lose_nothing(line):
    """On any line: what is cut goes to the captions, nothing is lost, no bracketed credit is left. (The plain way searched the line again after each cut, so a cut could join two half-credits into a
    new one, "TTXVN" + "Thủ": the one pass does not; on real lines both give the same, see below.)"""
    from sukien.clean import furniture as F
    out, captions = _captions_in_one_pass(line)
    assert F.CAPTION_PAREN.search(out) is None
    assert len(re.sub(r"\s", "", out)) + sum(len(re.sub(r"\s", "", c)) for c in captions) == len(re.sub(r"\s", "", line))


def test_captions_in_one_pass_on_every_line_of_the_shared_data_with_a_credit():
    import pytest
    from conftest import DATA
    if not DATA.exists():
        pytest.skip("../shared is not beside this checkout")
    from sukien.clean.normalize import normalize_text
    from sukien.ingest import iter_documents
    lines = 0
    for result in iter_documents([str(DATA / "news_dev"), str(DATA / "news_modern_dev" / "articles.jsonl")]):
        for line in normalize_text(result.doc.raw_text).split("\n"):
            if "Ảnh" in line:
                lines += 1
                assert _captions_in_one_pass(line) == _captions_the_plain_way(line)
    assert lines > 100
