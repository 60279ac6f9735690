"""Across documents (issue 12): a surname alone or an initial and a surname is the one stored person it can
be, in either order of arrival; two people with one surname stay two. Names are invented."""
import pytest

from sukien.model import Actor
from sukien.store.actors import actor_id


@pytest.fixture
def conn(sqlite_store):
    with sqlite_store.engine.begin() as connection:
        yield connection


def test_surname_alone_after_the_full_name(conn):
    full = actor_id(conn, Actor("Dmitri Varenko", ["Thủ tướng"], "RUS"))
    assert actor_id(conn, Actor("Varenko", [], "RUS")) == full
    assert actor_id(conn, Actor("Varenko", [], None)) == full


def test_full_name_after_the_surname_alone_takes_over_its_actor(conn):
    short = actor_id(conn, Actor("Kolbeck", ["Thủ tướng"], "DEU"))
    full = actor_id(conn, Actor("Anselm Kolbeck", ["Thủ tướng"], "DEU"))
    assert full == short
    assert actor_id(conn, Actor("A. Kolbeck", [], "DEU")) == full


def test_an_initial_and_a_surname(conn):
    full = actor_id(conn, Actor("Vyacheslav Ilyich Morozin", ["Chủ tịch Duma Quốc gia"], "RUS"))
    assert actor_id(conn, Actor("V. Morozin", [], "RUS")) == full
    assert actor_id(conn, Actor("K. Morozin", [], "RUS")) != full          # another initial, another person


def test_two_people_with_one_surname_stay_two(conn):
    father = actor_id(conn, Actor("George H. W. Harlow", ["Tổng thống"], "USA"))
    son = actor_id(conn, Actor("George W. Harlow", ["Tổng thống"], "USA"))
    assert father != son
    alone = actor_id(conn, Actor("Harlow", [], "USA"))
    assert alone not in (father, son)                                       # which one? neither


def test_another_country_is_another_person(conn):
    ru = actor_id(conn, Actor("Pavel Lindqvist", [], "RUS"))
    assert actor_id(conn, Actor("Lindqvist", [], "SWE")) != ru


def test_a_vietnamese_given_name_alone_stands_for_nobody(conn):
    full = actor_id(conn, Actor("Đào Quốc Tuấn", ["Thủ tướng"], "VNM"))
    assert actor_id(conn, Actor("Tuấn", [], "VNM")) != full
