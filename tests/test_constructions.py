"""Every construction of lexicons/constructions.yaml runs its examples: extraction of each invented text gives
exactly the event types the entry says, and every veto has a twin whose event stays."""
from datetime import date

import pytest

from sukien.clean import clean
from sukien.extract.constructions import _condition, vetoes
from sukien.extract.events import extract_events
from sukien.model import RawDocument

EXAMPLES = [(v.id, i, ex) for v in vetoes() for i, ex in enumerate(v.examples)]


def event_types(text: str) -> list[str]:
    article = clean(RawDocument("example.txt", "example.txt", text, pub_date=date(2025, 6, 5)))
    return [e.type for e in extract_events(article)[1]]


@pytest.mark.parametrize("veto_id,index,example", EXAMPLES, ids=[f"{v}-{i}" for v, i, _ in EXAMPLES])
def test_each_example_gives_the_events_it_states(veto_id, index, example):
    assert event_types(example["text"]) == example["events"], f"{veto_id} example {index}: {example['text']}"


def test_every_veto_has_an_example_it_vetoes_and_a_twin_that_keeps_its_event():
    for v in vetoes():
        assert any(ex.get("vetoed") for ex in v.examples), v.id
        assert any(not ex.get("vetoed") and set(ex["events"]) & v.types for ex in v.examples), v.id


def test_the_vetoes_do_the_work_their_examples_credit_them_with(monkeypatch):
    """Without the vetoes, every example marked `vetoed` gives an event of the entry's types more."""
    from sukien.extract import events
    monkeypatch.setattr(events, "veto_for", lambda *a, **k: None)
    for v in vetoes():
        for ex in v.examples:
            if ex.get("vetoed"):
                without = event_types(ex["text"])
                extra = [t for t in without if t in v.types]
                assert len(extra) > sum(1 for t in ex["events"] if t in v.types), f"{v.id}: {ex['text']}"


def test_a_malformed_condition_is_refused_with_the_entry_named():
    with pytest.raises(ValueError, match="sign.tally"):
        _condition("sign.tally", {"before": 10, "after": 5, "search": "x"})
    with pytest.raises(ValueError, match="no.test"):
        _condition("no.test", {"before": 10})
