"""Issue 11's bar on all of ../shared/data: no person name on an event holds a glued word or a country's name
run into it ("Phạm Minh Chínhđã", "QuốcVương Nghị", "CubaMiguel Díaz-Canel", "Litva Gitanas Nauseda")."""
import re

import pytest

from conftest import DATA, SEEDS
from sukien.clean.respace import split_token
from sukien.lexicons import read_tsv
from sukien.lexicons.syllable import is_syllable
from sukien.pipeline import process_all

pytestmark = pytest.mark.shared

INPUTS = [SEEDS, DATA / "news_dev", DATA / "news_leads_dev" / "articles.jsonl",
          DATA / "news_modern_dev" / "articles.jsonl", DATA / "news_negative_dev" / "articles.jsonl"]


@pytest.fixture(scope="module")
def person_names():
    names = set()
    for _, processed in process_all([str(p) for p in INPUTS]):
        for event in processed.events if processed else []:
            for side in (event.source, event.target):
                if side is not None and side.name:
                    names.add((event.doc, side.name))
    return names


def _country_forms() -> set[str]:
    """Country names in every spelling of the lexicon, except one-syllable ones that are also Vietnamese
    given names or surnames ("Đức", "Thái", "Anh")."""
    forms = {n for row in read_tsv("countries.tsv") for n in row[1].split("|") if n[:1].isupper()}
    return {f for f in forms if not is_syllable(f)}


def test_no_person_name_holds_a_glued_word(person_names):
    assert len(person_names) > 300
    glued = sorted((doc, name) for doc, name in person_names
                   if any(len(split_token(w)) > 1 for w in re.findall(r"[^\W\d_]+", name)))
    assert glued == []


def test_no_person_name_starts_with_a_country(person_names):
    forms = _country_forms()
    with_country = sorted((doc, name) for doc, name in person_names
                          if any(" ".join(name.split()[:k]) in forms and len(name.split()) - k >= 1
                                 for k in (1, 2, 3)))
    assert with_country == []
